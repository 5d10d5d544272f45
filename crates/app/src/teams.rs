//! Working with others: the project compared with another version (File > Compare with…,
//! and Show differences when the file changed on disk), listed by names with the effect on
//! the analysis and outlined in the positions grid; and the positions as a CSV table
//! (File > Export/Import positions as CSV, the import one undo step).

use crate::App;
use crate::dialogs::Modal;
use crate::diff::{self, ChangeKind, ItemKey, Section};
use crate::format;
use crate::model::Project;
use crate::writing::{self, Report};
use eframe::egui;
use egui::RichText;
use stancemap_core::words::plural;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// A comparison on screen: its report, and the grid cells it touches.
pub struct Differences {
    /// The window's title.
    pub title: String,
    /// What was compared with what, in a sentence.
    pub intro: String,
    /// The report, line by line (headings and items).
    pub lines: Vec<String>,
    pub changed: bool,
    /// Changed positions of the base by (party, issue), each with what changed.
    base: HashMap<(String, String), String>,
    /// Changed positions of each scenario (by id).
    scenarios: HashMap<String, HashMap<(String, String), String>>,
    /// Set when comparing with the file on disk: the window can reload it.
    pub disk: Option<PathBuf>,
}

impl Differences {
    /// `old` against `new`, described by `title` and `intro`.
    pub fn new(title: String, intro: String, old: &Project, new: &Project) -> Self {
        let changes = diff::diff(old, new);
        let mut text = diff::render_text(&changes, None);
        if let Ok(effect) = diff::effect(old, new, None) {
            if !text.is_empty() {
                text.push('\n');
            }
            text.push_str(&diff::render_effect(&effect));
        }
        let mut base = HashMap::new();
        let mut scenarios: HashMap<String, HashMap<(String, String), String>> = HashMap::new();
        for c in &changes.changes {
            let (Section::Positions, ItemKey::Position { party, issue }) = (c.section, &c.key)
            else {
                continue;
            };
            let what = match c.kind {
                ChangeKind::Added => format!("added: {}", diff::describe_fields(c)),
                ChangeKind::Removed => "removed".to_owned(),
                ChangeKind::Changed => diff::describe_fields(c),
            };
            let key = (party.clone(), issue.clone());
            match &c.scenario {
                None => base.insert(key, what),
                Some(s) => scenarios.entry(s.id.clone()).or_default().insert(key, what),
            };
        }
        Self {
            title,
            intro,
            lines: text.lines().map(str::to_owned).collect(),
            changed: !changes.is_empty(),
            base,
            scenarios,
            disk: None,
        }
    }

    /// What changed in the cell (party, issue) as the grid shows it for `scenario`.
    pub fn cell(&self, scenario: Option<&str>, party: &str, issue: &str) -> Option<&str> {
        let key = (party.to_owned(), issue.to_owned());
        scenario
            .and_then(|s| self.scenarios.get(s))
            .and_then(|cells| cells.get(&key))
            .or_else(|| self.base.get(&key))
            .map(String::as_str)
    }

    /// How many grid cells are outlined for `scenario`.
    pub fn cell_count(&self, scenario: Option<&str>) -> usize {
        self.base.len()
            + scenario
                .and_then(|s| self.scenarios.get(s))
                .map_or(0, HashMap::len)
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// File > Compare with…: another project file (an older version, a colleague's copy) as the
/// old side, the project open now as the new one.
pub fn compare_with(app: &mut App) {
    let Some(path) = app.dialogs.open_path() else {
        return;
    };
    match format::load_path(&path) {
        Ok(loaded) => {
            let name = file_name(&path);
            let differences = Differences::new(
                format!("Compared with {name}"),
                format!("What changed from {name} to the project open now:"),
                &loaded.project,
                app.doc.project(),
            );
            app.status = if differences.changed {
                format!("Compared with {name}; changed cells are outlined in the grid")
            } else {
                format!("No differences from {name}")
            };
            app.shell.differences = Some(differences);
        }
        Err(err) => {
            app.modal = Some(Modal::LoadErrors {
                file: path.display().to_string(),
                diagnostics: err.diagnostics,
            });
        }
    }
}

/// "Show differences" in the changed-on-disk dialog: the project open now as the old side,
/// the file as another program left it as the new one.
pub fn show_disk_differences(app: &mut App, path: &Path) {
    match format::load_path(path) {
        Ok(loaded) => {
            let mut differences = Differences::new(
                "The file on disk compared with this project".to_owned(),
                format!(
                    "What changed from the project open here to {} as it is on disk now:",
                    file_name(path)
                ),
                app.doc.project(),
                &loaded.project,
            );
            differences.disk = Some(path.to_path_buf());
            app.shell.differences = Some(differences);
        }
        Err(err) => {
            app.modal = Some(Modal::LoadErrors {
                file: path.display().to_string(),
                diagnostics: err.diagnostics,
            });
        }
    }
}

/// What the differences window asked for.
enum Action {
    Close,
    Reload(PathBuf),
    KeepMine(PathBuf),
}

/// The differences window, while there is a comparison.
pub fn window_ui(ctx: &egui::Context, app: &mut App) {
    let Some(d) = &app.shell.differences else {
        return;
    };
    let mut open = true;
    let mut action = None;
    let outlined = d.cell_count(app.shell.scenario.as_deref());
    // Low and to the left of the inspector, so the grid's top rows stay in sight.
    let corner = ctx.content_rect().right_bottom() - egui::vec2(360.0, 40.0);
    egui::Window::new(d.title.as_str())
        .open(&mut open)
        .pivot(egui::Align2::RIGHT_BOTTOM)
        .default_pos(corner)
        .default_width(640.0)
        .show(ctx, |ui| {
            ui.label(&d.intro);
            ui.add_space(6.0);
            if !d.changed {
                ui.label("No differences.");
            }
            egui::ScrollArea::vertical()
                .max_height(420.0)
                .show(ui, |ui| {
                    for line in &d.lines {
                        line_ui(ui, line);
                    }
                });
            ui.add_space(6.0);
            if outlined > 0 {
                ui.label(
                    RichText::new(format!(
                        "{outlined} changed cell{} outlined in the positions grid.",
                        if outlined == 1 { " is" } else { "s are" }
                    ))
                    .weak(),
                );
            }
            ui.horizontal(|ui| {
                if let Some(path) = &d.disk {
                    let reload = if app.doc.is_dirty() {
                        "Reload (discard my changes)"
                    } else {
                        "Reload"
                    };
                    if ui.button(reload).clicked() {
                        action = Some(Action::Reload(path.clone()));
                    }
                    if ui.button("Keep this project").clicked() {
                        action = Some(Action::KeepMine(path.clone()));
                    }
                }
                if ui.button("Close").clicked() {
                    action = Some(Action::Close);
                }
            });
        });
    if !open {
        action = Some(Action::Close);
    }
    match action {
        None => {}
        Some(Action::Close) => app.shell.differences = None,
        Some(Action::Reload(path)) => {
            app.shell.differences = None;
            app.reload(&path);
        }
        Some(Action::KeepMine(path)) => {
            app.shell.differences = None;
            app.keep_mine(&path);
        }
    }
}

/// One line of the report: headings strong, added and removed items coloured.
fn line_ui(ui: &mut egui::Ui, line: &str) {
    let visuals = ui.visuals();
    let text = if !line.starts_with(' ') {
        RichText::new(line).strong()
    } else if line.starts_with("  +") {
        RichText::new(line).color(visuals.selection.stroke.color)
    } else if line.starts_with("  -") {
        RichText::new(line).color(visuals.warn_fg_color)
    } else {
        RichText::new(line)
    };
    ui.label(text.monospace());
}

/// File > Export positions as CSV…
pub fn export_csv(app: &mut App) {
    let stem = app
        .doc
        .path
        .as_ref()
        .and_then(|p| p.file_stem())
        .map_or_else(
            || "project".to_owned(),
            |s| s.to_string_lossy().into_owned(),
        );
    let Some(path) = app.dialogs.csv_save_path(&format!("{stem}-positions.csv")) else {
        return;
    };
    let project = app.doc.snapshot();
    writing::start(app, "positions", Report::Status, move || {
        format::write_export(&path, format::to_csv(&project).as_bytes())
            .map_err(|e| e.to_string())?;
        Ok(format!(
            "Wrote {} to {}",
            plural(project.positions.len(), "position"),
            path.display()
        ))
    });
}

/// File > Import positions from CSV…: every row applied as one undo step, or none.
pub fn import_csv(app: &mut App) {
    let Some(path) = app.dialogs.csv_open_path() else {
        return;
    };
    let bytes = match format::read_capped(&path) {
        Ok(bytes) => bytes,
        Err(err) => {
            app.modal = Some(Modal::LoadErrors {
                file: path.display().to_string(),
                diagnostics: err.diagnostics,
            });
            return;
        }
    };
    match format::from_csv(app.doc.project(), &bytes) {
        Ok((project, report)) => {
            app.doc.edit(None, |p| *p = project);
            let warnings = match report.warnings.len() {
                0 => String::new(),
                n => format!("; {n} new warning{} (F8)", if n == 1 { "" } else { "s" }),
            };
            app.status = format!(
                "Imported {}: {}{warnings}",
                file_name(&path),
                report.summary()
            );
        }
        Err(err) => {
            app.modal = Some(Modal::ImportErrors {
                file: path.display().to_string(),
                problems: err.problems.iter().map(ToString::to_string).collect(),
            });
        }
    }
}
