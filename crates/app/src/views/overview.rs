//! The overview: what the project is about (title, summary, as-of date), how outcomes are
//! estimated, and the sources the analysis cites.

use crate::document::Document;
use crate::model::{IdKind, OutcomeMethod, Source, unique_id};
use crate::widgets::{self, Changes};
use crate::{Selection, Shell, edits, ids};
use eframe::egui;
use egui::{RichText, Ui};
use stancemap_core::words::{count, plural};

pub fn ui(ui: &mut Ui, doc: &mut Document, shell: &mut Shell) {
    widgets::heading(
        ui,
        "Overview",
        "What this negotiation map is about, and what it rests on.",
    );
    let mut project = doc.project().clone_header();
    let mut changes = Changes::default();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.set_max_width(760.0);
            egui::Grid::new("overview-form")
                .num_columns(2)
                .spacing([12.0, 8.0])
                .min_col_width(120.0)
                .show(ui, |ui| {
                    widgets::text_row(ui, &mut changes, "Title", &mut project.title);
                    let l = widgets::label(ui, "Summary");
                    let r = ui
                        .add(
                            egui::TextEdit::multiline(&mut project.summary)
                                .desired_rows(4)
                                .desired_width(f32::INFINITY),
                        )
                        .labelled_by(l.id);
                    changes.track(&r);
                    ui.end_row();
                    let l = widgets::label(ui, "As of");
                    ui.vertical(|ui| {
                        date_field(ui, &mut changes, l.id, &mut project.as_of);
                        ui.label(
                            RichText::new("The date the current stances describe (YYYY-MM-DD).")
                                .weak()
                                .small(),
                        );
                    });
                    ui.end_row();
                    let l = widgets::label(ui, "Outcome estimator");
                    ui.vertical(|ui| {
                        ui.horizontal(|ui| {
                            for (method, text) in [
                                (OutcomeMethod::Median, "Weighted median"),
                                (OutcomeMethod::Mean, "Weighted mean"),
                            ] {
                                let r = ui
                                    .radio_value(&mut project.outcome, method, text)
                                    .labelled_by(l.id);
                                changes.track(&r);
                            }
                        });
                        ui.label(
                            RichText::new(
                                "Predicted outcomes are estimates from your own scores: the stance \
                                 that parties weighted by power × salience settle on.",
                            )
                            .weak()
                            .small(),
                        );
                    });
                    ui.end_row();
                });
            if let Some(key) = changes.0 {
                doc.edit(Some(key), |p| {
                    p.title = project.title;
                    p.summary = project.summary;
                    p.as_of = project.as_of;
                    p.outcome = project.outcome;
                });
            }
            ui.add_space(12.0);
            counts(ui, doc);
            ui.add_space(12.0);
            sources_ui(ui, doc, shell);
        });
}

/// The header fields only, so the overview does not clone every list each frame.
trait Header {
    fn clone_header(&self) -> crate::model::Project;
}

impl Header for crate::model::Project {
    fn clone_header(&self) -> crate::model::Project {
        crate::model::Project {
            format: self.format,
            title: self.title.clone(),
            summary: self.summary.clone(),
            as_of: self.as_of.clone(),
            outcome: self.outcome,
            ..Default::default()
        }
    }
}

/// An optional ISO date: a text field checked as you type, plus a calendar.
pub fn date_field(ui: &mut Ui, changes: &mut Changes, label: egui::Id, value: &mut Option<String>) {
    widgets::date_input(ui, changes, label, value, false);
}

fn counts(ui: &mut Ui, doc: &Document) {
    let p = doc.project();
    ui.label(RichText::new("Contents").strong());
    ui.label(
        [
            count(p.parties.len(), "party", "parties"),
            plural(p.issues.len(), "issue"),
            plural(p.positions.len(), "position"),
            plural(p.leverage.len(), "leverage item"),
            plural(p.events.len(), "event"),
            plural(p.scenarios.len(), "scenario"),
        ]
        .join(" · "),
    );
}

fn sources_ui(ui: &mut Ui, doc: &mut Document, shell: &mut Shell) {
    ui.horizontal(|ui| {
        ui.label(RichText::new("Sources").strong());
        if ui.button("Add source").clicked() {
            let index = doc.project().sources.len();
            doc.edit(None, |p| {
                let title =
                    edits::fresh_name("New source", p.sources.iter().map(|s| s.title.as_str()));
                let id = unique_id(&title, p.sources.iter().map(|s| s.id.as_str()));
                p.sources.push(Source {
                    id,
                    title,
                    author: String::new(),
                    published: None,
                    url: None,
                });
            });
            shell.select_new(Selection::Source(index));
        }
    });
    let sources = doc.project().sources.clone();
    if sources.is_empty() {
        ui.label(RichText::new("No sources yet. Cite what your scores rest on.").weak());
    }
    let mut remove = None;
    egui::Grid::new("sources-list")
        .num_columns(3)
        .striped(true)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            for (i, source) in sources.iter().enumerate() {
                let selected = shell.selection == Some(Selection::Source(i));
                if ui.selectable_label(selected, &source.title).clicked() {
                    shell.select(Selection::Source(i));
                }
                let by = match (&source.author, &source.published) {
                    (a, Some(d)) if !a.is_empty() => format!("{a}, {d}"),
                    (a, None) => a.clone(),
                    (_, Some(d)) => d.clone(),
                };
                ui.label(RichText::new(by).weak());
                if ui
                    .button("Delete")
                    .on_hover_text(format!("Remove “{}” and its citations", source.title))
                    .clicked()
                {
                    remove = Some(i);
                }
                ui.end_row();
            }
        });
    if let Some(i) = remove {
        doc.edit(None, |p| edits::remove_source(p, i));
        shell.selection = None;
    }
}

pub fn source_inspector_ui(ui: &mut Ui, doc: &mut Document, shell: &mut Shell, index: usize) {
    let Some(mut source) = doc.project().sources.get(index).cloned() else {
        super::gone(ui, shell);
        return;
    };
    ui.label(RichText::new("Source").strong().size(16.0));
    ui.add_space(6.0);
    let mut changes = Changes::default();
    let id = source.id.clone();
    let mut new_id = None;
    egui::Grid::new("source-form")
        .num_columns(2)
        .spacing([10.0, 8.0])
        .show(ui, |ui| {
            new_id = ids::id_row(ui, IdKind::Source, &id);
            let title = widgets::text_row(ui, &mut changes, "Title", &mut source.title);
            shell.pane.focus_new_item(ui.ctx(), &title, &source.title);
            widgets::text_row(ui, &mut changes, "Author", &mut source.author);
            let l = widgets::label(ui, "Published");
            date_field(ui, &mut changes, l.id, &mut source.published);
            ui.end_row();
            let mut url = source.url.clone().unwrap_or_default();
            let mut url_changes = Changes::default();
            widgets::text_row(ui, &mut url_changes, "URL", &mut url);
            if let Some(key) = url_changes.0 {
                source.url = (!url.trim().is_empty()).then_some(url);
                changes.0.get_or_insert(key);
            }
        });
    if let Some(key) = changes.0 {
        doc.edit(Some(key), |p| {
            if let Some(x) = p.sources.get_mut(index) {
                *x = source;
            }
        });
        ids::follow_name(doc, shell, IdKind::Source, index, key);
    }
    if let Some(new) = new_id {
        ids::apply(ui.ctx(), doc, shell, IdKind::Source, &id, &new);
    }
    ui.add_space(10.0);
    if ui.button("Remove source").clicked() {
        doc.edit(None, |p| edits::remove_source(p, index));
        shell.selection = None;
    }
}
