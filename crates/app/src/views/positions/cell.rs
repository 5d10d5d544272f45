//! One cell of the positions grid: a 0–100 track with the stance (stronger when more
//! salient), ideal, walk-away or red line and the acceptable range, or an "add" affordance;
//! with the marks of selection, focus, a scenario's override and a comparison's change,
//! and the stance being typed into it.

use super::{ROW_HEIGHT, red};
use crate::model::Position;
use eframe::egui;
use egui::{Color32, Painter, Pos2, Rect, Sense, Stroke, Ui, Visuals, vec2};

/// What one cell shows.
pub(super) struct Cell<'a> {
    pub position: Option<&'a Position>,
    /// "Party × Issue": the cell's accessible name.
    pub label: String,
    pub color: Color32,
    pub selected: bool,
    pub overridden: bool,
    /// What a comparison found changed here (File > Compare with…).
    pub changed: Option<&'a str>,
    /// A stance being typed into the cell.
    pub typing: Option<&'a str>,
}

/// One cell: a 0–100 track with the position drawn on it, or an "add" affordance.
pub(super) fn cell_ui(ui: &mut Ui, cell: &Cell<'_>) -> egui::Response {
    let size = vec2(ui.available_width(), ROW_HEIGHT - 4.0);
    let (rect, response) = ui.allocate_exact_size(size, Sense::click());
    let label = &cell.label;
    // Screen readers (and tests) hear the stance being typed, not only see it.
    let spoken = match cell.typing {
        Some(text) => format!("{label} (typing stance {text})"),
        None => label.clone(),
    };
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &spoken));
    if !ui.is_rect_visible(rect) {
        return response;
    }
    let visuals = ui.visuals().clone();
    let painter = ui.painter_at(rect);
    paint_marks(&painter, &visuals, rect, cell, response.hovered());
    if let Some(text) = cell.typing {
        paint_typing(&painter, &visuals, rect, text);
        return response.on_hover_text("Enter sets the stance; Esc cancels");
    }
    let response = match cell.changed {
        Some(what) => response.on_hover_text(format!("Changed in the comparison: {what}")),
        None => response,
    };
    // Tab reaches the cells too: show which one Enter would open.
    if response.has_focus() {
        painter.rect_stroke(
            rect.shrink(1.0),
            4.0,
            Stroke::new(2.0, visuals.strong_text_color()),
            egui::StrokeKind::Inside,
        );
    }
    let Some(position) = cell.position else {
        let color = if response.hovered() {
            visuals.strong_text_color()
        } else {
            visuals.weak_text_color().gamma_multiply(0.7)
        };
        painter.text(
            rect.center(),
            egui::Align2::CENTER_CENTER,
            "+ add position",
            egui::FontId::proportional(12.0),
            color,
        );
        return response.on_hover_text(format!("{label}: no position. Click to add one."));
    };
    paint_position(&painter, &visuals, red(ui), rect, position, cell.color);
    response.on_hover_text(format!(
        "{label}\nstance {:.1}, ideal {:.1}{}, salience {:.2}{}",
        position.stance,
        position.ideal(),
        position
            .walk_away
            .map(|w| format!(", walk-away {w:.1}"))
            .unwrap_or_default(),
        position.salience,
        if position.red_line { ", red line" } else { "" }
    ))
}

/// The cell's background and outlines: selected or hovered, overridden by the scenario,
/// changed in a comparison.
fn paint_marks(painter: &Painter, visuals: &Visuals, rect: Rect, cell: &Cell<'_>, hovered: bool) {
    if cell.selected {
        painter.rect_filled(rect, 4.0, visuals.selection.bg_fill.gamma_multiply(0.45));
        painter.rect_stroke(
            rect.shrink(1.0),
            4.0,
            visuals.selection.stroke,
            egui::StrokeKind::Inside,
        );
    } else if hovered {
        painter.rect_filled(rect, 4.0, visuals.widgets.hovered.weak_bg_fill);
    }
    if cell.overridden {
        painter.rect_stroke(
            rect.shrink(2.0),
            4.0,
            Stroke::new(1.5, visuals.warn_fg_color),
            egui::StrokeKind::Inside,
        );
    }
    if cell.changed.is_some() {
        // Outlined, and flagged in the corner as spreadsheets flag a note, so a changed
        // cell still reads as changed when it is also the selected one.
        let mark = visuals.selection.stroke.color;
        painter.rect_stroke(
            rect.shrink(0.5),
            4.0,
            Stroke::new(1.5, mark),
            egui::StrokeKind::Inside,
        );
        let corner = rect.right_top();
        painter.add(egui::Shape::convex_polygon(
            vec![corner, corner + vec2(-12.0, 0.0), corner + vec2(0.0, 12.0)],
            mark,
            Stroke::NONE,
        ));
    }
}

/// A stance being typed: the digits so far and a text cursor after them.
fn paint_typing(painter: &Painter, visuals: &Visuals, rect: Rect, text: &str) {
    painter.rect_filled(rect.shrink(2.0), 4.0, visuals.extreme_bg_color);
    let ink = visuals.strong_text_color();
    let shown = painter.text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        format!("stance {text}"),
        egui::FontId::proportional(14.0),
        ink,
    );
    painter.line_segment(
        [
            shown.right_top() + vec2(2.0, 0.0),
            shown.right_bottom() + vec2(2.0, 0.0),
        ],
        Stroke::new(1.5, ink),
    );
}

/// The position on its track: the acceptable range, the walk-away (red and taller for a
/// red line), the ideal as a ring, the stance as a dot sized and inked by salience, and the
/// figures below.
fn paint_position(
    painter: &Painter,
    visuals: &Visuals,
    red: Color32,
    rect: Rect,
    position: &Position,
    color: Color32,
) {
    let left = rect.left() + 10.0;
    let right = rect.right() - 10.0;
    let y = rect.top() + 13.0;
    let x_of = |v: f64| left + (right - left) * (v.clamp(0.0, 100.0) as f32 / 100.0);
    // The track.
    painter.line_segment(
        [Pos2::new(left, y), Pos2::new(right, y)],
        Stroke::new(2.0, visuals.widgets.noninteractive.bg_stroke.color),
    );
    // The acceptable range.
    let (lo, hi) = position.acceptable_range();
    painter.rect_filled(
        Rect::from_min_max(Pos2::new(x_of(lo), y - 3.0), Pos2::new(x_of(hi), y + 3.0)),
        2.0,
        color.gamma_multiply(0.30),
    );
    if let Some(w) = position.walk_away {
        let (stroke, height) = if position.red_line {
            (Stroke::new(3.0, red), 9.0)
        } else {
            (Stroke::new(2.0, visuals.text_color()), 7.0)
        };
        painter.line_segment(
            [
                Pos2::new(x_of(w), y - height),
                Pos2::new(x_of(w), y + height),
            ],
            stroke,
        );
    }
    if position.ideal.is_some() {
        painter.circle_stroke(
            Pos2::new(x_of(position.ideal()), y),
            4.5,
            Stroke::new(1.5, color),
        );
    }
    let salience = position.salience.clamp(0.0, 1.0) as f32;
    painter.circle_filled(
        Pos2::new(x_of(position.stance), y),
        3.5 + 2.5 * salience,
        color.gamma_multiply(0.3 + 0.7 * salience),
    );
    let mut caption = format!("{:.0}", position.stance);
    if let Some(w) = position.walk_away {
        caption.push_str(&format!(" · walk {w:.0}"));
    }
    caption.push_str(&format!(" · s {:.1}", position.salience));
    painter.text(
        Pos2::new(rect.center().x, rect.bottom() - 3.0),
        egui::Align2::CENTER_BOTTOM,
        caption,
        egui::FontId::proportional(11.0),
        visuals.weak_text_color(),
    );
}
