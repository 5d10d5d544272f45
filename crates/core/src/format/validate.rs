//! Semantic checks of a parsed project (shared/FORMAT.md, "Validation"): every error and
//! warning, each naming the item, what is wrong, what is allowed and what to do.

use super::{Diagnostic, ItemList, ItemPath, Location, suggest::closest};
use crate::model::{
    Event, FORMAT_VERSION, Leverage, Position, Project, Role, is_valid_id, parse_color, parse_date,
    unique_id,
};
use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};

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

/// The lists an item sits in: the base's (`scenario` None) or a scenario's, whose items'
/// labels end with `within`, ", scenario Drag-out".
#[derive(Clone, Copy)]
pub(super) struct Place<'s> {
    pub scenario: Option<usize>,
    pub within: &'s str,
}

/// The base project's lists.
pub(super) const BASE: Place<'static> = Place {
    scenario: None,
    within: "",
};

/// A position as the user knows it, by names first: "Russia on Scope (positions[3])"; by
/// ids when either is not in the project (the message then says which).
pub(super) fn position_item(project: &Project, place: Place, i: usize, pos: &Position) -> ItemPath {
    let within = place.within;
    let label = match (project.party(&pos.party), project.issue(&pos.issue)) {
        (Some(party), Some(issue)) => format!(
            "{} on {}{within}",
            label(&party.name, &party.id),
            label(&issue.name, &issue.id)
        ),
        _ => format!("party {:?} on issue {:?}{within}", pos.party, pos.issue),
    };
    ItemPath::new(ItemList::Positions, i, label).in_scenario(place.scenario)
}

/// An item by its name first, "Russia (parties[2])"; by its id when it has no name,
/// `parties[2] ("ru")`.
pub(super) fn named(name: &str, list: ItemList, index: usize, id: &str) -> ItemPath {
    if name.trim().is_empty() {
        ItemPath::new(list, index, format!("{id:?}")).place_first()
    } else {
        ItemPath::new(list, index, short(name))
    }
}

/// An item's name, or its id in quotes when it has no name.
pub(super) fn label(name: &str, id: &str) -> String {
    if name.trim().is_empty() {
        format!("{id:?}")
    } else {
        short(name)
    }
}

/// A party's name for an item label, or its id in quotes when the project has no such party.
pub(super) fn party_label(project: &Project, id: &str) -> String {
    project
        .party(id)
        .map_or_else(|| format!("{id:?}"), |p| label(&p.name, id))
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

/// What kind of id a reference points to, for lookups and messages.
#[derive(Clone, Copy)]
enum Kind {
    Party,
    Issue,
    Source,
}

impl Kind {
    fn noun(self) -> (&'static str, &'static str) {
        match self {
            Kind::Party => ("party", "parties"),
            Kind::Issue => ("issue", "issues"),
            Kind::Source => ("source", "sources"),
        }
    }
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

    /// The ids of `kind` in file order, each once (a duplicate id is reported elsewhere).
    fn ids(&self, kind: Kind) -> Vec<&'a str> {
        let p = self.project;
        let mut ids: Vec<&'a str> = match kind {
            Kind::Party => p.parties.iter().map(|x| x.id.as_str()).collect(),
            Kind::Issue => p.issues.iter().map(|x| x.id.as_str()).collect(),
            Kind::Source => p.sources.iter().map(|x| x.id.as_str()).collect(),
        };
        let mut seen = std::collections::HashSet::new();
        ids.retain(|id| seen.insert(*id));
        ids
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

    /// Ids must be valid and unique within their list; `ids` holds each item's id and name.
    fn unique_ids(&mut self, list: ItemList, noun: &str, ids: &[(&str, &str)]) {
        let mut first: HashMap<&str, usize> = HashMap::new();
        for (i, &(id, name)) in ids.iter().enumerate() {
            let item = || named(name, list, i, id);
            if id.is_empty() {
                self.error(
                    &item,
                    format!(
                        "the {noun} has an empty id; give it an id of lowercase letters a-z, \
                         digits, \"-\" and \"_\""
                    ),
                );
            } else if !is_valid_id(id) {
                let suggestion = unique_id(id, std::iter::empty());
                self.error(
                    &item,
                    format!(
                        "id {id:?} is not valid; an id uses only lowercase letters a-z, \
                         digits 0-9, \"-\" and \"_\" (for example {suggestion:?})"
                    ),
                );
            }
            match first.get(id) {
                Some(&j) => self.error(
                    &item,
                    format!(
                        "duplicate {noun} id {id:?} (also {}[{j}]); give each {noun} its \
                         own id",
                        list.field()
                    ),
                ),
                None => {
                    first.insert(id, i);
                }
            }
        }
    }

    /// A reference (`field` holds `id`) to an id of `kind` that must exist.
    fn reference(&mut self, item: Item, kind: Kind, field: &str, id: &str) {
        // Neighbouring items tend to name the same party or issue (a file lists the
        // positions issue by issue, say): remember the last id found of each kind.
        if self.last_found[kind as usize] == Some(id) {
            return;
        }
        let exists = match kind {
            Kind::Party => &self.party_ids,
            Kind::Issue => &self.issue_ids,
            Kind::Source => &self.source_ids,
        };
        if let Some(&found) = exists.get(id) {
            self.last_found[kind as usize] = Some(found);
            return;
        }
        let known = self.ids(kind);
        let (noun, plural) = kind.noun();
        let message = if known.is_empty() {
            format!(
                "{field} {id:?} does not exist (the project has no {plural}); add it under \
                 `{plural}`"
            )
        } else {
            let mut list: Vec<String> = known.iter().take(12).map(|k| format!("{k:?}")).collect();
            if known.len() > 12 {
                list.push("...".into());
            }
            let advice = match closest(id, known.iter().copied()) {
                Some(near) => format!("did you mean {near:?}?"),
                None => format!("use one of them or add the {noun} under `{plural}`"),
            };
            format!(
                "{field} {id:?} does not exist (known {plural}: {}); {advice}",
                list.join(", ")
            )
        };
        self.error(item, message);
    }

    fn references(&mut self, item: Item, kind: Kind, field: &str, ids: &[String]) {
        for id in ids {
            self.reference(item, kind, field, id);
        }
    }

    /// A point on an issue scale, 0..=100.
    fn scale(&mut self, item: Item, field: &str, value: f64) {
        self.range(
            item,
            field,
            value,
            100.0,
            "a point on the issue scale, from 0 to 100",
        );
    }

    /// A weight, 0..=1.
    fn unit(&mut self, item: Item, field: &str, value: f64) {
        self.range(item, field, value, 1.0, "a value from 0 to 1");
    }

    fn range(&mut self, item: Item, field: &str, value: f64, max: f64, allowed: &str) {
        let problem = if value.is_nan() {
            format!("{field} is NaN (not a number)")
        } else if value.is_infinite() {
            format!("{field} is infinite (a number too large to store)")
        } else if !(0.0..=max).contains(&value) {
            format!("{field} {} is outside 0..={max}", number(value))
        } else {
            return;
        };
        self.error(item, format!("{problem}; use {allowed}"));
    }

    fn date(&mut self, item: Item, field: &str, date: Option<&str>) {
        if let Some(problem) = date_problem(field, date) {
            self.error(item, problem);
        }
    }

    /// Check a list of positions; returns where each (party, issue) first has one, and the
    /// indices of the positions that repeat a (party, issue).
    fn positions(
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
    fn missing_positions(&mut self, positions: &HashMap<(&str, &str), usize>) {
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

    /// The last shift of each (party, issue) in the base timeline should equal the stance.
    /// `first` and `again`: where each (party, issue) has its first base position, and the
    /// indices of any further ones (from `positions`).
    fn trajectories(&mut self, first: &HashMap<(&str, &str), usize>, again: &[usize]) {
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

/// What is wrong with a date `field`, if anything.
fn date_problem(field: &str, date: Option<&str>) -> Option<String> {
    let date = date?;
    parse_date(date).is_none().then(|| {
        format!(
            "{field} {date:?} is not a valid date; write a real calendar date as YYYY-MM-DD, \
             such as \"2025-03-13\""
        )
    })
}

/// A number as a person writes it: 1.5, 120, -3; huge or tiny ones in exponent form.
fn number(value: f64) -> String {
    if value == 0.0 || (1e-6..1e9).contains(&value.abs()) {
        format!("{value}")
    } else {
        format!("{value:e}")
    }
}

/// A title cut to a length that fits in an item name.
pub(super) fn short(title: &str) -> String {
    const MAX: usize = 40;
    if title.chars().count() <= MAX {
        title.to_owned()
    } else {
        let cut: String = title.chars().take(MAX - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// The longest quoted run kept in a message or an item's label, and four times it the
/// longest line left untouched.
const MAX_QUOTED: usize = 60;

/// An item's label clipped as `clip_quotes` clips a message, judged by the length of the
/// whole item as printed: its place never holds a quote, so only the label changes.
fn clip_label(mut item: ItemPath) -> ItemPath {
    if item.to_string().len() > 4 * MAX_QUOTED {
        item.label = clip_runs(&item.label);
    }
    item
}

/// Messages quote ids, dates and titles from the file; a hostile file can make one of them
/// megabytes long. Shorten every quoted run to at most `MAX_QUOTED` characters (with an
/// ellipsis) so that each problem stays one readable line.
fn clip_quotes(text: &str) -> String {
    if text.len() <= 4 * MAX_QUOTED {
        return text.to_owned();
    }
    clip_runs(text)
}

/// Every quoted run of `text` cut to `MAX_QUOTED` characters, whatever its length.
fn clip_runs(text: &str) -> String {
    const MAX: usize = MAX_QUOTED;
    let mut out = String::with_capacity(4 * MAX);
    let mut quoted = 0usize; // characters so far inside the current quotes
    let mut inside = false;
    let mut escaped = false;
    for c in text.chars() {
        if inside && !escaped && c == '"' {
            inside = false;
            out.push(c);
            continue;
        }
        if !inside && c == '"' {
            inside = true;
            quoted = 0;
            out.push(c);
            continue;
        }
        if inside {
            escaped = !escaped && c == '\\';
            quoted += 1;
            if quoted == MAX {
                out.push('…');
            }
            if quoted >= MAX {
                continue;
            }
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod clip_tests {
    use super::clip_quotes;

    #[test]
    fn short_messages_are_untouched_and_long_quotes_are_cut() {
        let short = r#"party "ua" does not exist"#;
        assert_eq!(clip_quotes(short), short);
        let long = format!(r#"id "{}" is not valid; use "a-z""#, "A".repeat(1000));
        let clipped = clip_quotes(&long);
        // 59 characters kept, then the ellipsis, then the closing quote and the rest.
        assert_eq!(
            clipped,
            format!(r#"id "{}…" is not valid; use "a-z""#, "A".repeat(59))
        );
    }

    #[test]
    fn escaped_quotes_do_not_end_a_quoted_run() {
        let long = format!(r#"title "{}\"{}" here"#, "x".repeat(30), "y".repeat(400));
        let clipped = clip_quotes(&long);
        assert!(clipped.ends_with(r#"…" here"#), "{clipped}");
        assert!(clipped.chars().count() < 80);
    }
}
