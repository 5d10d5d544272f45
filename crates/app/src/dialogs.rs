//! The app's modal dialogs: the unsaved-changes guard, load errors, delete
//! confirmations, warnings, About, the guide to the concepts, and the ones that keep work
//! from being lost: the recovery offer, a failed save, and a file changed on disk.

mod go_to;

use super::edits::{self, Dependents};
use super::{App, Document};
use crate::format::{Diagnostic, RecoveryEntry};
use crate::model::Project;
use eframe::egui;
use egui::{Id, RichText};
use go_to::{Target, target_of};
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
        answer = body_ui(ui, &modal, app.doc.project(), &warnings);
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
        Some(Answer::Reload(path)) => {
            // The copy of the dropped changes goes only once the file has loaded: a reload
            // that fails keeps the document, so it keeps its copy too.
            let dropped = app.doc.is_dirty();
            if app.open_path(&path) && dropped {
                app.remove_copy_for(&path);
            }
        }
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

fn body_ui(
    ui: &mut egui::Ui,
    modal: &Modal,
    project: &Project,
    warnings: &[Diagnostic],
) -> Option<Answer> {
    let mut answer = None;
    match modal {
        Modal::Guard(pending) => {
            ui.label(format!(
                "“{}” has changes that are not saved. Save them before {}?",
                project.title,
                pending.verb()
            ));
            ui.add_space(10.0);
            ui.horizontal(|ui| {
                if ui.button("Save").clicked() {
                    answer = Some(Answer::Save(pending.clone()));
                }
                if ui.button("Discard changes").clicked() {
                    answer = Some(Answer::Discard(pending.clone()));
                }
                if ui.button("Cancel").clicked() {
                    answer = Some(Answer::Close);
                }
            });
        }
        Modal::LoadErrors { file, diagnostics } => {
            ui.label("Nothing was changed: the project already open stays as it was.");
            ui.label(format!(
                "{} problem{} found:",
                diagnostics.len(),
                if diagnostics.len() == 1 { "" } else { "s" }
            ));
            egui::ScrollArea::vertical()
                .max_height(320.0)
                .show(ui, |ui| {
                    for d in diagnostics {
                        let color = if d.is_error() {
                            ui.visuals().error_fg_color
                        } else {
                            ui.visuals().warn_fg_color
                        };
                        ui.label(RichText::new(d.with_file(file)).monospace().color(color));
                    }
                });
            ui.add_space(8.0);
            if ui.button("OK").clicked() {
                answer = Some(Answer::Close);
            }
        }
        Modal::Recover { entry, more } => {
            answer = recover_ui(ui, entry, *more);
        }
        Modal::SaveFailed { text } => {
            ui.label(text);
            ui.add_space(10.0);
            ui.horizontal(|ui| {
                if ui.button("Save As…").clicked() {
                    answer = Some(Answer::SaveAs(None));
                }
                if ui.button("OK").clicked() {
                    answer = Some(Answer::Close);
                }
            });
        }
        Modal::ChangedOnDisk { path, dirty } => {
            if *dirty {
                ui.label(format!(
                    "Another program changed {} while you had unsaved changes here.",
                    path.display()
                ));
                ui.label(
                    "Keep your changes (saving will ask before overwriting the other version), \
                     or reload the file and discard them.",
                );
            } else {
                ui.label(format!(
                    "Another program changed {}. Reload it to see the new version?",
                    path.display()
                ));
            }
            ui.add_space(10.0);
            ui.horizontal(|ui| {
                let reload = if *dirty {
                    "Reload (discard my changes)"
                } else {
                    "Reload"
                };
                if ui.button(reload).clicked() {
                    answer = Some(Answer::Reload(path.clone()));
                }
                let keep = if *dirty {
                    "Keep my changes"
                } else {
                    "Keep this version"
                };
                if ui.button(keep).clicked() {
                    answer = Some(Answer::KeepMine(path.clone()));
                }
                if ui
                    .button("Show differences")
                    .on_hover_text("List what differs between this project and the file on disk")
                    .clicked()
                {
                    answer = Some(Answer::ShowDifferences(path.clone()));
                }
            });
        }
        Modal::ImportErrors { file, problems } => {
            ui.label("Nothing was changed: every row must be right before any is applied.");
            ui.label(format!(
                "{} problem{} in {file}:",
                problems.len(),
                if problems.len() == 1 { "" } else { "s" }
            ));
            egui::ScrollArea::vertical()
                .max_height(320.0)
                .show(ui, |ui| {
                    for p in problems {
                        ui.label(
                            RichText::new(p)
                                .monospace()
                                .color(ui.visuals().error_fg_color),
                        );
                    }
                });
            ui.add_space(8.0);
            if ui.button("OK").clicked() {
                answer = Some(Answer::Close);
            }
        }
        Modal::SaveConflict { path, then } => {
            ui.label(format!(
                "Another program changed {} after you opened or last saved it here. Saving \
                 now would replace that version with yours.",
                path.display()
            ));
            ui.add_space(10.0);
            ui.horizontal(|ui| {
                if ui.button("Reload (discard my changes)").clicked() {
                    answer = Some(Answer::Reload(path.clone()));
                }
                if ui
                    .button("Overwrite")
                    .on_hover_text("Save your version over the other one (kept as .bak)")
                    .clicked()
                {
                    answer = Some(Answer::Overwrite(path.clone(), then.clone()));
                }
                if ui.button("Save As…").clicked() {
                    answer = Some(Answer::SaveAs(then.clone()));
                }
                if ui.button("Cancel").clicked() {
                    answer = Some(Answer::Close);
                }
            });
        }
        Modal::Message { text, .. } => {
            ui.label(text);
            ui.add_space(8.0);
            if ui.button("OK").clicked() {
                answer = Some(Answer::Close);
            }
        }
        Modal::ConfirmDelete { what, dependents } => {
            ui.label(format!(
                "Deleting the {} also deletes what refers to it: {}.",
                what.name(project),
                dependents.describe()
            ));
            ui.label(RichText::new("You can undo this with Ctrl+Z.").weak());
            ui.add_space(10.0);
            ui.horizontal(|ui| {
                if ui.button(what.verb()).clicked() {
                    answer = Some(Answer::Delete(what.clone()));
                }
                if ui.button("Cancel").clicked() {
                    answer = Some(Answer::Close);
                }
            });
        }
        Modal::Warnings => {
            if warnings.is_empty() {
                ui.label("No warnings: the project is consistent.");
            }
            egui::ScrollArea::vertical()
                .max_height(380.0)
                .show(ui, |ui| {
                    for (i, d) in warnings.iter().enumerate() {
                        ui.horizontal_wrapped(|ui| {
                            if let Some(target) = target_of(project, d)
                                && ui
                                    .button("Go to")
                                    .on_hover_text("Select the item this warning is about")
                                    .clicked()
                            {
                                answer = Some(Answer::GoTo(target));
                            }
                            ui.label(format!("{}. {d}", i + 1));
                        });
                    }
                });
            ui.add_space(8.0);
            if ui.button("Close").clicked() {
                answer = Some(Answer::Close);
            }
        }
        Modal::About => {
            ui.label(format!(
                "stancemap {} — map the positions, walk-aways, leverage and timeline of a negotiation.",
                env!("CARGO_PKG_VERSION")
            ));
            ui.label(
                "Projects are plain .ron text files you can read, diff and share. \
                 Every figure the app derives is an estimate from the analyst's own scores.",
            );
            ui.add_space(8.0);
            if ui.button("Close").clicked() {
                answer = Some(Answer::Close);
            }
        }
    }
    answer
}

fn recover_ui(ui: &mut egui::Ui, entry: &RecoveryEntry, more: usize) -> Option<Answer> {
    let mut answer = None;
    let when = entry
        .saved_at
        .to_zoned(jiff::tz::TimeZone::system())
        .strftime("%Y-%m-%d %H:%M")
        .to_string();
    match &entry.original {
        Some(original) => ui.label(format!(
            "stancemap stopped before your changes to {} were saved. A recovery copy from \
             {when} holds work that is not in the file.",
            original.display()
        )),
        None => ui.label(format!(
            "stancemap stopped before a new project was saved. A recovery copy from {when} \
             holds it."
        )),
    };
    ui.label(
        RichText::new(
            "Restore opens the recovered work, not saved yet: your file is not changed until \
             you save. Show both also lists how it differs from the file. Discard deletes \
             the copy.",
        )
        .weak(),
    );
    if more > 0 {
        ui.label(format!(
            "{more} more recovery cop{} will be offered after this one.",
            if more == 1 { "y" } else { "ies" }
        ));
    }
    ui.add_space(10.0);
    ui.horizontal(|ui| {
        if ui.button("Restore").clicked() {
            answer = Some(Answer::Restore(entry.clone()));
        }
        if entry.original.is_some() && ui.button("Show both").clicked() {
            answer = Some(Answer::ShowBoth(entry.clone()));
        }
        if ui.button("Discard").clicked() {
            answer = Some(Answer::DiscardRecovery(entry.clone()));
        }
    });
    answer
}
