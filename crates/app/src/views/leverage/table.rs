//! The leverage table: one row per item (holder, target, kind, instrument, strength,
//! credibility, cost, status, issues), sorted by a click on a column's title.

use super::{Origin, Sort, SortKey, selection_of};
use crate::Selection;
use crate::Shell;
use crate::model::{Leverage, LeverageKind, Project};
use crate::widgets;
use eframe::egui;
use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder, TableRow};

/// The table of `rows`; returns the selection of a clicked row.
pub(super) fn table_ui(
    ui: &mut Ui,
    project: &Project,
    rows: &[(Origin, Leverage)],
    shell: &mut Shell,
    scenario: Option<&String>,
) -> Option<Selection> {
    let mut clicked = None;
    let mut sort = shell.leverage_sort;
    egui::ScrollArea::horizontal()
        .auto_shrink([false, false])
        .show(ui, |ui| {
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
                    for (key, title) in COLUMNS {
                        h.col(|ui| sort_header(ui, &mut sort, key, title));
                    }
                    h.col(|ui| {
                        ui.label(RichText::new("Issues").strong());
                    });
                })
                .body(|body| {
                    body.rows(26.0, rows.len(), |mut row| {
                        let Some((origin, l)) = rows.get(row.index()) else {
                            return;
                        };
                        let selection = selection_of(*origin, scenario);
                        row.set_selected(shell.selection.as_ref() == Some(&selection));
                        cells(&mut row, project, *origin, l);
                        if row.response().clicked() {
                            clicked = Some(selection);
                        }
                    });
                });
        });
    shell.leverage_sort = sort;
    clicked
}

/// The sortable columns, in order, with their titles.
const COLUMNS: [(SortKey, &str); 8] = [
    (SortKey::Holder, "Holder"),
    (SortKey::Target, "Target"),
    (SortKey::Kind, "Kind"),
    (SortKey::Instrument, "Instrument"),
    (SortKey::Strength, "Strength"),
    (SortKey::Credibility, "Credible"),
    (SortKey::Cost, "Cost"),
    (SortKey::Status, "Status"),
];

/// A column's title: a click sorts by it, a second click reverses the order.
fn sort_header(ui: &mut Ui, sort: &mut Sort, key: SortKey, text: &str) {
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
}

/// One item's cells.
fn cells(row: &mut TableRow<'_, '_>, project: &Project, origin: Origin, l: &Leverage) {
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

pub(super) fn sort_rows(rows: &mut [(Origin, Leverage)], project: &Project, sort: Sort) {
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
