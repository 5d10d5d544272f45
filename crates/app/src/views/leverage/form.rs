//! The inspector's form for one leverage item: who holds it over whom, its kind and
//! instrument, strength, credibility, cost, status, issues and sources. In a scenario it
//! edits the scenario's copy and shows the base's figures beside it.

use crate::document::Document;
use crate::model::{Leverage, LeverageKind, LeverageStatus, Project};
use crate::widgets::{self, Changes};
use crate::{Selection, Shell, edits};
use eframe::egui;
use egui::{RichText, Ui};

pub fn inspector_ui(
    ui: &mut Ui,
    doc: &mut Document,
    shell: &mut Shell,
    scenario: Option<&str>,
    index: usize,
) {
    let item = edits::layer_item(
        doc.project(),
        scenario,
        index,
        |p| &p.leverage,
        |s| &s.leverage,
    );
    let Some((scenario_index, mut item)) = item else {
        crate::views::gone(ui, shell);
        return;
    };
    ui.label(RichText::new("Leverage").strong().size(16.0));
    if scenario_note_ui(ui, doc, shell, scenario_index, &item) {
        return;
    }
    ui.add_space(6.0);
    let mut changes = Changes::default();
    egui::Grid::new("leverage-form")
        .num_columns(2)
        .spacing([10.0, 8.0])
        .show(ui, |ui| {
            fields_ui(ui, doc.project(), shell, &mut changes, &mut item)
        });
    if let Some(key) = changes.0 {
        doc.edit(Some(key), |p| {
            let list =
                edits::layer_mut(p, scenario_index, |p| &mut p.leverage, |s| &mut s.leverage);
            if let Some(x) = list.get_mut(index) {
                *x = item;
            }
        });
    }
}

/// Where the item lives: in a scenario (with the base's figures), or in the base with a
/// button to override it in the active scenario. Returns whether that button made the
/// override (the form then shows the copy from the next frame).
fn scenario_note_ui(
    ui: &mut Ui,
    doc: &mut Document,
    shell: &mut Shell,
    scenario_index: Option<usize>,
    item: &Leverage,
) -> bool {
    let project = doc.project();
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
            return true;
        }
    }
    false
}

/// The form's rows.
fn fields_ui(
    ui: &mut Ui,
    project: &Project,
    shell: &mut Shell,
    changes: &mut Changes,
    item: &mut Leverage,
) {
    let parties = widgets::party_options(project);
    let issues = widgets::issue_options(project);
    let sources = widgets::source_options(project);
    // A party has no leverage over itself: each picker leaves out the other's party.
    let others = |id: &str| -> Vec<(String, String)> {
        parties.iter().filter(|(p, _)| p != id).cloned().collect()
    };
    let holders = others(&item.target);
    let targets = others(&item.holder);
    widgets::id_choice_row(ui, changes, "Holder", &mut item.holder, &holders);
    widgets::id_choice_row(ui, changes, "Target", &mut item.target, &targets);
    widgets::choice_row(
        ui,
        changes,
        "Kind",
        &mut item.kind,
        &LeverageKind::ALL,
        LeverageKind::label,
    );
    let instrument = widgets::text_row_hint(
        ui,
        changes,
        "Instrument",
        &mut item.instrument,
        "what is offered or threatened, e.g. Sanctions relief",
    );
    shell
        .pane
        .focus_new_item(ui.ctx(), &instrument, &item.instrument);
    widgets::number_row(ui, changes, "Strength", &mut item.strength, 0.0..=1.0);
    widgets::number_row(ui, changes, "Credibility", &mut item.credibility, 0.0..=1.0);
    widgets::number_row(ui, changes, "Cost", &mut item.cost, 0.0..=1.0);
    widgets::choice_row(
        ui,
        changes,
        "Status",
        &mut item.status,
        &LeverageStatus::ALL,
        LeverageStatus::label,
    );
    widgets::id_set_row(
        ui,
        changes,
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
        changes,
        "Sources",
        &mut item.sources,
        &sources,
        "No sources yet (add them in Overview)",
    );
}
