//! Computing the deal figures: the Principals' value terms from their positions, the
//! bounds their red lines put on each issue, and the programs for maxmin, best_for and
//! nash (solved in `deals_solve`).

use super::Table;
use super::deals::{
    DealNote, DealParty, Deals, IdMap, Nash, OutcomeTest, TOLERANCE, ValueTerm, range,
};
use super::deals_solve::{Goal, Member, Program, Slope, Solved};
use super::outcome::outcome;
use crate::model::{Leverage, LeverageKind, LeverageStatus, Project, Role, View};

/// The floor and ceiling the Principals' red lines put on one issue, and whose they are.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Bound {
    pub lo: f64,
    pub hi: f64,
    lo_by: Option<usize>,
    hi_by: Option<usize>,
}

/// The deal figures of `view` (the base or a scenario, resolved).
pub fn deals(view: &View) -> Deals {
    let project = &view.project;
    let table = Table::new(project);
    let outcomes = outcomes_of(&table);
    let (principals, mut notes) = deal_parties(&table);
    let outcome_test = test_outcome(&principals, &outcomes);
    let mut deals = Deals {
        maxmin: None,
        feasible: false,
        best_for: IdMap(principals.iter().map(|p| (p.id.clone(), None)).collect()),
        nash: None,
        outcome_test,
        principals: Vec::new(),
        notes: Vec::new(),
        maxmin_package: None,
        best_packages: vec![None; principals.len()],
    };
    if principals.is_empty() {
        notes.push(DealNote::NoPrincipals);
    } else {
        let bounds = red_line_bounds(project, &principals);
        let conflicts = conflicts(project, &principals, &bounds);
        if conflicts.is_empty() {
            solve_figures(&mut deals, &principals, &bounds, &mut notes);
        } else {
            notes.extend(conflicts);
        }
    }
    deals.principals = principals;
    deals.notes = notes;
    deals
}

/// The deal test of the predicted outcome alone, in words ("no deal: Russia rejects"), with
/// no program to solve: cheap enough for every chart and view that shows an outcome.
/// `None` when no Principal has a salient position.
pub fn outcome_verdict(view: &View) -> Option<String> {
    let table = Table::new(&view.project);
    let (principals, _) = deal_parties(&table);
    let outcome_test = test_outcome(&principals, &outcomes_of(&table));
    let deals = Deals {
        maxmin: None,
        feasible: false,
        best_for: IdMap::default(),
        nash: None,
        outcome_test,
        principals,
        notes: Vec::new(),
        maxmin_package: None,
        best_packages: Vec::new(),
    };
    deals.outcome_verdict()
}

/// The predicted outcome of each issue of `view`, in project order: the package the deal
/// test asks about.
pub fn outcome_points(view: &View) -> Vec<Option<f64>> {
    outcomes_of(&Table::new(&view.project))
}

fn outcomes_of(table: &Table) -> Vec<Option<f64>> {
    (0..table.project.issues.len())
        .map(|i| outcome(&table.terms(i), table.project.outcome))
        .collect()
}

/// The Principals with at least one salient position, and a note for each left out.
fn deal_parties(table: &Table) -> (Vec<DealParty>, Vec<DealNote>) {
    let project = table.project;
    let mut parties = Vec::new();
    let mut notes = Vec::new();
    // Each party's entries in issue order, gathered in one pass (not one pass per party:
    // a project may have tens of thousands of Principals).
    let mut of_party = vec![Vec::new(); project.parties.len()];
    for (i, entries) in table.by_issue.iter().enumerate() {
        for e in entries {
            of_party[e.party].push((i, e));
        }
    }
    for (index, party) in project.parties.iter().enumerate() {
        // A (refused) duplicate id is the first party of that id.
        if party.role != Role::Principal || table.party_index(&party.id) != Some(index) {
            continue;
        }
        let mut terms = Vec::new();
        let mut red_lines = Vec::new();
        for &(i, e) in &of_party[index] {
            let pos = e.position;
            let ideal = pos.ideal();
            let walk_away = pos.walk_away.filter(|w| w.is_finite());
            if pos.red_line && walk_away.is_some() {
                let (lo, hi) = pos.acceptable_range();
                red_lines.push((i, lo.max(0.0), hi.min(100.0)));
            }
            if pos.salience.is_finite() && pos.salience > 0.0 && ideal.is_finite() {
                let issue = &project.issues[i];
                terms.push(ValueTerm {
                    issue: i,
                    issue_id: issue.id.clone(),
                    issue_name: issue.name.clone(),
                    ideal,
                    walk_away,
                    salience: pos.salience,
                    range: range(ideal, walk_away),
                    weight: 0.0,
                });
            }
        }
        if terms.is_empty() {
            notes.push(DealNote::LeftOut(party.name.clone()));
            continue;
        }
        let total: f64 = terms.iter().map(|t| t.salience).sum();
        for t in &mut terms {
            t.weight = t.salience / total;
        }
        parties.push(DealParty {
            id: party.id.clone(),
            name: party.name.clone(),
            power: if party.power.is_finite() {
                party.power.max(0.0)
            } else {
                0.0
            },
            terms,
            red_lines,
        });
    }
    (parties, notes)
}

/// Per issue, the interval every red line of the Principals allows (within 0..100).
pub(crate) fn red_line_bounds(project: &Project, principals: &[DealParty]) -> Vec<Bound> {
    let mut bounds = vec![
        Bound {
            lo: 0.0,
            hi: 100.0,
            lo_by: None,
            hi_by: None,
        };
        project.issues.len()
    ];
    for (p, party) in principals.iter().enumerate() {
        for &(i, lo, hi) in &party.red_lines {
            let b = &mut bounds[i];
            if lo > b.lo {
                b.lo = lo;
                b.lo_by = Some(p);
            }
            if hi < b.hi {
                b.hi = hi;
                b.hi_by = Some(p);
            }
        }
    }
    bounds
}

/// The issues whose red lines exclude each other, as notes naming them.
fn conflicts(project: &Project, principals: &[DealParty], bounds: &[Bound]) -> Vec<DealNote> {
    bounds
        .iter()
        .enumerate()
        .filter(|(_, b)| b.lo > b.hi)
        .map(|(i, b)| {
            let name =
                |by: Option<usize>| by.map_or_else(String::new, |p| principals[p].name.clone());
            DealNote::RedLinesConflict {
                issue: project.issues[i].name.clone(),
                floor: (name(b.lo_by), b.lo),
                ceiling: (name(b.hi_by), b.hi),
            }
        })
        .collect()
}

/// U of each Principal at the predicted outcome and whether it accepts it.
fn test_outcome(principals: &[DealParty], outcomes: &[Option<f64>]) -> OutcomeTest {
    let values: Vec<(String, Option<f64>)> = principals
        .iter()
        .map(|p| (p.id.clone(), p.value(outcomes)))
        .collect();
    let accepted = principals
        .iter()
        .zip(&values)
        .map(|(p, (_, u))| {
            let ok = u.is_some_and(|u| u >= -TOLERANCE) && p.keeps_red_lines(outcomes);
            (p.id.clone(), ok)
        })
        .collect();
    OutcomeTest {
        values: IdMap(values),
        accepted: IdMap(accepted),
        points: outcomes.to_vec(),
    }
}

/// The Nash weight of a Principal whose power is 0 (or below this).
pub const MIN_NASH_WEIGHT: f64 = 1e-3;

/// The program of the deal figures: variables for the issues some Principal weighs.
pub(crate) struct Setup {
    pub program: Program,
    /// The project issue of each variable.
    issues: Vec<usize>,
    /// The red-line bounds of each variable on the 0..100 scale.
    limits: Vec<(f64, f64)>,
    issue_count: usize,
}

impl Setup {
    pub fn new(principals: &[DealParty], bounds: &[Bound]) -> Self {
        let mut var_of = vec![None; bounds.len()];
        let mut issues = Vec::new();
        for t in principals.iter().flat_map(|p| &p.terms) {
            if var_of[t.issue].is_none() {
                var_of[t.issue] = Some(issues.len());
                issues.push(t.issue);
            }
        }
        // The solver works on 0..1 rather than 0..100 so its numbers are of one size.
        let program = Program {
            bounds: issues
                .iter()
                .map(|&i| (bounds[i].lo / 100.0, bounds[i].hi / 100.0))
                .collect(),
            members: principals
                .iter()
                .map(|p| Member {
                    power: p.power,
                    terms: p
                        .terms
                        .iter()
                        .filter_map(|t| {
                            Some(Slope {
                                var: var_of[t.issue]?,
                                ideal: t.ideal / 100.0,
                                slope: t.weight * 100.0 / t.range,
                            })
                        })
                        .collect(),
                })
                .collect(),
        };
        Self {
            program,
            limits: issues
                .iter()
                .map(|&i| (bounds[i].lo, bounds[i].hi))
                .collect(),
            issues,
            issue_count: bounds.len(),
        }
    }

    /// A solver package back on the 0..100 scale, per project issue. Points are rounded to
    /// 1e-5 (far finer than any input, coarser than the solver's noise) so a point at a
    /// bound reads as the bound; the values are then computed from the rounded package.
    pub fn package(&self, y: &[f64]) -> Vec<Option<f64>> {
        let mut points = vec![None; self.issue_count];
        for ((&i, &y), &(lo, hi)) in self.issues.iter().zip(y).zip(&self.limits) {
            let x = (y * 100.0 * 1e5).round() / 1e5;
            points[i] = Some(x.clamp(lo, hi));
        }
        points
    }
}

/// maxmin, feasible, best_for and nash, given red lines that can all hold.
fn solve_figures(
    deals: &mut Deals,
    principals: &[DealParty],
    bounds: &[Bound],
    notes: &mut Vec<DealNote>,
) {
    let setup = Setup::new(principals, bounds);
    let value = |p: &DealParty, package: &[Option<f64>]| p.value(package).unwrap_or(f64::NAN);
    let mut failed = |figure: &str, reason: String| {
        notes.push(DealNote::SolverFailed {
            figure: figure.to_owned(),
            reason,
        })
    };
    let goals: Vec<Goal> = std::iter::once(Goal::MaxMin)
        .chain((0..principals.len()).map(Goal::BestFor))
        .collect();
    let mut solved = setup.program.solve_all(&goals).into_iter();
    match solved.next().unwrap_or(Solved::Infeasible) {
        Solved::Optimal(y) => {
            let package = setup.package(&y);
            let floor = principals
                .iter()
                .map(|p| value(p, &package))
                .fold(f64::INFINITY, f64::min);
            deals.maxmin = Some(floor);
            deals.feasible = floor >= -TOLERANCE;
            deals.maxmin_package = Some(package);
        }
        Solved::Infeasible => failed(
            "maxmin",
            "the solver found no package although the red lines allow one".to_owned(),
        ),
        Solved::Failed(reason) => failed("maxmin", reason),
    }
    for (p, party) in principals.iter().enumerate() {
        let best = match solved.next().unwrap_or(Solved::Infeasible) {
            Solved::Optimal(y) => {
                let package = setup.package(&y);
                let best = value(party, &package);
                deals.best_packages[p] = Some(package);
                Some(best)
            }
            Solved::Infeasible => None,
            Solved::Failed(reason) => {
                failed(&format!("best_for {}", party.name), reason);
                None
            }
        };
        deals.best_for.0[p].1 = best;
    }
    if deals.maxmin.is_some_and(|m| m > TOLERANCE) {
        // A Principal of power 0 still has to sign, and with weight 0 the product would
        // push it to U = 0 where ln U is undefined: it counts with a token weight instead.
        let weights: Vec<f64> = setup
            .program
            .members
            .iter()
            .map(|m| m.power.max(MIN_NASH_WEIGHT))
            .collect();
        match setup.program.solve(Goal::Nash(&weights)) {
            Solved::Optimal(y) => {
                let points = setup.package(&y);
                deals.nash = Some(Nash {
                    values: IdMap(
                        principals
                            .iter()
                            .map(|p| (p.id.clone(), value(p, &points)))
                            .collect(),
                    ),
                    package: IdMap(
                        setup
                            .issues
                            .iter()
                            .filter_map(|&i| Some((principals_issue_id(principals, i), points[i]?)))
                            .collect(),
                    ),
                    points,
                });
            }
            Solved::Infeasible => failed(
                "nash",
                "the solver found no package although maxmin is above 0".to_owned(),
            ),
            Solved::Failed(reason) => failed("nash", reason),
        }
    }
}

/// The id of project issue `i`, found among the Principals' terms (every variable has one).
fn principals_issue_id(principals: &[DealParty], i: usize) -> String {
    principals
        .iter()
        .flat_map(|p| &p.terms)
        .find(|t| t.issue == i)
        .map_or_else(String::new, |t| t.issue_id.clone())
}

/// The leverage items aimed at `party` that could make up for what a package costs it:
/// Carrots and Sticks not Withdrawn, strongest strength * credibility first.
pub fn aimed_at<'a>(project: &'a Project, party: &str) -> Vec<&'a Leverage> {
    let mut items: Vec<&Leverage> = project
        .leverage
        .iter()
        .filter(|l| {
            l.target == party
                && matches!(l.kind, LeverageKind::Carrot | LeverageKind::Stick)
                && l.status != LeverageStatus::Withdrawn
        })
        .collect();
    items.sort_by(|a, b| (b.strength * b.credibility).total_cmp(&(a.strength * a.credibility)));
    items
}
