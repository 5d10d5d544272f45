//! `stancemap import FILE.csv --from bdm|ktab --out PROJECT.ron`: a project from an actor
//! table of the expected-utility literature. Nothing is written unless the whole file reads.

use crate::format;
use crate::import::{self, Source};
use std::process::ExitCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum From {
    /// The BDM replications' `Actor,Capability,Position,Salience` table (one issue).
    Bdm,
    /// KTAB's SMP CSV (one issue per dimension).
    Ktab,
}

/// What `import --from` reads and writes (the `import` subcommand's arguments are in
/// `csv::ImportArgs`, shared with the positions table's `--into`).
pub struct Args<'a> {
    pub file: &'a std::path::Path,
    pub from: From,
    pub out: &'a std::path::Path,
}

pub fn run(args: &Args<'_>) -> ExitCode {
    let file = args.file.display().to_string();
    let bytes = match format::read_capped(args.file) {
        Ok(bytes) => bytes,
        Err(error) => {
            for d in &error.diagnostics {
                eprintln!("{}", d.with_file(&file));
            }
            return ExitCode::FAILURE;
        }
    };
    let Ok(text) = std::str::from_utf8(&bytes) else {
        eprintln!("{file}: error: the file is not UTF-8 text; save it as UTF-8 CSV");
        return ExitCode::FAILURE;
    };
    // Spreadsheets often begin a UTF-8 CSV with a byte-order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let name = args
        .file
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    let source = match args.from {
        From::Bdm => Source::Bdm,
        From::Ktab => Source::Ktab,
    };
    let imported = match import::import(source, text, &name) {
        Ok(imported) => imported,
        Err(errors) => {
            for e in &errors.0 {
                match e.line {
                    Some(line) => eprintln!("{file}:{line}: error: {}", e.message),
                    None => eprintln!("{file}: error: {}", e.message),
                }
            }
            eprintln!("{file}: nothing written");
            return ExitCode::FAILURE;
        }
    };
    for note in &imported.notes {
        println!("note: {note}");
    }
    let out = args.out.display();
    if let Err(e) = format::save_atomic(args.out, &imported.project) {
        eprintln!("stancemap import: cannot write {out}: {e}");
        return ExitCode::FAILURE;
    }
    let p = &imported.project;
    println!(
        "wrote {out}: {} parties, {} issue{}, {} positions",
        p.parties.len(),
        p.issues.len(),
        if p.issues.len() == 1 { "" } else { "s" },
        p.positions.len()
    );
    ExitCode::SUCCESS
}
