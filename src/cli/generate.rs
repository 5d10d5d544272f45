//! `stancemap generate`: write a valid synthetic project of a chosen size.

use crate::format::save_atomic;
use crate::model::generate::{GenerateSpec, generate};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Number of parties.
    #[arg(long, default_value_t = 4)]
    pub parties: usize,
    /// Number of issues.
    #[arg(long, default_value_t = 8)]
    pub issues: usize,
    /// Number of timeline events.
    #[arg(long, default_value_t = 10)]
    pub events: usize,
    /// Seed: the same seed always gives the same project.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Where to write the project (written atomically).
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
}

pub fn run(args: &Args) -> ExitCode {
    let spec = GenerateSpec {
        parties: args.parties,
        issues: args.issues,
        events: args.events,
        seed: args.seed,
    };
    match save_atomic(&args.out, &generate(spec)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!(
                "stancemap generate: cannot write {}: {e}",
                args.out.display()
            );
            ExitCode::FAILURE
        }
    }
}
