//! "Changed on disk": a stamp taken at open or save tells when another program changed
//! the file's content, and does not nag when the file was only touched.

use stancemap::format::{self, DiskChange, DiskStamp, MAX_FILE_BYTES, save_atomic};
use stancemap::model::Project;
use std::path::Path;
use std::time::Duration;

fn project(title: &str) -> Project {
    Project {
        title: title.into(),
        ..Project::default()
    }
}

fn touch(path: &Path, later_by: Duration) {
    let modified = std::fs::metadata(path).unwrap().modified().unwrap();
    let file = std::fs::File::options().write(true).open(path).unwrap();
    file.set_modified(modified + later_by).unwrap();
}

#[test]
fn a_file_left_alone_or_only_touched_is_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("talks.ron");
    save_atomic(&path, &project("T")).unwrap();
    let stamp = DiskStamp::of(&path).unwrap();
    assert_eq!(stamp.compare(&path).unwrap(), DiskChange::Unchanged);
    assert!(!stamp.has_changed(&path).unwrap());

    // `touch`, a backup tool, a sync client resetting the time: same bytes, no nag.
    touch(&path, Duration::from_secs(30));
    assert_eq!(stamp.compare(&path).unwrap(), DiskChange::Unchanged);

    // Another program rewrites it with the very same bytes (a new file in its place).
    let bytes = std::fs::read(&path).unwrap();
    std::fs::remove_file(&path).unwrap();
    std::fs::write(&path, &bytes).unwrap();
    assert_eq!(stamp.compare(&path).unwrap(), DiskChange::Unchanged);
}

#[test]
fn a_change_of_content_is_seen_whatever_its_length() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("talks.ron");
    save_atomic(&path, &project("Ab")).unwrap();
    let stamp = DiskStamp::of(&path).unwrap();

    // Same length, different bytes ("Ab" -> "Cd"), written in place an instant later.
    let edited = std::fs::read_to_string(&path).unwrap().replace("Ab", "Cd");
    std::fs::write(&path, &edited).unwrap();
    touch(&path, Duration::from_secs(1));
    assert_eq!(stamp.len(), edited.len() as u64);
    assert_eq!(stamp.compare(&path).unwrap(), DiskChange::Modified);
    assert!(stamp.has_changed(&path).unwrap());

    // A different length is a change without reading the file.
    save_atomic(&path, &project("Longer title")).unwrap();
    assert_eq!(stamp.compare(&path).unwrap(), DiskChange::Modified);

    // Stamping again after our own save: unchanged until the next outside edit.
    let stamp = DiskStamp::of(&path).unwrap();
    assert_eq!(stamp.compare(&path).unwrap(), DiskChange::Unchanged);
    save_atomic(&path, &project("Someone else")).unwrap();
    assert_eq!(stamp.compare(&path).unwrap(), DiskChange::Modified);
}

#[test]
fn a_file_deleted_or_replaced_by_a_folder_is_removed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("talks.ron");
    save_atomic(&path, &project("T")).unwrap();
    let stamp = DiskStamp::of(&path).unwrap();
    std::fs::remove_file(&path).unwrap();
    assert_eq!(stamp.compare(&path).unwrap(), DiskChange::Removed);
    assert!(stamp.has_changed(&path).unwrap());
    std::fs::create_dir(&path).unwrap();
    assert_eq!(stamp.compare(&path).unwrap(), DiskChange::Removed);
    assert!(DiskStamp::of(&dir.path().join("absent.ron")).is_err());
}

#[test]
fn reading_for_the_app_gives_the_bytes_loaded_and_their_stamp() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("talks.ron");
    save_atomic(&path, &project("T")).unwrap();
    let (bytes, stamp) = DiskStamp::read(&path).unwrap();
    assert_eq!(format::load_bytes(&bytes).unwrap().project, project("T"));
    assert_eq!(stamp, DiskStamp::of(&path).unwrap());
    assert_eq!(stamp.compare(&path).unwrap(), DiskChange::Unchanged);

    // It refuses what the loader refuses to read: here a file over the size limit.
    let big = dir.path().join("big.ron");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(MAX_FILE_BYTES + 1)
        .unwrap();
    let error = DiskStamp::read(&big).unwrap_err();
    assert!(
        error.diagnostics[0]
            .message
            .starts_with("the file is 67108865 bytes; stancemap opens project files of at most"),
        "{error}"
    );
    let error = DiskStamp::read(&dir.path().join("absent.ron")).unwrap_err();
    assert!(
        error.diagnostics[0]
            .message
            .starts_with("cannot read the file: "),
        "{error}"
    );
}
