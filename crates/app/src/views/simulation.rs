//! The Simulation view: per issue, how positions move round by round under the
//! expected-utility bargaining model (one line per party in its colour, the weighted median
//! and mean), a round slider, the moves of the chosen round each told in a sentence, and the
//! simulated end state beside the static predicted outcome. The simulation is computed on a
//! background thread (`simulation_cache`) and kept while nothing changes.

use super::{analysis, chart};
use crate::Shell;
use crate::analysis_cache::{self, ChartShown};
use crate::charts::{Chart, ChartOptions};
use crate::document::Document;
use crate::model::{OutcomeMethod, Project};
use crate::simulation::{self as sim, IssueRun, MoveKind, Simulation};
use crate::simulation_cache::{self, SimState};
use crate::widgets;
use eframe::egui;
use egui::{RichText, Ui};
use std::sync::Arc;

/// What the user chose in the view.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// The issue shown (default: the first with a move, else the first).
    pub issue: Option<String>,
    /// The round whose moves the table lists.
    pub round: usize,
    /// How many rounds to simulate (also the timeline's continuation).
    pub rounds: usize,
}

impl Default for State {
    fn default() -> Self {
        Self {
            issue: None,
            round: 0,
            rounds: sim::DEFAULT_ROUNDS,
        }
    }
}

/// The most rounds the view's control offers (the command line goes to `sim::MAX_ROUNDS`).
pub const MAX_VIEW_ROUNDS: usize = 100;

pub fn ui(ui: &mut Ui, doc: &mut Document, shell: &mut Shell) {
    widgets::heading(
        ui,
        "Simulation",
        "How the positions move round by round when every party weighs challenging every \
         other (the expected-utility bargaining model of Bueno de Mesquita, as replicated by \
         Scholz, Calbert and Smith). Pick an issue and a round; hover the chart for each round's \
         figures.",
    );
    if let Some(s) = shell
        .scenario_index(doc.project())
        .and_then(|i| doc.project().scenarios.get(i))
    {
        widgets::scenario_banner(ui, &s.name, "the simulation starts from the scenario.");
    }
    let rounds = shell.simulation_view.rounds;
    let sim = match simulation_cache::current(shell, doc, ui.ctx(), rounds) {
        SimState::Ready(sim) => sim,
        // No spinner: it would repaint every frame; the worker asks for one when done.
        SimState::Computing(_) => {
            ui.label(RichText::new(format!("Simulating {rounds} rounds on every issue…")).weak());
            return;
        }
    };
    let project = shell.resolved(doc).project.clone();
    let Some(run) = chosen_run(&sim, &mut shell.simulation_view) else {
        ui.label(RichText::new("This project has no issues to simulate.").weak());
        return;
    };
    let run = run.clone();
    controls(ui, shell, &project, &sim, &run);
    let height = (ui.available_height() * 0.5).max(300.0);
    let shown = chart_ui(ui, doc, shell, &sim, &run, height);
    // A click on a round's column picks that round.
    if let Some(round) = shown.clicked().and_then(|r| round_of(&shown, r)) {
        shell.simulation_view.round = round;
    }
    mark_round(ui, &shown, shell.simulation_view.round);
    chart::omitted_ui(ui, &shown, "");
    ui.add_space(6.0);
    egui::ScrollArea::vertical()
        .id_salt("simulation-details")
        .auto_shrink([false, true])
        .show(ui, |ui| {
            ui.columns(2, |cols| {
                moves_ui(&mut cols[0], &project, &run, shell.simulation_view.round);
                end_state_ui(&mut cols[1], shell, doc, &project, &run);
            });
        });
}

/// The run of the chosen issue, choosing one when none is (or the chosen one went away),
/// and keeping the round within the run.
fn chosen_run<'a>(sim: &'a Simulation, state: &mut State) -> Option<&'a IssueRun> {
    let found = state.issue.as_deref().and_then(|id| sim.issue(id));
    let run = match found {
        Some(run) => run,
        None => {
            let run = sim
                .issues
                .iter()
                .find(|r| r.rounds.iter().any(|x| !x.moves.is_empty()))
                .or_else(|| sim.issues.first())?;
            state.issue = Some(run.issue.clone());
            state.round = 1.min(run.rounds.len().saturating_sub(1));
            run
        }
    };
    state.round = state.round.min(run.rounds.len().saturating_sub(1));
    Some(run)
}

fn controls(ui: &mut Ui, shell: &mut Shell, project: &Project, sim: &Simulation, run: &IssueRun) {
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Issue").id;
        let current = widgets::issue_name(project, &run.issue);
        egui::ComboBox::from_id_salt("simulation-issue")
            .selected_text(current)
            .show_ui(ui, |ui| {
                for r in &sim.issues {
                    let name = widgets::issue_name(project, &r.issue);
                    let label = format!("{name} ({})", r.ending().label());
                    if ui.selectable_label(r.issue == run.issue, label).clicked() {
                        shell.simulation_view.issue = Some(r.issue.clone());
                    }
                }
            })
            .response
            .labelled_by(label);
        ui.add_space(12.0);
        let label = ui.label("Round").id;
        let last = run.rounds.len().saturating_sub(1);
        let round = &mut shell.simulation_view.round;
        ui.add(egui::Slider::new(round, 0..=last).show_value(false))
            .labelled_by(label);
        ui.label(format!("{round} of {last}"));
        ui.add_space(12.0);
        let label = ui.label("Rounds to simulate").id;
        ui.add(egui::DragValue::new(&mut shell.simulation_view.rounds).range(1..=MAX_VIEW_ROUNDS))
            .labelled_by(label)
            .on_hover_text("How many rounds the model runs; the timeline continues each trajectory by as many.");
        ui.add_space(12.0);
        chart::export_button(ui, shell, Chart::Simulation);
    });
    ui.label(RichText::new(analysis::ESTIMATE_NOTE).weak().small());
}

/// The chart of the chosen issue, drawn from the cached simulation.
fn chart_ui(
    ui: &mut Ui,
    doc: &Document,
    shell: &mut Shell,
    sim: &Arc<Simulation>,
    run: &IssueRun,
    height: f32,
) -> ChartShown {
    let options = ChartOptions {
        issue: Some(run.issue.clone()),
        rounds: Some(sim.rounds),
        ..ChartOptions::default()
    };
    let size = egui::vec2(ui.available_width().max(320.0), height);
    let sim = sim.clone();
    analysis_cache::chart_ui_drawn_by(
        ui,
        shell,
        doc,
        Chart::Simulation,
        &options,
        size,
        &move |area, input| crate::charts::simulation::draw_with(area, input, &sim),
    )
}

/// The round whose column `region` is (the chart adds one per round, in order).
fn round_of(shown: &ChartShown, region: &crate::charts::Region) -> Option<usize> {
    shown
        .layout
        .regions
        .iter()
        .filter(|r| r.issue.is_some())
        .position(|r| r == region)
}

/// A line over the chart at the chosen round, and its hover text under the pointer.
fn mark_round(ui: &Ui, shown: &ChartShown, round: usize) {
    if let Some(region) = shown.hovered() {
        shown
            .response
            .clone()
            .on_hover_text_at_pointer(region.tooltip.clone());
    }
    let Some(region) = shown
        .layout
        .regions
        .iter()
        .filter(|r| r.issue.is_some())
        .nth(round)
    else {
        return;
    };
    let rect = analysis_cache::region_rect(shown, region);
    let x = if round == 0 {
        rect.left()
    } else if region
        == shown
            .layout
            .regions
            .iter()
            .rfind(|r| r.issue.is_some())
            .unwrap_or(region)
    {
        rect.right()
    } else {
        rect.center().x
    };
    let color = ui.visuals().selection.bg_fill;
    ui.painter()
        .vline(x, rect.y_range(), egui::Stroke::new(2.0, color));
}

fn moves_ui(ui: &mut Ui, project: &Project, run: &IssueRun, round: usize) {
    let Some(state) = run.rounds.get(round) else {
        return;
    };
    let show = |v: Option<f64>| v.map_or_else(|| "none".to_owned(), sim::number);
    ui.strong(if round == 0 {
        "Round 0: the starting positions".to_owned()
    } else {
        format!("Round {round}")
    });
    ui.label(format!(
        "Weighted median {}, weighted mean {}.",
        show(state.median),
        show(state.mean)
    ));
    if round > 0 && state.moves.is_empty() {
        ui.label(if state.risk.is_none() {
            "Nothing left to bargain about: nobody moves."
        } else {
            "Nobody moves in this round: no party expects to lose a challenge."
        });
    }
    if !state.moves.is_empty() {
        egui::Grid::new("simulation-moves")
            .striped(true)
            .num_columns(3)
            .show(ui, |ui| {
                ui.strong("Party");
                ui.strong("Move");
                ui.strong("Why");
                ui.end_row();
                for m in &state.moves {
                    let id = run.party(m.actor);
                    ui.horizontal(|ui| {
                        widgets::swatch(ui, widgets::party_color(project, id));
                        ui.label(widgets::party_name(project, id));
                    });
                    let kind = match m.kind {
                        MoveKind::Confrontation => "gives in",
                        MoveKind::Compromise => "compromises",
                    };
                    ui.label(format!(
                        "{kind}: {} to {}",
                        sim::number(m.from),
                        sim::number(m.to)
                    ));
                    let sentence =
                        sim::describe_move(run, m, |id| widgets::party_name(project, id));
                    ui.add(egui::Label::new(sentence).wrap());
                    ui.end_row();
                }
            });
    }
    ui.add_space(6.0);
    // Where everyone stands in this round.
    egui::Grid::new("simulation-positions")
        .striped(true)
        .num_columns(3)
        .show(ui, |ui| {
            ui.strong("Party");
            ui.strong("Start");
            ui.strong(format!("After round {round}"));
            ui.end_row();
            // A played run has at most MAX_ACTORS parties; an issue skipped for having
            // more lists that many, and says how many it leaves out.
            for (i, id) in run.parties.iter().enumerate().take(sim::MAX_ACTORS) {
                ui.horizontal(|ui| {
                    widgets::swatch(ui, widgets::party_color(project, id));
                    ui.label(widgets::party_name(project, id));
                });
                ui.label(sim::number(run.rounds[0].positions[i]));
                ui.label(sim::number(state.positions[i]));
                ui.end_row();
            }
        });
    if run.parties.len() > sim::MAX_ACTORS {
        ui.label(
            RichText::new(format!(
                "… and {} more parties.",
                run.parties.len() - sim::MAX_ACTORS
            ))
            .weak(),
        );
    }
}

/// The simulated end state beside the static predicted outcome of the analysis.
fn end_state_ui(ui: &mut Ui, shell: &mut Shell, doc: &Document, project: &Project, run: &IssueRun) {
    let snap = analysis_cache::current(shell, doc);
    let show = |v: Option<f64>| v.map_or_else(|| "none".to_owned(), sim::number);
    let last = run.rounds.len().saturating_sub(1);
    ui.strong(format!("After {last} rounds"));
    ui.label(sim::ending_sentence(run, |id| {
        widgets::party_name(project, id)
    }));
    ui.add_space(4.0);
    let stat = snap.analysis.issues.iter().find(|i| i.id == run.issue);
    let end = run.rounds.last();
    egui::Grid::new("simulation-vs-static")
        .striped(true)
        .num_columns(3)
        .show(ui, |ui| {
            ui.strong("");
            ui.strong("Static (analysis)");
            ui.strong("Simulated end");
            ui.end_row();
            ui.label("Weighted median");
            ui.label(show(stat.and_then(|s| s.weighted_median)));
            ui.label(show(end.and_then(|r| r.median)));
            ui.end_row();
            ui.label("Weighted mean");
            ui.label(show(stat.and_then(|s| s.weighted_mean)));
            ui.label(show(end.and_then(|r| r.mean)));
            ui.end_row();
            ui.label("Predicted outcome");
            ui.label(show(stat.and_then(|s| s.outcome)));
            ui.label(show(end.and_then(|r| match project.outcome {
                OutcomeMethod::Median => r.median,
                OutcomeMethod::Mean => r.mean,
            })));
            ui.end_row();
        });
    ui.label(
        RichText::new(
            "The static prediction weighs where the parties stand now; the simulation lets them \
             challenge each other first. Where the two differ, the map's stances are not at rest \
             under the model.",
        )
        .weak()
        .small(),
    );
}
