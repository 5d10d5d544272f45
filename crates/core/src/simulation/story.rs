//! A simulated issue in words: each move as a sentence ("Luxembourg loses a confrontation to
//! Belgium and moves from 4 to 7"), and how the run ended (converged, settled, cycled, stood
//! still or still moving). Shared by `stancemap simulate` and the app's Simulation view.

use super::{IssueRun, Move, MoveKind};

/// How a run ended.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Ending {
    /// Not played: too many parties, or over the work budget (`IssueRun::skipped` says).
    Skipped,
    /// Fewer than two parties have a position: nobody to bargain with.
    TooFew,
    /// Every party held one position from the start: nothing to bargain about.
    Unanimous,
    /// No party moved in any round.
    StoodStill,
    /// Every party holds `position` from round `round` on.
    Converged { round: usize, position: f64 },
    /// Nobody moves after round `round`; the parties still hold different positions.
    Settled { round: usize },
    /// The last round's positions repeat those of round `since`: a cycle of `period` rounds.
    Cycled { since: usize, period: usize },
    /// Parties were still moving in the last round.
    StillMoving,
}

impl Ending {
    pub fn of(run: &IssueRun) -> Ending {
        if run.skipped.is_some() {
            return Ending::Skipped;
        }
        let Some(first) = run.rounds.first() else {
            return Ending::TooFew;
        };
        if first.positions.len() < 2 {
            return Ending::TooFew;
        }
        if all_equal(&first.positions) {
            return Ending::Unanimous;
        }
        let Some(last_move) = run.rounds.iter().rposition(|r| !r.moves.is_empty()) else {
            return Ending::StoodStill;
        };
        let last = &run.rounds[run.rounds.len() - 1];
        if all_equal(&last.positions) {
            let round = run
                .rounds
                .iter()
                .position(|r| all_equal(&r.positions))
                .unwrap_or(last_move);
            return Ending::Converged {
                round,
                position: last.positions[0],
            };
        }
        let final_round = run.rounds.len() - 1;
        if last_move < final_round {
            return Ending::Settled { round: last_move };
        }
        // The latest earlier round with the same positions gives the shortest cycle.
        if let Some(since) = (0..final_round.saturating_sub(1))
            .rev()
            .find(|&r| run.rounds[r].positions == last.positions)
        {
            return Ending::Cycled {
                since,
                period: final_round - since,
            };
        }
        Ending::StillMoving
    }

    /// A short label: "converged", "settled", "cycled", "stood still", ...
    pub fn label(self) -> &'static str {
        match self {
            Ending::Skipped => "not simulated",
            Ending::TooFew => "nobody to bargain with",
            Ending::Unanimous => "nothing to bargain about",
            Ending::StoodStill => "stood still",
            Ending::Converged { .. } => "converged",
            Ending::Settled { .. } => "settled",
            Ending::Cycled { .. } => "cycled",
            Ending::StillMoving => "still moving",
        }
    }
}

fn all_equal(x: &[f64]) -> bool {
    x.iter().all(|&v| v == x[0])
}

/// A number for a sentence: at most two decimals, no trailing zeros.
pub fn number(value: f64) -> String {
    let s = format!("{value:.2}");
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        s
    };
    if s == "-0" { "0".to_owned() } else { s }
}

/// The move as a sentence with its reason, parties named by `name` (from a party id).
///
/// a is the mover's expected utility of challenging the other, b the other's expected
/// utility of challenging the mover, both as the mover sees them.
pub fn describe_move<'a>(run: &'a IssueRun, m: &Move, name: impl Fn(&'a str) -> String) -> String {
    let mover = name(run.party(m.actor));
    let other = name(run.party(m.with));
    let (from, to) = (number(m.from), number(m.to));
    match m.kind {
        MoveKind::Confrontation => format!(
            "{mover} loses a confrontation to {other} and moves from {from} to {to}: it expects \
             {other} to gain more by challenging it ({}) than it would gain by challenging \
             {other} ({}).",
            utility(m.b),
            utility(m.a)
        ),
        MoveKind::Compromise => format!(
            "{mover} compromises with {other} and moves from {from} to {to}: challenging \
             {other} would cost it {} while {other} expects to gain {} by challenging it, so it \
             goes {:.0}% of the way.",
            utility(m.a.abs()),
            utility(m.b),
            100.0 * (m.a / m.b).abs()
        ),
    }
}

fn utility(value: f64) -> String {
    format!("{value:.3}")
}

/// How the run ended, as a sentence.
pub fn ending_sentence<'a>(run: &'a IssueRun, name: impl Fn(&'a str) -> String) -> String {
    let rounds = run.rounds.len().saturating_sub(1);
    match run.ending() {
        Ending::Skipped => run.skipped.clone().unwrap_or_default(),
        Ending::TooFew => {
            "Fewer than two parties hold a position on this issue: there is nobody to bargain with."
                .to_owned()
        }
        Ending::Unanimous => {
            "Every party already holds the same position: there is nothing to bargain about."
                .to_owned()
        }
        Ending::StoodStill => format!(
            "Nobody moved in {rounds} rounds: no party expected a challenge to pay, so every \
             position stood still."
        ),
        Ending::Converged { round, position } => format!(
            "Converged: from round {round} every party holds {}.",
            number(position)
        ),
        Ending::Settled { round } => {
            let last = &run.rounds[run.rounds.len() - 1];
            let holdouts = distinct(&last.positions);
            format!(
                "Settled: nobody moved after round {round}; the parties rest at {} different \
                 positions ({}).",
                holdouts.len(),
                holdouts
                    .iter()
                    .map(|v| number(*v))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        }
        Ending::Cycled { since, period } => {
            let movers = movers(run, since);
            format!(
                "Cycled: round {rounds} repeats round {since}, so the same {period} rounds come \
                 round again ({} keep{} moving).",
                movers
                    .iter()
                    .map(|&i| name(run.party(i)))
                    .collect::<Vec<_>>()
                    .join(", "),
                if movers.len() == 1 { "s" } else { "" }
            )
        }
        Ending::StillMoving => {
            let last = &run.rounds[run.rounds.len() - 1];
            let movers: Vec<String> = last
                .moves
                .iter()
                .map(|m| name(run.party(m.actor)))
                .collect();
            format!(
                "Still moving after {rounds} rounds: {} moved in the last round.",
                movers.join(", ")
            )
        }
    }
}

/// The distinct values of `x`, ascending.
fn distinct(x: &[f64]) -> Vec<f64> {
    let mut v = x.to_vec();
    v.sort_by(f64::total_cmp);
    v.dedup();
    v
}

/// The actors who moved in any round after `since`, in actor order.
fn movers(run: &IssueRun, since: usize) -> Vec<usize> {
    let mut out: Vec<usize> = run.rounds[since + 1..]
        .iter()
        .flat_map(|r| r.moves.iter().map(|m| m.actor))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}
