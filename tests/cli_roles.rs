//! `stancemap roles`: the workshop's role sheets from the real binary, read back with
//! lopdf; a sheet holds its party's rationale and not another's; the set is written all or
//! nothing; bad usage exits 2.

#[path = "../crates/brief/tests/support/mod.rs"]
mod pdf_support;

use pdf_support::Pdf;
use std::process::{Command, Output};

const SAMPLE: &str = "sample_projects/ceasefire-2025.ron";

fn roles(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stancemap"))
        .arg("roles")
        .args(args)
        .output()
        .expect("the binary runs")
}

/// The first sentence of the rationale of `party` on `issue` in the sample.
fn rationale(party: &str, issue: &str) -> String {
    let project = stancemap::format::load_path(std::path::Path::new(SAMPLE))
        .unwrap()
        .project;
    let pos = project
        .positions
        .iter()
        .find(|p| p.party == party && p.issue == issue)
        .unwrap();
    pos.rationale.split(". ").next().unwrap().to_owned()
}

#[test]
fn the_sample_gets_a_sheet_per_party_each_private_to_it() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("sheets");
    let run = roles(&[SAMPLE, "--out", out.to_str().unwrap()]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert_eq!(stdout.matches("wrote ").count(), 5, "{stdout}");
    let text = |name: &str| Pdf::parse(&std::fs::read(out.join(name)).unwrap()).text();
    let russia = text("ru.pdf");
    let ukraine = text("ua.pdf");
    let facilitator = text("facilitator.pdf");
    // A sentence long enough not to wrap oddly is compared word by word.
    let words = |s: &str| s.split_whitespace().take(6).collect::<Vec<_>>().join(" ");
    let ru_scope = words(&rationale("ru", "ceasefire-scope"));
    assert!(russia.contains(&ru_scope), "{ru_scope}");
    assert!(!ukraine.contains(&ru_scope), "{ru_scope}");
    assert!(facilitator.contains(&ru_scope), "{ru_scope}");
    assert!(russia.contains("Russia") && russia.contains("The public picture"));
}

#[test]
fn one_unwritable_sheet_writes_none() {
    let dir = tempfile::tempdir().unwrap();
    // A folder where the facilitator's sheet should go.
    std::fs::create_dir_all(dir.path().join("facilitator.pdf")).unwrap();
    let run = roles(&[SAMPLE, "--out", dir.path().to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains("facilitator.pdf") && stderr.contains("no sheet was written"),
        "{stderr}"
    );
    assert!(!dir.path().join("ru.pdf").exists());
}

#[test]
fn an_unknown_scenario_is_bad_usage() {
    let dir = tempfile::tempdir().unwrap();
    let run = roles(&[
        SAMPLE,
        "--scenario",
        "nope",
        "--out",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("unknown scenario \"nope\""));
}
