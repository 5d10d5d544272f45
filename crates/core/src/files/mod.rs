//! The project file as the editor's file commands use it, with no user interface: open, save
//! (after checking no other program changed the file), restore a recovery copy, check the
//! disk when the window comes back, and the autosave timer that writes recovery copies on a
//! worker thread. Each returns an outcome; the app turns outcomes into dialogs and status
//! lines, and the tests here drive them without a window.

mod autosave;
mod restore;
#[cfg(test)]
mod tests;

pub use autosave::{Autosave, Tick};
pub use restore::{Restored, differences, restore};

use crate::format::{self, Diagnostic, DiskChange, DiskStamp};
use crate::model::Project;
use std::io;
use std::path::{Path, PathBuf};

/// A project file read from disk.
#[derive(Debug)]
pub struct Opened {
    pub project: Project,
    /// What the file was when read, to notice other programs changing it later.
    pub stamp: DiskStamp,
    /// How many warnings `check` would print for it.
    pub warnings: usize,
}

/// Why a file could not be opened: its errors, located, and whether it is missing (so a
/// recent-files list can forget it).
#[derive(Debug)]
pub struct OpenFailed {
    pub diagnostics: Vec<Diagnostic>,
    pub missing: bool,
}

/// Read and check the project at `path`. A file that fails to load changes nothing.
pub fn open(path: &Path) -> Result<Opened, OpenFailed> {
    DiskStamp::read(path)
        .and_then(|(bytes, stamp)| format::load_bytes(&bytes).map(|l| (l, stamp)))
        .map(|(loaded, stamp)| Opened {
            warnings: loaded.warnings.len(),
            project: loaded.project,
            stamp,
        })
        .map_err(|err| OpenFailed {
            diagnostics: err.diagnostics,
            missing: !path.exists(),
        })
}

/// What a save did.
#[derive(Debug)]
pub enum SaveOutcome {
    /// Written. `backup`: where the previous version of the file is kept, when there was one.
    Saved {
        stamp: Option<DiskStamp>,
        backup: Option<PathBuf>,
    },
    /// Not written: another program changed the file since `known` (ask the user first).
    ChangedOnDisk,
    /// Not written, and why in words a user can act on; the file on disk is as it was.
    Failed { message: String },
}

/// Write `project` to `path` atomically. With `known` (the file as this document last read
/// or wrote it), first make sure no other program changed it since.
pub fn save(path: &Path, project: &Project, known: Option<&DiskStamp>) -> SaveOutcome {
    if let Some(stamp) = known
        && matches!(stamp.compare(path), Ok(DiskChange::Modified))
    {
        return SaveOutcome::ChangedOnDisk;
    }
    let had_file = path.is_file();
    match format::save_atomic(path, project) {
        Ok(()) => {
            let backup = format::backup_path(path);
            SaveOutcome::Saved {
                stamp: DiskStamp::of(path).ok(),
                backup: (had_file && backup.is_file()).then_some(backup),
            }
        }
        Err(err) => SaveOutcome::Failed {
            message: explain_save_error(path, &err),
        },
    }
}

/// Why a save failed, in words a user can act on, with the system's own message after.
pub fn explain_save_error(path: &Path, err: &io::Error) -> String {
    let folder = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.display().to_string(),
        _ => "the current folder".to_owned(),
    };
    let reason = match err.kind() {
        io::ErrorKind::NotFound => {
            format!("the folder {folder} does not exist (was it moved, renamed or removed?)")
        }
        io::ErrorKind::NotADirectory => format!("{folder} is not a folder"),
        io::ErrorKind::PermissionDenied => {
            format!("you do not have permission to write in {folder}")
        }
        io::ErrorKind::ReadOnlyFilesystem => format!("{folder} is on a read-only disk"),
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => "the disk is full".to_owned(),
        io::ErrorKind::IsADirectory => format!("{} is a folder", path.display()),
        _ => "the system refused the write".to_owned(),
    };
    format!(
        "{} could not be saved: {reason}.\n\nNothing was lost: the file on disk was not \
         changed, your changes are still open here, and a recovery copy of them is kept. \
         Use Save As… to save them somewhere else.\n\nDetails: {err}",
        path.display()
    )
}

/// What the disk check found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiskCheck {
    /// Nothing to tell: the file is as this document knows it (or as the user last chose to
    /// keep working over), or it cannot be read just now.
    Unchanged,
    /// Another program changed the file.
    Modified,
    /// The file was deleted or moved.
    Removed,
}

/// Compare the file at `path` with `stamp` (as last read or written). `seen`: a later
/// version the user already chose to keep working over, which is not news again.
pub fn disk_check(path: &Path, stamp: &DiskStamp, seen: Option<&DiskStamp>) -> DiskCheck {
    if let Some(seen) = seen
        && matches!(seen.compare(path), Ok(DiskChange::Unchanged))
    {
        return DiskCheck::Unchanged;
    }
    match stamp.compare(path) {
        Ok(DiskChange::Modified) => DiskCheck::Modified,
        Ok(DiskChange::Removed) => DiskCheck::Removed,
        Ok(DiskChange::Unchanged) | Err(_) => DiskCheck::Unchanged,
    }
}
