//! The command line: `stancemap [FILE]` opens the window; subcommands do the same work
//! without one. Each subcommand lives in its own file and is a thin wrapper over the library.

mod analyze;
mod bench;
mod brief;
mod check;
mod csv;
mod deals_report;
mod diff;
mod fmt;
mod generate;
mod import;
mod render;
mod roles;
mod simulate;
mod terminal;

use crate::app::ViewKind;
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "stancemap",
    version,
    about = "Map the positions, walk-aways and leverage of a negotiation"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Project file to open in the window (default: the last one, or the ceasefire sample).
    pub file: Option<PathBuf>,
    /// Save a PNG of the window to this path once layout settles, then exit.
    #[arg(long, value_name = "OUT.png")]
    pub screenshot: Option<PathBuf>,
    /// View to show first (with --screenshot, the view captured).
    #[arg(long, value_name = "NAME")]
    pub view: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate project files and print every error and warning.
    Check(check::Args),
    /// Rewrite project files in canonical form (atomically).
    Fmt(fmt::Args),
    /// Print the analysis of a project: outcomes, ZOPAs, concessions, deals, leverage, sensitivity.
    Analyze(analyze::Args),
    /// What changed between two versions of a project, by names, and its effect on the analysis.
    Diff(diff::Args),
    /// Write a project's positions as a table for spreadsheets (--csv OUT.csv).
    Export(csv::ExportArgs),
    /// Read a table of positions back into a project (--into FILE), all rows or none; or
    /// make a project from a published actor table (--from bdm|ktab --out PROJECT.ron).
    Import(csv::ImportArgs),
    /// Simulate the bargaining round by round (the expected-utility model) and tell each issue's story.
    Simulate(simulate::Args),
    /// Draw the charts of a project to SVG and/or PNG files.
    Render(render::Args),
    /// Write the briefing pack: one PDF with judgements, vector charts, every issue and the sources.
    Brief(brief::Args),
    /// Write a workshop's role sheets: one confidential PDF per party and the facilitator's.
    Roles(roles::Args),
    /// Write a valid synthetic project of a given size, for tests and benchmarks.
    Generate(generate::Args),
    /// Time loading, saving, analysing and rendering a small and a large generated project.
    Bench(bench::Args),
}

/// Load the project at `path` for a command; on failure its errors go to stderr, each
/// with the file's name, and the command exits 1.
fn load(path: &std::path::Path) -> Result<crate::format::Loaded, ExitCode> {
    crate::format::load_path(path).map_err(|error| {
        let name = path.display().to_string();
        for d in &error.diagnostics {
            eprintln!("{}", d.with_file(&name));
        }
        ExitCode::FAILURE
    })
}

/// `load`, with the file's warnings on stderr, then `scenario` (an id or a name) resolved:
/// an unknown scenario is a usage error.
fn load_view(
    path: &std::path::Path,
    scenario: Option<&str>,
) -> Result<crate::model::View, ExitCode> {
    let loaded = load(path)?;
    let name = path.display().to_string();
    for warning in &loaded.warnings {
        eprintln!("{}", warning.with_file(&name));
    }
    match loaded.project.resolve(scenario) {
        Ok(view) => Ok(view),
        Err(error) => {
            eprintln!("{name}: error: {error}");
            Err(ExitCode::from(EXIT_USAGE))
        }
    }
}

/// clap's parser for `--as-of DATE`: a real calendar date, or bad usage with a hint.
fn as_of_date(text: &str) -> Result<String, String> {
    crate::model::checked_date(text).map_err(|e| e.to_string())
}

/// Exit code for bad usage, as clap uses it.
pub const EXIT_USAGE: u8 = 2;

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check(args)) => check::run(&args),
        Some(Command::Fmt(args)) => fmt::run(&args),
        Some(Command::Analyze(args)) => analyze::run(&args),
        Some(Command::Diff(args)) => diff::run(&args),
        Some(Command::Export(args)) => csv::export(&args),
        Some(Command::Import(args)) => match (args.from, &args.out) {
            (Some(from), Some(out)) => import::run(&import::Args {
                file: &args.file,
                from,
                out,
            }),
            _ => csv::import(&args),
        },
        Some(Command::Simulate(args)) => simulate::run(&args),
        Some(Command::Render(args)) => render::run(&args),
        Some(Command::Brief(args)) => brief::run(&args),
        Some(Command::Roles(args)) => roles::run(&args),
        Some(Command::Generate(args)) => generate::run(&args),
        Some(Command::Bench(args)) => bench::run(&args),
        None => {
            let view = match cli
                .view
                .as_deref()
                .map(|name| (name, ViewKind::from_name(name)))
            {
                None => None,
                Some((_, Some(kind))) => Some(kind),
                Some((name, None)) => {
                    eprintln!(
                        "stancemap: unknown view \"{name}\"; valid views: {}",
                        ViewKind::valid_names()
                    );
                    return ExitCode::from(EXIT_USAGE);
                }
            };
            if let Some(code) = mistyped_command(cli.file.as_deref()) {
                return code;
            }
            open_window(cli.file, view, cli.screenshot)
        }
    }
}

/// A first word that is neither a command nor a file, such as `stancemap chekc`: say so
/// and suggest the nearest command, instead of opening a window on a missing file.
fn mistyped_command(file: Option<&std::path::Path>) -> Option<ExitCode> {
    let word = file?.to_str()?;
    let looks_like_a_word =
        !word.is_empty() && word.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    if !looks_like_a_word || std::path::Path::new(word).exists() {
        return None;
    }
    let command = <Cli as clap::CommandFactory>::command();
    let names: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_owned())
        .collect();
    let hint = crate::format::closest_word(word, names.iter().map(String::as_str)).map_or_else(
        || format!("the commands are {}", names.join(", ")),
        |name| format!("did you mean `stancemap {name}`?"),
    );
    eprintln!(
        "stancemap: \"{word}\" is not a command, and there is no file of that name; {hint} \
         (`stancemap --help` lists them all)"
    );
    Some(ExitCode::from(EXIT_USAGE))
}

/// Why no window can open, in a sentence, when the machine has no display at all.
fn no_display() -> Option<&'static str> {
    let unset = |name: &str| std::env::var_os(name).is_none_or(|v| v.is_empty());
    (cfg!(target_os = "linux")
        && unset("DISPLAY")
        && unset("WAYLAND_DISPLAY")
        && unset("WAYLAND_SOCKET"))
    .then_some(
        "there is no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY \
             is set: a remote shell or a container?); the commands check, fmt, analyze, \
             render, diff, simulate and export work without one (`stancemap --help`)",
    )
}

fn open_window(
    file: Option<PathBuf>,
    view: Option<ViewKind>,
    screenshot: Option<PathBuf>,
) -> ExitCode {
    if let Some(why) = no_display() {
        eprintln!("stancemap: {why}");
        return ExitCode::FAILURE;
    }
    match crate::app::run(file, view, screenshot) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("stancemap: {err:#}");
            ExitCode::FAILURE
        }
    }
}
