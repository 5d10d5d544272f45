//! The concession-matrix view: the chart of how far each party must move on each issue,
//! the numbers behind a cell on hover, a click selecting that position in the inspector,
//! and every cell as a table when the chart cannot show them all.

use super::{analysis, chart};
use crate::analysis_cache;
use crate::charts::{Chart, ChartOptions, MAX_ISSUES, MAX_PARTIES, Region};
use crate::document::Document;
use crate::widgets;
use crate::{Selection, Shell};
use eframe::egui;
use egui::{RichText, Ui};

pub fn ui(ui: &mut Ui, doc: &mut Document, shell: &mut Shell) {
    widgets::heading(
        ui,
        "Concession matrix",
        "How much of each party's room, from its ideal (0%) to its walk-away (100%), the predicted outcome uses up; for a party with no walk-away, how many points it must move. Hover a cell for all its numbers, click it to edit the position.",
    );
    if let Some(s) = shell
        .scenario_index(doc.project())
        .and_then(|i| doc.project().scenarios.get(i))
    {
        widgets::scenario_banner(ui, &s.name, "the matrix is of the scenario.");
    }
    ui.horizontal(|ui| {
        chart::export_button(ui, shell, Chart::ConcessionMatrix);
        ui.label(RichText::new(analysis::ESTIMATE_NOTE).weak().small());
    });
    let selected = selected_cell(shell);
    // Room under the chart for what the selected cell's numbers say.
    let p = doc.project();
    let over = p.parties.len() > MAX_PARTIES || p.issues.len() > MAX_ISSUES;
    let footer = if selected.is_some() { 64.0 } else { 0.0 } + if over { 56.0 } else { 0.0 };
    let height = (ui.available_height() - footer).max(200.0);
    let shown = chart::show(
        ui,
        doc,
        shell,
        Chart::ConcessionMatrix,
        &ChartOptions::default(),
        Some(height),
    );
    changed_cells_ui(ui, shell, &shown);
    if let Some(selection) = shown.clicked().and_then(selection_of) {
        shell.select(selection);
    }
    chart::omitted_ui(ui, &shown, "Every cell is in the table below.");
    if let Some((party, issue)) = selected_cell(shell) {
        cell_footer_ui(ui, doc, shell, &party, &issue);
    }
    if !shown.layout.omitted.is_empty() {
        all_cells_ui(ui, doc, shell);
    }
    analysis::explain_window(ui.ctx(), doc, shell);
}

/// After File > Compare with…, the cells whose position changed carry the positions grid's
/// mark: an outline and a flag in the corner, and what changed under the pointer.
fn changed_cells_ui(ui: &mut Ui, shell: &Shell, shown: &analysis_cache::ChartShown) {
    let Some(differences) = &shell.differences else {
        return;
    };
    let scenario = shell.scenario.as_deref();
    let mark = ui.visuals().selection.stroke.color;
    let hovered = shown.hovered().map(|r| (r.party.clone(), r.issue.clone()));
    let mut outlined = 0;
    for region in &shown.layout.regions {
        let (Some(party), Some(issue)) = (&region.party, &region.issue) else {
            continue;
        };
        let Some(what) = differences.cell(scenario, party, issue) else {
            continue;
        };
        outlined += 1;
        let rect = analysis_cache::region_rect(shown, region);
        let painter = ui.painter();
        painter.rect_stroke(
            rect.shrink(2.0),
            2.0,
            egui::Stroke::new(2.5, mark),
            egui::StrokeKind::Inside,
        );
        let corner = rect.right_top() + egui::vec2(-2.0, 2.0);
        painter.add(egui::Shape::convex_polygon(
            vec![
                corner,
                corner + egui::vec2(-14.0, 0.0),
                corner + egui::vec2(0.0, 14.0),
            ],
            mark,
            egui::Stroke::NONE,
        ));
        if hovered == Some((Some(party.clone()), Some(issue.clone()))) {
            shown
                .response
                .clone()
                .on_hover_text_at_pointer(format!("Changed in the comparison: {what}"));
        }
    }
    if outlined > 0 {
        ui.label(
            RichText::new(format!(
                "{outlined} changed cell{} marked, as in the positions grid (File > Compare with…).",
                if outlined == 1 { " is" } else { "s are" }
            ))
            .weak(),
        );
    }
}

fn selected_cell(shell: &Shell) -> Option<(String, String)> {
    match &shell.selection {
        Some(Selection::Cell { party, issue }) => Some((party.clone(), issue.clone())),
        _ => None,
    }
}

/// What clicking `region` selects: a cell its position, an issue label its issue, a party
/// label its party.
pub fn selection_of(region: &Region) -> Option<Selection> {
    match (&region.party, &region.issue) {
        (Some(party), Some(issue)) => Some(Selection::Cell {
            party: party.clone(),
            issue: issue.clone(),
        }),
        (None, Some(issue)) => Some(Selection::Issue(issue.clone())),
        (Some(party), None) => Some(Selection::Party(party.clone())),
        (None, None) => None,
    }
}

/// One line of numbers for the selected cell, and a button for the terms behind them.
fn cell_footer_ui(ui: &mut Ui, doc: &Document, shell: &mut Shell, party: &str, issue: &str) {
    let snap = analysis_cache::current(shell, doc);
    let project = &snap.view.project;
    let Some(ia) = snap.analysis.issues.iter().find(|i| i.id == issue) else {
        return;
    };
    let Some(c) = ia.concessions.iter().find(|c| c.party == party) else {
        return;
    };
    ui.separator();
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(format!(
                "{} × {}",
                widgets::party_name(project, party),
                ia.name
            ))
            .strong(),
        );
        ui.label(format!(
            "stance {}, outcome {}, distance {}, pain {}, share of its room {}",
            analysis::num(Some(c.stance), 1),
            analysis::num(ia.outcome, 1),
            analysis::num(c.distance, 1),
            analysis::num(c.pain, 3),
            analysis::num(c.share, 2),
        ));
        if c.breach {
            let text = if c.red_line {
                "breaches its red line"
            } else {
                "beyond its walk-away"
            };
            ui.label(
                RichText::new(text)
                    .color(ui.visuals().error_fg_color)
                    .strong(),
            );
        }
        if ui.button("Explain this cell").clicked() {
            analysis::open_explain(shell, issue, Some(party));
        }
    });
}

/// Every cell as a scrolling table, for projects larger than the chart shows.
fn all_cells_ui(ui: &mut Ui, doc: &Document, shell: &mut Shell) {
    let snap = analysis_cache::current(shell, doc);
    let project = &snap.view.project;
    egui::CollapsingHeader::new("All cells as a table (distance; pain)")
        .default_open(false)
        .show(ui, |ui| {
            egui::ScrollArea::both()
                .max_height(320.0)
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    egui::Grid::new("all-cells").striped(true).show(ui, |ui| {
                        ui.label(RichText::new("Issue").strong());
                        for p in &project.parties {
                            ui.label(RichText::new(&p.name).strong());
                        }
                        ui.end_row();
                        for ia in &snap.analysis.issues {
                            ui.label(&ia.name);
                            for p in &project.parties {
                                let cell = ia.concessions.iter().find(|c| c.party == p.id);
                                let text = cell.map_or_else(String::new, |c| {
                                    format!(
                                        "{}; {}",
                                        analysis::num(c.distance, 1),
                                        analysis::num(c.pain, 3)
                                    )
                                });
                                let mut rich = RichText::new(text);
                                if cell.is_some_and(|c| c.breach) {
                                    rich = rich.color(ui.visuals().error_fg_color);
                                }
                                if ui.selectable_label(false, rich).clicked() && cell.is_some() {
                                    shell.select(Selection::Cell {
                                        party: p.id.clone(),
                                        issue: ia.id.clone(),
                                    });
                                }
                            }
                            ui.end_row();
                        }
                    });
                });
        });
}
