//! The PDF exports: File ▸ Export briefing… (Ctrl+Shift+E), the briefing pack as one PDF,
//! and File ▸ Export role sheets…, one PDF per party and the facilitator's, into a folder;
//! both for the active scenario and time-travel date. Each is built and written atomically
//! on a worker thread (`writing`) while a progress window shows, then a clear message says
//! where it went or why it failed.

use super::writing::{self, Report};
use super::{App, Document};
use std::path::{Path, PathBuf};

/// "ceasefire-2025-briefing.pdf", from the project's file name or its title.
fn suggested_name(doc: &Document) -> String {
    let stem = doc
        .path
        .as_deref()
        .or(doc.suggested_name.as_deref().map(Path::new))
        .and_then(|p| p.file_stem())
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "briefing".to_owned());
    format!("{stem}-briefing.pdf")
}

/// Ask where, then build and write the pack off the UI thread.
pub fn start(app: &mut App) {
    if writing::is_busy(app) {
        return;
    }
    let Some(mut path) = app.dialogs.pdf_path(&suggested_name(&app.doc)) else {
        return;
    };
    if path.extension().is_none() {
        path.set_extension("pdf");
    }
    let project = app.doc.snapshot();
    let options = stancemap_brief::Options {
        scenario: app.shell.scenario.clone(),
        as_of: app.shell.as_of.clone(),
        ..stancemap_brief::Options::new()
    };
    writing::start(
        app,
        "briefing",
        Report::Message("Briefing exported"),
        move || {
            let pack = stancemap_brief::build(&project, &options).map_err(|e| e.to_string())?;
            crate::format::write_export(&path, &pack.bytes).map_err(|e| e.to_string())?;
            Ok(format!(
                "Wrote the briefing pack ({} pages) to {}",
                pack.pages,
                path.display()
            ))
        },
    );
}

/// Ask for a folder, then build and write every role sheet there off the UI thread.
pub fn start_roles(app: &mut App) {
    if writing::is_busy(app) {
        return;
    }
    let Some(dir) = app.dialogs.roles_folder() else {
        return;
    };
    let project = app.doc.snapshot();
    let options = stancemap_brief::Options {
        scenario: app.shell.scenario.clone(),
        as_of: app.shell.as_of.clone(),
        ..stancemap_brief::Options::new()
    };
    let report = Report::Message("Role sheets exported");
    writing::start(app, "role sheets", report, move || {
        let sheets = stancemap_brief::build_roles(&project, &options).map_err(|e| e.to_string())?;
        std::fs::create_dir_all(&dir)
            .map_err(|e| format!("cannot make the folder {}: {e}", dir.display()))?;
        let files: Vec<(PathBuf, Vec<u8>)> = sheets
            .iter()
            .map(|s| (dir.join(&s.file_name), s.pack.bytes.clone()))
            .collect();
        crate::format::write_export_set(&files)
            .map_err(|e| format!("{e}; no sheet was written"))?;
        let names: Vec<&str> = sheets.iter().map(|s| s.file_name.as_str()).collect();
        Ok(format!(
            "Wrote {} role sheets to {}: {}. Hand each team only its own sheet.",
            sheets.len(),
            dir.display(),
            names.join(", ")
        ))
    });
}
