//! Where the ZOPA chart's marks go, as numbers worked out from the project, its analysis
//! and the chart's size alone (text widths come from a `Measure`): the key under the
//! title, how many issue tracks fit (and whether the shared value scale does), each
//! track's bands, and each Principal's range, walk-away and markers in its band.

use crate::analysis::{Analysis, IssueAnalysis};
use crate::canvas::{Measure, Size};
use crate::model::{Issue, OutcomeMethod, Party, Project, Role};
use crate::{MAX_ISSUES, MAX_PARTIES, num};
use std::collections::HashSet;

/// The marks the key explains after the Principals' colours, in its order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    Stance,
    Ideal,
    RedLine,
    Zopa,
    Median,
    Mean,
}

impl Item {
    pub const ALL: [Item; 6] = [
        Item::Stance,
        Item::Ideal,
        Item::RedLine,
        Item::Zopa,
        Item::Median,
        Item::Mean,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Item::Stance => "stance",
            Item::Ideal => "ideal",
            Item::RedLine => "red line",
            Item::Zopa => "ZOPA",
            Item::Median => "median",
            Item::Mean => "mean",
        }
    }
}

/// The whole chart below the header, as numbers.
pub struct Zopa<'a> {
    pub margin: f64,
    pub small: f64,
    pub key: Key<'a>,
    /// The y the shared value scale's numbers end at, when it has a row.
    pub scale_y: Option<f64>,
    /// The tracks run from `tx0` to `tx1` (values 0 to 100).
    pub tx0: f64,
    pub tx1: f64,
    /// The type size of the issue names, and of the status and scale ends under them.
    pub lbl: f64,
    pub ends: f64,
    pub row_h: f64,
    pub rows: Vec<Row<'a>>,
    /// What did not fit, in the order the footnote says it.
    pub omitted: Vec<String>,
}

impl Zopa<'_> {
    /// The x of value `v` (clamped to 0..=100) on every track.
    pub fn x(&self, v: f64) -> f64 {
        self.tx0 + v.clamp(0.0, 100.0) / 100.0 * (self.tx1 - self.tx0)
    }
}

/// The key's line at `y`: each Principal's swatch x (as many as fit in the left half),
/// then each item's marker x and label x.
pub struct Key<'a> {
    pub y: f64,
    pub parties: Vec<(&'a Party, f64)>,
    pub items: Vec<(Item, f64, f64)>,
}

/// One issue's track.
pub struct Row<'a> {
    pub issue: &'a Issue,
    pub y: f64,
    pub band_top: f64,
    pub band_bottom: f64,
    /// The issue's name and its status ("ZOPA 40–60", "no ZOPA — gap 15"), shortened to
    /// the name column; `bad` when there is no ZOPA.
    pub name: String,
    pub status: String,
    pub bad: bool,
    /// The scale's ends, "0 · No ceasefire" and "Full ceasefire · 100", shortened.
    pub low: String,
    pub high: String,
    /// The ZOPA, or the gap between the walk-aways, as values.
    pub zopa: Option<(f64, f64)>,
    pub gap: Option<(f64, f64)>,
    pub bands: Vec<Band<'a>>,
    pub median: Option<f64>,
    pub mean: Option<f64>,
    /// The name column's hover text, when the issue was analysed.
    pub tooltip: Option<String>,
}

/// A Principal's band on a track: its acceptable range, walk-away and markers, as values.
pub struct Band<'a> {
    pub party: &'a Party,
    pub y0: f64,
    pub y1: f64,
    pub range: (f64, f64),
    /// The walk-away, and whether it is a red line.
    pub walk_away: Option<(f64, bool)>,
    /// The ideal, when it is half a point or more from the stance.
    pub ideal: Option<f64>,
    pub stance: f64,
    /// The markers' radius.
    pub r: f64,
    pub tooltip: String,
}

/// The type sizes and geometry shared by the rows.
struct Track {
    lbl: f64,
    ends: f64,
    row_h: f64,
    name_w: f64,
    n_bands: f64,
    tx0: f64,
    tx1: f64,
}

/// The chart of `p` (with at least one issue) in a chart of `size` whose body starts at
/// `top`.
pub fn layout<'a>(
    p: &'a Project,
    a: &Analysis,
    size: Size,
    top: f64,
    measure: &impl Measure,
) -> Zopa<'a> {
    let m = size.margin();
    let small = size.font(11.0);
    let bottom = size.h - m - small * 1.6;
    let principals: Vec<&Party> = p
        .parties
        .iter()
        .filter(|x| x.role == Role::Principal)
        .collect();
    let shown_principals = &principals[..principals.len().min(MAX_PARTIES)];
    let key = key(shown_principals, size, top, measure);
    let top = top + small * 2.2;
    let mut omitted = Vec::new();
    if principals.is_empty() {
        omitted.push("no Principal parties: no ZOPA to show".to_owned());
    }

    // Rows: one per issue; height split between the bands and the scale-end labels.
    let n_bands = shown_principals.len().max(1) as f64;
    let min_row = small * 0.8 * 1.3 + n_bands * 2.5 + 5.0;
    // A row for the value scale shared by every issue, above the first, unless it would
    // cost an issue its row.
    let wanted = p.issues.len().min(MAX_ISSUES);
    let scale_h = small * 1.5;
    let with_scale = ((bottom - top - scale_h) / min_row).floor() as usize >= wanted;
    let top = if with_scale { top + scale_h } else { top };
    let rows_fit = ((bottom - top) / min_row).floor().max(1.0) as usize;
    let n = p.issues.len().min(MAX_ISSUES).min(rows_fit);
    if p.issues.len() > n {
        omitted.push(format!("+{} issues not shown", p.issues.len() - n));
    }
    if principals.len() > shown_principals.len() {
        omitted.push(format!(
            "+{} Principals not shown",
            principals.len() - shown_principals.len()
        ));
    }
    let t = track(p, n, n_bands, size, (top, bottom), measure);
    let row_h = t.row_h;
    let principal_ids: HashSet<&str> = principals.iter().map(|x| x.id.as_str()).collect();
    let rows = p
        .issues
        .iter()
        .take(n)
        .enumerate()
        .map(|(i, issue)| {
            let y = top + row_h * i as f64;
            let ia = a.issues.iter().find(|x| x.id == issue.id);
            let mut row = row(p, issue, ia, &t, y, &principal_ids, measure);
            row.bands = bands(
                p,
                issue,
                shown_principals,
                &t,
                (row.band_top, row.band_bottom),
            );
            row.tooltip = ia.map(|x| outcome_tooltip(a, issue, x));
            row
        })
        .collect();
    Zopa {
        margin: m,
        small,
        key,
        scale_y: with_scale.then_some(top - small * 0.3),
        tx0: t.tx0,
        tx1: t.tx1,
        lbl: t.lbl,
        ends: t.ends,
        row_h,
        rows,
        omitted,
    }
}

/// The tracks' sizes for `n` issues between `top` and `bottom`: the row height (at most 6
/// labels), the type that follows it, the name column (15% to 24% of the width).
fn track(
    p: &Project,
    n: usize,
    n_bands: f64,
    size: Size,
    (top, bottom): (f64, f64),
    measure: &impl Measure,
) -> Track {
    let (m, label, small) = (size.margin(), size.font(12.5), size.font(11.0));
    let row_h = ((bottom - top) / n as f64).min(label * 6.0);
    let lbl = (row_h * 0.36).min(label).max(small * 0.85);
    let ends = (row_h * 0.3).min(small).max(small * 0.8);
    let name_w = (size.w * 0.24)
        .min(
            p.issues
                .iter()
                .take(n)
                .map(|i| measure.measure(&i.name, lbl))
                .fold(0.0, f64::max)
                + lbl,
        )
        .max(size.w * 0.15);
    Track {
        lbl,
        ends,
        row_h,
        name_w,
        n_bands,
        tx0: m + name_w + lbl,
        tx1: size.w - m - lbl * 0.5,
    }
}

/// The key: the Principals' colours while they fit in the left half, then the marks from
/// the middle (or after the last Principal).
fn key<'a>(principals: &[&'a Party], size: Size, top: f64, measure: &impl Measure) -> Key<'a> {
    let (m, small) = (size.margin(), size.font(11.0));
    let mut lx = m;
    let mut parties = Vec::new();
    for &party in principals {
        let w = measure.measure(&party.name, small);
        if lx + w + small * 3.0 > size.w * 0.5 {
            break;
        }
        parties.push((party, lx));
        lx += small * 2.0 + w + small * 1.2;
    }
    let mut lx = lx.max(size.w * 0.5);
    let mut items = Vec::new();
    for item in Item::ALL {
        let x = lx + small * 1.5;
        items.push((item, lx, x));
        lx = x + measure.measure(item.label(), small) + small * 1.2;
    }
    Key {
        y: top,
        parties,
        items,
    }
}

/// An issue's track at `y`, without its bands: the name column, the scale ends and the
/// ZOPA or gap.
fn row<'a>(
    p: &Project,
    issue: &'a Issue,
    ia: Option<&IssueAnalysis>,
    t: &Track,
    y: f64,
    principal_ids: &HashSet<&str>,
    measure: &impl Measure,
) -> Row<'a> {
    let (lbl, ends, name_w) = (t.lbl, t.ends, t.name_w);
    // Track geometry: bands at the top, the scale-end labels under them.
    let band_top = y + t.row_h * 0.14;
    let band_bottom = y + t.row_h - ends * 1.45;
    let (status, bad) = match ia {
        Some(x) => match (x.zopa, x.gap) {
            (Some(z), _) => (format!("ZOPA {}–{}", num(z.low, 0), num(z.high, 0)), false),
            (None, Some(g)) => (format!("no ZOPA — gap {}", num(g, 0)), true),
            (None, None) => ("no ZOPA".to_owned(), true),
        },
        None => (String::new(), false),
    };
    let end_w = (t.tx1 - t.tx0) * 0.46;
    // ZOPA shading, or the gap between the closest walk-aways hatched in red.
    let zopa = ia.and_then(|x| x.zopa).map(|z| (z.low, z.high));
    let gap = ia
        .filter(|x| x.zopa.is_none())
        .and_then(|x| x.gap)
        .and_then(|g| {
            // The gap lies between the highest lower bound and the lowest upper bound.
            let (lo, hi) = gap_bounds(p, principal_ids, &issue.id);
            ((hi - lo - g).abs() < 1e-6 || hi > lo).then_some((lo, hi))
        });
    Row {
        issue,
        y,
        band_top,
        band_bottom,
        name: measure.fit(&issue.name, lbl, name_w),
        status: measure.fit(&status, ends, name_w),
        bad,
        low: measure.fit(&end_label("0", &issue.low, true), ends, end_w),
        high: measure.fit(&end_label("100", &issue.high, false), ends, end_w),
        zopa,
        gap,
        bands: Vec::new(),
        median: ia.and_then(|x| x.weighted_median),
        mean: ia.and_then(|x| x.weighted_mean),
        tooltip: None,
    }
}

/// The bands of the `shown` Principals with a position on `issue`, each in its slot of
/// the track between `band_top` and `band_bottom`.
fn bands<'a>(
    p: &Project,
    issue: &Issue,
    shown: &[&'a Party],
    t: &Track,
    (band_top, band_bottom): (f64, f64),
) -> Vec<Band<'a>> {
    let band_h = (band_bottom - band_top) / t.n_bands;
    let mut out = Vec::new();
    for (k, &party) in shown.iter().enumerate() {
        let Some(pos) = p.position(&party.id, &issue.id) else {
            continue;
        };
        let by0 = band_top + band_h * k as f64 + band_h * 0.15;
        let by1 = band_top + band_h * (k as f64 + 1.0) - band_h * 0.15;
        let (lo, hi) = pos.acceptable_range();
        let mut tip = format!(
            "{} on {}: stance {}, ideal {}",
            party.name,
            issue.name,
            num(pos.stance, 1),
            num(pos.ideal(), 1)
        );
        match pos.walk_away {
            Some(w) => tip.push_str(&format!(
                ", walk-away {}{}; accepts {}–{}",
                num(w, 1),
                if pos.red_line { " (red line)" } else { "" },
                num(lo, 0),
                num(hi, 0)
            )),
            None => tip.push_str(", no walk-away: accepts any outcome"),
        }
        out.push(Band {
            party,
            y0: by0,
            y1: by1,
            range: (lo, hi),
            walk_away: pos.walk_away.map(|w| (w, pos.red_line)),
            ideal: ((pos.ideal() - pos.stance).abs() > 0.5).then(|| pos.ideal()),
            stance: pos.stance,
            r: ((by1 - by0) * 0.55).clamp(2.5, t.lbl * 0.45),
            tooltip: tip,
        });
    }
    out
}

/// The name column's hover text: the weighted median and mean, and the outcome.
fn outcome_tooltip(a: &Analysis, issue: &Issue, x: &IssueAnalysis) -> String {
    let mut tip = format!("{}: ", issue.name);
    let mut parts = Vec::new();
    if let Some(md) = x.weighted_median {
        parts.push(format!("weighted median {}", num(md, 1)));
    }
    if let Some(mn) = x.weighted_mean {
        parts.push(format!("weighted mean {}", num(mn, 1)));
    }
    parts.push(format!(
        "outcome ({}) {}",
        match a.outcome_method {
            OutcomeMethod::Median => "median",
            OutcomeMethod::Mean => "mean",
        },
        x.outcome.map_or("none".to_owned(), |o| num(o, 1))
    ));
    tip.push_str(&parts.join(", "));
    if let Some(note) = &x.outcome_note {
        tip.push_str(&format!(" ({note})"));
    }
    tip
}

/// Highest lower bound and lowest upper bound of the Principals' acceptable sets.
fn gap_bounds(p: &Project, principals: &HashSet<&str>, issue: &str) -> (f64, f64) {
    let mut lo: f64 = 0.0;
    let mut hi: f64 = 100.0;
    for pos in p.positions.iter().filter(|q| q.issue == issue) {
        if principals.contains(pos.party.as_str()) {
            let (a, b) = pos.acceptable_range();
            lo = lo.max(a);
            hi = hi.min(b);
        }
    }
    // With no ZOPA, lo > hi: the gap runs from hi up to lo.
    (hi.min(lo), lo.max(hi))
}

/// "0 · No ceasefire", "Full ceasefire · 100"; the number alone when the end has no label.
pub fn end_label(value: &str, label: &str, number_first: bool) -> String {
    match (label.trim(), number_first) {
        ("", _) => value.to_owned(),
        (l, true) => format!("{value} · {l}"),
        (l, false) => format!("{l} · {value}"),
    }
}
