//! How every UI test starts the app: the real `App` in an egui_kittest harness (no window,
//! no GPU), with scripted file dialogs and no stored preferences.
#![allow(dead_code)] // each test file uses its own part of this

use eframe::egui::{Key, Modifiers};
use egui_kittest::Harness;
use stancemap::app::{App, Options, RecoveryOptions, ScriptedDialogs, Settings, ViewKind};
use std::path::PathBuf;

/// The built-in ceasefire sample's file, for tests that open it from disk.
pub const SAMPLE: &str = "sample_projects/ceasefire-2025.ron";

/// What to start the app with.
pub struct Launch {
    /// The file to open (None: the built-in ceasefire sample).
    pub file: Option<PathBuf>,
    pub view: Option<ViewKind>,
    /// Answers to the file dialogs, in order; empty means the user cancels.
    pub dialogs: ScriptedDialogs,
    /// The window size in points.
    pub size: [f32; 2],
    /// Autosave into this folder, offering the copies already there.
    pub recovery: Option<RecoveryOptions>,
}

impl Default for Launch {
    fn default() -> Self {
        Self {
            file: None,
            view: None,
            dialogs: ScriptedDialogs::default(),
            size: [1440.0, 900.0],
            recovery: None,
        }
    }
}

/// The app as `launch` says, after its first frame.
pub fn launch(launch: Launch) -> Harness<'static, App> {
    let Launch {
        file,
        view,
        dialogs,
        size,
        recovery,
    } = launch;
    let mut h = Harness::builder().with_size(size).build_eframe(move |cc| {
        let options = Options {
            file,
            view,
            screenshot: None,
            dialogs: Box::new(dialogs),
            persist: false,
        };
        let app = App::with_settings(&cc.egui_ctx, options, Settings::default());
        match recovery {
            Some(recovery) => app.with_recovery(recovery),
            None => app,
        }
    });
    settle(&mut h);
    h
}

/// Run frames until the app is idle: the views that compute in the background (Deals,
/// Simulation) show a spinner until their worker answers, so wait for the workers between
/// frames, then let egui settle.
pub fn settle(h: &mut Harness<'_, App>) {
    for _ in 0..3 {
        h.step();
        let shell = &mut h.state_mut().shell;
        stancemap::app::simulation_cache::wait(shell, std::time::Duration::from_secs(120));
        shell.deals.wait(std::time::Duration::from_secs(120));
        h.state_mut().wait_for_workers();
    }
    h.run();
}

/// Run frames until the open, save or export the test asked for has been done and taken in
/// (each runs on a worker thread, and what waits on it runs when it lands).
pub fn wait_for_workers(h: &mut Harness<'_, App>) {
    // The key or click reaches the app on the next frame and the work starts on that one
    // or the next; while it runs the app polls for it, so `run` would not settle.
    for _ in 0..4 {
        h.step();
        if h.state().is_busy() {
            break;
        }
    }
    while h.state().is_busy() {
        h.state_mut().wait_for_workers();
        h.step();
    }
    h.run();
}

/// The app on the built-in ceasefire sample, at 1440 x 900.
pub fn app() -> Harness<'static, App> {
    launch(Launch::default())
}

/// The stance of (`party`, `issue`) in the open project.
pub fn stance(app: &App, party: &str, issue: &str) -> Option<f64> {
    app.doc.project().position(party, issue).map(|p| p.stance)
}

/// Press Alt + the digit of `view` (Alt+1 for the first view, ... Alt+0 for the tenth), as
/// the README promises, and let the app run the frame.
pub fn alt_digit(h: &mut Harness<'_, App>, view: ViewKind) {
    let digits = [
        Key::Num1,
        Key::Num2,
        Key::Num3,
        Key::Num4,
        Key::Num5,
        Key::Num6,
        Key::Num7,
        Key::Num8,
        Key::Num9,
        Key::Num0,
    ];
    h.key_press_modifiers(Modifiers::ALT, digits[view.index()]);
    h.run();
}

/// Show `view`: by its Alt+digit shortcut for the first ten views, through the shell for
/// the others (they have no digit).
pub fn show(h: &mut Harness<'_, App>, view: ViewKind) {
    if view.index() < 10 {
        alt_digit(h, view);
    } else {
        h.state_mut().shell.view = view;
        settle(h);
    }
}
