//! Simulation chart: per issue, every party's position round by round under the
//! expected-utility bargaining model (one line per party in its colour), with the weighted
//! median (solid) and mean (dashed) of each round; small multiples, one panel per issue.

use super::canvas::{Align, Baseline, Canvas, Measure};
use super::frame::{self, Body};
use super::{Chart, ChartError, ChartInput, ChartLayout, MAX_PARTIES, num};
use crate::sim_model::{IssueRun, Simulation};
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};

/// The most issue panels one chart shows.
pub const MAX_PANELS: usize = 12;

/// Draw `sim` (a simulation of `input.view`) filling `area`, with the header every chart
/// has: the app's path, which simulates off the UI thread.
pub fn draw_with<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    input: &ChartInput,
    sim: &Simulation,
) -> Result<ChartLayout, ChartError> {
    frame::draw(area, input, Chart::Simulation, |c, top, layout| {
        draw(c, top, input, sim, layout)
    })
}

/// Draw `sim` (a simulation of `input.view`): all its issues, or only `options.issue`.
/// Each panel has one region per round for hover, tagged with the issue.
pub fn draw<DB: DrawingBackend>(
    c: &Canvas<'_, DB>,
    top: f64,
    input: &ChartInput,
    sim: &Simulation,
    layout: &mut ChartLayout,
) -> Result<Body, ChartError> {
    let p = &input.view.project;
    let chosen = input.options.issue.as_deref();
    let runs: Vec<&IssueRun> = sim
        .issues
        .iter()
        .filter(|r| chosen.is_none_or(|id| r.issue == id))
        .filter(|r| !r.parties.is_empty())
        .collect();
    if runs.is_empty() {
        return Ok(Body::empty(top, "No issue has positions to simulate."));
    }
    let shown = &runs[..runs.len().min(MAX_PANELS)];
    if runs.len() > shown.len() {
        layout
            .omitted
            .push(format!("+{} issues not shown", runs.len() - shown.len()));
    }
    let m = c.margin();
    let small = c.font(11.0);
    let label = c.font(12.5);

    // Legend: the parties of the panels shown, in party order, then median and mean.
    let in_shown: std::collections::HashSet<&str> = shown
        .iter()
        .flat_map(|r| r.parties.iter().map(String::as_str))
        .collect();
    let parties: Vec<&crate::model::Party> = p
        .parties
        .iter()
        .filter(|party| in_shown.contains(party.id.as_str()))
        .collect();
    let listed = parties.len().min(MAX_PARTIES);
    if parties.len() > listed {
        layout.omitted.push(format!(
            "+{} parties drawn but not in the legend",
            parties.len() - listed
        ));
    }
    let swatch = small * 1.6;
    let mut entries: Vec<(String, Option<&str>)> = parties[..listed]
        .iter()
        .map(|party| (party.name.clone(), Some(party.id.as_str())))
        .collect();
    entries.push(("weighted median".to_owned(), None));
    entries.push(("weighted mean".to_owned(), None));
    let (mut x, mut y) = (m, top + small / 2.0);
    for (i, (name, id)) in entries.iter().enumerate() {
        let w = swatch + small * 0.4 + c.measure(name, small);
        if x > m && x + w > c.w - m {
            x = m;
            y += small * 1.5;
        }
        let ly = y;
        match id {
            Some(id) => {
                let color = c.pal.party(p.party_color(id));
                c.line(x, ly, x + swatch, ly, color, 2.5)?;
            }
            None if i + 1 == entries.len() => {
                c.dashed(x, ly, x + swatch, ly, c.pal.text, 1.5, 4.0)?;
            }
            None => c.line(
                x,
                ly,
                x + swatch,
                ly,
                c.pal.text.mix(c.pal.background, 0.25),
                5.0,
            )?,
        }
        c.text(
            name,
            x + swatch + small * 0.4,
            ly,
            small,
            c.pal.text,
            Align::Start,
            Baseline::Center,
        )?;
        x += w + small * 1.4;
    }
    let top = y + small * 1.6;
    let footer = if layout.omitted.is_empty() {
        0.0
    } else {
        small * 1.6
    };
    let bottom = c.h - m - footer;

    // Panels in a grid about as wide as tall each.
    let n = shown.len();
    let body_w = c.w - 2.0 * m;
    let body_h = (bottom - top).max(1.0);
    let cols = (1..=n)
        .min_by_key(|&cols| {
            let rows = n.div_ceil(cols);
            let aspect = (body_w / cols as f64) / (body_h / rows as f64);
            ((aspect.ln().abs()) * 1000.0) as i64
        })
        .unwrap_or(1);
    let rows = n.div_ceil(cols);
    let cell_w = body_w / cols as f64;
    let cell_h = body_h / rows as f64;
    for (k, run) in shown.iter().enumerate() {
        let x0 = m + cell_w * (k % cols) as f64;
        let y0 = top + cell_h * (k / cols) as f64;
        panel(
            c,
            layout,
            input,
            run,
            [x0, y0, x0 + cell_w, y0 + cell_h],
            label,
            small,
        )?;
    }
    Ok(Body::Drawn)
}

/// One issue's panel in `rect` (`[x0, y0, x1, y1]`).
fn panel<DB: DrawingBackend>(
    c: &Canvas<DB>,
    layout: &mut ChartLayout,
    input: &ChartInput,
    run: &IssueRun,
    rect: [f64; 4],
    label: f64,
    small: f64,
) -> Result<(), ChartError> {
    let p = &input.view.project;
    let [x0, y0, x1, y1] = rect;
    let gap = small * 1.2;
    let name = p
        .issue(&run.issue)
        .map_or(run.issue.as_str(), |i| i.name.as_str());
    let ending = run.ending().label();
    let ending_w = c.measure(ending, small);
    c.text(
        &c.fit(name, label, x1 - x0 - gap - ending_w - small),
        x0,
        y0,
        label,
        c.pal.text,
        Align::Start,
        Baseline::Top,
    )?;
    c.text(
        ending,
        x1 - gap,
        y0 + (label - small) / 2.0,
        small,
        c.pal.muted,
        Align::End,
        Baseline::Top,
    )?;
    let axis_w = c.measure("100", small) + small * 0.5;
    let (px0, px1) = (x0 + axis_w, x1 - gap);
    let (py0, py1) = (y0 + label * 1.6, y1 - small * 2.4 - gap * 0.5);
    if px1 - px0 < 20.0 || py1 - py0 < 20.0 {
        return Ok(());
    }
    c.rect(px0, py0, px1, py1, c.pal.panel, 1.0)?;
    let rounds = run.rounds.len().saturating_sub(1).max(1);
    let x_of = |r: usize| px0 + (px1 - px0) * r as f64 / rounds as f64;
    let (lo, hi) = y_range(run);
    let y_of = |v: f64| py1 - (py1 - py0) * ((v.clamp(lo, hi) - lo) / (hi - lo));
    for v in [lo, (lo + hi) / 2.0, hi] {
        c.line(px0, y_of(v), px1, y_of(v), c.pal.grid, 1.0)?;
        c.text(
            &num(v, 1),
            px0 - small * 0.4,
            y_of(v),
            small,
            c.pal.muted,
            Align::End,
            Baseline::Center,
        )?;
    }
    let step = (rounds as f64 / ((px1 - px0) / (small * 3.0)).max(1.0))
        .ceil()
        .max(1.0) as usize;
    for r in (0..=rounds).step_by(step) {
        c.text(
            &r.to_string(),
            x_of(r),
            py1 + small * 0.3,
            small,
            c.pal.muted,
            Align::Middle,
            Baseline::Top,
        )?;
    }
    c.text(
        "round",
        (px0 + px1) / 2.0,
        py1 + small * 1.4,
        small,
        c.pal.muted,
        Align::Middle,
        Baseline::Top,
    )?;
    // The median first, wide, so that the party holding it still shows on top of it.
    let median: Vec<(f64, f64)> = run
        .rounds
        .iter()
        .enumerate()
        .filter_map(|(r, round)| round.median.map(|v| (x_of(r), y_of(v))))
        .collect();
    if median.len() > 1 {
        c.polyline(&median, c.pal.text.mix(c.pal.background, 0.25), 5.0)?;
    }
    // One line per party; parties that share a position are spread by a pixel or two so
    // that each stays visible.
    let n = run.parties.len();
    let mut index: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (k, party) in p.parties.iter().enumerate() {
        index.entry(party.id.as_str()).or_insert(k);
    }
    for (i, id) in run.parties.iter().enumerate() {
        let color = c
            .pal
            .party(p.party_color_at(index.get(id.as_str()).copied().unwrap_or(0)));
        let offset = (i as f64 - (n as f64 - 1.0) / 2.0) * (1.2f64).min(6.0 / n as f64);
        let points: Vec<(f64, f64)> = run
            .rounds
            .iter()
            .enumerate()
            .map(|(r, round)| (x_of(r), y_of(round.positions[i]) + offset))
            .collect();
        c.polyline(&points, color, 2.0)?;
    }
    for (r, pair) in run.rounds.windows(2).enumerate() {
        if let (Some(a), Some(b)) = (pair[0].mean, pair[1].mean) {
            c.dashed(x_of(r), y_of(a), x_of(r + 1), y_of(b), c.pal.text, 1.5, 4.0)?;
        }
    }
    // Hover: one column per round.
    let half = (px1 - px0) / rounds as f64 / 2.0;
    for (r, round) in run.rounds.iter().enumerate() {
        let show = |v: Option<f64>| v.map_or_else(|| "none".to_owned(), |v| num(v, 1));
        let moves = if round.moves.is_empty() {
            if r == 0 {
                "the starting positions".to_owned()
            } else {
                "nobody moves".to_owned()
            }
        } else {
            format!(
                "{} move{}",
                round.moves.len(),
                if round.moves.len() == 1 { "" } else { "s" }
            )
        };
        layout.add(
            [
                (x_of(r) - half).max(px0),
                py0,
                (x_of(r) + half).min(px1),
                py1,
            ],
            None,
            Some(&run.issue),
            format!(
                "{name} · round {r}: median {}, mean {}; {moves}",
                show(round.median),
                show(round.mean)
            ),
        );
    }
    Ok(())
}

/// The stance range a panel shows: the whole 0..100 scale, or, when every position of the
/// run stays within a narrow band (an imported table on a small scale), that band with a
/// margin, on multiples of 5, so that the moves can be seen.
fn y_range(run: &IssueRun) -> (f64, f64) {
    let all = run.rounds.iter().flat_map(|r| r.positions.iter().copied());
    let (min, max) = all.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
        (a.min(v), b.max(v))
    });
    if !(min.is_finite() && max.is_finite()) || max - min >= 40.0 {
        return (0.0, 100.0);
    }
    let pad = ((max - min) * 0.15).max(2.0);
    let lo = (((min - pad) / 5.0).floor() * 5.0).max(0.0);
    let hi = (((max + pad) / 5.0).ceil() * 5.0).min(100.0);
    if hi > lo { (lo, hi) } else { (0.0, 100.0) }
}
