//! The column header the matrix charts share (the concession matrix and the leverage
//! matrix), written once: each party's name over its column, wrapped into at most two
//! centred lines, a bar in the party's colour under it, and the whole header cell as the
//! party's hover region. `heads` lays it out as numbers; `paint` draws it.

use crate::ChartLayout;
use crate::canvas::{Align, Baseline, Canvas, Draw, Measure};
use crate::model::{Party, Project};
use plotters::prelude::DrawingBackend;

/// Where the columns are: the grid's left edge and column width, the top of the header and
/// the top of the grid (the header's bottom).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Columns {
    pub x: f64,
    pub w: f64,
    pub top: f64,
    pub grid_y: f64,
}

/// A chart's spacing of the header, in multiples of its font sizes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HeadStyle {
    /// The name's last line ends this many `small` above the grid.
    pub text_gap: f64,
    /// Line height of the name, in `label`s.
    pub line_h: f64,
    /// The colour bar's top and bottom, in `small`s above the grid.
    pub bar: (f64, f64),
}

/// One party's column header.
#[derive(Debug, Clone, PartialEq)]
pub struct ColumnHead<'a> {
    pub party: &'a Party,
    /// The column's centre, where the name's lines are centred.
    pub cx: f64,
    /// The name's lines and the top of each.
    pub lines: Vec<(String, f64)>,
    /// `[x0, y0, x1, y1]` of the colour bar.
    pub bar: [f64; 4],
    /// The hover region: the column from the header's top to the grid.
    pub rect: [f64; 4],
    pub tooltip: String,
}

/// The headers of `parties` over `cols`, names at `label` px in columns 6 px narrower than
/// the column.
pub fn heads<'a>(
    parties: &[&'a Party],
    cols: Columns,
    (label, small): (f64, f64),
    style: HeadStyle,
    measure: &impl Measure,
    tooltip: impl Fn(&Party) -> String,
) -> Vec<ColumnHead<'a>> {
    let (col_w, grid_y) = (cols.w, cols.grid_y);
    parties
        .iter()
        .enumerate()
        .map(|(j, &party)| {
            let x = cols.x + col_w * j as f64;
            let lines = measure.wrap(&party.name, label, col_w - 6.0, 2);
            let nl = lines.len() as f64;
            let lines = lines
                .into_iter()
                .enumerate()
                .map(|(k, line)| {
                    let y =
                        grid_y - small * style.text_gap - (nl - k as f64) * label * style.line_h;
                    (line, y)
                })
                .collect();
            ColumnHead {
                party,
                cx: x + col_w / 2.0,
                lines,
                bar: [
                    x + 3.0,
                    grid_y - small * style.bar.0,
                    x + col_w - 3.0,
                    grid_y - small * style.bar.1,
                ],
                rect: [x, cols.top, x + col_w, grid_y],
                tooltip: tooltip(party),
            }
        })
        .collect()
}

/// The headers' names, colour bars and hover regions.
pub fn paint<DB: DrawingBackend>(
    c: &Canvas<'_, DB>,
    p: &Project,
    heads: &[ColumnHead],
    label: f64,
    layout: &mut ChartLayout,
) -> Draw {
    for head in heads {
        for (line, y) in &head.lines {
            let ink = c.pal.text;
            c.text(line, head.cx, *y, label, ink, Align::Middle, Baseline::Top)?;
        }
        let [x0, y0, x1, y1] = head.bar;
        let color = c.pal.party(p.party_color(&head.party.id));
        c.rect(x0, y0, x1, y1, color, 1.0)?;
        let id = Some(head.party.id.as_str());
        layout.add(head.rect, id, None, head.tooltip.clone());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Role;

    /// Each character `size / 2` px wide.
    struct Mono;

    impl Measure for Mono {
        fn measure(&self, text: &str, size: f64) -> f64 {
            text.chars().count() as f64 * size * 0.5
        }
    }

    fn party(id: &str, name: &str) -> Party {
        Party {
            id: id.into(),
            name: name.into(),
            role: Role::Principal,
            power: 0.5,
            color: None,
            notes: String::new(),
        }
    }

    #[test]
    fn a_long_name_wraps_onto_two_lines_above_the_bar() {
        // Columns of 100 px from x 200; names at 10 px (5 px a character) in 94 px, so 18
        // characters a line. "European Union delegation" (25 chars) breaks after "Union"
        // (14 chars); "Kyiv" fits on one line. With a 1.0 gap and 1.25 lines at small 10
        // over a grid at y 300: the last line's top is 300 - 10 - 12.5 = 277.5, the first's
        // 265.
        let (eu, ua) = (
            party("eu", "European Union delegation"),
            party("ua", "Kyiv"),
        );
        let cols = Columns {
            x: 200.0,
            w: 100.0,
            top: 250.0,
            grid_y: 300.0,
        };
        let style = HeadStyle {
            text_gap: 1.0,
            line_h: 1.25,
            bar: (0.6, 0.2),
        };
        let heads = heads(&[&eu, &ua], cols, (10.0, 10.0), style, &Mono, |p| {
            p.name.clone()
        });
        let lines: Vec<Vec<(&str, f64)>> = heads
            .iter()
            .map(|h| h.lines.iter().map(|(t, y)| (t.as_str(), *y)).collect())
            .collect();
        assert_eq!(
            lines,
            vec![
                vec![("European Union", 265.0), ("delegation", 277.5)],
                vec![("Kyiv", 277.5)]
            ]
        );
        assert_eq!((heads[0].cx, heads[1].cx), (250.0, 350.0));
        // The bar from 3 px inside the column, 6 to 2 px above the grid.
        assert_eq!(heads[1].bar, [303.0, 294.0, 397.0, 298.0]);
        assert_eq!(heads[1].rect, [300.0, 250.0, 400.0, 300.0]);
    }
}
