//! The published ten-actor example of Scholz, Calbert and Smith (2011), on its own scale and
//! rescaled to 0..100, against the figures of shared/SIMULATION.md and of the reference
//! replication; the project-level wrapper; and degenerate input.

use super::*;
use crate::model::{Issue, Party, Position, PowerOverride, Project, Role, Scenario};

/// (name, capability, position, salience), in the published order.
const EXAMPLE: [(&str, f64, f64, f64); 10] = crate::testing::SCHOLZ_EXAMPLE;

/// Every round of the example: (round, positions in the order above, weighted median,
/// weighted mean). Positions and means are those the reference replication
/// (dmasad/bdm-scholz-expected-utility-model, `bdm_scholz_model.py`, run for ten rounds)
/// prints; its rounds 1 and 10 are the figures of SIMULATION.md. The medians follow
/// ANALYSIS.md's definition (weights c * s, total 0.677, the lowest position whose
/// cumulative weight reaches 0.3385); e.g. round 1: 4 holds .247, 7 brings .309, Belgium's
/// 8.4159 brings .341.
#[rustfmt::skip]
const ROUNDS: [(usize, [f64; 10], f64, f64); 11] = [
    (0, [4.0, 7.0, 4.0, 4.0, 10.0, 10.0, 10.0, 7.0, 4.0, 7.0], 7.0, 7.389955686853767),
    (1, [4.0, 8.415932315426764, 7.0, 4.0, 10.0, 10.0, 10.0, 4.0, 4.0, 7.0], 8.415932315426764, 7.461314378277189),
    (2, [4.0, 9.610859134120188, 8.415932315426764, 4.0, 10.0, 10.0, 10.0, 7.0, 4.0, 7.0], 9.610859134120188, 7.552500865855845),
    (3, [4.0, 9.961979590401311, 9.610859134120188, 4.0, 10.0, 10.0, 10.0, 8.415932315426764, 4.0, 7.0], 9.961979590401311, 7.590144997451547),
    (4, [4.0, 4.800881140632622, 9.961979590401311, 4.0, 10.0, 10.0, 10.0, 9.610859134120188, 4.0, 7.0], 9.961979590401311, 7.358130531334201),
    (5, [4.0, 5.524237694197356, 4.800881140632622, 4.0, 10.0, 10.0, 10.0, 9.961979590401311, 4.0, 7.0], 9.961979590401311, 7.3491739896752115),
    (6, [4.0, 7.47204636191629, 5.524237694197356, 4.0, 10.0, 10.0, 10.0, 5.524237694197356, 4.0, 7.0], 7.47204636191629, 7.414877545372958),
    (7, [4.0, 8.824593855262423, 7.47204636191629, 4.0, 10.0, 10.0, 10.0, 7.47204636191629, 4.0, 7.0], 8.824593855262423, 7.510457183677219),
    (8, [4.0, 9.671129769802048, 8.824593855262423, 4.0, 10.0, 10.0, 10.0, 8.824593855262423, 4.0, 7.0], 9.671129769802048, 7.5724470975503),
    (9, [4.0, 4.144849062500606, 9.671129769802048, 4.0, 10.0, 10.0, 10.0, 9.671129769802048, 4.0, 7.0], 9.671129769802048, 7.324989065683666),
    (10, [4.0, 4.291541224979646, 4.144849062500606, 4.0, 10.0, 10.0, 10.0, 4.144849062500606, 4.0, 7.0], 7.0, 7.242130958473938),
];

/// Round-1 risk exponents (SIMULATION.md).
const RISK_1: [f64; 10] = [
    1.4056527842,
    0.7541959272,
    0.5088637910,
    1.4056527842,
    1.0465238961,
    1.0465238961,
    1.9648982295,
    0.5,
    2.0,
    1.1121249709,
];

const TOL: f64 = 1e-9;

fn close(a: f64, b: f64, tol: f64, what: &str) {
    assert!((a - b).abs() <= tol, "{what}: {a} != {b}");
}

fn example_actors(map: impl Fn(f64) -> f64) -> Vec<Actor> {
    EXAMPLE
        .iter()
        .map(|&(_, c, x, s)| Actor { c, s, x: map(x) })
        .collect()
}

fn terms(positions: &[f64]) -> Vec<Term> {
    positions
        .iter()
        .zip(EXAMPLE)
        .map(|(&x, (_, c, _, s))| Term::new(x, c, s))
        .collect()
}

/// The whole example checked at `scale`: y = (x - 4) * scale + offset maps every figure.
fn check_example(scale: f64, offset: f64) {
    let map = |x: f64| (x - 4.0) * scale + offset;
    let run = run(&example_actors(map), 10);
    close(run.delta, 6.0 * scale, TOL, "delta");
    assert_eq!(run.rounds.len(), 11);
    assert_eq!(run.stopped_at, None);
    let tol = TOL * scale.max(1.0);
    for (round, positions, median, mean) in ROUNDS {
        let state = &run.rounds[round];
        for (i, (&got, want)) in state.positions.iter().zip(positions).enumerate() {
            close(
                got,
                map(want),
                tol,
                &format!("round {round}, {}", EXAMPLE[i].0),
            );
        }
        let t = terms(&state.positions);
        close(
            weighted_median(&t).unwrap_or(f64::NAN),
            map(median),
            tol,
            &format!("round {round} median"),
        );
        close(
            weighted_mean(&t).unwrap_or(f64::NAN),
            map(mean),
            tol,
            &format!("round {round} mean"),
        );
    }
    // Risk exponents do not depend on the scale.
    let risk = run.rounds[1].risk.as_ref().expect("round 1 was played");
    for (i, (&got, want)) in risk.iter().zip(RISK_1).enumerate() {
        close(
            got,
            want,
            1e-10,
            &format!("round 1 exponent of {}", EXAMPLE[i].0),
        );
    }
    assert_eq!(run.rounds[0].risk, None);
    assert!(run.rounds[0].moves.is_empty());
    // Round 1: Belgium compromises with France, Luxembourg loses to Belgium (the nearest of
    // Belgium, France and Italy), Ireland loses to Luxembourg.
    let moves = &run.rounds[1].moves;
    let summary: Vec<(usize, MoveKind, usize)> =
        moves.iter().map(|m| (m.actor, m.kind, m.with)).collect();
    assert_eq!(
        summary,
        vec![
            (1, MoveKind::Compromise, 4),
            (2, MoveKind::Confrontation, 1),
            (7, MoveKind::Confrontation, 2),
        ]
    );
    // The exchange behind Belgium's compromise does not depend on the scale either.
    close(moves[0].a, -0.1148305035, 1e-10, "Belgium's a");
    close(moves[0].b, 0.2432965945, 1e-10, "Belgium's b");
    close(moves[0].from, map(7.0), tol, "Belgium from");
    close(moves[0].to, map(8.415932315426764), tol, "Belgium to");
    close(moves[1].to, map(7.0), tol, "Luxembourg to");
    close(moves[2].to, map(4.0), tol, "Ireland to");
}

#[test]
fn published_example_on_its_own_scale() {
    check_example(1.0, 4.0);
}

#[test]
fn published_example_rescaled_to_0_100() {
    // y = (x - 4) * 100 / 6: 4 -> 0, 7 -> 50, 10 -> 100.
    check_example(100.0 / 6.0, 0.0);
}

#[test]
fn capabilities_count_only_by_their_ratios() {
    let mut actors = example_actors(|x| x);
    for a in &mut actors {
        a.c *= 12.5;
    }
    let scaled = run(&actors, 10);
    for (round, positions, _, _) in ROUNDS {
        for (&got, want) in scaled.rounds[round].positions.iter().zip(positions) {
            close(got, want, TOL, &format!("round {round}"));
        }
    }
}

fn party(id: &str, power: f64) -> Party {
    Party {
        id: id.into(),
        name: id.to_uppercase(),
        role: Role::Principal,
        power,
        color: None,
        notes: String::new(),
    }
}

fn position(party: &str, issue: &str, stance: f64, salience: f64) -> Position {
    Position {
        party: party.into(),
        issue: issue.into(),
        stance,
        ideal: None,
        walk_away: None,
        salience,
        red_line: false,
        rationale: String::new(),
        sources: vec![],
    }
}

fn issue(id: &str) -> Issue {
    Issue {
        id: id.into(),
        name: id.to_uppercase(),
        low: "low".into(),
        high: "high".into(),
        marks: vec![],
        notes: String::new(),
    }
}

/// The example as a project on 0..100 (ids from the names), plus an issue nobody holds.
fn example_project() -> Project {
    let id = |name: &str| name.to_lowercase();
    Project {
        parties: EXAMPLE
            .iter()
            .map(|&(n, c, _, _)| party(&id(n), c))
            .collect(),
        issues: vec![issue("empty"), issue("eu")],
        // Written in reverse: the actors still come in party order.
        positions: EXAMPLE
            .iter()
            .rev()
            .map(|&(n, _, x, s)| position(&id(n), "eu", (x - 4.0) * 100.0 / 6.0, s))
            .collect(),
        scenarios: vec![Scenario {
            id: "strong-belgium".into(),
            name: "Strong Belgium".into(),
            description: String::new(),
            positions: vec![],
            leverage: vec![],
            power: vec![PowerOverride {
                party: "belgium".into(),
                power: 0.9,
            }],
            events: vec![],
        }],
        ..Project::default()
    }
}

#[test]
fn a_project_runs_each_issue_with_its_parties_in_party_order() {
    let project = example_project();
    let sim = simulate(&project.resolve(None).unwrap(), DEFAULT_ROUNDS);
    assert_eq!(sim.scenario, None);
    assert_eq!(sim.rounds, 10);
    assert_eq!(sim.issues.len(), 2);
    let empty = &sim.issues[0];
    assert!(empty.parties.is_empty());
    assert_eq!(empty.delta, 0.0);
    assert_eq!(empty.rounds.len(), 11);
    assert_eq!(empty.rounds[10].median, None);
    assert_eq!(empty.ending(), Ending::TooFew);
    let eu = sim.issue("eu").unwrap();
    assert_eq!(eu.parties[0], "netherlands");
    assert_eq!(eu.parties[9], "greece");
    close(eu.delta, 100.0, TOL, "delta");
    let last = eu.last().unwrap();
    // Round 10, mapped: Belgium (4.2915 - 4) * 100 / 6 = 4.8590, median 7 -> 50.
    close(
        last.positions[1],
        (4.291541224979646 - 4.0) * 100.0 / 6.0,
        1e-9,
        "Belgium",
    );
    close(last.median.unwrap(), 50.0, 1e-9, "median");
    close(
        last.mean.unwrap(),
        (7.242130958473938 - 4.0) * 100.0 / 6.0,
        1e-9,
        "mean",
    );
    assert_eq!(eu.ending(), Ending::StillMoving);
}

#[test]
fn one_issue_runs_as_it_does_among_all() {
    let project = example_project();
    let view = project.resolve(Some("strong-belgium")).unwrap();
    let all = simulate(&view, 4);
    let one = simulate_issue(&view, "eu", 4).unwrap();
    assert_eq!(&one, all.issue("eu").unwrap());
    assert_eq!(simulate_issue(&view, "nowhere", 4), None);
}

#[test]
fn a_power_override_changes_the_run() {
    let project = example_project();
    let base = simulate(&project.resolve(None).unwrap(), 3);
    let strong = simulate(&project.resolve(Some("strong-belgium")).unwrap(), 3);
    assert_eq!(strong.scenario.as_deref(), Some("strong-belgium"));
    // Belgium's weight 0.9 * 0.4 = 0.36 instead of 0.08 * 0.4 = 0.032.
    close(strong.issues[1].weights[1], 0.36, 1e-12, "weight");
    assert_ne!(base.issues[1].rounds[1], strong.issues[1].rounds[1]);
}

#[test]
fn json_is_keyed_by_party_id_in_party_order() {
    let project = example_project();
    let sim = simulate(&project.resolve(None).unwrap(), 1);
    let json = serde_json::to_value(&sim).unwrap();
    assert_eq!(json["scenario"], serde_json::Value::Null);
    assert_eq!(json["rounds"], 1);
    let eu = &json["issues"][1];
    assert_eq!(eu["issue"], "eu");
    assert_eq!(eu["delta"], 100.0);
    let r0 = &eu["rounds"][0];
    assert_eq!(r0["round"], 0);
    assert_eq!(r0["risk"], serde_json::Value::Null);
    assert_eq!(r0["moves"], serde_json::json!([]));
    assert_eq!(r0["positions"]["belgium"], 50.0);
    assert_eq!(r0["median"], 50.0);
    let r1 = &eu["rounds"][1];
    assert_eq!(
        r1["moves"][1],
        serde_json::json!({
            "party": "luxembourg", "kind": "confrontation", "with": "belgium", "from": 0.0, "to": 50.0
        })
    );
    assert_eq!(r1["moves"][0]["kind"], "compromise");
    let keys: Vec<&str> = r1["risk"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys.len(), 10);
    let text = serde_json::to_string(&sim).unwrap();
    // In party order, not sorted: netherlands before belgium.
    assert!(text.find("\"netherlands\":").unwrap() < text.find("\"belgium\":").unwrap());
    let round_keys: Vec<&str> = r1.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(round_keys.len(), 6);
}

// Degenerate input: never a panic, never a NaN.

fn finite(run: &Run) {
    for state in &run.rounds {
        assert!(state.positions.iter().all(|x| x.is_finite()));
        if let Some(r) = &state.risk {
            assert!(
                r.iter()
                    .all(|x| x.is_finite() && (0.5 - 1e-12..=2.0 + 1e-12).contains(x))
            );
        }
        for m in &state.moves {
            assert!(m.to.is_finite() && m.a.is_finite() && m.b.is_finite());
        }
    }
}

#[test]
fn no_actor_or_one_actor_stops_at_once() {
    let none = run(&[], 10);
    assert_eq!(
        (none.delta, none.rounds.len(), none.stopped_at),
        (0.0, 11, Some(1))
    );
    let one = run(
        &[Actor {
            c: 0.5,
            s: 0.5,
            x: 30.0,
        }],
        10,
    );
    assert_eq!(one.stopped_at, Some(1));
    assert!(
        one.rounds
            .iter()
            .all(|r| r.positions == [30.0] && r.moves.is_empty())
    );
}

#[test]
fn one_position_for_all_is_delta_zero_and_nothing_moves() {
    let actors = vec![
        Actor {
            c: 0.5,
            s: 0.5,
            x: 40.0,
        },
        Actor {
            c: 0.9,
            s: 1.0,
            x: 40.0,
        },
    ];
    let r = run(&actors, 5);
    assert_eq!(r.delta, 0.0);
    assert_eq!(r.stopped_at, Some(1));
    assert!(
        r.rounds
            .iter()
            .all(|s| s.positions == [40.0, 40.0] && s.risk.is_none())
    );
}

#[test]
fn zero_power_leaves_salience_to_decide_and_stays_finite() {
    // Both powers 0: every vote is 0, so D = 0 and every P = 0. A (s 1) at 0, B (s 0) at
    // 100, d = 1. All r = 1: U_s = 2, U_f = -2, U_sq = 0; danger of A = EU(B -> A) = -2
    // (A resists for sure and the challenge fails), of B = EU(A -> B) = 2 (B never
    // resists): r_A = 2, r_B = 0.5. B sees U_sq = 2 - 4 / sqrt 2 = 2 - 2 sqrt 2:
    // a = -2 - U_sq = 2 sqrt 2 - 4, b = 2 - U_sq = 2 sqrt 2, |a / b| = sqrt 2 - 1, so B
    // compromises to 100 - 100 (sqrt 2 - 1) = 58.579. A (U_sq = 1): a = 1, b = -3: stays.
    let zero = vec![
        Actor {
            c: 0.0,
            s: 1.0,
            x: 0.0,
        },
        Actor {
            c: 0.0,
            s: 0.0,
            x: 100.0,
        },
    ];
    let r = run(&zero, 1);
    finite(&r);
    let moves = &r.rounds[1].moves;
    assert_eq!(moves.len(), 1);
    assert_eq!((moves[0].actor, moves[0].kind), (1, MoveKind::Compromise));
    close(
        moves[0].to,
        100.0 - 100.0 * (2f64.sqrt() - 1.0),
        1e-9,
        "B's compromise",
    );
    // Garbage weights are cleaned, not propagated.
    let garbage = vec![
        Actor {
            c: f64::NAN,
            s: 2.0,
            x: 10.0,
        },
        Actor {
            c: -1.0,
            s: f64::NAN,
            x: 20.0,
        },
        Actor {
            c: 0.5,
            s: 0.5,
            x: 90.0,
        },
    ];
    finite(&run(&garbage, 10));
}

#[test]
fn a_non_finite_stance_stops_the_run() {
    let r = run(
        &[
            Actor {
                c: 1.0,
                s: 1.0,
                x: 0.0,
            },
            Actor {
                c: 1.0,
                s: 1.0,
                x: f64::INFINITY,
            },
        ],
        3,
    );
    assert_eq!((r.delta, r.stopped_at), (0.0, Some(1)));
}

#[test]
fn two_actors_by_hand() {
    // Strong A (c 1, s 1) at 0, weak B (c .1, s .1) at 100; Delta 100, so d = 1.
    // All r = 1: D = 1 * 2 + 0.01 * 2 = 2.02; P(A, B) = 1 / 2.02, P(B, A) = 0.01 / 2.02.
    // With d = 1: U_s = 2, U_f = -2, U_sq = 0. Danger of A = EU(B -> A), s_A = 1:
    // 4 P(B, A) - 2 = -1.9802; of B = EU(A -> B), s_B = .1: .1 (4 P(A, B) - 2) + .9 * 2
    // = 1.7980. So R_A = -1, r_A = (1 + 1/3) / (1 - 1/3) = 2 and R_B = 1, r_B = 0.5.
    // B sees with r = .5: U_sq = 2 - 4 * .5^.5 = -0.8284;
    // a = EU_B(B -> A) = (4 P(B, A) - 2) + 0.8284 = -1.15177,
    // b = EU_B(A -> B) = .1 (4 P(A, B) - 2) + 1.8 + 0.8284 = 2.62645: a compromise,
    // to 100 - 100 |a / b| = 56.1472. A (r = 2, U_sq = 1): a = 0.798 > b = -2.98: no offer.
    let actors = vec![
        Actor {
            c: 1.0,
            s: 1.0,
            x: 0.0,
        },
        Actor {
            c: 0.1,
            s: 0.1,
            x: 100.0,
        },
    ];
    let r = run(&actors, 10);
    finite(&r);
    let first = &r.rounds[1];
    let risk = first.risk.as_ref().expect("round 1 was played");
    close(risk[0], 2.0, 1e-12, "r_A");
    close(risk[1], 0.5, 1e-12, "r_B");
    assert_eq!(first.moves.len(), 1);
    let m = first.moves[0];
    assert_eq!((m.actor, m.kind, m.with), (1, MoveKind::Compromise, 0));
    close(m.a, -1.15177089505579, 1e-9, "a");
    close(m.b, 2.6264469267263886, 1e-9, "b");
    close(m.to, 56.14718563944635, 1e-9, "to");
    // B keeps closing in on A without reaching it; A never moves.
    for pair in r.rounds.windows(2) {
        assert_eq!(pair[1].positions[0], 0.0);
        assert!(pair[1].positions[1] <= pair[0].positions[1]);
        assert!(pair[1].positions[1] > 0.0);
    }
}

#[test]
fn endings_are_told_apart() {
    let project = example_project();
    let sim = simulate(&project.resolve(None).unwrap(), 10);
    let name = |id: &str| id.to_owned();
    assert_eq!(sim.issues[1].ending().label(), "still moving");
    let text = ending_sentence(&sim.issues[1], name);
    assert_eq!(
        text,
        "Still moving after 10 rounds: belgium, luxembourg, ireland moved in the last round."
    );
    let m = &sim.issues[1].rounds[1].moves[1];
    assert_eq!(
        describe_move(&sim.issues[1], m, name),
        "luxembourg loses a confrontation to belgium and moves from 0 to 50: it expects belgium \
         to gain more by challenging it (0.542) than it would gain by challenging belgium (0.246)."
    );
}

/// Fifteen random runs (2 to 9 actors, capabilities, saliences and positions at random, a
/// third of them on a coarse grid so that actors share positions) as the reference
/// replication computes them: every position of every round, and who moved with whom.
/// Written by running `bdm_scholz_model.py` (BDMScholzModel: update_risk_aversions, then
/// each actor's best_offer) on each table; runs where that code divides by zero (every
/// actor in equal danger) are not among them.
#[test]
fn random_runs_match_the_reference_replication() {
    let cases: serde_json::Value =
        serde_json::from_str(include_str!("reference_runs.json")).expect("valid fixture");
    let cases = cases.as_array().expect("a list of runs");
    assert_eq!(cases.len(), 15);
    let num = |v: &serde_json::Value| v.as_f64().expect("a number");
    let mut moves_seen = 0;
    for (c, case) in cases.iter().enumerate() {
        let actors: Vec<Actor> = case["actors"]
            .as_array()
            .expect("actors")
            .iter()
            .map(|a| Actor {
                c: num(&a[0]),
                s: num(&a[1]),
                x: num(&a[2]),
            })
            .collect();
        let rounds = case["rounds"].as_array().expect("rounds");
        let r = run(&actors, rounds.len() - 1);
        for (k, want) in rounds.iter().enumerate() {
            let want: Vec<f64> = want
                .as_array()
                .expect("positions")
                .iter()
                .map(num)
                .collect();
            for (i, (&got, want)) in r.rounds[k].positions.iter().zip(&want).enumerate() {
                close(got, *want, TOL, &format!("run {c}, round {k}, actor {i}"));
            }
        }
        for (k, want) in case["moves"].as_array().expect("moves").iter().enumerate() {
            let want: Vec<(u64, String, u64)> = want
                .as_array()
                .expect("a round's moves")
                .iter()
                .map(|m| {
                    let kind = m[1].as_str().expect("kind").to_owned();
                    (
                        m[0].as_u64().unwrap_or(99),
                        kind,
                        m[2].as_u64().unwrap_or(99),
                    )
                })
                .collect();
            let got: Vec<(u64, String, u64)> = r.rounds[k + 1]
                .moves
                .iter()
                .map(|m| {
                    let kind = match m.kind {
                        MoveKind::Confrontation => "confrontation",
                        MoveKind::Compromise => "compromise",
                    };
                    (m.actor as u64, kind.to_owned(), m.with as u64)
                })
                .collect();
            assert_eq!(got, want, "run {c}, round {}", k + 1);
            moves_seen += got.len();
        }
    }
    assert_eq!(moves_seen, 330);
}
