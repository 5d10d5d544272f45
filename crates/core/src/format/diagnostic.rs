//! One problem found in a file: its severity, where it is, and what to do about it.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

/// Where a problem is: a text position from the parser, or a named item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// The whole file (size, encoding, version).
    File,
    /// 1-based line and column, as the RON parser reports them.
    Text { line: usize, column: usize },
    /// An item of the project, by name first where it has one, e.g. `Russia on Territory
    /// (positions[3])`, `Russia (parties[0])`, or `parties[2] ("eu")` when it has no name.
    Item(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub location: Location,
    pub message: String,
}

impl Diagnostic {
    pub fn error(location: Location, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            location,
            message: message.into(),
        }
    }

    pub fn warning(location: Location, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            location,
            message: message.into(),
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The `check` line: `FILE:LINE:COL: error: ...` or `FILE: ITEM: warning: ...`.
    pub fn with_file(&self, file: &str) -> String {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        match &self.location {
            Location::File => format!("{file}: {severity}: {}", self.message),
            Location::Text { line, column } => {
                format!("{file}:{line}:{column}: {severity}: {}", self.message)
            }
            Location::Item(item) => format!("{file}: {item}: {severity}: {}", self.message),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let line = self.with_file("");
        f.write_str(
            line.strip_prefix(": ")
                .or_else(|| line.strip_prefix(':'))
                .unwrap_or(&line),
        )
    }
}
