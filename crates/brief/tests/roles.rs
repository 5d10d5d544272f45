//! Role sheets read back from the PDFs: the leak test (every private text field carries a
//! unique marker; each party's sheet, as text extracted from its PDF, holds all of its own
//! markers and none of another party's), the facilitator's sheet, and the size limit.

mod support;

use stancemap_brief::{BriefError, MAX_ROLE_SHEETS, Options, build_roles};
use stancemap_core::model::Project;
use stancemap_core::model::generate::{GenerateSpec, generate, mark_private_fields};
use support::Pdf;

fn marked(parties: usize) -> Project {
    let mut project = generate(GenerateSpec {
        parties,
        issues: 3,
        events: 10,
        seed: 11,
    });
    mark_private_fields(&mut project);
    project
}

/// The text markers of `party`'s private fields (numbers are covered by the core's test of
/// the filter, where they are exact).
fn text_markers(project: &Project, party: &str) -> Vec<String> {
    let mut out = vec![format!("secret-notes-{party}-end")];
    for pos in project.positions.iter().filter(|p| p.party == party) {
        out.push(pos.rationale.clone());
        out.push(format!("secret-source-{}-{}-end", pos.party, pos.issue));
    }
    out
}

#[test]
fn no_sheet_leaks_another_partys_private_fields() {
    let project = marked(4);
    let sheets = build_roles(&project, &Options::new()).unwrap();
    let names: Vec<&str> = sheets.iter().map(|s| s.file_name.as_str()).collect();
    assert_eq!(
        names,
        ["p0.pdf", "p1.pdf", "p2.pdf", "p3.pdf", "facilitator.pdf"]
    );
    for (sheet, party) in sheets.iter().zip(&project.parties) {
        let text = Pdf::parse(&sheet.pack.bytes).text();
        assert!(text.contains(&party.name), "{}", sheet.file_name);
        for other in &project.parties {
            for marker in text_markers(&project, &other.id) {
                assert_eq!(
                    text.contains(&marker),
                    other.id == party.id,
                    "{} and {marker}",
                    sheet.file_name
                );
            }
            // Every party's name and its public stance table are on every sheet.
            assert!(text.contains(&other.name), "{}", other.name);
        }
        for lever in &project.leverage {
            let involved = lever.holder == party.id || lever.target == party.id;
            assert_eq!(
                text.contains(&lever.instrument),
                involved,
                "{} and {}",
                sheet.file_name,
                lever.instrument
            );
        }
    }
}

#[test]
fn the_facilitator_sheet_has_every_brief() {
    let project = marked(3);
    let sheets = build_roles(&project, &Options::new()).unwrap();
    let facilitator = sheets.last().unwrap();
    let text = Pdf::parse(&facilitator.pack.bytes).text();
    assert!(text.contains("Facilitator's sheet"));
    for party in &project.parties {
        for marker in text_markers(&project, &party.id) {
            assert!(text.contains(&marker), "{marker}");
        }
    }
    for lever in &project.leverage {
        assert!(text.contains(&lever.instrument), "{}", lever.instrument);
    }
}

#[test]
fn a_declared_red_line_is_public_and_an_undeclared_walk_away_is_not() {
    // Two parties, one issue: p1's walk-away 73 is declared, p0's 27.3 is not.
    let mut project = generate(GenerateSpec {
        parties: 2,
        issues: 1,
        events: 0,
        seed: 3,
    });
    project.leverage.clear();
    for pos in &mut project.positions {
        pos.stance = 50.0;
        pos.ideal = None;
        let declared = pos.party == "p1";
        pos.walk_away = Some(if declared { 73.0 } else { 27.3 });
        pos.red_line = declared;
    }
    let sheets = build_roles(&project, &Options::new()).unwrap();
    let p0 = Pdf::parse(&sheets[0].pack.bytes).text();
    let p1 = Pdf::parse(&sheets[1].pack.bytes).text();
    assert!(p0.contains("walks away at 73"), "{p0}");
    assert!(!p1.contains("27.3"), "{p1}");
}

#[test]
fn too_many_parties_for_a_workshop_is_refused_with_a_reason() {
    let project = generate(GenerateSpec {
        parties: MAX_ROLE_SHEETS + 1,
        issues: 1,
        events: 0,
        seed: 1,
    });
    let err = build_roles(&project, &Options::new()).unwrap_err();
    assert!(matches!(err, BriefError::TooLarge(_)));
    assert_eq!(
        err.to_string(),
        "role sheets are made for at most 60 parties and this project has 61; make a copy \
         with the parties of the workshop only"
    );
}
