//! Every figure stancemap computes (shared/ANALYSIS.md): outcomes, ZOPAs, concessions,
//! leverage, sensitivity and deals (packages every Principal could sign), as pure functions of the effective project (`model::View`)
//! that return plain structs which also serialize to the JSON of `stancemap analyze`.

mod compare;
mod concession;
mod deals;
mod deals_figures;
mod deals_solve;
mod deals_space;
mod deals_words;
mod leverage;
mod outcome;
mod recompute;
mod sensitivity;
mod zopa;

#[cfg(test)]
mod deals_proptests;
#[cfg(test)]
mod deals_tests;
#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;

pub use compare::{Comparison, IssueChange, PartyChange, compare};
pub use concession::{Concession, concession};
pub use deals::{
    DealNote, DealParty, Deals, IdMap, Nash, OutcomeTest, TOLERANCE as DEAL_TOLERANCE, ValueLine,
    ValueTerm, range as satisfaction_range, satisfaction,
};
pub use deals_figures::{aimed_at, deals, outcome_points, outcome_verdict};
pub use deals_space::{
    DealSpace, PairError, Point, deal_space, deal_space_for, default_pair, other_outcomes,
};
pub use deals_words::and_list;
pub use leverage::{LeverageBalance, balances, pressures};
pub use outcome::{
    ExplainInput, ExplainRow, Explanation, Term, explain_terms, outcome, total_weight,
    weighted_mean, weighted_median,
};
pub use sensitivity::{InputKind, SensitivityEntry, sensitivity};
pub use zopa::{Zopa, zopa};

use crate::model::{OutcomeMethod, Party, Position, Project, Role, View};
use serde::Serialize;
use std::collections::HashMap;

/// The whole analysis of the base project or of one scenario.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Analysis {
    /// The project's title.
    pub project: String,
    /// The scenario id, `None` for the base.
    pub scenario: Option<String>,
    pub outcome_method: OutcomeMethod,
    /// One per issue, in project order.
    pub issues: Vec<IssueAnalysis>,
    /// One per party, in project order (parties without positions included).
    pub parties: Vec<PartyTotals>,
    pub leverage: Vec<LeverageBalance>,
    /// Largest change first.
    pub sensitivity: Vec<SensitivityEntry>,
}

/// The figures of one issue.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IssueAnalysis {
    pub id: String,
    pub name: String,
    pub weighted_median: Option<f64>,
    pub weighted_mean: Option<f64>,
    /// The weighted median or mean, as the project's `outcome` says.
    pub outcome: Option<f64>,
    /// Why `outcome` is null.
    pub outcome_note: Option<String>,
    pub zopa: Option<Zopa>,
    pub gap: Option<f64>,
    /// One per position on the issue, in file order.
    pub concessions: Vec<Concession>,
}

/// A party's column totals of the concession matrix.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartyTotals {
    pub id: String,
    /// Sum of its pain over the issues with an outcome.
    pub total_pain: f64,
    /// How many outcomes lie beyond its walk-aways.
    pub breaches: usize,
    /// How many of those breach a public red line.
    pub red_line_breaches: usize,
}

/// Analyse the effective project of `view`.
pub fn analyze(view: &View) -> Analysis {
    let project = &view.project;
    let table = Table::new(project);
    let issues: Vec<IssueAnalysis> = (0..project.issues.len())
        .map(|i| analyze_issue(&table, i))
        .collect();
    // Column totals in one pass over the cells (issue by issue, each in file order, so each
    // party's pain adds up in the same order as summing its column would).
    let mut columns: Vec<(f64, usize, usize)> = vec![(0.0, 0, 0); project.parties.len()];
    for (entries, issue) in table.by_issue.iter().zip(&issues) {
        for (entry, cell) in entries.iter().zip(&issue.concessions) {
            let column = &mut columns[entry.party];
            column.0 += cell.pain.unwrap_or(0.0);
            column.1 += usize::from(cell.breach);
            column.2 += usize::from(cell.red_line_breached());
        }
    }
    let parties = project
        .parties
        .iter()
        .map(|party| {
            // Cells name parties by id; a (refused) duplicate id shares its first party's column.
            let (total_pain, breaches, red_line_breaches) = table
                .party_index(&party.id)
                .map_or((0.0, 0, 0), |p| columns[p]);
            PartyTotals {
                id: party.id.clone(),
                total_pain,
                breaches,
                red_line_breaches,
            }
        })
        .collect();
    Analysis {
        project: project.title.clone(),
        scenario: view.scenario.as_ref().map(|(id, _)| id.clone()),
        outcome_method: project.outcome,
        issues,
        parties,
        leverage: balances(project),
        sensitivity: sensitivity::sensitivity_of(&table),
    }
}

/// The terms behind the outcome of issue `issue_id` in `view`; `None` for an unknown issue.
pub fn explain(view: &View, issue_id: &str) -> Option<Explanation> {
    let project = &view.project;
    let table = Table::new(project);
    let i = project
        .issues
        .iter()
        .position(|issue| issue.id == issue_id)?;
    let issue = &project.issues[i];
    let inputs: Vec<ExplainInput> = table.by_issue[i]
        .iter()
        .map(|e| {
            let party = table.party(e);
            ExplainInput {
                party: party.id.clone(),
                name: party.name.clone(),
                stance: e.position.stance,
                power: party.power,
                salience: e.position.salience,
            }
        })
        .collect();
    Some(explain_terms(
        &issue.id,
        &issue.name,
        project.outcome,
        &inputs,
    ))
}

fn analyze_issue(table: &Table, i: usize) -> IssueAnalysis {
    let issue = &table.project.issues[i];
    let entries = &table.by_issue[i];
    let terms = table.terms(i);
    let weighted_median = weighted_median(&terms);
    let weighted_mean = weighted_mean(&terms);
    let outcome = match table.project.outcome {
        OutcomeMethod::Median => weighted_median,
        OutcomeMethod::Mean => weighted_mean,
    };
    let (zopa, gap) = zopa(
        entries
            .iter()
            .filter(|e| table.party(e).role == Role::Principal)
            .map(|e| e.position),
    );
    IssueAnalysis {
        id: issue.id.clone(),
        name: issue.name.clone(),
        weighted_median,
        weighted_mean,
        outcome,
        outcome_note: outcome
            .is_none()
            .then(|| outcome::no_outcome_note(entries.len())),
        zopa,
        gap,
        concessions: entries
            .iter()
            .map(|e| concession(e.position, outcome))
            .collect(),
    }
}

/// A position with the index of its party.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Entry<'a> {
    pub party: usize,
    pub position: &'a Position,
}

/// The positions of each issue (in file order), looked up once. Positions naming a party
/// or issue the project lacks (which the loader refuses) are left out.
pub(crate) struct Table<'a> {
    pub project: &'a Project,
    pub by_issue: Vec<Vec<Entry<'a>>>,
    /// Party id -> index of the first party with that id.
    parties: HashMap<&'a str, usize>,
}

impl<'a> Table<'a> {
    pub fn new(project: &'a Project) -> Self {
        let mut parties = HashMap::new();
        for (i, party) in project.parties.iter().enumerate() {
            parties.entry(party.id.as_str()).or_insert(i);
        }
        let mut issues = HashMap::new();
        for (i, issue) in project.issues.iter().enumerate() {
            issues.entry(issue.id.as_str()).or_insert(i);
        }
        let mut by_issue = vec![Vec::new(); project.issues.len()];
        for position in &project.positions {
            if let (Some(&party), Some(&issue)) = (
                parties.get(position.party.as_str()),
                issues.get(position.issue.as_str()),
            ) {
                by_issue[issue].push(Entry { party, position });
            }
        }
        Self {
            project,
            by_issue,
            parties,
        }
    }

    pub fn party_index(&self, id: &str) -> Option<usize> {
        self.parties.get(id).copied()
    }

    pub fn party(&self, entry: &Entry) -> &'a Party {
        &self.project.parties[entry.party]
    }

    /// The (stance, weight) terms of issue `i`, in file order.
    pub fn terms(&self, i: usize) -> Vec<Term> {
        self.by_issue[i]
            .iter()
            .map(|e| Term::new(e.position.stance, self.party(e).power, e.position.salience))
            .collect()
    }
}
