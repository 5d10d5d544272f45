//! Bounded mutation testing of the loader inside `cargo test`: thousands of damaged copies
//! of the samples must each either load or fail with a located message, never panic.
//! (The open-ended search lives in `fuzz/`, run with cargo-fuzz.)

use stancemap::format::{Location, load_bytes, to_canonical};
use stancemap::model::generate::{GenerateSpec, generate};

/// Deterministic xorshift, so a failure names a reproducible case.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const TOKENS: [&[u8]; 14] = [
    b"(",
    b")",
    b"[",
    b"]",
    b",",
    b"\"",
    b"NaN",
    b"-1e999",
    b"Some(",
    b"// x\n",
    b"/*",
    b"\xff\xfe",
    b"\0",
    b"99999999999999999999999999",
];

fn mutate(rng: &mut Rng, original: &[u8]) -> Vec<u8> {
    let mut bytes = original.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(bytes.len() + 1).min(bytes.len());
        match rng.below(5) {
            0 if !bytes.is_empty() => {
                let at = at.min(bytes.len() - 1);
                bytes[at] ^= 1 << rng.below(8);
            }
            1 => {
                let end = (at + 1 + rng.below(64)).min(bytes.len());
                bytes.drain(at..end);
            }
            2 => {
                let token = TOKENS[rng.below(TOKENS.len())];
                bytes.splice(at..at, token.iter().copied());
            }
            3 => {
                let end = (at + rng.below(200)).min(bytes.len());
                let copy = bytes[at..end].to_vec();
                bytes.splice(at..at, copy);
            }
            _ => bytes.truncate(at),
        }
    }
    bytes
}

fn seeds() -> Vec<(String, Vec<u8>)> {
    let mut seeds = vec![(
        "generated".to_owned(),
        to_canonical(&generate(GenerateSpec {
            parties: 4,
            issues: 5,
            events: 12,
            seed: 3,
        }))
        .unwrap()
        .into_bytes(),
    )];
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_projects");
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "ron") {
            seeds.push((path.display().to_string(), std::fs::read(&path).unwrap()));
        }
    }
    seeds
}

#[test]
fn mutated_samples_load_or_fail_with_a_located_message() {
    let mut rng = Rng(0x5eed_cafe_f00d_d00d);
    let mut refused = 0;
    let mut total = 0;
    for (name, original) in seeds() {
        for case in 0..1000 {
            let bytes = mutate(&mut rng, &original);
            let result = std::panic::catch_unwind(|| load_bytes(&bytes));
            let Ok(result) = result else {
                panic!(
                    "{name}, case {case}: the loader panicked on:\n{}",
                    String::from_utf8_lossy(&bytes)
                );
            };
            total += 1;
            if let Err(err) = result {
                refused += 1;
                assert!(
                    !err.diagnostics.is_empty(),
                    "{name}, case {case}: refused without a message"
                );
                for d in &err.diagnostics {
                    assert!(
                        !d.message.trim().is_empty(),
                        "{name}, case {case}: empty message"
                    );
                    if let Location::Item(item) = &d.location {
                        assert!(
                            !item.label.trim().is_empty(),
                            "{name}, case {case}: empty item name: {item}"
                        );
                    }
                }
            }
        }
    }
    // Most mutations must break the file; if none did, the mutator is not doing its job.
    assert!(
        refused * 2 > total,
        "only {refused} of {total} mutations were refused"
    );
}
