//! `stancemap analyze` run as a real binary on small projects written to a temporary
//! directory (figures worked out by hand) and on the ceasefire sample when it is present.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Russia and Ukraine (Principals) and the US (Mediator) on two issues; one scenario that
/// weakens Ukraine. Worked figures are in the tests.
const TALKS: &str = r#"
Project(
    format: 1,
    title: "Talks",
    parties: [
        Party(id: "ru", name: "Russia", role: Principal, power: 0.8),
        Party(id: "ua", name: "Ukraine", role: Principal, power: 0.5),
        Party(id: "us", name: "United States", role: Mediator, power: 1.0),
    ],
    issues: [
        Issue(id: "scope", name: "Scope", low: "none", high: "full"),
        Issue(id: "prisoners", name: "Prisoners", low: "none", high: "all"),
    ],
    positions: [
        Position(party: "ru", issue: "scope", stance: 20.0, walk_away: 50.0, salience: 0.5, red_line: true),
        Position(party: "ua", issue: "scope", stance: 100.0, walk_away: 60.0, salience: 0.8),
        Position(party: "us", issue: "scope", stance: 70.0, salience: 0.5),
        Position(party: "ru", issue: "prisoners", stance: 60.0, salience: 0.5),
        Position(party: "ua", issue: "prisoners", stance: 80.0, walk_away: 80.0, salience: 1.0),
    ],
    leverage: [
        Leverage(holder: "us", target: "ua", kind: Stick, instrument: "aid", strength: 0.8, credibility: 0.9),
        Leverage(holder: "ru", target: "ua", kind: Stick, instrument: "strikes", strength: 0.5, credibility: 0.5, status: Withdrawn),
    ],
    scenarios: [
        Scenario(id: "ua-weaker", name: "Ukraine weaker", power: [PowerOverride(party: "ua", power: 0.4)]),
        Scenario(id: "talks-collapse", name: "Talks collapse"),
    ],
)
"#;

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn analyze(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stancemap"))
        .arg("analyze")
        .args(args)
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

fn json(args: &[&str]) -> Value {
    let output = analyze(args);
    assert!(output.status.success(), "stderr: {}", stderr(&output));
    serde_json::from_str(&stdout(&output)).unwrap()
}

fn close(value: &Value, expected: f64) -> bool {
    value.as_f64().is_some_and(|v| (v - expected).abs() < 1e-9)
}

fn keys(value: &Value) -> Vec<&str> {
    let mut keys: Vec<&str> = value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    keys
}

fn assert_has_keys(value: &Value, expected: &[&str]) {
    let keys = keys(value);
    for key in expected {
        assert!(keys.contains(key), "missing {key:?} in {keys:?}");
    }
}

/// The keys the JSON contract promises, at every level.
fn assert_contract(v: &Value) {
    assert_has_keys(
        v,
        &[
            "project",
            "scenario",
            "outcome_method",
            "issues",
            "parties",
            "leverage",
            "sensitivity",
            "deals",
        ],
    );
    for issue in v["issues"].as_array().unwrap() {
        assert_has_keys(
            issue,
            &[
                "id",
                "name",
                "weighted_median",
                "weighted_mean",
                "outcome",
                "zopa",
                "gap",
                "concessions",
            ],
        );
        if !issue["zopa"].is_null() {
            assert_has_keys(&issue["zopa"], &["low", "high"]);
        }
        for c in issue["concessions"].as_array().unwrap() {
            assert_has_keys(
                c,
                &[
                    "party", "stance", "distance", "pain", "share", "breach", "red_line",
                ],
            );
        }
    }
    for p in v["parties"].as_array().unwrap() {
        assert_has_keys(p, &["id", "total_pain", "breaches"]);
    }
    for l in v["leverage"].as_array().unwrap() {
        assert_has_keys(l, &["holder", "target", "pressure", "net"]);
    }
    for s in v["sensitivity"].as_array().unwrap() {
        assert_has_keys(s, &["input", "issue", "delta"]);
    }
}

#[test]
fn json_of_the_base_has_the_contract_keys_and_hand_worked_values() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "talks.ron", TALKS);
    let v = json(&[file.to_str().unwrap(), "--json"]);
    assert_contract(&v);
    assert_eq!(v["project"], "Talks");
    assert_eq!(v["scenario"], Value::Null);
    assert_eq!(v["outcome_method"], "Median");
    let scope = &v["issues"][0];
    assert_eq!(scope["id"], "scope");
    // Weights: ru .8*.5 = .4 at 20, us 1*.5 = .5 at 70, ua .5*.8 = .4 at 100; total 1.3,
    // half .65; cumulative .4, .9 -> median 70. Mean (8 + 35 + 40) / 1.3 = 63.846...
    assert_eq!(scope["weighted_median"], 70.0);
    assert!(close(&scope["weighted_mean"], 83.0 / 1.3));
    assert_eq!(scope["outcome"], 70.0);
    // ru accepts 0..=50, ua 60..=100: no ZOPA, gap 10.
    assert_eq!(scope["zopa"], Value::Null);
    assert_eq!(scope["gap"], 10.0);
    // ru: distance 50, pain .5*.5 = .25, share 50/30, red line breached.
    let ru = &scope["concessions"][0];
    assert_eq!(ru["party"], "ru");
    assert_eq!(ru["distance"], 50.0);
    assert_eq!(ru["pain"], 0.25);
    assert!(close(&ru["share"], 50.0 / 30.0));
    assert_eq!(
        (&ru["breach"], &ru["red_line"]),
        (&Value::Bool(true), &Value::Bool(true))
    );
    // us has no walk-away: share null.
    assert_eq!(scope["concessions"][2]["share"], Value::Null);
    // prisoners: 60 (.4), 80 (.5) -> median 80; ZOPA = ua's 80..=100.
    let prisoners = &v["issues"][1];
    assert_eq!(prisoners["outcome"], 80.0);
    assert_eq!(prisoners["zopa"]["low"], 80.0);
    assert_eq!(prisoners["zopa"]["high"], 100.0);
    assert_eq!(prisoners["gap"], Value::Null);
    // Totals: ru .25 + (80-60)/100*.5 = .35, 1 breach.
    assert_eq!(v["parties"][0]["id"], "ru");
    assert!(close(&v["parties"][0]["total_pain"], 0.35));
    assert_eq!(v["parties"][0]["breaches"], 1);
    // Leverage: the Withdrawn item is left out; us -> ua .8*.9 = .72 and the reverse pair.
    let pairs: Vec<(&str, &str)> = v["leverage"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| (l["holder"].as_str().unwrap(), l["target"].as_str().unwrap()))
        .collect();
    assert_eq!(pairs, [("ua", "us"), ("us", "ua")]);
    assert!(close(&v["leverage"][1]["pressure"], 0.72));
    assert!(close(&v["leverage"][0]["net"], -0.72));
    // Sensitivity: ua power .5 -> .4 makes prisoners 60 (.4) vs 80 (.4): median 60, 20 points.
    assert_eq!(v["sensitivity"][0]["input"], "power of Ukraine");
    assert_eq!(v["sensitivity"][0]["issue"], "prisoners");
    assert!(close(&v["sensitivity"][0]["delta"], 20.0));
}

#[test]
fn json_of_a_scenario_applies_its_power_override() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "talks.ron", TALKS);
    let v = json(&[file.to_str().unwrap(), "--scenario", "ua-weaker", "--json"]);
    assert_contract(&v);
    assert_eq!(v["scenario"], "ua-weaker");
    // ua power .4: prisoners 60 (.4) and 80 (.4), half .4 reached at 60; 60 < ua's
    // walk-away 80 -> breach; ua pain (80-60)/100 * 1 = .2.
    let prisoners = &v["issues"][1];
    assert_eq!(prisoners["outcome"], 60.0);
    assert_eq!(prisoners["concessions"][1]["breach"], true);
    assert_eq!(prisoners["concessions"][1]["red_line"], false);
    // ua total: .24 on scope (30/100 * .8) + .2 = .44.
    assert!(close(&v["parties"][1]["total_pain"], 0.44));
}

#[test]
fn the_table_is_readable_and_says_what_the_numbers_are() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "talks.ron", TALKS);
    let output = analyze(&[file.to_str().unwrap()]);
    assert!(output.status.success());
    let text = stdout(&output);
    assert!(text.starts_with("Talks — Base\n"), "{text}");
    assert!(text.contains("estimates from the analyst's own inputs"));
    assert!(text.contains("  Outcome 70.0: weighted median 70.0 [used], weighted mean 63.8\n"));
    assert!(text.contains("  ZOPA: none; the closest walk-aways are 10.0 points apart\n"));
    assert!(text.contains("  ZOPA: 80.0 to 100.0\n"));
    assert!(text.contains(
        "  Russia           20.0      50.0   0.25   1.67  RED LINE BREACHED (red line at 50.0)\n"
    ));
    assert!(text.contains("  United States on Ukraine: pressure 0.72, net +0.72\n"));
    assert!(text.contains("  power of Ukraine: moves the outcome of Prisoners by up to 20.0"));
    // The scenario's name heads its report, and a walk-away breach is named as such.
    let output = analyze(&[file.to_str().unwrap(), "--scenario", "ua-weaker"]);
    let text = stdout(&output);
    assert!(text.starts_with("Talks — Ukraine weaker\n"), "{text}");
    assert!(text.contains(
        "  Ukraine          80.0      20.0   0.20      -  breaches its walk-away at 80.0\n"
    ));
}

#[test]
fn an_unknown_scenario_lists_the_valid_ones() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "talks.ron", TALKS);
    let output = analyze(&[file.to_str().unwrap(), "--scenario", "nope", "--json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    assert_eq!(
        stderr(&output),
        format!(
            "{}: error: unknown scenario \"nope\"; valid scenarios: ua-weaker, talks-collapse\n",
            file.display()
        )
    );
}

#[test]
fn a_file_that_does_not_load_is_reported_like_check() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "bad.ron",
        "Project(\n    format: 1,\n    title: ,\n)\n",
    );
    let output = analyze(&[file.to_str().unwrap(), "--json"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    let err = stderr(&output);
    // FILE:LINE:COL: error: ..., the error on line 3.
    let prefix = format!("{}:3:", file.display());
    assert!(err.starts_with(&prefix), "{err}");
    assert!(err.contains(": error: "), "{err}");
    let missing = dir.path().join("missing.ron");
    let output = analyze(&[missing.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).starts_with(&format!(
        "{}: error: cannot read the file",
        missing.display()
    )));
}

#[test]
fn an_issue_without_weight_has_a_null_outcome_and_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "zero.ron",
        r#"Project(format: 1, title: "Zero", outcome: Mean,
            parties: [Party(id: "a", name: "A", role: Principal, power: 0.0)],
            issues: [Issue(id: "i", name: "I", low: "l", high: "h"),
                     Issue(id: "j", name: "J", low: "l", high: "h")],
            positions: [Position(party: "a", issue: "i", stance: 40.0, salience: 0.5),
                        Position(party: "a", issue: "j", stance: 40.0, salience: 0.5)])"#,
    );
    let v = json(&[file.to_str().unwrap(), "--json"]);
    assert_contract(&v);
    assert_eq!(v["outcome_method"], "Mean");
    let issue = &v["issues"][0];
    assert_eq!(issue["outcome"], Value::Null);
    assert_eq!(issue["weighted_median"], Value::Null);
    assert!(
        issue["outcome_note"]
            .as_str()
            .unwrap()
            .contains("total weight")
    );
    assert_eq!(issue["concessions"][0]["distance"], Value::Null);
    assert_eq!(issue["concessions"][0]["pain"], Value::Null);
    // A Principal without a walk-away: the whole scale is its ZOPA.
    assert_eq!(issue["zopa"]["low"], 0.0);
    assert_eq!(issue["zopa"]["high"], 100.0);
    assert_eq!(v["parties"][0]["total_pain"], 0.0);
    let text = stdout(&analyze(&[file.to_str().unwrap()]));
    assert!(text.contains("  Outcome: none (the parties with a position on this issue have"));
}

#[test]
fn the_ceasefire_sample_analyses() {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_projects/ceasefire-2025.ron");
    if !sample.exists() {
        eprintln!("{} not present yet; skipped", sample.display());
        return;
    }
    let v = json(&[sample.to_str().unwrap(), "--json"]);
    assert_contract(&v);
    assert_eq!(v["scenario"], Value::Null);
    assert!(!v["issues"].as_array().unwrap().is_empty());
    for issue in v["issues"].as_array().unwrap() {
        let stances: Vec<f64> = issue["concessions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["stance"].as_f64().unwrap())
            .collect();
        // The median is always one of the stances; a null outcome always says why.
        if let Some(m) = issue["weighted_median"].as_f64() {
            assert!(stances.contains(&m), "{issue}");
        }
        assert_eq!(issue["outcome"].is_null(), !issue["outcome_note"].is_null());
        // Exactly one of ZOPA and gap.
        assert_ne!(issue["zopa"].is_null(), issue["gap"].is_null());
    }
    // Every scenario of the sample analyses too.
    let text = std::fs::read_to_string(&sample).unwrap();
    let project = stancemap::format::load_bytes(text.as_bytes())
        .unwrap()
        .project;
    for scenario in &project.scenarios {
        let v = json(&[
            sample.to_str().unwrap(),
            "--scenario",
            &scenario.id,
            "--json",
        ]);
        assert_eq!(v["scenario"], scenario.id.as_str());
    }
}

#[test]
fn json_has_the_deal_figures_worked_by_hand() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "talks.ron", TALKS);
    let v = json(&[file.to_str().unwrap(), "--json"]);
    let deals = &v["deals"];
    assert_eq!(
        keys(deals),
        ["best_for", "feasible", "maxmin", "nash", "outcome_test"]
    );
    assert_eq!(keys(&deals["nash"]), ["package", "values"]);
    assert_eq!(keys(&deals["outcome_test"]), ["accepted", "values"]);
    let near =
        |value: &Value, expected: f64| value.as_f64().is_some_and(|v| (v - expected).abs() < 1e-5);
    // Weights: Russia 0.5 on each issue (R 30 on scope, 100 on prisoners); Ukraine 4/9 on
    // scope (R 40) and 5/9 on prisoners (R 1: any move off 80 costs it 5/9 a point).
    //   U_ru = 0.5 (1 - |x - 20|/30) + 0.5 (1 - |y - 60|/100), red line x <= 50
    //   U_ua = 4/9 (1 - (100 - x)/40) + 5/9 (1 - |y - 80|)
    // At (50, 80): U_ru = 0 + 0.4 = 0.4, U_ua = 4/9 (-1/4) + 5/9 = 4/9. Lowering x by d
    // gives Russia d/60 and costs Ukraine d/90 (y trades far worse), so the common floor is
    // where 0.4 + d/60 = 4/9 - d/90: d = 1.6, maxmin = 0.4 + 1.6/60 = 32/75.
    assert!(near(&deals["maxmin"], 32.0 / 75.0), "{deals}");
    assert_eq!(deals["feasible"], true);
    // best_for Russia: x down to 20 costs Ukraine 1/3 of its 4/9; the last 1/9 buys 0.2
    // points of y: U_ru = 0.5 + 0.5 (1 - 19.8/100) = 0.901. best_for Ukraine: Russia's red
    // line stops x at 50 and y is already 80: 4/9.
    assert!(near(&deals["best_for"]["ru"], 0.901));
    assert!(near(&deals["best_for"]["ua"], 4.0 / 9.0));
    // Nash, powers 0.8 and 0.5, along the x trade: 0.8/(24 + d) = 0.5/(40 - d), d = 200/13:
    // U_ru = 0.4 + 10/39, U_ua = 4/9 - 20/117 = 32/117, at x = 50 - 200/13, y = 80.
    assert!(near(&deals["nash"]["values"]["ru"], 0.4 + 10.0 / 39.0));
    assert!(near(&deals["nash"]["values"]["ua"], 32.0 / 117.0));
    assert!(
        deals["nash"]["package"]["scope"]
            .as_f64()
            .is_some_and(|x| (x - (50.0 - 200.0 / 13.0)).abs() < 1e-3)
    );
    // The predicted outcome (70, 80): U_ru = 0.5 (1 - 50/30) + 0.4 = 1/15 but 70 crosses
    // Russia's red line; U_ua = 4/9 (1/4) + 5/9 = 2/3.
    assert!(near(&deals["outcome_test"]["values"]["ru"], 1.0 / 15.0));
    assert!(near(&deals["outcome_test"]["values"]["ua"], 2.0 / 3.0));
    assert_eq!(deals["outcome_test"]["accepted"]["ru"], false);
    assert_eq!(deals["outcome_test"]["accepted"]["ua"], true);
    // The text says the same in words.
    let text = stdout(&analyze(&[file.to_str().unwrap()]));
    assert!(text.contains(
        "The predicted outcome taken as one package: no deal: Russia rejects (see Deal)."
    ));
    assert!(text.contains(
        "  A deal exists: some package leaves every Principal at least 0.43 above its \
         walk-aways on balance."
    ));
    assert!(
        text.contains("0.07 rejects: red line crossed on Scope"),
        "{text}"
    );
}

#[test]
fn red_lines_that_exclude_each_other_make_maxmin_null_and_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let clash = TALKS.replace(
        r#"stance: 100.0, walk_away: 60.0, salience: 0.8)"#,
        r#"stance: 100.0, walk_away: 60.0, salience: 0.8, red_line: true)"#,
    );
    let file = write(dir.path(), "clash.ron", &clash);
    let v = json(&[file.to_str().unwrap(), "--json"]);
    assert_eq!(v["deals"]["maxmin"], Value::Null);
    assert_eq!(v["deals"]["feasible"], false);
    assert_eq!(v["deals"]["best_for"]["ru"], Value::Null);
    assert_eq!(v["deals"]["nash"], Value::Null);
    let text = stdout(&analyze(&[file.to_str().unwrap()]));
    assert!(
        text.contains(
            "  No deal: these red lines cannot all hold: on Scope, Ukraine's red line needs \
             at least 60 and Russia's at most 50."
        ),
        "{text}"
    );
}
