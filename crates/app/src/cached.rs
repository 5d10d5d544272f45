//! What the app's caches are made of: a value kept for the key it was computed from (a
//! resolved view, a document revision...), and a worker thread computing a slow value for a
//! key. The analysis, deals and simulation caches build on these instead of each keeping
//! its own tuples of revision, scenario, value and channel.

use eframe::egui;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, TryRecvError};
use std::time::Duration;

/// One value and the key it was computed for: asked for another key, it computes again.
#[derive(Debug)]
pub struct Cached<K, V> {
    entry: Option<(K, V)>,
}

impl<K, V> Default for Cached<K, V> {
    fn default() -> Self {
        Self { entry: None }
    }
}

impl<K: PartialEq, V> Cached<K, V> {
    /// The value, if it was computed for `key`.
    pub fn get(&self, key: &K) -> Option<&V> {
        match &self.entry {
            Some((k, v)) if k == key => Some(v),
            _ => None,
        }
    }

    /// The value for `key`: kept from before, or made now by `compute` (which replaces
    /// whatever was kept for another key).
    pub fn get_or_compute(&mut self, key: K, compute: impl FnOnce() -> V) -> &mut V {
        let fresh = matches!(&self.entry, Some((k, _)) if *k == key);
        if !fresh {
            self.entry = None;
        }
        &mut self.entry.get_or_insert_with(|| (key, compute())).1
    }

    /// Keep `value` as the one for `key`.
    pub fn set(&mut self, key: K, value: V) {
        self.entry = Some((key, value));
    }

    /// The value kept last, whatever its key: something to show while a newer one is made.
    pub fn latest(&self) -> Option<&V> {
        self.entry.as_ref().map(|(_, v)| v)
    }
}

/// An `Arc` that equals only itself (the same allocation), whatever its contents: the key
/// of something computed from one resolved view, which `Shell::resolved` makes anew for
/// every revision, scenario, date and document.
#[derive(Debug)]
pub struct Same<T>(pub Arc<T>);

impl<T> Clone for Same<T> {
    fn clone(&self) -> Self {
        Self(self.0.clone())
    }
}

impl<T> PartialEq for Same<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// A value being computed on a worker thread for `key`. The worker asks the window to
/// repaint when it is done, so a view that shows a spinner meanwhile is drawn again.
/// Dropping the job lets the worker finish with nowhere to send its result.
#[derive(Debug)]
pub struct Job<K, T> {
    key: K,
    rx: Receiver<T>,
}

/// Where a job stands.
#[derive(Debug, PartialEq)]
pub enum Poll<T> {
    Waiting,
    Ready(T),
    /// The worker stopped without an answer.
    Lost,
}

impl<K, T: Send + 'static> Job<K, T> {
    /// Start `work` on a thread named `name`; the error when no thread can be had.
    pub fn spawn(
        name: &str,
        key: K,
        ctx: &egui::Context,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> std::io::Result<Self> {
        let (tx, rx) = mpsc::channel();
        let ctx = ctx.clone();
        std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || {
                // The receiver is gone when the result is not wanted any more.
                tx.send(work()).ok();
                ctx.request_repaint();
            })?;
        Ok(Self { key, rx })
    }
}

impl<K, T> Job<K, T> {
    /// What the job computes for.
    pub fn key(&self) -> &K {
        &self.key
    }

    /// The result if the worker has sent it, without waiting.
    pub fn poll(&self) -> Poll<T> {
        match self.rx.try_recv() {
            Ok(value) => Poll::Ready(value),
            Err(TryRecvError::Empty) => Poll::Waiting,
            Err(TryRecvError::Disconnected) => Poll::Lost,
        }
    }

    /// The result, waiting up to `timeout` for it (for tests, the bench and screenshots,
    /// which need settled frames).
    pub fn wait(&self, timeout: Duration) -> Poll<T> {
        match self.rx.recv_timeout(timeout) {
            Ok(value) => Poll::Ready(value),
            Err(RecvTimeoutError::Timeout) => Poll::Waiting,
            Err(RecvTimeoutError::Disconnected) => Poll::Lost,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Barrier;

    #[test]
    fn a_value_is_computed_once_per_key() {
        let mut cache: Cached<u64, String> = Cached::default();
        let mut calls = 0;
        let mut get = |cache: &mut Cached<u64, String>, key: u64| {
            cache
                .get_or_compute(key, || {
                    calls += 1;
                    format!("revision {key}")
                })
                .clone()
        };
        assert_eq!(get(&mut cache, 1), "revision 1");
        assert_eq!(get(&mut cache, 1), "revision 1");
        assert_eq!(get(&mut cache, 2), "revision 2");
        // Only the last key is kept: going back computes again.
        assert_eq!(get(&mut cache, 1), "revision 1");
        assert_eq!(calls, 3);
        assert_eq!(cache.get(&1).map(String::as_str), Some("revision 1"));
        assert_eq!(cache.get(&2), None);
        cache.set(5, "five".into());
        assert_eq!(cache.get(&1), None);
        assert_eq!(cache.latest().map(String::as_str), Some("five"));
    }

    #[test]
    fn an_arc_key_equals_only_the_same_allocation() {
        let a = Arc::new(1);
        let b = Arc::new(1);
        assert!(Same(a.clone()) == Same(a.clone()));
        assert!(Same(a) != Same(b));
    }

    #[test]
    fn a_job_answers_once_its_worker_is_done() {
        let ctx = egui::Context::default();
        let gate = Arc::new(Barrier::new(2));
        let worker_gate = gate.clone();
        let job = Job::spawn("test", 7u64, &ctx, move || {
            worker_gate.wait();
            42
        })
        .expect("a thread");
        assert_eq!(*job.key(), 7);
        // The worker cannot finish before the gate opens.
        assert_eq!(job.poll(), Poll::Waiting);
        assert_eq!(job.wait(Duration::from_millis(1)), Poll::Waiting);
        gate.wait();
        assert_eq!(job.wait(Duration::from_secs(60)), Poll::Ready(42));
        // One answer only; then the worker is gone.
        assert_eq!(job.wait(Duration::from_secs(60)), Poll::Lost);
    }

    #[test]
    fn a_worker_that_stops_without_an_answer_is_lost() {
        let ctx = egui::Context::default();
        // `resume_unwind` stops the worker as a panic would, without printing one.
        let job: Job<(), u8> = Job::spawn("test", (), &ctx, || {
            std::panic::resume_unwind(Box::new("stopped"))
        })
        .expect("a thread");
        assert_eq!(job.wait(Duration::from_secs(60)), Poll::Lost);
        assert_eq!(job.poll(), Poll::Lost);
    }
}
