//! The round-by-round simulation behind the Simulation view, computed on a background thread
//! and kept for the resolved view it was computed from (so by document revision, active
//! scenario and time-travel date, like the analysis) and the number of rounds the view asks
//! for: a frame never waits for it, and an idle frame recomputes nothing.

use super::Shell;
use super::document::Document;
use crate::model::View;
use crate::simulation::{self, Simulation};
use eframe::egui;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, TryRecvError};

/// What the view can show this frame.
#[derive(Clone)]
pub enum SimState {
    /// The simulation of the current view.
    Ready(Arc<Simulation>),
    /// Being computed; the last one finished (of an earlier revision), if any, meanwhile.
    Computing(Option<Arc<Simulation>>),
}

/// Kept in the `Shell`.
#[derive(Default)]
pub struct SimulationCache {
    /// The resolved view a simulation was computed from, and the simulation.
    done: Option<(Arc<View>, Arc<Simulation>)>,
    /// The job under way: its view, its rounds and where its result arrives.
    running: Option<(Arc<View>, usize, Receiver<Simulation>)>,
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
}

/// The simulation of the active scenario (`rounds` rounds), started on a background thread
/// when the resolved view or the rounds changed; `ctx` is asked to repaint when it is ready.
pub fn current(shell: &mut Shell, doc: &Document, ctx: &egui::Context, rounds: usize) -> SimState {
    let rounds = rounds.min(simulation::MAX_ROUNDS);
    let view = shell.resolved(doc);
    let cache = &mut shell.simulation;
    if let Some((built_for, sim)) = &cache.done
        && Arc::ptr_eq(built_for, &view)
        && sim.rounds == rounds
    {
        return SimState::Ready(sim.clone());
    }
    let stale = cache.done.as_ref().map(|(_, sim)| sim.clone());
    if let Some((built_for, asked, rx)) = &cache.running {
        if Arc::ptr_eq(built_for, &view) && *asked == rounds {
            match rx.try_recv() {
                Ok(sim) => {
                    let sim = Arc::new(sim);
                    cache.done = Some((view, sim.clone()));
                    cache.running = None;
                    cache.computed += 1;
                    return SimState::Ready(sim);
                }
                Err(TryRecvError::Empty) => return SimState::Computing(stale),
                // The thread died without a result (it cannot panic on valid input);
                // start again below rather than wait forever.
                Err(TryRecvError::Disconnected) => cache.running = None,
            }
        } else {
            // An edit, another scenario, date or length since: that result is not wanted
            // any more (the thread finishes and its send goes nowhere).
            cache.running = None;
        }
    }
    let (tx, rx) = mpsc::channel();
    let job = view.clone();
    let repaint = ctx.clone();
    let spawned = std::thread::Builder::new()
        .name("simulation".to_owned())
        .spawn(move || {
            let sim = simulation::simulate(&job, rounds);
            // The receiver is gone when the view changed meanwhile: nothing to do then.
            let _ = tx.send(sim);
            repaint.request_repaint();
        });
    if spawned.is_err() {
        // No thread to be had: compute here rather than show nothing.
        let sim = Arc::new(simulation::simulate(&view, rounds));
        cache.done = Some((view, sim.clone()));
        cache.computed += 1;
        return SimState::Ready(sim);
    }
    cache.running = Some((view, rounds, rx));
    SimState::Computing(stale)
}

/// Wait (up to `timeout`) for the running job, for tests and screenshots that need the
/// result in the next frame. Returns whether it is ready.
pub fn wait(shell: &mut Shell, timeout: std::time::Duration) -> bool {
    let cache = &mut shell.simulation;
    let Some((view, rounds, rx)) = cache.running.take() else {
        return cache.done.is_some();
    };
    match rx.recv_timeout(timeout) {
        Ok(sim) => {
            cache.done = Some((view, Arc::new(sim)));
            cache.computed += 1;
            true
        }
        Err(_) => {
            cache.running = Some((view, rounds, rx));
            false
        }
    }
}
