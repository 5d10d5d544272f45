//! `stancemap render`: draw the charts of a project (base or a scenario) to SVG and/or PNG.

use crate::charts::{Chart, ChartInput, ChartOptions, Theme, export};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Svg,
    Png,
    Both,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ThemeArg {
    Light,
    Dark,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The project file.
    pub file: PathBuf,
    /// Folder to write `<chart>.svg` / `<chart>.png` into (created if missing).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Draw this scenario (id or exact name) instead of the base.
    #[arg(long, value_name = "ID")]
    pub scenario: Option<String>,
    /// Draw the project as it stood on this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = super::as_of_date)]
    pub as_of: Option<String>,
    /// Chart to draw (repeatable): concession-matrix, zopa, leverage, timeline, sensitivity,
    /// deal-space, simulation. Default: the first four and deal-space.
    #[arg(long = "chart", value_name = "NAME")]
    pub charts: Vec<String>,
    #[arg(long, value_enum, default_value = "both")]
    pub format: Format,
    /// Image width in px.
    #[arg(long, default_value_t = export::DEFAULT_WIDTH)]
    pub width: u32,
    /// Image height in px.
    #[arg(long, default_value_t = export::DEFAULT_HEIGHT)]
    pub height: u32,
    #[arg(long, value_enum, default_value = "light")]
    pub theme: ThemeArg,
    /// Issue (id or exact name) whose stance trajectories the timeline shows (default: the
    /// most shifted).
    #[arg(long, value_name = "ID")]
    pub issue: Option<String>,
    /// The two Principals of the deal space, across and up (default: the two most powerful).
    #[arg(long, value_name = "A,B")]
    pub pair: Option<String>,
    /// Simulated rounds: the simulation chart's length and the timeline's dashed
    /// continuation (0..=1000; 0 leaves the continuation out).
    #[arg(long, value_name = "N", default_value_t = crate::simulation::DEFAULT_ROUNDS as u64,
          value_parser = clap::value_parser!(u64).range(0..=crate::simulation::MAX_ROUNDS as u64))]
    pub rounds: u64,
}

pub fn run(args: &Args) -> ExitCode {
    match render(args) {
        Ok(paths) => {
            for path in paths {
                println!("wrote {}", path.display());
            }
            ExitCode::SUCCESS
        }
        Err(Failed { message, usage }) => {
            eprintln!("{message}");
            // An unknown chart, scenario or issue name is bad usage (2), as clap's own
            // errors and `analyze --scenario` are; a file that fails to load is 1.
            ExitCode::from(if usage { super::EXIT_USAGE } else { 1 })
        }
    }
}

struct Failed {
    message: String,
    usage: bool,
}

impl From<String> for Failed {
    fn from(message: String) -> Self {
        Self {
            message,
            usage: false,
        }
    }
}

fn usage(message: String) -> Failed {
    Failed {
        message,
        usage: true,
    }
}

fn render(args: &Args) -> Result<Vec<PathBuf>, Failed> {
    let name = args.file.display().to_string();
    let charts = if args.charts.is_empty() {
        Chart::DEFAULT.to_vec()
    } else {
        args.charts
            .iter()
            .map(|n| Chart::from_name(n).map_err(|e| usage(format!("stancemap render: {e}"))))
            .collect::<Result<Vec<_>, _>>()?
    };
    let loaded = crate::format::load_path(&args.file).map_err(|e| {
        e.diagnostics
            .iter()
            .map(|d| d.with_file(&name))
            .collect::<Vec<_>>()
            .join("\n")
    })?;
    let project = loaded.project;
    let view = project
        .resolve(args.scenario.as_deref())
        .map_err(|e| usage(format!("{name}: {e}")))?;
    let view = match &args.as_of {
        Some(date) => view.as_of(date),
        None => view,
    };
    // An issue by id or by its exact name, as the timeline's option names it.
    let issue = match &args.issue {
        None => None,
        Some(key) => match project.find_issue(key) {
            Some(issue) => Some(issue.id.clone()),
            None => {
                let valid: Vec<&str> = project.issues.iter().map(|i| i.id.as_str()).collect();
                return Err(usage(format!(
                    "{name}: unknown issue \"{key}\"; valid issues: {}",
                    valid.join(", ")
                )));
            }
        },
    };
    let analysis = crate::analysis::analyze(&view);
    let pair = match args.pair.as_deref().map(|p| p.split_once(',')) {
        None => None,
        Some(Some((a, b))) => Some((a.trim().to_owned(), b.trim().to_owned())),
        Some(None) => {
            return Err(usage(format!(
                "stancemap render: --pair takes two Principal ids separated by a comma, \
                 not \"{}\"",
                args.pair.as_deref().unwrap_or_default()
            )));
        }
    };
    let deal_space = if charts.contains(&Chart::DealSpace) {
        let deals = crate::analysis::deals(&view);
        let pair_ref = pair.as_ref().map(|(a, b)| (a.as_str(), b.as_str()));
        match crate::analysis::deal_space_for(
            &project,
            &view,
            &deals,
            pair_ref,
            args.as_of.as_deref(),
        ) {
            Ok(space) => Some(std::sync::Arc::new(space)),
            // A pair the user named that cannot be drawn is bad usage; a project with
            // fewer than two Principals still gets a chart that says so.
            Err(e) if pair.is_some() => return Err(usage(format!("{name}: {e}"))),
            Err(_) => None,
        }
    } else {
        None
    };
    let options = ChartOptions {
        issue,
        top: None,
        pair,
        deal_space,
        // The parser keeps the count within MAX_ROUNDS, so it fits any usize.
        rounds: Some(usize::try_from(args.rounds).unwrap_or(crate::simulation::MAX_ROUNDS)),
    };
    let input = ChartInput {
        view: &view,
        analysis: &analysis,
        theme: match args.theme {
            ThemeArg::Light => Theme::Light,
            ThemeArg::Dark => Theme::Dark,
        },
        options: &options,
    };
    let formats = match args.format {
        Format::Svg => export::Formats::Svg,
        Format::Png => export::Formats::Png,
        Format::Both => export::Formats::Both,
    };
    export::write_all(&args.out, &charts, formats, &input, args.width, args.height)
        .map_err(|e| Failed::from(format!("stancemap render: {e}")))
}
