//! The deal space's layout as numbers worked out by hand, on a made-up deal space with the
//! counted font of `testing::Mono` (a character is half its size wide).

use super::layout::{self, Kind};
use crate::analysis::DealSpace;
use crate::canvas::{Align, Size};
use crate::testing::{Mono, close};

fn space(scenarios: &[(&str, [f64; 2])]) -> DealSpace {
    DealSpace {
        a: ("ru".into(), "Russia".into()),
        b: ("ua".into(), "Ukraine".into()),
        frontier: vec![[0.0, 1.0], [1.0, 0.0]],
        nash: Some([0.52, 0.5]),
        outcome: Some([0.5, 0.5]),
        outcome_verdict: None,
        outcome_accepted: true,
        scenarios: scenarios
            .iter()
            .map(|(name, p)| (name.to_string(), *p))
            .collect(),
        note: None,
    }
}

#[test]
fn the_plot_at_1600_by_1000() {
    // Scale 1.4286: label 18, small 16, margin 23. The note (1.8 small) and the key
    // (1.4 small) from 100 end at 151.2; the box runs from 23 + 18 x 4.5 = 104 to
    // 1600 - 23 - 18 = 1559 across and from 151.2 + 28.8 = 180 to 1000 - 23 - 57.6 =
    // 919.4 down. Values 0..1 with 6% room: -0.06..1.06 on both axes, ticks every 0.2
    // (1.12 / 0.1 would be 11 ticks): -0, 0.2, ..., 1.
    let chart = layout::layout(&space(&[]), Size::new(1600.0, 1000.0), 100.0, &Mono);
    let plot = chart.plot.as_ref().expect("room for the plot");
    assert_eq!((plot.left, plot.right), (104.0, 1559.0));
    assert!(close(plot.top, 180.0) && close(plot.bottom, 919.4));
    assert!(close(plot.x0, -0.06) && close(plot.x1, 1.06));
    assert_eq!(plot.x_ticks.len(), 6);
    // 0.5 is mid-box: 104 + 1455 / 2 across, 919.4 - 739.4 / 2 up.
    assert!(close(plot.px(0.5), 831.5) && close(plot.py(0.5), 549.7));
    // The frontier and, under it, the box's bottom-left corner back to its first point.
    assert_eq!(plot.frontier.len(), 2);
    assert_eq!(plot.under.len(), 5);
    assert_eq!(plot.under[3], (104.0, plot.bottom));
    // The key's entries: marker, then text 1.9 small on, then 1.4 small after the text.
    assert_eq!(chart.key[0], (23.0, 53.4));
    assert!(close(chart.key[1].0, 53.4 + 24.0 * 8.0 + 22.4));
}

#[test]
fn a_label_that_would_cover_another_moves_down_with_a_leader() {
    // The outcome (drawn first) at 0.5, 0.5: "predicted outcome" (136 px) starts 1.6 r =
    // 14.08 px right of it, at 845.58, and spans 540.1..559.3. The Nash package at 0.52
    // is 11.98 px further right: its label would overlap, so it moves a line (19.2 px)
    // down and gets a leader back to its mark.
    let chart = layout::layout(&space(&[]), Size::new(1600.0, 1000.0), 100.0, &Mono);
    let plot = chart.plot.unwrap();
    let kinds: Vec<Kind> = plot.marks.iter().map(|m| m.kind).collect();
    assert_eq!(kinds, vec![Kind::Outcome { accepted: true }, Kind::Nash]);
    let (outcome, nash) = (&plot.marks[0].label, &plot.marks[1].label);
    assert!(close(outcome.x, 845.58) && close(outcome.y, 549.7));
    assert!(!outcome.leader);
    assert!(close(nash.y, 549.7 + 19.2));
    assert!(nash.leader);
}

#[test]
fn a_label_near_the_right_edge_ends_at_its_mark() {
    // A scenario at 1.0 is at 104 + 1.06 / 1.12 x 1455 = 1481.05: "Escalation scenario"
    // (152 px) would end past 1559, so it ends 14.08 px left of the mark.
    let s = space(&[("Escalation scenario", [1.0, 0.0])]);
    let chart = layout::layout(&s, Size::new(1600.0, 1000.0), 100.0, &Mono);
    let plot = chart.plot.unwrap();
    assert_eq!(plot.marks[0].kind, Kind::Scenario);
    let label = &plot.marks[0].label;
    assert_eq!(label.align, Align::End);
    assert!(close(label.x, plot.px(1.0) - 14.08), "{}", label.x);
}

#[test]
fn a_chart_too_short_for_the_plot_keeps_only_the_note_and_key() {
    // 300 x 200: scale 0.8, sizes at the 12 px floor, margin 13. From 60 the note and key
    // end at 98.4; the box would run from 98.4 + 19.2 = 117.6 to 200 - 13 - 38.4 = 148.6,
    // under 40 px: no plot, the message goes under the note (at 81.6).
    let chart = layout::layout(&space(&[]), Size::new(300.0, 200.0), 60.0, &Mono);
    assert!(chart.plot.is_none());
    assert!(close(chart.below_note, 81.6));
}

#[test]
fn without_two_principals_the_chart_says_why_and_has_no_marks() {
    use crate::Chart;
    use crate::model::Role;
    use crate::testing::sample;
    let mut p = sample("ceasefire-2025");
    for party in &mut p.parties {
        party.role = Role::Stakeholder;
    }
    let (svg, marks) = crate::testing::export_base(&p, Chart::DealSpace);
    assert!(svg.contains("No deal space to draw: "), "{svg}");
    assert!(marks.regions.is_empty());
}
