//! The leverage chart's alternatives panel: each holder's alternatives to a deal (its
//! BATNA) beside the matrix, as tall as its content; what does not fit is counted.
//! `layout` gives the numbers, `paint` draws them.

use crate::canvas::{Align, Baseline, Canvas, Draw, Measure, Size};
use crate::model::{Leverage, LeverageKind, LeverageStatus, Party, Project};
use crate::{ChartLayout, num};
use plotters::prelude::DrawingBackend;

const HEADING: &str = "Alternatives (BATNA)";

/// The panel, as numbers.
pub struct Panel<'a> {
    /// `[x0, y0, x1, y1]`, the bottom at the content's end or the chart's body's.
    pub rect: [f64; 4],
    pub pad: f64,
    /// The heading's size.
    pub heading: f64,
    pub holders: Vec<Holder<'a>>,
    /// "None recorded." at this y when no holder has an alternative.
    pub none_y: Option<f64>,
    /// Alternatives that found no room.
    pub hidden: usize,
}

/// A holder's name (at `y`, shortened to the panel) and its alternatives.
pub struct Holder<'a> {
    pub party: &'a Party,
    pub y: f64,
    pub name: String,
    pub alternatives: Vec<Alternative>,
}

/// One alternative's line: its instrument, shortened to leave its value room.
pub struct Alternative {
    pub y: f64,
    pub text: String,
    /// "strength × credibility".
    pub value: String,
    pub tooltip: String,
}

fn is_alternative_of(l: &Leverage, holder: &str) -> bool {
    l.holder == holder
        && l.kind == LeverageKind::Alternative
        && l.status != LeverageStatus::Withdrawn
}

/// The panel of the alternatives of the `shown` holders in `area` (`[x0, y0, x1, y1]`).
pub fn layout<'a>(
    p: &Project,
    shown: &[&'a Party],
    [x0, y0, x1, y1]: [f64; 4],
    size: Size,
    measure: &impl Measure,
) -> Panel<'a> {
    let label = size.font(12.5);
    let small = size.font(11.0);
    let pad = label * 0.8;
    // The panel is as tall as its content.
    let alt_count = p
        .leverage
        .iter()
        .filter(|l| shown.iter().any(|h| is_alternative_of(l, &h.id)))
        .count();
    let holders = shown
        .iter()
        .filter(|h| p.leverage.iter().any(|l| is_alternative_of(l, &h.id)))
        .count();
    let need = pad * 2.0
        + size.font(14.0) * 1.6
        + holders as f64 * (label * 1.4 + small * 0.6)
        + alt_count.max(1) as f64 * small * 1.4
        + small * 1.5;
    let y1 = (y0 + need).min(y1);
    let mut y = y0 + pad;
    y += size.font(14.0) * 1.6;
    let w = x1 - x0 - 2.0 * pad;
    let mut any = false;
    let mut hidden = 0usize;
    let mut out = Vec::new();
    for &holder in shown {
        let alts: Vec<&Leverage> = p
            .leverage
            .iter()
            .filter(|l| is_alternative_of(l, &holder.id))
            .collect();
        if alts.is_empty() {
            continue;
        }
        any = true;
        if y + label * 1.4 + small * 1.4 > y1 - pad {
            hidden += alts.len();
            continue;
        }
        let name_y = y;
        y += label * 1.4;
        let mut alternatives = Vec::new();
        for l in alts {
            if y + small * 1.4 > y1 - pad {
                hidden += 1;
                continue;
            }
            let value = format!("{} × {}", num(l.strength, 2), num(l.credibility, 2));
            let vw = measure.measure(&value, small);
            let text = measure.fit(&l.instrument, small, w - vw - 24.0);
            let tooltip = tooltip(p, holder, l);
            alternatives.push(Alternative {
                y,
                text,
                value,
                tooltip,
            });
            y += small * 1.4;
        }
        out.push(Holder {
            party: holder,
            y: name_y,
            name: measure.fit(&holder.name, label, w - 10.0),
            alternatives,
        });
        y += small * 0.6;
    }
    Panel {
        rect: [x0, y0, x1, y1],
        pad,
        heading: size.font(14.0),
        holders: out,
        none_y: (!any).then_some(y),
        hidden,
    }
}

fn tooltip(p: &Project, holder: &Party, l: &Leverage) -> String {
    let target = p
        .party(&l.target)
        .map_or(l.target.as_str(), |t| t.name.as_str());
    format!(
        "{}'s alternative: {} (towards {}; strength {}, credibility {}, cost {}, {})",
        holder.name,
        l.instrument,
        target,
        num(l.strength, 2),
        num(l.credibility, 2),
        num(l.cost, 2),
        l.status.label()
    )
}

pub fn paint<DB: DrawingBackend>(
    c: &Canvas<'_, DB>,
    p: &Project,
    panel: &Panel,
    layout: &mut ChartLayout,
) -> Draw {
    let label = c.font(12.5);
    let small = c.font(11.0);
    let [x0, y0, x1, y1] = panel.rect;
    let pad = panel.pad;
    let (ink, muted) = (c.pal.text, c.pal.muted);
    c.rect(x0, y0, x1, y1, c.pal.panel, 1.0)?;
    let (x, y) = (x0 + pad, y0 + pad);
    c.text(
        HEADING,
        x,
        y,
        panel.heading,
        ink,
        Align::Start,
        Baseline::Top,
    )?;
    for holder in &panel.holders {
        let (y, color) = (holder.y, c.pal.party(p.party_color(&holder.party.id)));
        c.rect(x0 + pad, y + 2.0, x0 + pad + 4.0, y + label, color, 1.0)?;
        let x = x0 + pad + 10.0;
        c.text(&holder.name, x, y, label, ink, Align::Start, Baseline::Top)?;
        for alt in &holder.alternatives {
            let y = alt.y;
            c.text(&alt.text, x, y, small, ink, Align::Start, Baseline::Top)?;
            c.text(
                &alt.value,
                x1 - pad,
                y,
                small,
                muted,
                Align::End,
                Baseline::Top,
            )?;
            let rect = [x0, y, x1, y + small * 1.4];
            layout.add(rect, Some(&holder.party.id), None, alt.tooltip.clone());
        }
    }
    if let Some(y) = panel.none_y {
        c.text(
            "None recorded.",
            x,
            y,
            small,
            muted,
            Align::Start,
            Baseline::Top,
        )?;
    }
    if panel.hidden > 0 {
        let text = format!("+{} more not shown", panel.hidden);
        let y = y1 - pad;
        c.text(&text, x, y, small, muted, Align::Start, Baseline::Bottom)?;
    }
    Ok(())
}
