//! The deal space of two Principals: the Pareto frontier of (U_a, U_b) over the packages
//! that keep every red line, with the Nash package, the predicted outcome and each
//! scenario's predicted outcome as points. The deal-space chart draws this.

use super::deals::{DealParty, Deals};
use super::deals_figures::outcome_points;
use super::deals_figures::{Setup, red_line_bounds};
use super::deals_solve::{Goal, Solved};
use crate::model::{Project, View};

/// How many levels of U_b the frontier is traced at (it is concave and piecewise linear,
/// so a few dozen points draw it faithfully).
pub const FRONTIER_STEPS: usize = 24;

/// A point of the deal space: (U_a, U_b).
pub type Point = [f64; 2];

#[derive(Debug, Clone, PartialEq)]
pub struct DealSpace {
    /// The two Principals, (id, name), a on the horizontal axis.
    pub a: (String, String),
    pub b: (String, String),
    /// The Pareto frontier, from the end best for b to the end best for a.
    pub frontier: Vec<Point>,
    pub nash: Option<Point>,
    pub outcome: Option<Point>,
    /// The deal test of the predicted outcome in words ("no deal: Russia rejects"), and
    /// whether every Principal (not only these two) accepts it.
    pub outcome_verdict: Option<String>,
    pub outcome_accepted: bool,
    /// Each scenario's predicted outcome, by scenario name.
    pub scenarios: Vec<(String, Point)>,
    /// Why the frontier is missing or incomplete.
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PairError {
    #[error("\"{0}\" is not a Principal with a salient position; the deal space can show: {1}")]
    NotInDeals(String, String),
    #[error("the deal space needs two different Principals, not \"{0}\" twice")]
    Same(String),
    #[error("the deal space needs two Principals with a salient position; this project has {0}")]
    TooFew(usize),
}

/// The two Principals with the largest power (project order breaks ties), a first.
pub fn default_pair(deals: &Deals) -> Result<(String, String), PairError> {
    let mut order: Vec<&DealParty> = deals.principals.iter().collect();
    order.sort_by(|x, y| y.power.total_cmp(&x.power));
    match order.as_slice() {
        [a, b, ..] => Ok((a.id.clone(), b.id.clone())),
        _ => Err(PairError::TooFew(order.len())),
    }
}

/// The deal space of Principals `a` and `b` in `view`, whose deal figures are `deals`;
/// `scenarios` are the predicted outcomes (per project issue) of the scenarios to mark.
pub fn deal_space(
    view: &View,
    deals: &Deals,
    (a, b): (&str, &str),
    scenarios: &[(String, Vec<Option<f64>>)],
) -> Result<DealSpace, PairError> {
    let find = |id: &str| {
        deals
            .principals
            .iter()
            .position(|p| p.id == id)
            .ok_or_else(|| {
                let ids: Vec<&str> = deals.principals.iter().map(|p| p.id.as_str()).collect();
                PairError::NotInDeals(id.to_owned(), ids.join(", "))
            })
    };
    let (ia, ib) = (find(a)?, find(b)?);
    if ia == ib {
        return Err(PairError::Same(a.to_owned()));
    }
    let (pa, pb) = (&deals.principals[ia], &deals.principals[ib]);
    let pair_of = |package: &[Option<f64>]| Some([pa.value(package)?, pb.value(package)?]);
    let mut space = DealSpace {
        a: (pa.id.clone(), pa.name.clone()),
        b: (pb.id.clone(), pb.name.clone()),
        frontier: Vec::new(),
        nash: deals.nash.as_ref().and_then(|n| pair_of(&n.points)),
        outcome: pair_of(&deals.outcome_test.points),
        outcome_verdict: deals.outcome_verdict(),
        outcome_accepted: deals.outcome_test.rejecting().is_empty(),
        scenarios: scenarios
            .iter()
            .filter_map(|(name, points)| Some((name.clone(), pair_of(points)?)))
            .collect(),
        note: None,
    };
    let bounds = red_line_bounds(&view.project, &deals.principals);
    if bounds.iter().any(|b| b.lo > b.hi) {
        space.note = Some("no package keeps every red line".to_owned());
        return Ok(space);
    }
    let pair = [pa.clone(), pb.clone()];
    match frontier(&Setup::new(&pair, &bounds)) {
        Ok(points) => space.frontier = points,
        Err(reason) => space.note = Some(format!("the frontier could not be traced: {reason}")),
    }
    Ok(space)
}

const INFEASIBLE: &str = "no package meets a floor the solver itself found";

/// The frontier of members 0 (a) and 1 (b) of `setup`: the largest U_a at evenly spaced
/// floors on U_b, from U_b where a gets its best up to b's best.
fn frontier(setup: &Setup) -> Result<Vec<Point>, String> {
    let members = &setup.program.members;
    let at = |y: &[f64]| [members[0].value(y), members[1].value(y)];
    let solve = |goal| match setup.program.solve(goal) {
        Solved::Optimal(y) => Ok(at(&y)),
        Solved::Infeasible => Err(INFEASIBLE.to_owned()),
        Solved::Failed(reason) => Err(reason),
    };
    // Slack below a value just found, so the next program is not infeasible by rounding.
    const SLACK: f64 = 1e-7;
    let a_best = solve(Goal::Frontier { a: 0, floor: None })?;
    let a_end = solve(Goal::Frontier {
        a: 1,
        floor: Some((0, a_best[0] - SLACK)),
    })?;
    let b_best = solve(Goal::Frontier { a: 1, floor: None })?;
    let (low, high) = (a_end[1], b_best[1]);
    let mut goals = Vec::with_capacity(FRONTIER_STEPS);
    if high > low + SLACK {
        for k in (1..=FRONTIER_STEPS).rev() {
            let level = low + (high - low) * k as f64 / FRONTIER_STEPS as f64;
            goals.push(Goal::Frontier {
                a: 0,
                floor: Some((1, level.min(high - SLACK))),
            });
        }
    }
    let mut points = Vec::with_capacity(goals.len() + 1);
    for solved in setup.program.solve_all(&goals) {
        points.push(match solved {
            Solved::Optimal(y) => at(&y),
            Solved::Infeasible => return Err(INFEASIBLE.to_owned()),
            Solved::Failed(reason) => return Err(reason),
        });
    }
    points.push(a_end);
    Ok(points)
}

/// The predicted outcome (per project issue) of the base and of every scenario of `base`
/// except `current` (the one being looked at, `None` for the base), by label, each as of
/// `as_of` when time travelling: the points the deal space marks besides the current outcome.
pub fn other_outcomes(
    base: &Project,
    current: Option<&str>,
    as_of: Option<&str>,
) -> Vec<(String, Vec<Option<f64>>)> {
    let mut out = Vec::new();
    let ids = std::iter::once(None).chain(base.scenarios.iter().map(|s| Some(s.id.as_str())));
    for id in ids.filter(|&id| id != current) {
        if let Ok(view) = base.resolve(id) {
            let view = match as_of {
                Some(date) => view.as_of(date),
                None => view,
            };
            out.push((view.scenario_label().to_owned(), outcome_points(&view)));
        }
    }
    out
}

/// The deal space of `view` as the charts show it: the pair asked for (or the two most
/// powerful Principals), with the base's and the other scenarios' predicted outcomes
/// marked. `base` is the project with its scenarios, `view` one of its resolutions, taken to
/// `as_of` when time travelling (the other outcomes are then of that date too).
pub fn deal_space_for(
    base: &Project,
    view: &View,
    deals: &Deals,
    pair: Option<(&str, &str)>,
    as_of: Option<&str>,
) -> Result<DealSpace, PairError> {
    let (a, b) = match pair {
        Some((a, b)) => (a.to_owned(), b.to_owned()),
        None => default_pair(deals)?,
    };
    let current = view.scenario.as_ref().map(|(id, _)| id.as_str());
    deal_space(view, deals, (&a, &b), &other_outcomes(base, current, as_of))
}
