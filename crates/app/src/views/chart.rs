//! Shared by the views that show a chart: the chart at the size the window offers (scrolling
//! rather than squeezing when many parties or issues need more room), the numbers behind the
//! mark under the pointer, and the "Export…" button.

use crate::analysis_cache::{self, ChartShown};
use crate::charts::{Chart, ChartOptions, MAX_ISSUES, MAX_PARTIES};
use crate::document::Document;
use crate::model::Project;
use crate::{Command, Shell};
use eframe::egui;
use egui::{Ui, Vec2, vec2};

/// The smallest size at which `chart` shows every party and issue it can (up to the charts'
/// limits) at a readable size; below it the view scrolls.
pub fn min_size(chart: Chart, project: &Project) -> Vec2 {
    let parties = project.parties.len().min(MAX_PARTIES) as f32;
    let issues = project.issues.len().min(MAX_ISSUES) as f32;
    match chart {
        Chart::ConcessionMatrix => vec2(300.0 + 78.0 * parties, 200.0 + 30.0 * issues),
        Chart::Zopa => vec2(680.0, 170.0 + 30.0 * issues),
        Chart::Leverage => vec2(760.0, (160.0 + 34.0 * parties).max(380.0)),
        Chart::Timeline => vec2(760.0, (260.0 + 26.0 * parties).max(420.0)),
        Chart::Sensitivity => vec2(620.0, 380.0),
        Chart::DealSpace => vec2(620.0, 420.0),
        Chart::Simulation => vec2(640.0, 420.0),
    }
}

/// The "Export…" button of a chart view: a save dialog for one .svg or .png file.
pub fn export_button(ui: &mut Ui, shell: &mut Shell, chart: Chart) {
    if ui
        .button("Export…")
        .on_hover_text("Save this chart as an SVG or PNG file (the extension you type decides)")
        .clicked()
    {
        shell.queue(Command::ExportChart(chart));
    }
}

/// `chart` in a scroll area filling `height` (or the rest of the view), at least
/// `min_size`; hovering a mark shows its numbers. Returns the chart's response and layout.
pub fn show(
    ui: &mut Ui,
    doc: &Document,
    shell: &mut Shell,
    chart: Chart,
    options: &ChartOptions,
    height: Option<f32>,
) -> ChartShown {
    let min = min_size(chart, doc.project());
    // A chart given a height (above a table) takes at least its readable height, so that
    // only a chart filling the view scrolls vertically.
    let box_height = height.map_or(ui.available_height(), |h| h.max(min.y + 2.0));
    show_capped(ui, doc, shell, chart, options, box_height)
}

/// `chart` in a box `box_height` tall, so that what sits below it (a list) keeps its room:
/// a chart that needs more height than that scrolls inside the box.
pub fn show_capped(
    ui: &mut Ui,
    doc: &Document,
    shell: &mut Shell,
    chart: Chart,
    options: &ChartOptions,
    box_height: f32,
) -> ChartShown {
    let min = min_size(chart, doc.project());
    let avail = vec2(ui.available_width(), box_height);
    // Leave room for the scroll bars so an exact fit does not scroll.
    let size = vec2(
        (avail.x - 2.0).max(min.x).max(200.0),
        (avail.y - 2.0).max(min.y).max(200.0),
    );
    let shown = egui::ScrollArea::both()
        .id_salt(("chart-scroll", chart.name()))
        .max_height(avail.y)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            let shown = analysis_cache::chart_ui(ui, shell, doc, chart, options, size);
            hover_ui(ui, &shown);
            shown
        })
        .inner;
    if let Some(e) = &shown.error {
        ui.colored_label(ui.visuals().error_fg_color, e);
    }
    shown
}

/// Outline the mark under the pointer and show its numbers beside the pointer.
fn hover_ui(ui: &Ui, shown: &ChartShown) {
    let Some(region) = shown.hovered() else {
        return;
    };
    let rect = analysis_cache::region_rect(shown, region);
    ui.painter().rect_stroke(
        rect,
        2.0,
        egui::Stroke::new(2.0, ui.visuals().strong_text_color()),
        egui::StrokeKind::Outside,
    );
    if !region.tooltip.is_empty() {
        shown
            .response
            .clone()
            .on_hover_text_at_pointer(region.tooltip.clone());
    }
}

/// "+3 issues not shown" and the like, under a chart, pointing at the full table.
pub fn omitted_ui(ui: &mut Ui, shown: &ChartShown, hint: &str) {
    if !shown.layout.omitted.is_empty() {
        ui.label(
            egui::RichText::new(format!("{}. {hint}", shown.layout.omitted.join(" · ")))
                .color(ui.visuals().warn_fg_color),
        );
    }
}
