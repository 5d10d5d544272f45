//! Reading a project file: size limit, encoding, format version, RON parse, then validation.

use super::{Diagnostic, Location, validate};
use crate::model::Project;
use std::path::Path;

/// Files larger than this are refused from their size alone, before they are read.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// A project that loaded, with the warnings it raised.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub project: Project,
    pub warnings: Vec<Diagnostic>,
}

/// A file that did not load: every problem found (errors first, then any warnings).
#[derive(Debug, Clone, thiserror::Error)]
#[error("{}", diagnostics.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
pub struct LoadError {
    pub diagnostics: Vec<Diagnostic>,
}

impl LoadError {
    fn file(message: impl Into<String>) -> Self {
        Self {
            diagnostics: vec![Diagnostic::error(Location::File, message)],
        }
    }
}

/// Read and validate the project at `path`. The file is never modified.
pub fn load_path(path: &Path) -> Result<Loaded, LoadError> {
    let meta = std::fs::metadata(path)
        .map_err(|e| LoadError::file(format!("cannot read the file: {e}")))?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(LoadError::file(format!(
            "the file is {} bytes; stancemap opens project files of at most {} bytes (64 MiB)",
            meta.len(),
            MAX_FILE_BYTES
        )));
    }
    let bytes =
        std::fs::read(path).map_err(|e| LoadError::file(format!("cannot read the file: {e}")))?;
    load_bytes(&bytes)
}

/// Parse and validate a project from the bytes of a file.
pub fn load_bytes(bytes: &[u8]) -> Result<Loaded, LoadError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::file("the file is larger than 64 MiB"));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        LoadError::file(format!(
            "the file is not UTF-8 text (bad byte at offset {})",
            e.valid_up_to()
        ))
    })?;
    let options =
        ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    let project: Project = options.from_str(text).map_err(|e| LoadError {
        diagnostics: vec![Diagnostic::error(
            Location::Text {
                line: e.span.start.line,
                column: e.span.start.col,
            },
            e.code.to_string(),
        )],
    })?;
    let diagnostics = validate(&project);
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(LoadError { diagnostics });
    }
    Ok(Loaded {
        project,
        warnings: diagnostics,
    })
}
