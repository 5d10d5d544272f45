//! The open document: the project, where it lives on disk, its revision and its undo history.
//! Every change to the project goes through `Document::edit`, so undo, the dirty marker and
//! the caches that key on `revision` all hang off one place.

use crate::format::DiskStamp;
use crate::model::Project;
use eframe::egui;
use std::path::PathBuf;

/// How many undo steps are kept; older ones are dropped.
const MAX_UNDO: usize = 100;

/// Identifies one continuing edit (a slider drag, typing into one field): consecutive edits
/// with the same key, while the group is open, make one undo step.
pub type EditKey = egui::Id;

#[derive(Debug)]
pub struct Document {
    project: Project,
    /// Where the project was loaded from or last saved to; `None` for a new project or a sample.
    pub path: Option<PathBuf>,
    /// Bumped on every change, undo and redo; analysis and charts cache by it.
    revision: u64,
    /// The revision last written to (or read from) `path`.
    saved_revision: u64,
    undo: Vec<Project>,
    redo: Vec<Project>,
    /// The key of the edit group still open (the last undo entry belongs to it).
    open_group: Option<EditKey>,
    /// When the project was last saved (wall clock, for the status bar).
    pub saved_at: Option<jiff::Zoned>,
    /// A file name to suggest on first save (a sample's own name).
    pub suggested_name: Option<String>,
    /// The project as last loaded or saved, so undoing back to it reads as clean; `None`
    /// when nothing on disk matches it (a recovered project whose file is gone).
    saved: Option<Project>,
    /// The file as it was when loaded or last saved, to notice other programs changing it.
    pub stamp: Option<DiskStamp>,
}

impl Document {
    /// A document for `project`; it counts as unchanged (clean).
    pub fn new(project: Project, path: Option<PathBuf>) -> Self {
        Self {
            saved: Some(project.clone()),
            project,
            path,
            revision: 1,
            saved_revision: 1,
            undo: Vec::new(),
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

    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Whether the project has changes not yet written to its file.
    pub fn is_dirty(&self) -> bool {
        self.revision != self.saved_revision
    }

    /// Change the project. `key` groups a continuing edit (one drag, one field being typed
    /// into) into a single undo step; `None` always makes a step of its own.
    pub fn edit(&mut self, key: Option<EditKey>, change: impl FnOnce(&mut Project)) {
        let before = self.project.clone();
        change(&mut self.project);
        if self.project == before {
            return;
        }
        let continues = key.is_some() && key == self.open_group;
        if !continues {
            self.undo.push(before);
            if self.undo.len() > MAX_UNDO {
                self.undo.remove(0);
            }
        }
        self.open_group = key;
        self.redo.clear();
        self.bump();
    }

    /// End the open edit group, so the next edit makes a new undo step (called when the
    /// pointer is released or focus leaves the field being edited).
    pub fn seal(&mut self) {
        self.open_group = None;
    }

    /// The project as it was before edit group `key` began: the last undo step while that
    /// group is open, else the project as it is.
    pub fn group_start(&self, key: EditKey) -> &Project {
        if self.open_group == Some(key) {
            self.undo.last().unwrap_or(&self.project)
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

    pub fn undo(&mut self) -> bool {
        let Some(previous) = self.undo.pop() else {
            return false;
        };
        self.redo
            .push(std::mem::replace(&mut self.project, previous));
        self.open_group = None;
        self.bump();
        true
    }

    pub fn redo(&mut self) -> bool {
        let Some(next) = self.redo.pop() else {
            return false;
        };
        self.undo.push(std::mem::replace(&mut self.project, next));
        self.open_group = None;
        self.bump();
        true
    }

    /// Record that the project as it is now has been written to `path`.
    pub fn mark_saved(&mut self, path: PathBuf) {
        self.path = Some(path);
        self.saved_revision = self.revision;
        self.saved = Some(self.project.clone());
        self.saved_at = Some(jiff::Zoned::now());
    }

    fn bump(&mut self) {
        // Revisions never repeat, so caches keyed by revision never see a stale hit; undoing
        // back to exactly what is on disk reads as clean again.
        self.revision += 1;
        if self.saved.as_ref() == Some(&self.project) {
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
