//! Where the timeline's stance trajectories go, as numbers: the step line of each party's
//! stance on one issue (recorded shifts up to the as-of date, hypothetical ones after it),
//! the strip of the model's simulated rounds at the right, the scale ends and the party
//! legend under the panel.

use std::collections::HashMap;

use super::layout::{DateScale, Dated, Type};
use crate::canvas::{Baseline, Measure};
use crate::legend::{self, Legend};
use crate::model::{Issue, Party, Position};
use crate::sim_model::IssueRun;
use crate::{ChartInput, num};

/// Lines of the party legend at most.
const LEGEND_LINES: usize = 2;

/// The panel of trajectories, as numbers.
pub struct Trajectories<'a> {
    pub issue: &'a Issue,
    /// "Stance on …", shortened to fit, and its top.
    pub heading: String,
    pub heading_y: f64,
    pub x0: f64,
    pub x1: f64,
    /// The panel's top and bottom: stance 100 at `py0`, 0 at `py1`.
    pub py0: f64,
    pub py1: f64,
    pub as_of_x: Option<f64>,
    pub paths: Vec<Path<'a>>,
    pub strip: Option<Strip>,
    pub ends: Vec<ScaleEnd>,
    /// The parties drawn, with their place in the project (for their colour).
    pub entries: Vec<(&'a Party, usize)>,
    pub legend: Legend,
    pub legend_top: f64,
    pub line_h: f64,
    pub swatch: f64,
}

impl Trajectories<'_> {
    /// The y of a stance.
    pub fn y(&self, v: f64) -> f64 {
        y_of(self.py0, self.py1, v)
    }

    /// The parties the legend's "+N more" stands for.
    pub fn hidden_names(&self) -> Vec<&str> {
        self.entries
            .iter()
            .skip(self.entries.len() - self.legend.hidden)
            .map(|(party, _)| party.name.as_str())
            .collect()
    }
}

fn y_of(py0: f64, py1: f64, v: f64) -> f64 {
    py1 - v.clamp(0.0, 100.0) / 100.0 * (py1 - py0)
}

/// One party's trajectory.
pub struct Path<'a> {
    pub party: &'a Party,
    /// The party's place in the project, for its colour.
    pub index: usize,
    /// The step line through its recorded shifts to its stance at the as-of date.
    pub steps: Vec<(f64, f64)>,
    /// The recorded shifts.
    pub shifts: Vec<(f64, f64)>,
    /// Where the hypothetical shifts start (the stance at the as-of date), and each shift.
    pub from_now: Option<(f64, f64)>,
    pub hypothetical: Vec<(f64, f64)>,
    /// The stance at the as-of date, with its tooltip.
    pub now: Option<((f64, f64), String)>,
}

/// The model's rounds in the strip `s0..s1` at the right of the panel.
pub struct Strip {
    pub s0: f64,
    pub s1: f64,
    /// Where each party's lead starts (its stance at the as-of date).
    pub now_x: f64,
    /// "Model, N rounds", shortened to fit.
    pub heading: String,
    /// Round labels and their x.
    pub labels: Vec<(String, f64)>,
    pub paths: Vec<StripPath>,
}

/// One party's simulated rounds: each point with its tooltip.
pub struct StripPath {
    pub party: String,
    pub points: Vec<(f64, f64, String)>,
}

/// A scale end written inside the panel on a backing.
pub struct ScaleEnd {
    pub text: String,
    pub x: f64,
    pub y: f64,
    pub baseline: Baseline,
    /// The backing: `[x0, y0, x1, y1]`.
    pub backing: [f64; 4],
}

/// The trajectories of `issue` between `x0..x1` (dates by `scale`) and `top..bottom`, with
/// the simulated rounds in `strip` (the run and its x range) when there are any.
pub fn layout<'a>(
    input: &ChartInput<'a>,
    issue: &'a Issue,
    events: &[Dated],
    (as_of, scale, ty): (Option<i64>, &DateScale, Type),
    (top, bottom): (f64, f64),
    strip: Option<(IssueRun, f64, f64)>,
    measure: &impl Measure,
) -> Trajectories<'a> {
    let p = &input.view.project;
    let (label, small, m) = (ty.label, ty.small, ty.margin);
    let (x0, x1) = (scale.x0, scale.x1);
    let heading = measure.fit(&format!("Stance on “{}”", issue.name), label, x1 - m);
    // The issue's positions by party, found once: a project may have tens of thousands.
    let on_issue: HashMap<&str, &Position> = p
        .positions
        .iter()
        .filter(|pos| pos.issue == issue.id)
        .map(|pos| (pos.party.as_str(), pos))
        .collect();
    // The legend names every party drawn: it wraps onto a second line, and only past that
    // does it end in "+N more" rather than dropping names.
    let entries: Vec<(&Party, usize)> = p
        .parties
        .iter()
        .enumerate()
        .filter(|(_, party)| on_issue.contains_key(party.id.as_str()))
        .map(|(i, party)| (party, i))
        .collect();
    let swatch = small * 2.0;
    let widths: Vec<f64> = entries
        .iter()
        .map(|(party, _)| swatch + measure.measure(&party.name, small))
        .collect();
    let legend = legend::lay_out(&widths, x1 - x0, small * 1.5, LEGEND_LINES, |n| {
        measure.measure(&legend::more(n), small)
    });
    let line_h = small * 1.5;
    let legend_h = small * 1.8 + line_h * (legend.rows() - 1) as f64;
    let (py0, py1) = (top + small * 0.6, bottom - legend_h);
    let now = as_of.or_else(|| {
        events
            .iter()
            .filter(|e| !e.hypothetical)
            .map(|e| e.day)
            .max()
    });
    let now_x = now.map(|n| scale.x(n as f64));
    let paths = paths(p, issue, events, &on_issue, scale, (py0, py1), now_x);
    let strip = strip.map(|(run, s0, s1)| {
        let now_x = now.map_or(x1, |n| scale.x(n as f64));
        simulated(input, run, now_x, (s0, s1), (py0, py1), ty, measure)
    });
    Trajectories {
        issue,
        heading,
        heading_y: top - label * 1.3,
        x0,
        x1,
        py0,
        py1,
        as_of_x: as_of.map(|a| scale.x(a as f64)),
        paths,
        strip,
        ends: scale_ends(issue, (x0, x1), (py0, py1), ty, measure),
        entries,
        legend,
        legend_top: bottom - legend_h + small * 1.1,
        line_h,
        swatch,
    }
}

/// Step lines of each party's stance on `issue`: from its first shift through each later
/// one to its current stance at `now_x`; hypothetical shifts after it.
fn paths<'a>(
    p: &'a crate::model::Project,
    issue: &Issue,
    events: &[Dated],
    on_issue: &HashMap<&str, &Position>,
    scale: &DateScale,
    (py0, py1): (f64, f64),
    now_x: Option<f64>,
) -> Vec<Path<'a>> {
    let y_of = |v: f64| y_of(py0, py1, v);
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
    let mut out = Vec::new();
    for (i, party) in p.parties.iter().enumerate() {
        let Some(pos) = on_issue.get(party.id.as_str()) else {
            continue;
        };
        let shifts = shifts_of.remove(party.id.as_str()).unwrap_or_default();
        let base: Vec<&(i64, f64, bool)> = shifts.iter().filter(|s| !s.2).collect();
        let mut steps: Vec<(f64, f64)> = Vec::new();
        for (i, s) in base.iter().enumerate() {
            if i > 0 {
                steps.push((scale.x(s.0 as f64), steps.last().map_or(y_of(s.1), |q| q.1)));
            }
            steps.push((scale.x(s.0 as f64), y_of(s.1)));
        }
        if let (Some(nx), Some(last)) = (now_x, steps.last().copied()) {
            if nx > last.0 {
                steps.push((nx, last.1));
            }
            steps.push((nx, y_of(pos.stance)));
        }
        let now = now_x.map(|nx| {
            let tip = format!(
                "{}: stance {} on {} ({} shifts recorded)",
                party.name,
                num(pos.stance, 1),
                issue.name,
                shifts.len()
            );
            ((nx, y_of(pos.stance)), tip)
        });
        out.push(Path {
            party,
            index: i,
            shifts: base
                .iter()
                .map(|s| (scale.x(s.0 as f64), y_of(s.1)))
                .collect(),
            steps,
            from_now: now_x.map(|nx| (nx, y_of(pos.stance))),
            hypothetical: shifts
                .iter()
                .filter(|s| s.2)
                .map(|s| (scale.x(s.0 as f64), y_of(s.1)))
                .collect(),
            now,
        });
    }
    out
}

/// The simulated rounds in the strip `s0..s1`, labelled by round (every round when there
/// is room, else every k-th, and always the last).
fn simulated(
    input: &ChartInput,
    run: IssueRun,
    now_x: f64,
    (s0, s1): (f64, f64),
    (py0, py1): (f64, f64),
    ty: Type,
    measure: &impl Measure,
) -> Strip {
    let p = &input.view.project;
    let small = ty.small;
    let last = run.rounds.len().saturating_sub(1).max(1);
    let rx = |r: usize| s0 + (s1 - s0) * r as f64 / last as f64;
    let step = ((small * 2.6) / ((s1 - s0) / last as f64)).ceil().max(1.0) as usize;
    let labels = (0..=last)
        .filter(|r| r % step == 0 || *r == last)
        .filter(|r| *r == last || last - r >= step)
        .map(|r| (format!("R{r}"), rx(r)))
        .collect();
    let mut paths = Vec::new();
    for (i, id) in run.parties.iter().enumerate() {
        let Some(party) = p.party(id) else {
            continue;
        };
        let path: Vec<(f64, f64)> = run
            .rounds
            .iter()
            .filter_map(|r| {
                r.positions
                    .get(i)
                    .map(|&x| (rx(r.round), y_of(py0, py1, x)))
            })
            .collect();
        let points = run
            .rounds
            .iter()
            .zip(&path)
            .map(|(r, &(x, y))| {
                let tip = format!(
                    "{}: {} after simulated round {} (model)",
                    party.name,
                    num(r.positions.get(i).copied().unwrap_or_default(), 1),
                    r.round
                );
                (x, y, tip)
            })
            .collect();
        paths.push(StripPath {
            party: id.clone(),
            points,
        });
    }
    Strip {
        s0,
        s1,
        now_x,
        heading: measure.fit(&format!("Model, {last} rounds"), small, (s1 - s0) + 20.0),
        labels,
        paths,
    }
}

/// The scale ends, inside the panel at the left, each on a backing of the panel's colour
/// so that a line never strikes them through; a blank end is left out.
fn scale_ends(
    issue: &Issue,
    (x0, x1): (f64, f64),
    (py0, py1): (f64, f64),
    ty: Type,
    measure: &impl Measure,
) -> Vec<ScaleEnd> {
    let small = ty.small;
    let end_w = (x1 - x0) * 0.45;
    [
        (&issue.high, py0 + 3.0, Baseline::Top),
        (&issue.low, py1 - 3.0, Baseline::Bottom),
    ]
    .into_iter()
    .filter(|(text, _, _)| !text.trim().is_empty())
    .map(|(text, y, baseline)| {
        let text = measure.fit(text, small, end_w);
        let w = measure.measure(&text, small);
        let (ty0, ty1) = match baseline {
            Baseline::Top => (y - 1.0, y + small * 1.25),
            _ => (y - small * 1.25, y + 1.0),
        };
        ScaleEnd {
            text,
            x: x0 + 6.0,
            y,
            baseline,
            backing: [x0 + 3.0, ty0, x0 + 9.0 + w, ty1],
        }
    })
    .collect()
}
