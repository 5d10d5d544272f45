//! Draws a laid-out leverage matrix (`layout::Leverage`) onto a canvas, and records where
//! each holder, target and pair went for hover.

use super::alternatives;
use super::layout::{Cell, Leverage, Mark, Numbers, Row};
use crate::canvas::{Align, Baseline, Canvas, Draw};
use crate::model::{LeverageKind, Project};
use crate::theme::Rgb;
use crate::{ChartLayout, matrix};
use plotters::prelude::DrawingBackend;

pub fn kind_color(c: &Canvas<'_, impl DrawingBackend>, kind: LeverageKind) -> Rgb {
    match kind {
        LeverageKind::Carrot => c.pal.good,
        LeverageKind::Stick => c.pal.bad,
        LeverageKind::Alternative => c.pal.muted,
    }
}

pub fn paint<DB: DrawingBackend>(
    c: &Canvas<'_, DB>,
    p: &Project,
    lv: &Leverage,
    layout: &mut ChartLayout,
) -> Draw {
    layout.omitted.extend(lv.omitted.iter().cloned());
    key(c, lv)?;
    let (m, small, muted) = (lv.margin, lv.small, c.pal.muted);
    for (text, y) in &lv.corner {
        c.text(text, m, *y, small, muted, Align::Start, Baseline::Bottom)?;
    }
    matrix::paint(c, p, &lv.columns, lv.label, layout)?;
    for row in &lv.rows {
        holder(c, p, lv, row, layout)?;
        for cell in &row.cells {
            paint_cell(c, lv, row, cell, layout)?;
        }
    }
    alternatives::paint(c, p, &lv.panel, layout)
}

/// The kinds' colours under the title, then what the bars mean.
fn key<DB: DrawingBackend>(c: &Canvas<'_, DB>, lv: &Leverage) -> Draw {
    let (top, small) = (lv.key_y, lv.small);
    let cy = top + small / 2.0;
    for &(kind, sx, tx) in &lv.kinds {
        c.rect(
            sx,
            top,
            sx + small * 1.6,
            top + small,
            kind_color(c, kind),
            1.0,
        )?;
        let ink = c.pal.text;
        c.text(
            kind.label(),
            tx,
            cy,
            small,
            ink,
            Align::Start,
            Baseline::Center,
        )?;
    }
    let ((note, x), ink) = (&lv.note, c.pal.muted);
    c.text(note, *x, cy, small, ink, Align::Start, Baseline::Center)
}

/// A holder's colour, name and hover region.
fn holder<DB: DrawingBackend>(
    c: &Canvas<'_, DB>,
    p: &Project,
    lv: &Leverage,
    row: &Row,
    layout: &mut ChartLayout,
) -> Draw {
    let (m, y, row_h, label) = (lv.margin, row.y, lv.row_h, lv.label);
    let color = c.pal.party(p.party_color(&row.holder.id));
    c.rect(m, y + row_h * 0.2, m + 4.0, y + row_h * 0.8, color, 1.0)?;
    let (cy, ink) = (y + row_h / 2.0, c.pal.text);
    c.text(
        &row.name,
        m + 10.0,
        cy,
        label,
        ink,
        Align::Start,
        Baseline::Center,
    )?;
    let tip = format!("Holder: {}", row.holder.name);
    layout.add(
        [m, y, lv.grid_x, y + row_h],
        Some(&row.holder.id),
        None,
        tip,
    );
    Ok(())
}

fn paint_cell<DB: DrawingBackend>(
    c: &Canvas<'_, DB>,
    lv: &Leverage,
    row: &Row,
    cell: &Cell,
    layout: &mut ChartLayout,
) -> Draw {
    let [x0, y0, x1, y1] = cell.rect;
    if let Mark::Own = cell.mark {
        return c.rect(x0, y0, x1, y1, c.pal.panel, 0.6);
    }
    c.rect(x0, y0, x1, y1, c.pal.panel, 1.0)?;
    if let Some(tip) = &cell.tooltip {
        layout.add(cell.rect, Some(&row.holder.id), None, tip.clone());
    }
    let (label, small) = (lv.label, lv.small);
    let Mark::Bars {
        bars,
        y0: b0,
        y1: b1,
        text,
    } = &cell.mark
    else {
        let (cx, cy, ink) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0, c.pal.grid);
        return c.text("—", cx, cy, small, ink, Align::Middle, Baseline::Center);
    };
    for &(kind, bx0, bx1) in bars {
        c.rect(bx0, *b0, bx1, *b1, kind_color(c, kind), 1.0)?;
    }
    match text {
        Numbers::TwoLines {
            x,
            y_top,
            y_bottom,
            pressure,
            net,
            gives,
        } => {
            let ink = c.pal.text;
            c.text(
                pressure,
                *x,
                *y_top,
                label,
                ink,
                Align::Start,
                Baseline::Top,
            )?;
            let ink = if *gives { c.pal.text } else { c.pal.muted };
            c.text(
                net,
                *x,
                *y_bottom,
                small,
                ink,
                Align::Start,
                Baseline::Bottom,
            )
        }
        Numbers::OneLine { x, y, text } => {
            let ink = c.pal.text;
            c.text(text, *x, *y, small, ink, Align::Start, Baseline::Bottom)
        }
    }
}
