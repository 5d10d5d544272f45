//! "Explain": the window with the terms behind an issue's predicted outcome (each party's
//! stance, power, salience and weight) and, for one party, behind its concession.

use super::{ESTIMATE_NOTE, num, red};
use crate::analysis::{Analysis, Explanation};
use crate::analysis_cache;
use crate::document::Document;
use crate::model::{OutcomeMethod, Project};
use crate::widgets;
use crate::{Shell, ViewKind};
use eframe::egui;
use egui::{RichText, Ui};

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
fn explain_ui(
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
