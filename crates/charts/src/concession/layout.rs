//! Where the concession matrix's marks go, as numbers worked out from the analysis and the
//! chart's size alone (text widths come from a `Measure`): how many issue rows fit, the
//! type size that follows the row height, the row label and outcome columns, each cell's
//! rectangle, fill and text, the pain totals and the colour key under them.

use crate::analysis::{Analysis, IssueAnalysis};
use crate::canvas::{Measure, Size};
use crate::matrix::{self, ColumnHead, Columns, HeadStyle};
use crate::model::{Party, Project};
use crate::{MAX_ISSUES, MAX_PARTIES, num};

/// The column header's spacing in this chart.
const HEAD_STYLE: HeadStyle = HeadStyle {
    text_gap: 0.8,
    line_h: 1.2,
    bar: (0.6, 0.25),
};

/// The key's note on the points ramp; its width places the breach marks after it.
pub const POINTS_NOTE: &str = "points to move, with no walk-away";

/// The labels of the key's two breach marks: beyond a walk-away, a red line breached.
pub const BREACH_MARKS: [&str; 2] = ["beyond its walk-away", "red line breached"];

/// The whole chart below the header, as numbers.
pub struct Matrix<'a> {
    pub margin: f64,
    pub small: f64,
    /// The type size of names and cells, following the row height.
    pub label: f64,
    /// Each row shows the issue's name over its predicted outcome; otherwise the outcome
    /// has a column of its own left of the grid.
    pub two_line_rows: bool,
    pub grid_x: f64,
    pub grid_y: f64,
    pub col_w: f64,
    pub row_h: f64,
    pub columns: Vec<ColumnHead<'a>>,
    pub rows: Vec<Row<'a>>,
    pub totals: Totals<'a>,
    /// The largest move in points of a party without a walk-away: the points ramp's end.
    pub max_move: f64,
    pub key: Key,
    /// What did not fit, in the order the footnote says it.
    pub omitted: Vec<String>,
}

/// One issue's row.
pub struct Row<'a> {
    pub issue: &'a IssueAnalysis,
    /// Top of the row.
    pub y: f64,
    /// The issue's name, shortened to the row label column.
    pub name: String,
    /// "outcome 40" or "no outcome" (two-line rows).
    pub outcome: String,
    /// "40" or "none" (the outcome column).
    pub short: String,
    pub has_outcome: bool,
    pub tooltip: String,
    pub cells: Vec<Cell<'a>>,
}

/// One party's cell in a row.
pub struct Cell<'a> {
    pub party: &'a Party,
    /// `[x0, y0, x1, y1]`, inset 1.5 px into the grid.
    pub rect: [f64; 4],
    /// `None`: the party has no position on the issue.
    pub value: Option<Value>,
    pub tooltip: String,
}

/// What a cell with a position shows: its colour and the number that says the same.
pub struct Value {
    pub fill: Fill,
    pub text: String,
    /// A breach is framed in the text colour, this many px thick.
    pub frame: Option<f64>,
}

/// A cell's colour, resolved by the palette when painted.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Fill {
    /// A breached red line.
    Alarm,
    /// The share of the party's room the outcome uses.
    Share(f64),
    /// Points to move, for a party without a walk-away (on the `max_move` scale).
    Pain(f64),
    Empty,
}

/// The pain totals under the grid.
pub struct Totals<'a> {
    /// Top of the totals row, and its height.
    pub y: f64,
    pub h: f64,
    /// The rule above them: its y and its right end.
    pub rule_y: f64,
    pub rule_x1: f64,
    pub cells: Vec<Total<'a>>,
}

/// One party's total pain, with its breaches under it.
pub struct Total<'a> {
    pub party: &'a Party,
    pub x: f64,
    pub pain: String,
    /// "2 breaches", shortened to the column, when there are any.
    pub breaches: Option<String>,
    pub tooltip: String,
}

/// The colour key: the share ramp, the points ramp and its note, the two breach marks.
pub struct Key {
    /// The explanation's line; the ramps start `ramp_y`, `h` tall.
    pub y: f64,
    pub ramp_y: f64,
    pub h: f64,
    pub ramp_w: f64,
    pub points_x: f64,
    pub points_w: f64,
    pub note_x: f64,
    /// Each breach mark's swatch (x, y) and its label's x.
    pub marks: [(f64, f64, f64); 2],
}

/// The parties with at least one position and the issues with at least one concession, in
/// project order; the chart is empty when either is.
pub fn shown<'a>(p: &'a Project, a: &'a Analysis) -> (Vec<&'a Party>, Vec<&'a IssueAnalysis>) {
    let with_positions: std::collections::HashSet<&str> =
        p.positions.iter().map(|q| q.party.as_str()).collect();
    let parties = p
        .parties
        .iter()
        .filter(|party| with_positions.contains(party.id.as_str()))
        .collect();
    let issues = a
        .issues
        .iter()
        .filter(|i| !i.concessions.is_empty())
        .collect();
    (parties, issues)
}

/// The sizes the matrix is laid out at.
struct Grid {
    small: f64,
    label: f64,
    row_h: f64,
    grid_y: f64,
}

/// The matrix of `parties` by `issues` (from `shown`, neither empty) in a chart of `size`
/// whose body starts at `top`.
pub fn layout<'a>(
    a: &'a Analysis,
    parties: &[&'a Party],
    issues: &[&'a IssueAnalysis],
    size: Size,
    top: f64,
    measure: &impl Measure,
) -> Matrix<'a> {
    let m = size.margin();
    let small = size.font(11.0);
    let bottom = size.h - m - small * 1.6;
    let legend_h = small * 4.8;

    // Fit: rows need at least ~1.5 lines of the smallest readable label.
    let min_row = (small * 1.55).max(14.0);
    let header_h = size.font(12.5) * 2.9;
    let rows_fit = ((bottom - top - legend_h - header_h) / min_row)
        .floor()
        .max(1.0) as usize
        - 1;
    let (n_issues, n_parties, omitted) = counts(issues.len(), parties.len(), rows_fit);
    let issues = &issues[..n_issues];
    let parties = &parties[..n_parties];

    let grid_bottom = bottom - legend_h;
    let row_h =
        ((grid_bottom - top - header_h) / (n_issues as f64 + 1.9)).min(size.font(12.5) * 3.4);
    // Type follows the row height so 25 rows stay legible and few rows do not look lost.
    let label = (row_h * 0.42)
        .min(size.font(13.0))
        .max(small.min(row_h * 0.55));
    let two_line_rows = row_h >= label * 2.5;

    let (row_label_w, grid_x, col_w) = across(
        issues,
        n_parties,
        size,
        (label, small),
        two_line_rows,
        measure,
    );
    let grid_y = top + header_h;

    let cols = Columns {
        x: grid_x,
        w: col_w,
        top,
        grid_y,
    };
    let columns = matrix::heads(parties, cols, (label, small), HEAD_STYLE, measure, |p| {
        format!("{} ({}, power {})", p.name, p.role.label(), num(p.power, 2))
    });

    // Points scale for parties without a walk-away: the largest such move in view.
    let max_move = issues
        .iter()
        .flat_map(|i| i.concessions.iter())
        .filter(|k| k.share.is_none())
        .filter_map(|k| k.distance)
        .fold(0.0, f64::max);
    let g = Grid {
        small,
        label,
        row_h,
        grid_y,
    };
    let rows = issues
        .iter()
        .enumerate()
        .map(|(i, issue)| {
            let y = grid_y + row_h * i as f64;
            let name = measure.fit(&issue.name, label, row_label_w - label * 0.5);
            row(issue, parties, (y, name), (grid_x, col_w, &g), measure)
        })
        .collect();
    let totals = totals(a, parties, &g, (grid_x, col_w, n_issues), measure);
    let key_y = (totals.y + totals.h + small * 1.2).min(grid_bottom + small * 0.6);
    let key = key(size, small, key_y, measure);
    Matrix {
        margin: m,
        small,
        label,
        two_line_rows,
        grid_x,
        grid_y,
        col_w,
        row_h,
        columns,
        rows,
        totals,
        max_move,
        key,
        omitted,
    }
}

/// How many issues and parties are shown (at most `MAX_ISSUES` and the rows that fit, at
/// most `MAX_PARTIES`), and what the footnote says of the others.
fn counts(issues: usize, parties: usize, rows_fit: usize) -> (usize, usize, Vec<String>) {
    let n_issues = issues.min(MAX_ISSUES).min(rows_fit.max(1));
    let n_parties = parties.min(MAX_PARTIES);
    let mut omitted = Vec::new();
    if issues > n_issues {
        omitted.push(format!("+{} issues not shown", issues - n_issues));
    }
    if parties > n_parties {
        omitted.push(format!("+{} parties not shown", parties - n_parties));
    }
    (n_issues, n_parties, omitted)
}

/// The columns across: the row labels' width (up to 27% of the chart), where the grid
/// starts (after the outcome column unless rows have two lines) and the column width.
fn across(
    issues: &[&IssueAnalysis],
    n_parties: usize,
    size: Size,
    (label, small): (f64, f64),
    two_line_rows: bool,
    measure: &impl Measure,
) -> (f64, f64, f64) {
    let m = size.margin();
    let row_label_w = (size.w * 0.27)
        .min(
            issues
                .iter()
                .map(|i| measure.measure(&i.name, label))
                .fold(0.0, f64::max)
                + label * 1.5,
        )
        .max(size.w * 0.14);
    let outcome_w = measure
        .measure("Outcome", small)
        .max(measure.measure("none", label))
        .max(measure.measure("100", label))
        + label;
    let grid_x = m + row_label_w + if two_line_rows { 0.0 } else { outcome_w };
    let col_w = ((size.w - m - grid_x) / n_parties as f64).min(label * 12.0);
    (row_label_w, grid_x, col_w)
}

/// One issue's row of cells.
fn row<'a>(
    issue: &'a IssueAnalysis,
    parties: &[&'a Party],
    (y, name): (f64, String),
    (grid_x, col_w, g): (f64, f64, &Grid),
    measure: &impl Measure,
) -> Row<'a> {
    let (row_h, label) = (g.row_h, g.label);
    let outcome = match issue.outcome {
        Some(o) => format!("outcome {}", num(o, 0)),
        None => "no outcome".to_owned(),
    };
    let mut tooltip = format!("{}: {outcome}", issue.name);
    if let Some(note) = &issue.outcome_note {
        tooltip.push_str(&format!(" ({note})"));
    }
    let cells = parties
        .iter()
        .enumerate()
        .map(|(j, &party)| {
            let x = grid_x + col_w * j as f64;
            let rect = [x + 1.5, y + 1.5, x + col_w - 1.5, y + row_h - 1.5];
            cell(issue, party, rect, (col_w, row_h, label), measure)
        })
        .collect();
    Row {
        issue,
        y,
        name,
        short: issue.outcome.map_or("none".to_owned(), |o| num(o, 0)),
        outcome,
        has_outcome: issue.outcome.is_some(),
        tooltip,
        cells,
    }
}

/// `party`'s cell on `issue`: its fill and number, framed and marked when the outcome
/// lies beyond its walk-away ("RED LINE" where it fits, else "!", for a red line).
fn cell<'a>(
    issue: &IssueAnalysis,
    party: &'a Party,
    rect: [f64; 4],
    (col_w, row_h, label): (f64, f64, f64),
    measure: &impl Measure,
) -> Cell<'a> {
    let Some(k) = issue.concessions.iter().find(|k| k.party == party.id) else {
        return Cell {
            party,
            rect,
            value: None,
            tooltip: format!("{} has no position on {}", party.name, issue.name),
        };
    };
    let breach_mark = k.breach && k.red_line;
    let fill = match (k.share, k.distance) {
        _ if breach_mark => Fill::Alarm,
        (Some(share), _) => Fill::Share(share),
        (None, Some(d)) => Fill::Pain(d),
        (None, None) => Fill::Empty,
    };
    // The number is what the colour shows.
    let text = match (k.share, k.distance) {
        (Some(share), _) => format!("{}%", num(share * 100.0, 0)),
        (None, Some(d)) => format!("{} pt", num(d, 0)),
        (None, None) => "–".to_owned(),
    };
    let value = if breach_mark {
        let tag = if col_w > measure.measure(&format!("{text}  RED LINE"), label) + 12.0 {
            "  RED LINE"
        } else {
            " !"
        };
        Value {
            fill,
            text: format!("{text}{tag}"),
            frame: Some((row_h * 0.08).clamp(1.5, 3.0)),
        }
    } else if k.breach {
        Value {
            fill,
            text: format!("{text} ×"),
            frame: Some((row_h * 0.07).clamp(1.5, 3.0)),
        }
    } else {
        Value {
            fill,
            text,
            frame: None,
        }
    };
    let mut tip = format!(
        "{} on {}: stance {}",
        party.name,
        issue.name,
        num(k.stance, 1)
    );
    if let Some(d) = k.distance {
        tip.push_str(&format!(", must move {} points", num(d, 1)));
    }
    if let Some(pain) = k.pain {
        tip.push_str(&format!(", pain {}", num(pain, 3)));
    }
    match k.share {
        Some(s) => tip.push_str(&format!(
            ", uses {}% of its room to its walk-away",
            num(s * 100.0, 0)
        )),
        None => tip.push_str(
            " (no walk-away to measure its room by: coloured by the points it must move)",
        ),
    }
    if k.breach {
        tip.push_str(if k.red_line {
            ". BREACHES ITS RED LINE"
        } else {
            ". Beyond its walk-away"
        });
    }
    Cell {
        party,
        rect,
        value: Some(value),
        tooltip: tip,
    }
}

/// Total pain per party, with its breaches, a quarter row under the grid.
fn totals<'a>(
    a: &Analysis,
    parties: &[&'a Party],
    g: &Grid,
    (grid_x, col_w, n_issues): (f64, f64, usize),
    measure: &impl Measure,
) -> Totals<'a> {
    let (row_h, label, small) = (g.row_h, g.label, g.small);
    let y = g.grid_y + row_h * n_issues as f64 + row_h * 0.25;
    let cells = parties
        .iter()
        .enumerate()
        .map(|(j, &party)| {
            let x = grid_x + col_w * j as f64;
            let totals = a.parties.iter().find(|t| t.id == party.id);
            let pain = totals.map_or(0.0, |t| t.total_pain);
            let breaches = totals.map_or(0, |t| t.breaches);
            let b = format!(
                "{} breach{}",
                breaches,
                if breaches == 1 { "" } else { "es" }
            );
            Total {
                party,
                x,
                pain: num(pain, 2),
                breaches: (breaches > 0).then(|| measure.fit(&b, small, col_w - 4.0)),
                tooltip: format!(
                    "{}: total pain {} over all issues, {} breach(es) of its walk-aways",
                    party.name,
                    num(pain, 3),
                    breaches
                ),
            }
        })
        .collect();
    Totals {
        y,
        h: row_h.max(label * 2.4),
        rule_y: y - row_h * 0.12,
        rule_x1: grid_x + col_w * parties.len() as f64,
        cells,
    }
}

/// The key from `y`: the ramps a line and a half under its explanation, then the breach
/// marks after the points ramp's note, or on a line of their own under the ramps when one
/// would run off the canvas.
fn key(size: Size, small: f64, y: f64, measure: &impl Measure) -> Key {
    let m = size.margin();
    let h = small * 1.1;
    let ramp_y = y + small * 1.6;
    let ramp_w = small * 21.0;
    let points_x = m + (ramp_w + small * 2.5);
    let points_w = small * 6.0;
    let note_x = points_x + (points_w + small * 0.6);
    let mut x = note_x + (measure.measure(POINTS_NOTE, small) + small * 2.5);
    let mut my = ramp_y;
    let mut marks = [(0.0, 0.0, 0.0); 2];
    for (mark, label) in marks.iter_mut().zip(BREACH_MARKS) {
        if x + small * 3.2 + measure.measure(label, small) > size.w - m {
            x = m;
            my += h * 3.0;
        }
        let swatch_x = x;
        x += small * 3.2;
        *mark = (swatch_x, my, x);
        x += measure.measure(label, small) + small * 2.5;
    }
    Key {
        y,
        ramp_y,
        h,
        ramp_w,
        points_x,
        points_w,
        note_x,
        marks,
    }
}
