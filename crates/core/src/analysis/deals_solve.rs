//! The convex programs behind the deal figures (shared/ANALYSIS.md, "Deals"), solved with
//! clarabel, a pure-Rust interior-point solver for linear and conic programs.
//!
//! Every program has the same core: one variable y_i per issue (the package point, scaled
//! to 0..1 so the solver sees numbers of one size), bounded by 0..1 and the red lines, and
//! one epigraph variable e_k >= |y_i - ideal_k| per satisfaction term. A Principal's value
//! U = 1 - sum slope_k * |y_i - ideal_k| is concave, so "U >= level" is the linear
//! constraint sum slope_k * e_k <= 1 - level, and maximising U is minimising sum slope_k * e_k.
//! The asymmetric Nash product adds one exponential cone per Principal: exp(l) <= U, with
//! sum power * l maximised.

use clarabel::algebra::CscMatrix;
use clarabel::solver::{DefaultSettings, DefaultSolver, IPSolver, SolverStatus, SupportedConeT};

/// One term of a Principal's value: `slope * |y[var] - ideal|` is subtracted from 1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Slope {
    /// Index into the program's issues.
    pub var: usize,
    /// The ideal point, scaled to 0..1.
    pub ideal: f64,
    /// salience / (sum of saliences * range), in scaled units (so |y - ideal| * slope).
    pub slope: f64,
}

/// A Principal as the programs see it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Member {
    pub power: f64,
    pub terms: Vec<Slope>,
}

impl Member {
    /// U at the (scaled) package `y`.
    pub fn value(&self, y: &[f64]) -> f64 {
        1.0 - self
            .terms
            .iter()
            .map(|t| t.slope * (y[t.var] - t.ideal).abs())
            .sum::<f64>()
    }
}

/// The deal problem: the package variables with their bounds, and the Principals.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Program {
    /// Lower and upper bound of each package variable (0..1, narrowed by red lines).
    pub bounds: Vec<(f64, f64)>,
    pub members: Vec<Member>,
}

/// What a program asks for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Goal<'a> {
    /// The largest t with every U >= t.
    MaxMin,
    /// The largest U of member `p` with every other U >= 0.
    BestFor(usize),
    /// The largest U of member `a`, with U of another member at least a floor when
    /// `floor` is `Some((member, level))`; the other members are unconstrained.
    Frontier {
        a: usize,
        floor: Option<(usize, f64)>,
    },
    /// The largest sum of weight * ln U (weights per member).
    Nash(&'a [f64]),
}

/// How a program ended.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Solved {
    /// A solution: the package, scaled to 0..1 and clamped into its bounds.
    Optimal(Vec<f64>),
    /// No package meets the constraints.
    Infeasible,
    /// The solver stopped without an answer; the text says why.
    Failed(String),
}

/// A sparse matrix being built from (row, column, value) triplets.
#[derive(Default)]
struct Triplets {
    rows: Vec<usize>,
    cols: Vec<usize>,
    vals: Vec<f64>,
}

impl Triplets {
    fn push(&mut self, row: usize, col: usize, val: f64) {
        self.rows.push(row);
        self.cols.push(col);
        self.vals.push(val);
    }
}

/// The constraint rows A x + s = b being built, s in the cones.
#[derive(Default)]
struct Rows {
    a: Triplets,
    b: Vec<f64>,
}

impl Rows {
    /// "U >= level" for `member` (whose first e is column `first`) as
    /// sum slope * e (+ t) <= 1 - level.
    fn at_least(&mut self, member: &Member, first: usize, level: f64, t: Option<usize>) {
        let row = self.b.len();
        for (k, term) in member.terms.iter().enumerate() {
            self.a.push(row, first + k, term.slope);
        }
        if let Some(t) = t {
            self.a.push(row, t, 1.0);
        }
        self.b.push(1.0 - level);
    }
}

impl Program {
    fn term_count(&self) -> usize {
        self.members.iter().map(|m| m.terms.len()).sum()
    }

    /// Solve for `goal`.
    pub fn solve(&self, goal: Goal) -> Solved {
        let n = self.bounds.len();
        let terms = self.term_count();
        // Columns: y (n), e (terms), then the goal's own variables.
        let extra = match goal {
            Goal::MaxMin => 1,
            Goal::Nash(_) => self.members.len(),
            Goal::BestFor(_) | Goal::Frontier { .. } => 0,
        };
        let cols = n + terms + extra;
        let mut rows = Rows::default();
        let first = self.core_rows(&mut rows);
        let mut q = vec![0.0; cols];
        let mut cones = Vec::new();
        match goal {
            Goal::MaxMin => {
                let t = n + terms;
                for (member, &first) in self.members.iter().zip(&first) {
                    rows.at_least(member, first, 0.0, Some(t));
                }
                q[t] = -1.0;
            }
            Goal::BestFor(p) => {
                for other in (0..self.members.len()).filter(|&o| o != p) {
                    rows.at_least(&self.members[other], first[other], 0.0, None);
                }
                self.minimise_loss(p, first[p], &mut q);
            }
            Goal::Frontier { a: pa, floor } => {
                if let Some((pb, level)) = floor {
                    rows.at_least(&self.members[pb], first[pb], level, None);
                }
                self.minimise_loss(pa, first[pa], &mut q);
            }
            Goal::Nash(weights) => {
                cones = self.nash_rows(&mut rows, &first, n + terms, weights, &mut q);
            }
        }
        if cones.is_empty() {
            cones.push(SupportedConeT::NonnegativeConeT(rows.b.len()));
        }
        // The Nash objective is flat at its peak, so a gap of g leaves the package off by
        // about sqrt(g): it gets a tighter gap than the linear programs need.
        let gap = if matches!(goal, Goal::Nash(_)) {
            1e-12
        } else {
            1e-8
        };
        self.run(rows, cols, &q, &cones, gap)
    }

    /// The rows every program shares: the box y within its bounds, and the epigraph
    /// e >= |y - ideal| of every term. Returns the column of each member's first e.
    fn core_rows(&self, rows: &mut Rows) -> Vec<usize> {
        let (a, b) = (&mut rows.a, &mut rows.b);
        // Box rows: y <= hi and -y <= -lo.
        for (i, &(lo, hi)) in self.bounds.iter().enumerate() {
            a.push(b.len(), i, 1.0);
            b.push(hi);
            a.push(b.len(), i, -1.0);
            b.push(-lo);
        }
        // Epigraph rows: y - e <= ideal and -y - e <= -ideal.
        let mut first = Vec::with_capacity(self.members.len());
        let mut col = self.bounds.len();
        for member in &self.members {
            first.push(col);
            for t in &member.terms {
                a.push(b.len(), t.var, 1.0);
                a.push(b.len(), col, -1.0);
                b.push(t.ideal);
                a.push(b.len(), t.var, -1.0);
                a.push(b.len(), col, -1.0);
                b.push(-t.ideal);
                col += 1;
            }
        }
        first
    }

    /// The Nash product's rows: per member p, (l_p, 1, U_p) in the exponential cone, that
    /// is exp(l_p) <= U_p, with weight_p * l_p maximised. `l0`: the column of the first l.
    /// Returns the cones of all rows.
    fn nash_rows(
        &self,
        rows: &mut Rows,
        first: &[usize],
        l0: usize,
        weights: &[f64],
        q: &mut [f64],
    ) -> Vec<SupportedConeT<f64>> {
        let (a, b) = (&mut rows.a, &mut rows.b);
        let mut cones = vec![SupportedConeT::NonnegativeConeT(b.len())];
        for (p, member) in self.members.iter().enumerate() {
            let l = l0 + p;
            a.push(b.len(), l, -1.0);
            b.push(0.0);
            b.push(1.0);
            let row = b.len();
            for (k, term) in member.terms.iter().enumerate() {
                a.push(row, first[p] + k, term.slope);
            }
            b.push(1.0);
            cones.push(SupportedConeT::ExponentialConeT());
            q[l] = -weights.get(p).copied().unwrap_or(0.0);
        }
        cones
    }

    /// Hand the program to clarabel: minimise q·x subject to the rows in their cones.
    fn run(
        &self,
        rows: Rows,
        cols: usize,
        q: &[f64],
        cones: &[SupportedConeT<f64>],
        gap: f64,
    ) -> Solved {
        let Rows { a, b } = rows;
        let matrix = CscMatrix::new_from_triplets(b.len(), cols, a.rows, a.cols, a.vals);
        let no_objective = CscMatrix::zeros((cols, cols));
        let settings = DefaultSettings {
            verbose: false,
            time_limit: 30.0,
            tol_gap_abs: gap,
            tol_gap_rel: gap,
            ..DefaultSettings::default()
        };
        let mut solver = match DefaultSolver::new(&no_objective, q, &matrix, &b, cones, settings) {
            Ok(solver) => solver,
            Err(error) => {
                return Solved::Failed(format!("the solver refused the problem: {error}"));
            }
        };
        solver.solve();
        let solution = &solver.solution;
        match solution.status {
            SolverStatus::Solved | SolverStatus::AlmostSolved => Solved::Optimal(
                self.bounds
                    .iter()
                    .zip(&solution.x)
                    .map(|(&(lo, hi), &y)| if y.is_finite() { y.clamp(lo, hi) } else { lo })
                    .collect(),
            ),
            SolverStatus::PrimalInfeasible | SolverStatus::AlmostPrimalInfeasible => {
                Solved::Infeasible
            }
            status => Solved::Failed(format!(
                "the solver stopped without an answer ({status:?} after {} iterations)",
                solution.iterations
            )),
        }
    }

    /// Objective: minimise member p's loss sum slope * e, i.e. maximise its U.
    fn minimise_loss(&self, p: usize, first: usize, q: &mut [f64]) {
        for (k, term) in self.members[p].terms.iter().enumerate() {
            q[first + k] = term.slope;
        }
    }
}

impl Program {
    /// Solve several goals, spread over the machine's cores (each program is independent;
    /// on a large project the best_for programs are most of the work).
    pub fn solve_all(&self, goals: &[Goal]) -> Vec<Solved> {
        let threads = std::thread::available_parallelism()
            .map_or(1, usize::from)
            .min(goals.len());
        if threads <= 1 {
            return goals.iter().map(|&g| self.solve(g)).collect();
        }
        let mut results: Vec<Option<Solved>> = vec![None; goals.len()];
        std::thread::scope(|scope| {
            let handles: Vec<_> = (0..threads)
                .map(|t| {
                    scope.spawn(move || {
                        (t..goals.len())
                            .step_by(threads)
                            .map(|k| (k, self.solve(goals[k])))
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            for handle in handles {
                // A panic inside the solver is reported as that goal's failure below.
                if let Ok(done) = handle.join() {
                    for (k, solved) in done {
                        results[k] = Some(solved);
                    }
                }
            }
        });
        results
            .into_iter()
            .map(|r| r.unwrap_or_else(|| Solved::Failed("the solver stopped abruptly".to_owned())))
            .collect()
    }
}
