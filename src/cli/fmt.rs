//! `stancemap fmt FILE...`: rewrite project files in canonical form, atomically.
//!
//! A file with errors is reported with the same lines as `check` and left byte for byte as
//! it was. `--check` changes nothing and names the files that are not canonical. Exit 1 when
//! any file failed (or, with `--check`, is not canonical).

use super::check::plural;
use crate::format::{self, Diagnostic};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Change nothing: exit 1 and name the files that are not in canonical form.
    #[arg(long)]
    pub check: bool,
    /// Project files to format.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

enum Outcome {
    Unchanged,
    Formatted,
    NotCanonical,
    Failed,
}

pub fn run(args: &Args) -> ExitCode {
    let (mut formatted, mut unchanged, mut not_canonical, mut failed) = (0, 0, 0, 0);
    for path in &args.files {
        match format_one(path, args.check) {
            Outcome::Unchanged => unchanged += 1,
            Outcome::Formatted => formatted += 1,
            Outcome::NotCanonical => not_canonical += 1,
            Outcome::Failed => failed += 1,
        }
    }
    let counts = [
        (formatted, "formatted"),
        (not_canonical, "not canonical"),
        (unchanged, "already canonical"),
        (failed, "with errors"),
    ];
    let parts: Vec<String> = counts
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{n} {what}"))
        .collect();
    eprintln!("{}: {}", plural(args.files.len(), "file"), parts.join(", "));
    if failed > 0 || not_canonical > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn format_one(path: &Path, check_only: bool) -> Outcome {
    let name = path.display().to_string();
    let print = |diagnostics: &[Diagnostic]| {
        for d in diagnostics {
            println!("{}", d.with_file(&name));
        }
    };
    let loaded = format::read_capped(path).and_then(|bytes| {
        let loaded = format::load_bytes(&bytes)?;
        Ok((bytes, loaded))
    });
    let (bytes, loaded) = match loaded {
        Ok(ok) => ok,
        Err(e) => {
            print(&e.diagnostics);
            return Outcome::Failed;
        }
    };
    let canonical = match format::to_canonical(&loaded.project) {
        Ok(text) => text,
        Err(e) => {
            println!(
                "{name}: error: cannot write the canonical form: {e}; the file was left unchanged"
            );
            return Outcome::Failed;
        }
    };
    if bytes == canonical.as_bytes() {
        return Outcome::Unchanged;
    }
    if check_only {
        println!("{name}: not in canonical form; `stancemap fmt {name}` would rewrite it");
        return Outcome::NotCanonical;
    }
    if let Err(e) = format::write_atomic(path, canonical.as_bytes()) {
        println!("{name}: error: cannot write the file: {e}; it was left unchanged");
        return Outcome::Failed;
    }
    // `bytes` passed `load_bytes`, so it is UTF-8.
    let comments = format::count_comments(&String::from_utf8_lossy(&bytes));
    if comments > 0 {
        println!(
            "{name}: warning: {} removed; the canonical form keeps no comments, so keep \
             notes in the `notes` and `rationale` fields",
            plural(comments, "comment")
        );
    }
    println!("{name}: formatted");
    Outcome::Formatted
}
