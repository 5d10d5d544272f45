//! `stancemap simulate` and `stancemap import` run as the real binary: the published
//! ten-actor example imported from its BDM table and simulated (figures of
//! shared/SIMULATION.md, from the reference replication), the story in words, the JSON's
//! shape, bad usage, and import of good and bad BDM and KTAB tables.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The ten-actor example as the BDM replications ship it (ExampleActors.csv).
const EXAMPLE_CSV: &str = "Actor,Capability,Position,Salience
Netherlands,0.08,4,0.8
Belgium,0.08,7,0.4
Luxembourg,0.03,4,0.2
Germany,0.16,4,0.8
France,0.16,10,0.6
Italy,0.16,10,0.6
UK,0.16,10,0.9
Ireland,0.05,7,0.1
Denmark,0.05,4,1.0
Greece,0.08,7,0.7
";

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stancemap"))
        .args(args)
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

fn write(dir: &Path, name: &str, content: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// The example imported into `dir/eu.ron`.
fn imported_example(dir: &Path) -> PathBuf {
    let csv = write(dir, "ExampleActors.csv", EXAMPLE_CSV);
    let out = dir.join("eu.ron");
    let o = run(&["import", p(&csv), "--from", "bdm", "--out", p(&out)]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert_eq!(
        text(&o.stdout),
        format!(
            "wrote {}: 10 parties, 1 issue, 10 positions\n",
            out.display()
        )
    );
    out
}

fn close(a: &Value, b: f64) {
    let a = a.as_f64().unwrap_or(f64::NAN);
    assert!((a - b).abs() < 1e-9, "{a} != {b}");
}

#[test]
fn the_imported_example_simulates_as_published() {
    let dir = tempfile::tempdir().unwrap();
    let project = imported_example(dir.path());
    let o = run(&["simulate", p(&project), "--json"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let json: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["scenario"], Value::Null);
    assert_eq!(json["rounds"], 10);
    let issue = &json["issues"][0];
    assert_eq!(issue["issue"], "exampleactors");
    assert_eq!(issue["delta"], 6.0);
    let rounds = issue["rounds"].as_array().unwrap();
    assert_eq!(rounds.len(), 11);
    assert_eq!(rounds[0]["risk"], Value::Null);
    // Round 1 (SIMULATION.md): three moves, median 8.4159..., mean 7.4613...
    let r1 = &rounds[1];
    assert_eq!(
        r1["moves"][1],
        serde_json::json!({"party": "luxembourg", "kind": "confrontation", "with": "belgium", "from": 4.0, "to": 7.0})
    );
    assert_eq!(r1["moves"][0]["with"], "france");
    close(&r1["moves"][0]["to"], 8.415932315426764);
    close(&r1["median"], 8.415932315426764);
    close(&r1["mean"], 7.461314378277189);
    close(&r1["risk"]["uk"], 1.9648982295);
    close(&r1["risk"]["denmark"], 2.0);
    // Round 10.
    let r10 = &rounds[10];
    close(&r10["positions"]["belgium"], 4.291541224979646);
    close(&r10["positions"]["luxembourg"], 4.144849062500606);
    close(&r10["positions"]["ireland"], 4.144849062500606);
    close(&r10["positions"]["greece"], 7.0);
    close(&r10["median"], 7.0);
    close(&r10["mean"], 7.242130958473938);
}

#[test]
fn the_story_says_who_moved_why_and_how_it_ended() {
    let dir = tempfile::tempdir().unwrap();
    let project = imported_example(dir.path());
    let o = run(&["simulate", p(&project), "--rounds", "1"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    for line in [
        "ExampleActors — Base",
        "ExampleActors: 10 parties, stances spanning 6 points.",
        "  Start: weighted median 7, weighted mean 7.39.",
        "  Round 1: median 8.42, mean 7.46.",
        "    Belgium compromises with France and moves from 7 to 8.42: challenging France would \
         cost it 0.115 while France expects to gain 0.243 by challenging it, so it goes 47% of \
         the way.",
        "    Luxembourg loses a confrontation to Belgium and moves from 4 to 7: it expects \
         Belgium to gain more by challenging it (0.542) than it would gain by challenging \
         Belgium (0.246).",
        "  End (round 1): weighted median 8.42 (from 7), weighted mean 7.46 (from 7.39).",
        "  Still moving after 1 rounds: Belgium, Luxembourg, Ireland moved in the last round.",
    ] {
        assert!(out.lines().any(|l| l == line), "missing {line:?} in\n{out}");
    }
}

/// Two issues: one everybody already agrees on, one only one party holds.
const QUIET: &str = r#"
Project(
    format: 1,
    title: "Quiet",
    parties: [
        Party(id: "a", name: "Alpha", role: Principal, power: 0.5),
        Party(id: "b", name: "Beta", role: Principal, power: 0.7),
    ],
    issues: [
        Issue(id: "agreed", name: "Agreed", low: "no", high: "yes"),
        Issue(id: "alone", name: "Alone", low: "no", high: "yes"),
    ],
    positions: [
        Position(party: "a", issue: "agreed", stance: 40.0, salience: 0.5),
        Position(party: "b", issue: "agreed", stance: 40.0, salience: 0.9),
        Position(party: "a", issue: "alone", stance: 70.0, salience: 0.5),
    ],
    scenarios: [Scenario(id: "split", name: "Split", positions: [Position(party: "b", issue: "agreed", stance: 90.0, salience: 0.9)])],
)
"#;

#[test]
fn degenerate_issues_are_told_plainly() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "quiet.ron", QUIET);
    let o = run(&["simulate", p(&file)]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert!(out.contains(
        "Agreed: 2 parties, stances spanning 0 points.\n  Start: weighted median 40, weighted mean 40.\n  \
         Rounds 1–10: nobody moves.\n  End (round 10): weighted median 40 (from 40), weighted mean 40 (from 40).\n  \
         Every party already holds the same position: there is nothing to bargain about.\n"
    ), "{out}");
    assert!(out.contains(
        "  Fewer than two parties hold a position on this issue: there is nobody to bargain with.\n"
    ), "{out}");
    // The scenario splits them; the JSON names it.
    let o = run(&[
        "simulate",
        p(&file),
        "--scenario",
        "split",
        "--rounds",
        "2",
        "--json",
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let json: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["scenario"], "split");
    assert_eq!(json["issues"][0]["delta"], 50.0);
    assert_eq!(json["issues"][0]["rounds"].as_array().unwrap().len(), 3);
}

#[test]
fn bad_usage_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "quiet.ron", QUIET);
    let o = run(&["simulate", p(&file), "--scenario", "nope"]);
    assert_eq!(o.status.code(), Some(2));
    // (The load warning about Beta's missing position comes first.)
    let expected = format!(
        "{}: error: unknown scenario \"nope\"; valid scenarios: split",
        file.display()
    );
    assert_eq!(text(&o.stderr).lines().last(), Some(expected.as_str()));
    let o = run(&["simulate", p(&file), "--rounds", "1001"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr).contains("1001 is not in 0..=1000"),
        "{}",
        text(&o.stderr)
    );
    let missing = dir.path().join("missing.ron");
    assert_eq!(run(&["simulate", p(&missing)]).status.code(), Some(1));
}

#[test]
fn a_bad_table_writes_nothing_and_names_every_bad_line() {
    let dir = tempfile::tempdir().unwrap();
    let csv = write(
        dir.path(),
        "bad.csv",
        "Actor,Capability,Position,Salience\nA,0.5,40,0.5\nB,0.5,400,0.5\nC,x,10,0.5\n",
    );
    let out = dir.path().join("bad.ron");
    let o = run(&["import", p(&csv), "--from", "bdm", "--out", p(&out)]);
    assert_eq!(o.status.code(), Some(1));
    let name = csv.display();
    assert_eq!(
        text(&o.stderr),
        format!(
            "{name}:3: error: Position 400 is outside 0..100; stancemap's scales run 0..100; rescale the positions (e.g. y = (x - min) * 100 / (max - min)) before importing\n\
             {name}:4: error: Capability \"x\" is not a number\n\
             {name}: nothing written\n"
        )
    );
    assert!(!out.exists());
}

#[test]
fn a_ktab_table_imports_into_a_project_that_loads() {
    let dir = tempfile::tempdir().unwrap();
    let csv = write(
        dir.path(),
        "smp.csv",
        "\u{feff}Policy,\"Reform appetite\",3,2,\n\
         Actor,Description,Influence,Reform,Reform sal,Tax,Tax sal,\n\
         XJ,Xi Jinping,100,30,30,10,50,\n\
         LK,Li Keqiang,65,45,65,90,100,\n\
         ZG,Zhang Gaoli,35,30,40,55,20,\n",
    );
    let out = dir.path().join("smp.ron");
    let o = run(&["import", p(&csv), "--from", "ktab", "--out", p(&out)]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert_eq!(
        text(&o.stdout),
        format!(
            "note: capabilities above 1 were divided by the largest (100); only their ratios matter in the model\n\
             wrote {}: 3 parties, 2 issues, 6 positions\n",
            out.display()
        )
    );
    let loaded = stancemap::format::load_path(&out).unwrap();
    assert_eq!(loaded.project.title, "Policy");
    assert_eq!(loaded.project.parties[1].power, 0.65);
    assert_eq!(loaded.project.position("zg", "tax").unwrap().salience, 0.2);
    assert!(run(&["simulate", p(&out)]).status.success());
}
