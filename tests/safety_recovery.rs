//! Recovery copies: what the app autosaves, and what it offers after a crash.

use jiff::Timestamp;
use stancemap::format::{self, RecoveryStore, save_atomic, to_canonical};
use stancemap::model::Project;
use std::path::Path;
use std::time::{Duration, SystemTime};

fn project(title: &str) -> Project {
    Project {
        title: title.into(),
        ..Project::default()
    }
}

fn set_modified(path: &Path, time: SystemTime) {
    let file = std::fs::File::options().write(true).open(path).unwrap();
    file.set_modified(time).unwrap();
}

/// A folder with the user's project `talks.ron` (saved) and an empty recovery store.
fn setup() -> (tempfile::TempDir, std::path::PathBuf, RecoveryStore) {
    let dir = tempfile::tempdir().unwrap();
    let original = dir.path().join("docs/talks.ron");
    std::fs::create_dir(dir.path().join("docs")).unwrap();
    save_atomic(&original, &project("Saved")).unwrap();
    let store = RecoveryStore::new(dir.path().join("data/recovery"));
    (dir, original, store)
}

#[test]
fn a_recovery_copy_is_an_ordinary_project_file_with_its_origin_in_a_comment() {
    let (_dir, original, store) = setup();
    let before = Timestamp::now();
    let copy = store
        .write(Some(&original), &project("Unsaved edits"))
        .unwrap();
    let after = Timestamp::now();

    let name = copy.file_name().unwrap().to_str().unwrap();
    assert!(name.starts_with("recovery-") && name.ends_with(".ron") && name.len() == 29);
    assert_eq!(copy.parent(), Some(store.dir()));
    let text = std::fs::read_to_string(&copy).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some(
            "// stancemap recovery copy: unsaved changes, kept in case the app stopped before \
             saving."
        )
    );
    assert_eq!(
        lines.next().unwrap(),
        format!("// original: {:?}", original.to_str().unwrap())
    );
    assert!(lines.next().unwrap().starts_with("// saved: "));
    // After the three header lines, the canonical text of the project.
    let body: String = text.splitn(4, '\n').nth(3).unwrap().to_owned();
    assert_eq!(body, to_canonical(&project("Unsaved edits")).unwrap());
    // Anyone can open it by hand.
    assert_eq!(
        format::load_path(&copy).unwrap().project,
        project("Unsaved edits")
    );

    let list = store.list();
    assert_eq!(list.len(), 1);
    let entry = &list[0];
    assert_eq!(entry.path, copy);
    assert_eq!(entry.original.as_deref(), Some(original.as_path()));
    assert!(before <= entry.saved_at && entry.saved_at <= after);
    assert_eq!(store.load(entry).unwrap().project, project("Unsaved edits"));
}

#[test]
fn after_a_crash_every_copy_that_differs_from_its_original_is_offered_whatever_the_times() {
    let (_dir, original, store) = setup();
    store
        .write(Some(&original), &project("Unsaved edits"))
        .unwrap();
    // The app is killed here: the copy stays, the original holds the last save.
    let saved_at = SystemTime::from(store.list()[0].saved_at);

    // The original was saved a minute before the autosave: the copy holds newer work.
    set_modified(&original, saved_at - Duration::from_secs(60));
    let list = store.list();
    assert_eq!(store.offers(), list);

    // A `git pull` or a `touch` after the crash makes the original newer than the copy;
    // the edits are still only in the copy, so it is still offered (it used to be skipped
    // by its time, and the next autosave overwrote it).
    set_modified(&original, saved_at + Duration::from_secs(60));
    assert_eq!(store.offers(), list);

    // The original now holds exactly what the copy holds (saved by another instance, or
    // by hand): nothing to lose, nothing offered.
    save_atomic(&original, &project("Unsaved edits")).unwrap();
    assert!(!store.differs_from_original(&list[0]));
    assert_eq!(store.offers(), []);

    // An original that no longer loads, or is gone, cannot be compared: offered.
    std::fs::write(&original, "Project(").unwrap();
    assert_eq!(store.offers().len(), 1);
    std::fs::remove_file(&original).unwrap();
    assert_eq!(store.offers().len(), 1);
}

#[test]
fn saving_the_project_then_removing_its_copy_leaves_nothing_to_offer() {
    let (_dir, original, store) = setup();
    store.write(Some(&original), &project("Edits")).unwrap();
    // The user saves; the app then drops the recovery copy.
    save_atomic(&original, &project("Edits")).unwrap();
    store.remove_for(Some(&original)).unwrap();
    assert_eq!(store.list(), []);
    // Removing again (a second save) is not an error.
    store.remove_for(Some(&original)).unwrap();

    // `remove` of a listed entry does the same.
    store
        .write(Some(&original), &project("More edits"))
        .unwrap();
    let entry = store.list().remove(0);
    store.remove(&entry).unwrap();
    assert_eq!(store.list(), []);
    store.remove(&entry).unwrap();
}

#[test]
fn one_copy_per_original_and_one_for_a_project_never_saved() {
    let (dir, original, store) = setup();
    let other = dir.path().join("docs/other.ron");
    store.write(Some(&original), &project("A1")).unwrap();
    store.write(Some(&original), &project("A2")).unwrap();
    store.write(Some(&other), &project("B")).unwrap();
    store.write(None, &project("New 1")).unwrap();
    let untitled = store.write(None, &project("New 2")).unwrap();
    assert_eq!(untitled, store.dir().join("recovery-untitled.ron"));

    let list = store.list();
    assert_eq!(list.len(), 3);
    // Newest first.
    assert_eq!(list[0].original, None);
    assert!(
        store.differs_from_original(&list[0]),
        "a project never saved is always offered"
    );
    assert_eq!(store.load(&list[0]).unwrap().project, project("New 2"));
    assert_eq!(list[1].original.as_deref(), Some(other.as_path()));
    assert_eq!(list[2].original.as_deref(), Some(original.as_path()));
    assert_eq!(store.load(&list[2]).unwrap().project, project("A2"));
    assert!(list[0].saved_at >= list[1].saved_at && list[1].saved_at >= list[2].saved_at);

    // A relative path names the same copy as the absolute one.
    let cwd = std::env::current_dir().unwrap();
    assert_eq!(
        store.path_for(Some(Path::new("talks.ron"))),
        store.path_for(Some(&cwd.join("talks.ron")))
    );
    assert_ne!(
        store.path_for(Some(&original)),
        store.path_for(Some(&other))
    );

    store.remove_for(None).unwrap();
    assert_eq!(store.list().len(), 2);
}

#[test]
fn the_store_skips_what_is_not_a_copy_and_keeps_a_copy_whose_header_was_damaged() {
    let (_dir, _original, store) = setup();
    assert_eq!(store.list(), [], "a store not yet created is empty");
    store.write(None, &project("New")).unwrap();
    let dir = store.dir();
    std::fs::write(dir.join("notes.txt"), "x").unwrap();
    std::fs::write(dir.join("recovery-zz.ron"), "x").unwrap();
    // A crashed write's temporary file.
    std::fs::write(dir.join(".recovery-untitled.ron.aB3dE9.tmp"), "Proj").unwrap();
    // A file with a copy's name that is not one (no header): skipped.
    std::fs::write(
        dir.join("recovery-0123456789abcdef.ron"),
        to_canonical(&project("Not a copy")).unwrap(),
    )
    .unwrap();
    // A copy whose `original` and `saved` lines were damaged: still somebody's work,
    // offered as a project never saved and dated by its file.
    let damaged = dir.join("recovery-fedcba9876543210.ron");
    let text = format!(
        "// stancemap recovery copy: unsaved changes\n// original: \"unclosed\n// saved: soon\n{}",
        to_canonical(&project("Damaged")).unwrap()
    );
    std::fs::write(&damaged, text).unwrap();
    let modified =
        Timestamp::try_from(std::fs::metadata(&damaged).unwrap().modified().unwrap()).unwrap();

    let list = store.list();
    assert_eq!(list.len(), 2, "{list:?}");
    let entry = list.iter().find(|e| e.path == damaged).unwrap();
    assert_eq!(entry.original, None);
    assert_eq!(entry.saved_at, modified);
    assert!(store.differs_from_original(entry));
    assert_eq!(store.load(entry).unwrap().project, project("Damaged"));
}

#[cfg(unix)]
#[test]
fn recovery_copies_are_private_and_keep_no_backup() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, original, store) = setup();
    let copy = store.write(Some(&original), &project("One")).unwrap();
    store.write(Some(&original), &project("Two")).unwrap();
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&copy), 0o600);
    assert_eq!(mode(store.dir()), 0o700);
    let names: Vec<_> = std::fs::read_dir(store.dir())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, [copy.file_name().unwrap()]);
}
