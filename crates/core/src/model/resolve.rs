//! Scenario resolution: the base project with one scenario's overrides applied, as a plain
//! effective project that analysis and charts read without knowing scenarios exist.

use super::{Event, Project};

/// The effective project for the base or one scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct View {
    /// The effective project. Its `scenarios` list is empty.
    pub project: Project,
    /// The scenario applied, as (id, name); `None` for the base.
    pub scenario: Option<(String, String)>,
    /// Parallel to `project.events`: whether each event is a scenario's hypothetical one.
    pub hypothetical: Vec<bool>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown scenario \"{id}\"; valid scenarios: {}", if valid.is_empty() { "none (this project has no scenarios)".to_owned() } else { valid.join(", ") })]
pub struct ScenarioError {
    pub id: String,
    pub valid: Vec<String>,
}

impl View {
    /// Label for titles: the scenario's name, or "Base".
    pub fn scenario_label(&self) -> &str {
        self.scenario
            .as_ref()
            .map_or("Base", |(_, name)| name.as_str())
    }

    /// Events with their hypothetical flag, sorted by date (stable for equal dates).
    pub fn sorted_events(&self) -> Vec<(&Event, bool)> {
        let mut events: Vec<_> = self
            .project
            .events
            .iter()
            .zip(self.hypothetical.iter().copied())
            .collect();
        events.sort_by(|a, b| a.0.date.cmp(&b.0.date));
        events
    }
}

impl Project {
    /// The effective project for `scenario` (`None` = the base), given by id or exact name.
    ///
    /// Positions replace the base position of the same (party, issue) or are added; leverage
    /// with the same holder, target and instrument replaces the base item, other items are
    /// added; power overrides set a party's power; events are added as hypothetical.
    pub fn resolve(&self, scenario: Option<&str>) -> Result<View, ScenarioError> {
        let mut project = self.clone();
        project.scenarios.clear();
        let mut hypothetical = vec![false; project.events.len()];
        let Some(id) = scenario else {
            return Ok(View {
                project,
                scenario: None,
                hypothetical,
            });
        };
        let scenario = self.find_scenario(id).ok_or_else(|| ScenarioError {
            id: id.to_owned(),
            valid: self.scenarios.iter().map(|s| s.id.clone()).collect(),
        })?;
        for over in &scenario.positions {
            match project
                .positions
                .iter_mut()
                .find(|p| p.party == over.party && p.issue == over.issue)
            {
                Some(base) => *base = over.clone(),
                None => project.positions.push(over.clone()),
            }
        }
        for over in &scenario.leverage {
            match project.leverage.iter_mut().find(|l| {
                l.holder == over.holder
                    && l.target == over.target
                    && l.instrument == over.instrument
            }) {
                Some(base) => *base = over.clone(),
                None => project.leverage.push(over.clone()),
            }
        }
        for over in &scenario.power {
            if let Some(party) = project.parties.iter_mut().find(|p| p.id == over.party) {
                party.power = over.power;
            }
        }
        project.events.extend(scenario.events.iter().cloned());
        hypothetical.resize(project.events.len(), true);
        Ok(View {
            project,
            scenario: Some((scenario.id.clone(), scenario.name.clone())),
            hypothetical,
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::model::*;

    fn position(party: &str, issue: &str, stance: f64) -> Position {
        Position {
            party: party.into(),
            issue: issue.into(),
            stance,
            ideal: None,
            walk_away: None,
            salience: 0.5,
            red_line: false,
            rationale: String::new(),
            sources: vec![],
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

    fn lever(holder: &str, target: &str, instrument: &str, strength: f64) -> Leverage {
        Leverage {
            holder: holder.into(),
            target: target.into(),
            kind: LeverageKind::Stick,
            instrument: instrument.into(),
            strength,
            credibility: 1.0,
            cost: 0.0,
            status: LeverageStatus::Available,
            issues: vec![],
            sources: vec![],
        }
    }

    fn event(date: &str) -> Event {
        Event {
            date: date.into(),
            title: date.into(),
            kind: EventKind::Other,
            parties: vec![],
            shifts: vec![],
            notes: String::new(),
            sources: vec![],
        }
    }

    fn sample() -> Project {
        Project {
            parties: vec![party("a", 0.5), party("b", 0.7)],
            positions: vec![position("a", "x", 10.0), position("b", "x", 90.0)],
            leverage: vec![lever("a", "b", "sanctions", 0.4)],
            events: vec![event("2025-03-10")],
            scenarios: vec![Scenario {
                id: "s".into(),
                name: "What if".into(),
                description: String::new(),
                positions: vec![position("a", "x", 40.0), position("a", "y", 5.0)],
                leverage: vec![
                    lever("a", "b", "sanctions", 0.9),
                    lever("b", "a", "gas", 0.2),
                ],
                power: vec![PowerOverride {
                    party: "b".into(),
                    power: 0.1,
                }],
                events: vec![event("2025-03-01")],
            }],
            ..Project::default()
        }
    }

    #[test]
    fn base_view_is_the_project_without_scenarios() {
        let view = sample().resolve(None).unwrap();
        assert_eq!(view.scenario_label(), "Base");
        assert!(view.project.scenarios.is_empty());
        assert_eq!(view.project.positions, sample().positions);
        assert_eq!(view.hypothetical, vec![false]);
    }

    #[test]
    fn scenario_overrides_replace_or_add() {
        let view = sample().resolve(Some("s")).unwrap();
        assert_eq!(view.scenario_label(), "What if");
        let p = &view.project;
        // Replaced in place, then the new (a, y) appended.
        assert_eq!(p.positions.len(), 3);
        assert_eq!(p.position("a", "x").unwrap().stance, 40.0);
        assert_eq!(p.position("b", "x").unwrap().stance, 90.0);
        assert_eq!(p.position("a", "y").unwrap().stance, 5.0);
        // Same holder+target+instrument replaces; another is added.
        assert_eq!(p.leverage.len(), 2);
        assert_eq!(p.leverage[0].strength, 0.9);
        assert_eq!(p.leverage[1].instrument, "gas");
        assert_eq!(p.party("b").unwrap().power, 0.1);
        assert_eq!(p.party("a").unwrap().power, 0.5);
        assert_eq!(view.hypothetical, vec![false, true]);
        let sorted: Vec<_> = view
            .sorted_events()
            .iter()
            .map(|(e, h)| (e.date.as_str(), *h))
            .collect();
        assert_eq!(sorted, vec![("2025-03-01", true), ("2025-03-10", false)]);
    }

    #[test]
    fn a_scenario_is_found_by_id_or_exact_name() {
        let by_name = sample().resolve(Some("What if")).unwrap();
        assert_eq!(by_name, sample().resolve(Some("s")).unwrap());
        assert!(sample().resolve(Some("what if")).is_err());
        assert_eq!(sample().find_party("A").map(|p| p.id.as_str()), Some("a"));
    }

    #[test]
    fn unknown_scenario_lists_valid_ones() {
        let err = sample().resolve(Some("nope")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown scenario \"nope\"; valid scenarios: s"
        );
        let none = Project::default().resolve(Some("x")).unwrap_err();
        assert_eq!(
            none.to_string(),
            "unknown scenario \"x\"; valid scenarios: none (this project has no scenarios)"
        );
    }

    #[test]
    fn acceptable_sets_follow_the_ideal_side() {
        let mut p = position("a", "x", 60.0);
        assert!(p.accepts(0.0) && p.accepts(100.0));
        p.walk_away = Some(40.0); // ideal 60 >= 40: accepts 40..=100
        assert!(p.accepts(40.0) && !p.accepts(39.9));
        assert_eq!(p.acceptable_range(), (40.0, 100.0));
        p.ideal = Some(10.0); // ideal below the walk-away: accepts 0..=40
        assert!(p.accepts(40.0) && !p.accepts(40.1) && p.accepts(0.0));
        assert_eq!(p.acceptable_range(), (0.0, 40.0));
    }

    #[test]
    fn colours_and_dates_parse_strictly() {
        assert_eq!(parse_color("#C0392B"), Some([0xC0, 0x39, 0x2B]));
        assert_eq!(parse_color("C0392B"), None);
        assert_eq!(parse_color("#C0392"), None);
        assert_eq!(parse_color("#G0392B"), None);
        assert!(parse_date("2025-03-13").is_some());
        assert!(parse_date("2024-02-29").is_some());
        assert!(parse_date("2025-02-29").is_none());
        assert!(parse_date("2025-3-13").is_none());
        assert!(parse_date("20250313").is_none());
        assert!(parse_date("2025-13-01").is_none());
    }
}
