//! The positions grid's table: the party columns of the page across (name, colour, role),
//! one row per issue, each cell drawn by `cell`. A click selects a party, an issue or a
//! cell; a click on an empty cell also asks for a position there.

use super::cell::{Cell, cell_ui};
use super::{CELL_WIDTH, ISSUE_COLUMN, ROW_HEIGHT};
use crate::analysis_cache::{self, ProjectIndex};
use crate::document::Document;
use crate::model::{Issue, Party, Project};
use crate::widgets;
use crate::{Selection, Shell};
use eframe::egui;
use egui::{Color32, RichText, Ui};
use egui_extras::{Column, TableBuilder, TableRow};
use std::collections::HashSet;
use std::ops::Range;
use std::sync::Arc;

/// One party column: its place in the project, id, name and colour.
struct PartyColumn<'a> {
    index: usize,
    party: &'a Party,
    color: Color32,
}

/// What the grid draws this frame.
pub(super) struct Grid<'a> {
    project: &'a Project,
    /// Each (issue, party)'s position, looked up per visible cell: built once per revision,
    /// not searched per frame.
    index: Arc<ProjectIndex>,
    /// The cells the active scenario overrides.
    overrides: HashSet<(&'a str, &'a str)>,
    columns: Vec<PartyColumn<'a>>,
}

/// What a click in the grid asked for.
#[derive(Default)]
pub(super) struct Clicks {
    pub select: Option<Selection>,
    /// An empty cell (party, issue) to fill with a new position.
    pub fill: Option<(String, String)>,
}

impl<'a> Grid<'a> {
    /// The grid of `project` (the resolved view) with the parties of `shown`.
    pub fn new(
        doc: &'a Document,
        shell: &mut Shell,
        project: &'a Project,
        shown: Range<usize>,
    ) -> Self {
        let overrides = shell
            .scenario_index(doc.project())
            .and_then(|i| doc.project().scenarios.get(i))
            .map(|s| {
                s.positions
                    .iter()
                    .map(|p| (p.party.as_str(), p.issue.as_str()))
                    .collect()
            })
            .unwrap_or_default();
        let columns = project.parties[shown.clone()]
            .iter()
            .zip(shown)
            .map(|(party, index)| PartyColumn {
                index,
                party,
                color: widgets::party_color_at(project, index),
            })
            .collect();
        Self {
            project,
            index: analysis_cache::index(shell, doc),
            overrides,
            columns,
        }
    }

    pub fn ui(&self, ui: &mut Ui, shell: &mut Shell) -> Clicks {
        let mut clicks = Clicks::default();
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
                    .columns(Column::exact(CELL_WIDTH), self.columns.len())
                    .header(46.0, |mut header| {
                        header.col(|ui| {
                            ui.label(RichText::new("Issue").strong());
                        });
                        for column in &self.columns {
                            header.col(|ui| party_header_ui(ui, column, shell, &mut clicks));
                        }
                    })
                    .body(|body| {
                        body.rows(ROW_HEIGHT, self.project.issues.len(), |mut row| {
                            self.issue_row(&mut row, shell, &mut clicks);
                        });
                    });
            });
        clicks
    }

    /// One issue: its name, then its cells.
    fn issue_row(&self, row: &mut TableRow<'_, '_>, shell: &mut Shell, clicks: &mut Clicks) {
        let issue_index = row.index();
        let Some(issue) = self.project.issues.get(issue_index) else {
            return;
        };
        row.col(|ui| issue_name_ui(ui, issue, shell, clicks));
        for column in &self.columns {
            row.col(|ui| {
                if ui.is_rect_visible(ui.max_rect()) {
                    self.cell(ui, column, issue_index, issue, shell, clicks);
                }
            });
        }
    }

    /// The cell of `column`'s party on `issue`.
    fn cell(
        &self,
        ui: &mut Ui,
        column: &PartyColumn<'_>,
        issue_index: usize,
        issue: &Issue,
        shell: &mut Shell,
        clicks: &mut Clicks,
    ) {
        let party = column.party.id.as_str();
        let position = self
            .index
            .cells
            .get(issue_index * self.project.parties.len() + column.index)
            .copied()
            .flatten()
            .and_then(|k| self.project.positions.get(k));
        let selected = matches!(
            &shell.selection,
            Some(Selection::Cell { party: p, issue: i }) if p == party && *i == issue.id
        );
        let scenario = shell.scenario.as_deref();
        let cell = Cell {
            position,
            label: format!("{} × {}", column.party.name, issue.name),
            color: column.color,
            selected,
            overridden: self.overrides.contains(&(party, issue.id.as_str())),
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
        // The selected cell clicked again (or Enter on it) is edited: the cursor goes to the
        // inspector's Stance field.
        if (r.clicked() && selected) || r.double_clicked() {
            shell.pane.request_inspector();
        }
        if r.clicked() {
            if position.is_none() {
                clicks.fill = Some((party.to_owned(), issue.id.clone()));
            }
            clicks.select = Some(Selection::Cell {
                party: party.to_owned(),
                issue: issue.id.clone(),
            });
        }
    }
}

/// A party's column title: its colour and name (a click selects it), its role below.
fn party_header_ui(ui: &mut Ui, column: &PartyColumn<'_>, shell: &Shell, clicks: &mut Clicks) {
    if !ui.is_rect_visible(ui.max_rect()) {
        return;
    }
    let party = column.party;
    ui.vertical(|ui| {
        ui.horizontal(|ui| {
            widgets::swatch(ui, column.color);
            let selected = shell.selection == Some(Selection::Party(party.id.clone()));
            let r = ui
                .add(
                    egui::Button::selectable(selected, RichText::new(&party.name).strong())
                        .truncate(),
                )
                .on_hover_text(format!(
                    "{} ({}, power {:.2})",
                    party.name,
                    party.role.label(),
                    party.power
                ));
            if r.clicked() {
                clicks.select = Some(Selection::Party(party.id.clone()));
            }
        });
        ui.label(RichText::new(party.role.label()).small().weak());
    });
}

/// An issue's row title: its name (a click selects it), its scale's ends on hover.
fn issue_name_ui(ui: &mut Ui, issue: &Issue, shell: &Shell, clicks: &mut Clicks) {
    let selected = shell.selection == Some(Selection::Issue(issue.id.clone()));
    let r = ui
        .add(egui::Button::selectable(selected, &issue.name).wrap())
        .on_hover_text(format!(
            "{}\n0 = {}\n100 = {}",
            issue.name, issue.low, issue.high
        ));
    if r.clicked() {
        clicks.select = Some(Selection::Issue(issue.id.clone()));
    }
}
