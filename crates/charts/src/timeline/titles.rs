//! The timeline's event titles, as numbers: events close together form one group with one
//! title; each title goes into the first row above the lanes where it fits, shortened if
//! need be, never on another's leader line nor with its own leader through another title;
//! what finds no room is counted.

use super::layout::{DateScale, Dated, Type};
use crate::canvas::{Measure, Size};

/// The most title rows above the lanes.
pub const MAX_TITLE_ROWS: usize = 8;

/// An event title in a row above the lanes, with its leader down to the first marker.
pub struct Title<'a> {
    pub group: Vec<&'a Dated<'a>>,
    pub text: String,
    /// The leader's x (the first event's date).
    pub x: f64,
    /// The text's extent and top.
    pub x0: f64,
    pub x1: f64,
    pub y: f64,
    pub lead_top: f64,
    pub lead_bottom: f64,
    pub tooltip: String,
}

/// Title rows the titles want: placed once with the largest markers, to learn how much
/// height they take, so that the lanes and the trajectories can share the rest.
pub fn rows_wanted(
    events: &[Dated],
    scale: &DateScale,
    (size, ty): (Size, Type),
    measure: &impl Measure,
) -> usize {
    let groups = group_events(events, scale, ty.label * 0.6 * 2.5);
    let title_x1 = size.w - ty.margin - ty.label;
    place_titles(&groups, scale, title_x1, MAX_TITLE_ROWS, ty, measure)
        .0
        .iter()
        .map(|t| t.row + 1)
        .max()
        .unwrap_or(0)
        .max(1)
}

pub fn title_row_h(ty: Type) -> f64 {
    ty.label * 1.45
}

/// Events (in date order) whose markers fall within `min_dx` px of the group's first.
pub fn group_events<'e, 'a>(
    events: &'e [Dated<'a>],
    scale: &DateScale,
    min_dx: f64,
) -> Vec<Vec<&'e Dated<'a>>> {
    let mut groups: Vec<Vec<&Dated>> = Vec::new();
    for e in events {
        match groups.last_mut() {
            Some(g) if scale.x(e.day as f64) - scale.x(g[0].day as f64) < min_dx => g.push(e),
            _ => groups.push(vec![e]),
        }
    }
    groups
}

/// The titles placed in `rows` rows drawn right above `titles_bottom` (only the rows used,
/// so the leaders stay short), each leader down to `lead_bottom(group)`; and the number of
/// events whose group found no room (their titles stay in the tooltips).
pub fn titles<'a>(
    groups: &[Vec<&'a Dated<'a>>],
    scale: &DateScale,
    (title_x1, rows, titles_bottom): (f64, usize, f64),
    ty: Type,
    measure: &impl Measure,
    lead_bottom: impl Fn(&[&Dated]) -> f64,
) -> (Vec<Title<'a>>, usize) {
    let (placed, unlabeled) = place_titles(groups, scale, title_x1, rows, ty, measure);
    let row_h = title_row_h(ty);
    let used = placed.iter().map(|t| t.row + 1).max().unwrap_or(0);
    let rows_top = titles_bottom - row_h * used as f64;
    let titles = placed
        .into_iter()
        .map(|t| {
            let group = groups[t.group].clone();
            let y = rows_top + row_h * t.row as f64;
            let tip: Vec<String> = group
                .iter()
                .map(|e| format!("{} {}", e.event.date, e.event.title))
                .collect();
            Title {
                lead_bottom: lead_bottom(&group),
                group,
                text: t.text,
                x: t.x,
                x0: t.x0,
                x1: t.x1,
                y,
                lead_top: y + ty.label * 1.15,
                tooltip: tip.join("\n"),
            }
        })
        .collect();
    (titles, unlabeled)
}

/// A title placed in a row: the group it names, its row, its text, the marker's x and the
/// text's extent.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub group: usize,
    pub row: usize,
    pub text: String,
    pub x: f64,
    pub x0: f64,
    pub x1: f64,
}

/// Place each group's title in the first of `rows` rows where it fits (titles are text
/// above the lanes, so they may run on over the model strip up to `title_x1`); the titles
/// placed and the number of events left without one.
pub fn place_titles(
    groups: &[Vec<&Dated>],
    scale: &DateScale,
    title_x1: f64,
    rows: usize,
    ty: Type,
    measure: &impl Measure,
) -> (Vec<Placed>, usize) {
    let (label, small) = (ty.label, ty.small);
    let plot_x0 = scale.x0;
    let title_max = (title_x1 - plot_x0) * 0.28;
    let mut row_ends = vec![f64::NEG_INFINITY; rows];
    let mut unlabeled = 0usize;
    let mut placements: Vec<Placed> = Vec::new();
    let gap = small;
    let min_w = measure.measure("Abcdefgh…", label);
    for (gi, g) in groups.iter().enumerate() {
        let x = scale.x(g[0].day as f64);
        let suffix = if g.len() == 1 {
            String::new()
        } else {
            format!(" (+{} more)", g.len() - 1)
        };
        let suffix_w = measure.measure(&suffix, label);
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
            if avail < min_w + suffix_w {
                continue;
            }
            let text = format!(
                "{}{suffix}",
                measure.fit(&g[0].event.title, label, avail - suffix_w)
            );
            let w = measure.measure(&text, label);
            let (tx0, tx1) = if right { (x - w, x) } else { (x, x + w) };
            // A leader runs from its title down through every row below it to the lanes:
            // this title may not sit on the leader of one placed higher up, and its own
            // leader may not cross a title placed lower down.
            let pad = small * 0.4;
            let clashes = placements.iter().any(|t| {
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
        placements.push(Placed {
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
