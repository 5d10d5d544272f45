//! `stancemap render`: placeholder until its owner lands it.

use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    pub files: Vec<std::path::PathBuf>,
}

pub fn run(_args: &Args) -> ExitCode {
    eprintln!("stancemap render: not built yet");
    ExitCode::from(super::EXIT_USAGE)
}
