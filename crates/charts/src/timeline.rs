//! Timeline chart: dated events in one lane per party (shape and colour tell the kind),
//! titles staggered so they never overlap, the as-of date as a line, a scenario's
//! hypothetical events after it drawn dashed; below, the stance trajectories of one issue,
//! continued at the right by the bargaining model's simulated rounds (dashed, by round), so
//! the recorded past and the model's future read as one picture.

use std::collections::HashMap;

use super::canvas::{Align, Baseline, Canvas, Measure, Shape};
use super::dates::{self, day_number};
use super::theme::Rgb;
use super::{ChartError, ChartInput, ChartLayout, MAX_PARTIES, num};
use crate::model::{Event, EventKind, Project, parse_date};
use crate::sim_model::{self, IssueRun};
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};

pub fn kind_style(kind: EventKind) -> (Shape, Rgb) {
    match kind {
        EventKind::Proposal => (Shape::Circle, Rgb(0x2F, 0x6D, 0xB5)),
        EventKind::Concession => (Shape::TriangleDown, Rgb(0x2E, 0x9E, 0x5B)),
        EventKind::Agreement => (Shape::Star, Rgb(0x1B, 0x8A, 0x4F)),
        EventKind::Rejection => (Shape::Cross, Rgb(0xC6, 0x28, 0x28)),
        EventKind::Escalation => (Shape::TriangleUp, Rgb(0xE4, 0x6A, 0x1E)),
        EventKind::Statement => (Shape::Square, Rgb(0x7A, 0x6F, 0xB0)),
        EventKind::Meeting => (Shape::Hexagon, Rgb(0x2A, 0x9D, 0xB5)),
        EventKind::Deadline => (Shape::Bar, Rgb(0xB8, 0x86, 0x0B)),
        EventKind::Other => (Shape::Diamond, Rgb(0x80, 0x8A, 0x93)),
    }
}

/// An event with a valid date.
struct Dated<'a> {
    event: &'a Event,
    day: i64,
    hypothetical: bool,
}

/// The issue whose trajectories to show: the chosen one, else the one with most shifts.
fn trajectory_issue<'a>(p: &'a Project, chosen: Option<&str>) -> Option<&'a crate::model::Issue> {
    if let Some(id) = chosen {
        return p.issue(id);
    }
    p.issues
        .iter()
        .map(|i| {
            let n = p
                .events
                .iter()
                .flat_map(|e| &e.shifts)
                .filter(|s| s.issue == i.id)
                .count();
            (n, i)
        })
        .filter(|(n, _)| *n > 0)
        .max_by_key(|(n, _)| *n)
        .map(|(_, i)| i)
        .or_else(|| p.issues.first())
}

pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    input: &ChartInput,
) -> Result<ChartLayout, ChartError> {
    let c = Canvas::new(area, input);
    let mut layout = ChartLayout::default();
    let top = c.header(super::Chart::Timeline.title(), input)?;
    let view = input.view;
    let p = &view.project;
    let events: Vec<Dated> = view
        .sorted_events()
        .into_iter()
        .filter_map(|(event, hypothetical)| {
            parse_date(&event.date).map(|d| Dated {
                event,
                day: day_number(d),
                hypothetical,
            })
        })
        .collect();
    let as_of = p.as_of.as_deref().and_then(parse_date).map(day_number);
    if events.is_empty() {
        c.empty_message(top, "No dated events recorded.")?;
        return Ok(layout);
    }
    let m = c.margin();
    let label = c.font(12.5);
    let small = c.font(11.0);

    // Lanes: parties that act in an event, in project order, plus "Other" for events
    // that name nobody.
    let mut lanes: Vec<(Option<&str>, String)> = p
        .parties
        .iter()
        .filter(|party| events.iter().any(|e| e.event.parties.contains(&party.id)))
        .map(|party| (Some(party.id.as_str()), party.name.clone()))
        .collect();
    if lanes.len() > MAX_PARTIES {
        layout.omitted.push(format!(
            "+{} party lanes not shown",
            lanes.len() - MAX_PARTIES
        ));
        lanes.truncate(MAX_PARTIES);
    }
    let unattributed = events.iter().any(|e| {
        !e.event
            .parties
            .iter()
            .any(|id| lanes.iter().any(|(l, _)| *l == Some(id.as_str())))
    });
    if unattributed {
        lanes.push((None, "Other".to_owned()));
    }

    // Date range with a little room on both sides.
    let first = events.iter().map(|e| e.day).chain(as_of).min().unwrap_or(0);
    let last = events.iter().map(|e| e.day).chain(as_of).max().unwrap_or(0);
    let span = (last - first).max(6) as f64;
    let (d0, d1) = (
        first as f64 - span * 0.04 - 0.5,
        first as f64 + span * 1.04 + 0.5,
    );

    let lane_label_w = lanes
        .iter()
        .map(|(_, n)| c.measure(n, label))
        .fold(0.0, f64::max)
        .min(c.w * 0.16)
        + label;
    let plot_x0 = m + lane_label_w;
    // The chosen issue's simulated continuation takes a strip at the right, so the dates
    // above and the trajectories below keep one axis.
    let issue = trajectory_issue(p, input.options.issue.as_deref());
    let continuation = issue.and_then(|i| continuation(input, i, &mut layout));
    let strip_w = if continuation.is_some() {
        (c.w * 0.2).clamp(110.0, 320.0)
    } else {
        0.0
    };
    let plot_x1 = c.w - m - label - strip_w;
    let x_of = |day: f64| plot_x0 + (day - d0) / (d1 - d0) * (plot_x1 - plot_x0);

    // Legend: the kinds present, then the hypothetical style; wrapped like the
    // trajectory legend, so that no kind goes unexplained.
    let mut kinds: Vec<EventKind> = EventKind::ALL
        .into_iter()
        .filter(|k| events.iter().any(|e| e.event.kind == *k))
        .collect();
    kinds.dedup();
    let hypothetical_entry = events.iter().any(|e| e.hypothetical);
    let r = (small * 0.42).max(3.0);
    let mut entries: Vec<(Option<EventKind>, &str)> =
        kinds.iter().map(|k| (Some(*k), k.label())).collect();
    if hypothetical_entry {
        entries.push((None, "hypothetical (scenario)"));
    }
    let widths: Vec<f64> = entries
        .iter()
        .map(|(_, text)| r * 2.6 + c.measure(text, small))
        .collect();
    let legend = legend_lines(&widths, c.w - 2.0 * m, small * 1.2, LEGEND_LINES, |n| {
        c.measure(&more(n), small)
    });
    let line_h = small * 1.5;
    for (k, line) in legend.lines.iter().enumerate() {
        let ly = top + small / 2.0 + line_h * k as f64;
        for &(i, x) in line {
            let Some(&(kind, text)) = entries.get(i) else {
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
            c.text(
                text,
                lx + r * 2.6,
                ly,
                small,
                c.pal.text,
                Align::Start,
                Baseline::Center,
            )?;
        }
    }
    if let Some(x) = legend.more_x {
        let ly = top + small / 2.0 + line_h * (legend.lines.len().max(1) - 1) as f64;
        c.text(
            &more(legend.hidden),
            m + x,
            ly,
            small,
            c.pal.muted,
            Align::Start,
            Baseline::Center,
        )?;
    }
    let top = top + small * 2.2 + line_h * (legend.lines.len().max(1) - 1) as f64;

    // Titles go in rows above the lanes, as many as they need (at most eight). Placed once
    // here with the largest markers, to learn how much height they take: the lanes and the
    // trajectories then share the rest, and no band is left empty.
    let title_x1 = c.w - m - label;
    let row_h = label * 1.45;
    let rows_wanted = place_titles(
        &c,
        &group_events(&events, &x_of, label * 0.6 * 2.5),
        &x_of,
        (plot_x0, title_x1),
        8,
    )
    .0
    .iter()
    .map(|t| t.row + 1)
    .max()
    .unwrap_or(0)
    .max(1);

    // Vertical budget: trajectories take at least ~40% when there is an issue to show, and
    // whatever the events do not need.
    let bottom = c.h - m - small * 1.6;
    let body = bottom - top;
    let axis_h = small * 2.0;
    let n_lanes = lanes.len() as f64;
    let lane_max = if issue.is_some() {
        label * 2.4
    } else {
        label * 4.0
    };
    let events_needed = row_h * rows_wanted as f64 + small * 1.5 + n_lanes * lane_max + axis_h;
    let traj_h = if issue.is_some() {
        (body * 0.4).max(body - events_needed - label * 1.5).round()
    } else {
        0.0
    };
    let events_bottom = bottom - traj_h - if issue.is_some() { label * 1.5 } else { 0.0 };
    let lanes_bottom = events_bottom - axis_h;

    // Lanes get their share of the height; the title rows above them take the rest (at
    // least one row, at most eight).
    let lane_h = ((lanes_bottom - top - row_h * rows_wanted as f64 - small * 1.5) / n_lanes)
        .clamp(label * 1.2, lane_max);
    let lanes_top = lanes_bottom - lane_h * n_lanes;
    let rows = ((lanes_top - top - small) / row_h).floor().clamp(1.0, 8.0) as usize;
    let titles_bottom = lanes_top - small * 0.5;

    // Lanes.
    for (i, (id, name)) in lanes.iter().enumerate() {
        let y = lanes_top + lane_h * i as f64;
        if i % 2 == 0 {
            c.rect(plot_x0, y, plot_x1, y + lane_h, c.pal.panel, 1.0)?;
        }
        let color = id.map_or(c.pal.muted, |id| c.pal.party(p.party_color(id)));
        c.rect(m, y + lane_h * 0.25, m + 4.0, y + lane_h * 0.75, color, 1.0)?;
        c.text(
            &c.fit(name, label, lane_label_w - label),
            m + 10.0,
            y + lane_h / 2.0,
            label,
            c.pal.text,
            Align::Start,
            Baseline::Center,
        )?;
        layout.add([m, y, plot_x0, y + lane_h], *id, None, name.clone());
    }
    let lane_y = |e: &Event| -> Vec<f64> {
        let mut ys: Vec<f64> = lanes
            .iter()
            .enumerate()
            .filter(|(_, (id, _))| id.is_some_and(|id| e.parties.iter().any(|p| p == id)))
            .map(|(i, _)| lanes_top + lane_h * (i as f64 + 0.5))
            .collect();
        if ys.is_empty() {
            ys.push(lanes_top + lane_h * (lanes.len() as f64 - 0.5));
        }
        ys
    };

    // Date axis.
    let max_ticks = ((plot_x1 - plot_x0) / (c.measure("Mar 2025", small) * 1.8)).max(2.0) as usize;
    let step = dates::tick_step(last - first, max_ticks);
    let axis_y = lanes_bottom;
    c.line(plot_x0, axis_y, plot_x1, axis_y, c.pal.grid, 1.0)?;
    // The as-of date is written on the axis; tick labels that would touch it are skipped.
    let as_of_label = as_of.zip(p.as_of.as_deref()).map(|(a, text)| {
        let text = format!("as of {text}");
        let w = c.measure(&text, small);
        let x = x_of(a as f64).clamp(plot_x0 + w / 2.0, plot_x1 - w / 2.0);
        (text, x, w)
    });
    for t in dates::ticks(d0.ceil() as i64, d1.floor() as i64, step) {
        let x = x_of(t as f64);
        c.line(x, lanes_top, x, axis_y + 4.0, c.pal.grid, 1.0)?;
        if let Some(d) = dates::from_day_number(t) {
            let text = dates::label(d, step);
            let w = c.measure(&text, small);
            let clash = as_of_label
                .as_ref()
                .is_some_and(|(_, ax, aw)| (x - ax).abs() < (w + aw) / 2.0 + small);
            if !clash {
                c.text(
                    &text,
                    x,
                    axis_y + 6.0,
                    small,
                    c.pal.muted,
                    Align::Middle,
                    Baseline::Top,
                )?;
            }
        }
    }
    if let Some((text, x, _)) = &as_of_label {
        c.text(
            text,
            *x,
            axis_y + 6.0,
            small,
            c.pal.text,
            Align::Middle,
            Baseline::Top,
        )?;
    }

    // The scenario's future, shaded, and the as-of line, labelled on the axis.
    if let Some(a) = as_of {
        let x = x_of(a as f64);
        if events.iter().any(|e| e.hypothetical) {
            c.rect(x, lanes_top, plot_x1, lanes_bottom, c.pal.text, 0.05)?;
        }
        c.line(x, titles_bottom, x, lanes_bottom + 4.0, c.pal.text, 1.5)?;
    }

    // Events within a few px of each other form a group (one title); within a lane, a
    // group's markers are spread a little so that each stays visible.
    let r = (lane_h * 0.28).clamp(3.5, label * 0.6);
    let groups = group_events(&events, &x_of, r * 2.5);
    for g in &groups {
        let mut seen: Vec<(i64, usize)> = Vec::new(); // (lane y in px, markers so far)
        let per_lane = |y: f64| {
            g.iter()
                .filter(|e| lane_y(e.event).iter().any(|v| (*v - y).abs() < 0.5))
                .count()
        };
        for e in g {
            let x = x_of(e.day as f64);
            let ys = lane_y(e.event);
            let (shape, color) = kind_style(e.event.kind);
            let mut xs = Vec::new();
            for &y in &ys {
                let key = y.round() as i64;
                let k = match seen.iter_mut().find(|s| s.0 == key) {
                    Some(s) => {
                        s.1 += 1;
                        s.1 - 1
                    }
                    None => {
                        seen.push((key, 1));
                        0
                    }
                };
                let n = per_lane(y);
                let spacing = if n > 1 {
                    (r * 2.2).min(r * 8.0 / (n - 1) as f64)
                } else {
                    0.0
                };
                xs.push(x + (k as f64 - (n as f64 - 1.0) / 2.0) * spacing);
            }
            if ys.len() > 1 {
                let pts: Vec<(f64, f64)> = xs.iter().copied().zip(ys.iter().copied()).collect();
                for w in pts.windows(2) {
                    if e.hypothetical {
                        c.dashed(w[0].0, w[0].1, w[1].0, w[1].1, color, 1.5, 4.0)?;
                    } else {
                        c.line(w[0].0, w[0].1, w[1].0, w[1].1, color, 1.5)?;
                    }
                }
            }
            for (&mx, &y) in xs.iter().zip(&ys) {
                c.marker(shape, mx, y, r, color, !e.hypothetical)?;
            }
            let names: Vec<&str> = e
                .event
                .parties
                .iter()
                .map(|id| p.party(id).map_or(id.as_str(), |x| x.name.as_str()))
                .collect();
            let tip = format!(
                "{} · {}{}: {}{}",
                e.event.date,
                e.event.kind.label(),
                if e.hypothetical {
                    " (hypothetical)"
                } else {
                    ""
                },
                e.event.title,
                if names.is_empty() {
                    String::new()
                } else {
                    format!(" — {}", names.join(", "))
                }
            );
            for (&mx, &y) in xs.iter().zip(&ys) {
                layout.add(
                    [mx - r - 1.0, y - r - 1.0, mx + r + 1.0, y + r + 1.0],
                    None,
                    None,
                    tip.clone(),
                );
            }
        }
    }

    // Titles: events within a few px of each other form one group; each group's label goes
    // into the first row where it does not overlap, shortened if needed; groups that find
    // no room are counted in the footnote (their titles stay in the tooltips).
    let (placed, unlabeled) = place_titles(&c, &groups, &x_of, (plot_x0, title_x1), rows);
    let placements: Vec<_> = placed
        .into_iter()
        .map(|t| (&groups[t.group], t.row, t.text, t.x, t.x0, t.x1))
        .collect();
    // Draw the used rows right above the lanes, so the leaders stay short.
    let used = placements.iter().map(|p| p.1 + 1).max().unwrap_or(0);
    let rows_top = titles_bottom - row_h * used as f64;
    for (g, k, text, x, tx0, tx1) in placements {
        let ty = rows_top + row_h * k as f64;
        let hypothetical = g.iter().all(|e| e.hypothetical);
        let (_, color) = kind_style(g[0].event.kind);
        let ink = if hypothetical {
            c.pal.muted
        } else {
            c.pal.text
        };
        c.text(&text, tx0, ty, label, ink, Align::Start, Baseline::Top)?;
        // Leader from the title down to the first lane of the group's first event.
        let lead_top = ty + label * 1.15;
        let lead_bottom = lane_y(g[0].event)[0] - r - 1.0;
        if hypothetical {
            c.dashed(x, lead_top, x, lead_bottom, color, 1.0, 3.0)?;
        } else {
            c.line(
                x,
                lead_top,
                x,
                lead_bottom,
                color.mix(c.pal.background, 0.35),
                1.0,
            )?;
        }
        let tip: Vec<String> = g
            .iter()
            .map(|e| format!("{} {}", e.event.date, e.event.title))
            .collect();
        layout.add([tx0, ty, tx1, ty + label * 1.2], None, None, tip.join("\n"));
    }
    if unlabeled > 0 {
        layout.omitted.push(match unlabeled {
            1 => "1 event title not shown for lack of room".to_owned(),
            n => format!("{n} event titles not shown for lack of room"),
        });
    }

    if let Some(issue) = issue {
        let strip = continuation
            .as_ref()
            .map(|run| (run, plot_x1 + label, plot_x1 + strip_w));
        trajectories(
            &c,
            input,
            issue,
            &events,
            as_of,
            plot_x0,
            plot_x1,
            &x_of,
            events_bottom + label * 1.5,
            bottom,
            strip,
            &mut layout,
        )?;
    }
    if !layout.omitted.is_empty() {
        c.footnote(&layout.omitted.join(" · "))?;
    }
    Ok(layout)
}

/// Events (in date order) whose markers fall within `min_dx` px of the group's first.
fn group_events<'e, 'a>(
    events: &'e [Dated<'a>],
    x_of: &dyn Fn(f64) -> f64,
    min_dx: f64,
) -> Vec<Vec<&'e Dated<'a>>> {
    let mut groups: Vec<Vec<&Dated>> = Vec::new();
    for e in events {
        match groups.last_mut() {
            Some(g) if x_of(e.day as f64) - x_of(g[0].day as f64) < min_dx => g.push(e),
            _ => groups.push(vec![e]),
        }
    }
    groups
}

/// An event title placed in a row above the lanes: the group it names, its row, its text,
/// the marker's x and the text's extent.
struct Title {
    group: usize,
    row: usize,
    text: String,
    x: f64,
    x0: f64,
    x1: f64,
}

/// Place each group's title in the first of `rows` rows where it fits (titles are text
/// above the lanes, so they may run on over the model strip up to `title_x1`); the titles
/// placed and the number of events left without one.
fn place_titles<DB: DrawingBackend>(
    c: &Canvas<'_, DB>,
    groups: &[Vec<&Dated>],
    x_of: &dyn Fn(f64) -> f64,
    (plot_x0, title_x1): (f64, f64),
    rows: usize,
) -> (Vec<Title>, usize) {
    let label = c.font(12.5);
    let small = c.font(11.0);
    let title_max = (title_x1 - plot_x0) * 0.28;
    let mut row_ends = vec![f64::NEG_INFINITY; rows];
    let mut unlabeled = 0usize;
    let mut placements = Vec::new();
    let gap = small;
    for (gi, g) in groups.iter().enumerate() {
        let x = x_of(g[0].day as f64);
        let suffix = if g.len() == 1 {
            String::new()
        } else {
            format!(" (+{} more)", g.len() - 1)
        };
        let suffix_w = c.measure(&suffix, label);
        let mut placed = None;
        for (k, end) in row_ends.iter().enumerate() {
            // Left-aligned at the marker, or right-aligned when it would run off the plot.
            let room_right = title_x1 - x;
            let start = (*end + gap).max(plot_x0);
            let avail_left_aligned = if x >= start {
                room_right.min(title_max)
            } else {
                0.0
            };
            let avail_right_aligned = (x - start).min(title_max);
            let (avail, right) = if avail_left_aligned >= avail_right_aligned.min(title_max * 0.5)
                && avail_left_aligned > 0.0
            {
                (avail_left_aligned, false)
            } else {
                (avail_right_aligned, true)
            };
            let min_w = c.measure("Abcdefgh…", label);
            if avail < min_w + suffix_w {
                continue;
            }
            let text = format!(
                "{}{suffix}",
                c.fit(&g[0].event.title, label, avail - suffix_w)
            );
            let w = c.measure(&text, label);
            let (tx0, tx1) = if right { (x - w, x) } else { (x, x + w) };
            // A leader runs from its title down through every row below it to the lanes:
            // this title may not sit on the leader of one placed higher up, and its own
            // leader may not cross a title placed lower down.
            let pad = small * 0.4;
            let clashes = placements.iter().any(|t: &Title| {
                (t.row < k && (tx0 - pad..=tx1 + pad).contains(&t.x))
                    || (t.row > k && (t.x0 - pad..=t.x1 + pad).contains(&x))
            });
            if clashes {
                continue;
            }
            placed = Some((k, text, tx0, tx1));
            break;
        }
        let Some((k, text, tx0, tx1)) = placed else {
            unlabeled += g.len();
            continue;
        };
        row_ends[k] = tx1;
        placements.push(Title {
            group: gi,
            row: k,
            text,
            x,
            x0: tx0,
            x1: tx1,
        });
    }
    (placements, unlabeled)
}

/// Step lines of each party's stance on `issue`: from its first shift through each later
/// one to its current stance at the as-of date; hypothetical shifts after it, dashed.
#[allow(clippy::too_many_arguments)]
fn trajectories<DB: DrawingBackend>(
    c: &Canvas<'_, DB>,
    input: &ChartInput,
    issue: &crate::model::Issue,
    events: &[Dated],
    as_of: Option<i64>,
    x0: f64,
    x1: f64,
    x_of: &dyn Fn(f64) -> f64,
    top: f64,
    bottom: f64,
    strip: Option<(&IssueRun, f64, f64)>,
    layout: &mut ChartLayout,
) -> Result<(), ChartError> {
    let p = &input.view.project;
    let label = c.font(12.5);
    let small = c.font(11.0);
    let m = c.margin();
    c.text(
        &c.fit(&format!("Stance on “{}”", issue.name), label, x1 - m),
        m,
        top - label * 1.3,
        label,
        c.pal.text,
        Align::Start,
        Baseline::Top,
    )?;
    // The legend names every party drawn: it wraps onto a second line, and only past that
    // does it end in "+N more" rather than dropping names.
    // The issue's positions by party, found once: a project may have tens of thousands.
    let on_issue: HashMap<&str, &crate::model::Position> = p
        .positions
        .iter()
        .filter(|pos| pos.issue == issue.id)
        .map(|pos| (pos.party.as_str(), pos))
        .collect();
    let entries: Vec<(&crate::model::Party, Rgb)> = p
        .parties
        .iter()
        .enumerate()
        .filter(|(_, party)| on_issue.contains_key(party.id.as_str()))
        .map(|(i, party)| (party, c.pal.party(p.party_color_at(i))))
        .collect();
    let swatch = small * 2.0;
    let widths: Vec<f64> = entries
        .iter()
        .map(|(party, _)| swatch + c.measure(&party.name, small))
        .collect();
    let legend = legend_lines(&widths, x1 - x0, small * 1.5, LEGEND_LINES, |n| {
        c.measure(&more(n), small)
    });
    let line_h = small * 1.5;
    let legend_h = small * 1.8 + line_h * (legend.lines.len().max(1) - 1) as f64;
    let (py0, py1) = (top + small * 0.6, bottom - legend_h);
    let y_of = |v: f64| py1 - v.clamp(0.0, 100.0) / 100.0 * (py1 - py0);
    c.rect(x0, py0, x1, py1, c.pal.panel, 1.0)?;
    for v in [0.0, 25.0, 50.0, 75.0, 100.0] {
        c.line(x0, y_of(v), x1, y_of(v), c.pal.grid, 1.0)?;
        c.text(
            &num(v, 0),
            x0 - 4.0,
            y_of(v),
            small,
            c.pal.muted,
            Align::End,
            Baseline::Center,
        )?;
    }
    let now = as_of.or_else(|| {
        events
            .iter()
            .filter(|e| !e.hypothetical)
            .map(|e| e.day)
            .max()
    });
    if let Some(a) = as_of {
        c.line(x_of(a as f64), py0, x_of(a as f64), py1, c.pal.text, 1.5)?;
    }

    // Each party's shifts on the issue, in event order, gathered in one pass.
    let mut shifts_of: HashMap<&str, Vec<(i64, f64, bool)>> = HashMap::new();
    for e in events {
        for s in e.event.shifts.iter().filter(|s| s.issue == issue.id) {
            shifts_of
                .entry(s.party.as_str())
                .or_default()
                .push((e.day, s.stance, e.hypothetical));
        }
    }
    for (i, party) in p.parties.iter().enumerate() {
        let Some(pos) = on_issue.get(party.id.as_str()) else {
            continue;
        };
        let color = c.pal.party(p.party_color_at(i));
        let shifts = shifts_of.remove(party.id.as_str()).unwrap_or_default();
        let base: Vec<&(i64, f64, bool)> = shifts.iter().filter(|s| !s.2).collect();
        let mut pts: Vec<(f64, f64)> = Vec::new();
        for (i, s) in base.iter().enumerate() {
            if i > 0 {
                pts.push((x_of(s.0 as f64), pts.last().map_or(y_of(s.1), |q| q.1)));
            }
            pts.push((x_of(s.0 as f64), y_of(s.1)));
        }
        let now_x = now.map(|n| x_of(n as f64));
        if let (Some(nx), Some(last)) = (now_x, pts.last().copied()) {
            if nx > last.0 {
                pts.push((nx, last.1));
            }
            pts.push((nx, y_of(pos.stance)));
        }
        if pts.len() >= 2 {
            c.polyline(&pts, color, 2.5)?;
        }
        for s in &base {
            c.circle(x_of(s.0 as f64), y_of(s.1), 3.5, color, true, 1.0)?;
        }
        // Hypothetical shifts after the as-of date, dashed.
        let mut prev = now_x.map(|nx| (nx, y_of(pos.stance)));
        for s in shifts.iter().filter(|s| s.2) {
            let (x, y) = (x_of(s.0 as f64), y_of(s.1));
            if let Some((px, py)) = prev {
                c.dashed(px, py, x, py, color, 2.0, 5.0)?;
                c.dashed(x, py, x, y, color, 2.0, 5.0)?;
            }
            c.circle(x, y, 3.5, color, false, 1.5)?;
            prev = Some((x, y));
        }
        if let Some(nx) = now_x {
            c.circle(nx, y_of(pos.stance), 5.0, color, true, 1.0)?;
            layout.add(
                [
                    nx - 6.0,
                    y_of(pos.stance) - 6.0,
                    nx + 6.0,
                    y_of(pos.stance) + 6.0,
                ],
                Some(&party.id),
                Some(&issue.id),
                format!(
                    "{}: stance {} on {} ({} shifts recorded)",
                    party.name,
                    num(pos.stance, 1),
                    issue.name,
                    shifts.len()
                ),
            );
        }
    }
    if let Some((run, s0, s1)) = strip {
        let now_x = now.map_or(x1, |n| x_of(n as f64));
        simulated(c, input, run, now_x, (s0, s1), (py0, py1), &y_of, layout)?;
    }
    // Scale ends, inside the plot at the left, drawn over the lines on a backing of the
    // plot's colour so that a line never strikes them through.
    let end_w = (x1 - x0) * 0.45;
    for (text, y, baseline) in [
        (&issue.high, py0 + 3.0, Baseline::Top),
        (&issue.low, py1 - 3.0, Baseline::Bottom),
    ] {
        if text.trim().is_empty() {
            continue;
        }
        let text = c.fit(text, small, end_w);
        let w = c.measure(&text, small);
        let (ty0, ty1) = match baseline {
            Baseline::Top => (y - 1.0, y + small * 1.25),
            _ => (y - small * 1.25, y + 1.0),
        };
        c.rect(x0 + 3.0, ty0, x0 + 9.0 + w, ty1, c.pal.panel, 0.85)?;
        c.text(
            &text,
            x0 + 6.0,
            y,
            small,
            c.pal.muted,
            Align::Start,
            baseline,
        )?;
    }
    let legend_top = bottom - legend_h + small * 1.1;
    for (k, line) in legend.lines.iter().enumerate() {
        let ly = legend_top + line_h * k as f64;
        for &(i, x) in line {
            let Some((party, color)) = entries.get(i) else {
                continue;
            };
            let lx = x0 + x;
            c.line(lx, ly, lx + small * 1.6, ly, *color, 2.5)?;
            c.text(
                &party.name,
                lx + swatch,
                ly,
                small,
                c.pal.text,
                Align::Start,
                Baseline::Center,
            )?;
        }
    }
    if let Some(x) = legend.more_x {
        let ly = legend_top + line_h * (legend.lines.len().max(1) - 1) as f64;
        let hidden: Vec<&str> = entries
            .iter()
            .skip(entries.len() - legend.hidden)
            .map(|(party, _)| party.name.as_str())
            .collect();
        let text = more(legend.hidden);
        c.text(
            &text,
            x0 + x,
            ly,
            small,
            c.pal.muted,
            Align::Start,
            Baseline::Center,
        )?;
        let w = c.measure(&text, small);
        layout.add(
            [x0 + x, ly - small, x0 + x + w, ly + small],
            None,
            None,
            hidden.join(", "),
        );
    }
    Ok(())
}

/// The most parties on an issue for which the timeline runs the model itself; beyond that
/// the continuation is left out (and said so), which keeps the chart quick on any file.
const CONTINUATION_MAX_PARTIES: usize = 40;

/// The simulated rounds that continue `issue`'s trajectories after the as-of date, when
/// asked for and small enough to run while drawing.
fn continuation(
    input: &ChartInput,
    issue: &crate::model::Issue,
    layout: &mut ChartLayout,
) -> Option<IssueRun> {
    let rounds = input.options.rounds();
    if rounds == 0 {
        return None;
    }
    let p = &input.view.project;
    let holders = p
        .positions
        .iter()
        .filter(|pos| pos.issue == issue.id)
        .take(CONTINUATION_MAX_PARTIES + 1)
        .count();
    if holders > CONTINUATION_MAX_PARTIES {
        layout.omitted.push(format!(
            "simulated rounds not shown: more than {CONTINUATION_MAX_PARTIES} parties hold a position on this issue"
        ));
        return None;
    }
    let run = sim_model::simulate_issue(input.view, &issue.id, rounds)?;
    (run.parties.len() >= 2).then_some(run)
}

/// The simulated rounds in the strip `s0..s1` at the right of the trajectories, dashed in
/// each party's colour and labelled by round; a thin dashed lead joins each party's stance
/// at `now_x` to its round 0.
#[allow(clippy::too_many_arguments)]
fn simulated<DB: DrawingBackend>(
    c: &Canvas<'_, DB>,
    input: &ChartInput,
    run: &IssueRun,
    now_x: f64,
    (s0, s1): (f64, f64),
    (py0, py1): (f64, f64),
    y_of: &dyn Fn(f64) -> f64,
    layout: &mut ChartLayout,
) -> Result<(), ChartError> {
    let p = &input.view.project;
    let small = c.font(11.0);
    let last = run.rounds.len().saturating_sub(1).max(1);
    let rx = |r: usize| s0 + (s1 - s0) * r as f64 / last as f64;
    c.rect(s0, py0, s1, py1, c.pal.panel, 1.0)?;
    for v in [0.0, 25.0, 50.0, 75.0, 100.0] {
        c.line(s0, y_of(v), s1, y_of(v), c.pal.grid, 1.0)?;
    }
    c.text(
        &c.fit(&format!("Model, {last} rounds"), small, (s1 - s0) + 20.0),
        s0,
        py0 - 3.0,
        small,
        c.pal.muted,
        Align::Start,
        Baseline::Bottom,
    )?;
    // Round labels under the strip: every round when there is room, else every k-th.
    let step = ((small * 2.6) / ((s1 - s0) / last as f64)).ceil().max(1.0) as usize;
    for r in (0..=last).filter(|r| r % step == 0 || *r == last) {
        if r != last && last - r < step {
            continue;
        }
        c.text(
            &format!("R{r}"),
            rx(r),
            py1 + 2.0,
            small * 0.9,
            c.pal.muted,
            Align::Middle,
            Baseline::Top,
        )?;
    }
    for (i, id) in run.parties.iter().enumerate() {
        let Some(party) = p.party(id) else {
            continue;
        };
        let color = c.pal.party(p.party_color(id));
        let path: Vec<(f64, f64)> = run
            .rounds
            .iter()
            .filter_map(|r| r.positions.get(i).map(|&x| (rx(r.round), y_of(x))))
            .collect();
        if let Some(&(x, y)) = path.first() {
            c.dashed(now_x, y, x, y, color, 1.0, 3.0)?;
        }
        for w in path.windows(2) {
            c.dashed(w[0].0, w[0].1, w[1].0, w[1].1, color, 2.0, 5.0)?;
        }
        for (r, &(x, y)) in run.rounds.iter().zip(&path) {
            c.circle(x, y, 2.5, color, false, 1.2)?;
            layout.add(
                [x - 5.0, y - 5.0, x + 5.0, y + 5.0],
                Some(id),
                Some(&run.issue),
                format!(
                    "{}: {} after simulated round {} (model)",
                    party.name,
                    num(r.positions.get(i).copied().unwrap_or_default(), 1),
                    r.round
                ),
            );
        }
    }
    Ok(())
}

/// Lines of the trajectory legend at most.
const LEGEND_LINES: usize = 2;

fn more(n: usize) -> String {
    format!("+{n} more")
}

/// Where the legend's entries go: per line, (entry index, x from the left edge).
#[derive(Debug, PartialEq)]
struct Legend {
    lines: Vec<Vec<(usize, f64)>>,
    /// The last entries, in order, that did not fit.
    hidden: usize,
    /// Where "+N more" goes on the last line, when any are hidden.
    more_x: Option<f64>,
}

/// Lays entries of `widths` left to right in `width`, `gap` apart, wrapping onto at most
/// `max_lines` lines; entries that do not fit are counted at the end of the last line, in
/// a label as wide as `more_w(hidden)`, for which the last line gives up entries if needed.
fn legend_lines(
    widths: &[f64],
    width: f64,
    gap: f64,
    max_lines: usize,
    more_w: impl Fn(usize) -> f64,
) -> Legend {
    let mut lines: Vec<Vec<(usize, f64)>> = Vec::new();
    let mut x = 0.0;
    let mut placed = 0;
    for (i, &w) in widths.iter().enumerate() {
        let new_line = lines.is_empty() || (x > 0.0 && x + w > width);
        if new_line {
            if lines.len() == max_lines {
                break;
            }
            lines.push(Vec::new());
            x = 0.0;
        }
        if let Some(line) = lines.last_mut() {
            line.push((i, x));
        }
        x += w + gap;
        placed += 1;
    }
    let mut hidden = widths.len() - placed;
    let mut more_x = None;
    if hidden > 0
        && let Some(line) = lines.last_mut()
    {
        loop {
            let end = line.last().map_or(0.0, |&(i, x)| {
                x + widths.get(i).copied().unwrap_or(0.0) + gap
            });
            if end + more_w(hidden) <= width || line.is_empty() {
                more_x = Some(end);
                break;
            }
            line.pop();
            hidden += 1;
        }
    }
    Legend {
        lines,
        hidden,
        more_x,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_legend_wraps_onto_a_second_line_before_dropping_anything() {
        // Width 100, gap 10: 40 at 0, 40 at 50 (ends at 90); 30 wraps to x 0, 50 at 40.
        let l = legend_lines(&[40.0, 40.0, 30.0, 50.0], 100.0, 10.0, 2, |_| 20.0);
        assert_eq!(
            l.lines,
            vec![vec![(0, 0.0), (1, 50.0)], vec![(2, 0.0), (3, 40.0)]]
        );
        assert_eq!((l.hidden, l.more_x), (0, None));
    }

    #[test]
    fn what_does_not_fit_in_two_lines_is_counted_not_dropped() {
        // Five entries of 40: two per line (0 and 50), so one is left after two lines.
        // "+1 more" (width 30) after the second line's end at 100 does not fit in 100, so
        // the line gives up its second entry: it ends at 50, +2 more fits at 50 (50+30<=100).
        let l = legend_lines(&[40.0; 5], 100.0, 10.0, 2, |_| 30.0);
        assert_eq!(l.lines, vec![vec![(0, 0.0), (1, 50.0)], vec![(2, 0.0)]]);
        assert_eq!((l.hidden, l.more_x), (2, Some(50.0)));
        let shown: usize = l.lines.iter().map(Vec::len).sum();
        assert_eq!(shown + l.hidden, 5, "every entry is drawn or counted");
    }

    #[test]
    fn an_entry_wider_than_the_legend_still_gets_a_line() {
        let l = legend_lines(&[150.0, 20.0], 100.0, 10.0, 2, |_| 30.0);
        assert_eq!(l.lines, vec![vec![(0, 0.0)], vec![(1, 0.0)]]);
        assert_eq!(l.hidden, 0);
    }
}
