//! Exporting charts from the app: File ▸ Export charts… writes the chosen charts to a folder
//! as SVG and/or PNG at a chosen size and theme; each chart view's "Export…" saves one file.
//! Both go through `charts::export`, so the files match `stancemap render`.

use super::analysis_cache;
use super::writing::{self, Report};
use super::{App, Document, Shell};
use crate::charts::export::{self, Formats};
use crate::charts::{Chart, ChartInput, ChartOptions, Theme};
use eframe::egui;
use egui::{Id, RichText};
use stancemap_core::words::plural;
use std::path::{Path, PathBuf};

/// The export dialog's choices (kept for the session) and whether it is open.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportState {
    pub open: bool,
    pub folder: Option<PathBuf>,
    pub formats: Formats,
    pub width: u32,
    pub height: u32,
    pub theme: Theme,
    /// Which of `Chart::ALL` to write.
    pub charts: Vec<Chart>,
    /// What the last export wrote, or why it failed.
    pub outcome: Option<Result<String, String>>,
}

impl Default for ExportState {
    fn default() -> Self {
        Self {
            open: false,
            folder: None,
            formats: Formats::Both,
            width: export::DEFAULT_WIDTH,
            height: export::DEFAULT_HEIGHT,
            theme: Theme::Light,
            charts: Chart::ALL.to_vec(),
            outcome: None,
        }
    }
}

/// The per-chart choices the views made (the timeline's trajectory issue) and the deal
/// space when the worker has computed it (else the chart traces its own, without the other
/// scenarios' outcomes).
fn options(shell: &Shell, doc: &Document) -> ChartOptions {
    let deal_space = shell
        .deals
        .ready(doc, shell.scenario.as_deref(), shell.as_of.as_deref())
        .and_then(|r| r.space.as_ref().ok().cloned());
    ChartOptions {
        issue: shell.analysis_view.trajectory_issue.clone(),
        deal_space,
        rounds: Some(shell.simulation_view.rounds),
        ..ChartOptions::default()
    }
}

/// The charts to draw, as the active scenario stands now: owned, so a worker can draw them.
struct Drawing {
    snap: analysis_cache::Snapshot,
    options: ChartOptions,
    theme: Theme,
    width: u32,
    height: u32,
}

impl Drawing {
    fn of(shell: &mut Shell, doc: &Document) -> Self {
        let snap = analysis_cache::current(shell, doc);
        let state = &shell.export;
        Self {
            options: options(shell, doc),
            theme: state.theme,
            width: state.width,
            height: state.height,
            snap,
        }
    }

    fn input(&self) -> ChartInput<'_> {
        ChartInput {
            view: &self.snap.view,
            analysis: &self.snap.analysis,
            theme: self.theme,
            options: &self.options,
        }
    }

    /// Write `charts` into `dir`; what to tell the user.
    fn write_all(&self, dir: &Path, charts: &[Chart], formats: Formats) -> Result<String, String> {
        let input = self.input();
        let paths = export::write_all(dir, charts, formats, &input, self.width, self.height)
            .map_err(|e| e.to_string())?;
        let names: Vec<String> = paths
            .iter()
            .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .collect();
        Ok(format!(
            "Wrote {} to {}: {}",
            plural(paths.len(), "file"),
            dir.display(),
            names.join(", ")
        ))
    }

    /// Write `chart` to `path` as PNG or SVG; what to tell the user.
    fn write_one(&self, chart: Chart, path: &Path, png: bool) -> Result<String, String> {
        let input = self.input();
        let bytes = if png {
            export::png(chart, &input, self.width, self.height)
        } else {
            export::svg(chart, &input, self.width, self.height).map(String::into_bytes)
        }
        .map_err(|e| e.to_string())?;
        crate::format::write_export(path, &bytes).map_err(|e| e.to_string())?;
        Ok(format!("Exported {}", path.display()))
    }
}

/// Where one chart goes and whether as PNG: by its extension, `.svg` added when it has
/// none; another extension is refused.
fn chart_file(path: &Path) -> Result<(PathBuf, bool), String> {
    let mut path = path.to_path_buf();
    let ext = path.extension().map(|e| e.to_string_lossy().to_lowercase());
    match ext.as_deref() {
        Some("png") => Ok((path, true)),
        Some("svg") => Ok((path, false)),
        None => {
            path.set_extension("svg");
            Ok((path, false))
        }
        Some(other) => Err(format!(
            "cannot export a chart as “.{other}”: name the file .svg or .png"
        )),
    }
}

/// "Export…" of one chart view: ask where, then draw and write it on a worker thread; the
/// status bar says where it went, a message why it failed.
pub fn export_one(app: &mut App, chart: Chart) {
    if writing::is_busy(app) {
        return;
    }
    let suggested = format!("{}.svg", chart.name());
    let Some(path) = app.dialogs.chart_path(&suggested) else {
        return;
    };
    match chart_file(&path) {
        Ok((path, png)) => {
            let drawing = Drawing::of(&mut app.shell, &app.doc);
            writing::start(app, "chart", Report::Status, move || {
                drawing.write_one(chart, &path, png)
            });
        }
        Err(text) => {
            app.modal = Some(super::dialogs::Modal::Message {
                title: "Could not export the chart".into(),
                text,
            });
        }
    }
}

/// The Export charts dialog's Export: the chosen charts into `dir` on a worker thread; the
/// dialog says what was written or why not.
fn export_chosen(app: &mut App, dir: PathBuf) {
    if app.shell.export.charts.is_empty() {
        app.shell.export.outcome = Some(Err("Pick at least one chart.".to_owned()));
        return;
    }
    if writing::is_busy(app) {
        return;
    }
    let state = &app.shell.export;
    let charts: Vec<Chart> = Chart::ALL
        .into_iter()
        .filter(|c| state.charts.contains(c))
        .collect();
    let formats = state.formats;
    let drawing = Drawing::of(&mut app.shell, &app.doc);
    app.shell.export.outcome = None;
    writing::start(app, "charts", Report::ExportDialog, move || {
        drawing.write_all(&dir, &charts, formats)
    });
}

/// The Export charts dialog, while open.
pub fn dialog_ui(ctx: &egui::Context, app: &mut App) {
    if !app.shell.export.open {
        return;
    }
    let mut pick_folder = false;
    let mut run = false;
    let mut close = false;
    let response = egui::Modal::new(Id::unique("export-charts")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.heading("Export charts");
        ui.add_space(6.0);
        let state = &mut app.shell.export;
        egui::Grid::new("export-form")
            .num_columns(2)
            .spacing([12.0, 8.0])
            .show(ui, |ui| {
                ui.label(RichText::new("Folder").strong());
                ui.horizontal(|ui| {
                    let text = state.folder.as_ref().map_or_else(
                        || "none chosen yet".to_owned(),
                        |p| p.display().to_string(),
                    );
                    ui.label(RichText::new(text).monospace());
                    pick_folder = ui.button("Choose folder…").clicked();
                });
                ui.end_row();
                ui.label(RichText::new("Format").strong());
                ui.horizontal(|ui| {
                    ui.radio_value(&mut state.formats, Formats::Svg, "SVG");
                    ui.radio_value(&mut state.formats, Formats::Png, "PNG");
                    ui.radio_value(&mut state.formats, Formats::Both, "Both");
                });
                ui.end_row();
                let l = ui.label(RichText::new("Size (px)").strong());
                ui.horizontal(|ui| {
                    let range = export::MIN_SIDE..=export::MAX_SIDE;
                    ui.add(egui::DragValue::new(&mut state.width).range(range.clone()))
                        .labelled_by(l.id)
                        .on_hover_text("Width");
                    ui.label("×");
                    ui.add(egui::DragValue::new(&mut state.height).range(range))
                        .labelled_by(l.id)
                        .on_hover_text("Height");
                });
                ui.end_row();
                ui.label(RichText::new("Theme").strong());
                ui.horizontal(|ui| {
                    ui.radio_value(&mut state.theme, Theme::Light, "Light (for print)");
                    ui.radio_value(&mut state.theme, Theme::Dark, "Dark");
                });
                ui.end_row();
                ui.label(RichText::new("Charts").strong());
                ui.vertical(|ui| {
                    for chart in Chart::ALL {
                        let mut on = state.charts.contains(&chart);
                        if ui.checkbox(&mut on, chart.title()).changed() {
                            state.charts.retain(|c| *c != chart);
                            if on {
                                state.charts.push(chart);
                            }
                        }
                    }
                });
                ui.end_row();
            });
        ui.label(
            RichText::new("Each chart is written as <folder>/<chart>.svg and/or .png; files of the same name are replaced.")
                .weak(),
        );
        match &state.outcome {
            Some(Ok(text)) => {
                ui.label(text);
            }
            Some(Err(text)) => {
                ui.colored_label(ui.visuals().error_fg_color, text);
            }
            None => {}
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let ready = state.folder.is_some() && !state.charts.is_empty();
            run = ui
                .add_enabled(ready, egui::Button::new("Export"))
                .on_disabled_hover_text("Choose a folder and at least one chart")
                .clicked();
            close = ui.button("Close").clicked();
        });
    });
    if pick_folder && let Some(folder) = app.dialogs.folder_path() {
        app.shell.export.folder = Some(folder);
        app.shell.export.outcome = None;
    }
    if run && let Some(folder) = app.shell.export.folder.clone() {
        export_chosen(app, folder);
    }
    if close || (response.should_close() && !run && !pick_folder) {
        app.shell.export.open = false;
        app.shell.export.outcome = None;
    }
}
