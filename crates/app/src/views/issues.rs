//! The issues view: the dimensions negotiated, each a 0–100 scale with named ends and marks.
//! The selected issue is edited in the inspector.

use super::rows;
use crate::document::Document;
use crate::model::{IdKind, Mark};
use crate::widgets::{self, Changes};
use crate::{Command, Selection, Shell, analysis_cache, edits, ids};
use eframe::egui;
use egui::{RichText, Ui};

/// Issue, 0 means, 100 means, positions, buttons: the text columns share what is left.
fn widths(available: f32) -> [f32; 5] {
    let fixed = [80.0, 190.0];
    let text = ((available - rows::total_width(&fixed) - 3.0 * rows::GAP) / 3.0).max(110.0);
    [text * 1.2, text * 0.9, text * 0.9, fixed[0], fixed[1]]
}
const ROW_HEIGHT: f32 = 28.0;

pub fn ui(ui: &mut Ui, doc: &mut Document, shell: &mut Shell) {
    widgets::heading(
        ui,
        "Issues",
        "Each issue is a scale from 0 to 100; name what each end means so every score reads plainly.",
    );
    if ui.button("Add issue").clicked() {
        let mut id = String::new();
        doc.edit(None, |p| {
            let name = edits::fresh_name("New issue", p.issues.iter().map(|x| x.name.as_str()));
            id = edits::add_issue(p, &name);
        });
        shell.select_new(Selection::Issue(id));
    }
    ui.add_space(6.0);
    let index = analysis_cache::index(shell, doc);
    let project = doc.project();
    let count = project.issues.len();
    let mut swap: Option<(usize, usize)> = None;
    let mut select = None;
    let mut delete = None;
    if count == 0 {
        ui.label(RichText::new("No issues yet. Add what is being negotiated.").weak());
        return;
    }
    let widths = widths(ui.available_width());
    rows::header(
        ui,
        &widths,
        &["Issue", "0 means", "100 means", "Positions", ""],
    );
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            rows::rows(ui, ROW_HEIGHT, count, |ui, index_in_list| {
                let Some(issue) = project.issues.get(index_in_list) else {
                    return;
                };
                rows::cell(ui, widths[0], |ui| {
                    let selected = shell.selection == Some(Selection::Issue(issue.id.clone()));
                    let r = ui.add(egui::Button::selectable(selected, &issue.name).truncate());
                    if r.clicked() {
                        select = Some(issue.id.clone());
                    }
                });
                rows::cell(ui, widths[1], |ui| {
                    ui.add(egui::Label::new(&issue.low).truncate());
                });
                rows::cell(ui, widths[2], |ui| {
                    ui.add(egui::Label::new(&issue.high).truncate());
                });
                rows::cell(ui, widths[3], |ui| {
                    let n = index.issue_positions.get(index_in_list).copied();
                    ui.label(format!("{} of {}", n.unwrap_or(0), project.parties.len()));
                });
                rows::cell(ui, widths[4], |ui| {
                    let i = index_in_list;
                    if ui
                        .add_enabled(i > 0, egui::Button::new("Up"))
                        .on_hover_text(format!("Move {} up", issue.name))
                        .clicked()
                    {
                        swap = Some((i, i - 1));
                    }
                    if ui
                        .add_enabled(i + 1 < count, egui::Button::new("Down"))
                        .on_hover_text(format!("Move {} down", issue.name))
                        .clicked()
                    {
                        swap = Some((i, i + 1));
                    }
                    if ui
                        .button("Delete")
                        .on_hover_text(format!("Delete {}", issue.name))
                        .clicked()
                    {
                        delete = Some(issue.id.clone());
                    }
                });
            });
        });
    if let Some(id) = select {
        shell.select(Selection::Issue(id));
    }
    if let Some(id) = delete {
        shell.queue(Command::DeleteIssue(id));
    }
    if let Some((a, b)) = swap {
        doc.edit(None, |p| {
            if a < p.issues.len() && b < p.issues.len() {
                p.issues.swap(a, b);
            }
        });
    }
}

pub fn inspector_ui(ui: &mut Ui, doc: &mut Document, shell: &mut Shell, id: &str) {
    let Some(index) = doc.project().issues.iter().position(|i| i.id == id) else {
        super::gone(ui, shell);
        return;
    };
    let mut issue = doc.project().issues[index].clone();
    ui.label(RichText::new(&issue.name).strong().size(16.0));
    ui.add_space(6.0);
    let mut changes = Changes::default();
    let mut new_id = None;
    egui::Grid::new("issue-form")
        .num_columns(2)
        .spacing([10.0, 8.0])
        .show(ui, |ui| {
            new_id = ids::id_row(ui, IdKind::Issue, id);
            let name = widgets::text_row(ui, &mut changes, "Name", &mut issue.name);
            shell.pane.focus_new_item(ui.ctx(), &name, &issue.name);
            widgets::text_row_hint(
                ui,
                &mut changes,
                "0 means",
                &mut issue.low,
                "what the low end stands for, e.g. No ceasefire",
            );
            widgets::text_row_hint(
                ui,
                &mut changes,
                "100 means",
                &mut issue.high,
                "what the high end stands for, e.g. Full ceasefire",
            );
            widgets::multiline_row(ui, &mut changes, "Notes", &mut issue.notes);
        });
    ui.add_space(8.0);
    ui.label(RichText::new("Marks").strong());
    ui.label(RichText::new("Named points on the scale, e.g. a proposal on the table.").weak());
    let mut remove = None;
    for (i, mark) in issue.marks.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            let r = ui
                .add(
                    egui::DragValue::new(&mut mark.at)
                        .range(0.0..=100.0)
                        .fixed_decimals(0),
                )
                .on_hover_text("Where on the 0–100 scale");
            changes.track(&r);
            let r = ui.add(
                egui::TextEdit::singleline(&mut mark.label)
                    .hint_text("Mark label")
                    .desired_width(160.0),
            );
            changes.track(&r);
            if ui
                .button("Delete")
                .on_hover_text("Remove this mark")
                .clicked()
            {
                remove = Some(i);
            }
        });
    }
    let mut structural = false;
    if let Some(i) = remove {
        issue.marks.remove(i);
        structural = true;
    }
    if ui.button("Add mark").clicked() {
        issue.marks.push(Mark {
            at: 50.0,
            label: "Midpoint".into(),
        });
        structural = true;
    }
    if changes.any() || structural {
        let key = if structural { None } else { changes.0 };
        doc.edit(key, |p| {
            if let Some(x) = p.issues.get_mut(index) {
                *x = issue;
            }
        });
        if let Some(key) = key {
            ids::follow_name(doc, shell, IdKind::Issue, index, key);
        }
    }
    if let Some(new) = new_id {
        ids::apply(ui.ctx(), doc, shell, IdKind::Issue, id, &new);
    }
    ui.add_space(10.0);
    if ui.button("Delete issue…").clicked() {
        shell.queue(Command::DeleteIssue(id.to_owned()));
    }
}
