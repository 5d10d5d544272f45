//! Draws a laid-out concession matrix (`layout::Matrix`) onto a canvas, and records where
//! each cell, row and column went for hover and click.

use super::layout::{BREACH_MARKS, Cell, Fill, Key, Matrix, POINTS_NOTE, Row};
use crate::canvas::{Align, Baseline, Canvas, Draw};
use crate::model::Project;
use crate::theme::Rgb;
use crate::{ChartLayout, matrix, num};
use plotters::prelude::DrawingBackend;

pub fn paint<DB: DrawingBackend>(
    c: &Canvas<'_, DB>,
    p: &Project,
    mx: &Matrix,
    layout: &mut ChartLayout,
) -> Draw {
    layout.omitted.extend(mx.omitted.iter().cloned());
    matrix::paint(c, p, &mx.columns, mx.label, layout)?;
    corner(c, mx)?;
    for (i, row) in mx.rows.iter().enumerate() {
        row_label(c, mx, i, row, layout)?;
        for cell in &row.cells {
            paint_cell(c, mx, row, cell, layout)?;
        }
    }
    totals(c, mx, layout)?;
    ramps(c, &mx.key, mx.max_move)?;
    breach_marks(c, &mx.key)
}

fn fill_color<DB: DrawingBackend>(c: &Canvas<'_, DB>, fill: Fill, max_move: f64) -> Rgb {
    match fill {
        Fill::Alarm => c.pal.alarm,
        Fill::Share(share) => c.pal.share(share),
        Fill::Pain(d) => c.pal.pain(d, max_move),
        Fill::Empty => c.pal.empty,
    }
}

/// What the row label column (and the outcome column, when it has one) holds.
fn corner<DB: DrawingBackend>(c: &Canvas<'_, DB>, mx: &Matrix) -> Draw {
    let (m, small, y) = (mx.margin, mx.small, mx.grid_y - mx.small * 0.6);
    let ink = c.pal.muted;
    if mx.two_line_rows {
        let text = "Issue · predicted outcome";
        c.text(text, m, y, small, ink, Align::Start, Baseline::Bottom)
    } else {
        c.text("Issue", m, y, small, ink, Align::Start, Baseline::Bottom)?;
        let x = mx.grid_x - mx.label * 0.5;
        c.text("Outcome", x, y, small, ink, Align::End, Baseline::Bottom)
    }
}

/// A row's band (every other row), the issue's name and its predicted outcome.
fn row_label<DB: DrawingBackend>(
    c: &Canvas<'_, DB>,
    mx: &Matrix,
    i: usize,
    row: &Row,
    layout: &mut ChartLayout,
) -> Draw {
    let (m, y, row_h, label, small) = (mx.margin, row.y, mx.row_h, mx.label, mx.small);
    if i % 2 == 1 {
        c.rect(m, y, mx.grid_x, y + row_h, c.pal.panel, 1.0)?;
    }
    let outcome_color = if row.has_outcome {
        c.pal.muted
    } else {
        c.pal.bad
    };
    let (ink, x) = (c.pal.text, m + 4.0);
    if mx.two_line_rows {
        let y_name = y + row_h / 2.0 - label * 0.1;
        c.text(
            &row.name,
            x,
            y_name,
            label,
            ink,
            Align::Start,
            Baseline::Bottom,
        )?;
        c.text(
            &row.outcome,
            x,
            y + row_h / 2.0 + label * 0.15,
            small.min(label),
            outcome_color,
            Align::Start,
            Baseline::Top,
        )?;
    } else {
        let cy = y + row_h / 2.0;
        c.text(&row.name, x, cy, label, ink, Align::Start, Baseline::Center)?;
        let x = mx.grid_x - label * 0.5;
        c.text(
            &row.short,
            x,
            cy,
            label,
            outcome_color,
            Align::End,
            Baseline::Center,
        )?;
    }
    let rect = [m, y, mx.grid_x, y + row_h];
    layout.add(rect, None, Some(&row.issue.id), row.tooltip.clone());
    Ok(())
}

/// A cell: its fill, its frame when breached, its number; a dot where there is no position.
fn paint_cell<DB: DrawingBackend>(
    c: &Canvas<'_, DB>,
    mx: &Matrix,
    row: &Row,
    cell: &Cell,
    layout: &mut ChartLayout,
) -> Draw {
    let [x0, y0, x1, y1] = cell.rect;
    let (cx, cy, label) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0, mx.label);
    match &cell.value {
        None => {
            c.rect(x0, y0, x1, y1, c.pal.empty, 1.0)?;
            let ink = c.pal.grid;
            c.text("·", cx, cy, label, ink, Align::Middle, Baseline::Center)?;
        }
        Some(v) => {
            let fill = fill_color(c, v.fill, mx.max_move);
            c.rect(x0, y0, x1, y1, fill, 1.0)?;
            if let Some(t) = v.frame {
                // Framed in the chart's text colour, which stands out from the background
                // whatever the cell's fill (the ink on a red cell is white, like the page).
                c.frame(x0, y0, x1, y1, c.pal.text, t)?;
            }
            let ink = c.pal.ink_on(fill);
            c.text(&v.text, cx, cy, label, ink, Align::Middle, Baseline::Center)?;
        }
    }
    let (party, issue) = (Some(cell.party.id.as_str()), Some(row.issue.id.as_str()));
    layout.add(cell.rect, party, issue, cell.tooltip.clone());
    Ok(())
}

/// Total pain per party, with its breaches under it.
fn totals<DB: DrawingBackend>(c: &Canvas<'_, DB>, mx: &Matrix, layout: &mut ChartLayout) -> Draw {
    let t = &mx.totals;
    let (m, label, small, col_w) = (mx.margin, mx.label, mx.small, mx.col_w);
    let (y, total_h) = (t.y, t.h);
    c.line(m, t.rule_y, t.rule_x1, t.rule_y, c.pal.text, 1.0)?;
    let (ink, cy) = (c.pal.text, y + total_h / 2.0);
    c.text(
        "Total pain",
        m + 4.0,
        cy,
        label,
        ink,
        Align::Start,
        Baseline::Center,
    )?;
    for total in &t.cells {
        let cx = total.x + col_w / 2.0;
        if let Some(b) = &total.breaches {
            c.text(
                &total.pain,
                cx,
                cy,
                label,
                ink,
                Align::Middle,
                Baseline::Bottom,
            )?;
            let (y, bad) = (y + total_h / 2.0 + 1.0, c.pal.bad);
            c.text(b, cx, y, small, bad, Align::Middle, Baseline::Top)?;
        } else {
            c.text(
                &total.pain,
                cx,
                cy,
                label,
                ink,
                Align::Middle,
                Baseline::Center,
            )?;
        }
        let rect = [total.x, y, total.x + col_w, y + total_h];
        layout.add(rect, Some(&total.party.id), None, total.tooltip.clone());
    }
    Ok(())
}

/// The key's explanation, the share ramp with its three anchors and the points ramp.
fn ramps<DB: DrawingBackend>(c: &Canvas<'_, DB>, key: &Key, max_move: f64) -> Draw {
    let (x, small, h, ink) = (c.margin(), c.font(11.0), key.h, c.pal.text);
    c.text(
        "Cell and colour: the share of the party's room (its ideal 0%, its walk-away 100%) \
         the outcome uses; with no walk-away, the points it must move",
        x,
        key.y,
        small,
        c.pal.muted,
        Align::Start,
        Baseline::Top,
    )?;
    let (y, ramp_w) = (key.ramp_y, key.ramp_w);
    let steps = 30;
    for s in 0..steps {
        let t0 = s as f64 / steps as f64;
        c.rect(
            x + ramp_w * t0,
            y,
            x + ramp_w * (t0 + 1.0 / steps as f64) + 0.5,
            y + h,
            c.pal.share(t0 * 1.5),
            1.0,
        )?;
    }
    let ty = y + h + 2.0;
    c.text("0% ideal", x, ty, small, ink, Align::Start, Baseline::Top)?;
    let walk_away = x + ramp_w * 2.0 / 3.0;
    c.line(walk_away, y - 2.0, walk_away, y + h + 2.0, ink, 1.0)?;
    // Ending at its mark, so it never runs into "150%+" at the ramp's end.
    let wx = walk_away + small * 0.3;
    c.text(
        "100% walk-away",
        wx,
        ty,
        small,
        ink,
        Align::End,
        Baseline::Top,
    )?;
    c.text(
        "150%+",
        x + ramp_w,
        ty,
        small,
        ink,
        Align::End,
        Baseline::Top,
    )?;
    // Pain ramp.
    let (x, pw) = (key.points_x, key.points_w);
    for s in 0..12 {
        let t = s as f64 / 12.0;
        c.rect(
            x + pw * t,
            y,
            x + pw * (t + 1.0 / 12.0) + 0.5,
            y + h,
            c.pal.pain(t * max_move, max_move),
            1.0,
        )?;
    }
    c.text("0", x, ty, small, ink, Align::Start, Baseline::Top)?;
    let end = format!("{} pt", num(max_move, 0));
    c.text(&end, x + pw, ty, small, ink, Align::End, Baseline::Top)?;
    let cy = y + h / 2.0;
    c.text(
        POINTS_NOTE,
        key.note_x,
        cy,
        small,
        ink,
        Align::Start,
        Baseline::Center,
    )
}

/// The two breach marks, drawn as in the cells: a filled, framed swatch with its sign.
fn breach_marks<DB: DrawingBackend>(c: &Canvas<'_, DB>, key: &Key) -> Draw {
    let (small, h) = (c.font(11.0), key.h);
    let styles = [
        (c.pal.bad, 1.0, 1.5, "×", c.pal.text),
        (c.pal.alarm, 2.0, 2.0, "!", c.pal.alarm),
    ];
    for ((fill, pad, frame, sign, label_color), (label, &(x, y, lx))) in
        styles.into_iter().zip(BREACH_MARKS.iter().zip(&key.marks))
    {
        c.rect(x, y - pad, x + small * 2.6, y + h + pad, fill, 1.0)?;
        c.frame(x, y - pad, x + small * 2.6, y + h + pad, c.pal.text, frame)?;
        let (ink, cy) = (c.pal.ink_on(fill), y + h / 2.0);
        c.text(
            sign,
            x + small * 1.3,
            cy,
            small,
            ink,
            Align::Middle,
            Baseline::Center,
        )?;
        c.text(
            label,
            lx,
            cy,
            small,
            label_color,
            Align::Start,
            Baseline::Center,
        )?;
    }
    Ok(())
}
