//! stancemap: map the positions, walk-aways, leverage and timeline of a negotiation.
//! The binary is a thin shell; everything lives here so tests and the CLI can reach it.

pub mod analysis; // the figures of shared/ANALYSIS.md: outcome, ZOPA, concession, leverage, sensitivity
pub mod app; // the desktop editor: eframe app, document + undo, views, dialogs
pub mod bench; // `stancemap bench`: timing load, save, analysis and rendering on generated projects
pub mod charts; // the charts: one drawing per chart for any plotters backend, SVG/PNG export
pub mod cli; // the command line: check, fmt, analyze, render, generate
pub mod format; // the .ron file: read, validate, write canonically, save atomically
pub mod model; // the domain types, scenario resolution and the synthetic project generator
