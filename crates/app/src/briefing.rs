//! File ▸ Export briefing… (Ctrl+Shift+E): the briefing pack of the active scenario and
//! time-travel date as one PDF, built and written atomically on a worker thread while a
//! progress window shows, then a clear message saying where it went or why it failed.

use super::dialogs::Modal;
use super::{App, Document};
use eframe::egui;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::Duration;

/// A briefing being written.
pub struct Job {
    path: PathBuf,
    done: Receiver<Result<usize, String>>,
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
    if app.shell.briefing.is_running() {
        app.status = "A briefing is already being written".into();
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
    let (tx, rx) = mpsc::channel();
    let out = path.clone();
    let spawned = std::thread::Builder::new()
        .name("briefing".into())
        .spawn(move || {
            let result = stancemap_brief::build(&project, &options)
                .map_err(|e| e.to_string())
                .and_then(|pack| {
                    crate::format::write_export(&out, &pack.bytes)
                        .map(|()| pack.pages)
                        .map_err(|e| e.to_string())
                });
            tx.send(result).ok();
        });
    match spawned {
        Ok(_) => app.shell.briefing.job = Some(Job { path, done: rx }),
        Err(e) => fail(app, format!("cannot start writing the briefing: {e}")),
    }
}

fn fail(app: &mut App, text: String) {
    app.modal = Some(Modal::Message {
        title: "Could not export the briefing".into(),
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
    let path = job.path.clone();
    app.shell.briefing.job = None;
    match result {
        Ok(pages) => {
            let text = format!(
                "Wrote the briefing pack ({pages} pages) to {}",
                path.display()
            );
            app.status = text.clone();
            app.modal = Some(Modal::Message {
                title: "Briefing exported".into(),
                text,
            });
        }
        Err(text) => fail(app, text),
    }
}

/// The progress window while a briefing is being written.
pub fn progress_ui(ctx: &egui::Context, app: &App) {
    if !app.shell.briefing.is_running() {
        return;
    }
    egui::Modal::new(egui::Id::unique("briefing-progress")).show(ctx, |ui| {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label("Writing briefing…");
        });
    });
}
