//! `stancemap bench [--json]`: time loading, saving, analysing and rendering a small and a
//! large generated project on this machine (see the README's "Performance" section).

use crate::bench::{self, Size};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Print the results as JSON instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Write the generated projects (`small.ron`, `large.ron` and their `.json`) into this
    /// folder and keep them, instead of a temporary folder that is removed afterwards.
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
    /// Instead of the whole bench, the app's frame time for each view, steady and first
    /// after opening, to find the slow ones.
    #[arg(long)]
    pub views: bool,
    /// Tiny projects, one run each: checks that every step works (for tests).
    #[arg(long, hide = true)]
    pub quick: bool,
}

pub fn run(args: &Args) -> ExitCode {
    match measure(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("stancemap bench: {message}");
            ExitCode::FAILURE
        }
    }
}

fn measure(args: &Args) -> Result<(), String> {
    if cfg!(debug_assertions) {
        eprintln!(
            "stancemap bench: this is a debug build, many times slower than a release build; \
             for real numbers run `cargo run --release -- bench`"
        );
    }
    let sizes = if args.quick {
        Size::quick()
    } else {
        Size::standard()
    };
    let temp;
    let dir = match &args.dir {
        Some(dir) => {
            std::fs::create_dir_all(dir)
                .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
            dir.clone()
        }
        None => {
            temp = tempfile::tempdir()
                .map_err(|e| format!("cannot create a temporary folder: {e}"))?;
            temp.path().to_owned()
        }
    };
    if args.views {
        return views(&sizes, &dir);
    }
    if !args.json {
        eprintln!("measuring (this takes up to a few minutes)...");
    }
    let report = bench::run(&sizes, &dir).map_err(|e| e.to_string())?;
    if args.json {
        let json = serde_json::to_string_pretty(&report)
            .map_err(|e| format!("cannot write the results as JSON: {e}"))?;
        println!("{json}");
    } else {
        print!("{}", report.table());
    }
    Ok(())
}

/// `--views`: one table per size, a row per view.
fn views(sizes: &[Size], dir: &std::path::Path) -> Result<(), String> {
    for size in sizes {
        let fx = bench::Fixture::new(size, dir).map_err(|e| e.to_string())?;
        let spec = size.spec;
        println!(
            "{} ({}x{}x{}): view, steady frame ms, first frame ms",
            size.name, spec.parties, spec.issues, spec.events
        );
        for t in bench::frame::per_view(&fx.path, size.runs.min(5))? {
            println!(
                "  {:<18} {:>8.2} {:>8.2}",
                t.view.name(),
                t.steady_ms,
                t.first_ms
            );
        }
    }
    Ok(())
}
