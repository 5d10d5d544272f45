//! Timeline chart: dated events in one lane per party (shape and colour tell the kind),
//! titles staggered so they never overlap, the as-of date as a line, a scenario's
//! hypothetical events after it drawn dashed; below, the stance trajectories of one issue,
//! continued at the right by the bargaining model's simulated rounds (dashed, by round), so
//! the recorded past and the model's future read as one picture.

mod layout;
mod paint;
#[cfg(test)]
mod tests;
mod titles;
mod trajectories;

use crate::canvas::{Canvas, Shape};
use crate::frame::Body;
use crate::model::EventKind;
use crate::theme::Rgb;
use crate::{ChartError, ChartInput, ChartLayout};
use plotters::prelude::DrawingBackend;

/// The marker shape and colour of a kind of event (shape and colour both tell the kind).
pub fn kind_style(kind: EventKind) -> (Shape, Rgb) {
    match kind {
        EventKind::Proposal => (Shape::Circle, Rgb(0x2F, 0x6D, 0xB5)),
        EventKind::Concession => (Shape::TriangleDown, Rgb(0x2E, 0x9E, 0x5B)),
        EventKind::Agreement => (Shape::Star, Rgb(0x1B, 0x8A, 0x4F)),
        EventKind::Rejection => (Shape::Cross, Rgb(0xC6, 0x28, 0x28)),
        EventKind::Escalation => (Shape::TriangleUp, Rgb(0xE4, 0x6A, 0x1E)),
        EventKind::Statement => (Shape::Square, Rgb(0x7A, 0x6F, 0xB0)),
        EventKind::Meeting => (Shape::Hexagon, Rgb(0x2A, 0x9D, 0xB5)),
        EventKind::Deadline => (Shape::Bar, Rgb(0xB8, 0x86, 0x0B)),
        EventKind::Other => (Shape::Diamond, Rgb(0x80, 0x8A, 0x93)),
    }
}

/// Lay the timeline out (pure numbers, `layout`), then paint it (`paint`).
pub fn draw<DB: DrawingBackend>(
    c: &Canvas<'_, DB>,
    top: f64,
    input: &ChartInput,
    out: &mut ChartLayout,
) -> Result<Body, ChartError> {
    let events = layout::dated_events(input.view);
    if events.is_empty() {
        return Ok(Body::empty(top, "No dated events recorded."));
    }
    let timeline = layout::layout(input, &events, c.size(), top, c);
    paint::paint(c, &input.view.project, &timeline, out)?;
    Ok(Body::Drawn)
}
