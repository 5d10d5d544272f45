//! What a change does to the analysis: the outcomes, ZOPAs and breaches of the base (or of
//! one scenario) in the old project against the new one. Figures count as changed when
//! they differ as the report shows them (one decimal), so rounding noise is not a finding.

use super::items::{Ids, translation};
use super::{ChangeKind, Named};
use crate::analysis::{self, Analysis, Zopa};
use crate::model::{Project, ScenarioError, View};
use serde::Serialize;
use std::collections::HashMap;

/// The analysis of the old project against the new one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnalysisEffect {
    /// The scenario analysed in both; `None` for the base.
    pub scenario: Option<Named>,
    /// Issues whose outcome, ZOPA or gap changed, or that were added or removed.
    pub issues: Vec<IssueEffect>,
    /// Walk-aways the outcome now breaches, or no longer breaches.
    pub breaches: Vec<BreachEffect>,
}

impl AnalysisEffect {
    pub fn is_empty(&self) -> bool {
        self.issues.is_empty() && self.breaches.is_empty()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IssueEffect {
    /// The issue's id in the new project (the old one for a removed issue).
    pub id: String,
    pub name: String,
    pub kind: ChangeKind,
    pub old_outcome: Option<f64>,
    pub new_outcome: Option<f64>,
    pub old_zopa: Option<Zopa>,
    pub new_zopa: Option<Zopa>,
    pub old_gap: Option<f64>,
    pub new_gap: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BreachEffect {
    pub party: Named,
    pub issue: Named,
    /// `true`: the outcome now lies beyond the walk-away; `false`: it no longer does.
    pub now: bool,
    /// The walk-away is a public red line.
    pub red_line: bool,
    pub walk_away: Option<f64>,
}

/// Why the effect cannot be computed for the scenario asked for.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EffectError {
    /// Not in the new project (the message lists the valid scenarios).
    #[error("{0}")]
    Unknown(#[from] ScenarioError),
    #[error(
        "scenario \"{0}\" is not in the old project; the effect on the analysis compares a \
         scenario that both projects have"
    )]
    NotInOld(String),
}

/// The effect of going from `old` to `new` on the analysis of the base, or of `scenario`
/// (an id or exact name in the new project; the old project's scenario is the one with
/// the same id, or else the same name).
pub fn effect(
    old: &Project,
    new: &Project,
    scenario: Option<&str>,
) -> Result<AnalysisEffect, EffectError> {
    let (old_view, new_view) = match scenario {
        None => (base(old), base(new)),
        Some(key) => {
            let new_view = new.resolve(Some(key))?;
            let (id, name) = new_view.scenario.clone().unwrap_or_default();
            let old_id = old
                .scenario(&id)
                .or_else(|| old.scenarios.iter().find(|s| s.name == name))
                .map(|s| s.id.clone())
                .ok_or(EffectError::NotInOld(name))?;
            (old.resolve(Some(&old_id))?, new_view)
        }
    };
    let ids = translation(old, new);
    let (a, b) = (analysis::analyze(&old_view), analysis::analyze(&new_view));
    Ok(AnalysisEffect {
        scenario: new_view.scenario.as_ref().map(|(id, name)| Named {
            id: id.clone(),
            name: name.clone(),
        }),
        issues: issues(&ids, &a, &b),
        breaches: breaches(&ids, &old_view, &new_view, &a, &b),
    })
}

fn base(project: &Project) -> View {
    let mut project = project.clone();
    project.scenarios.clear();
    View {
        hypothetical: vec![false; project.events.len()],
        project,
        scenario: None,
    }
}

/// A point as the report shows it.
fn shown(x: Option<f64>) -> Option<String> {
    x.map(|x| format!("{x:.1}"))
}

fn zopa_shown(z: Option<Zopa>) -> Option<(String, String)> {
    z.map(|z| (format!("{:.1}", z.low), format!("{:.1}", z.high)))
}

fn issues(ids: &Ids, a: &Analysis, b: &Analysis) -> Vec<IssueEffect> {
    let before: HashMap<&str, usize> = a
        .issues
        .iter()
        .enumerate()
        .map(|(i, x)| (ids.issue(&x.id), i))
        .collect();
    let mut seen = vec![false; a.issues.len()];
    let mut out = Vec::new();
    for y in &b.issues {
        let x = before.get(y.id.as_str()).map(|&i| {
            seen[i] = true;
            &a.issues[i]
        });
        let (kind, outcome, zopa, gap) = match x {
            Some(x) => (ChangeKind::Changed, x.outcome, x.zopa, x.gap),
            None => (ChangeKind::Added, None, None, None),
        };
        let same = x.is_some()
            && shown(outcome) == shown(y.outcome)
            && zopa_shown(zopa) == zopa_shown(y.zopa)
            && shown(gap) == shown(y.gap);
        if !same {
            out.push(IssueEffect {
                id: y.id.clone(),
                name: y.name.clone(),
                kind,
                old_outcome: outcome,
                new_outcome: y.outcome,
                old_zopa: zopa,
                new_zopa: y.zopa,
                old_gap: gap,
                new_gap: y.gap,
            });
        }
    }
    for (x, _) in a.issues.iter().zip(&seen).filter(|(_, seen)| !**seen) {
        out.push(IssueEffect {
            id: x.id.clone(),
            name: x.name.clone(),
            kind: ChangeKind::Removed,
            old_outcome: x.outcome,
            new_outcome: None,
            old_zopa: x.zopa,
            new_zopa: None,
            old_gap: x.gap,
            new_gap: None,
        });
    }
    out
}

/// Breaches that appeared (for positions in the new project) or went away (for positions
/// in both: a removed position is reported as removed, not as a breach gone).
fn breaches(
    ids: &Ids,
    old_view: &View,
    new_view: &View,
    a: &Analysis,
    b: &Analysis,
) -> Vec<BreachEffect> {
    let mut before: HashMap<(String, String), bool> = HashMap::new();
    for issue in &a.issues {
        for c in &issue.concessions {
            let key = (
                ids.party(&c.party).to_owned(),
                ids.issue(&issue.id).to_owned(),
            );
            before.insert(key, c.breach);
        }
    }
    let mut out = Vec::new();
    for issue in &b.issues {
        for c in &issue.concessions {
            let was = before.get(&(c.party.clone(), issue.id.clone())).copied();
            let now = match (was, c.breach) {
                (Some(false) | None, true) => true,
                (Some(true), false) => false,
                _ => continue,
            };
            // The walk-away that is (or was) breached, as the project that breaches it has it.
            let view = if now { new_view } else { old_view };
            let (party, issue_id) = if now {
                (c.party.clone(), issue.id.clone())
            } else {
                original(ids, &c.party, &issue.id)
            };
            let position = view.project.position(&party, &issue_id);
            out.push(BreachEffect {
                party: named_party(&new_view.project, &c.party),
                issue: Named {
                    id: issue.id.clone(),
                    name: issue.name.clone(),
                },
                now,
                red_line: position.is_some_and(|p| p.red_line),
                walk_away: position.and_then(|p| p.walk_away),
            });
        }
    }
    out
}

/// The old project's ids for a party and an issue given by their new ids.
fn original(ids: &Ids, party: &str, issue: &str) -> (String, String) {
    let back = |map: &HashMap<String, String>, id: &str| {
        map.iter()
            .find(|(_, new)| new.as_str() == id)
            .map_or_else(|| id.to_owned(), |(old, _)| old.clone())
    };
    (back(&ids.parties, party), back(&ids.issues, issue))
}

fn named_party(project: &Project, id: &str) -> Named {
    Named {
        id: id.to_owned(),
        name: project
            .party(id)
            .map_or_else(|| id.to_owned(), |p| p.name.clone()),
    }
}
