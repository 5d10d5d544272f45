//! Draws a laid-out simulation chart (`layout::Sim`) onto a canvas, and records a hover
//! column per round of each panel.

use super::layout::{KeyKind, Panel, Plot, Sim};
use crate::canvas::{Align, Baseline, Canvas, Draw};
use crate::model::Project;
use crate::{ChartLayout, num};
use plotters::prelude::DrawingBackend;

pub fn paint<DB: DrawingBackend>(
    c: &Canvas<'_, DB>,
    p: &Project,
    sim: &Sim,
    layout: &mut ChartLayout,
) -> Draw {
    layout.omitted.extend(sim.omitted.iter().cloned());
    key(c, p, sim)?;
    for panel in &sim.panels {
        paint_panel(c, p, sim, panel, layout)?;
    }
    Ok(())
}

fn key<DB: DrawingBackend>(c: &Canvas<'_, DB>, p: &Project, sim: &Sim) -> Draw {
    let small = sim.small;
    let swatch = small * 1.6;
    for e in &sim.key {
        let (x, ly) = (e.x, e.y);
        match e.kind {
            KeyKind::Party(id) => {
                let color = c.pal.party(p.party_color(id));
                c.line(x, ly, x + swatch, ly, color, 2.5)?;
            }
            KeyKind::Mean => c.dashed(x, ly, x + swatch, ly, c.pal.text, 1.5, 4.0)?,
            KeyKind::Median => {
                let color = c.pal.text.mix(c.pal.background, 0.25);
                c.line(x, ly, x + swatch, ly, color, 5.0)?
            }
        }
        let (tx, ink) = (x + swatch + small * 0.4, c.pal.text);
        c.text(&e.name, tx, ly, small, ink, Align::Start, Baseline::Center)?;
    }
    Ok(())
}

/// A panel's title, ending and plot.
fn paint_panel<DB: DrawingBackend>(
    c: &Canvas<'_, DB>,
    p: &Project,
    sim: &Sim,
    panel: &Panel,
    layout: &mut ChartLayout,
) -> Draw {
    let (label, small) = (sim.label, sim.small);
    let [x0, y0, x1, _] = panel.rect;
    let gap = small * 1.2;
    let ink = c.pal.text;
    c.text(
        &panel.title,
        x0,
        y0,
        label,
        ink,
        Align::Start,
        Baseline::Top,
    )?;
    let (x, y, ink) = (x1 - gap, y0 + (label - small) / 2.0, c.pal.muted);
    c.text(panel.ending, x, y, small, ink, Align::End, Baseline::Top)?;
    let Some(plot) = &panel.plot else {
        return Ok(());
    };
    axes(c, plot, small)?;
    // The median first, wide, so that the party holding it still shows on top of it.
    if plot.median.len() > 1 {
        let color = c.pal.text.mix(c.pal.background, 0.25);
        c.polyline(&plot.median, color, 5.0)?;
    }
    for (index, points) in &plot.lines {
        c.polyline(points, c.pal.party(p.party_color_at(*index)), 2.0)?;
    }
    for &[x0, y0, x1, y1] in &plot.means {
        c.dashed(x0, y0, x1, y1, c.pal.text, 1.5, 4.0)?;
    }
    for (rect, tip) in &plot.hover {
        layout.add(*rect, None, Some(&panel.run.issue), tip.clone());
    }
    Ok(())
}

/// The plot's box, its stance grid and the rounds under it.
fn axes<DB: DrawingBackend>(c: &Canvas<'_, DB>, plot: &Plot, small: f64) -> Draw {
    let (px0, px1, py0, py1) = (plot.px0, plot.px1, plot.py0, plot.py1);
    let muted = c.pal.muted;
    c.rect(px0, py0, px1, py1, c.pal.panel, 1.0)?;
    let (lo, hi) = (plot.lo, plot.hi);
    for v in [lo, (lo + hi) / 2.0, hi] {
        let y = plot.y(v);
        c.line(px0, y, px1, y, c.pal.grid, 1.0)?;
        let x = px0 - small * 0.4;
        c.text(&num(v, 1), x, y, small, muted, Align::End, Baseline::Center)?;
    }
    for &r in &plot.x_ticks {
        let (x, y) = (plot.x(r), py1 + small * 0.3);
        c.text(
            &r.to_string(),
            x,
            y,
            small,
            muted,
            Align::Middle,
            Baseline::Top,
        )?;
    }
    let (x, y) = ((px0 + px1) / 2.0, py1 + small * 1.4);
    c.text("round", x, y, small, muted, Align::Middle, Baseline::Top)
}
