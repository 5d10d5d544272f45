//! File ▸ Export briefing… in the app: the scripted save dialog names the PDF, a worker
//! writes it while the progress window shows, then a message says where it went (or why
//! it could not be written, leaving no file behind).

mod ui_support;

use eframe::egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use stancemap::app::ScriptedDialogs;
use ui_support::{Launch, launch, wait_for_workers};

#[test]
fn the_menu_writes_the_briefing_pack_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ceasefire-briefing.pdf");
    let dialogs = ScriptedDialogs::default();
    dialogs.push(out.clone());
    let mut h = launch(Launch {
        dialogs,
        ..Launch::default()
    });
    h.get_by_label("File").click();
    h.run();
    // The menu item's label carries its shortcut.
    h.get_by_label("Export briefing… Ctrl+Shift+E").click();
    h.step();
    wait_for_workers(&mut h);
    let bytes = std::fs::read(&out).expect("the PDF was written");
    assert!(bytes.starts_with(b"%PDF-"));
    assert_eq!(h.state().modal_title(), Some("Briefing exported"));
    // In the message and in the status bar.
    assert!(
        h.query_all_by_label_contains("ceasefire-briefing.pdf")
            .next()
            .is_some()
    );
}

#[test]
fn the_shortcut_reports_an_unwritable_path_and_leaves_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("no-such-folder").join("brief.pdf");
    let dialogs = ScriptedDialogs::default();
    dialogs.push(out.clone());
    let mut h = launch(Launch {
        dialogs,
        ..Launch::default()
    });
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::E);
    h.step();
    wait_for_workers(&mut h);
    assert!(!out.exists());
    assert_eq!(
        h.state().modal_title(),
        Some("Could not export the briefing")
    );
    h.get_by_label_contains("cannot write");
}

#[test]
fn the_role_sheets_shortcut_writes_a_sheet_per_party_and_the_facilitators() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("workshop");
    let dialogs = ScriptedDialogs::default();
    dialogs.push(out.clone());
    let mut h = launch(Launch {
        dialogs,
        ..Launch::default()
    });
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::R);
    h.step();
    wait_for_workers(&mut h);
    assert_eq!(h.state().modal_title(), Some("Role sheets exported"));
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["eu.pdf", "facilitator.pdf", "ru.pdf", "ua.pdf", "us.pdf"]
    );
    for name in &names {
        assert!(std::fs::read(out.join(name)).unwrap().starts_with(b"%PDF-"));
    }
    // In the message and in the status bar.
    assert!(
        h.query_all_by_label_contains("Hand each team only its own sheet")
            .next()
            .is_some()
    );
}
