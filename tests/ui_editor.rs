//! The editor's traps, driven through the real app: what a user types is what the project
//! gets, and nothing moves or loses focus under the pointer while they edit.

use eframe::egui;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use stancemap::app::App;

mod ui_support;

fn harness() -> Harness<'static, App> {
    ui_support::launch(ui_support::Launch {
        size: [1360.0, 840.0],
        ..ui_support::Launch::default()
    })
}

/// With a scenario active, the first keystroke in a base cell creates the scenario's
/// override. That used to insert a notice above the fields, which moved the Stance field and
/// took its focus: typing 75 gave 7. Each key is its own frame here, as a person types.
#[test]
fn typing_into_a_base_cell_with_a_scenario_active_keeps_every_keystroke() {
    let mut h = harness();
    h.run();
    h.state_mut().shell.scenario = Some("drag-out".to_owned());
    h.get_by_role_and_label(Role::Button, "Positions").click();
    h.run();
    // Ukraine on the scope of the ceasefire: a base position the scenario does not override.
    h.get_by_label("Ukraine × Scope and timing of the ceasefire")
        .click();
    h.run();
    let scenario_has = |h: &Harness<'_, App>| {
        h.state().doc.project().scenario("drag-out").and_then(|s| {
            s.positions
                .iter()
                .find(|p| p.party == "ua" && p.issue == "ceasefire-scope")
                .map(|p| p.stance)
        })
    };
    assert_eq!(scenario_has(&h), None);
    let field_at = h
        .get_by_role_and_label(Role::SpinButton, "Stance")
        .rect()
        .min;

    h.get_by_role_and_label(Role::SpinButton, "Stance").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    for key in ["7", "5"] {
        h.get_by_role_and_label(Role::SpinButton, "Stance")
            .type_text(key);
        h.run();
        assert_eq!(
            h.get_by_role_and_label(Role::SpinButton, "Stance")
                .rect()
                .min,
            field_at,
            "the field stays where it was"
        );
    }
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(scenario_has(&h), Some(75.0));
    // The base is untouched, and the notice is there now, below the form.
    assert_eq!(
        h.state()
            .doc
            .project()
            .position("ua", "ceasefire-scope")
            .map(|p| p.stance),
        Some(100.0)
    );
    assert!(
        h.query_by_label("This scenario overrides the base here.")
            .is_some()
    );
}

fn russia_on(h: &Harness<'_, App>, issue: &str) -> stancemap::model::Position {
    h.state()
        .doc
        .project()
        .position("ru", issue)
        .unwrap()
        .clone()
}

/// Ideal and walk-away are always visible fields: typing a number sets one, blank clears it,
/// and text that is not a number on the scale changes nothing.
#[test]
fn ideal_and_walk_away_are_typed_straight_in_and_blank_means_none() {
    let mut h = harness();
    h.run();
    h.get_by_role_and_label(Role::Button, "Positions").click();
    h.run();
    let issue = h.state().doc.project().issues[0].clone();
    h.get_by_label(&format!("Russia × {}", issue.name)).click();
    h.run();
    let before = russia_on(&h, &issue.id);
    assert!(before.walk_away.is_some());

    let type_into = |h: &mut Harness<'_, App>, field: &str, text: &str| {
        h.get_by_role_and_label(Role::TextInput, field).click();
        h.run();
        h.key_press_modifiers(Modifiers::COMMAND, Key::A);
        h.run();
        h.key_press(Key::Backspace);
        h.run();
        if !text.is_empty() {
            h.get_by_role_and_label(Role::TextInput, field)
                .type_text(text);
            h.run();
        }
        h.key_press(Key::Tab);
        h.run();
    };

    type_into(&mut h, "Walk-away", "");
    assert_eq!(russia_on(&h, &issue.id).walk_away, None, "blank is none");
    assert!(
        !russia_on(&h, &issue.id).red_line,
        "no walk-away, no red line"
    );

    type_into(&mut h, "Walk-away", "35");
    assert_eq!(russia_on(&h, &issue.id).walk_away, Some(35.0));

    // A 0 typed after the 35 makes 350, off the scale: the value stays 35, and leaving the
    // field shows 35 again.
    h.get_by_role_and_label(Role::TextInput, "Walk-away")
        .click();
    h.run();
    h.key_press(Key::End);
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Walk-away")
        .type_text("0");
    h.run();
    assert_eq!(russia_on(&h, &issue.id).walk_away, Some(35.0), "unchanged");
    h.key_press(Key::Tab);
    h.run();
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, "Walk-away")
            .value()
            .as_deref(),
        Some("35")
    );

    type_into(&mut h, "Ideal", "12.5");
    assert_eq!(russia_on(&h, &issue.id).ideal, Some(12.5));
}

/// Counts agree with their number: a project with one scenario says "1 scenario".
#[test]
fn counts_agree_in_number() {
    let mut h = harness();
    h.run();
    h.state_mut().doc.edit(None, |p| p.scenarios.truncate(1));
    h.get_by_role_and_label(Role::Button, "Overview").click();
    h.run();
    assert!(
        h.query_by_label_contains("4 parties · 8 issues · 32 positions")
            .is_some()
    );
    assert!(h.query_by_label_contains("· 1 scenario").is_some());
    assert!(h.query_by_label_contains("1 scenarios").is_none());
}

/// File > New (Ctrl+N) describes today: the as-of field and the calendar button show the same date.
#[test]
fn a_new_project_is_as_of_today() {
    let mut h = harness();
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    let today = jiff::Zoned::now().date().to_string();
    assert_eq!(
        h.state().doc.project().as_of.as_deref(),
        Some(today.as_str())
    );
    assert!(
        !h.state().doc.is_dirty(),
        "a new project has nothing to save yet"
    );
}

/// Undo and Redo say what they would undo or redo.
#[test]
fn undo_says_what_it_undoes() {
    let mut h = harness();
    h.state_mut().doc.edit(None, |p| {
        if let Some(position) = p
            .positions
            .iter_mut()
            .find(|x| x.party == "ru" && x.issue == "kursk")
        {
            position.stance = 40.0;
        }
    });
    h.run();
    h.get_by_label("Edit").click();
    h.run();
    assert!(
        h.query_by_label_contains("Undo: change stance of Russia on The Kursk region in any truce")
            .is_some()
    );
    h.key_press(Key::Escape);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.get_by_label("Edit").click();
    h.run();
    assert!(
        h.query_by_label_contains("Redo: change stance of Russia on The Kursk region in any truce")
            .is_some()
    );
}
