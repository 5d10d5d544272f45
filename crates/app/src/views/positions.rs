//! The positions grid, the heart of the editor: issues down, parties across, each cell a
//! small 0–100 bar showing stance, ideal, walk-away, red line and salience. Selecting a cell
//! opens it in the inspector; an empty cell fills with one click. Rows are virtualised; party
//! columns come in pages of `MAX_COLUMNS` when there are more.

use super::position_form::write_position;
use crate::document::Document;
use crate::model::{Position, Project};
use crate::widgets;
use crate::{Selection, Shell, analysis_cache, edits};
use eframe::egui;
use egui::{Color32, Pos2, Rect, RichText, Sense, Stroke, Ui, vec2};
use egui_extras::{Column, TableBuilder};
use std::collections::HashSet;

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
    // Looked up per visible cell: built once per revision, not searched per frame.
    let cells = analysis_cache::index(shell, doc);
    let overrides: HashSet<(&str, &str)> = shell
        .scenario_index(doc.project())
        .and_then(|i| doc.project().scenarios.get(i))
        .map(|s| {
            s.positions
                .iter()
                .map(|p| (p.party.as_str(), p.issue.as_str()))
                .collect()
        })
        .unwrap_or_default();
    let total = project.parties.len();
    let shown = column_page(shell, project);
    if total > MAX_COLUMNS {
        pager(ui, shell, &shown, total);
    }
    // (global column index, id, name, colour) of the parties on this page.
    let columns: Vec<(usize, &str, &str, Color32)> = project.parties[shown.clone()]
        .iter()
        .zip(shown.clone())
        .map(|(p, i)| {
            (
                i,
                p.id.as_str(),
                p.name.as_str(),
                widgets::party_color_at(project, i),
            )
        })
        .collect();
    let mut fill: Option<(String, String)> = None;
    let mut select: Option<Selection> = None;
    egui::ScrollArea::horizontal()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            TableBuilder::new(ui)
                .id_salt("positions-grid")
                .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
                .striped(true)
                .vscroll(true)
                .auto_shrink([false, false])
                .column(Column::exact(ISSUE_COLUMN))
                .columns(Column::exact(CELL_WIDTH), columns.len())
                .header(46.0, |mut header| {
                    header.col(|ui| {
                        ui.label(RichText::new("Issue").strong());
                    });
                    for (party, &(_, _, _, color)) in
                        project.parties[shown.clone()].iter().zip(&columns)
                    {
                        header.col(|ui| {
                            if !ui.is_rect_visible(ui.max_rect()) {
                                return;
                            }
                            ui.vertical(|ui| {
                                ui.horizontal(|ui| {
                                    widgets::swatch(ui, color);
                                    let selected =
                                        shell.selection == Some(Selection::Party(party.id.clone()));
                                    let r = ui
                                        .add(
                                            egui::Button::selectable(
                                                selected,
                                                RichText::new(&party.name).strong(),
                                            )
                                            .truncate(),
                                        )
                                        .on_hover_text(format!(
                                            "{} ({}, power {:.2})",
                                            party.name,
                                            party.role.label(),
                                            party.power
                                        ));
                                    if r.clicked() {
                                        select = Some(Selection::Party(party.id.clone()));
                                    }
                                });
                                ui.label(RichText::new(party.role.label()).small().weak());
                            });
                        });
                    }
                })
                .body(|body| {
                    body.rows(ROW_HEIGHT, project.issues.len(), |mut row| {
                        let issue_index = row.index();
                        let Some(issue) = project.issues.get(issue_index) else {
                            return;
                        };
                        row.col(|ui| {
                            let selected =
                                shell.selection == Some(Selection::Issue(issue.id.clone()));
                            let r = ui
                                .add(egui::Button::selectable(selected, &issue.name).wrap())
                                .on_hover_text(format!(
                                    "{}\n0 = {}\n100 = {}",
                                    issue.name, issue.low, issue.high
                                ));
                            if r.clicked() {
                                select = Some(Selection::Issue(issue.id.clone()));
                            }
                        });
                        for &(column, party, party_name, color) in &columns {
                            row.col(|ui| {
                                if !ui.is_rect_visible(ui.max_rect()) {
                                    return;
                                }
                                let key = (party, issue.id.as_str());
                                let position = cells
                                    .cells
                                    .get(issue_index * total + column)
                                    .copied()
                                    .flatten()
                                    .and_then(|k| project.positions.get(k));
                                let selected = matches!(
                                    &shell.selection,
                                    Some(Selection::Cell { party: p, issue: i })
                                        if p == party && *i == issue.id
                                );
                                let scenario = shell.scenario.as_deref();
                                let cell = Cell {
                                    position,
                                    label: format!("{party_name} × {}", issue.name),
                                    color,
                                    selected,
                                    overridden: overrides.contains(&key),
                                    changed: shell
                                        .differences
                                        .as_ref()
                                        .and_then(|d| d.cell(scenario, party, &issue.id)),
                                    typing: shell
                                        .typing
                                        .as_ref()
                                        .filter(|t| t.party == party && t.issue == issue.id)
                                        .map(|t| t.text.as_str()),
                                };
                                let r = cell_ui(ui, &cell);
                                // The selected cell clicked again (or Enter on it) is edited:
                                // the cursor goes to the inspector's Stance field.
                                if (r.clicked() && selected) || r.double_clicked() {
                                    shell.pane.request_inspector();
                                }
                                if r.clicked() {
                                    if position.is_none() {
                                        fill = Some((party.to_owned(), issue.id.clone()));
                                    }
                                    select = Some(Selection::Cell {
                                        party: party.to_owned(),
                                        issue: issue.id.clone(),
                                    });
                                }
                            });
                        }
                    });
                });
        });
    if let Some(selection) = select {
        shell.select(selection);
    }
    if let Some((party, issue)) = fill {
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

/// What one cell shows.
struct Cell<'a> {
    position: Option<&'a Position>,
    /// "Party × Issue": the cell's accessible name.
    label: String,
    color: Color32,
    selected: bool,
    overridden: bool,
    /// What a comparison found changed here (File > Compare with…).
    changed: Option<&'a str>,
    /// A stance being typed into the cell.
    typing: Option<&'a str>,
}

/// One cell: a 0–100 track with the position drawn on it, or an "add" affordance.
fn cell_ui(ui: &mut Ui, cell: &Cell<'_>) -> egui::Response {
    let size = vec2(ui.available_width(), ROW_HEIGHT - 4.0);
    let (rect, response) = ui.allocate_exact_size(size, Sense::click());
    let label = &cell.label;
    // Screen readers (and tests) hear the stance being typed, not only see it.
    let spoken = match cell.typing {
        Some(text) => format!("{label} (typing stance {text})"),
        None => label.clone(),
    };
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &spoken));
    if !ui.is_rect_visible(rect) {
        return response;
    }
    let (selected, overridden, color) = (cell.selected, cell.overridden, cell.color);
    let visuals = ui.visuals().clone();
    let painter = ui.painter_at(rect);
    if selected {
        painter.rect_filled(rect, 4.0, visuals.selection.bg_fill.gamma_multiply(0.45));
        painter.rect_stroke(
            rect.shrink(1.0),
            4.0,
            visuals.selection.stroke,
            egui::StrokeKind::Inside,
        );
    } else if response.hovered() {
        painter.rect_filled(rect, 4.0, visuals.widgets.hovered.weak_bg_fill);
    }
    if overridden {
        painter.rect_stroke(
            rect.shrink(2.0),
            4.0,
            Stroke::new(1.5, visuals.warn_fg_color),
            egui::StrokeKind::Inside,
        );
    }
    if cell.changed.is_some() {
        // Outlined, and flagged in the corner as spreadsheets flag a note, so a changed
        // cell still reads as changed when it is also the selected one.
        let mark = visuals.selection.stroke.color;
        painter.rect_stroke(
            rect.shrink(0.5),
            4.0,
            Stroke::new(1.5, mark),
            egui::StrokeKind::Inside,
        );
        let corner = rect.right_top();
        painter.add(egui::Shape::convex_polygon(
            vec![corner, corner + vec2(-12.0, 0.0), corner + vec2(0.0, 12.0)],
            mark,
            Stroke::NONE,
        ));
    }
    if let Some(text) = cell.typing {
        painter.rect_filled(rect.shrink(2.0), 4.0, visuals.extreme_bg_color);
        let ink = visuals.strong_text_color();
        let shown = painter.text(
            rect.center(),
            egui::Align2::CENTER_CENTER,
            format!("stance {text}"),
            egui::FontId::proportional(14.0),
            ink,
        );
        // A text cursor after the digits, so the cell reads as being typed into.
        painter.line_segment(
            [
                shown.right_top() + vec2(2.0, 0.0),
                shown.right_bottom() + vec2(2.0, 0.0),
            ],
            Stroke::new(1.5, ink),
        );
        return response.on_hover_text("Enter sets the stance; Esc cancels");
    }
    let response = match cell.changed {
        Some(what) => response.on_hover_text(format!("Changed in the comparison: {what}")),
        None => response,
    };
    // Tab reaches the cells too: show which one Enter would open.
    if response.has_focus() {
        painter.rect_stroke(
            rect.shrink(1.0),
            4.0,
            Stroke::new(2.0, visuals.strong_text_color()),
            egui::StrokeKind::Inside,
        );
    }
    let Some(position) = cell.position else {
        let color = if response.hovered() {
            visuals.strong_text_color()
        } else {
            visuals.weak_text_color().gamma_multiply(0.7)
        };
        painter.text(
            rect.center(),
            egui::Align2::CENTER_CENTER,
            "+ add position",
            egui::FontId::proportional(12.0),
            color,
        );
        return response.on_hover_text(format!("{label}: no position. Click to add one."));
    };
    let left = rect.left() + 10.0;
    let right = rect.right() - 10.0;
    let y = rect.top() + 13.0;
    let x_of = |v: f64| left + (right - left) * (v.clamp(0.0, 100.0) as f32 / 100.0);
    // The track.
    painter.line_segment(
        [Pos2::new(left, y), Pos2::new(right, y)],
        Stroke::new(2.0, visuals.widgets.noninteractive.bg_stroke.color),
    );
    // The acceptable range.
    let (lo, hi) = position.acceptable_range();
    painter.rect_filled(
        Rect::from_min_max(Pos2::new(x_of(lo), y - 3.0), Pos2::new(x_of(hi), y + 3.0)),
        2.0,
        color.gamma_multiply(0.30),
    );
    if let Some(w) = position.walk_away {
        let (stroke, height) = if position.red_line {
            (Stroke::new(3.0, red(ui)), 9.0)
        } else {
            (Stroke::new(2.0, visuals.text_color()), 7.0)
        };
        painter.line_segment(
            [
                Pos2::new(x_of(w), y - height),
                Pos2::new(x_of(w), y + height),
            ],
            stroke,
        );
    }
    if position.ideal.is_some() {
        painter.circle_stroke(
            Pos2::new(x_of(position.ideal()), y),
            4.5,
            Stroke::new(1.5, color),
        );
    }
    let salience = position.salience.clamp(0.0, 1.0) as f32;
    painter.circle_filled(
        Pos2::new(x_of(position.stance), y),
        3.5 + 2.5 * salience,
        color.gamma_multiply(0.3 + 0.7 * salience),
    );
    let mut caption = format!("{:.0}", position.stance);
    if let Some(w) = position.walk_away {
        caption.push_str(&format!(" · walk {w:.0}"));
    }
    caption.push_str(&format!(" · s {:.1}", position.salience));
    painter.text(
        Pos2::new(rect.center().x, rect.bottom() - 3.0),
        egui::Align2::CENTER_BOTTOM,
        caption,
        egui::FontId::proportional(11.0),
        visuals.weak_text_color(),
    );
    response.on_hover_text(format!(
        "{label}\nstance {:.1}, ideal {:.1}{}, salience {:.2}{}",
        position.stance,
        position.ideal(),
        position
            .walk_away
            .map(|w| format!(", walk-away {w:.1}"))
            .unwrap_or_default(),
        position.salience,
        if position.red_line { ", red line" } else { "" }
    ))
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
