//! The deal figures of the base and each scenario, computed on a worker thread so no frame
//! waits for the solver: a view asks, gets "computing" until the worker sends its result
//! (which repaints the window), then the result, kept until the document changes.
//!
//! One worker at most per scenario: when edits come faster than the solver, the next
//! computation starts from the newest revision once the running one ends.

use crate::analysis::{self, DealSpace, Deals};
use crate::document::Document;
use crate::model::View;
use eframe::egui;
use std::collections::HashMap;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// The deal figures of one resolved view, and its deal space (default pair).
#[derive(Debug)]
pub struct DealResult {
    pub view: Arc<View>,
    pub deals: Deals,
    /// The two most powerful Principals' deal space, or why there is none.
    pub space: Result<Arc<DealSpace>, String>,
}

/// What a view can show now.
#[derive(Debug, Clone)]
pub enum DealState {
    Computing,
    Ready(Arc<DealResult>),
    /// The scenario does not exist, or the worker stopped without an answer.
    Missing(String),
}

enum Slot {
    Running(Receiver<DealResult>),
    Done(Arc<DealResult>),
    Failed(String),
}

/// Kept in the `Shell`; reset with the document.
#[derive(Default)]
pub struct DealsCache {
    /// Per scenario (None = the base) and time-travel date (None = as written): the
    /// revision asked for and where it stands.
    slots: HashMap<(Option<String>, Option<String>), (u64, Slot)>,
    /// How many computations were started (for tests: edits do not start one per frame).
    pub started: u64,
}

impl DealsCache {
    /// Block until every running computation has answered, or `timeout` has passed for
    /// each (the bench and the tests, which must see settled frames).
    pub fn wait(&mut self, timeout: std::time::Duration) {
        for (_, slot) in self.slots.values_mut() {
            if let Slot::Running(rx) = slot {
                match rx.recv_timeout(timeout) {
                    Ok(result) => *slot = Slot::Done(Arc::new(result)),
                    Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
                    Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {
                        *slot = Slot::Failed(
                            "the deal computation stopped without an answer".to_owned(),
                        );
                    }
                }
            }
        }
    }

    /// The deal figures of `scenario` as of `as_of` (None = as written) at the document's
    /// current revision: ready, or being computed (a worker is started when none runs for
    /// it).
    pub fn get(
        &mut self,
        ctx: &egui::Context,
        doc: &Document,
        scenario: Option<&str>,
        as_of: Option<&str>,
    ) -> DealState {
        let revision = doc.revision();
        let key = (scenario.map(str::to_owned), as_of.map(str::to_owned));
        if let Some((rev, slot)) = self.slots.get_mut(&key) {
            // A finished worker's result is taken (or, for an old revision, dropped).
            if let Slot::Running(rx) = slot {
                match rx.try_recv() {
                    Ok(result) => *slot = Slot::Done(Arc::new(result)),
                    Err(TryRecvError::Empty) => return DealState::Computing,
                    Err(TryRecvError::Disconnected) => {
                        *slot = Slot::Failed(
                            "the deal computation stopped without an answer".to_owned(),
                        );
                    }
                }
            }
            if *rev == revision {
                return match slot {
                    Slot::Done(result) => DealState::Ready(result.clone()),
                    Slot::Failed(why) => DealState::Missing(why.clone()),
                    Slot::Running(_) => DealState::Computing,
                };
            }
        }
        let base = doc.project().clone();
        let view = match base.resolve(scenario) {
            Ok(view) => Arc::new(match as_of {
                Some(date) => view.as_of(date),
                None => view,
            }),
            Err(e) => return DealState::Missing(e.to_string()),
        };
        let (tx, rx) = channel();
        let ctx = ctx.clone();
        let date = as_of.map(str::to_owned);
        self.started += 1;
        let spawned = std::thread::Builder::new()
            .name("deals".to_owned())
            .spawn(move || {
                let deals = analysis::deals(&view);
                let space = analysis::deal_space_for(&base, &view, &deals, None, date.as_deref())
                    .map(Arc::new)
                    .map_err(|e| e.to_string());
                // The receiver is gone when the document changed meanwhile: nothing to do.
                let _ = tx.send(DealResult { view, deals, space });
                ctx.request_repaint();
            });
        match spawned {
            Ok(_) => {
                self.slots.insert(key, (revision, Slot::Running(rx)));
                DealState::Computing
            }
            Err(e) => DealState::Missing(format!("cannot start the deal computation: {e}")),
        }
    }

    /// The result for `scenario` as of `as_of` if it is ready at the current revision,
    /// without starting anything.
    pub fn ready(
        &self,
        doc: &Document,
        scenario: Option<&str>,
        as_of: Option<&str>,
    ) -> Option<Arc<DealResult>> {
        let key = (scenario.map(str::to_owned), as_of.map(str::to_owned));
        match self.slots.get(&key) {
            Some((rev, Slot::Done(result))) if *rev == doc.revision() => Some(result.clone()),
            _ => None,
        }
    }
}
