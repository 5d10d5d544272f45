//! The autosave timer: once unsaved changes are `interval` old, a copy of the project goes to
//! the recovery folder. The copy is written on a worker thread from a shared snapshot, so a
//! frame never waits on the disk for it (on a large project the canonical text and the fsync
//! take a few hundred milliseconds). Removing a copy, which the user's own save or discard
//! asks for, first lets a write in flight land, so no stale copy is left behind.

use crate::format::RecoveryStore;
use crate::model::Project;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::Duration;

/// What the autosave timer did on this tick.
#[derive(Debug)]
pub enum Tick {
    /// Nothing to do: the document is saved, or its current state is already copied.
    Idle,
    /// A copy is due in this many seconds.
    Wait(f64),
    /// A copy is being written on the worker thread: tick again soon.
    Writing,
    Wrote(PathBuf),
    Failed(io::Error),
    /// The document went back to its saved state: the copy was removed.
    Removed,
}

/// A write on the worker thread and where its answer comes.
struct InFlight {
    answer: Receiver<io::Result<PathBuf>>,
}

/// The autosave timer. It keys on a clock the caller gives (egui's input time in the app),
/// so tests drive it tick by tick.
pub struct Autosave {
    pub store: RecoveryStore,
    interval: f64,
    /// When the changes not yet copied began (seconds on the caller's clock).
    dirty_since: Option<f64>,
    /// The revision last copied (or being copied, or last failed to copy, so a failure is
    /// reported once per change rather than every tick).
    copied: Option<u64>,
    /// Whether this document has a copy in the store written by this timer.
    has_copy: bool,
    in_flight: Option<InFlight>,
}

impl Autosave {
    pub fn new(dir: &Path, interval: Duration) -> Self {
        Self {
            store: RecoveryStore::new(dir),
            interval: interval.as_secs_f64(),
            dirty_since: None,
            copied: None,
            has_copy: false,
            in_flight: None,
        }
    }

    /// Forget the timer's state: another document was opened. A write in flight lands first.
    pub fn reset(&mut self) {
        self.finish();
        self.dirty_since = None;
        self.copied = None;
        self.has_copy = false;
    }

    /// The document was saved (or its changes discarded) and its copy removed.
    pub fn settled(&mut self) {
        self.reset();
    }

    /// Wait for a write in flight, if any, and take its result into account.
    pub fn finish(&mut self) {
        if let Some(flight) = self.in_flight.take()
            && let Ok(Ok(_)) = flight.answer.recv()
        {
            self.has_copy = true;
        }
    }

    /// Remove the copy kept for `original`, after any write in flight has landed.
    pub fn remove_for(&mut self, original: Option<&Path>) -> io::Result<()> {
        self.finish();
        self.store.remove_for(original)
    }

    /// Advance the timer to `now` for a document at `path` at `revision`. `snapshot` gives
    /// the project to copy; it is called only when a copy is due.
    pub fn tick(
        &mut self,
        now: f64,
        path: Option<&Path>,
        snapshot: impl FnOnce() -> Arc<Project>,
        revision: u64,
        dirty: bool,
    ) -> Tick {
        if let Some(landed) = self.poll() {
            return landed;
        }
        if !dirty {
            self.dirty_since = None;
            self.copied = None;
            if self.in_flight.is_some() {
                return Tick::Writing;
            }
            if std::mem::take(&mut self.has_copy) && self.store.remove_for(path).is_ok() {
                return Tick::Removed;
            }
            return Tick::Idle;
        }
        if self.in_flight.is_some() {
            return Tick::Writing;
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
        self.start(path, snapshot());
        Tick::Writing
    }

    /// Copy the document now and wait for it (a save just failed: whatever happens next,
    /// keep the work).
    pub fn write_now(&mut self, path: Option<&Path>, project: &Project, revision: u64) {
        self.finish();
        if self.store.write(path, project).is_ok() {
            self.has_copy = true;
            self.copied = Some(revision);
            self.dirty_since = None;
        }
    }

    fn start(&mut self, path: Option<&Path>, project: Arc<Project>) {
        let (send, answer) = channel();
        let store = self.store.clone();
        let original = path.map(Path::to_path_buf);
        let for_worker = (send.clone(), project.clone());
        let worker = std::thread::Builder::new()
            .name("autosave".into())
            .spawn(move || {
                let (send, project) = for_worker;
                let _ = send.send(store.write(original.as_deref(), &project));
            });
        if worker.is_err() {
            // No thread to be had: write here rather than not at all.
            let _ = send.send(self.store.write(path, &project));
        }
        self.in_flight = Some(InFlight { answer });
    }

    /// The result of the write in flight, once it has landed.
    fn poll(&mut self) -> Option<Tick> {
        let flight = self.in_flight.as_ref()?;
        let result = match flight.answer.try_recv() {
            Ok(result) => result,
            Err(TryRecvError::Empty) => return None,
            Err(TryRecvError::Disconnected) => Err(io::Error::other("the autosave thread stopped")),
        };
        self.in_flight = None;
        Some(match result {
            Ok(copy) => {
                self.has_copy = true;
                Tick::Wrote(copy)
            }
            Err(e) => Tick::Failed(e),
        })
    }
}
