//! The PDF exports: File ▸ Export briefing… (Ctrl+Shift+E), the briefing pack as one PDF,
//! and File ▸ Export role sheets…, one PDF per party and the facilitator's, into a folder;
//! both for the active scenario and time-travel date. Each is built and written atomically
//! on a worker thread while a progress window shows, then a clear message says where it
//! went or why it failed.

use super::dialogs::Modal;
use super::{App, Document};
use eframe::egui;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::Duration;

/// An export being written: what it is ("briefing", "role sheets") and, when done, the
/// message to show.
pub struct Job {
    what: &'static str,
    done: Receiver<Result<String, String>>,
}

/// The briefing export in flight, if any.
#[derive(Default)]
pub struct BriefingState {
    job: Option<Job>,
}

impl BriefingState {
    pub fn is_running(&self) -> bool {
        self.job.is_some()
    }
}

/// "ceasefire-2025-briefing.pdf", from the project's file name or its title.
fn suggested_name(doc: &Document) -> String {
    let stem = doc
        .path
        .as_deref()
        .or(doc.suggested_name.as_deref().map(Path::new))
        .and_then(|p| p.file_stem())
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "briefing".to_owned());
    format!("{stem}-briefing.pdf")
}

/// Ask where, then build and write the pack off the UI thread.
pub fn start(app: &mut App) {
    if busy(app) {
        return;
    }
    let Some(mut path) = app.dialogs.pdf_path(&suggested_name(&app.doc)) else {
        return;
    };
    if path.extension().is_none() {
        path.set_extension("pdf");
    }
    let project = app.doc.project().clone();
    let options = stancemap_brief::Options {
        scenario: app.shell.scenario.clone(),
        as_of: app.shell.as_of.clone(),
        ..stancemap_brief::Options::new()
    };
    spawn(app, "briefing", move || {
        let pack = stancemap_brief::build(&project, &options).map_err(|e| e.to_string())?;
        crate::format::write_export(&path, &pack.bytes).map_err(|e| e.to_string())?;
        Ok(format!(
            "Wrote the briefing pack ({} pages) to {}",
            pack.pages,
            path.display()
        ))
    });
}

/// Ask for a folder, then build and write every role sheet there off the UI thread.
pub fn start_roles(app: &mut App) {
    if busy(app) {
        return;
    }
    let Some(dir) = app.dialogs.roles_folder() else {
        return;
    };
    let project = app.doc.project().clone();
    let options = stancemap_brief::Options {
        scenario: app.shell.scenario.clone(),
        as_of: app.shell.as_of.clone(),
        ..stancemap_brief::Options::new()
    };
    spawn(app, "role sheets", move || {
        let sheets = stancemap_brief::build_roles(&project, &options).map_err(|e| e.to_string())?;
        std::fs::create_dir_all(&dir)
            .map_err(|e| format!("cannot make the folder {}: {e}", dir.display()))?;
        let files: Vec<(PathBuf, Vec<u8>)> = sheets
            .iter()
            .map(|s| (dir.join(&s.file_name), s.pack.bytes.clone()))
            .collect();
        crate::format::write_export_set(&files)
            .map_err(|e| format!("{e}; no sheet was written"))?;
        let names: Vec<&str> = sheets.iter().map(|s| s.file_name.as_str()).collect();
        Ok(format!(
            "Wrote {} role sheets to {}: {}. Hand each team only its own sheet.",
            sheets.len(),
            dir.display(),
            names.join(", ")
        ))
    });
}

/// Whether another export is still being written (and say so).
fn busy(app: &mut App) -> bool {
    if let Some(job) = &app.shell.briefing.job {
        app.status = format!("Still writing the {}; try again when it is done", job.what);
        return true;
    }
    false
}

fn spawn(
    app: &mut App,
    what: &'static str,
    work: impl FnOnce() -> Result<String, String> + Send + 'static,
) {
    let (tx, rx) = mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name(what.into())
        .spawn(move || {
            tx.send(work()).ok();
        });
    match spawned {
        Ok(_) => app.shell.briefing.job = Some(Job { what, done: rx }),
        Err(e) => fail(app, what, format!("cannot start writing the {what}: {e}")),
    }
}

fn fail(app: &mut App, what: &str, text: String) {
    app.modal = Some(Modal::Message {
        title: format!("Could not export the {what}"),
        text,
    });
}

/// Collect the worker's result once it is done (called every frame by `logic`).
pub fn poll(app: &mut App, ctx: &egui::Context) {
    let Some(job) = &app.shell.briefing.job else {
        return;
    };
    let result = match job.done.try_recv() {
        Ok(result) => result,
        Err(TryRecvError::Empty) => {
            ctx.request_repaint_after(Duration::from_millis(100));
            return;
        }
        Err(TryRecvError::Disconnected) => Err("the briefing worker stopped unexpectedly".into()),
    };
    let what = job.what;
    app.shell.briefing.job = None;
    match result {
        Ok(text) => {
            app.status = text.clone();
            let title = if what == "briefing" {
                "Briefing exported"
            } else {
                "Role sheets exported"
            };
            app.modal = Some(Modal::Message {
                title: title.into(),
                text,
            });
        }
        Err(text) => fail(app, what, text),
    }
}

/// The progress window while an export is being written.
pub fn progress_ui(ctx: &egui::Context, app: &App) {
    let Some(job) = &app.shell.briefing.job else {
        return;
    };
    egui::Modal::new(egui::Id::unique("briefing-progress")).show(ctx, |ui| {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(format!("Writing {}…", job.what));
        });
    });
}
