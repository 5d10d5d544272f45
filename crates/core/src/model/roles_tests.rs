//! The role-sheet rule as a security property: over a generated project whose private
//! fields all carry unique markers, every party's sheet holds all of its own markers and
//! none of another party's, except what the rule makes public (declared red lines, the
//! leverage between it and others). The whole sheet is searched through its Debug text, so
//! a field added to `RoleSheet` later is covered without changing the test.

use super::RoleSheet;
use crate::model::generate::{GenerateSpec, generate, mark_private_fields};
use crate::model::{Project, View};

fn marked() -> (Project, View) {
    let mut project = generate(GenerateSpec {
        parties: 5,
        issues: 4,
        events: 12,
        seed: 7,
    });
    mark_private_fields(&mut project);
    let view = project.resolve(None).unwrap();
    (project, view)
}

/// Every private marker of `party`: (marker text, public because declared).
fn markers_of(project: &Project, party: &str) -> Vec<(String, bool)> {
    let p = project.party(party).unwrap();
    let mut out = vec![(p.notes.clone(), false), (format!("{:?}", p.power), false)];
    for pos in project.positions.iter().filter(|x| x.party == party) {
        out.push((pos.rationale.clone(), false));
        out.push((format!("{:?}", pos.ideal.unwrap()), false));
        out.push((format!("{:?}", pos.salience), false));
        out.push((format!("{:?}", pos.walk_away.unwrap()), pos.red_line));
        out.push((
            format!("secret-source-{}-{}-end", pos.party, pos.issue),
            false,
        ));
    }
    out
}

#[test]
fn each_party_sheet_holds_its_own_markers_and_no_one_elses() {
    let (project, view) = marked();
    assert!(project.leverage.len() >= 5, "the test needs leverage");
    for party in &project.parties {
        let sheet = RoleSheet::for_party(&view, &party.id).unwrap();
        let text = format!("{sheet:?}");
        for other in &project.parties {
            for (marker, declared) in markers_of(&project, &other.id) {
                let own = other.id == party.id;
                assert_eq!(
                    text.contains(&marker),
                    own || declared,
                    "{}'s sheet and {marker} of {}",
                    party.id,
                    other.id
                );
            }
        }
        for lever in &project.leverage {
            let involved = lever.holder == party.id || lever.target == party.id;
            assert_eq!(
                text.contains(&lever.instrument),
                involved,
                "{}'s sheet and {}",
                party.id,
                lever.instrument
            );
        }
    }
}

#[test]
fn the_facilitator_sheet_holds_everything() {
    let (project, view) = marked();
    let text = format!("{:?}", RoleSheet::facilitator(&view));
    for party in &project.parties {
        for (marker, _) in markers_of(&project, &party.id) {
            assert!(text.contains(&marker), "{marker}");
        }
    }
    for lever in &project.leverage {
        assert!(text.contains(&lever.instrument), "{}", lever.instrument);
    }
}

#[test]
fn alternatives_are_apart_from_the_leverage_a_party_holds() {
    let (project, view) = marked();
    let holder = project
        .leverage
        .iter()
        .find(|l| l.kind == crate::model::LeverageKind::Alternative)
        .expect("the generator makes alternatives")
        .holder
        .clone();
    let sheet = RoleSheet::for_party(&view, &holder).unwrap();
    let brief = &sheet.briefs[0];
    assert!(!brief.alternatives.is_empty());
    assert!(
        brief
            .holds
            .iter()
            .all(|l| l.kind != crate::model::LeverageKind::Alternative)
    );
    assert_eq!(
        sheet.public_positions.len(),
        4 * 4,
        "4 other parties x 4 issues"
    );
    assert!(RoleSheet::for_party(&view, "nobody").is_none());
}
