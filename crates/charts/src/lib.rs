//! The charts of a negotiation map, each drawing into any plotters backend inside the frame
//! they share (`frame`), so the same code paints the app (`egui_backend`) and the SVG and
//! PNG exports (`export`). Each chart is a `layout`, pure numbers from the input, the size
//! and text widths (tested as such), and a `paint` of that layout; the two matrices share
//! their column header (`matrix`).

mod canvas;
mod concession;
mod dates;
mod deal_space;
#[cfg(feature = "egui")]
pub mod egui_backend;
pub mod export;
mod frame;
mod legend;
mod leverage;
mod matrix;
pub mod metrics;
pub mod simulation;
#[cfg(test)]
mod testing;
mod theme;
mod timeline;
mod tornado;
mod zopa;

// The core's modules under the names the charts have always used.
pub(crate) use stancemap_core::{analysis, model, simulation as sim_model};

pub use theme::{Palette, Rgb, Theme};

use crate::analysis::Analysis;
use crate::model::View;
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};

/// The most parties and issues a chart shows; beyond that it says what it left out.
pub const MAX_PARTIES: usize = 12;
pub const MAX_ISSUES: usize = 25;

/// Everything a chart is drawn from.
#[derive(Debug, Clone, Copy)]
pub struct ChartInput<'a> {
    /// The base or a scenario, resolved.
    pub view: &'a View,
    /// The analysis of that same view.
    pub analysis: &'a Analysis,
    pub theme: Theme,
    pub options: &'a ChartOptions,
}

/// Choices the user makes per chart.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ChartOptions {
    /// Issue whose stance trajectories the timeline shows (default: the one with most shifts).
    pub issue: Option<String>,
    /// Number of sensitivity entries in the tornado (default 12).
    pub top: Option<usize>,
    /// The two Principals of the deal space, (across, up) (default: the two most powerful).
    pub pair: Option<(String, String)>,
    /// The deal space when the caller has computed it (off the UI thread, with the other
    /// scenarios' outcomes); without it the chart traces one from the view alone.
    pub deal_space: Option<std::sync::Arc<crate::analysis::DealSpace>>,
    /// Simulated rounds: the simulation chart's length and the timeline's dashed
    /// continuation (default 10; 0 leaves the continuation out).
    pub rounds: Option<usize>,
}

impl ChartOptions {
    /// The simulated rounds asked for, or the model's default.
    pub fn rounds(&self) -> usize {
        self.rounds.unwrap_or(sim_model::DEFAULT_ROUNDS)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Chart {
    ConcessionMatrix,
    Zopa,
    Leverage,
    Timeline,
    Sensitivity,
    DealSpace,
    Simulation,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown chart \"{0}\"; valid charts: {names}", names = Chart::ALL.map(Chart::name).join(", "))]
pub struct UnknownChart(pub String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChartError {
    #[error("drawing failed: {0}")]
    Draw(String),
}

impl Chart {
    pub const ALL: [Chart; 7] = [
        Chart::ConcessionMatrix,
        Chart::Zopa,
        Chart::Leverage,
        Chart::Timeline,
        Chart::Sensitivity,
        Chart::DealSpace,
        Chart::Simulation,
    ];

    /// What `stancemap render` draws when no `--chart` is given.
    pub const DEFAULT: [Chart; 5] = [
        Chart::ConcessionMatrix,
        Chart::Zopa,
        Chart::Leverage,
        Chart::Timeline,
        Chart::DealSpace,
    ];

    /// The name used on the command line and as the file stem.
    pub fn name(self) -> &'static str {
        match self {
            Chart::ConcessionMatrix => "concession-matrix",
            Chart::Zopa => "zopa",
            Chart::Leverage => "leverage",
            Chart::Timeline => "timeline",
            Chart::Sensitivity => "sensitivity",
            Chart::DealSpace => "deal-space",
            Chart::Simulation => "simulation",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Chart::ConcessionMatrix => "Concession matrix",
            Chart::Zopa => "Zones of possible agreement",
            Chart::Leverage => "Leverage",
            Chart::Timeline => "Timeline",
            Chart::Sensitivity => "Sensitivity of the predicted outcomes",
            Chart::DealSpace => "Deal space",
            Chart::Simulation => "Simulated bargaining, round by round",
        }
    }

    pub fn from_name(name: &str) -> Result<Chart, UnknownChart> {
        Chart::ALL
            .into_iter()
            .find(|c| c.name() == name)
            .ok_or_else(|| UnknownChart(name.to_owned()))
    }

    /// Draw this chart filling `area`; returns where things are, for hover and click.
    pub fn draw<DB: DrawingBackend>(
        self,
        area: &DrawingArea<DB, Shift>,
        input: &ChartInput,
    ) -> Result<ChartLayout, ChartError> {
        frame::draw(area, input, self, |c, top, layout| match self {
            Chart::ConcessionMatrix => concession::draw(c, top, input, layout),
            Chart::Zopa => zopa::draw(c, top, input, layout),
            Chart::Leverage => leverage::draw(c, top, input, layout),
            Chart::Timeline => timeline::draw(c, top, input, layout),
            Chart::Sensitivity => tornado::draw(c, top, input, layout),
            Chart::DealSpace => deal_space::draw(c, top, input, layout),
            Chart::Simulation => {
                // The exports' path: the simulation of the chart's view (`options.rounds`,
                // 10 by default), computed here.
                let sim = sim_model::simulate(input.view, input.options.rounds());
                simulation::draw(c, top, input, &sim, layout)
            }
        })
    }
}

/// A rectangle of a drawn chart and what it shows, in the area's pixel coordinates.
#[derive(Debug, Clone, PartialEq)]
pub struct Region {
    /// `[x0, y0, x1, y1]`.
    pub rect: [f64; 4],
    pub party: Option<String>,
    pub issue: Option<String>,
    /// Full names and the numbers behind the mark, for a tooltip.
    pub tooltip: String,
}

/// Where a drawn chart put its marks, so the app can map a pointer to what is under it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ChartLayout {
    pub regions: Vec<Region>,
    /// What did not fit, e.g. "+8 issues not shown" (also written on the chart).
    pub omitted: Vec<String>,
}

impl ChartLayout {
    pub(crate) fn add(
        &mut self,
        rect: [f64; 4],
        party: Option<&str>,
        issue: Option<&str>,
        tooltip: impl Into<String>,
    ) {
        self.regions.push(Region {
            rect,
            party: party.map(str::to_owned),
            issue: issue.map(str::to_owned),
            tooltip: tooltip.into(),
        });
    }

    /// The topmost region under (x, y).
    pub fn hit(&self, x: f64, y: f64) -> Option<&Region> {
        self.regions.iter().rev().find(|r| {
            let [x0, y0, x1, y1] = r.rect;
            x >= x0 && x < x1 && y >= y0 && y < y1
        })
    }

    /// The (party, issue) of the matrix cell under (x, y).
    pub fn cell_at(&self, x: f64, y: f64) -> Option<(&str, &str)> {
        let r = self.hit(x, y)?;
        Some((r.party.as_deref()?, r.issue.as_deref()?))
    }
}

/// Number formatting shared by the charts: no trailing `.0`, at most `digits` decimals.
pub(crate) fn num(value: f64, digits: usize) -> String {
    let s = format!("{value:.digits$}");
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        s
    };
    if s == "-0" { "0".to_owned() } else { s }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_unknown_lists_valid() {
        for c in Chart::ALL {
            assert_eq!(Chart::from_name(c.name()), Ok(c));
        }
        assert_eq!(
            Chart::from_name("pie").unwrap_err().to_string(),
            "unknown chart \"pie\"; valid charts: concession-matrix, zopa, leverage, timeline, sensitivity, deal-space, simulation"
        );
    }

    #[test]
    fn numbers_are_short() {
        assert_eq!(num(15.0, 1), "15");
        assert_eq!(num(0.425, 2), "0.42"); // 0.425 is stored as 0.42499..., rounds down
        assert_eq!(num(-0.001, 2), "0");
        assert_eq!(num(37.5, 1), "37.5");
    }

    #[test]
    fn hits_find_the_topmost_region() {
        let mut l = ChartLayout::default();
        l.add([0.0, 0.0, 10.0, 10.0], Some("ru"), Some("scope"), "cell");
        l.add([5.0, 5.0, 8.0, 8.0], Some("ua"), None, "label");
        assert_eq!(l.cell_at(1.0, 1.0), Some(("ru", "scope")));
        assert_eq!(l.hit(6.0, 6.0).map(|r| r.tooltip.as_str()), Some("label"));
        assert_eq!(l.cell_at(6.0, 6.0), None);
        assert!(l.hit(10.0, 1.0).is_none());
    }
}
