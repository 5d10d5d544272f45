//! The timeline's layout as numbers worked out by hand, with a made-up font: every
//! character is half its size wide (5 px at 10 px), so widths can be counted.

use super::layout::{self, DateScale, Dated, Type, dated_events, vertical};
use super::titles::{Placed, group_events, place_titles};
use crate::canvas::{Measure, Size};
use crate::model::{Event, EventKind, Issue, Party, Position, Project, Role, Shift, parse_date};
use crate::testing::{Mono, close};
use crate::{ChartInput, ChartOptions, Theme, dates};

const TY: Type = Type {
    margin: 16.0,
    label: 10.0,
    small: 10.0,
};

/// Day `d` at `10 * d` px: days 0..100 onto 0..1000 px.
const SCALE: DateScale = DateScale {
    d0: 0.0,
    d1: 100.0,
    x0: 0.0,
    x1: 1000.0,
};

fn event(date: &str, title: &str, kind: EventKind, parties: &[&str]) -> Event {
    Event {
        date: date.into(),
        title: title.into(),
        kind,
        parties: parties.iter().map(|s| s.to_string()).collect(),
        shifts: vec![],
        notes: String::new(),
        sources: vec![],
    }
}

fn dated<'a>(events: &'a [Event], days: &[i64]) -> Vec<Dated<'a>> {
    events
        .iter()
        .zip(days)
        .map(|(event, &day)| Dated {
            event,
            day,
            hypothetical: false,
        })
        .collect()
}

#[test]
fn events_a_few_px_apart_form_one_group() {
    // Days 10, 10, 12 and 30 are at 100, 100, 120 and 300 px: within 25 px of the
    // group's first (100) go the first three; 300 starts a group of its own.
    let e: Vec<Event> = (0..4)
        .map(|i| event("2025-01-01", &format!("E{i}"), EventKind::Other, &[]))
        .collect();
    let d = dated(&e, &[10, 10, 12, 30]);
    let groups = group_events(&d, &SCALE, 25.0);
    let days: Vec<Vec<i64>> = groups
        .iter()
        .map(|g| g.iter().map(|e| e.day).collect())
        .collect();
    assert_eq!(days, vec![vec![10, 10, 12], vec![30]]);
}

#[test]
fn a_title_that_finds_its_row_taken_goes_to_the_next_row() {
    // "Alpha talks" (11 chars, 55 px) at x 100 takes row 0 from 100 to 155. "Beta" at
    // x 120 cannot start in row 0 (taken up to 155 + a 10 px gap), and right-aligned it
    // would have -45 px; so it goes into row 1, left-aligned: 120 to 140 (20 px). Alpha's
    // leader at x 100 passes left of it.
    let e = [
        event("2025-01-01", "Alpha talks", EventKind::Meeting, &[]),
        event("2025-01-01", "Beta", EventKind::Meeting, &[]),
    ];
    let d = dated(&e, &[10, 12]);
    let groups = group_events(&d, &SCALE, 1.0);
    let (placed, unlabeled) = place_titles(&groups, &SCALE, 1000.0, 3, TY, &Mono);
    assert_eq!(unlabeled, 0);
    let rows: Vec<(usize, &str, f64, f64, f64)> = placed
        .iter()
        .map(|t| (t.row, t.text.as_str(), t.x, t.x0, t.x1))
        .collect();
    assert_eq!(
        rows,
        vec![
            (0, "Alpha talks", 100.0, 100.0, 155.0),
            (1, "Beta", 120.0, 120.0, 140.0)
        ]
    );
}

#[test]
fn a_title_near_the_right_edge_ends_at_its_marker() {
    // At x 950 only 50 px are left before 1000, but 280 px (0.28 of the width) to the
    // left: "Near the end" (12 chars, 60 px) is right-aligned, from 890 to 950.
    let e = [event(
        "2025-01-01",
        "Near the end",
        EventKind::Deadline,
        &[],
    )];
    let d = dated(&e, &[95]);
    let groups = group_events(&d, &SCALE, 1.0);
    let (placed, _) = place_titles(&groups, &SCALE, 1000.0, 1, TY, &Mono);
    assert_eq!(placed[0].text, "Near the end");
    assert_eq!((placed[0].x0, placed[0].x1), (890.0, 950.0));
}

#[test]
fn a_group_is_titled_once_with_a_count_and_a_long_title_is_shortened() {
    // Two events on day 10 form one group: its title is the first's, with " (+1 more)".
    // The title room is 0.28 x 200 = 56 px: " (+1 more)" takes 50 of it, which leaves
    // less than "Abcdefgh…" (45 px), so a 200 px wide chart has no room for it at all.
    let long = "A very long title about the talks in the capital";
    let e = [
        event("2025-01-01", long, EventKind::Meeting, &[]),
        event("2025-01-01", "Second", EventKind::Meeting, &[]),
    ];
    let d = dated(&e, &[10, 10]);
    let groups = group_events(&d, &SCALE, 1.0);
    assert_eq!(groups.len(), 1);
    let (placed, unlabeled) = place_titles(&groups, &SCALE, 1000.0, 2, TY, &Mono);
    // 280 px of room less 50 for the suffix: 230 px, 46 characters with the ellipsis.
    assert_eq!(unlabeled, 0);
    let text = &placed[0].text;
    assert!(text.ends_with("… (+1 more)"), "{text}");
    assert!(Mono.measure(text, 10.0) <= 280.0, "{text}");
    let narrow = DateScale { x1: 200.0, ..SCALE };
    let (placed, unlabeled) = place_titles(&groups, &narrow, 200.0, 2, TY, &Mono);
    assert!(placed.is_empty());
    assert_eq!(unlabeled, 2, "both events of the group are counted");
}

#[test]
fn crowded_titles_never_overlap_nor_sit_on_a_leader() {
    // Twenty events two days apart with long titles: more than the three rows can hold.
    let e: Vec<Event> = (0..20)
        .map(|i| {
            let title = format!("Event {i} with a rather long title about the talks");
            event("2025-01-01", &title, EventKind::Statement, &[])
        })
        .collect();
    let days: Vec<i64> = (0..20).map(|i| 5 + i * 4).collect();
    let d = dated(&e, &days);
    let groups = group_events(&d, &SCALE, 1.0);
    let (placed, unlabeled) = place_titles(&groups, &SCALE, 1000.0, 3, TY, &Mono);
    assert!(unlabeled > 0 && !placed.is_empty());
    assert_eq!(
        placed.len() + unlabeled,
        20,
        "every event is titled or counted"
    );
    let pad = TY.small * 0.4;
    for a in &placed {
        assert!(a.x0 >= SCALE.x0 && a.x1 <= 1000.0, "{a:?} leaves the plot");
        for b in placed.iter().filter(|b| *b != a) {
            if a.row == b.row {
                assert!(a.x1 < b.x0 || b.x1 < a.x0, "{a:?} overlaps {b:?}");
            }
            // A leader runs down from its title through every row below it.
            let crosses = |upper: &Placed, lower: &Placed| {
                upper.row < lower.row && (lower.x0 - pad..=lower.x1 + pad).contains(&upper.x)
            };
            assert!(!crosses(a, b), "{b:?} sits on the leader of {a:?}");
        }
    }
}

/// A chart of 1100 x 700 px at scale 1 with 13 px labels, 12 px small text.
const PAGE: Size = Size {
    w: 1100.0,
    h: 700.0,
    scale: 1.0,
};
const TY13: Type = Type {
    margin: 16.0,
    label: 13.0,
    small: 12.0,
};

#[test]
fn the_events_take_what_they_need_and_the_trajectories_the_rest() {
    // Body from 100 to 700 - 16 - 12 x 1.6 = 664.8 (564.8 px). Two title rows of
    // 13 x 1.45 = 18.85, 18 px under them, 3 lanes of at most 13 x 2.4 = 31.2 and a 24 px
    // axis need 173.3 px; the trajectories take the rest less a 19.5 px heading:
    // 564.8 - 173.3 - 19.5 = 372 (more than the 40% floor, 225.9).
    let v = vertical(PAGE, TY13, 100.0, 3, true, 2);
    assert!(close(v.bottom, 664.8), "{v:?}");
    assert!(close(v.events_bottom, 664.8 - 372.0 - 19.5), "{v:?}");
    assert!(close(v.lanes_bottom, v.events_bottom - 24.0), "{v:?}");
    assert!(close(v.lane_h, 31.2), "{v:?}");
    assert!(close(v.lanes_top, v.lanes_bottom - 3.0 * 31.2), "{v:?}");
    assert_eq!(v.rows, 2, "the rows wanted, and no more: {v:?}");
    assert!(close(v.titles_bottom, v.lanes_top - 6.0), "{v:?}");
}

#[test]
fn without_trajectories_lanes_grow_to_four_lines_and_titles_get_eight_rows() {
    // No issue: the events take the whole body down to 664.8; lanes at most 13 x 4 = 52
    // px; the 640.8 - 156 - 100 - 12 = 372.8 px above them hold 19 rows of 18.85, held to 8.
    let v = vertical(PAGE, TY13, 100.0, 3, false, 2);
    assert!(close(v.events_bottom, 664.8), "{v:?}");
    assert!(close(v.lane_h, 52.0), "{v:?}");
    assert!(close(v.lanes_top, 640.8 - 156.0), "{v:?}");
    assert_eq!(v.rows, 8);
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

fn position(party: &str, stance: f64) -> Position {
    Position {
        party: party.into(),
        issue: "pay".into(),
        stance,
        ideal: None,
        walk_away: None,
        salience: 0.5,
        red_line: false,
        rationale: String::new(),
        sources: vec![],
    }
}

/// Two parties; talks on 1 March in both lanes, two offers by the union on 5 March that
/// moved its stance on pay to 40, then 45; as of 10 March.
fn talks() -> Project {
    let mut offer1 = event("2025-03-05", "Offer one", EventKind::Proposal, &["union"]);
    offer1.shifts = vec![Shift {
        party: "union".into(),
        issue: "pay".into(),
        stance: 40.0,
    }];
    let mut offer2 = event("2025-03-05", "Offer two", EventKind::Proposal, &["union"]);
    offer2.shifts = vec![Shift {
        party: "union".into(),
        issue: "pay".into(),
        stance: 45.0,
    }];
    Project {
        title: "Pay talks".into(),
        as_of: Some("2025-03-10".into()),
        parties: vec![party("union", "Union"), party("firm", "Firm")],
        issues: vec![Issue {
            id: "pay".into(),
            name: "Pay".into(),
            low: "Freeze".into(),
            high: "Claim in full".into(),
            marks: vec![],
            notes: String::new(),
        }],
        positions: vec![position("union", 45.0), position("firm", 20.0)],
        events: vec![
            event(
                "2025-03-01",
                "Talks open",
                EventKind::Meeting,
                &["union", "firm"],
            ),
            offer1,
            offer2,
        ],
        ..Project::default()
    }
}

/// The talks laid out on `PAGE` with `rounds` model rounds asked for, handed to `check`.
fn talks_layout(rounds: usize, check: impl FnOnce(&layout::Timeline<'_>)) {
    let project = talks();
    let view = project.resolve(None).unwrap();
    let analysis = crate::analysis::analyze(&view);
    let options = ChartOptions {
        rounds: Some(rounds),
        ..ChartOptions::default()
    };
    let input = ChartInput {
        view: &view,
        analysis: &analysis,
        theme: Theme::Light,
        options: &options,
    };
    let events = dated_events(&view);
    check(&layout::layout(&input, &events, PAGE, 100.0, &Mono));
}

#[test]
fn a_small_timeline_laid_out_end_to_end() {
    talks_layout(0, |t| {
        let day = |s: &str| dates::day_number(parse_date(s).unwrap()) as f64;

        // One lane per party, in project order; the talks name both, so no "Other" lane.
        let names: Vec<&str> = t.lanes.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["Union", "Firm"]);
        let centre = |i: f64| t.v.lanes_top + t.v.lane_h * (i + 0.5);

        // The talks: one marker in each lane, at the same x, joined.
        let talks = &t.marks[0];
        let x1 = t.scale.x(day("2025-03-01"));
        assert_eq!(talks.points, vec![(x1, centre(0.0)), (x1, centre(1.0))]);
        assert!(
            talks.tooltip.ends_with("Talks open — Union, Firm"),
            "{}",
            talks.tooltip
        );

        // The two offers on one date share the union's lane: spread r x 1.1 either side.
        let x5 = t.scale.x(day("2025-03-05"));
        let spread = t.r * 1.1;
        let [(a, ay)] = t.marks[1].points[..] else {
            panic!("{:?}", t.marks[1].points)
        };
        let [(b, by)] = t.marks[2].points[..] else {
            panic!("{:?}", t.marks[2].points)
        };
        assert!(
            close(a, x5 - spread) && close(b, x5 + spread),
            "{a} {b} around {x5}"
        );
        assert_eq!((ay, by), (centre(0.0), centre(0.0)));

        // Two groups, two titles; the offers' title counts the second offer.
        let titles: Vec<&str> = t.titles.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(titles, ["Talks open", "Offer one (+1 more)"]);
        for title in &t.titles {
            assert!(title.lead_top < title.lead_bottom);
            assert!(
                title.lead_bottom < centre(0.0),
                "the leader stops over the marker"
            );
        }
        assert!(t.omitted.is_empty(), "{:?}", t.omitted);
        assert_eq!(t.as_of_x, Some(t.scale.x(day("2025-03-10"))));

        // Trajectories of pay: the union steps 40 -> 45 on 5 March and holds 45 to 10 March.
        let tr = t.trajectories.as_ref().unwrap();
        assert!(tr.strip.is_none(), "rounds 0: no model strip");
        let union = &tr.paths[0];
        let x10 = t.scale.x(day("2025-03-10"));
        assert_eq!(
            union.steps,
            vec![
                (x5, tr.y(40.0)),
                (x5, tr.y(40.0)),
                (x5, tr.y(45.0)),
                (x10, tr.y(45.0)),
                (x10, tr.y(45.0))
            ]
        );
        // Stance 0 at the panel's bottom, 100 at its top.
        assert_eq!((tr.y(0.0), tr.y(100.0)), (tr.py1, tr.py0));
        let (_, tip) = union.now.as_ref().unwrap();
        assert_eq!(tip, "Union: stance 45 on Pay (2 shifts recorded)");
        // The firm recorded no shift: no step line, only its stance at the as-of date.
        assert!(tr.paths[1].steps.is_empty());
        assert!(tr.paths[1].now.is_some());
    });
}

#[test]
fn the_model_strip_takes_the_right_of_the_plot_when_rounds_are_asked_for() {
    talks_layout(4, |t| {
        // A strip of 0.2 x 1100 = 220 px: the dates end at 1100 - 16 - 13 - 220 = 851.
        assert!(close(t.scale.x1, 851.0), "{}", t.scale.x1);
        let strip = t.trajectories.as_ref().unwrap().strip.as_ref().unwrap();
        assert_eq!((strip.s0, strip.s1), (851.0 + 13.0, 851.0 + 220.0));
        // Rounds 0..=4 for each of the two parties, the last at the strip's right end.
        assert_eq!(strip.paths.len(), 2);
        for path in &strip.paths {
            assert_eq!(path.points.len(), 5);
            assert!(close(path.points[4].0, strip.s1));
        }
        assert_eq!(strip.heading, "Model, 4 rounds");
    });
}
