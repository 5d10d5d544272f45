//! Restoring a recovery copy: the recovered project, the file's own version when it can be
//! read (so Undo can show it), and how the two differ, in the words of the semantic diff.

use crate::diff;
use crate::format::{self, DiskStamp, LoadError, RecoveryEntry, RecoveryStore};
use crate::model::Project;

/// A recovery copy, read back.
#[derive(Debug)]
pub struct Restored {
    pub recovered: Project,
    /// The file the work belongs to, as it is on disk now, when it exists and loads.
    pub on_disk: Option<(Project, DiskStamp)>,
}

impl Restored {
    /// How the recovered work differs from the file (`None`: no file to compare with).
    pub fn differences(&self) -> Option<Vec<String>> {
        let (file, _) = self.on_disk.as_ref()?;
        Some(differences(file, &self.recovered))
    }
}

/// Read the copy `entry` from `store`, and its original file when there is one.
pub fn restore(store: &RecoveryStore, entry: &RecoveryEntry) -> Result<Restored, LoadError> {
    let recovered = store.load(entry)?.project;
    let on_disk = entry.original.as_deref().and_then(|original| {
        let (bytes, stamp) = DiskStamp::read(original).ok()?;
        Some((format::load_bytes(&bytes).ok()?.project, stamp))
    });
    Ok(Restored { recovered, on_disk })
}

/// The differences between a project as its file holds it and as recovered, as `stancemap
/// diff` reports them: a heading per part of the project, then one line per item changed
/// (every field, in every list and scenario). Empty when they are the same.
pub fn differences(file: &Project, recovered: &Project) -> Vec<String> {
    diff::render_text(&diff::diff(file, recovered), None)
        .lines()
        .map(str::to_owned)
        .collect()
}
