//! Writing a project: canonical pretty RON, saved atomically.

use crate::model::Project;
use std::io::Write;
use std::path::Path;

/// The canonical text of a project: fields in FORMAT.md order, defaults left out.
pub fn to_canonical(project: &Project) -> String {
    let config = ron::ser::PrettyConfig::new()
        .struct_names(true)
        .indentor("    ".to_owned());
    let mut text = ron::ser::to_string_pretty(project, config).unwrap_or_default();
    text.push('\n');
    text
}

/// Write `project` to `path` atomically: a temporary file in the same folder, fsynced,
/// then renamed over the target.
pub fn save_atomic(path: &Path, project: &Project) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(to_canonical(project).as_bytes())?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
