//! `--as-of DATE` on `analyze` and `render`: the project as it stood on a date, run as the
//! real binary. Figures worked out by hand in the comments.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// `a` shifts to 20 (03-02), 40 (03-05), 60 (03-09) and stands at 60; `b` has no shifts and
/// stands at 80; `c` takes its first position, 30, on 03-07. Power and salience 1 for all,
/// so every party weighs 1 and the weighted median is the middle stance.
const HISTORY: &str = include_str!("fixtures/history.ron");

fn project(dir: &Path) -> PathBuf {
    let path = dir.join("history.ron");
    std::fs::write(&path, HISTORY).unwrap();
    path
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stancemap"))
        .args(args)
        .output()
        .unwrap()
}

fn outcome_as_of(file: &Path, date: &str) -> (f64, usize) {
    let output = run(&["analyze", file.to_str().unwrap(), "--as-of", date, "--json"]);
    assert!(output.status.success(), "{output:?}");
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    let issue = &json["issues"][0];
    let outcome = issue["outcome"].as_f64().unwrap();
    let positions = issue["concessions"].as_array().unwrap().len();
    (outcome, positions)
}

#[test]
fn analyze_follows_the_date() {
    let dir = tempfile::tempdir().unwrap();
    let file = project(dir.path());
    // 03-01: only b (80) has a position: the outcome is 80.
    assert_eq!(outcome_as_of(&file, "2025-03-01"), (80.0, 1));
    // 03-05: a at 40, b at 80; half the weight (1 of 2) is reached at 40.
    assert_eq!(outcome_as_of(&file, "2025-03-05"), (40.0, 2));
    // 03-08: a 40, b 80, c 30; sorted 30, 40, 80: half (1.5 of 3) is reached at 40.
    assert_eq!(outcome_as_of(&file, "2025-03-08"), (40.0, 3));
    // After the last shift: a 60, b 80, c 30: the middle stance is 60.
    assert_eq!(outcome_as_of(&file, "2026-01-01"), (60.0, 3));

    let text = run(&["analyze", file.to_str().unwrap(), "--as-of", "2025-03-05"]);
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.contains("As of 2025-03-05"), "{text}");
}

#[test]
fn a_bad_date_is_bad_usage() {
    let dir = tempfile::tempdir().unwrap();
    let file = project(dir.path());
    let output = run(&["analyze", file.to_str().unwrap(), "--as-of", "2025-02-30"]);
    assert_eq!(output.status.code(), Some(2));
    let err = String::from_utf8(output.stderr).unwrap();
    assert!(
        err.contains("\"2025-02-30\" is not a date; write a calendar date as YYYY-MM-DD"),
        "{err}"
    );
}

#[test]
fn render_draws_the_project_as_of_the_date() {
    let dir = tempfile::tempdir().unwrap();
    let file = project(dir.path());
    let out = dir.path().join("charts");
    let output = run(&[
        "render",
        file.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--chart",
        "timeline",
        "--format",
        "svg",
        "--as-of",
        "2025-03-05",
    ]);
    assert!(output.status.success(), "{output:?}");
    let svg = std::fs::read_to_string(out.join("timeline.svg")).unwrap();
    // The events up to 03-05 are drawn; the later ones are not there yet.
    assert!(svg.contains("second"), "the 03-05 event is drawn");
    assert!(!svg.contains("c arrives"), "a later event is left out");
    assert!(!svg.contains("third"), "a later event is left out");
}
