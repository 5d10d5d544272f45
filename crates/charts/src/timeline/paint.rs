//! Draws a laid-out timeline (`layout::Timeline`) onto a canvas, and records where each mark
//! went for hover: the drawing order is the stacking order, so a later mark covers an
//! earlier one and wins the hit test.

use super::kind_style;
use super::layout::Timeline;
use super::trajectories::{Strip, Trajectories};
use crate::canvas::{Align, Baseline, Canvas, Draw, Measure, Shape};
use crate::model::Project;
use crate::{ChartLayout, legend, num};
use plotters::prelude::DrawingBackend;

pub fn paint<DB: DrawingBackend>(
    c: &Canvas<'_, DB>,
    p: &Project,
    t: &Timeline,
    layout: &mut ChartLayout,
) -> Draw {
    kind_legend(c, t)?;
    lanes(c, p, t, layout)?;
    axis(c, t)?;
    events(c, t, layout)?;
    titles(c, t, layout)?;
    layout.omitted.extend(t.omitted.iter().cloned());
    if let Some(tr) = &t.trajectories {
        trajectories(c, p, tr, layout)?;
    }
    Ok(())
}

fn kind_legend<DB: DrawingBackend>(c: &Canvas<'_, DB>, t: &Timeline) -> Draw {
    let k = &t.kinds;
    let (m, small, r) = (t.ty.margin, t.ty.small, k.r);
    for (n, line) in k.legend.lines.iter().enumerate() {
        let ly = k.y + k.line_h * n as f64;
        for &(i, x) in line {
            let Some(&(kind, text)) = k.entries.get(i) else {
                continue;
            };
            let lx = m + x;
            match kind {
                Some(kind) => {
                    let (shape, color) = kind_style(kind);
                    c.marker(shape, lx + r, ly, r, color, true)?;
                }
                None => c.marker(Shape::Circle, lx + r, ly, r, c.pal.muted, false)?,
            }
            let (x, ink) = (lx + r * 2.6, c.pal.text);
            c.text(text, x, ly, small, ink, Align::Start, Baseline::Center)?;
        }
    }
    if let Some(x) = k.legend.more_x {
        let ly = k.y + k.line_h * (k.legend.rows() - 1) as f64;
        let text = legend::more(k.legend.hidden);
        let ink = c.pal.muted;
        c.text(&text, m + x, ly, small, ink, Align::Start, Baseline::Center)?;
    }
    Ok(())
}

fn lanes<DB: DrawingBackend>(
    c: &Canvas<'_, DB>,
    p: &Project,
    t: &Timeline,
    layout: &mut ChartLayout,
) -> Draw {
    let (m, label, h) = (t.ty.margin, t.ty.label, t.v.lane_h);
    let (x0, x1) = (t.scale.x0, t.scale.x1);
    for (i, lane) in t.lanes.iter().enumerate() {
        let y = lane.y;
        if i % 2 == 0 {
            c.rect(x0, y, x1, y + h, c.pal.panel, 1.0)?;
        }
        let color = lane
            .id
            .map_or(c.pal.muted, |id| c.pal.party(p.party_color(id)));
        c.rect(m, y + h * 0.25, m + 4.0, y + h * 0.75, color, 1.0)?;
        c.text(
            &c.fit(&lane.name, label, t.lane_label_w - label),
            m + 10.0,
            y + h / 2.0,
            label,
            c.pal.text,
            Align::Start,
            Baseline::Center,
        )?;
        layout.add([m, y, x0, y + h], lane.id, None, lane.name.clone());
    }
    Ok(())
}

/// The date axis with its ticks, the as-of label on it, the shaded future and the as-of
/// line.
fn axis<DB: DrawingBackend>(c: &Canvas<'_, DB>, t: &Timeline) -> Draw {
    let (x0, x1, y) = (t.scale.x0, t.scale.x1, t.v.lanes_bottom);
    let small = t.ty.small;
    c.line(x0, y, x1, y, c.pal.grid, 1.0)?;
    for tick in &t.ticks {
        c.line(tick.x, t.v.lanes_top, tick.x, y + 4.0, c.pal.grid, 1.0)?;
        if let Some(text) = &tick.label {
            let ink = c.pal.muted;
            c.text(
                text,
                tick.x,
                y + 6.0,
                small,
                ink,
                Align::Middle,
                Baseline::Top,
            )?;
        }
    }
    if let Some((text, x)) = &t.as_of_label {
        let ink = c.pal.text;
        c.text(text, *x, y + 6.0, small, ink, Align::Middle, Baseline::Top)?;
    }
    if let Some(x) = t.as_of_x {
        if t.shade_future {
            c.rect(x, t.v.lanes_top, x1, y, c.pal.text, 0.05)?;
        }
        c.line(x, t.v.titles_bottom, x, y + 4.0, c.pal.text, 1.5)?;
    }
    Ok(())
}

/// Each event's markers (joined when it names several lanes; hollow and dashed when
/// hypothetical).
fn events<DB: DrawingBackend>(c: &Canvas<'_, DB>, t: &Timeline, layout: &mut ChartLayout) -> Draw {
    let r = t.r;
    for mark in &t.marks {
        let e = mark.event;
        let (shape, color) = kind_style(e.event.kind);
        if mark.points.len() > 1 {
            for w in mark.points.windows(2) {
                if e.hypothetical {
                    c.dashed(w[0].0, w[0].1, w[1].0, w[1].1, color, 1.5, 4.0)?;
                } else {
                    c.line(w[0].0, w[0].1, w[1].0, w[1].1, color, 1.5)?;
                }
            }
        }
        for &(x, y) in &mark.points {
            c.marker(shape, x, y, r, color, !e.hypothetical)?;
        }
        for &(x, y) in &mark.points {
            layout.add(
                [x - r - 1.0, y - r - 1.0, x + r + 1.0, y + r + 1.0],
                None,
                None,
                mark.tooltip.clone(),
            );
        }
    }
    Ok(())
}

/// The titles and their leaders down to the lanes; a hypothetical group's title is muted
/// and its leader dashed.
fn titles<DB: DrawingBackend>(c: &Canvas<'_, DB>, t: &Timeline, layout: &mut ChartLayout) -> Draw {
    let label = t.ty.label;
    for title in &t.titles {
        let hypothetical = title.group.iter().all(|e| e.hypothetical);
        let (_, color) = kind_style(title.group[0].event.kind);
        let ink = if hypothetical {
            c.pal.muted
        } else {
            c.pal.text
        };
        let (x, y) = (title.x0, title.y);
        c.text(&title.text, x, y, label, ink, Align::Start, Baseline::Top)?;
        let (x, top, bottom) = (title.x, title.lead_top, title.lead_bottom);
        if hypothetical {
            c.dashed(x, top, x, bottom, color, 1.0, 3.0)?;
        } else {
            let color = color.mix(c.pal.background, 0.35);
            c.line(x, top, x, bottom, color, 1.0)?;
        }
        let rect = [title.x0, title.y, title.x1, title.y + label * 1.2];
        layout.add(rect, None, None, title.tooltip.clone());
    }
    Ok(())
}

fn trajectories<DB: DrawingBackend>(
    c: &Canvas<'_, DB>,
    p: &Project,
    tr: &Trajectories,
    layout: &mut ChartLayout,
) -> Draw {
    let label = c.font(12.5);
    let small = c.font(11.0);
    let (x0, x1, py0, py1) = (tr.x0, tr.x1, tr.py0, tr.py1);
    let (m, ink) = (c.margin(), c.pal.text);
    c.text(
        &tr.heading,
        m,
        tr.heading_y,
        label,
        ink,
        Align::Start,
        Baseline::Top,
    )?;
    c.rect(x0, py0, x1, py1, c.pal.panel, 1.0)?;
    for v in [0.0, 25.0, 50.0, 75.0, 100.0] {
        c.line(x0, tr.y(v), x1, tr.y(v), c.pal.grid, 1.0)?;
        let (y, ink) = (tr.y(v), c.pal.muted);
        c.text(
            &num(v, 0),
            x0 - 4.0,
            y,
            small,
            ink,
            Align::End,
            Baseline::Center,
        )?;
    }
    if let Some(x) = tr.as_of_x {
        c.line(x, py0, x, py1, c.pal.text, 1.5)?;
    }
    for path in &tr.paths {
        let color = c.pal.party(p.party_color_at(path.index));
        if path.steps.len() >= 2 {
            c.polyline(&path.steps, color, 2.5)?;
        }
        for &(x, y) in &path.shifts {
            c.circle(x, y, 3.5, color, true, 1.0)?;
        }
        // Hypothetical shifts after the as-of date, dashed.
        let mut prev = path.from_now;
        for &(x, y) in &path.hypothetical {
            if let Some((px, py)) = prev {
                c.dashed(px, py, x, py, color, 2.0, 5.0)?;
                c.dashed(x, py, x, y, color, 2.0, 5.0)?;
            }
            c.circle(x, y, 3.5, color, false, 1.5)?;
            prev = Some((x, y));
        }
        if let Some(((x, y), tip)) = &path.now {
            c.circle(*x, *y, 5.0, color, true, 1.0)?;
            let (issue, party) = (Some(tr.issue.id.as_str()), Some(path.party.id.as_str()));
            layout.add(
                [x - 6.0, y - 6.0, x + 6.0, y + 6.0],
                party,
                issue,
                tip.clone(),
            );
        }
    }
    if let Some(strip) = &tr.strip {
        simulated(c, p, tr, strip, layout)?;
    }
    for end in &tr.ends {
        let [bx0, by0, bx1, by1] = end.backing;
        c.rect(bx0, by0, bx1, by1, c.pal.panel, 0.85)?;
        let ink = c.pal.muted;
        c.text(
            &end.text,
            end.x,
            end.y,
            small,
            ink,
            Align::Start,
            end.baseline,
        )?;
    }
    party_legend(c, p, tr, layout)
}

fn party_legend<DB: DrawingBackend>(
    c: &Canvas<'_, DB>,
    p: &Project,
    tr: &Trajectories,
    layout: &mut ChartLayout,
) -> Draw {
    let small = c.font(11.0);
    let (x0, top, line_h) = (tr.x0, tr.legend_top, tr.line_h);
    for (k, line) in tr.legend.lines.iter().enumerate() {
        let ly = top + line_h * k as f64;
        for &(i, x) in line {
            let Some((party, index)) = tr.entries.get(i) else {
                continue;
            };
            let color = c.pal.party(p.party_color_at(*index));
            let lx = x0 + x;
            c.line(lx, ly, lx + small * 1.6, ly, color, 2.5)?;
            let (x, ink) = (lx + tr.swatch, c.pal.text);
            c.text(
                &party.name,
                x,
                ly,
                small,
                ink,
                Align::Start,
                Baseline::Center,
            )?;
        }
    }
    if let Some(x) = tr.legend.more_x {
        let ly = top + line_h * (tr.legend.rows() - 1) as f64;
        let text = legend::more(tr.legend.hidden);
        let ink = c.pal.muted;
        c.text(
            &text,
            x0 + x,
            ly,
            small,
            ink,
            Align::Start,
            Baseline::Center,
        )?;
        let w = c.measure(&text, small);
        let rect = [x0 + x, ly - small, x0 + x + w, ly + small];
        layout.add(rect, None, None, tr.hidden_names().join(", "));
    }
    Ok(())
}

/// The simulated rounds, dashed in each party's colour and labelled by round; a thin
/// dashed lead joins each party's stance at the as-of date to its round 0.
fn simulated<DB: DrawingBackend>(
    c: &Canvas<'_, DB>,
    p: &Project,
    tr: &Trajectories,
    s: &Strip,
    layout: &mut ChartLayout,
) -> Draw {
    let small = c.font(11.0);
    let (py0, py1) = (tr.py0, tr.py1);
    c.rect(s.s0, py0, s.s1, py1, c.pal.panel, 1.0)?;
    for v in [0.0, 25.0, 50.0, 75.0, 100.0] {
        c.line(s.s0, tr.y(v), s.s1, tr.y(v), c.pal.grid, 1.0)?;
    }
    let ink = c.pal.muted;
    c.text(
        &s.heading,
        s.s0,
        py0 - 3.0,
        small,
        ink,
        Align::Start,
        Baseline::Bottom,
    )?;
    for (text, x) in &s.labels {
        let size = small * 0.9;
        c.text(text, *x, py1 + 2.0, size, ink, Align::Middle, Baseline::Top)?;
    }
    for path in &s.paths {
        let color = c.pal.party(p.party_color(&path.party));
        if let Some(&(x, y, _)) = path.points.first() {
            c.dashed(s.now_x, y, x, y, color, 1.0, 3.0)?;
        }
        for w in path.points.windows(2) {
            c.dashed(w[0].0, w[0].1, w[1].0, w[1].1, color, 2.0, 5.0)?;
        }
        for (x, y, tip) in &path.points {
            c.circle(*x, *y, 2.5, color, false, 1.2)?;
            let (party, issue) = (Some(path.party.as_str()), Some(tr.issue.id.as_str()));
            layout.add(
                [x - 5.0, y - 5.0, x + 5.0, y + 5.0],
                party,
                issue,
                tip.clone(),
            );
        }
    }
    Ok(())
}
