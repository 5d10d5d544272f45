//! The positions table: written as a spreadsheet opens it, read back to the same project,
//! and every problem of a bad file listed by line.

use super::*;
use crate::format::load_str;

const PROJECT: &str = r#"Project(
    format: 1,
    title: "Council budget",
    parties: [
        Party(id: "fc", name: "Fiscal conservatives", role: Principal, power: 0.5),
        Party(id: "gr", name: "Greens", role: Principal, power: 0.5),
        Party(id: "lab", name: "Labour, \"left\"", role: Stakeholder, power: 0.3),
    ],
    issues: [
        Issue(id: "fare", name: "Bus fare", low: "Free", high: "Full cost"),
        Issue(id: "tram", name: "Tram line", low: "None", high: "Citywide"),
    ],
    positions: [
        Position(party: "fc", issue: "fare", stance: 20.0, walk_away: 50.0, salience: 1.0,
                 red_line: true, rationale: "Said so,\ntwice", sources: ["x"]),
        Position(party: "gr", issue: "fare", stance: 80.5, ideal: 90.0, salience: 0.35),
    ],
    sources: [Source(id: "x", title: "Minutes")],
)"#;

fn project() -> Project {
    crate::testing::load(PROJECT)
}

fn import(csv: &str) -> Result<(Project, CsvImport), CsvError> {
    from_csv(&project(), csv.as_bytes())
}

fn problems(csv: &str) -> Vec<String> {
    match import(csv) {
        Ok(_) => panic!("the file was accepted"),
        Err(e) => e.problems.iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn the_table_has_a_bom_a_header_and_one_quoted_row_per_position() {
    assert_eq!(
        to_csv(&project()),
        "\u{feff}party,issue,stance,ideal,walk_away,salience,red_line,rationale\n\
         Fiscal conservatives,Bus fare,20,,50,1,yes,\"Said so,\ntwice\"\n\
         Greens,Bus fare,80.5,90,,0.35,,\n"
    );
}

#[test]
fn reading_the_table_back_changes_nothing() {
    let p = project();
    let (back, report) = from_csv(&p, to_csv(&p).as_bytes()).unwrap();
    assert_eq!(back, p);
    assert_eq!((report.changed, report.added, report.unchanged), (0, 0, 2));
    assert_eq!(
        report.summary(),
        "changed 0 positions and added 0 (2 unchanged)"
    );
}

#[test]
fn export_then_import_is_the_identity_on_every_sample() {
    for text in [
        include_str!("../../../../../sample_projects/ceasefire-2025.ron"),
        include_str!("../../../../../sample_projects/labour-contract.ron"),
        include_str!("../../../../../sample_projects/river-basin.ron"),
    ] {
        let p = load_str(text).unwrap().project;
        let (back, report) = from_csv(&p, to_csv(&p).as_bytes()).unwrap();
        assert_eq!(back, p, "{}", p.title);
        assert_eq!(report.unchanged, p.positions.len());
    }
}

#[test]
fn rows_update_positions_and_add_new_ones_keeping_what_they_do_not_name() {
    let csv = "party,issue,stance,walk_away,salience\n\
               Greens,Bus fare,75,60,0.35\n\
               greens,Tram line,90,,0.9\n\
               fc,Tram line,10,30,0.4\n\
               ,,,,\n";
    let (p, report) = import(csv).unwrap();
    assert_eq!((report.changed, report.added, report.unchanged), (1, 2, 0));
    let gr = p.position("gr", "fare").unwrap();
    // ideal, red_line and rationale have no column: kept.
    assert_eq!(
        (gr.stance, gr.walk_away, gr.ideal),
        (75.0, Some(60.0), Some(90.0))
    );
    let added = p.position("gr", "tram").unwrap();
    assert_eq!(
        (added.stance, added.salience, added.walk_away),
        (90.0, 0.9, None)
    );
    assert_eq!(p.position("fc", "tram").unwrap().walk_away, Some(30.0));
    // The sources of an updated position stay.
    assert_eq!(p.position("fc", "fare").unwrap().sources, ["x"]);
}

#[test]
fn semicolons_decimal_commas_and_loose_headers_from_other_locales() {
    let csv = "Party;Issue;Stance;Walk-away;Salience;Red line\n\
               Greens;Bus fare;\"77,5\";45;0,35;no\n";
    let (p, report) = import(csv).unwrap();
    assert_eq!(report.changed, 1);
    let gr = p.position("gr", "fare").unwrap();
    assert_eq!(
        (gr.stance, gr.walk_away, gr.salience),
        (77.5, Some(45.0), 0.35)
    );
}

#[test]
fn every_problem_is_listed_with_its_line_and_nothing_is_applied() {
    let csv = "party,issue,stance,ideal,walk_away,salience,red_line,rationale\n\
               Fiscal conservative,Bus fare,20,,,1,,\n\
               Greens,Bus fare,120,,,0.5,,\n\
               Greens,Tram line,ten,,,1.5,maybe,\n\
               Greens,Bus fare,80,,,0.5,,\n\
               Greens,Tram line,50,,,,yes,\n\
               Martians,Moon base,1,,,1,,\n\
               Greens,Bus fare,80,,,0.5,,,extra\n";
    assert_eq!(
        problems(csv),
        [
            "line 2: unknown party \"Fiscal conservative\"; did you mean \"Fiscal conservatives\"?",
            "line 3: stance 120 is off the scale; use a number from 0 to 100",
            "line 4: stance \"ten\" is not a number; use a number from 0 to 100",
            "line 4: salience 1.5 is off the scale; use a number from 0 to 1",
            "line 4: red_line \"maybe\" is neither yes nor no; write yes, or leave it blank for no",
            "line 5: a second row for Greens on Bus fare (the first is on line 3); keep one",
            "line 6: a second row for Greens on Tram line (the first is on line 4); keep one",
            "line 7: unknown party \"Martians\"; known: \"Fiscal conservatives\", \"Greens\", \
             \"Labour, \\\"left\\\"\"",
            "line 7: unknown issue \"Moon base\"; known: \"Bus fare\", \"Tram line\"",
            "line 8: the row has 9 cells but the header names 8 columns",
        ]
    );
}

#[test]
fn header_problems_come_first_and_alone() {
    assert_eq!(
        problems("party,issue,stance,salince\nGreens,Bus fare,1,1\n"),
        ["line 1: unknown column \"salince\"; did you mean \"salience\"?"]
    );
    assert_eq!(
        problems("party,issue,salience\n"),
        [
            "line 1: the header has no \"stance\" column; the first line must name the columns \
          (party, issue, stance, ideal, walk_away, salience, red_line, rationale)"
        ]
    );
    assert_eq!(
        problems("party,issue,stance\nGreens,Tram line,40\n"),
        ["line 2: a new position needs a salience, and the file has no salience column"]
    );
    assert_eq!(
        problems(""),
        [
            "line 1: the file is empty; the first line names the columns (party, issue, stance, \
          ideal, walk_away, salience, red_line, rationale)"
        ]
    );
}

#[test]
fn a_red_line_needs_a_walk_away_and_text_must_be_utf8() {
    assert_eq!(
        problems("party,issue,stance,salience,red_line\nGreens,Bus fare,80,0.5,yes\n"),
        [
            "line 2: red_line is yes but there is no walk-away; a red line is a public walk-away, \
          so give one"
        ]
    );
    let mut bytes = b"party,issue,stance\nGreens,Bus fare,8".to_vec();
    bytes.push(0xff);
    let err = from_csv(&project(), &bytes).unwrap_err();
    assert_eq!(err.problems[0].line, 2);
    assert!(
        err.problems[0]
            .message
            .starts_with("the file is not UTF-8 text")
    );
}

#[test]
fn an_ambiguous_name_is_written_as_the_id() {
    let mut p = project();
    p.parties[1].name = "Fiscal conservatives".into();
    let csv = to_csv(&p);
    assert!(csv.contains("\nfc,Bus fare,20"), "{csv}");
    assert!(csv.contains("\ngr,Bus fare,80.5"), "{csv}");
    let (back, _) = from_csv(&p, csv.as_bytes()).unwrap();
    assert_eq!(back, p);
    let err = from_csv(&p, b"party,issue,stance\nFiscal conservatives,Bus fare,5\n").unwrap_err();
    assert_eq!(
        err.problems[0].message,
        "party name \"Fiscal conservatives\" is shared by 2 items; write the id instead (fc, gr)"
    );
}

#[test]
fn a_new_warning_is_reported_but_does_not_stop_the_import() {
    // The Greens' ideal is 90 (kept: no ideal column); with a walk-away of 40 they accept 40
    // and up, so a stance of 30 is on the wrong side of it.
    let (_, report) = import("party,issue,stance,walk_away\nGreens,Bus fare,30,40\n").unwrap();
    assert_eq!(report.changed, 1);
    assert_eq!(report.warnings.len(), 1, "{:?}", report.warnings);
}
