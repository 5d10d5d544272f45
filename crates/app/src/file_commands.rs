//! The app's side of files: replacing the document, recovery copies (restore, discard,
//! autosave) and the changed-on-disk check; opening is in `opening.rs`, saving in
//! `saving.rs`. The work is `files` in the core, which
//! returns outcomes; this turns each into the document, a dialog or a status line.

use crate::dialogs::Modal;
use crate::files::{self, DiskCheck};
use crate::format::RecoveryEntry;
use crate::{App, Document, recovery};
use eframe::egui;
use std::path::Path;

impl App {
    pub(crate) fn replace_document(&mut self, doc: Document) {
        // A save still being written lands on the document it was made from.
        self.finish_save();
        self.doc = doc;
        // Revisions start again with each document: what was cached by revision goes.
        self.warnings = crate::cached::Cached::default();
        self.disk_seen = None;
        self.comparison = None;
        if let Some(autosave) = &mut self.autosave {
            autosave.reset();
        }
        self.shell.forget_document();
    }

    /// The user chose to drop the document's unsaved changes: drop their recovery copy too.
    pub(crate) fn discard_recovery_copy(&mut self) {
        if let Some(autosave) = &mut self.autosave
            && self.doc.is_dirty()
        {
            let _ = autosave.remove_for(self.doc.path.as_deref());
            autosave.settled();
        }
    }

    pub(crate) fn remove_copy_for(&mut self, path: &Path) {
        if let Some(autosave) = &mut self.autosave {
            let _ = autosave.remove_for(Some(path));
        }
    }

    /// Open the recovered work of `entry` as the document for its original file, unsaved.
    /// With `compare`, also list how it differs from the file.
    pub(crate) fn restore(&mut self, entry: &RecoveryEntry, compare: bool) {
        let Some(autosave) = &self.autosave else {
            return;
        };
        let restored = match files::restore(&autosave.store, entry) {
            Ok(restored) => restored,
            Err(err) => {
                self.modal = Some(Modal::LoadErrors {
                    file: entry.path.display().to_string(),
                    diagnostics: err.diagnostics,
                });
                return;
            }
        };
        let lines = restored.differences();
        let (file_project, stamp) = match restored.on_disk {
            Some((project, stamp)) => (Some(project), Some(stamp)),
            None => (None, None),
        };
        let mut doc = Document::restored(restored.recovered, entry.original.clone(), file_project);
        doc.stamp = stamp;
        self.replace_document(doc);
        let name = match &entry.original {
            Some(path) => path.display().to_string(),
            None => "a new project".to_owned(),
        };
        self.status = format!("Restored unsaved work for {name}; save to keep it");
        if compare {
            self.comparison = Some(recovery::Comparison {
                file: name,
                lines: lines.unwrap_or_else(|| {
                    vec!["The file is gone or cannot be read: everything here is recovered.".into()]
                }),
            });
        }
    }

    pub(crate) fn discard_offer(&mut self, entry: &RecoveryEntry) {
        if let Some(autosave) = &self.autosave {
            match autosave.store.remove(entry) {
                Ok(()) => self.status = "Discarded the recovery copy".into(),
                Err(err) => {
                    self.modal = Some(Modal::Message {
                        title: "Could not delete the recovery copy".into(),
                        text: format!("{}: {err}", entry.path.display()),
                    })
                }
            }
        }
    }

    /// Keep working over the version of `path` now on disk; saving will still ask.
    pub(crate) fn keep_mine(&mut self, path: &Path) {
        self.disk_seen = crate::format::DiskStamp::of(path).ok();
    }

    /// The window came back into focus: tell the user if another program changed the file.
    pub(crate) fn check_disk(&mut self) {
        if self.saving.is_some() {
            // The file is being written by this app: nothing to ask about.
            return;
        }
        let (Some(path), Some(stamp)) = (self.doc.path.clone(), &self.doc.stamp) else {
            return;
        };
        match files::disk_check(&path, stamp, self.disk_seen.as_ref()) {
            DiskCheck::Modified => {
                self.modal = Some(Modal::ChangedOnDisk {
                    path,
                    dirty: self.doc.is_dirty(),
                });
            }
            DiskCheck::Removed => {
                self.status = format!(
                    "{} was deleted or moved; Save writes it again",
                    path.display()
                );
            }
            DiskCheck::Unchanged => {}
        }
    }

    /// Autosave, the recovery offers waiting and the changed-on-disk check.
    pub(crate) fn keep_work_safe(&mut self, ctx: &egui::Context) {
        let regained_focus = ctx.input(|i| {
            i.raw
                .events
                .iter()
                .any(|e| matches!(e, egui::Event::WindowFocused(true)))
        });
        if regained_focus && self.modal.is_none() {
            self.check_disk();
        }
        if self.modal.is_none()
            && !self.doc.is_dirty()
            && let Some(entry) = self.offers.pop()
        {
            self.modal = Some(Modal::Recover {
                entry,
                more: self.offers.len(),
            });
        }
        let now = ctx.input(|i| i.time);
        let Some(autosave) = &mut self.autosave else {
            return;
        };
        let doc = &self.doc;
        let tick = autosave.tick(
            now,
            doc.path.as_deref(),
            || doc.snapshot(),
            doc.revision(),
            doc.is_dirty(),
        );
        match tick {
            files::Tick::Wait(seconds) => {
                ctx.request_repaint_after(std::time::Duration::from_secs_f64(seconds));
            }
            // The copy is written on a worker thread: look for its answer shortly.
            files::Tick::Writing => {
                ctx.request_repaint_after(std::time::Duration::from_millis(100));
            }
            files::Tick::Failed(err) => {
                self.status = format!(
                    "Could not write the recovery copy into {}: {err}",
                    autosave.store.dir().display()
                );
            }
            files::Tick::Idle | files::Tick::Wrote(_) | files::Tick::Removed => {}
        }
    }
}
