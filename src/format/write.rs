//! Writing a project: canonical pretty RON, saved atomically.
//!
//! Canonical form: fields in FORMAT.md order (the model's order), optional fields at their
//! default left out, struct names written, 4-space indents, `\n` line ends, numbers always
//! with a decimal point and never in exponent form, optional values written `Some(..)` as
//! FORMAT.md shows (the reader accepts both), and short items (`Mark`, `Shift`,
//! `PowerOverride`, short lists of ids) on one line. The output is a function of the project
//! alone, so formatting twice gives the same bytes.

use super::layout::canonical_layout;
use crate::model::Project;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The canonical text of a project.
pub fn to_canonical(project: &Project) -> String {
    try_to_canonical(project).unwrap_or_default()
}

/// The canonical text, or why RON could not write it (never expected for a `Project`).
fn try_to_canonical(project: &Project) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new()
        .struct_names(true)
        .indentor("    ")
        .new_line("\n")
        .separator(" ")
        .escape_strings(true);
    let text = ron::ser::to_string_pretty(project, config)?;
    Ok(canonical_layout(&text))
}

/// Write `project` to `path` atomically: a temporary file in the same folder, written,
/// flushed and fsynced, then renamed over the target, then the folder fsynced. An existing
/// file keeps its permissions; a symbolic link keeps pointing at the file it names. On any
/// error the old file is left as it was.
pub fn save_atomic(path: &Path, project: &Project) -> io::Result<()> {
    let text = try_to_canonical(project).map_err(io::Error::other)?;
    write_atomic(path, text.as_bytes())
}

/// Replace the contents of `path` with `bytes` atomically (see `save_atomic`).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let target = resolve_link(path)?;
    let dir = match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "project".to_owned());
    let existing = match std::fs::metadata(&target) {
        Ok(meta) => Some(meta.permissions()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    if existing.is_none() {
        // tempfile creates private (0600) files; a new project is an ordinary document, so
        // give it the mode any editor would (0666 less the user's umask).
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(&dir)?;
    tmp.write_all(bytes)?;
    tmp.flush()?;
    if let Some(permissions) = existing {
        tmp.as_file().set_permissions(permissions)?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(&target).map_err(|e| e.error)?;
    sync_dir(&dir)
}

/// The file a symbolic link points to (so saving replaces the file, not the link).
fn resolve_link(path: &Path) -> io::Result<PathBuf> {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => std::fs::canonicalize(path),
        _ => Ok(path.to_path_buf()),
    }
}

/// Make the rename itself durable: fsync the folder that holds the file.
#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    std::fs::File::open(dir)?.sync_all()
}

/// Windows cannot open a folder as a file; its rename is already durable enough.
#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}
