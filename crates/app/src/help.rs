//! Help > User's guide (F1): the concepts, the guides of `docs/` (built into the program, so they match it and
//! need no network) in a window with a page list, plus a keyboard page written from the
//! commands' own shortcuts, so it cannot drift from what the keys do. Links between the
//! guides turn the page; links to the web open in the browser.

use crate::Command;
use eframe::egui;
use egui_commonmark::{CommonMarkCache, CommonMarkViewer};

/// One page of the guide: its title in the list, its file name (how other pages link to it)
/// and its text. `None` text: the concepts or the keyboard page, written when shown.
pub struct Page {
    pub title: &'static str,
    pub file: &'static str,
    text: Option<&'static str>,
}

pub const PAGES: &[Page] = &[
    Page {
        title: "Concepts",
        file: "concepts",
        text: None,
    },
    Page {
        title: "Reading the analysis",
        file: "analysis.md",
        text: Some(include_str!("../../../docs/analysis.md")),
    },
    Page {
        title: "Deals",
        file: "deals.md",
        text: Some(include_str!("../../../docs/deals.md")),
    },
    Page {
        title: "Simulation",
        file: "simulation.md",
        text: Some(include_str!("../../../docs/simulation.md")),
    },
    Page {
        title: "Time travel",
        file: "time-travel.md",
        text: Some(include_str!("../../../docs/time-travel.md")),
    },
    Page {
        title: "Role sheets",
        file: "role-sheets.md",
        text: Some(include_str!("../../../docs/role-sheets.md")),
    },
    Page {
        title: "The project file",
        file: "file-format.md",
        text: Some(include_str!("../../../docs/file-format.md")),
    },
    Page {
        title: "Keyboard",
        file: "keyboard",
        text: None,
    },
];

/// The index of the keyboard page.
pub const KEYBOARD: usize = PAGES.len() - 1;

/// The guide window: which page is open (None: closed) and the renderer's cache.
#[derive(Default)]
pub struct HelpWindow {
    pub page: Option<usize>,
    cache: CommonMarkCache,
    hooks_added: bool,
}

impl HelpWindow {
    pub fn open(&mut self, page: usize) {
        self.page = Some(page.min(PAGES.len() - 1));
    }

    pub fn ui(&mut self, ctx: &egui::Context) {
        let Some(mut page) = self.page else {
            return;
        };
        if !self.hooks_added {
            for p in PAGES {
                self.cache.add_link_hook(p.file);
            }
            self.hooks_added = true;
        }
        let mut open = true;
        egui::Window::new("User's guide")
            .open(&mut open)
            .default_size([900.0, 660.0])
            .min_size([420.0, 300.0])
            .show(ctx, |ui| {
                ui.horizontal_top(|ui| {
                    ui.vertical(|ui| {
                        ui.set_width(150.0);
                        for (i, p) in PAGES.iter().enumerate() {
                            if ui.selectable_label(page == i, p.title).clicked() {
                                page = i;
                            }
                        }
                    });
                    ui.separator();
                    ui.vertical(|ui| {
                        let text = match PAGES[page].text {
                            Some(text) => text.to_owned(),
                            None if page == KEYBOARD => keyboard_page(ctx),
                            None => concepts_page(),
                        };
                        egui::ScrollArea::vertical()
                            .id_salt(("guide", page))
                            .auto_shrink([false, false])
                            .show(ui, |ui| {
                                for (k, part) in parts(&text).into_iter().enumerate() {
                                    match part {
                                        Part::Prose(md) => {
                                            let id = ui.scope_id().with(k);
                                            CommonMarkViewer::new().show_with_id(
                                                id,
                                                ui,
                                                &mut self.cache,
                                                md,
                                            );
                                        }
                                        Part::Code(code) => code_block(ui, code),
                                    }
                                }
                            });
                    });
                });
            });
        // A link to another guide turns the page.
        if let Some(target) = PAGES
            .iter()
            .position(|p| self.cache.get_link_hook(p.file) == Some(true))
        {
            page = target;
        }
        self.page = open.then_some(page);
    }
}

/// A guide cut at its fenced code blocks. The code blocks are drawn here rather than by the
/// markdown viewer, whose copy button is a symbol our embedded font does not have.
#[derive(Debug, PartialEq)]
enum Part<'a> {
    Prose(&'a str),
    Code(&'a str),
}

fn parts(text: &str) -> Vec<Part<'_>> {
    let mut parts = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find("\n```").map(|i| i + 1) {
        let Some(body) = rest[open..].find('\n').map(|i| open + i + 1) else {
            break;
        };
        let close = rest[body..].find("\n```").map_or(rest.len(), |i| body + i);
        parts.push(Part::Prose(&rest[..open]));
        parts.push(Part::Code(rest[body..close].trim_end_matches('\n')));
        // Past the closing fence's line.
        rest = rest[close..]
            .trim_start_matches('\n')
            .split_once('\n')
            .map_or("", |(_, after)| after);
    }
    parts.push(Part::Prose(rest));
    parts.retain(|p| !matches!(p, Part::Prose(s) if s.trim().is_empty()));
    parts
}

/// A code block: the text in monospace on the code background, selectable for copying.
fn code_block(ui: &mut egui::Ui, code: &str) {
    egui::Frame::new()
        .fill(ui.visuals().extreme_bg_color)
        .inner_margin(8.0)
        .corner_radius(4.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.add(egui::Label::new(egui::RichText::new(code).monospace()).selectable(true));
        });
    ui.add_space(6.0);
}

/// The concepts page: each term of the glossary and what it means here.
fn concepts_page() -> String {
    let mut text = String::from(
        "# Concepts\n\nThe words stancemap uses, as the rest of this guide uses them.\n\n",
    );
    for (term, meaning) in CONCEPTS {
        text.push_str(&format!("**{term}**: {meaning}\n\n"));
    }
    text
}

/// The concepts, in the glossary's words.
const CONCEPTS: &[(&str, &str)] = &[
    (
        "Party",
        "An actor at the table. Principals must consent to any deal; Mediators broker it; Stakeholders are affected and push, but cannot veto.",
    ),
    (
        "Power",
        "A party's overall capability to shape outcomes, from 0 to 1.",
    ),
    (
        "Issue",
        "One dimension of the negotiation: a scale from 0 to 100 whose two ends you name (what 0 means, what 100 means).",
    ),
    (
        "Stance",
        "Where a party stands on an issue now (as of the project's date).",
    ),
    (
        "Ideal",
        "The outcome the party would most like; the stance unless you set it apart.",
    ),
    (
        "Walk-away",
        "The worst outcome the party still accepts. It accepts everything on its ideal's side of the walk-away.",
    ),
    (
        "Red line",
        "A walk-away the party has made public and calls non-negotiable.",
    ),
    (
        "Salience",
        "How much the issue matters to the party, from 0 to 1. Drawn as the strength of the marker in the positions grid.",
    ),
    (
        "Leverage",
        "Something a holder can do to a target: a Carrot (an inducement), a Stick (a threat or penalty) or an Alternative (what it does without a deal), with strength, credibility and cost.",
    ),
    (
        "ZOPA",
        "The zone of possible agreement: where every Principal's acceptable range overlaps. No ZOPA is a finding, not an error.",
    ),
    (
        "Outcome",
        "The predicted settlement of an issue: the power-and-salience weighted median (or mean) of the stances. An estimate from your scores, not a forecast with a guarantee.",
    ),
    (
        "Event and shift",
        "A dated happening on the timeline; a shift records a stance it changed.",
    ),
    (
        "Scenario",
        "A named alternative future: overrides of positions, leverage and power, and hypothetical events, over the base project. Pick it at the top of the view selector and every view shows it.",
    ),
    (
        "Editing",
        "Every change can be undone (Ctrl+Z) and redone (Ctrl+Shift+Z or Ctrl+Y). Tab moves between fields.",
    ),
];

/// The keyboard page: every command's shortcut as the menus show it, and the grid's keys.
pub fn keyboard_page(ctx: &egui::Context) -> String {
    let mut text = String::from(
        "# Keyboard\n\nEvery command in the menus shows its shortcut there too.\n\n\
         | Keys | Command |\n|---|---|\n",
    );
    for command in Command::with_shortcuts() {
        let keys: Vec<String> = command
            .shortcut()
            .into_iter()
            .chain(command.alternate_shortcuts())
            .map(|k| ctx.format_shortcut(&k))
            .collect();
        text.push_str(&format!(
            "| {} | {} |\n",
            keys.join(" or "),
            command.label()
        ));
    }
    text.push_str(
        "\n## Moving around\n\n\
         | Keys | What they do |\n|---|---|\n\
         | Tab, Shift+Tab | the next or previous field; with nothing focused, Tab starts in the view |\n\
         | F6 | from the view to the inspector's first field, and back |\n\
         | Escape | leave the field being edited (back to the grid in Positions) |\n\
         \n## In the positions grid\n\n\
         | Keys | What they do |\n|---|---|\n\
         | Arrow keys | select the next cell up, down, left or right |\n\
         | Digits, then Enter | set the selected cell's stance and move down a row |\n\
         | Enter | edit the selected cell: the cursor goes to its Stance field |\n\
         | Ctrl+V | paste a block of stances copied from a spreadsheet, from the selected cell |\n",
    );
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_blocks_are_cut_out_of_the_prose() {
        let text = "# Title\n\nSome text.\n```ron\nProject(\n  title: \"x\",\n)\n```\nMore text.\n";
        assert_eq!(
            parts(text),
            [
                Part::Prose("# Title\n\nSome text.\n"),
                Part::Code("Project(\n  title: \"x\",\n)"),
                Part::Prose("More text.\n"),
            ]
        );
        assert_eq!(parts("plain"), [Part::Prose("plain")]);
        // An unclosed fence runs to the end.
        assert_eq!(
            parts("a\n```\ncode"),
            [Part::Prose("a\n"), Part::Code("code")]
        );
    }

    #[test]
    fn every_guide_in_docs_is_in_the_program() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs");
        for entry in std::fs::read_dir(dir).unwrap() {
            let name = entry.unwrap().file_name().into_string().unwrap();
            // architecture.md is for developers, not a user's guide.
            if name.ends_with(".md") && name != "architecture.md" {
                assert!(
                    PAGES.iter().any(|p| p.file == name),
                    "{name} is not in Help"
                );
            }
        }
        // Code is fenced, so `parts` draws it: an indented block would go to the viewer.
        for page in PAGES {
            let lines: Vec<&str> = page.text.unwrap_or_default().lines().collect();
            for pair in lines.windows(2) {
                let indented = pair[1].starts_with("    ") && !pair[1].trim().is_empty();
                assert!(
                    !(pair[0].trim().is_empty() && indented),
                    "{}: an indented code block: {:?}",
                    page.file,
                    pair[1]
                );
            }
        }
    }
}
