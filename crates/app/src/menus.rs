//! The frame around the views: the menu bar, the view selector (with the scenario picker)
//! and the status bar. Everything here queues commands rather than acting itself.

use super::{App, Command, Shell, ThemeChoice, ViewKind, samples};
use eframe::egui;
use egui::{Button, RichText, Ui};

/// A menu entry for `command`, with its shortcut shown; queues the command when clicked.
fn item(ui: &mut Ui, shell: &mut Shell, command: Command, enabled: bool) {
    labelled_item(ui, shell, command, None, enabled);
}

/// A menu item whose label adds what it acts on: "Undo: change stance of Russia on Kursk".
fn labelled_item(
    ui: &mut Ui,
    shell: &mut Shell,
    command: Command,
    what: Option<String>,
    enabled: bool,
) {
    let label = match what {
        Some(what) => format!("{}: {what}", command.label()),
        None => command.label(),
    };
    let mut button = Button::new(label);
    if let Some(shortcut) = command.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
    }
    if ui.add_enabled(enabled, button).clicked() {
        shell.queue(command);
    }
}

pub fn menu_bar(ui: &mut Ui, app: &mut App) {
    egui::Panel::top("menu").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                let shell = &mut app.shell;
                item(ui, shell, Command::New, true);
                item(ui, shell, Command::Open, true);
                ui.menu_button("Open sample", |ui| {
                    for (i, _) in samples::SAMPLES.iter().enumerate() {
                        item(ui, shell, Command::OpenSample(i), true);
                    }
                });
                ui.menu_button("Open recent", |ui| {
                    if app.settings.recent.is_empty() {
                        ui.weak("No recent files");
                    }
                    for path in &app.settings.recent {
                        item(ui, shell, Command::OpenPath(path.clone()), true);
                    }
                });
                ui.separator();
                item(ui, shell, Command::Save, true);
                item(ui, shell, Command::SaveAs, true);
                ui.separator();
                item(ui, shell, Command::ExportCharts, true);
                item(ui, shell, Command::ExportBriefing, true);
                item(ui, shell, Command::ExportRoleSheets, true);
                item(ui, shell, Command::ExportPositionsCsv, true);
                item(ui, shell, Command::ImportPositionsCsv, true);
                ui.separator();
                item(ui, shell, Command::CompareWith, true);
                ui.separator();
                item(ui, shell, Command::Quit, true);
            });
            ui.menu_button("Edit", |ui| {
                // The menu runs this only while it is open: the summaries cost a diff each.
                let undo = app.doc.undo_summary();
                let redo = app.doc.redo_summary();
                labelled_item(ui, &mut app.shell, Command::Undo, undo, app.doc.can_undo());
                labelled_item(ui, &mut app.shell, Command::Redo, redo, app.doc.can_redo());
            });
            ui.menu_button("View", |ui| {
                for view in ViewKind::ALL {
                    item(ui, &mut app.shell, Command::ShowView(view), true);
                }
                ui.separator();
                item(ui, &mut app.shell, Command::ZoomIn, true);
                item(ui, &mut app.shell, Command::ZoomOut, true);
                item(ui, &mut app.shell, Command::ZoomReset, true);
                ui.separator();
                ui.menu_button("Theme", |ui| {
                    for theme in ThemeChoice::ALL {
                        if ui
                            .radio(app.settings.theme == theme, theme.label())
                            .clicked()
                        {
                            app.shell.queue(Command::SetTheme(theme));
                        }
                    }
                });
                item(ui, &mut app.shell, Command::CycleTheme, true);
                ui.separator();
                item(ui, &mut app.shell, Command::PreviousEvent, true);
                item(ui, &mut app.shell, Command::NextEvent, true);
                let travelling = app.shell.as_of.is_some();
                item(ui, &mut app.shell, Command::Latest, travelling);
                item(ui, &mut app.shell, Command::Present, true);
                item(ui, &mut app.shell, Command::SwitchPane, true);
                ui.separator();
                item(ui, &mut app.shell, Command::ShowWarnings, true);
            });
            ui.menu_button("Help", |ui| {
                item(ui, &mut app.shell, Command::Guide, true);
                item(ui, &mut app.shell, Command::Keyboard, true);
                ui.separator();
                item(ui, &mut app.shell, Command::About, true);
            });
        });
    });
}

pub fn status_bar(ui: &mut Ui, app: &mut App) {
    let path = app.doc.path.as_ref().map_or_else(
        || "Not saved to a file yet".to_owned(),
        |p| p.display().to_string(),
    );
    let saved = app
        .doc
        .saved_at
        .as_ref()
        .map(|t| t.strftime("%H:%M").to_string());
    let dirty = app.doc.is_dirty();
    let count = app.warnings().len();
    egui::Panel::bottom("status").show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.label(RichText::new(path).monospace());
            ui.separator();
            let warnings = match count {
                0 => "No warnings".to_owned(),
                1 => "1 warning".to_owned(),
                n => format!("{n} warnings"),
            };
            let text = if count > 0 {
                RichText::new(warnings).color(ui.visuals().warn_fg_color)
            } else {
                RichText::new(warnings)
            };
            if ui
                .add(Button::new(text).frame(false))
                .on_hover_text("List the warnings and jump to their items (F8)")
                .clicked()
            {
                app.shell.queue(Command::ShowWarnings);
            }
            ui.separator();
            ui.label(match (&saved, dirty) {
                (Some(t), true) => format!("Last saved {t} · unsaved changes"),
                (Some(t), false) => format!("Saved {t}"),
                (None, true) => "Unsaved changes".to_owned(),
                (None, false) => "No changes".to_owned(),
            });
            if !app.status.is_empty() {
                ui.separator();
                ui.label(RichText::new(&app.status).weak());
            }
        });
    });
}

/// The left column: the active scenario, then one button per view.
pub fn view_selector(ui: &mut Ui, app: &mut App) {
    let doc = &app.doc;
    let shell = &mut app.shell;
    egui::Panel::left("views")
        .resizable(false)
        .exact_size(170.0)
        .show(ui, |ui| {
            ui.add_space(6.0);
            let l = ui.label(RichText::new("Scenario").strong());
            let scenarios: Vec<(String, String)> = doc
                .project()
                .scenarios
                .iter()
                .map(|s| (s.id.clone(), s.name.clone()))
                .collect();
            let current = shell
                .scenario
                .as_ref()
                .and_then(|id| scenarios.iter().find(|(sid, _)| sid == id))
                .map_or("Base".to_owned(), |(_, name)| name.clone());
            egui::ComboBox::from_id_salt("active-scenario")
                .width(150.0)
                .selected_text(current)
                .show_ui(ui, |ui| {
                    if ui
                        .selectable_label(shell.scenario.is_none(), "Base")
                        .clicked()
                    {
                        shell.scenario = None;
                    }
                    for (id, name) in &scenarios {
                        if ui
                            .selectable_label(shell.scenario.as_ref() == Some(id), name)
                            .clicked()
                        {
                            shell.scenario = Some(id.clone());
                        }
                    }
                })
                .response
                .labelled_by(l.id)
                .on_hover_text("The scenario every view shows and edits");
            ui.add_space(6.0);
            as_of_ui(ui, shell);
            ui.add_space(10.0);
            ui.separator();
            ui.add_space(4.0);
            for view in ViewKind::ALL {
                if view == ViewKind::FIRST_ANALYSIS {
                    ui.add_space(6.0);
                    ui.label(RichText::new("Analysis").strong());
                    ui.add_space(2.0);
                }
                let selected = shell.view == view;
                let text = RichText::new(view.label()).size(15.0);
                let response = ui
                    .add_sized(
                        [ui.available_width(), 28.0],
                        Button::selectable(selected, text),
                    )
                    .on_hover_text(format!(
                        "{} ({})",
                        view.description(),
                        Command::ShowView(view)
                            .shortcut()
                            .map(|s| ui.ctx().format_shortcut(&s))
                            .unwrap_or_default()
                    ));
                if response.clicked() {
                    shell.queue(Command::ShowView(view));
                }
            }
        });
}

/// The time-travel control: the date every view shows, stepped event by event.
fn as_of_ui(ui: &mut Ui, shell: &mut Shell) {
    let l = ui.label(RichText::new("As of").strong());
    ui.horizontal(|ui| {
        let hint = |command: Command, ui: &Ui| {
            let keys = command
                .shortcut()
                .map(|s| ui.ctx().format_shortcut(&s))
                .unwrap_or_default();
            format!("{} ({keys})", command.label())
        };
        let back = ui
            .small_button("<")
            .on_hover_text(hint(Command::PreviousEvent, ui));
        if back.clicked() {
            shell.queue(Command::PreviousEvent);
        }
        let date = shell.as_of.as_deref().unwrap_or("as written");
        ui.label(date).labelled_by(l.id).on_hover_text(
            "Time travel: every view shows the project as it stood on this date \
                 (each stance as its last shift on or before it set it)",
        );
        let forward = ui
            .small_button(">")
            .on_hover_text(hint(Command::NextEvent, ui));
        if forward.clicked() {
            shell.queue(Command::NextEvent);
        }
        if shell.as_of.is_some()
            && ui
                .small_button("Now")
                .on_hover_text(hint(Command::Latest, ui))
                .clicked()
        {
            shell.queue(Command::Latest);
        }
    });
}
