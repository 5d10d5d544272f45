//! Every user command, with its menu label and keyboard shortcut. Menus, shortcuts and
//! buttons all queue a `Command`; `App::logic` drains the queue, so each action has one
//! implementation however it was asked for.

use super::settings::ThemeChoice;
use super::views::ViewKind;
use eframe::egui;
use egui::{Key, KeyboardShortcut, Modifiers};
use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    New,
    Open,
    /// Open this file (a recent file or a dropped one), behind the unsaved-changes guard.
    OpenPath(PathBuf),
    /// Open the embedded sample with this index in `samples::SAMPLES`.
    OpenSample(usize),
    Save,
    SaveAs,
    Quit,
    Undo,
    Redo,
    ShowView(ViewKind),
    ZoomIn,
    ZoomOut,
    ZoomReset,
    CycleTheme,
    SetTheme(ThemeChoice),
    ShowWarnings,
    Guide,
    About,
    /// Delete a party (asks first when positions, leverage or shifts refer to it).
    DeleteParty(String),
    /// Delete an issue (asks first when positions, leverage or shifts refer to it).
    DeleteIssue(String),
    /// Open the dialog that writes several charts to a folder.
    ExportCharts,
    /// Write the briefing pack (PDF) of the active scenario and date to a file the user picks.
    ExportBriefing,
    /// Write the workshop's role sheets (a PDF per party, the facilitator's) into a folder.
    ExportRoleSheets,
    /// Save one chart to a file the user picks (SVG or PNG by its extension).
    ExportChart(crate::charts::Chart),
    /// Time travel: show the project as of the previous event's date.
    PreviousEvent,
    /// Time travel: show the project as of the next event's date (after the last: as written).
    NextEvent,
    /// Leave time travel: show the project as written.
    Latest,
    /// Enter or leave presentation mode.
    Present,
    /// List the differences from another project file, outlining changed cells in the grid.
    CompareWith,
    /// Write the base positions as a CSV table.
    ExportPositionsCsv,
    /// Read a CSV table of positions into the base (one undo step).
    ImportPositionsCsv,
    /// Move the keyboard focus between the view and the inspector.
    SwitchPane,
    /// Open the user's guide at its keyboard page.
    Keyboard,
}

const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);

impl Command {
    /// The commands that have a fixed shortcut, checked every frame.
    pub fn with_shortcuts() -> Vec<Command> {
        let mut all = vec![
            Command::New,
            Command::Open,
            Command::Save,
            Command::SaveAs,
            Command::ExportCharts,
            Command::ExportBriefing,
            Command::ExportRoleSheets,
            Command::Quit,
            Command::Undo,
            Command::Redo,
            Command::ZoomIn,
            Command::ZoomOut,
            Command::ZoomReset,
            Command::CycleTheme,
            Command::ShowWarnings,
            Command::Guide,
            Command::About,
            Command::PreviousEvent,
            Command::NextEvent,
            Command::Latest,
            Command::Present,
            Command::SwitchPane,
        ];
        // Alt+1..Alt+0 reach the first ten views; later ones are in the view list and menu.
        all.extend(
            ViewKind::ALL
                .iter()
                .map(|v| Command::ShowView(*v))
                .filter(|c| c.shortcut().is_some()),
        );
        all
    }

    /// The label in menus and on buttons.
    pub fn label(&self) -> String {
        match self {
            Command::New => "New".into(),
            Command::Open => "Open…".into(),
            Command::OpenPath(path) => path.display().to_string(),
            Command::OpenSample(i) => super::samples::SAMPLES
                .get(*i)
                .map_or_else(|| "Sample".into(), |s| s.title.to_owned()),
            Command::Save => "Save".into(),
            Command::SaveAs => "Save As…".into(),
            Command::Quit => "Quit".into(),
            Command::Undo => "Undo".into(),
            Command::Redo => "Redo".into(),
            Command::ShowView(view) => view.label().into(),
            Command::ZoomIn => "Zoom in".into(),
            Command::ZoomOut => "Zoom out".into(),
            Command::ZoomReset => "Reset zoom".into(),
            Command::CycleTheme => "Next theme".into(),
            Command::SetTheme(theme) => theme.label().into(),
            Command::ShowWarnings => "Warnings…".into(),
            Command::Guide => "User's guide".into(),
            Command::About => "About stancemap".into(),
            Command::DeleteParty(_) => "Delete party…".into(),
            Command::DeleteIssue(_) => "Delete issue…".into(),
            Command::ExportCharts => "Export charts…".into(),
            Command::ExportBriefing => "Export briefing…".into(),
            Command::ExportRoleSheets => "Export role sheets…".into(),
            Command::ExportChart(chart) => format!("Export the {} chart…", chart.name()),
            Command::PreviousEvent => "Previous event".into(),
            Command::NextEvent => "Next event".into(),
            Command::Latest => "Back to the present".into(),
            Command::Present => "Present".into(),
            Command::CompareWith => "Compare with…".into(),
            Command::ExportPositionsCsv => "Export positions as CSV…".into(),
            Command::ImportPositionsCsv => "Import positions from CSV…".into(),
            Command::SwitchPane => "Switch between view and inspector".into(),
            Command::Keyboard => "Keyboard shortcuts".into(),
        }
    }

    /// The shortcut shown in menus and acted on everywhere.
    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        let s = |modifiers, key| Some(KeyboardShortcut::new(modifiers, key));
        match self {
            Command::New => s(CTRL, Key::N),
            Command::Open => s(CTRL, Key::O),
            Command::Save => s(CTRL, Key::S),
            Command::SaveAs => s(CTRL_SHIFT, Key::S),
            Command::ExportCharts => s(CTRL, Key::E),
            Command::ExportBriefing => s(CTRL_SHIFT, Key::E),
            Command::ExportRoleSheets => s(CTRL_SHIFT, Key::R),
            Command::Quit => s(CTRL, Key::Q),
            Command::Undo => s(CTRL, Key::Z),
            Command::Redo => s(CTRL_SHIFT, Key::Z),
            Command::ZoomIn => s(CTRL, Key::Plus),
            Command::ZoomOut => s(CTRL, Key::Minus),
            Command::ZoomReset => s(CTRL, Key::Num0),
            Command::CycleTheme => s(CTRL_SHIFT, Key::T),
            Command::ShowWarnings => s(Modifiers::NONE, Key::F8),
            Command::Guide => s(Modifiers::NONE, Key::F1),
            Command::About => s(Modifiers::SHIFT, Key::F1),
            Command::PreviousEvent => s(Modifiers::ALT, Key::ArrowLeft),
            Command::NextEvent => s(Modifiers::ALT, Key::ArrowRight),
            Command::Latest => s(Modifiers::ALT, Key::End),
            Command::Present => s(Modifiers::NONE, Key::F5),
            Command::SwitchPane => s(Modifiers::NONE, Key::F6),
            Command::ShowView(view) => {
                let key = [
                    Key::Num1,
                    Key::Num2,
                    Key::Num3,
                    Key::Num4,
                    Key::Num5,
                    Key::Num6,
                    Key::Num7,
                    Key::Num8,
                    Key::Num9,
                    Key::Num0,
                ]
                .get(view.index())
                .copied()?;
                s(Modifiers::ALT, key)
            }
            Command::OpenPath(_)
            | Command::OpenSample(_)
            | Command::SetTheme(_)
            | Command::DeleteParty(_)
            | Command::DeleteIssue(_)
            | Command::ExportChart(_)
            | Command::CompareWith
            | Command::ExportPositionsCsv
            | Command::ImportPositionsCsv
            | Command::Keyboard => None,
        }
    }

    /// Other keys that also trigger the command (common alternatives on some platforms).
    pub fn alternate_shortcuts(&self) -> Vec<KeyboardShortcut> {
        match self {
            Command::Redo => vec![KeyboardShortcut::new(CTRL, Key::Y)],
            Command::ZoomIn => vec![KeyboardShortcut::new(CTRL, Key::Equals)],
            _ => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortcuts_are_distinct() {
        let mut seen = Vec::new();
        for command in Command::with_shortcuts() {
            let mut keys = command.alternate_shortcuts();
            keys.extend(command.shortcut());
            assert!(!keys.is_empty(), "{command:?} has no shortcut");
            for key in keys {
                assert!(!seen.contains(&key), "{command:?} reuses {key:?}");
                seen.push(key);
            }
        }
    }
}
