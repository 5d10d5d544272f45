//! Simulation chart: per issue, every party's position round by round under the
//! expected-utility bargaining model (one line per party in its colour), with the weighted
//! median (solid) and mean (dashed) of each round; small multiples, one panel per issue.

mod layout;
mod paint;
#[cfg(test)]
mod tests;

use crate::canvas::Canvas;
use crate::frame::{self, Body};
use crate::sim_model::Simulation;
use crate::{Chart, ChartError, ChartInput, ChartLayout};
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};

/// The most issue panels one chart shows.
pub const MAX_PANELS: usize = 12;

/// Draw `sim` (a simulation of `input.view`) filling `area`, with the header every chart
/// has: the app's path, which simulates off the UI thread.
pub fn draw_with<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    input: &ChartInput,
    sim: &Simulation,
) -> Result<ChartLayout, ChartError> {
    frame::draw(area, input, Chart::Simulation, |c, top, layout| {
        draw(c, top, input, sim, layout)
    })
}

/// Draw `sim` (a simulation of `input.view`): all its issues, or only `options.issue`.
/// Each panel has one region per round for hover, tagged with the issue. The layout is
/// pure numbers (`layout`), then `paint` draws it.
pub fn draw<DB: DrawingBackend>(
    c: &Canvas<'_, DB>,
    top: f64,
    input: &ChartInput,
    sim: &Simulation,
    layout: &mut ChartLayout,
) -> Result<Body, ChartError> {
    let p = &input.view.project;
    let runs = layout::runs(sim, input.options.issue.as_deref());
    if runs.is_empty() {
        return Ok(Body::empty(top, "No issue has positions to simulate."));
    }
    let footnote = !layout.omitted.is_empty();
    let laid_out = layout::layout(p, &runs, c.size(), top, footnote, c);
    paint::paint(c, p, &laid_out, layout)?;
    Ok(Body::Drawn)
}
