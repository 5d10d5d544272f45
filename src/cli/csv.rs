//! `stancemap export FILE --csv OUT.csv` and `stancemap import IN.csv --into FILE`: the base
//! positions as a spreadsheet table and back (`format::to_csv` / `format::from_csv`).
//!
//! Import checks the whole table before touching the project: a table with any problem is
//! reported line by line (`IN.csv:LINE: error: ...`) and the project is left byte for byte
//! as it was. A good table is written with the same atomic save as the app's (the previous
//! version kept as `FILE.bak`). `import` takes `--into` so that other kinds of import
//! (from other tools' formats, into a new project) can sit beside it as other options.

use super::check::plural;
use crate::format;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The project file.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Write the base positions as CSV (UTF-8, header, parties and issues by name) to this
    /// file; `-` writes to standard output.
    #[arg(long, value_name = "OUT.csv")]
    pub csv: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The CSV file to read (columns party, issue, stance, ideal, walk_away, salience,
    /// red_line, rationale; a blank cell means none).
    #[arg(value_name = "IN.csv")]
    pub file: PathBuf,
    /// The project whose positions the table updates and adds to.
    #[arg(long, value_name = "FILE")]
    pub into: Option<PathBuf>,
    /// Check the table and say what it would change, writing nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Instead: read a published actor table of the expected-utility literature (bdm:
    /// Actor,Capability,Position,Salience; ktab: KTAB's SMP CSV) into a new project.
    #[arg(long, value_enum, conflicts_with_all = ["into", "dry_run"], requires = "out")]
    pub from: Option<super::import::From>,
    /// With --from: where to write the new project.
    #[arg(long, value_name = "PROJECT.ron", requires = "from")]
    pub out: Option<PathBuf>,
}

pub fn export(args: &ExportArgs) -> ExitCode {
    let Some(out) = &args.csv else {
        eprintln!("stancemap export: say what to write, e.g. --csv positions.csv");
        return ExitCode::from(super::EXIT_USAGE);
    };
    let loaded = match super::load(&args.file) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let text = format::to_csv(&loaded.project);
    let rows = loaded.project.positions.len();
    if out == Path::new("-") {
        use std::io::Write as _;
        let _ = std::io::stdout().write_all(text.as_bytes());
        return ExitCode::SUCCESS;
    }
    match format::write_export(out, text.as_bytes()) {
        Ok(()) => {
            eprintln!("wrote {} ({})", out.display(), plural(rows, "position"));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!(
                "{}: error: cannot write the file: {}",
                out.display(),
                e.source
            );
            ExitCode::FAILURE
        }
    }
}

pub fn import(args: &ImportArgs) -> ExitCode {
    let Some(into) = &args.into else {
        eprintln!("stancemap import: say which project the table goes into: --into FILE.ron");
        return ExitCode::from(super::EXIT_USAGE);
    };
    let (csv_name, name) = (args.file.display().to_string(), into.display().to_string());
    let table = match format::read_capped(&args.file) {
        Ok(bytes) => bytes,
        Err(error) => {
            for d in &error.diagnostics {
                eprintln!("{}", d.with_file(&csv_name));
            }
            return ExitCode::FAILURE;
        }
    };
    let loaded = format::read_capped(into).and_then(|bytes| {
        let loaded = format::load_bytes(&bytes)?;
        Ok((bytes, loaded))
    });
    let (bytes, loaded) = match loaded {
        Ok(ok) => ok,
        Err(error) => {
            for d in &error.diagnostics {
                eprintln!("{}", d.with_file(&name));
            }
            return ExitCode::FAILURE;
        }
    };
    let (project, report) = match format::from_csv(&loaded.project, &table) {
        Ok(ok) => ok,
        Err(error) => {
            for p in &error.problems {
                eprintln!("{csv_name}:{}: error: {}", p.line, p.message);
            }
            eprintln!(
                "{name}: nothing was changed ({} in {csv_name})",
                plural(error.problems.len(), "problem")
            );
            return ExitCode::FAILURE;
        }
    };
    for warning in &report.warnings {
        eprintln!("{}", warning.with_file(&name));
    }
    let summary = report.summary();
    if args.dry_run {
        println!("{name}: would have {summary}; nothing was written (--dry-run)");
        return ExitCode::SUCCESS;
    }
    if report.changed + report.added == 0 {
        println!("{name}: {summary}; the file is as it was");
        return ExitCode::SUCCESS;
    }
    if let Err(e) = format::save_atomic(into, &project) {
        eprintln!("{name}: error: cannot write the file: {e}; it was left unchanged");
        return ExitCode::FAILURE;
    }
    let comments = format::count_comments(&String::from_utf8_lossy(&bytes));
    if comments > 0 {
        eprintln!(
            "{name}: warning: {} removed; the file is saved in canonical form, which keeps no \
             comments",
            plural(comments, "comment")
        );
    }
    println!("{name}: {summary}");
    ExitCode::SUCCESS
}
