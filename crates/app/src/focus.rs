//! Keyboard focus between the window's panes. Tab with nothing focused starts in the view,
//! not in the menu bar above it; F6 jumps between the view and the inspector; Enter on a
//! selected grid cell puts the cursor in the inspector's Stance field, and Escape (or F6)
//! returns to the grid. A newly added item's name field takes the cursor, its placeholder
//! name selected, so typing names it.
//!
//! egui hands focus to widgets in the order they are drawn, and the menu bar is drawn first.
//! So a jump into a pane clears the focus and asks egui to give it to the next widget that
//! wants it, just before that pane draws.

use eframe::egui;
use egui::{Context, FocusDirection, Key, Rect};

/// Where keyboard focus should go next, and where the inspector was last drawn.
#[derive(Debug, Default)]
pub struct PaneFocus {
    /// Give focus to the inspector's first field when it next draws.
    to_inspector: bool,
    /// Give focus to the view's first widget when it next draws.
    to_view: bool,
    inspector_rect: Option<Rect>,
    /// An item was just added: its form's main field takes the cursor, its text selected, so
    /// typing names it at once.
    new_item: bool,
    /// A widget to focus at the start of the next frame.
    next: Option<egui::Id>,
}

impl PaneFocus {
    /// Call at the start of a frame, before the menu bar draws: a Tab that would give focus to
    /// the first menu goes to the view instead.
    pub fn begin_frame(&mut self, ctx: &Context) {
        if let Some(id) = self.next.take() {
            ctx.memory_mut(|m| m.request_focus(id));
        }
        let tab = ctx.input(|i| i.key_pressed(Key::Tab) && i.modifiers.is_none());
        if tab && ctx.memory(|m| m.focused().is_none()) {
            ctx.memory_mut(|m| m.move_focus(FocusDirection::None));
            self.to_view = true;
        }
    }

    /// F6: from the inspector back to the view, from anywhere else into the inspector.
    /// `view_has_grid`: the view is the positions grid, which takes the keys while nothing
    /// has focus, so going back to it means letting go of the focus.
    pub fn switch(&mut self, ctx: &Context, view_has_grid: bool) {
        if self.focus_in_inspector(ctx) {
            clear(ctx);
            self.to_view = !view_has_grid;
        } else {
            self.to_inspector = true;
        }
    }

    /// Ask for the inspector's first field (Enter on a grid cell).
    pub fn request_inspector(&mut self) {
        self.to_inspector = true;
    }

    /// Whether the focused widget is in the inspector.
    pub fn focus_in_inspector(&self, ctx: &Context) -> bool {
        let Some(panel) = self.inspector_rect else {
            return false;
        };
        ctx.memory(|m| m.focused())
            .and_then(|id| ctx.read_response(id))
            .is_some_and(|r| panel.contains(r.rect.center()))
    }

    /// Call just before the inspector's contents draw. Returns true when the inspector's
    /// first field should take the focus; `generic` lets egui give it to the first widget
    /// that wants it (a form that knows its main field asks for that one instead).
    pub fn enter_inspector(&mut self, ctx: &Context, generic: bool) -> bool {
        if !std::mem::take(&mut self.to_inspector) {
            return false;
        }
        clear(ctx);
        if generic {
            ctx.memory_mut(|m| m.move_focus(FocusDirection::Next));
        }
        true
    }

    /// Call after the inspector has drawn, with the rectangle of its panel.
    pub fn inspector_drawn(&mut self, rect: Rect) {
        self.inspector_rect = Some(rect);
    }

    /// An item was just added and selected.
    pub fn item_added(&mut self) {
        self.new_item = true;
    }

    /// Call with the main text field of an inspector form (a name, a title): right after the
    /// item was added, the field takes the cursor with all its `text` selected.
    pub fn focus_new_item(&mut self, ctx: &Context, field: &egui::Response, text: &str) {
        if !std::mem::take(&mut self.new_item) {
            return;
        }
        field.request_focus();
        let mut state = egui::TextEdit::load_state(ctx, field.id).unwrap_or_default();
        state
            .cursor
            .set_char_range(Some(egui::text::CCursorRange::select_all_str(text)));
        egui::TextEdit::store_state(ctx, field.id, state);
    }

    /// Focus widget `id` from the start of the next frame. A number field focused so, before
    /// it draws, comes with its text selected; focused after it drew, it would not.
    pub fn focus_next_frame(&mut self, id: egui::Id) {
        self.next = Some(id);
    }

    /// Call after the inspector has drawn its form: a new item whose form has no main field
    /// leaves no request behind for a later one.
    pub fn inspector_done(&mut self) {
        self.new_item = false;
    }

    /// Call just before the view draws.
    pub fn enter_view(&mut self, ctx: &Context) {
        if std::mem::take(&mut self.to_view) {
            ctx.memory_mut(|m| m.move_focus(FocusDirection::Next));
        }
    }
}

/// Let go of the keyboard focus, wherever it is.
fn clear(ctx: &Context) {
    ctx.memory_mut(|m| {
        if let Some(id) = m.focused() {
            m.surrender_focus(id);
        }
    });
}
