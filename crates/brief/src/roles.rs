//! Role sheets for a workshop: one PDF per party (its confidential brief and the public
//! picture) and the facilitator's sheet with everything. What a sheet may hold is decided
//! by `model::RoleSheet` alone; this module only lays out what that struct carries, so it
//! never sees the project itself.

use crate::flow::{self, Block, Table};
use crate::judgements::num;
use crate::sections::{POSITION_COLUMNS, citations, issue_heading, position_cells, source_list};
use crate::{BriefError, Options, Pack, pdf};
use stancemap_core::model::{Brief, Leverage, Project, PublicParty, RoleSheet};
use std::collections::HashMap;

/// The most parties a project may have for role sheets: a workshop hands out one sheet per
/// team, and past this the export would be a pile no facilitator could use.
pub const MAX_ROLE_SHEETS: usize = 60;
/// The most issues the public picture and a brief list in full.
pub const MAX_ROLE_ISSUES: usize = 50;

/// One sheet: its file name (`<party id>.pdf` or `facilitator.pdf`) and its PDF.
#[derive(Debug, Clone)]
pub struct Sheet {
    pub file_name: String,
    pub pack: Pack,
}

/// Every role sheet of `project` for the scenario and date of `options`: one per party, in
/// the project's order, then the facilitator's.
pub fn build_roles(project: &Project, options: &Options) -> Result<Vec<Sheet>, BriefError> {
    let parties = project.parties.len();
    if parties > MAX_ROLE_SHEETS {
        return Err(BriefError::TooLarge(format!(
            "role sheets are made for at most {MAX_ROLE_SHEETS} parties and this project has \
             {parties}; make a copy with the parties of the workshop only"
        )));
    }
    let view = project.resolve(options.scenario.as_deref())?;
    let view = match &options.as_of {
        Some(date) => view.as_of(date),
        None => view,
    };
    let mut sheets = Vec::with_capacity(parties + 1);
    for party in &view.project.parties {
        let sheet =
            RoleSheet::for_party(&view, &party.id).expect("every party of the view has a sheet");
        sheets.push(Sheet {
            file_name: format!("{}.pdf", party.id),
            pack: render(&sheet, options)?,
        });
    }
    sheets.push(Sheet {
        file_name: "facilitator.pdf".to_owned(),
        pack: render(&RoleSheet::facilitator(&view), options)?,
    });
    Ok(sheets)
}

/// Lay one sheet out and write it as PDF.
pub fn render(sheet: &RoleSheet, options: &Options) -> Result<Pack, BriefError> {
    let mut omitted = Vec::new();
    let blocks = blocks(sheet, &mut omitted);
    let pages = flow::layout(&blocks, options.paper);
    let whose = match &sheet.for_party {
        Some(id) => format!("{}'s role sheet", name_of(&sheet.parties, id)),
        None => "Facilitator's sheet".to_owned(),
    };
    let as_of = options
        .as_of
        .clone()
        .or_else(|| sheet.as_of.clone())
        .map_or_else(String::new, |d| format!(", as of {d}"));
    let scenario = sheet.scenario.as_deref().unwrap_or("Base");
    let header = pdf::Header {
        title: sheet.title.clone(),
        context: format!("{whose} · {scenario}{as_of}"),
        footer: format!(
            "Confidential: {whose} · produced {} by stancemap",
            options.produced
        ),
    };
    let bytes = pdf::write(&pages, &[], &header, options.paper).map_err(BriefError::Pdf)?;
    Ok(Pack {
        bytes,
        pages: pages.len(),
        omitted,
    })
}

fn name_of<'a>(parties: &'a [PublicParty], id: &'a str) -> &'a str {
    parties
        .iter()
        .find(|p| p.id == id)
        .map_or(id, |p| p.name.as_str())
}

fn blocks(sheet: &RoleSheet, omitted: &mut Vec<String>) -> Vec<Block> {
    let mut b = Vec::new();
    let numbers: HashMap<&str, usize> = sheet
        .sources
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i + 1))
        .collect();
    match &sheet.for_party {
        Some(id) => {
            let name = name_of(&sheet.parties, id);
            b.push(Block::Note("ROLE SHEET · CONFIDENTIAL".to_owned()));
            b.push(Block::Title(name.to_owned()));
            b.push(Block::Para(format!(
                "This sheet is for the team playing {name} only. It holds {name}'s private \
                 brief and the public picture every team shares; do not show it to the \
                 other teams."
            )));
        }
        None => {
            b.push(Block::Note("FACILITATOR'S SHEET · CONFIDENTIAL".to_owned()));
            b.push(Block::Title("Facilitator's sheet".to_owned()));
            b.push(Block::Para(
                "Everything: the public picture and every party's private brief. The teams \
                 each receive only their own brief and the public picture."
                    .to_owned(),
            ));
        }
    }
    b.push(Block::Subheading(sheet.title.clone()));
    if !sheet.summary.trim().is_empty() {
        b.push(Block::Para(sheet.summary.clone()));
    }
    let scenario = sheet.scenario.as_deref().unwrap_or("Base (no scenario)");
    b.push(Block::Note(format!("Scenario: {scenario}.")));
    for brief in &sheet.briefs {
        brief_blocks(sheet, brief, &numbers, &mut b, omitted);
    }
    public_picture(sheet, &mut b, omitted);
    source_list(&sheet.sources, &mut b);
    b
}

fn brief_blocks(
    sheet: &RoleSheet,
    brief: &Brief,
    numbers: &HashMap<&str, usize>,
    b: &mut Vec<Block>,
    omitted: &mut Vec<String>,
) {
    let party = &brief.party;
    let (you, your) = if sheet.for_party.is_some() {
        ("You".to_owned(), "Your".to_owned())
    } else {
        (party.name.clone(), format!("{}'s", party.name))
    };
    b.push(Block::Heading(format!("{your} private brief")));
    b.push(Block::Para(format!(
        "Role: {}. Weight at the table (power): {}.",
        party.role.label(),
        num(party.power)
    )));
    if !party.notes.trim().is_empty() {
        b.push(Block::Para(party.notes.clone()));
    }
    b.push(Block::Subheading(format!("{your} positions")));
    if brief.positions.is_empty() {
        b.push(Block::Note(format!("{you} take no position on any issue.")));
    }
    let shown = brief.positions.len().min(MAX_ROLE_ISSUES);
    let issue_name = |id: &str| {
        sheet
            .issues
            .iter()
            .find(|i| i.id == id)
            .map_or(id.to_owned(), |i| i.name.clone())
    };
    if shown > 0 {
        b.push(Block::Table(Table {
            widths: vec![3.4, 0.9, 0.9, 1.1, 1.0, 0.9],
            header: std::iter::once("Issue")
                .chain(POSITION_COLUMNS)
                .map(str::to_owned)
                .collect(),
            rows: brief.positions[..shown]
                .iter()
                .map(|p| {
                    let mut row = vec![issue_name(&p.issue)];
                    row.extend(position_cells(p, "yes, declared"));
                    row
                })
                .collect(),
        }));
    }
    for p in &brief.positions[..shown] {
        let cited = citations(&p.sources, numbers);
        if p.rationale.trim().is_empty() && cited.is_empty() {
            continue;
        }
        let sep = if cited.is_empty() { "" } else { " " };
        b.push(Block::Bullet(format!(
            "{}: {}{sep}{cited}",
            issue_name(&p.issue),
            p.rationale.trim()
        )));
    }
    if shown < brief.positions.len() {
        let line = format!(
            "{}: positions on {} more issues",
            party.name,
            brief.positions.len() - shown
        );
        b.push(Block::Note(format!("Left out at this size: {line}.")));
        omitted.push(line);
    }
    let target = |l: &Leverage| name_of(&sheet.parties, &l.target).to_owned();
    let holder = |l: &Leverage| name_of(&sheet.parties, &l.holder).to_owned();
    leverage_list(
        b,
        &format!("Leverage {} hold{}", object(&you), s(&you)),
        &brief.holds,
        |l| format!("over {}", target(l)),
        numbers,
    );
    leverage_list(
        b,
        &format!("Leverage aimed at {}", object(&you)),
        &brief.faces,
        |l| format!("held by {}", holder(l)),
        numbers,
    );
    leverage_list(
        b,
        &format!("{your} alternatives to a deal"),
        &brief.alternatives,
        |l| format!("against {}", target(l)),
        numbers,
    );
    b.push(Block::PageBreak);
}

/// "hold" for "You", "holds" for a party's name.
fn s(subject: &str) -> &'static str {
    if subject == "You" { "" } else { "s" }
}

fn object(subject: &str) -> String {
    if subject == "You" {
        "you".to_owned()
    } else {
        subject.to_owned()
    }
}

fn leverage_list(
    b: &mut Vec<Block>,
    heading: &str,
    items: &[Leverage],
    whom: impl Fn(&Leverage) -> String,
    numbers: &HashMap<&str, usize>,
) {
    b.push(Block::Subheading(heading.to_owned()));
    if items.is_empty() {
        b.push(Block::Note("None recorded.".to_owned()));
    }
    for l in items {
        let cited = citations(&l.sources, numbers);
        b.push(Block::Bullet(format!(
            "{} {}: {} (strength {:.2}, credibility {:.2}, cost {:.2}; {}){}{cited}",
            l.kind.label(),
            whom(l),
            l.instrument,
            l.strength,
            l.credibility,
            l.cost,
            l.status.label().to_lowercase(),
            if cited.is_empty() { "" } else { " " },
        )));
    }
}

fn public_picture(sheet: &RoleSheet, b: &mut Vec<Block>, omitted: &mut Vec<String>) {
    b.push(Block::Heading("The public picture".to_owned()));
    b.push(Block::Para(
        "What every team knows: who is at the table, the issues and their scales, each \
         party's public stance, and the walk-aways parties have declared as red lines."
            .to_owned(),
    ));
    b.push(Block::Table(Table {
        widths: vec![3.0, 1.5],
        header: vec!["Party".to_owned(), "Role".to_owned()],
        rows: sheet
            .parties
            .iter()
            .map(|p| vec![p.name.clone(), p.role.label().to_owned()])
            .collect(),
    }));
    let shown = sheet.issues.len().min(MAX_ROLE_ISSUES);
    for (n, issue) in sheet.issues[..shown].iter().enumerate() {
        let marks = issue.marks.iter().map(|(at, label)| (*at, label.as_str()));
        issue_heading(b, n, &issue.name, (&issue.low, &issue.high), marks);
        let rows: Vec<Vec<String>> = sheet
            .public_positions
            .iter()
            .filter(|p| p.issue == issue.id)
            .map(|p| {
                vec![
                    name_of(&sheet.parties, &p.party).to_owned(),
                    num(p.stance),
                    p.declared_walk_away
                        .map_or_else(|| "–".to_owned(), |w| format!("walks away at {}", num(w))),
                ]
            })
            .collect();
        if rows.is_empty() {
            b.push(Block::Note("No other party's stance is known.".to_owned()));
        } else {
            b.push(Block::Table(Table {
                widths: vec![3.0, 1.0, 2.0],
                header: ["Party", "Public stance", "Declared red line"]
                    .map(str::to_owned)
                    .to_vec(),
                rows,
            }));
        }
    }
    if shown < sheet.issues.len() {
        let line = format!(
            "the public picture of {} more issues",
            sheet.issues.len() - shown
        );
        b.push(Block::Note(format!("Left out at this size: {line}.")));
        omitted.push(line);
    }
    b.push(Block::PageBreak);
}
