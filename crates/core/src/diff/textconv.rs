//! A project as one line per fact, by names, for git's `textconv`: git then diffs these
//! lines instead of the RON, so `git diff` and `git log -p` read like the semantic diff
//! (a changed stance is one changed line that names the party and the issue).

use super::text::number;
use crate::model::{Event, Leverage, Position, Project};
use std::fmt::Write as _;

fn party(project: &Project, id: &str) -> String {
    project
        .party(id)
        .map_or_else(|| id.to_owned(), |p| p.name.clone())
}

fn issue(project: &Project, id: &str) -> String {
    project
        .issue(id)
        .map_or_else(|| id.to_owned(), |i| i.name.clone())
}

fn opt(x: Option<f64>) -> String {
    x.map_or_else(|| "none".to_owned(), number)
}

/// Every fact of `project`, one per line, in file order.
pub fn facts(project: &Project) -> String {
    let mut out = String::new();
    let mut fact = |subject: &str, text: String| {
        let _ = writeln!(out, "{subject}: {text}");
    };
    fact("project", format!("title {:?}", project.title));
    if !project.summary.is_empty() {
        fact("project", format!("summary {:?}", project.summary));
    }
    if let Some(date) = &project.as_of {
        fact("project", format!("as_of {date}"));
    }
    fact("project", format!("outcome {:?}", project.outcome));
    for s in &project.sources {
        let subject = format!("source {} ({})", s.title, s.id);
        fact(&subject, format!("author {:?}", s.author));
        if let Some(date) = &s.published {
            fact(&subject, format!("published {date}"));
        }
        if let Some(url) = &s.url {
            fact(&subject, format!("url {url}"));
        }
    }
    for p in &project.parties {
        let subject = format!("party {} ({})", p.name, p.id);
        let color = p.color.as_deref().unwrap_or("palette");
        fact(
            &subject,
            format!(
                "{}, power {}, colour {color}",
                p.role.label(),
                number(p.power)
            ),
        );
        if !p.notes.is_empty() {
            fact(&subject, format!("notes {:?}", p.notes));
        }
    }
    for i in &project.issues {
        let subject = format!("issue {} ({})", i.name, i.id);
        fact(&subject, format!("0 = {:?}, 100 = {:?}", i.low, i.high));
        for m in &i.marks {
            fact(&subject, format!("mark {} {:?}", number(m.at), m.label));
        }
        if !i.notes.is_empty() {
            fact(&subject, format!("notes {:?}", i.notes));
        }
    }
    let mut lines = Vec::new();
    layer(
        project,
        "",
        &project.positions,
        &project.leverage,
        &project.events,
        &mut lines,
    );
    for s in &project.scenarios {
        let prefix = format!("scenario {} ({}): ", s.name, s.id);
        lines.push(format!(
            "scenario {} ({}): description {:?}",
            s.name, s.id, s.description
        ));
        layer(
            project,
            &prefix,
            &s.positions,
            &s.leverage,
            &s.events,
            &mut lines,
        );
        for o in &s.power {
            lines.push(format!(
                "{prefix}power of {}: {}",
                party(project, &o.party),
                number(o.power)
            ));
        }
    }
    for l in lines {
        let _ = writeln!(out, "{l}");
    }
    out
}

/// The positions, leverage and events of the base or of one scenario (`prefix`).
fn layer(
    project: &Project,
    prefix: &str,
    positions: &[Position],
    leverage: &[Leverage],
    events: &[Event],
    out: &mut Vec<String>,
) {
    for p in positions {
        let subject = format!(
            "{prefix}position {} on {}",
            party(project, &p.party),
            issue(project, &p.issue)
        );
        out.push(format!(
            "{subject}: stance {}, ideal {}, walk_away {}, salience {}{}",
            number(p.stance),
            opt(p.ideal),
            opt(p.walk_away),
            number(p.salience),
            if p.red_line { ", red line" } else { "" }
        ));
        if !p.rationale.is_empty() {
            out.push(format!("{subject}: rationale {:?}", p.rationale));
        }
        if !p.sources.is_empty() {
            out.push(format!("{subject}: sources [{}]", p.sources.join(", ")));
        }
    }
    for l in leverage {
        let subject = format!(
            "{prefix}leverage {} ({} over {})",
            l.instrument,
            party(project, &l.holder),
            party(project, &l.target)
        );
        let issues: Vec<String> = l.issues.iter().map(|i| issue(project, i)).collect();
        out.push(format!(
            "{subject}: {}, strength {}, credibility {}, cost {}, {}, issues [{}]",
            l.kind.label(),
            number(l.strength),
            number(l.credibility),
            number(l.cost),
            l.status.label(),
            issues.join(", ")
        ));
        if !l.sources.is_empty() {
            out.push(format!("{subject}: sources [{}]", l.sources.join(", ")));
        }
    }
    for e in events {
        let subject = format!("{prefix}event {} ({})", e.title, e.date);
        let parties: Vec<String> = e.parties.iter().map(|p| party(project, p)).collect();
        out.push(format!(
            "{subject}: {}, parties [{}]",
            e.kind.label(),
            parties.join(", ")
        ));
        for s in &e.shifts {
            out.push(format!(
                "{subject}: shift {} on {} to {}",
                party(project, &s.party),
                issue(project, &s.issue),
                number(s.stance)
            ));
        }
        if !e.notes.is_empty() {
            out.push(format!("{subject}: notes {:?}", e.notes));
        }
        if !e.sources.is_empty() {
            out.push(format!("{subject}: sources [{}]", e.sources.join(", ")));
        }
    }
}
