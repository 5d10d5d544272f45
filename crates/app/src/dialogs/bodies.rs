//! What each modal dialog says and which buttons it offers; the button clicked becomes the
//! `Answer` that `modal_ui` acts on.

use super::go_to::target_of;
use super::{Answer, Deletion, Modal, Pending};
use crate::format::{Diagnostic, RecoveryEntry};
use crate::model::Project;
use eframe::egui;
use egui::{Color32, RichText, Ui};
use stancemap_core::words::plural;
use std::path::Path;

pub(super) fn body_ui(
    ui: &mut Ui,
    modal: &Modal,
    project: &Project,
    warnings: &[Diagnostic],
) -> Option<Answer> {
    match modal {
        Modal::Guard(pending) => guard_ui(ui, project, pending),
        Modal::LoadErrors { file, diagnostics } => {
            let lines = diagnostics.iter().map(|d| {
                let color = if d.is_error() {
                    ui.visuals().error_fg_color
                } else {
                    ui.visuals().warn_fg_color
                };
                (d.with_file(file), color)
            });
            let lines: Vec<(String, Color32)> = lines.collect();
            problems_ui(
                ui,
                "Nothing was changed: the project already open stays as it was.",
                &format!("{} found:", plural(lines.len(), "problem")),
                &lines,
            )
        }
        Modal::ImportErrors { file, problems } => {
            let red = ui.visuals().error_fg_color;
            let lines: Vec<(String, Color32)> = problems.iter().map(|p| (p.clone(), red)).collect();
            problems_ui(
                ui,
                "Nothing was changed: every row must be right before any is applied.",
                &format!("{} in {file}:", plural(lines.len(), "problem")),
                &lines,
            )
        }
        Modal::Recover { entry, more } => recover_ui(ui, entry, *more),
        Modal::SaveFailed { text } => save_failed_ui(ui, text),
        Modal::ChangedOnDisk { path, dirty } => changed_on_disk_ui(ui, path, *dirty),
        Modal::SaveConflict { path, then } => save_conflict_ui(ui, path, then),
        Modal::Message { text, .. } => message_ui(ui, text, "OK"),
        Modal::ConfirmDelete { what, dependents } => {
            confirm_delete_ui(ui, project, what, dependents)
        }
        Modal::Warnings => warnings_ui(ui, project, warnings),
        Modal::About => about_ui(ui),
    }
}

/// A row of buttons, each with the answer it gives; the answer of the one clicked.
fn buttons(ui: &mut Ui, choices: Vec<(&str, Answer)>) -> Option<Answer> {
    let mut answer = None;
    ui.horizontal(|ui| {
        for (label, choice) in choices {
            if ui.button(label).clicked() {
                answer = Some(choice);
            }
        }
    });
    answer
}

fn guard_ui(ui: &mut Ui, project: &Project, pending: &Pending) -> Option<Answer> {
    ui.label(format!(
        "“{}” has changes that are not saved. Save them before {}?",
        project.title,
        pending.verb()
    ));
    ui.add_space(10.0);
    buttons(
        ui,
        vec![
            ("Save", Answer::Save(pending.clone())),
            ("Discard changes", Answer::Discard(pending.clone())),
            ("Cancel", Answer::Close),
        ],
    )
}

/// A file or table that was not taken: why nothing changed, then every problem in its colour.
fn problems_ui(
    ui: &mut Ui,
    nothing_changed: &str,
    heading: &str,
    lines: &[(String, Color32)],
) -> Option<Answer> {
    ui.label(nothing_changed);
    ui.label(heading);
    egui::ScrollArea::vertical()
        .max_height(320.0)
        .show(ui, |ui| {
            for (text, color) in lines {
                ui.label(RichText::new(text).monospace().color(*color));
            }
        });
    ui.add_space(8.0);
    buttons(ui, vec![("OK", Answer::Close)])
}

fn message_ui(ui: &mut Ui, text: &str, close: &str) -> Option<Answer> {
    ui.label(text);
    ui.add_space(8.0);
    buttons(ui, vec![(close, Answer::Close)])
}

fn about_ui(ui: &mut Ui) -> Option<Answer> {
    ui.label(format!(
        "stancemap {} — map the positions, walk-aways, leverage and timeline of a negotiation.",
        env!("CARGO_PKG_VERSION")
    ));
    ui.label(
        "Projects are plain .ron text files you can read, diff and share. \
         Every figure the app derives is an estimate from the analyst's own scores.",
    );
    ui.add_space(8.0);
    buttons(ui, vec![("Close", Answer::Close)])
}

fn save_failed_ui(ui: &mut Ui, text: &str) -> Option<Answer> {
    ui.label(text);
    ui.add_space(10.0);
    buttons(
        ui,
        vec![("Save As…", Answer::SaveAs(None)), ("OK", Answer::Close)],
    )
}

fn changed_on_disk_ui(ui: &mut Ui, path: &Path, dirty: bool) -> Option<Answer> {
    if dirty {
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
    let (reload, keep) = if dirty {
        ("Reload (discard my changes)", "Keep my changes")
    } else {
        ("Reload", "Keep this version")
    };
    let mut answer = None;
    ui.horizontal(|ui| {
        if ui.button(reload).clicked() {
            answer = Some(Answer::Reload(path.to_path_buf()));
        }
        if ui.button(keep).clicked() {
            answer = Some(Answer::KeepMine(path.to_path_buf()));
        }
        if ui
            .button("Show differences")
            .on_hover_text("List what differs between this project and the file on disk")
            .clicked()
        {
            answer = Some(Answer::ShowDifferences(path.to_path_buf()));
        }
    });
    answer
}

fn save_conflict_ui(ui: &mut Ui, path: &Path, then: &Option<Pending>) -> Option<Answer> {
    ui.label(format!(
        "Another program changed {} after you opened or last saved it here. Saving now would \
         replace that version with yours.",
        path.display()
    ));
    ui.add_space(10.0);
    let mut answer = None;
    ui.horizontal(|ui| {
        if ui.button("Reload (discard my changes)").clicked() {
            answer = Some(Answer::Reload(path.to_path_buf()));
        }
        if ui
            .button("Overwrite")
            .on_hover_text("Save your version over the other one (kept as .bak)")
            .clicked()
        {
            answer = Some(Answer::Overwrite(path.to_path_buf(), then.clone()));
        }
        if ui.button("Save As…").clicked() {
            answer = Some(Answer::SaveAs(then.clone()));
        }
        if ui.button("Cancel").clicked() {
            answer = Some(Answer::Close);
        }
    });
    answer
}

fn confirm_delete_ui(
    ui: &mut Ui,
    project: &Project,
    what: &Deletion,
    dependents: &crate::Dependents,
) -> Option<Answer> {
    ui.label(format!(
        "Deleting the {} also deletes what refers to it: {}.",
        what.name(project),
        dependents.describe()
    ));
    ui.label(RichText::new("You can undo this with Ctrl+Z.").weak());
    ui.add_space(10.0);
    buttons(
        ui,
        vec![
            (what.verb(), Answer::Delete(what.clone())),
            ("Cancel", Answer::Close),
        ],
    )
}

/// Every warning, numbered, with Go to for those about an item.
fn warnings_ui(ui: &mut Ui, project: &Project, warnings: &[Diagnostic]) -> Option<Answer> {
    if warnings.is_empty() {
        ui.label("No warnings: the project is consistent.");
    }
    let mut answer = None;
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
    buttons(ui, vec![("Close", Answer::Close)]).or(answer)
}

/// The offer of a recovery copy: Restore, Show both (when there is a file to compare with)
/// or Discard.
fn recover_ui(ui: &mut Ui, entry: &RecoveryEntry, more: usize) -> Option<Answer> {
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
    let mut choices = vec![("Restore", Answer::Restore(entry.clone()))];
    if entry.original.is_some() {
        choices.push(("Show both", Answer::ShowBoth(entry.clone())));
    }
    choices.push(("Discard", Answer::DiscardRecovery(entry.clone())));
    buttons(ui, choices)
}
