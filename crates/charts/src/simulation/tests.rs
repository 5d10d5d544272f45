//! The simulation chart's layout as numbers worked out by hand from its rules, on the
//! ceasefire sample and made-up runs, with the counted font of `testing::Mono`.

use super::layout::{self, KeyKind, columns, y_range};
use crate::Chart;
use crate::canvas::Size;
use crate::sim_model::{self, IssueRun, Round};
use crate::testing::{Mono, close, sample};

fn run(positions: &[[f64; 2]]) -> IssueRun {
    IssueRun {
        issue: "kursk".into(),
        parties: vec!["ru".into(), "ua".into()],
        weights: vec![1.0, 1.0],
        delta: 0.0,
        rounds: positions
            .iter()
            .enumerate()
            .map(|(round, p)| Round {
                round,
                positions: p.to_vec(),
                median: None,
                mean: None,
                risk: None,
                moves: vec![],
            })
            .collect(),
        stopped_at: None,
        skipped: None,
    }
}

#[test]
fn the_ceasefire_panels_at_1600_by_1000() {
    // Scale 1.4286: small 16 (8 px a character), label 18, margin 23. The key's six
    // entries (four parties, median, mean) take 25.6 + 6.4 + the text + 22.4 px each and
    // end at 879, one line at 100 + 8; the panels start 25.6 lower, at 133.6, and end at
    // 1000 - 23 (nothing for the footnote). 8 panels in 1554 x 843.4 px come closest to
    // square in 4 columns of 388.5 by 2 rows of 421.7.
    let p = sample("ceasefire-2025");
    let view = p.resolve(None).unwrap();
    let sim = sim_model::simulate(&view, 10);
    let runs = layout::runs(&sim, None);
    let size = Size::new(1600.0, 1000.0);
    let s = layout::layout(&view.project, &runs, size, 100.0, false, &Mono);
    assert!(s.omitted.is_empty());
    let key: Vec<(KeyKind, f64)> = s.key.iter().map(|e| (e.kind, e.x)).collect();
    assert_eq!(key.len(), 6);
    assert_eq!(key[0], (KeyKind::Party("ru"), 23.0));
    assert!(close(key[1].1, 125.4));
    assert_eq!(key[4].0, KeyKind::Median);
    assert!(close(key[5].1, 743.0));
    assert!(s.key.iter().all(|e| e.y == 108.0));
    assert_eq!(s.panels.len(), 8);
    let [x0, y0, x1, y1] = s.panels[5].rect;
    assert!(close(x0, 411.5) && close(x1, 800.0));
    assert!(close(y0, 555.3) && close(y1, 977.0));
    // The first panel's plot: 32 px of stance numbers at its left, 19.2 px gap at its
    // right, under a 28.8 px title, over 48 px of round numbers.
    let plot = s.panels[0].plot.as_ref().unwrap();
    assert_eq!((plot.px0, plot.px1), (55.0, 392.3));
    assert!(close(plot.py0, 162.4) && close(plot.py1, 507.3));
    assert_eq!(plot.lines.len(), s.panels[0].run.parties.len());
}

#[test]
fn panels_come_as_close_to_square_as_the_grid_allows() {
    assert_eq!(columns(8, 1554.0, 843.4), 4);
    assert_eq!(columns(1, 1554.0, 843.4), 1);
    // 3 panels in a square: 2 x 2 cells are square, 3 x 1 would be 1:3.
    assert_eq!(columns(3, 1000.0, 1000.0), 2);
}

#[test]
fn a_narrow_run_is_shown_on_its_own_band() {
    // Positions 30..45: 15 x 0.15 = 2.25 of margin, out to multiples of 5: 25..50.
    assert_eq!(y_range(&run(&[[30.0, 45.0], [35.0, 40.0]])), (25.0, 50.0));
    // A spread of 40 points or more keeps the whole scale.
    assert_eq!(y_range(&run(&[[10.0, 50.0]])), (0.0, 100.0));
}

#[test]
fn without_positions_the_chart_says_so_and_has_no_marks() {
    let mut p = sample("ceasefire-2025");
    p.positions.clear();
    let (svg, marks) = crate::testing::export_base(&p, Chart::Simulation);
    assert!(svg.contains("No issue has positions to simulate."));
    assert!(marks.regions.is_empty());
}
