//! Save, Open and Export never silently do nothing: on a machine where the system's file
//! dialog cannot be shown (no xdg-desktop-portal, no zenity), the app asks in its own
//! dialog, says once why, and the command goes on with the path chosen there.

mod ui_support;

use eframe::egui::accesskit::Role;
use eframe::egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use stancemap::app::{App, ScriptedDialogs};
use ui_support::{Launch, launch, settle};

const WHY: &str = "The system's file dialog cannot be shown on this computer";

fn type_path(h: &mut Harness<'_, App>, path: &str, button: &str) {
    h.get_by_role_and_label(Role::TextInput, "Path").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(Role::TextInput, "Path")
        .type_text(path);
    h.run();
    match button {
        // Enter in the field confirms, as the button does.
        "Enter" => h.key_press(Key::Enter),
        _ => h.get_by_label(button).click(),
    }
    settle(h);
}

#[test]
fn save_as_without_a_system_dialog_saves_through_the_apps_own() {
    let dir = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::default();
    dialogs.without_dialogs();
    let mut h = launch(Launch {
        dialogs: dialogs.clone(),
        ..Launch::default()
    });
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    settle(&mut h);
    h.get_by_label("Save the stancemap project");
    h.get_by_label_contains(WHY);
    // No extension typed: the project's is added.
    let typed = dir.path().join("fallback");
    type_path(&mut h, typed.to_str().unwrap(), "Enter");
    let saved = dir.path().join("fallback.ron");
    let loaded = stancemap::format::load_path(&saved).expect("the project was saved");
    assert_eq!(loaded.project, *h.state().doc.project());
    assert_eq!(h.state().doc.path.as_deref(), Some(saved.as_path()));
    assert!(h.query_by_label("Save the stancemap project").is_none());

    // The next request asks again, without repeating why.
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    settle(&mut h);
    h.get_by_label("Save the stancemap project");
    assert!(h.query_by_label_contains(WHY).is_none());
    // A folder that does not exist is refused with a reason, and nothing is written.
    let nowhere = dir.path().join("missing").join("x.ron");
    type_path(&mut h, nowhere.to_str().unwrap(), "Save");
    h.get_by_label_contains("does not exist");
    assert!(!nowhere.exists());
}

#[test]
fn open_without_a_system_dialog_opens_the_file_typed() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("labour.ron");
    std::fs::copy("sample_projects/labour-contract.ron", &other).unwrap();
    let dialogs = ScriptedDialogs::default();
    dialogs.without_dialogs();
    let mut h = launch(Launch {
        dialogs,
        ..Launch::default()
    });
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    settle(&mut h);
    h.get_by_label("Open a stancemap project");
    type_path(&mut h, other.to_str().unwrap(), "Open");
    assert_eq!(h.state().doc.path.as_deref(), Some(other.as_path()));
}
