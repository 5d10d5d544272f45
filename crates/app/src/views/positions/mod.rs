//! The positions grid, the heart of the editor: issues down, parties across, each cell a
//! small 0–100 bar showing stance, ideal, walk-away, red line and salience. Selecting a cell
//! opens it in the inspector; an empty cell fills with one click. Rows are virtualised; party
//! columns come in pages of `MAX_COLUMNS` when there are more.

mod cell;
mod grid;

use super::position_form::write_position;
use crate::document::Document;
use crate::model::Project;
use crate::widgets;
use crate::{Selection, Shell, edits};
use eframe::egui;
use egui::{Color32, Pos2, Rect, RichText, Sense, Stroke, Ui, vec2};

const CELL_WIDTH: f32 = 132.0;
const ROW_HEIGHT: f32 = 40.0;
const ISSUE_COLUMN: f32 = 260.0;

/// At most this many party columns at once. The grid lays out every column it holds, each
/// frame, so a file with thousands of parties pages through them rather than taking seconds
/// a frame.
pub const MAX_COLUMNS: usize = 40;

/// Which page of party columns the grid shows.
#[derive(Debug, Default)]
pub struct ColumnPage {
    first: usize,
    /// The party of the selected cell the page last moved to, so the page follows a new
    /// selection (arrow keys, a search) but not an old one the user paged away from.
    followed: Option<String>,
}

/// The party columns on show.
fn column_page(shell: &mut Shell, project: &Project) -> std::ops::Range<usize> {
    let total = project.parties.len();
    let page = &mut shell.column_page;
    if let Some(Selection::Cell { party, .. }) = &shell.selection
        && page.followed.as_ref() != Some(party)
    {
        if let Some(i) = project.parties.iter().position(|p| &p.id == party) {
            page.first = i / MAX_COLUMNS * MAX_COLUMNS;
        }
        page.followed = Some(party.clone());
    }
    if page.first >= total {
        page.first = total.saturating_sub(1) / MAX_COLUMNS * MAX_COLUMNS;
    }
    page.first..(page.first + MAX_COLUMNS).min(total)
}

/// "Parties 41–80 of 20,000" with buttons to the previous and next page.
fn pager(ui: &mut Ui, shell: &mut Shell, shown: &std::ops::Range<usize>, total: usize) {
    ui.horizontal(|ui| {
        if ui
            .add_enabled(shown.start > 0, egui::Button::new("< Previous parties"))
            .clicked()
        {
            shell.column_page.first = shown.start.saturating_sub(MAX_COLUMNS);
        }
        ui.label(format!(
            "Parties {}–{} of {total}",
            shown.start + 1,
            shown.end
        ));
        if ui
            .add_enabled(shown.end < total, egui::Button::new("Next parties >"))
            .clicked()
        {
            shell.column_page.first = shown.end;
        }
    });
}

pub fn ui(ui: &mut Ui, doc: &mut Document, shell: &mut Shell) {
    widgets::heading(
        ui,
        "Positions",
        "Each cell is one party on one issue, on the issue's 0–100 scale. Click a cell to edit \
         it; type a stance and Enter to set it, or paste a block of stances from a spreadsheet \
         (Ctrl+V fills to the right and down).",
    );
    legend(ui);
    let view = shell.resolved(doc);
    if let Some(name) = view.scenario.as_ref().map(|(_, n)| n.clone()) {
        widgets::scenario_banner(
            ui,
            &name,
            "outlined cells differ from the base; edits here change the scenario only.",
        );
    }
    let project = &view.project;
    if project.parties.is_empty() || project.issues.is_empty() {
        empty_state(ui, doc, shell, project);
        return;
    }
    let total = project.parties.len();
    let shown = column_page(shell, project);
    if total > MAX_COLUMNS {
        pager(ui, shell, &shown, total);
    }
    let grid = grid::Grid::new(doc, shell, project, shown);
    let clicks = grid.ui(ui, shell);
    if let Some(selection) = clicks.select {
        shell.select(selection);
    }
    if let Some((party, issue)) = clicks.fill {
        let position = edits::new_position(&party, &issue);
        write_position(doc, shell, None, position);
    }
}

/// A key to the cell drawing, painted with the same shapes the cells use.
fn legend(ui: &mut Ui) {
    let weak = ui.visuals().weak_text_color();
    let ink = ui.visuals().text_color();
    let accent = ui.visuals().selection.stroke.color;
    let red = red(ui);
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 6.0;
        let key = |ui: &mut Ui, text: &str, draw: &dyn Fn(&egui::Painter, Pos2)| {
            let (rect, _) = ui.allocate_exact_size(vec2(18.0, 14.0), Sense::hover());
            draw(ui.painter(), rect.center());
            ui.label(RichText::new(text).color(weak));
            ui.add_space(10.0);
        };
        key(ui, "stance (stronger = more salient)", &|p, c| {
            p.circle_filled(c, 5.0, accent);
        });
        key(ui, "ideal", &|p, c| {
            p.circle_stroke(c, 4.5, Stroke::new(1.5, accent));
        });
        key(ui, "walk-away", &|p, c| {
            p.line_segment(
                [c - vec2(0.0, 7.0), c + vec2(0.0, 7.0)],
                Stroke::new(2.0, ink),
            );
        });
        key(ui, "red line", &|p, c| {
            p.line_segment(
                [c - vec2(0.0, 7.0), c + vec2(0.0, 7.0)],
                Stroke::new(3.0, red),
            );
        });
        key(ui, "acceptable range", &|p, c| {
            p.rect_filled(
                Rect::from_center_size(c, vec2(18.0, 6.0)),
                2.0,
                accent.gamma_multiply(0.3),
            );
        });
    });
    ui.add_space(4.0);
}

fn red(ui: &Ui) -> Color32 {
    if ui.visuals().dark_mode {
        Color32::from_rgb(255, 110, 100)
    } else {
        Color32::from_rgb(200, 30, 30)
    }
}

fn empty_state(ui: &mut Ui, doc: &mut Document, shell: &mut Shell, project: &Project) {
    ui.add_space(20.0);
    ui.label("The grid needs at least one party and one issue.");
    ui.horizontal(|ui| {
        if project.parties.is_empty() && ui.button("Add a party").clicked() {
            let mut id = String::new();
            doc.edit(None, |p| id = edits::add_party(p, "New party"));
            shell.select(Selection::Party(id));
        }
        if project.issues.is_empty() && ui.button("Add an issue").clicked() {
            let mut id = String::new();
            doc.edit(None, |p| id = edits::add_issue(p, "New issue"));
            shell.select(Selection::Issue(id));
        }
    });
}
