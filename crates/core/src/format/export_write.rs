//! Writing exports (charts, CSV, PDFs): a set of files written all or nothing, each through a
//! temporary file in its folder renamed over the target, never through a link.
//!
//! A project save follows a symbolic link the user made to their project (`write_atomic`);
//! an export does not: a link planted at `timeline.svg` is replaced by the new file, and the
//! file it pointed at is left alone. Every file of the set is first written in full to its
//! temporary file and fsynced; only when all of them are written are they renamed into
//! place, so a full disk or a read-only name leaves the old set, not half of a new one.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// A file of the set that could not be written, and why.
#[derive(Debug)]
pub struct ExportWriteError {
    pub path: PathBuf,
    pub source: io::Error,
}

impl std::fmt::Display for ExportWriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "cannot write {}: {}", self.path.display(), self.source)
    }
}

impl std::error::Error for ExportWriteError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

/// Write one export file atomically, replacing (never following) a link at `path`.
pub fn write_export(path: &Path, bytes: &[u8]) -> Result<(), ExportWriteError> {
    write_export_set(&[(path.to_path_buf(), bytes.to_vec())])
}

/// Write every `(path, bytes)` of the set, or none of them (see the module comment).
pub fn write_export_set(files: &[(PathBuf, Vec<u8>)]) -> Result<(), ExportWriteError> {
    let fail = |path: &Path, source: io::Error| ExportWriteError {
        path: path.to_path_buf(),
        source,
    };
    // Check every target before writing any: a folder in the way fails the whole set.
    for (path, _) in files {
        if let Ok(meta) = fs::symlink_metadata(path)
            && meta.is_dir()
        {
            return Err(fail(
                path,
                io::Error::new(
                    io::ErrorKind::IsADirectory,
                    "a folder has this name; choose another name or folder",
                ),
            ));
        }
    }
    let mut staged = Vec::with_capacity(files.len());
    for (path, bytes) in files {
        staged.push((path, stage(path, bytes).map_err(|e| fail(path, e))?));
    }
    for (path, tmp) in staged {
        tmp.persist(path).map_err(|e| fail(path, e.error))?;
    }
    if let Some((path, _)) = files.first() {
        let _ = fs::File::open(folder(path)).and_then(|d| d.sync_all());
    }
    Ok(())
}

fn folder(path: &Path) -> PathBuf {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// The bytes written and fsynced to a temporary file beside `path`, readable like any
/// document (0666 less the umask; tempfile's own default is private).
fn stage(path: &Path, bytes: &[u8]) -> io::Result<tempfile::NamedTempFile> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "export".to_owned());
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp").rand_bytes(6);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(folder(path))?;
    tmp.write_all(bytes)?;
    tmp.flush()?;
    tmp.as_file().sync_all()?;
    Ok(tmp)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_planted_link_is_replaced_and_its_target_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim.txt");
        fs::write(&victim, "precious").unwrap();
        let out = dir.path().join("timeline.svg");
        std::os::unix::fs::symlink(&victim, &out).unwrap();
        write_export(&out, b"<svg/>").unwrap();
        assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
        assert!(!fs::symlink_metadata(&out).unwrap().is_symlink());
        assert_eq!(fs::read_to_string(&out).unwrap(), "<svg/>");
    }

    #[test]
    fn a_set_with_one_unwritable_name_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.svg");
        fs::write(&a, "old a").unwrap();
        let blocked = dir.path().join("b.svg");
        fs::create_dir(&blocked).unwrap();
        let err = write_export_set(&[
            (a.clone(), b"new a".to_vec()),
            (blocked.clone(), b"b".to_vec()),
        ])
        .unwrap_err();
        assert_eq!(err.path, blocked);
        assert!(err.to_string().contains("a folder has this name"), "{err}");
        assert_eq!(fs::read_to_string(&a).unwrap(), "old a");
        // No temporary file is left behind.
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
    }

    #[test]
    fn a_missing_folder_fails_before_anything_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.csv");
        let nowhere = dir.path().join("missing/b.csv");
        let err = write_export_set(&[(a.clone(), b"x".to_vec()), (nowhere.clone(), b"y".to_vec())])
            .unwrap_err();
        assert_eq!(err.path, nowhere);
        assert!(!a.exists());
    }
}
