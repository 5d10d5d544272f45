//! The "Deal" section of `stancemap analyze`: whether one package could be signed by every
//! Principal, the predicted outcome's deal test, and what each Principal would need.

use crate::analysis::{DealParty, Deals, aimed_at};
use crate::model::{Project, View};
use std::fmt::Write as _;

/// How many leverage items are listed per Principal under "what it would take".
const ITEMS: usize = 5;

fn value(v: Option<f64>) -> String {
    v.map_or_else(|| "-".to_owned(), |v| format!("{v:.2}"))
}

/// The one-line deal test of the predicted outcome, for the report's header.
pub fn outcome_line(deals: &Deals) -> Option<String> {
    deals
        .outcome_verdict()
        .map(|v| format!("The predicted outcome taken as one package: {v} (see Deal)."))
}

/// Append the Deal section for `view` to `out`.
pub fn deal_report(out: &mut String, view: &View, deals: &Deals) {
    let project = &view.project;
    let _ = writeln!(
        out,
        "\nDeal (one package: a point on every issue; Principals may trade across issues)"
    );
    let _ = writeln!(out, "  {}", deals.verdict());
    if deals.principals.is_empty() {
        notes(out, deals);
        return;
    }
    let _ = writeln!(
        out,
        "  Values: 1 = a Principal's ideals on every issue it weighs, 0 = on balance at its \
         walk-aways, below 0 = worse."
    );
    let width = deals
        .principals
        .iter()
        .map(|p| p.name.chars().count())
        .max()
        .unwrap_or(0)
        .max("Principal".len());
    let _ = writeln!(
        out,
        "  {:<width$}  {:>12}  {:>6}  Predicted outcome",
        "Principal", "Best it gets", "Nash"
    );
    for (p, party) in deals.principals.iter().enumerate() {
        let best = deals.best_for.0.get(p).and_then(|(_, v)| *v);
        let nash = deals
            .nash
            .as_ref()
            .and_then(|n| n.values.get(&party.id).copied());
        let _ = writeln!(
            out,
            "  {:<width$}  {:>12}  {:>6}  {}",
            party.name,
            value(best),
            value(nash),
            outcome_cell(project, deals, p, party),
        );
    }
    let _ = writeln!(
        out,
        "  (Best it gets: its best value among packages every other Principal accepts.)"
    );
    if let Some(m) = deals.maxmin {
        let _ = writeln!(
            out,
            "  Common floor (maxmin): {m:.2}, the most every Principal can be given at once."
        );
    }
    if let Some(line) = deals.outcome_verdict() {
        let _ = writeln!(out, "  The predicted outcome taken as one package: {line}.");
    }
    what_it_would_take(out, project, deals);
    nash_package(out, project, deals);
    notes(out, deals);
}

/// "-0.64 rejects: red line on Territory crossed".
fn outcome_cell(project: &Project, deals: &Deals, p: usize, party: &DealParty) -> String {
    let test = &deals.outcome_test;
    let u = test.values.0.get(p).and_then(|(_, v)| *v);
    let accepted = test.accepted.0.get(p).is_some_and(|(_, ok)| *ok);
    let mut cell = format!(
        "{} {}",
        value(u),
        if accepted { "accepts" } else { "rejects" }
    );
    let crossed: Vec<&str> = party
        .crossed_red_lines(&test.points)
        .into_iter()
        .filter_map(|i| project.issues.get(i).map(|x| x.name.as_str()))
        .collect();
    if !crossed.is_empty() {
        let _ = write!(cell, ": red line crossed on {}", crossed.join("; "));
    }
    cell
}

fn what_it_would_take(out: &mut String, project: &Project, deals: &Deals) {
    let short = deals.shortfalls();
    if short.is_empty() || deals.feasible {
        return;
    }
    let _ = writeln!(
        out,
        "  What it would take (a Principal whose best is below 0 signs only with that much \
         more from outside the map: carrots, or sticks that make no deal worse for it):"
    );
    for (party, gap) in short {
        let _ = writeln!(out, "    {} needs about {gap:.2} more.", party.name);
        let items = aimed_at(project, &party.id);
        if items.is_empty() {
            let _ = writeln!(out, "      No carrot or stick aimed at it is recorded.");
        }
        for item in items.iter().take(ITEMS) {
            let holder = project
                .party(&item.holder)
                .map_or(item.holder.as_str(), |h| h.name.as_str());
            let _ = writeln!(
                out,
                "      {holder}: {} \"{}\" ({}), strength × credibility {:.2}",
                item.kind.label(),
                item.instrument,
                item.status.label(),
                item.strength * item.credibility
            );
        }
        if items.len() > ITEMS {
            let _ = writeln!(out, "      and {} more", items.len() - ITEMS);
        }
    }
}

fn nash_package(out: &mut String, project: &Project, deals: &Deals) {
    let Some(nash) = &deals.nash else {
        return;
    };
    let _ = writeln!(
        out,
        "  Nash package (maximises the power-weighted product of the values; where no \
         Principal gains or loses by moving an issue, other points do as well):"
    );
    for (i, issue) in project.issues.iter().enumerate() {
        let Some(x) = nash.points.get(i).copied().flatten() else {
            continue;
        };
        let predicted = deals
            .outcome_test
            .points
            .get(i)
            .copied()
            .flatten()
            .map_or_else(|| "none".to_owned(), |o| format!("{o:.1}"));
        let _ = writeln!(out, "    {}: {x:.1} (predicted {predicted})", issue.name);
    }
}

fn notes(out: &mut String, deals: &Deals) {
    for note in &deals.notes {
        let _ = writeln!(out, "  Note: {note}.");
    }
}
