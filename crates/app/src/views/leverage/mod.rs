//! The leverage view: the leverage chart, then a sortable table of what each party can do to another (carrots,
//! sticks, alternatives) with strength, credibility, cost and status. In a scenario it shows
//! the base with the scenario's additions and replacements applied.

mod form;
mod table;

pub use form::inspector_ui;

use super::{chart, concession_matrix};
use crate::charts::{Chart, ChartOptions};
use crate::document::Document;
use crate::model::{Leverage, LeverageKind, LeverageStatus, Project};
use crate::widgets;
use crate::{Selection, Shell, edits};
use eframe::egui;
use egui::{RichText, Ui};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    #[default]
    File,
    Holder,
    Target,
    Kind,
    Instrument,
    Strength,
    Credibility,
    Cost,
    Status,
}

/// The leverage table's sort order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Sort {
    pub key: SortKey,
    pub descending: bool,
}

/// Where a row of the resolved table lives: the base list or the active scenario's list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Origin {
    Base(usize),
    Scenario(usize),
}

/// The leverage of the base or of `scenario`, each with where it lives.
fn rows(project: &Project, scenario: Option<usize>) -> Vec<(Origin, Leverage)> {
    let Some(s) = scenario.and_then(|i| project.scenarios.get(i)) else {
        return project
            .leverage
            .iter()
            .enumerate()
            .map(|(i, l)| (Origin::Base(i), l.clone()))
            .collect();
    };
    let same = |a: &Leverage, b: &Leverage| {
        a.holder == b.holder && a.target == b.target && a.instrument == b.instrument
    };
    let mut out: Vec<(Origin, Leverage)> = project
        .leverage
        .iter()
        .enumerate()
        .map(|(i, l)| match s.leverage.iter().position(|o| same(o, l)) {
            Some(j) => (Origin::Scenario(j), s.leverage[j].clone()),
            None => (Origin::Base(i), l.clone()),
        })
        .collect();
    for (j, l) in s.leverage.iter().enumerate() {
        if !project.leverage.iter().any(|b| same(b, l)) {
            out.push((Origin::Scenario(j), l.clone()));
        }
    }
    out
}

fn selection_of(origin: Origin, scenario: Option<&String>) -> Selection {
    match origin {
        Origin::Base(index) => Selection::Leverage {
            scenario: None,
            index,
        },
        Origin::Scenario(index) => Selection::Leverage {
            scenario: scenario.cloned(),
            index,
        },
    }
}

/// What the buttons above the table asked for.
enum Action {
    Add,
    Duplicate(Leverage),
    Remove(Origin),
}

pub fn ui(ui: &mut Ui, doc: &mut Document, shell: &mut Shell) {
    widgets::heading(
        ui,
        "Leverage",
        "What each party can do to another: Carrot (an inducement), Stick (a threat or penalty), Alternative (what it does without a deal).",
    );
    let scenario = shell.scenario_index(doc.project());
    let scenario_id = shell.scenario.clone();
    if let Some(s) = scenario.and_then(|i| doc.project().scenarios.get(i)) {
        widgets::scenario_banner(
            ui,
            &s.name,
            "items marked “scenario” are added or replaced by it; new items go into the scenario.",
        );
    }
    chart_ui(ui, doc, shell);
    let project = doc.project();
    let mut rows = rows(project, scenario);
    table::sort_rows(&mut rows, project, shell.leverage_sort);
    let selected = rows
        .iter()
        .find(|(o, _)| shell.selection == Some(selection_of(*o, scenario_id.as_ref())));
    let action = toolbar_ui(ui, project, selected);
    ui.add_space(4.0);
    if project.parties.is_empty() {
        ui.label(
            RichText::new("Add parties first: leverage runs from a holder to a target.").weak(),
        );
    } else if rows.is_empty() {
        ui.label(RichText::new("No leverage yet.").weak());
    }
    if let Some(selection) = table::table_ui(ui, project, &rows, shell, scenario_id.as_ref()) {
        shell.select(selection);
    }
    if let Some(action) = action {
        apply(doc, shell, scenario, action);
    }
}

/// Add leverage, and Duplicate and Remove for the selected row.
fn toolbar_ui(
    ui: &mut Ui,
    project: &Project,
    selected: Option<&(Origin, Leverage)>,
) -> Option<Action> {
    let mut action = None;
    ui.horizontal(|ui| {
        let add = ui
            .add_enabled(
                project.parties.len() >= 2,
                egui::Button::new("Add leverage"),
            )
            .on_disabled_hover_text(
                "Leverage is held by one party over another: add two parties first",
            );
        if add.clicked() {
            action = Some(Action::Add);
        }
        if let Some((origin, item)) = selected {
            if ui.button("Duplicate").clicked() {
                action = Some(Action::Duplicate(item.clone()));
            }
            if ui.button("Remove").clicked() {
                action = Some(Action::Remove(*origin));
            }
        }
    });
    action
}

fn apply(doc: &mut Document, shell: &mut Shell, scenario: Option<usize>, action: Action) {
    match action {
        // Leverage needs two parties: a holder and another party as its target.
        Action::Add => {
            if let [first, second, ..] = doc.project().parties.as_slice() {
                let item = Leverage {
                    holder: first.id.clone(),
                    target: second.id.clone(),
                    kind: LeverageKind::Carrot,
                    // Left blank: the inspector shows an example, rather than text to overwrite.
                    instrument: String::new(),
                    strength: 0.5,
                    credibility: 0.5,
                    cost: 0.0,
                    status: LeverageStatus::Available,
                    issues: Vec::new(),
                    sources: Vec::new(),
                };
                push(doc, shell, item);
            }
        }
        Action::Duplicate(mut item) => {
            item.instrument.push_str(" (copy)");
            push(doc, shell, item);
        }
        Action::Remove(origin) => {
            doc.edit(None, |p| match origin {
                Origin::Base(i) if i < p.leverage.len() => {
                    p.leverage.remove(i);
                }
                Origin::Scenario(j) => {
                    if let Some(s) = scenario.and_then(|i| p.scenarios.get_mut(i))
                        && j < s.leverage.len()
                    {
                        s.leverage.remove(j);
                    }
                }
                Origin::Base(_) => {}
            });
            shell.selection = None;
        }
    }
}

/// The leverage chart over the table: who can press whom, and how hard. Hover a mark for
/// its numbers; clicking a party selects it.
fn chart_ui(ui: &mut Ui, doc: &Document, shell: &mut Shell) {
    if doc.project().parties.is_empty() {
        return;
    }
    egui::CollapsingHeader::new(RichText::new("Chart").strong())
        .id_salt("leverage-chart")
        .default_open(true)
        .show(ui, |ui| {
            chart::export_button(ui, shell, Chart::Leverage);
            let height = (ui.available_height() * 0.5).clamp(280.0, 560.0);
            let shown = chart::show(
                ui,
                doc,
                shell,
                Chart::Leverage,
                &ChartOptions::default(),
                Some(height),
            );
            if let Some(selection) = shown.clicked().and_then(concession_matrix::selection_of) {
                shell.select(selection);
            }
            chart::omitted_ui(ui, &shown, "The table below lists every item.");
        });
    ui.add_space(4.0);
}

/// Add an item to the active scenario (or the base) and select it.
fn push(doc: &mut Document, shell: &mut Shell, item: Leverage) {
    let scenario = shell.scenario_index(doc.project());
    let mut index = 0;
    doc.edit(None, |p| {
        index = edits::push_to_layer(p, scenario, item, |p| &mut p.leverage, |s| &mut s.leverage);
    });
    shell.select_new(Selection::Leverage {
        scenario: scenario.and(shell.scenario.clone()),
        index,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scenario_rows_replace_and_add() {
        let text = include_str!("../../../../../sample_projects/ceasefire-2025.ron");
        let mut project = match crate::format::load_bytes(text.as_bytes()) {
            Ok(l) => l.project,
            Err(e) => panic!("{e}"),
        };
        let mut replaced = project.leverage[0].clone();
        replaced.strength = 0.01;
        let mut added = replaced.clone();
        added.instrument = "Something new".into();
        project.scenarios[0].leverage = vec![added, replaced];
        let base_len = project.leverage.len();
        let rows = rows(&project, Some(0));
        // Every base item once (the first replaced by scenario item 1), then the addition.
        assert_eq!(rows.len(), base_len + 1);
        assert_eq!(rows[0].0, Origin::Scenario(1));
        assert_eq!(rows[0].1.strength, 0.01);
        assert_eq!(rows[base_len].0, Origin::Scenario(0));
        let mut sorted = rows.clone();
        table::sort_rows(
            &mut sorted,
            &project,
            Sort {
                key: SortKey::Strength,
                descending: false,
            },
        );
        assert!(
            sorted
                .windows(2)
                .all(|w| w[0].1.strength <= w[1].1.strength)
        );
    }
}
