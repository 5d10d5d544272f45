//! The semantic diff on hand-made pairs: one kind of change at a time, as text and JSON.

use super::*;
use crate::model::*;

/// A small council budget: two parties, two issues, one of everything else.
const BASE: &str = r#"Project(
    format: 1,
    title: "Council budget",
    as_of: "2025-05-01",
    sources: [Source(id: "minutes", title: "Council minutes")],
    parties: [
        Party(id: "fc", name: "Fiscal conservatives", role: Principal, power: 0.5),
        Party(id: "gr", name: "Greens", role: Principal, power: 0.5),
    ],
    issues: [
        Issue(id: "fare", name: "Bus fare", low: "Free", high: "Full cost"),
        Issue(id: "tram", name: "Tram line", low: "None", high: "Citywide"),
    ],
    positions: [
        Position(party: "fc", issue: "fare", stance: 20.0, walk_away: 50.0, salience: 1.0,
                 red_line: true, sources: ["minutes"]),
        Position(party: "gr", issue: "fare", stance: 80.0, walk_away: 40.0, salience: 0.5),
        Position(party: "gr", issue: "tram", stance: 90.0, salience: 0.9),
    ],
    leverage: [
        Leverage(holder: "fc", target: "gr", kind: Stick, instrument: "Budget veto",
                 strength: 0.6, credibility: 0.5, issues: ["fare"]),
    ],
    events: [
        Event(date: "2025-04-01", title: "First reading", kind: Meeting, parties: ["fc", "gr"],
              shifts: [Shift(party: "gr", issue: "fare", stance: 80.0)]),
    ],
    scenarios: [
        Scenario(id: "deal", name: "Package deal",
                 positions: [Position(party: "gr", issue: "tram", stance: 60.0, salience: 0.9)],
                 power: [PowerOverride(party: "fc", power: 0.7)]),
    ],
)"#;

fn base() -> Project {
    match crate::format::load_str(BASE) {
        Ok(loaded) => loaded.project,
        Err(e) => panic!("the fixture does not load: {e}"),
    }
}

/// The text report of the change `edit` makes to the base, without the analysis.
fn report(edit: impl FnOnce(&mut Project)) -> String {
    let old = base();
    let mut new = base();
    edit(&mut new);
    render_text(&diff(&old, &new), None)
}

fn position<'a>(p: &'a mut Project, party: &str, issue: &str) -> &'a mut Position {
    match p
        .positions
        .iter_mut()
        .find(|x| x.party == party && x.issue == issue)
    {
        Some(x) => x,
        None => panic!("no position {party} on {issue}"),
    }
}

#[test]
fn identical_projects_have_no_differences() {
    let d = diff(&base(), &base());
    assert!(d.is_empty());
    assert_eq!(render_text(&d, None), "");
    assert!(effect(&base(), &base(), None).unwrap().is_empty());
}

#[test]
fn project_fields() {
    let text = report(|p| {
        p.title = "Council budget 2026".into();
        p.as_of = None;
        p.outcome = OutcomeMethod::Mean;
    });
    assert_eq!(
        text,
        "Project\n  ~ title \"Council budget\" -> \"Council budget 2026\"; as_of \"2025-05-01\" \
         -> none; outcome \"Median\" -> \"Mean\"\n"
    );
}

#[test]
fn parties_added_removed_changed_and_reordered() {
    let text = report(|p| {
        p.parties[1].power = 0.6;
        p.parties[1].role = Role::Stakeholder;
        p.parties.push(Party {
            id: "lab".into(),
            name: "Labour".into(),
            role: Role::Principal,
            power: 0.4,
            color: None,
            notes: String::new(),
        });
    });
    assert_eq!(
        text,
        "Parties\n  ~ Greens: role \"Principal\" -> \"Stakeholder\"; power 0.5 -> 0.6\n  \
         + Labour: id \"lab\", role \"Principal\", power 0.4\n"
    );
    let text = report(|p| {
        p.parties.swap(0, 1);
        p.parties.remove(0); // Greens gone (their positions too, for a valid file)
        p.positions.retain(|x| x.party != "gr");
    });
    assert!(text.starts_with("Parties\n  - Greens\n"), "{text}");
    assert!(text.contains("Positions\n  - Greens on Bus fare\n  - Greens on Tram line\n"));
    let text = report(|p| p.parties.swap(0, 1));
    assert_eq!(
        text,
        "Parties\n  ~ order [Fiscal conservatives, Greens] -> [Greens, Fiscal conservatives]\n"
    );
}

#[test]
fn issues_and_sources() {
    let text = report(|p| {
        p.issues[0].high = "Full cost recovery".into();
        p.issues[1].marks.push(Mark {
            at: 50.0,
            label: "One line".into(),
        });
        p.sources[0].url = Some("https://example.org/minutes".into());
    });
    assert_eq!(
        text,
        "Sources\n  ~ Council minutes: url none -> \"https://example.org/minutes\"\n\
         Issues\n  ~ Bus fare: high \"Full cost\" -> \"Full cost recovery\"\n  \
         ~ Tram line: marks [] -> [50: One line]\n"
    );
}

#[test]
fn each_changed_field_of_a_position_old_to_new() {
    let text = report(|p| {
        let x = position(p, "fc", "fare");
        x.stance = 30.0;
        x.ideal = Some(10.0);
        x.walk_away = None;
        x.red_line = false;
        x.salience = 0.75;
        x.rationale = "Said so in May".into();
        x.sources.clear();
    });
    assert_eq!(
        text,
        "Positions\n  ~ Fiscal conservatives on Bus fare: stance 20 -> 30; ideal none -> 10; \
         walk_away 50 -> none; salience 1 -> 0.75; red_line yes -> no; rationale \"\" -> \
         \"Said so in May\"; sources [minutes] -> []\n"
    );
    let text = report(|p| {
        p.positions.retain(|x| x.issue != "tram");
        p.positions.push(Position {
            party: "fc".into(),
            issue: "tram".into(),
            stance: 10.0,
            ideal: None,
            walk_away: Some(30.0),
            salience: 0.4,
            red_line: false,
            rationale: String::new(),
            sources: vec![],
        });
    });
    assert_eq!(
        text,
        "Positions\n  + Fiscal conservatives on Tram line: stance 10, walk_away 30, salience \
         0.4\n  - Greens on Tram line\n"
    );
}

#[test]
fn leverage_by_holder_target_and_instrument() {
    let text = report(|p| {
        p.leverage[0].status = LeverageStatus::Threatened;
        p.leverage[0].issues.push("tram".into());
        let mut other = p.leverage[0].clone();
        other.holder = "gr".into();
        other.target = "fc".into();
        other.instrument = "Walkout".into();
        other.kind = LeverageKind::Alternative;
        p.leverage.push(other);
    });
    assert_eq!(
        text,
        "Leverage\n  ~ Budget veto (Fiscal conservatives over Greens): status \"Available\" -> \
         \"Threatened\"; issues [Bus fare] -> [Bus fare, Tram line]\n  + Walkout (Greens over \
         Fiscal conservatives): kind \"Alternative\", strength 0.6, credibility 0.5, status \
         \"Threatened\"\n"
    );
    let text = report(|p| p.leverage[0].instrument = "Line-item veto".into());
    assert_eq!(
        text,
        "Leverage\n  + Line-item veto (Fiscal conservatives over Greens): kind \"Stick\", \
         strength 0.6, credibility 0.5, status \"Available\"\n  - Budget veto (Fiscal \
         conservatives over Greens)\n"
    );
}

#[test]
fn events_are_matched_by_date_and_title_then_either() {
    let text = report(|p| {
        p.events[0].date = "2025-04-02".into();
        p.events[0].shifts[0].stance = 75.0;
        p.events[0].shifts.push(Shift {
            party: "fc".into(),
            issue: "fare".into(),
            stance: 25.0,
        });
        p.events.push(Event {
            date: "2025-04-20".into(),
            title: "Budget vote".into(),
            kind: EventKind::Deadline,
            parties: vec![],
            shifts: vec![],
            notes: String::new(),
            sources: vec![],
        });
    });
    assert_eq!(
        text,
        "Events\n  ~ First reading (2025-04-02): date \"2025-04-01\" -> \"2025-04-02\"; shift \
         Greens on Bus fare 80 -> 75; shift Fiscal conservatives on Bus fare none -> 25\n  \
         + Budget vote (2025-04-20): kind \"Deadline\"\n"
    );
    let text = report(|p| p.events.clear());
    assert_eq!(text, "Events\n  - First reading (2025-04-01)\n");
}

#[test]
fn scenarios_and_their_overrides() {
    let text = report(|p| {
        let s = &mut p.scenarios[0];
        s.name = "Grand package".into();
        s.positions[0].stance = 70.0;
        s.power[0].power = 0.8;
        s.power.push(PowerOverride {
            party: "gr".into(),
            power: 0.2,
        });
        let mut copy = s.clone();
        copy.id = "alt".into();
        copy.name = "Alternative".into();
        p.scenarios.push(copy);
    });
    assert_eq!(
        text,
        "Scenarios\n  ~ Grand package: name \"Package deal\" -> \"Grand package\"\n  \
         + Alternative: id \"alt\", positions 1, power 2\n\
         Scenario \"Grand package\" (deal)\n  ~ position Greens on Tram line: stance 60 -> 70\n  \
         ~ power of Fiscal conservatives: power 0.7 -> 0.8\n  \
         + power of Greens: power 0.2\n"
    );
    let text = report(|p| p.scenarios.clear());
    assert_eq!(text, "Scenarios\n  - Package deal\n");
}

#[test]
fn a_renamed_id_is_one_change_not_everything_removed_and_added() {
    let text = report(|p| {
        p.parties[0].id = "fiscal-conservatives".into();
        for x in &mut p.positions {
            if x.party == "fc" {
                x.party = "fiscal-conservatives".into();
            }
        }
        p.leverage[0].holder = "fiscal-conservatives".into();
        p.events[0].parties[0] = "fiscal-conservatives".into();
        p.scenarios[0].power[0].party = "fiscal-conservatives".into();
        p.issues[0].id = "bus-fare".into();
        for x in &mut p.positions {
            if x.issue == "fare" {
                x.issue = "bus-fare".into();
            }
        }
        p.leverage[0].issues = vec!["bus-fare".into()];
        p.events[0].shifts[0].issue = "bus-fare".into();
    });
    assert_eq!(
        text,
        "Parties\n  ~ Fiscal conservatives: id \"fc\" -> \"fiscal-conservatives\"\n\
         Issues\n  ~ Bus fare: id \"fare\" -> \"bus-fare\"\n"
    );
}

#[test]
fn the_effect_on_outcomes_zopas_and_breaches() {
    // Old Bus fare: weights fc 0.5*1.0 = 0.5 at 20, gr 0.5*0.5 = 0.25 at 80; half of 0.75 is
    // reached at 20, so the outcome is 20. ZOPA: fc accepts <= 50, gr >= 40: 40 to 50.
    // Greens (walk-away 40) breach at 20.
    // New: fc salience 0.25 (weight 0.125) and gr's walk-away 60: half of 0.375 is first
    // reached at 80; fc accepts <= 50 and gr >= 60, a gap of 10. fc now breaches its red
    // line; gr accepts 80.
    let old = base();
    let mut new = base();
    position(&mut new, "fc", "fare").salience = 0.25;
    position(&mut new, "gr", "fare").walk_away = Some(60.0);
    let e = effect(&old, &new, None).unwrap();
    assert_eq!(
        render_effect(&e),
        "Effect on the analysis (base)\n  Bus fare: outcome 20.0 -> 80.0; ZOPA 40.0 to 50.0 -> \
         none (gap 10.0)\n  Fiscal conservatives on Bus fare: the outcome now breaches its red \
         line at 50\n  Greens on Bus fare: the outcome no longer breaches its walk-away at 40\n"
    );
    // The scenario, by name: Tram line has only the Greens (60 in the scenario), so its
    // outcome follows their override there.
    let mut new = base();
    new.scenarios[0].positions[0].stance = 65.0;
    let e = effect(&old, &new, Some("Package deal")).unwrap();
    assert_eq!(
        render_effect(&e),
        "Effect on the analysis (scenario \"Package deal\")\n  Tram line: outcome 60.0 -> 65.0\n"
    );
    assert!(effect(&old, &new, None).unwrap().is_empty());
    let err = effect(&old, &new, Some("nope")).unwrap_err();
    assert_eq!(
        err.to_string(),
        "unknown scenario \"nope\"; valid scenarios: deal"
    );
    new.scenarios[0].id = "other".into();
    new.scenarios[0].name = "Other".into();
    let err = effect(&old, &new, Some("other")).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("scenario \"Other\" is not in the old project")
    );
}

#[test]
fn json_names_every_part() {
    let old = base();
    let mut new = base();
    position(&mut new, "gr", "tram").walk_away = Some(70.0);
    let json = serde_json::to_value(diff(&old, &new)).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"changes": [{
            "section": "positions",
            "scenario": null,
            "kind": "changed",
            "item": "Greens on Tram line",
            "key": {"kind": "position", "party": "gr", "issue": "tram"},
            "fields": [{"field": "walk_away", "old": null, "new": 70.0}],
        }]})
    );
    let mut new = base();
    new.scenarios[0].power.clear();
    let json = serde_json::to_value(diff(&old, &new)).unwrap();
    assert_eq!(
        json["changes"][0]["scenario"],
        serde_json::json!({"id": "deal", "name": "Package deal"})
    );
    assert_eq!(json["changes"][0]["kind"], "removed");
}

#[test]
fn facts_give_one_line_per_fact_by_names() {
    let text = facts(&base());
    assert!(text.contains(
        "position Fiscal conservatives on Bus fare: stance 20, ideal none, walk_away 50, \
         salience 1, red line\n"
    ));
    assert!(text.contains("scenario Package deal (deal): power of Fiscal conservatives: 0.7\n"));
    assert!(text.contains("event First reading (2025-04-01): shift Greens on Bus fare to 80\n"));
    // A changed stance changes exactly one line.
    let mut new = base();
    position(&mut new, "gr", "tram").stance = 85.0;
    let (a, b) = (facts(&base()), facts(&new));
    let changed = a.lines().zip(b.lines()).filter(|(x, y)| x != y).count();
    assert_eq!(changed, 1);
}

/// The phrases Undo and Redo show: one field of one item, a whole item, several changes.
#[test]
fn summaries_name_what_changed() {
    let old = base();
    let summary_of = |change: &dyn Fn(&mut Project)| {
        let mut new = old.clone();
        change(&mut new);
        summary(&diff(&old, &new))
    };
    assert_eq!(summary_of(&|_| {}), None);
    assert_eq!(
        summary_of(&|p| p.positions[0].stance = 30.0).as_deref(),
        Some("change stance of Fiscal conservatives on Bus fare")
    );
    assert_eq!(
        summary_of(&|p| p.title = "Budget".into()).as_deref(),
        Some("change title")
    );
    assert_eq!(
        summary_of(&|p| {
            p.positions[0].stance = 30.0;
            p.positions[0].salience = 0.5;
        })
        .as_deref(),
        Some("change Fiscal conservatives on Bus fare")
    );
    assert_eq!(
        summary_of(&|p| p.issues[1].name = "Tram".into()).as_deref(),
        Some("change name of Tram")
    );
    assert_eq!(
        summary_of(&|p| {
            p.positions.remove(2);
            p.positions.remove(1);
        })
        .as_deref(),
        Some("delete Greens on Bus fare and 1 more")
    );
}
