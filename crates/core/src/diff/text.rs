//! The diff as text for people: a heading per part of the project, one line per item
//! (`+` added, `-` removed, `~` changed), each changed field as `old -> new`; then each
//! scenario's own changes; then the effect on the analysis.

use super::{AnalysisEffect, Change, ChangeKind, ItemKey, ProjectDiff, Section, Value};
use std::fmt::Write as _;

/// A number as the file writes it, without a needless ".0" (40, 0.55).
pub(super) fn number(x: f64) -> String {
    format!("{x}")
}

/// A value as the report shows it: numbers plain, text quoted, lists in brackets.
pub(super) fn value(v: &Value) -> String {
    match v {
        Value::Number(x) => number(*x),
        Value::Text(t) => format!("{t:?}"),
        Value::Bool(b) => if *b { "yes" } else { "no" }.to_owned(),
        Value::List(items) => format!("[{}]", items.join(", ")),
        Value::None => "none".to_owned(),
    }
}

/// "stance 40 -> 55; walk_away none -> 30" for a changed item, "stance 40, salience 0.8"
/// for an added one.
pub fn describe_fields(change: &Change) -> String {
    let parts: Vec<String> = change
        .fields
        .iter()
        .map(|f| match change.kind {
            ChangeKind::Changed => format!("{} {} -> {}", f.field, value(&f.old), value(&f.new)),
            ChangeKind::Added | ChangeKind::Removed => {
                format!("{} {}", f.field, value(&f.new))
            }
        })
        .collect();
    match change.kind {
        ChangeKind::Changed => parts.join("; "),
        _ => parts.join(", "),
    }
}

/// What turned `diff`'s old project into its new one, as a short phrase for Undo and Redo:
/// "change stance of Russia on Kursk", "add party Türkiye", "delete 2 positions". `None`
/// when nothing changed.
pub fn summary(diff: &ProjectDiff) -> Option<String> {
    let first = diff.changes.first()?;
    let verb = match first.kind {
        ChangeKind::Added => "add",
        ChangeKind::Removed => "delete",
        ChangeKind::Changed => "change",
    };
    let what = match (&first.key, first.kind, first.fields.as_slice()) {
        (ItemKey::Project | ItemKey::Order, _, [field]) => field.field.replace('_', " "),
        (ItemKey::Project, _, _) => "the project's details".to_owned(),
        (ItemKey::Order, _, _) => "the order of a list".to_owned(),
        (_, ChangeKind::Changed, [field]) => {
            format!("{} of {}", field.field.replace('_', " "), first.item)
        }
        _ => {
            let noun = match first.section {
                Section::Sources => "source ",
                Section::Parties if first.scenario.is_some() => "power of ",
                Section::Parties => "party ",
                Section::Issues => "issue ",
                Section::Leverage => "leverage ",
                Section::Events => "event ",
                Section::Scenarios => "scenario ",
                Section::Project | Section::Positions => "",
            };
            format!("{noun}{}", first.item)
        }
    };
    let mut phrase = format!("{verb} {}", what.trim_end());
    if diff.changes.len() > 1 {
        phrase.push_str(&format!(" and {} more", diff.changes.len() - 1));
    }
    Some(phrase)
}

/// One line of the report.
fn line(change: &Change, prefix: &str) -> String {
    let mark = match change.kind {
        ChangeKind::Added => '+',
        ChangeKind::Removed => '-',
        ChangeKind::Changed => '~',
    };
    let detail = describe_fields(change);
    match change.key {
        ItemKey::Project | ItemKey::Order => format!("  {mark} {detail}"),
        _ if detail.is_empty() => format!("  {mark} {prefix}{}", change.item),
        _ => format!("  {mark} {prefix}{}: {detail}", change.item),
    }
}

/// The word naming an item inside a scenario, where several kinds share one heading.
fn kind_word(section: Section) -> &'static str {
    match section {
        Section::Positions => "position ",
        Section::Leverage => "leverage ",
        Section::Parties => "power of ",
        Section::Events => "event ",
        _ => "",
    }
}

/// The whole report: the changes, then the effect on the analysis when given.
pub fn render_text(diff: &ProjectDiff, effect: Option<&AnalysisEffect>) -> String {
    let mut out = String::new();
    let base: Vec<&Change> = diff
        .changes
        .iter()
        .filter(|c| c.scenario.is_none())
        .collect();
    let mut sections: Vec<Section> = base.iter().map(|c| c.section).collect();
    sections.sort();
    sections.dedup();
    for section in sections {
        let _ = writeln!(out, "{}", section.heading());
        for c in base.iter().filter(|c| c.section == section) {
            let _ = writeln!(out, "{}", line(c, ""));
        }
    }
    // Each scenario's overrides, under the scenario's name, in the order they came.
    let mut scenarios: Vec<&super::Named> = Vec::new();
    for c in &diff.changes {
        if let Some(s) = &c.scenario
            && !scenarios.contains(&s)
        {
            scenarios.push(s);
        }
    }
    for s in scenarios {
        let _ = writeln!(out, "Scenario {:?} ({})", s.name, s.id);
        for c in diff
            .changes
            .iter()
            .filter(|c| c.scenario.as_ref() == Some(s))
        {
            let _ = writeln!(out, "{}", line(c, kind_word(c.section)));
        }
    }
    if let Some(effect) = effect {
        out.push_str(&render_effect(effect));
    }
    out
}

fn point(x: Option<f64>) -> String {
    x.map_or_else(|| "none".to_owned(), |x| format!("{x:.1}"))
}

fn zopa(z: Option<crate::analysis::Zopa>, gap: Option<f64>) -> String {
    match (z, gap) {
        (Some(z), _) => format!("{:.1} to {:.1}", z.low, z.high),
        (None, Some(gap)) => format!("none (gap {gap:.1})"),
        (None, None) => "none".to_owned(),
    }
}

/// "Effect on the analysis (base)" and one line per changed figure.
pub fn render_effect(effect: &AnalysisEffect) -> String {
    let mut out = String::new();
    let of = effect
        .scenario
        .as_ref()
        .map_or_else(|| "base".to_owned(), |s| format!("scenario {:?}", s.name));
    if effect.is_empty() {
        let _ = writeln!(out, "Effect on the analysis ({of}): none");
        return out;
    }
    let _ = writeln!(out, "Effect on the analysis ({of})");
    for i in &effect.issues {
        let text = match i.kind {
            ChangeKind::Added => format!(
                "new issue, outcome {}, ZOPA {}",
                point(i.new_outcome),
                zopa(i.new_zopa, i.new_gap)
            ),
            ChangeKind::Removed => "issue removed".to_owned(),
            ChangeKind::Changed => {
                let mut parts = Vec::new();
                if point(i.old_outcome) != point(i.new_outcome) {
                    parts.push(format!(
                        "outcome {} -> {}",
                        point(i.old_outcome),
                        point(i.new_outcome)
                    ));
                }
                let (was, is) = (zopa(i.old_zopa, i.old_gap), zopa(i.new_zopa, i.new_gap));
                if was != is {
                    parts.push(format!("ZOPA {was} -> {is}"));
                }
                parts.join("; ")
            }
        };
        let _ = writeln!(out, "  {}: {text}", i.name);
    }
    for b in &effect.breaches {
        let what = if b.red_line {
            "its red line"
        } else {
            "its walk-away"
        };
        let at = b
            .walk_away
            .map_or_else(String::new, |w| format!(" at {}", number(w)));
        let verb = if b.now {
            "the outcome now breaches"
        } else {
            "the outcome no longer breaches"
        };
        let _ = writeln!(
            out,
            "  {} on {}: {verb} {what}{at}",
            b.party.name, b.issue.name
        );
    }
    out
}
