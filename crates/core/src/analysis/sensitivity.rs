//! Sensitivity: which inputs move the outcomes most. Each party's power and each position's
//! stance and salience is nudged by 10% of its range both ways, and the outcomes of the
//! issues it touches are recomputed (only those, so a large project stays fast).

use super::Table;
use super::outcome::{Term, outcome_of_sorted};
use crate::model::{OutcomeMethod, View};
use serde::Serialize;

/// Which kind of input an entry nudges.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum InputKind {
    Power,
    Stance,
    Salience,
}

/// One input and the largest change of an outcome that nudging it causes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SensitivityEntry {
    /// Readable name, e.g. `power of Russia`, `stance of Russia on Kursk`.
    pub input: String,
    /// Id of the issue whose outcome moves most (the first in project order on a tie).
    pub issue: String,
    /// The largest |change of the outcome| over the two nudges and the issues touched.
    /// A nudge that makes an outcome appear or vanish (total weight reaching or leaving 0)
    /// has no size and counts as 0.
    pub delta: f64,
    pub kind: InputKind,
    /// Id of the party whose input it is.
    pub party: String,
    /// The outcome of `issue` as it is, with the input nudged down, and nudged up.
    pub base: Option<f64>,
    pub down: Option<f64>,
    pub up: Option<f64>,
}

/// Weights (power, salience) are nudged by 0.1, stances by 10 points, each within its range.
const WEIGHT_STEP: f64 = 0.1;
const STANCE_STEP: f64 = 10.0;

fn nudge(value: f64, step: f64, max: f64) -> (f64, f64) {
    (
        (value - step).clamp(0.0, max),
        (value + step).clamp(0.0, max),
    )
}

/// `"{what} of {party}"` or `"{what} of {party} on {issue}"`, allocated once at its size:
/// a large project names tens of thousands of inputs, and `format!` would grow each string
/// several times.
fn input_name(what: &str, party: &str, issue: Option<&str>) -> String {
    let on = issue.map_or(0, |i| " on ".len() + i.len());
    let mut name = String::with_capacity(what.len() + " of ".len() + party.len() + on);
    name.push_str(what);
    name.push_str(" of ");
    name.push_str(party);
    if let Some(issue) = issue {
        name.push_str(" on ");
        name.push_str(issue);
    }
    name
}

fn change(base: Option<f64>, moved: Option<f64>) -> f64 {
    match (base, moved) {
        (Some(b), Some(m)) => (m - b).abs(),
        _ => 0.0,
    }
}

/// The sensitivity of the outcomes of `view`, largest change first. Ties keep this order:
/// powers in party order, then per issue (project order) each position's stance, salience.
/// Parties without positions move nothing and are left out.
pub fn sensitivity(view: &View) -> Vec<SensitivityEntry> {
    sensitivity_of(&Table::new(&view.project))
}

/// One issue's terms sorted by stance, each with the index of its entry in the table.
struct Sorted {
    terms: Vec<Term>,
    entry: Vec<usize>,
}

/// Recomputes outcomes with one term replaced, reusing one buffer.
struct Recompute {
    method: OutcomeMethod,
    scratch: Vec<Term>,
}

impl Recompute {
    /// The outcome of `issue` with the terms of entries for which `replace` answers `Some`
    /// replaced by terms of the same stance.
    fn outcome(&mut self, issue: &Sorted, replace: impl Fn(usize) -> Option<Term>) -> Option<f64> {
        self.scratch.clear();
        self.scratch.extend(
            issue
                .terms
                .iter()
                .zip(&issue.entry)
                .map(|(term, &k)| replace(k).unwrap_or(*term)),
        );
        outcome_of_sorted(&self.scratch, self.method)
    }

    /// The outcome of `issue` with the term of entry `k` replaced by `moved`, whose stance
    /// may differ. The terms come out in exactly the order a stable sort by stance of the
    /// replaced list gives (so sums round alike), but by one merge pass instead of a sort:
    /// `moved` goes before the first other term that is greater, or equal and after it.
    fn outcome_moved(&mut self, issue: &Sorted, k: usize, moved: Term) -> Option<f64> {
        let Some(at) = issue.entry.iter().position(|&e| e == k) else {
            return outcome_of_sorted(&issue.terms, self.method);
        };
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
        outcome_of_sorted(&self.scratch, self.method)
    }
}

/// The best (largest change) issue of one input so far.
struct Best {
    issue: usize,
    delta: f64,
    base: Option<f64>,
    down: Option<f64>,
    up: Option<f64>,
}

impl Best {
    fn offer(
        best: &mut Option<Best>,
        issue: usize,
        base: Option<f64>,
        down: Option<f64>,
        up: Option<f64>,
    ) {
        let delta = change(base, down).max(change(base, up));
        if best.as_ref().is_none_or(|b| delta > b.delta) {
            *best = Some(Best {
                issue,
                delta,
                base,
                down,
                up,
            });
        }
    }
}

pub(crate) fn sensitivity_of(table: &Table) -> Vec<SensitivityEntry> {
    let project = table.project;
    let sorted: Vec<Sorted> = (0..project.issues.len())
        .map(|i| {
            let terms = table.terms(i);
            let mut order: Vec<usize> = (0..terms.len()).collect();
            order.sort_by(|&a, &b| terms[a].stance.total_cmp(&terms[b].stance));
            Sorted {
                terms: order.iter().map(|&k| terms[k]).collect(),
                entry: order,
            }
        })
        .collect();
    let base: Vec<Option<f64>> = sorted
        .iter()
        .map(|s| outcome_of_sorted(&s.terms, project.outcome))
        .collect();
    let mut recompute = Recompute {
        method: project.outcome,
        scratch: Vec::new(),
    };
    let mut out = Vec::with_capacity(project.parties.len() + 2 * project.positions.len());
    let mut push = |best: Option<Best>, input: String, kind, party: &str| {
        if let Some(b) = best {
            out.push(SensitivityEntry {
                input,
                issue: project.issues[b.issue].id.clone(),
                delta: b.delta,
                kind,
                party: party.to_owned(),
                base: b.base,
                down: b.down,
                up: b.up,
            });
        }
    };

    // Power touches every issue where the party has a position.
    let mut touched: Vec<Vec<usize>> = vec![Vec::new(); project.parties.len()];
    for (i, entries) in table.by_issue.iter().enumerate() {
        for e in entries {
            if touched[e.party].last() != Some(&i) {
                touched[e.party].push(i);
            }
        }
    }
    for (p, party) in project.parties.iter().enumerate() {
        let (low, high) = nudge(party.power, WEIGHT_STEP, 1.0);
        let mut best = None;
        for &i in &touched[p] {
            let entries = &table.by_issue[i];
            let with_power = |power: f64| {
                move |k: usize| {
                    let e = &entries[k];
                    (e.party == p).then(|| Term::new(e.position.stance, power, e.position.salience))
                }
            };
            let down = recompute.outcome(&sorted[i], with_power(low));
            let up = recompute.outcome(&sorted[i], with_power(high));
            Best::offer(&mut best, i, base[i], down, up);
        }
        push(
            best,
            input_name("power", &party.name, None),
            InputKind::Power,
            &party.id,
        );
    }

    // Stance and salience touch one issue each.
    for (i, entries) in table.by_issue.iter().enumerate() {
        let issue_name = &project.issues[i].name;
        for (k, e) in entries.iter().enumerate() {
            let party = table.party(e);
            let position = e.position;
            let term = |stance: f64, salience: f64| {
                move |j: usize| (j == k).then(|| Term::new(stance, party.power, salience))
            };

            let (low, high) = nudge(position.stance, STANCE_STEP, 100.0);
            let moved = |stance| Term::new(stance, party.power, position.salience);
            let down = recompute.outcome_moved(&sorted[i], k, moved(low));
            let up = recompute.outcome_moved(&sorted[i], k, moved(high));
            let mut best = None;
            Best::offer(&mut best, i, base[i], down, up);
            let name = input_name("stance", &party.name, Some(issue_name));
            push(best, name, InputKind::Stance, &party.id);

            let (low, high) = nudge(position.salience, WEIGHT_STEP, 1.0);
            let down = recompute.outcome(&sorted[i], term(position.stance, low));
            let up = recompute.outcome(&sorted[i], term(position.stance, high));
            let mut best = None;
            Best::offer(&mut best, i, base[i], down, up);
            let name = input_name("salience", &party.name, Some(issue_name));
            push(best, name, InputKind::Salience, &party.id);
        }
    }

    // Stable: ties keep the order above.
    out.sort_by(|a, b| b.delta.total_cmp(&a.delta));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::outcome::sort_by_stance;
    use proptest::prelude::*;

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
            let terms: Vec<Term> = stances
                .iter()
                .zip(&weights)
                .map(|(&x, &w)| Term { stance: f64::from(x) * 20.0, weight: w })
                .collect();
            let k = k % terms.len();
            let mut order: Vec<usize> = (0..terms.len()).collect();
            order.sort_by(|&a, &b| terms[a].stance.total_cmp(&terms[b].stance));
            let issue = Sorted { terms: order.iter().map(|&e| terms[e]).collect(), entry: order };
            let method = if mean { OutcomeMethod::Mean } else { OutcomeMethod::Median };
            let moved = Term { stance: f64::from(to) * 20.0, weight: terms[k].weight };

            let mut resorted: Vec<Term> = issue
                .terms
                .iter()
                .zip(&issue.entry)
                .map(|(t, &e)| if e == k { moved } else { *t })
                .collect();
            sort_by_stance(&mut resorted);
            let mut recompute = Recompute { method, scratch: Vec::new() };
            let merged = recompute.outcome_moved(&issue, k, moved);
            prop_assert_eq!(&recompute.scratch, &resorted);
            prop_assert_eq!(
                merged.map(f64::to_bits),
                outcome_of_sorted(&resorted, method).map(f64::to_bits)
            );
        }
    }
}
