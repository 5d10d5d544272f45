//! Timing a step several times and summarising the runs by their median, which one slow run
//! (a page fault, another process) does not move.

use std::time::Instant;

/// The median of `samples`: the middle value, or the mean of the two middle values of an
/// even count. `None` for no samples.
pub fn median(samples: &[f64]) -> Option<f64> {
    let mut sorted = samples.to_vec();
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2]),
        _ => Some((sorted[n / 2 - 1] + sorted[n / 2]) / 2.0),
    }
}

/// Run `work` once untimed (to warm caches and lazy statics), then `runs` times (at least
/// once) timed; the milliseconds of each timed run. Stops at the first error.
pub fn time_runs<E>(runs: usize, work: &mut dyn FnMut() -> Result<(), E>) -> Result<Vec<f64>, E> {
    work()?;
    let mut samples = Vec::with_capacity(runs.max(1));
    for _ in 0..runs.max(1) {
        let start = Instant::now();
        work()?;
        samples.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    Ok(samples)
}

/// Like [`time_runs`] for work that times itself: one untimed call, then the milliseconds
/// `work` returns from each of `runs` calls (at least one).
pub fn timed_runs<E>(runs: usize, work: &mut dyn FnMut() -> Result<f64, E>) -> Result<Vec<f64>, E> {
    work()?;
    (0..runs.max(1)).map(|_| work()).collect()
}
