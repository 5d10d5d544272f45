//! No lost work when saving: the previous version is kept as `FILE.bak`, temporary files
//! of killed saves are cleaned up, and a save that cannot happen fails with an error and
//! leaves everything as it was.

use stancemap::format::{self, backup_path, save_atomic, to_canonical};
use stancemap::model::Project;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, SystemTime};

fn project(title: &str) -> Project {
    Project {
        title: title.into(),
        ..Project::default()
    }
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

/// The names in a folder, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn set_age(path: &Path, age: Duration) {
    let file = std::fs::File::options().write(true).open(path).unwrap();
    file.set_modified(SystemTime::now() - age).unwrap();
}

#[test]
fn every_save_keeps_the_previous_version_as_bak() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("talks.ron");
    let bak = dir.path().join("talks.ron.bak");
    assert_eq!(backup_path(&path), bak);

    // A new file has no previous version.
    save_atomic(&path, &project("One")).unwrap();
    assert_eq!(names(dir.path()), ["talks.ron"]);

    save_atomic(&path, &project("Two")).unwrap();
    assert_eq!(read(&path), to_canonical(&project("Two")).unwrap());
    assert_eq!(read(&bak), to_canonical(&project("One")).unwrap());

    // One generation: the backup is always the version just replaced.
    save_atomic(&path, &project("Three")).unwrap();
    assert_eq!(read(&bak), to_canonical(&project("Two")).unwrap());
    assert_eq!(names(dir.path()), ["talks.ron", "talks.ron.bak"]);

    // Saving the same content again keeps the older backup, so a second Save does not
    // throw away the version before the first.
    save_atomic(&path, &project("Three")).unwrap();
    assert_eq!(read(&bak), to_canonical(&project("Two")).unwrap());
    assert_eq!(format::load_path(&bak).unwrap().project, project("Two"));
}

#[cfg(unix)]
#[test]
fn the_backup_keeps_the_old_file_and_its_permissions() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("talks.ron");
    std::fs::write(&path, "hand-written, comments and all").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    let old_inode = std::fs::metadata(&path).unwrap().ino();

    save_atomic(&path, &project("New")).unwrap();
    let bak = std::fs::metadata(backup_path(&path)).unwrap();
    assert_eq!(read(&backup_path(&path)), "hand-written, comments and all");
    assert_eq!(bak.permissions().mode() & 0o777, 0o640);
    // The old file itself became the backup (a hard link, no copy).
    assert_eq!(bak.ino(), old_inode);
    assert_eq!(bak.nlink(), 1, "the temporary link name is gone");
}

#[cfg(unix)]
#[test]
fn through_a_symbolic_link_the_backup_sits_next_to_the_real_file() {
    let dir = tempfile::tempdir().unwrap();
    let real_dir = dir.path().join("real");
    std::fs::create_dir(&real_dir).unwrap();
    let real = real_dir.join("talks.ron");
    let link = dir.path().join("link.ron");
    std::fs::write(&real, "old").unwrap();
    std::os::unix::fs::symlink(&real, &link).unwrap();

    save_atomic(&link, &project("New")).unwrap();
    assert_eq!(backup_path(&link), real_dir.join("talks.ron.bak"));
    assert_eq!(read(&real_dir.join("talks.ron.bak")), "old");
    assert_eq!(names(dir.path()), ["link.ron", "real"]);
}

#[test]
fn fmt_keeps_the_file_it_rewrites_as_bak() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("talks.ron");
    let hand =
        "// my notes\nProject(format: 1, title: \"T\", parties: [], issues: [], positions: [])\n";
    std::fs::write(&path, hand).unwrap();
    let bin = env!("CARGO_BIN_EXE_stancemap");
    let out = Command::new(bin).arg("fmt").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        read(&backup_path(&path)),
        hand,
        "the comment survives in the backup"
    );
    assert_eq!(read(&path), to_canonical(&project("T")).unwrap());
    // An already canonical file is not rewritten, so the backup stays the hand-written one.
    let out = Command::new(bin).arg("fmt").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(read(&backup_path(&path)), hand);
}

#[test]
fn temporary_files_of_killed_saves_are_removed_by_the_next_save_once_a_minute_old() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("talks.ron");
    let file = |name: &str, age_secs: u64| {
        let p = dir.path().join(name);
        std::fs::write(&p, "partial").unwrap();
        set_age(&p, Duration::from_secs(age_secs));
    };
    file(".talks.ron.aB3dE9.tmp", 120); // a killed save of this file: removed
    file(".talks.ron.Zz0Zz0.tmp", 5); // perhaps a save still running elsewhere: kept
    file(".other.ron.aB3dE9.tmp", 120); // another file's: not ours to judge
    file(".talks.ron.mine.tmp", 120); // not a name we make
    save_atomic(&path, &project("T")).unwrap();
    assert_eq!(
        names(dir.path()),
        [
            ".other.ron.aB3dE9.tmp",
            ".talks.ron.Zz0Zz0.tmp",
            ".talks.ron.mine.tmp",
            "talks.ron"
        ]
    );
}

#[test]
fn a_save_that_cannot_keep_the_backup_fails_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("talks.ron");
    std::fs::write(&path, "old").unwrap();
    // A folder in the backup's place, with a file in it: it cannot be replaced.
    let bak = backup_path(&path);
    std::fs::create_dir(&bak).unwrap();
    std::fs::write(bak.join("keep.txt"), "keep").unwrap();

    let error = save_atomic(&path, &project("New")).unwrap_err();
    let message = error.to_string();
    assert!(
        message.starts_with(&format!(
            "cannot keep the previous version as {}: ",
            bak.display()
        )),
        "{message}"
    );
    assert_eq!(read(&path), "old");
    assert_eq!(read(&bak.join("keep.txt")), "keep");
    assert_eq!(
        names(dir.path()),
        ["talks.ron", "talks.ron.bak"],
        "no temporary file left"
    );
}

/// Whether this process may create files in a folder whose permissions say it may not
/// (root, or any process with CAP_DAC_OVERRIDE, as in CI).
#[cfg(unix)]
fn permissions_are_ignored(dir: &Path) -> bool {
    let probe = dir.join("probe");
    let ignored = std::fs::write(&probe, "").is_ok();
    let _ = std::fs::remove_file(&probe);
    ignored
}

/// Makes a folder refuse new files for as long as it lives: by its permissions for an
/// ordinary user; for root, which ignores them, by the ext4 "immutable" attribute where
/// `chattr` works. `None` when neither can be had here.
#[cfg(unix)]
struct ReadOnlyFolder {
    dir: std::path::PathBuf,
    immutable: bool,
}

#[cfg(unix)]
impl ReadOnlyFolder {
    fn make(dir: &Path) -> Option<Self> {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o555)).unwrap();
        if !permissions_are_ignored(dir) {
            return Some(Self {
                dir: dir.to_path_buf(),
                immutable: false,
            });
        }
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755)).unwrap();
        let chattr = Command::new("chattr").arg("+i").arg(dir).output();
        if chattr.is_ok_and(|out| out.status.success()) {
            if !permissions_are_ignored(dir) {
                return Some(Self {
                    dir: dir.to_path_buf(),
                    immutable: true,
                });
            }
            let _ = Command::new("chattr").arg("-i").arg(dir).status();
        }
        None
    }
}

#[cfg(unix)]
impl Drop for ReadOnlyFolder {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        if self.immutable {
            let _ = Command::new("chattr").arg("-i").arg(&self.dir).status();
        } else {
            let _ = std::fs::set_permissions(&self.dir, std::fs::Permissions::from_mode(0o755));
        }
    }
}

#[cfg(unix)]
#[test]
fn a_save_into_a_read_only_folder_fails_and_leaves_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("talks.ron");
    std::fs::write(&path, "old").unwrap();
    match ReadOnlyFolder::make(dir.path()) {
        Some(_read_only) => {
            assert!(save_atomic(&path, &project("New")).is_err());
            assert!(save_atomic(&dir.path().join("new.ron"), &project("New")).is_err());
            assert_eq!(read(&path), "old");
            assert_eq!(
                names(dir.path()),
                ["talks.ron"],
                "no backup, no temporary file"
            );
        }
        None => eprintln!(
            "cannot make a read-only folder here (root without chattr); only /proc is tried"
        ),
    }
    // A folder the kernel refuses new files in, even for root.
    #[cfg(target_os = "linux")]
    {
        let inside_proc = Path::new("/proc/stancemap-safety-test.ron");
        assert!(save_atomic(inside_proc, &project("New")).is_err());
        assert!(!inside_proc.exists());
    }
}

#[test]
fn a_save_into_a_folder_that_vanished_fails_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("project");
    std::fs::create_dir(&folder).unwrap();
    let path = folder.join("talks.ron");
    save_atomic(&path, &project("One")).unwrap();
    // The folder is deleted (or its drive unplugged) while the project is open.
    std::fs::remove_dir_all(&folder).unwrap();
    let error = save_atomic(&path, &project("Two")).unwrap_err();
    assert_eq!(error.kind(), std::io::ErrorKind::NotFound);
    assert!(!folder.exists(), "the save does not recreate the folder");
}

#[test]
fn a_save_under_a_path_whose_folder_is_a_file_fails_and_leaves_that_file() {
    let dir = tempfile::tempdir().unwrap();
    let not_a_folder = dir.path().join("notes.txt");
    std::fs::write(&not_a_folder, "my notes").unwrap();
    assert!(save_atomic(&not_a_folder.join("talks.ron"), &project("New")).is_err());
    assert_eq!(read(&not_a_folder), "my notes");
    assert_eq!(names(dir.path()), ["notes.txt"]);
}

#[test]
fn a_read_only_file_is_not_rewritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("talks.ron");
    save_atomic(&path, &project("One")).unwrap();
    let mut perms = std::fs::metadata(&path).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&path, perms).unwrap();
    let err = save_atomic(&path, &project("Two")).unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::PermissionDenied);
    assert_eq!(
        err.to_string(),
        "the file is read-only; make it writable first, or save under another name"
    );
    assert_eq!(read(&path), to_canonical(&project("One")).unwrap());
    assert_eq!(names(dir.path()), ["talks.ron"]);
}

#[cfg(unix)]
#[test]
fn a_file_with_other_hard_links_is_written_in_place_after_the_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("talks.ron");
    let other = dir.path().join("shared-name.ron");
    save_atomic(&path, &project("One")).unwrap();
    std::fs::hard_link(&path, &other).unwrap();
    save_atomic(&path, &project("Two")).unwrap();
    // Both names still show the same, new file; the backup holds the old text.
    assert_eq!(read(&other), to_canonical(&project("Two")).unwrap());
    assert_eq!(
        read(&backup_path(&path)),
        to_canonical(&project("One")).unwrap()
    );
    assert_eq!(
        names(dir.path()),
        ["shared-name.ron", "talks.ron", "talks.ron.bak"]
    );
}

#[cfg(unix)]
#[test]
fn a_backup_that_is_already_a_hard_link_to_the_file_leaves_no_temp_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("talks.ron");
    save_atomic(&path, &project("One")).unwrap();
    std::fs::hard_link(&path, backup_path(&path)).unwrap();
    save_atomic(&path, &project("Two")).unwrap();
    assert_eq!(read(&path), to_canonical(&project("Two")).unwrap());
    assert_eq!(
        read(&backup_path(&path)),
        to_canonical(&project("One")).unwrap()
    );
    assert_eq!(names(dir.path()), ["talks.ron", "talks.ron.bak"]);
}

#[cfg(unix)]
#[test]
fn a_save_keeps_the_owner_of_the_file_it_replaces_where_it_may() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("talks.ron");
    save_atomic(&path, &project("One")).unwrap();
    // Only root may give a file away; elsewhere the test has nothing to show.
    if std::os::unix::fs::chown(&path, Some(54321), Some(54321)).is_err() {
        return;
    }
    save_atomic(&path, &project("Two")).unwrap();
    let meta = std::fs::metadata(&path).unwrap();
    assert_eq!((meta.uid(), meta.gid()), (54321, 54321));
    assert_eq!(read(&path), to_canonical(&project("Two")).unwrap());
}
