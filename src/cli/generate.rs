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
    /// Replace FILE if it exists.
    #[arg(long)]
    pub force: bool,
}

/// About how many bytes a generated project takes: per position, party (with its two
/// leverage items), issue and event, measured on generated files.
fn estimated_bytes(args: &Args) -> f64 {
    let (p, i, e) = (args.parties as f64, args.issues as f64, args.events as f64);
    330.0 * p * i + 630.0 * p + 200.0 * i + 220.0 * e
}

pub fn run(args: &Args) -> ExitCode {
    let limit = crate::format::MAX_FILE_BYTES as f64;
    let estimate = estimated_bytes(args);
    if estimate > limit {
        eprintln!(
            "stancemap generate: {} parties, {} issues and {} events would make a file of \
             about {:.0} MB, and stancemap opens project files of at most 64 MiB; ask for \
             fewer",
            args.parties,
            args.issues,
            args.events,
            estimate / 1e6
        );
        return ExitCode::from(super::EXIT_USAGE);
    }
    if !args.force && std::fs::symlink_metadata(&args.out).is_ok() {
        eprintln!(
            "stancemap generate: {} already exists; add --force to replace it",
            args.out.display()
        );
        return ExitCode::from(super::EXIT_USAGE);
    }
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
