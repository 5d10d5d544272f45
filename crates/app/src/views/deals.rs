//! The Deals view: could every Principal sign one package (a point on every issue, traded
//! across issues, red lines kept)? The verdict in a sentence; per Principal its best among
//! packages the others accept, its value of the Nash package and of the predicted outcome
//! (each with Explain: the terms of its value); the Nash package beside the predicted
//! outcome and the ZOPA; what it would take when there is no deal; and the deal-space chart.
//! The figures come from a worker thread (`deals_cache`); meanwhile the view says so.

use super::{analysis, chart, rows};
use crate::Shell;
use crate::analysis::{DealParty, Deals, aimed_at};
use crate::analysis_cache;
use crate::charts::{Chart, ChartOptions};
use crate::deals_cache::{DealResult, DealState};
use crate::document::Document;
use crate::model::Project;
use crate::widgets;
use eframe::egui;
use egui::{RichText, Ui};
use std::sync::Arc;

/// Which package an Explain shows the value of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Package {
    /// The best one for the Principal that every other accepts.
    Best,
    Nash,
    Outcome,
}

impl Package {
    fn label(self) -> &'static str {
        match self {
            Package::Best => "the best package the others accept",
            Package::Nash => "the Nash package",
            Package::Outcome => "the predicted outcome",
        }
    }
}

const ROW_HEIGHT: f32 = 26.0;

/// Said under the verdict: what the values mean.
const VALUES_NOTE: &str = "A package's value to a Principal: 1 = its ideal on every issue it \
     weighs, 0 = on balance exactly at its walk-aways, below 0 = worse (it would not sign). \
     Each issue counts by the Principal's salience.";

pub fn ui(ui: &mut Ui, doc: &mut Document, shell: &mut Shell) {
    widgets::heading(
        ui,
        "Deals",
        "Could every Principal sign one package? A package is a point on every issue; parties trade ground on issues they care less about, and red lines are hard limits.",
    );
    let scenario = shell.scenario.clone();
    if let Some(s) = scenario
        .as_deref()
        .and_then(|id| doc.project().scenario(id))
    {
        widgets::scenario_banner(ui, &s.name, "the deal figures are of the scenario.");
    }
    let result = match shell
        .deals
        .get(ui.ctx(), doc, scenario.as_deref(), shell.as_of.as_deref())
    {
        DealState::Computing => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label("Computing the deal figures…");
            });
            return;
        }
        DealState::Missing(why) => {
            ui.label(RichText::new(format!("No deal figures: {why}.")).weak());
            return;
        }
        DealState::Ready(result) => result,
    };
    let snap = analysis_cache::current(shell, doc);
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            body(ui, doc, shell, &result, &snap.analysis);
        });
}

fn body(
    ui: &mut Ui,
    doc: &Document,
    shell: &mut Shell,
    result: &Arc<DealResult>,
    figures: &crate::analysis::Analysis,
) {
    let deals = &result.deals;
    let project = &result.view.project;
    let verdict = RichText::new(deals.verdict()).strong().size(17.0);
    ui.label(if deals.feasible {
        verdict
    } else {
        verdict.color(ui.visuals().error_fg_color)
    });
    if let Some(test) = deals.outcome_verdict() {
        ui.label(format!(
            "The predicted outcome, taken as one package: {test}."
        ));
    }
    for note in &deals.notes {
        ui.label(RichText::new(format!("Note: {note}.")).weak());
    }
    if deals.principals.is_empty() {
        return;
    }
    ui.add_space(6.0);
    ui.label(RichText::new(VALUES_NOTE).weak());
    ui.label(RichText::new(analysis::ESTIMATE_NOTE).italics().weak());
    ui.add_space(8.0);
    principals_ui(ui, shell, deals);
    if let Some(m) = deals.maxmin {
        ui.label(format!(
            "Common floor (maxmin): {m:.3}, the most every Principal can be given at once."
        ));
    }
    explain_ui(ui, shell, deals);
    if !deals.feasible {
        ui.add_space(12.0);
        what_it_would_take(ui, project, deals);
    }
    ui.add_space(12.0);
    packages_ui(ui, project, deals, figures);
    ui.add_space(12.0);
    space_ui(ui, doc, shell, result);
}

fn principals_ui(ui: &mut Ui, shell: &mut Shell, deals: &Deals) {
    let widths = [200.0, 60.0, 130.0, 90.0, 260.0];
    rows::header(
        ui,
        &widths,
        &[
            "Principal",
            "Power",
            "Best it can get",
            "Nash",
            "Predicted outcome",
        ],
    );
    rows::rows(ui, ROW_HEIGHT, deals.principals.len(), |ui, p| {
        let Some(party) = deals.principals.get(p) else {
            return;
        };
        let best = deals.best_for.0.get(p).and_then(|(_, v)| *v);
        let nash = deals
            .nash
            .as_ref()
            .and_then(|n| n.values.get(&party.id).copied());
        let outcome = deals.outcome_test.values.0.get(p).and_then(|(_, v)| *v);
        let accepts = deals
            .outcome_test
            .accepted
            .0
            .get(p)
            .is_some_and(|(_, ok)| *ok);
        rows::cell(ui, widths[0], |ui| {
            ui.add(egui::Label::new(&party.name).truncate());
        });
        rows::cell(ui, widths[1], |ui| {
            ui.label(analysis::num(Some(party.power), 2));
        });
        rows::cell(ui, widths[2], |ui| {
            value_button(ui, shell, party, best, Package::Best);
        });
        rows::cell(ui, widths[3], |ui| {
            value_button(ui, shell, party, nash, Package::Nash);
        });
        rows::cell(ui, widths[4], |ui| {
            value_button(ui, shell, party, outcome, Package::Outcome);
            let word = if accepts { "accepts" } else { "rejects" };
            let text = RichText::new(word);
            ui.label(if accepts {
                text
            } else {
                text.color(ui.visuals().error_fg_color).strong()
            });
        });
    });
}

/// A value that opens its Explain when clicked (a dash when there is none).
fn value_button(
    ui: &mut Ui,
    shell: &mut Shell,
    party: &DealParty,
    value: Option<f64>,
    which: Package,
) {
    let Some(v) = value else {
        ui.label(RichText::new("—").weak());
        return;
    };
    let text = format!("{v:.3}");
    let rich = if v < -crate::analysis::DEAL_TOLERANCE {
        RichText::new(text).color(ui.visuals().error_fg_color)
    } else {
        RichText::new(text)
    };
    if ui
        .link(rich)
        .on_hover_text(format!(
            "Explain: the terms of {}'s value of {}",
            party.name,
            which.label()
        ))
        .clicked()
    {
        shell.analysis_view.deal_explain = Some((party.id.clone(), which));
    }
}

/// The terms of the value the user clicked: issue by issue, weight × satisfaction.
fn explain_ui(ui: &mut Ui, shell: &mut Shell, deals: &Deals) {
    let Some((id, which)) = shell.analysis_view.deal_explain.clone() else {
        return;
    };
    let Some(p) = deals.principals.iter().position(|x| x.id == id) else {
        return;
    };
    let party = &deals.principals[p];
    let package = match which {
        Package::Best => deals.best_packages.get(p).cloned().flatten(),
        Package::Nash => deals.nash.as_ref().map(|n| n.points.clone()),
        Package::Outcome => Some(deals.outcome_test.points.clone()),
    };
    let Some(package) = package else {
        return;
    };
    ui.add_space(8.0);
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.label(
                RichText::new(format!("Explain: {}'s value of {}", party.name, which.label()))
                    .strong(),
            );
            if ui.button("Close").clicked() {
                shell.analysis_view.deal_explain = None;
            }
        });
        ui.label(
            RichText::new(
                "Satisfaction u = 1 − |point − ideal| / R, with R the distance from ideal to walk-away (at least 1; 100 without a walk-away). Weight = salience / the sum of its saliences. Value = the sum of weight × u.",
            )
            .weak(),
        );
        let widths = [220.0, 60.0, 60.0, 80.0, 50.0, 70.0, 60.0, 80.0];
        rows::header(
            ui,
            &widths,
            &["Issue", "Point", "Ideal", "Walk-away", "R", "u", "Weight", "Weight × u"],
        );
        let lines = party.explain(&package);
        for line in &lines {
            ui.horizontal(|ui| {
                rows::cell(ui, widths[0], |ui| {
                    ui.add(egui::Label::new(&line.issue_name).truncate());
                });
                let cells = [
                    analysis::num(Some(line.point), 1),
                    analysis::num(Some(line.ideal), 1),
                    analysis::num(line.walk_away, 1),
                    analysis::num(Some(line.range), 1),
                    format!("{:.3}", line.satisfaction),
                    format!("{:.3}", line.weight),
                    format!("{:.3}", line.contribution),
                ];
                for (w, text) in widths[1..].iter().zip(cells) {
                    rows::cell(ui, *w, |ui| {
                        ui.label(text);
                    });
                }
            });
        }
        let total: f64 = lines.iter().map(|l| l.contribution).sum();
        ui.label(RichText::new(format!("Value: {total:.3}")).strong());
    });
}

/// Per Principal whose best is below 0: how much it must get from outside the map, and the
/// leverage aimed at it, strongest first.
fn what_it_would_take(ui: &mut Ui, project: &Project, deals: &Deals) {
    let short = deals.shortfalls();
    if short.is_empty() {
        return;
    }
    ui.label(RichText::new("What it would take").strong().size(16.0));
    ui.label(
        RichText::new(
            "A Principal whose best is below 0 signs only if it gets that much more from outside the map: carrots, or sticks that make having no deal worse for it. Aimed at it (Carrots and Sticks not withdrawn), strongest strength × credibility first:",
        )
        .weak(),
    );
    for (party, gap) in short {
        ui.add_space(4.0);
        ui.label(
            RichText::new(format!(
                "{} needs about {gap:.2} more before it can sign.",
                party.name
            ))
            .strong(),
        );
        let items = aimed_at(project, &party.id);
        if items.is_empty() {
            ui.label(RichText::new("No carrot or stick aimed at it is recorded.").weak());
        }
        for item in items {
            ui.label(format!(
                "• {}: {} “{}” ({}), strength × credibility {:.2}",
                widgets::party_name(project, &item.holder),
                item.kind.label(),
                item.instrument,
                item.status.label(),
                item.strength * item.credibility
            ));
        }
    }
}

/// The Nash package issue by issue beside the predicted outcome and the ZOPA.
fn packages_ui(ui: &mut Ui, project: &Project, deals: &Deals, figures: &crate::analysis::Analysis) {
    ui.label(
        RichText::new("The package, issue by issue")
            .strong()
            .size(16.0),
    );
    if deals.nash.is_none() {
        ui.label(
            RichText::new(
                "No Nash package: it exists only when some package leaves every Principal above its walk-aways.",
            )
            .weak(),
        );
    } else {
        ui.label(
            RichText::new(
                "The Nash package maximises the product of the values, each weighted by power. Where no Principal gains or loses by moving an issue, other points do as well.",
            )
            .weak(),
        );
    }
    let widths = [280.0, 110.0, 130.0, 130.0];
    rows::header(
        ui,
        &widths,
        &["Issue", "Nash package", "Predicted outcome", "ZOPA"],
    );
    rows::rows(ui, ROW_HEIGHT, project.issues.len(), |ui, i| {
        let Some(issue) = project.issues.get(i) else {
            return;
        };
        let nash = deals
            .nash
            .as_ref()
            .and_then(|n| n.points.get(i).copied().flatten());
        let outcome = deals.outcome_test.points.get(i).copied().flatten();
        let zopa = figures
            .issues
            .get(i)
            .map_or_else(String::new, |a| match (a.zopa, a.gap) {
                (Some(z), _) => format!(
                    "{} – {}",
                    analysis::num(Some(z.low), 1),
                    analysis::num(Some(z.high), 1)
                ),
                (None, Some(gap)) => format!("none (gap {})", analysis::num(Some(gap), 1)),
                (None, None) => "none".to_owned(),
            });
        rows::cell(ui, widths[0], |ui| {
            ui.add(egui::Label::new(&issue.name).truncate());
        });
        rows::cell(ui, widths[1], |ui| {
            ui.label(RichText::new(analysis::num(nash, 1)).strong());
        });
        rows::cell(ui, widths[2], |ui| {
            ui.label(analysis::num(outcome, 1));
        });
        rows::cell(ui, widths[3], |ui| {
            ui.label(zopa);
        });
    });
}

/// The deal-space chart of the two most powerful Principals.
fn space_ui(ui: &mut Ui, doc: &Document, shell: &mut Shell, result: &Arc<DealResult>) {
    ui.horizontal(|ui| {
        ui.label(RichText::new("Deal space").strong().size(16.0));
        chart::export_button(ui, shell, Chart::DealSpace);
    });
    match &result.space {
        Ok(space) => {
            let options = ChartOptions {
                deal_space: Some(space.clone()),
                ..ChartOptions::default()
            };
            chart::show(ui, doc, shell, Chart::DealSpace, &options, Some(460.0));
        }
        Err(why) => {
            ui.label(RichText::new(format!("No deal space: {why}.")).weak());
        }
    }
}

/// "no deal (maxmin −0.045)" / "a deal (maxmin 0.108)" / "computing…" for one scenario.
fn deal_summary(
    shell: &mut Shell,
    ctx: &egui::Context,
    doc: &Document,
    scenario: Option<&str>,
) -> String {
    match shell.deals.get(ctx, doc, scenario, shell.as_of.as_deref()) {
        DealState::Computing => "computing…".to_owned(),
        DealState::Missing(why) => why,
        DealState::Ready(r) => {
            let floor = r
                .deals
                .maxmin
                .map_or_else(|| "none".to_owned(), |m| format!("{m:.3}"));
            if r.deals.feasible {
                format!("a deal (maxmin {floor})")
            } else {
                format!("no deal (maxmin {floor})")
            }
        }
    }
}

/// The deal line of the scenario comparison: whether each side has a deal, and its maxmin.
pub fn comparison_ui(
    ui: &mut Ui,
    doc: &Document,
    shell: &mut Shell,
    before: Option<&str>,
    after: Option<&str>,
) {
    let ctx = ui.ctx().clone();
    let name = |id: Option<&str>| {
        id.and_then(|id| doc.project().scenario(id))
            .map_or_else(|| "Base".to_owned(), |s| s.name.clone())
    };
    let b = deal_summary(shell, &ctx, doc, before);
    let a = deal_summary(shell, &ctx, doc, after);
    ui.label(format!(
        "Deal: {}: {a}; {}: {b}.",
        name(after),
        name(before)
    ));
}

/// The deal test of the predicted outcome, for the analysis view: one line, red when a
/// Principal rejects, with a way to the Deals view.
pub fn outcome_test_ui(ui: &mut Ui, doc: &Document, shell: &mut Shell) {
    let scenario = shell.scenario.clone();
    let state = shell
        .deals
        .get(ui.ctx(), doc, scenario.as_deref(), shell.as_of.as_deref());
    ui.horizontal(|ui| {
        match state {
            DealState::Computing => {
                ui.label(
                    RichText::new("The predicted outcome as one package: computing the deal test…")
                        .weak(),
                );
            }
            DealState::Missing(_) => {}
            DealState::Ready(r) => {
                if let Some(test) = r.deals.outcome_verdict() {
                    let text =
                        RichText::new(format!("The predicted outcome as one package: {test}."))
                            .strong();
                    ui.label(if test.starts_with("no deal") {
                        text.color(ui.visuals().error_fg_color)
                    } else {
                        text
                    });
                }
            }
        }
        if ui
            .link("Deals…")
            .on_hover_text("Open the Deals view: is there a package every Principal accepts?")
            .clicked()
        {
            shell.view = crate::ViewKind::Deals;
        }
    });
}
