//! Readable ids in the editor: a new item's id follows the first name it is given, the id
//! can be edited in the inspector (renaming every reference, one undo step), and the
//! selection follows an id that undo or redo changed back.

use crate::document::{Document, EditKey};
use crate::model::{IdKind, Project, derived_id, rename_id};
use crate::{Selection, Shell};
use eframe::egui;
use egui::{RichText, Ui};

/// The name the editor gives a new item of `kind` ("New party", "New party 2", ...).
pub fn placeholder(kind: IdKind) -> &'static str {
    match kind {
        IdKind::Party => "New party",
        IdKind::Issue => "New issue",
        IdKind::Scenario => "New scenario",
        IdKind::Source => "New source",
    }
}

/// Whether `name` is one the editor made up: the placeholder (numbered or not), a copy's
/// "(copy)" name, or nothing at all.
pub fn is_placeholder(kind: IdKind, name: &str) -> bool {
    let base = placeholder(kind);
    let numbered = name
        .strip_prefix(base)
        .and_then(|rest| rest.strip_prefix(' '))
        .is_some_and(|n| n.parse::<u32>().is_ok());
    name.trim().is_empty() || name == base || numbered || name.ends_with(" (copy)")
}

/// The id item `index` of `kind` should take after its name changed from what it was in
/// `start` (the project before this typing session) to what it is in `now`: a new id made
/// from the new name while the item still had its made-up name and the id made from it;
/// `None` when the id stays.
pub fn followed_id(start: &Project, now: &Project, kind: IdKind, index: usize) -> Option<String> {
    let (start_id, start_name) = *kind.items(start).get(index)?;
    let (id, name) = *kind.items(now).get(index)?;
    // (Earlier keystrokes of this session may have changed the id already: what counts is
    // how the session began.)
    let was_made_up = is_placeholder(kind, start_name)
        && start_id == derived_id(start, kind, start_id, start_name);
    if !was_made_up || name == start_name {
        return None;
    }
    Some(derived_id(now, kind, id, name)).filter(|new| new != id)
}

/// After the edit `key` wrote item `index` of `kind`: let its id follow a first real name,
/// in the same undo step, and keep the selection on it. Returns the id the item has now.
pub fn follow_name(
    doc: &mut Document,
    shell: &mut Shell,
    kind: IdKind,
    index: usize,
    key: EditKey,
) -> Option<String> {
    let old = kind.items(doc.project()).get(index)?.0.to_owned();
    let Some(new) = followed_id(doc.group_start(key), doc.project(), kind, index) else {
        return Some(old);
    };
    doc.edit(Some(key), |p| {
        let _ = rename_id(p, kind, &old, &new);
    });
    renamed(shell, kind, &old, &new);
    Some(new)
}

/// Point the selection and the active scenario at an item's new id.
pub fn renamed(shell: &mut Shell, kind: IdKind, old: &str, new: &str) {
    let swap = |id: &mut String| {
        if id == old {
            *id = new.to_owned();
        }
    };
    match (kind, &mut shell.selection) {
        (IdKind::Party, Some(Selection::Party(id)))
        | (IdKind::Issue, Some(Selection::Issue(id)))
        | (IdKind::Scenario, Some(Selection::Scenario(id))) => swap(id),
        (IdKind::Party, Some(Selection::Cell { party, .. })) => swap(party),
        (IdKind::Issue, Some(Selection::Cell { issue, .. })) => swap(issue),
        (IdKind::Scenario, Some(Selection::Leverage { scenario, .. }))
        | (IdKind::Scenario, Some(Selection::Event { scenario, .. })) => {
            if let Some(id) = scenario {
                swap(id);
            }
        }
        _ => {}
    }
    if kind == IdKind::Scenario
        && let Some(id) = &mut shell.scenario
    {
        swap(id);
    }
}

/// After undo or redo took the project from `before` to `after`: an item whose id changed
/// (same place in its list, same count) stays selected under its id in `after`.
pub fn follow_undo(shell: &mut Shell, before: &Project, after: &Project) {
    for kind in [IdKind::Party, IdKind::Issue, IdKind::Scenario] {
        let (a, b) = (kind.items(before), kind.items(after));
        if a.len() != b.len() {
            continue;
        }
        for ((old, _), (new, _)) in a.iter().zip(&b) {
            if old != new && !b.iter().any(|(id, _)| id == old) {
                renamed(shell, kind, old, new);
            }
        }
    }
}

/// Where the id field keeps the text being typed, and the last refusal to show.
fn keys(kind: IdKind) -> (egui::Id, egui::Id) {
    let field = egui::Id::unique(("id-field", kind.noun()));
    (field, field.with("error"))
}

/// The id of the selected item as a row of the inspector's form grid ("Id" and a field,
/// then why the last change was refused, if it was). Returns the id typed once the user
/// presses Enter or leaves the field; the inspector passes it to `apply` after its own
/// edits, so that nothing writes a copy of the item with its old id over the renamed one.
pub fn id_row(ui: &mut Ui, kind: IdKind, id: &str) -> Option<String> {
    let (field, error_key) = keys(kind);
    let l = ui.label(RichText::new("Id").strong());
    // The text being typed, kept for this item only (and still there in the frame that
    // reports the field losing focus).
    let mut draft = ui
        .data(|d| d.get_temp::<(String, String)>(field))
        .filter(|(of, _)| of == id)
        .map_or_else(|| id.to_owned(), |(_, draft)| draft);
    let r = ui
        .add(
            egui::TextEdit::singleline(&mut draft)
                .id(field)
                .font(egui::TextStyle::Monospace)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(l.id)
        .on_hover_text(
            "What positions, leverage and the file use to refer to this item. Changing it \
             updates every reference (Enter to apply).",
        );
    ui.end_row();
    if r.gained_focus() {
        ui.data_mut(|d| {
            d.remove::<(String, String)>(error_key);
        });
    }
    if r.changed() {
        ui.data_mut(|d| d.insert_temp(field, (id.to_owned(), draft.clone())));
    }
    let error = ui.data(|d| d.get_temp::<(String, String)>(error_key));
    if let Some((_, error)) = error.filter(|(of, _)| of == id) {
        ui.label("");
        ui.add(egui::Label::new(RichText::new(error).color(ui.visuals().error_fg_color)).wrap());
        ui.end_row();
    }
    if !r.lost_focus() {
        return None;
    }
    ui.data_mut(|d| {
        d.remove::<(String, String)>(field);
    });
    // (egui may run a frame twice: the second pass sees the id as it is by then.)
    let draft = draft.trim();
    (draft != id).then(|| draft.to_owned())
}

/// Rename item `old` of `kind` to `new` with every reference to it, as one undo step, and
/// keep the selection on it; or keep the refusal for `id_row` to show.
pub fn apply(
    ctx: &egui::Context,
    doc: &mut Document,
    shell: &mut Shell,
    kind: IdKind,
    old: &str,
    new: &str,
) {
    let (_, error_key) = keys(kind);
    let mut result = Ok(0);
    doc.edit(None, |p| result = rename_id(p, kind, old, new));
    match result {
        Ok(_) => {
            renamed(shell, kind, old, new);
            ctx.data_mut(|d| {
                d.remove::<(String, String)>(error_key);
            });
        }
        Err(e) => {
            ctx.data_mut(|d| d.insert_temp(error_key, (old.to_owned(), e.to_string())));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edits;

    #[test]
    fn made_up_names_are_recognised() {
        assert!(is_placeholder(IdKind::Party, "New party"));
        assert!(is_placeholder(IdKind::Party, "New party 12"));
        assert!(is_placeholder(IdKind::Scenario, "Deal (copy)"));
        assert!(is_placeholder(IdKind::Issue, ""));
        assert!(!is_placeholder(IdKind::Party, "New party people"));
        assert!(!is_placeholder(IdKind::Party, "New issue"));
    }

    #[test]
    fn the_id_follows_the_first_name_and_only_the_first() {
        let mut start = Project::default();
        edits::add_party(&mut start, "New party");
        edits::add_party(&mut start, "New party 2");
        let mut now = start.clone();
        now.parties[1].name = "Fiscal conservatives".into();
        assert_eq!(
            followed_id(&start, &now, IdKind::Party, 1).as_deref(),
            Some("fiscal-conservatives")
        );
        // Mid-typing ("Fisc") the session started from the made-up name: still following.
        now.parties[1].name = "Fisc".into();
        assert_eq!(
            followed_id(&start, &now, IdKind::Party, 1).as_deref(),
            Some("fisc")
        );
        // A later session starts from a real name: the id stays.
        let mut later = now.clone();
        rename_id(&mut later, IdKind::Party, "new-party-2", "fisc").unwrap();
        let start = later.clone();
        later.parties[1].name = "Fiscal hawks".into();
        assert_eq!(followed_id(&start, &later, IdKind::Party, 1), None);
        // An id the user set by hand stays too, even under a made-up name.
        let mut start = Project::default();
        edits::add_party(&mut start, "New party");
        rename_id(&mut start, IdKind::Party, "new-party", "fc").unwrap();
        let mut now = start.clone();
        now.parties[0].name = "Fiscal conservatives".into();
        assert_eq!(followed_id(&start, &now, IdKind::Party, 0), None);
    }

    #[test]
    fn a_followed_id_stays_unique() {
        let mut start = Project::default();
        edits::add_issue(&mut start, "Bus fare");
        edits::add_issue(&mut start, "New issue");
        let mut now = start.clone();
        now.issues[1].name = "Bus fare".into();
        assert_eq!(
            followed_id(&start, &now, IdKind::Issue, 1).as_deref(),
            Some("bus-fare-2")
        );
    }

    #[test]
    fn the_selection_and_the_active_scenario_follow_a_rename_and_its_undo() {
        let mut shell = Shell::new(crate::ViewKind::Scenarios);
        shell.scenario = Some("s".into());
        shell.selection = Some(Selection::Event {
            scenario: Some("s".into()),
            index: 0,
        });
        renamed(&mut shell, IdKind::Scenario, "s", "deal");
        assert_eq!(shell.scenario.as_deref(), Some("deal"));
        assert_eq!(
            shell.selection,
            Some(Selection::Event {
                scenario: Some("deal".into()),
                index: 0
            })
        );
        // Undo took party "fiscal" back to "new-party": a selected cell follows it.
        let mut after = Project::default();
        edits::add_party(&mut after, "New party");
        let mut before = after.clone();
        rename_id(&mut before, IdKind::Party, "new-party", "fiscal").unwrap();
        shell.selection = Some(Selection::Cell {
            party: "fiscal".into(),
            issue: "fare".into(),
        });
        follow_undo(&mut shell, &before, &after);
        assert_eq!(
            shell.selection,
            Some(Selection::Cell {
                party: "new-party".into(),
                issue: "fare".into()
            })
        );
    }
}
