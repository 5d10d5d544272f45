//! The round-by-round simulation behind the Simulation view, computed on a background thread
//! and kept for the resolved view it was computed from (so by document revision, active
//! scenario and time-travel date, like the analysis) and the number of rounds the view asks
//! for: a frame never waits for it, and an idle frame recomputes nothing.

use super::Shell;
use super::cached::{Cached, Job, Poll, Same};
use super::document::Document;
use crate::model::View;
use crate::simulation::{self, Simulation};
use eframe::egui;
use std::sync::Arc;

/// What the view can show this frame.
#[derive(Clone)]
pub enum SimState {
    /// The simulation of the current view.
    Ready(Arc<Simulation>),
    /// Being computed; the last one finished (of an earlier revision), if any, meanwhile.
    Computing(Option<Arc<Simulation>>),
}

/// What a simulation is computed for: the resolved view and the number of rounds.
type Key = (Same<View>, usize);

/// Kept in the `Shell`.
#[derive(Default)]
pub struct SimulationCache {
    done: Cached<Key, Arc<Simulation>>,
    /// The job under way.
    running: Option<Job<Key, Simulation>>,
    computed: u64,
}

impl SimulationCache {
    /// How many simulations have finished (each counts once per change, not per frame).
    pub fn computed(&self) -> u64 {
        self.computed
    }

    /// Whether a simulation is being computed.
    pub fn is_running(&self) -> bool {
        self.running.is_some()
    }

    /// Keep `sim`, the finished simulation for `key`.
    fn finished(&mut self, key: Key, sim: Simulation) -> Arc<Simulation> {
        let sim = Arc::new(sim);
        self.done.set(key, sim.clone());
        self.computed += 1;
        sim
    }
}

/// The simulation of the active scenario (`rounds` rounds), started on a background thread
/// when the resolved view or the rounds changed; `ctx` is asked to repaint when it is ready.
pub fn current(shell: &mut Shell, doc: &Document, ctx: &egui::Context, rounds: usize) -> SimState {
    let rounds = rounds.min(simulation::MAX_ROUNDS);
    let view = shell.resolved(doc);
    let cache = &mut shell.simulation;
    let key = (Same(view.clone()), rounds);
    if let Some(sim) = cache.done.get(&key) {
        return SimState::Ready(sim.clone());
    }
    let stale = cache.done.latest().cloned();
    if let Some(job) = &cache.running {
        if *job.key() == key {
            match job.poll() {
                Poll::Ready(sim) => {
                    cache.running = None;
                    return SimState::Ready(cache.finished(key, sim));
                }
                Poll::Waiting => return SimState::Computing(stale),
                // The thread died without a result (it cannot panic on valid input);
                // start again below rather than wait forever.
                Poll::Lost => cache.running = None,
            }
        } else {
            // An edit, another scenario, date or length since: that result is not wanted
            // any more (the thread finishes and its send goes nowhere).
            cache.running = None;
        }
    }
    let job = view.clone();
    match Job::spawn("simulation", key.clone(), ctx, move || {
        simulation::simulate(&job, rounds)
    }) {
        Ok(job) => {
            cache.running = Some(job);
            SimState::Computing(stale)
        }
        // No thread to be had: compute here rather than show nothing.
        Err(_) => SimState::Ready(cache.finished(key, simulation::simulate(&view, rounds))),
    }
}

/// Wait (up to `timeout`) for the running job, for tests and screenshots that need the
/// result in the next frame. Returns whether it is ready.
pub fn wait(shell: &mut Shell, timeout: std::time::Duration) -> bool {
    let cache = &mut shell.simulation;
    let Some(job) = cache.running.take() else {
        return cache.done.latest().is_some();
    };
    match job.wait(timeout) {
        Poll::Ready(sim) => {
            cache.finished(job.key().clone(), sim);
            true
        }
        Poll::Waiting | Poll::Lost => {
            cache.running = Some(job);
            false
        }
    }
}
