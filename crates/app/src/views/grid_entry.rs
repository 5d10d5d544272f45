//! Fast entry in the positions grid, spreadsheet style: paste a block of numbers copied
//! from a spreadsheet onto the selected cell (Ctrl+V fills stances to the right and down),
//! or type a stance straight into the selected cell and press Enter. Each is one undo step;
//! in a scenario the stances become the scenario's overrides, as other grid edits do.

use crate::document::Document;
use crate::edits;
use crate::model::{Position, Project, SCALE};
use crate::{Selection, Shell};
use eframe::egui;
use egui::{Event, Key, Modifiers};

/// A stance being typed into a cell.
#[derive(Debug, Clone, PartialEq)]
pub struct Typing {
    pub party: String,
    pub issue: String,
    pub text: String,
}

/// A number as a spreadsheet cell may hold it: a decimal point or a decimal comma.
fn number(text: &str) -> Option<f64> {
    let text = text.trim();
    text.parse::<f64>()
        .ok()
        .or_else(|| text.replace(',', ".").parse::<f64>().ok())
        .filter(|x| x.is_finite())
}

/// A block of stances as a spreadsheet copies it: rows on lines, cells split by tabs (or
/// semicolons); a blank cell leaves its position alone.
pub fn parse_block(text: &str) -> Result<Vec<Vec<Option<f64>>>, String> {
    let separator = if text.contains('\t') { '\t' } else { ';' };
    let mut rows = Vec::new();
    for (r, line) in text.trim_end_matches(['\n', '\r']).split('\n').enumerate() {
        let mut row = Vec::new();
        for (c, cell) in line.trim_end_matches('\r').split(separator).enumerate() {
            if cell.trim().is_empty() {
                row.push(None);
                continue;
            }
            match number(cell) {
                Some(x) if SCALE.contains(&x) => row.push(Some(x)),
                _ => {
                    return Err(format!(
                        "Nothing pasted: row {}, column {} holds {:?}, not a stance from 0 to 100",
                        r + 1,
                        c + 1,
                        cell.trim()
                    ));
                }
            }
        }
        rows.push(row);
    }
    Ok(rows)
}

/// Set the stance of (party, issue) in the base, or as an override in scenario `scenario`
/// (starting from the position the scenario shows there). A missing position is created.
pub fn set_stance(
    project: &mut Project,
    scenario: Option<usize>,
    party: &str,
    issue: &str,
    x: f64,
) {
    let shown: Position = scenario
        .and_then(|s| project.scenarios.get(s))
        .and_then(|s| {
            s.positions
                .iter()
                .find(|p| p.party == party && p.issue == issue)
        })
        .or_else(|| project.position(party, issue))
        .cloned()
        .unwrap_or_else(|| edits::new_position(party, issue));
    let list = edits::layer_mut(
        project,
        scenario,
        |p| &mut p.positions,
        |s| &mut s.positions,
    );
    match list
        .iter_mut()
        .find(|p| p.party == party && p.issue == issue)
    {
        Some(p) => p.stance = x,
        None => list.push(Position { stance: x, ..shown }),
    }
}

/// Write `block` into the grid from the cell at (`row`, `column`) of the grid's `issues`
/// (rows) and `parties` (columns). Returns how many stances were written and how many fell
/// outside the grid.
pub fn paste_stances(
    project: &mut Project,
    scenario: Option<usize>,
    grid: (&[String], &[String]),
    origin: (usize, usize),
    block: &[Vec<Option<f64>>],
) -> (usize, usize) {
    let (issues, parties) = grid;
    let (mut written, mut outside) = (0, 0);
    for (r, cells) in block.iter().enumerate() {
        for (c, cell) in cells.iter().enumerate() {
            let Some(x) = cell else { continue };
            match (issues.get(origin.0 + r), parties.get(origin.1 + c)) {
                (Some(issue), Some(party)) => {
                    set_stance(project, scenario, party, issue, *x);
                    written += 1;
                }
                _ => outside += 1,
            }
        }
    }
    (written, outside)
}

/// Paste and typing for the grid, read from this frame's input before the views draw.
/// Returns a message for the status bar.
pub fn input(doc: &mut Document, shell: &mut Shell, ctx: &egui::Context) -> Option<String> {
    let Some(Selection::Cell { party, issue }) = shell.selection.clone() else {
        shell.typing = None;
        return None;
    };
    if shell
        .typing
        .as_ref()
        .is_some_and(|t| t.party != party || t.issue != issue)
    {
        shell.typing = None;
    }
    // A text field being edited (the inspector's) gets the keys and the paste itself.
    if ctx.text_edit_focused() {
        return None;
    }
    // The arrow keys move the selection from cell to cell, as in a spreadsheet (not while a
    // stance is being typed: Enter or Esc ends that first).
    if shell.typing.is_none()
        && let Some((down, right)) = ctx.input_mut(|i| {
            let mut press = |key| i.consume_key(Modifiers::NONE, key);
            if press(Key::ArrowDown) {
                Some((1, 0))
            } else if press(Key::ArrowUp) {
                Some((-1, 0))
            } else if press(Key::ArrowRight) {
                Some((0, 1))
            } else if press(Key::ArrowLeft) {
                Some((0, -1))
            } else {
                None
            }
        })
    {
        step_selection(doc, shell, (&party, &issue), (down, right));
        return None;
    }
    // Enter on a selected cell edits it: the cursor goes to the inspector's Stance field
    // (Escape or F6 comes back to the grid).
    if shell.typing.is_none()
        && ctx.memory(|m| m.focused().is_none())
        && ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Enter))
    {
        shell.pane.request_inspector();
        return None;
    }
    let events = ctx.input(|i| i.events.clone());
    let mut status = None;
    for event in events {
        match event {
            Event::Paste(text) => status = Some(paste(doc, shell, &party, &issue, &text)),
            Event::Text(text)
                if text
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == '.' || c == ',') =>
            {
                let typing = shell.typing.get_or_insert_with(|| Typing {
                    party: party.clone(),
                    issue: issue.clone(),
                    text: String::new(),
                });
                typing.text.push_str(&text);
            }
            _ => {}
        }
    }
    if shell.typing.is_some() {
        if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) {
            shell.typing = None;
        } else if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Backspace)) {
            if let Some(t) = &mut shell.typing {
                t.text.pop();
            }
        } else if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Enter)) {
            status = commit(doc, shell);
        }
    }
    status
}

/// Select the cell `down` rows and `right` columns from (party, issue), staying in the grid.
fn step_selection(
    doc: &Document,
    shell: &mut Shell,
    (party, issue): (&str, &str),
    (down, right): (isize, isize),
) {
    let p = doc.project();
    let (Some(row), Some(column)) = (
        p.issues.iter().position(|i| i.id == issue),
        p.parties.iter().position(|x| x.id == party),
    ) else {
        return;
    };
    let row = row
        .saturating_add_signed(down)
        .min(p.issues.len().saturating_sub(1));
    let column = column
        .saturating_add_signed(right)
        .min(p.parties.len().saturating_sub(1));
    shell.select(Selection::Cell {
        party: p.parties[column].id.clone(),
        issue: p.issues[row].id.clone(),
    });
}

fn paste(doc: &mut Document, shell: &mut Shell, party: &str, issue: &str, text: &str) -> String {
    let block = match parse_block(text) {
        Ok(block) => block,
        Err(message) => return message,
    };
    let view = shell.resolved(doc);
    let issues: Vec<String> = view.project.issues.iter().map(|i| i.id.clone()).collect();
    let parties: Vec<String> = view.project.parties.iter().map(|p| p.id.clone()).collect();
    let (Some(row), Some(column)) = (
        issues.iter().position(|i| i == issue),
        parties.iter().position(|p| p == party),
    ) else {
        return "Select a cell of the grid to paste into".to_owned();
    };
    let scenario = shell.scenario_index(doc.project());
    let mut counts = (0, 0);
    doc.edit(None, |p| {
        counts = paste_stances(p, scenario, (&issues, &parties), (row, column), &block);
    });
    shell.typing = None;
    match counts {
        (n, 0) => format!("Pasted {n} stance{}", if n == 1 { "" } else { "s" }),
        (n, out) => format!("Pasted {n} stances; {out} fell outside the grid and were left out"),
    }
}

/// Enter: write the typed stance (one undo step) and move down a row, as a spreadsheet does.
fn commit(doc: &mut Document, shell: &mut Shell) -> Option<String> {
    let typing = shell.typing.take()?;
    let x = match number(&typing.text) {
        Some(x) if SCALE.contains(&x) => x,
        _ => return Some(format!("{:?} is not a stance from 0 to 100", typing.text)),
    };
    let scenario = shell.scenario_index(doc.project());
    doc.edit(None, |p| {
        set_stance(p, scenario, &typing.party, &typing.issue, x)
    });
    let issues = &doc.project().issues;
    if let Some(next) = issues
        .iter()
        .position(|i| i.id == typing.issue)
        .and_then(|i| issues.get(i + 1))
    {
        shell.select(Selection::Cell {
            party: typing.party.clone(),
            issue: next.id.clone(),
        });
    }
    Some(format!("Stance set to {x}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_parse_like_spreadsheet_copies() {
        assert_eq!(
            parse_block("10\t20\n\t40,5\r\n").unwrap(),
            vec![vec![Some(10.0), Some(20.0)], vec![None, Some(40.5)]]
        );
        assert_eq!(parse_block("42").unwrap(), vec![vec![Some(42.0)]]);
        assert_eq!(
            parse_block("10\t200").unwrap_err(),
            "Nothing pasted: row 1, column 2 holds \"200\", not a stance from 0 to 100"
        );
    }

    #[test]
    fn a_block_fills_right_and_down_and_what_falls_outside_is_counted() {
        let mut p = Project::default();
        for name in ["A", "B"] {
            edits::add_party(&mut p, name);
        }
        for name in ["X", "Y"] {
            edits::add_issue(&mut p, name);
        }
        p.positions.push(edits::new_position("a", "x"));
        let grid: (Vec<String>, Vec<String>) =
            (vec!["x".into(), "y".into()], vec!["a".into(), "b".into()]);
        let block = parse_block("1\t2\t3\n4\t\t6\n7\t8\t9").unwrap();
        let counts = paste_stances(&mut p, None, (&grid.0, &grid.1), (0, 0), &block);
        // The 2x2 corner fits (one cell blank); the third column (3 and 6) and the third
        // row (7, 8, 9) fall outside.
        assert_eq!(counts, (3, 5));
        assert_eq!(p.position("a", "x").unwrap().stance, 1.0);
        assert_eq!(p.position("b", "x").unwrap().stance, 2.0);
        assert_eq!(p.position("a", "y").unwrap().stance, 4.0);
        assert!(p.position("b", "y").is_none());
    }

    #[test]
    fn in_a_scenario_stances_become_overrides() {
        let mut p = Project::default();
        edits::add_party(&mut p, "A");
        edits::add_issue(&mut p, "X");
        let mut base = edits::new_position("a", "x");
        base.salience = 0.9;
        p.positions.push(base);
        p.scenarios.push(crate::model::Scenario {
            id: "s".into(),
            name: "S".into(),
            description: String::new(),
            positions: vec![],
            leverage: vec![],
            power: vec![],
            events: vec![],
        });
        set_stance(&mut p, Some(0), "a", "x", 70.0);
        assert_eq!(p.position("a", "x").unwrap().stance, 50.0);
        let over = &p.scenarios[0].positions[0];
        assert_eq!((over.stance, over.salience), (70.0, 0.9));
    }
}
