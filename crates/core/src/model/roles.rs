//! Role sheets for workshops: what each party may see, decided here and nowhere else.
//!
//! The rule (docs/role-sheets.md): a party's sheet holds its own confidential brief (its
//! notes, its power, every field of its own positions, the leverage it holds, the leverage
//! aimed at it, its alternatives, and the sources those cite) and the public picture (every
//! party's name and role, the issues with their scales and marks, every other party's
//! stance, and a walk-away only where that party declared it as a red line). Another
//! party's ideal, undeclared walk-away, salience, rationale, notes, power and sources, and
//! leverage between two other parties, never enter a `RoleSheet`: whatever draws a sheet
//! sees only this struct, so it cannot leak what the filter did not let through.

use super::{Issue, Leverage, Party, Position, Role, Source, View};
use std::collections::HashSet;

/// A party as everyone at the table knows it.
#[derive(Debug, Clone, PartialEq)]
pub struct PublicParty {
    pub id: String,
    pub name: String,
    pub role: Role,
}

/// An issue as everyone knows it: its name and scale (not the analyst's notes on it).
#[derive(Debug, Clone, PartialEq)]
pub struct PublicIssue {
    pub id: String,
    pub name: String,
    pub low: String,
    pub high: String,
    pub marks: Vec<(f64, String)>,
}

/// Another party's public position: its stance, and its walk-away only when declared as a
/// red line.
#[derive(Debug, Clone, PartialEq)]
pub struct PublicPosition {
    pub party: String,
    pub issue: String,
    pub stance: f64,
    pub declared_walk_away: Option<f64>,
}

/// One party's confidential brief.
#[derive(Debug, Clone, PartialEq)]
pub struct Brief {
    pub party: Party,
    /// Its own positions, every field.
    pub positions: Vec<Position>,
    /// Carrots and sticks it holds over others.
    pub holds: Vec<Leverage>,
    /// Carrots and sticks others hold over it.
    pub faces: Vec<Leverage>,
    /// Its alternatives to a deal (leverage of kind Alternative that it holds).
    pub alternatives: Vec<Leverage>,
}

/// Everything one sheet may show.
#[derive(Debug, Clone, PartialEq)]
pub struct RoleSheet {
    /// The party this sheet is for; `None` for the facilitator's sheet.
    pub for_party: Option<String>,
    pub title: String,
    pub summary: String,
    pub as_of: Option<String>,
    /// The scenario's name, `None` for the base.
    pub scenario: Option<String>,
    pub parties: Vec<PublicParty>,
    pub issues: Vec<PublicIssue>,
    /// The other parties' public positions (every party's, on the facilitator's sheet).
    pub public_positions: Vec<PublicPosition>,
    /// The confidential briefs on this sheet: the party's own, or every party's for the
    /// facilitator.
    pub briefs: Vec<Brief>,
    /// The sources the sheet may cite: those the briefs on it cite (every source, for the
    /// facilitator).
    pub sources: Vec<Source>,
}

impl RoleSheet {
    /// The sheet for party `id` of `view`; `None` when the view has no such party.
    pub fn for_party(view: &View, id: &str) -> Option<RoleSheet> {
        let party = view.project.party(id)?;
        let mut sheet = public_picture(view, Some(id));
        sheet.briefs.push(brief(view, party));
        sheet.sources = cited_sources(view, &sheet.briefs);
        Some(sheet)
    }

    /// The facilitator's sheet: the public picture and every party's brief.
    pub fn facilitator(view: &View) -> RoleSheet {
        let mut sheet = public_picture(view, None);
        sheet.briefs = view
            .project
            .parties
            .iter()
            .map(|p| brief(view, p))
            .collect();
        sheet.sources = view.project.sources.clone();
        sheet
    }
}

fn public_picture(view: &View, for_party: Option<&str>) -> RoleSheet {
    let p = &view.project;
    RoleSheet {
        for_party: for_party.map(str::to_owned),
        title: p.title.clone(),
        summary: p.summary.clone(),
        as_of: p.as_of.clone(),
        scenario: view.scenario.as_ref().map(|(_, name)| name.clone()),
        parties: p
            .parties
            .iter()
            .map(|party| PublicParty {
                id: party.id.clone(),
                name: party.name.clone(),
                role: party.role,
            })
            .collect(),
        issues: p.issues.iter().map(public_issue).collect(),
        public_positions: p
            .positions
            .iter()
            .filter(|pos| Some(pos.party.as_str()) != for_party)
            .map(|pos| PublicPosition {
                party: pos.party.clone(),
                issue: pos.issue.clone(),
                stance: pos.stance,
                declared_walk_away: if pos.red_line { pos.walk_away } else { None },
            })
            .collect(),
        briefs: Vec::new(),
        sources: Vec::new(),
    }
}

fn public_issue(issue: &Issue) -> PublicIssue {
    PublicIssue {
        id: issue.id.clone(),
        name: issue.name.clone(),
        low: issue.low.clone(),
        high: issue.high.clone(),
        marks: issue
            .marks
            .iter()
            .map(|m| (m.at, m.label.clone()))
            .collect(),
    }
}

fn brief(view: &View, party: &Party) -> Brief {
    let p = &view.project;
    let id = party.id.as_str();
    let (alternatives, holds): (Vec<_>, Vec<_>) = p
        .leverage
        .iter()
        .filter(|l| l.holder == id)
        .cloned()
        .partition(|l| l.kind == super::LeverageKind::Alternative);
    Brief {
        party: party.clone(),
        positions: p
            .positions
            .iter()
            .filter(|pos| pos.party == id)
            .cloned()
            .collect(),
        holds,
        faces: p
            .leverage
            .iter()
            .filter(|l| l.target == id && l.holder != id)
            .cloned()
            .collect(),
        alternatives,
    }
}

/// The sources the briefs cite, in the project's order.
fn cited_sources(view: &View, briefs: &[Brief]) -> Vec<Source> {
    let cited: HashSet<&str> = briefs
        .iter()
        .flat_map(|b| {
            let positions = b.positions.iter().flat_map(|p| &p.sources);
            let leverage = b
                .holds
                .iter()
                .chain(&b.faces)
                .chain(&b.alternatives)
                .flat_map(|l| &l.sources);
            positions.chain(leverage)
        })
        .map(String::as_str)
        .collect();
    view.project
        .sources
        .iter()
        .filter(|s| cited.contains(s.id.as_str()))
        .cloned()
        .collect()
}

#[cfg(test)]
#[path = "roles_tests.rs"]
mod tests;
