//! Every command-line option that takes an id also takes the item's exact name, since the
//! name is what the user sees in the app.

use std::process::{Command, Output};

const PROJECT: &str = r#"Project(
    format: 1,
    title: "Council budget",
    parties: [Party(id: "gr", name: "Greens", role: Principal, power: 0.5)],
    issues: [Issue(id: "tram", name: "Tram line", low: "None", high: "Citywide")],
    positions: [Position(party: "gr", issue: "tram", stance: 90.0, salience: 0.9)],
    events: [Event(date: "2025-01-01", title: "Vote", kind: Meeting,
                   shifts: [Shift(party: "gr", issue: "tram", stance: 80.0)])],
    scenarios: [Scenario(id: "deal", name: "Package deal",
                         positions: [Position(party: "gr", issue: "tram", stance: 60.0, salience: 0.9)])],
)
"#;

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stancemap"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn scenarios_and_issues_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.ron");
    std::fs::write(&file, PROJECT).unwrap();
    let file = file.to_str().unwrap();
    let by_id = run(&["analyze", file, "--scenario", "deal", "--json"]);
    let by_name = run(&["analyze", file, "--scenario", "Package deal", "--json"]);
    assert!(by_id.status.success());
    assert_eq!(by_id.stdout, by_name.stdout);
    let out = dir.path().join("charts");
    let out = out.to_str().unwrap();
    let r = run(&[
        "render",
        file,
        "--out",
        out,
        "--chart",
        "timeline",
        "--format",
        "svg",
        "--issue",
        "Tram line",
        "--scenario",
        "Package deal",
    ]);
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    let r = run(&["render", file, "--out", out, "--issue", "Bus fare"]);
    assert_eq!(r.status.code(), Some(2));
}
