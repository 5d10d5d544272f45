//! Concession matrix: issues as rows, parties as columns; each cell says one thing, in its
//! number and its colour alike: the share of the party's room (ideal 0%, walk-away 100%)
//! the predicted outcome uses, or, for a party with no walk-away, the points it must move.
//! Breaches are framed in the chart's text colour and marked; pain totals below.

mod layout;
mod paint;
#[cfg(test)]
mod tests;

use crate::canvas::Canvas;
use crate::frame::Body;
use crate::{ChartError, ChartInput, ChartLayout};
use plotters::prelude::DrawingBackend;

/// Lay the matrix out (pure numbers, `layout`), then paint it (`paint`).
pub fn draw<DB: DrawingBackend>(
    c: &Canvas<'_, DB>,
    top: f64,
    input: &ChartInput,
    out: &mut ChartLayout,
) -> Result<Body, ChartError> {
    let p = &input.view.project;
    let (parties, issues) = layout::shown(p, input.analysis);
    if parties.is_empty() || issues.is_empty() {
        return Ok(Body::empty(top, "No positions recorded yet."));
    }
    let matrix = layout::layout(input.analysis, &parties, &issues, c.size(), top, c);
    paint::paint(c, p, &matrix, out)?;
    Ok(Body::Drawn)
}
