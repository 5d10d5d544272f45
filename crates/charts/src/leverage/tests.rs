//! The leverage matrix's layout as numbers worked out by hand from its rules, on the
//! ceasefire sample with the made-up font of `testing::Mono` (a character is half its size
//! wide).

use super::layout::{self, Leverage, Mark, Numbers};
use crate::Chart;
use crate::analysis::analyze;
use crate::canvas::Size;
use crate::model::{LeverageKind, LeverageStatus, Project};
use crate::testing::{Mono, close, sample};

/// The leverage chart of `p` at 1600 x 1000 px, its body from y 100.
fn lay_out(p: &Project, f: impl FnOnce(&Leverage)) {
    let view = p.resolve(None).unwrap();
    let a = analyze(&view);
    let involved = layout::involved(&view.project);
    let size = Size::new(1600.0, 1000.0);
    f(&layout::layout(
        &view.project,
        &a,
        &involved,
        size,
        100.0,
        &Mono,
    ));
}

#[test]
fn the_ceasefire_matrix_at_1600_by_1000() {
    // Scale 1.4286: label 18, small 16, margin 23; the body ends at 1000 - 23 - 25.6 =
    // 951.4. The panel takes 1600 x 0.3 = 480 px, so the matrix ends at 1600 - 23 - 480 -
    // 23 = 1074. All 4 parties hold or face leverage. The key takes 16 x 2.4 px: the
    // matrix starts at 138.4. Row labels: "European states" (15 characters at 9 px) + 18 =
    // 153, so the grid starts at 176 and the columns are (1074 - 176) / 4 = 224.5 wide.
    // The header is 18 x 2.8 + 16 x 1.4 = 72.8 tall: the grid starts at 211.2, and rows
    // of (951.4 - 211.2) / 4 = 185 px are capped at 18 x 5.5 = 99.
    lay_out(&sample("ceasefire-2025"), |lv| {
        assert_eq!((lv.rows.len(), lv.columns.len()), (4, 4));
        assert!(lv.omitted.is_empty());
        assert_eq!((lv.grid_x, lv.row_h), (176.0, 99.0));
        let centres: Vec<f64> = lv.columns.iter().map(|h| h.cx).collect();
        assert_eq!(centres, vec![288.25, 512.75, 737.25, 961.75]);
        for (i, row) in lv.rows.iter().enumerate() {
            assert!(close(row.y, 211.2 + 99.0 * i as f64), "row {i}: {}", row.y);
        }
        // A party's own column is a faint cell; the United States and the European states
        // hold nothing over each other: a dash. Rows of 99 px (>= 3 x 18) have room for the
        // pressure and the net on lines of their own.
        let (us, eu) = (&lv.rows[2], &lv.rows[3]);
        assert!(matches!(us.cells[2].mark, Mark::Own));
        assert!(matches!(us.cells[3].mark, Mark::Nothing));
        assert!(matches!(eu.cells[2].mark, Mark::Nothing));
        let Mark::Bars { text, .. } = &us.cells[0].mark else {
            panic!("the United States press Russia");
        };
        assert!(matches!(text, Numbers::TwoLines { .. }));
    });
}

#[test]
fn the_key_note_is_shortened_to_the_matrix_width() {
    // Kinds at 16 px (8 px a character): swatch at 23, label at 23 + 32 = 55, next at
    // 55 + 48 + 24 = 127 (Stick, label at 159), then 159 + 40 + 24 = 223 (Alternative, at
    // 255); the note starts at 255 + 88 + 24 = 367 with 1074 - 367 = 707 px, 88
    // characters: its first 87 and an ellipsis.
    lay_out(&sample("ceasefire-2025"), |lv| {
        let kinds: Vec<(LeverageKind, f64, f64)> = lv.kinds.clone();
        assert_eq!(
            kinds,
            vec![
                (LeverageKind::Carrot, 23.0, 55.0),
                (LeverageKind::Stick, 127.0, 159.0),
                (LeverageKind::Alternative, 223.0, 255.0)
            ]
        );
        assert_eq!(lv.note.1, 367.0);
        assert_eq!(
            lv.note.0,
            "bar length: pressure = Σ strength × credibility (withdrawn left out) · net: given − rec…"
        );
    });
}

#[test]
fn the_alternatives_panel_is_as_tall_as_its_two_holders() {
    // Russia and Ukraine have one alternative each. Padding 18 x 0.8 = 14.4, the heading
    // 20 x 1.6 = 32: the panel needs 28.8 + 32 + 2 x (25.2 + 9.6) + 2 x 22.4 + 24 = 199.2
    // px, from 138.4 to 337.6. Russia's name at 138.4 + 14.4 + 32 = 184.8, its
    // alternative 25.2 lower, at 210; Ukraine's name at 210 + 22.4 + 9.6 = 242.
    lay_out(&sample("ceasefire-2025"), |lv| {
        let panel = &lv.panel;
        assert!(close(panel.rect[1], 138.4) && close(panel.rect[3], 337.6));
        assert_eq!((panel.rect[0], panel.rect[2]), (1097.0, 1577.0));
        let ys: Vec<(&str, f64)> = panel
            .holders
            .iter()
            .map(|h| (h.party.id.as_str(), h.y))
            .collect();
        assert_eq!(ys.len(), 2);
        assert_eq!(ys[0].0, "ru");
        assert!(close(ys[0].1, 184.8) && close(panel.holders[0].alternatives[0].y, 210.0));
        assert_eq!(ys[1].0, "ua");
        assert!(close(ys[1].1, 242.0));
        assert_eq!((panel.hidden, panel.none_y), (0, None));
    });
}

#[test]
fn with_all_leverage_withdrawn_the_chart_says_so_and_has_no_marks() {
    let mut p = sample("ceasefire-2025");
    for l in &mut p.leverage {
        l.status = LeverageStatus::Withdrawn;
    }
    let view = p.resolve(None).unwrap();
    assert!(layout::involved(&view.project).is_empty());
    let (svg, marks) = crate::testing::export_base(&p, Chart::Leverage);
    assert!(svg.contains("No leverage recorded (or all of it withdrawn)."));
    assert!(marks.regions.is_empty());
}
