//! stancemap: map the positions, walk-aways, leverage and timeline of a negotiation.
//! This root package holds the command line and the benchmark; the layers live in the
//! workspace's crates and are re-exported here so the CLI, the bench and the tests see one
//! library: `stancemap::{model, format, analysis}` (crates/core), `stancemap::charts`
//! (crates/charts) and `stancemap::app` (crates/app).

pub use stancemap_app as app; // the desktop editor: eframe app, document + undo, views, dialogs
pub use stancemap_brief as brief; // the briefing pack: one PDF from a project
pub use stancemap_charts as charts; // one drawing per chart for any plotters backend, SVG/PNG export
pub use stancemap_core::{analysis, diff, format, import, model, simulation};

pub mod bench; // `stancemap bench`: timing load, save, analysis and rendering on generated projects
pub mod cli; // the command line: check, fmt, analyze, simulate, import, render, generate
