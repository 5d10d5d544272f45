//! The app's own file dialog, for a machine where the system's cannot be shown (on Linux
//! without xdg-desktop-portal or zenity). It asks the same request the system's dialog
//! would have: a path field, the folder's entries to click through, and one line saying,
//! once, why this dialog appears. Its answer goes back through `FileDialogs::provide`, and
//! the command that asked runs again, so every Save, Open and Export works the same way.

use crate::file_dialogs::{PathKind, PathRequest};
use crate::{App, Command};
use eframe::egui;
use egui::{Key, RichText};
use std::path::{Path, PathBuf};

/// What to do with the chosen path.
#[derive(Debug, Clone, PartialEq)]
pub enum Then {
    /// Run this command again: its request is answered with the path.
    Run(Command),
    /// Open the project at the path (the unsaved-changes question was already answered).
    Open,
}

/// The dialog on screen.
pub struct PathDialog {
    request: PathRequest,
    then: Then,
    text: String,
    error: Option<String>,
}

/// The most folder entries listed (a folder of thousands lists its first ones).
const MAX_ENTRIES: usize = 300;

impl PathDialog {
    pub fn new(request: PathRequest, then: Then) -> Self {
        let folder = request
            .folder
            .clone()
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_default();
        // Shown in full: a folder relative to where the app was started means little.
        let folder = std::path::absolute(&folder).unwrap_or(folder);
        let text = match (&request.kind, &request.file_name) {
            (PathKind::SaveFile, Some(name)) => folder.join(name),
            _ => folder,
        }
        .display()
        .to_string();
        Self {
            request,
            then,
            text,
            error: None,
        }
    }

    /// The path typed, checked for the request's kind; a save without an extension gets
    /// the request's first one.
    fn chosen(&self) -> Result<PathBuf, String> {
        let text = self.text.trim();
        if text.is_empty() {
            return Err("Type a path first.".into());
        }
        let mut path = PathBuf::from(text);
        match self.request.kind {
            PathKind::OpenFile if !path.is_file() => {
                Err(format!("There is no file at {}.", path.display()))
            }
            PathKind::SaveFile => {
                if path.is_dir() {
                    return Err("That is a folder; add a file name after it.".into());
                }
                if path.extension().is_none()
                    && let Some(ext) = self.request.default_extension()
                {
                    path.set_extension(ext);
                }
                match path.parent() {
                    Some(parent) if parent.as_os_str().is_empty() || parent.is_dir() => Ok(path),
                    _ => Err(format!(
                        "The folder {} does not exist.",
                        path.parent().unwrap_or(Path::new("")).display()
                    )),
                }
            }
            PathKind::Folder if path.is_file() => Err("That is a file, not a folder.".into()),
            _ => Ok(path),
        }
    }

    /// The folder being looked at and the typed name's start, for the list of entries.
    fn folder_and_prefix(&self) -> (PathBuf, String) {
        let path = PathBuf::from(self.text.trim());
        if self.text.ends_with('/') || path.is_dir() {
            return (path, String::new());
        }
        let prefix = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        (
            path.parent().map(Path::to_path_buf).unwrap_or_default(),
            prefix,
        )
    }

    /// Sub-folders, then the files the request's filters accept, starting with `prefix`.
    fn entries(&self) -> Vec<(bool, String)> {
        let (folder, prefix) = self.folder_and_prefix();
        let Ok(read) = std::fs::read_dir(&folder) else {
            return Vec::new();
        };
        let extensions: Vec<&str> = self
            .request
            .filters
            .iter()
            .flat_map(|(_, e)| e.iter().copied())
            .collect();
        let mut out: Vec<(bool, String)> = read
            .filter_map(Result::ok)
            .take(MAX_ENTRIES * 4)
            .filter_map(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                let is_dir = e.path().is_dir();
                let shown = !name.starts_with('.')
                    && name.starts_with(&prefix)
                    && (is_dir
                        || (self.request.kind != PathKind::Folder
                            && (extensions.is_empty()
                                || e.path()
                                    .extension()
                                    .is_some_and(|x| extensions.iter().any(|e| x == *e)))));
                shown.then_some((is_dir, name))
            })
            .collect();
        out.sort_by(|a, b| {
            b.0.cmp(&a.0)
                .then(a.1.to_lowercase().cmp(&b.1.to_lowercase()))
        });
        out.truncate(MAX_ENTRIES);
        out
    }
}

/// The folder's entries (and its parent); a click puts one in the path field.
fn listing_ui(ui: &mut egui::Ui, dialog: &mut PathDialog, folder: &Path) {
    egui::ScrollArea::vertical()
        .max_height(220.0)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            if let Some(parent) = folder.parent()
                && ui.selectable_label(false, "../").clicked()
            {
                dialog.text = format!("{}/", parent.display()).replace("//", "/");
            }
            for (is_dir, name) in dialog.entries() {
                let label = if is_dir {
                    format!("{name}/")
                } else {
                    name.clone()
                };
                if ui.selectable_label(false, label).clicked() {
                    let path = folder.join(&name);
                    dialog.text = if is_dir {
                        format!("{}/", path.display())
                    } else {
                        path.display().to_string()
                    };
                }
            }
        });
}

/// The dialog, when one is open; on OK its answer is provided and its command runs.
pub fn ui(ctx: &egui::Context, app: &mut App) {
    let Some(dialog) = &mut app.path_dialog else {
        return;
    };
    let mut done: Option<Option<PathBuf>> = None;
    let explain = !app.path_dialog_explained;
    egui::Modal::new(egui::Id::unique("path-dialog")).show(ctx, |ui| {
        ui.set_width(560.0);
        ui.heading(dialog.request.title);
        if explain {
            ui.label(
                RichText::new(
                    "The system's file dialog cannot be shown on this computer (on Linux it \
                     needs xdg-desktop-portal or zenity), so choose the path here.",
                )
                .weak(),
            );
        }
        ui.add_space(4.0);
        let caption = ui.label("Path");
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut dialog.text)
                    .desired_width(f32::INFINITY)
                    .hint_text("/home/you/project.ron"),
            )
            .labelled_by(caption.id);
        if !field.has_focus() && dialog.error.is_none() && ui.memory(|m| m.focused().is_none()) {
            field.request_focus();
        }
        let (folder, _) = dialog.folder_and_prefix();
        ui.label(
            RichText::new(format!("In {}", folder.display()))
                .small()
                .weak(),
        );
        listing_ui(ui, dialog, &folder);
        if let Some(error) = &dialog.error {
            ui.colored_label(ui.visuals().error_fg_color, error);
        }
        ui.separator();
        let ok_label = match dialog.request.kind {
            PathKind::OpenFile => "Open",
            PathKind::SaveFile => "Save",
            PathKind::Folder => "Choose this folder",
        };
        // Enter confirms, from the field or anywhere in the dialog.
        let enter = ui.input(|i| i.key_pressed(Key::Enter));
        ui.horizontal(|ui| {
            if ui.button(ok_label).clicked() || enter {
                match dialog.chosen() {
                    Ok(path) => done = Some(Some(path)),
                    Err(e) => dialog.error = Some(e),
                }
            }
            if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(Key::Escape)) {
                done = Some(None);
            }
        });
    });
    let Some(answer) = done else {
        return;
    };
    app.path_dialog_explained = true;
    let Some(dialog) = app.path_dialog.take() else {
        return;
    };
    let Some(path) = answer else {
        app.status = "Cancelled".into();
        return;
    };
    match dialog.then {
        Then::Open => {
            app.open_path(&path);
        }
        Then::Run(command) => {
            app.dialogs.provide(path);
            app.shell.queue(command);
        }
    }
}
