//! The checks of positions: one per (party, issue) in a list, each stance on the right
//! side of its own walk-away, a position of every Principal on every issue, and each base
//! trajectory of shifts ending at the stance.

use super::values::number;
use super::{Checker, Kind};
use crate::format::item_names::{BASE, Place, named, position_item};
use crate::format::{ItemList, ItemPath};
use crate::model::{Position, Role, parse_date};
use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};

impl<'a> Checker<'a> {
    /// Check a list of positions; returns where each (party, issue) first has one, and the
    /// indices of the positions that repeat a (party, issue).
    pub(super) fn positions(
        &mut self,
        place: Place,
        positions: &'a [Position],
    ) -> (HashMap<(&'a str, &'a str), usize>, Vec<usize>) {
        let mut again = Vec::new();
        let mut first: HashMap<(&str, &str), usize> = HashMap::with_capacity(positions.len());
        let project = self.project;
        for (i, pos) in positions.iter().enumerate() {
            let item = || position_item(project, place, i, pos);
            self.reference(&item, Kind::Party, "party", &pos.party);
            self.reference(&item, Kind::Issue, "issue", &pos.issue);
            self.scale(&item, "stance", pos.stance);
            if let Some(ideal) = pos.ideal {
                self.scale(&item, "ideal", ideal);
            }
            if let Some(walk_away) = pos.walk_away {
                self.scale(&item, "walk_away", walk_away);
            }
            self.unit(&item, "salience", pos.salience);
            self.references(&item, Kind::Source, "source", &pos.sources);
            match first.entry((&pos.party, &pos.issue)) {
                Entry::Occupied(j) => {
                    again.push(i);
                    self.error(
                        &item,
                        format!(
                            "a second position of party {:?} on issue {:?} (the first is \
                         {}); keep only one",
                            pos.party,
                            pos.issue,
                            ItemPath::new(ItemList::Positions, *j.get(), "")
                                .in_scenario(place.scenario)
                                .place()
                        ),
                    );
                }
                Entry::Vacant(slot) => {
                    slot.insert(i);
                }
            }
            if let Some(walk_away) = pos.walk_away
                && !pos.accepts(pos.stance)
                && pos.stance.is_finite()
                && walk_away.is_finite()
            {
                let side = if pos.ideal() >= walk_away {
                    "below"
                } else {
                    "above"
                };
                self.warning(
                    &item,
                    format!(
                        "stance {} is {side} walk_away {}, on the wrong side for ideal {}: \
                         the party would reject its own stance; move the stance or the \
                         walk-away",
                        number(pos.stance),
                        number(walk_away),
                        number(pos.ideal())
                    ),
                );
            }
        }
        (first, again)
    }

    /// Every Principal should have a position on every issue.
    /// One warning per Principal, however many issues it lacks, so that a small file
    /// cannot flood the output (1,000 Principals x 1,000 issues would be a million lines).
    pub(super) fn missing_positions(&mut self, positions: &HashMap<(&str, &str), usize>) {
        const LISTED: usize = 5;
        let p = self.project;
        // Each party's issues, and how often each issue id is listed: the count of missing
        // issues and the first few of them then cost what the party has, not parties x
        // issues (10,000 Principals x 5,000 issues took 2 s of hashing).
        let mut of_party: HashMap<&str, HashSet<&str>> = HashMap::new();
        for &(party, issue) in positions.keys() {
            of_party.entry(party).or_default().insert(issue);
        }
        let mut listed: HashMap<&str, usize> = HashMap::new();
        for issue in &p.issues {
            *listed.entry(issue.id.as_str()).or_default() += 1;
        }
        let none = HashSet::new();
        for (i, party) in p.parties.iter().enumerate() {
            if party.role != Role::Principal {
                continue;
            }
            let have = of_party.get(party.id.as_str()).unwrap_or(&none);
            let present: usize = have.iter().filter_map(|id| listed.get(id)).sum();
            let count = p.issues.len() - present;
            let first: Vec<&str> = p
                .issues
                .iter()
                .map(|issue| issue.id.as_str())
                .filter(|issue| !have.contains(issue))
                .take(LISTED)
                .collect();
            let missing = (count, first);
            let what = match missing {
                (0, _) => continue,
                (1, first) => format!("issue {:?}", first[0]),
                (many, first) => {
                    let mut list: Vec<String> = first.iter().map(|id| format!("{id:?}")).collect();
                    if many > LISTED {
                        list.push(format!("and {} more", many - LISTED));
                    }
                    format!("{many} issues: {}", list.join(", "))
                }
            };
            self.warning(
                &|| named(&party.name, ItemList::Parties, i, &party.id),
                format!(
                    "this Principal has no position on {what}; add one (a Principal must \
                     consent to any deal), or make the party a Mediator or Stakeholder"
                ),
            );
        }
    }

    /// The last shift of each (party, issue) in the base timeline should equal the stance.
    /// `first` and `again`: where each (party, issue) has its first base position, and the
    /// indices of any further ones (from `positions`).
    pub(super) fn trajectories(&mut self, first: &HashMap<(&str, &str), usize>, again: &[usize]) {
        let p = self.project;
        // (party, issue) -> (date, event index, stance) of the latest shift; later in the
        // file wins among events of the same date.
        let mut last: HashMap<(&str, &str), (&str, usize, f64)> = HashMap::new();
        for (i, event) in p.events.iter().enumerate() {
            if parse_date(&event.date).is_none() {
                continue;
            }
            for shift in &event.shifts {
                let key = (shift.party.as_str(), shift.issue.as_str());
                let newer = last
                    .get(&key)
                    .is_none_or(|(date, _, _)| event.date.as_str() >= *date);
                if newer {
                    last.insert(key, (&event.date, i, shift.stance));
                }
            }
        }
        // The positions with a trajectory, in file order: found from the (usually far fewer)
        // trajectories rather than by looking up every position.
        let key = |i: usize| {
            let pos = &p.positions[i];
            (pos.party.as_str(), pos.issue.as_str())
        };
        let mut with_shifts: Vec<usize> =
            last.keys().filter_map(|k| first.get(k).copied()).collect();
        with_shifts.extend(
            again
                .iter()
                .copied()
                .filter(|&i| last.contains_key(&key(i))),
        );
        with_shifts.sort_unstable();
        for i in with_shifts {
            let pos = &p.positions[i];
            let Some(&(date, e, stance)) = last.get(&key(i)) else {
                continue;
            };
            if stance != pos.stance && stance.is_finite() && pos.stance.is_finite() {
                self.warning(
                    &|| position_item(p, BASE, i, pos),
                    format!(
                        "stance {} differs from the last shift of this trajectory, {} at \
                         events[{e}] ({date}); the trajectory should end at the stance, so \
                         update one of them",
                        number(pos.stance),
                        number(stance)
                    ),
                );
            }
        }
    }
}
