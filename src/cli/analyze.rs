//! `stancemap analyze`: placeholder until its owner lands it.

use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    pub files: Vec<std::path::PathBuf>,
}

pub fn run(_args: &Args) -> ExitCode {
    eprintln!("stancemap analyze: not built yet");
    ExitCode::from(super::EXIT_USAGE)
}
