//! The open document: the project, where it lives on disk, its revision and its undo history.
//! Every change to the project goes through `Document::edit`, so undo, the dirty marker and
//! the caches that key on `revision` all hang off one place.
//!
//! Undo keeps shared snapshots (`Arc<Project>`): `base` is the project as it was when the open
//! edit group began (or now, with no group open). Starting a step pushes `base` itself, and a
//! keystroke inside an open group only changes the live project: no copy and no comparison of
//! the whole project per keystroke. The one copy is taken when the group is sealed.

use crate::format::DiskStamp;
use crate::model::Project;
use eframe::egui;
use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::Arc;

/// How many undo steps are kept; older ones are dropped.
const MAX_UNDO: usize = 100;

/// Identifies one continuing edit (a slider drag, typing into one field): consecutive edits
/// with the same key, while the group is open, make one undo step.
pub type EditKey = egui::Id;

#[derive(Debug)]
pub struct Document {
    project: Project,
    /// The project before the open edit group; with no group open, the project itself.
    base: Arc<Project>,
    /// Where the project was loaded from or last saved to; `None` for a new project or a sample.
    pub path: Option<PathBuf>,
    /// Bumped on every change, undo and redo; analysis and charts cache by it.
    revision: u64,
    /// The revision last written to (or read from) `path`.
    saved_revision: u64,
    undo: VecDeque<Arc<Project>>,
    redo: Vec<Arc<Project>>,
    /// The key of the edit group still open (the last undo entry belongs to it).
    open_group: Option<EditKey>,
    /// When the project was last saved (wall clock, for the status bar).
    pub saved_at: Option<jiff::Zoned>,
    /// A file name to suggest on first save (a sample's own name).
    pub suggested_name: Option<String>,
    /// The snapshot last loaded or saved, so undoing back to it reads as clean; `None` when
    /// nothing on disk matches it (a recovered project whose file is gone).
    saved: Option<Arc<Project>>,
    /// The file as it was when loaded or last saved, to notice other programs changing it.
    pub stamp: Option<DiskStamp>,
}

impl Document {
    /// A document for `project`; it counts as unchanged (clean).
    pub fn new(project: Project, path: Option<PathBuf>) -> Self {
        let base = Arc::new(project.clone());
        Self {
            saved: Some(base.clone()),
            base,
            project,
            path,
            revision: 1,
            saved_revision: 1,
            undo: VecDeque::new(),
            redo: Vec::new(),
            open_group: None,
            saved_at: None,
            suggested_name: None,
            stamp: None,
        }
    }

    /// A document holding `recovered` (unsaved work from a recovery copy) for `path`. With
    /// the file's own project `on_disk`, restoring is one undo step over it, so Undo shows
    /// the file's version; either way the document is unsaved until the user saves.
    pub fn restored(recovered: Project, path: Option<PathBuf>, on_disk: Option<Project>) -> Self {
        match on_disk {
            Some(on_disk) => {
                let mut doc = Self::new(on_disk, path);
                doc.edit(None, |p| *p = recovered);
                doc
            }
            None => {
                let mut doc = Self::new(recovered, path);
                doc.saved = None;
                doc.saved_revision = 0;
                doc
            }
        }
    }

    pub fn project(&self) -> &Project {
        &self.project
    }

    /// The project as a shared snapshot (for work on another thread): free while no edit
    /// group is open, when the undo history's newest snapshot is the project itself.
    pub fn snapshot(&self) -> Arc<Project> {
        if self.open_group.is_none() {
            self.base.clone()
        } else {
            Arc::new(self.project.clone())
        }
    }

    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Whether the project has changes not yet written to its file.
    pub fn is_dirty(&self) -> bool {
        self.revision != self.saved_revision
    }

    /// Change the project. `key` groups a continuing edit (one drag, one field being typed
    /// into) into a single undo step; `None` always makes a step of its own, and none at all
    /// when it changes nothing. Keyed edits come from widgets that report a change.
    pub fn edit(&mut self, key: Option<EditKey>, change: impl FnOnce(&mut Project)) {
        if key.is_some() && key == self.open_group {
            change(&mut self.project);
            self.redo.clear();
            self.revision += 1;
            return;
        }
        self.seal();
        change(&mut self.project);
        if key.is_none() && self.project == *self.base {
            return;
        }
        self.undo.push_back(self.base.clone());
        if self.undo.len() > MAX_UNDO {
            self.undo.pop_front();
        }
        self.redo.clear();
        self.revision += 1;
        self.open_group = key;
        if key.is_none() {
            self.base = Arc::new(self.project.clone());
        }
    }

    /// End the open edit group, so the next edit makes a new undo step (called when the
    /// pointer is released or focus leaves the field being edited).
    pub fn seal(&mut self) {
        if self.open_group.take().is_some() {
            self.base = Arc::new(self.project.clone());
        }
    }

    /// The project as it was before edit group `key` began (the base snapshot while that
    /// group is open), else the project as it is.
    pub fn group_start(&self, key: EditKey) -> &Project {
        if self.open_group == Some(key) {
            &self.base
        } else {
            &self.project
        }
    }

    /// The key of the edit group still open, if any.
    pub fn open_group(&self) -> Option<EditKey> {
        self.open_group
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// What Undo would take back, in words ("change stance of Russia on Kursk").
    pub fn undo_summary(&self) -> Option<String> {
        let previous = self.undo.back()?;
        crate::diff::summary(&crate::diff::diff(previous, &self.project))
    }

    /// What Redo would do again, in words.
    pub fn redo_summary(&self) -> Option<String> {
        let next = self.redo.last()?;
        crate::diff::summary(&crate::diff::diff(&self.project, next))
    }

    pub fn undo(&mut self) -> bool {
        self.seal();
        let Some(previous) = self.undo.pop_back() else {
            return false;
        };
        let current = std::mem::replace(&mut self.base, previous);
        self.redo.push(current);
        self.show_base();
        true
    }

    pub fn redo(&mut self) -> bool {
        self.seal();
        let Some(next) = self.redo.pop() else {
            return false;
        };
        let current = std::mem::replace(&mut self.base, next);
        self.undo.push_back(current);
        self.show_base();
        true
    }

    /// Record that the project as it is now has been written to `path`.
    pub fn mark_saved(&mut self, path: PathBuf) {
        let (revision, snapshot) = self.to_save();
        self.mark_saved_at(path, revision, snapshot);
    }

    /// What a save writes: the open edit group is sealed, and the revision and its
    /// snapshot handed out (shared, not copied).
    pub fn to_save(&mut self) -> (u64, Arc<Project>) {
        self.seal();
        (self.revision, self.base.clone())
    }

    /// Record that `snapshot`, the project at `revision`, has been written to `path`. Edits
    /// made since stay unsaved; undoing back to the snapshot reads as clean.
    pub fn mark_saved_at(&mut self, path: PathBuf, revision: u64, snapshot: Arc<Project>) {
        self.path = Some(path);
        if self.revision == revision {
            self.saved_revision = revision;
        }
        self.saved = Some(snapshot);
        self.saved_at = Some(jiff::Zoned::now());
    }

    /// Make the live project the `base` snapshot (after undo or redo).
    fn show_base(&mut self) {
        self.project = Project::clone(&self.base);
        // Revisions never repeat, so caches keyed by revision never see a stale hit; undoing
        // back to exactly the snapshot on disk reads as clean again.
        self.revision += 1;
        if self
            .saved
            .as_ref()
            .is_some_and(|s| Arc::ptr_eq(s, &self.base))
        {
            self.saved_revision = self.revision;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> Document {
        Document::new(Project::default(), None)
    }

    #[test]
    fn grouped_edits_make_one_undo_step() {
        let mut d = doc();
        let key = egui::Id::unique("title");
        d.edit(Some(key), |p| p.title = "A".into());
        d.edit(Some(key), |p| p.title = "AB".into());
        d.edit(Some(key), |p| p.title = "ABC".into());
        assert_eq!(d.revision(), 4); // 1 + three changes
        assert!(d.is_dirty());
        assert!(d.undo());
        assert_eq!(d.project().title, "Untitled negotiation");
        assert!(!d.can_undo());
        assert!(d.redo());
        assert_eq!(d.project().title, "ABC");
    }

    #[test]
    fn sealing_splits_groups_and_no_op_edits_are_ignored() {
        let mut d = doc();
        let key = egui::Id::unique("title");
        d.edit(Some(key), |p| p.title = "A".into());
        d.seal();
        d.edit(Some(key), |p| p.title = "B".into());
        d.edit(None, |p| p.title = "B".into()); // no change: no step, no revision
        assert_eq!(d.revision(), 3);
        assert!(d.undo());
        assert_eq!(d.project().title, "A");
        assert!(d.is_dirty());
        assert!(d.undo());
        assert!(!d.is_dirty(), "back at the loaded state");
        assert!(!d.undo());
    }

    #[test]
    fn a_new_edit_clears_redo_and_saving_makes_clean() {
        let mut d = doc();
        d.edit(None, |p| p.summary = "x".into());
        d.undo();
        assert!(d.can_redo());
        d.edit(None, |p| p.summary = "y".into());
        assert!(!d.can_redo());
        d.mark_saved(PathBuf::from("/tmp/x.ron"));
        assert!(!d.is_dirty());
        d.edit(None, |p| p.summary = "z".into());
        assert!(d.is_dirty());
    }

    #[test]
    fn edits_made_while_a_save_is_written_stay_unsaved() {
        let mut d = doc();
        let key = egui::Id::unique("summary");
        d.edit(Some(key), |p| p.summary = "typed".into());
        // The save takes the sealed snapshot; typing goes on in a new group meanwhile.
        let (revision, snapshot) = d.to_save();
        assert_eq!(snapshot.summary, "typed");
        d.edit(Some(key), |p| p.summary = "typed more".into());
        d.mark_saved_at(PathBuf::from("/tmp/x.ron"), revision, snapshot);
        assert!(d.is_dirty(), "the file holds 'typed', not 'typed more'");
        assert_eq!(d.path.as_deref(), Some(std::path::Path::new("/tmp/x.ron")));
        // Undoing back to what the file holds reads as clean.
        assert!(d.undo());
        assert_eq!(d.project().summary, "typed");
        assert!(!d.is_dirty());
    }

    #[test]
    fn a_restored_project_is_unsaved_and_undo_shows_the_file() {
        let on_disk = Project::default();
        let recovered = Project {
            title: "Recovered".into(),
            ..Project::default()
        };
        let mut d = Document::restored(
            recovered.clone(),
            Some(PathBuf::from("/tmp/t.ron")),
            Some(on_disk.clone()),
        );
        assert!(d.is_dirty());
        assert_eq!(d.project(), &recovered);
        assert!(d.undo());
        assert_eq!(d.project(), &on_disk);
        assert!(!d.is_dirty(), "undone back to the file's version");

        // The file is gone: nothing to undo to, and no state reads as saved.
        let mut d = Document::restored(recovered.clone(), None, None);
        assert!(d.is_dirty());
        assert!(!d.can_undo());
        d.edit(None, |p| p.title = "X".into());
        d.undo();
        assert!(
            d.is_dirty(),
            "nothing on disk matches the recovered project"
        );
    }
}
