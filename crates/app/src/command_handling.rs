//! Command handling: running a queued command, the unsaved-changes guard, keyboard
//! shortcuts, dropped files, the window title and the end of an undo group.

use crate::path_dialog::{PathDialog, Then};

use crate::dialogs::{self, Modal, Pending};
use crate::model::Project;
use crate::settings::{self, ThemeChoice};
use crate::{App, Command, Document, ViewKind, export, ids, sample_document, teams};
use eframe::egui;
use egui::ViewportCommand;

impl App {
    /// Run `action` now, or first ask about unsaved changes.
    pub(crate) fn guarded(&mut self, action: Pending, ctx: &egui::Context) {
        if self.doc.is_dirty() {
            self.modal = Some(Modal::Guard(action));
        } else {
            self.perform(action, ctx);
        }
    }

    pub(crate) fn perform(&mut self, action: Pending, ctx: &egui::Context) {
        match action {
            Pending::New => {
                // A new project describes today, so its as-of field and the date button
                // beside it show the same date.
                let project = Project {
                    as_of: Some(jiff::Zoned::now().date().to_string()),
                    ..Project::default()
                };
                self.replace_document(Document::new(project, None));
                self.shell.view = ViewKind::Overview;
                self.status = "New project".into();
            }
            Pending::OpenDialog => {
                if let Some(path) = self.dialogs.open_path() {
                    self.open_path(&path);
                } else if let Some(request) = self.dialogs.take_unavailable() {
                    // No system dialog: ask in the app's own, then open what it chose.
                    self.path_dialog = Some(PathDialog::new(request, Then::Open));
                }
            }
            Pending::OpenPath(path) => {
                self.open_path(&path);
            }
            Pending::OpenSample(index) => {
                self.replace_document(sample_document(index));
                self.status = "Opened a sample; Save As to keep your changes".into();
            }
            Pending::Quit => {
                self.allow_close = true;
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
        }
    }

    pub(crate) fn run(&mut self, command: Command, ctx: &egui::Context) {
        // File requests start in the open project's folder.
        let folder = self.doc.path.as_deref().and_then(std::path::Path::parent);
        self.dialogs.start_in(folder);
        let again = command.clone();
        self.run_command(command, ctx);
        // A request no system dialog could show is asked in the app's own; its answer
        // runs the command again.
        if let Some(request) = self.dialogs.take_unavailable() {
            self.path_dialog = Some(PathDialog::new(request, Then::Run(again)));
        }
    }

    fn run_command(&mut self, command: Command, ctx: &egui::Context) {
        match command {
            Command::New => self.guarded(Pending::New, ctx),
            Command::Open => self.guarded(Pending::OpenDialog, ctx),
            Command::OpenPath(path) => self.guarded(Pending::OpenPath(path), ctx),
            Command::OpenSample(i) => self.guarded(Pending::OpenSample(i), ctx),
            Command::Save => {
                self.save();
            }
            Command::SaveAs => {
                self.save_as_then(None);
            }
            Command::Quit => self.guarded(Pending::Quit, ctx),
            Command::Undo | Command::Redo => {
                let before = self.doc.project().clone();
                let (done, word) = if command == Command::Undo {
                    (self.doc.undo(), "Undone")
                } else {
                    (self.doc.redo(), "Redone")
                };
                if done {
                    ids::follow_undo(&mut self.shell, &before, self.doc.project());
                    self.status = word.into();
                }
            }
            Command::ShowView(view) => self.shell.view = view,
            Command::ZoomIn | Command::ZoomOut | Command::ZoomReset => {
                self.settings.zoom = match command {
                    Command::ZoomIn => settings::zoom_step(self.settings.zoom, true),
                    Command::ZoomOut => settings::zoom_step(self.settings.zoom, false),
                    _ => 1.0,
                };
                ctx.set_zoom_factor(self.settings.zoom);
            }
            Command::CycleTheme => self.set_theme(self.settings.theme.next(), ctx),
            Command::SetTheme(theme) => self.set_theme(theme, ctx),
            Command::ShowWarnings => self.modal = Some(Modal::Warnings),
            Command::Guide => self.help.open(0),
            Command::Keyboard => self.help.open(crate::help::KEYBOARD),
            Command::About => self.modal = Some(Modal::About),
            Command::DeleteParty(id) => self.ask_delete(dialogs::Deletion::Party(id)),
            Command::DeleteIssue(id) => self.ask_delete(dialogs::Deletion::Issue(id)),
            Command::ExportCharts => self.shell.export.open = true,
            Command::ExportChart(chart) => export::export_one(self, chart),
            Command::ExportBriefing => crate::briefing::start(self),
            Command::ExportRoleSheets => crate::briefing::start_roles(self),
            Command::PreviousEvent => self.shell.step_as_of(&self.doc, false),
            Command::NextEvent => self.shell.step_as_of(&self.doc, true),
            Command::Latest => self.shell.as_of = None,
            Command::Present => self.toggle_presentation(ctx),
            Command::CompareWith => teams::compare_with(self),
            Command::ExportPositionsCsv => teams::export_csv(self),
            Command::ImportPositionsCsv => teams::import_csv(self),
            Command::SwitchPane => {
                let grid = self.shell.view == ViewKind::Positions;
                self.shell.pane.switch(ctx, grid);
            }
        }
    }

    pub(crate) fn set_theme(&mut self, theme: ThemeChoice, ctx: &egui::Context) {
        self.settings.theme = theme;
        ctx.set_theme(theme.preference());
        self.status = format!("Theme: {}", theme.label());
    }

    /// Delete a party or issue: at once when nothing refers to it, else after asking.
    pub(crate) fn ask_delete(&mut self, what: dialogs::Deletion) {
        let dependents = what.dependents(self.doc.project());
        if dependents.is_empty() {
            self.delete(&what);
        } else {
            self.modal = Some(Modal::ConfirmDelete { what, dependents });
        }
    }

    pub(crate) fn delete(&mut self, what: &dialogs::Deletion) {
        let name = what.name(self.doc.project());
        what.apply(&mut self.doc);
        self.shell.selection = None;
        self.status = format!("Deleted {name} (Undo with Ctrl+Z)");
    }

    pub(crate) fn handle_shortcuts(&mut self, ctx: &egui::Context) {
        if self.modal.is_some() {
            return;
        }
        let mut bindings: Vec<(egui::KeyboardShortcut, Command)> = Vec::new();
        for command in Command::with_shortcuts() {
            for key in command
                .shortcut()
                .into_iter()
                .chain(command.alternate_shortcuts())
            {
                bindings.push((key, command.clone()));
            }
        }
        // egui matches shortcuts "logically" (extra Shift is ignored), so try the ones with
        // more modifiers first: Ctrl+Shift+Z must not be taken for Ctrl+Z.
        let weight = |k: &egui::KeyboardShortcut| {
            u8::from(k.modifiers.shift) + u8::from(k.modifiers.alt) + u8::from(k.modifiers.command)
        };
        bindings.sort_by_key(|(k, _)| std::cmp::Reverse(weight(k)));
        for (key, command) in bindings {
            if ctx.input_mut(|i| i.consume_shortcut(&key)) {
                self.shell.queue(command);
            }
        }
    }

    pub(crate) fn handle_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped = ctx.input_mut(|i| std::mem::take(&mut i.raw.dropped_files));
        let Some(file) = dropped.first() else {
            return;
        };
        let path = file.path().to_path_buf();
        if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
        {
            self.shell.queue(Command::OpenPath(path));
        } else {
            self.modal = Some(Modal::Message {
                title: "Not a project file".into(),
                text: format!(
                    "{} is not a stancemap project: project files end in .ron.",
                    path.display()
                ),
            });
        }
    }

    pub(crate) fn update_title(&mut self, ctx: &egui::Context) {
        let dirty = if self.doc.is_dirty() { "• " } else { "" };
        let title = format!("{dirty}{} — stancemap", self.doc.project().title);
        if title != self.title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    /// The window title as last sent.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// End the open undo group when the pointer is released or focus leaves its field, so
    /// one drag or one typing session is one undo step.
    pub(crate) fn seal_edit_group(&mut self, ctx: &egui::Context) {
        let Some(key) = self.doc.open_group() else {
            return;
        };
        let released = ctx.input(|i| i.pointer.any_released());
        let focused = ctx.memory(|m| m.focused()) == Some(key);
        let dragged = ctx.dragged_id() == Some(key);
        if released || !(focused || dragged) {
            self.doc.seal();
        }
    }
}
