//! Outcomes recomputed with one term changed, for the sensitivity analysis, which does it
//! twice for every input: a project with n parties on an issue has about 3n inputs there.
//!
//! Up to `FAST_FROM` terms the new list is merged in order and the outcome computed as
//! from scratch, so every sum rounds exactly as a fresh analysis's would. Past that, a
//! rescan per input would make the whole analysis quadratic (20,000 parties on one issue
//! took 7.6 s), so the outcome comes from prefix sums in O(log n): the median by bisection
//! over the cumulative weights of the new order, the mean by adjusting the two sums. The
//! answers are the same up to rounding in the last bits (tested against re-sorting).

use super::outcome::{HALF_TOLERANCE, Term, outcome_of_sorted};
use crate::model::OutcomeMethod;

/// Issues with more terms than this use the prefix sums.
pub(crate) const FAST_FROM: usize = 512;

/// One issue's terms sorted by stance, and where each entry of the table went.
pub(crate) struct Sorted {
    pub terms: Vec<Term>,
    /// Entry index -> sorted position.
    at: Vec<usize>,
    /// Inclusive prefix sums of the weights and of weight × stance (large issues only).
    weights: Vec<f64>,
    moments: Vec<f64>,
}

impl Sorted {
    /// Sort `terms` (in entry order) by stance, stably.
    pub fn new(terms: &[Term]) -> Sorted {
        let mut entry: Vec<usize> = (0..terms.len()).collect();
        entry.sort_by(|&a, &b| terms[a].stance.total_cmp(&terms[b].stance));
        let mut at = vec![0; terms.len()];
        for (p, &e) in entry.iter().enumerate() {
            at[e] = p;
        }
        let terms: Vec<Term> = entry.iter().map(|&e| terms[e]).collect();
        let (mut weights, mut moments) = (Vec::new(), Vec::new());
        if terms.len() > FAST_FROM {
            let (mut w, mut m) = (0.0, 0.0);
            for t in &terms {
                w += t.weight;
                m += t.weight * t.stance;
                weights.push(w);
                moments.push(m);
            }
        }
        Sorted {
            terms,
            at,
            weights,
            moments,
        }
    }
}

/// Recomputes outcomes with one term replaced, reusing one buffer.
pub(crate) struct Recompute {
    pub method: OutcomeMethod,
    pub scratch: Vec<Term>,
}

impl Recompute {
    pub fn new(method: OutcomeMethod) -> Self {
        Self {
            method,
            scratch: Vec::new(),
        }
    }

    /// The outcome of `issue` with the term of entry `k` replaced by `moved`, whose stance
    /// may differ.
    pub fn outcome_moved(&mut self, issue: &Sorted, k: usize, moved: Term) -> Option<f64> {
        let Some(&at) = issue.at.get(k) else {
            return outcome_of_sorted(&issue.terms, self.method);
        };
        if issue.terms.len() > FAST_FROM {
            return match self.method {
                OutcomeMethod::Median => median_moved(issue, at, moved),
                OutcomeMethod::Mean => mean_moved(issue, at, moved),
            };
        }
        self.merge(issue, at, moved);
        outcome_of_sorted(&self.scratch, self.method)
    }

    /// The terms with the one at `at` replaced, in exactly the order a stable sort by
    /// stance of the replaced list gives (so sums round alike), by one merge pass: `moved`
    /// goes before the first other term that is greater, or equal and after it.
    fn merge(&mut self, issue: &Sorted, at: usize, moved: Term) {
        self.scratch.clear();
        let mut pending = Some(moved);
        for (p, term) in issue.terms.iter().enumerate() {
            if p == at {
                continue;
            }
            if let Some(m) = pending {
                let order = term.stance.total_cmp(&m.stance);
                if order.is_gt() || (order.is_eq() && p > at) {
                    self.scratch.push(m);
                    pending = None;
                }
            }
            self.scratch.push(*term);
        }
        self.scratch.extend(pending);
    }
}

/// The place of `moved` in the new order: how many of the other terms come before it
/// (the same rule as `merge`).
fn place(s: &Sorted, at: usize, moved: Term) -> usize {
    let x = moved.stance;
    let lo = s.terms.partition_point(|t| t.stance.total_cmp(&x).is_lt());
    let hi = s.terms.partition_point(|t| t.stance.total_cmp(&x).is_le());
    // The old index the moved term goes before.
    let before = if (lo..hi).contains(&at) {
        at + 1
    } else if at < lo {
        lo
    } else {
        hi
    };
    if at < before { before - 1 } else { before }
}

/// The weighted median with the term at sorted position `at` replaced by `moved`. The
/// cumulative weight of each term in the new order is its old prefix sum, less the old
/// weight once past `at`, plus the new weight once past the moved term: nondecreasing, so
/// the first to reach half the total is found by bisection.
fn median_moved(s: &Sorted, at: usize, moved: Term) -> Option<f64> {
    let n = s.terms.len();
    let old_w = s.terms[at].weight;
    let total = s.weights[n - 1] - old_w + moved.weight;
    if total.is_nan() || total <= 0.0 {
        return None;
    }
    let mark = total / 2.0 - total * HALF_TOLERANCE;
    let q = place(s, at, moved);
    // The r-th of the other terms, as an old index.
    let other = |r: usize| if r < at { r } else { r + 1 };
    let cumulative = |o: usize| s.weights[o] - if o > at { old_w } else { 0.0 };
    // (stance, cumulative weight) of position r of the new order.
    let item = |r: usize| -> (f64, f64) {
        match r.cmp(&q) {
            std::cmp::Ordering::Less => {
                let o = other(r);
                (s.terms[o].stance, cumulative(o))
            }
            std::cmp::Ordering::Equal => {
                let before = if q == 0 {
                    0.0
                } else {
                    cumulative(other(q - 1))
                };
                (moved.stance, before + moved.weight)
            }
            std::cmp::Ordering::Greater => {
                let o = other(r - 1);
                (s.terms[o].stance, cumulative(o) + moved.weight)
            }
        }
    };
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if item(mid).1 >= mark {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Some(item(lo.min(n - 1)).0)
}

/// The weighted mean with the term at `at` replaced: both sums adjusted by the difference.
fn mean_moved(s: &Sorted, at: usize, moved: Term) -> Option<f64> {
    let n = s.terms.len();
    let old = s.terms[at];
    let total = s.weights[n - 1] - old.weight + moved.weight;
    if total.is_nan() || total <= 0.0 {
        return None;
    }
    let moment = s.moments[n - 1] - old.weight * old.stance + moved.weight * moved.stance;
    Some(moment / total)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::outcome::sort_by_stance;
    use proptest::prelude::*;

    fn terms_of(stances: &[u8], weights: &[f64]) -> Vec<Term> {
        stances
            .iter()
            .zip(weights.iter().cycle())
            .map(|(&x, &w)| Term {
                stance: f64::from(x) * 20.0,
                weight: w,
            })
            .collect()
    }

    /// The sorted terms with entry `k` replaced, stably re-sorted.
    fn resorted(issue: &Sorted, k: usize, moved: Term) -> Vec<Term> {
        let mut out = issue.terms.clone();
        out[issue.at[k]] = moved;
        sort_by_stance(&mut out);
        out
    }

    proptest! {
        /// Merging the moved term in gives the very order (so the very sums) of re-sorting.
        #[test]
        fn moving_a_term_equals_resorting(
            stances in proptest::collection::vec(0u8..6, 1..12),
            weights in proptest::collection::vec(0.0f64..1.0, 12),
            k in 0usize..12,
            to in 0u8..6,
            mean: bool,
        ) {
            let terms = terms_of(&stances, &weights);
            let k = k % terms.len();
            let issue = Sorted::new(&terms);
            let method = if mean { OutcomeMethod::Mean } else { OutcomeMethod::Median };
            let moved = Term { stance: f64::from(to) * 20.0, weight: terms[k].weight * 0.5 };
            let resorted = resorted(&issue, k, moved);
            let mut recompute = Recompute::new(method);
            let merged = recompute.outcome_moved(&issue, k, moved);
            prop_assert_eq!(&recompute.scratch, &resorted);
            prop_assert_eq!(
                merged.map(f64::to_bits),
                outcome_of_sorted(&resorted, method).map(f64::to_bits)
            );
        }

        /// On a large issue the prefix sums give the median of re-sorting exactly (it is
        /// one of the stances) and the mean to rounding.
        #[test]
        fn the_prefix_sums_agree_with_resorting(
            stances in proptest::collection::vec(0u8..6, FAST_FROM + 1..FAST_FROM + 40),
            weights in proptest::collection::vec(0.0f64..1.0, 1..30),
            k in 0usize..FAST_FROM,
            to in 0u8..6,
            weight in 0.0f64..1.0,
        ) {
            let terms = terms_of(&stances, &weights);
            let issue = Sorted::new(&terms);
            let moved = Term { stance: f64::from(to) * 20.0, weight };
            let resorted = resorted(&issue, k, moved);
            let mut recompute = Recompute::new(OutcomeMethod::Median);
            prop_assert_eq!(
                recompute.outcome_moved(&issue, k, moved),
                outcome_of_sorted(&resorted, OutcomeMethod::Median)
            );
            let mut recompute = Recompute::new(OutcomeMethod::Mean);
            let fast = recompute.outcome_moved(&issue, k, moved).unwrap();
            let slow = outcome_of_sorted(&resorted, OutcomeMethod::Mean).unwrap();
            prop_assert!((fast - slow).abs() < 1e-9, "{} {}", fast, slow);
        }
    }

    #[test]
    fn a_moved_term_that_takes_all_the_weight_is_the_median() {
        // 600 terms of weight 0 at 20 and one at 80 holding everything: moving it to 40
        // makes 40 the median; giving it weight 0 leaves no outcome.
        let mut terms = vec![
            Term {
                stance: 20.0,
                weight: 0.0
            };
            600
        ];
        terms.push(Term {
            stance: 80.0,
            weight: 1.0,
        });
        let issue = Sorted::new(&terms);
        let mut r = Recompute::new(OutcomeMethod::Median);
        let to = |stance, weight| Term { stance, weight };
        assert_eq!(r.outcome_moved(&issue, 600, to(40.0, 1.0)), Some(40.0));
        assert_eq!(r.outcome_moved(&issue, 600, to(80.0, 0.0)), None);
        assert_eq!(r.outcome_moved(&issue, 0, to(100.0, 3.0)), Some(100.0));
    }
}
