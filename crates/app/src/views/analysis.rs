//! The analysis view: per issue the predicted outcome, the ZOPA or gap and who breaches a
//! walk-away or red line; per party the total pain; the inputs the outcomes are most
//! sensitive to (tornado chart); a comparison of two scenarios; and "Explain", the terms
//! behind any outcome or concession.

mod compare;
mod explain;

pub use explain::{explain_window, open_explain};

use super::{chart, rows};
use crate::Shell;
use crate::analysis::{Analysis, IssueAnalysis};
use crate::analysis_cache;
use crate::analysis_cache::ProjectIndex;
use crate::charts::{Chart, ChartOptions};
use crate::document::Document;
use crate::model::{OutcomeMethod, Position, Project};
use crate::widgets;
use eframe::egui;
use egui::{Color32, RichText, Ui};

/// What the analysis-related views remember between frames.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct State {
    /// The outcome (issue id) whose terms the Explain window shows, and the party whose
    /// concession it also details.
    pub explain: Option<(String, Option<String>)>,
    /// The two sides of the comparison (None = the base); `None` until the user picks.
    pub compare: Option<(Option<String>, Option<String>)>,
    /// The issue whose stance trajectories the timeline chart shows (None = automatic).
    pub trajectory_issue: Option<String>,
    /// The Principal (id) and package whose value the Deals view explains.
    pub deal_explain: Option<(String, super::deals::Package)>,
}

/// The height of a row of the tables.
const ROW_HEIGHT: f32 = 26.0;

/// Said wherever the figures appear.
pub const ESTIMATE_NOTE: &str = "These figures are estimates computed from your own inputs \
     (stances, walk-aways, salience, power), not predictions from data. Explain shows the \
     terms behind each one.";

pub fn ui(ui: &mut Ui, doc: &mut Document, shell: &mut Shell) {
    widgets::heading(
        ui,
        "Analysis",
        "Predicted outcomes, zones of possible agreement, concessions and breaches, per issue and per party.",
    );
    if let Some(s) = shell
        .scenario_index(doc.project())
        .and_then(|i| doc.project().scenarios.get(i))
    {
        widgets::scenario_banner(ui, &s.name, "every figure here is of the scenario.");
    }
    let snap = analysis_cache::current(shell, doc);
    let index = analysis_cache::index(shell, doc);
    let project = &snap.view.project;
    egui::ScrollArea::both()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.label(RichText::new(ESTIMATE_NOTE).italics());
            ui.add_space(8.0);
            ui.label(RichText::new("Outcome of each issue").strong().size(16.0));
            ui.label(RichText::new(method_note(project.outcome)).weak());
            super::deals::outcome_test_ui(ui, doc, shell);
            issues_ui(ui, shell, &index, project, &snap.analysis);
            ui.add_space(12.0);
            ui.label(RichText::new("Totals per party").strong().size(16.0));
            ui.label(
                RichText::new(
                    "Pain: the distance each party must move, weighted by how much it cares, summed over the issues.",
                )
                .weak(),
            );
            parties_ui(ui, project, &snap.analysis);
            ui.add_space(12.0);
            ui.horizontal(|ui| {
                ui.label(RichText::new("Sensitivity").strong().size(16.0));
                chart::export_button(ui, shell, Chart::Sensitivity);
            });
            ui.label(
                RichText::new(
                    "The inputs that move the outcomes most when nudged by 10% of their range: the assumptions a briefing must defend.",
                )
                .weak(),
            );
            if snap.analysis.sensitivity.is_empty() {
                ui.label(RichText::new("No input moves an outcome yet.").weak());
            } else {
                let options = ChartOptions::default();
                chart::show(ui, doc, shell, Chart::Sensitivity, &options, Some(380.0));
            }
            ui.add_space(12.0);
            compare::compare_ui(ui, doc, shell);
        });
    explain_window(ui.ctx(), doc, shell);
}

fn method_note(method: OutcomeMethod) -> &'static str {
    match method {
        OutcomeMethod::Median => {
            "The outcome used is the weighted median of the stances (each party weighted by power × salience); the mean is shown beside it. Change the estimator in Overview."
        }
        OutcomeMethod::Mean => {
            "The outcome used is the weighted mean of the stances (each party weighted by power × salience); the median is shown beside it. Change the estimator in Overview."
        }
    }
}

/// A number with at most `digits` decimals, or a dash.
pub fn num(value: Option<f64>, digits: usize) -> String {
    match value {
        Some(v) => {
            let s = format!("{v:.digits$}");
            let s = if s.contains('.') {
                s.trim_end_matches('0').trim_end_matches('.').to_owned()
            } else {
                s
            };
            if s == "-0" { "0".to_owned() } else { s }
        }
        None => "—".to_owned(),
    }
}

fn zopa_text(issue: &IssueAnalysis) -> String {
    match (&issue.zopa, issue.gap) {
        (Some(z), _) => format!("{} – {}", num(Some(z.low), 1), num(Some(z.high), 1)),
        (None, Some(gap)) => format!("none (gap {})", num(Some(gap), 1)),
        (None, None) => "none".to_owned(),
    }
}

fn red(ui: &Ui) -> Color32 {
    ui.visuals().error_fg_color
}

fn issues_ui(
    ui: &mut Ui,
    shell: &mut Shell,
    index: &ProjectIndex,
    project: &Project,
    analysis: &Analysis,
) {
    if analysis.issues.is_empty() {
        ui.label(RichText::new("No issues yet: add them in Issues.").weak());
        return;
    }
    let method = analysis.outcome_method;
    let used = match method {
        OutcomeMethod::Median => "median",
        OutcomeMethod::Mean => "mean",
    };
    let widths = issue_widths(ui.available_width());
    rows::header(
        ui,
        &widths,
        &[
            "Issue",
            "Outcome",
            "",
            "Median",
            "Mean",
            "ZOPA",
            "Who breaches",
        ],
    );
    rows::rows(ui, ROW_HEIGHT, analysis.issues.len(), |ui, i| {
        let Some(issue) = analysis.issues.get(i) else {
            return;
        };
        rows::cell(ui, widths[0], |ui| {
            ui.add(egui::Label::new(&issue.name).truncate());
        });
        rows::cell(ui, widths[1], |ui| {
            match (issue.outcome, &issue.outcome_note) {
                (Some(o), _) => ui.label(RichText::new(num(Some(o), 1)).strong()),
                (None, note) => ui
                    .label(RichText::new("none").weak())
                    .on_hover_text(note.clone().unwrap_or_default()),
            }
            .on_hover_text(format!("The weighted {used} of the stances"));
        });
        rows::cell(ui, widths[2], |ui| {
            if ui
                .button("Explain")
                .on_hover_text(format!("The terms behind the outcome of “{}”", issue.name))
                .clicked()
            {
                shell.analysis_view.explain = Some((issue.id.clone(), None));
            }
        });
        rows::cell(ui, widths[3], |ui| {
            ui.label(num(issue.weighted_median, 1));
        });
        rows::cell(ui, widths[4], |ui| {
            ui.label(num(issue.weighted_mean, 1));
        });
        rows::cell(ui, widths[5], |ui| {
            ui.label(zopa_text(issue)).on_hover_text(
                "Where every Principal's acceptable range overlaps; the gap is how far apart the closest walk-aways are",
            );
        });
        rows::cell(ui, widths[6], |ui| breaches_ui(ui, index, project, issue));
    });
}

/// Issue, outcome, Explain, median, mean, ZOPA, who breaches: the names share what is left.
fn issue_widths(available: f32) -> [f32; 7] {
    let fixed = [64.0, 70.0, 56.0, 56.0, 120.0];
    let text = ((available - rows::total_width(&fixed) - 2.0 * rows::GAP) / 2.0).max(180.0);
    [
        text * 0.8,
        fixed[0],
        fixed[1],
        fixed[2],
        fixed[3],
        fixed[4],
        text * 1.2,
    ]
}

/// The position of `party` on `issue` from the index, not a search of every position.
fn position<'p>(
    index: &ProjectIndex,
    project: &'p Project,
    party: &str,
    issue: &str,
) -> Option<&'p Position> {
    let p = project.parties.iter().position(|x| x.id == party)?;
    let i = project.issues.iter().position(|x| x.id == issue)?;
    let k = (*index.cells.get(i * project.parties.len() + p)?)?;
    project.positions.get(k)
}

/// Who breaches a walk-away on one line (red lines first and in bold); every breach, one
/// per line, on hover.
fn breaches_ui(ui: &mut Ui, index: &ProjectIndex, project: &Project, issue: &IssueAnalysis) {
    let mut breaches: Vec<_> = issue.concessions.iter().filter(|c| c.breach).collect();
    if breaches.is_empty() {
        ui.label(RichText::new("nobody").weak());
        return;
    }
    breaches.sort_by_key(|c| !c.red_line);
    // Named one by one up to a limit: an issue may have thousands of parties.
    const NAMED: usize = 20;
    let more = breaches.len().saturating_sub(NAMED);
    let mut lines: Vec<String> = breaches
        .iter()
        .take(NAMED)
        .map(|c| {
            let name = widgets::party_name(project, &c.party);
            let walk = position(index, project, &c.party, &issue.id).and_then(|p| p.walk_away);
            if c.red_line {
                format!("{name}: RED LINE {} breached", num(walk, 1))
            } else {
                format!("{name}: beyond walk-away {}", num(walk, 1))
            }
        })
        .collect();
    if more > 0 {
        lines.push(format!("and {more} more"));
    }
    let mut rich = RichText::new(lines.join("; ")).color(red(ui));
    if breaches.iter().any(|c| c.red_line) {
        rich = rich.strong();
    }
    ui.add(egui::Label::new(rich).truncate())
        .on_hover_text(lines.join("\n"));
}

fn parties_ui(ui: &mut Ui, project: &Project, analysis: &Analysis) {
    if analysis.parties.is_empty() {
        ui.label(RichText::new("No parties yet.").weak());
        return;
    }
    let widths = [220.0, 100.0, 80.0, 150.0];
    rows::header(
        ui,
        &widths,
        &["Party", "Total pain", "Breaches", "Red lines breached"],
    );
    rows::rows(ui, ROW_HEIGHT, analysis.parties.len(), |ui, i| {
        let Some(party) = analysis.parties.get(i) else {
            return;
        };
        rows::cell(ui, widths[0], |ui| {
            widgets::swatch(ui, widgets::party_color(project, &party.id));
            ui.add(egui::Label::new(widgets::party_name(project, &party.id)).truncate());
        });
        rows::cell(ui, widths[1], |ui| {
            ui.label(num(Some(party.total_pain), 3));
        });
        rows::cell(ui, widths[2], |ui| {
            ui.label(party.breaches.to_string());
        });
        rows::cell(ui, widths[3], |ui| {
            let rl = RichText::new(party.red_line_breaches.to_string());
            ui.label(if party.red_line_breaches > 0 {
                rl.color(red(ui)).strong()
            } else {
                rl
            });
        });
    });
}
