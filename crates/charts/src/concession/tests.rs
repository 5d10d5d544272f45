//! The concession matrix's layout as numbers worked out by hand from its rules, on the
//! ceasefire sample with the made-up font of `testing::Mono` (a character is half its size
//! wide).

use super::layout::{self, Matrix};
use crate::Chart;
use crate::analysis::{Analysis, analyze};
use crate::canvas::Size;
use crate::model::Project;
use crate::testing::{Mono, close, sample};

/// The matrix of `p` in a chart of `w` x `h` px whose body starts at `top`.
fn lay_out(p: &Project, (w, h): (f64, f64), top: f64, f: impl FnOnce(&Matrix)) {
    let view = p.resolve(None).unwrap();
    let a: Analysis = analyze(&view);
    let (parties, issues) = layout::shown(&view.project, &a);
    let m = layout::layout(&a, &parties, &issues, Size::new(w, h), top, &Mono);
    f(&m);
}

#[test]
fn the_ceasefire_matrix_at_1600_by_1000() {
    // Scale min(1600/1100, 1000/700) = 1.4286: small 16, 12.5 -> 18, 13 -> 19, margin 23.
    // Bottom 1000 - 23 - 16 x 1.6 = 951.4, the key 16 x 4.8 = 76.8 and the column header
    // 18 x 2.9 = 52.2 tall. All 8 issues fit (rows of at least 24.8 px); a row is
    // (951.4 - 76.8 - 100 - 52.2) / 9.9 = 73 px, capped at 18 x 3.4 = 61.2, so type is
    // min(61.2 x 0.42 = 25.7, 19) = 19 and rows are two lines (61.2 >= 2.5 x 19).
    // The widest issue name, 44 characters at 9.5 px, is 418 + 28.5 px: the row labels
    // get the cap, 1600 x 0.27 = 432, and the grid starts at 23 + 432 = 455. The 4
    // columns would be (1600 - 23 - 455) / 4 = 280.5 wide, capped at 19 x 12 = 228.
    lay_out(&sample("ceasefire-2025"), (1600.0, 1000.0), 100.0, |m| {
        assert_eq!((m.rows.len(), m.columns.len()), (8, 4));
        assert!(m.omitted.is_empty(), "{:?}", m.omitted);
        assert_eq!((m.label, m.small), (19.0, 16.0));
        assert!(m.two_line_rows);
        assert!(close(m.row_h, 61.2), "{}", m.row_h);
        assert_eq!((m.grid_x, m.col_w), (455.0, 228.0));
        let centres: Vec<f64> = m.columns.iter().map(|h| h.cx).collect();
        assert_eq!(centres, vec![569.0, 797.0, 1025.0, 1253.0]);
        let names: Vec<&str> = m.columns.iter().map(|h| h.party.name.as_str()).collect();
        assert_eq!(
            names,
            vec!["Russia", "Ukraine", "United States", "European states"]
        );
        // Rows from the grid's top, 100 + 52.2, one row height apart; the totals a quarter
        // row under the last.
        assert!(close(m.grid_y, 152.2));
        for (i, row) in m.rows.iter().enumerate() {
            assert!(close(row.y, 152.2 + 61.2 * i as f64), "row {i}: {}", row.y);
            assert_eq!(row.cells.len(), 4);
        }
        assert!(close(m.totals.y, 152.2 + 61.2 * 8.25));
        // A cell is inset 1.5 px: the first row's third cell spans 911 + 1.5 to 1139 - 1.5.
        let [x0, _, x1, _] = m.rows[0].cells[2].rect;
        assert_eq!((x0, x1), (912.5, 1137.5));
    });
}

#[test]
fn an_issue_name_too_long_for_its_column_is_shortened() {
    // Same sizes: names get 432 - 19 x 0.5 = 422.5 px, 44 characters at 9.5 px. The
    // longest prefix that fits with its ellipsis is the first 43 characters (the 44th is
    // the space, trimmed).
    let mut p = sample("ceasefire-2025");
    let issue = p
        .issues
        .iter_mut()
        .find(|i| i.id == "sanctions-deal")
        .unwrap();
    issue.name = "Sanctions relief and a wider US-Russia deal plus reconstruction funds".into();
    lay_out(&p, (1600.0, 1000.0), 100.0, |m| {
        let row = m
            .rows
            .iter()
            .find(|r| r.issue.id == "sanctions-deal")
            .unwrap();
        assert_eq!(row.name, "Sanctions relief and a wider US-Russia deal…");
        let kursk = m.rows.iter().find(|r| r.issue.id == "kursk").unwrap();
        assert_eq!(kursk.name, "The Kursk region in any truce");
    });
}

#[test]
fn a_short_chart_shows_the_rows_that_fit_and_counts_the_rest() {
    // 1100 x 300: scale 0.8, every type size at the 12 px floor, margin 13. Bottom
    // 300 - 13 - 19.2 = 267.8; less the key (57.6) and the header (34.8) from 60 leaves
    // 115.4 px, 6 rows of 18.6, one kept for the totals: 5 of the 8 issues. Rows of
    // 115.4 / 6.9 = 16.7 px are too short for two lines: the outcome gets a column.
    lay_out(&sample("ceasefire-2025"), (1100.0, 300.0), 60.0, |m| {
        assert_eq!(m.rows.len(), 5);
        assert_eq!(m.omitted, vec!["+3 issues not shown".to_owned()]);
        assert!(!m.two_line_rows);
    });
}

#[test]
fn without_positions_the_chart_says_so_and_has_no_marks() {
    let mut p = sample("ceasefire-2025");
    p.positions.clear();
    let view = p.resolve(None).unwrap();
    let a = analyze(&view);
    let (parties, _) = layout::shown(&view.project, &a);
    assert!(parties.is_empty());
    let (svg, marks) = crate::testing::export_base(&p, Chart::ConcessionMatrix);
    assert!(svg.contains("No positions recorded yet."));
    assert!(marks.regions.is_empty());
}
