//! The desktop editor: an `eframe::App` with a menu bar, a view selector, the central view,
//! an inspector for the selected item and a status bar. `logic` turns input (shortcuts,
//! dropped files, close requests) into commands and runs them; `ui` draws and queues more.

use eframe::egui;
// The lower layers under the names the app has always used.
pub(crate) use stancemap_charts as charts;
pub(crate) use stancemap_core::{analysis, diff, files, format, model, simulation};

pub mod analysis_cache;
pub mod briefing;
mod cached;
mod command_handling;
mod commands;
pub mod deals_cache;
mod dialogs;
mod document;
use stancemap_core::edits;
pub mod export;
mod file_commands;
mod file_dialogs;
mod focus;
mod help;
mod ids;
mod inspector;
mod menus;
mod opening;
mod path_dialog;
pub mod present;
pub mod recovery;
pub mod samples;
mod saving;
mod screenshot;
mod settings;
mod shell;
pub mod simulation_cache;
mod teams;
mod views;
mod widgets;
pub mod writing;

pub use commands::Command;
pub use document::Document;
pub use edits::Dependents;
pub use file_dialogs::{FileDialogs, NativeDialogs, PathKind, PathRequest, ScriptedDialogs};
pub use recovery::RecoveryOptions;
pub use settings::{Settings, ThemeChoice};
pub use shell::{Selection, Shell};
pub use views::ViewKind;

use crate::format::{Diagnostic, DiskStamp, RecoveryEntry};
use crate::model::Project;
use cached::Cached;
use dialogs::{Modal, Pending};
use egui::ViewportCommand;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

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
            dialogs: Box::new(NativeDialogs::new()),
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
    warnings: Cached<u64, Vec<Diagnostic>>,
    /// The last thing that happened, for the status bar.
    status: String,
    title: String,
    /// The autosave timer and the recovery folder (off in tests that do not ask for it).
    autosave: Option<files::Autosave>,
    /// Recovery copies found at start, waiting to be offered one at a time.
    offers: Vec<RecoveryEntry>,
    /// The "Show both" window.
    comparison: Option<recovery::Comparison>,
    /// The app's own file dialog, when the system's could not be shown.
    path_dialog: Option<path_dialog::PathDialog>,
    /// Help > User's guide.
    help: help::HelpWindow,
    /// Whether the app's own file dialog has said why it appears (it says so once).
    path_dialog_explained: bool,
    /// Presentation mode, while it is on.
    pub presenting: Option<present::Presentation>,
    /// A version of the file on disk the user chose to keep working over, so focusing the
    /// window again does not ask about it twice.
    disk_seen: Option<DiskStamp>,
    /// The save being written on a worker thread, and one asked for meanwhile.
    saving: Option<saving::Saving>,
    queued_save: Option<saving::Queued>,
    /// The project being read on a worker thread.
    opening: Option<opening::Opening>,
    /// For workers to ask for a repaint when they are done.
    ctx: egui::Context,
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
        let autosave = files::Autosave::new(&options.dir, options.interval);
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
            warnings: Cached::default(),
            status: String::new(),
            title: String::new(),
            autosave: None,
            offers: Vec::new(),
            comparison: None,
            path_dialog: None,
            help: help::HelpWindow::default(),
            path_dialog_explained: false,
            presenting: None,
            disk_seen: None,
            saving: None,
            queued_save: None,
            opening: None,
            ctx: ctx.clone(),
        };
        let start = options
            .file
            .clone()
            .or_else(|| app.settings.recent.first().filter(|p| p.exists()).cloned());
        match (start, options.file.is_some()) {
            (Some(path), explicit) => {
                if !app.open_at_start(&path) && explicit {
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
        let project = self.doc.project();
        self.warnings.get_or_compute(self.doc.revision(), || {
            format::validate(project)
                .into_iter()
                .filter(|d| !d.is_error())
                .collect()
        })
    }

    /// The recovery folder, when autosave is on.
    /// Wait for a recovery copy being written on the autosave thread (tests).
    pub fn finish_autosave(&mut self) {
        if let Some(autosave) = &mut self.autosave {
            autosave.finish();
        }
    }

    pub fn recovery_dir(&self) -> Option<&Path> {
        self.autosave.as_ref().map(|a| a.store.dir())
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
        if self.modal.is_none()
            && self.shell.view == ViewKind::Positions
            && let Some(status) = views::grid_entry::input(&mut self.doc, &mut self.shell, ctx)
        {
            self.status = status;
        }
        self.handle_shortcuts(ctx);
        for command in std::mem::take(&mut self.shell.commands) {
            self.run(command, ctx);
        }
        self.poll_open(ctx);
        self.poll_save(ctx);
        writing::poll(self, ctx);
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
        if self.presenting.is_some() {
            present::ui(ui, self);
            path_dialog::ui(&ctx, self);
            dialogs::modal_ui(&ctx, self);
            self.seal_edit_group(&ctx);
            if !self.shell.commands.is_empty() {
                ctx.request_repaint();
            }
            return;
        }
        self.shell.pane.begin_frame(&ctx);
        menus::menu_bar(ui, self);
        menus::status_bar(ui, self);
        menus::view_selector(ui, self);
        let inspector = egui::Panel::right("inspector")
            .resizable(true)
            .default_size(340.0)
            .size_range(260.0..=640.0)
            .show(ui, |ui| {
                // Long labels wrap inside the panel instead of pushing it wider.
                ui.set_max_width(ui.available_width());
                inspector::ui(ui, &mut self.doc, &mut self.shell);
            });
        self.shell.pane.inspector_drawn(inspector.response.rect);
        egui::CentralPanel::default().show(ui, |ui| {
            self.shell.pane.enter_view(ui.ctx());
            let view = self.shell.view;
            view.ui(ui, &mut self.doc, &mut self.shell);
        });
        export::dialog_ui(&ctx, self);
        writing::progress_ui(&ctx, self);
        opening::progress_ui(&ctx, self);
        teams::window_ui(&ctx, self);
        self.help.ui(&ctx);
        if let Some(comparison) = &self.comparison
            && !recovery::comparison_ui(&ctx, comparison)
        {
            self.comparison = None;
        }
        path_dialog::ui(&ctx, self);
        dialogs::modal_ui(&ctx, self);
        self.seal_edit_group(&ctx);
        if !self.shell.commands.is_empty() {
            ctx.request_repaint();
        }
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // A save still being written finishes before the program ends.
        self.finish_save();
        self.finish_autosave();
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
    // A screenshot of a file that did not load still shows its errors, but the command
    // fails, so a script does not take it for a picture of the project.
    let failed_load = file.as_deref().filter(|_| capture).and_then(|f| {
        crate::format::load_path(f)
            .err()
            .map(|_| f.display().to_string())
    });
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
        dialogs: Box::new(NativeDialogs::new()),
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
            Some(Ok(())) if failed_load.is_some() => Err(anyhow::anyhow!(
                "the screenshot was saved, but {} did not load; run `stancemap check` on it to \
                 see why",
                failed_load.unwrap_or_default()
            )),
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
