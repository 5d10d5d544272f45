//! Small form helpers shared by the views and the inspector: labelled fields whose labels are
//! also their accessible names (so screen readers and UI tests find them), and the tracking
//! of which field changed, which becomes the undo group key.

use super::document::EditKey;
use crate::model::Project;
use eframe::egui;
use egui::{Color32, Response, RichText, Ui};
use std::ops::RangeInclusive;

/// Remembers the first field that changed this frame.
#[derive(Default)]
pub struct Changes(pub Option<EditKey>);

impl Changes {
    pub fn track(&mut self, response: &Response) {
        if response.changed() && self.0.is_none() {
            self.0 = Some(response.id);
        }
    }

    pub fn any(&self) -> bool {
        self.0.is_some()
    }
}

/// A label in the first column of a form grid.
pub fn label(ui: &mut Ui, text: &str) -> Response {
    ui.label(RichText::new(text).strong())
}

/// A labelled single-line text field.
pub fn text_row(ui: &mut Ui, changes: &mut Changes, name: &str, value: &mut String) -> Response {
    text_row_hint(ui, changes, name, value, "")
}

/// A labelled single-line text field showing `hint` while empty: an example to follow, not
/// text to select and type over.
pub fn text_row_hint(
    ui: &mut Ui,
    changes: &mut Changes,
    name: &str,
    value: &mut String,
    hint: &str,
) -> Response {
    let l = label(ui, name);
    let r = ui
        .add(
            egui::TextEdit::singleline(value)
                .hint_text(hint)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(l.id);
    changes.track(&r);
    ui.end_row();
    r
}

/// A labelled multi-line text field.
pub fn multiline_row(ui: &mut Ui, changes: &mut Changes, name: &str, value: &mut String) {
    let l = label(ui, name);
    let r = ui
        .add(
            egui::TextEdit::multiline(value)
                .desired_rows(3)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(l.id);
    changes.track(&r);
    ui.end_row();
}

/// A slider with a numeric entry beside it, both named `name`. Returns the entry's response.
pub fn number(
    ui: &mut Ui,
    changes: &mut Changes,
    name: &str,
    label_id: egui::Id,
    value: &mut f64,
    range: RangeInclusive<f64>,
) -> Response {
    let decimals = if *range.end() > 1.0 { 1 } else { 2 };
    let speed = (*range.end() - *range.start()) / 200.0;
    ui.horizontal(|ui| {
        let slider = ui
            .add(
                egui::Slider::new(value, range.clone())
                    .show_value(false)
                    .clamping(egui::SliderClamping::Always),
            )
            .labelled_by(label_id)
            .on_hover_text(name);
        changes.track(&slider);
        let entry = ui
            .add(
                egui::DragValue::new(value)
                    .range(range)
                    .speed(speed)
                    .fixed_decimals(decimals),
            )
            .labelled_by(label_id);
        changes.track(&entry);
        entry
    })
    .inner
}

/// A number that may be absent, typed as text: blank means none. Text that is not a number in
/// `range` leaves the value as it was and shows red until it is fixed.
pub fn optional_number(
    ui: &mut Ui,
    changes: &mut Changes,
    label_id: egui::Id,
    value: &mut Option<f64>,
    range: RangeInclusive<f64>,
    hint: &str,
) {
    let id = label_id.with("optional-number");
    let shown = |v: Option<f64>| v.map_or_else(String::new, |v| format!("{v}"));
    // The text being typed, and the value it was last in step with: an undo or another
    // view changing the value replaces the text.
    let (mut synced, mut text) = ui
        .data(|d| d.get_temp::<(Option<f64>, String)>(id))
        .unwrap_or_else(|| (*value, shown(*value)));
    if synced != *value {
        (synced, text) = (*value, shown(*value));
    }
    // Some(value) for text that reads as one; None for text that does not.
    let parse = |text: &str| match text.trim() {
        "" => Some(None),
        t => t
            .parse::<f64>()
            .ok()
            .filter(|v| range.contains(v))
            .map(Some),
    };
    let parsed = parse(&text);
    let mut edit = egui::TextEdit::singleline(&mut text)
        .hint_text(hint)
        .desired_width(72.0);
    if parsed.is_none() {
        edit = edit.text_color(ui.visuals().error_fg_color);
    }
    let r = ui.add(edit).labelled_by(label_id).on_hover_text(format!(
        "{hint}: a number from {} to {}, or blank for none",
        range.start(),
        range.end()
    ));
    if r.changed()
        && let Some(now) = parse(&text)
        && now != *value
    {
        *value = now;
        synced = now;
        changes.track(&r);
    }
    if r.lost_focus() && parse(&text).is_none() {
        // Leaving a field with text that is not a value: show the value it still holds.
        text = shown(*value);
    }
    ui.data_mut(|d| d.insert_temp(id, (synced, text)));
}

/// A labelled slider + numeric entry row. Returns the entry's response.
pub fn number_row(
    ui: &mut Ui,
    changes: &mut Changes,
    name: &str,
    value: &mut f64,
    range: RangeInclusive<f64>,
) -> Response {
    let l = label(ui, name);
    let entry = number(ui, changes, name, l.id, value, range);
    ui.end_row();
    entry
}

/// A labelled combo box over the `options`.
pub fn choice_row<T: Copy + PartialEq>(
    ui: &mut Ui,
    changes: &mut Changes,
    name: &str,
    value: &mut T,
    options: &[T],
    label_of: impl Fn(T) -> &'static str,
) {
    let l = label(ui, name);
    let r = choice(ui, name, value, options, label_of).labelled_by(l.id);
    changes.track(&r);
    ui.end_row();
}

/// A combo box; its response is `changed` when a new option was picked.
pub fn choice<T: Copy + PartialEq>(
    ui: &mut Ui,
    id_salt: &str,
    value: &mut T,
    options: &[T],
    label_of: impl Fn(T) -> &'static str,
) -> Response {
    let mut changed = false;
    let inner = egui::ComboBox::from_id_salt(id_salt)
        .selected_text(label_of(*value))
        .show_ui(ui, |ui| {
            for option in options {
                if ui
                    .selectable_label(*value == *option, label_of(*option))
                    .clicked()
                    && *value != *option
                {
                    *value = *option;
                    changed = true;
                }
            }
        });
    let mut response = inner.response;
    if changed {
        response.mark_changed();
    }
    response
}

/// A labelled combo box choosing one id among `options` (id, display name).
pub fn id_choice_row(
    ui: &mut Ui,
    changes: &mut Changes,
    name: &str,
    value: &mut String,
    options: &[(String, String)],
) {
    let l = label(ui, name);
    let current = options
        .iter()
        .find(|(id, _)| id == value)
        .map_or_else(|| value.clone(), |(_, display)| display.clone());
    let mut changed = false;
    let inner = egui::ComboBox::from_id_salt(name)
        .selected_text(current)
        .show_ui(ui, |ui| {
            for (id, display) in options {
                if ui.selectable_label(value == id, display).clicked() && value != id {
                    *value = id.clone();
                    changed = true;
                }
            }
        });
    let mut response = inner.response.labelled_by(l.id);
    if changed {
        response.mark_changed();
    }
    changes.track(&response);
    ui.end_row();
}

/// Checkboxes for a set of ids picked from `options` (id, display name).
pub fn id_set_row(
    ui: &mut Ui,
    changes: &mut Changes,
    name: &str,
    selected: &mut Vec<String>,
    options: &[(String, String)],
    empty_note: &str,
) {
    let l = label(ui, name);
    ui.vertical(|ui| {
        if options.is_empty() {
            ui.weak(empty_note);
        }
        for (id, display) in options {
            let mut on = selected.contains(id);
            let r = ui.checkbox(&mut on, display.as_str());
            if r.changed() {
                if on {
                    selected.push(id.clone());
                } else {
                    selected.retain(|s| s != id);
                }
                changes.track(&r);
            }
        }
    })
    .response
    .labelled_by(l.id);
    ui.end_row();
}

/// The sources of a project as (id, display) options.
pub fn source_options(project: &Project) -> Vec<(String, String)> {
    project
        .sources
        .iter()
        .map(|s| (s.id.clone(), s.title.clone()))
        .collect()
}

/// The parties of a project as (id, name) options.
pub fn party_options(project: &Project) -> Vec<(String, String)> {
    project
        .parties
        .iter()
        .map(|p| (p.id.clone(), p.name.clone()))
        .collect()
}

/// The issues of a project as (id, name) options.
pub fn issue_options(project: &Project) -> Vec<(String, String)> {
    project
        .issues
        .iter()
        .map(|i| (i.id.clone(), i.name.clone()))
        .collect()
}

/// A party's colour as egui colour.
pub fn party_color(project: &Project, id: &str) -> Color32 {
    hex_color(project.party_color(id))
}

/// The colour of the party at `index` of the list (for loops over every party: no search).
pub fn party_color_at(project: &Project, index: usize) -> Color32 {
    hex_color(project.party_color_at(index))
}

pub fn hex_color(text: &str) -> Color32 {
    match crate::model::parse_color(text) {
        Some([r, g, b]) => Color32::from_rgb(r, g, b),
        None => Color32::GRAY,
    }
}

/// A party's name, or its id when the party is missing.
pub fn party_name(project: &Project, id: &str) -> String {
    project
        .party(id)
        .map_or_else(|| id.to_owned(), |p| p.name.clone())
}

pub fn issue_name(project: &Project, id: &str) -> String {
    project
        .issue(id)
        .map_or_else(|| id.to_owned(), |i| i.name.clone())
}

/// A view heading with a one-line explanation under it.
pub fn heading(ui: &mut Ui, title: &str, explanation: &str) {
    ui.heading(title);
    ui.label(RichText::new(explanation).weak());
    ui.add_space(6.0);
}

/// A small coloured swatch for a party.
pub fn swatch(ui: &mut Ui, color: Color32) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
    ui.painter().rect_filled(rect, 3.0, color);
}

/// The banner shown above views while a scenario is active.
pub fn scenario_banner(ui: &mut Ui, name: &str, what: &str) {
    egui::Frame::new()
        .fill(ui.visuals().selection.bg_fill.gamma_multiply(0.25))
        .corner_radius(4.0)
        .inner_margin(6.0)
        .show(ui, |ui| {
            ui.label(format!("Scenario “{name}”: {what}"));
        });
    ui.add_space(4.0);
}

/// An ISO date field with a calendar button. What is typed is kept as a draft while the
/// field has focus and reaches the project only once it is a valid date (or empty, when
/// `required` is false), so the file never holds a half-typed date.
pub fn date_input(
    ui: &mut Ui,
    changes: &mut Changes,
    label_id: egui::Id,
    value: &mut Option<String>,
    required: bool,
) {
    let draft_id = label_id.with("date-draft");
    ui.horizontal(|ui| {
        let mut draft: String = ui
            .data(|d| d.get_temp::<String>(draft_id))
            .unwrap_or_else(|| value.clone().unwrap_or_default());
        let valid = crate::model::parse_date(&draft).is_some() || (!required && draft.is_empty());
        let r = ui
            .add(
                egui::TextEdit::singleline(&mut draft)
                    .hint_text("YYYY-MM-DD")
                    .desired_width(100.0)
                    .text_color_opt((!valid).then(|| ui.visuals().error_fg_color)),
            )
            .labelled_by(label_id);
        if r.changed() {
            let valid =
                crate::model::parse_date(&draft).is_some() || (!required && draft.is_empty());
            if valid {
                *value = (!draft.is_empty()).then(|| draft.clone());
                changes.track(&r);
            }
            ui.data_mut(|d| d.insert_temp(draft_id, draft.clone()));
        } else if !r.has_focus() {
            ui.data_mut(|d| d.remove::<String>(draft_id));
        }
        let mut date = value
            .as_deref()
            .and_then(crate::model::parse_date)
            .unwrap_or_else(|| jiff::Zoned::now().date());
        let salt = format!("date-picker-{label_id:?}");
        let picker = ui
            .add(
                egui_extras::DatePickerButton::new(&mut date)
                    .id_salt(&salt)
                    .calendar_week(false)
                    .show_icon(false),
            )
            .on_hover_text("Pick the date from a calendar");
        if picker.changed() {
            *value = Some(date.to_string());
            changes.track(&picker);
        }
        if !valid {
            ui.label(
                RichText::new("Use YYYY-MM-DD, a real date")
                    .color(ui.visuals().error_fg_color)
                    .small(),
            );
        }
    });
}

/// A 0..1 value as its number over a thin bar.
pub fn meter(ui: &mut Ui, value: f64, width: f32) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(width, 22.0), egui::Sense::hover());
    let v = value.clamp(0.0, 1.0) as f32;
    let visuals = ui.visuals();
    let track = egui::Rect::from_min_size(
        egui::pos2(rect.left(), rect.bottom() - 4.0),
        egui::vec2(rect.width(), 3.0),
    );
    ui.painter()
        .rect_filled(track, 1.5, visuals.widgets.noninteractive.bg_stroke.color);
    let mut filled = track;
    filled.set_width(track.width() * v);
    ui.painter()
        .rect_filled(filled, 1.5, visuals.selection.stroke.color);
    ui.painter().text(
        egui::pos2(rect.left(), rect.top() + 1.0),
        egui::Align2::LEFT_TOP,
        format!("{value:.2}"),
        egui::FontId::proportional(13.0),
        visuals.text_color(),
    );
}
