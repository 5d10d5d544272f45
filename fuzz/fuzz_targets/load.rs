//! Fuzz the project loader from raw bytes: it must never panic, and whatever loads must
//! survive a canonical round trip unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stancemap_core::format::{load_bytes, to_canonical};

fuzz_target!(|data: &[u8]| {
    if let Ok(loaded) = load_bytes(data) {
        let text = to_canonical(&loaded.project).unwrap();
        let again = load_bytes(text.as_bytes()).expect("a canonical file of a loaded project must load");
        assert_eq!(again.project, loaded.project);
    }
});
