//! Properties of the deal figures over generated projects (shared/ANALYSIS.md, "Deals").

use super::*;
use crate::model::*;
use proptest::prelude::*;

/// Slack for comparing two solver results (each accurate to about 1e-7).
const SLACK: f64 = 1e-5;

/// Per party: whether it is a Principal, its power, and per issue maybe a position:
/// (ideal, walk-away, salience in twentieths, red line).
type Spec = (bool, u32, Vec<Option<(u32, Option<u32>, u32, bool)>>);

fn spec(issues: usize) -> impl Strategy<Value = Spec> {
    let position = (
        0..=100u32,
        proptest::option::weighted(0.8, 0..=100u32),
        0..=20u32,
        proptest::bool::weighted(0.2),
    );
    (
        proptest::bool::weighted(0.75),
        0..=20u32,
        proptest::collection::vec(proptest::option::weighted(0.85, position), issues),
    )
}

fn build(specs: Vec<Spec>, issues: usize) -> Project {
    let mut project = Project::default();
    for i in 0..issues {
        project.issues.push(Issue {
            id: format!("i{i}"),
            name: format!("Issue {i}"),
            low: "low".into(),
            high: "high".into(),
            marks: vec![],
            notes: String::new(),
        });
    }
    for (p, (principal, power, positions)) in specs.into_iter().enumerate() {
        project.parties.push(Party {
            id: format!("p{p}"),
            name: format!("Party {p}"),
            role: if principal {
                Role::Principal
            } else {
                Role::Mediator
            },
            power: f64::from(power) / 20.0,
            color: None,
            notes: String::new(),
        });
        for (i, position) in positions.into_iter().enumerate() {
            if let Some((ideal, walk_away, salience, red_line)) = position {
                project.positions.push(Position {
                    party: format!("p{p}"),
                    issue: format!("i{i}"),
                    stance: f64::from(ideal),
                    ideal: None,
                    walk_away: walk_away.map(f64::from),
                    salience: f64::from(salience) / 20.0,
                    red_line: red_line && walk_away.is_some(),
                    rationale: String::new(),
                    sources: vec![],
                });
            }
        }
    }
    project
}

fn project() -> impl Strategy<Value = Project> {
    (1usize..5)
        .prop_flat_map(|issues| (proptest::collection::vec(spec(issues), 0..5), Just(issues)))
        .prop_map(|(specs, issues)| build(specs, issues))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn deal_figures_are_consistent(project in project()) {
        let d = deals(&project.resolve(None).unwrap());
        prop_assert!(d.notes.iter().all(|n| !matches!(n, DealNote::SolverFailed { .. })), "{:?}", d.notes);
        // feasible exactly when maxmin >= 0.
        prop_assert_eq!(d.feasible, d.maxmin.is_some_and(|m| m >= -DEAL_TOLERANCE));
        if let Some(m) = d.maxmin {
            for (id, best) in d.best_for.iter() {
                if d.feasible {
                    // Every Principal does at least as well when only the others must accept.
                    let best = best.unwrap_or(f64::NEG_INFINITY);
                    prop_assert!(m <= best + SLACK, "maxmin {m} > best_for {id} {best}");
                } else if let Some(best) = best {
                    // No deal: whatever the others accept leaves p below the common floor.
                    prop_assert!(*best <= m + SLACK, "best_for {id} {best} > maxmin {m}");
                }
            }
        }
        match &d.nash {
            Some(nash) => {
                prop_assert!(d.maxmin.is_some_and(|m| m > 0.0));
                for p in &d.principals {
                    let value = nash.values.get(&p.id).copied().unwrap_or(f64::NAN);
                    let best = d.best_for.get(&p.id).copied().flatten().unwrap_or(f64::NAN);
                    prop_assert!(value > 0.0, "Nash value of {} is {value}", p.id);
                    prop_assert!(value <= best + SLACK, "Nash {value} > best_for {best}");
                    prop_assert!(p.keeps_red_lines(&nash.points), "{} red line crossed", p.id);
                }
            }
            None => prop_assert!(d.maxmin.is_none_or(|m| m <= DEAL_TOLERANCE)),
        }
    }
}
