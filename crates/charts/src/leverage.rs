//! Leverage chart: who can press whom. A holder x target matrix of pressure (strength x
//! credibility, withdrawn items left out) split into carrots, sticks and alternatives, with
//! the net balance per pair, and beside it each holder's alternatives (its BATNA).

use super::canvas::{Align, Baseline, Canvas, Measure};
use super::frame::Body;
use super::theme::Rgb;
use super::{ChartError, ChartInput, ChartLayout, MAX_PARTIES, num};
use crate::model::{LeverageKind, LeverageStatus, Project};
use plotters::prelude::DrawingBackend;

/// Carrot, stick and alternative pressure of one holder on one target.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Split {
    carrot: f64,
    stick: f64,
    alternative: f64,
}

impl Split {
    fn total(&self) -> f64 {
        self.carrot + self.stick + self.alternative
    }
}

fn split(project: &Project, holder: &str, target: &str) -> (Split, Vec<String>) {
    let mut s = Split::default();
    let mut items = Vec::new();
    for l in project.leverage.iter().filter(|l| {
        l.holder == holder && l.target == target && l.status != LeverageStatus::Withdrawn
    }) {
        let p = l.strength * l.credibility;
        match l.kind {
            LeverageKind::Carrot => s.carrot += p,
            LeverageKind::Stick => s.stick += p,
            LeverageKind::Alternative => s.alternative += p,
        }
        items.push(format!(
            "{}: {} ({}, {} × {} = {})",
            l.kind.label(),
            l.instrument,
            l.status.label(),
            num(l.strength, 2),
            num(l.credibility, 2),
            num(p, 2)
        ));
    }
    (s, items)
}

pub fn kind_color(c: &Canvas<'_, impl DrawingBackend>, kind: LeverageKind) -> Rgb {
    match kind {
        LeverageKind::Carrot => c.pal.good,
        LeverageKind::Stick => c.pal.bad,
        LeverageKind::Alternative => c.pal.muted,
    }
}

pub fn draw<DB: DrawingBackend>(
    c: &Canvas<'_, DB>,
    top: f64,
    input: &ChartInput,
    layout: &mut ChartLayout,
) -> Result<Body, ChartError> {
    let p = &input.view.project;
    // The parties in any leverage that is not withdrawn, found in one pass over it.
    let in_leverage: std::collections::HashSet<&str> = p
        .leverage
        .iter()
        .filter(|l| l.status != LeverageStatus::Withdrawn)
        .flat_map(|l| [l.holder.as_str(), l.target.as_str()])
        .collect();
    let involved: Vec<&crate::model::Party> = p
        .parties
        .iter()
        .filter(|party| in_leverage.contains(party.id.as_str()))
        .collect();
    if involved.is_empty() {
        return Ok(Body::empty(
            top,
            "No leverage recorded (or all of it withdrawn).",
        ));
    }
    let shown = &involved[..involved.len().min(MAX_PARTIES)];
    if involved.len() > shown.len() {
        layout.omitted.push(format!(
            "+{} parties not shown",
            involved.len() - shown.len()
        ));
    }
    let m = c.margin();
    let label = c.font(12.5);
    let small = c.font(11.0);
    let bottom = c.h - m - small * 1.6;

    // Right panel for alternatives takes about a third of the width.
    let panel_w = (c.w * 0.3).round();
    let matrix_right = c.w - m - panel_w - m;

    // Legend under the title.
    let mut lx = m;
    for kind in LeverageKind::ALL {
        c.rect(
            lx,
            top,
            lx + small * 1.6,
            top + small,
            kind_color(c, kind),
            1.0,
        )?;
        lx += small * 2.0;
        c.text(
            kind.label(),
            lx,
            top + small / 2.0,
            small,
            c.pal.text,
            Align::Start,
            Baseline::Center,
        )?;
        lx += c.measure(kind.label(), small) + small * 1.5;
    }
    let legend_note = "bar length: pressure = Σ strength × credibility (withdrawn left out) · net: given − received";
    c.text(
        &c.fit(legend_note, small, matrix_right - lx),
        lx,
        top + small / 2.0,
        small,
        c.pal.muted,
        Align::Start,
        Baseline::Center,
    )?;
    let top = top + small * 2.4;

    // Row labels (holders) and column headers (targets).
    let n = shown.len() as f64;
    let row_label_w = shown
        .iter()
        .map(|pt| c.measure(&pt.name, label))
        .fold(0.0, f64::max)
        .min((matrix_right - m) * 0.22)
        + label;
    let grid_x = m + row_label_w;
    let col_w = (matrix_right - grid_x) / n;
    let header_h = label * 2.8 + small * 1.4;
    let grid_y = top + header_h;
    let row_h = ((bottom - grid_y) / n).min(label * 5.5);
    // Two short lines in the corner, so the key never runs under the first column header.
    for (k, key) in ["rows: holder", "columns: target"].into_iter().enumerate() {
        c.text(
            &c.fit(key, small, row_label_w - small),
            m,
            top + header_h - small * 0.6 - (1 - k) as f64 * small * 1.3,
            small,
            c.pal.muted,
            Align::Start,
            Baseline::Bottom,
        )?;
    }
    for (j, target) in shown.iter().enumerate() {
        let x = grid_x + col_w * j as f64;
        let lines = c.wrap(&target.name, label, col_w - 6.0, 2);
        let color = c.pal.party(p.party_color(&target.id));
        let nl = lines.len() as f64;
        for (k, line) in lines.iter().enumerate() {
            let y = top + header_h - small * 0.5 - (nl - k as f64) * label * 1.25;
            c.text(
                line,
                x + col_w / 2.0,
                y,
                label,
                c.pal.text,
                Align::Middle,
                Baseline::Top,
            )?;
        }
        c.rect(
            x + 3.0,
            top + header_h - small * 0.45,
            x + col_w - 3.0,
            top + header_h - small * 0.15,
            color,
            1.0,
        )?;
        layout.add(
            [x, top, x + col_w, grid_y],
            Some(&target.id),
            None,
            format!("Target: {}", target.name),
        );
    }

    let max_pressure = shown
        .iter()
        .flat_map(|h| shown.iter().map(move |t| (h, t)))
        .map(|(h, t)| split(p, &h.id, &t.id).0.total())
        .fold(0.0, f64::max)
        .max(1e-9);

    for (i, holder) in shown.iter().enumerate() {
        let y = grid_y + row_h * i as f64;
        let color = c.pal.party(p.party_color(&holder.id));
        c.rect(m, y + row_h * 0.2, m + 4.0, y + row_h * 0.8, color, 1.0)?;
        let name = c.fit(&holder.name, label, row_label_w - label);
        c.text(
            &name,
            m + 10.0,
            y + row_h / 2.0,
            label,
            c.pal.text,
            Align::Start,
            Baseline::Center,
        )?;
        layout.add(
            [m, y, grid_x, y + row_h],
            Some(&holder.id),
            None,
            format!("Holder: {}", holder.name),
        );
        for (j, target) in shown.iter().enumerate() {
            let x = grid_x + col_w * j as f64;
            let (x0, y0, x1, y1) = (x + 2.0, y + 2.0, x + col_w - 2.0, y + row_h - 2.0);
            if holder.id == target.id {
                c.rect(x0, y0, x1, y1, c.pal.panel, 0.6)?;
                continue;
            }
            c.rect(x0, y0, x1, y1, c.pal.panel, 1.0)?;
            let (s, items) = split(p, &holder.id, &target.id);
            let balance = input
                .analysis
                .leverage
                .iter()
                .find(|b| b.holder == holder.id && b.target == target.id);
            let pressure = balance.map_or(s.total(), |b| b.pressure);
            let net = balance.map_or(0.0, |b| b.net);
            let mut tip = format!(
                "{} on {}: pressure {} (carrots {}, sticks {}, alternatives {}), net {}",
                holder.name,
                target.name,
                num(pressure, 2),
                num(s.carrot, 2),
                num(s.stick, 2),
                num(s.alternative, 2),
                signed(net)
            );
            for item in &items {
                tip.push_str("\n• ");
                tip.push_str(item);
            }
            layout.add([x0, y0, x1, y1], Some(&holder.id), None, tip);
            if s.total() <= 0.0 && net == 0.0 {
                c.text(
                    "—",
                    (x0 + x1) / 2.0,
                    (y0 + y1) / 2.0,
                    small,
                    c.pal.grid,
                    Align::Middle,
                    Baseline::Center,
                )?;
                continue;
            }
            // Bar: carrots, sticks, alternatives side by side, scaled to the largest pair.
            let pad = (col_w * 0.08).min(10.0);
            let bar_w = x1 - x0 - 2.0 * pad;
            let room_for_text = row_h >= label * 3.0;
            let bar_h = if room_for_text {
                (row_h * 0.18).clamp(4.0, 12.0)
            } else {
                (row_h * 0.3).clamp(3.0, 10.0)
            };
            let bar_y = if room_for_text {
                y0 + row_h * 0.5 - bar_h / 2.0
            } else {
                y0 + 3.0
            };
            let mut bx = x0 + pad;
            for (value, kind) in [
                (s.carrot, LeverageKind::Carrot),
                (s.stick, LeverageKind::Stick),
                (s.alternative, LeverageKind::Alternative),
            ] {
                let w = bar_w * value / max_pressure;
                c.rect(bx, bar_y, bx + w, bar_y + bar_h, kind_color(c, kind), 1.0)?;
                bx += w;
            }
            if room_for_text {
                c.text(
                    &num(pressure, 2),
                    x0 + pad,
                    y0 + row_h * 0.08,
                    label,
                    c.pal.text,
                    Align::Start,
                    Baseline::Top,
                )?;
                c.text(
                    &format!("net {}", signed(net)),
                    x0 + pad,
                    y1 - row_h * 0.08,
                    small,
                    net_color(c, net),
                    Align::Start,
                    Baseline::Bottom,
                )?;
            } else {
                let t = format!("{}  net {}", num(pressure, 2), signed(net));
                c.text(
                    &c.fit(&t, small, x1 - x0 - 2.0 * pad),
                    x0 + pad,
                    y1 - 1.0,
                    small,
                    c.pal.text,
                    Align::Start,
                    Baseline::Bottom,
                )?;
            }
        }
    }

    alternatives_panel(
        c,
        input,
        shown,
        matrix_right + m,
        top,
        c.w - m,
        bottom,
        layout,
    )?;
    Ok(Body::Drawn)
}

fn signed(v: f64) -> String {
    let s = num(v, 2);
    if v > 0.0 && s != "0" {
        format!("+{s}")
    } else {
        s.replace('-', "−")
    }
}

fn net_color(c: &Canvas<'_, impl DrawingBackend>, net: f64) -> Rgb {
    if net > 0.0 { c.pal.text } else { c.pal.muted }
}

#[allow(clippy::too_many_arguments)]
fn alternatives_panel<DB: DrawingBackend>(
    c: &Canvas<'_, DB>,
    input: &ChartInput,
    shown: &[&crate::model::Party],
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
    layout: &mut ChartLayout,
) -> Result<(), ChartError> {
    let p = &input.view.project;
    let label = c.font(12.5);
    let small = c.font(11.0);
    let pad = label * 0.8;
    // The panel is as tall as its content.
    let alt_count = p
        .leverage
        .iter()
        .filter(|l| {
            l.kind == LeverageKind::Alternative
                && l.status != LeverageStatus::Withdrawn
                && shown.iter().any(|h| h.id == l.holder)
        })
        .count();
    let holders = shown
        .iter()
        .filter(|h| {
            p.leverage.iter().any(|l| {
                l.holder == h.id
                    && l.kind == LeverageKind::Alternative
                    && l.status != LeverageStatus::Withdrawn
            })
        })
        .count();
    let need = pad * 2.0
        + c.font(14.0) * 1.6
        + holders as f64 * (label * 1.4 + small * 0.6)
        + alt_count.max(1) as f64 * small * 1.4
        + small * 1.5;
    let y1 = (y0 + need).min(y1);
    c.rect(x0, y0, x1, y1, c.pal.panel, 1.0)?;
    let mut y = y0 + pad;
    c.text(
        "Alternatives (BATNA)",
        x0 + pad,
        y,
        c.font(14.0),
        c.pal.text,
        Align::Start,
        Baseline::Top,
    )?;
    y += c.font(14.0) * 1.6;
    let w = x1 - x0 - 2.0 * pad;
    let mut any = false;
    let mut hidden = 0usize;
    for holder in shown {
        let alts: Vec<_> = p
            .leverage
            .iter()
            .filter(|l| {
                l.holder == holder.id
                    && l.kind == LeverageKind::Alternative
                    && l.status != LeverageStatus::Withdrawn
            })
            .collect();
        if alts.is_empty() {
            continue;
        }
        any = true;
        if y + label * 1.4 + small * 1.4 > y1 - pad {
            hidden += alts.len();
            continue;
        }
        let color = c.pal.party(p.party_color(&holder.id));
        c.rect(x0 + pad, y + 2.0, x0 + pad + 4.0, y + label, color, 1.0)?;
        c.text(
            &c.fit(&holder.name, label, w - 10.0),
            x0 + pad + 10.0,
            y,
            label,
            c.pal.text,
            Align::Start,
            Baseline::Top,
        )?;
        y += label * 1.4;
        for l in alts {
            if y + small * 1.4 > y1 - pad {
                hidden += 1;
                continue;
            }
            let value = format!("{} × {}", num(l.strength, 2), num(l.credibility, 2));
            let vw = c.measure(&value, small);
            let text = c.fit(&l.instrument, small, w - vw - 24.0);
            c.text(
                &text,
                x0 + pad + 10.0,
                y,
                small,
                c.pal.text,
                Align::Start,
                Baseline::Top,
            )?;
            c.text(
                &value,
                x1 - pad,
                y,
                small,
                c.pal.muted,
                Align::End,
                Baseline::Top,
            )?;
            let target = p
                .party(&l.target)
                .map_or(l.target.as_str(), |t| t.name.as_str());
            layout.add(
                [x0, y, x1, y + small * 1.4],
                Some(&holder.id),
                None,
                format!(
                    "{}'s alternative: {} (towards {}; strength {}, credibility {}, cost {}, {})",
                    holder.name,
                    l.instrument,
                    target,
                    num(l.strength, 2),
                    num(l.credibility, 2),
                    num(l.cost, 2),
                    l.status.label()
                ),
            );
            y += small * 1.4;
        }
        y += small * 0.6;
    }
    if !any {
        c.text(
            "None recorded.",
            x0 + pad,
            y,
            small,
            c.pal.muted,
            Align::Start,
            Baseline::Top,
        )?;
    }
    if hidden > 0 {
        c.text(
            &format!("+{hidden} more not shown"),
            x0 + pad,
            y1 - pad,
            small,
            c.pal.muted,
            Align::Start,
            Baseline::Bottom,
        )?;
    }
    Ok(())
}
