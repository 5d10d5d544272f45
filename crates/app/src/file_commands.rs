//! The app's side of files: open, save, save as, recovery copies (restore, discard,
//! autosave) and the changed-on-disk check. The work is `files` in the core, which returns
//! outcomes; this turns each into the document, a dialog or a status line.

use crate::dialogs::{Modal, Pending};
use crate::files::{self, DiskCheck, SaveOutcome};
use crate::format::RecoveryEntry;
use crate::{App, Document, recovery};
use eframe::egui;
use std::path::Path;

impl App {
    /// Load `path`; on failure show its errors and keep the open project. Returns success.
    pub(crate) fn open_path(&mut self, path: &Path) -> bool {
        match files::open(path) {
            Ok(opened) => {
                let mut doc = Document::new(opened.project, Some(path.to_path_buf()));
                doc.stamp = Some(opened.stamp);
                self.replace_document(doc);
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

    pub(crate) fn replace_document(&mut self, doc: Document) {
        self.doc = doc;
        self.disk_seen = None;
        self.comparison = None;
        if let Some(autosave) = &mut self.autosave {
            autosave.reset();
        }
        self.shell.selection = None;
        self.shell.scenario = None;
        self.shell.resolved = None;
        self.shell.differences = None;
        self.shell.typing = None;
        self.shell.deals = crate::deals_cache::DealsCache::default();
    }

    /// Save to the document's path, asking for one when it has none. Returns success.
    pub(crate) fn save(&mut self) -> bool {
        self.save_then(None)
    }

    /// `save`, for an action waiting on it (`then`): if the file changed on disk, the
    /// question that asks about it carries the action on.
    pub(crate) fn save_then(&mut self, then: Option<Pending>) -> bool {
        match self.doc.path.clone() {
            Some(path) => self.save_to(&path, true, then),
            None => self.save_as(),
        }
    }

    pub(crate) fn save_as(&mut self) -> bool {
        let suggested = self
            .doc
            .path
            .as_ref()
            .and_then(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .or_else(|| self.doc.suggested_name.clone())
            .unwrap_or_else(|| {
                format!(
                    "{}.ron",
                    crate::model::unique_id(&self.doc.project().title, [])
                )
            });
        match self.dialogs.save_path(&suggested) {
            Some(mut path) => {
                if path.extension().is_none() {
                    path.set_extension("ron");
                }
                self.save_to(&path, false, None)
            }
            None => false,
        }
    }

    /// Write the document to `path`. With `check_disk`, first make sure no other program
    /// changed the file since it was opened or saved here; if one did, ask instead.
    pub(crate) fn save_to(&mut self, path: &Path, check_disk: bool, then: Option<Pending>) -> bool {
        let known = self
            .doc
            .stamp
            .as_ref()
            .filter(|_| check_disk && self.doc.path.as_deref() == Some(path));
        match files::save(path, self.doc.project(), known) {
            SaveOutcome::Saved { stamp, backup } => {
                let previous = self.doc.path.replace(path.to_path_buf());
                self.doc.mark_saved(path.to_path_buf());
                self.doc.stamp = stamp;
                self.disk_seen = None;
                if let Some(autosave) = &mut self.autosave {
                    // The work is in the file now: its copy (and the one kept under the old
                    // name, after Save As) has done its job.
                    let _ = autosave.remove_for(Some(path));
                    if previous.as_deref() != Some(path) {
                        let _ = autosave.remove_for(previous.as_deref());
                    }
                    autosave.settled();
                }
                self.settings.remember(path);
                self.status = match backup {
                    Some(backup) => format!(
                        "Saved {} (the previous version is kept as {})",
                        path.display(),
                        backup.file_name().unwrap_or_default().to_string_lossy()
                    ),
                    None => format!("Saved {}", path.display()),
                };
                true
            }
            SaveOutcome::ChangedOnDisk => {
                self.modal = Some(Modal::SaveConflict {
                    path: path.to_path_buf(),
                    then,
                });
                false
            }
            SaveOutcome::Failed { message } => {
                if let Some(autosave) = &mut self.autosave {
                    autosave.write_now(
                        self.doc.path.as_deref(),
                        self.doc.project(),
                        self.doc.revision(),
                    );
                }
                self.status = format!("Could not save {}", path.display());
                self.modal = Some(Modal::SaveFailed { text: message });
                false
            }
        }
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
