//! "Changed on disk": a stamp of a project file taken when it is opened or saved, so the
//! app can tell when another program has changed the file since.
//!
//! A stamp holds the file's length, modified time and identity and a hash of its bytes.
//! Length, time and identity as they were mean unchanged without reading the file (as every
//! editor assumes); a different length means changed; anything else (a touch, a rewrite
//! by another program) is settled by hashing the bytes, so a touch that leaves the content
//! as it was does not count as a change.

use super::{LoadError, read_capped};
use std::fs::{self, Metadata};
use std::hash::Hasher;
use std::io::{self, Read};
use std::path::Path;
use std::time::SystemTime;

/// What a file looked like at one moment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiskStamp {
    len: u64,
    modified: Option<SystemTime>,
    identity: Option<(u64, u64)>,
    hash: u64,
}

/// How a file compares with a stamp taken of it earlier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiskChange {
    /// Same content (perhaps touched or rewritten with the same bytes).
    Unchanged,
    /// Different content.
    Modified,
    /// The file is gone (deleted, or moved away).
    Removed,
}

impl DiskStamp {
    /// The stamp of the file at `path` as it is now (reads the file).
    pub fn of(path: &Path) -> io::Result<Self> {
        // Metadata before the bytes: a write racing with the read then shows as a newer
        // modified time, which makes the next comparison hash the file again.
        let meta = fs::metadata(path)?;
        let hash = hash_reader(fs::File::open(path)?)?;
        Ok(Self::from_parts(&meta, hash))
    }

    /// Read a project file once, for loading and for its stamp: the stamp then describes
    /// exactly the bytes that were loaded. Refuses what `format::read_capped` refuses.
    pub fn read(path: &Path) -> Result<(Vec<u8>, Self), LoadError> {
        let meta = fs::metadata(path).map_err(|e| LoadError {
            diagnostics: vec![super::Diagnostic::error(
                super::Location::File,
                format!("cannot read the file: {e}"),
            )],
        })?;
        let bytes = read_capped(path)?;
        let stamp = Self::from_parts(&meta, hash_bytes(&bytes));
        Ok((bytes, stamp))
    }

    fn from_parts(meta: &Metadata, hash: u64) -> Self {
        Self {
            len: meta.len(),
            modified: meta.modified().ok(),
            identity: identity(meta),
            hash,
        }
    }

    /// How the file at `path` compares with this stamp. Errors other than the file being
    /// gone (say, permission denied) are returned, since they tell nothing about content.
    pub fn compare(&self, path: &Path) -> io::Result<DiskChange> {
        let meta = match fs::metadata(path) {
            Ok(meta) => meta,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(DiskChange::Removed),
            Err(e) => return Err(e),
        };
        if meta.is_dir() {
            return Ok(DiskChange::Removed);
        }
        if meta.len() != self.len {
            return Ok(DiskChange::Modified);
        }
        let same_time = self.modified.is_some() && meta.modified().ok() == self.modified;
        if same_time && identity(&meta) == self.identity {
            return Ok(DiskChange::Unchanged);
        }
        let file = match fs::File::open(path) {
            Ok(file) => file,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(DiskChange::Removed),
            Err(e) => return Err(e),
        };
        Ok(if hash_reader(file)? == self.hash {
            DiskChange::Unchanged
        } else {
            DiskChange::Modified
        })
    }

    /// Whether the content of the file at `path` differs from this stamp's, or the file is
    /// gone.
    pub fn has_changed(&self, path: &Path) -> io::Result<bool> {
        Ok(self.compare(path)? != DiskChange::Unchanged)
    }

    /// The length of the file when stamped, in bytes.
    pub fn len(&self) -> u64 {
        self.len
    }

    /// Whether the file was empty when stamped.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// Device and inode: a file replaced by another one (as every atomic save does) has a new
/// identity even if its time and length happen to match.
#[cfg(unix)]
fn identity(meta: &Metadata) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn identity(_meta: &Metadata) -> Option<(u64, u64)> {
    None
}

/// FNV-1a, 64 bits: simple, and the same value on every platform and Rust version, so it
/// can also name files (see `recovery`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fnv1a(u64);

impl Default for Fnv1a {
    fn default() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv1a {
    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 ^= u64::from(byte);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

pub(crate) fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut hasher = Fnv1a::default();
    hasher.write(bytes);
    hasher.finish()
}

fn hash_reader(mut reader: impl Read) -> io::Result<u64> {
    let mut hasher = Fnv1a::default();
    let mut buffer = vec![0; 64 * 1024];
    loop {
        match reader.read(&mut buffer) {
            Ok(0) => return Ok(hasher.finish()),
            Ok(n) => hasher.write(&buffer[..n]),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_matches_its_published_test_vectors() {
        // From the FNV reference (Fowler, Noll, Vo): the empty string is the offset basis.
        assert_eq!(hash_bytes(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(hash_bytes(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(hash_bytes(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn reading_in_pieces_hashes_like_all_at_once() {
        let bytes: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
        assert_eq!(hash_reader(&bytes[..]).unwrap(), hash_bytes(&bytes));
    }
}
