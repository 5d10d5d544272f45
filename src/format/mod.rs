//! The project file: reading, validation, canonical writing and atomic saving.
//! Data flows one way: bytes -> `load_bytes` -> `Project` (+ warnings) -> `to_canonical` -> bytes.

mod diagnostic;
mod read;
mod validate;
mod write;

pub use diagnostic::{Diagnostic, Location, Severity};
pub use read::{LoadError, Loaded, MAX_FILE_BYTES, load_bytes, load_path};
pub use validate::validate;
pub use write::{save_atomic, to_canonical};
