//! No lost work, the app side: the autosave timer that writes recovery copies of unsaved
//! changes, what changed between a recovered project and its file ("Show both"), and save
//! errors explained in the user's words. The copies themselves are `format::RecoveryStore`.

use crate::format::RecoveryStore;
use crate::model::{Position, Project};
use eframe::egui;
use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How often unsaved changes are copied to the recovery folder.
pub const AUTOSAVE_INTERVAL: Duration = Duration::from_secs(30);

/// Where recovery copies go and how often (tests pass a temporary folder and a short
/// interval; the window uses the app's data folder).
#[derive(Debug, Clone)]
pub struct RecoveryOptions {
    pub dir: PathBuf,
    pub interval: Duration,
}

impl RecoveryOptions {
    /// The `recovery/` folder in the app's data folder (next to eframe's own storage).
    pub fn standard() -> Option<Self> {
        Some(Self {
            dir: eframe::storage_dir("stancemap")?.join("recovery"),
            interval: AUTOSAVE_INTERVAL,
        })
    }
}

/// What the autosave timer did this frame.
#[derive(Debug)]
pub enum Tick {
    /// Nothing to do: the document is saved, or its current state is already copied.
    Idle,
    /// A copy is due in this many seconds.
    Wait(f64),
    Wrote(PathBuf),
    Failed(io::Error),
    /// The document went back to its saved state: the copy was removed.
    Removed,
}

/// The autosave timer. It keys on egui's input time, so tests drive it frame by frame.
pub struct Autosave {
    pub store: RecoveryStore,
    interval: f64,
    /// When the changes not yet copied began (input time, seconds).
    dirty_since: Option<f64>,
    /// The revision last copied (or last failed to copy, so a failure is reported once
    /// per change rather than every frame).
    copied: Option<u64>,
    /// Whether this document has a copy in the store written by this timer.
    has_copy: bool,
}

impl Autosave {
    pub fn new(options: &RecoveryOptions) -> Self {
        Self {
            store: RecoveryStore::new(&options.dir),
            interval: options.interval.as_secs_f64(),
            dirty_since: None,
            copied: None,
            has_copy: false,
        }
    }

    /// Forget the timer's state: another document was opened.
    pub fn reset(&mut self) {
        self.dirty_since = None;
        self.copied = None;
        self.has_copy = false;
    }

    /// The document was saved (or its changes discarded) and its copy removed.
    pub fn settled(&mut self) {
        self.reset();
    }

    /// Advance the timer to `now` for a document at `path` with `project` at `revision`.
    pub fn tick(
        &mut self,
        now: f64,
        path: Option<&Path>,
        project: &Project,
        revision: u64,
        dirty: bool,
    ) -> Tick {
        if !dirty {
            self.dirty_since = None;
            self.copied = None;
            if std::mem::take(&mut self.has_copy) && self.store.remove_for(path).is_ok() {
                return Tick::Removed;
            }
            return Tick::Idle;
        }
        if self.copied == Some(revision) {
            return Tick::Idle;
        }
        let since = *self.dirty_since.get_or_insert(now);
        let due = since + self.interval;
        if now < due {
            return Tick::Wait(due - now);
        }
        self.dirty_since = None;
        self.copied = Some(revision);
        match self.store.write(path, project) {
            Ok(copy) => {
                self.has_copy = true;
                Tick::Wrote(copy)
            }
            Err(e) => Tick::Failed(e),
        }
    }

    /// Copy the document now (a save just failed: whatever happens next, keep the work).
    pub fn write_now(&mut self, path: Option<&Path>, project: &Project, revision: u64) {
        if self.store.write(path, project).is_ok() {
            self.has_copy = true;
            self.copied = Some(revision);
            self.dirty_since = None;
        }
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

/// The differences between a project as its file holds it and as recovered, one line each:
/// parties, issues and positions added or removed, stances, walk-aways, salience and red
/// lines that differ, and the other lists when they changed.
pub fn differences(file: &Project, recovered: &Project) -> Vec<String> {
    let mut lines = Vec::new();
    if file.title != recovered.title {
        lines.push(format!(
            "Title: from “{}” to “{}”",
            file.title, recovered.title
        ));
    }
    if file.summary != recovered.summary {
        lines.push("Summary edited".to_owned());
    }
    if file.as_of != recovered.as_of {
        lines.push(format!(
            "As of: from {} to {}",
            file.as_of.as_deref().unwrap_or("none"),
            recovered.as_of.as_deref().unwrap_or("none")
        ));
    }
    for party in &recovered.parties {
        match file.party(&party.id) {
            None => lines.push(format!("Party added: {}", party.name)),
            Some(old) if old != party => {
                let mut what = Vec::new();
                if old.name != party.name {
                    what.push(format!("renamed from “{}”", old.name));
                }
                if old.power != party.power {
                    what.push(format!("power from {} to {}", old.power, party.power));
                }
                if old.role != party.role {
                    what.push(format!(
                        "role from {} to {}",
                        old.role.label(),
                        party.role.label()
                    ));
                }
                if what.is_empty() {
                    what.push("colour or notes edited".to_owned());
                }
                lines.push(format!("Party {}: {}", party.name, what.join(", ")));
            }
            Some(_) => {}
        }
    }
    for party in &file.parties {
        if recovered.party(&party.id).is_none() {
            lines.push(format!("Party removed: {}", party.name));
        }
    }
    for issue in &recovered.issues {
        match file.issue(&issue.id) {
            None => lines.push(format!("Issue added: {}", issue.name)),
            Some(old) if old != issue => lines.push(format!("Issue {} edited", issue.name)),
            Some(_) => {}
        }
    }
    for issue in &file.issues {
        if recovered.issue(&issue.id).is_none() {
            lines.push(format!("Issue removed: {}", issue.name));
        }
    }
    let cell = |project: &Project, p: &Position| {
        let party = project
            .party(&p.party)
            .map_or(p.party.as_str(), |x| &x.name);
        let issue = project
            .issue(&p.issue)
            .map_or(p.issue.as_str(), |x| &x.name);
        format!("{party} on {issue}")
    };
    for new in &recovered.positions {
        match file.position(&new.party, &new.issue) {
            None => lines.push(format!(
                "Position added: {} (stance {})",
                cell(recovered, new),
                new.stance
            )),
            Some(old) if old != new => {
                lines.push(format!(
                    "{}: {}",
                    cell(recovered, new),
                    position_changes(old, new)
                ));
            }
            Some(_) => {}
        }
    }
    for old in &file.positions {
        if recovered.position(&old.party, &old.issue).is_none() {
            lines.push(format!("Position removed: {}", cell(file, old)));
        }
    }
    let lists = [
        (
            "Sources",
            file.sources.len(),
            recovered.sources.len(),
            file.sources == recovered.sources,
        ),
        (
            "Leverage items",
            file.leverage.len(),
            recovered.leverage.len(),
            file.leverage == recovered.leverage,
        ),
        (
            "Events",
            file.events.len(),
            recovered.events.len(),
            file.events == recovered.events,
        ),
        (
            "Scenarios",
            file.scenarios.len(),
            recovered.scenarios.len(),
            file.scenarios == recovered.scenarios,
        ),
    ];
    for (name, before, after, same) in lists {
        if before != after {
            lines.push(format!("{name}: from {before} to {after}"));
        } else if !same {
            lines.push(format!("{name}: edited"));
        }
    }
    if file.outcome != recovered.outcome {
        lines.push("Outcome method changed".to_owned());
    }
    lines
}

fn position_changes(old: &Position, new: &Position) -> String {
    let number = |v: Option<f64>| v.map_or_else(|| "none".to_owned(), |v| v.to_string());
    let mut what = Vec::new();
    if old.stance != new.stance {
        what.push(format!("stance from {} to {}", old.stance, new.stance));
    }
    if old.ideal != new.ideal {
        what.push(format!(
            "ideal from {} to {}",
            number(old.ideal),
            number(new.ideal)
        ));
    }
    if old.walk_away != new.walk_away {
        what.push(format!(
            "walk-away from {} to {}",
            number(old.walk_away),
            number(new.walk_away)
        ));
    }
    if old.salience != new.salience {
        what.push(format!(
            "salience from {} to {}",
            old.salience, new.salience
        ));
    }
    if old.red_line != new.red_line {
        what.push(if new.red_line {
            "now a red line".to_owned()
        } else {
            "no longer a red line".to_owned()
        });
    }
    if what.is_empty() {
        what.push("rationale or sources edited".to_owned());
    }
    what.join(", ")
}

/// The "Show both" window: the recovered project is the document; this lists how it differs
/// from the file.
pub struct Comparison {
    pub file: String,
    pub lines: Vec<String>,
}

/// Draw the comparison window, if open; returns false once the user closed it.
pub fn comparison_ui(ctx: &egui::Context, comparison: &Comparison) -> bool {
    let mut open = true;
    let mut close = false;
    egui::Window::new("Recovered work compared with the file")
        .open(&mut open)
        .default_width(480.0)
        .show(ctx, |ui| {
            ui.label(format!(
                "The project open now is the recovered work (not saved yet). Compared with {}:",
                comparison.file
            ));
            ui.add_space(6.0);
            if comparison.lines.is_empty() {
                ui.label("No differences: the file already holds this work.");
            }
            egui::ScrollArea::vertical()
                .max_height(360.0)
                .show(ui, |ui| {
                    for line in &comparison.lines {
                        ui.label(format!("• {line}"));
                    }
                });
            ui.add_space(6.0);
            ui.label(
                egui::RichText::new(
                    "Undo (Ctrl+Z) goes back to the file's version; Save keeps the recovered one.",
                )
                .weak(),
            );
            if ui.button("Close").clicked() {
                close = true;
            }
        });
    open && !close
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Party;

    fn project() -> Project {
        match crate::format::load_bytes(
            include_str!("../../../sample_projects/ceasefire-2025.ron").as_bytes(),
        ) {
            Ok(l) => l.project,
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn the_timer_copies_once_the_interval_has_passed_and_removes_when_clean() {
        let dir = tempfile::tempdir().unwrap();
        let options = RecoveryOptions {
            dir: dir.path().join("recovery"),
            interval: Duration::from_secs(30),
        };
        let mut timer = Autosave::new(&options);
        let p = project();
        let file = dir.path().join("talks.ron");
        assert!(matches!(
            timer.tick(0.0, Some(&file), &p, 1, false),
            Tick::Idle
        ));
        // First unsaved change at t = 5 s: due at 5 + 30 = 35 s.
        assert!(matches!(timer.tick(5.0, Some(&file), &p, 2, true), Tick::Wait(w) if w == 30.0));
        assert!(matches!(timer.tick(20.0, Some(&file), &p, 3, true), Tick::Wait(w) if w == 15.0));
        let copy = match timer.tick(35.0, Some(&file), &p, 3, true) {
            Tick::Wrote(copy) => copy,
            other => panic!("{other:?}"),
        };
        assert_eq!(timer.store.list().len(), 1);
        assert_eq!(timer.store.list()[0].path, copy);
        // Already copied at revision 3: nothing more until the next change.
        assert!(matches!(
            timer.tick(100.0, Some(&file), &p, 3, true),
            Tick::Idle
        ));
        assert!(matches!(timer.tick(101.0, Some(&file), &p, 4, true), Tick::Wait(w) if w == 30.0));
        // Undone back to the saved state: the copy goes.
        assert!(matches!(
            timer.tick(102.0, Some(&file), &p, 5, false),
            Tick::Removed
        ));
        assert!(timer.store.list().is_empty());
    }

    #[test]
    fn differences_name_what_changed() {
        let file = project();
        let mut recovered = file.clone();
        let (party, issue) = (
            recovered.positions[0].party.clone(),
            recovered.positions[0].issue.clone(),
        );
        let party_name = file.party(&party).unwrap().name.clone();
        let issue_name = file.issue(&issue).unwrap().name.clone();
        let old_stance = file.positions[0].stance;
        recovered.positions[0].stance = 12.5;
        recovered.positions[0].salience = 0.25;
        let removed = recovered.positions.remove(1);
        recovered.parties.push(Party {
            id: "new".into(),
            name: "Newcomer".into(),
            role: file.parties[0].role,
            power: 0.5,
            color: None,
            notes: String::new(),
        });
        let old_salience = file.positions[0].salience;
        let removed_cell = format!(
            "Position removed: {} on {}",
            file.party(&removed.party).unwrap().name,
            file.issue(&removed.issue).unwrap().name
        );
        assert_eq!(
            differences(&file, &recovered),
            vec![
                "Party added: Newcomer".to_owned(),
                format!(
                    "{party_name} on {issue_name}: stance from {old_stance} to 12.5, salience from {old_salience} to 0.25"
                ),
                removed_cell,
            ]
        );
        assert!(differences(&file, &file).is_empty());
    }

    #[test]
    fn save_errors_say_what_to_do() {
        let err = io::Error::from(io::ErrorKind::NotFound);
        let text = explain_save_error(Path::new("/gone/talks.ron"), &err);
        assert!(text.starts_with(
            "/gone/talks.ron could not be saved: the folder /gone does not exist (was it moved, renamed or removed?)."
        ), "{text}");
        assert!(text.contains("the file on disk was not changed"));
        let err = io::Error::from(io::ErrorKind::StorageFull);
        assert!(
            explain_save_error(Path::new("t.ron"), &err)
                .starts_with("t.ron could not be saved: the disk is full.")
        );
    }
}
