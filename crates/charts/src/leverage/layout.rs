//! Where the leverage matrix's marks go, as numbers worked out from the project and the
//! chart's size alone (text widths come from a `Measure`): the kind key under the title,
//! the holder rows and target columns, each pair's stacked bar and numbers, and the
//! alternatives panel beside the matrix (`alternatives.rs`).

use super::alternatives::{self, Panel};
use crate::analysis::Analysis;
use crate::canvas::{Measure, Size};
use crate::matrix::{self, ColumnHead, Columns, HeadStyle};
use crate::model::{LeverageKind, LeverageStatus, Party, Project};
use crate::{MAX_PARTIES, num};

/// The column header's spacing in this chart.
const HEAD_STYLE: HeadStyle = HeadStyle {
    text_gap: 0.5,
    line_h: 1.25,
    bar: (0.45, 0.15),
};

/// The key's note after the kinds.
const KEY_NOTE: &str =
    "bar length: pressure = Σ strength × credibility (withdrawn left out) · net: given − received";

/// Carrot, stick and alternative pressure of one holder on one target.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Split {
    pub carrot: f64,
    pub stick: f64,
    pub alternative: f64,
}

impl Split {
    pub fn total(&self) -> f64 {
        self.carrot + self.stick + self.alternative
    }
}

/// The whole chart below the header, as numbers.
pub struct Leverage<'a> {
    pub margin: f64,
    pub label: f64,
    pub small: f64,
    /// The kind key's line (the body's top): each kind's swatch and label x, then the
    /// note, shortened to the matrix's width, and its x.
    pub key_y: f64,
    pub kinds: Vec<(LeverageKind, f64, f64)>,
    pub note: (String, f64),
    /// "rows: holder", "columns: target" in the corner, with the y of each line's bottom.
    pub corner: Vec<(String, f64)>,
    pub columns: Vec<ColumnHead<'a>>,
    pub grid_x: f64,
    pub row_h: f64,
    pub rows: Vec<Row<'a>>,
    pub panel: Panel<'a>,
    /// What did not fit, in the order the footnote says it.
    pub omitted: Vec<String>,
}

/// One holder's row.
pub struct Row<'a> {
    pub holder: &'a Party,
    /// Top of the row.
    pub y: f64,
    /// The holder's name, shortened to the row label column.
    pub name: String,
    pub cells: Vec<Cell>,
}

/// One (holder, target) cell, inset 2 px into the grid.
pub struct Cell {
    pub rect: [f64; 4],
    pub mark: Mark,
    /// `None` on the diagonal.
    pub tooltip: Option<String>,
}

/// What a cell shows.
pub enum Mark {
    /// The holder's own column: a faint cell.
    Own,
    /// No pressure and no net balance: a dash.
    Nothing,
    /// The pressure as bars side by side (kind, x0, x1), from `y0` to `y1`, and its numbers.
    Bars {
        bars: Vec<(LeverageKind, f64, f64)>,
        y0: f64,
        y1: f64,
        text: Numbers,
    },
}

/// A cell's numbers, starting at `x`.
pub enum Numbers {
    /// The pressure at the top (at `y_top`), the net at the bottom (ending at `y_bottom`);
    /// `gives` when the net is positive (drawn in the text colour, else muted).
    TwoLines {
        x: f64,
        y_top: f64,
        y_bottom: f64,
        pressure: String,
        net: String,
        gives: bool,
    },
    /// Both on one line ending at `y`, shortened to the cell.
    OneLine { x: f64, y: f64, text: String },
}

/// The parties in any leverage that is not withdrawn, in project order.
pub fn involved(p: &Project) -> Vec<&Party> {
    let in_leverage: std::collections::HashSet<&str> = p
        .leverage
        .iter()
        .filter(|l| l.status != LeverageStatus::Withdrawn)
        .flat_map(|l| [l.holder.as_str(), l.target.as_str()])
        .collect();
    p.parties
        .iter()
        .filter(|party| in_leverage.contains(party.id.as_str()))
        .collect()
}

/// The pressure of `holder` on `target`, by kind, and a line for each item behind it.
pub fn split(project: &Project, holder: &str, target: &str) -> (Split, Vec<String>) {
    let mut s = Split::default();
    let mut items = Vec::new();
    for l in project.leverage.iter().filter(|l| {
        l.holder == holder && l.target == target && l.status != LeverageStatus::Withdrawn
    }) {
        let p = l.strength * l.credibility;
        match l.kind {
            LeverageKind::Carrot => s.carrot += p,
            LeverageKind::Stick => s.stick += p,
            LeverageKind::Alternative => s.alternative += p,
        }
        items.push(format!(
            "{}: {} ({}, {} × {} = {})",
            l.kind.label(),
            l.instrument,
            l.status.label(),
            num(l.strength, 2),
            num(l.credibility, 2),
            num(p, 2)
        ));
    }
    (s, items)
}

/// A net balance with its sign: "+0.5", "−0.25", "0".
pub fn signed(v: f64) -> String {
    let s = num(v, 2);
    if v > 0.0 && s != "0" {
        format!("+{s}")
    } else {
        s.replace('-', "−")
    }
}

/// The grid's geometry, for the cells.
struct Grid {
    label: f64,
    small: f64,
    row_label_w: f64,
    grid_x: f64,
    grid_y: f64,
    col_w: f64,
    row_h: f64,
    max_pressure: f64,
}

/// The matrix of `involved` (from `involved`, not empty) in a chart of `size` whose body
/// starts at `top`.
pub fn layout<'a>(
    p: &'a Project,
    a: &Analysis,
    involved: &[&'a Party],
    size: Size,
    top: f64,
    measure: &impl Measure,
) -> Leverage<'a> {
    let shown = &involved[..involved.len().min(MAX_PARTIES)];
    let mut omitted = Vec::new();
    if involved.len() > shown.len() {
        omitted.push(format!(
            "+{} parties not shown",
            involved.len() - shown.len()
        ));
    }
    let m = size.margin();
    let label = size.font(12.5);
    let small = size.font(11.0);
    let bottom = size.h - m - small * 1.6;

    // Right panel for alternatives takes about a third of the width.
    let panel_w = (size.w * 0.3).round();
    let matrix_right = size.w - m - panel_w - m;

    let key_y = top;
    let (kinds, note) = key(size, matrix_right, measure);
    let top = top + small * 2.4;

    // Row labels (holders) and column headers (targets).
    let n = shown.len() as f64;
    let row_label_w = shown
        .iter()
        .map(|pt| measure.measure(&pt.name, label))
        .fold(0.0, f64::max)
        .min((matrix_right - m) * 0.22)
        + label;
    let grid_x = m + row_label_w;
    let col_w = (matrix_right - grid_x) / n;
    let header_h = label * 2.8 + small * 1.4;
    let grid_y = top + header_h;
    let row_h = ((bottom - grid_y) / n).min(label * 5.5);
    // Two short lines in the corner, so the key never runs under the first column header.
    let corner = ["rows: holder", "columns: target"]
        .into_iter()
        .enumerate()
        .map(|(k, key)| {
            let y = top + header_h - small * 0.6 - (1 - k) as f64 * small * 1.3;
            (measure.fit(key, small, row_label_w - small), y)
        })
        .collect();
    let cols = Columns {
        x: grid_x,
        w: col_w,
        top,
        grid_y,
    };
    let columns = matrix::heads(shown, cols, (label, small), HEAD_STYLE, measure, |t| {
        format!("Target: {}", t.name)
    });

    let max_pressure = shown
        .iter()
        .flat_map(|h| shown.iter().map(move |t| (h, t)))
        .map(|(h, t)| split(p, &h.id, &t.id).0.total())
        .fold(0.0, f64::max)
        .max(1e-9);
    let g = Grid {
        label,
        small,
        row_label_w,
        grid_x,
        grid_y,
        col_w,
        row_h,
        max_pressure,
    };
    let rows = rows(p, a, shown, &g, measure);
    let area = [matrix_right + m, top, size.w - m, bottom];
    let panel = alternatives::layout(p, shown, area, size, measure);
    Leverage {
        margin: m,
        label,
        small,
        key_y,
        kinds,
        note,
        corner,
        columns,
        grid_x,
        row_h,
        rows,
        panel,
        omitted,
    }
}

/// The key under the title: each kind's swatch and label x, then the note, shortened to
/// end at `matrix_right`, and its x.
#[allow(clippy::type_complexity)]
fn key(
    size: Size,
    matrix_right: f64,
    measure: &impl Measure,
) -> (Vec<(LeverageKind, f64, f64)>, (String, f64)) {
    let small = size.font(11.0);
    let mut lx = size.margin();
    let mut kinds = Vec::new();
    for kind in LeverageKind::ALL {
        let swatch_x = lx;
        lx += small * 2.0;
        kinds.push((kind, swatch_x, lx));
        lx += measure.measure(kind.label(), small) + small * 1.5;
    }
    (kinds, (measure.fit(KEY_NOTE, small, matrix_right - lx), lx))
}

/// A row per holder: its name, shortened, and its cell on each target.
fn rows<'a>(
    p: &Project,
    a: &Analysis,
    shown: &[&'a Party],
    g: &Grid,
    measure: &impl Measure,
) -> Vec<Row<'a>> {
    shown
        .iter()
        .enumerate()
        .map(|(i, &holder)| {
            let y = g.grid_y + g.row_h * i as f64;
            let name = measure.fit(&holder.name, g.label, g.row_label_w - g.label);
            let cells = shown
                .iter()
                .enumerate()
                .map(|(j, target)| cell(p, a, g, (holder, target), (j, y), measure))
                .collect();
            Row {
                holder,
                y,
                name,
                cells,
            }
        })
        .collect()
}

/// The cell of `holder` on `target`, in column `j` of the row at `y`.
fn cell(
    p: &Project,
    a: &Analysis,
    g: &Grid,
    (holder, target): (&Party, &Party),
    (j, y): (usize, f64),
    measure: &impl Measure,
) -> Cell {
    let (col_w, row_h, label, small) = (g.col_w, g.row_h, g.label, g.small);
    let x = g.grid_x + col_w * j as f64;
    let (x0, y0, x1, y1) = (x + 2.0, y + 2.0, x + col_w - 2.0, y + row_h - 2.0);
    let rect = [x0, y0, x1, y1];
    if holder.id == target.id {
        return Cell {
            rect,
            mark: Mark::Own,
            tooltip: None,
        };
    }
    let (s, items) = split(p, &holder.id, &target.id);
    let balance = a
        .leverage
        .iter()
        .find(|b| b.holder == holder.id && b.target == target.id);
    let pressure = balance.map_or(s.total(), |b| b.pressure);
    let net = balance.map_or(0.0, |b| b.net);
    let mut tip = format!(
        "{} on {}: pressure {} (carrots {}, sticks {}, alternatives {}), net {}",
        holder.name,
        target.name,
        num(pressure, 2),
        num(s.carrot, 2),
        num(s.stick, 2),
        num(s.alternative, 2),
        signed(net)
    );
    for item in &items {
        tip.push_str("\n• ");
        tip.push_str(item);
    }
    if s.total() <= 0.0 && net == 0.0 {
        return Cell {
            rect,
            mark: Mark::Nothing,
            tooltip: Some(tip),
        };
    }
    // Bar: carrots, sticks, alternatives side by side, scaled to the largest pair.
    let pad = (col_w * 0.08).min(10.0);
    let bar_w = x1 - x0 - 2.0 * pad;
    let room_for_text = row_h >= label * 3.0;
    let bar_h = if room_for_text {
        (row_h * 0.18).clamp(4.0, 12.0)
    } else {
        (row_h * 0.3).clamp(3.0, 10.0)
    };
    let bar_y = if room_for_text {
        y0 + row_h * 0.5 - bar_h / 2.0
    } else {
        y0 + 3.0
    };
    let mut bx = x0 + pad;
    let mut bars = Vec::new();
    for (value, kind) in [
        (s.carrot, LeverageKind::Carrot),
        (s.stick, LeverageKind::Stick),
        (s.alternative, LeverageKind::Alternative),
    ] {
        let w = bar_w * value / g.max_pressure;
        bars.push((kind, bx, bx + w));
        bx += w;
    }
    let text = if room_for_text {
        Numbers::TwoLines {
            x: x0 + pad,
            y_top: y0 + row_h * 0.08,
            y_bottom: y1 - row_h * 0.08,
            pressure: num(pressure, 2),
            net: format!("net {}", signed(net)),
            gives: net > 0.0,
        }
    } else {
        let t = format!("{}  net {}", num(pressure, 2), signed(net));
        Numbers::OneLine {
            x: x0 + pad,
            y: y1 - 1.0,
            text: measure.fit(&t, small, x1 - x0 - 2.0 * pad),
        }
    };
    Cell {
        rect,
        mark: Mark::Bars {
            bars,
            y0: bar_y,
            y1: bar_y + bar_h,
            text,
        },
        tooltip: Some(tip),
    }
}
