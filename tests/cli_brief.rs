//! `stancemap brief`: the briefing pack from the real binary, read back with lopdf; bad
//! usage exits 2; a path that cannot be written says so and leaves no file.

#[path = "../crates/brief/tests/support/mod.rs"]
mod pdf_support;

use pdf_support::Pdf;
use std::path::Path;
use std::process::{Command, Output};

const SAMPLE: &str = "sample_projects/ceasefire-2025.ron";

fn brief(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stancemap"))
        .arg("brief")
        .args(args)
        .output()
        .expect("the binary runs")
}

fn path_str(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 temp path")
}

#[test]
fn the_sample_pack_is_written_and_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("brief.pdf");
    let run = brief(&[SAMPLE, "--out", path_str(&out)]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        stdout.contains("wrote") && stdout.contains("pages"),
        "{stdout}"
    );
    let pdf = Pdf::parse(&std::fs::read(&out).unwrap());
    assert!(pdf.page_count() >= 8);
    let project = stancemap::format::load_path(Path::new(SAMPLE))
        .unwrap()
        .project;
    assert_eq!(pdf.title().as_deref(), Some(project.title.as_str()));
    let text = pdf.text();
    for party in &project.parties {
        assert!(text.contains(&party.name), "{}", party.name);
    }
    for issue in &project.issues {
        assert!(text.contains(&issue.name), "{}", issue.name);
    }
    assert!(text.contains("a ZOPA exists from"));
    assert!(text.contains("[1]"));
    // Written again over itself: replaced, and no temporary file left beside it.
    let again = brief(&[SAMPLE, "--out", path_str(&out), "--paper", "letter"]);
    assert!(again.status.success());
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().collect();
    assert_eq!(names.len(), 1, "{names:?}");
}

#[test]
fn a_scenario_by_name_and_a_date_are_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("grand.pdf");
    let project = stancemap::format::load_path(Path::new(SAMPLE))
        .unwrap()
        .project;
    let name = project.scenarios.last().unwrap().name.clone();
    let run = brief(&[
        SAMPLE,
        "--scenario",
        &name,
        "--as-of",
        "2025-03-11",
        "--out",
        path_str(&out),
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let pdf = Pdf::parse(&std::fs::read(&out).unwrap());
    assert!(pdf.page_text(2).contains("as of 2025-03-11"));
}

#[test]
fn an_unknown_scenario_is_bad_usage_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("brief.pdf");
    let run = brief(&[SAMPLE, "--scenario", "no-such", "--out", path_str(&out)]);
    assert_eq!(run.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("unknown scenario \"no-such\""), "{stderr}");
    assert!(!out.exists());
    let bad_date = brief(&[SAMPLE, "--as-of", "March", "--out", path_str(&out)]);
    assert_eq!(bad_date.status.code(), Some(2));
    let bad_paper = brief(&[SAMPLE, "--paper", "a3", "--out", path_str(&out)]);
    assert_eq!(bad_paper.status.code(), Some(2));
    assert!(!out.exists());
}

#[test]
fn an_unwritable_path_is_a_clear_error_and_leaves_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("missing-folder").join("brief.pdf");
    let run = brief(&[SAMPLE, "--out", path_str(&out)]);
    assert_eq!(run.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains("cannot write") && stderr.contains("brief.pdf"),
        "{stderr}"
    );
    assert!(!out.exists());
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_at_the_output_name_is_replaced_not_written_through() {
    let dir = tempfile::tempdir().unwrap();
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, "keep me").unwrap();
    let out = dir.path().join("brief.pdf");
    std::os::unix::fs::symlink(&victim, &out).unwrap();
    let run = brief(&[SAMPLE, "--out", path_str(&out)]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");
    let meta = std::fs::symlink_metadata(&out).unwrap();
    assert!(!meta.file_type().is_symlink(), "the link was left in place");
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF"));
}

#[test]
fn a_file_that_fails_to_load_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, "Project(").unwrap();
    let out = dir.path().join("brief.pdf");
    let run = brief(&[path_str(&bad), "--out", path_str(&out)]);
    assert_eq!(run.status.code(), Some(1));
    assert!(!out.exists());
}
