//! The analysis view's comparison of two scenarios (or a scenario and the base): per issue
//! how the predicted outcome and the ZOPA move, and per party how its total pain changes.

use super::{ROW_HEIGHT, num, red};
use crate::Shell;
use crate::analysis::Comparison;
use crate::analysis_cache;
use crate::document::Document;
use crate::model::Project;
use crate::views::rows;
use crate::widgets;
use eframe::egui;
use egui::{RichText, Ui};

/// A scenario picker: Base or one of the project's scenarios.
fn scenario_choice(
    ui: &mut Ui,
    id: &str,
    project: &Project,
    value: &mut Option<String>,
    label: egui::Id,
) -> bool {
    let name = |v: &Option<String>| match v {
        None => "Base".to_owned(),
        Some(id) => project
            .scenario(id)
            .map_or_else(|| id.clone(), |s| s.name.clone()),
    };
    let mut changed = false;
    egui::ComboBox::from_id_salt(id)
        .selected_text(name(value))
        .width(200.0)
        .show_ui(ui, |ui| {
            let options =
                std::iter::once(None).chain(project.scenarios.iter().map(|s| Some(s.id.clone())));
            for option in options {
                let text = name(&option);
                if ui.selectable_label(*value == option, text).clicked() {
                    *value = option;
                    changed = true;
                }
            }
        })
        .response
        .labelled_by(label);
    changed
}

pub(super) fn compare_ui(ui: &mut Ui, doc: &Document, shell: &mut Shell) {
    ui.label(RichText::new("Compare").strong().size(16.0));
    let project = doc.project();
    if project.scenarios.is_empty() {
        ui.label(
            RichText::new("Add a scenario (in Scenarios) to compare it with the base.").weak(),
        );
        return;
    }
    let (mut before, mut after) = shell.analysis_view.compare.clone().unwrap_or_else(|| {
        let after = shell
            .scenario
            .clone()
            .or_else(|| project.scenarios.first().map(|s| s.id.clone()));
        (None, after)
    });
    ui.horizontal(|ui| {
        let l = ui.label("How");
        let a = scenario_choice(ui, "compare-after", project, &mut after, l.id);
        let l = ui.label("differs from");
        let b = scenario_choice(ui, "compare-before", project, &mut before, l.id);
        if a || b {
            shell.analysis_view.compare = Some((before.clone(), after.clone()));
        }
    });
    let Some(comparison) =
        analysis_cache::comparison(shell, doc, before.as_deref(), after.as_deref())
    else {
        ui.label(RichText::new("That scenario no longer exists.").weak());
        return;
    };
    if before == after {
        ui.label(RichText::new("Pick two different scenarios to see what moves.").weak());
        return;
    }
    comparison_ui(ui, project, &comparison);
    crate::views::deals::comparison_ui(ui, doc, shell, before.as_deref(), after.as_deref());
}

fn signed(v: f64, digits: usize) -> String {
    let s = num(Some(v), digits);
    if v > 0.0 && s != "0" {
        format!("+{s}")
    } else {
        s
    }
}

fn comparison_ui(ui: &mut Ui, project: &Project, c: &Comparison) {
    let moved: Vec<_> = c
        .issues
        .iter()
        .filter(|i| i.change.is_none_or(|d| d.abs() >= 0.05) && i.before != i.after)
        .collect();
    let rose: Vec<String> = c
        .parties
        .iter()
        .filter(|p| p.change.is_some_and(|d| d >= 0.0005))
        .map(|p| widgets::party_name(project, &p.id))
        .collect();
    ui.label(match moved.len() {
        0 => "No outcome moves.".to_owned(),
        1 => "1 outcome moves.".to_owned(),
        n => format!("{n} outcomes move."),
    });
    ui.label(if rose.is_empty() {
        "No party's pain rises.".to_owned()
    } else {
        format!("Pain rises for {}.", rose.join(", "))
    });
    ui.add_space(4.0);
    let widths = [240.0, 110.0, 70.0, 220.0];
    rows::header(ui, &widths, &["Issue", "Outcome before", "after", "change"]);
    rows::rows(ui, ROW_HEIGHT, c.issues.len(), |ui, k| {
        let Some(i) = c.issues.get(k) else {
            return;
        };
        rows::cell(ui, widths[0], |ui| {
            ui.add(egui::Label::new(&i.name).truncate());
        });
        rows::cell(ui, widths[1], |ui| {
            ui.label(num(i.before, 1));
        });
        rows::cell(ui, widths[2], |ui| {
            ui.label(num(i.after, 1));
        });
        rows::cell(ui, widths[3], |ui| {
            match i.change {
                Some(d) if d.abs() >= 0.05 => ui.label(RichText::new(signed(d, 1)).strong()),
                Some(_) => ui.label(RichText::new("unchanged").weak()),
                None if i.before == i.after => ui.label(RichText::new("unchanged").weak()),
                None => ui.label("outcome appears or vanishes"),
            };
        });
    });
    ui.add_space(6.0);
    let widths = [240.0, 110.0, 70.0, 150.0, 70.0];
    rows::header(
        ui,
        &widths,
        &["Party", "Pain before", "after", "change", "Breaches"],
    );
    rows::rows(ui, ROW_HEIGHT, c.parties.len(), |ui, k| {
        let Some(p) = c.parties.get(k) else {
            return;
        };
        rows::cell(ui, widths[0], |ui| {
            ui.add(egui::Label::new(widgets::party_name(project, &p.id)).truncate());
        });
        rows::cell(ui, widths[1], |ui| {
            ui.label(num(p.before, 3));
        });
        rows::cell(ui, widths[2], |ui| {
            ui.label(num(p.after, 3));
        });
        rows::cell(ui, widths[3], |ui| {
            match p.change {
                Some(d) if d >= 0.0005 => {
                    ui.label(RichText::new(format!("{} (rises)", signed(d, 3))).color(red(ui)))
                }
                Some(d) if d <= -0.0005 => ui.label(format!("{} (falls)", signed(d, 3))),
                Some(_) => ui.label(RichText::new("unchanged").weak()),
                None => ui.label("—"),
            };
        });
        rows::cell(ui, widths[4], |ui| {
            ui.label(match p.breaches_change {
                0 => String::new(),
                d => format!("{d:+}"),
            });
        });
    });
}
