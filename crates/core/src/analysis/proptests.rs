//! Property tests: what must hold for every project, not just the hand-worked ones.

use super::*;
use crate::model::*;
use proptest::prelude::*;

fn role() -> impl Strategy<Value = Role> {
    prop_oneof![
        Just(Role::Principal),
        Just(Role::Mediator),
        Just(Role::Stakeholder)
    ]
}

/// A party's role and power, and per issue maybe a position:
/// (stance, ideal, walk-away, salience).
type PartySpec = (Role, f64, Vec<Option<(f64, Option<f64>, Option<f64>, f64)>>);

fn party_spec(issues: usize, values: BoxedStrategy<f64>) -> impl Strategy<Value = PartySpec> {
    let position = (
        values.clone(),
        proptest::option::of(values.clone()),
        proptest::option::of(values.clone()),
        values.clone().prop_map(|v| v / 100.0),
    );
    (
        role(),
        values.prop_map(|v| v / 100.0),
        proptest::collection::vec(proptest::option::of(position), issues),
    )
}

fn build(specs: Vec<PartySpec>, issues: usize, method: OutcomeMethod) -> Project {
    let mut project = Project {
        outcome: method,
        ..Project::default()
    };
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
    for (p, (role, power, positions)) in specs.into_iter().enumerate() {
        project.parties.push(Party {
            id: format!("p{p}"),
            name: format!("Party {p}"),
            role,
            power,
            color: None,
            notes: String::new(),
        });
        for (i, spec) in positions.into_iter().enumerate() {
            if let Some((stance, ideal, walk_away, salience)) = spec {
                project.positions.push(Position {
                    party: format!("p{p}"),
                    issue: format!("i{i}"),
                    stance,
                    ideal,
                    walk_away,
                    salience,
                    red_line: p % 2 == 0,
                    rationale: String::new(),
                    sources: vec![],
                });
            }
        }
    }
    project
}

/// Valid projects: every number in range, as the loader guarantees.
fn valid_project() -> impl Strategy<Value = Project> {
    let values = (0..=100u32).prop_map(f64::from).boxed();
    (1usize..4, any::<bool>())
        .prop_flat_map(move |(issues, mean)| {
            let method = if mean {
                OutcomeMethod::Mean
            } else {
                OutcomeMethod::Median
            };
            (
                proptest::collection::vec(party_spec(issues, values.clone()), 1..7),
                Just(issues),
                Just(method),
            )
        })
        .prop_map(|(specs, issues, method)| build(specs, issues, method))
}

proptest! {
    #[test]
    fn the_median_is_one_of_the_stances(
        terms in proptest::collection::vec((0.0..=100.0f64, 0.0..=1.0f64), 1..12)
    ) {
        let terms: Vec<Term> = terms.iter().map(|&(x, w)| Term { stance: x, weight: w }).collect();
        if let Some(m) = weighted_median(&terms) {
            prop_assert!(terms.iter().any(|t| t.stance == m && t.weight > 0.0));
        } else {
            prop_assert_eq!(total_weight(&terms), 0.0);
        }
    }

    #[test]
    fn the_mean_lies_between_the_extreme_stances(
        terms in proptest::collection::vec((0.0..=100.0f64, 0.0..=1.0f64), 1..12)
    ) {
        let terms: Vec<Term> = terms.iter().map(|&(x, w)| Term { stance: x, weight: w }).collect();
        let lo = terms.iter().map(|t| t.stance).fold(f64::INFINITY, f64::min);
        let hi = terms.iter().map(|t| t.stance).fold(f64::NEG_INFINITY, f64::max);
        if let Some(m) = weighted_mean(&terms) {
            // Rounding of the sums may overshoot by an ulp or so.
            prop_assert!(m >= lo - 1e-9 && m <= hi + 1e-9, "{m} outside {lo}..{hi}");
        }
    }

    #[test]
    fn figures_hold_for_every_valid_project(project in valid_project()) {
        let view = project.resolve(None).unwrap();
        let analysis = analyze(&view);
        prop_assert_eq!(analysis.issues.len(), project.issues.len());
        for (issue, result) in project.issues.iter().zip(&analysis.issues) {
            let positions: Vec<&Position> =
                project.positions.iter().filter(|p| p.issue == issue.id).collect();
            // The ZOPA lies inside every Principal's acceptable set.
            if let Some(z) = result.zopa {
                prop_assert!(z.low <= z.high);
                for p in &positions {
                    if project.party(&p.party).unwrap().role == Role::Principal {
                        prop_assert!(p.accepts(z.low) && p.accepts(z.high), "{z:?} vs {p:?}");
                    }
                }
                prop_assert_eq!(result.gap, None);
            } else {
                prop_assert!(result.gap.is_some_and(|g| g > 0.0));
            }
            // The median is one of the stances; the outcome follows the project's method.
            if let Some(m) = result.weighted_median {
                prop_assert!(positions.iter().any(|p| p.stance == m));
            }
            let expected = match project.outcome {
                OutcomeMethod::Median => result.weighted_median,
                OutcomeMethod::Mean => result.weighted_mean,
            };
            prop_assert_eq!(result.outcome, expected);
            prop_assert_eq!(result.outcome.is_none(), result.outcome_note.is_some());
            // Pain is 0 exactly when the outcome is the stance (for a party that cares).
            for c in &result.concessions {
                let salience = positions.iter().find(|p| p.party == c.party).unwrap().salience;
                match (result.outcome, c.pain) {
                    (Some(o), Some(pain)) if salience > 0.0 => {
                        prop_assert_eq!(pain == 0.0, o == c.stance)
                    }
                    (Some(_), Some(pain)) => prop_assert_eq!(pain, 0.0),
                    (None, pain) => prop_assert_eq!(pain, None),
                    (Some(_), None) => prop_assert!(false, "pain missing with an outcome"),
                }
            }
        }
        // Sensitivity is sorted, largest first, and never negative.
        let deltas: Vec<f64> = analysis.sensitivity.iter().map(|s| s.delta).collect();
        prop_assert!(deltas.windows(2).all(|w| w[0] >= w[1]));
        prop_assert!(deltas.iter().all(|&d| d >= 0.0));
    }

    #[test]
    fn analysis_never_panics(
        specs in (1usize..3).prop_flat_map(|issues| {
            let values = prop_oneof![
                any::<f64>(),
                Just(f64::NAN),
                Just(f64::INFINITY),
                -50.0..150.0f64,
            ].boxed();
            (proptest::collection::vec(party_spec(issues, values), 0..5), Just(issues))
        }),
        mean in any::<bool>(),
        ghost in any::<bool>(),
    ) {
        let (specs, issues) = specs;
        let method = if mean { OutcomeMethod::Mean } else { OutcomeMethod::Median };
        let mut project = build(specs, issues, method);
        if ghost {
            // References the loader would refuse.
            if let Some(p) = project.positions.first_mut() {
                p.party = "ghost".into();
            }
            project.leverage.push(Leverage {
                holder: "p0".into(),
                target: "nobody".into(),
                kind: LeverageKind::Carrot,
                instrument: "x".into(),
                strength: f64::NAN,
                credibility: 2.0,
                cost: 0.0,
                status: LeverageStatus::Available,
                issues: vec![],
                sources: vec![],
            });
        }
        let view = project.resolve(None).unwrap();
        let analysis = analyze(&view);
        let _ = explain(&view, "i0");
        let _ = compare(&analysis, &analysis);
        prop_assert!(serde_json::to_string(&analysis).is_ok());
        let deals = deals(&view);
        let _ = (deals.verdict(), deals.outcome_verdict());
        if let Ok(pair) = default_pair(&deals) {
            let _ = deal_space(&view, &deals, (&pair.0, &pair.1), &[]);
        }
        prop_assert!(serde_json::to_string(&deals).is_ok());
    }
}
