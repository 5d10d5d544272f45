//! Deal-space chart: for two Principals, the value of a package to one (across) against its
//! value to the other (up). The line is the Pareto frontier over packages that keep every
//! red line, the shaded quadrant is where both accept (both values at least 0), and the
//! marks are the Nash package, the predicted outcome and the other scenarios' outcomes.

mod layout;
mod paint;
#[cfg(test)]
mod tests;

use crate::analysis::{self, DealSpace};
use crate::canvas::Canvas;
use crate::frame::Body;
use crate::{ChartError, ChartInput, ChartLayout};
use plotters::prelude::DrawingBackend;

/// Lay the deal space out (pure numbers, `layout`), then paint it (`paint`).
pub fn draw<DB: DrawingBackend>(
    c: &Canvas<'_, DB>,
    top: f64,
    input: &ChartInput,
    layout: &mut ChartLayout,
) -> Result<Body, ChartError> {
    let space = match space(input) {
        Ok(space) => space,
        Err(message) => {
            return Ok(Body::empty(
                top,
                format!("No deal space to draw: {message}."),
            ));
        }
    };
    let chart = layout::layout(&space, c.size(), top, c);
    paint::header(c, &chart)?;
    let Some(plot) = &chart.plot else {
        return Ok(Body::empty(
            chart.below_note,
            "Too small to draw the deal space.",
        ));
    };
    paint::plot(c, &chart, plot, layout)?;
    if let Some(note) = &space.note {
        layout.omitted.push(note.clone());
    }
    Ok(Body::Drawn)
}

/// The deal space the chart shows: the one the caller computed (the app, `render`), or one
/// traced from the view alone (then without the other scenarios' outcomes).
fn space(input: &ChartInput) -> Result<DealSpace, String> {
    let pair = input.options.pair.as_ref();
    if let Some(space) = &input.options.deal_space
        && pair.is_none_or(|(a, b)| space.a.0 == *a && space.b.0 == *b)
    {
        return Ok((**space).clone());
    }
    let view = input.view;
    let deals = analysis::deals(view);
    let (a, b) = match pair {
        Some(p) => p.clone(),
        None => analysis::default_pair(&deals).map_err(|e| e.to_string())?,
    };
    analysis::deal_space(view, &deals, (&a, &b), &[]).map_err(|e| e.to_string())
}
