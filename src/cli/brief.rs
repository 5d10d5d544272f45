//! `stancemap brief FILE --out BRIEF.pdf`: the briefing pack (cover, key judgements, the
//! charts as vector graphics, the scenario comparison, every issue, the sources) as one PDF.

use crate::brief::{self, Paper};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PaperArg {
    A4,
    Letter,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The project file.
    pub file: PathBuf,
    /// Where to write the PDF (replaced atomically if it exists).
    #[arg(long, value_name = "BRIEF.pdf")]
    pub out: PathBuf,
    #[command(flatten)]
    pub pack: PackArgs,
}

/// What a PDF is made for: shared by `brief` and `roles`.
#[derive(Debug, clap::Args)]
pub struct PackArgs {
    /// Use this scenario (id or exact name) instead of the base.
    #[arg(long, value_name = "ID")]
    pub scenario: Option<String>,
    /// The project as it stood on this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = super::as_of_date)]
    pub as_of: Option<String>,
    #[arg(long, value_enum, default_value = "a4")]
    pub paper: PaperArg,
}

/// The pack's options from the command line's.
pub(super) fn options(args: &PackArgs) -> brief::Options {
    brief::Options {
        paper: match args.paper {
            PaperArg::A4 => Paper::A4,
            PaperArg::Letter => Paper::Letter,
        },
        scenario: args.scenario.clone(),
        as_of: args.as_of.clone(),
        produced: brief::today(),
    }
}

/// Load the project, printing its errors with the file's name; `None` when it did not load.
pub(super) fn load(path: &std::path::Path) -> Option<crate::model::Project> {
    match crate::format::load_path(path) {
        Ok(loaded) => Some(loaded.project),
        Err(error) => {
            let file = path.display().to_string();
            for d in &error.diagnostics {
                eprintln!("{}", d.with_file(&file));
            }
            None
        }
    }
}

/// The exit for a pack or sheets that could not be built: an unknown scenario is bad
/// usage (2), as in `analyze` and `render`; anything else a failure (1).
pub(super) fn failed(command: &str, file: &std::path::Path, error: &brief::BriefError) -> ExitCode {
    let file = file.display();
    if let brief::BriefError::Scenario(e) = error {
        eprintln!("{file}: error: {e}");
        return ExitCode::from(super::EXIT_USAGE);
    }
    eprintln!("stancemap {command}: {file}: {error}");
    ExitCode::FAILURE
}

pub fn run(args: &Args) -> ExitCode {
    let Some(project) = load(&args.file) else {
        return ExitCode::FAILURE;
    };
    let options = options(&args.pack);
    let pack = match brief::build(&project, &options) {
        Ok(pack) => pack,
        Err(e) => return failed("brief", &args.file, &e),
    };
    if let Err(e) = crate::format::write_export(&args.out, &pack.bytes) {
        eprintln!("stancemap brief: {e}");
        return ExitCode::FAILURE;
    }
    println!(
        "wrote {} ({} pages, {} KB)",
        args.out.display(),
        pack.pages,
        pack.bytes.len().div_ceil(1024)
    );
    for line in &pack.omitted {
        println!("left out at this size: {line}");
    }
    ExitCode::SUCCESS
}
