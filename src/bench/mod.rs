//! `stancemap bench`: how long the everyday work takes on a small and a large generated
//! project (load, save, analyse, render, and serde_json as a baseline), median of several runs.
//!
//! Each measured step is a named closure in [`steps`]; measuring one more thing (such as the
//! app's frame time) is one more entry there and one more line in [`STEP_LABELS`].

pub mod frame;
mod report;
mod stats;
mod system;

pub use report::{Report, SizeReport};
pub use stats::{median, time_runs, timed_runs};
pub use system::{machine, peak_memory_kb};

use crate::analysis::{self, Analysis};
use crate::charts::{Chart, ChartInput, ChartOptions, Theme, export};
use crate::format;
use crate::model::generate::{GenerateSpec, generate};
use crate::model::{Project, View};
use crate::simulation;
use std::hint::black_box;
use std::path::{Path, PathBuf};

/// One project size to measure, and how many timed runs of each step it gets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Size {
    /// The key in the report: `small`, `large`.
    pub name: &'static str,
    pub spec: GenerateSpec,
    pub runs: usize,
}

impl Size {
    /// The ceasefire sample's size: 4 parties, 8 issues, 10 events.
    pub fn small() -> Self {
        Self {
            name: "small",
            spec: GenerateSpec {
                parties: 4,
                issues: 8,
                events: 10,
                seed: 1,
            },
            runs: 21,
        }
    }

    /// 40 parties x 300 issues x 3,000 events: about 4 MB of RON.
    pub fn large() -> Self {
        Self {
            name: "large",
            spec: GenerateSpec {
                parties: 40,
                issues: 300,
                events: 3000,
                seed: 1,
            },
            runs: 11,
        }
    }

    /// The two standard sizes, smallest first (peak memory is the process's high-water mark,
    /// so the small figure must be taken before the large project exists).
    pub fn standard() -> Vec<Size> {
        vec![Size::small(), Size::large()]
    }

    /// Tiny projects and one run each: checks that every step works, in a second or so.
    pub fn quick() -> Vec<Size> {
        let tiny = |name, parties, issues, events| Size {
            name,
            spec: GenerateSpec {
                parties,
                issues,
                events,
                seed: 1,
            },
            runs: 1,
        };
        vec![tiny("small", 2, 3, 4), tiny("large", 4, 8, 10)]
    }
}

/// The charts rendered by `render_svg_ms` and `render_png_ms`: the five `stancemap render`
/// draws by default.
pub const CHARTS: [Chart; 5] = Chart::DEFAULT;

/// The report key of each step, in order, and what it measures (for the table).
pub const STEP_LABELS: &[(&str, &str)] = &[
    ("load_ms", "load: read + parse + validate the .ron file"),
    ("save_ms", "save: canonical text, atomic write + fsync"),
    ("analyze_ms", "analyze: every figure incl. sensitivity"),
    (
        "deals_ms",
        "deals: maxmin, best_for, Nash (red lines lifted: every program runs)",
    ),
    (
        "simulate_ms",
        "simulate: 10 bargaining rounds on every issue (all cores)",
    ),
    ("render_svg_ms", "render the 5 default charts as SVG"),
    ("render_png_ms", "render the 5 default charts as PNG"),
    (
        "brief_ms",
        "briefing pack: the whole PDF, A4 (charts, tables, every scenario)",
    ),
    (
        "json_load_ms",
        "baseline: serde_json parse of the same data",
    ),
    (
        "edit_ms",
        "one keystroke typed into a field: an edit and its undo step",
    ),
    (
        "frame_ms",
        "app frame (egui + tessellation), steady, mean of all views",
    ),
    (
        "frame_first_ms",
        "app frame, the first after opening the file, mean of views",
    ),
];

#[derive(Debug, thiserror::Error)]
pub enum BenchError {
    #[error("cannot write {}: {source}", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{size} project, {step}: {message}")]
    Step {
        size: &'static str,
        step: &'static str,
        message: String,
    },
}

/// One measured step: its report key and the work, run once per timed run.
pub struct Step<'a> {
    pub key: &'static str,
    pub work: Work<'a>,
}

/// How a step's run is timed.
pub enum Work<'a> {
    /// The whole call is the run.
    Whole(Box<dyn FnMut() -> Result<(), String> + 'a>),
    /// The call times the part that counts itself (it has set-up to leave out) and returns
    /// its milliseconds.
    Timed(Box<dyn FnMut() -> Result<f64, String> + 'a>),
}

fn step<'a>(key: &'static str, work: impl FnMut() -> Result<(), String> + 'a) -> Step<'a> {
    Step {
        key,
        work: Work::Whole(Box::new(work)),
    }
}

fn timed_step<'a>(key: &'static str, work: impl FnMut() -> Result<f64, String> + 'a) -> Step<'a> {
    Step {
        key,
        work: Work::Timed(Box::new(work)),
    }
}

/// A generated project and everything derived from it that the steps read.
pub struct Fixture {
    pub project: Project,
    /// The project's canonical file, which `load_ms` reads.
    pub path: PathBuf,
    /// Where `save_ms` writes (another file, so the loaded one never changes).
    pub save_path: PathBuf,
    /// The project as serde_json writes it, which `json_load_ms` parses.
    pub json: String,
    pub view: View,
    /// The view with every red line lifted, for `deals_ms`: generated red lines usually
    /// exclude each other, which answers the deal question before any program runs.
    pub deal_view: View,
    pub analysis: Analysis,
    pub options: ChartOptions,
}

impl Fixture {
    /// Generate the project of `size` and write its `.ron` and `.json` files into `dir`.
    pub fn new(size: &Size, dir: &Path) -> Result<Self, BenchError> {
        let project = generate(size.spec);
        let path = dir.join(format!("{}.ron", size.name));
        let write_error = |path: &Path| {
            let path = path.to_owned();
            move |source| BenchError::Write { path, source }
        };
        format::save_atomic(&path, &project).map_err(write_error(&path))?;
        let json = serde_json::to_string(&project).map_err(|e| BenchError::Step {
            size: size.name,
            step: "json",
            message: e.to_string(),
        })?;
        let json_path = dir.join(format!("{}.json", size.name));
        std::fs::write(&json_path, &json).map_err(write_error(&json_path))?;
        let view = project.resolve(None).map_err(|e| BenchError::Step {
            size: size.name,
            step: "resolve",
            message: e.to_string(),
        })?;
        let analysis = analysis::analyze(&view);
        let mut deal_view = view.clone();
        for position in &mut deal_view.project.positions {
            position.red_line = false;
        }
        Ok(Self {
            project,
            save_path: dir.join(format!("{}-saved.ron", size.name)),
            path,
            json,
            view,
            deal_view,
            analysis,
            options: ChartOptions::default(),
        })
    }

    fn chart_input(&self) -> ChartInput<'_> {
        ChartInput {
            view: &self.view,
            analysis: &self.analysis,
            theme: Theme::Light,
            options: &self.options,
        }
    }
}

/// The measured steps over one fixture, in report order.
pub fn steps(fx: &Fixture) -> Vec<Step<'_>> {
    let (width, height) = (export::DEFAULT_WIDTH, export::DEFAULT_HEIGHT);
    vec![
        step("load_ms", || {
            let loaded = format::load_path(&fx.path).map_err(|e| e.to_string())?;
            black_box(loaded);
            Ok(())
        }),
        step("save_ms", || {
            format::save_atomic(&fx.save_path, &fx.project).map_err(|e| e.to_string())
        }),
        step("analyze_ms", || {
            black_box(analysis::analyze(black_box(&fx.view)));
            Ok(())
        }),
        step("deals_ms", || {
            black_box(analysis::deals(black_box(&fx.deal_view)));
            Ok(())
        }),
        step("simulate_ms", || {
            black_box(simulation::simulate(
                black_box(&fx.view),
                simulation::DEFAULT_ROUNDS,
            ));
            Ok(())
        }),
        step("render_svg_ms", move || {
            for chart in CHARTS {
                let svg = export::svg(chart, &fx.chart_input(), width, height);
                black_box(svg.map_err(|e| e.to_string())?);
            }
            Ok(())
        }),
        step("render_png_ms", move || {
            for chart in CHARTS {
                let png = export::png(chart, &fx.chart_input(), width, height);
                black_box(png.map_err(|e| e.to_string())?);
            }
            Ok(())
        }),
        step("brief_ms", || {
            let options = crate::brief::Options {
                produced: "2026-01-01".to_owned(),
                ..crate::brief::Options::new()
            };
            let pack = crate::brief::build(&fx.project, &options).map_err(|e| e.to_string())?;
            black_box(pack);
            Ok(())
        }),
        step("json_load_ms", || {
            let project: Project =
                serde_json::from_str(black_box(&fx.json)).map_err(|e| e.to_string())?;
            black_box(project);
            Ok(())
        }),
        // Typing into the project title: the first keystroke opens the undo group, and the
        // timed one continues it, as every keystroke after the first in a field does.
        timed_step("edit_ms", {
            let mut doc = crate::app::Document::new(fx.project.clone(), None);
            let key = eframe::egui::Id::unique("bench-title");
            doc.edit(Some(key), |p| p.title.push('x'));
            move || {
                let start = std::time::Instant::now();
                doc.edit(Some(key), |p| p.title.push('x'));
                let ms = start.elapsed().as_secs_f64() * 1000.0;
                black_box(doc.revision());
                Ok(ms)
            }
        }),
        // The app opens its own copy of the file; one warm app serves every run.
        timed_step("frame_ms", {
            let mut headless = None;
            move || {
                let app = match &mut headless {
                    Some(app) => app,
                    None => headless.insert(frame::Headless::open(&fx.path)?),
                };
                Ok(frame::mean(&frame::steady_per_view(app)))
            }
        }),
        timed_step("frame_first_ms", {
            let mut headless = None;
            move || {
                let app = match headless.take() {
                    Some(app) => app,
                    None => frame::Headless::open(&fx.path)?,
                };
                let (app, times) = frame::first_per_view(app, &fx.path)?;
                headless = Some(app);
                Ok(frame::mean(&times))
            }
        }),
    ]
}

/// Measure every size in `sizes` (in order), writing the projects into `dir`.
pub fn run(sizes: &[Size], dir: &Path) -> Result<Report, BenchError> {
    let mut reports = Vec::with_capacity(sizes.len());
    for size in sizes {
        let fx = Fixture::new(size, dir)?;
        let mut timings = Vec::new();
        for s in steps(&fx) {
            let samples = match s.work {
                Work::Whole(mut work) => time_runs(size.runs, &mut work),
                Work::Timed(mut work) => timed_runs(size.runs, &mut work),
            }
            .map_err(|message| BenchError::Step {
                size: size.name,
                step: s.key,
                message,
            })?;
            // `time_runs` always returns at least one sample.
            timings.push((s.key, median(&samples).unwrap_or_default()));
        }
        let file_bytes = std::fs::metadata(&fx.path).map_or(0, |m| m.len());
        reports.push(SizeReport {
            name: size.name,
            spec: size.spec,
            positions: fx.project.positions.len(),
            file_bytes,
            runs: size.runs,
            timings,
            peak_memory_kb: peak_memory_kb(),
        });
    }
    Ok(Report {
        sizes: reports,
        machine: machine(),
    })
}

#[cfg(test)]
mod tests;
