//! Whole-project tests of `analyze`, `explain`, `sensitivity` and `compare` on a small
//! negotiation worked out by hand.

use super::*;
use crate::model::*;
use crate::testing::{issue, party};

fn pos(party: &str, issue: &str, stance: f64, walk_away: Option<f64>, salience: f64) -> Position {
    Position {
        party: party.into(),
        issue: issue.into(),
        stance,
        ideal: None,
        walk_away,
        salience,
        red_line: false,
        rationale: String::new(),
        sources: vec![],
    }
}

fn lever(holder: &str, target: &str, strength: f64, credibility: f64) -> Leverage {
    Leverage {
        holder: holder.into(),
        target: target.into(),
        kind: LeverageKind::Stick,
        instrument: format!("{holder} on {target}"),
        strength,
        credibility,
        cost: 0.0,
        status: LeverageStatus::Available,
        issues: vec![],
        sources: vec![],
    }
}

/// Parties: ru (Principal, power 0.8), ua (Principal, 0.5), us (Mediator, 1.0),
/// eu (Stakeholder, 0.4, no positions).
/// scope:     ru 20 (walk-away 50, red line, s .5 -> w .4), ua 100 (walk-away 60, s .8 -> w .4),
///            us 70 (s .5 -> w .5).
/// prisoners: ru 60 (s .5 -> w .4), ua 80 (walk-away 80 = ideal, s 1 -> w .5).
/// empty:     no positions.   zero: us 50 with salience 0.
fn project() -> Project {
    let mut ru_scope = pos("ru", "scope", 20.0, Some(50.0), 0.5);
    ru_scope.red_line = true;
    let mut withdrawn = lever("us", "ru", 1.0, 1.0);
    withdrawn.status = LeverageStatus::Withdrawn;
    Project {
        title: "Talks".into(),
        parties: vec![
            party("ru", "Russia", Role::Principal, 0.8),
            party("ua", "Ukraine", Role::Principal, 0.5),
            party("us", "United States", Role::Mediator, 1.0),
            party("eu", "European Union", Role::Stakeholder, 0.4),
        ],
        issues: vec![
            issue("scope", "Scope"),
            issue("prisoners", "Prisoners"),
            issue("empty", "Empty"),
            issue("zero", "Zero"),
        ],
        positions: vec![
            ru_scope,
            pos("ua", "scope", 100.0, Some(60.0), 0.8),
            pos("us", "scope", 70.0, None, 0.5),
            pos("ru", "prisoners", 60.0, None, 0.5),
            pos("ua", "prisoners", 80.0, Some(80.0), 1.0),
            pos("us", "zero", 50.0, None, 0.0),
        ],
        leverage: vec![
            lever("us", "ua", 0.8, 0.9),
            lever("ru", "ua", 0.5, 0.5),
            withdrawn,
        ],
        scenarios: vec![Scenario {
            id: "ua-weaker".into(),
            name: "Ukraine weaker".into(),
            description: String::new(),
            positions: vec![],
            leverage: vec![],
            power: vec![PowerOverride {
                party: "ua".into(),
                power: 0.4,
            }],
            events: vec![],
        }],
        ..Project::default()
    }
}

fn base() -> Analysis {
    analyze(&project().resolve(None).unwrap())
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

fn some_close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| close(a, b))
}

#[test]
fn outcomes_per_issue() {
    let a = base();
    assert_eq!(a.project, "Talks");
    assert_eq!(a.scenario, None);
    assert_eq!(a.outcome_method, OutcomeMethod::Median);
    let ids: Vec<_> = a.issues.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["scope", "prisoners", "empty", "zero"]);
    // scope sorted: 20 (.4), 70 (.5), 100 (.4); total 1.3, half .65; cumulative .4, .9 -> 70.
    // Mean (.4*20 + .5*70 + .4*100) / 1.3 = (8 + 35 + 40) / 1.3 = 83 / 1.3 = 63.846153...
    let scope = &a.issues[0];
    assert_eq!(scope.weighted_median, Some(70.0));
    assert!(some_close(scope.weighted_mean, 83.0 / 1.3));
    assert_eq!(scope.outcome, Some(70.0));
    assert_eq!(scope.outcome_note, None);
    // prisoners: 60 (.4), 80 (.5); total .9, half .45; cumulative .4, .9 -> 80.
    // Mean (24 + 40) / .9 = 71.111...
    let prisoners = &a.issues[1];
    assert_eq!(prisoners.outcome, Some(80.0));
    assert!(some_close(prisoners.weighted_mean, 64.0 / 0.9));
}

#[test]
fn issues_without_weight_say_why() {
    let a = base();
    let empty = &a.issues[2];
    assert_eq!((empty.weighted_median, empty.weighted_mean), (None, None));
    assert_eq!(
        empty.outcome_note.as_deref(),
        Some("no outcome: no party has a position on this issue")
    );
    assert!(empty.concessions.is_empty());
    let zero = &a.issues[3];
    assert_eq!(zero.outcome, None);
    assert_eq!(
        zero.outcome_note.as_deref(),
        Some(
            "no outcome: the parties with a position on this issue have a total weight \
             (power × salience) of 0"
        )
    );
    // The concession exists, with no distance or pain to report.
    assert_eq!(zero.concessions.len(), 1);
    assert_eq!(
        (zero.concessions[0].distance, zero.concessions[0].pain),
        (None, None)
    );
    assert!(!zero.concessions[0].breach);
}

#[test]
fn the_mean_when_the_project_asks_for_it() {
    let mut p = project();
    p.outcome = OutcomeMethod::Mean;
    let a = analyze(&p.resolve(None).unwrap());
    assert_eq!(a.outcome_method, OutcomeMethod::Mean);
    let scope = &a.issues[0];
    // O = 83/1.3 = 63.846...; us (70) concedes 70 - 63.846 = 6.1538..., pain * .5 / 100.
    assert!(some_close(scope.outcome, 83.0 / 1.3));
    assert!(some_close(scope.concessions[2].distance, 70.0 - 83.0 / 1.3));
    assert!(some_close(
        scope.concessions[2].pain,
        (70.0 - 83.0 / 1.3) / 100.0 * 0.5
    ));
}

#[test]
fn zopa_counts_only_principals() {
    let a = base();
    // scope: ru accepts 0..=50, ua 60..=100 (the Mediator has no walk-away anyway):
    // empty, gap 60 - 50 = 10.
    assert_eq!((a.issues[0].zopa, a.issues[0].gap), (None, Some(10.0)));
    // prisoners: ru accepts all, ua 80..=100 (ideal = walk-away 80).
    assert_eq!(
        a.issues[1].zopa,
        Some(Zopa {
            low: 80.0,
            high: 100.0
        })
    );
    assert_eq!(a.issues[1].gap, None);
    // No Principal positions: nothing constrains the outcome.
    assert_eq!(
        a.issues[2].zopa,
        Some(Zopa {
            low: 0.0,
            high: 100.0
        })
    );
    // A Mediator's walk-away does not narrow the ZOPA.
    let mut p = project();
    p.positions[5].walk_away = Some(90.0);
    let a = analyze(&p.resolve(None).unwrap());
    assert_eq!(
        a.issues[3].zopa,
        Some(Zopa {
            low: 0.0,
            high: 100.0
        })
    );
}

#[test]
fn concessions_and_totals() {
    let a = base();
    let scope = &a.issues[0].concessions;
    let parties: Vec<_> = scope.iter().map(|c| c.party.as_str()).collect();
    assert_eq!(parties, ["ru", "ua", "us"]);
    // ru vs O = 70: distance 50, pain .5 * .5 = .25, share |20-70|/|20-50| = 50/30,
    // beyond its red line at 50.
    assert!(some_close(scope[0].distance, 50.0) && some_close(scope[0].pain, 0.25));
    assert!(some_close(scope[0].share, 50.0 / 30.0));
    assert!(scope[0].breach && scope[0].red_line);
    // ua: distance 30, pain .3 * .8 = .24, share 30/40 = .75, inside 60..=100.
    assert!(some_close(scope[1].pain, 0.24) && some_close(scope[1].share, 0.75));
    assert!(!scope[1].breach && !scope[1].red_line);
    // us stands at the outcome: nothing to concede, no walk-away so no share.
    assert_eq!((scope[2].pain, scope[2].share), (Some(0.0), None));
    // prisoners vs O = 80: ru distance 20, pain .2 * .5 = .1.
    assert!(some_close(a.issues[1].concessions[0].pain, 0.1));
    // Totals: ru .25 + .1 = .35 with 1 (red line) breach; ua .24 + 0; us 0; eu no positions.
    let totals: Vec<_> = a
        .parties
        .iter()
        .map(|t| (t.id.as_str(), t.breaches, t.red_line_breaches))
        .collect();
    assert_eq!(
        totals,
        [("ru", 1, 1), ("ua", 0, 0), ("us", 0, 0), ("eu", 0, 0)]
    );
    assert!(close(a.parties[0].total_pain, 0.35));
    assert!(close(a.parties[1].total_pain, 0.24));
    assert_eq!(a.parties[2].total_pain, 0.0);
    assert_eq!(a.parties[3].total_pain, 0.0);
}

#[test]
fn leverage_balances_skip_withdrawn_items() {
    let a = base();
    let rows: Vec<_> = a
        .leverage
        .iter()
        .map(|l| (l.holder.as_str(), l.target.as_str()))
        .collect();
    // ru -> ua .5*.5 = .25; us -> ua .8*.9 = .72; us -> ru only Withdrawn: no pressure.
    assert_eq!(
        rows,
        [("ru", "ua"), ("ua", "ru"), ("ua", "us"), ("us", "ua")]
    );
    assert!(close(a.leverage[0].pressure, 0.25) && close(a.leverage[0].net, 0.25));
    assert!(close(a.leverage[1].pressure, 0.0) && close(a.leverage[1].net, -0.25));
    assert!(close(a.leverage[2].net, -0.72));
    assert!(close(a.leverage[3].pressure, 0.72) && close(a.leverage[3].net, 0.72));
}

#[test]
fn sensitivity_ranks_the_inputs_that_move_outcomes() {
    let s = base().sensitivity;
    // 3 powers (eu has no positions) + 6 positions x (stance, salience) = 15.
    assert_eq!(s.len(), 15);
    // power of ua 0.5 -> 0.4: prisoners 60 (.4), 80 (.4): total .8, half .4, reached
    // at 60 -> O moves 80 -> 60 (20). Up to 0.6 keeps 80. Scope stays 70 either way.
    assert_eq!(s[0].input, "power of Ukraine");
    assert_eq!(s[0].issue, "prisoners");
    assert_eq!(s[0].kind, InputKind::Power);
    assert_eq!(s[0].party, "ua");
    assert!(close(s[0].delta, 20.0));
    assert_eq!(
        (s[0].base, s[0].down, s[0].up),
        (Some(80.0), Some(60.0), Some(80.0))
    );
    // Then the two 10-point moves, in generation order (scope before prisoners):
    // us's stance on scope 70 -> 60/80 carries the median with it (its .5 holds the middle);
    // ua's stance on prisoners 80 -> 70/90 likewise.
    assert_eq!(s[1].input, "stance of United States on Scope");
    assert_eq!((s[1].down, s[1].up), (Some(60.0), Some(80.0)));
    assert!(close(s[1].delta, 10.0));
    assert_eq!(s[2].input, "stance of Ukraine on Prisoners");
    assert!(close(s[2].delta, 10.0));
    // Everything else moves nothing: ties keep powers first, then positions in order.
    assert!(s[3..].iter().all(|e| e.delta == 0.0));
    assert_eq!(s[3].input, "power of Russia");
    assert_eq!(s[3].issue, "scope");
    assert_eq!(s[4].input, "power of United States");
    assert_eq!(s[5].input, "stance of Russia on Scope");
    assert_eq!(s[6].input, "salience of Russia on Scope");
    // Nudging us's salience on "zero" up makes an outcome appear: no size, counted 0.
    let last = &s[14];
    assert_eq!(last.input, "salience of United States on Zero");
    assert_eq!((last.base, last.down, last.up), (None, None, Some(50.0)));
    assert_eq!(last.delta, 0.0);
}

#[test]
fn sensitivity_clips_nudges_to_the_range() {
    // One party at stance 100 with power 1: up-nudges clip to 100 and 1 (no move);
    // stance down 90 moves the single-party outcome by 10.
    let p = Project {
        parties: vec![party("a", "A", Role::Principal, 1.0)],
        issues: vec![issue("i", "I")],
        positions: vec![pos("a", "i", 100.0, None, 1.0)],
        ..Project::default()
    };
    let s = sensitivity(&p.resolve(None).unwrap());
    assert_eq!(s[0].input, "stance of A on I");
    assert_eq!((s[0].down, s[0].up), (Some(90.0), Some(100.0)));
    assert!(close(s[0].delta, 10.0));
    // Power 1 -> 0.9 and salience 1 -> 0.9 leave a single party's outcome where it is.
    assert_eq!(s[1].input, "power of A");
    assert_eq!(s[1].delta, 0.0);
    assert_eq!(s[2].input, "salience of A on I");
}

#[test]
fn a_scenario_that_changes_power_changes_the_outcome() {
    let p = project();
    let scenario = analyze(&p.resolve(Some("ua-weaker")).unwrap());
    assert_eq!(scenario.scenario.as_deref(), Some("ua-weaker"));
    // ua power .4: prisoners 60 (.4), 80 (.4) -> median 60 (see the sensitivity test).
    assert_eq!(scenario.issues[1].outcome, Some(60.0));
    // Scope: 20 (.4), 70 (.5), 100 (.32): total 1.22, half .61, cumulative .9 at 70 -> 70.
    assert_eq!(scenario.issues[0].outcome, Some(70.0));

    let c = compare(&base(), &scenario);
    assert_eq!(
        (c.before.as_deref(), c.after.as_deref()),
        (None, Some("ua-weaker"))
    );
    assert_eq!(c.issues[0].change, Some(0.0));
    assert_eq!(
        (c.issues[1].before, c.issues[1].after, c.issues[1].change),
        (Some(80.0), Some(60.0), Some(-20.0))
    );
    assert_eq!(c.issues[2].change, None);
    // Pain at O = 60 on prisoners: ru 0 (was .1) -> total .25, change -.1;
    // ua |80-60| = 20 -> .2 * 1 = .2, beyond its walk-away 80 -> total .44, change +.2, +1 breach.
    assert_eq!(c.parties[0].id, "ru");
    assert!(some_close(c.parties[0].change, -0.1));
    assert!(some_close(c.parties[1].after, 0.44));
    assert!(some_close(c.parties[1].change, 0.2));
    assert_eq!(c.parties[1].breaches_change, 1);
    assert_eq!(c.parties[3].change, Some(0.0));
}

#[test]
fn compare_keeps_issues_found_on_one_side_only() {
    let a = base();
    let mut b = a.clone();
    b.issues.remove(0);
    b.parties.push(PartyTotals {
        id: "new".into(),
        total_pain: 0.5,
        breaches: 0,
        red_line_breaches: 0,
    });
    let c = compare(&a, &b);
    assert_eq!((c.issues[0].after, c.issues[0].change), (None, None));
    assert_eq!(
        c.parties.last().map(|p| (p.id.as_str(), p.after)),
        Some(("new", Some(0.5)))
    );
    // And the other way round: an issue only in `after` is listed last.
    let c = compare(&b, &a);
    assert_eq!(c.issues.last().map(|i| i.id.as_str()), Some("scope"));
    assert_eq!(c.issues.last().and_then(|i| i.before), None);
}

#[test]
fn explain_names_the_parties_behind_an_outcome() {
    let view = project().resolve(None).unwrap();
    assert_eq!(explain(&view, "nope"), None);
    let e = explain(&view, "scope").unwrap();
    let names: Vec<_> = e.rows.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["Russia", "United States", "Ukraine"]);
    // Weights .4, .5, .4 -> cumulative .4, .9, 1.3; half .65 reached by the United States.
    assert!(close(e.half_weight, 0.65));
    assert!(close(e.rows[1].cumulative_weight, 0.9));
    assert!(e.rows[1].at_median);
    assert_eq!(e.outcome, Some(70.0));
    // Powers and saliences are shown as given: ru .8 * .5.
    assert_eq!((e.rows[0].power, e.rows[0].salience), (0.8, 0.5));
    // w*x: 8, 35, 40 -> 83.
    assert!(close(e.weighted_stance_sum, 83.0));
}

#[test]
fn positions_of_unknown_parties_or_issues_are_ignored() {
    // The loader refuses these; analysis must still not panic or count them.
    let mut p = project();
    p.positions.push(pos("ghost", "scope", 0.0, None, 1.0));
    p.positions.push(pos("ru", "nowhere", 0.0, None, 1.0));
    let a = analyze(&p.resolve(None).unwrap());
    assert_eq!(a.issues[0].concessions.len(), 3);
    assert_eq!(a.issues[0].outcome, Some(70.0));
}

#[test]
fn an_empty_project_analyses_to_nothing() {
    let a = analyze(&Project::default().resolve(None).unwrap());
    assert!(a.issues.is_empty() && a.parties.is_empty());
    assert!(a.leverage.is_empty() && a.sensitivity.is_empty());
}

#[test]
fn json_has_the_contract_keys() {
    let value = serde_json::to_value(base()).unwrap();
    for key in [
        "project",
        "scenario",
        "outcome_method",
        "issues",
        "parties",
        "leverage",
        "sensitivity",
    ] {
        assert!(value.get(key).is_some(), "missing {key}");
    }
    assert_eq!(value["outcome_method"], "Median");
    assert_eq!(value["scenario"], serde_json::Value::Null);
    let scope = &value["issues"][0];
    assert_eq!(scope["zopa"], serde_json::Value::Null);
    assert_eq!(scope["gap"], 10.0);
    assert_eq!(scope["concessions"][0]["red_line"], true);
    assert_eq!(value["issues"][1]["zopa"]["low"], 80.0);
    assert_eq!(value["parties"][0]["breaches"], 1);
    assert_eq!(value["leverage"][0]["holder"], "ru");
    assert_eq!(value["sensitivity"][0]["input"], "power of Ukraine");
    assert_eq!(value["sensitivity"][0]["kind"], "Power");
}

#[test]
fn the_ten_actor_check_through_the_whole_pipeline() {
    // The published example (see outcome.rs), positions 0..10 scaled by 10 to 0..100:
    // the median 7 becomes 70 and the mean 7.38996 becomes 73.8996.
    let actors = [
        ("nl", 0.08, 4.0, 0.8),
        ("be", 0.08, 7.0, 0.4),
        ("lu", 0.03, 4.0, 0.2),
        ("de", 0.16, 4.0, 0.8),
        ("fr", 0.16, 10.0, 0.6),
        ("it", 0.16, 10.0, 0.6),
        ("uk", 0.16, 10.0, 0.9),
        ("ie", 0.05, 7.0, 0.1),
        ("dk", 0.05, 4.0, 1.0),
        ("gr", 0.08, 7.0, 0.7),
    ];
    let p = Project {
        parties: actors
            .iter()
            .map(|&(id, c, _, _)| party(id, id, Role::Principal, c))
            .collect(),
        issues: vec![issue("emissions", "Emission standards")],
        positions: actors
            .iter()
            .map(|&(id, _, x, s)| pos(id, "emissions", x * 10.0, None, s))
            .collect(),
        ..Project::default()
    };
    let a = analyze(&p.resolve(None).unwrap());
    let e = &a.issues[0];
    assert_eq!(e.weighted_median, Some(70.0));
    assert_eq!(e.weighted_mean.map(|m| (m * 1e3).round() / 1e3), Some(73.9));
    assert!(e.weighted_mean.is_some_and(|m| (m - 73.8996).abs() < 5e-5));
    let x = explain(&p.resolve(None).unwrap(), "emissions").unwrap();
    assert!(close(x.total_weight, 0.677));
    // Rows by stance, ties in party order: the four at 40 reach .248; then at 70 Belgium
    // .28, Ireland .285, Greece .341 >= .3385 (half of .677): the mark falls on Greece.
    let at: Vec<_> = x
        .rows
        .iter()
        .filter(|r| r.at_median)
        .map(|r| r.party.as_str())
        .collect();
    assert_eq!(at, ["gr"]);
}
