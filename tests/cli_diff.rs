//! `stancemap diff` run as a real binary on a hand-made pair of versions, and inside a
//! throwaway git repository the ways the README tells teams to use it (`git difftool -x`
//! and a `textconv` driver).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A council budget: two parties on two issues; the second version lowers the Fiscal
/// conservatives' salience on Bus fare and raises the Greens' walk-away there.
const OLD: &str = r#"Project(
    format: 1,
    title: "Council budget",
    parties: [
        Party(id: "fc", name: "Fiscal conservatives", role: Principal, power: 0.5),
        Party(id: "gr", name: "Greens", role: Principal, power: 0.5),
    ],
    issues: [
        Issue(id: "fare", name: "Bus fare", low: "Free", high: "Full cost"),
        Issue(id: "tram", name: "Tram line", low: "None", high: "Citywide"),
    ],
    positions: [
        Position(party: "fc", issue: "fare", stance: 20.0, walk_away: 50.0, salience: 1.0, red_line: true),
        Position(party: "gr", issue: "fare", stance: 80.0, walk_away: 40.0, salience: 0.5),
        Position(party: "gr", issue: "tram", stance: 90.0, salience: 0.9),
    ],
    scenarios: [
        Scenario(id: "deal", name: "Package deal",
                 positions: [Position(party: "gr", issue: "tram", stance: 60.0, salience: 0.9)]),
    ],
)
"#;

fn new_version() -> String {
    OLD.replace(
        "stance: 20.0, walk_away: 50.0, salience: 1.0",
        "stance: 20.0, walk_away: 50.0, salience: 0.25",
    )
    .replace(
        "stance: 80.0, walk_away: 40.0",
        "stance: 80.0, walk_away: 60.0",
    )
}

/// The report for OLD -> new_version(), figures worked out in the core's diff tests: the
/// outcome moves from 20 to 80 once the Greens outweigh the Fiscal conservatives.
const REPORT: &str = "Positions
  ~ Fiscal conservatives on Bus fare: salience 1 -> 0.25
  ~ Greens on Bus fare: walk_away 40 -> 60

Effect on the analysis (base)
  Bus fare: outcome 20.0 -> 80.0; ZOPA 40.0 to 50.0 -> none (gap 10.0)
  Fiscal conservatives on Bus fare: the outcome now breaches its red line at 50
  Greens on Bus fare: the outcome no longer breaches its walk-away at 40
";

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_stancemap")
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn diff(args: &[&Path], more: &[&str]) -> Output {
    Command::new(bin())
        .arg("diff")
        .args(args)
        .args(more)
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

fn pair() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let old = write(dir.path(), "old.ron", OLD);
    let new = write(dir.path(), "new.ron", &new_version());
    (dir, old, new)
}

#[test]
fn a_change_is_listed_by_names_with_its_effect_and_exit_1() {
    let (_dir, old, new) = pair();
    let out = diff(&[&old, &new], &[]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), REPORT);
}

#[test]
fn nothing_changed_is_silent_and_exit_0() {
    let (_dir, old, _) = pair();
    // The same project written differently (comments, field order) is no difference.
    let dir = tempfile::tempdir().unwrap();
    let same = write(
        dir.path(),
        "same.ron",
        &OLD.replace(
            "title: \"Council budget\",",
            "// edited\n    title: \"Council budget\",",
        ),
    );
    let out = diff(&[&old, &same], &[]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stdout), "");
}

#[test]
fn json_has_the_changes_and_the_analysis() {
    let (_dir, old, new) = pair();
    let out = diff(&[&old, &new], &["--json"]);
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["changed"], true);
    assert_eq!(json["changes"][1]["item"], "Greens on Bus fare");
    assert_eq!(json["changes"][1]["fields"][0]["old"], 40.0);
    assert_eq!(json["changes"][1]["fields"][0]["new"], 60.0);
    assert_eq!(json["analysis"]["issues"][0]["new_outcome"], 80.0);
    assert_eq!(
        json["analysis"]["breaches"][0]["party"]["name"],
        "Fiscal conservatives"
    );
    assert_eq!(json["analysis"]["breaches"][0]["now"], true);
}

#[test]
fn a_scenario_is_given_by_id_or_name() {
    let (dir, old, _) = pair();
    let new = write(
        dir.path(),
        "scenario.ron",
        &OLD.replace("stance: 60.0, salience: 0.9", "stance: 65.0, salience: 0.9"),
    );
    for key in ["deal", "Package deal"] {
        let out = diff(&[&old, &new], &["--scenario", key]);
        assert_eq!(out.status.code(), Some(1));
        assert_eq!(
            text(&out.stdout),
            "Scenario \"Package deal\" (deal)\n  ~ position Greens on Tram line: stance 60 -> \
             65\n\nEffect on the analysis (scenario \"Package deal\")\n  Tram line: outcome \
             60.0 -> 65.0\n"
        );
    }
}

#[test]
fn trouble_is_exit_2() {
    let (dir, old, new) = pair();
    let out = diff(&[&old, &new], &["--scenario", "nope"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "stancemap diff: unknown scenario \"nope\"; valid scenarios: deal\n"
    );
    let broken = write(dir.path(), "broken.ron", "Project(");
    let out = diff(&[&old, &broken], &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).starts_with(&format!("{}:", broken.display())));
    let out = diff(&[&old], &[]);
    assert_eq!(out.status.code(), Some(2), "NEW is required");
}

#[test]
fn textconv_prints_facts_and_never_fails() {
    let (dir, old, _) = pair();
    let out = diff(&[&old], &["--textconv"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).contains(
        "position Greens on Bus fare: stance 80, ideal none, walk_away 40, salience 0.5\n"
    ));
    let broken = write(dir.path(), "broken.ron", "Project(");
    let out = diff(&[&broken], &["--textconv"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).ends_with("its text follows\nProject("));
}

/// `git` in `dir`, isolated from the user's and the system's configuration.
fn git(dir: &Path, args: &[&str]) -> Output {
    Command::new("git")
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_PAGER", "cat")
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.org"])
        .args(args)
        .output()
        .unwrap()
}

/// A repository with OLD committed as budget.ron and the new version in the work tree.
fn repository() -> Option<tempfile::TempDir> {
    let dir = tempfile::tempdir().unwrap();
    if !git(dir.path(), &["init", "-q"]).status.success() {
        eprintln!("git is not available; skipping");
        return None;
    }
    write(dir.path(), "budget.ron", OLD);
    git(dir.path(), &["add", "budget.ron"]);
    assert!(
        git(dir.path(), &["commit", "-q", "-m", "old"])
            .status
            .success()
    );
    write(dir.path(), "budget.ron", &new_version());
    Some(dir)
}

#[test]
fn git_difftool_runs_the_semantic_diff() {
    let Some(dir) = repository() else { return };
    let tool = format!("{} diff", bin());
    let out = git(
        dir.path(),
        &["difftool", "-y", "-x", &tool, "--", "budget.ron"],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), REPORT);
}

#[test]
fn git_textconv_turns_git_diff_into_changed_facts() {
    let Some(dir) = repository() else { return };
    write(dir.path(), ".gitattributes", "*.ron diff=stancemap\n");
    let driver = format!("{} diff --textconv", bin());
    let config = format!("diff.stancemap.textconv={driver}");
    let out = git(dir.path(), &["-c", &config, "diff", "--", "budget.ron"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let lines: Vec<String> = text(&out.stdout)
        .lines()
        .filter(|l| (l.starts_with('-') || l.starts_with('+')) && !l.starts_with("---"))
        .filter(|l| !l.starts_with("+++"))
        .map(str::to_owned)
        .collect();
    assert_eq!(
        lines,
        [
            "-position Fiscal conservatives on Bus fare: stance 20, ideal none, walk_away 50, \
             salience 1, red line",
            "-position Greens on Bus fare: stance 80, ideal none, walk_away 40, salience 0.5",
            "+position Fiscal conservatives on Bus fare: stance 20, ideal none, walk_away 50, \
             salience 0.25, red line",
            "+position Greens on Bus fare: stance 80, ideal none, walk_away 60, salience 0.5",
        ]
    );
}
