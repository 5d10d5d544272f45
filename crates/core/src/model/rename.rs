//! Changing the id of a party, issue, scenario or source together with every reference to
//! it (positions, leverage, events, shifts, power overrides and citations, in the base and
//! in every scenario), as one pure edit of the project.

use super::{Event, Leverage, Position, Project, is_valid_id, unique_id};

/// The kinds of item that have an id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IdKind {
    Party,
    Issue,
    Scenario,
    Source,
}

impl IdKind {
    pub fn noun(self) -> &'static str {
        match self {
            IdKind::Party => "party",
            IdKind::Issue => "issue",
            IdKind::Scenario => "scenario",
            IdKind::Source => "source",
        }
    }

    /// The (id, name) of every item of this kind, in file order (a source's name is its title).
    pub fn items(self, project: &Project) -> Vec<(&str, &str)> {
        match self {
            IdKind::Party => project
                .parties
                .iter()
                .map(|x| (x.id.as_str(), x.name.as_str()))
                .collect(),
            IdKind::Issue => project
                .issues
                .iter()
                .map(|x| (x.id.as_str(), x.name.as_str()))
                .collect(),
            IdKind::Scenario => project
                .scenarios
                .iter()
                .map(|x| (x.id.as_str(), x.name.as_str()))
                .collect(),
            IdKind::Source => project
                .sources
                .iter()
                .map(|x| (x.id.as_str(), x.title.as_str()))
                .collect(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RenameError {
    #[error("there is no {noun} with the id {id:?}")]
    Unknown { noun: &'static str, id: String },
    #[error(
        "{id:?} is not a valid id; an id uses only lowercase letters a-z, digits 0-9, \"-\" and \
         \"_\" (for example {suggestion:?})"
    )]
    Invalid { id: String, suggestion: String },
    #[error("the id {id:?} is already used by the {noun} {name:?}; choose another")]
    Taken {
        noun: &'static str,
        id: String,
        name: String,
    },
}

/// The id an item of `kind` named `name` gets: made from the name, and unique among the
/// other items of its kind (`own` is the item's current id, which it may keep).
pub fn derived_id(project: &Project, kind: IdKind, own: &str, name: &str) -> String {
    let items = kind.items(project);
    unique_id(
        name,
        items.iter().map(|(id, _)| *id).filter(|id| *id != own),
    )
}

/// Give the item of `kind` with id `old` the id `new`, and rewrite every reference to it.
/// Returns how many references changed. Refuses an invalid id or one another item of the
/// same kind has, changing nothing.
pub fn rename_id(
    project: &mut Project,
    kind: IdKind,
    old: &str,
    new: &str,
) -> Result<usize, RenameError> {
    let items = kind.items(project);
    let Some(&(_, name)) = items.iter().find(|(id, _)| *id == old) else {
        return Err(RenameError::Unknown {
            noun: kind.noun(),
            id: old.to_owned(),
        });
    };
    if !is_valid_id(new) {
        let seed = if new.trim().is_empty() { name } else { new };
        return Err(RenameError::Invalid {
            id: new.to_owned(),
            suggestion: derived_id(project, kind, old, seed),
        });
    }
    if old == new {
        return Ok(0);
    }
    if let Some(&(_, other)) = items.iter().find(|(id, _)| *id == new) {
        return Err(RenameError::Taken {
            noun: kind.noun(),
            id: new.to_owned(),
            name: other.to_owned(),
        });
    }
    let mut count = 0;
    let mut swap = |slot: &mut String| {
        if slot == old {
            *slot = new.to_owned();
            count += 1;
        }
    };
    match kind {
        IdKind::Party => {
            project.parties.iter_mut().for_each(|p| swap(&mut p.id));
            for layer in layers(project) {
                layer.positions.iter_mut().for_each(|p| swap(&mut p.party));
                for l in layer.leverage.iter_mut() {
                    swap(&mut l.holder);
                    swap(&mut l.target);
                }
                for e in layer.events.iter_mut() {
                    e.parties.iter_mut().for_each(&mut swap);
                    e.shifts.iter_mut().for_each(|s| swap(&mut s.party));
                }
            }
            for s in &mut project.scenarios {
                s.power.iter_mut().for_each(|o| swap(&mut o.party));
            }
        }
        IdKind::Issue => {
            project.issues.iter_mut().for_each(|i| swap(&mut i.id));
            for layer in layers(project) {
                layer.positions.iter_mut().for_each(|p| swap(&mut p.issue));
                for l in layer.leverage.iter_mut() {
                    l.issues.iter_mut().for_each(&mut swap);
                }
                for e in layer.events.iter_mut() {
                    e.shifts.iter_mut().for_each(|s| swap(&mut s.issue));
                }
            }
        }
        IdKind::Source => {
            project.sources.iter_mut().for_each(|s| swap(&mut s.id));
            for layer in layers(project) {
                for p in layer.positions.iter_mut() {
                    p.sources.iter_mut().for_each(&mut swap);
                }
                for l in layer.leverage.iter_mut() {
                    l.sources.iter_mut().for_each(&mut swap);
                }
                for e in layer.events.iter_mut() {
                    e.sources.iter_mut().for_each(&mut swap);
                }
            }
        }
        // Nothing in a file refers to a scenario: only the app and the command line do.
        IdKind::Scenario => project.scenarios.iter_mut().for_each(|s| swap(&mut s.id)),
    }
    // The item's own id is not a reference.
    Ok(count - 1)
}

/// The lists that the base and each scenario hold.
struct Layer<'a> {
    positions: &'a mut Vec<Position>,
    leverage: &'a mut Vec<Leverage>,
    events: &'a mut Vec<Event>,
}

fn layers(project: &mut Project) -> Vec<Layer<'_>> {
    let mut out = vec![Layer {
        positions: &mut project.positions,
        leverage: &mut project.leverage,
        events: &mut project.events,
    }];
    out.extend(project.scenarios.iter_mut().map(|s| Layer {
        positions: &mut s.positions,
        leverage: &mut s.leverage,
        events: &mut s.events,
    }));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    /// One of every kind of reference, in the base and in a scenario.
    const PROJECT: &str = r#"Project(
        format: 1,
        title: "Council",
        sources: [Source(id: "src", title: "Minutes")],
        parties: [
            Party(id: "p", name: "Fiscal conservatives", role: Principal, power: 0.5),
            Party(id: "q", name: "Greens", role: Principal, power: 0.5),
        ],
        issues: [
            Issue(id: "i", name: "Bus fare", low: "0", high: "100"),
            Issue(id: "j", name: "Tram line", low: "0", high: "100"),
        ],
        positions: [Position(party: "p", issue: "i", stance: 20.0, salience: 1.0, sources: ["src"])],
        leverage: [Leverage(holder: "p", target: "q", kind: Stick, instrument: "veto",
                            strength: 0.5, credibility: 0.5, issues: ["i", "j"], sources: ["src"])],
        events: [Event(date: "2025-01-01", title: "Vote", kind: Meeting, parties: ["p", "q"],
                       shifts: [Shift(party: "p", issue: "i", stance: 20.0)], sources: ["src"])],
        scenarios: [Scenario(id: "s", name: "Deal",
            positions: [Position(party: "p", issue: "i", stance: 30.0, salience: 1.0, sources: ["src"])],
            leverage: [Leverage(holder: "q", target: "p", kind: Carrot, instrument: "votes",
                                strength: 0.5, credibility: 0.5, issues: ["i"], sources: ["src"])],
            power: [PowerOverride(party: "p", power: 0.7)],
            events: [Event(date: "2025-02-01", title: "Deal", kind: Agreement, parties: ["p"],
                           shifts: [Shift(party: "p", issue: "i", stance: 30.0)], sources: ["src"])])],
    )"#;

    fn project() -> Project {
        crate::testing::load(PROJECT)
    }

    /// The project still loads without errors after a rename (every reference follows).
    fn still_valid(p: &Project) {
        let errors: Vec<_> = crate::format::validate(p)
            .into_iter()
            .filter(|d| d.is_error())
            .collect();
        assert!(errors.is_empty(), "{errors:?}");
    }

    /// Whether the file text of `p` still holds `quoted` anywhere.
    fn mentions(p: &Project, quoted: &str) -> bool {
        crate::format::to_canonical(p).unwrap().contains(quoted)
    }

    #[test]
    fn a_party_rename_reaches_positions_leverage_events_shifts_and_power() {
        let mut p = project();
        // Base: position, holder, 1 of event.parties, shift; scenario: position, target,
        // power, event party, shift. 9 references.
        assert_eq!(rename_id(&mut p, IdKind::Party, "p", "fiscal").unwrap(), 9);
        still_valid(&p);
        assert_eq!(p.parties[0].id, "fiscal");
        assert_eq!(p.positions[0].party, "fiscal");
        assert_eq!(p.leverage[0].holder, "fiscal");
        assert_eq!(p.events[0].parties, ["fiscal", "q"]);
        assert_eq!(p.events[0].shifts[0].party, "fiscal");
        let s = &p.scenarios[0];
        assert_eq!(s.positions[0].party, "fiscal");
        assert_eq!(s.leverage[0].target, "fiscal");
        assert_eq!(s.power[0].party, "fiscal");
        assert_eq!(s.events[0].parties, ["fiscal"]);
        assert_eq!(s.events[0].shifts[0].party, "fiscal");
        assert!(!mentions(&p, "\"p\""));
    }

    #[test]
    fn an_issue_rename_reaches_positions_leverage_and_shifts() {
        let mut p = project();
        // Base: position, leverage issue, shift; scenario: position, leverage issue, shift.
        assert_eq!(
            rename_id(&mut p, IdKind::Issue, "i", "bus-fare").unwrap(),
            6
        );
        still_valid(&p);
        assert_eq!(p.leverage[0].issues, ["bus-fare", "j"]);
        assert_eq!(p.scenarios[0].events[0].shifts[0].issue, "bus-fare");
        assert!(!mentions(&p, "\"i\""));
    }

    #[test]
    fn a_source_rename_reaches_every_citation() {
        let mut p = project();
        assert_eq!(
            rename_id(&mut p, IdKind::Source, "src", "minutes").unwrap(),
            6
        );
        still_valid(&p);
        assert!(!mentions(&p, "\"src\""));
    }

    #[test]
    fn a_scenario_rename_has_no_references_in_the_file() {
        let mut p = project();
        assert_eq!(rename_id(&mut p, IdKind::Scenario, "s", "deal").unwrap(), 0);
        assert_eq!(p.scenarios[0].id, "deal");
    }

    #[test]
    fn clashes_and_bad_ids_are_refused_and_change_nothing() {
        let mut p = project();
        let err = rename_id(&mut p, IdKind::Party, "p", "q").unwrap_err();
        assert_eq!(
            err.to_string(),
            "the id \"q\" is already used by the party \"Greens\"; choose another"
        );
        let err = rename_id(&mut p, IdKind::Party, "p", "Fiscal Hawks").unwrap_err();
        assert_eq!(
            err.to_string(),
            "\"Fiscal Hawks\" is not a valid id; an id uses only lowercase letters a-z, digits \
             0-9, \"-\" and \"_\" (for example \"fiscal-hawks\")"
        );
        let err = rename_id(&mut p, IdKind::Party, "p", "").unwrap_err();
        assert!(
            err.to_string()
                .ends_with("(for example \"fiscal-conservatives\")")
        );
        let err = rename_id(&mut p, IdKind::Issue, "x", "y").unwrap_err();
        assert_eq!(err.to_string(), "there is no issue with the id \"x\"");
        assert_eq!(p, project());
        // An issue may share an id with a party: ids are unique within their kind. (One
        // reference: the leverage item bears on issues i and j.)
        assert_eq!(rename_id(&mut p, IdKind::Issue, "j", "q").unwrap(), 1);
    }

    #[test]
    fn derived_ids_are_unique_within_their_kind() {
        let p = project();
        assert_eq!(derived_id(&p, IdKind::Party, "p", "Greens"), "greens");
        let mut p = p;
        rename_id(&mut p, IdKind::Party, "q", "greens").unwrap();
        assert_eq!(derived_id(&p, IdKind::Party, "p", "Greens"), "greens-2");
        // Its own id is no clash.
        assert_eq!(derived_id(&p, IdKind::Party, "greens", "Greens"), "greens");
    }
}
