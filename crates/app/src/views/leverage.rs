//! The leverage view: the leverage chart, then a sortable table of what each party can do to another (carrots,
//! sticks, alternatives) with strength, credibility, cost and status. In a scenario it shows
//! the base with the scenario's additions and replacements applied.

use super::{chart, concession_matrix};
use crate::charts::{Chart, ChartOptions};
use crate::document::Document;
use crate::model::{Leverage, LeverageKind, LeverageStatus, Project};
use crate::widgets::{self, Changes};
use crate::{Selection, Shell, edits};
use eframe::egui;
use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

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
    sort_rows(&mut rows, project, shell.leverage_sort);
    let mut add = false;
    let mut duplicate = None;
    let mut remove = None;
    ui.horizontal(|ui| {
        add = ui
            .add_enabled(
                project.parties.len() >= 2,
                egui::Button::new("Add leverage"),
            )
            .on_disabled_hover_text(
                "Leverage is held by one party over another: add two parties first",
            )
            .clicked();
        let selected = rows
            .iter()
            .find(|(o, _)| shell.selection == Some(selection_of(*o, scenario_id.as_ref())));
        if let Some((origin, item)) = selected {
            if ui.button("Duplicate").clicked() {
                duplicate = Some(item.clone());
            }
            if ui.button("Remove").clicked() {
                remove = Some(*origin);
            }
        }
    });
    ui.add_space(4.0);
    if project.parties.is_empty() {
        ui.label(
            RichText::new("Add parties first: leverage runs from a holder to a target.").weak(),
        );
    } else if rows.is_empty() {
        ui.label(RichText::new("No leverage yet.").weak());
    }
    let mut clicked = None;
    let mut sort = shell.leverage_sort;
    egui::ScrollArea::horizontal()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let header = |ui: &mut Ui, sort: &mut Sort, key: SortKey, text: &str| {
                let r = ui
                    .add(egui::Button::new(RichText::new(text).strong()).frame(false))
                    .on_hover_text(format!("Sort by {}", text.to_lowercase()));
                if sort.key == key {
                    sort_arrow(ui, r.rect, sort.descending);
                }
                if r.clicked() {
                    if sort.key == key {
                        sort.descending = !sort.descending;
                    } else {
                        *sort = Sort {
                            key,
                            descending: false,
                        };
                    }
                }
            };
            TableBuilder::new(ui)
                .id_salt("leverage-table")
                .striped(true)
                .auto_shrink([false, false])
                .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
                .column(Column::exact(120.0).clip(true))
                .column(Column::exact(110.0).clip(true))
                .column(Column::exact(78.0))
                .column(Column::remainder().at_least(170.0).clip(true))
                .columns(Column::exact(62.0), 2)
                .column(Column::exact(48.0))
                .column(Column::exact(80.0))
                .column(Column::exact(150.0).clip(true))
                .header(26.0, |mut h| {
                    h.col(|ui| header(ui, &mut sort, SortKey::Holder, "Holder"));
                    h.col(|ui| header(ui, &mut sort, SortKey::Target, "Target"));
                    h.col(|ui| header(ui, &mut sort, SortKey::Kind, "Kind"));
                    h.col(|ui| header(ui, &mut sort, SortKey::Instrument, "Instrument"));
                    h.col(|ui| header(ui, &mut sort, SortKey::Strength, "Strength"));
                    h.col(|ui| header(ui, &mut sort, SortKey::Credibility, "Credible"));
                    h.col(|ui| header(ui, &mut sort, SortKey::Cost, "Cost"));
                    h.col(|ui| header(ui, &mut sort, SortKey::Status, "Status"));
                    h.col(|ui| {
                        ui.label(RichText::new("Issues").strong());
                    });
                })
                .body(|body| {
                    body.rows(26.0, rows.len(), |mut row| {
                        let Some((origin, l)) = rows.get(row.index()) else {
                            return;
                        };
                        let selection = selection_of(*origin, scenario_id.as_ref());
                        row.set_selected(shell.selection.as_ref() == Some(&selection));
                        row.col(|ui| {
                            ui.horizontal(|ui| {
                                widgets::swatch(ui, widgets::party_color(project, &l.holder));
                                ui.add(
                                    egui::Label::new(widgets::party_name(project, &l.holder))
                                        .truncate()
                                        .selectable(false),
                                );
                            });
                        });
                        row.col(|ui| {
                            ui.add(
                                egui::Label::new(widgets::party_name(project, &l.target))
                                    .truncate()
                                    .selectable(false),
                            );
                        });
                        row.col(|ui| {
                            ui.label(kind_text(ui, l.kind));
                        });
                        row.col(|ui| {
                            let mut text = if l.instrument.trim().is_empty() {
                                "(instrument not described yet)".to_owned()
                            } else {
                                l.instrument.clone()
                            };
                            if matches!(origin, Origin::Scenario(_)) {
                                text.push_str("  (scenario)");
                            }
                            ui.add(egui::Label::new(text).truncate().selectable(false));
                        });
                        for v in [l.strength, l.credibility, l.cost] {
                            row.col(|ui| widgets::meter(ui, v, 40.0));
                        }
                        row.col(|ui| {
                            ui.label(l.status.label());
                        });
                        row.col(|ui| {
                            let text = if l.issues.is_empty() {
                                "whole negotiation".to_owned()
                            } else {
                                l.issues
                                    .iter()
                                    .map(|i| widgets::issue_name(project, i))
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            };
                            ui.add(
                                egui::Label::new(RichText::new(text).weak())
                                    .truncate()
                                    .selectable(false),
                            );
                        });
                        if row.response().clicked() {
                            clicked = Some(selection);
                        }
                    });
                });
        });
    shell.leverage_sort = sort;
    if let Some(selection) = clicked {
        shell.select(selection);
    }
    // Leverage needs two parties: a holder and another party as its target.
    if add && let [first, second, ..] = doc.project().parties.as_slice() {
        let holder = first.id.clone();
        let target = second.id.clone();
        let item = Leverage {
            holder,
            target,
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
    if let Some(mut item) = duplicate {
        item.instrument.push_str(" (copy)");
        push(doc, shell, item);
    }
    if let Some(origin) = remove {
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

/// A small triangle after a sorted column's title: up for ascending, down for descending.
fn sort_arrow(ui: &Ui, title: egui::Rect, descending: bool) {
    let c = egui::pos2(title.right() + 8.0, title.center().y);
    let (tip, base) = if descending { (4.0, -3.0) } else { (-4.0, 3.0) };
    let points = vec![
        egui::pos2(c.x - 4.0, c.y + base),
        egui::pos2(c.x + 4.0, c.y + base),
        egui::pos2(c.x, c.y + tip),
    ];
    ui.painter().add(egui::Shape::convex_polygon(
        points,
        ui.visuals().strong_text_color(),
        egui::Stroke::NONE,
    ));
}

fn kind_text(ui: &Ui, kind: LeverageKind) -> RichText {
    let dark = ui.visuals().dark_mode;
    let color = match (kind, dark) {
        (LeverageKind::Carrot, false) => egui::Color32::from_rgb(0, 120, 60),
        (LeverageKind::Carrot, true) => egui::Color32::from_rgb(110, 210, 140),
        (LeverageKind::Stick, false) => egui::Color32::from_rgb(180, 40, 30),
        (LeverageKind::Stick, true) => egui::Color32::from_rgb(255, 120, 100),
        (LeverageKind::Alternative, false) => egui::Color32::from_rgb(30, 80, 170),
        (LeverageKind::Alternative, true) => egui::Color32::from_rgb(120, 170, 255),
    };
    RichText::new(kind.label()).color(color)
}

fn sort_rows(rows: &mut [(Origin, Leverage)], project: &Project, sort: Sort) {
    let name = |id: &str| widgets::party_name(project, id).to_lowercase();
    match sort.key {
        SortKey::File => {}
        SortKey::Holder => rows.sort_by_key(|(_, l)| name(&l.holder)),
        SortKey::Target => rows.sort_by_key(|(_, l)| name(&l.target)),
        SortKey::Kind => rows.sort_by_key(|(_, l)| l.kind.label()),
        SortKey::Instrument => rows.sort_by_key(|(_, l)| l.instrument.to_lowercase()),
        SortKey::Strength => rows.sort_by(|a, b| a.1.strength.total_cmp(&b.1.strength)),
        SortKey::Credibility => rows.sort_by(|a, b| a.1.credibility.total_cmp(&b.1.credibility)),
        SortKey::Cost => rows.sort_by(|a, b| a.1.cost.total_cmp(&b.1.cost)),
        SortKey::Status => rows.sort_by_key(|(_, l)| l.status.label()),
    }
    if sort.descending {
        rows.reverse();
    }
}

pub fn inspector_ui(
    ui: &mut Ui,
    doc: &mut Document,
    shell: &mut Shell,
    scenario: Option<&str>,
    index: usize,
) {
    let scenario_index =
        scenario.and_then(|id| doc.project().scenarios.iter().position(|s| s.id == id));
    let item = match scenario_index {
        Some(s) => doc.project().scenarios[s].leverage.get(index).cloned(),
        None if scenario.is_none() => doc.project().leverage.get(index).cloned(),
        None => None,
    };
    let Some(mut item) = item else {
        super::gone(ui, shell);
        return;
    };
    let project = doc.project();
    ui.label(RichText::new("Leverage").strong().size(16.0));
    if let Some(s) = scenario_index {
        ui.label(RichText::new(format!("In scenario “{}”", project.scenarios[s].name)).italics());
        if let Some(base) = project.leverage.iter().find(|b| {
            b.holder == item.holder && b.target == item.target && b.instrument == item.instrument
        }) {
            ui.label(
                RichText::new(format!(
                    "Base: strength {:.2}, credibility {:.2}, cost {:.2}, {}",
                    base.strength,
                    base.credibility,
                    base.cost,
                    base.status.label()
                ))
                .weak(),
            );
        }
    } else if let Some(active) = shell.scenario_index(project) {
        ui.label(
            RichText::new("A base item: edits here change the base, seen by every scenario.")
                .weak(),
        );
        if ui.button("Override in this scenario").clicked() {
            let copy = item.clone();
            let mut new_index = 0;
            doc.edit(None, |p| {
                if let Some(s) = p.scenarios.get_mut(active) {
                    s.leverage.push(copy);
                    new_index = s.leverage.len() - 1;
                }
            });
            shell.select(Selection::Leverage {
                scenario: shell.scenario.clone(),
                index: new_index,
            });
            return;
        }
    }
    ui.add_space(6.0);
    let parties = widgets::party_options(project);
    let issues = widgets::issue_options(project);
    let sources = widgets::source_options(project);
    let mut changes = Changes::default();
    egui::Grid::new("leverage-form")
        .num_columns(2)
        .spacing([10.0, 8.0])
        .show(ui, |ui| {
            // A party has no leverage over itself: each picker leaves out the other's party.
            let others = |id: &str| -> Vec<(String, String)> {
                parties.iter().filter(|(p, _)| p != id).cloned().collect()
            };
            let holders = others(&item.target);
            let targets = others(&item.holder);
            widgets::id_choice_row(ui, &mut changes, "Holder", &mut item.holder, &holders);
            widgets::id_choice_row(ui, &mut changes, "Target", &mut item.target, &targets);
            widgets::choice_row(
                ui,
                &mut changes,
                "Kind",
                &mut item.kind,
                &LeverageKind::ALL,
                LeverageKind::label,
            );
            let instrument = widgets::text_row_hint(
                ui,
                &mut changes,
                "Instrument",
                &mut item.instrument,
                "what is offered or threatened, e.g. Sanctions relief",
            );
            shell
                .pane
                .focus_new_item(ui.ctx(), &instrument, &item.instrument);
            widgets::number_row(ui, &mut changes, "Strength", &mut item.strength, 0.0..=1.0);
            widgets::number_row(
                ui,
                &mut changes,
                "Credibility",
                &mut item.credibility,
                0.0..=1.0,
            );
            widgets::number_row(ui, &mut changes, "Cost", &mut item.cost, 0.0..=1.0);
            widgets::choice_row(
                ui,
                &mut changes,
                "Status",
                &mut item.status,
                &LeverageStatus::ALL,
                LeverageStatus::label,
            );
            widgets::id_set_row(
                ui,
                &mut changes,
                "Issues",
                &mut item.issues,
                &issues,
                "No issues yet",
            );
            ui.label("");
            ui.label(
                RichText::new("None ticked: it bears on the whole negotiation.")
                    .weak()
                    .small(),
            );
            ui.end_row();
            widgets::id_set_row(
                ui,
                &mut changes,
                "Sources",
                &mut item.sources,
                &sources,
                "No sources yet (add them in Overview)",
            );
        });
    if let Some(key) = changes.0 {
        doc.edit(Some(key), |p| {
            let list = match scenario_index.and_then(|s| p.scenarios.get_mut(s)) {
                Some(s) => &mut s.leverage,
                None => &mut p.leverage,
            };
            if let Some(x) = list.get_mut(index) {
                *x = item;
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scenario_rows_replace_and_add() {
        let text = include_str!("../../../../sample_projects/ceasefire-2025.ron");
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
        sort_rows(
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
