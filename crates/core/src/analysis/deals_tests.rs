//! Deal figures on small negotiations worked out by hand.

use super::*;
use crate::model::*;
use crate::testing::{issue, party};

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6
}

fn pos(party: &str, issue: &str, ideal: f64, walk_away: f64, salience: f64) -> Position {
    Position {
        party: party.into(),
        issue: issue.into(),
        stance: ideal,
        ideal: None,
        walk_away: Some(walk_away),
        salience,
        red_line: false,
        rationale: String::new(),
        sources: vec![],
    }
}

/// Two Principals who care about different issues: a logroll.
///
/// A (power 0.8) wants 100 on both issues, walk-aways 50 (R = 50); salience 0.75 on X,
/// 0.25 on Y, so its weights are 0.75 and 0.25. B (power 0.2) wants 0 on both, walk-aways
/// 50; salience 0.25 on X, 0.75 on Y. Inside 0..100:
///   U_A(x, y) = 0.75 (1 - (100 - x)/50) + 0.25 (1 - (100 - y)/50) = (0.75x + 0.25y - 50)/50
///   U_B(x, y) = 0.25 (1 - x/50) + 0.75 (1 - y/50)                   = (50 - 0.25x - 0.75y)/50
fn logroll() -> Project {
    Project {
        parties: vec![
            party("a", "Alpha", Role::Principal, 0.8),
            party("b", "Beta", Role::Principal, 0.2),
        ],
        issues: vec![issue("x", "X"), issue("y", "Y")],
        positions: vec![
            pos("a", "x", 100.0, 50.0, 0.75),
            pos("a", "y", 100.0, 50.0, 0.25),
            pos("b", "x", 0.0, 50.0, 0.25),
            pos("b", "y", 0.0, 50.0, 0.75),
        ],
        ..Project::default()
    }
}

fn deals_of(project: &Project) -> Deals {
    deals(&project.resolve(None).unwrap())
}

fn best(d: &Deals, id: &str) -> f64 {
    d.best_for.get(id).copied().flatten().unwrap()
}

#[test]
fn a_logroll_worked_by_hand() {
    let d = deals_of(&logroll());
    // U_A + U_B = (0.5x - 0.5y)/50 = (x - y)/100 <= 1, so min(U_A, U_B) <= 0.5, reached
    // only at x = 100, y = 0: U_A = (75 - 50)/50 = 0.5, U_B = (50 - 25)/50 = 0.5.
    assert!(close(d.maxmin.unwrap(), 0.5), "{:?}", d.maxmin);
    assert!(d.feasible);
    let package = d.maxmin_package.clone().unwrap();
    assert!(close(package[0].unwrap(), 100.0) && close(package[1].unwrap(), 0.0));
    // best_for A: max 0.75x + 0.25y with B accepting, 0.25x + 0.75y <= 50. X buys A three
    // times what it costs B, so x = 100 (cost 25), then y = 25/0.75 = 33.33:
    // U_A = (75 + 8.333 - 50)/50 = 2/3. By symmetry best_for B = 2/3 (x = 66.67, y = 0).
    assert!(close(best(&d, "a"), 2.0 / 3.0));
    assert!(close(best(&d, "b"), 2.0 / 3.0));
    // Nash, powers 0.8 and 0.2. From (100, 0) raising y by one point gives A +0.005 and
    // costs B 0.015; lowering x costs A three times what B gains. Along the first edge,
    // U_A = 0.5 + d, U_B = 0.5 - 3d; 0.8 ln U_A + 0.2 ln U_B peaks where
    // 0.8/(0.5 + d) = 0.6/(0.5 - 3d): 0.4 - 2.4d = 0.3 + 0.6d, d = 1/30.
    // So U_A = 8/15, U_B = 2/5, at x = 100, y = (1/30)/0.005 = 20/3.
    let nash = d.nash.as_ref().unwrap();
    assert!(close(nash.values.get("a").copied().unwrap(), 8.0 / 15.0));
    assert!(close(nash.values.get("b").copied().unwrap(), 0.4));
    assert!((nash.package.get("x").copied().unwrap() - 100.0).abs() < 1e-3);
    assert!((nash.package.get("y").copied().unwrap() - 20.0 / 3.0).abs() < 1e-3);
    // Predicted outcome: on X the weights are A 0.8*0.75 = 0.6 at 100 and B 0.2*0.25 = 0.05
    // at 0, on Y A 0.2 at 100 and B 0.15 at 0: both medians are 100. There U_A = 1 and
    // U_B = (50 - 25 - 75)/50 = -1: B rejects.
    assert_eq!(d.outcome_test.values.get("a"), Some(&Some(1.0)));
    assert_eq!(d.outcome_test.values.get("b"), Some(&Some(-1.0)));
    assert_eq!(d.outcome_test.rejecting(), vec!["b"]);
    assert_eq!(
        d.outcome_verdict().as_deref(),
        Some("no deal: Beta rejects")
    );
    assert_eq!(
        d.verdict(),
        "A deal exists: some package leaves every Principal at least 0.50 above its \
         walk-aways on balance."
    );
    // JSON: exactly the keys of `stancemap analyze --json`.
    let json = serde_json::to_value(&d).unwrap();
    let keys: Vec<&String> = json.as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        ["best_for", "feasible", "maxmin", "nash", "outcome_test"]
    );
}

#[test]
fn a_red_line_is_a_hard_limit() {
    // B's walk-away on X moves to 60 (R = 60) and becomes a red line: x <= 60. At (60, y):
    // U_A = (45 + 0.25y - 50)/50 = -0.1 + 0.005y, U_B = 0.25 (1 - 60/60) + 0.75 (1 - y/50)
    // = 0.75 - 0.015y. Lowering x would cost A 0.015 a point for B's 0.25/60 = 0.0042,
    // worse than the y trade, so the floor is highest where -0.1 + 0.005y = 0.75 - 0.015y:
    // y = 42.5, both at 0.1125.
    let mut p = logroll();
    p.positions[2].walk_away = Some(60.0);
    p.positions[2].red_line = true;
    let d = deals_of(&p);
    assert!(close(d.maxmin.unwrap(), 0.1125), "{:?}", d.maxmin);
    let package = d.maxmin_package.clone().unwrap();
    assert!(close(package[0].unwrap(), 60.0) && close(package[1].unwrap(), 42.5));
    // The Nash package keeps it too.
    assert!(d.nash.as_ref().unwrap().package.get("x").copied().unwrap() <= 60.0);
    // The predicted outcome (X at 100) crosses it, so B rejects whatever its value.
    assert_eq!(d.outcome_test.accepted.get("b"), Some(&false));
}

#[test]
fn red_lines_that_exclude_each_other_are_named() {
    let mut p = logroll();
    p.positions[0].walk_away = Some(70.0);
    p.positions[0].red_line = true;
    p.positions[2].walk_away = Some(60.0);
    p.positions[2].red_line = true;
    let d = deals_of(&p);
    assert_eq!(d.maxmin, None);
    assert!(!d.feasible);
    assert_eq!(d.best_for.get("a"), Some(&None));
    assert_eq!(d.nash, None);
    assert_eq!(
        d.verdict(),
        "No deal: these red lines cannot all hold: on X, Alpha's red line needs at least 70 \
         and Beta's at most 60."
    );
    // The outcome test still answers.
    assert_eq!(d.outcome_test.accepted.len(), 2);
}

#[test]
fn no_deal_names_who_is_furthest_short() {
    // One issue. A: ideal 100, walk-away 60 (R = 40), U_A = 1 - (100 - x)/40.
    // B: ideal 0, walk-away 30 (R = 30), U_B = 1 - x/30. A accepts x >= 60, B x <= 30.
    let mut p = logroll();
    p.issues.truncate(1);
    p.positions = vec![
        pos("a", "x", 100.0, 60.0, 0.5),
        pos("b", "x", 0.0, 30.0, 0.5),
    ];
    let d = deals_of(&p);
    // maxmin where (100 - x)/40 = x/30: 3000 = 70x, x = 300/7; U = 1 - 10/7 = -3/7.
    assert!(close(d.maxmin.unwrap(), -3.0 / 7.0), "{:?}", d.maxmin);
    assert!(!d.feasible && d.nash.is_none());
    // best_for A: B accepts up to 30, U_A(30) = 1 - 70/40 = -0.75.
    // best_for B: A accepts from 60, U_B(60) = 1 - 60/30 = -1.
    assert!(close(best(&d, "a"), -0.75) && close(best(&d, "b"), -1.0));
    assert_eq!(
        d.verdict(),
        "No package that both Alpha and Beta accept: the best Alpha can accept still leaves \
         Beta 1.00 short of its walk-aways."
    );
    let short: Vec<(&str, f64)> = d
        .shortfalls()
        .iter()
        .map(|(p, v)| (p.id.as_str(), *v))
        .collect();
    assert_eq!(short.len(), 2);
    assert!(short[0].0 == "b" && close(short[0].1, 1.0));
    assert!(short[1].0 == "a" && close(short[1].1, 0.75));
}

#[test]
fn explain_adds_up_to_the_value() {
    let d = deals_of(&logroll());
    let alpha = d.principal("a").unwrap();
    // At (80, 20): u_X = 1 - 20/50 = 0.6, u_Y = 1 - 80/50 = -0.6;
    // U_A = 0.75*0.6 + 0.25*(-0.6) = 0.45 - 0.15 = 0.3.
    let package = [Some(80.0), Some(20.0)];
    let lines = alpha.explain(&package);
    assert_eq!(lines.len(), 2);
    assert!(close(lines[0].satisfaction, 0.6) && close(lines[1].satisfaction, -0.6));
    assert!(close(lines[0].contribution, 0.45) && close(lines[1].contribution, -0.15));
    let total: f64 = lines.iter().map(|l| l.contribution).sum();
    assert!(close(total, 0.3) && close(alpha.value(&package).unwrap(), 0.3));
    // An issue without a point leaves the value undefined.
    assert_eq!(alpha.value(&[Some(80.0), None]), None);
}

#[test]
fn satisfaction_is_linear_without_a_floor() {
    // R = max(|ideal - walk-away|, 1): a walk-away 0.5 from the ideal still gives R = 1.
    assert!(close(satisfaction(70.0, Some(40.0), 70.0), 1.0));
    assert!(close(satisfaction(70.0, Some(40.0), 40.0), 0.0));
    assert!(close(satisfaction(70.0, Some(40.0), 10.0), -1.0));
    assert!(close(satisfaction(70.0, Some(70.5), 68.0), -1.0));
    // No walk-away: R = 100.
    assert!(close(satisfaction(20.0, None, 70.0), 0.5));
}

#[test]
fn degenerate_projects_get_an_answer() {
    // No Principal at all.
    let mut p = logroll();
    for party in &mut p.parties {
        party.role = Role::Mediator;
    }
    let d = deals_of(&p);
    assert_eq!((d.maxmin, d.feasible, d.best_for.len()), (None, false, 0));
    assert_eq!(d.notes, vec![DealNote::NoPrincipals]);
    assert_eq!(
        d.verdict(),
        "No deal to test: no Principal has a position with salience above 0."
    );
    assert_eq!(d.outcome_verdict(), None);
    // One Principal: it gets its ideals.
    let mut p = logroll();
    p.parties[1].role = Role::Stakeholder;
    let d = deals_of(&p);
    assert!(close(d.maxmin.unwrap(), 1.0) && close(best(&d, "a"), 1.0));
    assert!(close(
        d.nash.unwrap().values.get("a").copied().unwrap(),
        1.0
    ));
    // A Principal with no salient position is left out, by name.
    let mut p = logroll();
    p.positions[2].salience = 0.0;
    p.positions[3].salience = 0.0;
    let d = deals_of(&p);
    assert_eq!(d.principals.len(), 1);
    assert_eq!(d.notes, vec![DealNote::LeftOut("Beta".into())]);
    assert_eq!(
        d.notes[0].to_string(),
        "Beta is left out of the deal figures: it has no position with salience above 0"
    );
    // A Principal of power 0 still has to sign: it keeps a positive Nash value.
    let mut p = logroll();
    p.parties[1].power = 0.0;
    let d = deals_of(&p);
    let nash = d.nash.unwrap();
    assert!(nash.values.iter().all(|(_, &v)| v > 0.0), "{nash:?}");
    // An empty project.
    let d = deals_of(&Project::default());
    assert_eq!(d.maxmin, None);
}

#[test]
fn leverage_aimed_at_a_party_strongest_first() {
    let mut p = logroll();
    let item = |instrument: &str, kind, strength, status| Leverage {
        holder: "a".into(),
        target: "b".into(),
        kind,
        instrument: instrument.into(),
        strength,
        credibility: 0.5,
        cost: 0.0,
        status,
        issues: vec![],
        sources: vec![],
    };
    p.leverage = vec![
        item(
            "weak carrot",
            LeverageKind::Carrot,
            0.2,
            LeverageStatus::Available,
        ),
        item("gone", LeverageKind::Stick, 0.9, LeverageStatus::Withdrawn),
        item(
            "batna",
            LeverageKind::Alternative,
            0.9,
            LeverageStatus::Available,
        ),
        item(
            "stick",
            LeverageKind::Stick,
            0.6,
            LeverageStatus::Threatened,
        ),
    ];
    let names: Vec<&str> = aimed_at(&p, "b")
        .iter()
        .map(|l| l.instrument.as_str())
        .collect();
    assert_eq!(names, ["stick", "weak carrot"]);
    assert!(aimed_at(&p, "a").is_empty());
}

#[test]
fn the_deal_space_traces_the_frontier() {
    let p = logroll();
    let view = p.resolve(None).unwrap();
    let d = deals(&view);
    assert_eq!(default_pair(&d), Ok(("a".into(), "b".into())));
    let space = deal_space(&view, &d, ("a", "b"), &[]).unwrap();
    // Without red lines the ends are each party's ideals: (1, -1) and (-1, 1), through the
    // kink (0.5, 0.5); every traced point lies on U_A = 0.5 + (0.5 - U_B)/3 (U_B <= 0.5)
    // or U_B = 0.5 + (0.5 - U_A)/3.
    let first = space.frontier.first().unwrap();
    let last = space.frontier.last().unwrap();
    assert!(close(first[0], -1.0) && close(first[1], 1.0), "{first:?}");
    assert!(close(last[0], 1.0) && close(last[1], -1.0), "{last:?}");
    for &[ua, ub] in &space.frontier {
        let on_edge = if ub <= 0.5 {
            close(ua, 0.5 + (0.5 - ub) / 3.0)
        } else {
            close(ub, 0.5 + (0.5 - ua) / 3.0)
        };
        assert!(on_edge, "({ua}, {ub}) is off the frontier");
    }
    assert_eq!(space.outcome, Some([1.0, -1.0]));
    assert!(space.nash.is_some());
    assert_eq!(
        deal_space(&view, &d, ("a", "zz"), &[])
            .unwrap_err()
            .to_string(),
        "\"zz\" is not a Principal with a salient position; the deal space can show: a, b"
    );
}
