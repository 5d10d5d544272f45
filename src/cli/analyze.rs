//! `stancemap analyze FILE [--scenario ID] [--json]`: the figures of shared/ANALYSIS.md for
//! the base project or one scenario, as readable tables or as JSON.

use super::deals_report::{deal_report, outcome_line};
use crate::analysis::{self, Analysis, Concession, Deals, InputKind, IssueAnalysis};
use crate::model::{OutcomeMethod, Project, View};
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The project file to analyse.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Analyse this scenario (by id or exact name) instead of the base project.
    #[arg(long, value_name = "ID")]
    pub scenario: Option<String>,
    /// Analyse the project as it stood on this date (YYYY-MM-DD): each stance as its last
    /// shift on or before the date set it, later events left out.
    #[arg(long, value_name = "DATE", value_parser = super::as_of_date)]
    pub as_of: Option<String>,
    /// Print the analysis as JSON instead of tables.
    #[arg(long)]
    pub json: bool,
}

/// How many leverage pairs and sensitivity inputs the tables show.
const TOP: usize = 5;

pub fn run(args: &Args) -> ExitCode {
    let file = args.file.display().to_string();
    let view = match super::load_view(&args.file, args.scenario.as_deref()) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let view = match &args.as_of {
        Some(date) => view.as_of(date),
        None => view,
    };
    let analysis = analysis::analyze(&view);
    let deals = analysis::deals(&view);
    if args.json {
        match serde_json::to_string_pretty(&Json {
            analysis: &analysis,
            deals: &deals,
        }) {
            Ok(json) => println!("{json}"),
            Err(error) => {
                eprintln!("{file}: error: cannot write the analysis as JSON: {error}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        super::terminal::print(&report(&view, &analysis, &deals));
    }
    ExitCode::SUCCESS
}

/// Party names and walk-aways by id, gathered once: the report names every party on every
/// issue, and a project may have tens of thousands of them.
struct Lookup<'a> {
    names: HashMap<&'a str, &'a str>,
    walk_aways: HashMap<(&'a str, &'a str), f64>,
}

impl<'a> Lookup<'a> {
    fn new(project: &'a Project) -> Self {
        let mut names = HashMap::new();
        for p in &project.parties {
            names.entry(p.id.as_str()).or_insert(p.name.as_str());
        }
        let mut walk_aways = HashMap::new();
        for p in &project.positions {
            if let Some(w) = p.walk_away {
                walk_aways
                    .entry((p.party.as_str(), p.issue.as_str()))
                    .or_insert(w);
            }
        }
        Self { names, walk_aways }
    }

    fn name<'b>(&'b self, id: &'b str) -> &'b str {
        self.names.get(id).copied().unwrap_or(id)
    }
}

fn issue_name<'a>(project: &'a Project, id: &'a str) -> &'a str {
    project.issue(id).map_or(id, |i| i.name.as_str())
}

fn point(value: Option<f64>) -> String {
    value.map_or_else(|| "-".to_owned(), |v| format!("{v:.1}"))
}

fn ratio(value: Option<f64>) -> String {
    value.map_or_else(|| "-".to_owned(), |v| format!("{v:.2}"))
}

/// The JSON of `analyze --json`: the analysis with the deal figures beside it.
#[derive(serde::Serialize)]
struct Json<'a> {
    #[serde(flatten)]
    analysis: &'a Analysis,
    deals: &'a Deals,
}

/// The readable report: one table per issue, the deal, then party totals, leverage and
/// sensitivity.
pub fn report(view: &View, analysis: &Analysis, deals: &Deals) -> String {
    let project = &view.project;
    let mut out = String::new();
    let _ = writeln!(out, "{} — {}", project.title, view.scenario_label());
    if let Some(date) = &project.as_of {
        let _ = writeln!(out, "As of {date}");
    }
    let method = match analysis.outcome_method {
        OutcomeMethod::Median => "weighted median",
        OutcomeMethod::Mean => "weighted mean",
    };
    let _ = writeln!(
        out,
        "Outcome method: {method} (the project's `outcome` setting)"
    );
    let _ = writeln!(
        out,
        "These are estimates from the analyst's own inputs (power, salience, stances, \
         walk-aways), not predictions from data."
    );
    if let Some(line) = outcome_line(deals) {
        let _ = writeln!(out, "{line}");
    }
    let look = Lookup::new(project);
    let width = project
        .parties
        .iter()
        .map(|p| p.name.chars().count())
        .max()
        .unwrap_or(0)
        .max("Party".len());
    for issue in &analysis.issues {
        out.push('\n');
        issue_report(&mut out, &look, issue, analysis.outcome_method, width);
    }
    deal_report(&mut out, view, deals);
    totals_report(&mut out, &look, analysis, width);
    leverage_report(&mut out, &look, analysis);
    sensitivity_report(&mut out, project, analysis);
    out
}

fn issue_report(
    out: &mut String,
    look: &Lookup,
    issue: &IssueAnalysis,
    method: OutcomeMethod,
    width: usize,
) {
    let _ = writeln!(out, "{} ({})", issue.name, issue.id);
    match issue.outcome {
        Some(o) => {
            let (median, mean) = match method {
                OutcomeMethod::Median => (" [used]", ""),
                OutcomeMethod::Mean => ("", " [used]"),
            };
            let _ = writeln!(
                out,
                "  Outcome {o:.1}: weighted median {}{median}, weighted mean {}{mean}",
                point(issue.weighted_median),
                point(issue.weighted_mean),
            );
        }
        None => {
            let note = issue.outcome_note.as_deref().unwrap_or("no outcome");
            let _ = writeln!(
                out,
                "  Outcome: none ({})",
                note.trim_start_matches("no outcome: ")
            );
        }
    }
    match (issue.zopa, issue.gap) {
        (Some(z), _) => {
            let _ = writeln!(out, "  ZOPA: {:.1} to {:.1}", z.low, z.high);
        }
        (None, Some(gap)) => {
            let _ = writeln!(
                out,
                "  ZOPA: none; the closest walk-aways are {gap:.1} points apart"
            );
        }
        (None, None) => {}
    }
    if issue.concessions.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "  {:<width$}  {:>6}  {:>8}  {:>5}  {:>5}",
        "Party", "Stance", "Distance", "Pain", "Share"
    );
    for c in &issue.concessions {
        let _ = writeln!(
            out,
            "  {:<width$}  {:>6.1}  {:>8}  {:>5}  {:>5}{}",
            look.name(&c.party),
            c.stance,
            point(c.distance),
            ratio(c.pain),
            ratio(c.share),
            breach_text(look, &issue.id, c),
        );
    }
}

fn breach_text(look: &Lookup, issue: &str, c: &Concession) -> String {
    if !c.breach {
        return String::new();
    }
    let walk_away = look
        .walk_aways
        .get(&(c.party.as_str(), issue))
        .map_or_else(String::new, |w| format!(" at {w:.1}"));
    if c.red_line {
        format!("  RED LINE BREACHED (red line{walk_away})")
    } else {
        format!("  breaches its walk-away{walk_away}")
    }
}

fn totals_report(out: &mut String, look: &Lookup, analysis: &Analysis, width: usize) {
    if analysis.parties.is_empty() {
        return;
    }
    let _ = writeln!(out, "\nPer party (totals over issues)");
    let _ = writeln!(out, "  {:<width$}  {:>10}  Breaches", "Party", "Total pain");
    for t in &analysis.parties {
        let red = if t.red_line_breaches > 0 {
            format!(" ({} of a red line)", t.red_line_breaches)
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "  {:<width$}  {:>10.2}  {}{red}",
            look.name(&t.id),
            t.total_pain,
            t.breaches
        );
    }
}

fn leverage_report(out: &mut String, look: &Lookup, analysis: &Analysis) {
    let mut top: Vec<_> = analysis
        .leverage
        .iter()
        .filter(|l| l.pressure > 0.0)
        .collect();
    top.sort_by(|a, b| b.pressure.total_cmp(&a.pressure));
    let _ = writeln!(
        out,
        "\nLeverage (strongest pressure first; net = pressure minus pressure back)"
    );
    if top.is_empty() {
        let _ = writeln!(out, "  none recorded (or all withdrawn)");
    }
    for l in top.iter().take(TOP) {
        let _ = writeln!(
            out,
            "  {} on {}: pressure {:.2}, net {:+.2}",
            look.name(&l.holder),
            look.name(&l.target),
            l.pressure,
            l.net
        );
    }
}

fn sensitivity_report(out: &mut String, project: &Project, analysis: &Analysis) {
    let _ = writeln!(
        out,
        "\nMost sensitive inputs (each nudged by 10% of its range; the assumptions to defend)"
    );
    let top: Vec<_> = analysis
        .sensitivity
        .iter()
        .filter(|s| s.delta > 0.0)
        .take(TOP)
        .collect();
    if top.is_empty() {
        let _ = writeln!(out, "  no single nudge moves any outcome");
    }
    for s in top {
        // A stance or salience names its issue already; a power can move any issue.
        let issue = match s.kind {
            InputKind::Power => format!("the outcome of {}", issue_name(project, &s.issue)),
            InputKind::Stance | InputKind::Salience => "its outcome".to_owned(),
        };
        let _ = writeln!(
            out,
            "  {}: moves {issue} by up to {:.1} (now {}, {} lowered, {} raised)",
            s.input,
            s.delta,
            point(s.base),
            point(s.down),
            point(s.up),
        );
    }
}
