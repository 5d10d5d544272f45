//! ZOPA chart: one 0..100 track per issue between its named ends; each Principal's
//! acceptable range as a band in its colour with stance and ideal markers; the zone of
//! possible agreement shaded (or the gap named); the predicted outcome as a line.

use super::canvas::{Align, Baseline, Canvas, Measure, Shape};
use super::frame::Body;
use super::{ChartError, ChartInput, ChartLayout, MAX_ISSUES, MAX_PARTIES, num};
use crate::model::{OutcomeMethod, Role};
use plotters::prelude::DrawingBackend;

pub fn draw<DB: DrawingBackend>(
    c: &Canvas<'_, DB>,
    top: f64,
    input: &ChartInput,
    layout: &mut ChartLayout,
) -> Result<Body, ChartError> {
    let p = &input.view.project;
    let a = input.analysis;
    let principals: Vec<&crate::model::Party> = p
        .parties
        .iter()
        .filter(|x| x.role == Role::Principal)
        .collect();
    let principal_ids: std::collections::HashSet<&str> =
        principals.iter().map(|x| x.id.as_str()).collect();
    if p.issues.is_empty() {
        return Ok(Body::empty(top, "No issues recorded yet."));
    }
    let m = c.margin();
    let label = c.font(12.5);
    let small = c.font(11.0);
    let bottom = c.h - m - small * 1.6;

    // Legend: the Principals' colours, the markers, the ZOPA and the outcome lines.
    let mut lx = m;
    let shown_principals = &principals[..principals.len().min(MAX_PARTIES)];
    for party in shown_principals {
        let color = c.pal.party(p.party_color(&party.id));
        let w = c.measure(&party.name, small);
        if lx + w + small * 3.0 > c.w * 0.5 {
            break;
        }
        c.rect(
            lx,
            top + small * 0.15,
            lx + small * 1.6,
            top + small * 0.95,
            color,
            0.45,
        )?;
        c.text(
            &party.name,
            lx + small * 2.0,
            top + small / 2.0,
            small,
            c.pal.text,
            Align::Start,
            Baseline::Center,
        )?;
        lx += small * 2.0 + w + small * 1.2;
    }
    let mut lx = lx.max(c.w * 0.5);
    let items: [(&str, u8); 6] = [
        ("stance", 0),
        ("ideal", 1),
        ("red line", 5),
        ("ZOPA", 2),
        ("median", 3),
        ("mean", 4),
    ];
    for (name, kind) in items {
        let y = top + small / 2.0;
        match kind {
            0 => c.circle(lx + small * 0.5, y, small * 0.35, c.pal.text, true, 1.0)?,
            1 => c.marker(
                Shape::Diamond,
                lx + small * 0.5,
                y,
                small * 0.38,
                c.pal.text,
                false,
            )?,
            2 => c.rect(lx, top, lx + small * 1.2, top + small, c.pal.zopa, 0.3)?,
            5 => c.rect(
                lx + small * 0.3,
                top - 1.0,
                lx + small * 0.3 + 4.0,
                top + small + 1.0,
                c.pal.alarm,
                1.0,
            )?,
            3 => c.line(
                lx + small * 0.5,
                top - 2.0,
                lx + small * 0.5,
                top + small + 2.0,
                c.pal.text,
                2.0,
            )?,
            _ => c.dashed(
                lx + small * 0.5,
                top - 2.0,
                lx + small * 0.5,
                top + small + 2.0,
                c.pal.text,
                2.0,
                3.0,
            )?,
        }
        let x = lx + small * 1.5;
        c.text(
            name,
            x,
            y,
            small,
            c.pal.text,
            Align::Start,
            Baseline::Center,
        )?;
        lx = x + c.measure(name, small) + small * 1.2;
    }
    let top = top + small * 2.2;
    if principals.is_empty() {
        layout
            .omitted
            .push("no Principal parties: no ZOPA to show".to_owned());
    }

    // Rows: one per issue; height split between the bands and the scale-end labels.
    let n_bands = shown_principals.len().max(1) as f64;
    let min_row = small * 0.8 * 1.3 + n_bands * 2.5 + 5.0;
    // A row for the value scale shared by every issue, above the first, unless it would
    // cost an issue its row.
    let wanted = p.issues.len().min(MAX_ISSUES);
    let scale_h = small * 1.5;
    let with_scale = ((bottom - top - scale_h) / min_row).floor() as usize >= wanted;
    let top = if with_scale { top + scale_h } else { top };
    let rows_fit = ((bottom - top) / min_row).floor().max(1.0) as usize;
    let n = p.issues.len().min(MAX_ISSUES).min(rows_fit);
    if p.issues.len() > n {
        layout
            .omitted
            .push(format!("+{} issues not shown", p.issues.len() - n));
    }
    if principals.len() > shown_principals.len() {
        layout.omitted.push(format!(
            "+{} Principals not shown",
            principals.len() - shown_principals.len()
        ));
    }
    let row_h = ((bottom - top) / n as f64).min(label * 6.0);
    let lbl = (row_h * 0.36).min(label).max(small * 0.85);
    let ends = (row_h * 0.3).min(small).max(small * 0.8);
    let name_w = (c.w * 0.24)
        .min(
            p.issues
                .iter()
                .take(n)
                .map(|i| c.measure(&i.name, lbl))
                .fold(0.0, f64::max)
                + lbl,
        )
        .max(c.w * 0.15);
    let tx0 = m + name_w + lbl;
    let tx1 = c.w - m - lbl * 0.5;
    let x_of = |v: f64| tx0 + v.clamp(0.0, 100.0) / 100.0 * (tx1 - tx0);

    // The values of the grid lines, once for all issues (they share the 0-100 scale).
    for v in [0.0, 25.0, 50.0, 75.0, 100.0]
        .into_iter()
        .filter(|_| with_scale)
    {
        let align = match v {
            0.0 => Align::Start,
            100.0 => Align::End,
            _ => Align::Middle,
        };
        c.text(
            &num(v, 0),
            x_of(v),
            top - small * 0.3,
            small,
            c.pal.muted,
            align,
            Baseline::Bottom,
        )?;
    }

    for (i, issue) in p.issues.iter().take(n).enumerate() {
        let y = top + row_h * i as f64;
        let ia = a.issues.iter().find(|x| x.id == issue.id);
        if i % 2 == 1 {
            c.rect(m, y, c.w - m, y + row_h, c.pal.panel, 1.0)?;
        }
        // Track geometry: bands at the top, the scale-end labels under them.
        let band_top = y + row_h * 0.14;
        let band_bottom = y + row_h - ends * 1.45;
        let band_h = (band_bottom - band_top) / n_bands;

        // Left column: the name, then the ZOPA or the gap.
        let name = c.fit(&issue.name, lbl, name_w);
        c.text(
            &name,
            m + 4.0,
            (band_top + band_bottom) / 2.0 - lbl * 0.05,
            lbl,
            c.pal.text,
            Align::Start,
            Baseline::Bottom,
        )?;
        let (status, status_color) = match ia {
            Some(x) => match (x.zopa, x.gap) {
                (Some(z), _) => (
                    format!("ZOPA {}–{}", num(z.low, 0), num(z.high, 0)),
                    c.pal.muted,
                ),
                (None, Some(g)) => (format!("no ZOPA — gap {}", num(g, 0)), c.pal.bad),
                (None, None) => ("no ZOPA".to_owned(), c.pal.bad),
            },
            None => (String::new(), c.pal.muted),
        };
        c.text(
            &c.fit(&status, ends, name_w),
            m + 4.0,
            (band_top + band_bottom) / 2.0 + lbl * 0.1,
            ends,
            status_color,
            Align::Start,
            Baseline::Top,
        )?;

        // Scale and ends.
        c.line(tx0, band_bottom, tx1, band_bottom, c.pal.grid, 1.0)?;
        for v in [0.0, 25.0, 50.0, 75.0, 100.0] {
            c.line(
                x_of(v),
                band_top,
                x_of(v),
                band_bottom + 2.0,
                c.pal.grid,
                1.0,
            )?;
        }
        let end_w = (tx1 - tx0) * 0.46;
        c.text(
            &c.fit(&end_label("0", &issue.low, true), ends, end_w),
            tx0,
            band_bottom + 2.0,
            ends,
            c.pal.muted,
            Align::Start,
            Baseline::Top,
        )?;
        c.text(
            &c.fit(&end_label("100", &issue.high, false), ends, end_w),
            tx1,
            band_bottom + 2.0,
            ends,
            c.pal.muted,
            Align::End,
            Baseline::Top,
        )?;

        // ZOPA shading, or the gap between the closest walk-aways hatched in red.
        if let Some(x) = ia {
            if let Some(z) = x.zopa {
                c.rect(
                    x_of(z.low),
                    band_top,
                    x_of(z.high).max(x_of(z.low) + 2.0),
                    band_bottom,
                    c.pal.zopa,
                    0.28,
                )?;
            } else if let Some(g) = x.gap {
                // The gap lies between the highest lower bound and the lowest upper bound.
                let (lo, hi) = gap_bounds(p, &principal_ids, &issue.id);
                if (hi - lo - g).abs() < 1e-6 || hi > lo {
                    c.rect(x_of(lo), band_top, x_of(hi), band_bottom, c.pal.bad, 0.12)?;
                }
            }
        }

        for (k, party) in shown_principals.iter().enumerate() {
            let Some(pos) = p.position(&party.id, &issue.id) else {
                continue;
            };
            let color = c.pal.party(p.party_color(&party.id));
            let by0 = band_top + band_h * k as f64 + band_h * 0.15;
            let by1 = band_top + band_h * (k as f64 + 1.0) - band_h * 0.15;
            let (lo, hi) = pos.acceptable_range();
            c.rect(x_of(lo), by0, x_of(hi), by1, color, 0.42)?;
            if let Some(w) = pos.walk_away {
                // A red line is drawn heavier and in the alarm colour.
                let (t, tick) = if pos.red_line {
                    (4.0, c.pal.alarm)
                } else {
                    (1.5, color)
                };
                c.rect(
                    x_of(w) - t / 2.0,
                    by0 - 2.0,
                    x_of(w) + t / 2.0,
                    by1 + 2.0,
                    tick,
                    1.0,
                )?;
            }
            let cy = (by0 + by1) / 2.0;
            let r = ((by1 - by0) * 0.55).clamp(2.5, lbl * 0.45);
            if (pos.ideal() - pos.stance).abs() > 0.5 {
                c.marker(Shape::Diamond, x_of(pos.ideal()), cy, r, color, false)?;
            }
            c.circle(x_of(pos.stance), cy, r, color, true, 1.0)?;
            let mut tip = format!(
                "{} on {}: stance {}, ideal {}",
                party.name,
                issue.name,
                num(pos.stance, 1),
                num(pos.ideal(), 1)
            );
            match pos.walk_away {
                Some(w) => tip.push_str(&format!(
                    ", walk-away {}{}; accepts {}–{}",
                    num(w, 1),
                    if pos.red_line { " (red line)" } else { "" },
                    num(lo, 0),
                    num(hi, 0)
                )),
                None => tip.push_str(", no walk-away: accepts any outcome"),
            }
            layout.add([tx0, by0, tx1, by1], Some(&party.id), Some(&issue.id), tip);
        }

        // Outcome lines, as the legend says: median solid, mean dashed.
        if let Some(x) = ia {
            if let Some(md) = x.weighted_median {
                c.line(
                    x_of(md),
                    band_top - 3.0,
                    x_of(md),
                    band_bottom + 3.0,
                    c.pal.text,
                    2.0,
                )?;
            }
            if let Some(mn) = x.weighted_mean {
                c.dashed(
                    x_of(mn),
                    band_top - 3.0,
                    x_of(mn),
                    band_bottom + 3.0,
                    c.pal.text,
                    2.0,
                    4.0,
                )?;
            }
            let mut tip = format!("{}: ", issue.name);
            let mut parts = Vec::new();
            if let Some(md) = x.weighted_median {
                parts.push(format!("weighted median {}", num(md, 1)));
            }
            if let Some(mn) = x.weighted_mean {
                parts.push(format!("weighted mean {}", num(mn, 1)));
            }
            parts.push(format!(
                "outcome ({}) {}",
                match a.outcome_method {
                    OutcomeMethod::Median => "median",
                    OutcomeMethod::Mean => "mean",
                },
                x.outcome.map_or("none".to_owned(), |o| num(o, 1))
            ));
            tip.push_str(&parts.join(", "));
            if let Some(note) = &x.outcome_note {
                tip.push_str(&format!(" ({note})"));
            }
            layout.add([m, y, tx0, y + row_h], None, Some(&issue.id), tip);
        }
    }
    Ok(Body::Drawn)
}

/// Highest lower bound and lowest upper bound of the Principals' acceptable sets.
fn gap_bounds(
    p: &crate::model::Project,
    principals: &std::collections::HashSet<&str>,
    issue: &str,
) -> (f64, f64) {
    let mut lo: f64 = 0.0;
    let mut hi: f64 = 100.0;
    for pos in p.positions.iter().filter(|q| q.issue == issue) {
        if principals.contains(pos.party.as_str()) {
            let (a, b) = pos.acceptable_range();
            lo = lo.max(a);
            hi = hi.min(b);
        }
    }
    // With no ZOPA, lo > hi: the gap runs from hi up to lo.
    (hi.min(lo), lo.max(hi))
}

/// "0 · No ceasefire", "Full ceasefire · 100"; the number alone when the end has no label.
fn end_label(value: &str, label: &str, number_first: bool) -> String {
    match (label.trim(), number_first) {
        ("", _) => value.to_owned(),
        (l, true) => format!("{value} · {l}"),
        (l, false) => format!("{l} · {value}"),
    }
}
