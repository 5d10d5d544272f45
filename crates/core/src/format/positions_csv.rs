//! The base positions as a CSV table, for preparing numbers in a spreadsheet and reading
//! them back: one row per position, parties and issues by name.
//!
//! Columns: party, issue, stance, ideal, walk_away, salience, red_line, rationale; a blank
//! cell means none. Written as UTF-8 with a byte order mark (so Excel does not take it for
//! the local code page) and a header. Reading checks the whole file first and changes
//! nothing unless every row is good; then it updates the positions it names and adds the
//! new ones. Only `party`, `issue` and `stance` are required columns: a column left out
//! keeps what the project has. Pure: bytes in, a new project out.

use super::suggest::closest;
use super::{Diagnostic, validate};
use crate::model::{IdKind, Position, Project, SCALE, UNIT};
use std::collections::HashMap;
use std::fmt;

#[cfg(test)]
mod tests;

/// The columns, in the order `to_csv` writes them.
pub const COLUMNS: [&str; 8] = [
    "party",
    "issue",
    "stance",
    "ideal",
    "walk_away",
    "salience",
    "red_line",
    "rationale",
];

const BOM: &str = "\u{feff}";

/// One problem in a CSV file: the line it is on (1 is the header) and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvProblem {
    pub line: u64,
    pub message: String,
}

impl fmt::Display for CsvProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// A CSV file that was not applied: every problem found, in line order.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
pub struct CsvError {
    pub problems: Vec<CsvProblem>,
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CsvImport {
    /// Existing positions whose values changed.
    pub changed: usize,
    /// New positions.
    pub added: usize,
    /// Rows that matched a position exactly.
    pub unchanged: usize,
    /// Warnings of the new project that the old one did not have (a stance on the wrong
    /// side of its walk-away, say): the import is valid, but worth a look.
    pub warnings: Vec<Diagnostic>,
}

impl CsvImport {
    /// "Changed 3 positions and added 1 (5 unchanged)".
    pub fn summary(&self) -> String {
        let n = |k: usize| if k == 1 { "" } else { "s" };
        format!(
            "changed {} position{} and added {} ({} unchanged)",
            self.changed,
            n(self.changed),
            self.added,
            self.unchanged
        )
    }
}

/// A number as the file holds it: the shortest text that reads back as the same number.
fn number(x: f64) -> String {
    format!("{x}")
}

/// The label of a party or issue in the table: its name, or its id when the name is empty
/// or shared with another item (so that reading the table back finds the same item).
fn label<'a>(id: &'a str, name: &'a str, all: &[(&str, &str)]) -> &'a str {
    let shared = all.iter().filter(|(_, n)| *n == name).count() > 1;
    let names_another = all.iter().any(|(other, _)| *other != id && *other == name);
    if name.trim().is_empty() || shared || names_another || name.trim() != name {
        id
    } else {
        name
    }
}

/// The base positions of `project` as CSV text, in file order.
pub fn to_csv(project: &Project) -> String {
    let parties = IdKind::Party.items(project);
    let issues = IdKind::Issue.items(project);
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut rows: Vec<Vec<String>> = vec![COLUMNS.iter().map(|c| (*c).to_owned()).collect()];
    for p in &project.positions {
        let party = parties
            .iter()
            .find(|(id, _)| *id == p.party)
            .map_or(p.party.as_str(), |(id, name)| label(id, name, &parties));
        let issue = issues
            .iter()
            .find(|(id, _)| *id == p.issue)
            .map_or(p.issue.as_str(), |(id, name)| label(id, name, &issues));
        let opt = |x: Option<f64>| x.map(number).unwrap_or_default();
        rows.push(vec![
            party.to_owned(),
            issue.to_owned(),
            number(p.stance),
            opt(p.ideal),
            opt(p.walk_away),
            number(p.salience),
            if p.red_line { "yes" } else { "" }.to_owned(),
            p.rationale.clone(),
        ]);
    }
    for row in rows {
        // Writing to memory cannot fail.
        let _ = writer.write_record(&row);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    format!("{BOM}{}", String::from_utf8_lossy(&bytes))
}

/// Where each known column is; columns without a name are ignored when empty.
struct Header {
    index: HashMap<&'static str, usize>,
    unnamed: Vec<usize>,
}

impl Header {
    fn cell<'r>(&self, record: &'r csv::StringRecord, column: &str) -> Option<&'r str> {
        let i = *self.index.get(column)?;
        Some(record.get(i).unwrap_or(""))
    }
}

/// "Walk-away" and "Walk away" are the `walk_away` column.
fn column_key(cell: &str) -> String {
    cell.trim()
        .to_lowercase()
        .chars()
        .map(|c| if c == ' ' || c == '-' { '_' } else { c })
        .collect()
}

fn header(record: &csv::StringRecord, problems: &mut Vec<CsvProblem>) -> Header {
    let mut header = Header {
        index: HashMap::new(),
        unnamed: Vec::new(),
    };
    let mut problem = |message: String| problems.push(CsvProblem { line: 1, message });
    for (i, cell) in record.iter().enumerate() {
        let key = column_key(cell);
        match COLUMNS.iter().find(|c| **c == key) {
            Some(column) if header.index.contains_key(column) => {
                problem(format!("the column {column:?} appears twice; keep one"));
            }
            Some(column) => {
                header.index.insert(column, i);
            }
            None if key.is_empty() => header.unnamed.push(i),
            None => {
                let advice = match closest(&key, COLUMNS) {
                    Some(near) => format!("did you mean {near:?}?"),
                    None => format!("the columns are {}", COLUMNS.join(", ")),
                };
                problem(format!("unknown column {:?}; {advice}", cell.trim()));
            }
        }
    }
    for required in ["party", "issue", "stance"] {
        if !header.index.contains_key(required) {
            problem(format!(
                "the header has no {required:?} column; the first line must name the columns \
                 ({})",
                COLUMNS.join(", ")
            ));
        }
    }
    header
}

/// The party or issue a cell names: by exact name, then id, then name in any case.
fn find<'a>(cell: &str, items: &[(&'a str, &'a str)], noun: &str) -> Result<&'a str, String> {
    let cell = cell.trim();
    if cell.is_empty() {
        return Err(format!("the {noun} is blank"));
    }
    let by_name: Vec<&str> = items
        .iter()
        .filter(|(_, name)| name.trim() == cell)
        .map(|(id, _)| *id)
        .collect();
    match by_name[..] {
        [id] => return Ok(id),
        [] => {}
        _ => {
            return Err(format!(
                "{noun} name {cell:?} is shared by {} items; write the id instead ({})",
                by_name.len(),
                by_name.join(", ")
            ));
        }
    }
    if let Some((id, _)) = items.iter().find(|(id, _)| *id == cell) {
        return Ok(id);
    }
    let lower = cell.to_lowercase();
    let folded: Vec<&str> = items
        .iter()
        .filter(|(_, name)| name.trim().to_lowercase() == lower)
        .map(|(id, _)| *id)
        .collect();
    if let [id] = folded[..] {
        return Ok(id);
    }
    let names = items.iter().map(|(_, name)| *name);
    let advice = match closest(cell, names) {
        Some(near) => format!("did you mean {near:?}?"),
        None => {
            let known: Vec<String> = items
                .iter()
                .take(12)
                .map(|(_, n)| format!("{n:?}"))
                .collect();
            if known.is_empty() {
                "the project has none; add it in the project first".to_owned()
            } else {
                format!("known: {}", known.join(", "))
            }
        }
    };
    Err(format!("unknown {noun} {cell:?}; {advice}"))
}

/// A number cell: blank is `None`; a decimal comma ("40,5") is read as a point.
fn number_cell(
    cell: &str,
    field: &str,
    range: &std::ops::RangeInclusive<f64>,
) -> Result<Option<f64>, String> {
    let text = cell.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let parsed = text.parse::<f64>().ok().or_else(|| {
        (text.matches(',').count() == 1 && !text.contains('.'))
            .then(|| text.replace(',', ".").parse::<f64>().ok())
            .flatten()
    });
    let scale = format!("{} to {}", range.start(), range.end());
    match parsed {
        Some(x) if x.is_finite() && range.contains(&x) => Ok(Some(x)),
        Some(x) if x.is_finite() => Err(format!(
            "{field} {text} is off the scale; use a number from {scale}"
        )),
        _ => Err(format!(
            "{field} {text:?} is not a number; use a number from {scale}"
        )),
    }
}

fn flag_cell(cell: &str) -> Result<bool, String> {
    match cell.trim().to_lowercase().as_str() {
        "" | "no" | "n" | "false" | "0" => Ok(false),
        "yes" | "y" | "true" | "1" | "x" => Ok(true),
        other => Err(format!(
            "red_line {other:?} is neither yes nor no; write yes, or leave it blank for no"
        )),
    }
}

/// The position a row describes: `base` (the existing one, or a new one) with the row's
/// cells written over it; a column the file lacks keeps the base's value.
fn apply_row(
    header: &Header,
    record: &csv::StringRecord,
    mut p: Position,
    is_new: bool,
) -> Result<Position, Vec<String>> {
    let mut errors = Vec::new();
    let cell = |column: &str| header.cell(record, column);
    match cell("stance").map(|c| number_cell(c, "stance", &SCALE)) {
        Some(Ok(Some(x))) => p.stance = x,
        Some(Ok(None)) => {
            errors.push("the stance is blank; give a number from 0 to 100".to_owned())
        }
        Some(Err(e)) => errors.push(e),
        None => {}
    }
    for (column, slot) in [("ideal", &mut p.ideal), ("walk_away", &mut p.walk_away)] {
        match cell(column).map(|c| number_cell(c, column, &SCALE)) {
            Some(Ok(x)) => *slot = x,
            Some(Err(e)) => errors.push(e),
            None => {}
        }
    }
    match cell("salience").map(|c| number_cell(c, "salience", &UNIT)) {
        Some(Ok(Some(x))) => p.salience = x,
        Some(Ok(None)) => {
            errors.push("the salience is blank; give a weight from 0 to 1".to_owned())
        }
        Some(Err(e)) => errors.push(e),
        None if is_new => errors.push(
            "a new position needs a salience, and the file has no salience column".to_owned(),
        ),
        None => {}
    }
    match cell("red_line").map(flag_cell) {
        Some(Ok(x)) => p.red_line = x,
        Some(Err(e)) => errors.push(e),
        None => {}
    }
    if let Some(text) = cell("rationale") {
        p.rationale = text.to_owned();
    }
    if errors.is_empty() && p.red_line && p.walk_away.is_none() {
        errors.push(
            "red_line is yes but there is no walk-away; a red line is a public walk-away, so \
             give one"
                .to_owned(),
        );
    }
    if errors.is_empty() {
        Ok(p)
    } else {
        Err(errors)
    }
}

/// The field separator: a comma, or the semicolon or tab that spreadsheets in some locales
/// write instead, whichever the header line holds most of.
fn delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|d| first.bytes().filter(|b| b == d).count())
        .filter(|d| first.as_bytes().contains(d))
        .unwrap_or(b',')
}

fn fail(line: u64, message: String) -> CsvError {
    CsvError {
        problems: vec![CsvProblem { line, message }],
    }
}

/// The text of the file, without a byte order mark; refuses bytes that are not UTF-8 and a
/// file with nothing in it.
fn decode(bytes: &[u8]) -> Result<&str, CsvError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count() as u64
            + 1;
        fail(
            line,
            "the file is not UTF-8 text; save it as \"CSV UTF-8\" (Excel) or with the Unicode \
             (UTF-8) character set (LibreOffice)"
                .to_owned(),
        )
    })?;
    let text = text.strip_prefix(BOM).unwrap_or(text);
    if text.trim().is_empty() {
        return Err(fail(
            1,
            format!(
                "the file is empty; the first line names the columns ({})",
                COLUMNS.join(", ")
            ),
        ));
    }
    Ok(text)
}

/// `project` with the positions of the CSV file `bytes` applied, or every problem found.
pub fn from_csv(project: &Project, bytes: &[u8]) -> Result<(Project, CsvImport), CsvError> {
    let text = decode(bytes)?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter(text))
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let mut problems = Vec::new();
    let header = match records.next() {
        Some(Ok(record)) => header(&record, &mut problems),
        Some(Err(e)) => return Err(fail(1, format!("cannot read the header: {e}"))),
        None => return Err(fail(1, "the file has no header line".to_owned())),
    };
    if !problems.is_empty() {
        return Err(CsvError { problems });
    }
    let mut rows = Rows {
        project,
        header: &header,
        parties: IdKind::Party.items(project),
        issues: IdKind::Issue.items(project),
        seen: HashMap::new(),
        positions: Vec::new(),
        problems,
    };
    for record in records {
        match record {
            Ok(record) => rows.row(&record),
            Err(e) => rows.problems.push(CsvProblem {
                line: e.position().map_or(0, |p| p.line()),
                message: format!("cannot read this row: {e}"),
            }),
        }
    }
    let mut problems = rows.problems;
    if !problems.is_empty() {
        problems.sort_by_key(|p| p.line);
        return Err(CsvError { problems });
    }
    Ok(apply(project, rows.positions))
}

/// The rows read so far: the positions they give, and the problems found.
struct Rows<'a> {
    project: &'a Project,
    header: &'a Header,
    parties: Vec<(&'a str, &'a str)>,
    issues: Vec<(&'a str, &'a str)>,
    /// The line of the first row for each (party, issue).
    seen: HashMap<(String, String), u64>,
    positions: Vec<Position>,
    problems: Vec<CsvProblem>,
}

impl Rows<'_> {
    fn row(&mut self, record: &csv::StringRecord) {
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(|c| c.trim().is_empty()) {
            return; // spreadsheets leave blank rows at the end
        }
        let header = self.header;
        let mut problems = Vec::new();
        let width = header
            .index
            .values()
            .chain(&header.unnamed)
            .max()
            .map_or(0, |w| w + 1);
        if record.len() > width {
            problems.push(format!(
                "the row has {} cells but the header names {width} columns",
                record.len()
            ));
        } else {
            if header
                .unnamed
                .iter()
                .any(|&i| record.get(i).is_some_and(|c| !c.trim().is_empty()))
            {
                problems.push(
                    "a cell holds a value under a column with no name; name the column or \
                     clear it"
                        .to_owned(),
                );
            }
            if let Err(errors) = self.position(record, line) {
                problems.extend(errors);
            }
        }
        self.problems.extend(
            problems
                .into_iter()
                .map(|message| CsvProblem { line, message }),
        );
    }

    /// The position of a row, checked, into `positions`.
    fn position(&mut self, record: &csv::StringRecord, line: u64) -> Result<(), Vec<String>> {
        let cell = |column| self.header.cell(record, column).unwrap_or("");
        let party = find(cell("party"), &self.parties, "party");
        let issue = find(cell("issue"), &self.issues, "issue");
        let (party, issue) = match (party, issue) {
            (Ok(party), Ok(issue)) => (party, issue),
            (party, issue) => return Err(party.err().into_iter().chain(issue.err()).collect()),
        };
        let key = (party.to_owned(), issue.to_owned());
        if let Some(first) = self.seen.get(&key) {
            return Err(vec![format!(
                "a second row for {} on {} (the first is on line {first}); keep one",
                name(&self.parties, party),
                name(&self.issues, issue)
            )]);
        }
        self.seen.insert(key, line);
        let existing = self.project.position(party, issue).cloned();
        let is_new = existing.is_none();
        let base = existing.unwrap_or_else(|| crate::edits::new_position(party, issue));
        self.positions
            .push(apply_row(self.header, record, base, is_new)?);
        Ok(())
    }
}

fn name<'a>(items: &[(&'a str, &'a str)], id: &'a str) -> &'a str {
    items.iter().find(|(i, _)| *i == id).map_or(id, |(_, n)| n)
}

/// Write the checked rows into a copy of `project` and count what changed.
fn apply(project: &Project, rows: Vec<Position>) -> (Project, CsvImport) {
    let mut new = project.clone();
    let mut report = CsvImport::default();
    for row in rows {
        match new
            .positions
            .iter_mut()
            .find(|p| p.party == row.party && p.issue == row.issue)
        {
            Some(p) if *p == row => report.unchanged += 1,
            Some(p) => {
                *p = row;
                report.changed += 1;
            }
            None => {
                new.positions.push(row);
                report.added += 1;
            }
        }
    }
    let before: Vec<Diagnostic> = validate(project);
    report.warnings = validate(&new)
        .into_iter()
        .filter(|d| !d.is_error() && !before.contains(d))
        .collect();
    (new, report)
}
