//! Sensitivity tornado: the inputs whose nudge (±10% of their range) moves a predicted
//! outcome most, largest first; each bar runs from the change the downward nudge causes to
//! the change the upward one causes: the assumptions a briefing must defend.

use super::canvas::{Align, Baseline, Canvas, Measure};
use super::frame::Body;
use super::{ChartError, ChartInput, ChartLayout, num};
use plotters::prelude::DrawingBackend;

/// Entries shown when the options do not say.
pub const DEFAULT_TOP: usize = 12;

pub fn draw<DB: DrawingBackend>(
    c: &Canvas<'_, DB>,
    top: f64,
    input: &ChartInput,
    layout: &mut ChartLayout,
) -> Result<Body, ChartError> {
    let p = &input.view.project;
    let entries: Vec<_> = input
        .analysis
        .sensitivity
        .iter()
        .filter(|e| e.delta > 0.0)
        .collect();
    if entries.is_empty() {
        return Ok(Body::empty(
            top,
            "No input moves a predicted outcome (no positions with weight yet).",
        ));
    }
    let m = c.margin();
    let label = c.font(12.5);
    let small = c.font(11.0);
    let bottom = c.h - m - small * 1.6;
    c.text(
        &c.fit("Change of the predicted outcome (scale points) when the input is nudged down (left) or up (right) by 10% of its range", small, c.w - 2.0 * m),
        m,
        top,
        small,
        c.pal.muted,
        Align::Start,
        Baseline::Top,
    )?;
    let top = top + small * 2.2;
    let want = input.options.top.unwrap_or(DEFAULT_TOP).max(1);
    let axis_h = small * 2.2;
    let fit = ((bottom - top - axis_h) / (label * 1.6)).floor().max(1.0) as usize;
    let n = entries.len().min(want).min(fit);
    if entries.len() > n {
        layout
            .omitted
            .push(format!("+{} smaller entries not shown", entries.len() - n));
    }
    let shown = &entries[..n];
    let row_h = ((bottom - top - axis_h) / n as f64).min(label * 2.8);
    let issue_name = |id: &str| p.issue(id).map_or(id.to_owned(), |i| i.name.clone());
    let label_w = (c.w * 0.36).min(
        shown
            .iter()
            .map(|e| {
                c.measure(&e.input, label)
                    .max(c.measure(&format!("outcome of {}", issue_name(&e.issue)), small))
            })
            .fold(0.0, f64::max)
            + label,
    );
    // The change each nudge causes (down, up), signed.
    let change = |e: &crate::analysis::SensitivityEntry| -> (f64, f64) {
        let base = e.base.unwrap_or(0.0);
        (
            e.down.map_or(0.0, |d| d - base),
            e.up.map_or(0.0, |u| u - base),
        )
    };
    let max = shown
        .iter()
        .map(|e| {
            let (d, u) = change(e);
            d.abs().max(u.abs()).max(e.delta)
        })
        .fold(0.0, f64::max)
        .max(1e-9);
    let mag = 10f64.powf(max.log10().floor());
    let axis_max = [1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0]
        .iter()
        .map(|k| k * mag)
        .find(|v| *v >= max)
        .unwrap_or(max);
    let value_w = c.measure("+00.0", small) + small;
    let x0 = m + label_w + value_w;
    let x1 = c.w - m - value_w;
    let mid = (x0 + x1) / 2.0;
    let x_of = |v: f64| mid + v / axis_max * (x1 - x0) / 2.0;
    let axis_y = top + row_h * n as f64 + small * 0.4;
    for k in -2..=2 {
        let v = axis_max * f64::from(k) / 2.0;
        let color = if k == 0 { c.pal.muted } else { c.pal.grid };
        c.line(x_of(v), top, x_of(v), axis_y, color, 1.0)?;
        let text = if v > 0.0 {
            format!("+{}", num(v, 2))
        } else {
            num(v, 2).replace('-', "−")
        };
        c.text(
            &text,
            x_of(v),
            axis_y + 3.0,
            small,
            c.pal.muted,
            Align::Middle,
            Baseline::Top,
        )?;
    }
    let two_lines = row_h >= label + small * 1.4;
    for (i, e) in shown.iter().enumerate() {
        let y = top + row_h * i as f64;
        let cy = y + row_h / 2.0;
        let issue = issue_name(&e.issue);
        let lx = m + label_w;
        if two_lines {
            c.text(
                &c.fit(&e.input, label, label_w - label * 0.6),
                lx - label * 0.6,
                cy - 1.0,
                label,
                c.pal.text,
                Align::End,
                Baseline::Bottom,
            )?;
            c.text(
                &c.fit(&format!("outcome of {issue}"), small, label_w - label * 0.6),
                lx - label * 0.6,
                cy + 1.0,
                small,
                c.pal.muted,
                Align::End,
                Baseline::Top,
            )?;
        } else {
            c.text(
                &c.fit(&e.input, label, label_w - label * 0.6),
                lx - label * 0.6,
                cy,
                label,
                c.pal.text,
                Align::End,
                Baseline::Center,
            )?;
        }
        let (d, u) = change(e);
        let bh = (row_h * 0.56).min(label * 1.6);
        let fade = 0.3 * i as f64 / n.max(1) as f64;
        for (v, color) in [(d, c.pal.warn), (u, c.pal.accent)] {
            let (a, b) = (x_of(v.min(0.0)), x_of(v.max(0.0)));
            c.rect(
                a,
                cy - bh / 2.0,
                b.max(a + 1.0),
                cy + bh / 2.0,
                color.mix(c.pal.background, fade),
                1.0,
            )?;
        }
        let lo = d.min(u).min(0.0);
        let hi = d.max(u).max(0.0);
        if lo < 0.0 {
            c.text(
                &num(lo, 1).replace('-', "−"),
                x_of(lo) - 5.0,
                cy,
                small,
                c.pal.text,
                Align::End,
                Baseline::Center,
            )?;
        }
        if hi > 0.0 {
            c.text(
                &format!("+{}", num(hi, 1)),
                x_of(hi) + 5.0,
                cy,
                small,
                c.pal.text,
                Align::Start,
                Baseline::Center,
            )?;
        }
        let show = |o: Option<f64>| o.map_or("none".to_owned(), |v| num(v, 1));
        layout.add(
            [m, y, c.w - m, y + row_h],
            Some(&e.party),
            Some(&e.issue),
            format!(
                "{}: the outcome of {} is {}; {} with the input nudged down, {} nudged up (largest change {})",
                e.input,
                issue,
                show(e.base),
                show(e.down),
                show(e.up),
                num(e.delta, 2)
            ),
        );
    }
    // Legend for the two colours.
    let ly = axis_y + small * 1.8;
    if ly + small < c.h - m {
        let mut x = x0;
        for (name, color) in [
            ("input nudged down", c.pal.warn),
            ("input nudged up", c.pal.accent),
        ] {
            c.rect(x, ly, x + small * 1.6, ly + small, color, 1.0)?;
            c.text(
                name,
                x + small * 2.0,
                ly + small / 2.0,
                small,
                c.pal.text,
                Align::Start,
                Baseline::Center,
            )?;
            x += small * 3.5 + c.measure(name, small);
        }
    }
    Ok(Body::Drawn)
}
