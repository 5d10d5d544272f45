//! `stancemap check FILE...`: validate project files and print every error and warning.
//!
//! One line per problem on stdout (`FILE:LINE:COL: error: ...` or `FILE: ITEM: warning: ...`),
//! `FILE: ok` for a file that loads, and a summary on stderr. Exit 0 when every file loads
//! (warnings allowed), 1 when any has errors.

use crate::format::{self, Diagnostic, LoadError};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Project files to check (`-` reads one from standard input).
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

/// What checking one file found.
pub(crate) struct Report {
    pub name: String,
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    pub fn warnings(&self) -> usize {
        self.diagnostics.iter().filter(|d| !d.is_error()).count()
    }

    /// The problem lines, as `check` prints them.
    pub fn lines(&self) -> impl Iterator<Item = String> + '_ {
        self.diagnostics.iter().map(|d| d.with_file(&self.name))
    }
}

pub fn run(args: &Args) -> ExitCode {
    let reports: Vec<Report> = args.files.iter().map(|p| check_one(p)).collect();
    for report in &reports {
        for line in report.lines() {
            println!("{line}");
        }
        if !report.has_errors() {
            match report.warnings() {
                0 => println!("{}: ok", report.name),
                n => println!("{}: ok, {}", report.name, plural(n, "warning")),
            }
        }
    }
    let failed = reports.iter().filter(|r| r.has_errors()).count();
    let warnings: usize = reports.iter().map(Report::warnings).sum();
    let mut summary = format!(
        "{} checked: {}",
        plural(reports.len(), "file"),
        match failed {
            0 => "all valid".to_owned(),
            n => format!("{n} with errors"),
        }
    );
    if warnings > 0 {
        summary.push_str(&format!(", {}", plural(warnings, "warning")));
    }
    eprintln!("{summary}");
    if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn check_one(path: &Path) -> Report {
    let (name, result) = if path.as_os_str() == "-" {
        (
            "<stdin>".to_owned(),
            format::load_reader(std::io::stdin().lock()),
        )
    } else {
        (path.display().to_string(), format::load_path(path))
    };
    let diagnostics = match result {
        Ok(loaded) => loaded.warnings,
        Err(LoadError { diagnostics }) => diagnostics,
    };
    Report { name, diagnostics }
}

pub(crate) use stancemap_core::words::plural;
