//! The view registry: one `ViewKind` variant and one file per view. Each view file has
//! `pub fn ui(ui, doc, shell)` for the central panel; items it lists are edited in the
//! inspector (`super::inspector`), which calls each view's `inspector_ui`; views never import
//! the inspector back. To add a view: a variant here, its arms below, its file.

use eframe::egui;
pub mod analysis;
pub mod chart;
pub mod concession_matrix;
pub mod deals;
pub mod grid_entry;
pub mod issues;
pub mod leverage;
pub mod overview;
pub mod parties;
pub mod position_form;
pub mod positions;
pub mod rows;
pub mod scenarios;
pub mod simulation;
pub mod timeline;
pub mod zopa;

use super::Shell;
use super::document::Document;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ViewKind {
    Overview,
    Parties,
    Issues,
    Positions,
    Leverage,
    Timeline,
    Scenarios,
    Analysis,
    ConcessionMatrix,
    Zopa,
    Deals,
    Simulation,
}

impl ViewKind {
    /// In the order of the view selector and of the Alt+1.. shortcuts: the editing views,
    /// then the analysis views (from `FIRST_ANALYSIS`).
    pub const ALL: [ViewKind; 12] = [
        Self::Overview,
        Self::Parties,
        Self::Issues,
        Self::Positions,
        Self::Leverage,
        Self::Timeline,
        Self::Scenarios,
        Self::Analysis,
        Self::ConcessionMatrix,
        Self::Zopa,
        Self::Deals,
        Self::Simulation,
    ];

    /// The first of the views that show figures derived from the inputs.
    pub const FIRST_ANALYSIS: ViewKind = ViewKind::Analysis;

    /// The name used by `--view` and in settings.
    pub fn name(self) -> &'static str {
        match self {
            Self::Overview => "overview",
            Self::Parties => "parties",
            Self::Issues => "issues",
            Self::Positions => "positions",
            Self::Leverage => "leverage",
            Self::Timeline => "timeline",
            Self::Scenarios => "scenarios",
            Self::Analysis => "analysis",
            Self::ConcessionMatrix => "concession-matrix",
            Self::Zopa => "zopa",
            Self::Deals => "deals",
            Self::Simulation => "simulation",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Overview => "Overview",
            Self::Parties => "Parties",
            Self::Issues => "Issues",
            Self::Positions => "Positions",
            Self::Leverage => "Leverage",
            Self::Timeline => "Timeline",
            Self::Scenarios => "Scenarios",
            Self::Analysis => "Analysis",
            Self::ConcessionMatrix => "Concession matrix",
            Self::Zopa => "ZOPA",
            Self::Deals => "Deals",
            Self::Simulation => "Simulation",
        }
    }

    /// One line for the view selector's tooltip.
    pub fn description(self) -> &'static str {
        match self {
            Self::Overview => "Title, summary, as-of date, outcome estimator and sources",
            Self::Parties => "The actors at the table: role, power, colour",
            Self::Issues => "The dimensions negotiated, each a 0–100 scale with named ends",
            Self::Positions => "Every party's stance, ideal, walk-away and salience on every issue",
            Self::Leverage => "Carrots, sticks and alternatives each party holds over another",
            Self::Timeline => "Dated events and the stance shifts they caused",
            Self::Scenarios => "Alternative futures: overrides of the base project",
            Self::Analysis => {
                "Outcomes, ZOPAs, breaches, pain per party, sensitivity, scenario comparison"
            }
            Self::ConcessionMatrix => {
                "How far each party must move on each issue, and how much it hurts"
            }
            Self::Zopa => "Where the Principals' acceptable ranges overlap, issue by issue",
            Self::Deals => {
                "Whether one package of all issues could be signed by every Principal, and what it would take"
            }
            Self::Simulation => {
                "How positions move round by round as parties challenge, give in and compromise"
            }
        }
    }

    pub fn index(self) -> usize {
        Self::ALL.iter().position(|v| *v == self).unwrap_or(0)
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.name() == name)
    }

    /// "overview, parties, ..." for error messages.
    pub fn valid_names() -> String {
        Self::ALL.map(Self::name).join(", ")
    }

    pub fn ui(self, ui: &mut egui::Ui, doc: &mut Document, shell: &mut Shell) {
        match self {
            Self::Overview => overview::ui(ui, doc, shell),
            Self::Parties => parties::ui(ui, doc, shell),
            Self::Issues => issues::ui(ui, doc, shell),
            Self::Positions => positions::ui(ui, doc, shell),
            Self::Leverage => leverage::ui(ui, doc, shell),
            Self::Timeline => timeline::ui(ui, doc, shell),
            Self::Scenarios => scenarios::ui(ui, doc, shell),
            Self::Analysis => analysis::ui(ui, doc, shell),
            Self::ConcessionMatrix => concession_matrix::ui(ui, doc, shell),
            Self::Zopa => zopa::ui(ui, doc, shell),
            Self::Deals => deals::ui(ui, doc, shell),
            Self::Simulation => simulation::ui(ui, doc, shell),
        }
    }
}

/// Shown when the selected item no longer exists (deleted, or undone away).
pub fn gone(ui: &mut egui::Ui, shell: &mut Shell) {
    ui.label(egui::RichText::new("The selected item no longer exists.").weak());
    if ui.button("Clear selection").clicked() {
        shell.selection = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for view in ViewKind::ALL {
            assert_eq!(ViewKind::from_name(view.name()), Some(view));
        }
        assert_eq!(ViewKind::from_name("nope"), None);
        assert_eq!(
            ViewKind::valid_names(),
            "overview, parties, issues, positions, leverage, timeline, scenarios, analysis, \
             concession-matrix, zopa, deals, simulation"
        );
    }
}
