//! ZOPA chart: one 0..100 track per issue between its named ends; each Principal's
//! acceptable range as a band in its colour with stance and ideal markers; the zone of
//! possible agreement shaded (or the gap named); the predicted outcome as a line.

mod layout;
mod paint;
#[cfg(test)]
mod tests;

use crate::canvas::Canvas;
use crate::frame::Body;
use crate::{ChartError, ChartInput, ChartLayout};
use plotters::prelude::DrawingBackend;

/// Lay the tracks out (pure numbers, `layout`), then paint them (`paint`).
pub fn draw<DB: DrawingBackend>(
    c: &Canvas<'_, DB>,
    top: f64,
    input: &ChartInput,
    out: &mut ChartLayout,
) -> Result<Body, ChartError> {
    let p = &input.view.project;
    if p.issues.is_empty() {
        return Ok(Body::empty(top, "No issues recorded yet."));
    }
    let zopa = layout::layout(p, input.analysis, c.size(), top, c);
    paint::paint(c, p, &zopa, out)?;
    Ok(Body::Drawn)
}
