//! The desktop editor: an `eframe::App` with a menu bar, a view selector, the central view,
//! an inspector for the selected item and a status bar. `logic` turns input (shortcuts,
//! dropped files, close requests) into commands and runs them; `ui` draws and queues more.

use eframe::egui;
// The lower layers under the names the app has always used.
pub(crate) use stancemap_charts as charts;
pub(crate) use stancemap_core::{analysis, format, model, simulation};

pub mod analysis_cache;
mod commands;
mod dialogs;
mod document;
mod edits;
pub mod export;
mod inspector;
mod menus;
pub mod recovery;
pub mod samples;
mod screenshot;
mod settings;
pub mod simulation_cache;
mod views;
mod widgets;

pub use commands::Command;
pub use dialogs::{FileDialogs, NativeDialogs, ScriptedDialogs};
pub use document::Document;
pub use edits::Dependents;
pub use recovery::RecoveryOptions;
pub use settings::{Settings, ThemeChoice};
pub use views::ViewKind;

use crate::format::{Diagnostic, DiskChange, DiskStamp, RecoveryEntry};
use crate::model::{Project, View};
use dialogs::{Modal, Pending};
use egui::ViewportCommand;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// What the user has selected; the inspector edits it.
#[derive(Debug, Clone, PartialEq)]
pub enum Selection {
    Party(String),
    Issue(String),
    /// A (party, issue) cell of the positions grid, filled or empty.
    Cell {
        party: String,
        issue: String,
    },
    /// Leverage item `index` of the base list (`scenario` None) or of a scenario's list.
    Leverage {
        scenario: Option<String>,
        index: usize,
    },
    /// Event `index` of the base timeline or of a scenario's hypothetical events.
    Event {
        scenario: Option<String>,
        index: usize,
    },
    Source(usize),
    Scenario(String),
}

/// The state of the window around the document: the view shown, the selection, the active
/// scenario and the queue of commands waiting for `logic`.
pub struct Shell {
    pub view: ViewKind,
    pub selection: Option<Selection>,
    /// The scenario every view shows (None = the base project).
    pub scenario: Option<String>,
    commands: Vec<Command>,
    pub leverage_sort: views::leverage::Sort,
    resolved: Option<(u64, Option<String>, Arc<View>)>,
    /// The analysis and drawn charts of the active scenario (see `analysis_cache`).
    pub analysis: analysis_cache::AnalysisCache,
    pub analysis_view: views::analysis::State,
    pub export: export::ExportState,
    /// The simulation of the active scenario, computed off the UI thread.
    pub simulation: simulation_cache::SimulationCache,
    pub simulation_view: views::simulation::State,
}

impl Shell {
    fn new(view: ViewKind) -> Self {
        Self {
            view,
            selection: None,
            scenario: None,
            commands: Vec::new(),
            leverage_sort: views::leverage::Sort::default(),
            resolved: None,
            analysis: analysis_cache::AnalysisCache::default(),
            analysis_view: views::analysis::State::default(),
            export: export::ExportState::default(),
            simulation: simulation_cache::SimulationCache::default(),
            simulation_view: views::simulation::State::default(),
        }
    }

    /// Ask `logic` to run `command` (at the start of the next frame).
    pub fn queue(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// The project as every view shows it: the base, or the base with the active scenario
    /// applied. Cached by document revision.
    pub fn resolved(&mut self, doc: &Document) -> Arc<View> {
        if let Some((rev, scenario, view)) = &self.resolved
            && *rev == doc.revision()
            && *scenario == self.scenario
        {
            return view.clone();
        }
        let view = match doc.project().resolve(self.scenario.as_deref()) {
            Ok(view) => view,
            Err(_) => {
                // The scenario went away (deleted, or undone): fall back to the base.
                self.scenario = None;
                let mut base = doc.project().clone();
                base.scenarios.clear();
                View {
                    hypothetical: vec![false; base.events.len()],
                    project: base,
                    scenario: None,
                }
            }
        };
        let view = Arc::new(view);
        self.resolved = Some((doc.revision(), self.scenario.clone(), view.clone()));
        view
    }

    /// Index of the active scenario in the project's list.
    pub fn scenario_index(&self, project: &Project) -> Option<usize> {
        let id = self.scenario.as_deref()?;
        project.scenarios.iter().position(|s| s.id == id)
    }

    pub fn select(&mut self, selection: Selection) {
        self.selection = Some(selection);
    }
}

/// How the window starts.
pub struct Options {
    /// The file to open; `None` = the last one, or the sample.
    pub file: Option<PathBuf>,
    pub view: Option<ViewKind>,
    /// Save a PNG of the window here once layout settles, then close.
    pub screenshot: Option<PathBuf>,
    pub dialogs: Box<dyn FileDialogs>,
    /// Read and write preferences in eframe's storage (off for tests and screenshots).
    pub persist: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            file: None,
            view: None,
            screenshot: None,
            dialogs: Box::new(NativeDialogs),
            persist: true,
        }
    }
}

pub struct App {
    pub doc: Document,
    pub shell: Shell,
    pub settings: Settings,
    dialogs: Box<dyn FileDialogs>,
    modal: Option<Modal>,
    /// Set once the user has agreed to close (or nothing was unsaved).
    allow_close: bool,
    persist: bool,
    screenshot: Option<screenshot::Job>,
    /// The outcome of `--screenshot`, read by `run` after the window closes.
    pub screenshot_result: Arc<Mutex<Option<Result<(), String>>>>,
    warnings: (u64, Vec<Diagnostic>),
    /// The last thing that happened, for the status bar.
    status: String,
    title: String,
    /// The autosave timer and the recovery folder (off in tests that do not ask for it).
    autosave: Option<recovery::Autosave>,
    /// Recovery copies found at start, waiting to be offered one at a time.
    offers: Vec<RecoveryEntry>,
    /// The "Show both" window.
    comparison: Option<recovery::Comparison>,
    /// A version of the file on disk the user chose to keep working over, so focusing the
    /// window again does not ask about it twice.
    disk_seen: Option<DiskStamp>,
}

impl App {
    pub fn new(cc: &eframe::CreationContext<'_>, options: Options) -> Self {
        let mut settings: Settings = match (options.persist, cc.storage) {
            (true, Some(storage)) => {
                eframe::get_value(storage, settings::STORAGE_KEY).unwrap_or_default()
            }
            _ => Settings::default(),
        };
        let recovery = options.persist.then(RecoveryOptions::standard).flatten();
        // For screenshots and documentation: force a theme without touching the preferences.
        if let Ok(name) = std::env::var("STANCEMAP_THEME") {
            settings.theme = match name.as_str() {
                "light" => ThemeChoice::Light,
                "dark" => ThemeChoice::Dark,
                _ => ThemeChoice::System,
            };
        }
        let app = Self::with_settings(&cc.egui_ctx, options, settings);
        match recovery {
            Some(recovery) => app.with_recovery(recovery),
            None => app,
        }
    }

    /// Turn on autosave into `options.dir` and offer the copies already there (the window
    /// does this with the app's data folder; tests with a temporary one).
    pub fn with_recovery(mut self, options: RecoveryOptions) -> Self {
        let autosave = recovery::Autosave::new(&options);
        let mut offers = autosave.store.offers();
        // Oldest last, so `pop` offers the newest first.
        offers.reverse();
        self.offers = offers;
        self.autosave = Some(autosave);
        self
    }

    /// Build the app with the given preferences (tests pass their own).
    pub fn with_settings(ctx: &egui::Context, options: Options, settings: Settings) -> Self {
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
        ctx.set_theme(settings.theme.preference());
        ctx.set_zoom_factor(settings.zoom);
        let view = options
            .view
            .or_else(|| ViewKind::from_name(&settings.view))
            .unwrap_or(ViewKind::Positions);
        let sample = sample_document(samples::DEFAULT_SAMPLE);
        let mut app = Self {
            doc: sample,
            shell: Shell::new(view),
            settings,
            dialogs: options.dialogs,
            modal: None,
            allow_close: false,
            persist: options.persist,
            screenshot: options.screenshot.map(screenshot::Job::new),
            screenshot_result: Arc::new(Mutex::new(None)),
            warnings: (0, Vec::new()),
            status: String::new(),
            title: String::new(),
            autosave: None,
            offers: Vec::new(),
            comparison: None,
            disk_seen: None,
        };
        let start = options
            .file
            .clone()
            .or_else(|| app.settings.recent.first().filter(|p| p.exists()).cloned());
        match (start, options.file.is_some()) {
            (Some(path), explicit) => {
                if !app.open_path(&path) && explicit {
                    // The named file failed: show its errors over an empty project rather
                    // than a sample the user did not ask for.
                    app.doc = Document::new(Project::default(), None);
                }
            }
            (None, _) => app.status = "Showing the built-in ceasefire sample".into(),
        }
        app
    }

    /// Whether a modal dialog (guard, errors, confirmation) is open.
    pub fn modal_title(&self) -> Option<&str> {
        self.modal.as_ref().map(Modal::title)
    }

    /// Whether the app has agreed to close the window.
    pub fn is_closing(&self) -> bool {
        self.allow_close
    }

    /// The warnings of the current project (validation), cached by revision.
    pub fn warnings(&mut self) -> &[Diagnostic] {
        if self.warnings.0 != self.doc.revision() {
            let list = format::validate(self.doc.project())
                .into_iter()
                .filter(|d| !d.is_error())
                .collect();
            self.warnings = (self.doc.revision(), list);
        }
        &self.warnings.1
    }

    /// The recovery folder, when autosave is on.
    pub fn recovery_dir(&self) -> Option<&Path> {
        self.autosave.as_ref().map(|a| a.store.dir())
    }

    /// Load `path`; on failure show its errors and keep the open project. Returns success.
    fn open_path(&mut self, path: &Path) -> bool {
        let loaded = DiskStamp::read(path)
            .and_then(|(bytes, stamp)| format::load_bytes(&bytes).map(|l| (l, stamp)));
        match loaded {
            Ok((loaded, stamp)) => {
                let count = loaded.warnings.len();
                let mut doc = Document::new(loaded.project, Some(path.to_path_buf()));
                doc.stamp = Some(stamp);
                self.replace_document(doc);
                self.settings.remember(path);
                self.status = match count {
                    0 => format!("Opened {}", path.display()),
                    1 => format!("Opened {} (1 warning)", path.display()),
                    n => format!("Opened {} ({n} warnings)", path.display()),
                };
                true
            }
            Err(err) => {
                if !path.exists() {
                    self.settings.forget(path);
                }
                self.status = format!("Could not open {}", path.display());
                self.modal = Some(Modal::LoadErrors {
                    file: path.display().to_string(),
                    diagnostics: err.diagnostics,
                });
                false
            }
        }
    }

    fn replace_document(&mut self, doc: Document) {
        self.doc = doc;
        self.disk_seen = None;
        self.comparison = None;
        if let Some(autosave) = &mut self.autosave {
            autosave.reset();
        }
        self.shell.selection = None;
        self.shell.scenario = None;
        self.shell.resolved = None;
    }

    /// Save to the document's path, asking for one when it has none. Returns success.
    fn save(&mut self) -> bool {
        self.save_then(None)
    }

    /// `save`, for an action waiting on it (`then`): if the file changed on disk, the
    /// question that asks about it carries the action on.
    fn save_then(&mut self, then: Option<Pending>) -> bool {
        match self.doc.path.clone() {
            Some(path) => self.save_to(&path, true, then),
            None => self.save_as(),
        }
    }

    fn save_as(&mut self) -> bool {
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
    fn save_to(&mut self, path: &Path, check_disk: bool, then: Option<Pending>) -> bool {
        if check_disk
            && self.doc.path.as_deref() == Some(path)
            && let Some(stamp) = &self.doc.stamp
            && matches!(stamp.compare(path), Ok(DiskChange::Modified))
        {
            self.modal = Some(Modal::SaveConflict {
                path: path.to_path_buf(),
                then,
            });
            return false;
        }
        let had_file = path.is_file();
        match format::save_atomic(path, self.doc.project()) {
            Ok(()) => {
                let previous = self.doc.path.replace(path.to_path_buf());
                self.doc.mark_saved(path.to_path_buf());
                self.doc.stamp = DiskStamp::of(path).ok();
                self.disk_seen = None;
                if let Some(autosave) = &mut self.autosave {
                    // The work is in the file now: its copy (and the one kept under the old
                    // name, after Save As) has done its job.
                    let _ = autosave.store.remove_for(Some(path));
                    if previous.as_deref() != Some(path) {
                        let _ = autosave.store.remove_for(previous.as_deref());
                    }
                    autosave.settled();
                }
                self.settings.remember(path);
                let backup = format::backup_path(path);
                self.status = if had_file && backup.is_file() {
                    format!(
                        "Saved {} (the previous version is kept as {})",
                        path.display(),
                        backup.file_name().unwrap_or_default().to_string_lossy()
                    )
                } else {
                    format!("Saved {}", path.display())
                };
                true
            }
            Err(err) => {
                if let Some(autosave) = &mut self.autosave {
                    autosave.write_now(
                        self.doc.path.as_deref(),
                        self.doc.project(),
                        self.doc.revision(),
                    );
                }
                self.status = format!("Could not save {}", path.display());
                self.modal = Some(Modal::SaveFailed {
                    text: recovery::explain_save_error(path, &err),
                });
                false
            }
        }
    }

    /// The user chose to drop the document's unsaved changes: drop their recovery copy too.
    fn discard_recovery_copy(&mut self) {
        if let Some(autosave) = &mut self.autosave
            && self.doc.is_dirty()
        {
            let _ = autosave.store.remove_for(self.doc.path.as_deref());
            autosave.settled();
        }
    }

    fn remove_copy_for(&mut self, path: &Path) {
        if let Some(autosave) = &self.autosave {
            let _ = autosave.store.remove_for(Some(path));
        }
    }

    /// Open the recovered work of `entry` as the document for its original file, unsaved.
    /// With `compare`, also list how it differs from the file.
    fn restore(&mut self, entry: &RecoveryEntry, compare: bool) {
        let Some(autosave) = &self.autosave else {
            return;
        };
        let recovered = match autosave.store.load(entry) {
            Ok(loaded) => loaded.project,
            Err(err) => {
                self.modal = Some(Modal::LoadErrors {
                    file: entry.path.display().to_string(),
                    diagnostics: err.diagnostics,
                });
                return;
            }
        };
        let on_disk = entry.original.as_deref().and_then(|original| {
            let (bytes, stamp) = DiskStamp::read(original).ok()?;
            Some((format::load_bytes(&bytes).ok()?.project, stamp))
        });
        let (file_project, stamp) = match on_disk {
            Some((project, stamp)) => (Some(project), Some(stamp)),
            None => (None, None),
        };
        let lines = file_project
            .as_ref()
            .map(|file| recovery::differences(file, &recovered));
        let mut doc = Document::restored(recovered, entry.original.clone(), file_project);
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

    fn discard_offer(&mut self, entry: &RecoveryEntry) {
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
    fn keep_mine(&mut self, path: &Path) {
        self.disk_seen = DiskStamp::of(path).ok();
    }

    /// The window came back into focus: tell the user if another program changed the file.
    fn check_disk(&mut self) {
        let (Some(path), Some(stamp)) = (self.doc.path.clone(), &self.doc.stamp) else {
            return;
        };
        if let Some(seen) = &self.disk_seen
            && matches!(seen.compare(&path), Ok(DiskChange::Unchanged))
        {
            return;
        }
        match stamp.compare(&path) {
            Ok(DiskChange::Modified) => {
                self.modal = Some(Modal::ChangedOnDisk {
                    path,
                    dirty: self.doc.is_dirty(),
                });
            }
            Ok(DiskChange::Removed) => {
                self.status = format!(
                    "{} was deleted or moved; Save writes it again",
                    path.display()
                );
            }
            Ok(DiskChange::Unchanged) | Err(_) => {}
        }
    }

    /// Autosave, the recovery offers waiting and the changed-on-disk check.
    fn keep_work_safe(&mut self, ctx: &egui::Context) {
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
        let tick = autosave.tick(
            now,
            self.doc.path.as_deref(),
            self.doc.project(),
            self.doc.revision(),
            self.doc.is_dirty(),
        );
        match tick {
            recovery::Tick::Wait(seconds) => {
                ctx.request_repaint_after(std::time::Duration::from_secs_f64(seconds));
            }
            recovery::Tick::Failed(err) => {
                self.status = format!(
                    "Could not write the recovery copy into {}: {err}",
                    autosave.store.dir().display()
                );
            }
            recovery::Tick::Idle | recovery::Tick::Wrote(_) | recovery::Tick::Removed => {}
        }
    }

    /// Run `action` now, or first ask about unsaved changes.
    fn guarded(&mut self, action: Pending, ctx: &egui::Context) {
        if self.doc.is_dirty() {
            self.modal = Some(Modal::Guard(action));
        } else {
            self.perform(action, ctx);
        }
    }

    fn perform(&mut self, action: Pending, ctx: &egui::Context) {
        match action {
            Pending::New => {
                self.replace_document(Document::new(Project::default(), None));
                self.shell.view = ViewKind::Overview;
                self.status = "New project".into();
            }
            Pending::OpenDialog => {
                if let Some(path) = self.dialogs.open_path() {
                    self.open_path(&path);
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

    fn run(&mut self, command: Command, ctx: &egui::Context) {
        match command {
            Command::New => self.guarded(Pending::New, ctx),
            Command::Open => self.guarded(Pending::OpenDialog, ctx),
            Command::OpenPath(path) => self.guarded(Pending::OpenPath(path), ctx),
            Command::OpenSample(i) => self.guarded(Pending::OpenSample(i), ctx),
            Command::Save => {
                self.save();
            }
            Command::SaveAs => {
                self.save_as();
            }
            Command::Quit => self.guarded(Pending::Quit, ctx),
            Command::Undo => {
                if self.doc.undo() {
                    self.status = "Undone".into();
                }
            }
            Command::Redo => {
                if self.doc.redo() {
                    self.status = "Redone".into();
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
            Command::Guide => self.modal = Some(Modal::Guide),
            Command::About => self.modal = Some(Modal::About),
            Command::DeleteParty(id) => self.ask_delete(dialogs::Deletion::Party(id)),
            Command::DeleteIssue(id) => self.ask_delete(dialogs::Deletion::Issue(id)),
            Command::ExportCharts => self.shell.export.open = true,
            Command::ExportChart(chart) => export::export_one(self, chart),
        }
    }

    fn set_theme(&mut self, theme: ThemeChoice, ctx: &egui::Context) {
        self.settings.theme = theme;
        ctx.set_theme(theme.preference());
        self.status = format!("Theme: {}", theme.label());
    }

    /// Delete a party or issue: at once when nothing refers to it, else after asking.
    fn ask_delete(&mut self, what: dialogs::Deletion) {
        let dependents = what.dependents(self.doc.project());
        if dependents.is_empty() {
            self.delete(&what);
        } else {
            self.modal = Some(Modal::ConfirmDelete { what, dependents });
        }
    }

    fn delete(&mut self, what: &dialogs::Deletion) {
        let name = what.name(self.doc.project());
        what.apply(&mut self.doc);
        self.shell.selection = None;
        self.status = format!("Deleted {name} (Undo with Ctrl+Z)");
    }

    fn handle_shortcuts(&mut self, ctx: &egui::Context) {
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

    fn handle_dropped_files(&mut self, ctx: &egui::Context) {
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

    fn update_title(&mut self, ctx: &egui::Context) {
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
    fn seal_edit_group(&mut self, ctx: &egui::Context) {
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

/// A document holding embedded sample `index` (no path: saving asks where).
fn sample_document(index: usize) -> Document {
    let mut doc = Document::new(sample_project(index), None);
    doc.suggested_name = samples::SAMPLES.get(index).map(|s| s.file_name.to_owned());
    doc
}

fn sample_project(index: usize) -> Project {
    samples::project(index).unwrap_or_default()
}

impl eframe::App for App {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        if ctx.input(|i| i.viewport().close_requested()) && !self.allow_close {
            if self.doc.is_dirty() {
                ctx.send_viewport_cmd(ViewportCommand::CancelClose);
                self.modal = Some(Modal::Guard(Pending::Quit));
            } else {
                self.allow_close = true;
            }
        }
        self.handle_dropped_files(ctx);
        self.handle_shortcuts(ctx);
        for command in std::mem::take(&mut self.shell.commands) {
            self.run(command, ctx);
        }
        self.keep_work_safe(ctx);
        if let Some(job) = &mut self.screenshot
            && let Some(result) = job.step(ctx)
        {
            if let Ok(mut slot) = self.screenshot_result.lock() {
                *slot = Some(result);
            }
            self.screenshot = None;
            self.allow_close = true;
            ctx.send_viewport_cmd(ViewportCommand::Close);
        }
        self.update_title(ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        menus::menu_bar(ui, self);
        menus::status_bar(ui, self);
        menus::view_selector(ui, self);
        egui::Panel::right("inspector")
            .resizable(true)
            .default_size(340.0)
            .size_range(260.0..=640.0)
            .show(ui, |ui| {
                // Long labels wrap inside the panel instead of pushing it wider.
                ui.set_max_width(ui.available_width());
                inspector::ui(ui, &mut self.doc, &mut self.shell);
            });
        egui::CentralPanel::default().show(ui, |ui| {
            let view = self.shell.view;
            view.ui(ui, &mut self.doc, &mut self.shell);
        });
        export::dialog_ui(&ctx, self);
        if let Some(comparison) = &self.comparison
            && !recovery::comparison_ui(&ctx, comparison)
        {
            self.comparison = None;
        }
        dialogs::modal_ui(&ctx, self);
        self.seal_edit_group(&ctx);
        if !self.shell.commands.is_empty() {
            ctx.request_repaint();
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.persist {
            self.settings.view = self.shell.view.name().to_owned();
            eframe::set_value(storage, settings::STORAGE_KEY, &self.settings);
        }
    }
}

/// Open the window (the `stancemap [FILE]` command). Blocks until it closes.
pub fn run(
    file: Option<PathBuf>,
    view: Option<ViewKind>,
    screenshot: Option<PathBuf>,
) -> anyhow::Result<()> {
    let capture = screenshot.is_some();
    let result: Arc<Mutex<Option<Result<(), String>>>> = Arc::new(Mutex::new(None));
    let result_for_app = result.clone();
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("stancemap")
        .with_app_id("stancemap")
        .with_inner_size([1360.0, 840.0])
        .with_min_inner_size([760.0, 480.0])
        .with_drag_and_drop(true);
    if let Some(icon) = screenshot::icon() {
        viewport = viewport.with_icon(icon);
    }
    let native = eframe::NativeOptions {
        viewport,
        renderer: eframe::Renderer::Glow,
        persist_window: !capture,
        ..Default::default()
    };
    let options = Options {
        file,
        view: view.or(capture.then_some(ViewKind::Positions)),
        screenshot,
        dialogs: Box::new(NativeDialogs),
        persist: !capture,
    };
    eframe::run_native(
        "stancemap",
        native,
        Box::new(move |cc| {
            let app = App::new(cc, options);
            // Share the screenshot outcome with the caller, who outlives the app.
            let mut app = app;
            app.screenshot_result = result_for_app;
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| anyhow::anyhow!("could not open the window: {e}"))?;
    if capture {
        let outcome = result.lock().ok().and_then(|mut slot| slot.take());
        match outcome {
            Some(Ok(())) => Ok(()),
            Some(Err(e)) => Err(anyhow::anyhow!(e)),
            None => Err(anyhow::anyhow!(
                "the window closed before the screenshot was taken"
            )),
        }
    } else {
        Ok(())
    }
}
