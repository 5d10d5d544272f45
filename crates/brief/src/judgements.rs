//! The key judgements in sentences generated from the analysis: each issue's predicted
//! outcome and whether a ZOPA exists, the deal verdict and what it would take, the three
//! assumptions the outcomes are most sensitive to, and the strongest leverage.

use stancemap_core::analysis::{Analysis, Deals, InputKind, IssueAnalysis, aimed_at};
use stancemap_core::model::{Issue, Project};

/// How many leverage items the "what it would take" sentence names per Principal.
const ITEMS: usize = 2;

pub fn num(v: f64) -> String {
    let s = format!("{v:.1}");
    s.strip_suffix(".0").map_or(s.clone(), str::to_owned)
}

fn party_name<'a>(project: &'a Project, id: &'a str) -> &'a str {
    project.party(id).map_or(id, |p| p.name.as_str())
}

/// The labelled mark nearest `at` within 10 points: "(near “30-day truce”)".
fn near_mark(issue: &Issue, at: f64) -> String {
    issue
        .marks
        .iter()
        .filter(|m| (m.at - at).abs() <= 10.0)
        .min_by(|a, b| (a.at - at).abs().total_cmp(&(b.at - at).abs()))
        .map_or_else(String::new, |m| format!(" (near “{}”)", m.label))
}

/// "Scope: the predicted outcome is 62.5 (near “…”); a ZOPA exists from 40 to 55."
pub fn issue_sentence(project: &Project, ia: &IssueAnalysis) -> String {
    let issue = project.issue(&ia.id);
    let outcome = match ia.outcome {
        Some(o) => format!(
            "the predicted outcome is {}{}",
            num(o),
            issue.map_or_else(String::new, |i| near_mark(i, o))
        ),
        None => "no outcome can be predicted (no weighted positions)".to_owned(),
    };
    let zopa = match (ia.zopa, ia.gap) {
        (Some(z), _) => format!("a ZOPA exists from {} to {}", num(z.low), num(z.high)),
        (None, Some(gap)) => format!(
            "there is no ZOPA: the closest walk-aways are {} points apart",
            num(gap)
        ),
        (None, None) => {
            "whether a ZOPA exists cannot be said (too few Principals with walk-aways)".to_owned()
        }
    };
    format!("{}: {outcome}; {zopa}.", ia.name)
}

/// The deal verdict, the predicted outcome's deal test and what it would take.
pub fn deal_sentences(project: &Project, deals: &Deals) -> Vec<String> {
    let mut out = vec![deals.verdict()];
    if let Some(v) = deals.outcome_verdict() {
        out.push(format!("The predicted outcome taken as one package: {v}."));
    }
    if !deals.feasible {
        for (party, gap) in deals.shortfalls() {
            let items = aimed_at(project, &party.id);
            let named: Vec<String> = items
                .iter()
                .take(ITEMS)
                .map(|l| {
                    format!(
                        "{}'s {} “{}”",
                        party_name(project, &l.holder),
                        l.kind.label().to_lowercase(),
                        l.instrument
                    )
                })
                .collect();
            let levers = if named.is_empty() {
                "no carrot or stick aimed at it is recorded".to_owned()
            } else {
                format!("the levers aimed at it include {}", named.join(" and "))
            };
            out.push(format!(
                "What it would take: {} needs about {gap:.2} more from outside the map \
                 (carrots, or sticks that make no deal worse for it); {levers}.",
                party.name
            ));
        }
    }
    out
}

/// The three inputs the outcomes are most sensitive to.
pub fn sensitivity_sentences(project: &Project, analysis: &Analysis) -> Vec<String> {
    analysis
        .sensitivity
        .iter()
        .filter(|s| s.delta > 0.0)
        .take(3)
        .map(|s| {
            let issue = project
                .issue(&s.issue)
                .map_or(s.issue.as_str(), |i| i.name.as_str());
            let what = match s.kind {
                InputKind::Power => format!("the outcome of {issue}"),
                InputKind::Stance | InputKind::Salience => format!("its outcome ({issue})"),
            };
            let mut first = s.input.clone();
            if let Some(c) = first.get(..1) {
                let upper = c.to_uppercase();
                first.replace_range(..1, &upper);
            }
            format!(
                "{first}: nudged by 10% of its range, it moves {what} by up to {} points.",
                num(s.delta)
            )
        })
        .collect()
}

/// The strongest leverage pair and its strongest item.
pub fn leverage_sentence(project: &Project, analysis: &Analysis) -> String {
    let Some(top) = analysis
        .leverage
        .iter()
        .filter(|l| l.pressure > 0.0)
        .max_by(|a, b| a.pressure.total_cmp(&b.pressure))
    else {
        return "No leverage is recorded (or all of it is withdrawn).".to_owned();
    };
    let item = project
        .leverage
        .iter()
        .filter(|l| l.holder == top.holder && l.target == top.target)
        .max_by(|a, b| (a.strength * a.credibility).total_cmp(&(b.strength * b.credibility)))
        .map_or_else(String::new, |l| {
            format!(
                ", above all its {} “{}”",
                l.kind.label().to_lowercase(),
                l.instrument
            )
        });
    format!(
        "The strongest leverage is {} on {}: pressure {:.2}, net {:+.2} after the pressure back{item}.",
        party_name(project, &top.holder),
        party_name(project, &top.target),
        top.pressure,
        top.net
    )
}
