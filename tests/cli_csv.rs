//! `stancemap export --csv` and `stancemap import --into` as a real binary: the round trip
//! on every sample, an edited table applied, and a bad table refused line by line with the
//! project left byte for byte as it was.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stancemap"))
        .args(args)
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

fn samples() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_projects");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    files
}

#[test]
fn export_then_import_is_the_identity_on_every_sample() {
    let samples = samples();
    assert!(samples.len() >= 3);
    for sample in samples {
        let dir = tempfile::tempdir().unwrap();
        let project = dir.path().join("p.ron");
        std::fs::copy(&sample, &project).unwrap();
        let before = std::fs::read(&project).unwrap();
        let csv = dir.path().join("positions.csv");
        let out = run(&["export", s(&project), "--csv", s(&csv)]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let rows = text(&std::fs::read(&csv).unwrap()).lines().count();
        let out = run(&["import", s(&csv), "--into", s(&project)]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        // Every row matches its position: the file is not even rewritten.
        assert!(
            text(&out.stdout).ends_with("unchanged); the file is as it was\n"),
            "{}",
            text(&out.stdout)
        );
        assert_eq!(
            std::fs::read(&project).unwrap(),
            before,
            "{}",
            sample.display()
        );
        assert!(rows > 1, "{}", sample.display());
    }
}

const PROJECT: &str = r#"Project(
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
        Position(party: "fc", issue: "fare", stance: 20.0, walk_away: 50.0, salience: 1.0),
        Position(party: "gr", issue: "fare", stance: 80.0, salience: 0.5),
    ],
)
"#;

fn project_in(dir: &Path) -> PathBuf {
    let path = dir.join("budget.ron");
    std::fs::write(&path, PROJECT).unwrap();
    path
}

#[test]
fn an_edited_table_updates_and_adds_positions() {
    let dir = tempfile::tempdir().unwrap();
    let project = project_in(dir.path());
    let out = run(&["export", s(&project), "--csv", "-"]);
    let table = text(&out.stdout);
    assert_eq!(
        table,
        "\u{feff}party,issue,stance,ideal,walk_away,salience,red_line,rationale\n\
         Fiscal conservatives,Bus fare,20,,50,1,,\n\
         Greens,Bus fare,80,,,0.5,,\n"
    );
    let edited = table.replace("Greens,Bus fare,80", "Greens,Bus fare,65")
        + "Greens,Tram line,90,,,0.9,,\"Their flagship, since 2019\"\n";
    let csv = dir.path().join("edited.csv");
    std::fs::write(&csv, edited).unwrap();
    let out = run(&["import", s(&csv), "--into", s(&project), "--dry-run"]);
    assert_eq!(
        text(&out.stdout),
        format!(
            "{}: would have changed 1 position and added 1 (1 unchanged); nothing was written \
             (--dry-run)\n",
            project.display()
        )
    );
    assert_eq!(std::fs::read_to_string(&project).unwrap(), PROJECT);
    let out = run(&["import", s(&csv), "--into", s(&project)]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        format!(
            "{}: changed 1 position and added 1 (1 unchanged)\n",
            project.display()
        )
    );
    let saved = std::fs::read_to_string(&project).unwrap();
    assert!(saved.contains("stance: 65.0"), "{saved}");
    assert!(
        saved.contains("rationale: \"Their flagship, since 2019\""),
        "{saved}"
    );
    // The atomic save kept the version it replaced.
    let backup = dir.path().join("budget.ron.bak");
    assert_eq!(std::fs::read_to_string(backup).unwrap(), PROJECT);
}

#[test]
fn a_bad_table_lists_its_lines_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let project = project_in(dir.path());
    let csv = dir.path().join("bad.csv");
    std::fs::write(
        &csv,
        "party,issue,stance,salience\n\
         Greens,Bus fare,70,0.5\n\
         Fiscal conservative,Bus fare,20,1\n\
         Greens,Tram line,150,0.9\n\
         Greens,Bus fare,75,0.5\n",
    )
    .unwrap();
    let out = run(&["import", s(&csv), "--into", s(&project)]);
    assert_eq!(out.status.code(), Some(1));
    let c = csv.display();
    assert_eq!(
        text(&out.stderr),
        format!(
            "{c}:3: error: unknown party \"Fiscal conservative\"; did you mean \"Fiscal \
             conservatives\"?\n\
             {c}:4: error: stance 150 is off the scale; use a number from 0 to 100\n\
             {c}:5: error: a second row for Greens on Bus fare (the first is on line 2); keep \
             one\n\
             {}: nothing was changed (3 problems in {c})\n",
            project.display()
        )
    );
    assert_eq!(std::fs::read_to_string(&project).unwrap(), PROJECT);
    assert!(!dir.path().join("budget.ron.bak").exists());
}

#[test]
fn missing_targets_are_bad_usage() {
    let dir = tempfile::tempdir().unwrap();
    let project = project_in(dir.path());
    let out = run(&["export", s(&project)]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "stancemap export: say what to write, e.g. --csv positions.csv\n"
    );
    let out = run(&["import", s(&project)]);
    assert_eq!(out.status.code(), Some(2));
}
