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
    #[cfg(target_os = "linux")]
    if size >= huge::WORTH_IT
        && let Some(buffer) = huge::Buffer::new(size + 1)
    {
        return load_huge(file, buffer);
    }
    load_bytes(&read_stream(file, size + 1)?)
}

/// Read `file` into `buffer` and load it; if the file grew past the buffer since its size
/// was read, the rest is read as `read_stream` would, so the same bytes are loaded.
#[cfg(target_os = "linux")]
fn load_huge(mut file: std::fs::File, mut buffer: huge::Buffer) -> Result<Loaded, LoadError> {
    let limit = (MAX_FILE_BYTES + 1) as usize;
    let space = buffer.bytes();
    let cap = space.len().min(limit);
    let mut filled = 0;
    while filled < cap {
        match file.read(&mut space[filled..cap]) {
            Ok(0) => return load_bytes(&space[..filled]),
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(cannot_read(&e)),
        }
    }
    let mut bytes = space[..filled].to_vec();
    file.take((limit - filled) as u64)
        .read_to_end(&mut bytes)
        .map_err(|e| cannot_read(&e))?;
    load_bytes(&bytes)
}

/// The bytes of the file at `path`, refusing a file over `MAX_FILE_BYTES` from its size
/// before reading it, and never reading more than `MAX_FILE_BYTES + 1` bytes (the size in
/// the metadata can be wrong: a growing file, a device).
pub fn read_capped(path: &Path) -> Result<Vec<u8>, LoadError> {
    let (file, size) = open_capped(path)?;
    // Room for the whole file up front (+1 to see the end), instead of doubling and copying.
    read_stream(file, size + 1)
}

/// The open file at `path` and its size, after the checks `read_capped` describes.
fn open_capped(path: &Path) -> Result<(std::fs::File, usize), LoadError> {
    let meta = std::fs::metadata(path).map_err(|e| cannot_read(&e))?;
    if meta.is_dir() {
        return Err(LoadError::file(
            "this is a folder, not a project file; give the path of a .ron file",
        ));
    }
    if !meta.is_file() {
        // A named pipe or a device would block or never end; only plain files are projects.
        return Err(LoadError::file(
            "this is not a regular file (a pipe, device or socket); give the path of a .ron file",
        ));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large(meta.len()));
    }
    let file = std::fs::File::open(path).map_err(|e| cannot_read(&e))?;
    Ok((file, meta.len() as usize))
}

/// A read buffer in 2 MiB pages for big files. Each fresh 4 KiB page costs a page fault on
/// first touch (several microseconds on a VM): reading a 4 MB file into an ordinary buffer
/// spent a third of `check`'s time in a thousand faults; huge pages make them a few.
#[cfg(target_os = "linux")]
mod huge {
    use std::ptr;

    const HUGE_PAGE: usize = 2 * 1024 * 1024;
    /// Below this, a file is read into an ordinary `Vec`.
    pub(super) const WORTH_IT: usize = HUGE_PAGE;

    /// Private anonymous memory (never a mapping of the file itself, which would fault if
    /// the file were truncated while mapped), aligned to a huge page.
    pub(super) struct Buffer {
        map: *mut libc::c_void,
        map_len: usize,
        data: *mut u8,
        len: usize,
    }

    impl Buffer {
        /// At least `len` bytes, or `None` if the memory cannot be mapped.
        pub(super) fn new(len: usize) -> Option<Self> {
            let len = len.checked_next_multiple_of(HUGE_PAGE)?;
            // One huge page more, to start the data on a huge-page boundary.
            let map_len = len.checked_add(HUGE_PAGE)?;
            // SAFETY: a fresh private anonymous mapping aliases nothing.
            let map = unsafe {
                libc::mmap(
                    ptr::null_mut(),
                    map_len,
                    libc::PROT_READ | libc::PROT_WRITE,
                    libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                    -1,
                    0,
                )
            };
            if map == libc::MAP_FAILED {
                return None;
            }
            let offset = (map as usize).next_multiple_of(HUGE_PAGE) - map as usize;
            // SAFETY: `offset + len <= map_len`, inside the mapping.
            let data = unsafe { map.cast::<u8>().add(offset) };
            // SAFETY: the range is inside the mapping. The advice changes no contents; if
            // it is refused (huge pages disabled) the buffer simply keeps small pages.
            unsafe { libc::madvise(data.cast(), len, libc::MADV_HUGEPAGE) };
            Some(Self {
                map,
                map_len,
                data,
                len,
            })
        }

        pub(super) fn bytes(&mut self) -> &mut [u8] {
            // SAFETY: `data..data + len` is mapped read-write for the life of `self`,
            // initialised (anonymous memory reads as zeros) and borrowed only through here.
            unsafe { std::slice::from_raw_parts_mut(self.data, self.len) }
        }
    }

    impl Drop for Buffer {
        fn drop(&mut self) {
            // SAFETY: exactly the mapping made in `new`, unmapped once; no borrow of it
            // outlives `self`.
            unsafe { libc::munmap(self.map, self.map_len) };
        }
    }
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

    /// Files of 2 MiB and more are read into a huge-page buffer: what loads, and every
    /// message, must be the same as from the bytes themselves.
    #[test]
    fn big_files_load_as_their_bytes_do() {
        let sample = include_str!("../../sample_projects/ceasefire-2025.ron");
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
