//! Reading a project file: size limit, encoding, format version, RON parse, then validation.

use super::{Diagnostic, Location, fast, syntax, validate};
use crate::model::{FORMAT_VERSION, Project};
use std::cell::Cell;
use std::io::Read;
use std::path::Path;

/// Files larger than this are refused from their size alone, before they are read.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// How deeply RON values may nest. A project nests about six levels; the limit only has to
/// stop a hostile file from overflowing the stack.
const RECURSION_LIMIT: usize = 128;

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

/// The RON options every reader uses: `implicit_some` (FORMAT.md lets `Some(x)` be written
/// as `x`) and a recursion limit.
pub(crate) fn ron_options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .with_recursion_limit(RECURSION_LIMIT)
}

fn too_large(size: u64) -> LoadError {
    LoadError::file(format!(
        "the file is {size} bytes; stancemap opens project files of at most {MAX_FILE_BYTES} \
         bytes (64 MiB). Check that this is a stancemap project"
    ))
}

fn cannot_read(e: &std::io::Error) -> LoadError {
    LoadError::file(format!("cannot read the file: {e}"))
}

/// Read and validate the project at `path`. The file is never modified.
pub fn load_path(path: &Path) -> Result<Loaded, LoadError> {
    let (file, size) = open_capped(path)?;
    load_bytes(&read_stream(file, size + 1)?)
}

/// The bytes of the file at `path`, refusing a file over `MAX_FILE_BYTES` from its size
/// before reading it, and never reading more than `MAX_FILE_BYTES + 1` bytes (the size in
/// the metadata can be wrong: a growing file, a device).
pub fn read_capped(path: &Path) -> Result<Vec<u8>, LoadError> {
    let (file, size) = open_capped(path)?;
    // Room for the whole file up front (+1 to see the end), instead of doubling and copying.
    read_stream(file, size + 1)
}

/// The open file at `path` and its size, after the checks `read_capped` describes. The file
/// is opened first and the open handle is checked, so a file swapped for a pipe between a
/// check and the open cannot slip through (and opening a pipe does not wait for a writer).
fn open_capped(path: &Path) -> Result<(std::fs::File, usize), LoadError> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    let file = match options.open(path) {
        Ok(file) => file,
        Err(_) if path.is_dir() => return Err(not_a_file(true)),
        Err(e) => return Err(cannot_read(&e)),
    };
    let meta = file.metadata().map_err(|e| cannot_read(&e))?;
    if meta.is_dir() {
        return Err(not_a_file(true));
    }
    if !meta.is_file() {
        return Err(not_a_file(false));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large(meta.len()));
    }
    Ok((file, meta.len() as usize))
}

fn not_a_file(folder: bool) -> LoadError {
    LoadError::file(if folder {
        "this is a folder, not a project file; give the path of a .ron file"
    } else {
        // A named pipe or a device would block or never end; only plain files are projects.
        "this is not a regular file (a pipe, device or socket); give the path of a .ron file"
    })
}

fn read_stream(reader: impl Read, capacity: usize) -> Result<Vec<u8>, LoadError> {
    let mut bytes = Vec::with_capacity(capacity);
    reader
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| cannot_read(&e))?;
    Ok(bytes)
}

/// Read and validate a project from a stream, reading at most `MAX_FILE_BYTES + 1` bytes.
pub fn load_reader(reader: impl Read) -> Result<Loaded, LoadError> {
    load_bytes(&read_stream(reader, 0)?)
}

/// Parse and validate a project from the bytes of a file.
pub fn load_bytes(bytes: &[u8]) -> Result<Loaded, LoadError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::file(format!(
            "the file is larger than {MAX_FILE_BYTES} bytes (64 MiB); stancemap does not \
             open project files that large. Check that this is a stancemap project"
        )));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let (line, column) = line_column(&bytes[..e.valid_up_to()]);
        LoadError {
            diagnostics: vec![Diagnostic::error(
                Location::Text { line, column },
                "the file is not UTF-8 text: this byte is not valid UTF-8. Save the file \
                 with the UTF-8 encoding in your editor",
            )],
        }
    })?;
    load_str(text)
}

/// Parse and validate a project from text.
pub fn load_str(text: &str) -> Result<Loaded, LoadError> {
    // Some Windows editors start UTF-8 files with an invisible byte order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(LoadError::file(
            "the file is empty; a project file starts with `Project(` (see the example in the \
             file format manual)",
        ));
    }
    if let Some(version) = probe_format(text)
        && version > u64::from(FORMAT_VERSION)
    {
        return Err(LoadError::file(format!(
            "this file was written by format {version}; this stancemap reads format \
             {FORMAT_VERSION}. Open it with a newer version of stancemap"
        )));
    }
    // The fast reader takes plain files; `ron` reads the rest and words every syntax error.
    let project: Project = match fast::parse(text) {
        Some(project) => project,
        None => ron_options().from_str(text).map_err(|e| LoadError {
            diagnostics: vec![syntax::diagnostic(text, &e)],
        })?,
    };
    let mut diagnostics = validate(&project);
    if diagnostics.iter().any(Diagnostic::is_error) {
        diagnostics.sort_by_key(|d| d.severity);
        return Err(LoadError { diagnostics });
    }
    Ok(Loaded {
        project,
        warnings: diagnostics,
    })
}

/// 1-based line and column (in characters) just after `valid`, which is valid UTF-8.
fn line_column(valid: &[u8]) -> (usize, usize) {
    let text = std::str::from_utf8(valid).unwrap_or_default();
    let line = 1 + text.matches('\n').count();
    let last_line = text.rsplit('\n').next().unwrap_or_default();
    (line, 1 + last_line.chars().count())
}

/// The `format` number of a project file, read before anything else so that a file from a
/// newer version is refused for its version, not for fields this version does not know.
///
/// Walks the top-level fields leniently (unknown fields are skipped) and stops at `format`,
/// so the syntax of everything after it does not matter. `None` when there is no readable
/// `format` before the first syntax error; the full parse then reports the problem.
pub(crate) fn probe_format(text: &str) -> Option<u64> {
    let found = Cell::new(None);
    // The result is ignored on purpose: stopping at `format` leaves the struct unfinished,
    // which RON reports as an error after the number was already recorded.
    let _ = ron_options().from_str_seed(text, FormatProbe { found: &found });
    found.get()
}

struct FormatProbe<'a> {
    found: &'a Cell<Option<u64>>,
}

impl<'de> serde::de::DeserializeSeed<'de> for FormatProbe<'_> {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_struct("Project", &["format"], self)
    }
}

impl<'de> serde::de::Visitor<'de> for FormatProbe<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a Project")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            if key == "format" {
                self.found.set(Some(map.next_value::<u64>()?));
                return Ok(());
            }
            map.next_value::<serde::de::IgnoredAny>()?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_is_found_before_broken_syntax() {
        assert_eq!(
            probe_format("Project(format: 3, title: \"x\", ((( "),
            Some(3)
        );
        assert_eq!(
            probe_format("// c\n(\n  format: 2,\n  futures: Thing(a: [1]),\n"),
            Some(2)
        );
        assert_eq!(
            probe_format("Project(title: \"x\", new_field: Some([1, 2]), format: 7)"),
            Some(7)
        );
        assert_eq!(probe_format("Project(title: \"x\")"), None);
        assert_eq!(probe_format("Project(title: ((, format: 7)"), None);
        assert_eq!(probe_format("Project(format: \"1\")"), None);
        assert_eq!(probe_format(""), None);
    }

    /// A big file read from its path: what loads, and every message, must be the same as
    /// from the bytes themselves.
    #[test]
    fn big_files_load_as_their_bytes_do() {
        let sample = include_str!("../../../../sample_projects/ceasefire-2025.ron");
        // A comment of 3 MiB makes the file big without changing the project.
        let padding = format!("\n// {}\n", "x".repeat(3 * 1024 * 1024));
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.ron");

        std::fs::write(&path, format!("{sample}{padding}")).unwrap();
        let loaded = load_path(&path).unwrap();
        assert_eq!(loaded.project, load_str(sample).unwrap().project);

        let broken = format!("{}{padding}", sample.replacen("format:", "formatt:", 1));
        std::fs::write(&path, &broken).unwrap();
        let from_path = load_path(&path).unwrap_err().to_string();
        assert_eq!(from_path, load_str(&broken).unwrap_err().to_string());
        assert!(from_path.contains("formatt"), "{from_path}");
    }

    #[test]
    fn line_column_counts_characters() {
        assert_eq!(line_column(b""), (1, 1));
        assert_eq!(line_column("ab\ncé".as_bytes()), (2, 3));
    }
}
