//! Import of hand-written BDM and KTAB tables, good and bad: every bad row is named by its
//! line, and a file with any bad row gives no project.

use super::*;

fn messages(result: Result<Imported, ImportErrors>) -> Vec<String> {
    match result {
        Ok(_) => panic!("expected errors"),
        Err(errors) => errors.0.iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn a_bdm_table_becomes_one_issue_with_a_principal_per_actor() {
    let text = "Actor,Capability,Position,Salience\n\
                Netherlands,0.08,4,0.8\n\
                Belgium,0.08,7,0.4\n\
                \"Luxembourg, Grand Duchy\",0.03,4,0.2\n";
    let imported = import(Source::Bdm, text, "ExampleActors").unwrap();
    assert!(imported.notes.is_empty());
    let p = &imported.project;
    assert_eq!(p.title, "ExampleActors");
    assert_eq!(p.issues.len(), 1);
    assert_eq!(
        (p.issues[0].id.as_str(), p.issues[0].name.as_str()),
        ("exampleactors", "ExampleActors")
    );
    let ids: Vec<&str> = p.parties.iter().map(|x| x.id.as_str()).collect();
    assert_eq!(ids, ["netherlands", "belgium", "luxembourg-grand-duchy"]);
    assert!(p.parties.iter().all(|x| x.role == Role::Principal));
    assert_eq!(p.parties[1].power, 0.08);
    assert_eq!(p.parties[2].name, "Luxembourg, Grand Duchy");
    let belgium = p.position("belgium", "exampleactors").unwrap();
    assert_eq!((belgium.stance, belgium.salience), (7.0, 0.4));
    assert!(crate::format::validate(p).iter().all(|d| !d.is_error()));
}

#[test]
fn capabilities_above_one_are_scaled_by_the_largest_and_it_says_so() {
    // Columns in another order, and a capability of 1.05 (the Sultan table of the BDM
    // replications): 0.95 / 1.05 = 0.904761..., 1.05 / 1.05 = 1.
    let text = "Actor,Position,Salience,Capability\nSULTAN,13.40,0.95,0.95\nFAHD,13.00,0.9,1.05\n";
    let imported = import(Source::Bdm, text, "Sultan").unwrap();
    assert_eq!(
        imported.notes,
        [
            "capabilities above 1 were divided by the largest (1.05); only their ratios matter in the model"
        ]
    );
    let p = &imported.project;
    assert!((p.parties[0].power - 0.95 / 1.05).abs() < 1e-15);
    assert_eq!(p.parties[1].power, 1.0);
    assert_eq!(p.position("fahd", "sultan").unwrap().stance, 13.0);
}

#[test]
fn every_bad_bdm_row_is_named_by_its_line() {
    let text = "Actor,Capability,Position,Salience\n\
                Netherlands,0.08,4,0.8\n\
                Belgium,0.08,140,0.4\n\
                Luxembourg,abc,4,0.2\n\
                \n\
                Germany,0.16,4,80\n\
                ,0.1,5,0.5\n\
                France,-0.2,,0.6\n";
    assert_eq!(
        messages(import(Source::Bdm, text, "x")),
        [
            "line 3: Position 140 is outside 0..100; stancemap's scales run 0..100; rescale the positions (e.g. y = (x - min) * 100 / (max - min)) before importing",
            "line 4: Capability \"abc\" is not a number",
            "line 6: Salience 80 is outside 0..1 (a BDM table gives it as a fraction)",
            "line 7: the actor's name is empty",
            "line 8: Position is missing",
            "line 8: Capability -0.2 is negative",
        ]
    );
}

#[test]
fn a_bdm_file_without_its_header_or_rows_is_refused() {
    assert_eq!(
        messages(import(Source::Bdm, "Name,Power,Position\nA,1,2\n", "x")),
        [
            "line 1: the header lacks actor, capability, salience; a BDM actor table starts with Actor,Capability,Position,Salience"
        ]
    );
    assert_eq!(
        messages(import(
            Source::Bdm,
            "Actor,Capability,Position,Salience\n",
            "x"
        )),
        ["no actors: the file has a header but no rows"]
    );
    assert_eq!(
        messages(import(Source::Bdm, "", "x")),
        [
            "the file is empty; expected the header Actor,Capability,Position,Salience and one actor a row"
        ]
    );
}

#[test]
fn a_ktab_table_becomes_one_issue_per_dimension() {
    // As KTAB writes it: spaces after commas, a trailing comma on every line.
    let text = "Reform talks,\"Two dimensions, three actors\",3,2,\n\
                Actor,Description,Power,Reform,Reform salience,Tax,Tax salience,\n\
                XJ, Xi Jinping, 100, 30, 30, 10, 50,\n\
                LK, Li Keqiang, 65, 45, 65, 90, 100,\n\
                ZG, , 35, 100, 0, 0, 20,\n";
    let imported = import(Source::Ktab, text, "file-stem").unwrap();
    assert_eq!(
        imported.notes,
        [
            "capabilities above 1 were divided by the largest (100); only their ratios matter in the model"
        ]
    );
    let p = &imported.project;
    assert_eq!(p.title, "Reform talks");
    assert_eq!(p.summary, "Two dimensions, three actors");
    let issues: Vec<(&str, &str)> = p
        .issues
        .iter()
        .map(|i| (i.id.as_str(), i.name.as_str()))
        .collect();
    assert_eq!(issues, [("reform", "Reform"), ("tax", "Tax")]);
    let powers: Vec<f64> = p.parties.iter().map(|x| x.power).collect();
    assert_eq!(powers, [1.0, 0.65, 0.35]);
    assert_eq!(
        (p.parties[0].id.as_str(), p.parties[0].notes.as_str()),
        ("xj", "Xi Jinping")
    );
    assert_eq!(p.positions.len(), 6);
    let lk_tax = p.position("lk", "tax").unwrap();
    assert_eq!((lk_tax.stance, lk_tax.salience), (90.0, 1.0));
    assert_eq!(p.position("xj", "reform").unwrap().salience, 0.3);
    assert!(crate::format::validate(p).iter().all(|d| !d.is_error()));
}

#[test]
fn every_bad_ktab_row_is_named_by_its_line() {
    // Line 3: a salience above 100 (as in KTAB's own dummy data); line 4: a position
    // missing and a field too many; line 5: a position out of range. The scenario line
    // promises 4 actors and 2 dimensions; the header has one.
    let text = "Scen,desc,4,2,\n\
                Actor,Description,Power,Pstn1,Sal1,\n\
                A, one, 10, 75.79, 105.91,\n\
                B, two, 20, , 30, 7,\n\
                C, three, 30, -5, 30,\n";
    assert_eq!(
        messages(import(Source::Ktab, text, "x")),
        [
            "the scenario line (line 1) says 4 actors but the file has 3 actor rows",
            "line 1: the scenario line says 2 dimensions but the header has 1",
            "line 3: the salience on Pstn1, 105.91, is outside 0..100",
            "line 4: 6 fields; the header has 5",
            "line 4: the position on Pstn1 is missing",
            "line 5: the position on Pstn1 -5 is outside 0..100; stancemap's scales run 0..100; rescale the positions (e.g. y = (x - min) * 100 / (max - min)) before importing",
        ]
    );
    assert_eq!(
        messages(import(Source::Ktab, "Scen,desc,1,1\n", "x")),
        [
            "the file needs a scenario line (name, description, number of actors, number of dimensions) and a header line"
        ]
    );
    assert_eq!(
        messages(import(
            Source::Ktab,
            "Scen,desc,one,1\nActor,Description,Power,P,S\nA,,1,2,3\n",
            "x"
        )),
        [
            "line 1: the number of actors \"one\" is not a whole number (the scenario line is: name, description, number of actors, number of dimensions)"
        ]
    );
}

#[test]
fn a_quoted_line_break_does_not_shift_the_line_numbers() {
    // The second actor's name spans lines 2 and 3; the bad row after it is line 4.
    let text = "Actor,Capability,Position,Salience\n\"Two\nlines\",0.5,10,0.5\nB,0.5,200,0.5\n";
    let errors = messages(import(Source::Bdm, text, "x"));
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0].starts_with("line 4: Position 200 is outside 0..100"),
        "{errors:?}"
    );
}
