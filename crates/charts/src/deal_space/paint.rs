//! Draws a laid-out deal space (`layout::Chart`) onto a canvas, and records where each
//! mark went for hover.

use super::layout::{Chart, KEY, Kind, Mark, Plot};
use crate::ChartLayout;
use crate::canvas::{Align, Baseline, Canvas, Draw, Shape};
use crate::num;
use crate::theme::Rgb;
use plotters::prelude::DrawingBackend;

/// The note and the key (the plot is `plot`'s).
pub fn header<DB: DrawingBackend>(c: &Canvas<'_, DB>, chart: &Chart) -> Draw {
    let (m, small) = (chart.margin, chart.small);
    let (note, y) = (&chart.note.0, chart.note.1);
    c.text(note, m, y, small, c.pal.muted, Align::Start, Baseline::Top)?;
    // The key: frontier, both-accept quadrant, Nash, predicted outcome, scenarios.
    let top = chart.key_top;
    let y = top + small / 2.0;
    for (kind, (name, &(x, tx))) in KEY.iter().zip(&chart.key).enumerate() {
        let mx = x + small * 0.7;
        match kind {
            0 => c.line(x, y, x + small * 1.4, y, c.pal.accent, 3.0)?,
            1 => c.rect(x, top, x + small * 1.4, top + small, c.pal.zopa, 0.3)?,
            2 => c.marker(Shape::Star, mx, y, small * 0.5, c.pal.text, true)?,
            3 => c.marker(Shape::Diamond, mx, y, small * 0.5, c.pal.bad, true)?,
            _ => c.marker(Shape::Circle, mx, y, small * 0.45, c.pal.muted, false)?,
        }
        c.text(
            name,
            tx,
            y,
            small,
            c.pal.text,
            Align::Start,
            Baseline::Center,
        )?;
    }
    Ok(())
}

/// The plot: axes, titles, the both-accept quadrant, the frontier and the marks.
pub fn plot<DB: DrawingBackend>(
    c: &Canvas<'_, DB>,
    chart: &Chart,
    plot: &Plot,
    layout: &mut ChartLayout,
) -> Draw {
    let (m, label, small) = (chart.margin, chart.label, chart.small);
    let (left, right, ptop, bottom) = (plot.left, plot.right, plot.top, plot.bottom);
    axes(c, plot, small)?;
    // Axis titles.
    let (x, y, ink) = ((left + right) / 2.0, bottom + small * 1.9, c.pal.text);
    c.text(
        &plot.x_title,
        x,
        y,
        label,
        ink,
        Align::Middle,
        Baseline::Top,
    )?;
    let y = ptop - small * 0.2;
    c.text(
        &plot.y_title,
        m,
        y,
        label,
        ink,
        Align::Start,
        Baseline::Bottom,
    )?;

    // Both accept: the quadrant where both values are at least 0.
    let (x0, y0) = (plot.px(0.0), plot.py(plot.y1));
    let (x1, y1) = (plot.px(plot.x1), plot.py(0.0));
    c.rect(x0, y0, x1, y1, c.pal.zopa, 0.16)?;
    let (x, y, ink) = (x1 - small * 0.5, y0 + small * 0.4, c.pal.muted);
    c.text("both accept", x, y, small, ink, Align::End, Baseline::Top)?;
    // Packages reach up to the frontier: shade under it, then draw it.
    if let (Some(&first), Some(&end)) = (plot.frontier.first(), plot.frontier.last()) {
        c.polygon(&plot.under, c.pal.accent, 0.10)?;
        c.polyline(&plot.frontier, c.pal.accent, 3.0)?;
        c.polyline(&[(left, first.1), first], c.pal.accent, 1.0)?;
        c.polyline(&[end, (end.0, bottom)], c.pal.accent, 1.0)?;
    }
    for mark in &plot.marks {
        paint_mark(c, plot.r, small, mark, layout)?;
    }
    Ok(())
}

/// Grid lines and tick labels at round values, and the zero axes drawn heavier.
fn axes<DB: DrawingBackend>(c: &Canvas<'_, DB>, plot: &Plot, small: f64) -> Draw {
    let (left, right, top, bottom) = (plot.left, plot.right, plot.top, plot.bottom);
    let line_style = |v: f64| {
        if v.abs() < 1e-9 {
            (c.pal.muted, 2.0)
        } else {
            (c.pal.grid, 1.0)
        }
    };
    let muted = c.pal.muted;
    for &(v, x) in &plot.x_ticks {
        let (color, width) = line_style(v);
        c.line(x, top, x, bottom, color, width)?;
        let y = bottom + small * 0.4;
        c.text(&num(v, 2), x, y, small, muted, Align::Middle, Baseline::Top)?;
    }
    for &(v, y) in &plot.y_ticks {
        let (color, width) = line_style(v);
        c.line(left, y, right, y, color, width)?;
        let x = left - small * 0.5;
        c.text(&num(v, 2), x, y, small, muted, Align::End, Baseline::Center)?;
    }
    c.frame(left, top, right, bottom, c.pal.grid, 1.0)
}

/// A mark, its label (with a leader when pushed off it) and its hover region.
fn paint_mark<DB: DrawingBackend>(
    c: &Canvas<'_, DB>,
    r: f64,
    small: f64,
    mark: &Mark,
    layout: &mut ChartLayout,
) -> Draw {
    let (x, y) = (mark.x, mark.y);
    let color: Rgb = match mark.kind {
        Kind::Scenario => {
            c.marker(Shape::Circle, x, y, r * 0.85, c.pal.muted, false)?;
            c.pal.muted
        }
        Kind::Outcome { accepted } => {
            let fill = if accepted { c.pal.good } else { c.pal.bad };
            c.marker(Shape::Diamond, x, y, r * 1.2, fill, true)?;
            c.pal.text
        }
        Kind::Nash => {
            c.marker(Shape::Star, x, y, r * 1.2, c.pal.text, true)?;
            c.pal.text
        }
    };
    let l = &mark.label;
    if l.leader {
        c.line(x, y, l.x, l.y, c.pal.grid.mix(color, 0.5), 1.0)?;
    }
    c.text(&l.text, l.x, l.y, small, color, l.align, Baseline::Center)?;
    let rect = [x - r * 1.5, y - r * 1.5, x + r * 1.5, y + r * 1.5];
    layout.add(rect, None, None, mark.tooltip.clone());
    Ok(())
}
