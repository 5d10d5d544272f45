//! The app's modal dialogs: the unsaved-changes guard, load errors, delete
//! confirmations, warnings, About, and the ones that keep work from being lost: the
//! recovery offer, a failed save, and a file changed on disk. What each one says and offers
//! is in `bodies`; this holds the dialogs' state and acts on the answers.

mod bodies;
mod go_to;

use super::edits::{self, Dependents};
use super::{App, Document};
use crate::format::{Diagnostic, RecoveryEntry};
use crate::model::Project;
use eframe::egui;
use egui::Id;
use go_to::Target;
use std::path::PathBuf;

/// An action that would discard unsaved changes, waiting for the user's answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Pending {
    New,
    OpenDialog,
    OpenPath(PathBuf),
    OpenSample(usize),
    Quit,
}

impl Pending {
    fn verb(&self) -> &'static str {
        match self {
            Pending::New => "starting a new project",
            Pending::OpenDialog | Pending::OpenPath(_) | Pending::OpenSample(_) => {
                "opening another project"
            }
            Pending::Quit => "quitting",
        }
    }
}

/// A party or issue the user asked to delete.
#[derive(Debug, Clone, PartialEq)]
pub enum Deletion {
    Party(String),
    Issue(String),
}

impl Deletion {
    pub fn dependents(&self, project: &Project) -> Dependents {
        match self {
            Deletion::Party(id) => edits::party_dependents(project, id),
            Deletion::Issue(id) => edits::issue_dependents(project, id),
        }
    }

    pub fn name(&self, project: &Project) -> String {
        match self {
            Deletion::Party(id) => format!("party “{}”", super::widgets::party_name(project, id)),
            Deletion::Issue(id) => format!("issue “{}”", super::widgets::issue_name(project, id)),
        }
    }

    /// The confirming button's label.
    pub fn verb(&self) -> &'static str {
        match self {
            Deletion::Party(_) => "Delete party",
            Deletion::Issue(_) => "Delete issue",
        }
    }

    /// Remove the item and what refers to it, as one undo step.
    pub fn apply(&self, doc: &mut Document) {
        match self {
            Deletion::Party(id) => doc.edit(None, |p| {
                edits::remove_party(p, id);
            }),
            Deletion::Issue(id) => doc.edit(None, |p| {
                edits::remove_issue(p, id);
            }),
        }
    }
}

pub enum Modal {
    Guard(Pending),
    LoadErrors {
        file: String,
        diagnostics: Vec<Diagnostic>,
    },
    Message {
        title: String,
        text: String,
    },
    ConfirmDelete {
        what: Deletion,
        dependents: Dependents,
    },
    Warnings,
    About,
    /// A recovery copy of unsaved work from an earlier run; `more` copies wait after it.
    Recover {
        entry: RecoveryEntry,
        more: usize,
    },
    /// A save failed; `text` says why and that nothing was lost.
    SaveFailed {
        text: String,
    },
    /// The window came back into focus and the file had been changed by another program.
    ChangedOnDisk {
        path: PathBuf,
        dirty: bool,
    },
    /// Saving would overwrite changes another program made to the file since it was opened
    /// or saved here; `then` is the action waiting for the save (quit, open…).
    SaveConflict {
        path: PathBuf,
        then: Option<Pending>,
    },
    /// A CSV table of positions was refused: each problem with its line.
    ImportErrors {
        file: String,
        problems: Vec<String>,
    },
}

impl Modal {
    pub fn title(&self) -> &str {
        match self {
            Modal::Guard(_) => "Unsaved changes",
            Modal::LoadErrors { .. } => "The file could not be opened",
            Modal::Message { title, .. } => title,
            Modal::ConfirmDelete { .. } => "Delete?",
            Modal::Warnings => "Warnings",
            Modal::About => "About stancemap",
            Modal::Recover { .. } => "Recover unsaved work?",
            Modal::SaveFailed { .. } => "Could not save",
            Modal::ChangedOnDisk { .. } => "The file changed on disk",
            Modal::SaveConflict { .. } => "The file changed on disk since you opened it",
            Modal::ImportErrors { .. } => "The table was not imported",
        }
    }
}

/// What the user answered in a modal this frame.
enum Answer {
    Close,
    Save(Pending),
    Discard(Pending),
    Delete(Deletion),
    GoTo(Target),
    Restore(RecoveryEntry),
    ShowBoth(RecoveryEntry),
    DiscardRecovery(RecoveryEntry),
    /// Reload the file from disk, dropping the document's unsaved changes.
    Reload(PathBuf),
    /// Keep the document as it is and stop warning about this version of the file.
    KeepMine(PathBuf),
    /// List what differs between the document and the file on disk.
    ShowDifferences(PathBuf),
    Overwrite(PathBuf, Option<Pending>),
    SaveAs(Option<Pending>),
}

/// Show the open modal, if any, and act on the answer.
pub fn modal_ui(ctx: &egui::Context, app: &mut App) {
    let Some(modal) = app.modal.take() else {
        return;
    };
    let warnings = if matches!(modal, Modal::Warnings) {
        app.warnings().to_vec()
    } else {
        Vec::new()
    };
    let mut answer = None;
    let response = egui::Modal::new(Id::unique("stancemap-modal")).show(ctx, |ui| {
        ui.set_max_width(620.0);
        ui.heading(modal.title());
        ui.add_space(6.0);
        answer = bodies::body_ui(ui, &modal, app.doc.project(), &warnings);
    });
    if answer.is_none() && response.should_close() {
        answer = Some(Answer::Close);
    }
    match answer {
        None => app.modal = Some(modal),
        Some(Answer::Close) => {}
        Some(Answer::Save(pending)) => app.save_then(Some(pending)),
        Some(Answer::Discard(pending)) => {
            app.discard_recovery_copy();
            app.perform(pending, ctx);
        }
        Some(Answer::Restore(entry)) => app.restore(&entry, false),
        Some(Answer::ShowBoth(entry)) => app.restore(&entry, true),
        Some(Answer::DiscardRecovery(entry)) => app.discard_offer(&entry),
        Some(Answer::Reload(path)) => app.reload(&path),
        Some(Answer::KeepMine(path)) => app.keep_mine(&path),
        Some(Answer::ShowDifferences(path)) => crate::teams::show_disk_differences(app, &path),
        Some(Answer::Overwrite(path, then)) => app.save_to(&path, false, then),
        Some(Answer::SaveAs(then)) => app.save_as_then(then),
        Some(Answer::Delete(what)) => app.delete(&what),
        Some(Answer::GoTo(target)) => {
            app.shell.scenario = target.scenario;
            app.shell.view = target.view;
            app.shell.select(target.selection);
        }
    }
}
