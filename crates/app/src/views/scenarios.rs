//! The scenarios view: alternative futures as overrides of the base. Create, duplicate,
//! rename and delete scenarios, and edit each override with the base value beside it.

use crate::document::Document;
use crate::model::{IdKind, PowerOverride, Project, Scenario, unique_id};
use crate::widgets::{self, Changes};
use crate::{Selection, Shell, edits, ids};
use eframe::egui;
use egui::{RichText, Ui};
use stancemap_core::words::plural;

pub fn ui(ui: &mut Ui, doc: &mut Document, shell: &mut Shell) {
    widgets::heading(
        ui,
        "Scenarios",
        "Each scenario is the base project with some positions, leverage and power changed, plus hypothetical events.",
    );
    ui.horizontal(|ui| {
        if ui.button("New scenario").clicked() {
            let id = create(doc, None);
            shell.select_new(Selection::Scenario(id));
        }
        if let Some(current) = shown(doc.project(), shell) {
            if ui.button("Duplicate").clicked() {
                let id = create(doc, Some(current));
                shell.select(Selection::Scenario(id));
            }
            if ui.button("Delete").clicked() {
                delete(doc, shell, current);
            }
        }
    });
    ui.add_space(6.0);
    let project = doc.project();
    if project.scenarios.is_empty() {
        ui.label(
            RichText::new(
                "No scenarios yet. A scenario asks “what if?” without touching the base.",
            )
            .weak(),
        );
        return;
    }
    let current = shown(project, shell);
    ui.horizontal_wrapped(|ui| {
        for (i, s) in project.scenarios.iter().enumerate() {
            if ui.selectable_label(current == Some(i), &s.name).clicked() {
                shell.select(Selection::Scenario(s.id.clone()));
            }
        }
    });
    ui.separator();
    let Some(index) = current else {
        return;
    };
    let mut scenario = project.scenarios[index].clone();
    let base = project;
    let mut changes = Changes::default();
    let mut structural = false;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(RichText::new(&scenario.name).strong().size(16.0));
                if shell.scenario.as_deref() != Some(scenario.id.as_str()) {
                    if ui
                        .button("Show in every view")
                        .on_hover_text("Make this the active scenario")
                        .clicked()
                    {
                        shell.scenario = Some(scenario.id.clone());
                    }
                } else {
                    ui.label(RichText::new("(active)").weak());
                }
            });
            if !scenario.description.is_empty() {
                ui.label(&scenario.description);
            }
            ui.add_space(8.0);
            structural |= positions_ui(ui, base, &mut scenario, &mut changes);
            ui.add_space(8.0);
            structural |= power_ui(ui, base, &mut scenario, &mut changes);
            ui.add_space(8.0);
            structural |= leverage_ui(ui, base, &mut scenario, &mut changes, shell);
            ui.add_space(8.0);
            events_ui(ui, &scenario, shell);
        });
    if changes.any() || structural {
        let key = if structural { None } else { changes.0 };
        doc.edit(key, |p| {
            if let Some(s) = p.scenarios.get_mut(index) {
                *s = scenario;
            }
        });
    }
}

/// The scenario the view shows: the selected one, else the active one, else the first.
fn shown(project: &Project, shell: &Shell) -> Option<usize> {
    let by_id = |id: &str| project.scenarios.iter().position(|s| s.id == id);
    match &shell.selection {
        Some(Selection::Scenario(id)) => by_id(id),
        _ => None,
    }
    .or_else(|| shell.scenario.as_deref().and_then(by_id))
    .or_else(|| (!project.scenarios.is_empty()).then_some(0))
}

fn create(doc: &mut Document, copy_of: Option<usize>) -> String {
    let mut id = String::new();
    doc.edit(None, |p| {
        let mut scenario = match copy_of.and_then(|i| p.scenarios.get(i)) {
            Some(s) => {
                let mut s = s.clone();
                s.name = format!("{} (copy)", s.name);
                s
            }
            None => Scenario {
                id: String::new(),
                name: edits::fresh_name(
                    "New scenario",
                    p.scenarios.iter().map(|s| s.name.as_str()),
                ),
                description: String::new(),
                positions: Vec::new(),
                leverage: Vec::new(),
                power: Vec::new(),
                events: Vec::new(),
            },
        };
        scenario.id = unique_id(&scenario.name, p.scenarios.iter().map(|s| s.id.as_str()));
        id = scenario.id.clone();
        p.scenarios.push(scenario);
    });
    id
}

fn delete(doc: &mut Document, shell: &mut Shell, index: usize) {
    let id = doc.project().scenarios.get(index).map(|s| s.id.clone());
    doc.edit(None, |p| {
        if index < p.scenarios.len() {
            p.scenarios.remove(index);
        }
    });
    if shell.scenario == id {
        shell.scenario = None;
    }
    shell.selection = None;
}

fn section(ui: &mut Ui, title: &str, note: &str) {
    ui.label(RichText::new(title).strong().size(15.0));
    ui.label(RichText::new(note).weak());
}

fn positions_ui(ui: &mut Ui, base: &Project, s: &mut Scenario, changes: &mut Changes) -> bool {
    section(
        ui,
        "Positions",
        "Stances this scenario changes. Edit any cell in the positions grid with this scenario active to add one.",
    );
    let mut remove = None;
    egui::Grid::new("scenario-positions")
        .num_columns(6)
        .striped(true)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            for head in ["Party", "Issue", "Stance", "Base stance", "Walk-away", ""] {
                ui.label(RichText::new(head).strong());
            }
            ui.end_row();
            for (i, p) in s.positions.iter_mut().enumerate() {
                let b = base.position(&p.party, &p.issue);
                ui.label(widgets::party_name(base, &p.party));
                ui.label(widgets::issue_name(base, &p.issue));
                let r = ui
                    .add(
                        egui::DragValue::new(&mut p.stance)
                            .range(0.0..=100.0)
                            .fixed_decimals(1),
                    )
                    .on_hover_text(format!(
                        "Stance of {} on {} in this scenario",
                        widgets::party_name(base, &p.party),
                        widgets::issue_name(base, &p.issue)
                    ));
                changes.track(&r);
                ui.label(
                    RichText::new(b.map_or("—".to_owned(), |b| format!("{:.1}", b.stance))).weak(),
                );
                let walk = |w: Option<f64>| w.map_or("none".to_owned(), |w| format!("{w:.1}"));
                ui.label(format!(
                    "{} (base {})",
                    walk(p.walk_away),
                    walk(b.and_then(|b| b.walk_away))
                ));
                if ui.button("Reset to base").clicked() {
                    remove = Some(i);
                }
                ui.end_row();
            }
        });
    if s.positions.is_empty() {
        ui.label(RichText::new("None.").weak());
    }
    if let Some(i) = remove {
        s.positions.remove(i);
        return true;
    }
    false
}

fn power_ui(ui: &mut Ui, base: &Project, s: &mut Scenario, changes: &mut Changes) -> bool {
    section(
        ui,
        "Power",
        "Parties whose overall power differs in this scenario.",
    );
    let mut structural = false;
    let mut remove = None;
    egui::Grid::new("scenario-power")
        .num_columns(4)
        .striped(true)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            for (i, o) in s.power.iter_mut().enumerate() {
                ui.label(widgets::party_name(base, &o.party));
                let r = ui
                    .add(egui::Slider::new(&mut o.power, 0.0..=1.0).fixed_decimals(2))
                    .on_hover_text(format!(
                        "Power of {} in this scenario",
                        widgets::party_name(base, &o.party)
                    ));
                changes.track(&r);
                let b = base.party(&o.party).map_or(0.0, |p| p.power);
                ui.label(RichText::new(format!("base {b:.2}")).weak());
                if ui.button("Reset to base").clicked() {
                    remove = Some(i);
                }
                ui.end_row();
            }
        });
    if let Some(i) = remove {
        s.power.remove(i);
        structural = true;
    }
    let missing: Vec<_> = base
        .parties
        .iter()
        .filter(|p| !s.power.iter().any(|o| o.party == p.id))
        .collect();
    if !missing.is_empty() {
        ui.menu_button("Override a party's power", |ui| {
            for p in missing {
                if ui.button(&p.name).clicked() {
                    s.power.push(PowerOverride {
                        party: p.id.clone(),
                        power: p.power,
                    });
                    structural = true;
                }
            }
        });
    }
    structural
}

fn leverage_ui(
    ui: &mut Ui,
    base: &Project,
    s: &mut Scenario,
    changes: &mut Changes,
    shell: &mut Shell,
) -> bool {
    section(
        ui,
        "Leverage",
        "Items this scenario adds, or replaces (same holder, target and instrument as a base item).",
    );
    let mut remove = None;
    for (i, l) in s.leverage.iter_mut().enumerate() {
        let b = base
            .leverage
            .iter()
            .find(|b| b.holder == l.holder && b.target == l.target && b.instrument == l.instrument);
        let name = format!(
            "{} on {}: {}",
            widgets::party_name(base, &l.holder),
            widgets::party_name(base, &l.target),
            l.instrument
        );
        ui.push_id(("scenario-leverage", i), |ui| {
            if ui
                .add(egui::Button::selectable(false, &name).wrap())
                .on_hover_text("Edit every field in the inspector")
                .clicked()
            {
                shell.select(Selection::Leverage {
                    scenario: Some(s.id.clone()),
                    index: i,
                });
            }
            ui.horizontal(|ui| {
                ui.add_space(12.0);
                let l1 = ui.label("Strength");
                let r = ui
                    .add(
                        egui::DragValue::new(&mut l.strength)
                            .range(0.0..=1.0)
                            .speed(0.01)
                            .fixed_decimals(2),
                    )
                    .labelled_by(l1.id);
                changes.track(&r);
                let l2 = ui.label("Credibility");
                let r = ui
                    .add(
                        egui::DragValue::new(&mut l.credibility)
                            .range(0.0..=1.0)
                            .speed(0.01)
                            .fixed_decimals(2),
                    )
                    .labelled_by(l2.id);
                changes.track(&r);
                ui.label(
                    RichText::new(match b {
                        Some(b) => format!("base {:.2} / {:.2}", b.strength, b.credibility),
                        None => "added by this scenario".to_owned(),
                    })
                    .weak(),
                );
                ui.label(l.status.label());
                if ui.button("Remove").clicked() {
                    remove = Some(i);
                }
            });
        });
        ui.add_space(4.0);
    }
    if s.leverage.is_empty() {
        ui.label(
            RichText::new(
                "None. Use the leverage view with this scenario active to add or override items.",
            )
            .weak(),
        );
    }
    if let Some(i) = remove {
        s.leverage.remove(i);
        return true;
    }
    false
}

fn events_ui(ui: &mut Ui, s: &Scenario, shell: &mut Shell) {
    section(
        ui,
        "Hypothetical events",
        "Events that happen only in this scenario (edit them in the timeline).",
    );
    for (i, e) in s.events.iter().enumerate() {
        let text = format!("{}  {}  ({})", e.date, e.title, e.kind.label());
        if ui.selectable_label(false, text).clicked() {
            shell.scenario = Some(s.id.clone());
            shell.select(Selection::Event {
                scenario: Some(s.id.clone()),
                index: i,
            });
        }
    }
    if s.events.is_empty() {
        ui.label(RichText::new("None. Add them in the timeline with this scenario active.").weak());
    }
}

pub fn inspector_ui(ui: &mut Ui, doc: &mut Document, shell: &mut Shell, id: &str) {
    let Some(index) = doc.project().scenarios.iter().position(|s| s.id == id) else {
        super::gone(ui, shell);
        return;
    };
    let mut scenario = doc.project().scenarios[index].clone();
    ui.label(RichText::new("Scenario").strong().size(16.0));
    ui.add_space(6.0);
    let mut changes = Changes::default();
    let mut new_id = None;
    egui::Grid::new("scenario-form")
        .num_columns(2)
        .spacing([10.0, 8.0])
        .show(ui, |ui| {
            new_id = ids::id_row(ui, IdKind::Scenario, id);
            let name = widgets::text_row(ui, &mut changes, "Name", &mut scenario.name);
            shell.pane.focus_new_item(ui.ctx(), &name, &scenario.name);
            widgets::multiline_row(ui, &mut changes, "Description", &mut scenario.description);
        });
    ui.label(
        RichText::new(
            [
                plural(scenario.positions.len(), "position"),
                plural(scenario.leverage.len(), "leverage item"),
                plural(scenario.power.len(), "power override"),
                plural(scenario.events.len(), "hypothetical event"),
            ]
            .join(" · "),
        )
        .weak(),
    );
    if let Some(key) = changes.0 {
        doc.edit(Some(key), |p| {
            if let Some(s) = p.scenarios.get_mut(index) {
                *s = scenario;
            }
        });
        ids::follow_name(doc, shell, IdKind::Scenario, index, key);
    }
    if let Some(new) = new_id {
        ids::apply(ui.ctx(), doc, shell, IdKind::Scenario, id, &new);
    }
    ui.add_space(10.0);
    ui.horizontal(|ui| {
        if ui.button("Duplicate").clicked() {
            let id = create(doc, Some(index));
            shell.select(Selection::Scenario(id));
        }
        if ui.button("Delete scenario").clicked() {
            delete(doc, shell, index);
        }
    });
}
