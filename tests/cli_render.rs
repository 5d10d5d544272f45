//! `stancemap render` run as the real binary.

mod charts_support;

use std::path::Path;
use std::process::{Command, Output};

fn render(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stancemap"))
        .arg("render")
        .args(args)
        .output()
        .unwrap()
}

fn sample(dir: &Path) -> String {
    let path = dir.join("ceasefire.ron");
    std::fs::write(
        &path,
        stancemap::format::to_canonical(&charts_support::ceasefire()).unwrap(),
    )
    .unwrap();
    path.to_string_lossy().into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn renders_the_five_default_charts_in_both_formats() {
    let dir = tempfile::tempdir().unwrap();
    let file = sample(dir.path());
    let out = dir.path().join("out");
    let o = render(&[&file, "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    for chart in [
        "concession-matrix",
        "zopa",
        "leverage",
        "timeline",
        "deal-space",
    ] {
        let svg = std::fs::read_to_string(out.join(format!("{chart}.svg"))).unwrap();
        assert!(svg.contains("Ceasefire talks, March 2025"));
        assert_eq!(
            &std::fs::read(out.join(format!("{chart}.png"))).unwrap()[..4],
            b"\x89PNG"
        );
    }
    assert!(!out.join("sensitivity.svg").exists());
    assert!(!out.join("simulation.svg").exists());
    assert_eq!(String::from_utf8_lossy(&o.stdout).lines().count(), 10);
}

#[test]
fn renders_a_chosen_chart_scenario_size_and_theme() {
    let dir = tempfile::tempdir().unwrap();
    let file = sample(dir.path());
    let out = dir.path().join("out");
    let o = render(&[
        &file,
        "--out",
        out.to_str().unwrap(),
        "--scenario",
        "drag-out",
        "--chart",
        "timeline",
        "--chart",
        "sensitivity",
        "--format",
        "png",
        "--width",
        "800",
        "--height",
        "500",
        "--theme",
        "dark",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let png = std::fs::read(out.join("timeline.png")).unwrap();
    let pixmap = resvg::tiny_skia::Pixmap::decode_png(&png).unwrap();
    assert_eq!((pixmap.width(), pixmap.height()), (800, 500));
    // Dark theme: the corner is the dark background (#161A20).
    let corner = pixmap.pixels()[0];
    assert_eq!(
        (corner.red(), corner.green(), corner.blue()),
        (0x16, 0x1A, 0x20)
    );
    assert!(out.join("sensitivity.png").exists());
    assert!(!out.join("timeline.svg").exists());
}

#[test]
fn unknown_chart_and_scenario_list_the_valid_names() {
    let dir = tempfile::tempdir().unwrap();
    let file = sample(dir.path());
    let out = dir.path().join("out");
    let o = render(&[&file, "--out", out.to_str().unwrap(), "--chart", "pie"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o).trim(),
        "stancemap render: unknown chart \"pie\"; valid charts: concession-matrix, zopa, leverage, timeline, sensitivity, deal-space, simulation"
    );
    let o = render(&[&file, "--out", out.to_str().unwrap(), "--scenario", "nope"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o).trim(),
        format!("{file}: unknown scenario \"nope\"; valid scenarios: drag-out")
    );
    assert!(!out.exists());
}

#[test]
fn a_file_that_fails_to_load_is_reported_like_check() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bad.ron");
    std::fs::write(&file, "Project(\n    format: 1,\n    title: ,\n)\n").unwrap();
    let o = render(&[
        file.to_str().unwrap(),
        "--out",
        dir.path().join("out").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.starts_with(&format!("{}:3:", file.display())), "{err}");
    assert!(err.contains(": error: "), "{err}");
}

#[test]
fn an_unknown_view_is_bad_usage_and_opens_no_window() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_stancemap"))
        .args(["--screenshot", "never.png", "--view", "pie"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        "stancemap: unknown view \"pie\"; valid views: overview, parties, issues, positions, \
         leverage, timeline, scenarios, analysis, concession-matrix, zopa, deals, simulation"
    );
    assert!(!std::path::Path::new("never.png").exists());
}

#[test]
fn the_simulation_chart_draws_every_issue_or_one() {
    let dir = tempfile::tempdir().unwrap();
    let file = sample(dir.path());
    let out = dir.path().join("out");
    let o = render(&[
        &file,
        "--out",
        out.to_str().unwrap(),
        "--chart",
        "simulation",
        "--format",
        "svg",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let svg = std::fs::read_to_string(out.join("simulation.svg")).unwrap();
    assert!(svg.contains("Simulated bargaining, round by round"));
    assert!(svg.contains("weighted median") && svg.contains("round"));
    let o = render(&[
        &file,
        "--out",
        out.to_str().unwrap(),
        "--chart",
        "simulation",
        "--issue",
        "kursk",
        "--format",
        "png",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(out.join("simulation.png").exists());
}

#[cfg(unix)]
#[test]
fn a_link_planted_at_an_output_name_is_replaced_not_written_through() {
    let dir = tempfile::tempdir().unwrap();
    let file = sample(dir.path());
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, "not yours").unwrap();
    std::os::unix::fs::symlink(&victim, out.join("zopa.svg")).unwrap();
    let o = render(&[&file, "--out", out.to_str().unwrap(), "--chart", "zopa"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "not yours");
    let written = out.join("zopa.svg");
    assert!(!std::fs::symlink_metadata(&written).unwrap().is_symlink());
    assert!(std::fs::read_to_string(&written).unwrap().contains("<svg"));
}

#[test]
fn one_name_that_cannot_be_written_leaves_no_partial_set() {
    let dir = tempfile::tempdir().unwrap();
    let file = sample(dir.path());
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    // A folder where timeline.png would go: the set fails, and nothing else is written.
    std::fs::create_dir(out.join("timeline.png")).unwrap();
    let o = render(&[&file, "--out", out.to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("timeline.png") && stderr(&o).contains("a folder has this name"),
        "{}",
        stderr(&o)
    );
    let names: Vec<_> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["timeline.png"]);
}
