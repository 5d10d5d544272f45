//! The expected-utility bargaining model of one issue, round by round, as the replication
//! of Scholz, Calbert and Smith (2011) computes it, quirks included (docs/simulation.md).
//! Pure arithmetic on plain numbers: the project-level wrapper (`super`) picks the actors.
//!
//! Cost per round, for n actors: the votes behind every win probability are an n x n table
//! of powers, their total D is summed from sorted columns in O(n^2 log n), and the n^2
//! probabilities take O(n^3) additions. A straight port recomputes D inside every
//! probability, which is O(n^6) per round.

use serde::Serialize;

/// One actor's inputs on the issue.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Actor {
    /// Capability. Only ratios matter; negative or non-finite counts as 0.
    pub c: f64,
    /// Salience, used as a probability: clamped to 0..=1 (not a number counts as 0).
    pub s: f64,
    /// Position at round 0.
    pub x: f64,
}

/// How an actor came to move.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MoveKind {
    /// It expected to lose a challenge and gave in: it takes the other's position.
    Confrontation,
    /// It expected the other to gain more from a challenge than it would itself: it moves
    /// part of the way.
    Compromise,
}

/// One accepted offer: `actor` moves from `from` to `to` because of `with`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Move {
    pub actor: usize,
    pub kind: MoveKind,
    pub with: usize,
    pub from: f64,
    pub to: f64,
    /// The mover's expected utility of challenging `with` (the model's a) ...
    pub a: f64,
    /// ... and of `with` challenging the mover, as the mover sees it (b).
    pub b: f64,
}

/// The state after one round (round 0: the input).
#[derive(Debug, Clone, PartialEq)]
pub struct RoundState {
    /// Every actor's position, in actor order.
    pub positions: Vec<f64>,
    /// The risk exponents the round was played with; `None` for round 0 and for the rounds
    /// after the run stopped (nothing left to bargain about).
    pub risk: Option<Vec<f64>>,
    /// In actor order.
    pub moves: Vec<Move>,
}

/// A whole run: `rounds[0]` is the input, then one state per round.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    /// max x - min x at round 0 (0 when there is nothing to bargain about).
    pub delta: f64,
    pub rounds: Vec<RoundState>,
    /// The first round that was not played because every actor already held one position
    /// (or the positions spanned nothing); `None` when every round was played.
    pub stopped_at: Option<usize>,
}

/// Simulate `rounds` rounds of bargaining among `actors`.
pub fn run(actors: &[Actor], rounds: usize) -> Run {
    let model = Model::new(actors);
    let start: Vec<f64> = actors.iter().map(|a| a.x).collect();
    let mut states = Vec::with_capacity(rounds + 1);
    states.push(RoundState {
        positions: start,
        risk: None,
        moves: Vec::new(),
    });
    let mut scratch = Scratch::new(actors.len());
    let mut stopped_at = None;
    for round in 1..=rounds {
        let x = &states[round - 1].positions;
        let next = if stopped_at.is_none() && model.can_bargain(x) {
            model.round(x, &mut scratch)
        } else {
            stopped_at.get_or_insert(round);
            RoundState {
                positions: x.clone(),
                risk: None,
                moves: Vec::new(),
            }
        };
        states.push(next);
    }
    Run {
        delta: model.delta,
        rounds: states,
        stopped_at,
    }
}

/// The fixed inputs of a run, cleaned so that no arithmetic below can produce NaN.
struct Model {
    /// Capability times salience: each voter's weight.
    cs: Vec<f64>,
    s: Vec<f64>,
    delta: f64,
}

/// Buffers reused from round to round.
struct Scratch {
    /// `u[k * n + a]`: voter k's distance to actor a's position, over Delta, to the power r_k.
    u: Vec<f64>,
    /// Actors by position, and each actor's place in that order.
    order: Vec<usize>,
    rank: Vec<usize>,
    /// `p[i * n + j]`: the probability that i's position prevails over j's.
    p: Vec<f64>,
    /// Running vote sums of one row of pairs (i, j > i): for i, and for j.
    for_i: Vec<f64>,
    for_j: Vec<f64>,
}

impl Scratch {
    fn new(n: usize) -> Self {
        Self {
            u: vec![0.0; n * n],
            order: Vec::with_capacity(n),
            rank: vec![0; n],
            p: vec![0.0; n * n],
            for_i: vec![0.0; n],
            for_j: vec![0.0; n],
        }
    }
}

/// What a challenge is worth to the one who weighs it, by how it ends.
struct Stakes {
    success: f64,
    failure: f64,
    status_quo: f64,
}

impl Stakes {
    /// Expected utility of the challenge against a target of salience `s_target` (the
    /// chance that it resists), succeeding with probability `p` when it does.
    fn expected(&self, s_target: f64, p: f64) -> f64 {
        let resist = s_target * (p * self.success + (1.0 - p) * self.failure);
        let no_resist = (1.0 - s_target) * self.success;
        // The status quo persists with certainty (Q = 1).
        resist + no_resist - self.status_quo
    }
}

/// `base^r`, with the identity spelled out for r = 1 (exactly what `powf` returns, faster).
fn pow(base: f64, r: f64) -> f64 {
    if r == 1.0 { base } else { base.powf(r) }
}

impl Model {
    fn new(actors: &[Actor]) -> Self {
        let clean_c = |c: f64| if c.is_finite() && c > 0.0 { c } else { 0.0 };
        let clean_s = |s: f64| if s.is_nan() { 0.0 } else { s.clamp(0.0, 1.0) };
        let s: Vec<f64> = actors.iter().map(|a| clean_s(a.s)).collect();
        let cs = actors
            .iter()
            .zip(&s)
            .map(|(a, s)| clean_c(a.c) * s)
            .collect();
        let finite = actors.iter().all(|a| a.x.is_finite());
        let max = actors.iter().map(|a| a.x).fold(f64::NEG_INFINITY, f64::max);
        let min = actors.iter().map(|a| a.x).fold(f64::INFINITY, f64::min);
        let delta = if finite && max > min { max - min } else { 0.0 };
        Self { cs, s, delta }
    }

    /// Whether a round can change anything: a positive Delta and two distinct positions.
    fn can_bargain(&self, x: &[f64]) -> bool {
        self.delta > 0.0 && x.iter().any(|&v| v != x[0])
    }

    /// One round from positions `x`: exponents, offers, and everyone's move at once.
    fn round(&self, x: &[f64], scratch: &mut Scratch) -> RoundState {
        let n = x.len();
        let ones = vec![1.0; n];
        self.win_probabilities(x, &ones, scratch);
        let risk = self.risk_exponents(x, &scratch.p);
        self.win_probabilities(x, &risk, scratch);
        let mut positions = x.to_vec();
        let mut moves = Vec::new();
        for (i, position) in positions.iter_mut().enumerate() {
            if let Some(m) = self.best_offer(i, x, &risk, &scratch.p) {
                *position = m.to;
                moves.push(m);
            }
        }
        RoundState {
            positions,
            risk: Some(risk),
            moves,
        }
    }

    /// Fill `scratch.p` with P(i, j) for positions `x` and voters' exponents `r`.
    fn win_probabilities(&self, x: &[f64], r: &[f64], scratch: &mut Scratch) {
        let n = x.len();
        let Scratch {
            u,
            order,
            rank,
            p,
            for_i,
            for_j,
        } = scratch;
        for k in 0..n {
            for a in 0..n {
                u[k * n + a] = pow((x[k] - x[a]).abs() / self.delta, r[k]);
            }
        }
        // D = sum over voters k and ordered pairs (a, b) of |cs_k (u_kb - u_ka)|. For one
        // voter, with its values sorted v_0 <= .. <= v_{n-1}, the pair sum is twice the sum
        // of each gap v_m - v_{m-1} times the m * (n - m) pairs that span it: every term is
        // non-negative, so nothing cancels. A voter's values grow with the distance from
        // its own position, so they come sorted by merging the positions to its left and
        // to its right, nearest first: O(n) per voter once the positions are sorted.
        order.clear();
        order.extend(0..n);
        order.sort_unstable_by(|&a, &b| x[a].total_cmp(&x[b]));
        for (q, &a) in order.iter().enumerate() {
            rank[a] = q;
        }
        let mut total = 0.0;
        for k in 0..n {
            let row = &u[k * n..(k + 1) * n];
            let (mut left, mut right) = (rank[k], rank[k] + 1);
            let mut previous = row[k];
            let mut spans = 0.0;
            for m in 1..n {
                let take_left =
                    left > 0 && (right >= n || row[order[left - 1]] <= row[order[right]]);
                let next = if take_left {
                    left -= 1;
                    row[order[left]]
                } else {
                    right += 1;
                    row[order[right - 1]]
                };
                spans += (next - previous) * (m * (n - m)) as f64;
                previous = next;
            }
            total += self.cs[k] * 2.0 * spans;
        }
        p.fill(0.0);
        // No votes at all (every weight 0): every P is 0. `total` is a sum of non-negative
        // terms, so it is either positive or zero.
        if total <= 0.0 {
            return;
        }
        for i in 0..n {
            // The votes for i over each later j and for j over i, summed voter by voter in
            // actor order for every pair at once (the inner loop runs over j, so it
            // vectorises, and each pair's sum keeps the reference's order).
            let later = (i + 1)..n;
            for_i[later.clone()].fill(0.0);
            for_j[later.clone()].fill(0.0);
            for k in 0..n {
                let (row, weight) = (&u[k * n..(k + 1) * n], self.cs[k]);
                let ui = row[i];
                for j in later.clone() {
                    let v = weight * (row[j] - ui);
                    for_i[j] += v.max(0.0);
                    for_j[j] += (-v).max(0.0);
                }
            }
            for j in later {
                if x[i] != x[j] {
                    p[i * n + j] = (for_i[j] / total).min(1.0);
                    p[j * n + i] = (for_j[j] / total).min(1.0);
                }
            }
        }
    }

    /// The utilities of a challenge over distance `dist`, seen with exponent `r`: when it
    /// succeeds and when it fails (the same for either side of a pair).
    fn stakes(&self, r: f64, dist: f64) -> Stakes {
        Stakes {
            success: 2.0 - 4.0 * pow(0.5 - 0.5 * dist / self.delta, r),
            failure: 2.0 - 4.0 * pow(0.5 + 0.5 * dist / self.delta, r),
            status_quo: 2.0 - 4.0 * pow(0.5, r),
        }
    }

    /// The exponents from each actor's danger (all exponents 1 in `p`).
    fn risk_exponents(&self, x: &[f64], p: &[f64]) -> Vec<f64> {
        let n = x.len();
        let danger: Vec<f64> = (0..n)
            .map(|i| {
                (0..n)
                    .filter(|&j| j != i)
                    .map(|j| {
                        self.stakes(1.0, (x[j] - x[i]).abs())
                            .expected(self.s[i], p[j * n + i])
                    })
                    .sum()
            })
            .collect();
        let max = danger.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let min = danger.iter().copied().fold(f64::INFINITY, f64::min);
        // Dangers are finite sums of finite terms, so max >= min always holds.
        if max <= min {
            // Everyone in equal danger (the reference divides by zero here).
            return vec![1.0; n];
        }
        danger
            .iter()
            .map(|d| {
                let rel = (2.0 * d - max - min) / (max - min);
                (1.0 - rel / 3.0) / (1.0 + rel / 3.0)
            })
            .collect()
    }

    /// The offer actor `i` accepts, if any: the nearest confrontation it loses, else the
    /// compromise with the smallest weighted position K (the reference's key), first in
    /// actor order on ties.
    fn best_offer(&self, i: usize, x: &[f64], r: &[f64], p: &[f64]) -> Option<Move> {
        let n = x.len();
        let mut confrontation: Option<(f64, Move)> = None;
        let mut compromise: Option<(f64, Move)> = None;
        for j in 0..n {
            if x[j] == x[i] {
                continue;
            }
            let dist = (x[i] - x[j]).abs();
            let stakes = self.stakes(r[i], dist);
            let a = stakes.expected(self.s[j], p[i * n + j]);
            let b = stakes.expected(self.s[i], p[j * n + i]);
            let offer = |kind, to| Move {
                actor: i,
                kind,
                with: j,
                from: x[i],
                to,
                a,
                b,
            };
            if b > a && a > 0.0 {
                if confrontation.is_none_or(|(key, _)| dist < key) {
                    confrontation = Some((dist, offer(MoveKind::Confrontation, x[j])));
                }
            } else if b > 0.0 && 0.0 > a && b > a.abs() {
                let to = x[i] + (x[j] - x[i]) * (a / b).abs();
                let key = (a.abs() * x[i] + b.abs() * x[j]) / (a.abs() + b.abs());
                if compromise.is_none_or(|(best, _)| key < best) {
                    compromise = Some((key, offer(MoveKind::Compromise, to)));
                }
            }
        }
        confrontation.or(compromise).map(|(_, m)| m)
    }
}
