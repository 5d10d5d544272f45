//! Long lists as rows of one height and columns of fixed widths, inside the view's scroll
//! area: only the rows and cells on screen are laid out, so a frame costs the same for 30
//! rows or 3,000.

use eframe::egui;
use egui::{Align, Layout, Rect, RichText, Sense, Ui, UiBuilder, pos2, vec2};

/// Space between columns, in points.
pub const GAP: f32 = 14.0;

/// The column titles in bold, each in its column's width.
pub fn header(ui: &mut Ui, widths: &[f32], titles: &[&str]) {
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 0.0;
        for (&width, title) in widths.iter().zip(titles) {
            cell(ui, width, |ui| {
                ui.add(egui::Label::new(RichText::new(*title).strong()).truncate());
            });
        }
    });
}

/// `count` rows of `height`, striped, drawing only those inside the clip rectangle (the
/// scroll area's viewport). `add_row` fills row `i`; a row lays out left to right, and
/// [`cell`] gives each column its width.
pub fn rows(ui: &mut Ui, height: f32, count: usize, mut add_row: impl FnMut(&mut Ui, usize)) {
    let width = ui.available_width();
    let (rect, _) = ui.allocate_exact_size(vec2(width, height * count as f32), Sense::hover());
    let visible = ui.clip_rect().intersect(rect);
    if !ui.is_rect_visible(rect) || visible.height() <= 0.0 {
        return;
    }
    let first = ((visible.top() - rect.top()) / height).floor().max(0.0) as usize;
    let end = (((visible.bottom() - rect.top()) / height).ceil().max(0.0) as usize).min(count);
    let stripe = ui.visuals().faint_bg_color;
    for i in first..end {
        let row = Rect::from_min_size(
            pos2(rect.left(), rect.top() + i as f32 * height),
            vec2(width, height),
        );
        if i % 2 == 1 {
            ui.painter().rect_filled(row, 0.0, stripe);
        }
        let mut child = ui.new_child(
            UiBuilder::new()
                .id_salt(("row", i))
                .max_rect(row)
                .layout(Layout::left_to_right(Align::Center)),
        );
        child.spacing_mut().item_spacing.x = 0.0;
        add_row(&mut child, i);
    }
}

/// A cell `width` wide (plus the gap after it) in a row or header: what does not fit is
/// clipped, and nothing is laid out when the cell is scrolled out of sight.
pub fn cell(ui: &mut Ui, width: f32, add: impl FnOnce(&mut Ui)) {
    let height = ui.available_height().max(ui.spacing().interact_size.y);
    let (rect, _) = ui.allocate_exact_size(vec2(width + GAP, height), Sense::hover());
    let inner = Rect::from_min_size(rect.min, vec2(width, height));
    if !ui.is_rect_visible(inner) {
        return;
    }
    let mut child = ui.new_child(
        UiBuilder::new()
            .max_rect(inner)
            .layout(Layout::left_to_right(Align::Center)),
    );
    // The row packs cells with no spacing; inside a cell, widgets keep the usual spacing.
    child.spacing_mut().item_spacing.x = ui.ctx().global_style().spacing.item_spacing.x;
    child.set_clip_rect(inner.intersect(ui.clip_rect()));
    add(&mut child);
}

/// The sum of the widths and gaps: how wide a row of them is.
pub fn total_width(widths: &[f32]) -> f32 {
    widths.iter().map(|w| w + GAP).sum()
}
