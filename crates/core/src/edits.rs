//! Structural edits of a project that touch more than one list: adding items with fresh ids,
//! and removing a party, issue or source together with everything that refers to it.
//! Pure functions over the model, so they are tested without a window.

use crate::model::{Issue, Party, Position, Project, Role, Scenario, unique_id};
use crate::words::plural;

/// What goes with a removed party or issue (base and scenarios together).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Dependents {
    pub positions: usize,
    pub leverage: usize,
    pub shifts: usize,
    /// Scenarios' power overrides of a deleted party.
    pub power_overrides: usize,
    /// Events whose "who acted" names a deleted party (the events stay; the name goes).
    pub acted_in: usize,
}

impl Dependents {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// Everything that goes, in words: "3 positions, 1 leverage item, 2 shifts, 1 scenario
    /// power override and its place in 4 events' who acted". Positions, leverage and shifts
    /// are always counted; the rest only when there are some.
    pub fn describe(&self) -> String {
        let mut parts = vec![
            plural(self.positions, "position"),
            plural(self.leverage, "leverage item"),
            plural(self.shifts, "shift"),
        ];
        if self.power_overrides > 0 {
            parts.push(plural(self.power_overrides, "scenario power override"));
        }
        if self.acted_in > 0 {
            parts.push(format!(
                "its place in {}' who acted",
                plural(self.acted_in, "event")
            ));
        }
        let last = parts.pop().unwrap_or_default();
        format!("{} and {last}", parts.join(", "))
    }
}

/// A list of the scenario at `scenario` (picked by `over`), or of the base (picked by
/// `base`) when there is none: where an edit made with that scenario active goes.
pub fn layer_mut<T>(
    project: &mut Project,
    scenario: Option<usize>,
    base: fn(&mut Project) -> &mut Vec<T>,
    over: fn(&mut Scenario) -> &mut Vec<T>,
) -> &mut Vec<T> {
    match scenario.filter(|&i| i < project.scenarios.len()) {
        Some(i) => over(&mut project.scenarios[i]),
        None => base(project),
    }
}

/// Push `item` onto `layer_mut`'s list; returns its index there.
pub fn push_to_layer<T>(
    project: &mut Project,
    scenario: Option<usize>,
    item: T,
    base: fn(&mut Project) -> &mut Vec<T>,
    over: fn(&mut Scenario) -> &mut Vec<T>,
) -> usize {
    let list = layer_mut(project, scenario, base, over);
    list.push(item);
    list.len() - 1
}

/// Item `index` of a list of the scenario with id `scenario` (picked by `over`) or of the
/// base (`base`), with the scenario's index; `None` when the scenario or the item is gone.
pub fn layer_item<T: Clone>(
    project: &Project,
    scenario: Option<&str>,
    index: usize,
    base: fn(&Project) -> &Vec<T>,
    over: fn(&Scenario) -> &Vec<T>,
) -> Option<(Option<usize>, T)> {
    match scenario {
        None => Some((None, base(project).get(index)?.clone())),
        Some(id) => {
            let s = project.scenarios.iter().position(|s| s.id == id)?;
            Some((Some(s), over(&project.scenarios[s]).get(index)?.clone()))
        }
    }
}

pub fn party_dependents(project: &Project, id: &str) -> Dependents {
    let mut copy = project.clone();
    remove_party(&mut copy, id)
}

/// What removing issue `id` would take with it.
pub fn issue_dependents(project: &Project, id: &str) -> Dependents {
    let mut copy = project.clone();
    remove_issue(&mut copy, id)
}

/// Keep the items of `list` that `keep` accepts; returns how many went.
fn retain_counted<T>(list: &mut Vec<T>, keep: impl FnMut(&T) -> bool) -> usize {
    let before = list.len();
    list.retain(keep);
    before - list.len()
}

/// Remove party `id` and every position, leverage item, shift and power override that names
/// it; drop it from events' party lists. Returns what went.
pub fn remove_party(project: &mut Project, id: &str) -> Dependents {
    let mut gone = Dependents::default();
    pin_colors(project);
    project.parties.retain(|p| p.id != id);
    gone.positions += retain_counted(&mut project.positions, |p| p.party != id);
    gone.leverage += retain_counted(&mut project.leverage, |l| l.holder != id && l.target != id);
    for s in &mut project.scenarios {
        gone.positions += retain_counted(&mut s.positions, |p| p.party != id);
        gone.leverage += retain_counted(&mut s.leverage, |l| l.holder != id && l.target != id);
        gone.power_overrides += retain_counted(&mut s.power, |o| o.party != id);
    }
    for event in all_events(project) {
        gone.acted_in += usize::from(retain_counted(&mut event.parties, |p| p != id) > 0);
        gone.shifts += retain_counted(&mut event.shifts, |s| s.party != id);
    }
    gone
}

/// Remove issue `id` and every position and shift on it; leverage that bore only on it goes
/// too (an empty issue list would mean "the whole negotiation"), other leverage forgets it.
pub fn remove_issue(project: &mut Project, id: &str) -> Dependents {
    let mut gone = Dependents::default();
    project.issues.retain(|i| i.id != id);
    let only_this = |l: &crate::model::Leverage| !(l.issues.len() == 1 && l.issues[0] == id);
    let layers = std::iter::once((&mut project.positions, &mut project.leverage)).chain(
        project
            .scenarios
            .iter_mut()
            .map(|s| (&mut s.positions, &mut s.leverage)),
    );
    for (positions, leverage) in layers {
        gone.positions += retain_counted(positions, |p| p.issue != id);
        gone.leverage += retain_counted(leverage, only_this);
        for l in leverage.iter_mut() {
            l.issues.retain(|i| i != id);
        }
    }
    for event in all_events(project) {
        gone.shifts += retain_counted(&mut event.shifts, |s| s.issue != id);
    }
    gone
}

/// Every event of the base and of every scenario.
fn all_events(project: &mut Project) -> impl Iterator<Item = &mut crate::model::Event> {
    project.events.iter_mut().chain(
        project
            .scenarios
            .iter_mut()
            .flat_map(|s| s.events.iter_mut()),
    )
}

/// Remove source `index` and every citation of it.
pub fn remove_source(project: &mut Project, index: usize) {
    if index >= project.sources.len() {
        return;
    }
    let id = project.sources.remove(index).id;
    let strip = |list: &mut Vec<String>| list.retain(|s| *s != id);
    for p in &mut project.positions {
        strip(&mut p.sources);
    }
    for l in &mut project.leverage {
        strip(&mut l.sources);
    }
    for e in &mut project.events {
        strip(&mut e.sources);
    }
    for s in &mut project.scenarios {
        s.positions.iter_mut().for_each(|p| strip(&mut p.sources));
        s.leverage.iter_mut().for_each(|l| strip(&mut l.sources));
        s.events.iter_mut().for_each(|e| strip(&mut e.sources));
    }
}

/// Add a party named `name` with a fresh id; returns the id.
pub fn add_party(project: &mut Project, name: &str) -> String {
    let id = unique_id(name, project.parties.iter().map(|p| p.id.as_str()));
    project.parties.push(Party {
        id: id.clone(),
        name: name.to_owned(),
        role: Role::Stakeholder,
        power: 0.5,
        color: None,
        notes: String::new(),
    });
    // The party keeps the colour it is first shown in, whatever is deleted before it later.
    let color = project.party_color(&id).to_owned();
    if let Some(party) = project.parties.last_mut() {
        party.color = Some(color);
    }
    id
}

/// Write down the colour each party is shown in now, so removing one party does not shift
/// the palette colours of the parties after it.
fn pin_colors(project: &mut Project) {
    let colors: Vec<String> = project
        .parties
        .iter()
        .map(|p| project.party_color(&p.id).to_owned())
        .collect();
    for (party, color) in project.parties.iter_mut().zip(colors) {
        party.color.get_or_insert(color);
    }
}

/// Add an issue named `name` with a fresh id; returns the id.
pub fn add_issue(project: &mut Project, name: &str) -> String {
    let id = unique_id(name, project.issues.iter().map(|i| i.id.as_str()));
    project.issues.push(Issue {
        id: id.clone(),
        name: name.to_owned(),
        // Left blank: the inspector shows an example in each, rather than text to overwrite.
        low: String::new(),
        high: String::new(),
        marks: Vec::new(),
        notes: String::new(),
    });
    id
}

/// A fresh position at the middle of the scale, for filling an empty cell.
pub fn new_position(party: &str, issue: &str) -> Position {
    Position {
        party: party.to_owned(),
        issue: issue.to_owned(),
        stance: 50.0,
        ideal: None,
        walk_away: None,
        salience: 0.5,
        red_line: false,
        rationale: String::new(),
        sources: Vec::new(),
    }
}

/// A name not yet used by any item in `names`: `base`, `base 2`, `base 3`, ...
pub fn fresh_name<'a>(base: &str, names: impl Iterator<Item = &'a str> + Clone) -> String {
    (1..)
        .map(|n| {
            if n == 1 {
                base.to_owned()
            } else {
                format!("{base} {n}")
            }
        })
        .find(|candidate| !names.clone().any(|n| n == candidate))
        .unwrap_or_else(|| base.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    use crate::testing::ceasefire as project;

    #[test]
    fn layers_pick_the_scenario_list_or_the_base() {
        let mut p = project();
        let id = p.scenarios[0].id.clone();
        let ours = Event {
            date: "2025-04-01".into(),
            title: "Ours".into(),
            kind: crate::model::EventKind::Meeting,
            parties: Vec::new(),
            shifts: Vec::new(),
            notes: String::new(),
            sources: Vec::new(),
        };
        let at = push_to_layer(&mut p, Some(0), ours, |p| &mut p.events, |s| &mut s.events);
        assert_eq!(p.scenarios[0].events[at].title, "Ours");
        let item = |p: &Project, scenario: Option<&str>, index: usize| {
            layer_item(p, scenario, index, |p| &p.events, |s| &s.events).map(|(s, e)| (s, e.title))
        };
        assert_eq!(item(&p, Some(&id), at), Some((Some(0), "Ours".to_owned())));
        assert_eq!(item(&p, None, 0), Some((None, p.events[0].title.clone())));
        // A scenario or an item that is gone (deleted, undone away) gives nothing.
        assert_eq!(item(&p, Some("no-such-scenario"), 0), None);
        assert_eq!(item(&p, Some(&id), at + 1), None);
        // A scenario index past the end edits the base, as with no scenario.
        let base = p.events.len();
        layer_mut(&mut p, Some(99), |p| &mut p.events, |s| &mut s.events).pop();
        assert_eq!(p.events.len(), base - 1);
    }

    #[test]
    fn removing_a_party_takes_its_references() {
        let mut p = project();
        let positions = p.positions.iter().filter(|x| x.party == "ru").count()
            + p.scenarios
                .iter()
                .flat_map(|s| &s.positions)
                .filter(|x| x.party == "ru")
                .count();
        let expected = party_dependents(&p, "ru");
        assert_eq!(expected.positions, positions);
        let gone = remove_party(&mut p, "ru");
        assert_eq!(gone, expected);
        assert!(p.party("ru").is_none());
        assert!(p.positions.iter().all(|x| x.party != "ru"));
        assert!(
            p.leverage
                .iter()
                .all(|l| l.holder != "ru" && l.target != "ru")
        );
        assert!(
            p.events
                .iter()
                .all(|e| !e.parties.iter().any(|x| x == "ru"))
        );
        assert!(
            p.scenarios
                .iter()
                .all(|s| s.power.iter().all(|o| o.party != "ru"))
        );
    }

    #[test]
    fn removing_an_issue_drops_leverage_that_bore_only_on_it() {
        let mut p = Project::default();
        add_issue(&mut p, "A");
        add_issue(&mut p, "B");
        add_party(&mut p, "X");
        p.positions.push(new_position("x", "a"));
        p.positions.push(new_position("x", "b"));
        let lever = |issues: Vec<&str>| Leverage {
            holder: "x".into(),
            target: "x".into(),
            kind: LeverageKind::Carrot,
            instrument: format!("{issues:?}"),
            strength: 0.5,
            credibility: 0.5,
            cost: 0.0,
            status: LeverageStatus::Available,
            issues: issues.into_iter().map(String::from).collect(),
            sources: vec![],
        };
        p.leverage = vec![lever(vec!["a"]), lever(vec!["a", "b"]), lever(vec![])];
        let gone = remove_issue(&mut p, "a");
        assert_eq!(
            gone,
            Dependents {
                positions: 1,
                leverage: 1,
                ..Dependents::default()
            }
        );
        assert_eq!(p.leverage.len(), 2);
        assert_eq!(p.leverage[0].issues, vec!["b".to_owned()]);
        assert!(p.leverage[1].issues.is_empty());
        assert_eq!(gone.describe(), "1 position, 1 leverage item and 0 shifts");
    }

    /// Russia in the ceasefire sample: two scenarios override its power, and ten events (four
    /// of the base, six hypothetical) name it among who acted; the confirmation says so.
    #[test]
    fn deleting_a_party_counts_power_overrides_and_who_acted() {
        let p = project();
        let gone = party_dependents(&p, "ru");
        assert_eq!((gone.power_overrides, gone.acted_in), (2, 10));
        assert!(
            gone.describe()
                .ends_with(", 2 scenario power overrides and its place in 10 events' who acted"),
            "{}",
            gone.describe()
        );
        // Ukraine: three scenarios override its power; it acts in four events.
        let ua = party_dependents(&p, "ua");
        assert_eq!((ua.power_overrides, ua.acted_in), (3, 4));
    }

    /// Without colours of their own, parties take the palette's by party order: Russia the
    /// first, Ukraine the second, the US the third. Deleting Russia keeps the others'.
    #[test]
    fn colours_survive_deleting_a_party() {
        let mut p = project();
        for party in &mut p.parties {
            party.color = None;
        }
        let before: Vec<String> = ["ua", "us", "eu"]
            .iter()
            .map(|id| p.party_color(id).to_owned())
            .collect();
        assert_eq!(before[0], crate::model::PALETTE[1]);
        remove_party(&mut p, "ru");
        let after: Vec<String> = ["ua", "us", "eu"]
            .iter()
            .map(|id| p.party_color(id).to_owned())
            .collect();
        assert_eq!(after, before);
        let id = add_party(&mut p, "Türkiye");
        assert_eq!(
            p.party(&id).and_then(|x| x.color.as_deref()),
            Some(crate::model::PALETTE[3]),
            "a new party is given the next palette colour and keeps it"
        );
    }

    #[test]
    fn added_items_get_unique_ids_and_names() {
        let mut p = Project::default();
        assert_eq!(add_party(&mut p, "New party"), "new-party");
        assert_eq!(add_party(&mut p, "New party"), "new-party-2");
        let names = ["Scenario", "Scenario 2"];
        assert_eq!(fresh_name("Scenario", names.iter().copied()), "Scenario 3");
        assert_eq!(fresh_name("Other", names.iter().copied()), "Other");
    }

    #[test]
    fn removing_a_source_strips_citations() {
        let mut p = project();
        let id = p.sources[0].id.clone();
        remove_source(&mut p, 0);
        assert!(p.positions.iter().all(|x| !x.sources.contains(&id)));
        assert!(p.events.iter().all(|x| !x.sources.contains(&id)));
        remove_source(&mut p, 99); // out of range: nothing happens
    }
}
