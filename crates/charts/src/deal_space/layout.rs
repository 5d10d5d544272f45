//! Where the deal-space chart's marks go, as numbers worked out from the deal space and
//! the chart's size alone (text widths come from a `Measure`): the note and key under the
//! title, the plot box and its value ranges, the round ticks, the frontier in px, and each
//! mark with its label moved down past the labels already placed.

use crate::analysis::DealSpace;
use crate::canvas::{Align, Measure, Size};
use crate::num;

/// Under the title: how to read the chart.
pub const NOTE: &str = "Value of a package to each (1 = its ideals, 0 = on balance at its \
     walk-aways). The line: the most one can get for a given value to the other, every red \
     line kept.";

/// The key's entries, in its order.
pub const KEY: [&str; 5] = [
    "frontier (best packages)",
    "both accept",
    "Nash package",
    "predicted outcome",
    "other scenarios",
];

/// The chart below the header: the note and the key always, the plot when there is room.
pub struct Chart {
    pub margin: f64,
    pub label: f64,
    pub small: f64,
    /// The note, shortened to the width, and its top.
    pub note: (String, f64),
    /// The key's top, and each entry's marker x and text x.
    pub key_top: f64,
    pub key: [(f64, f64); 5],
    /// Where the message goes in place of a plot too small to draw.
    pub below_note: f64,
    pub plot: Option<Plot>,
}

/// The plot box, its value ranges and what goes in it.
pub struct Plot {
    /// Values `x0..x1` across and `y0..y1` up.
    pub x0: f64,
    pub x1: f64,
    pub y0: f64,
    pub y1: f64,
    /// The box in px.
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
    /// Round values and their x (across) or y (up).
    pub x_ticks: Vec<(f64, f64)>,
    pub y_ticks: Vec<(f64, f64)>,
    /// "Value to <a>", "Value to <b>", shortened.
    pub x_title: String,
    pub y_title: String,
    /// The frontier in px, and the area under it.
    pub frontier: Vec<(f64, f64)>,
    pub under: Vec<(f64, f64)>,
    /// The marks' radius.
    pub r: f64,
    pub marks: Vec<Mark>,
}

impl Plot {
    /// The x of value `v` across.
    pub fn px(&self, v: f64) -> f64 {
        self.left + (v - self.x0) / (self.x1 - self.x0) * (self.right - self.left)
    }

    /// The y of value `v` up.
    pub fn py(&self, v: f64) -> f64 {
        self.bottom - (v - self.y0) / (self.y1 - self.y0) * (self.bottom - self.top)
    }
}

/// What a mark is, which gives its marker and colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Another scenario's predicted outcome.
    Scenario,
    /// The predicted outcome; `accepted` when every Principal accepts it.
    Outcome {
        accepted: bool,
    },
    Nash,
}

/// A mark at (x, y) px with its label.
pub struct Mark {
    pub kind: Kind,
    pub x: f64,
    pub y: f64,
    pub label: Label,
    pub tooltip: String,
}

/// A mark's label, shortened, centred vertically on `y`, starting or ending at `x`; with a
/// leader back to the mark when it was pushed off it.
pub struct Label {
    pub text: String,
    pub x: f64,
    pub y: f64,
    pub align: Align,
    pub leader: bool,
}

/// Tick spacing giving at most about eight ticks over `span`.
pub fn tick_step(span: f64) -> f64 {
    [0.1, 0.2, 0.25, 0.5, 1.0, 2.0, 5.0]
        .into_iter()
        .find(|s| span / s <= 8.0)
        .unwrap_or(10.0)
}

/// The value range of one axis: every value shown, 0 and 1, with a little room.
pub fn range(values: impl Iterator<Item = f64>) -> (f64, f64) {
    let (lo, hi) = values
        .filter(|v| v.is_finite())
        .fold((0.0f64, 1.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let pad = (hi - lo) * 0.06;
    (lo - pad, hi + pad)
}

/// The round values from `lo` to `hi`, `tick_step` apart.
fn ticks(lo: f64, hi: f64) -> Vec<f64> {
    let step = tick_step(hi - lo);
    let mut v = (lo / step).ceil() * step;
    let mut out = Vec::new();
    while v <= hi + 1e-9 {
        out.push(v);
        v += step;
    }
    out
}

/// The chart of `space` in a chart of `size` whose body starts at `top`.
pub fn layout(space: &DealSpace, size: Size, top: f64, measure: &impl Measure) -> Chart {
    let m = size.margin();
    let label = size.font(12.5);
    let small = size.font(11.0);
    let note = (measure.fit(NOTE, small, size.w - 2.0 * m), top);
    let top = top + small * 1.8;
    let mut key = [(0.0, 0.0); 5];
    let mut x = m;
    for (entry, name) in key.iter_mut().zip(KEY) {
        let tx = x + small * 1.9;
        *entry = (x, tx);
        x = tx + measure.measure(name, small) + small * 1.4;
    }
    let legend_bottom = top + small * 1.4;
    let left = m + label * 4.5;
    let right = size.w - m - label;
    let ptop = legend_bottom + label * 1.6;
    let bottom = size.h - m - label * 3.2;
    let fits = right - left >= 40.0 && bottom - ptop >= 40.0;
    Chart {
        margin: m,
        label,
        small,
        note,
        key_top: top,
        key,
        below_note: top,
        plot: fits.then(|| plot(space, size, (left, right, ptop, bottom), measure)),
    }
}

/// The plot in the box `(left, right, top, bottom)`.
fn plot(
    space: &DealSpace,
    size: Size,
    (left, right, top, bottom): (f64, f64, f64, f64),
    measure: &impl Measure,
) -> Plot {
    let (m, label, small) = (size.margin(), size.font(12.5), size.font(11.0));
    let points = space
        .frontier
        .iter()
        .chain(space.nash.iter())
        .chain(space.outcome.iter())
        .chain(space.scenarios.iter().map(|(_, p)| p));
    let (x0, x1) = range(points.clone().map(|p| p[0]));
    let (y0, y1) = range(points.map(|p| p[1]));
    let (name_a, name_b) = (space.a.1.as_str(), space.b.1.as_str());
    let mut plot = Plot {
        x0,
        x1,
        y0,
        y1,
        left,
        right,
        top,
        bottom,
        x_ticks: Vec::new(),
        y_ticks: Vec::new(),
        x_title: measure.fit(&format!("Value to {name_a}"), label, right - left),
        y_title: measure.fit(&format!("Value to {name_b}"), label, right - m),
        frontier: Vec::new(),
        under: Vec::new(),
        r: small * 0.55,
        marks: Vec::new(),
    };
    plot.x_ticks = ticks(x0, x1).into_iter().map(|v| (v, plot.px(v))).collect();
    plot.y_ticks = ticks(y0, y1).into_iter().map(|v| (v, plot.py(v))).collect();
    // Packages reach up to the frontier: the area under it is shaded.
    plot.frontier = space
        .frontier
        .iter()
        .map(|p| (plot.px(p[0]), plot.py(p[1])))
        .collect();
    if let (Some(first), Some(last)) = (space.frontier.first(), space.frontier.last()) {
        let mut under = plot.frontier.clone();
        under.push((plot.px(last[0]), bottom));
        under.push((left, bottom));
        under.push((left, plot.py(first[1])));
        plot.under = under;
    }
    plot.marks = marks(space, &plot, small, measure);
    plot
}

/// The marks in drawing order (scenarios, the predicted outcome, the Nash package), each
/// label placed clear of those before it.
fn marks(space: &DealSpace, plot: &Plot, small: f64, measure: &impl Measure) -> Vec<Mark> {
    let mut wanted: Vec<(Kind, String, &[f64; 2])> = space
        .scenarios
        .iter()
        .map(|(name, p)| (Kind::Scenario, name.clone(), p))
        .collect();
    if let Some(p) = &space.outcome {
        let text = match &space.outcome_verdict {
            Some(verdict) => format!("predicted outcome: {verdict}"),
            None => "predicted outcome".to_owned(),
        };
        let accepted = space.outcome_accepted;
        wanted.push((Kind::Outcome { accepted }, text, p));
    }
    if let Some(p) = &space.nash {
        wanted.push((Kind::Nash, "Nash package".to_owned(), p));
    }
    let mut placed: Vec<[f64; 4]> = Vec::new();
    wanted
        .into_iter()
        .map(|(kind, text, p)| {
            let (x, y) = (plot.px(p[0]), plot.py(p[1]));
            let what = match kind {
                Kind::Scenario => format!("{text}: predicted outcome"),
                _ => text.clone(),
            };
            let tooltip = format!(
                "{what}\n{}: {}\n{}: {}",
                space.a.1,
                num(p[0], 3),
                space.b.1,
                num(p[1], 3)
            );
            let bounds = (plot.left, plot.right);
            let label = place_label(&mut placed, &text, (x, y), plot.r, small, bounds, measure);
            Mark {
                kind,
                x,
                y,
                label,
                tooltip,
            }
        })
        .collect()
}

/// A mark's label to its right (or left near the right edge), moved down past labels
/// already placed (at most 8 times).
fn place_label(
    placed: &mut Vec<[f64; 4]>,
    text: &str,
    (x, y): (f64, f64),
    r: f64,
    size: f64,
    (left, right): (f64, f64),
    measure: &impl Measure,
) -> Label {
    let text = measure.fit(text, size, (right - left) * 0.45);
    let w = measure.measure(&text, size);
    let h = size * 1.2;
    let (mut x0, align) = if x + r * 1.6 + w <= right {
        (x + r * 1.6, Align::Start)
    } else {
        (x - r * 1.6 - w, Align::End)
    };
    x0 = x0.max(left);
    let mut y0 = y - h / 2.0;
    let overlaps = |y0: f64, placed: &[[f64; 4]]| {
        placed
            .iter()
            .any(|b| x0 < b[2] && x0 + w > b[0] && y0 < b[3] && y0 + h > b[1])
    };
    for _ in 0..8 {
        if !overlaps(y0, placed) {
            break;
        }
        y0 += h;
    }
    placed.push([x0, y0, x0 + w, y0 + h]);
    Label {
        text,
        x: if align == Align::Start { x0 } else { x0 + w },
        y: y0 + h / 2.0,
        align,
        // A label pushed off its mark gets a thin leader line back to it.
        leader: (y0 + h / 2.0 - y).abs() > h * 0.5,
    }
}
