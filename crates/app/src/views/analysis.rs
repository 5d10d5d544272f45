//! The analysis view: per issue the predicted outcome, the ZOPA or gap and who breaches a
//! walk-away or red line; per party the total pain; the inputs the outcomes are most
//! sensitive to (tornado chart); a comparison of two scenarios; and "Explain", the terms
//! behind any outcome or concession.

use super::{chart, rows};
use crate::analysis::{Analysis, Comparison, Explanation, IssueAnalysis};
use crate::analysis_cache;
use crate::analysis_cache::ProjectIndex;
use crate::charts::{Chart, ChartOptions};
use crate::document::Document;
use crate::model::{OutcomeMethod, Position, Project};
use crate::widgets;
use crate::{Shell, ViewKind};
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
            compare_ui(ui, doc, shell);
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

/// A scenario picker: Base or one of the project's scenarios.
fn scenario_choice(
    ui: &mut Ui,
    id: &str,
    project: &Project,
    value: &mut Option<String>,
    label: egui::Id,
) -> bool {
    let name = |v: &Option<String>| match v {
        None => "Base".to_owned(),
        Some(id) => project
            .scenario(id)
            .map_or_else(|| id.clone(), |s| s.name.clone()),
    };
    let mut changed = false;
    egui::ComboBox::from_id_salt(id)
        .selected_text(name(value))
        .width(200.0)
        .show_ui(ui, |ui| {
            let options =
                std::iter::once(None).chain(project.scenarios.iter().map(|s| Some(s.id.clone())));
            for option in options {
                let text = name(&option);
                if ui.selectable_label(*value == option, text).clicked() {
                    *value = option;
                    changed = true;
                }
            }
        })
        .response
        .labelled_by(label);
    changed
}

fn compare_ui(ui: &mut Ui, doc: &Document, shell: &mut Shell) {
    ui.label(RichText::new("Compare").strong().size(16.0));
    let project = doc.project();
    if project.scenarios.is_empty() {
        ui.label(
            RichText::new("Add a scenario (in Scenarios) to compare it with the base.").weak(),
        );
        return;
    }
    let (mut before, mut after) = shell.analysis_view.compare.clone().unwrap_or_else(|| {
        let after = shell
            .scenario
            .clone()
            .or_else(|| project.scenarios.first().map(|s| s.id.clone()));
        (None, after)
    });
    ui.horizontal(|ui| {
        let l = ui.label("How");
        let a = scenario_choice(ui, "compare-after", project, &mut after, l.id);
        let l = ui.label("differs from");
        let b = scenario_choice(ui, "compare-before", project, &mut before, l.id);
        if a || b {
            shell.analysis_view.compare = Some((before.clone(), after.clone()));
        }
    });
    let Some(comparison) =
        analysis_cache::comparison(shell, doc, before.as_deref(), after.as_deref())
    else {
        ui.label(RichText::new("That scenario no longer exists.").weak());
        return;
    };
    if before == after {
        ui.label(RichText::new("Pick two different scenarios to see what moves.").weak());
        return;
    }
    comparison_ui(ui, project, &comparison);
    super::deals::comparison_ui(ui, doc, shell, before.as_deref(), after.as_deref());
}

fn signed(v: f64, digits: usize) -> String {
    let s = num(Some(v), digits);
    if v > 0.0 && s != "0" {
        format!("+{s}")
    } else {
        s
    }
}

fn comparison_ui(ui: &mut Ui, project: &Project, c: &Comparison) {
    let moved: Vec<_> = c
        .issues
        .iter()
        .filter(|i| i.change.is_none_or(|d| d.abs() >= 0.05) && i.before != i.after)
        .collect();
    let rose: Vec<String> = c
        .parties
        .iter()
        .filter(|p| p.change.is_some_and(|d| d >= 0.0005))
        .map(|p| widgets::party_name(project, &p.id))
        .collect();
    ui.label(match moved.len() {
        0 => "No outcome moves.".to_owned(),
        1 => "1 outcome moves.".to_owned(),
        n => format!("{n} outcomes move."),
    });
    ui.label(if rose.is_empty() {
        "No party's pain rises.".to_owned()
    } else {
        format!("Pain rises for {}.", rose.join(", "))
    });
    ui.add_space(4.0);
    let widths = [240.0, 110.0, 70.0, 220.0];
    rows::header(ui, &widths, &["Issue", "Outcome before", "after", "change"]);
    rows::rows(ui, ROW_HEIGHT, c.issues.len(), |ui, k| {
        let Some(i) = c.issues.get(k) else {
            return;
        };
        rows::cell(ui, widths[0], |ui| {
            ui.add(egui::Label::new(&i.name).truncate());
        });
        rows::cell(ui, widths[1], |ui| {
            ui.label(num(i.before, 1));
        });
        rows::cell(ui, widths[2], |ui| {
            ui.label(num(i.after, 1));
        });
        rows::cell(ui, widths[3], |ui| {
            match i.change {
                Some(d) if d.abs() >= 0.05 => ui.label(RichText::new(signed(d, 1)).strong()),
                Some(_) => ui.label(RichText::new("unchanged").weak()),
                None if i.before == i.after => ui.label(RichText::new("unchanged").weak()),
                None => ui.label("outcome appears or vanishes"),
            };
        });
    });
    ui.add_space(6.0);
    let widths = [240.0, 110.0, 70.0, 150.0, 70.0];
    rows::header(
        ui,
        &widths,
        &["Party", "Pain before", "after", "change", "Breaches"],
    );
    rows::rows(ui, ROW_HEIGHT, c.parties.len(), |ui, k| {
        let Some(p) = c.parties.get(k) else {
            return;
        };
        rows::cell(ui, widths[0], |ui| {
            ui.add(egui::Label::new(widgets::party_name(project, &p.id)).truncate());
        });
        rows::cell(ui, widths[1], |ui| {
            ui.label(num(p.before, 3));
        });
        rows::cell(ui, widths[2], |ui| {
            ui.label(num(p.after, 3));
        });
        rows::cell(ui, widths[3], |ui| {
            match p.change {
                Some(d) if d >= 0.0005 => {
                    ui.label(RichText::new(format!("{} (rises)", signed(d, 3))).color(red(ui)))
                }
                Some(d) if d <= -0.0005 => ui.label(format!("{} (falls)", signed(d, 3))),
                Some(_) => ui.label(RichText::new("unchanged").weak()),
                None => ui.label("—"),
            };
        });
        rows::cell(ui, widths[4], |ui| {
            ui.label(match p.breaches_change {
                0 => String::new(),
                d => format!("{d:+}"),
            });
        });
    });
}

/// Open the Explain window on an issue's outcome (and one party's concession to it).
pub fn open_explain(shell: &mut Shell, issue: &str, party: Option<&str>) {
    shell.analysis_view.explain = Some((issue.to_owned(), party.map(str::to_owned)));
}

/// The Explain window, when open: shown over whichever view opened it.
pub fn explain_window(ctx: &egui::Context, doc: &Document, shell: &mut Shell) {
    let Some((issue, party)) = shell.analysis_view.explain.clone() else {
        return;
    };
    let Some(explanation) = analysis_cache::explanation(shell, doc, &issue) else {
        shell.analysis_view.explain = None;
        return;
    };
    let snap = analysis_cache::current(shell, doc);
    let mut open = true;
    egui::Window::new(format!("Explain: {}", explanation.issue_name))
        .id(egui::Id::unique("explain-window"))
        .open(&mut open)
        .collapsible(false)
        .resizable(true)
        .default_width(620.0)
        .default_pos(ctx.content_rect().center() - egui::vec2(310.0, 220.0))
        .show(ctx, |ui| {
            explain_ui(
                ui,
                &snap.view.project,
                &snap.analysis,
                &explanation,
                party.as_deref(),
            );
            if shell.view != ViewKind::Analysis {
                ui.add_space(6.0);
                ui.label(RichText::new(ESTIMATE_NOTE).weak().italics());
            }
        });
    if !open {
        shell.analysis_view.explain = None;
    }
}

/// The terms behind an outcome: the parties sorted by stance with weight and cumulative
/// weight, the half-way mark and where the median falls; the w × x terms of the mean; and,
/// for `party`, how its concession follows from the outcome.
pub fn explain_ui(
    ui: &mut Ui,
    project: &Project,
    analysis: &Analysis,
    e: &Explanation,
    party: Option<&str>,
) {
    let used = match e.method {
        OutcomeMethod::Median => "weighted median",
        OutcomeMethod::Mean => "weighted mean",
    };
    match e.outcome {
        Some(o) => ui.label(
            RichText::new(format!("Outcome: {} (the {used})", num(Some(o), 2)))
                .strong()
                .size(15.0),
        ),
        None => ui.label(RichText::new(e.outcome_note.clone().unwrap_or_default()).strong()),
    };
    ui.label(
        RichText::new(
            "Each party's weight is its power × its salience on this issue. Parties are sorted by stance.",
        )
        .weak(),
    );
    ui.add_space(4.0);
    let highlight = ui.visuals().selection.bg_fill.gamma_multiply(0.35);
    egui::Grid::new("explain-terms")
        .num_columns(8)
        .striped(true)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            for head in [
                "Party",
                "Stance",
                "Power",
                "Salience",
                "Weight",
                "Cumulative",
                "Weight × stance",
                "",
            ] {
                ui.label(RichText::new(head).strong());
            }
            ui.end_row();
            for row in &e.rows {
                let focus = party == Some(row.party.as_str());
                let text = |s: String| {
                    let t = RichText::new(s);
                    if row.at_median || focus {
                        t.strong()
                    } else {
                        t
                    }
                };
                let name = ui.label(text(row.name.clone()));
                if focus {
                    ui.painter()
                        .rect_filled(name.rect.expand(2.0), 2.0, highlight);
                }
                ui.label(text(num(Some(row.stance), 1)));
                ui.label(text(num(Some(row.power), 2)));
                ui.label(text(num(Some(row.salience), 2)));
                ui.label(text(num(Some(row.weight), 3)));
                ui.label(text(num(Some(row.cumulative_weight), 3)));
                ui.label(text(num(Some(row.weighted_stance), 2)));
                if row.at_median {
                    ui.label(RichText::new("median: the half-way mark is reached here").strong());
                } else {
                    ui.label("");
                }
                ui.end_row();
            }
        });
    ui.add_space(6.0);
    ui.label(format!(
        "Total weight {}; the half-way mark is half of it: {}.",
        num(Some(e.total_weight), 3),
        num(Some(e.half_weight), 3)
    ));
    if let (Some(m), Some(row)) = (e.weighted_median, e.rows.iter().find(|r| r.at_median)) {
        ui.label(format!(
            "Going up the stances, the cumulative weight first reaches the half-way mark at the stance of {}, {}: the weighted median is {}.",
            row.name,
            num(Some(row.stance), 1),
            num(Some(m), 1)
        ));
    }
    if let Some(mean) = e.weighted_mean {
        ui.label(format!(
            "Weighted mean = Σ weight × stance / Σ weight = {} / {} = {}.",
            num(Some(e.weighted_stance_sum), 2),
            num(Some(e.total_weight), 3),
            num(Some(mean), 2)
        ));
    }
    if let Some(id) = party {
        concession_note_ui(ui, project, analysis, &e.issue, id);
    }
}

/// How one party's concession on an issue follows from the outcome.
fn concession_note_ui(ui: &mut Ui, project: &Project, analysis: &Analysis, issue: &str, id: &str) {
    let Some(issue_analysis) = analysis.issues.iter().find(|i| i.id == issue) else {
        return;
    };
    let Some(c) = issue_analysis.concessions.iter().find(|c| c.party == id) else {
        return;
    };
    let Some(position) = project.position(id, issue) else {
        return;
    };
    let name = widgets::party_name(project, id);
    ui.add_space(6.0);
    ui.label(RichText::new(format!("{name}'s concession")).strong());
    let (Some(o), Some(d), Some(pain)) = (issue_analysis.outcome, c.distance, c.pain) else {
        ui.label("No outcome, so no concession.");
        return;
    };
    ui.label(format!(
        "Distance = |outcome − stance| = |{} − {}| = {} points.",
        num(Some(o), 2),
        num(Some(c.stance), 1),
        num(Some(d), 2)
    ));
    ui.label(format!(
        "Pain = distance / 100 × salience = {} / 100 × {} = {}.",
        num(Some(d), 2),
        num(Some(position.salience), 2),
        num(Some(pain), 3)
    ));
    match (c.share, position.walk_away) {
        (Some(share), Some(w)) => ui.label(format!(
            "Share of its room = |ideal − outcome| / |ideal − walk-away| = |{} − {}| / |{} − {}| = {}.",
            num(Some(position.ideal()), 1),
            num(Some(o), 2),
            num(Some(position.ideal()), 1),
            num(Some(w), 1),
            num(Some(share), 2)
        )),
        _ => ui.label("No walk-away set (or it equals the ideal), so no share of its room."),
    };
    if c.breach {
        let what = if c.red_line {
            "This outcome breaches its public red line."
        } else {
            "This outcome lies beyond its walk-away."
        };
        ui.label(RichText::new(what).color(red(ui)).strong());
    }
}
