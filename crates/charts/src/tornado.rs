//! Sensitivity tornado: the inputs whose nudge (±10% of their range) moves a predicted
//! outcome most, largest first; each bar runs from the change the downward nudge causes to
//! the change the upward one causes: the assumptions a briefing must defend. `layout` is
//! the chart as numbers, `paint` draws it.

use super::canvas::{Align, Baseline, Canvas, Draw, Measure, Size};
use super::frame::Body;
use super::{ChartError, ChartInput, ChartLayout, num};
use crate::analysis::SensitivityEntry;
use crate::model::Project;
use plotters::prelude::DrawingBackend;

/// Entries shown when the options do not say.
pub const DEFAULT_TOP: usize = 12;

const CAPTION: &str = "Change of the predicted outcome (scale points) when the input is nudged down (left) or up (right) by 10% of its range";

/// The colour key's entries: the downward nudge, then the upward.
const KEY: [&str; 2] = ["input nudged down", "input nudged up"];

/// Lay the tornado out (pure numbers, `layout`), then paint it (`paint`).
pub fn draw<DB: DrawingBackend>(
    c: &Canvas<'_, DB>,
    top: f64,
    input: &ChartInput,
    layout: &mut ChartLayout,
) -> Result<Body, ChartError> {
    let p = &input.view.project;
    let entries: Vec<&SensitivityEntry> = input
        .analysis
        .sensitivity
        .iter()
        .filter(|e| e.delta > 0.0)
        .collect();
    if entries.is_empty() {
        return Ok(Body::empty(
            top,
            "No input moves a predicted outcome (no positions with weight yet).",
        ));
    }
    let want = input.options.top.unwrap_or(DEFAULT_TOP).max(1);
    let t = self::layout(p, &entries, want, c.size(), top, c);
    paint(c, &t, layout)?;
    Ok(Body::Drawn)
}

/// The whole chart below the header, as numbers.
pub struct Tornado<'a> {
    pub margin: f64,
    pub label: f64,
    pub small: f64,
    /// The caption, shortened to the width, and its top.
    pub caption: (String, f64),
    /// The top of the bars and the axis line's y, with its numbers under it.
    pub top: f64,
    pub axis_y: f64,
    /// The right end of the inputs' names.
    pub label_x: f64,
    /// The bars' zero is midway between `x0` and `x1`, which are `axis_max` from it.
    pub x0: f64,
    pub x1: f64,
    pub axis_max: f64,
    pub row_h: f64,
    pub rows: Vec<Row<'a>>,
    /// The colour key's line, and each entry's x, when it fits under the axis.
    pub key: Option<(f64, [f64; 2])>,
    /// What did not fit, in the order the footnote says it.
    pub omitted: Vec<String>,
}

impl Tornado<'_> {
    /// The x of a change of `v` points.
    pub fn x(&self, v: f64) -> f64 {
        let mid = (self.x0 + self.x1) / 2.0;
        mid + v / self.axis_max * (self.x1 - self.x0) / 2.0
    }
}

/// One input's bar.
pub struct Row<'a> {
    pub entry: &'a SensitivityEntry,
    pub y: f64,
    /// The input's name and, when a row has room for two lines, "outcome of <issue>",
    /// shortened, ending at the label column's right.
    pub input: String,
    pub outcome: Option<String>,
    /// The change each nudge causes (down, up), signed.
    pub change: (f64, f64),
    /// Later rows fade towards the background, by this much.
    pub fade: f64,
    pub tooltip: String,
}

/// The tornado of `entries` (those that move an outcome, largest first, not empty), at
/// most `want` of them, in a chart of `size` whose body starts at `top`.
pub fn layout<'a>(
    p: &Project,
    entries: &[&'a SensitivityEntry],
    want: usize,
    size: Size,
    top: f64,
    measure: &impl Measure,
) -> Tornado<'a> {
    let m = size.margin();
    let label = size.font(12.5);
    let small = size.font(11.0);
    let bottom = size.h - m - small * 1.6;
    let caption = (measure.fit(CAPTION, small, size.w - 2.0 * m), top);
    let top = top + small * 2.2;
    let axis_h = small * 2.2;
    let fit = ((bottom - top - axis_h) / (label * 1.6)).floor().max(1.0) as usize;
    let n = entries.len().min(want).min(fit);
    let mut omitted = Vec::new();
    if entries.len() > n {
        omitted.push(format!("+{} smaller entries not shown", entries.len() - n));
    }
    let shown = &entries[..n];
    let row_h = ((bottom - top - axis_h) / n as f64).min(label * 2.8);
    let issue_name = |id: &str| p.issue(id).map_or(id.to_owned(), |i| i.name.clone());
    let label_w = (size.w * 0.36).min(
        shown
            .iter()
            .map(|e| {
                measure
                    .measure(&e.input, label)
                    .max(measure.measure(&format!("outcome of {}", issue_name(&e.issue)), small))
            })
            .fold(0.0, f64::max)
            + label,
    );
    let max = shown
        .iter()
        .map(|e| {
            let (d, u) = change(e);
            d.abs().max(u.abs()).max(e.delta)
        })
        .fold(0.0, f64::max)
        .max(1e-9);
    let value_w = measure.measure("+00.0", small) + small;
    let two_lines = row_h >= label + small * 1.4;
    let rows = shown
        .iter()
        .enumerate()
        .map(|(i, &e)| {
            let issue = issue_name(&e.issue);
            let w = label_w - label * 0.6;
            let outcome = format!("outcome of {issue}");
            Row {
                entry: e,
                y: top + row_h * i as f64,
                input: measure.fit(&e.input, label, w),
                outcome: two_lines.then(|| measure.fit(&outcome, small, w)),
                change: change(e),
                fade: 0.3 * i as f64 / n.max(1) as f64,
                tooltip: tooltip(e, &issue),
            }
        })
        .collect();
    let x0 = m + label_w + value_w;
    let axis_y = top + row_h * n as f64 + small * 0.4;
    // The key for the two colours, when it fits under the axis.
    let ly = axis_y + small * 1.8;
    let key = (ly + small < size.h - m).then(|| {
        let x = x0 + (small * 3.5 + measure.measure(KEY[0], small));
        (ly, [x0, x])
    });
    Tornado {
        margin: m,
        label,
        small,
        caption,
        top,
        axis_y,
        label_x: m + label_w,
        x0,
        x1: size.w - m - value_w,
        axis_max: axis_max(max),
        row_h,
        rows,
        key,
        omitted,
    }
}

/// The change each nudge causes (down, up), signed.
fn change(e: &SensitivityEntry) -> (f64, f64) {
    let base = e.base.unwrap_or(0.0);
    (
        e.down.map_or(0.0, |d| d - base),
        e.up.map_or(0.0, |u| u - base),
    )
}

/// The axis's end: the first of 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10 times the power of ten
/// under `max` that reaches it.
fn axis_max(max: f64) -> f64 {
    let mag = 10f64.powf(max.log10().floor());
    [1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0]
        .iter()
        .map(|k| k * mag)
        .find(|v| *v >= max)
        .unwrap_or(max)
}

fn tooltip(e: &SensitivityEntry, issue: &str) -> String {
    let show = |o: Option<f64>| o.map_or("none".to_owned(), |v| num(v, 1));
    format!(
        "{}: the outcome of {} is {}; {} with the input nudged down, {} nudged up (largest change {})",
        e.input,
        issue,
        show(e.base),
        show(e.down),
        show(e.up),
        num(e.delta, 2)
    )
}

pub fn paint<DB: DrawingBackend>(
    c: &Canvas<'_, DB>,
    t: &Tornado,
    layout: &mut ChartLayout,
) -> Draw {
    let (m, small) = (t.margin, t.small);
    let (caption, y) = (&t.caption.0, t.caption.1);
    c.text(
        caption,
        m,
        y,
        small,
        c.pal.muted,
        Align::Start,
        Baseline::Top,
    )?;
    layout.omitted.extend(t.omitted.iter().cloned());
    for k in -2..=2 {
        let v = t.axis_max * f64::from(k) / 2.0;
        let color = if k == 0 { c.pal.muted } else { c.pal.grid };
        c.line(t.x(v), t.top, t.x(v), t.axis_y, color, 1.0)?;
        let text = if v > 0.0 {
            format!("+{}", num(v, 2))
        } else {
            num(v, 2).replace('-', "−")
        };
        let (y, ink) = (t.axis_y + 3.0, c.pal.muted);
        c.text(&text, t.x(v), y, small, ink, Align::Middle, Baseline::Top)?;
    }
    for row in &t.rows {
        bar(c, t, row, layout)?;
    }
    if let Some((ly, xs)) = t.key {
        for ((name, color), x) in KEY.into_iter().zip([c.pal.warn, c.pal.accent]).zip(xs) {
            c.rect(x, ly, x + small * 1.6, ly + small, color, 1.0)?;
            let (x, y, ink) = (x + small * 2.0, ly + small / 2.0, c.pal.text);
            c.text(name, x, y, small, ink, Align::Start, Baseline::Center)?;
        }
    }
    Ok(())
}

/// An input's names, its two bars and the numbers at their ends.
fn bar<DB: DrawingBackend>(
    c: &Canvas<'_, DB>,
    t: &Tornado,
    row: &Row,
    layout: &mut ChartLayout,
) -> Draw {
    let (m, label, small, row_h) = (t.margin, t.label, t.small, t.row_h);
    let (y, e) = (row.y, row.entry);
    let cy = y + row_h / 2.0;
    let lx = t.label_x - label * 0.6;
    let ink = c.pal.text;
    if let Some(outcome) = &row.outcome {
        c.text(
            &row.input,
            lx,
            cy - 1.0,
            label,
            ink,
            Align::End,
            Baseline::Bottom,
        )?;
        let muted = c.pal.muted;
        c.text(
            outcome,
            lx,
            cy + 1.0,
            small,
            muted,
            Align::End,
            Baseline::Top,
        )?;
    } else {
        c.text(&row.input, lx, cy, label, ink, Align::End, Baseline::Center)?;
    }
    let (d, u) = row.change;
    let bh = (row_h * 0.56).min(label * 1.6);
    for (v, color) in [(d, c.pal.warn), (u, c.pal.accent)] {
        let (a, b) = (t.x(v.min(0.0)), t.x(v.max(0.0)));
        let color = color.mix(c.pal.background, row.fade);
        c.rect(a, cy - bh / 2.0, b.max(a + 1.0), cy + bh / 2.0, color, 1.0)?;
    }
    let lo = d.min(u).min(0.0);
    let hi = d.max(u).max(0.0);
    if lo < 0.0 {
        let text = num(lo, 1).replace('-', "−");
        c.text(
            &text,
            t.x(lo) - 5.0,
            cy,
            small,
            ink,
            Align::End,
            Baseline::Center,
        )?;
    }
    if hi > 0.0 {
        let text = format!("+{}", num(hi, 1));
        c.text(
            &text,
            t.x(hi) + 5.0,
            cy,
            small,
            ink,
            Align::Start,
            Baseline::Center,
        )?;
    }
    let rect = [m, y, c.w - m, y + row_h];
    layout.add(rect, Some(&e.party), Some(&e.issue), row.tooltip.clone());
    Ok(())
}

#[cfg(test)]
mod tests {
    //! The tornado's layout as numbers worked out by hand, with entries made up for round
    //! numbers and the counted font of `testing::Mono`.

    use super::*;
    use crate::analysis::InputKind;
    use crate::testing::{Mono, close, sample};

    fn entry(input: &str, (base, down, up): (f64, f64, f64)) -> SensitivityEntry {
        SensitivityEntry {
            input: input.into(),
            issue: "kursk".into(),
            delta: (down - base).abs().max((up - base).abs()),
            kind: InputKind::Power,
            party: "ru".into(),
            base: Some(base),
            down: Some(down),
            up: Some(up),
        }
    }

    #[test]
    fn two_inputs_at_1600_by_1000() {
        // Scale 1.4286: label 18, small 16, margin 23, the body ending at 951.4. Under the
        // caption (35.2 px) and over the axis (35.2 px) 781 px are left, room for 27 rows
        // of 28.8: the 2 asked for are shown, the third counted. Rows of 781 / 2 are capped
        // at 18 x 2.8 = 50.4, room for two lines (18 + 16 x 1.4 = 40.4).
        // The widest label is "outcome of The Kursk region in any truce", 40 characters at
        // 8 px = 320, + 18: names end at 23 + 338 = 361. Values take 5 x 8 + 16 = 56 px on
        // each side: the bars run from 417 to 1600 - 23 - 56 = 1521, zero at 969. The
        // largest change is 8 points: the axis ends at 8 (1 x 10^0 is too short).
        let p = sample("ceasefire-2025");
        let entries = [
            entry("power of Russia", (50.0, 45.0, 58.0)),
            entry("stance of Ukraine on Kursk", (50.0, 53.0, 48.0)),
            entry("salience of Russia on Kursk", (50.0, 49.0, 50.5)),
        ];
        let refs: Vec<&SensitivityEntry> = entries.iter().collect();
        let t = layout(&p, &refs, 2, Size::new(1600.0, 1000.0), 100.0, &Mono);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.omitted, vec!["+1 smaller entries not shown"]);
        assert_eq!(t.row_h, 50.4);
        assert_eq!(
            (t.label_x, t.x0, t.x1, t.axis_max),
            (361.0, 417.0, 1521.0, 8.0)
        );
        // -5 points is 5/8 of the half width 552 left of zero; +8 the right end.
        assert_eq!((t.x(-5.0), t.x(0.0), t.x(8.0)), (624.0, 969.0, 1521.0));
        assert_eq!(t.rows[0].change, (-5.0, 8.0));
        assert_eq!(t.rows[1].change, (3.0, -2.0));
        assert_eq!(
            t.rows[1].outcome.as_deref(),
            Some("outcome of The Kursk region in any truce")
        );
        assert_eq!(t.rows[1].fade, 0.15);
        // The axis 0.4 small under the two rows; the key 1.8 small under it, its second
        // entry after the first's swatch and its 17 characters: 417 + 56 + 136 = 609.
        assert!(close(t.axis_y, 135.2 + 100.8 + 6.4));
        let (ly, xs) = t.key.unwrap();
        assert!(close(ly, t.axis_y + 28.8));
        assert_eq!(xs, [417.0, 609.0]);
    }

    #[test]
    fn the_axis_ends_at_a_round_number_over_the_largest_change() {
        assert_eq!(axis_max(8.0), 8.0);
        assert_eq!(axis_max(8.5), 10.0);
        assert_eq!(axis_max(0.34), 0.4);
        assert_eq!(axis_max(12.0), 15.0);
    }

    #[test]
    fn a_long_input_name_is_shortened_to_the_label_column() {
        // 1100 x 300: scale 0.8, every size at the 12 px floor, margin 13; the body from 60
        // ends at 300 - 13 - 19.2 = 267.8. Names get 1100 x 0.36 = 396 px at most, less
        // 12 x 0.6 of gap: a 70-character input (420 px at 6 px a character) is cut to 64
        // characters, 63 and the ellipsis (384 px).
        let p = sample("ceasefire-2025");
        let long = "x".repeat(70);
        let entries = [entry(&long, (50.0, 45.0, 58.0))];
        let refs: Vec<&SensitivityEntry> = entries.iter().collect();
        let t = layout(&p, &refs, 12, Size::new(1100.0, 300.0), 60.0, &Mono);
        assert_eq!(t.rows.len(), 1);
        assert_eq!(t.rows[0].input, format!("{}…", "x".repeat(63)));
    }

    #[test]
    fn without_positions_the_chart_says_so_and_has_no_marks() {
        use crate::Chart;
        let mut p = sample("ceasefire-2025");
        p.positions.clear();
        let (svg, marks) = crate::testing::export_base(&p, Chart::Sensitivity);
        assert!(svg.contains("No input moves a predicted outcome"));
        assert!(marks.regions.is_empty());
    }
}
