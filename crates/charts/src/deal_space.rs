//! Deal-space chart: for two Principals, the value of a package to one (across) against its
//! value to the other (up). The line is the Pareto frontier over packages that keep every
//! red line, the shaded quadrant is where both accept (both values at least 0), and the
//! marks are the Nash package, the predicted outcome and the other scenarios' outcomes.

use super::canvas::{Align, Baseline, Canvas, Measure, Shape};
use super::frame::Body;
use super::{ChartError, ChartInput, ChartLayout, num};
use crate::analysis::{self, DealSpace};
use crate::theme::Rgb;
use plotters::prelude::DrawingBackend;

/// Under the title: how to read the chart.
const NOTE: &str = "Value of a package to each (1 = its ideals, 0 = on balance at its \
     walk-aways). The line: the most one can get for a given value to the other, every red \
     line kept.";

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

/// Tick spacing giving at most about eight ticks over `span`.
fn tick_step(span: f64) -> f64 {
    [0.1, 0.2, 0.25, 0.5, 1.0, 2.0, 5.0]
        .into_iter()
        .find(|s| span / s <= 8.0)
        .unwrap_or(10.0)
}

/// The value range of one axis: every value shown, 0 and 1, with a little room.
fn range(values: impl Iterator<Item = f64>) -> (f64, f64) {
    let (lo, hi) = values
        .filter(|v| v.is_finite())
        .fold((0.0f64, 1.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let pad = (hi - lo) * 0.06;
    (lo - pad, hi + pad)
}

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
    let m = c.margin();
    let label = c.font(12.5);
    let small = c.font(11.0);
    let (name_a, name_b) = (space.a.1.as_str(), space.b.1.as_str());
    c.text(
        &c.fit(NOTE, small, c.w - 2.0 * m),
        m,
        top,
        small,
        c.pal.muted,
        Align::Start,
        Baseline::Top,
    )?;
    let top = top + small * 1.8;
    let legend_bottom = legend(c, m, top, small)?;

    // Plot box and scales.
    let points = space
        .frontier
        .iter()
        .chain(space.nash.iter())
        .chain(space.outcome.iter())
        .chain(space.scenarios.iter().map(|(_, p)| p));
    let (x0, x1) = range(points.clone().map(|p| p[0]));
    let (y0, y1) = range(points.map(|p| p[1]));
    let left = m + label * 4.5;
    let right = c.w - m - label;
    let ptop = legend_bottom + label * 1.6;
    let bottom = c.h - m - label * 3.2;
    if right - left < 40.0 || bottom - ptop < 40.0 {
        return Ok(Body::empty(top, "Too small to draw the deal space."));
    }
    let px = |v: f64| left + (v - x0) / (x1 - x0) * (right - left);
    let py = |v: f64| bottom - (v - y0) / (y1 - y0) * (bottom - ptop);
    axes(c, (x0, x1, y0, y1), (left, right, ptop, bottom), small)?;
    // Axis titles.
    c.text(
        &c.fit(&format!("Value to {name_a}"), label, right - left),
        (left + right) / 2.0,
        bottom + small * 1.9,
        label,
        c.pal.text,
        Align::Middle,
        Baseline::Top,
    )?;
    c.text(
        &c.fit(&format!("Value to {name_b}"), label, right - m),
        m,
        ptop - small * 0.2,
        label,
        c.pal.text,
        Align::Start,
        Baseline::Bottom,
    )?;

    // Both accept: the quadrant where both values are at least 0.
    c.rect(px(0.0), py(y1), px(x1), py(0.0), c.pal.zopa, 0.16)?;
    c.text(
        "both accept",
        px(x1) - small * 0.5,
        py(y1) + small * 0.4,
        small,
        c.pal.muted,
        Align::End,
        Baseline::Top,
    )?;
    // Packages reach up to the frontier: shade under it, then draw it.
    if let (Some(first), Some(last)) = (space.frontier.first(), space.frontier.last()) {
        let mut under: Vec<(f64, f64)> = space
            .frontier
            .iter()
            .map(|p| (px(p[0]), py(p[1])))
            .collect();
        under.push((px(last[0]), bottom));
        under.push((left, bottom));
        under.push((left, py(first[1])));
        c.polygon(&under, c.pal.accent, 0.10)?;
        let line: Vec<(f64, f64)> = space
            .frontier
            .iter()
            .map(|p| (px(p[0]), py(p[1])))
            .collect();
        c.polyline(&line, c.pal.accent, 3.0)?;
        c.polyline(&[(left, py(first[1])), line[0]], c.pal.accent, 1.0)?;
        let end = line[line.len() - 1];
        c.polyline(&[end, (end.0, bottom)], c.pal.accent, 1.0)?;
    }

    // Marks, labels placed so they do not overlap one another.
    let mut placed: Vec<[f64; 4]> = Vec::new();
    let r = small * 0.55;
    for (name, p) in &space.scenarios {
        let (x, y) = (px(p[0]), py(p[1]));
        c.marker(Shape::Circle, x, y, r * 0.85, c.pal.muted, false)?;
        mark_label(
            c,
            &mut placed,
            name,
            x,
            y,
            r,
            small,
            c.pal.muted,
            (left, right),
        )?;
        add(
            layout,
            x,
            y,
            r,
            format!("{name}: predicted outcome"),
            &space,
            p,
        );
    }
    if let Some(p) = space.outcome {
        let (x, y) = (px(p[0]), py(p[1]));
        let color = if space.outcome_accepted {
            c.pal.good
        } else {
            c.pal.bad
        };
        c.marker(Shape::Diamond, x, y, r * 1.2, color, true)?;
        let text = match &space.outcome_verdict {
            Some(verdict) => format!("predicted outcome: {verdict}"),
            None => "predicted outcome".to_owned(),
        };
        mark_label(
            c,
            &mut placed,
            &text,
            x,
            y,
            r,
            small,
            c.pal.text,
            (left, right),
        )?;
        add(layout, x, y, r, text, &space, &p);
    }
    if let Some(p) = space.nash {
        let (x, y) = (px(p[0]), py(p[1]));
        c.marker(Shape::Star, x, y, r * 1.2, c.pal.text, true)?;
        mark_label(
            c,
            &mut placed,
            "Nash package",
            x,
            y,
            r,
            small,
            c.pal.text,
            (left, right),
        )?;
        add(layout, x, y, r, "Nash package".to_owned(), &space, &p);
    }
    if let Some(note) = &space.note {
        layout.omitted.push(note.clone());
    }
    Ok(Body::Drawn)
}

/// The legend row: frontier, both-accept quadrant, Nash, predicted outcome, scenarios.
/// Returns the y below it.
fn legend<DB: DrawingBackend>(
    c: &Canvas<DB>,
    m: f64,
    top: f64,
    small: f64,
) -> Result<f64, ChartError> {
    let y = top + small / 2.0;
    let mut x = m;
    let items = [
        "frontier (best packages)",
        "both accept",
        "Nash package",
        "predicted outcome",
        "other scenarios",
    ];
    for (kind, name) in items.into_iter().enumerate() {
        match kind {
            0 => c.line(x, y, x + small * 1.4, y, c.pal.accent, 3.0)?,
            1 => c.rect(x, top, x + small * 1.4, top + small, c.pal.zopa, 0.3)?,
            2 => c.marker(
                Shape::Star,
                x + small * 0.7,
                y,
                small * 0.5,
                c.pal.text,
                true,
            )?,
            3 => c.marker(
                Shape::Diamond,
                x + small * 0.7,
                y,
                small * 0.5,
                c.pal.bad,
                true,
            )?,
            _ => c.marker(
                Shape::Circle,
                x + small * 0.7,
                y,
                small * 0.45,
                c.pal.muted,
                false,
            )?,
        }
        let tx = x + small * 1.9;
        c.text(
            name,
            tx,
            y,
            small,
            c.pal.text,
            Align::Start,
            Baseline::Center,
        )?;
        x = tx + c.measure(name, small) + small * 1.4;
    }
    Ok(top + small * 1.4)
}

/// Grid lines and tick labels at round values, and the zero axes drawn heavier.
fn axes<DB: DrawingBackend>(
    c: &Canvas<DB>,
    (x0, x1, y0, y1): (f64, f64, f64, f64),
    (left, right, top, bottom): (f64, f64, f64, f64),
    small: f64,
) -> Result<(), ChartError> {
    let px = |v: f64| left + (v - x0) / (x1 - x0) * (right - left);
    let py = |v: f64| bottom - (v - y0) / (y1 - y0) * (bottom - top);
    let step = tick_step(x1 - x0);
    let mut v = (x0 / step).ceil() * step;
    while v <= x1 + 1e-9 {
        let x = px(v);
        let (color, width) = if v.abs() < 1e-9 {
            (c.pal.muted, 2.0)
        } else {
            (c.pal.grid, 1.0)
        };
        c.line(x, top, x, bottom, color, width)?;
        c.text(
            &num(v, 2),
            x,
            bottom + small * 0.4,
            small,
            c.pal.muted,
            Align::Middle,
            Baseline::Top,
        )?;
        v += step;
    }
    let step = tick_step(y1 - y0);
    let mut v = (y0 / step).ceil() * step;
    while v <= y1 + 1e-9 {
        let y = py(v);
        let (color, width) = if v.abs() < 1e-9 {
            (c.pal.muted, 2.0)
        } else {
            (c.pal.grid, 1.0)
        };
        c.line(left, y, right, y, color, width)?;
        c.text(
            &num(v, 2),
            left - small * 0.5,
            y,
            small,
            c.pal.muted,
            Align::End,
            Baseline::Center,
        )?;
        v += step;
    }
    c.frame(left, top, right, bottom, c.pal.grid, 1.0)
}

/// A mark's label to its right (or left near the right edge), moved down past labels
/// already placed.
#[allow(clippy::too_many_arguments)]
fn mark_label<DB: DrawingBackend>(
    c: &Canvas<DB>,
    placed: &mut Vec<[f64; 4]>,
    text: &str,
    x: f64,
    y: f64,
    r: f64,
    size: f64,
    color: Rgb,
    (left, right): (f64, f64),
) -> Result<(), ChartError> {
    let text = c.fit(text, size, (right - left) * 0.45);
    let w = c.measure(&text, size);
    let h = size * 1.2;
    let (mut x0, align) = if x + r * 1.6 + w <= right {
        (x + r * 1.6, Align::Start)
    } else {
        (x - r * 1.6 - w, Align::End)
    };
    x0 = x0.max(left);
    let mut y0 = y - h / 2.0;
    let overlaps = |y0: f64, placed: &[[f64; 4]]| {
        placed
            .iter()
            .any(|b| x0 < b[2] && x0 + w > b[0] && y0 < b[3] && y0 + h > b[1])
    };
    for _ in 0..8 {
        if !overlaps(y0, placed) {
            break;
        }
        y0 += h;
    }
    placed.push([x0, y0, x0 + w, y0 + h]);
    let tx = if align == Align::Start { x0 } else { x0 + w };
    // A label pushed off its mark gets a thin leader line back to it.
    if (y0 + h / 2.0 - y).abs() > h * 0.5 {
        c.line(x, y, tx, y0 + h / 2.0, c.pal.grid.mix(color, 0.5), 1.0)?;
    }
    c.text(
        &text,
        tx,
        y0 + h / 2.0,
        size,
        color,
        align,
        Baseline::Center,
    )
}

/// A hover region over a mark, with both values in the tooltip.
fn add(
    layout: &mut ChartLayout,
    x: f64,
    y: f64,
    r: f64,
    what: String,
    space: &DealSpace,
    p: &[f64; 2],
) {
    let tooltip = format!(
        "{what}\n{}: {}\n{}: {}",
        space.a.1,
        num(p[0], 3),
        space.b.1,
        num(p[1], 3)
    );
    layout.add(
        [x - r * 1.5, y - r * 1.5, x + r * 1.5, y + r * 1.5],
        None,
        None,
        tooltip,
    );
}
