//! The project file: reading, validation, canonical writing and atomic saving.
//! Data flows one way: bytes -> `load_bytes` -> `Project` (+ warnings) -> `to_canonical` -> bytes.

mod comments;
mod diagnostic;
mod disk;
mod export_write;
mod fast;
mod item_names;
mod layout;
mod positions_csv;
mod read;
mod recovery;
mod suggest;
mod syntax;
mod text_limits;
mod validate;
mod write;

pub use comments::count_comments;
pub use diagnostic::{Diagnostic, ItemList, ItemPath, Location, Severity};
pub use disk::{DiskChange, DiskStamp};
pub use export_write::{ExportWriteError, write_export, write_export_set};
pub use positions_csv::{
    COLUMNS as CSV_COLUMNS, CsvError, CsvImport, CsvProblem, from_csv, to_csv,
};
pub use read::{
    LoadError, Loaded, MAX_FILE_BYTES, load_bytes, load_path, load_reader, load_str, read_capped,
};
pub use recovery::{RecoveryEntry, RecoveryStore};
pub use suggest::closest as closest_word;
pub use text_limits::{MAX_LINE_CHARS, MAX_TEXT_CHARS};
pub use validate::validate;
/// For the fuzz target that compares the fast reader with `ron` on every input: whenever
/// the fast reader takes `text`, `ron` must read the very same project from it.
#[doc(hidden)]
pub fn fast_reader_agrees_with_ron(text: &str) -> bool {
    match fast::parse::<crate::model::Project>(text) {
        None => true,
        Some(fast) => {
            read::ron_options()
                .from_str::<crate::model::Project>(text)
                .ok()
                == Some(fast)
        }
    }
}

pub use write::{backup_path, save_atomic, to_canonical, write_atomic};
