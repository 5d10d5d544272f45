//! Exports written on a worker thread: the briefing pack, the role sheets and charts (SVG,
//! PNG). One at a time; a progress window shows while it runs, and when it lands its
//! outcome goes where the user is looking: a message, the status bar or the Export charts
//! dialog. A frame never waits for the rendering or the disk.

use crate::App;
use crate::cached::{Job, Poll};
use crate::dialogs::Modal;
use eframe::egui;
use std::time::Duration;

/// Where an export's outcome is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Report {
    /// A message titled so, and the status bar.
    Message(&'static str),
    /// The status bar only (a failure still gets a message).
    Status,
    /// The Export charts dialog's own line, and the status bar.
    ExportDialog,
}

/// The export being written, if any.
#[derive(Debug, Default)]
pub struct Writing {
    running: Option<Running>,
}

#[derive(Debug)]
struct Running {
    /// What is written, for the progress window and the messages ("briefing", "chart").
    what: &'static str,
    report: Report,
    job: Job<(), Result<String, String>>,
    /// The outcome, once a wait has taken it from the worker.
    landed: Option<Result<String, String>>,
}

impl Writing {
    pub fn is_running(&self) -> bool {
        self.running.is_some()
    }
}

/// Start `work` (which returns what to tell the user, or why it failed) unless another
/// export is still being written, in which case say so.
pub fn start(
    app: &mut App,
    what: &'static str,
    report: Report,
    work: impl FnOnce() -> Result<String, String> + Send + 'static,
) {
    if is_busy(app) {
        return;
    }
    match Job::spawn(what, (), &app.ctx, work) {
        Ok(job) => {
            app.shell.writing.running = Some(Running {
                what,
                report,
                job,
                landed: None,
            });
        }
        Err(e) => land(
            app,
            what,
            report,
            Err(format!("cannot start writing the {what}: {e}")),
        ),
    }
}

/// Whether another export is still being written (and say so in the status bar).
pub fn is_busy(app: &mut App) -> bool {
    if let Some(running) = &app.shell.writing.running {
        app.status = format!(
            "Still writing the {}; try again when it is done",
            running.what
        );
        return true;
    }
    false
}

/// Take in the export's outcome once it has landed (called every frame).
pub fn poll(app: &mut App, ctx: &egui::Context) {
    let Some(running) = &mut app.shell.writing.running else {
        return;
    };
    let result = match running.landed.take() {
        Some(result) => result,
        None => match running.job.poll() {
            Poll::Ready(result) => result,
            Poll::Waiting => {
                ctx.request_repaint_after(Duration::from_millis(100));
                return;
            }
            Poll::Lost => Err(format!(
                "the worker writing the {} stopped unexpectedly",
                running.what
            )),
        },
    };
    let (what, report) = (running.what, running.report);
    app.shell.writing.running = None;
    land(app, what, report, result);
}

/// Wait for the export being written, if any, to land (tests and screenshots); its
/// outcome is taken in on the next frame.
pub fn wait(app: &mut App, timeout: Duration) {
    if let Some(running) = &mut app.shell.writing.running
        && running.landed.is_none()
        && let Poll::Ready(result) = running.job.wait(timeout)
    {
        running.landed = Some(result);
    }
}

fn land(app: &mut App, what: &str, report: Report, result: Result<String, String>) {
    match (report, result) {
        (Report::ExportDialog, result) => {
            if let Ok(text) = &result {
                app.status = text.clone();
            }
            app.shell.export.outcome = Some(result);
        }
        (Report::Message(title), Ok(text)) => {
            app.status = text.clone();
            app.modal = Some(Modal::Message {
                title: title.into(),
                text,
            });
        }
        (Report::Status, Ok(text)) => app.status = text,
        (Report::Message(_) | Report::Status, Err(text)) => {
            app.modal = Some(Modal::Message {
                title: format!("Could not export the {what}"),
                text,
            });
        }
    }
}

/// The progress window while an export is being written.
pub fn progress_ui(ctx: &egui::Context, app: &App) {
    let Some(running) = &app.shell.writing.running else {
        return;
    };
    egui::Modal::new(egui::Id::unique("export-progress")).show(ctx, |ui| {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(format!("Writing the {}…", running.what));
        });
    });
}

impl App {
    /// Whether a worker is busy for the user: a project being read, a save or an export
    /// being written.
    pub fn is_busy(&self) -> bool {
        self.is_opening() || self.is_saving() || self.shell.writing.is_running()
    }

    /// Wait for the project being read, the save and the export being written, if any, to
    /// land (tests and screenshots); their outcomes are taken in on the next frame.
    pub fn wait_for_workers(&mut self) {
        self.wait_for_open();
        self.wait_for_save();
        wait(self, Duration::from_secs(120));
    }
}
