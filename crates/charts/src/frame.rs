//! What every chart shares around its body, written once: the background and header
//! (title, then project · scenario · as of date), the deal test of the predicted outcome on
//! the title row of the charts that show it, the message in place of an empty chart, and
//! the footnote that says what did not fit.

use crate::canvas::Canvas;
use crate::{Chart, ChartError, ChartInput, ChartLayout, analysis};
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};

/// What a chart's body drew.
pub enum Body {
    /// Its marks; what it left out (`ChartLayout::omitted`) goes into the footnote.
    Drawn,
    /// Nothing to show: `message`, centred between `from` and the bottom.
    Empty { from: f64, message: String },
}

impl Body {
    /// Nothing to show, said under the header that starts at `top`.
    pub fn empty(top: f64, message: impl Into<String>) -> Body {
        Body::Empty {
            from: top,
            message: message.into(),
        }
    }
}

/// `chart` drawn filling `area`: the shared header, then `body` from the y where it may
/// start, then the empty-state message or the footnote.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    input: &ChartInput,
    chart: Chart,
    body: impl FnOnce(&Canvas<'_, DB>, f64, &mut ChartLayout) -> Result<Body, ChartError>,
) -> Result<ChartLayout, ChartError> {
    let c = Canvas::new(area, input);
    let mut layout = ChartLayout::default();
    let top = c.header(chart.title(), input)?;
    if matches!(chart, Chart::ConcessionMatrix | Chart::Zopa) {
        deal_test_note(&c, chart.title(), input)?;
    }
    match body(&c, top, &mut layout)? {
        Body::Empty { from, message } => c.empty_message(from, &message)?,
        Body::Drawn if layout.omitted.is_empty() => {}
        Body::Drawn => {
            c.footnote(&layout.omitted.join(" · "))?;
        }
    }
    Ok(layout)
}

/// The deal test of the predicted outcome on the title row of a chart that shows the
/// outcome: "Predicted outcome: no deal: Russia rejects" (red) or "... every Principal
/// accepts it" (muted).
fn deal_test_note<DB: DrawingBackend>(
    c: &Canvas<DB>,
    title: &str,
    input: &ChartInput,
) -> Result<(), ChartError> {
    let Some(verdict) = analysis::outcome_verdict(input.view) else {
        return Ok(());
    };
    let color = if verdict.starts_with("no deal") {
        c.pal.bad
    } else {
        c.pal.muted
    };
    c.header_note(
        title,
        &format!("Predicted outcome as one package: {verdict}"),
        color,
    )
}
