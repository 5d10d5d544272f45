//! Presentation mode (F5, View > Present): full screen, large type and no editing chrome. The
//! arrow keys step through the timeline's events in date order; each step shows the current
//! view as of the event's date under a card that says what happened and what it changed
//! since the previous step. Esc leaves and puts back the date and zoom the user had.

use crate::model::{Event, Project, View};
use crate::{App, Shell};
use eframe::egui;
use egui::{Color32, Key, RichText, TextStyle, ViewportCommand};

/// How much larger everything is drawn while presenting.
const ZOOM: f32 = 1.5;

/// The smallest text while presenting, in points before the zoom: 12 x 1.5 = 18 px on a
/// 1920 x 1080 screen at 100 % scaling.
const SMALLEST_TEXT: f32 = 12.0;

pub struct Presentation {
    /// The event shown, as an index into the events in date order.
    pub step: usize,
    /// The time-travel date before presenting, put back on leaving.
    saved_as_of: Option<String>,
}

/// One line of an event card: a shift, with the stance it replaced.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub party: String,
    pub issue: String,
    /// The stance before this event (None: the party had no position yet).
    pub from: Option<f64>,
    pub to: f64,
}

/// The events of `view` in date order (stable for equal dates).
fn events(view: &View) -> Vec<&Event> {
    view.sorted_events().into_iter().map(|(e, _)| e).collect()
}

/// What event `step` (in date order) changed: each of its shifts with the stance before it,
/// from the previous shift of that trajectory (none before: the party takes a position).
pub fn changes(view: &View, step: usize) -> Vec<Change> {
    let events = events(view);
    let Some(event) = events.get(step) else {
        return Vec::new();
    };
    event
        .shifts
        .iter()
        .map(|shift| {
            let earlier = events[..step]
                .iter()
                .rev()
                .flat_map(|e| e.shifts.iter().rev())
                .find(|s| s.party == shift.party && s.issue == shift.issue);
            Change {
                party: name_of_party(&view.project, &shift.party),
                issue: name_of_issue(&view.project, &shift.issue),
                from: earlier.map(|s| s.stance),
                to: shift.stance,
            }
        })
        .collect()
}

fn name_of_party(project: &Project, id: &str) -> String {
    project.party(id).map_or(id, |p| p.name.as_str()).to_owned()
}

fn name_of_issue(project: &Project, id: &str) -> String {
    project.issue(id).map_or(id, |i| i.name.as_str()).to_owned()
}

impl App {
    /// Enter presentation mode at the first event (or leave it, when presenting).
    pub(crate) fn toggle_presentation(&mut self, ctx: &egui::Context) {
        if self.presenting.is_some() {
            self.leave_presentation(ctx);
            return;
        }
        self.presenting = Some(Presentation {
            step: 0,
            saved_as_of: self.shell.as_of.clone(),
        });
        ctx.send_viewport_cmd(ViewportCommand::Fullscreen(true));
        ctx.set_zoom_factor(self.settings.zoom * ZOOM);
        show_step(&mut self.shell, &self.doc, 0);
    }

    pub(crate) fn leave_presentation(&mut self, ctx: &egui::Context) {
        if let Some(p) = self.presenting.take() {
            self.shell.as_of = p.saved_as_of;
        }
        ctx.send_viewport_cmd(ViewportCommand::Fullscreen(false));
        ctx.set_zoom_factor(self.settings.zoom);
    }
}

/// Set the time-travel date to the date of event `step` of the active scenario.
fn show_step(shell: &mut Shell, doc: &crate::Document, step: usize) {
    if let Ok(view) = doc.project().resolve(shell.scenario.as_deref()) {
        shell.as_of = events(&view).get(step).map(|e| e.date.clone());
    }
}

/// The whole window while presenting: the card, then the view.
pub fn ui(ui: &mut egui::Ui, app: &mut App) {
    let ctx = ui.ctx().clone();
    let Some(presentation) = &mut app.presenting else {
        return;
    };
    let Ok(written) = app.doc.project().resolve(app.shell.scenario.as_deref()) else {
        return;
    };
    let count = events(&written).len();
    let (back, forward, leave) = ctx.input_mut(|i| {
        (
            i.consume_key(egui::Modifiers::NONE, Key::ArrowLeft),
            i.consume_key(egui::Modifiers::NONE, Key::ArrowRight),
            i.consume_key(egui::Modifiers::NONE, Key::Escape),
        )
    });
    if forward && presentation.step + 1 < count {
        presentation.step += 1;
    }
    if back {
        presentation.step = presentation.step.saturating_sub(1);
    }
    let step = presentation.step;
    if back || forward {
        show_step(&mut app.shell, &app.doc, step);
    }
    if leave {
        app.leave_presentation(&ctx);
        return;
    }
    large_type(ui.style_mut());
    egui::Panel::top("present-card").show(ui, |ui| {
        large_type(ui.style_mut());
        card_ui(ui, &written, step, count);
    });
    egui::CentralPanel::default().show(ui, |ui| {
        large_type(ui.style_mut());
        let view = app.shell.view;
        view.ui(ui, &mut app.doc, &mut app.shell);
    });
}

/// Every text style at least `SMALLEST_TEXT` points, headings larger.
fn large_type(style: &mut egui::Style) {
    for (text_style, font) in style.text_styles.iter_mut() {
        let size = match text_style {
            TextStyle::Heading => 22.0,
            TextStyle::Body | TextStyle::Button => 15.0,
            _ => SMALLEST_TEXT,
        };
        font.size = font.size.max(size);
    }
}

/// The event card: step, date, title, who acted, and each stance it changed.
fn card_ui(ui: &mut egui::Ui, view: &View, step: usize, count: usize) {
    ui.add_space(6.0);
    let Some(event) = events(view).get(step).copied() else {
        ui.heading(format!(
            "{}: no events on the timeline to present (Esc to leave)",
            view.project.title
        ));
        return;
    };
    ui.horizontal(|ui| {
        ui.label(RichText::new(&event.date).heading().strong());
        ui.label(RichText::new(&event.title).heading());
    });
    let mut line = format!("Event {} of {count} · {:?}", step + 1, event.kind);
    if !event.parties.is_empty() {
        let names: Vec<String> = event
            .parties
            .iter()
            .map(|id| name_of_party(&view.project, id))
            .collect();
        line.push_str(&format!(" · acted: {}", names.join(", ")));
    }
    ui.label(line);
    let accent = if ui.visuals().dark_mode {
        Color32::from_rgb(255, 200, 90)
    } else {
        Color32::from_rgb(170, 60, 0)
    };
    for change in changes(view, step) {
        let moved = match change.from {
            Some(from) => format!("moves from {from:.0} to {:.0}", change.to),
            None => format!("takes a position at {:.0}", change.to),
        };
        ui.label(
            RichText::new(format!("{} on {}: {moved}", change.party, change.issue))
                .color(accent)
                .strong(),
        );
    }
    ui.label(
        RichText::new("Left and Right arrow keys step through the events · Esc leaves").weak(),
    );
    ui.add_space(6.0);
}
