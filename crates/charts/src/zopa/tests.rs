//! The ZOPA chart's layout as numbers worked out by hand from its rules, on the ceasefire
//! sample with the made-up font of `testing::Mono` (a character is half its size wide).

use super::layout::{self, Item, Zopa};
use crate::Chart;
use crate::analysis::analyze;
use crate::canvas::Size;
use crate::model::{Project, Role};
use crate::testing::{Mono, close, sample};

/// The ZOPA chart of `p` at 1600 x 1000 px, its body from y 100.
fn lay_out(p: &Project, f: impl FnOnce(&Zopa)) {
    let view = p.resolve(None).unwrap();
    let a = analyze(&view);
    let size = Size::new(1600.0, 1000.0);
    f(&layout::layout(&view.project, &a, size, 100.0, &Mono));
}

#[test]
fn the_ceasefire_tracks_at_1600_by_1000() {
    // Scale 1.4286: label 18, small 16, margin 23; the body ends at 951.4. The key takes
    // 16 x 2.2 = 35.2 px. Two Principals (Russia, Ukraine): a track needs at least
    // 16 x 0.8 x 1.3 + 2 x 2.5 + 5 = 26.64 px, so the 8 issues and the value scale's row
    // (24 px) fit: the tracks start at 135.2 + 24 = 159.2, each (951.4 - 159.2) / 8 =
    // 99.025 tall (under the 18 x 6 cap), names at 18 px, ends at 16. Names would need
    // 44 x 9 + 18 = 414 px: they get 1600 x 0.24 = 384, so the tracks run from
    // 23 + 384 + 18 = 425 to 1600 - 23 - 9 = 1568.
    lay_out(&sample("ceasefire-2025"), |z| {
        assert_eq!(z.rows.len(), 8);
        assert!(z.omitted.is_empty(), "{:?}", z.omitted);
        assert_eq!((z.lbl, z.ends), (18.0, 16.0));
        assert!(close(z.row_h, 99.025), "{}", z.row_h);
        assert!(close(z.scale_y.unwrap(), 159.2 - 4.8));
        assert_eq!((z.tx0, z.tx1), (425.0, 1568.0));
        assert_eq!(z.x(50.0), 996.5);
        assert_eq!(z.x(120.0), 1568.0, "values are clamped to the track");
        for (i, row) in z.rows.iter().enumerate() {
            assert!(close(row.y, 159.2 + 99.025 * i as f64), "row {i}");
            assert!(close(row.band_bottom, row.y + 99.025 - 16.0 * 1.45));
            assert_eq!(row.bands.len(), 2, "both Principals hold a position");
        }
        // The bands split the track: Russia's in the upper half, 15% in from its edges.
        let row = &z.rows[0];
        let band_h = (row.band_bottom - row.band_top) / 2.0;
        assert!(close(row.bands[0].y0, row.band_top + band_h * 0.15));
        assert!(close(row.bands[1].y1, row.band_bottom - band_h * 0.15));
    });
}

#[test]
fn the_key_puts_the_principals_left_and_the_marks_from_the_middle() {
    // At 8 px a character: Russia at 23, the next entry 32 + 48 + 19.2 further, at 122.2;
    // the marks start at the middle, 800: "stance" (6 characters) then "ideal" at
    // 800 + 24 + 48 + 19.2 = 891.2.
    lay_out(&sample("ceasefire-2025"), |z| {
        let parties: Vec<(&str, f64)> = z
            .key
            .parties
            .iter()
            .map(|(p, x)| (p.id.as_str(), *x))
            .collect();
        assert_eq!(parties, vec![("ru", 23.0), ("ua", 122.2)]);
        assert_eq!(z.key.items[0], (Item::Stance, 800.0, 824.0));
        assert_eq!(z.key.items[1].0, Item::Ideal);
        assert!(close(z.key.items[1].1, 891.2));
    });
}

#[test]
fn names_and_scale_ends_too_long_are_shortened() {
    // Names get 384 px, 42 characters at 9 px: the 44 of the neutrality issue lose their
    // last 3 for an ellipsis. Scale ends get (1568 - 425) x 0.46 = 525.78 px, 65
    // characters at 8 px: "0 · Zelensky stays; …" (56) fits, the other end (84) is cut.
    lay_out(&sample("ceasefire-2025"), |z| {
        assert_eq!(z.rows[2].name, "Ukraine's neutrality and alliance members…");
        let elections = &z.rows[3];
        assert_eq!(
            elections.low,
            "0 · Zelensky stays; elections only once martial law ends"
        );
        assert_eq!(
            elections.high,
            "Early elections on Russia's terms, open to Russian-backed candid…"
        );
    });
}

#[test]
fn without_principals_there_are_no_bands_and_the_footnote_says_why() {
    let mut p = sample("ceasefire-2025");
    for party in &mut p.parties {
        party.role = Role::Stakeholder;
    }
    lay_out(&p, |z| {
        assert!(z.key.parties.is_empty());
        assert!(z.rows.iter().all(|r| r.bands.is_empty()));
        assert_eq!(z.omitted, vec!["no Principal parties: no ZOPA to show"]);
    });
}

#[test]
fn without_issues_the_chart_says_so_and_has_no_marks() {
    let mut p = sample("ceasefire-2025");
    p.issues.clear();
    p.positions.clear();
    let (svg, marks) = crate::testing::export_base(&p, Chart::Zopa);
    assert!(svg.contains("No issues recorded yet."));
    assert!(marks.regions.is_empty());
}
