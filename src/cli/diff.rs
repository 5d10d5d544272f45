//! `stancemap diff OLD NEW [--scenario ID] [--json]`: what changed between two versions of a
//! project, by names, and what that does to the analysis. Exit 0 when nothing changed, 1
//! when something did, 2 on trouble (bad usage, a file that does not load), like diff(1).
//!
//! `stancemap diff --textconv FILE` prints one file as one line per fact instead, for git's
//! `textconv` (see the README): it never fails, since git stops a whole diff when its
//! converter does, so a version that does not load is printed as it is.

use crate::diff;
use crate::format;
use crate::model::Project;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The older version of the project (with --textconv, the one file to print).
    #[arg(value_name = "OLD")]
    pub old: PathBuf,
    /// The newer version.
    #[arg(value_name = "NEW", required_unless_present = "textconv")]
    pub new: Option<PathBuf>,
    /// Show the effect on this scenario's analysis (id or exact name) instead of the base's.
    #[arg(long, value_name = "ID")]
    pub scenario: Option<String>,
    /// Print the differences as JSON.
    #[arg(long)]
    pub json: bool,
    /// Print OLD as one line per fact, for git's textconv, instead of comparing two files.
    #[arg(long, conflicts_with_all = ["new", "scenario", "json"])]
    pub textconv: bool,
}

/// Exit code when the files differ.
const EXIT_CHANGED: u8 = 1;

pub fn run(args: &Args) -> ExitCode {
    if args.textconv {
        return textconv(&args.old);
    }
    let Some(new_path) = &args.new else {
        eprintln!("stancemap diff: give two files, OLD and NEW");
        return ExitCode::from(super::EXIT_USAGE);
    };
    let (Some(old), Some(new)) = (load(&args.old), load(new_path)) else {
        return ExitCode::from(super::EXIT_USAGE);
    };
    let changes = diff::diff(&old, &new);
    let effect = match diff::effect(&old, &new, args.scenario.as_deref()) {
        Ok(effect) => effect,
        Err(error) => {
            eprintln!("stancemap diff: {error}");
            return ExitCode::from(super::EXIT_USAGE);
        }
    };
    let changed = !changes.is_empty();
    let text = if args.json {
        let json = serde_json::json!({
            "old": args.old.display().to_string(),
            "new": new_path.display().to_string(),
            "changed": changed,
            "changes": changes.changes,
            "analysis": effect,
        });
        match serde_json::to_string_pretty(&json) {
            Ok(text) => text + "\n",
            Err(error) => {
                eprintln!("stancemap diff: cannot write JSON: {error}");
                return ExitCode::from(super::EXIT_USAGE);
            }
        }
    } else if changed {
        format!(
            "{}\n{}",
            diff::render_text(&changes, None),
            diff::render_effect(&effect)
        )
    } else {
        String::new()
    };
    // A closed pipe (`| head`) is not an error worth a message.
    super::terminal::print(&text);
    if changed {
        ExitCode::from(EXIT_CHANGED)
    } else {
        ExitCode::SUCCESS
    }
}

/// The project in `path`; `/dev/null` (what git passes for a file that does not exist on
/// one side) is an empty project. Prints the errors of a file that does not load.
fn load(path: &Path) -> Option<Project> {
    if path == Path::new("/dev/null") {
        return Some(Project {
            title: String::new(),
            ..Project::default()
        });
    }
    match format::load_path(path) {
        Ok(loaded) => Some(loaded.project),
        Err(error) => {
            let name = path.display().to_string();
            for d in &error.diagnostics {
                eprintln!("{}", d.with_file(&name));
            }
            None
        }
    }
}

fn textconv(path: &Path) -> ExitCode {
    let text = match format::read_capped(path) {
        Err(error) => format!("stancemap: cannot read this version: {error}\n"),
        Ok(bytes) => match format::load_bytes(&bytes) {
            Ok(loaded) => diff::facts(&loaded.project),
            Err(error) => format!(
                "stancemap: this version does not load ({} problems; `stancemap check` lists them); its text follows\n{}",
                error.diagnostics.len(),
                String::from_utf8_lossy(&bytes)
            ),
        },
    };
    super::terminal::print(&text);
    ExitCode::SUCCESS
}
