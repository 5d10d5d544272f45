//! Draws a laid-out ZOPA chart (`layout::Zopa`) onto a canvas, and records where each
//! Principal's band and each issue's name went for hover.

use super::layout::{Band, Item, Key, Row, Zopa};
use crate::canvas::{Align, Baseline, Canvas, Draw, Shape};
use crate::model::Project;
use crate::{ChartLayout, num};
use plotters::prelude::DrawingBackend;

/// The grid lines' values, shared by every track.
const GRID: [f64; 5] = [0.0, 25.0, 50.0, 75.0, 100.0];

pub fn paint<DB: DrawingBackend>(
    c: &Canvas<'_, DB>,
    p: &Project,
    z: &Zopa,
    layout: &mut ChartLayout,
) -> Draw {
    key(c, p, &z.key)?;
    layout.omitted.extend(z.omitted.iter().cloned());
    // The values of the grid lines, once for all issues (they share the 0-100 scale).
    if let Some(y) = z.scale_y {
        for v in GRID {
            let align = match v {
                0.0 => Align::Start,
                100.0 => Align::End,
                _ => Align::Middle,
            };
            let (small, ink) = (z.small, c.pal.muted);
            c.text(&num(v, 0), z.x(v), y, small, ink, align, Baseline::Bottom)?;
        }
    }
    for (i, row) in z.rows.iter().enumerate() {
        track(c, z, i, row)?;
        for band in &row.bands {
            paint_band(c, p, z, row, band, layout)?;
        }
        outcome(c, z, row, layout)?;
    }
    Ok(())
}

/// The key: the Principals' colours, the markers, the ZOPA and the outcome lines.
fn key<DB: DrawingBackend>(c: &Canvas<'_, DB>, p: &Project, key: &Key) -> Draw {
    let (top, small, ink) = (key.y, c.font(11.0), c.pal.text);
    let y = top + small / 2.0;
    for &(party, lx) in &key.parties {
        let color = c.pal.party(p.party_color(&party.id));
        let (y0, y1) = (top + small * 0.15, top + small * 0.95);
        c.rect(lx, y0, lx + small * 1.6, y1, color, 0.45)?;
        let x = lx + small * 2.0;
        c.text(
            &party.name,
            x,
            y,
            small,
            ink,
            Align::Start,
            Baseline::Center,
        )?;
    }
    for &(item, lx, x) in &key.items {
        let mx = lx + small * 0.5;
        match item {
            Item::Stance => c.circle(mx, y, small * 0.35, ink, true, 1.0)?,
            Item::Ideal => c.marker(Shape::Diamond, mx, y, small * 0.38, ink, false)?,
            Item::Zopa => c.rect(lx, top, lx + small * 1.2, top + small, c.pal.zopa, 0.3)?,
            Item::RedLine => {
                let x0 = lx + small * 0.3;
                c.rect(x0, top - 1.0, x0 + 4.0, top + small + 1.0, c.pal.alarm, 1.0)?
            }
            Item::Median => c.line(mx, top - 2.0, mx, top + small + 2.0, ink, 2.0)?,
            Item::Mean => c.dashed(mx, top - 2.0, mx, top + small + 2.0, ink, 2.0, 3.0)?,
        }
        c.text(
            item.label(),
            x,
            y,
            small,
            ink,
            Align::Start,
            Baseline::Center,
        )?;
    }
    Ok(())
}

/// A track's band (every other row), name column, scale with its ends, and the ZOPA or
/// the gap.
fn track<DB: DrawingBackend>(c: &Canvas<'_, DB>, z: &Zopa, i: usize, row: &Row) -> Draw {
    let (m, y, lbl, ends) = (z.margin, row.y, z.lbl, z.ends);
    let (band_top, band_bottom) = (row.band_top, row.band_bottom);
    if i % 2 == 1 {
        c.rect(m, y, c.w - m, y + z.row_h, c.pal.panel, 1.0)?;
    }
    // Left column: the name, then the ZOPA or the gap.
    let mid = (band_top + band_bottom) / 2.0;
    let ink = c.pal.text;
    let ny = mid - lbl * 0.05;
    c.text(
        &row.name,
        m + 4.0,
        ny,
        lbl,
        ink,
        Align::Start,
        Baseline::Bottom,
    )?;
    let ink = if row.bad { c.pal.bad } else { c.pal.muted };
    let sy = mid + lbl * 0.1;
    c.text(
        &row.status,
        m + 4.0,
        sy,
        ends,
        ink,
        Align::Start,
        Baseline::Top,
    )?;

    // Scale and ends.
    let (tx0, tx1) = (z.tx0, z.tx1);
    c.line(tx0, band_bottom, tx1, band_bottom, c.pal.grid, 1.0)?;
    for v in GRID {
        c.line(z.x(v), band_top, z.x(v), band_bottom + 2.0, c.pal.grid, 1.0)?;
    }
    let (ey, ink) = (band_bottom + 2.0, c.pal.muted);
    c.text(&row.low, tx0, ey, ends, ink, Align::Start, Baseline::Top)?;
    c.text(&row.high, tx1, ey, ends, ink, Align::End, Baseline::Top)?;

    if let Some((lo, hi)) = row.zopa {
        let x1 = z.x(hi).max(z.x(lo) + 2.0);
        c.rect(z.x(lo), band_top, x1, band_bottom, c.pal.zopa, 0.28)?;
    } else if let Some((lo, hi)) = row.gap {
        c.rect(z.x(lo), band_top, z.x(hi), band_bottom, c.pal.bad, 0.12)?;
    }
    Ok(())
}

/// A Principal's acceptable range, walk-away tick, ideal and stance.
fn paint_band<DB: DrawingBackend>(
    c: &Canvas<'_, DB>,
    p: &Project,
    z: &Zopa,
    row: &Row,
    band: &Band,
    layout: &mut ChartLayout,
) -> Draw {
    let color = c.pal.party(p.party_color(&band.party.id));
    let (by0, by1, r) = (band.y0, band.y1, band.r);
    let (lo, hi) = band.range;
    c.rect(z.x(lo), by0, z.x(hi), by1, color, 0.42)?;
    if let Some((w, red_line)) = band.walk_away {
        // A red line is drawn heavier and in the alarm colour.
        let (t, tick) = if red_line {
            (4.0, c.pal.alarm)
        } else {
            (1.5, color)
        };
        let x = z.x(w);
        c.rect(x - t / 2.0, by0 - 2.0, x + t / 2.0, by1 + 2.0, tick, 1.0)?;
    }
    let cy = (by0 + by1) / 2.0;
    if let Some(ideal) = band.ideal {
        c.marker(Shape::Diamond, z.x(ideal), cy, r, color, false)?;
    }
    c.circle(z.x(band.stance), cy, r, color, true, 1.0)?;
    let (party, issue) = (Some(band.party.id.as_str()), Some(row.issue.id.as_str()));
    layout.add([z.tx0, by0, z.tx1, by1], party, issue, band.tooltip.clone());
    Ok(())
}

/// Outcome lines, as the key says: median solid, mean dashed.
fn outcome<DB: DrawingBackend>(
    c: &Canvas<'_, DB>,
    z: &Zopa,
    row: &Row,
    layout: &mut ChartLayout,
) -> Draw {
    let (y0, y1, ink) = (row.band_top - 3.0, row.band_bottom + 3.0, c.pal.text);
    if let Some(md) = row.median {
        c.line(z.x(md), y0, z.x(md), y1, ink, 2.0)?;
    }
    if let Some(mn) = row.mean {
        c.dashed(z.x(mn), y0, z.x(mn), y1, ink, 2.0, 4.0)?;
    }
    if let Some(tip) = &row.tooltip {
        let rect = [z.margin, row.y, z.tx0, row.y + z.row_h];
        layout.add(rect, None, Some(&row.issue.id), tip.clone());
    }
    Ok(())
}
