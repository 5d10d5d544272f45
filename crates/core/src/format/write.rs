//! Writing a project: canonical pretty RON, saved atomically, the previous version kept.
//!
//! Canonical form: fields in FORMAT.md order (the model's order), optional fields at their
//! default left out, struct names written, 4-space indents, `\n` line ends, numbers always
//! with a decimal point and never in exponent form, optional values written `Some(..)` as
//! FORMAT.md shows (the reader accepts both), and short items (`Mark`, `Shift`,
//! `PowerOverride`, short lists of ids) on one line. The output is a function of the project
//! alone, so formatting twice gives the same bytes.
//!
//! Saving: the new text goes to a temporary file `.FILE.ron.XXXXXX.tmp` in the same folder,
//! is fsynced, the file being replaced is kept as `FILE.ron.bak` (one generation), and the
//! temporary file is renamed over `FILE.ron`. A save killed midway can leave its temporary
//! file behind; the next successful save of the same file removes those older than a minute
//! (younger ones may belong to a save still running in another process).

use super::layout::canonical_layout;
use crate::model::Project;
use std::ffi::OsString;
use std::fs::{self, Metadata};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// How many random characters a temporary file name holds (`.FILE.ron.XXXXXX.tmp`).
const TEMP_RANDOM_LEN: usize = 6;

/// A temporary file left this long is from a save that died, not one still running: a save
/// of the largest file stancemap opens (64 MiB) takes seconds.
const STALE_TEMP_AGE: Duration = Duration::from_secs(60);

/// The canonical text of a project, or why RON could not write it (not expected for a
/// `Project`, but an error is returned, never an empty text that a save would then write
/// over the project).
pub fn to_canonical(project: &Project) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new()
        .struct_names(true)
        .indentor("    ")
        .new_line("\n")
        .separator(" ")
        .escape_strings(true);
    let text = ron::ser::to_string_pretty(project, config)?;
    Ok(canonical_layout(&text))
}

/// Write `project` to `path` atomically (see `write_atomic`), keeping the file it replaces
/// as `FILE.bak`.
pub fn save_atomic(path: &Path, project: &Project) -> io::Result<()> {
    let text = to_canonical(project).map_err(io::Error::other)?;
    write_atomic(path, text.as_bytes())
}

/// Replace the contents of `path` with `bytes` atomically: a temporary file in the same
/// folder, written, flushed and fsynced; the file it replaces kept as `backup_path(path)`;
/// the temporary file renamed over the target; then the folder fsynced. An existing file
/// keeps its permissions; a symbolic link keeps pointing at the file it names. On any error
/// (including failing to keep the backup) the old file is left as it was.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_as(path, bytes, Save::Document)
}

/// The previous version of the file at `path`, kept by every save: `FILE.ron.bak` next to
/// the file (next to the file a symbolic link names, since that is the folder written to).
pub fn backup_path(path: &Path) -> PathBuf {
    let target = resolve_link(path).unwrap_or_else(|_| path.to_path_buf());
    let mut name = target
        .file_name()
        .map_or_else(|| OsString::from("project"), |n| n.to_os_string());
    name.push(".bak");
    target.with_file_name(name)
}

/// What kind of file is being saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Save {
    /// The user's project: keep the previous version, new files readable like any document.
    Document,
    /// A copy kept by the app for crash recovery: no backup, and private (0600) when new,
    /// since it may hold a confidential project in a shared folder.
    Private,
}

pub(crate) fn write_atomic_as(path: &Path, bytes: &[u8], kind: Save) -> io::Result<()> {
    let target = resolve_link(path)?;
    let dir = match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "project".to_owned());
    let existing = match fs::metadata(&target) {
        Ok(meta) => Some(meta),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    if kind == Save::Document
        && let Some(meta) = &existing
        && meta.is_file()
        && meta.permissions().readonly()
    {
        return Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            "the file is read-only; make it writable first, or save under another name",
        ));
    }
    let prefix = format!(".{name}.");
    let mut builder = temp_builder(&prefix);
    #[cfg(unix)]
    if existing.is_none() && kind == Save::Document {
        // tempfile creates private (0600) files; a new project is an ordinary document, so
        // give it the mode any editor would (0666 less the user's umask).
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(&dir)?;
    tmp.write_all(bytes)?;
    tmp.flush()?;
    if let Some(meta) = &existing {
        tmp.as_file().set_permissions(meta.permissions())?;
        keep_owner(tmp.as_file(), meta);
    }
    tmp.as_file().sync_all()?;
    if kind == Save::Document
        && let Some(meta) = &existing
        && has_other_links(&target, meta)
    {
        // Renaming would cut the file off from its other names (a hard link the user made
        // on purpose): keep a copy as the backup, then write the file in place.
        keep_backup_copy(&target, &dir, &prefix, meta)?;
        drop(tmp);
        let mut file = fs::OpenOptions::new()
            .write(true)
            .truncate(true)
            .open(&target)?;
        file.write_all(bytes)?;
        return file.sync_all();
    }
    if kind == Save::Document
        && let Some(meta) = &existing
    {
        keep_backup(&target, &dir, &prefix, meta, bytes).map_err(|e| {
            io::Error::new(
                e.kind(),
                format!(
                    "cannot keep the previous version as {}: {e}",
                    backup_path(&target).display()
                ),
            )
        })?;
    }
    tmp.persist(&target).map_err(|e| e.error)?;
    sync_dir(&dir)?;
    remove_stale_temps(&dir, &prefix);
    Ok(())
}

fn temp_builder(prefix: &str) -> tempfile::Builder<'_, '_> {
    let mut builder = tempfile::Builder::new();
    builder
        .prefix(prefix)
        .suffix(".tmp")
        .rand_bytes(TEMP_RANDOM_LEN);
    builder
}

/// Make the file about to be replaced the new `FILE.bak`, atomically: a hard link to it
/// under a temporary name renamed over the backup (a copy where the file system has no hard
/// links). A save that leaves the content as it was keeps the older backup instead, so
/// saving twice does not lose the version before.
fn keep_backup(
    target: &Path,
    dir: &Path,
    prefix: &str,
    meta: &Metadata,
    new_bytes: &[u8],
) -> io::Result<()> {
    if !meta.is_file() {
        // A folder or device at the target: the rename fails and reports it.
        return Ok(());
    }
    if same_file(&backup_path(target), meta) {
        // The backup is already another name of the file: once the new file is renamed
        // into place, it alone holds the previous version, as a backup should.
        return Ok(());
    }
    let unchanged =
        meta.len() == new_bytes.len() as u64 && fs::read(target).is_ok_and(|old| old == new_bytes);
    if unchanged {
        return Ok(());
    }
    let builder = temp_builder(prefix);
    let linked = builder.make_in(dir, |tmp| fs::hard_link(target, tmp));
    match linked {
        Ok(link) => link.persist(backup_path(target)).map_err(|e| e.error)?,
        Err(_) => keep_backup_copy(target, dir, prefix, meta)?,
    }
    Ok(())
}

/// The backup as a copy of the file (not a link to it), written atomically.
fn keep_backup_copy(target: &Path, dir: &Path, prefix: &str, meta: &Metadata) -> io::Result<()> {
    let mut copy = temp_builder(prefix).tempfile_in(dir)?;
    io::copy(&mut fs::File::open(target)?, copy.as_file_mut())?;
    copy.as_file().set_permissions(meta.permissions())?;
    copy.as_file().sync_all()?;
    copy.persist(backup_path(target)).map_err(|e| e.error)?;
    Ok(())
}

/// Whether `path` names the same file as `meta` describes (one file, two names).
#[cfg(unix)]
fn same_file(path: &Path, meta: &Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    fs::symlink_metadata(path).is_ok_and(|m| m.dev() == meta.dev() && m.ino() == meta.ino())
}

#[cfg(not(unix))]
fn same_file(_path: &Path, _meta: &Metadata) -> bool {
    false
}

/// Whether the file has names other than `target` and its backup (hard links made by
/// someone on purpose, which a rename would leave holding the old text).
#[cfg(unix)]
fn has_other_links(target: &Path, meta: &Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    let backup_link = u64::from(same_file(&backup_path(target), meta));
    meta.is_file() && meta.nlink() > 1 + backup_link
}

#[cfg(not(unix))]
fn has_other_links(_target: &Path, _meta: &Metadata) -> bool {
    false
}

/// Give the new file the owner and group of the one it replaces, where the process may
/// (root saving another user's file); otherwise the new file stays the saver's.
#[cfg(unix)]
fn keep_owner(file: &fs::File, meta: &Metadata) {
    use std::os::unix::fs::MetadataExt;
    let Ok(mine) = file.metadata() else { return };
    if (mine.uid(), mine.gid()) != (meta.uid(), meta.gid()) {
        let _ = std::os::unix::fs::fchown(file, Some(meta.uid()), Some(meta.gid()));
        let _ = file.set_permissions(meta.permissions());
    }
}

#[cfg(not(unix))]
fn keep_owner(_file: &fs::File, _meta: &Metadata) {}

/// Remove the temporary files of earlier saves of this file that were killed midway. Best
/// effort: a file that cannot be removed is left for the next save.
fn remove_stale_temps(dir: &Path, prefix: &str) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let name = entry.file_name();
        if !name.to_str().is_some_and(|n| is_temp_name(n, prefix)) {
            continue;
        }
        // `DirEntry::metadata` does not follow links: only our own regular files go.
        let Ok(meta) = entry.metadata() else {
            continue;
        };
        let age = meta
            .modified()
            .ok()
            .and_then(|modified| now.duration_since(modified).ok());
        if meta.is_file() && age.is_some_and(|age| age >= STALE_TEMP_AGE) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Whether `name` is one of our temporary files for the file whose prefix is `prefix`.
fn is_temp_name(name: &str, prefix: &str) -> bool {
    name.strip_prefix(prefix)
        .and_then(|rest| rest.strip_suffix(".tmp"))
        .is_some_and(|random| {
            random.len() == TEMP_RANDOM_LEN && random.bytes().all(|b| b.is_ascii_alphanumeric())
        })
}

/// The file a symbolic link points to (so saving replaces the file, not the link).
fn resolve_link(path: &Path) -> io::Result<PathBuf> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => fs::canonicalize(path),
        _ => Ok(path.to_path_buf()),
    }
}

/// Make the rename itself durable: fsync the folder that holds the file.
#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    fs::File::open(dir)?.sync_all()
}

/// Windows cannot open a folder as a file; its rename is already durable enough.
#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_our_temporary_names_match() {
        let prefix = ".talks.ron.";
        assert!(is_temp_name(".talks.ron.a1B2c3.tmp", prefix));
        assert!(
            !is_temp_name(".talks.ron.a1B2c.tmp", prefix),
            "5 characters"
        );
        assert!(!is_temp_name(".talks.ron.a1-2c3.tmp", prefix));
        assert!(!is_temp_name(".talks.ron.a1B2c3.tmp.x", prefix));
        assert!(!is_temp_name(".other.ron.a1B2c3.tmp", prefix));
        assert!(!is_temp_name("talks.ron.bak", prefix));
    }

    #[test]
    fn the_backup_sits_next_to_the_file() {
        assert_eq!(
            backup_path(Path::new("/nowhere/talks.ron")),
            Path::new("/nowhere/talks.ron.bak")
        );
        assert_eq!(backup_path(Path::new("t.ron")), Path::new("t.ron.bak"));
    }
}
