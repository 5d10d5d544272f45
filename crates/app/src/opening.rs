//! Opening a project off the UI thread. Open, a recent file, a dropped file and Reload read
//! and check the file on a worker (`files::open`) while a progress window holds the window
//! still; when it lands, the project replaces the open one, or its errors show and the open
//! project stays as it was. Only the file named at start is read before the first frame.

use crate::cached::{Job, Poll};
use crate::dialogs::Modal;
use crate::files::{self, OpenFailed, Opened};
use crate::{App, Document};
use eframe::egui;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// A project being read.
pub(crate) struct Opening {
    job: Job<(), Result<Opened, OpenFailed>>,
    /// The outcome, once a wait has taken it from the worker.
    landed: Option<Result<Opened, OpenFailed>>,
    path: PathBuf,
    /// Reload: the recovery copy of the changes it drops goes once the file has loaded (a
    /// reload that fails keeps the document, so it keeps its copy too).
    drop_copy: bool,
}

impl App {
    /// Read `path` on a worker; it replaces the open project when it has loaded.
    pub(crate) fn open_path(&mut self, path: &Path) {
        self.start_open(path, false);
    }

    /// Read the open project's file again, dropping its unsaved changes once it has loaded.
    pub(crate) fn reload(&mut self, path: &Path) {
        let dirty = self.doc.is_dirty();
        self.start_open(path, dirty);
    }

    fn start_open(&mut self, path: &Path, drop_copy: bool) {
        if let Some(opening) = &self.opening {
            self.status = format!(
                "Still opening {}; try again when it is done",
                opening.path.display()
            );
            return;
        }
        let target = path.to_path_buf();
        match Job::spawn("open", (), &self.ctx, move || files::open(&target)) {
            Ok(job) => {
                self.status = format!("Opening {}…", path.display());
                self.opening = Some(Opening {
                    job,
                    landed: None,
                    path: path.to_path_buf(),
                    drop_copy,
                });
            }
            // No thread to be had: read it here rather than not at all.
            Err(_) => {
                let opened = files::open(path);
                self.land_open(path, drop_copy, opened);
            }
        }
    }

    /// Read `path` now, before the window's first frame. Returns success.
    pub(crate) fn open_at_start(&mut self, path: &Path) -> bool {
        self.land_open(path, false, files::open(path))
    }

    /// Whether a project is being read.
    pub fn is_opening(&self) -> bool {
        self.opening.is_some()
    }

    /// Wait for the project being read, if any (tests); it is taken in on the next frame.
    pub fn wait_for_open(&mut self) {
        if let Some(opening) = &mut self.opening
            && opening.landed.is_none()
            && let Poll::Ready(result) = opening.job.wait(Duration::from_secs(120))
        {
            opening.landed = Some(result);
        }
    }

    /// Take in the project being read once it has landed (every frame).
    pub(crate) fn poll_open(&mut self, ctx: &egui::Context) {
        let Some(opening) = &mut self.opening else {
            return;
        };
        let result = match opening.landed.take() {
            Some(result) => result,
            None => match opening.job.poll() {
                Poll::Ready(result) => result,
                Poll::Waiting => {
                    ctx.request_repaint_after(Duration::from_millis(50));
                    return;
                }
                Poll::Lost => Err(OpenFailed {
                    diagnostics: vec![crate::format::Diagnostic::error(
                        crate::format::Location::File,
                        "reading the file stopped unexpectedly; try again".to_owned(),
                    )],
                    missing: false,
                }),
            },
        };
        let (path, drop_copy) = (opening.path.clone(), opening.drop_copy);
        self.opening = None;
        self.land_open(&path, drop_copy, result);
    }

    /// Replace the document with what was read, or show why it could not be. Returns
    /// success.
    fn land_open(
        &mut self,
        path: &Path,
        drop_copy: bool,
        result: Result<Opened, OpenFailed>,
    ) -> bool {
        match result {
            Ok(opened) => {
                let mut doc = Document::new(opened.project, Some(path.to_path_buf()));
                doc.stamp = Some(opened.stamp);
                self.replace_document(doc);
                if drop_copy {
                    self.remove_copy_for(path);
                }
                self.settings.remember(path);
                self.status = match opened.warnings {
                    0 => format!("Opened {}", path.display()),
                    1 => format!("Opened {} (1 warning)", path.display()),
                    n => format!("Opened {} ({n} warnings)", path.display()),
                };
                true
            }
            Err(failed) => {
                if failed.missing {
                    self.settings.forget(path);
                }
                self.status = format!("Could not open {}", path.display());
                self.modal = Some(Modal::LoadErrors {
                    file: path.display().to_string(),
                    diagnostics: failed.diagnostics,
                });
                false
            }
        }
    }
}

/// The progress window while a project is read; it also keeps edits away from the project
/// about to be replaced.
pub fn progress_ui(ctx: &egui::Context, app: &App) {
    let Some(opening) = &app.opening else {
        return;
    };
    egui::Modal::new(egui::Id::unique("open-progress")).show(ctx, |ui| {
        ui.horizontal(|ui| {
            ui.spinner();
            let name = opening.path.file_name().map_or_else(
                || opening.path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            ui.label(format!("Opening {name}…"));
        });
    });
}
