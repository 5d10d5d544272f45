//! Where the simulation chart's marks go, as numbers worked out from the simulation and
//! the chart's size alone (text widths come from a `Measure`): the key, wrapped; the grid
//! of panels, about as wide as tall each; and in each panel the plot box, its stance
//! range and ticks, every party's line, the median and mean, and a hover column per round.

use super::MAX_PANELS;
use crate::canvas::{Measure, Size};
use crate::model::Project;
use crate::sim_model::IssueRun;
use crate::{MAX_PARTIES, num};
use std::collections::{HashMap, HashSet};

/// The whole chart below the header, as numbers.
pub struct Sim<'a> {
    pub small: f64,
    pub label: f64,
    pub key: Vec<KeyEntry<'a>>,
    pub panels: Vec<Panel<'a>>,
    /// What did not fit, in the order the footnote says it.
    pub omitted: Vec<String>,
}

/// One line of the key: a party's colour or the median or the mean, its swatch from `x`,
/// centred on `y`.
pub struct KeyEntry<'a> {
    pub name: String,
    pub kind: KeyKind<'a>,
    pub x: f64,
    pub y: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyKind<'a> {
    /// A party, by id.
    Party(&'a str),
    Median,
    Mean,
}

/// One issue's panel in `rect` (`[x0, y0, x1, y1]`).
pub struct Panel<'a> {
    pub run: &'a IssueRun,
    pub rect: [f64; 4],
    /// The issue's name, shortened to leave the ending room.
    pub title: String,
    /// How the run ended ("agreed", "stopped", ...), at the panel's right.
    pub ending: &'static str,
    /// `None` when the panel is too small for a plot.
    pub plot: Option<Plot>,
}

/// A panel's plot box and lines.
pub struct Plot {
    pub px0: f64,
    pub px1: f64,
    pub py0: f64,
    pub py1: f64,
    /// The last round (at least 1), at `px1`.
    pub rounds: usize,
    /// The stance range shown, `lo` at `py1`.
    pub lo: f64,
    pub hi: f64,
    /// The rounds numbered under the box.
    pub x_ticks: Vec<usize>,
    pub median: Vec<(f64, f64)>,
    /// Each party's line, with its index in the project (for its colour).
    pub lines: Vec<(usize, Vec<(f64, f64)>)>,
    /// The mean from each round to the next, `[x0, y0, x1, y1]`.
    pub means: Vec<[f64; 4]>,
    /// One column per round, with its tooltip.
    pub hover: Vec<([f64; 4], String)>,
}

impl Plot {
    /// The x of round `r`.
    pub fn x(&self, r: usize) -> f64 {
        self.px0 + (self.px1 - self.px0) * r as f64 / self.rounds as f64
    }

    /// The y of stance `v`, clamped to the range shown.
    pub fn y(&self, v: f64) -> f64 {
        let (lo, hi) = (self.lo, self.hi);
        self.py1 - (self.py1 - self.py0) * ((v.clamp(lo, hi) - lo) / (hi - lo))
    }
}

/// The runs the chart shows: all with parties, or only the chosen issue's.
pub fn runs<'a>(sim: &'a crate::sim_model::Simulation, chosen: Option<&str>) -> Vec<&'a IssueRun> {
    sim.issues
        .iter()
        .filter(|r| chosen.is_none_or(|id| r.issue == id))
        .filter(|r| !r.parties.is_empty())
        .collect()
}

/// The chart of `runs` (not empty) in a chart of `size` whose body starts at `top`;
/// `footnote` when something already awaits the footnote (which takes a line).
pub fn layout<'a>(
    p: &'a Project,
    runs: &[&'a IssueRun],
    size: Size,
    top: f64,
    footnote: bool,
    measure: &impl Measure,
) -> Sim<'a> {
    let shown = &runs[..runs.len().min(MAX_PANELS)];
    let mut omitted = Vec::new();
    if runs.len() > shown.len() {
        omitted.push(format!("+{} issues not shown", runs.len() - shown.len()));
    }
    let m = size.margin();
    let small = size.font(11.0);
    let label = size.font(12.5);
    let (key, key_bottom) = key(p, shown, size, top, &mut omitted, measure);
    let top = key_bottom + small * 1.6;
    let footer = if omitted.is_empty() && !footnote {
        0.0
    } else {
        small * 1.6
    };
    let bottom = size.h - m - footer;

    // Panels in a grid about as wide as tall each.
    let n = shown.len();
    let body_w = size.w - 2.0 * m;
    let body_h = (bottom - top).max(1.0);
    let cols = columns(n, body_w, body_h);
    let rows = n.div_ceil(cols);
    let cell_w = body_w / cols as f64;
    let cell_h = body_h / rows as f64;
    let panels = shown
        .iter()
        .enumerate()
        .map(|(k, run)| {
            let x0 = m + cell_w * (k % cols) as f64;
            let y0 = top + cell_h * (k / cols) as f64;
            let rect = [x0, y0, x0 + cell_w, y0 + cell_h];
            panel(p, run, rect, (label, small), measure)
        })
        .collect();
    Sim {
        small,
        label,
        key,
        panels,
        omitted,
    }
}

/// The number of columns whose cells come closest to square.
pub fn columns(n: usize, body_w: f64, body_h: f64) -> usize {
    (1..=n)
        .min_by_key(|&cols| {
            let rows = n.div_ceil(cols);
            let aspect = (body_w / cols as f64) / (body_h / rows as f64);
            ((aspect.ln().abs()) * 1000.0) as i64
        })
        .unwrap_or(1)
}

/// The key: the parties of the panels shown, in party order, then median and mean,
/// wrapped onto new lines at the right margin. Returns it and its last line's y.
fn key<'a>(
    p: &'a Project,
    shown: &[&IssueRun],
    size: Size,
    top: f64,
    omitted: &mut Vec<String>,
    measure: &impl Measure,
) -> (Vec<KeyEntry<'a>>, f64) {
    let (m, small) = (size.margin(), size.font(11.0));
    let in_shown: HashSet<&str> = shown
        .iter()
        .flat_map(|r| r.parties.iter().map(String::as_str))
        .collect();
    let parties: Vec<&crate::model::Party> = p
        .parties
        .iter()
        .filter(|party| in_shown.contains(party.id.as_str()))
        .collect();
    let listed = parties.len().min(MAX_PARTIES);
    if parties.len() > listed {
        omitted.push(format!(
            "+{} parties drawn but not in the legend",
            parties.len() - listed
        ));
    }
    let swatch = small * 1.6;
    let mut entries: Vec<(String, KeyKind)> = parties[..listed]
        .iter()
        .map(|party| (party.name.clone(), KeyKind::Party(party.id.as_str())))
        .collect();
    entries.push(("weighted median".to_owned(), KeyKind::Median));
    entries.push(("weighted mean".to_owned(), KeyKind::Mean));
    let (mut x, mut y) = (m, top + small / 2.0);
    let mut key = Vec::new();
    for (name, kind) in entries {
        let w = swatch + small * 0.4 + measure.measure(&name, small);
        if x > m && x + w > size.w - m {
            x = m;
            y += small * 1.5;
        }
        key.push(KeyEntry { name, kind, x, y });
        x += w + small * 1.4;
    }
    (key, y)
}

/// One issue's panel in `rect`: its title and ending, and the plot when there is room.
fn panel<'a>(
    p: &Project,
    run: &'a IssueRun,
    rect: [f64; 4],
    (label, small): (f64, f64),
    measure: &impl Measure,
) -> Panel<'a> {
    let [x0, y0, x1, y1] = rect;
    let gap = small * 1.2;
    let name = p
        .issue(&run.issue)
        .map_or(run.issue.as_str(), |i| i.name.as_str());
    let ending = run.ending().label();
    let ending_w = measure.measure(ending, small);
    let title = measure.fit(name, label, x1 - x0 - gap - ending_w - small);
    let axis_w = measure.measure("100", small) + small * 0.5;
    let (px0, px1) = (x0 + axis_w, x1 - gap);
    let (py0, py1) = (y0 + label * 1.6, y1 - small * 2.4 - gap * 0.5);
    let room = !(px1 - px0 < 20.0 || py1 - py0 < 20.0);
    Panel {
        run,
        rect,
        title,
        ending,
        plot: room.then(|| plot(p, run, name, [px0, py0, px1, py1], small)),
    }
}

/// The plot of `run` in the box `[px0, py0, px1, py1]`.
fn plot(p: &Project, run: &IssueRun, name: &str, b: [f64; 4], small: f64) -> Plot {
    let [px0, py0, px1, py1] = b;
    let rounds = run.rounds.len().saturating_sub(1).max(1);
    let (lo, hi) = y_range(run);
    let mut plot = Plot {
        px0,
        px1,
        py0,
        py1,
        rounds,
        lo,
        hi,
        x_ticks: Vec::new(),
        median: Vec::new(),
        lines: Vec::new(),
        means: Vec::new(),
        hover: Vec::new(),
    };
    let step = (rounds as f64 / ((px1 - px0) / (small * 3.0)).max(1.0))
        .ceil()
        .max(1.0) as usize;
    plot.x_ticks = (0..=rounds).step_by(step).collect();
    plot.median = run
        .rounds
        .iter()
        .enumerate()
        .filter_map(|(r, round)| round.median.map(|v| (plot.x(r), plot.y(v))))
        .collect();
    // One line per party; parties that share a position are spread by a pixel or two so
    // that each stays visible.
    let n = run.parties.len();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for (k, party) in p.parties.iter().enumerate() {
        index.entry(party.id.as_str()).or_insert(k);
    }
    plot.lines = run
        .parties
        .iter()
        .enumerate()
        .map(|(i, id)| {
            let offset = (i as f64 - (n as f64 - 1.0) / 2.0) * (1.2f64).min(6.0 / n as f64);
            let points = run
                .rounds
                .iter()
                .enumerate()
                .map(|(r, round)| (plot.x(r), plot.y(round.positions[i]) + offset))
                .collect();
            (index.get(id.as_str()).copied().unwrap_or(0), points)
        })
        .collect();
    plot.means = run
        .rounds
        .windows(2)
        .enumerate()
        .filter_map(|(r, pair)| {
            let (a, b) = (pair[0].mean?, pair[1].mean?);
            Some([plot.x(r), plot.y(a), plot.x(r + 1), plot.y(b)])
        })
        .collect();
    plot.hover = hover(run, name, &plot);
    plot
}

/// Hover: one column per round, centred on it, with its median, mean and moves.
fn hover(run: &IssueRun, name: &str, plot: &Plot) -> Vec<([f64; 4], String)> {
    let (px0, px1) = (plot.px0, plot.px1);
    let half = (px1 - px0) / plot.rounds as f64 / 2.0;
    let show = |v: Option<f64>| v.map_or_else(|| "none".to_owned(), |v| num(v, 1));
    run.rounds
        .iter()
        .enumerate()
        .map(|(r, round)| {
            let moves = if round.moves.is_empty() {
                if r == 0 {
                    "the starting positions".to_owned()
                } else {
                    "nobody moves".to_owned()
                }
            } else {
                format!(
                    "{} move{}",
                    round.moves.len(),
                    if round.moves.len() == 1 { "" } else { "s" }
                )
            };
            let x = plot.x(r);
            let rect = [(x - half).max(px0), plot.py0, (x + half).min(px1), plot.py1];
            let tip = format!(
                "{name} · round {r}: median {}, mean {}; {moves}",
                show(round.median),
                show(round.mean)
            );
            (rect, tip)
        })
        .collect()
}

/// The stance range a panel shows: the whole 0..100 scale, or, when every position of the
/// run stays within a narrow band (an imported table on a small scale), that band with a
/// margin, on multiples of 5, so that the moves can be seen.
pub fn y_range(run: &IssueRun) -> (f64, f64) {
    let all = run.rounds.iter().flat_map(|r| r.positions.iter().copied());
    let (min, max) = all.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
        (a.min(v), b.max(v))
    });
    if !(min.is_finite() && max.is_finite()) || max - min >= 40.0 {
        return (0.0, 100.0);
    }
    let pad = ((max - min) * 0.15).max(2.0);
    let lo = (((min - pad) / 5.0).floor() * 5.0).max(0.0);
    let hi = (((max + pad) / 5.0).ceil() * 5.0).min(100.0);
    if hi > lo { (lo, hi) } else { (0.0, 100.0) }
}
