//! Sensitivity: which inputs move the outcomes most. Each party's power and each position's
//! stance and salience is nudged by 10% of its range both ways, and the outcomes of the
//! issues it touches are recomputed (only those, so a large project stays fast).

use super::Table;
use super::outcome::{Term, outcome_of_sorted};
use super::recompute::{Recompute, Sorted};
use crate::model::View;
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
        .map(|i| Sorted::new(&table.terms(i)))
        .collect();
    let base: Vec<Option<f64>> = sorted
        .iter()
        .map(|s| outcome_of_sorted(&s.terms, project.outcome))
        .collect();
    let mut recompute = Recompute::new(project.outcome);
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

    // Power touches every issue where the party has a position: (issue, entry) pairs.
    let mut touched: Vec<Vec<(usize, usize)>> = vec![Vec::new(); project.parties.len()];
    for (i, entries) in table.by_issue.iter().enumerate() {
        for (k, e) in entries.iter().enumerate() {
            if touched[e.party].last().map(|&(last, _)| last) != Some(i) {
                touched[e.party].push((i, k));
            }
        }
    }
    for (p, party) in project.parties.iter().enumerate() {
        let (low, high) = nudge(party.power, WEIGHT_STEP, 1.0);
        let mut best = None;
        for &(i, k) in &touched[p] {
            let position = table.by_issue[i][k].position;
            let with_power = |power| Term::new(position.stance, power, position.salience);
            let down = recompute.outcome_moved(&sorted[i], k, with_power(low));
            let up = recompute.outcome_moved(&sorted[i], k, with_power(high));
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
            let (low, high) = nudge(position.stance, STANCE_STEP, 100.0);
            let moved = |stance| Term::new(stance, party.power, position.salience);
            let down = recompute.outcome_moved(&sorted[i], k, moved(low));
            let up = recompute.outcome_moved(&sorted[i], k, moved(high));
            let mut best = None;
            Best::offer(&mut best, i, base[i], down, up);
            let name = input_name("stance", &party.name, Some(issue_name));
            push(best, name, InputKind::Stance, &party.id);

            let (low, high) = nudge(position.salience, WEIGHT_STEP, 1.0);
            let with_salience = |salience| Term::new(position.stance, party.power, salience);
            let down = recompute.outcome_moved(&sorted[i], k, with_salience(low));
            let up = recompute.outcome_moved(&sorted[i], k, with_salience(high));
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
