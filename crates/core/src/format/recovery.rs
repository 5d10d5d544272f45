//! Recovery copies: the app's autosave of unsaved work, kept in a folder of its own (the
//! app's data folder) so that a crash or a power cut loses at most the last few edits.
//!
//! One copy per original file, named from a hash of its absolute path
//! (`recovery-0123456789abcdef.ron`), and one for a project never saved
//! (`recovery-untitled.ron`). A copy is an ordinary project file in canonical form, so the
//! user can open it by hand; a comment header records the original path and the time:
//!
//! ```text
//! // stancemap recovery copy: unsaved changes, kept in case the app stopped before saving.
//! // original: "/home/ana/talks.ron"
//! // saved: 2025-03-13T10:15:02.5Z
//! Project(
//! ```
//!
//! Header and project are written in one atomic rename, so a crash leaves either the old
//! copy or the new one, each with its own header: nothing can disagree with a sidecar.

use super::write::{Save, write_atomic_as};
use super::{LoadError, Loaded, disk::hash_bytes, load_path, to_canonical};
use crate::model::Project;
use jiff::Timestamp;
use std::fs;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

const MAGIC: &str = "// stancemap recovery copy";
const HEADER_FIRST: &str = "// stancemap recovery copy: unsaved changes, kept in case the app \
                            stopped before saving.";
const ORIGINAL: &str = "// original: ";
const ORIGINAL_BYTES: &str = "// original (bytes): ";
const NO_ORIGINAL: &str = "none (a new project, never saved)";
const SAVED: &str = "// saved: ";
const UNTITLED: &str = "recovery-untitled.ron";

/// The folder of recovery copies.
#[derive(Debug, Clone)]
pub struct RecoveryStore {
    dir: PathBuf,
}

/// One recovery copy found in the store.
#[derive(Debug, Clone, PartialEq)]
pub struct RecoveryEntry {
    /// The copy itself, a loadable project file.
    pub path: PathBuf,
    /// The file the work belongs to; `None` for a project never saved.
    pub original: Option<PathBuf>,
    /// When the copy was written.
    pub saved_at: Timestamp,
}

impl RecoveryStore {
    /// A store in `dir`; the folder is created by the first `write`.
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Where the copy for `original` lives (whether or not it exists).
    pub fn path_for(&self, original: Option<&Path>) -> PathBuf {
        match original {
            None => self.dir.join(UNTITLED),
            Some(path) => {
                let path = absolute(path);
                let hash = hash_bytes(path.as_os_str().as_encoded_bytes());
                self.dir.join(format!("recovery-{hash:016x}.ron"))
            }
        }
    }

    /// Write the recovery copy of `project`, whose file is `original` (`None` for a project
    /// never saved), replacing the previous copy for that file atomically.
    pub fn write(&self, original: Option<&Path>, project: &Project) -> io::Result<PathBuf> {
        create_private_dir(&self.dir)?;
        let original = original.map(absolute);
        let target = self.path_for(original.as_deref());
        let mut text = header(original.as_deref(), Timestamp::now());
        text.push_str(&to_canonical(project).map_err(io::Error::other)?);
        write_atomic_as(&target, text.as_bytes(), Save::Private)?;
        Ok(target)
    }

    /// Every recovery copy in the store, newest first. A missing folder is an empty store;
    /// files that are not recovery copies are skipped.
    pub fn list(&self) -> Vec<RecoveryEntry> {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut found: Vec<RecoveryEntry> = entries
            .flatten()
            .filter(|e| is_copy_name(&e.file_name().to_string_lossy()))
            .filter_map(|e| entry(e.path()))
            .collect();
        found.sort_by(|a, b| b.saved_at.cmp(&a.saved_at).then(a.path.cmp(&b.path)));
        found
    }

    /// The copies to offer the user: every copy whose project differs from its original's,
    /// whatever the files' times (a `git pull` or a `touch` after a crash makes the original
    /// newer without holding the work), and every copy whose original is gone or does not
    /// load. Only a copy that holds exactly the saved project is left unoffered: it has
    /// nothing the user could lose.
    pub fn offers(&self) -> Vec<RecoveryEntry> {
        self.list()
            .into_iter()
            .filter(|e| self.differs_from_original(e))
            .collect()
    }

    /// Whether the copy holds anything its original does not (always, for a project never
    /// saved, and when either file cannot be read or loaded).
    pub fn differs_from_original(&self, entry: &RecoveryEntry) -> bool {
        let Some(original) = &entry.original else {
            return true;
        };
        match (load_path(original), self.load(entry)) {
            (Ok(file), Ok(copy)) => file.project != copy.project,
            _ => true,
        }
    }

    /// Load a recovery copy (the header is a comment, so it loads like any project).
    pub fn load(&self, entry: &RecoveryEntry) -> Result<Loaded, LoadError> {
        load_path(&entry.path)
    }

    /// Delete a recovery copy; one already gone is not an error.
    pub fn remove(&self, entry: &RecoveryEntry) -> io::Result<()> {
        remove_if_present(&entry.path)
    }

    /// Delete the copy for `original` (after the user saved it, or discarded the changes).
    pub fn remove_for(&self, original: Option<&Path>) -> io::Result<()> {
        remove_if_present(&self.path_for(original))
    }
}

fn remove_if_present(path: &Path) -> io::Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// `path` made absolute without touching the file system (the file may be gone), so that
/// `talks.ron` and `/home/ana/talks.ron` name the same copy.
fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

fn is_copy_name(name: &str) -> bool {
    name == UNTITLED
        || name
            .strip_prefix("recovery-")
            .and_then(|rest| rest.strip_suffix(".ron"))
            .is_some_and(|hex| hex.len() == 16 && hex.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// The folder for copies: private to the user where the platform allows, since the copies
/// may hold confidential work.
fn create_private_dir(dir: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

fn header(original: Option<&Path>, saved_at: Timestamp) -> String {
    let original = match original {
        None => format!("{ORIGINAL}{NO_ORIGINAL}"),
        Some(path) => match path.to_str() {
            // JSON quoting keeps a newline or other control character in a path from
            // ending the comment.
            Some(text) => format!(
                "{ORIGINAL}{}",
                serde_json::to_string(text).unwrap_or_default()
            ),
            None => format!(
                "{ORIGINAL_BYTES}{}",
                hex(path.as_os_str().as_encoded_bytes())
            ),
        },
    };
    format!("{HEADER_FIRST}\n{original}\n{SAVED}{saved_at}\n")
}

/// The recovery entry for the file at `path`, or `None` if it is not a recovery copy.
fn entry(path: PathBuf) -> Option<RecoveryEntry> {
    let file = fs::File::open(&path).ok()?;
    // The header is three short lines; a limit keeps a damaged copy from being read whole.
    let mut lines = BufReader::new(file.take(64 * 1024)).lines();
    if !lines.next()?.ok()?.starts_with(MAGIC) {
        return None;
    }
    let (mut original, mut saved_at) = (None, None);
    for line in lines.take(2).map_while(Result::ok) {
        if let Some(rest) = line.strip_prefix(ORIGINAL) {
            original = serde_json::from_str::<String>(rest).ok().map(PathBuf::from);
        } else if let Some(rest) = line.strip_prefix(ORIGINAL_BYTES) {
            original = path_from_hex(rest);
        } else if let Some(rest) = line.strip_prefix(SAVED) {
            saved_at = rest.trim().parse::<Timestamp>().ok();
        }
    }
    // A copy whose header was damaged is still somebody's work: offer it as unsaved work,
    // dated by the file.
    let saved_at = saved_at
        .or_else(|| {
            let modified = fs::metadata(&path).ok()?.modified().ok()?;
            Timestamp::try_from(modified).ok()
        })
        .unwrap_or(Timestamp::UNIX_EPOCH);
    Some(RecoveryEntry {
        path,
        original,
        saved_at,
    })
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The path whose raw bytes `text` spells in hex (only written for paths that are not
/// UTF-8, which exist only on Unix).
fn path_from_hex(text: &str) -> Option<PathBuf> {
    let text = text.trim();
    if !text.len().is_multiple_of(2) {
        return None;
    }
    let bytes: Option<Vec<u8>> = (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect();
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStringExt;
        Some(PathBuf::from(std::ffi::OsString::from_vec(bytes?)))
    }
    #[cfg(not(unix))]
    {
        Some(PathBuf::from(String::from_utf8_lossy(&bytes?).into_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copy_names_are_recognised() {
        assert!(is_copy_name("recovery-0123456789abcdef.ron"));
        assert!(is_copy_name("recovery-untitled.ron"));
        assert!(!is_copy_name("recovery-0123456789abcde.ron"));
        assert!(!is_copy_name(".recovery-0123456789abcdef.ron.a1B2c3.tmp"));
        assert!(!is_copy_name("talks.ron"));
    }

    #[test]
    fn the_header_quotes_awkward_paths() {
        let at: Timestamp = "2025-03-13T10:15:02.5Z".parse().unwrap();
        assert_eq!(
            header(Some(Path::new("/a/b\nc \"d\".ron")), at),
            format!(
                "{HEADER_FIRST}\n// original: \"/a/b\\nc \\\"d\\\".ron\"\n// saved: 2025-03-13T10:15:02.5Z\n"
            )
        );
        assert_eq!(
            header(None, at),
            format!(
                "{HEADER_FIRST}\n// original: none (a new project, never saved)\n// saved: 2025-03-13T10:15:02.5Z\n"
            )
        );
    }

    #[cfg(unix)]
    #[test]
    fn paths_that_are_not_utf8_survive_as_hex() {
        use std::os::unix::ffi::OsStrExt;
        let path = Path::new(std::ffi::OsStr::from_bytes(b"/a/caf\xe9.ron"));
        let at = Timestamp::UNIX_EPOCH;
        let text = header(Some(path), at);
        assert!(text.contains("// original (bytes): 2f612f636166e92e726f6e\n"));
        assert_eq!(
            path_from_hex("2f612f636166e92e726f6e").as_deref(),
            Some(path)
        );
        assert_eq!(path_from_hex("2f6"), None);
        assert_eq!(path_from_hex("zz"), None);
    }
}
