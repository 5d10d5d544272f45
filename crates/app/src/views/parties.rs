//! The parties view: the actors at the table, in order; add, reorder and remove them.
//! The selected party is edited in the inspector (name, role, power, colour, notes).

use super::rows;
use crate::document::Document;
use crate::model::{IdKind, PowerOverride, Role};
use crate::widgets::{self, Changes};
use crate::{Command, Selection, Shell, analysis_cache, edits, ids};
use eframe::egui;
use egui::{RichText, Ui};

pub fn ui(ui: &mut Ui, doc: &mut Document, shell: &mut Shell) {
    widgets::heading(
        ui,
        "Parties",
        "The actors at the table. Principals must consent to a deal; their walk-aways define the ZOPA.",
    );
    let view = shell.resolved(doc);
    if let Some((_, name)) = &view.scenario {
        widgets::scenario_banner(
            ui,
            name,
            "power shows the scenario's value; other fields are shared with the base.",
        );
    }
    if ui.button("Add party").clicked() {
        let mut id = String::new();
        doc.edit(None, |p| {
            let name = edits::fresh_name("New party", p.parties.iter().map(|x| x.name.as_str()));
            id = edits::add_party(p, &name);
        });
        shell.select_new(Selection::Party(id));
    }
    ui.add_space(6.0);
    let positions_index = analysis_cache::index(shell, doc);
    let count = view.project.parties.len();
    let mut action: Option<(usize, Move)> = None;
    // Rows of one height, laid out only where visible: a project may have thousands.
    let widths = [260.0, 90.0, 100.0, 90.0, 220.0];
    rows::header(ui, &widths, &["Party", "Role", "Power", "Positions", ""]);
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let height = ui.spacing().interact_size.y + 8.0;
            rows::rows(ui, height, count, |ui, index| {
                let party = &view.project.parties[index];
                rows::cell(ui, widths[0], |ui| {
                    widgets::swatch(ui, widgets::party_color_at(&view.project, index));
                    let selected = shell.selection == Some(Selection::Party(party.id.clone()));
                    let label = egui::Button::selectable(selected, &party.name).truncate();
                    if ui.add(label).clicked() {
                        shell.select(Selection::Party(party.id.clone()));
                    }
                });
                rows::cell(ui, widths[1], |ui| {
                    ui.label(party.role.label());
                });
                rows::cell(ui, widths[2], |ui| widgets::meter(ui, party.power, 90.0));
                let n = positions_index
                    .party_positions
                    .get(index)
                    .copied()
                    .unwrap_or(0);
                rows::cell(ui, widths[3], |ui| {
                    ui.label(format!("{n} of {}", view.project.issues.len()));
                });
                rows::cell(ui, widths[4], |ui| {
                    if ui
                        .add_enabled(index > 0, egui::Button::new("Up"))
                        .on_hover_text(format!("Move {} up", party.name))
                        .clicked()
                    {
                        action = Some((index, Move::Up));
                    }
                    if ui
                        .add_enabled(index + 1 < count, egui::Button::new("Down"))
                        .on_hover_text(format!("Move {} down", party.name))
                        .clicked()
                    {
                        action = Some((index, Move::Down));
                    }
                    if ui
                        .button("Delete")
                        .on_hover_text(format!("Delete {}", party.name))
                        .clicked()
                    {
                        shell.queue(Command::DeleteParty(party.id.clone()));
                    }
                });
            });
            if count == 0 {
                ui.label(RichText::new("No parties yet. Add the actors at the table.").weak());
            }
        });
    if let Some((index, direction)) = action {
        let other = match direction {
            Move::Up => index.wrapping_sub(1),
            Move::Down => index + 1,
        };
        doc.edit(None, |p| {
            if index < p.parties.len() && other < p.parties.len() {
                p.parties.swap(index, other);
            }
        });
    }
}

#[derive(Clone, Copy)]
enum Move {
    Up,
    Down,
}

pub fn inspector_ui(ui: &mut Ui, doc: &mut Document, shell: &mut Shell, id: &str) {
    let Some(index) = doc.project().parties.iter().position(|p| p.id == id) else {
        super::gone(ui, shell);
        return;
    };
    let view = shell.resolved(doc);
    let mut party = doc.project().parties[index].clone();
    let base_power = party.power;
    let scenario = shell.scenario_index(doc.project());
    let mut power = view.project.party(id).map_or(party.power, |p| p.power);
    ui.label(RichText::new(&party.name).strong().size(16.0));
    ui.add_space(6.0);
    let mut changes = Changes::default();
    let mut power_changes = Changes::default();
    let mut new_id = None;
    egui::Grid::new("party-form")
        .num_columns(2)
        .spacing([10.0, 8.0])
        .show(ui, |ui| {
            new_id = ids::id_row(ui, IdKind::Party, id);
            let name = widgets::text_row(ui, &mut changes, "Name", &mut party.name);
            shell.pane.focus_new_item(ui.ctx(), &name, &party.name);
            widgets::choice_row(
                ui,
                &mut changes,
                "Role",
                &mut party.role,
                &Role::ALL,
                Role::label,
            );
            widgets::number_row(ui, &mut power_changes, "Power", &mut power, 0.0..=1.0);
            if scenario.is_some() {
                ui.label("");
                ui.label(RichText::new(format!("Base power: {base_power:.2}")).italics());
                ui.end_row();
            }
            let l = widgets::label(ui, "Colour");
            ui.horizontal(|ui| {
                let current = doc.project().party_color(id).to_owned();
                let mut rgb = crate::model::parse_color(&current).unwrap_or([128, 128, 128]);
                let r = egui::color_picker::color_edit_button_srgb(ui, &mut rgb).labelled_by(l.id);
                if r.changed() {
                    party.color = Some(format!("#{:02X}{:02X}{:02X}", rgb[0], rgb[1], rgb[2]));
                    changes.track(&r);
                }
                ui.label(RichText::new(&current).monospace().weak());
                if party.color.is_some() {
                    let r = ui
                        .button("Use palette")
                        .on_hover_text("Use the default colour for this party's place in the list");
                    if r.clicked() {
                        party.color = None;
                        changes.0.get_or_insert(r.id);
                    }
                }
            });
            ui.end_row();
            widgets::multiline_row(ui, &mut changes, "Notes", &mut party.notes);
        });
    if let Some(key) = changes.0 {
        doc.edit(Some(key), |p| {
            if let Some(x) = p.parties.get_mut(index) {
                *x = party;
            }
        });
        ids::follow_name(doc, shell, IdKind::Party, index, key);
    }
    if let Some(key) = power_changes.0 {
        doc.edit(Some(key), |p| {
            match scenario.and_then(|s| p.scenarios.get_mut(s)) {
                Some(s) => match s.power.iter_mut().find(|o| o.party == id) {
                    Some(o) => o.power = power,
                    None => s.power.push(PowerOverride {
                        party: id.to_owned(),
                        power,
                    }),
                },
                None => {
                    if let Some(x) = p.parties.get_mut(index) {
                        x.power = power;
                    }
                }
            }
        });
    }
    if let Some(new) = new_id {
        ids::apply(ui.ctx(), doc, shell, IdKind::Party, id, &new);
    }
    ui.add_space(10.0);
    if ui.button("Delete party…").clicked() {
        shell.queue(Command::DeleteParty(id.to_owned()));
    }
}
