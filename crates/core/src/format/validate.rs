//! Semantic checks of a parsed project (shared/FORMAT.md, "Validation"): every error and
//! warning, each naming the item, what is wrong, what is allowed and what to do. This file
//! walks the project and checks leverage and events; `references`, `values` and
//! `positions` hold the checks of ids, of numbers and dates, and of positions.

mod positions;
mod references;
mod values;

use super::item_names::{BASE, Place, clip_label, clip_quotes, label, named, party_label, short};
use super::{Diagnostic, ItemList, ItemPath, Location};
use crate::model::{Event, FORMAT_VERSION, Leverage, Project, parse_color, parse_date};
use references::Kind;
use std::collections::HashSet;
use values::date_problem;

/// Every error and warning in `project`, in file order.
pub fn validate(project: &Project) -> Vec<Diagnostic> {
    let mut checker = Checker {
        project,
        out: Vec::new(),
        party_ids: project.parties.iter().map(|x| x.id.as_str()).collect(),
        issue_ids: project.issues.iter().map(|x| x.id.as_str()).collect(),
        source_ids: project.sources.iter().map(|x| x.id.as_str()).collect(),
        last_found: [None; 3],
    };
    checker.project();
    checker.out.extend(super::text_limits::check(project));
    checker.out
}

/// The item a check is about, made only when there is something to report: a large project
/// has tens of thousands of items and almost never a problem.
type Item<'i> = &'i dyn Fn() -> ItemPath;

struct Checker<'a> {
    project: &'a Project,
    out: Vec<Diagnostic>,
    // Every id of each kind, so that checking the thousands of references in a large
    // project costs one hash lookup each rather than a scan of the list.
    party_ids: HashSet<&'a str>,
    issue_ids: HashSet<&'a str>,
    source_ids: HashSet<&'a str>,
    /// The last id found of each `Kind`.
    last_found: [Option<&'a str>; 3],
}

impl<'a> Checker<'a> {
    fn error(&mut self, item: Item, message: String) {
        self.out.push(Diagnostic::error(
            Location::Item(clip_label(item())),
            clip_quotes(&message),
        ));
    }

    fn warning(&mut self, item: Item, message: String) {
        self.out.push(Diagnostic::warning(
            Location::Item(clip_label(item())),
            clip_quotes(&message),
        ));
    }

    /// An error about a top-level field of the project.
    fn field_error(&mut self, field: &'static str, message: String) {
        self.out.push(Diagnostic::error(
            Location::Field(field),
            clip_quotes(&message),
        ));
    }

    fn project(&mut self) {
        let p = self.project;
        if p.format != FORMAT_VERSION {
            self.field_error(
                "format",
                format!(
                    "format {} does not exist; this stancemap reads format {FORMAT_VERSION}, \
                     so write `format: {FORMAT_VERSION},`",
                    p.format
                ),
            );
        }
        if p.title.trim().is_empty() {
            self.field_error(
                "title",
                "the title is empty; give the project a title, such as \
                 \"Ceasefire talks, March 2025\""
                    .into(),
            );
        }
        if let Some(problem) = date_problem("as_of", p.as_of.as_deref()) {
            self.field_error("as_of", problem);
        }

        let ids: Vec<_> = p
            .sources
            .iter()
            .map(|s| (s.id.as_str(), s.title.as_str()))
            .collect();
        self.unique_ids(ItemList::Sources, "source", &ids);
        for (i, source) in p.sources.iter().enumerate() {
            let item = || named(&source.title, ItemList::Sources, i, &source.id);
            self.date(&item, "published", source.published.as_deref());
        }

        let ids: Vec<_> = p
            .parties
            .iter()
            .map(|x| (x.id.as_str(), x.name.as_str()))
            .collect();
        self.unique_ids(ItemList::Parties, "party", &ids);
        for (i, party) in p.parties.iter().enumerate() {
            let item = || named(&party.name, ItemList::Parties, i, &party.id);
            self.unit(&item, "power", party.power);
            if let Some(color) = &party.color
                && parse_color(color).is_none()
            {
                self.error(
                    &item,
                    format!(
                        "color {color:?} is not a colour of the form \"#RRGGBB\" (six hex \
                         digits); write one such as \"#C0392B\", or leave `color` out for a \
                         palette colour"
                    ),
                );
            }
        }

        let ids: Vec<_> = p
            .issues
            .iter()
            .map(|x| (x.id.as_str(), x.name.as_str()))
            .collect();
        self.unique_ids(ItemList::Issues, "issue", &ids);
        for (i, issue) in p.issues.iter().enumerate() {
            for (m, mark) in issue.marks.iter().enumerate() {
                let item = || {
                    let label = format!(
                        "{}, mark {:?}",
                        label(&issue.name, &issue.id),
                        short(&mark.label)
                    );
                    ItemPath::new(ItemList::Issues, i, label).with_part(ItemList::Marks, m)
                };
                self.scale(&item, "at", mark.at);
            }
        }

        let (first, again) = self.positions(BASE, &p.positions);
        self.missing_positions(&first);
        self.leverage_list(BASE, &p.leverage);
        self.events(BASE, &p.events, true);
        self.trajectories(&first, &again);

        self.scenarios();
    }

    /// Each scenario: a unique id, then its lists, checked as the base's are.
    fn scenarios(&mut self) {
        let p = self.project;
        let ids: Vec<_> = p
            .scenarios
            .iter()
            .map(|x| (x.id.as_str(), x.name.as_str()))
            .collect();
        self.unique_ids(ItemList::Scenarios, "scenario", &ids);
        for (i, scenario) in p.scenarios.iter().enumerate() {
            let within = format!(", scenario {}", label(&scenario.name, &scenario.id));
            let place = Place {
                scenario: Some(i),
                within: &within,
            };
            self.positions(place, &scenario.positions);
            self.leverage_list(place, &scenario.leverage);
            for (j, over) in scenario.power.iter().enumerate() {
                let item = || {
                    let label = format!("power of {}{within}", party_label(p, &over.party));
                    ItemPath::new(ItemList::Power, j, label).in_scenario(Some(i))
                };
                self.reference(&item, Kind::Party, "party", &over.party);
                self.unit(&item, "power", over.power);
            }
            self.events(place, &scenario.events, false);
        }
    }

    fn leverage_list(&mut self, place: Place, list: &[Leverage]) {
        let project = self.project;
        for (i, lev) in list.iter().enumerate() {
            let item = || {
                let label = format!(
                    "{} over {}{}{}",
                    party_label(project, &lev.holder),
                    party_label(project, &lev.target),
                    if lev.instrument.trim().is_empty() {
                        String::new()
                    } else {
                        format!(": {}", short(&lev.instrument))
                    },
                    place.within
                );
                ItemPath::new(ItemList::Leverage, i, label).in_scenario(place.scenario)
            };
            self.reference(&item, Kind::Party, "holder", &lev.holder);
            self.reference(&item, Kind::Party, "target", &lev.target);
            if lev.holder == lev.target {
                self.error(
                    &item,
                    format!(
                        "party {:?} holds leverage over itself; leverage is what a holder can do \
                         to another party: change the target (an Alternative names the party \
                         it is the alternative to a deal with)",
                        lev.holder
                    ),
                );
            }
            self.unit(&item, "strength", lev.strength);
            self.unit(&item, "credibility", lev.credibility);
            self.unit(&item, "cost", lev.cost);
            self.references(&item, Kind::Issue, "issue", &lev.issues);
            self.references(&item, Kind::Source, "source", &lev.sources);
        }
    }

    fn events(&mut self, place: Place, events: &[Event], base: bool) {
        let as_of = self.project.as_of.as_deref().and_then(parse_date);
        let project = self.project;
        for (i, event) in events.iter().enumerate() {
            let event_label = || {
                format!(
                    "{}, {}{}",
                    short(&event.title),
                    short(&event.date),
                    place.within
                )
            };
            let item =
                || ItemPath::new(ItemList::Events, i, event_label()).in_scenario(place.scenario);
            self.date(&item, "date", Some(&event.date));
            self.references(&item, Kind::Party, "party", &event.parties);
            for (j, shift) in event.shifts.iter().enumerate() {
                let shift_item = || {
                    let issue = project
                        .issue(&shift.issue)
                        .map_or_else(|| format!("{:?}", shift.issue), |x| label(&x.name, &x.id));
                    let label = format!(
                        "{} on {issue} in event {}",
                        party_label(project, &shift.party),
                        event_label()
                    );
                    ItemPath::new(ItemList::Events, i, label)
                        .in_scenario(place.scenario)
                        .with_part(ItemList::Shifts, j)
                };
                self.reference(&shift_item, Kind::Party, "party", &shift.party);
                self.reference(&shift_item, Kind::Issue, "issue", &shift.issue);
                self.scale(&shift_item, "stance", shift.stance);
            }
            self.references(&item, Kind::Source, "source", &event.sources);
            if base
                && let (Some(as_of), Some(date)) = (as_of, parse_date(&event.date))
                && date > as_of
            {
                self.warning(
                    &item,
                    format!(
                        "the event is dated {date}, after as_of {as_of}; a future event \
                         belongs in a scenario (or move as_of)"
                    ),
                );
            }
        }
    }
}
