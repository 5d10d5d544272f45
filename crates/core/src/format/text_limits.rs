//! The longest text a field may hold (docs/file-format.md, "Limits"): a name, title, label
//! or id at most `MAX_LINE_CHARS` characters, a free text (summary, notes, rationale,
//! description) at most `MAX_TEXT_CHARS`. Every view and chart lays these out; without a
//! bound a valid 40 MB file with one long summary made the app allocate gigabytes.

use super::item_names::{Place, label, named, party_label, position_item, short};
use super::{Diagnostic, ItemList, ItemPath, Location};
use crate::model::{Event, Leverage, Position, Project, is_valid_id};

/// The most characters in a one-line field: ids, names, titles, labels, URLs.
pub const MAX_LINE_CHARS: usize = 1_000;
/// The most characters in a free-text field: summary, notes, rationale, description.
pub const MAX_TEXT_CHARS: usize = 100_000;

/// An error for every field over its limit, naming the item as every message does: by its
/// name first (clipped), then its place in the file.
pub fn check(project: &Project) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let p = project;
    if let Some(problem) = over("title", &p.title, MAX_LINE_CHARS) {
        out.push(Diagnostic::error(Location::Field("title"), problem));
    }
    let mut line = |item: &dyn Fn() -> ItemPath, field: &str, text: &str| {
        if let Some(problem) = over(field, text, MAX_LINE_CHARS) {
            out.push(Diagnostic::error(Location::Item(item()), problem));
        }
    };
    for (i, s) in p.sources.iter().enumerate() {
        let item = || named(&s.title, ItemList::Sources, i, &s.id);
        for (field, text) in [
            ("id", s.id.as_str()),
            ("title", &s.title),
            ("author", &s.author),
            ("url", s.url.as_deref().unwrap_or("")),
        ] {
            line(&item, field, text);
        }
    }
    for (i, x) in p.parties.iter().enumerate() {
        let item = || named(&x.name, ItemList::Parties, i, &x.id);
        line(&item, "id", &x.id);
        line(&item, "name", &x.name);
    }
    for (i, x) in p.issues.iter().enumerate() {
        let item = || named(&x.name, ItemList::Issues, i, &x.id);
        for (field, text) in [
            ("id", &x.id),
            ("name", &x.name),
            ("low", &x.low),
            ("high", &x.high),
        ] {
            line(&item, field, text);
        }
        for (m, mark) in x.marks.iter().enumerate() {
            let item = || named(&x.name, ItemList::Issues, i, &x.id).with_part(ItemList::Marks, m);
            line(&item, "label", &mark.label);
        }
    }
    let places = places(p);
    for (place, (_, leverage, events)) in places.iter().zip(lists(p)) {
        let place = place.as_place();
        for (i, l) in leverage.iter().enumerate() {
            let item = || leverage_item(p, place, i, l);
            line(&item, "instrument", &l.instrument);
        }
        for (i, e) in events.iter().enumerate() {
            let item = || event_item(place, i, e);
            line(&item, "title", &e.title);
        }
    }
    for (i, s) in p.scenarios.iter().enumerate() {
        let item = || named(&s.name, ItemList::Scenarios, i, &s.id);
        line(&item, "id", &s.id);
        line(&item, "name", &s.name);
    }

    if let Some(problem) = over("summary", &p.summary, MAX_TEXT_CHARS) {
        out.push(Diagnostic::error(Location::Field("summary"), problem));
    }
    let mut text = |item: &dyn Fn() -> ItemPath, field: &str, text: &str| {
        if let Some(problem) = over(field, text, MAX_TEXT_CHARS) {
            out.push(Diagnostic::error(Location::Item(item()), problem));
        }
    };
    for (i, x) in p.parties.iter().enumerate() {
        text(
            &|| named(&x.name, ItemList::Parties, i, &x.id),
            "notes",
            &x.notes,
        );
    }
    for (i, x) in p.issues.iter().enumerate() {
        text(
            &|| named(&x.name, ItemList::Issues, i, &x.id),
            "notes",
            &x.notes,
        );
    }
    for (place, (positions, _, events)) in places.iter().zip(lists(p)) {
        let place = place.as_place();
        for (i, pos) in positions.iter().enumerate() {
            let item = || position_item(p, place, i, pos);
            text(&item, "rationale", &pos.rationale);
        }
        for (i, e) in events.iter().enumerate() {
            text(&|| event_item(place, i, e), "notes", &e.notes);
        }
    }
    for (i, s) in p.scenarios.iter().enumerate() {
        let item = || named(&s.name, ItemList::Scenarios, i, &s.id);
        text(&item, "description", &s.description);
    }
    out
}

/// Where a list sits: (None, "") for the base, (Some(0), ", scenario Name").
struct OwnedPlace(Option<usize>, String);

impl OwnedPlace {
    fn as_place(&self) -> Place<'_> {
        Place {
            scenario: self.0,
            within: &self.1,
        }
    }
}

fn places(p: &Project) -> Vec<OwnedPlace> {
    let mut out = vec![OwnedPlace(None, String::new())];
    for (i, s) in p.scenarios.iter().enumerate() {
        out.push(OwnedPlace(
            Some(i),
            format!(", scenario {}", label(&s.name, &s.id)),
        ));
    }
    out
}

/// The base's lists, then each scenario's, in the order of `places`.
fn lists(p: &Project) -> Vec<(&[Position], &[Leverage], &[Event])> {
    let mut out = vec![(
        p.positions.as_slice(),
        p.leverage.as_slice(),
        p.events.as_slice(),
    )];
    for s in &p.scenarios {
        out.push((
            s.positions.as_slice(),
            s.leverage.as_slice(),
            s.events.as_slice(),
        ));
    }
    out
}

/// "United States over Ukraine: Aid pause (leverage[0])".
fn leverage_item(p: &Project, place: Place, i: usize, l: &Leverage) -> ItemPath {
    let label = format!(
        "{} over {}: {}{}",
        party_label(p, &l.holder),
        party_label(p, &l.target),
        short(&l.instrument),
        place.within
    );
    ItemPath::new(ItemList::Leverage, i, label).in_scenario(place.scenario)
}

/// "Talks open, 2025-03-11 (events[0])".
fn event_item(place: Place, i: usize, e: &Event) -> ItemPath {
    let label = format!("{}, {}{}", short(&e.title), e.date, place.within);
    ItemPath::new(ItemList::Events, i, label).in_scenario(place.scenario)
}

/// What is wrong with `text` in `field`, which may hold `max` characters, if anything.
fn over(field: &str, text: &str, max: usize) -> Option<String> {
    // Bytes bound characters from above: count characters only when the bytes exceed.
    if text.len() <= max {
        return None;
    }
    let chars = text.chars().count();
    if chars <= max {
        return None;
    }
    // An id that is not valid is reported by the id check already: one message a field.
    if field == "id" && !is_valid_id(text) {
        return None;
    }
    let advice = if field == "id" {
        "shorten it; an id only names the item for references (renaming it in the app's \
         inspector updates every reference)"
    } else if max == MAX_TEXT_CHARS {
        "shorten it, or keep the long text in a document of its own and cite it as a source"
    } else {
        "shorten it; a longer description belongs in the notes"
    };
    Some(format!(
        "{field} is {} characters long, and the most it may hold is {}; {advice}",
        thousands(chars),
        thousands(max)
    ))
}

/// 100000 -> "100,000".
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::generate::{GenerateSpec, generate};

    fn small() -> Project {
        generate(GenerateSpec {
            parties: 2,
            issues: 2,
            events: 3,
            seed: 1,
        })
    }

    #[test]
    fn text_at_the_limit_passes_and_one_more_character_fails() {
        let mut p = small();
        p.summary = "é".repeat(MAX_TEXT_CHARS); // 2 bytes each: counted as characters
        p.parties[1].name = "x".repeat(MAX_LINE_CHARS);
        assert!(check(&p).is_empty());
        p.summary.push('a');
        p.parties[1].name.push('x');
        let messages: Vec<String> = check(&p).iter().map(ToString::to_string).collect();
        assert_eq!(
            messages,
            [
                format!(
                    "{}… (parties[1]): error: name is 1,001 characters long, and the most it \
                     may hold is 1,000; shorten it; a longer description belongs in the notes",
                    "x".repeat(39)
                ),
                "summary: error: summary is 100,001 characters long, and the most it may \
                 hold is 100,000; shorten it, or keep the long text in a document of its own \
                 and cite it as a source"
                    .to_owned(),
            ]
        );
    }

    #[test]
    fn a_long_valid_id_is_refused_once_and_an_invalid_one_left_to_the_id_check() {
        let mut p = small();
        p.issues[0].id = "a".repeat(MAX_LINE_CHARS + 1);
        let found = check(&p);
        assert_eq!(found.len(), 1);
        assert!(found[0].message.starts_with("id is 1,001 characters long"));
        assert!(found[0].message.contains("renaming it in the app"));
        p.issues[0].id = "A".repeat(MAX_LINE_CHARS + 1);
        assert!(check(&p).is_empty());
    }

    #[test]
    fn scenario_items_are_named_by_their_place() {
        let mut p = small();
        let mut pos = p.positions[0].clone();
        pos.rationale = "r".repeat(MAX_TEXT_CHARS + 5);
        p.scenarios[0].positions.push(pos);
        let found = check(&p);
        assert_eq!(found.len(), 1);
        let Location::Item(item) = &found[0].location else {
            panic!("not an item: {:?}", found[0].location);
        };
        assert_eq!(
            (item.scenario, item.list, item.index, item.part),
            (Some(0), ItemList::Positions, 0, None)
        );
        assert_eq!(
            item.to_string(),
            format!(
                "{} on {}, scenario Party 0 grows stronger (scenarios[0].positions[0])",
                p.parties[0].name, p.issues[0].name
            )
        );
        assert_eq!(thousands(1_234_567), "1,234,567");
    }
}
