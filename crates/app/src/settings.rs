//! User preferences kept between runs in eframe's storage: recent files, theme, zoom and the
//! last view. Never the document: that lives in the user's own file (and, while unsaved, in
//! the recovery copies of `recovery`).

use eframe::egui;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// How many recent files the File menu lists.
const MAX_RECENT: usize = 10;

/// The storage key of the settings.
pub const STORAGE_KEY: &str = "stancemap-settings";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum ThemeChoice {
    #[default]
    System,
    Light,
    Dark,
}

impl ThemeChoice {
    pub const ALL: [ThemeChoice; 3] = [Self::System, Self::Light, Self::Dark];

    pub fn label(self) -> &'static str {
        match self {
            Self::System => "Follow system",
            Self::Light => "Light",
            Self::Dark => "Dark",
        }
    }

    pub fn next(self) -> Self {
        match self {
            Self::System => Self::Light,
            Self::Light => Self::Dark,
            Self::Dark => Self::System,
        }
    }

    pub fn preference(self) -> egui::ThemePreference {
        match self {
            Self::System => egui::ThemePreference::System,
            Self::Light => egui::ThemePreference::Light,
            Self::Dark => egui::ThemePreference::Dark,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Most recent first. The first entry is reopened at start.
    pub recent: Vec<PathBuf>,
    pub theme: ThemeChoice,
    pub zoom: f32,
    /// The `--view` name of the view shown last.
    pub view: String,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            recent: Vec::new(),
            theme: ThemeChoice::System,
            zoom: 1.0,
            view: String::new(),
        }
    }
}

impl Settings {
    /// Put `path` at the top of the recent list.
    pub fn remember(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_path_buf());
        self.recent.truncate(MAX_RECENT);
    }

    pub fn forget(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
    }
}

/// Zoom steps for Ctrl +/-, clamped to a range where the layout still works.
pub fn zoom_step(zoom: f32, up: bool) -> f32 {
    let next = if up { zoom * 1.1 } else { zoom / 1.1 };
    (next * 100.0).round().clamp(50.0, 300.0) / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_files_are_most_recent_first_and_unique() {
        let mut s = Settings::default();
        s.remember(Path::new("/a.ron"));
        s.remember(Path::new("/b.ron"));
        s.remember(Path::new("/a.ron"));
        assert_eq!(
            s.recent,
            vec![PathBuf::from("/a.ron"), PathBuf::from("/b.ron")]
        );
        for i in 0..20 {
            s.remember(&PathBuf::from(format!("/{i}.ron")));
        }
        assert_eq!(s.recent.len(), MAX_RECENT);
        assert_eq!(s.recent[0], PathBuf::from("/19.ron"));
    }

    #[test]
    fn zoom_steps_round_and_clamp() {
        assert_eq!(zoom_step(1.0, true), 1.1); // 1.0 * 1.1
        assert_eq!(zoom_step(1.0, false), 0.91); // 1 / 1.1 = 0.909 -> 0.91
        assert_eq!(zoom_step(2.9, true), 3.0); // 3.19 clamped to 3
        assert_eq!(zoom_step(0.5, false), 0.5);
    }
}
