//! The pack's content as flow blocks, in the order a briefing reads: cover, key judgements,
//! the charts, the scenario comparison, one section per issue (scale, marks, every party's
//! position and rationale with numbered citations) and the numbered sources.

use crate::flow::{Block, Table};
use crate::judgements::{self, num};
use crate::{BriefError, Options};
use stancemap_charts::{Chart, ChartInput, export};
use stancemap_core::analysis::{self, Analysis, Deals};
use stancemap_core::model::{OutcomeMethod, Position, Project, Source, View};
use std::collections::HashMap;

/// The charts in the pack, in order.
pub const CHARTS: [Chart; 6] = [
    Chart::ConcessionMatrix,
    Chart::Zopa,
    Chart::Leverage,
    Chart::Timeline,
    Chart::DealSpace,
    Chart::Simulation,
];
/// The size charts are drawn at: small enough that their labels print at a readable size
/// when the chart is scaled to the text width.
pub const CHART_W: u32 = 760;
pub const CHART_H: u32 = 500;
/// The most issues that get a section of their own (and a key judgement sentence); past
/// that the pack says what it left out.
pub const MAX_ISSUE_SECTIONS: usize = 50;
pub const MAX_JUDGED_ISSUES: usize = 25;
/// The most parties an issue's table (and its rationales) lists.
pub const MAX_PARTY_ROWS: usize = 60;
/// Scenario columns per comparison table.
const SCENARIO_COLUMNS: usize = 4;

/// Everything the sections are built from.
pub struct Inputs<'a> {
    pub project: &'a Project,
    pub view: &'a View,
    pub analysis: &'a Analysis,
    pub deals: &'a Deals,
    pub chart: ChartInput<'a>,
    pub options: &'a Options,
}

/// The blocks, the charts' SVG documents and what was left out.
#[derive(Default)]
pub struct Content {
    pub blocks: Vec<Block>,
    pub svgs: Vec<String>,
    pub omitted: Vec<String>,
}

pub fn build(inp: &Inputs) -> Result<Content, BriefError> {
    let mut c = Content::default();
    let issues = inp.view.project.issues.len();
    if issues > MAX_ISSUE_SECTIONS {
        c.omitted.push(format!(
            "Sections for issues {}–{issues}: the pack has a section for the first \
             {MAX_ISSUE_SECTIONS} issues only (`stancemap analyze` lists every issue).",
            MAX_ISSUE_SECTIONS + 1
        ));
    }
    if issues > MAX_JUDGED_ISSUES {
        c.omitted.push(format!(
            "Key judgements name the first {MAX_JUDGED_ISSUES} issues of {issues}."
        ));
    }
    let charts = charts(inp, &mut c)?;
    cover(inp, &mut c);
    key_judgements(inp, &mut c);
    c.blocks.extend(charts);
    comparison(inp, &mut c);
    issue_sections(inp, &mut c);
    source_list(&inp.project.sources, &mut c.blocks);
    Ok(c)
}

fn cover(inp: &Inputs, c: &mut Content) {
    let project = &inp.view.project;
    let b = &mut c.blocks;
    b.push(Block::Space(60.0));
    b.push(Block::Note("BRIEFING PACK".to_owned()));
    b.push(Block::Title(project.title.clone()));
    if !project.summary.trim().is_empty() {
        b.push(Block::Para(project.summary.clone()));
    }
    b.push(Block::Space(10.0));
    let as_of = match (&inp.options.as_of, &project.as_of) {
        (Some(date), _) => format!("{date} (the project as it stood on that date)"),
        (None, Some(date)) => date.clone(),
        (None, None) => "not stated".to_owned(),
    };
    b.push(Block::Para(format!("As of: {as_of}")));
    let scenario = match inp.project.scenarios.iter().find(|s| {
        inp.view
            .scenario
            .as_ref()
            .is_some_and(|(id, _)| *id == s.id)
    }) {
        Some(s) if !s.description.trim().is_empty() => format!("{}: {}", s.name, s.description),
        Some(s) => s.name.clone(),
        None => "Base (no scenario applied)".to_owned(),
    };
    b.push(Block::Para(format!("Scenario: {scenario}")));
    let method = match project.outcome {
        OutcomeMethod::Median => "weighted median",
        OutcomeMethod::Mean => "weighted mean",
    };
    b.push(Block::Para(format!(
        "Estimator: the predicted outcome of each issue is the {method} of the parties' \
         stances, each weighted by power × salience."
    )));
    b.push(Block::Para(format!(
        "Produced: {} with stancemap.",
        inp.options.produced
    )));
    b.push(Block::Space(10.0));
    b.push(Block::Note(
        "Caveat: every figure in this pack is the analyst's estimate, computed from the \
         analyst's own inputs (power, salience, stances, walk-aways, leverage). They are \
         transparent estimates to reason with, not predictions from data."
            .to_owned(),
    ));
    if !c.omitted.is_empty() {
        b.push(Block::Space(6.0));
        b.push(Block::Note("Left out at this size:".to_owned()));
        for line in &c.omitted {
            b.push(Block::Note(format!("• {line}")));
        }
    }
    b.push(Block::PageBreak);
}

fn key_judgements(inp: &Inputs, c: &mut Content) {
    let project = &inp.view.project;
    let b = &mut c.blocks;
    b.push(Block::Heading("Key judgements".to_owned()));
    b.push(Block::Subheading("Is there a deal?".to_owned()));
    for s in judgements::deal_sentences(project, inp.deals) {
        b.push(Block::Bullet(s));
    }
    b.push(Block::Subheading("Issue by issue".to_owned()));
    for ia in inp.analysis.issues.iter().take(MAX_JUDGED_ISSUES) {
        b.push(Block::Bullet(judgements::issue_sentence(project, ia)));
    }
    let rest = &inp.analysis.issues[inp.analysis.issues.len().min(MAX_JUDGED_ISSUES)..];
    if !rest.is_empty() {
        let zopas = rest.iter().filter(|i| i.zopa.is_some()).count();
        b.push(Block::Note(format!(
            "And {} more issues, {zopas} of them with a ZOPA: see their sections and \
             `stancemap analyze`.",
            rest.len()
        )));
    }
    b.push(Block::Subheading(
        "The assumptions the outcomes are most sensitive to".to_owned(),
    ));
    let sens = judgements::sensitivity_sentences(project, inp.analysis);
    if sens.is_empty() {
        b.push(Block::Bullet(
            "No single nudge of a power, stance or salience moves any outcome.".to_owned(),
        ));
    }
    for s in sens {
        b.push(Block::Bullet(s));
    }
    b.push(Block::Subheading("Leverage".to_owned()));
    b.push(Block::Bullet(judgements::leverage_sentence(
        project,
        inp.analysis,
    )));
    b.push(Block::PageBreak);
}

fn charts(inp: &Inputs, c: &mut Content) -> Result<Vec<Block>, BriefError> {
    let mut b = vec![Block::Heading("Charts".to_owned())];
    b.push(Block::Note(
        "Drawn by the same functions as the app and `stancemap render`, as vector graphics."
            .to_owned(),
    ));
    let aspect = CHART_H as f32 / CHART_W as f32;
    for chart in CHARTS {
        let (svg, layout) =
            export::svg_with_layout(chart, &inp.chart, CHART_W, CHART_H).map_err(|e| {
                BriefError::Chart {
                    chart: chart.name(),
                    message: e.to_string(),
                }
            })?;
        b.push(Block::Subheading(chart.title().to_owned()));
        b.push(Block::Chart {
            index: c.svgs.len(),
            aspect,
        });
        c.svgs.push(svg);
        if !layout.omitted.is_empty() {
            let what = layout.omitted.join("; ");
            b.push(Block::Note(format!("Left out of this chart: {what}.")));
            c.omitted.push(format!("{}: {what}.", chart.title()));
        }
    }
    b.push(Block::PageBreak);
    Ok(b)
}

fn outcome_cell(ia: Option<&analysis::IssueAnalysis>) -> String {
    let Some(ia) = ia else {
        return "–".to_owned();
    };
    let outcome = ia.outcome.map_or_else(|| "none".to_owned(), num);
    let zopa = if ia.zopa.is_some() { "ZOPA" } else { "no ZOPA" };
    format!("{outcome} · {zopa}")
}

fn comparison(inp: &Inputs, c: &mut Content) {
    let b = &mut c.blocks;
    b.push(Block::Heading("Scenarios compared".to_owned()));
    let mut columns: Vec<(String, Analysis, String)> = Vec::new();
    let base = inp.project.resolve(None);
    let scenario_views = std::iter::once(base).chain(
        inp.project
            .scenarios
            .iter()
            .map(|s| inp.project.resolve(Some(&s.id))),
    );
    for view in scenario_views.flatten() {
        let view = match &inp.options.as_of {
            Some(date) => view.as_of(date),
            None => view,
        };
        let deal = analysis::deals(&view);
        let verdict = if deal.principals.is_empty() {
            "no Principal".to_owned()
        } else if deal.feasible {
            "a deal exists".to_owned()
        } else {
            "no deal".to_owned()
        };
        columns.push((
            view.scenario_label().to_owned(),
            analysis::analyze(&view),
            verdict,
        ));
    }
    b.push(Block::Para(format!(
        "The predicted outcome of each issue and whether it has a ZOPA, in the base and in \
         each of the project's {} scenarios{}; the last row asks whether one package could be \
         signed by every Principal.",
        inp.project.scenarios.len(),
        inp.options
            .as_of
            .as_ref()
            .map_or_else(String::new, |d| format!(", all as of {d}"))
    )));
    let issues = &inp.view.project.issues;
    let shown = issues.len().min(MAX_ISSUE_SECTIONS);
    for chunk in columns.chunks(SCENARIO_COLUMNS) {
        let mut widths = vec![2.2];
        widths.extend(chunk.iter().map(|_| 1.3));
        let mut header = vec!["Issue".to_owned()];
        header.extend(chunk.iter().map(|(name, _, _)| name.clone()));
        let mut rows: Vec<Vec<String>> = issues[..shown]
            .iter()
            .map(|issue| {
                let mut row = vec![issue.name.clone()];
                row.extend(
                    chunk
                        .iter()
                        .map(|(_, a, _)| outcome_cell(a.issues.iter().find(|i| i.id == issue.id))),
                );
                row
            })
            .collect();
        let mut deal_row = vec!["Deal".to_owned()];
        deal_row.extend(chunk.iter().map(|(_, _, v)| v.clone()));
        rows.push(deal_row);
        b.push(Block::Table(Table {
            widths,
            header,
            rows,
        }));
    }
    if shown < issues.len() {
        b.push(Block::Note(format!(
            "The table shows the first {shown} of {} issues.",
            issues.len()
        )));
    }
    b.push(Block::PageBreak);
}

pub(crate) fn opt(v: Option<f64>) -> String {
    v.map_or_else(|| "–".to_owned(), num)
}

/// An issue's numbered heading, its scale's two ends and its labelled marks.
pub(crate) fn issue_heading<'m>(
    b: &mut Vec<Block>,
    n: usize,
    name: &str,
    (low, high): (&str, &str),
    marks: impl ExactSizeIterator<Item = (f64, &'m str)>,
) {
    b.push(Block::Subheading(format!("{}. {name}", n + 1)));
    b.push(Block::Para(format!("Scale: 0 = {low}, 100 = {high}.")));
    if marks.len() > 0 {
        let marks: Vec<String> = marks
            .map(|(at, label)| format!("{} “{label}”", num(at)))
            .collect();
        b.push(Block::Para(format!("Marks: {}.", marks.join("; "))));
    }
}

/// The columns of a position in a table, after the party or issue it is of.
pub(crate) const POSITION_COLUMNS: [&str; 5] =
    ["Stance", "Ideal", "Walk-away", "Salience", "Red line"];

/// A position's cells under `POSITION_COLUMNS`; `yes` is how a red line reads.
pub(crate) fn position_cells(p: &Position, yes: &str) -> [String; 5] {
    [
        num(p.stance),
        opt(p.ideal),
        opt(p.walk_away),
        format!("{:.2}", p.salience),
        if p.red_line { yes } else { "no" }.to_owned(),
    ]
}

/// "[1][3]": the numbers of the cited sources.
pub(crate) fn citations(sources: &[String], numbers: &HashMap<&str, usize>) -> String {
    sources
        .iter()
        .filter_map(|id| numbers.get(id.as_str()))
        .map(|n| format!("[{n}]"))
        .collect()
}

fn issue_sections(inp: &Inputs, c: &mut Content) {
    let project = &inp.view.project;
    let b = &mut c.blocks;
    let numbers: HashMap<&str, usize> = inp
        .project
        .sources
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i + 1))
        .collect();
    let mut by_issue: HashMap<&str, Vec<&Position>> = HashMap::new();
    for p in &project.positions {
        by_issue.entry(p.issue.as_str()).or_default().push(p);
    }
    b.push(Block::Heading("The issues".to_owned()));
    let shown = project.issues.len().min(MAX_ISSUE_SECTIONS);
    for (n, issue) in project.issues.iter().take(shown).enumerate() {
        let marks = issue.marks.iter().map(|m| (m.at, m.label.as_str()));
        issue_heading(b, n, &issue.name, (&issue.low, &issue.high), marks);
        if let Some(ia) = inp.analysis.issues.iter().find(|i| i.id == issue.id) {
            b.push(Block::Para(judgements::issue_sentence(project, ia)));
        }
        if !issue.notes.trim().is_empty() {
            b.push(Block::Note(issue.notes.clone()));
        }
        let mut positions = by_issue.get(issue.id.as_str()).cloned().unwrap_or_default();
        if positions.is_empty() {
            b.push(Block::Note(
                "No party has a position on this issue.".to_owned(),
            ));
            continue;
        }
        if positions.len() > MAX_PARTY_ROWS {
            let more = positions.len() - MAX_PARTY_ROWS;
            positions.truncate(MAX_PARTY_ROWS);
            b.push(Block::Note(format!(
                "Left out at this size: the positions of {more} more parties on this issue \
                 (`stancemap analyze` lists them all)."
            )));
            if !c.omitted.iter().any(|l| l.starts_with("Issue tables")) {
                c.omitted.push(format!(
                    "Issue tables list the first {MAX_PARTY_ROWS} parties of each issue."
                ));
            }
        }
        let rows = positions
            .iter()
            .map(|p| {
                let party = project.party(&p.party);
                let mut row = vec![
                    party.map_or(p.party.clone(), |x| x.name.clone()),
                    party.map_or_else(String::new, |x| x.role.label().to_owned()),
                ];
                row.extend(position_cells(p, "yes"));
                row
            })
            .collect();
        b.push(Block::Table(Table {
            widths: vec![2.6, 1.3, 0.9, 0.9, 1.1, 1.0, 0.9],
            header: ["Party", "Role"]
                .into_iter()
                .chain(POSITION_COLUMNS)
                .map(str::to_owned)
                .collect(),
            rows,
        }));
        for p in positions {
            let cited = citations(&p.sources, &numbers);
            if p.rationale.trim().is_empty() && cited.is_empty() {
                continue;
            }
            let name = project
                .party(&p.party)
                .map_or(p.party.as_str(), |x| x.name.as_str());
            let sep = if cited.is_empty() { "" } else { " " };
            b.push(Block::Bullet(format!(
                "{name}: {}{sep}{cited}",
                p.rationale.trim()
            )));
        }
    }
    if shown < project.issues.len() {
        b.push(Block::Note(format!(
            "Left out at this size: the sections of the other {} issues.",
            project.issues.len() - shown
        )));
    }
    b.push(Block::PageBreak);
}

/// The numbered list of `sources`, under a "Sources" heading.
pub(crate) fn source_list(sources: &[Source], b: &mut Vec<Block>) {
    b.push(Block::Heading("Sources".to_owned()));
    if sources.is_empty() {
        b.push(Block::Note(
            "No sources are recorded in this project.".to_owned(),
        ));
    }
    for (i, s) in sources.iter().enumerate() {
        let mut text = format!("[{}] ", i + 1);
        if !s.author.trim().is_empty() {
            text.push_str(&format!("{}, ", s.author.trim()));
        }
        text.push_str(&format!("“{}”", s.title));
        if let Some(date) = &s.published {
            text.push_str(&format!(", {date}"));
        }
        text.push('.');
        if let Some(url) = &s.url {
            text.push_str(&format!(" {url}"));
        }
        b.push(Block::Para(text));
    }
}
