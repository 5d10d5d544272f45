//! The timeline view: the timeline chart (events, and the stance trajectories of one issue
//! the user picks), then the dated events in date order with the stance shifts they caused.
//! In a scenario, its hypothetical events appear among the base ones, marked as such.

use super::{chart, concession_matrix, rows};
use crate::charts::{Chart, ChartOptions};
use crate::document::Document;
use crate::model::{Event, EventKind, Project, Shift};
use crate::widgets::{self, Changes};
use crate::{Selection, Shell, analysis_cache, edits};
use eframe::egui;
use egui::{RichText, Ui};

const ROW_HEIGHT: f32 = 26.0;
/// The chart takes at most this share of the view's height, and never less than
/// `CHART_MIN` (a taller chart scrolls in its box); the event list gets the rest.
const CHART_SHARE: f32 = 0.55;
const CHART_MIN: f32 = 240.0;
const CHART_MAX: f32 = 620.0;

/// Date, kind, event, who, shifts: the event and who share what is left.
fn widths(available: f32) -> [f32; 5] {
    let fixed = [96.0, 110.0, 70.0];
    let text = ((available - rows::total_width(&fixed) - 2.0 * rows::GAP) / 2.0).max(160.0);
    [fixed[0], fixed[1], text * 1.2, text * 0.8, fixed[2]]
}

pub fn ui(ui: &mut Ui, doc: &mut Document, shell: &mut Shell) {
    widgets::heading(
        ui,
        "Timeline",
        "What happened when, and which stances it moved. Events are listed by date.",
    );
    let scenario = shell.scenario_index(doc.project());
    let project = doc.project();
    if let Some(s) = scenario.and_then(|i| project.scenarios.get(i)) {
        widgets::scenario_banner(
            ui,
            &s.name,
            "its hypothetical events are shown in italics; new events go into the scenario.",
        );
    }
    chart_ui(ui, doc, shell);
    let add = ui.button("Add event").clicked();
    ui.add_space(6.0);
    if let Some(selection) = list_ui(ui, doc, shell, scenario) {
        shell.select(selection);
    }
    if add {
        add_event(doc, shell, scenario);
    }
}

/// The events of the base and of the active scenario (`scenario`), in date order; returns
/// the selection of a clicked one.
fn list_ui(
    ui: &mut Ui,
    doc: &Document,
    shell: &mut Shell,
    scenario: Option<usize>,
) -> Option<Selection> {
    let order = analysis_cache::index(shell, doc);
    let project = doc.project();
    let hypothetical_events = scenario
        .and_then(|i| project.scenarios.get(i))
        .map(|s| (s.id.clone(), s.events.as_slice()));
    // The rows in date order, each with what selecting it selects.
    let row = |k: usize| -> Option<(&Event, Selection, bool)> {
        let &(hypothetical, index) = order.timeline.get(k)?;
        if hypothetical {
            let (id, events) = hypothetical_events.as_ref()?;
            let selection = Selection::Event {
                scenario: Some(id.clone()),
                index,
            };
            Some((events.get(index)?, selection, true))
        } else {
            let selection = Selection::Event {
                scenario: None,
                index,
            };
            Some((project.events.get(index)?, selection, false))
        }
    };
    if order.timeline.is_empty() {
        ui.label(RichText::new("No events yet.").weak());
        return None;
    }
    let mut clicked = None;
    let widths = widths(ui.available_width());
    rows::header(ui, &widths, &["Date", "Kind", "Event", "Who", "Shifts"]);
    egui::ScrollArea::vertical()
        .id_salt("timeline-list")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            rows::rows(ui, ROW_HEIGHT, order.timeline.len(), |ui, k| {
                let Some((event, selection, hypothetical)) = row(k) else {
                    return;
                };
                let selected = shell.selection.as_ref() == Some(&selection);
                let shown = Shown {
                    selected,
                    hypothetical,
                    later: project.as_of.as_ref().is_some_and(|d| event.date > *d),
                };
                if event_row(ui, &widths, project, event, shown) {
                    clicked = Some(selection);
                }
            });
        });
    clicked
}

/// How an event's row is drawn.
#[derive(Clone, Copy)]
struct Shown {
    selected: bool,
    /// A scenario's event (italics).
    hypothetical: bool,
    /// After the project's as-of date (its date greyed).
    later: bool,
}

/// One event's row; returns whether its title was clicked.
fn event_row(
    ui: &mut Ui,
    widths: &[f32; 5],
    project: &Project,
    event: &Event,
    shown: Shown,
) -> bool {
    let mut clicked = false;
    rows::cell(ui, widths[0], |ui| {
        let mut date = RichText::new(&event.date).monospace();
        if shown.later {
            date = date.color(ui.visuals().weak_text_color());
        }
        ui.label(date);
    });
    rows::cell(ui, widths[1], |ui| {
        ui.label(event.kind.label());
    });
    rows::cell(ui, widths[2], |ui| {
        let mut title = RichText::new(&event.title);
        if shown.hypothetical {
            title = title.italics();
        }
        clicked = ui
            .add(egui::Button::selectable(shown.selected, title).truncate())
            .on_hover_text(&event.title)
            .clicked();
    });
    rows::cell(ui, widths[3], |ui| {
        let who: Vec<String> = event
            .parties
            .iter()
            .map(|p| widgets::party_name(project, p))
            .collect();
        ui.add(egui::Label::new(who.join(", ")).truncate());
    });
    rows::cell(ui, widths[4], |ui| {
        ui.label(match event.shifts.len() {
            0 => String::new(),
            1 => "1 shift".to_owned(),
            n => format!("{n} shifts"),
        });
    });
    clicked
}

/// A new event dated the project's as-of date (or today), in the active scenario or the
/// base, selected with its title ready to type over.
fn add_event(doc: &mut Document, shell: &mut Shell, scenario: Option<usize>) {
    let date = doc
        .project()
        .as_of
        .clone()
        .unwrap_or_else(|| jiff::Zoned::now().date().to_string());
    let event = Event {
        date,
        title: "New event".into(),
        kind: EventKind::Statement,
        parties: Vec::new(),
        shifts: Vec::new(),
        notes: String::new(),
        sources: Vec::new(),
    };
    let mut index = 0;
    doc.edit(None, |p| {
        index = edits::push_to_layer(p, scenario, event, |p| &mut p.events, |s| &mut s.events);
    });
    shell.select_new(Selection::Event {
        scenario: scenario.and(shell.scenario.clone()),
        index,
    });
}

/// The timeline chart with a chooser of the issue whose stance trajectories it draws.
fn chart_ui(ui: &mut Ui, doc: &Document, shell: &mut Shell) {
    let project = doc.project();
    if project.events.is_empty() && project.issues.is_empty() {
        return;
    }
    // Measured before the header and chooser so the share is of the whole view: the list
    // of events below must stay usable however many lanes the chart has.
    let height = (ui.available_height() * CHART_SHARE).clamp(CHART_MIN, CHART_MAX);
    egui::CollapsingHeader::new(RichText::new("Chart").strong())
        .id_salt("timeline-chart")
        .default_open(true)
        .show(ui, |ui| {
            let mut issue = shell
                .analysis_view
                .trajectory_issue
                .clone()
                .filter(|id| project.issue(id).is_some());
            ui.horizontal(|ui| {
                chart::export_button(ui, shell, Chart::Timeline);
                let l = ui.label("Trajectories of");
                let text = issue
                    .as_deref()
                    .map_or("the issue with most shifts".to_owned(), |id| {
                        widgets::issue_name(project, id)
                    });
                egui::ComboBox::from_id_salt("trajectory-issue")
                    .selected_text(text)
                    .width(240.0)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut issue, None, "The issue with most shifts");
                        for i in &project.issues {
                            ui.selectable_value(&mut issue, Some(i.id.clone()), &i.name);
                        }
                    })
                    .response
                    .labelled_by(l.id);
            });
            shell.analysis_view.trajectory_issue = issue.clone();
            let options = ChartOptions {
                issue,
                rounds: Some(shell.simulation_view.rounds),
                ..ChartOptions::default()
            };
            let shown = chart::show_capped(ui, doc, shell, Chart::Timeline, &options, height);
            if let Some(selection) = shown.clicked().and_then(concession_matrix::selection_of) {
                shell.select(selection);
            }
            chart::omitted_ui(ui, &shown, "The list below has every event.");
        });
    ui.add_space(4.0);
}

pub fn inspector_ui(
    ui: &mut Ui,
    doc: &mut Document,
    shell: &mut Shell,
    scenario: Option<&str>,
    index: usize,
) {
    let event = edits::layer_item(doc.project(), scenario, index, |p| &p.events, |s| &s.events);
    let Some((scenario_index, mut event)) = event else {
        super::gone(ui, shell);
        return;
    };
    let project = doc.project();
    ui.label(RichText::new("Event").strong().size(16.0));
    if let Some(s) = scenario_index {
        ui.label(
            RichText::new(format!(
                "Hypothetical, in scenario “{}”",
                project.scenarios[s].name
            ))
            .italics(),
        );
    }
    ui.add_space(6.0);
    let mut changes = Changes::default();
    egui::Grid::new("event-form")
        .num_columns(2)
        .spacing([10.0, 8.0])
        .show(ui, |ui| {
            event_fields_ui(ui, project, shell, &mut changes, &mut event)
        });
    ui.add_space(8.0);
    let structural = shifts_ui(ui, project, &mut changes, &mut event);
    if changes.any() || structural {
        // Adding or removing a shift is its own undo step; typing continues one.
        let key = if structural { None } else { changes.0 };
        doc.edit(key, |p| {
            if let Some(x) =
                edits::layer_mut(p, scenario_index, |p| &mut p.events, |s| &mut s.events)
                    .get_mut(index)
            {
                *x = event;
            }
        });
    }
    ui.add_space(10.0);
    if ui.button("Delete event").clicked() {
        doc.edit(None, |p| {
            let list = edits::layer_mut(p, scenario_index, |p| &mut p.events, |s| &mut s.events);
            if index < list.len() {
                list.remove(index);
            }
        });
        shell.selection = None;
    }
}

/// The event's own fields: date, title, kind, who acted, notes, sources.
fn event_fields_ui(
    ui: &mut Ui,
    project: &Project,
    shell: &mut Shell,
    changes: &mut Changes,
    event: &mut Event,
) {
    let parties = widgets::party_options(project);
    let sources = widgets::source_options(project);
    let l = widgets::label(ui, "Date");
    let mut date = Some(event.date.clone());
    widgets::date_input(ui, changes, l.id, &mut date, true);
    if let Some(d) = date {
        event.date = d;
    }
    ui.end_row();
    let title = widgets::text_row(ui, changes, "Title", &mut event.title);
    shell.pane.focus_new_item(ui.ctx(), &title, &event.title);
    widgets::choice_row(
        ui,
        changes,
        "Kind",
        &mut event.kind,
        &EventKind::ALL,
        EventKind::label,
    );
    widgets::id_set_row(
        ui,
        changes,
        "Who acted",
        &mut event.parties,
        &parties,
        "No parties yet",
    );
    widgets::multiline_row(ui, changes, "Notes", &mut event.notes);
    widgets::id_set_row(
        ui,
        changes,
        "Sources",
        &mut event.sources,
        &sources,
        "No sources yet (add them in Overview)",
    );
}

/// The stance shifts the event caused, each editable and removable, and Add shift.
/// Returns whether a shift was added or removed.
fn shifts_ui(ui: &mut Ui, project: &Project, changes: &mut Changes, event: &mut Event) -> bool {
    let parties = widgets::party_options(project);
    let issues = widgets::issue_options(project);
    ui.label(RichText::new("Stance shifts").strong());
    ui.label(RichText::new("The stance a party took on an issue at this date.").weak());
    let mut remove = None;
    for (i, shift) in event.shifts.iter_mut().enumerate() {
        ui.push_id(("shift", i), |ui| {
            egui::Grid::new("shift")
                .num_columns(2)
                .spacing([10.0, 4.0])
                .show(ui, |ui| {
                    widgets::id_choice_row(ui, changes, "Party", &mut shift.party, &parties);
                    widgets::id_choice_row(ui, changes, "Issue", &mut shift.issue, &issues);
                    widgets::number_row(ui, changes, "Stance", &mut shift.stance, 0.0..=100.0);
                });
            if ui.button("Remove shift").clicked() {
                remove = Some(i);
            }
            ui.separator();
        });
    }
    let mut structural = false;
    if let Some(i) = remove {
        event.shifts.remove(i);
        structural = true;
    }
    if let (Some(party), Some(issue)) = (parties.first(), issues.first())
        && ui.button("Add shift").clicked()
    {
        let stance = project
            .position(&party.0, &issue.0)
            .map_or(50.0, |p| p.stance);
        event.shifts.push(Shift {
            party: party.0.clone(),
            issue: issue.0.clone(),
            stance,
        });
        structural = true;
    }
    structural
}
