//! Saving off the UI thread. Save and Save As hand the document's snapshot to a worker that
//! checks the disk and writes atomically (`files::save`); each frame looks for its outcome
//! and turns it into the status line, a question or an error. Edits made while the file is
//! being written stay unsaved, and a second Save meanwhile waits its turn.

use crate::cached::{Job, Poll};
use crate::dialogs::{Modal, Pending};
use crate::files::{self, SaveOutcome};
use crate::model::Project;
use crate::{App, Document};
use eframe::egui;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

/// A save being written: the revision and snapshot it writes, where, and the action
/// waiting on it (open another project, quit...).
pub(crate) struct Saving {
    job: Job<(), SaveOutcome>,
    /// The outcome, once a wait has taken it from the worker.
    landed: Option<SaveOutcome>,
    path: PathBuf,
    revision: u64,
    snapshot: Arc<Project>,
    then: Option<Pending>,
}

/// A save asked for while another was being written: started when that one lands.
pub(crate) struct Queued {
    path: PathBuf,
    check_disk: bool,
    then: Option<Pending>,
}

/// The longest a test or the window's closing waits for a save to land.
const PATIENCE: Duration = Duration::from_secs(120);

impl App {
    /// Save to the document's path, asking for one when it has none.
    pub(crate) fn save(&mut self) {
        self.save_then(None);
    }

    /// `save`, then `then` once the file is written. If the file changed on disk, the
    /// question that asks about it carries the action on.
    pub(crate) fn save_then(&mut self, then: Option<Pending>) {
        match self.doc.path.clone() {
            Some(path) => self.save_to(&path, true, then),
            None => self.save_as_then(then),
        }
    }

    /// Ask where, then save there and do `then`.
    pub(crate) fn save_as_then(&mut self, then: Option<Pending>) {
        let suggested = suggested_name(&self.doc);
        if let Some(mut path) = self.dialogs.save_path(&suggested) {
            if path.extension().is_none() {
                path.set_extension("ron");
            }
            self.save_to(&path, false, then);
        }
    }

    /// Write the document to `path` on a worker thread, then do `then`. With `check_disk`,
    /// the worker first makes sure no other program changed the file since it was opened
    /// or saved here; if one did, the user is asked instead.
    pub(crate) fn save_to(&mut self, path: &Path, check_disk: bool, then: Option<Pending>) {
        if self.saving.is_some() {
            // The newest request says where; an action already waiting is kept.
            let waiting = self.queued_save.take().and_then(|q| q.then);
            self.queued_save = Some(Queued {
                path: path.to_path_buf(),
                check_disk,
                then: then.or(waiting),
            });
            return;
        }
        let known = self
            .doc
            .stamp
            .clone()
            .filter(|_| check_disk && self.doc.path.as_deref() == Some(path));
        let (revision, snapshot) = self.doc.to_save();
        let (target, project) = (path.to_path_buf(), snapshot.clone());
        let work = move || files::save(&target, &project, known.as_ref());
        match Job::spawn("save", (), &self.ctx, work) {
            Ok(job) => {
                self.status = format!("Saving {}…", path.display());
                self.saving = Some(Saving {
                    job,
                    landed: None,
                    path: path.to_path_buf(),
                    revision,
                    snapshot,
                    then,
                });
            }
            Err(err) => self.save_landed(
                path,
                revision,
                snapshot,
                SaveOutcome::Failed {
                    message: files::explain_save_error(path, &err),
                },
            ),
        }
    }

    /// Whether a save is being written.
    pub fn is_saving(&self) -> bool {
        self.saving.is_some() || self.queued_save.is_some()
    }

    /// Wait for the save being written, if any, to land (tests; closing the window). Its
    /// outcome is taken in on the next frame.
    pub fn wait_for_save(&mut self) {
        if let Some(saving) = &mut self.saving
            && saving.landed.is_none()
            && let Poll::Ready(outcome) = saving.job.wait(PATIENCE)
        {
            saving.landed = Some(outcome);
        }
    }

    /// Take in the outcome of the save being written, if it has landed (every frame), and
    /// start the save queued behind it.
    pub(crate) fn poll_save(&mut self, ctx: &egui::Context) {
        let Some(saving) = &mut self.saving else {
            return;
        };
        let outcome = match saving.landed.take() {
            Some(outcome) => outcome,
            None => match saving.job.poll() {
                Poll::Ready(outcome) => outcome,
                Poll::Waiting => {
                    ctx.request_repaint_after(Duration::from_millis(50));
                    return;
                }
                Poll::Lost => SaveOutcome::Failed {
                    message: format!(
                        "{} could not be saved: the save stopped unexpectedly. The file on \
                         disk may be as it was; your changes are still open here.",
                        saving.path.display()
                    ),
                },
            },
        };
        let then = self.land(outcome);
        if let Some(queued) = self.queued_save.take() {
            self.save_to(&queued.path, queued.check_disk, queued.then);
        } else if let Some(pending) = then {
            self.perform(pending, ctx);
        }
    }

    /// Wait for the save being written and take in its outcome, dropping what was waiting
    /// on it: the document is about to be replaced (or the window closed).
    pub(crate) fn finish_save(&mut self) {
        self.queued_save = None;
        self.wait_for_save();
        if let Some(saving) = &mut self.saving {
            let outcome = saving.landed.take().unwrap_or(SaveOutcome::Failed {
                message: format!("{} is still being saved.", saving.path.display()),
            });
            self.land(outcome);
        }
    }

    /// Take in a landed save; returns the action that was waiting on it when it saved.
    fn land(&mut self, outcome: SaveOutcome) -> Option<Pending> {
        let saving = self.saving.take()?;
        let saved = matches!(outcome, SaveOutcome::Saved { .. });
        let changed_on_disk = matches!(outcome, SaveOutcome::ChangedOnDisk);
        let path = saving.path.clone();
        self.save_landed(&path, saving.revision, saving.snapshot, outcome);
        match (saved, changed_on_disk) {
            (true, _) => saving.then,
            (false, true) => {
                // The question asks about the file, then carries the action on.
                self.modal = Some(Modal::SaveConflict {
                    path,
                    then: saving.then,
                });
                None
            }
            (false, false) => None,
        }
    }

    fn save_landed(
        &mut self,
        path: &Path,
        revision: u64,
        snapshot: Arc<Project>,
        outcome: SaveOutcome,
    ) {
        match outcome {
            SaveOutcome::Saved { stamp, backup } => {
                let previous = self.doc.path.replace(path.to_path_buf());
                self.doc
                    .mark_saved_at(path.to_path_buf(), revision, snapshot);
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
            }
            SaveOutcome::ChangedOnDisk => {
                self.status = format!("{} was changed by another program", path.display());
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
            }
        }
    }
}

/// The file name Save As suggests: the file's own, a sample's, or one from the title.
fn suggested_name(doc: &Document) -> String {
    doc.path
        .as_ref()
        .and_then(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .or_else(|| doc.suggested_name.clone())
        .unwrap_or_else(|| format!("{}.ron", crate::model::unique_id(&doc.project().title, [])))
}
