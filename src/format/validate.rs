//! Semantic checks of a parsed project (shared/FORMAT.md, "Validation").

use super::Diagnostic;
use crate::model::Project;

/// Every error and warning in `project`, in file order.
pub fn validate(_project: &Project) -> Vec<Diagnostic> {
    Vec::new()
}
