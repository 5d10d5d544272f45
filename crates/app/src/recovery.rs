//! No lost work, the app side: where recovery copies go and how often, and the "Show both"
//! window listing how recovered work differs from its file. The timer that writes the
//! copies and the differences themselves are `files` in the core.

use eframe::egui;
use std::path::PathBuf;
use std::time::Duration;

/// How often unsaved changes are copied to the recovery folder.
pub const AUTOSAVE_INTERVAL: Duration = Duration::from_secs(30);

/// Where recovery copies go and how often (tests pass a temporary folder and a short
/// interval; the window uses the app's data folder).
#[derive(Debug, Clone)]
pub struct RecoveryOptions {
    pub dir: PathBuf,
    pub interval: Duration,
}

impl RecoveryOptions {
    /// The `recovery/` folder in the app's data folder (next to eframe's own storage).
    pub fn standard() -> Option<Self> {
        Some(Self {
            dir: eframe::storage_dir("stancemap")?.join("recovery"),
            interval: AUTOSAVE_INTERVAL,
        })
    }
}

/// The "Show both" window: the recovered project is the document; this lists how it differs
/// from the file.
pub struct Comparison {
    pub file: String,
    pub lines: Vec<String>,
}

/// Draw the comparison window, if open; returns false once the user closed it.
pub fn comparison_ui(ctx: &egui::Context, comparison: &Comparison) -> bool {
    let mut open = true;
    let mut close = false;
    egui::Window::new("Recovered work compared with the file")
        .open(&mut open)
        .default_width(480.0)
        .show(ctx, |ui| {
            ui.label(format!(
                "The project open now is the recovered work (not saved yet). Compared with {}:",
                comparison.file
            ));
            ui.add_space(6.0);
            if comparison.lines.is_empty() {
                ui.label("No differences: the file already holds this work.");
            }
            egui::ScrollArea::vertical()
                .max_height(360.0)
                .show(ui, |ui| {
                    // The differences as `stancemap diff` words them: a heading per part of
                    // the project, then its items, indented.
                    for line in &comparison.lines {
                        match line.strip_prefix("  ") {
                            Some(item) => ui.label(in_words(item)),
                            None => ui.label(egui::RichText::new(line).strong()),
                        };
                    }
                });
            ui.add_space(6.0);
            ui.label(
                egui::RichText::new(
                    "Undo (Ctrl+Z) goes back to the file's version; Save keeps the recovered one.",
                )
                .weak(),
            );
            if ui.button("Close").clicked() {
                close = true;
            }
        });
    open && !close
}

/// A line of the diff in words: "+ X" reads "Added: X", "- X" "Removed: X", "~ X: a -> b"
/// "X: a -> b".
fn in_words(item: &str) -> String {
    if let Some(rest) = item.strip_prefix("+ ") {
        format!("Added: {rest}")
    } else if let Some(rest) = item.strip_prefix("- ") {
        format!("Removed: {rest}")
    } else {
        item.strip_prefix("~ ").unwrap_or(item).to_owned()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn diff_marks_become_words() {
        assert_eq!(super::in_words("+ party Türkiye"), "Added: party Türkiye");
        assert_eq!(
            super::in_words("- Russia on Kursk"),
            "Removed: Russia on Kursk"
        );
        assert_eq!(
            super::in_words("~ Russia on Kursk: stance 50 -> 12.5"),
            "Russia on Kursk: stance 50 -> 12.5"
        );
    }
}
