//! `stancemap simulate FILE [--scenario ID] [--rounds N] [--json]`: the round-by-round
//! expected-utility bargaining model on every issue, told as a story or written as JSON.

use crate::model::{Project, View};
use crate::simulation::{self, Ending, IssueRun, Simulation, describe_move, number};
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The project file to simulate.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Simulate this scenario (by id) instead of the base project.
    #[arg(long, value_name = "ID")]
    pub scenario: Option<String>,
    /// Number of rounds (0..=1000).
    #[arg(long, value_name = "N", default_value_t = simulation::DEFAULT_ROUNDS as u64,
          value_parser = clap::value_parser!(u64).range(0..=simulation::MAX_ROUNDS as u64))]
    pub rounds: u64,
    /// Print every round as JSON instead of the story.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: &Args) -> ExitCode {
    let file = args.file.display().to_string();
    let view = match super::load_view(&args.file, args.scenario.as_deref()) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    // The parser keeps the count within MAX_ROUNDS, so it fits any usize.
    let rounds = usize::try_from(args.rounds).unwrap_or(simulation::MAX_ROUNDS);
    let sim = simulation::simulate(&view, rounds);
    if args.json {
        match serde_json::to_string_pretty(&sim) {
            Ok(json) => println!("{json}"),
            Err(error) => {
                eprintln!("{file}: error: cannot write the simulation as JSON: {error}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        super::terminal::print(&story(&view, &sim));
    }
    ExitCode::SUCCESS
}

/// The whole run in words: per issue, who moved in which round and why, and how it ended.
pub fn story(view: &View, sim: &Simulation) -> String {
    let project = &view.project;
    let mut out = String::new();
    let _ = writeln!(out, "{} — {}", project.title, view.scenario_label());
    let _ = writeln!(
        out,
        "{} rounds of the expected-utility bargaining model (Bueno de Mesquita, as replicated by \
         Scholz, Calbert and Smith 2011). Each round every party weighs challenging every other; \
         a party that expects to lose gives in or meets the other part of the way. A model of \
         the analyst's inputs, not a forecast from data.",
        sim.rounds
    );
    for run in &sim.issues {
        out.push('\n');
        issue_story(&mut out, project, run);
    }
    out
}

fn party_name(project: &Project, id: &str) -> String {
    project
        .party(id)
        .map_or_else(|| id.to_owned(), |p| p.name.clone())
}

fn figure(value: Option<f64>) -> String {
    value.map_or_else(|| "none".to_owned(), number)
}

fn issue_story(out: &mut String, project: &Project, run: &IssueRun) {
    let name = project
        .issue(&run.issue)
        .map_or(run.issue.as_str(), |i| i.name.as_str());
    let names = |id: &str| party_name(project, id);
    let Some(start) = run.rounds.first() else {
        return;
    };
    let _ = writeln!(
        out,
        "{name}: {} parties, stances spanning {} points.",
        run.parties.len(),
        number(run.delta)
    );
    let _ = writeln!(
        out,
        "  Start: weighted median {}, weighted mean {}.",
        figure(start.median),
        figure(start.mean)
    );
    // Quiet rounds in a row are told together; so is a cycle, once it has come round.
    let mut quiet_from: Option<usize> = None;
    let total = run.rounds.len() - 1;
    let told = match run.ending() {
        Ending::Cycled { period, .. } => (period..=total)
            .find(|&k| run.rounds[k].positions == run.rounds[k - period].positions)
            .unwrap_or(total),
        _ => total,
    };
    for round in &run.rounds[1..=told] {
        if round.moves.is_empty() {
            quiet_from.get_or_insert(round.round);
            if round.round < told {
                continue;
            }
        }
        if let Some(q) = quiet_from.take() {
            let end = if round.moves.is_empty() {
                round.round
            } else {
                round.round - 1
            };
            if q == end {
                let _ = writeln!(out, "  Round {q}: nobody moves.");
            } else {
                let _ = writeln!(out, "  Rounds {q}–{end}: nobody moves.");
            }
        }
        if round.moves.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "  Round {}: median {}, mean {}.",
            round.round,
            figure(round.median),
            figure(round.mean)
        );
        for m in &round.moves {
            let _ = writeln!(out, "    {}", describe_move(run, m, names));
        }
    }
    if told < total {
        let _ = writeln!(
            out,
            "  Rounds {}–{total}: the same moves again, round after round.",
            told + 1
        );
    }
    if let Some(last) = run.rounds.last()
        && total > 0
    {
        let _ = writeln!(
            out,
            "  End (round {total}): weighted median {} (from {}), weighted mean {} (from {}).",
            figure(last.median),
            figure(start.median),
            figure(last.mean),
            figure(start.mean)
        );
    }
    let _ = writeln!(out, "  {}", simulation::ending_sentence(run, names));
}
