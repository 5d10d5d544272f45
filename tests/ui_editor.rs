//! The editor's traps, driven through the real app: what a user types is what the project
//! gets, and nothing moves or loses focus under the pointer while they edit.

use eframe::egui;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use stancemap::app::{App, Options, ScriptedDialogs, Settings};

fn harness() -> Harness<'static, App> {
    Harness::builder()
        .with_size([1360.0, 840.0])
        .build_eframe(|cc| {
            let options = Options {
                file: None,
                view: None,
                screenshot: None,
                dialogs: Box::new(ScriptedDialogs::default()),
                persist: false,
            };
            App::with_settings(&cc.egui_ctx, options, Settings::default())
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
