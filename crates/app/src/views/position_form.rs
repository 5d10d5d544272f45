//! The inspector's form for one position (a grid cell): stance, ideal, walk-away, salience,
//! red line, rationale and sources, in the base or as the active scenario's override.

use crate::document::{Document, EditKey};
use crate::model::{Issue, Party, Position, Project};
use crate::widgets::{self, Changes};
use crate::{Shell, edits};
use eframe::egui;
use egui::{RichText, Ui};

/// Store `position` in the base, or as an override in the active scenario.
pub fn write_position(doc: &mut Document, shell: &Shell, key: Option<EditKey>, position: Position) {
    let scenario = shell.scenario_index(doc.project());
    doc.edit(key, |p| {
        let list = match scenario {
            Some(i) => match p.scenarios.get_mut(i) {
                Some(s) => &mut s.positions,
                None => return,
            },
            None => &mut p.positions,
        };
        match list
            .iter_mut()
            .find(|x| x.party == position.party && x.issue == position.issue)
        {
            Some(existing) => *existing = position,
            None => list.push(position),
        }
    });
}

/// Remove the position of (party, issue) from the base, or the active scenario's override.
fn remove_position(doc: &mut Document, shell: &Shell, party: &str, issue: &str) {
    let scenario = shell.scenario_index(doc.project());
    doc.edit(None, |p| {
        let list = match scenario {
            Some(i) => match p.scenarios.get_mut(i) {
                Some(s) => &mut s.positions,
                None => return,
            },
            None => &mut p.positions,
        };
        list.retain(|x| !(x.party == party && x.issue == issue));
    });
}

/// The form of one position. `focus_stance`: put the cursor in the Stance field (or on "Add
/// position" when there is none yet).
pub fn inspector_ui(
    ui: &mut Ui,
    doc: &mut Document,
    shell: &mut Shell,
    (party, issue): (&str, &str),
    focus_stance: bool,
) {
    let view = shell.resolved(doc);
    let project = &view.project;
    let (Some(p), Some(i)) = (project.party(party), project.issue(issue)) else {
        super::gone(ui, shell);
        return;
    };
    title_ui(ui, project, p, i);
    let base = doc.project().position(party, issue).cloned();
    let in_scenario = view.scenario.is_some();
    if in_scenario {
        base_note_ui(ui, base.as_ref());
    }
    // Whether the active scenario overrides this cell. Its notice goes below the form: the
    // first keystroke in a base cell creates the override, and nothing above the field being
    // typed into may appear then (it would move the field and take its focus).
    let overridden = in_scenario
        && shell
            .scenario_index(doc.project())
            .and_then(|s| doc.project().scenarios.get(s))
            .is_some_and(|s| {
                s.positions
                    .iter()
                    .any(|x| x.party == party && x.issue == issue)
            });
    let Some(mut position) = project.position(party, issue).cloned() else {
        ui.label("No position yet.");
        let add = ui.button("Add position");
        if focus_stance {
            add.request_focus();
        }
        if add.clicked() {
            write_position(doc, shell, None, edits::new_position(party, issue));
        }
        return;
    };
    let mut changes = Changes::default();
    let stance = egui::Grid::new("position-form")
        .num_columns(2)
        .spacing([10.0, 8.0])
        .show(ui, |ui| fields_ui(ui, project, &mut changes, &mut position))
        .inner;
    if focus_stance {
        // Its number comes selected, so typing replaces it.
        shell.pane.focus_next_frame(stance);
    }
    if !position.accepts(position.stance) {
        ui.label(
            RichText::new("The stance is on the wrong side of its own walk-away.")
                .color(ui.visuals().warn_fg_color),
        );
    }
    if let Some(key) = changes.0 {
        write_position(doc, shell, Some(key), position);
    }
    ui.add_space(10.0);
    if overridden {
        ui.label(
            RichText::new("This scenario overrides the base here.")
                .color(ui.visuals().warn_fg_color),
        );
        if ui.button("Reset to base").clicked() {
            remove_position(doc, shell, party, issue);
            return;
        }
    }
    let remove = if in_scenario {
        "Remove from scenario"
    } else {
        "Delete position"
    };
    if (!in_scenario || base.is_none()) && ui.button(remove).clicked() {
        remove_position(doc, shell, party, issue);
    }
}

/// "Party on Issue" in the party's colour, then what the issue's scale means.
fn title_ui(ui: &mut Ui, project: &Project, party: &Party, issue: &Issue) {
    ui.horizontal(|ui| {
        widgets::swatch(ui, widgets::party_color(project, &party.id));
        // Wrap rather than widen the inspector for long names.
        ui.add(
            egui::Label::new(
                RichText::new(format!("{} on {}", party.name, issue.name))
                    .strong()
                    .size(16.0),
            )
            .wrap(),
        );
    });
    ui.label(RichText::new(format!("0 = {}", issue.low)).weak());
    ui.label(RichText::new(format!("100 = {}", issue.high)).weak());
    for mark in &issue.marks {
        ui.label(
            RichText::new(format!("{:.0}: {}", mark.at, mark.label))
                .weak()
                .italics(),
        );
    }
    ui.add_space(6.0);
}

/// In a scenario: the base's position, for comparison.
fn base_note_ui(ui: &mut Ui, base: Option<&Position>) {
    let base_text = match base {
        Some(b) => format!(
            "Base: stance {:.1}{}, salience {:.2}",
            b.stance,
            b.walk_away
                .map(|w| format!(", walk-away {w:.1}"))
                .unwrap_or_default(),
            b.salience
        ),
        None => "Base: no position".to_owned(),
    };
    ui.label(RichText::new(base_text).italics());
    ui.add_space(4.0);
}

/// The form's rows: stance, ideal, walk-away, salience, red line, rationale, sources.
/// Returns the Stance field's id.
fn fields_ui(
    ui: &mut Ui,
    project: &Project,
    changes: &mut Changes,
    position: &mut Position,
) -> egui::Id {
    let stance = widgets::number_row(ui, changes, "Stance", &mut position.stance, 0.0..=100.0);

    let l = widgets::label(ui, "Ideal");
    widgets::optional_number(
        ui,
        changes,
        l.id,
        &mut position.ideal,
        0.0..=100.0,
        "same as the stance",
    );
    ui.end_row();

    let l = widgets::label(ui, "Walk-away");
    widgets::optional_number(
        ui,
        changes,
        l.id,
        &mut position.walk_away,
        0.0..=100.0,
        "none",
    );
    if position.walk_away.is_none() {
        position.red_line = false;
    }
    ui.end_row();

    widgets::number_row(ui, changes, "Salience", &mut position.salience, 0.0..=1.0);

    widgets::label(ui, "Red line");
    let r = ui
        .add_enabled(
            position.walk_away.is_some(),
            egui::Checkbox::new(
                &mut position.red_line,
                "Walk-away is public and non-negotiable",
            ),
        )
        .on_disabled_hover_text("Set a walk-away first");
    changes.track(&r);
    ui.end_row();

    widgets::multiline_row(ui, changes, "Rationale", &mut position.rationale);
    let sources = widgets::source_options(project);
    widgets::id_set_row(
        ui,
        changes,
        "Sources",
        &mut position.sources,
        &sources,
        "No sources yet (add them in Overview)",
    );
    stance.id
}
