//! Readable ids, comparing with another file, positions as CSV and fast entry in the grid,
//! driven through egui_kittest by the labels on screen and the keyboard.

use eframe::egui;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use stancemap::app::{App, ScriptedDialogs, Selection};
use std::path::PathBuf;

mod ui_support;
use ui_support::{Launch, launch, wait_for_workers};

fn harness_with(file: Option<PathBuf>, dialogs: ScriptedDialogs) -> Harness<'static, App> {
    launch(Launch {
        file,
        dialogs,
        ..Launch::default()
    })
}

fn harness() -> Harness<'static, App> {
    harness_with(None, ScriptedDialogs::default())
}

/// Replace the text of the field labelled `label` in the inspector and leave it with Enter.
fn retype(h: &mut Harness<'_, App>, label: &str, text: &str) {
    h.get_by_role_and_label(Role::TextInput, label).click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    h.key_press(Key::Enter);
    h.run();
}

fn undo(h: &mut Harness<'_, App>) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
}

#[test]
fn a_new_party_takes_its_id_from_its_first_name_in_one_undo_step() {
    let mut h = harness();
    h.get_by_role_and_label(Role::Button, "Parties").click();
    h.run();
    h.get_by_label("Add party").click();
    h.run();
    assert_eq!(
        h.state().shell.selection,
        Some(Selection::Party("new-party".into()))
    );
    retype(&mut h, "Name", "Fiscal conservatives");
    let last = h.state().doc.project().parties.last().cloned().unwrap();
    assert_eq!(
        (last.id.as_str(), last.name.as_str()),
        ("fiscal-conservatives", "Fiscal conservatives")
    );
    assert_eq!(
        h.state().shell.selection,
        Some(Selection::Party("fiscal-conservatives".into()))
    );
    // A later rename keeps the id.
    retype(&mut h, "Name", "Fiscal hawks");
    let last = h.state().doc.project().parties.last().cloned().unwrap();
    assert_eq!(last.id, "fiscal-conservatives");
    undo(&mut h);
    // One undo step for the whole first naming, and the selection follows the id back.
    undo(&mut h);
    let last = h.state().doc.project().parties.last().cloned().unwrap();
    assert_eq!(
        (last.id.as_str(), last.name.as_str()),
        ("new-party", "New party")
    );
    assert_eq!(
        h.state().shell.selection,
        Some(Selection::Party("new-party".into()))
    );
}

#[test]
fn editing_an_id_renames_every_reference_or_says_why_not() {
    let mut h = harness();
    h.get_by_role_and_label(Role::Button, "Parties").click();
    h.run();
    h.get_by_label("Russia").click();
    h.run();
    let uses = |app: &App, id: &str| {
        let p = app.doc.project();
        p.positions.iter().filter(|x| x.party == id).count()
            + p.leverage
                .iter()
                .filter(|l| l.holder == id || l.target == id)
                .count()
    };
    let before = uses(h.state(), "ru");
    assert!(before > 0);
    retype(&mut h, "Id", "ua");
    h.get_by_label("the id \"ua\" is already used by the party \"Ukraine\"; choose another");
    assert_eq!(uses(h.state(), "ru"), before);
    retype(&mut h, "Id", "russia");
    assert_eq!(uses(h.state(), "ru"), 0);
    assert_eq!(uses(h.state(), "russia"), before);
    assert_eq!(
        h.state().shell.selection,
        Some(Selection::Party("russia".into()))
    );
    undo(&mut h);
    assert_eq!(uses(h.state(), "ru"), before);
    assert_eq!(
        h.state().shell.selection,
        Some(Selection::Party("ru".into()))
    );
}

fn stance(app: &App, party: &str, issue: &str) -> Option<f64> {
    app.doc.project().position(party, issue).map(|p| p.stance)
}

/// Click the grid cell of the first party on issue `row`; returns the project as it was.
fn select_cell(h: &mut Harness<'_, App>, row: usize) -> stancemap::model::Project {
    let p = h.state().doc.project().clone();
    h.get_by_label(&format!("{} × {}", p.parties[0].name, p.issues[row].name))
        .click();
    h.run();
    p
}

#[test]
fn pasting_a_3x4_block_fills_stances_right_and_down_in_one_undo_step() {
    let mut h = harness();
    let before = select_cell(&mut h, 0);
    assert!(before.parties.len() >= 4 && before.issues.len() >= 3);
    h.event(egui::Event::Paste(
        "10\t20\t30\t40\n11\t21\t31\t41\n12\t22\t32\t42\n".into(),
    ));
    h.run();
    for (r, issue) in before.issues.iter().take(3).enumerate() {
        for (c, party) in before.parties.iter().take(4).enumerate() {
            let want = 10.0 + 10.0 * c as f64 + r as f64;
            assert_eq!(stance(h.state(), &party.id, &issue.id), Some(want));
        }
    }
    // The cells that had no position got one; the rest of the grid is as it was.
    let missing = before.issues[..3]
        .iter()
        .flat_map(|i| before.parties[..4].iter().map(move |p| (p, i)))
        .filter(|(p, i)| before.position(&p.id, &i.id).is_none())
        .count();
    let after = h.state().doc.project();
    assert_eq!(after.positions.len(), before.positions.len() + missing);
    undo(&mut h);
    assert_eq!(h.state().doc.project(), &before);
}

#[test]
fn typing_a_stance_into_the_selected_cell_then_enter() {
    let mut h = harness();
    let before = select_cell(&mut h, 0);
    let (party, issue) = (before.parties[0].id.clone(), before.issues[0].id.clone());
    h.event(egui::Event::Text("3".into()));
    h.event(egui::Event::Text("7".into()));
    h.run();
    h.get_by_label_contains("(typing stance 37)");
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(stance(h.state(), &party, &issue), Some(37.0));
    // Like a spreadsheet, Enter moves down a row.
    assert_eq!(
        h.state().shell.selection,
        Some(Selection::Cell {
            party: party.clone(),
            issue: before.issues[1].id.clone()
        })
    );
    undo(&mut h);
    assert_eq!(h.state().doc.project(), &before);
}

#[test]
fn arrow_keys_move_between_cells_and_typing_goes_where_they_land() {
    let mut h = harness();
    let before = select_cell(&mut h, 0);
    let cell = |party: usize, issue: usize| {
        Some(Selection::Cell {
            party: before.parties[party].id.clone(),
            issue: before.issues[issue].id.clone(),
        })
    };
    h.key_press(Key::ArrowDown);
    h.key_press(Key::ArrowDown);
    h.key_press(Key::ArrowRight);
    h.run();
    assert_eq!(h.state().shell.selection, cell(1, 2));
    // The grid's edges hold: up past the first row stays on it.
    for _ in 0..5 {
        h.key_press(Key::ArrowUp);
    }
    h.key_press(Key::ArrowLeft);
    h.run();
    assert_eq!(h.state().shell.selection, cell(0, 0));
    h.key_press(Key::ArrowRight);
    h.event(egui::Event::Text("42".into()));
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let (party, issue) = (&before.parties[1].id, &before.issues[0].id);
    assert_eq!(stance(h.state(), party, issue), Some(42.0));
}

/// Click File, then the item labelled `item`.
fn file_menu(h: &mut Harness<'_, App>, item: &str) {
    h.get_by_label("File").click();
    h.run();
    h.get_by_label(item).click();
    // What the item writes (an export) is written on a worker thread.
    wait_for_workers(h);
}

#[test]
fn compare_with_lists_the_changes_and_outlines_the_cells() {
    let dir = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut h = harness_with(None, dialogs.clone());
    let p = h.state().doc.project().clone();
    let (party, issue) = (&p.parties[0], &p.issues[0]);
    let mut other = p.clone();
    other
        .positions
        .iter_mut()
        .find(|x| x.party == party.id && x.issue == issue.id)
        .unwrap()
        .stance = 3.0;
    let path = dir.path().join("older.ron");
    stancemap::format::save_atomic(&path, &other).unwrap();
    dialogs.push(path);
    file_menu(&mut h, "Compare with…");
    let now = stance(h.state(), &party.id, &issue.id).unwrap();
    h.get_by_label(&format!(
        "  ~ {} on {}: stance 3 -> {now}",
        party.name, issue.name
    ));
    let d = h.state().shell.differences.as_ref().unwrap();
    assert!(d.cell(None, &party.id, &issue.id).is_some());
    assert_eq!(d.cell_count(None), 1);
    // The concession matrix marks the same cell while the comparison is open.
    h.get_by_label("Concession matrix").click();
    h.run();
    h.get_by_label_contains("1 changed cell is marked");
    h.get_by_label("Close").click();
    h.run();
    assert!(h.state().shell.differences.is_none());
}

#[test]
fn positions_go_out_and_come_back_as_csv_in_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut h = harness_with(None, dialogs.clone());
    let before = h.state().doc.project().clone();
    let out = dir.path().join("positions.csv");
    dialogs.push(out.clone());
    file_menu(&mut h, "Export positions as CSV…");
    let table = std::fs::read_to_string(&out).unwrap();
    assert_eq!(table, stancemap::format::to_csv(&before));

    // Edit one stance in the table and read it back.
    let (party, issue) = (&before.parties[0], &before.issues[0]);
    let old = before.position(&party.id, &issue.id).unwrap();
    let row = format!("{},{},{},", party.name, issue.name, old.stance);
    assert!(table.contains(&row), "{table}");
    let edited = table.replacen(&row, &format!("{},{},61,", party.name, issue.name), 1);
    std::fs::write(&out, edited).unwrap();
    dialogs.push(out.clone());
    file_menu(&mut h, "Import positions from CSV…");
    assert_eq!(stance(h.state(), &party.id, &issue.id), Some(61.0));
    undo(&mut h);
    assert_eq!(h.state().doc.project(), &before);

    // A bad table: every problem listed, nothing changed.
    std::fs::write(&out, "party,issue,stance\nNobody,Nothing,500\n").unwrap();
    dialogs.push(out);
    file_menu(&mut h, "Import positions from CSV…");
    assert_eq!(h.state().modal_title(), Some("The table was not imported"));
    h.get_by_label_contains("line 2: unknown party \"Nobody\"");
    assert_eq!(h.state().doc.project(), &before);
}

#[test]
fn a_file_changed_on_disk_can_show_its_differences() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("talks.ron");
    let p = stancemap::app::samples::project(0).unwrap();
    stancemap::format::save_atomic(&path, &p).unwrap();
    let mut h = harness_with(Some(path.clone()), ScriptedDialogs::default());
    h.run();
    let mut theirs = p.clone();
    theirs.parties[0].power = 0.25;
    stancemap::format::save_atomic(&path, &theirs).unwrap();
    h.event(egui::Event::WindowFocused(true));
    h.run();
    assert_eq!(h.state().modal_title(), Some("The file changed on disk"));
    h.get_by_label("Show differences").click();
    h.run();
    assert_eq!(h.state().modal_title(), None);
    h.get_by_label(&format!(
        "  ~ {}: power {} -> 0.25",
        p.parties[0].name, p.parties[0].power
    ));
    h.get_by_label("Reload").click();
    wait_for_workers(&mut h);
    assert_eq!(h.state().doc.project(), &theirs);
    assert!(h.state().shell.differences.is_none());
}
