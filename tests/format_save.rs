//! Atomic saving: the new text replaces the file in one step, or the old file stays.

use stancemap::format::{self, save_atomic};
use stancemap::model::Project;

fn project() -> Project {
    Project {
        title: "Talks".into(),
        summary: "Russia's view, in \"quotes\"".into(),
        ..Project::default()
    }
}

#[test]
fn a_saved_project_loads_back_equal_in_canonical_form() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("talks.ron");
    std::fs::write(&path, "old").unwrap();
    format::save_atomic(&path, &project()).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    // The apostrophe needs no escape; the double quotes do.
    assert_eq!(
        text,
        "Project(\n    format: 1,\n    title: \"Talks\",\n    summary: \"Russia's view, in \\\"quotes\\\"\",\n    parties: [],\n    issues: [],\n    positions: [],\n)\n"
    );
    assert_eq!(format::load_path(&path).unwrap().project, project());
}

#[test]
fn a_failed_save_is_an_error_and_leaves_what_was_there() {
    let dir = tempfile::tempdir().unwrap();
    // No such folder.
    assert!(format::save_atomic(&dir.path().join("absent/talks.ron"), &project()).is_err());
    // The target is a folder with a file in it: the rename fails and the folder stays.
    let target = dir.path().join("talks.ron");
    std::fs::create_dir(&target).unwrap();
    std::fs::write(target.join("keep.txt"), "keep").unwrap();
    assert!(format::save_atomic(&target, &project()).is_err());
    assert_eq!(
        std::fs::read_to_string(target.join("keep.txt")).unwrap(),
        "keep"
    );
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["talks.ron"], "no temporary file is left behind");
}

#[cfg(unix)]
#[test]
fn saving_through_a_symbolic_link_replaces_the_file_it_names() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.ron");
    let link = dir.path().join("link.ron");
    std::fs::write(&real, "old").unwrap();
    std::os::unix::fs::symlink(&real, &link).unwrap();
    format::save_atomic(&link, &project()).unwrap();
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(format::load_path(&real).unwrap().project, project());
}

#[test]
#[cfg(unix)]
fn new_files_get_ordinary_permissions_and_existing_ones_keep_theirs() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.ron");
    save_atomic(&path, &project()).unwrap();
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    // 0666 less the umask: readable by others as any document is (umask is 022 or 002 here).
    assert!(mode & 0o644 == 0o644, "new file mode {mode:o}");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    save_atomic(&path, &project()).unwrap();
    assert_eq!(
        std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o640
    );
}
