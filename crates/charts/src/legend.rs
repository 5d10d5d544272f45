//! Where a wrapped legend's entries go: left to right in rows of a given width, onto at
//! most a few lines, and what does not fit counted in a "+N more" label, never dropped
//! silently. Pure numbers; the chart draws its own swatches.

/// Where the legend's entries go: per line, (entry index, x from the left edge).
#[derive(Debug, PartialEq)]
pub struct Legend {
    pub lines: Vec<Vec<(usize, f64)>>,
    /// The last entries, in order, that did not fit.
    pub hidden: usize,
    /// Where "+N more" goes on the last line, when any are hidden.
    pub more_x: Option<f64>,
}

impl Legend {
    /// Lines drawn (at least one, even for no entries, so a legend keeps its row).
    pub fn rows(&self) -> usize {
        self.lines.len().max(1)
    }
}

/// The label that counts `n` entries left out.
pub fn more(n: usize) -> String {
    format!("+{n} more")
}

/// Lays entries of `widths` left to right in `width`, `gap` apart, wrapping onto at most
/// `max_lines` lines; entries that do not fit are counted at the end of the last line, in
/// a label as wide as `more_w(hidden)`, for which the last line gives up entries if needed.
pub fn lay_out(
    widths: &[f64],
    width: f64,
    gap: f64,
    max_lines: usize,
    more_w: impl Fn(usize) -> f64,
) -> Legend {
    let mut lines: Vec<Vec<(usize, f64)>> = Vec::new();
    let mut x = 0.0;
    let mut placed = 0;
    for (i, &w) in widths.iter().enumerate() {
        let new_line = lines.is_empty() || (x > 0.0 && x + w > width);
        if new_line {
            if lines.len() == max_lines {
                break;
            }
            lines.push(Vec::new());
            x = 0.0;
        }
        if let Some(line) = lines.last_mut() {
            line.push((i, x));
        }
        x += w + gap;
        placed += 1;
    }
    let mut hidden = widths.len() - placed;
    let mut more_x = None;
    if hidden > 0
        && let Some(line) = lines.last_mut()
    {
        loop {
            let end = line.last().map_or(0.0, |&(i, x)| {
                x + widths.get(i).copied().unwrap_or(0.0) + gap
            });
            if end + more_w(hidden) <= width || line.is_empty() {
                more_x = Some(end);
                break;
            }
            line.pop();
            hidden += 1;
        }
    }
    Legend {
        lines,
        hidden,
        more_x,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_legend_wraps_onto_a_second_line_before_dropping_anything() {
        // Width 100, gap 10: 40 at 0, 40 at 50 (ends at 90); 30 wraps to x 0, 50 at 40.
        let l = lay_out(&[40.0, 40.0, 30.0, 50.0], 100.0, 10.0, 2, |_| 20.0);
        assert_eq!(
            l.lines,
            vec![vec![(0, 0.0), (1, 50.0)], vec![(2, 0.0), (3, 40.0)]]
        );
        assert_eq!((l.hidden, l.more_x), (0, None));
    }

    #[test]
    fn what_does_not_fit_in_two_lines_is_counted_not_dropped() {
        // Five entries of 40: two per line (0 and 50), so one is left after two lines.
        // "+1 more" (width 30) after the second line's end at 100 does not fit in 100, so
        // the line gives up its second entry: it ends at 50, +2 more fits at 50 (50+30<=100).
        let l = lay_out(&[40.0; 5], 100.0, 10.0, 2, |_| 30.0);
        assert_eq!(l.lines, vec![vec![(0, 0.0), (1, 50.0)], vec![(2, 0.0)]]);
        assert_eq!((l.hidden, l.more_x), (2, Some(50.0)));
        let shown: usize = l.lines.iter().map(Vec::len).sum();
        assert_eq!(shown + l.hidden, 5, "every entry is drawn or counted");
    }

    #[test]
    fn an_entry_wider_than_the_legend_still_gets_a_line() {
        let l = lay_out(&[150.0, 20.0], 100.0, 10.0, 2, |_| 30.0);
        assert_eq!(l.lines, vec![vec![(0, 0.0)], vec![(1, 0.0)]]);
        assert_eq!(l.hidden, 0);
    }

    #[test]
    fn no_entries_still_take_one_row() {
        let l = lay_out(&[], 100.0, 10.0, 2, |_| 30.0);
        assert!(l.lines.is_empty());
        assert_eq!(l.rows(), 1);
    }
}
