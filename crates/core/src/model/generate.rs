//! Synthetic projects of any size, for tests and benchmarks (`stancemap generate`).
//! Deterministic for a given seed, and valid with zero warnings by construction.

use super::*;

/// How big a project to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GenerateSpec {
    pub parties: usize,
    pub issues: usize,
    pub events: usize,
    pub seed: u64,
}

/// SplitMix64: a tiny generator whose sequence never changes between versions, so a seed
/// names the same project forever (a `rand` generator may change its stream on upgrade).
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in 0..n (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// A value on a grid of `1 / per_unit` within `0..=max`. Dividing (rather than
    /// multiplying by a step such as 0.05) gives the shortest decimal, so files stay short.
    fn grid(&mut self, max: f64, per_unit: f64) -> f64 {
        let steps = (max * per_unit) as usize + 1;
        self.below(steps) as f64 / per_unit
    }
}

const WORDS: [&str; 16] = [
    "water",
    "border",
    "trade",
    "security",
    "energy",
    "transit",
    "fisheries",
    "tariffs",
    "refugees",
    "monitoring",
    "sanctions",
    "elections",
    "grain",
    "ports",
    "airspace",
    "credits",
];

/// Make a valid project of the requested size.
pub fn generate(spec: GenerateSpec) -> Project {
    let mut rng = SplitMix(spec.seed);
    let roles = [
        Role::Principal,
        Role::Principal,
        Role::Mediator,
        Role::Stakeholder,
    ];
    let parties: Vec<Party> = (0..spec.parties)
        .map(|i| Party {
            id: format!("p{i}"),
            name: format!("Party {i} ({})", WORDS[i % WORDS.len()]),
            role: roles[i % roles.len()],
            power: rng.grid(1.0, 20.0).max(0.05),
            color: None,
            notes: String::new(),
        })
        .collect();
    let issues: Vec<Issue> = (0..spec.issues)
        .map(|i| Issue {
            id: format!("i{i}"),
            name: format!(
                "Issue {i}: {} and {}",
                WORDS[i % 16],
                WORDS[(i * 7 + 3) % 16]
            ),
            low: "Nothing agreed".to_owned(),
            high: "Everything agreed".to_owned(),
            marks: vec![Mark {
                at: 50.0,
                label: "Half way".to_owned(),
            }],
            notes: String::new(),
        })
        .collect();
    let base_date = jiff::civil::date(2020, 1, 1);
    let span_days = (spec.events as i64).max(30);
    let mut events: Vec<Event> = (0..spec.events)
        .map(|i| {
            let day = rng.below(span_days as usize) as i64;
            let date = base_date
                .checked_add(jiff::Span::new().days(day))
                .unwrap_or(base_date);
            let actor = rng.below(spec.parties.max(1));
            let shifts = if spec.parties > 0 && spec.issues > 0 && rng.below(3) == 0 {
                vec![Shift {
                    party: format!("p{actor}"),
                    issue: format!("i{}", rng.below(spec.issues)),
                    stance: rng.grid(100.0, 0.2),
                }]
            } else {
                Vec::new()
            };
            Event {
                date: date.to_string(),
                title: format!("Event {i}: talks on {}", WORDS[i % WORDS.len()]),
                kind: EventKind::ALL[i % EventKind::ALL.len()],
                parties: if spec.parties > 0 {
                    vec![format!("p{actor}")]
                } else {
                    Vec::new()
                },
                shifts,
                notes: String::new(),
                sources: Vec::new(),
            }
        })
        .collect();
    events.sort_by(|a, b| a.date.cmp(&b.date));
    let as_of = base_date
        .checked_add(jiff::Span::new().days(span_days))
        .unwrap_or(base_date);

    // A position's stance must equal the last shift of its trajectory, so take it from there.
    let mut last_shift = std::collections::HashMap::new();
    for shift in events.iter().flat_map(|e| &e.shifts) {
        last_shift.insert((shift.party.clone(), shift.issue.clone()), shift.stance);
    }
    let mut positions = Vec::with_capacity(spec.parties * spec.issues);
    for issue in &issues {
        for party in &parties {
            let stance = last_shift
                .get(&(party.id.clone(), issue.id.clone()))
                .copied()
                .unwrap_or_else(|| rng.grid(100.0, 0.2));
            let ideal = if stance >= 50.0 {
                (stance + 10.0).min(100.0)
            } else {
                (stance - 10.0).max(0.0)
            };
            let room = rng.grid(40.0, 0.2);
            let walk_away = if rng.below(5) == 0 {
                None
            } else if ideal >= stance {
                Some((stance - room).max(0.0))
            } else {
                Some((stance + room).min(100.0))
            };
            positions.push(Position {
                party: party.id.clone(),
                issue: issue.id.clone(),
                stance,
                ideal: Some(ideal),
                walk_away,
                salience: rng.grid(1.0, 20.0),
                red_line: walk_away.is_some() && rng.below(10) == 0,
                rationale: format!(
                    "Scored from {}'s public statements on {}.",
                    party.name,
                    WORDS[issue.id.len() % WORDS.len()]
                ),
                sources: Vec::new(),
            });
        }
    }
    let leverage = (0..spec.parties.saturating_mul(2))
        .filter(|_| spec.parties > 1)
        .map(|i| {
            let holder = i % spec.parties;
            let target = (holder + 1 + rng.below(spec.parties - 1)) % spec.parties;
            Leverage {
                holder: format!("p{holder}"),
                target: format!("p{target}"),
                kind: LeverageKind::ALL[i % 3],
                instrument: format!("Instrument {i}"),
                strength: rng.grid(1.0, 20.0),
                credibility: rng.grid(1.0, 20.0),
                cost: rng.grid(1.0, 20.0),
                status: LeverageStatus::ALL[i % 4],
                issues: Vec::new(),
                sources: Vec::new(),
            }
        })
        .collect();
    let scenarios = if spec.parties > 0 && spec.issues > 0 {
        vec![Scenario {
            id: "stronger-p0".to_owned(),
            name: "Party 0 grows stronger".to_owned(),
            description: "Party 0 gains power and hardens on the first issue.".to_owned(),
            positions: Vec::new(),
            leverage: Vec::new(),
            power: vec![PowerOverride {
                party: "p0".to_owned(),
                power: 1.0,
            }],
            events: Vec::new(),
        }]
    } else {
        Vec::new()
    };
    Project {
        format: FORMAT_VERSION,
        title: format!(
            "Synthetic negotiation: {} parties, {} issues",
            spec.parties, spec.issues
        ),
        summary: "Generated by stancemap for tests and benchmarks.".to_owned(),
        as_of: Some(as_of.to_string()),
        outcome: OutcomeMethod::Median,
        sources: Vec::new(),
        parties,
        issues,
        positions,
        leverage,
        events,
        scenarios,
    }
}

/// Give every private field of every party a value found nowhere else in the project, for
/// the role-sheet leak tests: notes `secret-notes-P-end`, rationales
/// `secret-rationale-P-I-end`, leverage instruments `secret-leverage-H-T-N-end`, a source
/// per position `secret-source-P-I-end` cited only there, and numbers (power, ideal,
/// walk-away, salience) with binary fractions no generated value has. Every third position
/// with a walk-away is made a red line, so it is declared and public.
pub fn mark_private_fields(project: &mut Project) {
    for (i, party) in project.parties.iter_mut().enumerate() {
        party.notes = format!("secret-notes-{}-end", party.id);
        party.power = 1.0 + (i + 1) as f64 / 1024.0;
    }
    project.sources.clear();
    for (k, pos) in project.positions.iter_mut().enumerate() {
        let step = (k + 1) as f64 / 1024.0;
        pos.ideal = Some(30.0 + step);
        pos.walk_away = Some(60.0 + step);
        pos.salience = (k + 1) as f64 / 65536.0;
        pos.red_line = k % 3 == 0;
        pos.rationale = format!("secret-rationale-{}-{}-end", pos.party, pos.issue);
        let source = format!("s-{}-{}", pos.party, pos.issue);
        pos.sources = vec![source.clone()];
        project.sources.push(Source {
            id: source,
            title: format!("secret-source-{}-{}-end", pos.party, pos.issue),
            author: String::new(),
            published: None,
            url: None,
        });
    }
    for (n, lever) in project.leverage.iter_mut().enumerate() {
        lever.instrument = format!("secret-leverage-{}-{}-{n}-end", lever.holder, lever.target);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_determinism() {
        let spec = GenerateSpec {
            parties: 5,
            issues: 7,
            events: 20,
            seed: 42,
        };
        let p = generate(spec);
        assert_eq!(
            (p.parties.len(), p.issues.len(), p.events.len()),
            (5, 7, 20)
        );
        assert_eq!(p.positions.len(), 35);
        assert_eq!(p, generate(spec));
        assert_ne!(p, generate(GenerateSpec { seed: 43, ..spec }));
    }

    #[test]
    fn stances_end_their_trajectories_and_respect_walk_aways() {
        let p = generate(GenerateSpec {
            parties: 6,
            issues: 10,
            events: 200,
            seed: 7,
        });
        for pos in &p.positions {
            assert!(pos.accepts(pos.stance), "{pos:?}");
            let last = p
                .events
                .iter()
                .flat_map(|e| &e.shifts)
                .rfind(|s| s.party == pos.party && s.issue == pos.issue);
            if let Some(shift) = last {
                assert_eq!(shift.stance, pos.stance);
            }
        }
    }

    #[test]
    fn empty_sizes_do_not_panic() {
        let p = generate(GenerateSpec {
            parties: 0,
            issues: 0,
            events: 3,
            seed: 1,
        });
        assert!(p.positions.is_empty() && p.leverage.is_empty());
        let p = generate(GenerateSpec {
            parties: 1,
            issues: 2,
            events: 0,
            seed: 1,
        });
        assert_eq!(p.positions.len(), 2);
    }
}
