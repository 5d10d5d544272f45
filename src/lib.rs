//! stancemap: map the positions, walk-aways, leverage and timeline of a negotiation.
//! The binary is a thin shell; everything lives here so tests and the CLI can reach it.

pub mod analysis; // the figures of shared/ANALYSIS.md: outcome, ZOPA, concession, leverage, sensitivity
pub mod app; // the desktop editor: eframe app, document + undo, views, dialogs
pub mod cli; // the command line: check, fmt (and later render, analyze, bench)
pub mod format; // the .ron file: read, validate, write canonically, save atomically
pub mod model; // the domain types and scenario resolution
