//! The file layer without a window: each outcome from real files in a temporary folder.

use super::*;
use crate::format::RecoveryStore;
use std::sync::Arc;

use crate::testing::ceasefire as sample;

#[test]
fn open_reads_a_project_and_a_bad_file_says_where() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("talks.ron");
    format::save_atomic(&good, &sample()).unwrap();
    let opened = open(&good).unwrap();
    assert_eq!(opened.project, sample());
    assert_eq!(opened.warnings, 0);

    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, "Project(format: 1, title: )").unwrap();
    let failed = open(&bad).unwrap_err();
    assert!(!failed.missing);
    assert_eq!(failed.diagnostics.len(), 1);
    assert!(failed.diagnostics[0].is_error());

    let failed = open(&dir.path().join("gone.ron")).unwrap_err();
    assert!(
        failed.missing,
        "a missing file can be forgotten from the recent list"
    );
}

#[test]
fn save_writes_keeps_the_previous_version_and_refuses_over_another_programs_change() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("talks.ron");
    let mut project = sample();
    let SaveOutcome::Saved { stamp, backup } = save(&path, &project, None) else {
        panic!("the first save failed");
    };
    assert_eq!(backup, None, "nothing to keep on a first save");
    let stamp = stamp.unwrap();
    assert_eq!(open(&path).unwrap().project, project);

    project.title = "Second".into();
    let SaveOutcome::Saved { stamp, backup } = save(&path, &project, Some(&stamp)) else {
        panic!("the second save failed");
    };
    let backup = backup.expect("the previous version is kept");
    assert_eq!(open(&backup).unwrap().project, sample());
    let stamp = stamp.unwrap();

    // Another program rewrites the file: saving over it asks first, and writes nothing.
    let theirs = std::fs::read_to_string(&path)
        .unwrap()
        .replace("Second", "Theirs");
    std::fs::write(&path, &theirs).unwrap();
    project.title = "Mine".into();
    assert!(matches!(
        save(&path, &project, Some(&stamp)),
        SaveOutcome::ChangedOnDisk
    ));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);
    // Without the check (the user chose to overwrite), it writes.
    assert!(matches!(
        save(&path, &project, None),
        SaveOutcome::Saved { .. }
    ));
    assert_eq!(open(&path).unwrap().project.title, "Mine");
}

#[test]
fn a_failed_save_says_why_and_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no-such-folder").join("talks.ron");
    let SaveOutcome::Failed { message } = save(&path, &sample(), None) else {
        panic!("saved into a folder that does not exist");
    };
    assert!(
        message.contains("does not exist (was it moved, renamed or removed?)"),
        "{message}"
    );
    assert!(message.contains("Use Save As…"), "{message}");
}

#[test]
fn the_disk_check_tells_changes_and_removal_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("talks.ron");
    let SaveOutcome::Saved { stamp, .. } = save(&path, &sample(), None) else {
        panic!()
    };
    let stamp = stamp.unwrap();
    assert_eq!(disk_check(&path, &stamp, None), DiskCheck::Unchanged);
    // The same bytes written again are no change.
    std::fs::write(&path, std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(disk_check(&path, &stamp, None), DiskCheck::Unchanged);

    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("March 2025", "April 2025")).unwrap();
    assert_eq!(disk_check(&path, &stamp, None), DiskCheck::Modified);
    // The user chose to keep working over that version: not news again.
    let seen = DiskStamp::of(&path).unwrap();
    assert_eq!(disk_check(&path, &stamp, Some(&seen)), DiskCheck::Unchanged);

    std::fs::remove_file(&path).unwrap();
    assert_eq!(disk_check(&path, &stamp, Some(&seen)), DiskCheck::Removed);
}

#[test]
fn restore_reads_the_copy_and_the_file_and_lists_every_difference() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("talks.ron");
    let file = sample();
    format::save_atomic(&path, &file).unwrap();
    let mut work = file.clone();
    work.positions[0].stance = 12.5;
    work.scenarios[0].description = "Edited".into();
    let store = RecoveryStore::new(dir.path().join("recovery"));
    store.write(Some(&path), &work).unwrap();
    let entry = store.offers().pop().unwrap();

    let restored = restore(&store, &entry).unwrap();
    assert_eq!(restored.recovered, work);
    assert_eq!(restored.on_disk.as_ref().unwrap().0, file);
    let lines = restored.differences().unwrap();
    let party = &file.party(&file.positions[0].party).unwrap().name;
    let issue = &file.issue(&file.positions[0].issue).unwrap().name;
    let old = file.positions[0].stance;
    assert!(
        lines.contains(&format!("  ~ {party} on {issue}: stance {old} -> 12.5")),
        "{lines:#?}"
    );
    // Changes inside a scenario are listed too (the old list stopped at a few fields).
    assert!(
        lines.iter().any(|l| l.contains("description")),
        "{lines:#?}"
    );
    assert!(differences(&file, &file).is_empty());

    // The file is gone: the copy still restores, with nothing to compare.
    std::fs::remove_file(&path).unwrap();
    let restored = restore(&store, &entry).unwrap();
    assert!(restored.on_disk.is_none() && restored.differences().is_none());
}

/// Tick until the worker's copy lands (it takes as long as the disk does).
fn landed(timer: &mut Autosave, path: &Path, p: &Arc<Project>, revision: u64, dirty: bool) -> Tick {
    loop {
        match timer.tick(1e9, Some(path), || p.clone(), revision, dirty) {
            Tick::Writing => std::thread::sleep(Duration::from_millis(5)),
            other => return other,
        }
    }
}

use std::time::Duration;

#[test]
fn the_timer_copies_once_the_interval_has_passed_and_removes_when_clean() {
    let dir = tempfile::tempdir().unwrap();
    let mut timer = Autosave::new(&dir.path().join("recovery"), Duration::from_secs(30));
    let p = Arc::new(sample());
    let file = dir.path().join("talks.ron");
    let snap = || p.clone();
    assert!(matches!(
        timer.tick(0.0, Some(&file), snap, 1, false),
        Tick::Idle
    ));
    // First unsaved change at t = 5 s: due at 5 + 30 = 35 s.
    assert!(matches!(timer.tick(5.0, Some(&file), snap, 2, true), Tick::Wait(w) if w == 30.0));
    assert!(matches!(timer.tick(20.0, Some(&file), snap, 3, true), Tick::Wait(w) if w == 15.0));
    // Due: the copy is written on the worker; the tick returns at once.
    assert!(matches!(
        timer.tick(35.0, Some(&file), snap, 3, true),
        Tick::Writing
    ));
    let copy = match landed(&mut timer, &file, &p, 3, true) {
        Tick::Wrote(copy) => copy,
        other => panic!("{other:?}"),
    };
    assert_eq!(timer.store.list().len(), 1);
    assert_eq!(timer.store.list()[0].path, copy);
    assert_eq!(
        timer.store.load(&timer.store.list()[0]).unwrap().project,
        *p
    );
    // Already copied at revision 3: nothing more until the next change.
    assert!(matches!(
        timer.tick(100.0, Some(&file), snap, 3, true),
        Tick::Idle
    ));
    assert!(matches!(timer.tick(101.0, Some(&file), snap, 4, true), Tick::Wait(w) if w == 30.0));
    // Undone back to the saved state: the copy goes.
    assert!(matches!(
        timer.tick(102.0, Some(&file), snap, 5, false),
        Tick::Removed
    ));
    assert!(timer.store.list().is_empty());
}

#[test]
fn a_copy_in_flight_lands_before_it_is_removed() {
    let dir = tempfile::tempdir().unwrap();
    let mut timer = Autosave::new(&dir.path().join("recovery"), Duration::ZERO);
    let p = Arc::new(sample());
    let file = dir.path().join("talks.ron");
    assert!(matches!(
        timer.tick(1.0, Some(&file), || p.clone(), 2, true),
        Tick::Writing
    ));
    // Saved at once: removing waits for the write, so no stale copy is left behind.
    timer.remove_for(Some(&file)).unwrap();
    timer.settled();
    assert!(timer.store.list().is_empty());

    // Undone to clean while a copy is in flight: it lands, then goes.
    assert!(matches!(
        timer.tick(2.0, Some(&file), || p.clone(), 3, true),
        Tick::Writing
    ));
    let mut ticks = Vec::new();
    for _ in 0..2000 {
        let tick = timer.tick(3.0, Some(&file), || p.clone(), 4, false);
        let done = matches!(tick, Tick::Removed | Tick::Idle);
        ticks.push(format!("{tick:?}"));
        if done && timer.store.list().is_empty() {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    assert!(timer.store.list().is_empty(), "{ticks:?}");
    assert_eq!(
        ticks.last().map(String::as_str),
        Some("Removed"),
        "{ticks:?}"
    );
}
