//! Leverage chart: who can press whom. A holder x target matrix of pressure (strength x
//! credibility, withdrawn items left out) split into carrots, sticks and alternatives, with
//! the net balance per pair, and beside it each holder's alternatives (its BATNA).

mod alternatives;
mod layout;
mod paint;
#[cfg(test)]
mod tests;

use crate::canvas::Canvas;
use crate::frame::Body;
use crate::{ChartError, ChartInput, ChartLayout};
use plotters::prelude::DrawingBackend;

/// Lay the matrix and the alternatives out (pure numbers, `layout`), then paint them.
pub fn draw<DB: DrawingBackend>(
    c: &Canvas<'_, DB>,
    top: f64,
    input: &ChartInput,
    out: &mut ChartLayout,
) -> Result<Body, ChartError> {
    let p = &input.view.project;
    let involved = layout::involved(p);
    if involved.is_empty() {
        return Ok(Body::empty(
            top,
            "No leverage recorded (or all of it withdrawn).",
        ));
    }
    let lv = layout::layout(p, input.analysis, &involved, c.size(), top, c);
    paint::paint(c, p, &lv, out)?;
    Ok(Body::Drawn)
}
