//! Two analyses side by side (typically the base and a scenario): how each issue's outcome
//! and each party's total pain change.

use std::collections::{HashMap, HashSet};

use super::Analysis;
use serde::Serialize;

/// How the outcome of one issue changes from `before` to `after`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IssueChange {
    pub id: String,
    pub name: String,
    pub before: Option<f64>,
    pub after: Option<f64>,
    /// after - before; `None` unless both outcomes exist.
    pub change: Option<f64>,
}

/// How a party's total pain changes from `before` to `after`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartyChange {
    pub id: String,
    pub before: Option<f64>,
    pub after: Option<f64>,
    /// after - before; `None` unless the party is in both.
    pub change: Option<f64>,
    /// Breaches after minus breaches before (0 unless the party is in both).
    pub breaches_change: i64,
}

/// The differences between two analyses.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    pub before: Option<String>,
    pub after: Option<String>,
    /// Issues of `before` in its order, then any only in `after`.
    pub issues: Vec<IssueChange>,
    /// Parties of `before` in its order, then any only in `after`.
    pub parties: Vec<PartyChange>,
}

fn diff(before: Option<f64>, after: Option<f64>) -> Option<f64> {
    Some(after? - before?)
}

/// Compare `after` (e.g. a scenario) against `before` (e.g. the base).
pub fn compare(before: &Analysis, after: &Analysis) -> Comparison {
    // Matched by id through maps: a project may have tens of thousands of parties.
    let after_issues: HashMap<&str, _> = after.issues.iter().map(|a| (a.id.as_str(), a)).collect();
    let before_issues: HashSet<&str> = before.issues.iter().map(|b| b.id.as_str()).collect();
    let after_parties: HashMap<&str, _> =
        after.parties.iter().map(|a| (a.id.as_str(), a)).collect();
    let before_parties: HashSet<&str> = before.parties.iter().map(|b| b.id.as_str()).collect();
    let mut issues: Vec<IssueChange> = before
        .issues
        .iter()
        .map(|b| {
            let a = after_issues.get(b.id.as_str());
            let after_outcome = a.and_then(|a| a.outcome);
            IssueChange {
                id: b.id.clone(),
                name: b.name.clone(),
                before: b.outcome,
                after: after_outcome,
                change: diff(b.outcome, after_outcome),
            }
        })
        .collect();
    issues.extend(
        after
            .issues
            .iter()
            .filter(|a| !before_issues.contains(a.id.as_str()))
            .map(|a| IssueChange {
                id: a.id.clone(),
                name: a.name.clone(),
                before: None,
                after: a.outcome,
                change: None,
            }),
    );
    let mut parties: Vec<PartyChange> = before
        .parties
        .iter()
        .map(|b| {
            let a = after_parties.get(b.id.as_str());
            PartyChange {
                id: b.id.clone(),
                before: Some(b.total_pain),
                after: a.map(|a| a.total_pain),
                change: a.map(|a| a.total_pain - b.total_pain),
                breaches_change: a.map_or(0, |a| a.breaches as i64 - b.breaches as i64),
            }
        })
        .collect();
    parties.extend(
        after
            .parties
            .iter()
            .filter(|a| !before_parties.contains(a.id.as_str()))
            .map(|a| PartyChange {
                id: a.id.clone(),
                before: None,
                after: Some(a.total_pain),
                change: None,
                breaches_change: 0,
            }),
    );
    Comparison {
        before: before.scenario.clone(),
        after: after.scenario.clone(),
        issues,
        parties,
    }
}
