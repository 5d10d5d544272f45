//! The ZOPA view: per issue, each Principal's acceptable range, their overlap (the zone of
//! possible agreement) or the gap between the closest walk-aways, and the predicted outcome.

use super::{analysis, chart, concession_matrix};
use crate::Shell;
use crate::charts::{Chart, ChartOptions};
use crate::document::Document;
use crate::widgets;
use eframe::egui;
use egui::{RichText, Ui};

pub fn ui(ui: &mut Ui, doc: &mut Document, shell: &mut Shell) {
    widgets::heading(
        ui,
        "Zones of possible agreement",
        "Where every Principal's acceptable range overlaps on each issue, or how far apart the closest walk-aways are. Hover a range for its numbers, click it to edit the position.",
    );
    if let Some(s) = shell
        .scenario_index(doc.project())
        .and_then(|i| doc.project().scenarios.get(i))
    {
        widgets::scenario_banner(ui, &s.name, "the ranges are of the scenario.");
    }
    ui.horizontal(|ui| {
        chart::export_button(ui, shell, Chart::Zopa);
        ui.label(RichText::new(analysis::ESTIMATE_NOTE).weak().small());
    });
    let shown = chart::show(ui, doc, shell, Chart::Zopa, &ChartOptions::default(), None);
    if let Some(selection) = shown.clicked().and_then(concession_matrix::selection_of) {
        shell.select(selection);
    }
    chart::omitted_ui(ui, &shown, "The analysis view lists every issue.");
    analysis::explain_window(ui.ctx(), doc, shell);
}
