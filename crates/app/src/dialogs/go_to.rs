//! Where the Warnings dialog's "Go to" leads: the view, the item to select and the
//! scenario to show for a problem, found from its item path (never from its text).

use crate::format::{Diagnostic, ItemList, Location};
use crate::model::{Position, Project};
use crate::{Selection, ViewKind};

/// Where "Go to" takes the user: a view, the item to select in it, and the scenario to
/// show (the one whose list holds the item; `None` shows the base).
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    pub view: ViewKind,
    pub selection: Selection,
    pub scenario: Option<String>,
}

/// The item a diagnostic is about, from its item path; `None` for a diagnostic about the
/// file or a top-level field, or for an item that no longer exists.
pub fn target_of(project: &Project, d: &Diagnostic) -> Option<Target> {
    let Location::Item(item) = &d.location else {
        return None;
    };
    match item.scenario {
        None => base_target(project, item.list, item.index),
        Some(s) => scenario_target(project, s, item.list, item.index),
    }
}

/// Item `index` of a base list (a mark goes to its issue, a shift to its event).
fn base_target(project: &Project, list: ItemList, index: usize) -> Option<Target> {
    let (view, selection) = match list {
        ItemList::Parties => (
            ViewKind::Parties,
            Selection::Party(project.parties.get(index)?.id.clone()),
        ),
        ItemList::Issues => (
            ViewKind::Issues,
            Selection::Issue(project.issues.get(index)?.id.clone()),
        ),
        ItemList::Positions => (ViewKind::Positions, cell(project.positions.get(index)?)),
        ItemList::Leverage if index < project.leverage.len() => (
            ViewKind::Leverage,
            Selection::Leverage {
                scenario: None,
                index,
            },
        ),
        ItemList::Events if index < project.events.len() => (
            ViewKind::Timeline,
            Selection::Event {
                scenario: None,
                index,
            },
        ),
        ItemList::Sources if index < project.sources.len() => {
            (ViewKind::Overview, Selection::Source(index))
        }
        ItemList::Scenarios => (
            ViewKind::Scenarios,
            Selection::Scenario(project.scenarios.get(index)?.id.clone()),
        ),
        _ => return None,
    };
    Some(Target {
        view,
        selection,
        scenario: None,
    })
}

/// Item `index` of a list of scenario `s`, shown with that scenario active as its view
/// lists it; a power override goes to the scenario's own form.
fn scenario_target(project: &Project, s: usize, list: ItemList, index: usize) -> Option<Target> {
    let scenario = project.scenarios.get(s)?;
    let id = Some(scenario.id.clone());
    let (view, selection) = match list {
        ItemList::Positions => (ViewKind::Positions, cell(scenario.positions.get(index)?)),
        ItemList::Leverage if index < scenario.leverage.len() => (
            ViewKind::Leverage,
            Selection::Leverage {
                scenario: id.clone(),
                index,
            },
        ),
        ItemList::Events if index < scenario.events.len() => (
            ViewKind::Timeline,
            Selection::Event {
                scenario: id.clone(),
                index,
            },
        ),
        ItemList::Power if index < scenario.power.len() => {
            return Some(Target {
                view: ViewKind::Scenarios,
                selection: Selection::Scenario(scenario.id.clone()),
                scenario: None,
            });
        }
        _ => return None,
    };
    Some(Target {
        view,
        selection,
        scenario: id,
    })
}

/// The positions grid's cell of `position`.
fn cell(position: &Position) -> Selection {
    Selection::Cell {
        party: position.party.clone(),
        issue: position.issue.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::ItemPath;

    /// The built-in ceasefire sample.
    fn sample() -> Project {
        crate::samples::project(crate::samples::DEFAULT_SAMPLE).expect("the sample loads")
    }

    /// Where "Go to" takes each problem `validate` finds in `project` whose message
    /// contains `text`.
    fn targets(project: &Project, text: &str) -> Vec<Option<Target>> {
        crate::format::validate(project)
            .iter()
            .filter(|d| d.message.contains(text))
            .map(|d| target_of(project, d))
            .collect()
    }

    fn at(view: ViewKind, selection: Selection, scenario: Option<&str>) -> Option<Target> {
        Some(Target {
            view,
            selection,
            scenario: scenario.map(str::to_owned),
        })
    }

    #[test]
    fn warnings_of_base_items_go_to_the_item_in_the_base() {
        let mut project = sample();
        // A stance below its walk-away, a Principal with no position, a future event.
        let pos = &mut project.positions[1];
        (pos.stance, pos.ideal, pos.walk_away) = (40.0, Some(100.0), Some(60.0));
        let party = &project.positions[2].party;
        let principal = project.parties.iter().position(|p| &p.id == party).unwrap();
        project.positions.remove(2);
        project.events[3].date = "2099-01-01".into();
        let p1 = &project.positions[1];
        let cell1 = Selection::Cell {
            party: p1.party.clone(),
            issue: p1.issue.clone(),
        };
        assert_eq!(
            targets(&project, "the party would reject its own stance"),
            [at(ViewKind::Positions, cell1, None)]
        );
        assert_eq!(
            targets(&project, "has no position on"),
            [at(
                ViewKind::Parties,
                Selection::Party(project.parties[principal].id.clone()),
                None
            )]
        );
        assert_eq!(
            targets(&project, "a future event belongs in a scenario"),
            [at(
                ViewKind::Timeline,
                Selection::Event {
                    scenario: None,
                    index: 3
                },
                None
            )]
        );
    }

    #[test]
    fn problems_in_a_scenario_go_to_the_item_with_that_scenario_shown() {
        let mut project = sample();
        let id = project.scenarios[1].id.clone();
        let scenario = &mut project.scenarios[1];
        let pos = &mut scenario.positions[0];
        (pos.stance, pos.ideal, pos.walk_away) = (40.0, Some(100.0), Some(60.0));
        let cell = Selection::Cell {
            party: pos.party.clone(),
            issue: pos.issue.clone(),
        };
        scenario.leverage[0].strength = 2.0;
        scenario.events[0].shifts.push(crate::model::Shift {
            party: "ru".into(),
            issue: "territory".into(),
            stance: 200.0,
        });
        project.scenarios[0].power[0].power = 1.5;
        project.issues[2].marks[1].at = -1.0;
        project.format = 99;
        assert_eq!(
            targets(&project, "the party would reject its own stance"),
            [at(ViewKind::Positions, cell, Some(&id))]
        );
        let leverage = Selection::Leverage {
            scenario: Some(id.clone()),
            index: 0,
        };
        let event = Selection::Event {
            scenario: Some(id.clone()),
            index: 0,
        };
        let power = Selection::Scenario(project.scenarios[0].id.clone());
        assert_eq!(
            targets(&project, "strength 2 is outside"),
            [at(ViewKind::Leverage, leverage, Some(&id))]
        );
        // A shift goes to its event; a mark to its issue.
        assert_eq!(
            targets(&project, "stance 200 is outside"),
            [at(ViewKind::Timeline, event, Some(&id))]
        );
        assert_eq!(
            targets(&project, "power 1.5 is outside"),
            [at(ViewKind::Scenarios, power, None)]
        );
        let issue = Selection::Issue(project.issues[2].id.clone());
        assert_eq!(
            targets(&project, "at -1 is outside"),
            [at(ViewKind::Issues, issue, None)]
        );
        assert_eq!(targets(&project, "format 99 does not exist"), [None]);
    }

    #[test]
    fn an_item_that_is_gone_has_no_target() {
        let project = sample();
        let item = |path| Diagnostic::warning(Location::Item(path), "");
        let gone = [
            ItemPath::new(ItemList::Parties, 999, "Nobody"),
            ItemPath::new(ItemList::Leverage, 999, "x over y"),
            ItemPath::new(ItemList::Positions, 0, "x on y").in_scenario(Some(99)),
            ItemPath::new(ItemList::Events, 99, "x, 2025-01-01").in_scenario(Some(0)),
        ];
        for path in gone {
            assert_eq!(target_of(&project, &item(path.clone())), None, "{path}");
        }
        let source = ItemPath::new(ItemList::Sources, 0, "Baunov");
        assert_eq!(
            target_of(&project, &item(source)),
            at(ViewKind::Overview, Selection::Source(0), None)
        );
    }
}
