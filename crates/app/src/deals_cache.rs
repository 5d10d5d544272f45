//! The deal figures of the base and each scenario, computed on a worker thread so no frame
//! waits for the solver: a view asks, gets "computing" until the worker sends its result
//! (which repaints the window), then the result, kept until the document changes.
//!
//! One worker at most per scenario: when edits come faster than the solver, the next
//! computation starts from the newest revision once the running one ends.

use crate::analysis::{self, DealSpace, Deals};
use crate::cached::{Cached, Job, Poll};
use crate::document::Document;
use crate::model::View;
use eframe::egui;
use std::collections::HashMap;
use std::sync::Arc;

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

const STOPPED: &str = "the deal computation stopped without an answer";

/// The deal figures of one scenario and date, by document revision: the last answer, and
/// the worker computing the next, if one runs.
#[derive(Default)]
struct Slot {
    answer: Cached<u64, Result<Arc<DealResult>, String>>,
    running: Option<Job<u64, DealResult>>,
}

impl Slot {
    /// Keep what the worker answered, once it has.
    fn answered(&mut self, poll: Poll<DealResult>) {
        let Some(job) = self.running.take() else {
            return;
        };
        let revision = *job.key();
        match poll {
            Poll::Ready(result) => self.answer.set(revision, Ok(Arc::new(result))),
            Poll::Waiting => self.running = Some(job),
            Poll::Lost => self.answer.set(revision, Err(STOPPED.to_owned())),
        }
    }
}

/// Kept in the `Shell`; reset with the document.
#[derive(Default)]
pub struct DealsCache {
    /// Per scenario (None = the base) and time-travel date (None = as written).
    slots: HashMap<(Option<String>, Option<String>), Slot>,
    /// How many computations were started (for tests: edits do not start one per frame).
    pub started: u64,
}

impl DealsCache {
    /// Block until every running computation has answered, or `timeout` has passed for
    /// each (the bench and the tests, which must see settled frames).
    pub fn wait(&mut self, timeout: std::time::Duration) {
        for slot in self.slots.values_mut() {
            if let Some(job) = &slot.running {
                let poll = job.wait(timeout);
                slot.answered(poll);
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
        if let Some(slot) = self.slots.get_mut(&key) {
            // A finished worker's answer is taken (kept for its own revision, which may be
            // an old one); one still running, even for an old revision, is waited for.
            if let Some(job) = &slot.running {
                let poll = job.poll();
                slot.answered(poll);
                if slot.running.is_some() {
                    return DealState::Computing;
                }
            }
            match slot.answer.get(&revision) {
                Some(Ok(result)) => return DealState::Ready(result.clone()),
                Some(Err(why)) => return DealState::Missing(why.clone()),
                None => {}
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
        let date = as_of.map(str::to_owned);
        self.started += 1;
        let spawned = Job::spawn("deals", revision, ctx, move || {
            let deals = analysis::deals(&view);
            let space = analysis::deal_space_for(&base, &view, &deals, None, date.as_deref())
                .map(Arc::new)
                .map_err(|e| e.to_string());
            DealResult { view, deals, space }
        });
        match spawned {
            Ok(job) => {
                self.slots.entry(key).or_default().running = Some(job);
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
        match self.slots.get(&key)?.answer.get(&doc.revision()) {
            Some(Ok(result)) => Some(result.clone()),
            _ => None,
        }
    }
}
