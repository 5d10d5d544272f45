//! Sensitivity: which inputs move the outcomes most. Each party's power and each position's
//! stance and salience is nudged by 10% of its range both ways, and the outcomes of the
//! issues it touches are recomputed (only those, so a large project stays fast).

use super::Table;
use super::outcome::{Term, outcome_of_sorted, sort_by_stance};
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
    /// replaced; `resort` when a stance changed.
    fn outcome(
        &mut self,
        issue: &Sorted,
        resort: bool,
        replace: impl Fn(usize) -> Option<Term>,
    ) -> Option<f64> {
        self.scratch.clear();
        self.scratch.extend(
            issue
                .terms
                .iter()
                .zip(&issue.entry)
                .map(|(term, &k)| replace(k).unwrap_or(*term)),
        );
        if resort {
            // Nearly sorted (one term moved), which the standard sort handles in about O(n).
            sort_by_stance(&mut self.scratch);
        }
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
    let mut out = Vec::new();
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
            let down = recompute.outcome(&sorted[i], false, with_power(low));
            let up = recompute.outcome(&sorted[i], false, with_power(high));
            Best::offer(&mut best, i, base[i], down, up);
        }
        push(
            best,
            format!("power of {}", party.name),
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
            let down = recompute.outcome(&sorted[i], true, term(low, position.salience));
            let up = recompute.outcome(&sorted[i], true, term(high, position.salience));
            let mut best = None;
            Best::offer(&mut best, i, base[i], down, up);
            let name = format!("stance of {} on {issue_name}", party.name);
            push(best, name, InputKind::Stance, &party.id);

            let (low, high) = nudge(position.salience, WEIGHT_STEP, 1.0);
            let down = recompute.outcome(&sorted[i], false, term(position.stance, low));
            let up = recompute.outcome(&sorted[i], false, term(position.stance, high));
            let mut best = None;
            Best::offer(&mut best, i, base[i], down, up);
            let name = format!("salience of {} on {issue_name}", party.name);
            push(best, name, InputKind::Salience, &party.id);
        }
    }

    // Stable: ties keep the order above.
    out.sort_by(|a, b| b.delta.total_cmp(&a.delta));
    out
}
