//! The negotiation domain: a project of parties, issues, positions, leverage, events and
//! scenarios, exactly as `shared/FORMAT.md` describes it. Serde only; no UI, no I/O.

mod as_of;
pub mod generate;
mod ids;
mod rename;
mod resolve;
mod roles;
mod types;

pub use as_of::{DateError, checked_date};
pub use ids::{is_valid_id, unique_id};
pub use rename::{IdKind, RenameError, derived_id, rename_id};
pub use resolve::{ScenarioError, View};
pub use roles::{Brief, PublicIssue, PublicParty, PublicPosition, RoleSheet};
pub use types::*;

/// The `format` number this program writes and the highest it reads.
pub const FORMAT_VERSION: u32 = 1;

/// Inclusive range of every point on an issue scale (stance, ideal, walk-away, marks, shifts).
pub const SCALE: std::ops::RangeInclusive<f64> = 0.0..=100.0;

/// Inclusive range of every weight: salience, power, strength, credibility, cost.
pub const UNIT: std::ops::RangeInclusive<f64> = 0.0..=1.0;

/// Colours given to parties without a `color`, in party order (colour-blind friendly, after Okabe-Ito).
pub const PALETTE: [&str; 8] = [
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000",
];
