//! Fuzz the fast reader against `ron` on every input: whatever the fast reader accepts, `ron`
//! must read as the same project (the fast reader hands everything else to `ron`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use stancemap_core::format::fast_reader_agrees_with_ron;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        assert!(fast_reader_agrees_with_ron(text), "the fast reader and ron disagree");
    }
});
