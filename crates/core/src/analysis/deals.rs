//! Deals (shared/ANALYSIS.md, "Deals"): could every Principal sign one package, one point
//! per issue? Each Principal values a package by its salience-weighted satisfaction over
//! the issues it cares about; red lines are hard limits. The figures are the best floor
//! every Principal can be given (`maxmin`), each Principal's best among packages the others
//! accept (`best_for`), the asymmetric Nash bargaining package (`nash`) and the deal test of
//! the predicted outcome (`outcome_test`). This module holds the figures and the Principals'
//! value terms; `deals_figures` computes them and `deals_solve` holds the programs.

use serde::Serialize;
use serde::ser::SerializeMap;
use std::fmt;

/// A value within this of 0 counts as 0: a Principal at exactly its walk-aways accepts.
pub const TOLERANCE: f64 = 1e-9;

/// Values by id, serialized as a JSON object in project order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct IdMap<T>(pub Vec<(String, T)>);

impl<T> IdMap<T> {
    pub fn get(&self, id: &str) -> Option<&T> {
        self.0.iter().find(|(k, _)| k == id).map(|(_, v)| v)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &T)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<T: Serialize> Serialize for IdMap<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

/// The deal figures of the base or a scenario. Serializes to exactly the `deals` object of
/// `stancemap analyze --json`; the rest is for the app and the text report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Deals {
    /// The largest floor t such that some package keeping every red line gives every
    /// Principal U >= t. `None` when no package keeps every red line (or nobody signs).
    pub maxmin: Option<f64>,
    /// `maxmin >= 0`: some package every Principal accepts.
    pub feasible: bool,
    /// Per Principal: its largest U over packages every other Principal accepts.
    pub best_for: IdMap<Option<f64>>,
    /// The asymmetric Nash bargaining package, when `maxmin > 0`.
    pub nash: Option<Nash>,
    pub outcome_test: OutcomeTest,
    /// The Principals in the figures (project order), with the terms of their U.
    #[serde(skip)]
    pub principals: Vec<DealParty>,
    /// Why figures are missing or who is left out, in words.
    #[serde(skip)]
    pub notes: Vec<DealNote>,
    /// A package reaching `maxmin`, per project issue (`None` where no Principal weighs it).
    #[serde(skip)]
    pub maxmin_package: Option<Vec<Option<f64>>>,
    /// Per Principal, a package reaching its `best_for` (same layout as `maxmin_package`).
    #[serde(skip)]
    pub best_packages: Vec<Option<Vec<Option<f64>>>>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Nash {
    /// U of each Principal at the Nash package (unique).
    pub values: IdMap<f64>,
    /// One maximising point per issue some Principal weighs (not always unique).
    pub package: IdMap<f64>,
    /// The same package per project issue, `None` where no Principal weighs it.
    #[serde(skip)]
    pub points: Vec<Option<f64>>,
}

/// The predicted outcome (one point per issue) tested as a package.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutcomeTest {
    /// U of each Principal at the predicted outcome; `None` when an issue it weighs has no
    /// outcome.
    pub values: IdMap<Option<f64>>,
    /// Whether each Principal accepts it: U >= 0 and none of its red lines crossed.
    pub accepted: IdMap<bool>,
    /// The predicted outcome per project issue.
    #[serde(skip)]
    pub points: Vec<Option<f64>>,
}

impl OutcomeTest {
    /// The ids of the Principals that reject the predicted outcome, in project order.
    pub fn rejecting(&self) -> Vec<&str> {
        self.accepted
            .iter()
            .filter(|(_, ok)| !**ok)
            .map(|(id, _)| id)
            .collect()
    }
}

/// A Principal in the deal figures.
#[derive(Debug, Clone, PartialEq)]
pub struct DealParty {
    pub id: String,
    pub name: String,
    /// Its power (the scenario's when overridden): its weight in the Nash product.
    pub power: f64,
    /// One per issue where it has a position with salience > 0, in project issue order.
    pub terms: Vec<ValueTerm>,
    /// Its red lines (issue index, acceptable low, high), salient or not.
    pub red_lines: Vec<(usize, f64, f64)>,
}

/// One term of a Principal's value U = sum weight * u(x).
#[derive(Debug, Clone, PartialEq)]
pub struct ValueTerm {
    /// Index of the issue in the project.
    pub issue: usize,
    pub issue_id: String,
    pub issue_name: String,
    pub ideal: f64,
    pub walk_away: Option<f64>,
    pub salience: f64,
    /// R: |ideal - walk-away| (at least 1), or 100 without a walk-away.
    pub range: f64,
    /// salience / the sum of its saliences.
    pub weight: f64,
}

/// One line of the explanation of U at a package.
#[derive(Debug, Clone, PartialEq)]
pub struct ValueLine {
    pub issue_id: String,
    pub issue_name: String,
    /// The package's point on the issue.
    pub point: f64,
    pub ideal: f64,
    pub walk_away: Option<f64>,
    pub range: f64,
    /// u = 1 - |point - ideal| / range.
    pub satisfaction: f64,
    pub weight: f64,
    /// weight * satisfaction; the lines add up to U.
    pub contribution: f64,
}

/// Satisfaction with point `x` of a party with this ideal and walk-away: 1 at the ideal,
/// 0 at the walk-away's distance, negative beyond it.
pub fn satisfaction(ideal: f64, walk_away: Option<f64>, x: f64) -> f64 {
    1.0 - (x - ideal).abs() / range(ideal, walk_away)
}

/// R of the satisfaction: max(|ideal - walk-away|, 1), or 100 without a walk-away.
pub fn range(ideal: f64, walk_away: Option<f64>) -> f64 {
    walk_away.map_or(100.0, |w| (ideal - w).abs().max(1.0))
}

impl DealParty {
    /// U at `package` (one point per project issue); `None` when an issue it weighs has none.
    pub fn value(&self, package: &[Option<f64>]) -> Option<f64> {
        let mut total = 0.0;
        for t in &self.terms {
            let x = package.get(t.issue).copied().flatten()?;
            total += t.weight * satisfaction(t.ideal, t.walk_away, x);
        }
        Some(total)
    }

    /// The terms of U at `package`, issue by issue (issues without a point are left out).
    pub fn explain(&self, package: &[Option<f64>]) -> Vec<ValueLine> {
        self.terms
            .iter()
            .filter_map(|t| {
                let point = package.get(t.issue).copied().flatten()?;
                let satisfaction = satisfaction(t.ideal, t.walk_away, point);
                Some(ValueLine {
                    issue_id: t.issue_id.clone(),
                    issue_name: t.issue_name.clone(),
                    point,
                    ideal: t.ideal,
                    walk_away: t.walk_away,
                    range: t.range,
                    satisfaction,
                    weight: t.weight,
                    contribution: t.weight * satisfaction,
                })
            })
            .collect()
    }

    /// Whether `package` crosses none of its red lines.
    pub fn keeps_red_lines(&self, package: &[Option<f64>]) -> bool {
        self.crossed_red_lines(package).is_empty()
    }

    /// The project issues on which `package` crosses one of its red lines.
    pub fn crossed_red_lines(&self, package: &[Option<f64>]) -> Vec<usize> {
        self.red_lines
            .iter()
            .filter(|&&(i, lo, hi)| {
                package
                    .get(i)
                    .copied()
                    .flatten()
                    .is_some_and(|x| x < lo || x > hi)
            })
            .map(|&(i, _, _)| i)
            .collect()
    }
}

/// Why a figure is missing, or who is left out.
#[derive(Debug, Clone, PartialEq)]
pub enum DealNote {
    /// No Principal has a position with salience above 0.
    NoPrincipals,
    /// A Principal with no position of salience above 0 (by name).
    LeftOut(String),
    /// Red lines that exclude each other on one issue: (issue name, [(party name, text)]).
    RedLinesConflict {
        issue: String,
        /// The red line that sets the floor: (party name, walk-away).
        floor: (String, f64),
        /// The one that sets the ceiling.
        ceiling: (String, f64),
    },
    /// The solver gave no answer for one figure.
    SolverFailed { figure: String, reason: String },
}

impl fmt::Display for DealNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DealNote::NoPrincipals => write!(
                f,
                "no Principal has a position with salience above 0, so nobody signs a package"
            ),
            DealNote::LeftOut(name) => write!(
                f,
                "{name} is left out of the deal figures: it has no position with salience above 0"
            ),
            DealNote::RedLinesConflict {
                issue,
                floor,
                ceiling,
            } => write!(
                f,
                "on {issue}, {}'s red line needs at least {} and {}'s at most {}",
                floor.0,
                short(floor.1),
                ceiling.0,
                short(ceiling.1)
            ),
            DealNote::SolverFailed { figure, reason } => {
                write!(f, "{figure} could not be computed: {reason}")
            }
        }
    }
}

/// A scale point with at most one decimal and no trailing `.0`.
fn short(value: f64) -> String {
    let s = format!("{value:.1}");
    s.strip_suffix(".0")
        .map_or_else(|| s.clone(), str::to_owned)
}
