//! Crash safety of saving: SIGKILL a running `stancemap fmt` on a 1 MB project at 20
//! moments spread over its run; after every kill the file must still load and pass `check`.
//! (The write is atomic whatever the size; the size only has to make the run long enough
//! for kills to land while it writes.)

use std::path::Path;
use std::process::Command;
use std::time::Instant;

const BIN: &str = env!("CARGO_BIN_EXE_stancemap");

fn stancemap(args: &[&str]) -> std::process::Output {
    Command::new(BIN)
        .args(args)
        .output()
        .expect("run stancemap")
}

/// The same project, indented with two spaces: valid but not canonical, so `fmt` rewrites it.
fn write_uncanonical(path: &Path, canonical: &str) -> String {
    let two_spaces: String = canonical
        .lines()
        .map(|line| {
            let depth = line.len() - line.trim_start().len();
            format!("{}{}\n", " ".repeat(depth / 2), line.trim_start())
        })
        .collect();
    std::fs::write(path, &two_spaces).unwrap();
    two_spaces
}

#[test]
#[cfg(unix)]
fn killed_fmt_never_leaves_a_torn_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("large.ron");
    let file_arg = file.to_str().unwrap();
    let out = stancemap(&[
        "generate",
        "--parties",
        "20",
        "--issues",
        "150",
        "--events",
        "1500",
        "--seed",
        "5",
        "--out",
        file_arg,
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let canonical = std::fs::read_to_string(&file).unwrap();
    assert!(
        canonical.len() > 800_000,
        "the project should be about 1 MB, is {}",
        canonical.len()
    );

    // How long one uninterrupted fmt takes on this machine, to spread the kills over it.
    write_uncanonical(&file, &canonical);
    let start = Instant::now();
    assert!(stancemap(&["fmt", file_arg]).status.success());
    let full_run = start.elapsed();
    assert_eq!(std::fs::read_to_string(&file).unwrap(), canonical);

    let moments = 20;
    for k in 0..moments {
        let old = write_uncanonical(&file, &canonical);
        let delay = full_run.mul_f64(1.2 * k as f64 / moments as f64);
        let mut child = Command::new(BIN).args(["fmt", file_arg]).spawn().unwrap();
        std::thread::sleep(delay);
        child.kill().ok(); // SIGKILL; an error only means it had already finished
        child.wait().unwrap();

        let text = std::fs::read_to_string(&file).unwrap();
        assert!(
            text == canonical || text == old,
            "kill {k} after {delay:?} left neither the old nor the new file"
        );
        let check = stancemap(&["check", file_arg]);
        assert_eq!(
            check.status.code(),
            Some(0),
            "kill {k}: {}",
            String::from_utf8_lossy(&check.stdout)
        );
    }
    // Leftover temporary files from killed saves are harmless: nothing else in the folder
    // is a project, and the next save still works.
    write_uncanonical(&file, &canonical);
    assert!(stancemap(&["fmt", file_arg]).status.success());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), canonical);
}
