//! Import of the actor tables the expected-utility literature publishes, into a project:
//! the BDM replications' CSV (`Actor,Capability,Position,Salience`, one issue) and KTAB's
//! SMP CSV (a scenario line, a header, then one actor a row with a position and a salience
//! per dimension). Every bad row is reported with its line number; nothing is returned
//! unless the whole file reads.

use crate::model::{FORMAT_VERSION, Issue, Party, Position, Project, Role, unique_id};
use csv::{ReaderBuilder, StringRecord, Trim};
use std::fmt;

/// Which table layout a file has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// `Actor,Capability,Position,Salience`, salience as a fraction.
    Bdm,
    /// KTAB's SMP CSV, saliences 0..100.
    Ktab,
}

/// A project read from a table, and what the reader changed on the way.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub project: Project,
    /// Things the user should know, e.g. that capabilities were scaled.
    pub notes: Vec<String>,
}

/// One thing wrong with the file; `line` is 1-based, `None` for the file as a whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    pub line: Option<u64>,
    pub message: String,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {line}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

/// Every problem found, in line order.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
pub struct ImportErrors(pub Vec<ImportError>);

/// Read `text` as `source`; `name` (the file's stem) names the project, and for BDM files
/// the issue.
pub fn import(source: Source, text: &str, name: &str) -> Result<Imported, ImportErrors> {
    let rows = records(text)?;
    let imported = match source {
        Source::Bdm => bdm(&rows, name)?,
        Source::Ktab => ktab(&rows, name)?,
    };
    // Whatever the table held, the project must load again: anything the checks above
    // missed is reported rather than written.
    let invalid: Vec<ImportError> = crate::format::validate(&imported.project)
        .into_iter()
        .filter(|d| d.is_error())
        .map(|d| ImportError {
            line: None,
            message: format!("the imported project would be invalid: {d}"),
        })
        .collect();
    if invalid.is_empty() {
        Ok(imported)
    } else {
        Err(ImportErrors(invalid))
    }
}

/// A row with its line number.
struct Row {
    line: u64,
    fields: Vec<String>,
}

impl Row {
    fn get(&self, i: usize) -> &str {
        self.fields.get(i).map_or("", String::as_str)
    }
}

/// The file's non-blank rows, fields trimmed. Rows may differ in length (KTAB's first line
/// is shorter, and its rows often end in a comma).
fn records(text: &str) -> Result<Vec<Row>, ImportErrors> {
    let mut reader = ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(Trim::All)
        .from_reader(text.as_bytes());
    let mut lines = LineCounter::new(text);
    let mut rows = Vec::new();
    let mut record = StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let line = lines.line_of(record.position().map_or(0, |p| p.byte()));
                if record.iter().all(str::is_empty) {
                    continue;
                }
                rows.push(Row {
                    line,
                    fields: record.iter().map(str::to_owned).collect(),
                });
            }
            // Reading a `&str` with ragged rows allowed has no error left but I/O, which a
            // slice never has; should one come, it is reported, not ignored.
            Err(e) => {
                let line = e.position().map(|p| lines.line_of(p.byte()));
                return Err(ImportErrors(vec![ImportError {
                    line,
                    message: format!("not readable as CSV: {e}"),
                }]));
            }
        }
    }
    Ok(rows)
}

/// Line numbers from byte offsets. The csv reader's own line count is off after a blank
/// line and without a header row (rust-csv issues 208 and 184), so records are placed by
/// their byte offset instead: the record starts at the first byte after any blank lines.
struct LineCounter<'a> {
    text: &'a [u8],
    /// Offset counted up to, and the line it is on.
    at: usize,
    line: u64,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            text: text.as_bytes(),
            at: 0,
            line: 1,
        }
    }

    /// The 1-based line of the record starting at `byte` (offsets come in order).
    fn line_of(&mut self, byte: u64) -> u64 {
        let mut start = usize::try_from(byte).map_or(self.text.len(), |b| b.min(self.text.len()));
        while start < self.text.len() && matches!(self.text[start], b'\n' | b'\r') {
            start += 1;
        }
        if start > self.at {
            let newlines = self.text[self.at..start]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            self.line += newlines as u64;
            self.at = start;
        }
        self.line
    }
}

/// Collects every problem of a file before deciding.
#[derive(Default)]
struct Problems(Vec<ImportError>);

impl Problems {
    fn at(&mut self, line: u64, message: impl Into<String>) {
        self.0.push(ImportError {
            line: Some(line),
            message: message.into(),
        });
    }

    fn file(&mut self, message: impl Into<String>) {
        self.0.push(ImportError {
            line: None,
            message: message.into(),
        });
    }

    /// A number from field `what` of `row`, or a problem.
    fn number(&mut self, row: &Row, i: usize, what: &str) -> Option<f64> {
        let text = row.get(i);
        match text.parse::<f64>() {
            Ok(v) if v.is_finite() => Some(v),
            _ if text.is_empty() => {
                self.at(row.line, format!("{what} is missing"));
                None
            }
            _ => {
                self.at(row.line, format!("{what} \"{text}\" is not a number"));
                None
            }
        }
    }

    fn finish<T>(self, value: T) -> Result<T, ImportErrors> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(self.into_errors())
        }
    }

    /// The problems in line order (those about the whole file first).
    fn into_errors(self) -> ImportErrors {
        let mut errors = self.0;
        errors.sort_by_key(|e| e.line);
        ImportErrors(errors)
    }
}

/// One actor as read, before capabilities are scaled.
struct ActorRow {
    name: String,
    notes: String,
    capability: f64,
    /// Per issue: (position 0..100, salience 0..1).
    stances: Vec<(f64, f64)>,
}

const RESCALE_HINT: &str = "stancemap's scales run 0..100; rescale the positions (e.g. y = (x - min) * 100 / (max - min)) before importing";

fn check_position(p: &mut Problems, line: u64, what: &str, x: f64) -> bool {
    if (0.0..=100.0).contains(&x) {
        true
    } else {
        p.at(
            line,
            format!("{what} {x} is outside 0..100; {RESCALE_HINT}"),
        );
        false
    }
}

fn bdm(rows: &[Row], name: &str) -> Result<Imported, ImportErrors> {
    let mut p = Problems::default();
    let Some((header, body)) = rows.split_first() else {
        p.file("the file is empty; expected the header Actor,Capability,Position,Salience and one actor a row");
        return Err(p.into_errors());
    };
    let wanted = ["actor", "capability", "position", "salience"];
    let columns: Vec<Option<usize>> = wanted
        .iter()
        .map(|w| header.fields.iter().position(|f| f.eq_ignore_ascii_case(w)))
        .collect();
    let missing: Vec<&str> = wanted
        .iter()
        .zip(&columns)
        .filter(|(_, c)| c.is_none())
        .map(|(w, _)| *w)
        .collect();
    if !missing.is_empty() {
        p.at(
            header.line,
            format!(
                "the header lacks {}; a BDM actor table starts with Actor,Capability,Position,Salience",
                missing.join(", ")
            ),
        );
        return Err(p.into_errors());
    }
    let [actor, capability, position, salience] =
        [0, 1, 2, 3].map(|k| columns[k].unwrap_or_default());
    if body.is_empty() {
        p.file("no actors: the file has a header but no rows");
    }
    let mut actors = Vec::new();
    for row in body {
        let label = row.get(actor).to_owned();
        if label.is_empty() {
            p.at(row.line, "the actor's name is empty");
        }
        let c = p.number(row, capability, "Capability");
        let x = p.number(row, position, "Position");
        let s = p.number(row, salience, "Salience");
        if let Some(c) = c
            && c < 0.0
        {
            p.at(row.line, format!("Capability {c} is negative"));
        }
        if let Some(x) = x {
            check_position(&mut p, row.line, "Position", x);
        }
        if let Some(s) = s
            && !(0.0..=1.0).contains(&s)
        {
            p.at(
                row.line,
                format!("Salience {s} is outside 0..1 (a BDM table gives it as a fraction)"),
            );
        }
        if let (Some(c), Some(x), Some(s)) = (c, x, s) {
            actors.push(ActorRow {
                name: label,
                notes: String::new(),
                capability: c,
                stances: vec![(x, s)],
            });
        }
    }
    let issue = if name.trim().is_empty() {
        "Imported issue"
    } else {
        name.trim()
    };
    let project = build(name, "", &[issue.to_owned()], actors);
    p.finish(project)
}

fn ktab(rows: &[Row], name: &str) -> Result<Imported, ImportErrors> {
    let mut p = Problems::default();
    let (Some(first), Some(header)) = (rows.first(), rows.get(1)) else {
        p.file("the file needs a scenario line (name, description, number of actors, number of dimensions) and a header line");
        return Err(p.into_errors());
    };
    let actors_said = count(&mut p, first, 2, "the number of actors");
    let dims_said = count(&mut p, first, 3, "the number of dimensions");
    // Header: Actor, Description, Power, then (position, salience) per dimension; a
    // trailing comma adds an empty field.
    let mut columns: Vec<&str> = header.fields.iter().map(String::as_str).collect();
    while columns.last().is_some_and(|c| c.is_empty()) {
        columns.pop();
    }
    let pairs = columns.len().saturating_sub(3);
    if columns.len() < 5 || !pairs.is_multiple_of(2) {
        p.at(
            header.line,
            format!(
                "the header has {} columns; expected Actor, Description, Power, then a position and a salience column per dimension",
                columns.len()
            ),
        );
        return Err(p.into_errors());
    }
    let dims = pairs / 2;
    if let Some(said) = dims_said
        && said != dims
    {
        p.at(
            first.line,
            format!("the scenario line says {said} dimensions but the header has {dims}"),
        );
    }
    let issues: Vec<String> = (0..dims)
        .map(|d| columns[3 + 2 * d].to_owned())
        .map(|n| {
            if n.is_empty() {
                "Dimension".to_owned()
            } else {
                n
            }
        })
        .collect();
    let body = &rows[2..];
    if let Some(said) = actors_said
        && said != body.len()
    {
        p.file(format!(
            "the scenario line (line {}) says {said} actors but the file has {} actor rows",
            first.line,
            body.len()
        ));
    }
    let mut actors = Vec::new();
    for row in body {
        if let Some(actor) = ktab_actor(&mut p, row, &issues) {
            actors.push(actor);
        }
    }
    let title = if first.get(0).is_empty() {
        name
    } else {
        first.get(0)
    };
    let mut imported = build(title, first.get(1), &issues, actors);
    if imported.project.title.trim().is_empty() {
        imported.project.title = "Imported negotiation".to_owned();
    }
    p.finish(imported)
}

/// One actor row of a KTAB table: name, description, capability, then a position and a
/// salience (0..100) per issue. Every problem is noted; the actor when its capability reads.
fn ktab_actor(p: &mut Problems, row: &Row, issues: &[String]) -> Option<ActorRow> {
    let dims = issues.len();
    let label = row.get(0).to_owned();
    if label.is_empty() {
        p.at(row.line, "the actor's name is empty");
    }
    let mut used = row.fields.len();
    while used > 0 && row.get(used - 1).is_empty() {
        used -= 1;
    }
    if used > 3 + 2 * dims {
        p.at(
            row.line,
            format!("{used} fields; the header has {}", 3 + 2 * dims),
        );
    }
    let c = p.number(row, 2, "the capability");
    if let Some(c) = c
        && c < 0.0
    {
        p.at(row.line, format!("the capability {c} is negative"));
    }
    let mut stances = Vec::new();
    for (d, issue) in issues.iter().enumerate() {
        let x = p.number(row, 3 + 2 * d, &format!("the position on {issue}"));
        let s = p.number(row, 4 + 2 * d, &format!("the salience on {issue}"));
        if let Some(x) = x {
            check_position(p, row.line, &format!("the position on {issue}"), x);
        }
        if let Some(s) = s
            && !(0.0..=100.0).contains(&s)
        {
            p.at(
                row.line,
                format!("the salience on {issue}, {s}, is outside 0..100"),
            );
        }
        stances.push((x.unwrap_or(0.0), s.unwrap_or(0.0) / 100.0));
    }
    c.map(|c| ActorRow {
        name: label,
        notes: row.get(1).to_owned(),
        capability: c,
        stances,
    })
}

fn count(p: &mut Problems, row: &Row, i: usize, what: &str) -> Option<usize> {
    let text = row.get(i);
    match text.parse::<usize>() {
        Ok(n) => Some(n),
        Err(_) => {
            p.at(
                row.line,
                format!("{what} \"{text}\" is not a whole number (the scenario line is: name, description, number of actors, number of dimensions)"),
            );
            None
        }
    }
}

/// The project: one Principal per actor (ids from the names), one issue per dimension,
/// capabilities above 1 scaled by the largest.
fn build(title: &str, summary: &str, issues: &[String], actors: Vec<ActorRow>) -> Imported {
    let mut notes = Vec::new();
    let largest = actors.iter().map(|a| a.capability).fold(0.0, f64::max);
    let scale = if largest > 1.0 {
        notes.push(format!(
            "capabilities above 1 were divided by the largest ({largest}); only their ratios matter in the model"
        ));
        largest
    } else {
        1.0
    };
    let mut issue_ids: Vec<String> = Vec::new();
    for name in issues {
        let id = unique_id(name, issue_ids.iter().map(String::as_str));
        issue_ids.push(id);
    }
    let mut party_ids: Vec<String> = Vec::new();
    let mut parties = Vec::new();
    let mut positions = Vec::new();
    for actor in actors {
        let id = unique_id(&actor.name, party_ids.iter().map(String::as_str));
        party_ids.push(id.clone());
        for (issue, &(stance, salience)) in issue_ids.iter().zip(&actor.stances) {
            positions.push(Position {
                party: id.clone(),
                issue: issue.clone(),
                stance,
                ideal: None,
                walk_away: None,
                salience,
                red_line: false,
                rationale: String::new(),
                sources: vec![],
            });
        }
        parties.push(Party {
            id,
            name: actor.name,
            role: Role::Principal,
            power: actor.capability / scale,
            color: None,
            notes: actor.notes,
        });
    }
    let project = Project {
        format: FORMAT_VERSION,
        title: title.to_owned(),
        summary: summary.to_owned(),
        parties,
        issues: issue_ids
            .into_iter()
            .zip(issues)
            .map(|(id, name)| Issue {
                id,
                name: name.clone(),
                low: "0 on the imported scale".to_owned(),
                high: "100 on the imported scale".to_owned(),
                marks: vec![],
                notes: String::new(),
            })
            .collect(),
        positions,
        ..Project::default()
    };
    Imported { project, notes }
}

#[cfg(test)]
mod tests;
