//! `frame_ms` and `frame_first_ms`: whole frames of the real app (the same `App` the window
//! runs, with the project opened) drawn without a window: egui's pass plus tessellation, as
//! the window would paint them, for every view.

use crate::app::{App, Options, ScriptedDialogs, Settings, ThemeChoice, ViewKind};
use eframe::egui;
use egui::{Pos2, Rect, Vec2};
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

/// The window the frames are drawn for, in points (at 1 pixel per point).
pub const SCREEN: Vec2 = Vec2::new(1440.0, 900.0);

/// Frames drawn after switching view before one is timed: layout settles (tables measure
/// their columns, scroll areas their content) and the caches fill.
pub const WARM_UP_FRAMES: usize = 4;

/// Seconds between frames, as on a 60 Hz screen.
const FRAME_DT: f64 = 1.0 / 60.0;

/// The app with a project open, on a context of its own, and the clock of its frames.
pub struct Headless {
    pub ctx: egui::Context,
    pub app: App,
    frame: eframe::Frame,
    time: f64,
}

impl Headless {
    /// Open `path` in a new app on a new context, with default (light theme) preferences.
    pub fn open(path: &Path) -> Result<Self, String> {
        Self::open_on(egui::Context::default(), path, 0.0)
    }

    fn open_on(ctx: egui::Context, path: &Path, time: f64) -> Result<Self, String> {
        let settings = Settings {
            theme: ThemeChoice::Light,
            ..Settings::default()
        };
        let options = Options {
            file: Some(path.to_owned()),
            view: Some(ViewKind::Overview),
            screenshot: None,
            dialogs: Box::new(ScriptedDialogs::default()),
            persist: false,
        };
        let app = App::with_settings(&ctx, options, settings);
        if let Some(title) = app.modal_title() {
            return Err(format!("{}: the app shows \"{title}\"", path.display()));
        }
        Ok(Self {
            ctx,
            app,
            frame: eframe::Frame::_new_kittest(),
            time,
        })
    }

    /// The same project opened again in a new app on this (warm) context: the app's caches
    /// are empty, egui's fonts and memory are not, as when a user opens a file.
    pub fn reopen(self, path: &Path) -> Result<Self, String> {
        Self::open_on(self.ctx, path, self.time)
    }

    /// One frame: `logic` and `ui` in one egui pass, as eframe runs them, then tessellation.
    /// Returns the number of triangles, so the work cannot be optimised away.
    pub fn frame(&mut self) -> usize {
        let mut input = egui::RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, SCREEN)),
            time: Some(self.time),
            predicted_dt: FRAME_DT as f32,
            ..Default::default()
        };
        if let Some(viewport) = input.viewports.get_mut(&egui::ViewportId::ROOT) {
            viewport.native_pixels_per_point = Some(1.0);
        }
        self.time += FRAME_DT;
        let (app, frame) = (&mut self.app, &mut self.frame);
        let output = self.ctx.run_ui(input, |ui| {
            eframe::App::logic(app, ui.ctx(), frame);
            eframe::App::ui(app, ui, frame);
        });
        let egui::FullOutput {
            shapes,
            pixels_per_point,
            mut textures_delta,
            ..
        } = output;
        // No GPU to upload the font atlas to; a window would, outside the frame's time.
        textures_delta.clear();
        let primitives = self.ctx.tessellate(shapes, pixels_per_point);
        primitives
            .iter()
            .map(|p| match &p.primitive {
                egui::epaint::Primitive::Mesh(mesh) => mesh.indices.len() / 3,
                egui::epaint::Primitive::Callback(_) => 0,
            })
            .sum()
    }

    /// Show `view` and draw the warm-up frames.
    pub fn show(&mut self, view: ViewKind) {
        self.app.shell.view = view;
        black_box(self.frame());
        // A view that started a background simulation is settled once its result is in.
        crate::app::simulation_cache::wait(&mut self.app.shell, Duration::from_secs(60));
        self.app.shell.deals.wait(Duration::from_secs(60));
        for _ in 1..WARM_UP_FRAMES {
            black_box(self.frame());
        }
    }

    /// Milliseconds of one steady frame of `view` (shown and settled first).
    pub fn steady_ms(&mut self, view: ViewKind) -> f64 {
        self.show(view);
        let start = Instant::now();
        black_box(self.frame());
        start.elapsed().as_secs_f64() * 1000.0
    }
}

/// Milliseconds of one steady frame of each view, in `ViewKind::ALL` order.
pub fn steady_per_view(headless: &mut Headless) -> Vec<(ViewKind, f64)> {
    ViewKind::ALL
        .iter()
        .map(|&view| (view, headless.steady_ms(view)))
        .collect()
}

/// Milliseconds of the first frame of each view right after the project was opened (the
/// analysis, resolved view and chart caches empty), in `ViewKind::ALL` order.
pub fn first_per_view(
    mut headless: Headless,
    path: &Path,
) -> Result<(Headless, Vec<(ViewKind, f64)>), String> {
    let mut times = Vec::with_capacity(ViewKind::ALL.len());
    for view in ViewKind::ALL {
        headless = headless.reopen(path)?;
        headless.app.shell.view = view;
        let start = Instant::now();
        black_box(headless.frame());
        times.push((view, start.elapsed().as_secs_f64() * 1000.0));
    }
    Ok((headless, times))
}

/// The mean of the times.
pub fn mean(times: &[(ViewKind, f64)]) -> f64 {
    if times.is_empty() {
        return 0.0;
    }
    times.iter().map(|(_, ms)| ms).sum::<f64>() / times.len() as f64
}

/// One view's frame times: the medians of `runs` steady and first frames.
#[derive(Debug, Clone, PartialEq)]
pub struct ViewTimes {
    pub view: ViewKind,
    pub steady_ms: f64,
    pub first_ms: f64,
}

/// The frame times of every view of the project at `path`, each the median of `runs`
/// (at least one), to find the views that are slow.
pub fn per_view(path: &Path, runs: usize) -> Result<Vec<ViewTimes>, String> {
    let runs = runs.max(1);
    let mut headless = Headless::open(path)?;
    let mut steady = vec![Vec::with_capacity(runs); ViewKind::ALL.len()];
    let mut first = steady.clone();
    for _ in 0..runs {
        for (i, (_, ms)) in steady_per_view(&mut headless).into_iter().enumerate() {
            steady[i].push(ms);
        }
        let (back, times) = first_per_view(headless, path)?;
        headless = back;
        for (i, (_, ms)) in times.into_iter().enumerate() {
            first[i].push(ms);
        }
    }
    Ok(ViewKind::ALL
        .iter()
        .zip(steady.iter().zip(&first))
        .map(|(&view, (s, f))| ViewTimes {
            view,
            steady_ms: super::median(s).unwrap_or_default(),
            first_ms: super::median(f).unwrap_or_default(),
        })
        .collect())
}
