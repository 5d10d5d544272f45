//! Round-by-round simulation: the expected-utility bargaining model of Bueno de Mesquita as
//! replicated by Scholz, Calbert and Smith (2011), run on every issue of the effective
//! project (base or scenario). `engine` does the arithmetic of one issue; this module picks
//! the actors, adds the weighted median and mean of each round (the analysis's own
//! definitions), runs the issues in parallel and writes the JSON of `stancemap simulate`.

mod engine;
mod story;

#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;

pub use engine::{Actor, Move, MoveKind, RoundState, Run, run};
pub use story::{Ending, describe_move, ending_sentence, number};

use crate::analysis::{Term, weighted_mean, weighted_median};
use crate::model::{Project, View};
use serde::Serialize;
use serde::ser::{SerializeMap, SerializeSeq, SerializeStruct, Serializer};
use std::collections::HashMap;

/// The number of rounds when the user does not say.
pub const DEFAULT_ROUNDS: usize = 10;

/// The most rounds one run may ask for (each round is kept, for every issue).
pub const MAX_ROUNDS: usize = 1000;

/// The most parties on one issue the model is played for: it plays every pair against
/// every other, so one round costs the cube of the parties (published uses have a few
/// dozen). An issue with more is listed, with its reason, but not simulated.
pub const MAX_ACTORS: usize = 200;

/// The most work one simulation may do, in actors³ × rounds summed over the issues (about
/// 30 s on one core): past it the remaining issues are not simulated, and say why.
pub const MAX_WORK: u64 = 20_000_000_000;

/// The simulation of every issue of one effective project.
#[derive(Debug, Clone, PartialEq)]
pub struct Simulation {
    /// The scenario id, `None` for the base.
    pub scenario: Option<String>,
    pub rounds: usize,
    /// One per issue, in project order.
    pub issues: Vec<IssueRun>,
}

/// One issue's run.
#[derive(Debug, Clone, PartialEq)]
pub struct IssueRun {
    pub issue: String,
    /// The actors' party ids, in party order; moves and positions index into it.
    pub parties: Vec<String>,
    /// Each actor's capability times salience: its weight in the median and mean.
    pub weights: Vec<f64>,
    /// max - min of the stances at round 0.
    pub delta: f64,
    /// Round 0 (the input), then one per round.
    pub rounds: Vec<Round>,
    /// The first round not played because nothing was left to bargain about.
    pub stopped_at: Option<usize>,
    /// Why the issue was not simulated (too many parties, or over the work budget); its
    /// `rounds` then hold round 0 only.
    pub skipped: Option<String>,
}

/// The state after one round.
#[derive(Debug, Clone, PartialEq)]
pub struct Round {
    pub round: usize,
    /// In the order of `IssueRun::parties`.
    pub positions: Vec<f64>,
    pub median: Option<f64>,
    pub mean: Option<f64>,
    /// The exponents the round was played with (`None` for round 0 and rounds not played).
    pub risk: Option<Vec<f64>>,
    pub moves: Vec<Move>,
}

impl IssueRun {
    /// The party id of actor `i`.
    pub fn party(&self, i: usize) -> &str {
        self.parties.get(i).map_or("", String::as_str)
    }

    /// The last round's state.
    pub fn last(&self) -> Option<&Round> {
        self.rounds.last()
    }

    /// How the run ended.
    pub fn ending(&self) -> Ending {
        Ending::of(self)
    }

    /// Actor index of a party id.
    pub fn actor(&self, party: &str) -> Option<usize> {
        self.parties.iter().position(|p| p == party)
    }
}

impl Simulation {
    pub fn issue(&self, id: &str) -> Option<&IssueRun> {
        self.issues.iter().find(|r| r.issue == id)
    }
}

/// The inputs of one issue: its actors in party order.
struct IssueInput {
    issue: String,
    parties: Vec<String>,
    actors: Vec<Actor>,
}

/// Simulate `rounds` rounds on every issue of `view` (rounds above `MAX_ROUNDS` are cut
/// to it). Issues are independent and run on all cores.
pub fn simulate(view: &View, rounds: usize) -> Simulation {
    let rounds = rounds.min(MAX_ROUNDS);
    let inputs = inputs(&view.project);
    // Decide in issue order which issues are played; run those (in parallel), then put
    // the skipped ones back in their places.
    let mut spent = 0u64;
    let verdicts: Vec<Option<String>> = inputs
        .iter()
        .map(|input| over_limits(input.actors.len(), rounds, &mut spent))
        .collect();
    let played: Vec<&IssueInput> = inputs
        .iter()
        .zip(&verdicts)
        .filter(|(_, v)| v.is_none())
        .map(|(i, _)| i)
        .collect();
    let mut runs = run_all(&played, rounds).into_iter();
    let issues = inputs
        .iter()
        .zip(verdicts)
        .map(|(input, verdict)| match verdict {
            Some(reason) => skipped_run(input, reason),
            None => runs.next().expect("one run per played issue"),
        })
        .collect();
    Simulation {
        scenario: view.scenario.as_ref().map(|(id, _)| id.clone()),
        rounds,
        issues,
    }
}

/// Simulate `rounds` rounds on the one issue `issue` of `view` (the timeline's simulated
/// continuation), with the same actors `simulate` gives it; None when the view has no such
/// issue. Work is proportional to the positions plus the engine's own cost for that issue.
pub fn simulate_issue(view: &View, issue: &str, rounds: usize) -> Option<IssueRun> {
    let project = &view.project;
    let issue = project.issues.iter().find(|i| i.id == issue)?;
    let mut first: HashMap<&str, usize> = HashMap::new();
    for (k, pos) in project.positions.iter().enumerate() {
        if pos.issue == issue.id && pos.stance.is_finite() {
            first.entry(pos.party.as_str()).or_insert(k);
        }
    }
    let mut input = IssueInput {
        issue: issue.id.clone(),
        parties: Vec::new(),
        actors: Vec::new(),
    };
    for party in &project.parties {
        // `remove`: a duplicated party id counts once, at its first place, as in `inputs`.
        if let Some(k) = first.remove(party.id.as_str()) {
            let pos = &project.positions[k];
            input.parties.push(party.id.clone());
            input.actors.push(Actor {
                c: party.power,
                s: pos.salience,
                x: pos.stance,
            });
        }
    }
    let rounds = rounds.min(MAX_ROUNDS);
    Some(match over_limits(input.actors.len(), rounds, &mut 0) {
        Some(reason) => skipped_run(&input, reason),
        None => run_issue(&input, rounds),
    })
}

/// Why an issue of `actors` parties is not played, if it is not; adds its work to `spent`
/// when it is.
fn over_limits(actors: usize, rounds: usize, spent: &mut u64) -> Option<String> {
    if actors > MAX_ACTORS {
        return Some(format!(
            "Not simulated: {actors} parties take a position on this issue, and the model, \
             which plays every pair of parties against every other, is run for at most \
             {MAX_ACTORS}."
        ));
    }
    let work = (actors as u64).pow(3).saturating_mul(rounds.max(1) as u64);
    if spent.saturating_add(work) > MAX_WORK {
        return Some(
            "Not simulated: the issues before it used up the work one simulation may do; \
             simulate fewer rounds, or a copy of the project with fewer issues."
                .to_owned(),
        );
    }
    *spent += work;
    None
}

/// An issue that was not played: round 0 (the input) only, and the reason.
fn skipped_run(input: &IssueInput, reason: String) -> IssueRun {
    // Not through the engine: it sets up tables of actors² even for no rounds.
    let positions: Vec<f64> = input.actors.iter().map(|a| a.x).collect();
    let (lo, hi) = positions
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &x| {
            (lo.min(x), hi.max(x))
        });
    let terms: Vec<Term> = input
        .actors
        .iter()
        .map(|a| Term::new(a.x, a.c, a.s))
        .collect();
    IssueRun {
        issue: input.issue.clone(),
        parties: input.parties.clone(),
        weights: terms.iter().map(|t| t.weight).collect(),
        delta: if hi >= lo { hi - lo } else { 0.0 },
        rounds: vec![Round {
            round: 0,
            median: weighted_median(&terms),
            mean: weighted_mean(&terms),
            positions,
            risk: None,
            moves: Vec::new(),
        }],
        stopped_at: Some(1),
        skipped: Some(reason),
    }
}

/// Each issue's actors: every party with a position on it, in party order, with its
/// (scenario-resolved) power, the position's salience and its stance. A duplicate
/// (party, issue) uses the first position, as `Project::position` does.
fn inputs(project: &Project) -> Vec<IssueInput> {
    let mut parties: HashMap<&str, usize> = HashMap::new();
    for (i, p) in project.parties.iter().enumerate() {
        parties.entry(p.id.as_str()).or_insert(i);
    }
    let mut issues: HashMap<&str, usize> = HashMap::new();
    for (i, x) in project.issues.iter().enumerate() {
        issues.entry(x.id.as_str()).or_insert(i);
    }
    // Each issue's (party index, position index), first position of a pair only; sparse,
    // so a project with many parties and many issues but few positions stays small.
    let mut cells: Vec<Vec<(usize, usize)>> = vec![Vec::new(); project.issues.len()];
    for (k, pos) in project.positions.iter().enumerate() {
        if let (Some(&p), Some(&i)) = (
            parties.get(pos.party.as_str()),
            issues.get(pos.issue.as_str()),
        ) && pos.stance.is_finite()
        {
            cells[i].push((p, k));
        }
    }
    project
        .issues
        .iter()
        .zip(cells)
        .map(|(issue, mut cell)| {
            // In party order; a stable sort keeps the first position of a duplicate first.
            cell.sort_by_key(|&(p, _)| p);
            cell.dedup_by_key(|&mut (p, _)| p);
            let mut input = IssueInput {
                issue: issue.id.clone(),
                parties: Vec::new(),
                actors: Vec::new(),
            };
            for (p, k) in cell {
                let pos = &project.positions[k];
                input.parties.push(project.parties[p].id.clone());
                input.actors.push(Actor {
                    c: project.parties[p].power,
                    s: pos.salience,
                    x: pos.stance,
                });
            }
            input
        })
        .collect()
}

/// Run every issue, spread over the available cores when there is enough work to share.
fn run_all(inputs: &[&IssueInput], rounds: usize) -> Vec<IssueRun> {
    // Work per round grows with n^3; below this much in all, threads cost more than they save.
    const PARALLEL_WORK: usize = 200_000;
    let work: usize = inputs.iter().map(|i| i.actors.len().pow(3) * rounds).sum();
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(inputs.len());
    if threads < 2 || work < PARALLEL_WORK {
        return inputs.iter().map(|i| run_issue(i, rounds)).collect();
    }
    let chunk = inputs.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = inputs
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|i| run_issue(i, rounds))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| match h.join() {
                Ok(runs) => runs,
                // The arithmetic has no panicking path; should one appear, pass it on.
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    })
}

fn run_issue(input: &IssueInput, rounds: usize) -> IssueRun {
    let run = engine::run(&input.actors, rounds);
    let weights: Vec<f64> = input
        .actors
        .iter()
        .map(|a| Term::new(0.0, a.c, a.s).weight)
        .collect();
    let rounds = run
        .rounds
        .into_iter()
        .enumerate()
        .map(|(round, state)| {
            let terms: Vec<Term> = state
                .positions
                .iter()
                .zip(&input.actors)
                .map(|(&x, a)| Term::new(x, a.c, a.s))
                .collect();
            Round {
                round,
                median: weighted_median(&terms),
                mean: weighted_mean(&terms),
                positions: state.positions,
                risk: state.risk,
                moves: state.moves,
            }
        })
        .collect();
    IssueRun {
        issue: input.issue.clone(),
        parties: input.parties.clone(),
        weights,
        delta: run.delta,
        rounds,
        stopped_at: run.stopped_at,
        skipped: None,
    }
}

// The JSON of `stancemap simulate --json`: positions and exponents keyed by party id, in
// party order; moves name parties by id.

impl Serialize for Simulation {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Simulation", 3)?;
        st.serialize_field("scenario", &self.scenario)?;
        st.serialize_field("rounds", &self.rounds)?;
        st.serialize_field("issues", &self.issues)?;
        st.end()
    }
}

impl Serialize for IssueRun {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("IssueRun", 3)?;
        st.serialize_field("issue", &self.issue)?;
        st.serialize_field("delta", &self.delta)?;
        st.serialize_field("rounds", &RoundsJson(self))?;
        if let Some(reason) = &self.skipped {
            st.serialize_field("skipped", reason)?;
        }
        st.end()
    }
}

struct RoundsJson<'a>(&'a IssueRun);

impl Serialize for RoundsJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let run = self.0;
        let mut seq = s.serialize_seq(Some(run.rounds.len()))?;
        for round in &run.rounds {
            seq.serialize_element(&RoundJson { run, round })?;
        }
        seq.end()
    }
}

struct RoundJson<'a> {
    run: &'a IssueRun,
    round: &'a Round,
}

impl Serialize for RoundJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (run, round) = (self.run, self.round);
        let mut st = s.serialize_struct("Round", 6)?;
        st.serialize_field("round", &round.round)?;
        st.serialize_field("positions", &ById(&run.parties, &round.positions))?;
        st.serialize_field("median", &round.median)?;
        st.serialize_field("mean", &round.mean)?;
        st.serialize_field(
            "risk",
            &round.risk.as_deref().map(|r| ById(&run.parties, r)),
        )?;
        let moves: Vec<MoveJson> = round
            .moves
            .iter()
            .map(|m| MoveJson {
                party: run.party(m.actor),
                kind: m.kind,
                with: run.party(m.with),
                from: m.from,
                to: m.to,
            })
            .collect();
        st.serialize_field("moves", &moves)?;
        st.end()
    }
}

/// Values keyed by party id, in party order.
struct ById<'a>(&'a [String], &'a [f64]);

impl Serialize for ById<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (id, value) in self.0.iter().zip(self.1) {
            map.serialize_entry(id, value)?;
        }
        map.end()
    }
}

#[derive(Serialize)]
struct MoveJson<'a> {
    party: &'a str,
    kind: MoveKind,
    with: &'a str,
    from: f64,
    to: f64,
}
