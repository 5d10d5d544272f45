//! The inspector: the right-hand panel that edits whatever is selected. Each view file
//! provides the form for its own kind of item.

use super::views::{issues, leverage, overview, parties, position_form, scenarios, timeline};
use super::{Document, Selection, Shell};
use eframe::egui;
use egui::{RichText, Ui};

pub fn ui(ui: &mut Ui, doc: &mut Document, shell: &mut Shell) {
    ui.add_space(6.0);
    ui.label(RichText::new("Inspector").heading());
    ui.separator();
    // A jump into the inspector (F6, Enter on a cell): a position's form puts the cursor in
    // its Stance field; other forms start at their first field.
    let cell = matches!(shell.selection, Some(Selection::Cell { .. }));
    let focus_stance = shell.pane.enter_inspector(ui.ctx(), !cell) && cell;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| match shell.selection.clone() {
            None => {
                ui.add_space(8.0);
                ui.label(
                    RichText::new(
                        "Select a cell of the positions grid, a party, an issue, a leverage \
                         item, an event, a source or a scenario to edit it here.",
                    )
                    .weak(),
                );
            }
            Some(Selection::Party(id)) => parties::inspector_ui(ui, doc, shell, &id),
            Some(Selection::Issue(id)) => issues::inspector_ui(ui, doc, shell, &id),
            Some(Selection::Cell { party, issue }) => {
                position_form::inspector_ui(ui, doc, shell, (&party, &issue), focus_stance);
            }
            Some(Selection::Leverage { scenario, index }) => {
                leverage::inspector_ui(ui, doc, shell, scenario.as_deref(), index);
            }
            Some(Selection::Event { scenario, index }) => {
                timeline::inspector_ui(ui, doc, shell, scenario.as_deref(), index);
            }
            Some(Selection::Source(index)) => overview::source_inspector_ui(ui, doc, shell, index),
            Some(Selection::Scenario(id)) => scenarios::inspector_ui(ui, doc, shell, &id),
        });
    shell.pane.inspector_done();
}
