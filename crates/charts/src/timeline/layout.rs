//! Where the timeline's marks go, as numbers worked out from the project and the chart's
//! size alone (text widths come from a `Measure`, so tests can make them up): the kind
//! legend, the lanes, the date axis, each event's markers, the title rows and their
//! leaders. The trajectories below have their own layout (`trajectories.rs`); `paint`
//! draws both.

use super::titles::{self, MAX_TITLE_ROWS, Title, group_events, title_row_h};
use super::trajectories::{self, Trajectories};
use crate::canvas::{Measure, Size};
use crate::dates::{self, day_number};
use crate::legend::{self, Legend};
use crate::model::{Event, EventKind, Issue, Project, View, parse_date};
use crate::sim_model::{self, IssueRun};
use crate::{ChartInput, MAX_PARTIES};

/// Lines of the kind legend at most.
const LEGEND_LINES: usize = 2;

/// The most parties on an issue for which the timeline runs the model itself; beyond that
/// the continuation is left out (and said so), which keeps the chart quick on any file.
const CONTINUATION_MAX_PARTIES: usize = 40;

/// An event with a valid date.
pub struct Dated<'a> {
    pub event: &'a Event,
    pub day: i64,
    pub hypothetical: bool,
}

/// The type sizes and margin the timeline is laid out in.
#[derive(Debug, Clone, Copy)]
pub struct Type {
    pub margin: f64,
    pub label: f64,
    pub small: f64,
}

/// Dates to x: day numbers `d0..d1` onto `x0..x1` px.
#[derive(Debug, Clone, Copy)]
pub struct DateScale {
    pub d0: f64,
    pub d1: f64,
    pub x0: f64,
    pub x1: f64,
}

impl DateScale {
    pub fn x(&self, day: f64) -> f64 {
        self.x0 + (day - self.d0) / (self.d1 - self.d0) * (self.x1 - self.x0)
    }
}

/// The kinds of event present (then the hypothetical style), wrapped like the trajectory
/// legend so that no kind goes unexplained.
pub struct KindLegend {
    /// `None` is the hypothetical (scenario) entry.
    pub entries: Vec<(Option<EventKind>, &'static str)>,
    pub legend: Legend,
    /// Marker radius.
    pub r: f64,
    /// The y of the first line's centre, and the line height.
    pub y: f64,
    pub line_h: f64,
}

/// One party's lane (or "Other", for events that name nobody shown).
pub struct Lane<'a> {
    pub id: Option<&'a str>,
    pub name: String,
    /// Top of the lane.
    pub y: f64,
}

/// A tick of the date axis; its label is left out where it would touch the as-of label.
pub struct Tick {
    pub x: f64,
    pub label: Option<String>,
}

/// The markers of one event: one per lane it is in, spread a little within a crowded lane.
pub struct Marks<'a> {
    pub event: &'a Dated<'a>,
    pub points: Vec<(f64, f64)>,
    pub tooltip: String,
}

/// The whole chart below the header, as numbers.
pub struct Timeline<'a> {
    pub ty: Type,
    pub kinds: KindLegend,
    pub lanes: Vec<Lane<'a>>,
    /// Where the title rows, the lanes (the date axis runs along their bottom) and the
    /// trajectories go.
    pub v: Vertical,
    /// The lane names' column, from the margin.
    pub lane_label_w: f64,
    pub scale: DateScale,
    pub ticks: Vec<Tick>,
    /// "as of DATE" and its x on the axis.
    pub as_of_label: Option<(String, f64)>,
    /// The x of the as-of line.
    pub as_of_x: Option<f64>,
    /// The scenario's future is shaded when it holds hypothetical events.
    pub shade_future: bool,
    /// Marker radius in the lanes.
    pub r: f64,
    pub marks: Vec<Marks<'a>>,
    pub titles: Vec<Title<'a>>,
    pub trajectories: Option<Trajectories<'a>>,
    /// What did not fit, in the order the footnote says it.
    pub omitted: Vec<String>,
}

/// The events with a valid date, in date order (hypothetical ones after the recorded).
pub fn dated_events(view: &View) -> Vec<Dated<'_>> {
    view.sorted_events()
        .into_iter()
        .filter_map(|(event, hypothetical)| {
            parse_date(&event.date).map(|d| Dated {
                event,
                day: day_number(d),
                hypothetical,
            })
        })
        .collect()
}

/// The issue whose trajectories to show: the chosen one, else the one with most shifts.
pub fn trajectory_issue<'a>(p: &'a Project, chosen: Option<&str>) -> Option<&'a Issue> {
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

/// The timeline of `events` (from `dated_events`, not empty) in a chart of `size` whose
/// body starts at `top`.
pub fn layout<'a>(
    input: &ChartInput<'a>,
    events: &'a [Dated<'a>],
    size: Size,
    top: f64,
    measure: &impl Measure,
) -> Timeline<'a> {
    let p = &input.view.project;
    let ty = Type {
        margin: size.margin(),
        label: size.font(12.5),
        small: size.font(11.0),
    };
    let (m, label, small) = (ty.margin, ty.label, ty.small);
    let mut omitted = Vec::new();
    let lanes = lanes(p, events, &mut omitted);
    let as_of = p.as_of.as_deref().and_then(parse_date).map(day_number);

    // Date range with a little room on both sides.
    let first = events.iter().map(|e| e.day).chain(as_of).min().unwrap_or(0);
    let last = events.iter().map(|e| e.day).chain(as_of).max().unwrap_or(0);
    let span = (last - first).max(6) as f64;
    let lane_label_w = lanes
        .iter()
        .map(|(_, n)| measure.measure(n, label))
        .fold(0.0, f64::max)
        .min(size.w * 0.16)
        + label;
    // The chosen issue's simulated continuation takes a strip at the right, so the dates
    // above and the trajectories below keep one axis.
    let issue = trajectory_issue(p, input.options.issue.as_deref());
    let continuation = issue.and_then(|i| continuation(input, i, &mut omitted));
    let strip_w = if continuation.is_some() {
        (size.w * 0.2).clamp(110.0, 320.0)
    } else {
        0.0
    };
    let scale = DateScale {
        d0: first as f64 - span * 0.04 - 0.5,
        d1: first as f64 + span * 1.04 + 0.5,
        x0: m + lane_label_w,
        x1: size.w - m - label - strip_w,
    };

    let kinds = kind_legend(events, size, ty, top, measure);
    let top = top + small * 2.2 + kinds.line_h * (kinds.legend.rows() - 1) as f64;
    let rows_wanted = titles::rows_wanted(events, &scale, (size, ty), measure);
    let v = vertical(size, ty, top, lanes.len(), issue.is_some(), rows_wanted);
    let lanes: Vec<Lane> = lanes
        .into_iter()
        .enumerate()
        .map(|(i, (id, name))| Lane {
            id,
            name,
            y: v.lanes_top + v.lane_h * i as f64,
        })
        .collect();
    let (ticks, as_of_label) = axis(
        p.as_of.as_deref(),
        as_of,
        (first, last),
        &scale,
        ty,
        measure,
    );
    let (r, marks, titles) = marks_and_titles(p, events, &lanes, &v, &scale, (size, ty), measure);
    omitted.extend(titles.1);
    let trajectories = issue.map(|issue| {
        let strip = continuation.map(|run| (run, scale.x1 + label, scale.x1 + strip_w));
        let (top, bottom) = (v.events_bottom + label * 1.5, v.bottom);
        let ctx = (as_of, &scale, ty);
        trajectories::layout(input, issue, events, ctx, (top, bottom), strip, measure)
    });
    Timeline {
        ty,
        kinds,
        lanes,
        v,
        lane_label_w,
        scale,
        ticks,
        as_of_x: as_of.map(|a| scale.x(a as f64)),
        shade_future: events.iter().any(|e| e.hypothetical),
        as_of_label,
        r,
        marks,
        titles: titles.0,
        trajectories,
        omitted,
    }
}

/// The events' markers, grouped: events within a few px of each other form a group (one
/// title); within a lane, a group's markers are spread a little so that each stays
/// visible. Returns the marker radius, the markers, the titles and what the footnote says
/// of the titles that found no room.
#[allow(clippy::type_complexity)]
fn marks_and_titles<'a>(
    p: &Project,
    events: &'a [Dated<'a>],
    lanes: &[Lane],
    v: &Vertical,
    scale: &DateScale,
    (size, ty): (Size, Type),
    measure: &impl Measure,
) -> (f64, Vec<Marks<'a>>, (Vec<Title<'a>>, Option<String>)) {
    let r = (v.lane_h * 0.28).clamp(3.5, ty.label * 0.6);
    let groups = group_events(events, scale, r * 2.5);
    let lane_ys = |e: &Event| lane_ys(lanes, v.lanes_top, v.lane_h, e);
    let marks = groups
        .iter()
        .flat_map(|g| spread(g, scale, r, &lane_ys))
        .map(|(event, points)| Marks {
            event,
            points,
            tooltip: tooltip(p, event),
        })
        .collect();
    let title_x1 = size.w - ty.margin - ty.label;
    let (titles, unlabeled) = titles::titles(
        &groups,
        scale,
        (title_x1, v.rows, v.titles_bottom),
        ty,
        measure,
        |g| lane_ys(g[0].event)[0] - r - 1.0,
    );
    let note = match unlabeled {
        0 => None,
        1 => Some("1 event title not shown for lack of room".to_owned()),
        n => Some(format!("{n} event titles not shown for lack of room")),
    };
    (r, marks, (titles, note))
}

/// Lanes: parties that act in an event, in project order (at most `MAX_PARTIES`), plus
/// "Other" for events that name none of them.
fn lanes<'a>(
    p: &'a Project,
    events: &[Dated],
    omitted: &mut Vec<String>,
) -> Vec<(Option<&'a str>, String)> {
    let mut lanes: Vec<(Option<&str>, String)> = p
        .parties
        .iter()
        .filter(|party| events.iter().any(|e| e.event.parties.contains(&party.id)))
        .map(|party| (Some(party.id.as_str()), party.name.clone()))
        .collect();
    if lanes.len() > MAX_PARTIES {
        omitted.push(format!(
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
    lanes
}

/// The simulated rounds that continue `issue`'s trajectories after the as-of date, when
/// asked for and small enough to run while drawing.
fn continuation(input: &ChartInput, issue: &Issue, omitted: &mut Vec<String>) -> Option<IssueRun> {
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
        omitted.push(format!(
            "simulated rounds not shown: more than {CONTINUATION_MAX_PARTIES} parties hold a position on this issue"
        ));
        return None;
    }
    let run = sim_model::simulate_issue(input.view, &issue.id, rounds)?;
    (run.parties.len() >= 2).then_some(run)
}

/// The kind legend's entries and lines, its first line centred half a line under `top`.
fn kind_legend(
    events: &[Dated],
    size: Size,
    ty: Type,
    top: f64,
    measure: &impl Measure,
) -> KindLegend {
    let small = ty.small;
    let mut kinds: Vec<EventKind> = EventKind::ALL
        .into_iter()
        .filter(|k| events.iter().any(|e| e.event.kind == *k))
        .collect();
    kinds.dedup();
    let r = (small * 0.42).max(3.0);
    let mut entries: Vec<(Option<EventKind>, &str)> =
        kinds.iter().map(|k| (Some(*k), k.label())).collect();
    if events.iter().any(|e| e.hypothetical) {
        entries.push((None, "hypothetical (scenario)"));
    }
    let widths: Vec<f64> = entries
        .iter()
        .map(|(_, text)| r * 2.6 + measure.measure(text, small))
        .collect();
    let legend = legend::lay_out(
        &widths,
        size.w - 2.0 * ty.margin,
        small * 1.2,
        LEGEND_LINES,
        |n| measure.measure(&legend::more(n), small),
    );
    KindLegend {
        entries,
        legend,
        r,
        y: top + small / 2.0,
        line_h: small * 1.5,
    }
}

/// The vertical budget of the chart's body.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Vertical {
    /// Title rows that fit above the lanes (1..=8).
    pub rows: usize,
    pub titles_bottom: f64,
    pub lanes_top: f64,
    pub lane_h: f64,
    pub lanes_bottom: f64,
    /// Under the date axis; the trajectories start a heading's height lower.
    pub events_bottom: f64,
    /// The bottom of the trajectories.
    pub bottom: f64,
}

/// Trajectories take at least ~40% when there is an issue to show, and whatever the
/// events do not need; lanes get their share of the rest and the title rows above them
/// what is left (at least one row, at most eight).
pub fn vertical(
    size: Size,
    ty: Type,
    top: f64,
    n_lanes: usize,
    has_issue: bool,
    rows_wanted: usize,
) -> Vertical {
    let (m, label, small) = (ty.margin, ty.label, ty.small);
    let row_h = title_row_h(ty);
    let bottom = size.h - m - small * 1.6;
    let body = bottom - top;
    let axis_h = small * 2.0;
    let n_lanes = n_lanes as f64;
    let lane_max = if has_issue { label * 2.4 } else { label * 4.0 };
    let events_needed = row_h * rows_wanted as f64 + small * 1.5 + n_lanes * lane_max + axis_h;
    let traj_h = if has_issue {
        (body * 0.4).max(body - events_needed - label * 1.5).round()
    } else {
        0.0
    };
    let events_bottom = bottom - traj_h - if has_issue { label * 1.5 } else { 0.0 };
    let lanes_bottom = events_bottom - axis_h;
    let lane_h = ((lanes_bottom - top - row_h * rows_wanted as f64 - small * 1.5) / n_lanes)
        .clamp(label * 1.2, lane_max);
    let lanes_top = lanes_bottom - lane_h * n_lanes;
    let rows = ((lanes_top - top - small) / row_h)
        .floor()
        .clamp(1.0, MAX_TITLE_ROWS as f64) as usize;
    Vertical {
        rows,
        titles_bottom: lanes_top - small * 0.5,
        lanes_top,
        lane_h,
        lanes_bottom,
        events_bottom,
        bottom,
    }
}

/// The y of the centre of each lane `e` is in (the last lane, "Other", when none).
fn lane_ys(lanes: &[Lane], lanes_top: f64, lane_h: f64, e: &Event) -> Vec<f64> {
    let mut ys: Vec<f64> = lanes
        .iter()
        .enumerate()
        .filter(|(_, lane)| lane.id.is_some_and(|id| e.parties.iter().any(|p| p == id)))
        .map(|(i, _)| lanes_top + lane_h * (i as f64 + 0.5))
        .collect();
    if ys.is_empty() {
        ys.push(lanes_top + lane_h * (lanes.len() as f64 - 0.5));
    }
    ys
}

/// The date axis's ticks; the as-of date is written on the axis, and tick labels that
/// would touch it are left out.
fn axis(
    as_of_text: Option<&str>,
    as_of: Option<i64>,
    (first, last): (i64, i64),
    scale: &DateScale,
    ty: Type,
    measure: &impl Measure,
) -> (Vec<Tick>, Option<(String, f64)>) {
    let small = ty.small;
    let (x0, x1) = (scale.x0, scale.x1);
    let max_ticks = ((x1 - x0) / (measure.measure("Mar 2025", small) * 1.8)).max(2.0) as usize;
    let step = dates::tick_step(last - first, max_ticks);
    let as_of_label = as_of.zip(as_of_text).map(|(a, text)| {
        let text = format!("as of {text}");
        let w = measure.measure(&text, small);
        let x = scale.x(a as f64).clamp(x0 + w / 2.0, x1 - w / 2.0);
        (text, x, w)
    });
    let ticks = dates::ticks(scale.d0.ceil() as i64, scale.d1.floor() as i64, step)
        .into_iter()
        .map(|t| {
            let x = scale.x(t as f64);
            let label = dates::from_day_number(t).map(|d| dates::label(d, step));
            let label = label.filter(|text| {
                let w = measure.measure(text, small);
                !as_of_label
                    .as_ref()
                    .is_some_and(|(_, ax, aw)| (x - ax).abs() < (w + aw) / 2.0 + small)
            });
            Tick { x, label }
        })
        .collect();
    (ticks, as_of_label.map(|(text, x, _)| (text, x)))
}

/// Each event of group `g` with its markers: one per lane it is in, the markers of one
/// lane spread around the date, at most `r * 2.2` apart.
fn spread<'a>(
    g: &[&'a Dated<'a>],
    scale: &DateScale,
    r: f64,
    lane_ys: &dyn Fn(&Event) -> Vec<f64>,
) -> Vec<(&'a Dated<'a>, Vec<(f64, f64)>)> {
    let mut seen: Vec<(i64, usize)> = Vec::new(); // (lane y in px, markers so far)
    let per_lane = |y: f64| {
        g.iter()
            .filter(|e| lane_ys(e.event).iter().any(|v| (*v - y).abs() < 0.5))
            .count()
    };
    let mut out = Vec::new();
    for &e in g {
        let x = scale.x(e.day as f64);
        let ys = lane_ys(e.event);
        let mut points = Vec::new();
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
            points.push((x + (k as f64 - (n as f64 - 1.0) / 2.0) * spacing, y));
        }
        out.push((e, points));
    }
    out
}

/// A marker's tooltip: date, kind, title and the parties named.
fn tooltip(p: &Project, e: &Dated) -> String {
    let names: Vec<&str> = e
        .event
        .parties
        .iter()
        .map(|id| p.party(id).map_or(id.as_str(), |x| x.name.as_str()))
        .collect();
    format!(
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
    )
}
