//! Projects built in code for the chart tests: the ceasefire case of March 2025 (after the
//! seed article) and a large synthetic one (12 parties x 25 issues, dense events).
#![allow(dead_code)]

use stancemap::model::*;

pub fn party(id: &str, name: &str, role: Role, power: f64) -> Party {
    Party {
        id: id.into(),
        name: name.into(),
        role,
        power,
        color: None,
        notes: String::new(),
    }
}

pub fn issue(id: &str, name: &str, low: &str, high: &str) -> Issue {
    Issue {
        id: id.into(),
        name: name.into(),
        low: low.into(),
        high: high.into(),
        marks: vec![],
        notes: String::new(),
    }
}

pub fn pos(
    party: &str,
    issue: &str,
    stance: f64,
    walk_away: Option<f64>,
    salience: f64,
) -> Position {
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

pub fn lever(
    holder: &str,
    target: &str,
    kind: LeverageKind,
    instrument: &str,
    strength: f64,
    credibility: f64,
    status: LeverageStatus,
) -> Leverage {
    Leverage {
        holder: holder.into(),
        target: target.into(),
        kind,
        instrument: instrument.into(),
        strength,
        credibility,
        cost: 0.2,
        status,
        issues: vec![],
        sources: vec![],
    }
}

pub fn event(
    date: &str,
    title: &str,
    kind: EventKind,
    parties: &[&str],
    shifts: &[(&str, &str, f64)],
) -> Event {
    Event {
        date: date.into(),
        title: title.into(),
        kind,
        parties: parties.iter().map(|s| s.to_string()).collect(),
        shifts: shifts
            .iter()
            .map(|(p, i, s)| Shift {
                party: p.to_string(),
                issue: i.to_string(),
                stance: *s,
            })
            .collect(),
        notes: String::new(),
        sources: vec![],
    }
}

/// The ceasefire talks as of 2025-03-13, with a "drag-out" scenario.
pub fn ceasefire() -> Project {
    use EventKind::*;
    use LeverageKind::*;
    use LeverageStatus::*;
    let mut ru_scope = pos("ru", "scope", 20.0, Some(30.0), 0.9);
    ru_scope.ideal = Some(0.0);
    // Russia's walk-away on scope lies above its ideal: it accepts 0..=30.
    let mut ua_kursk = pos("ua", "kursk", 30.0, Some(60.0), 0.6);
    ua_kursk.ideal = Some(0.0);
    ua_kursk.red_line = true;
    let mut ru_kursk = pos("ru", "kursk", 100.0, Some(90.0), 0.9);
    ru_kursk.red_line = true;
    Project {
        title: "Ceasefire talks, March 2025".into(),
        as_of: Some("2025-03-13".into()),
        parties: vec![
            party("ru", "Russia", Role::Principal, 0.8),
            party("ua", "Ukraine", Role::Principal, 0.6),
            party("us", "United States", Role::Mediator, 0.9),
            party("eu", "European Union", Role::Stakeholder, 0.5),
        ],
        issues: vec![
            issue(
                "scope",
                "Scope of the ceasefire",
                "No ceasefire",
                "Full, unconditional ceasefire",
            ),
            issue("duration", "Duration", "Days", "Permanent"),
            issue(
                "kursk",
                "Kursk region",
                "Ukraine keeps its foothold",
                "Russia retakes all of it",
            ),
            issue("aid", "US aid and intelligence", "Cut off", "Full support"),
            issue(
                "sanctions",
                "Sanctions relief for Russia",
                "None",
                "Full relief",
            ),
        ],
        positions: vec![
            ru_scope,
            pos("ua", "scope", 100.0, Some(50.0), 0.8),
            pos("us", "scope", 100.0, None, 0.7),
            pos("eu", "scope", 90.0, None, 0.5),
            pos("ru", "duration", 10.0, Some(40.0), 0.6),
            pos("ua", "duration", 30.0, Some(20.0), 0.5),
            pos("us", "duration", 30.0, None, 0.4),
            ru_kursk,
            ua_kursk,
            pos("us", "kursk", 70.0, None, 0.2),
            pos("ru", "aid", 0.0, None, 0.7),
            pos("ua", "aid", 100.0, Some(70.0), 1.0),
            pos("us", "aid", 80.0, None, 0.6),
            pos("eu", "aid", 100.0, None, 0.6),
            pos("ru", "sanctions", 100.0, Some(40.0), 0.8),
            pos("ua", "sanctions", 0.0, Some(20.0), 0.5),
            pos("us", "sanctions", 40.0, None, 0.3),
            pos("eu", "sanctions", 0.0, None, 0.7),
        ],
        leverage: vec![
            lever(
                "us",
                "ua",
                Stick,
                "Pause in intelligence sharing and aid",
                0.8,
                0.9,
                Withdrawn,
            ),
            lever(
                "us",
                "ru",
                Stick,
                "Secondary sanctions on buyers of Russian oil",
                0.6,
                0.4,
                Threatened,
            ),
            lever(
                "us",
                "ru",
                Carrot,
                "Sanctions relief and business deals",
                0.5,
                0.5,
                Available,
            ),
            lever(
                "ru",
                "us",
                Carrot,
                "Joint economic projects",
                0.3,
                0.4,
                Available,
            ),
            lever(
                "ru",
                "ua",
                Stick,
                "Continued offensive in Kursk and Donbas",
                0.7,
                0.9,
                Used,
            ),
            lever("eu", "ru", Stick, "EU sanctions packages", 0.4, 0.8, Used),
            lever(
                "ua",
                "ru",
                Alternative,
                "Fight on with European support",
                0.4,
                0.6,
                Available,
            ),
            lever(
                "ru",
                "ua",
                Alternative,
                "Continue the war of attrition",
                0.7,
                0.8,
                Available,
            ),
            lever(
                "us",
                "ua",
                Carrot,
                "Resumed intelligence sharing and aid",
                0.7,
                0.9,
                Used,
            ),
        ],
        events: vec![
            event(
                "2025-02-28",
                "Oval Office meeting ends in a shouting match",
                Meeting,
                &["us", "ua"],
                &[],
            ),
            event(
                "2025-03-03",
                "US pauses military aid to Ukraine",
                Escalation,
                &["us"],
                &[("us", "aid", 20.0)],
            ),
            event(
                "2025-03-05",
                "US pauses intelligence sharing",
                Escalation,
                &["us"],
                &[("us", "aid", 10.0)],
            ),
            event(
                "2025-03-04",
                "Zelensky proposes an air and sea truce",
                Proposal,
                &["ua"],
                &[("ua", "scope", 50.0)],
            ),
            event(
                "2025-03-11",
                "Ukraine accepts a 30-day ceasefire proposal in Jeddah",
                Agreement,
                &["ua", "us"],
                &[("ua", "scope", 100.0), ("us", "scope", 100.0)],
            ),
            event(
                "2025-03-11",
                "US resumes intelligence sharing and aid",
                Concession,
                &["us"],
                &[("us", "aid", 80.0)],
            ),
            event(
                "2025-03-12",
                "Ushakov calls the truce a respite for Ukraine",
                Rejection,
                &["ru"],
                &[("ru", "scope", 10.0)],
            ),
            event(
                "2025-03-13",
                "Witkoff arrives in Moscow",
                Meeting,
                &["us", "ru"],
                &[],
            ),
            event(
                "2025-03-13",
                "Putin: yes in principle, but with conditions",
                Statement,
                &["ru"],
                &[("ru", "scope", 20.0)],
            ),
        ],
        scenarios: vec![Scenario {
            id: "drag-out".into(),
            name: "Moscow drags out the talks".into(),
            description: "Russia signals eventual agreement while prolonging negotiations.".into(),
            positions: vec![
                pos("us", "scope", 60.0, None, 0.7),
                pos("us", "sanctions", 70.0, None, 0.5),
            ],
            leverage: vec![lever(
                "us",
                "ru",
                Stick,
                "Secondary sanctions on buyers of Russian oil",
                0.6,
                0.1,
                Threatened,
            )],
            power: vec![PowerOverride {
                party: "ru".into(),
                power: 0.9,
            }],
            events: vec![
                event(
                    "2025-03-25",
                    "Black Sea talks produce a partial deal",
                    Agreement,
                    &["ru", "us"],
                    &[("ru", "scope", 30.0)],
                ),
                event(
                    "2025-04-20",
                    "Easter truce announced unilaterally",
                    Statement,
                    &["ru"],
                    &[("ru", "scope", 25.0)],
                ),
            ],
        }],
        ..Project::default()
    }
}

/// 12 parties x 25 issues with long names and 40 events crowded into a month.
pub fn big() -> Project {
    let names = [
        "Russian Federation",
        "Ukraine",
        "United States of America",
        "European Union",
        "United Kingdom of Great Britain and Northern Ireland",
        "Türkiye",
        "People's Republic of China",
        "Kingdom of Saudi Arabia",
        "North Atlantic Treaty Organization",
        "Republic of Poland",
        "Federal Republic of Germany",
        "French Republic",
    ];
    let parties: Vec<Party> = names
        .iter()
        .enumerate()
        .map(|(i, n)| {
            party(
                &format!("p{i}"),
                n,
                if i < 4 {
                    Role::Principal
                } else if i < 6 {
                    Role::Mediator
                } else {
                    Role::Stakeholder
                },
                0.3 + 0.05 * i as f64,
            )
        })
        .collect();
    let issues: Vec<Issue> = (0..25)
        .map(|i| {
            issue(
                &format!("i{i}"),
                &format!(
                    "Issue {i}: arrangements for the monitoring and verification of clause {i}"
                ),
                "Nothing at all is conceded by either side",
                "Everything is conceded in full",
            )
        })
        .collect();
    let mut positions = Vec::new();
    for (pi, p) in parties.iter().enumerate() {
        for (ii, i) in issues.iter().enumerate() {
            if (pi + ii) % 7 == 3 {
                continue;
            }
            let stance = ((pi * 37 + ii * 11) % 101) as f64;
            let walk = if pi % 3 == 2 {
                None
            } else {
                Some((stance + 35.0).min(100.0) - if stance > 50.0 { 70.0 } else { 0.0 })
            };
            let mut q = pos(
                &p.id,
                &i.id,
                stance,
                walk.map(|w: f64| w.clamp(0.0, 100.0)),
                0.2 + ((pi + ii) % 5) as f64 * 0.2,
            );
            q.red_line = (pi + ii) % 6 == 0;
            positions.push(q);
        }
    }
    let kinds = EventKind::ALL;
    let events = (0..40)
        .map(|k| {
            let day = 1 + (k * 7) % 28;
            event(
                &format!("2025-03-{day:02}"),
                &format!("Event number {k} with a rather long descriptive title about talks"),
                kinds[k % kinds.len()],
                &[
                    &parties[k % 12].id.clone(),
                    &parties[(k * 5 + 1) % 12].id.clone(),
                ],
                &[(&parties[k % 4].id.clone(), "i0", ((k * 13) % 100) as f64)],
            )
        })
        .collect();
    let mut leverage = Vec::new();
    for h in 0..12 {
        for t in 0..12 {
            if h != t && (h * t) % 4 == 1 {
                let kind = LeverageKind::ALL[(h + t) % 3];
                leverage.push(lever(
                    &parties[h].id,
                    &parties[t].id,
                    kind,
                    &format!("Instrument {h}-{t} with a long descriptive name"),
                    0.5,
                    0.7,
                    LeverageStatus::Available,
                ));
            }
        }
    }
    Project {
        title: "A very large negotiation with many parties and issues for legibility checks".into(),
        as_of: Some("2025-03-20".into()),
        parties,
        issues,
        positions,
        leverage,
        events,
        ..Project::default()
    }
}
