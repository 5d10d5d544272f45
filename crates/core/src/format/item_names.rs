//! How messages name the items of a project: by their names first, then their place in
//! the file ("Russia on Scope (positions[3])"), and the clipping that keeps every quoted
//! run of a hostile file's text to one readable line. Shared by the semantic checks and
//! the text-length limits.

use super::{ItemList, ItemPath};
use crate::model::{Position, Project};

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
pub(super) fn clip_label(mut item: ItemPath) -> ItemPath {
    if item.to_string().len() > 4 * MAX_QUOTED {
        item.label = clip_runs(&item.label);
    }
    item
}

/// Messages quote ids, dates and titles from the file; a hostile file can make one of them
/// megabytes long. Shorten every quoted run to at most `MAX_QUOTED` characters (with an
/// ellipsis) so that each problem stays one readable line.
pub(super) fn clip_quotes(text: &str) -> String {
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
