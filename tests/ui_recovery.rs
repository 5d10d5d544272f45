//! No lost work, driven through the window like a user would: the recovery offer after a
//! crash, autosave, a save that fails, and a file changed on disk by another program. Every
//! test injects its project file and recovery folder (temporary folders) and drives time by
//! stepping frames (egui_kittest advances input time 0.25 s per step).

use eframe::egui;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use stancemap::app::{App, RecoveryOptions, ScriptedDialogs};
use stancemap::format::{self, RecoveryStore};
use stancemap::model::Project;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

mod ui_support;
use ui_support::{Launch, launch, wait_for_workers};

struct Setup {
    _dir: tempfile::TempDir,
    file: PathBuf,
    recovery: PathBuf,
    project: Project,
}

/// A folder holding `talks.ron` (the first sample) and an empty recovery folder.
fn setup() -> Setup {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let project = stancemap::app::samples::project(0).expect("the sample loads");
    let file = dir.path().join("talks.ron");
    format::save_atomic(&file, &project).expect("the project is written");
    let recovery = dir.path().join("recovery");
    Setup {
        file,
        recovery,
        project,
        _dir: dir,
    }
}

fn harness(
    file: &Path,
    recovery: &Path,
    interval: Duration,
    dialogs: ScriptedDialogs,
) -> Harness<'static, App> {
    launch(Launch {
        file: Some(file.to_path_buf()),
        dialogs,
        recovery: Some(RecoveryOptions {
            dir: recovery.to_path_buf(),
            interval,
        }),
        ..Launch::default()
    })
}

const LONG: Duration = Duration::from_secs(30);

fn shows(h: &Harness<'_, App>, text: &str) -> bool {
    h.query_all_by_label_contains(text).next().is_some()
}

/// The sample with its title and first stance changed: the "unsaved work" of a crash.
fn edited(project: &Project) -> Project {
    let mut p = project.clone();
    p.title = "Talks, edited before the crash".into();
    p.positions[0].stance = 12.5;
    p
}

#[test]
fn after_a_crash_restore_opens_the_recovered_work_unsaved_and_leaves_the_file_alone() {
    let s = setup();
    let store = RecoveryStore::new(&s.recovery);
    let recovered = edited(&s.project);
    store.write(Some(&s.file), &recovered).unwrap();
    let file_bytes = fs::read(&s.file).unwrap();

    let mut h = harness(&s.file, &s.recovery, LONG, ScriptedDialogs::default());
    h.run();
    assert_eq!(h.state().modal_title(), Some("Recover unsaved work?"));
    assert!(shows(&h, &s.file.display().to_string()));
    h.get_by_label("Restore").click();
    h.run();
    assert_eq!(h.state().modal_title(), None);
    assert_eq!(h.state().doc.project(), &recovered);
    assert!(h.state().doc.is_dirty(), "restored work is not saved yet");
    assert_eq!(h.state().doc.path.as_deref(), Some(s.file.as_path()));
    assert!(h.state().title().starts_with("• "), "{}", h.state().title());
    assert_eq!(
        fs::read(&s.file).unwrap(),
        file_bytes,
        "the user's file is untouched"
    );
    assert_eq!(
        store.list().len(),
        1,
        "the copy stays until the work is saved"
    );

    // Undo shows the file's version; Redo brings the recovered work back.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc.project(), &s.project);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();

    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    wait_for_workers(&mut h);
    assert_eq!(h.state().modal_title(), None);
    assert!(!h.state().doc.is_dirty());
    assert_eq!(format::load_path(&s.file).unwrap().project, recovered);
    assert!(store.list().is_empty(), "saved: the copy is removed");
    assert!(format::backup_path(&s.file).is_file());
}

#[test]
fn after_a_crash_discard_removes_the_copy_and_keeps_the_file() {
    let s = setup();
    let store = RecoveryStore::new(&s.recovery);
    store.write(Some(&s.file), &edited(&s.project)).unwrap();
    let mut h = harness(&s.file, &s.recovery, LONG, ScriptedDialogs::default());
    h.run();
    assert_eq!(h.state().modal_title(), Some("Recover unsaved work?"));
    h.get_by_label("Discard").click();
    h.run();
    assert_eq!(h.state().modal_title(), None);
    assert!(store.list().is_empty());
    assert_eq!(h.state().doc.project(), &s.project);
    assert!(!h.state().doc.is_dirty());

    // Nothing is offered again on the next start.
    let mut h = harness(&s.file, &s.recovery, LONG, ScriptedDialogs::default());
    h.run();
    assert_eq!(h.state().modal_title(), None);
}

#[test]
fn show_both_restores_and_lists_the_differences() {
    let s = setup();
    RecoveryStore::new(&s.recovery)
        .write(Some(&s.file), &edited(&s.project))
        .unwrap();
    let mut h = harness(&s.file, &s.recovery, LONG, ScriptedDialogs::default());
    h.run();
    h.get_by_label("Show both").click();
    h.run();
    assert!(h.state().doc.is_dirty());
    assert_eq!(h.state().doc.project(), &edited(&s.project));
    let p = &s.project.positions[0];
    let cell = format!(
        "{} on {}: stance {} -> 12.5",
        s.project.party(&p.party).unwrap().name,
        s.project.issue(&p.issue).unwrap().name,
        p.stance
    );
    assert!(shows(&h, &cell), "the window lists {cell}");
    assert!(shows(&h, "Talks, edited before the crash"));
    h.get_by_label("Close").click();
    h.run();
    assert!(!shows(&h, &cell));
}

#[test]
fn a_copy_is_offered_by_its_content_not_its_date() {
    let s = setup();
    let store = RecoveryStore::new(&s.recovery);
    store.write(Some(&s.file), &edited(&s.project)).unwrap();
    // After the crash the file is written again, unchanged (a `git pull`, a `touch`): the
    // file is now newer than the copy, and the edits are still only in the copy.
    std::thread::sleep(Duration::from_millis(20));
    format::save_atomic(&s.file, &s.project).unwrap();
    let mut h = harness(&s.file, &s.recovery, LONG, ScriptedDialogs::default());
    h.run();
    assert!(h.state().modal_title().is_some(), "the copy is offered");

    // A copy that holds exactly what the file holds has nothing to lose: not offered.
    let s = setup();
    let store = RecoveryStore::new(&s.recovery);
    store.write(Some(&s.file), &s.project).unwrap();
    let mut h = harness(&s.file, &s.recovery, LONG, ScriptedDialogs::default());
    h.run();
    assert_eq!(h.state().modal_title(), None);
}

#[test]
fn autosave_writes_a_copy_once_the_interval_has_passed_never_the_file() {
    let s = setup();
    let store = RecoveryStore::new(&s.recovery);
    let file_bytes = fs::read(&s.file).unwrap();
    let mut h = harness(
        &s.file,
        &s.recovery,
        Duration::from_secs(5),
        ScriptedDialogs::default(),
    );
    h.run();
    let issue = h.state().doc.project().issues[0].clone();
    h.get_by_label(&format!("Russia × {}", issue.name)).click();
    h.run();
    h.get_by_role_and_label(Role::SpinButton, "Stance")
        .set_value_accesskit(42.0);
    h.run();
    assert!(h.state().doc.is_dirty());
    // 8 steps of 0.25 s = 2 s: less than the 5 s interval.
    h.run_steps(8);
    assert!(store.list().is_empty(), "not due yet");
    // 16 more steps: 6 s since the edit. The copy is written on the autosave thread.
    h.run_steps(16);
    h.state_mut().finish_autosave();
    let copies = store.list();
    assert_eq!(copies.len(), 1);
    assert_eq!(copies[0].original.as_deref(), Some(s.file.as_path()));
    let copy = store.load(&copies[0]).unwrap().project;
    assert_eq!(copy.position("ru", &issue.id).map(|p| p.stance), Some(42.0));
    assert_eq!(
        fs::read(&s.file).unwrap(),
        file_bytes,
        "autosave never writes the file"
    );

    // Quitting and discarding the changes removes the copy.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    h.run();
    assert_eq!(h.state().modal_title(), Some("Unsaved changes"));
    h.get_by_label("Discard changes").click();
    h.run();
    assert!(h.state().is_closing());
    assert!(store.list().is_empty());
}

#[test]
fn a_save_into_a_folder_that_vanished_shows_why_and_keeps_the_work() {
    let s = setup();
    let folder = s.file.parent().unwrap().join("talks");
    fs::create_dir(&folder).unwrap();
    let file = folder.join("talks.ron");
    format::save_atomic(&file, &s.project).unwrap();
    let store = RecoveryStore::new(&s.recovery);
    let mut h = harness(&file, &s.recovery, LONG, ScriptedDialogs::default());
    h.run();
    h.state_mut()
        .doc
        .edit(None, |p| p.title = "Unsaved title".into());
    fs::remove_dir_all(&folder).unwrap();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    wait_for_workers(&mut h);
    assert_eq!(h.state().modal_title(), Some("Could not save"));
    assert!(shows(
        &h,
        &format!(
            "could not be saved: the folder {} does not exist (was it moved, renamed or removed?)",
            folder.display()
        )
    ));
    assert!(h.state().doc.is_dirty());
    assert_eq!(h.state().doc.project().title, "Unsaved title");
    let copies = store.list();
    assert_eq!(
        copies.len(),
        1,
        "the failed save keeps a recovery copy at once"
    );
    assert_eq!(
        store.load(&copies[0]).unwrap().project.title,
        "Unsaved title"
    );
    h.get_by_label("OK").click();
    h.run();
    assert_eq!(h.state().modal_title(), None);
    assert!(h.state().doc.is_dirty());
}

#[test]
fn save_as_under_a_regular_file_fails_and_save_as_again_succeeds() {
    let s = setup();
    let dialogs = ScriptedDialogs::default();
    let blocker = s.file.parent().unwrap().join("not-a-folder");
    fs::write(&blocker, "x").unwrap();
    dialogs.push(blocker.join("talks.ron"));
    let good = s.file.parent().unwrap().join("elsewhere.ron");
    dialogs.push(good.clone());
    let mut h = harness(&s.file, &s.recovery, LONG, dialogs);
    h.run();
    h.state_mut()
        .doc
        .edit(None, |p| p.title = "Unsaved title".into());
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    wait_for_workers(&mut h);
    assert_eq!(h.state().modal_title(), Some("Could not save"));
    assert!(shows(
        &h,
        &format!("could not be saved: {} is not a folder", blocker.display())
    ));
    assert!(h.state().doc.is_dirty());
    assert_eq!(h.state().doc.path.as_deref(), Some(s.file.as_path()));
    h.get_by_label("Save As…").click();
    wait_for_workers(&mut h);
    assert_eq!(h.state().modal_title(), None);
    assert!(!h.state().doc.is_dirty());
    assert_eq!(h.state().doc.path.as_deref(), Some(good.as_path()));
    assert_eq!(
        format::load_path(&good).unwrap().project.title,
        "Unsaved title"
    );
    assert!(RecoveryStore::new(&s.recovery).list().is_empty());
}

/// Another program rewrites the file (a longer title, so the length differs too).
fn change_on_disk(file: &Path, project: &Project, title: &str) -> Project {
    let mut other = project.clone();
    other.title = title.into();
    fs::write(file, format::to_canonical(&other).unwrap()).unwrap();
    other
}

#[test]
fn saving_over_a_file_changed_on_disk_asks_first() {
    let s = setup();
    let mut h = harness(&s.file, &s.recovery, LONG, ScriptedDialogs::default());
    h.run();
    h.state_mut()
        .doc
        .edit(None, |p| p.summary = "My notes".into());
    let other = change_on_disk(&s.file, &s.project, "Changed by a colleague");
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    wait_for_workers(&mut h);
    assert_eq!(
        h.state().modal_title(),
        Some("The file changed on disk since you opened it")
    );
    assert_eq!(
        format::load_path(&s.file).unwrap().project,
        other,
        "not written yet"
    );
    assert!(shows(&h, "Overwrite") && shows(&h, "Save As…"));

    h.get_by_label("Reload (discard my changes)").click();
    wait_for_workers(&mut h);
    assert_eq!(h.state().doc.project(), &other);
    assert!(!h.state().doc.is_dirty());

    // Again, and this time overwrite: the colleague's version is kept as the .bak.
    h.state_mut()
        .doc
        .edit(None, |p| p.summary = "My notes".into());
    let theirs = change_on_disk(&s.file, &s.project, "Changed again, by a colleague");
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    wait_for_workers(&mut h);
    h.get_by_label("Overwrite").click();
    wait_for_workers(&mut h);
    assert_eq!(h.state().modal_title(), None);
    assert!(!h.state().doc.is_dirty());
    assert_eq!(
        format::load_path(&s.file).unwrap().project.summary,
        "My notes"
    );
    assert_eq!(
        format::load_path(&format::backup_path(&s.file))
            .unwrap()
            .project,
        theirs
    );
    // Saved over it knowingly: the next save does not ask again.
    h.state_mut().doc.edit(None, |p| p.summary = "More".into());
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    wait_for_workers(&mut h);
    assert_eq!(h.state().modal_title(), None);
    assert!(!h.state().doc.is_dirty());
}

#[test]
fn focusing_the_window_after_a_change_on_disk_offers_to_reload() {
    let s = setup();
    let mut h = harness(&s.file, &s.recovery, LONG, ScriptedDialogs::default());
    h.run();
    h.event(egui::Event::WindowFocused(true));
    h.run();
    assert_eq!(h.state().modal_title(), None, "unchanged: nothing to say");

    let other = change_on_disk(&s.file, &s.project, "Changed by a colleague");
    h.event(egui::Event::WindowFocused(true));
    h.run();
    assert_eq!(h.state().modal_title(), Some("The file changed on disk"));
    h.get_by_label("Reload").click();
    wait_for_workers(&mut h);
    assert_eq!(h.state().doc.project(), &other);

    // With unsaved changes: a warning; keeping them does not ask again for that version.
    h.state_mut().doc.edit(None, |p| p.summary = "Mine".into());
    change_on_disk(&s.file, &s.project, "Changed again, by a colleague");
    h.event(egui::Event::WindowFocused(true));
    h.run();
    assert_eq!(h.state().modal_title(), Some("The file changed on disk"));
    h.get_by_label("Keep my changes").click();
    h.run();
    assert_eq!(h.state().doc.project().summary, "Mine");
    h.event(egui::Event::WindowFocused(true));
    h.run();
    assert_eq!(h.state().modal_title(), None);
}

#[test]
fn a_project_never_saved_is_offered_too_and_copies_come_one_at_a_time() {
    let s = setup();
    let store = RecoveryStore::new(&s.recovery);
    let mut untitled = s.project.clone();
    untitled.title = "Never saved".into();
    store.write(None, &untitled).unwrap();
    // Written after, so offered first (newest first).
    store.write(Some(&s.file), &edited(&s.project)).unwrap();
    let mut h = harness(&s.file, &s.recovery, LONG, ScriptedDialogs::default());
    h.run();
    assert_eq!(h.state().modal_title(), Some("Recover unsaved work?"));
    assert!(shows(
        &h,
        "1 more recovery copy will be offered after this one."
    ));
    assert!(shows(&h, &s.file.display().to_string()));
    h.get_by_label("Discard").click();
    h.run();
    assert_eq!(h.state().modal_title(), Some("Recover unsaved work?"));
    assert!(shows(
        &h,
        "stancemap stopped before a new project was saved."
    ));
    assert!(
        h.query_by_label("Show both").is_none(),
        "no file to compare with"
    );
    h.get_by_label("Restore").click();
    h.run();
    assert_eq!(h.state().modal_title(), None);
    assert_eq!(h.state().doc.project().title, "Never saved");
    assert_eq!(h.state().doc.path, None);
    assert!(h.state().doc.is_dirty());
}
