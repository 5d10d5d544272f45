//! The loader's contract: it accepts any file written by hand to FORMAT.md (comments,
//! `/* */` blocks, `Some(..)` or plain optional values, fields in any order) and refuses,
//! without panicking, everything that is not a valid project.

use stancemap::format::{self, Diagnostic, Location, MAX_FILE_BYTES};
use stancemap::model::{EventKind, LeverageStatus, OutcomeMethod, Role};

/// The example of FORMAT.md's "Shape" section, verbatim (comments and `/* */` blocks
/// included), with the two parties it mentions ("ua", "us") added so every reference
/// resolves.
const SHAPE: &str = r##"
// Comments are allowed anywhere.
Project(
    format: 1,                              // required; files with a larger number are refused (see Errors)
    title: "Ceasefire talks, March 2025",   // required, non-empty
    summary: "One paragraph for the reader of a briefing.",     // optional, default ""
    as_of: Some("2025-03-13"),              // optional ISO date that the current stances describe
    outcome: Median,                        // optional: Median | Mean, the outcome estimator (shared/ANALYSIS.md)
    sources: [                              // optional, default []
        Source(
            id: "baunov-2025",
            title: "What incentives are there for Russia to agree to a ceasefire?",
            author: "Alexander Baunov",     // optional, default ""
            published: Some("2025-03-13"),  // optional ISO date
            url: Some("https://example.org/article"),   // optional
        ),
    ],
    parties: [
        Party(
            id: "ru",                       // unique among parties; [a-z0-9_-]+
            name: "Russia",
            role: Principal,                // Principal | Mediator | Stakeholder
            power: 0.8,                     // 0..=1, overall capability to shape outcomes
            color: "#C0392B",               // optional; "#RRGGBB"; a palette colour when absent
            notes: "",                      // optional
        ),
        // Added to the FORMAT.md example so that every reference resolves.
        Party(id: "ua", name: "Ukraine", role: Principal, power: 0.6),
        Party(id: "us", name: "United States", role: Mediator, power: 0.9),
    ],
    issues: [
        Issue(
            id: "ceasefire-scope",          // unique among issues; [a-z0-9_-]+
            name: "Scope of the ceasefire",
            low: "No ceasefire",            // what 0 on this issue's scale means
            high: "Full, unconditional ceasefire",   // what 100 means
            marks: [                        // optional, default []: named points on the scale
                Mark(at: 50.0, label: "Air and sea only"),
            ],
            notes: "",                      // optional
        ),
    ],
    positions: [                            // at most one per (party, issue)
        Position(
            party: "ua",
            issue: "ceasefire-scope",
            stance: 100.0,                  // declared position as of `as_of`, 0..=100
            ideal: 100.0,                   // optional, default = stance: the outcome it would most like
            walk_away: 50.0,                // optional: its reservation point (least favourable outcome it accepts)
            salience: 0.8,                  // 0..=1: how much this issue matters to this party
            red_line: false,                // optional, default false: walk_away is publicly non-negotiable
            rationale: "Why the analyst scored it so.",   // optional
            sources: ["baunov-2025"],       // optional, ids from `sources`
        ),
    ],
    leverage: [                             // optional, default []
        Leverage(
            holder: "us",
            target: "ua",
            kind: Stick,                    // Carrot | Stick | Alternative (a BATNA: what holder does without a deal)
            instrument: "Pause in intelligence sharing and aid",
            strength: 0.8,                  // 0..=1: how much it would move the target if applied
            credibility: 0.9,               // 0..=1: how believable it is that the holder applies/keeps it
            cost: 0.3,                      // optional, default 0: cost to the holder of using it, 0..=1
            status: Used,                   // Threatened | Used | Withdrawn | Available (default Available)
            issues: [],                     // optional: the issue ids it bears on; [] = the whole negotiation
            sources: ["baunov-2025"],
        ),
    ],
    events: [                               // optional, default []: the timeline, any order in the file
        Event(
            date: "2025-03-11",             // ISO date
            title: "Ukraine accepts a 30-day ceasefire proposal",
            kind: Agreement,                // Proposal | Concession | Agreement | Rejection | Escalation
                                            // | Statement | Meeting | Deadline | Other
            parties: ["ua", "us"],          // who acted
            shifts: [                       // optional: stances that this event changed
                Shift(party: "ua", issue: "ceasefire-scope", stance: 100.0),
            ],
            notes: "",
            sources: ["baunov-2025"],
        ),
    ],
    scenarios: [                            // optional, default []: alternative futures
        Scenario(
            id: "drag-out",
            name: "Moscow drags out the talks",
            description: "Russia signals eventual agreement while prolonging negotiations.",
            positions: [ /* Position(...) overriding the base position of the same (party, issue) */ ],
            leverage: [ /* Leverage(...) added to the base; same holder+target+instrument replaces */ ],
            power: [ /* PowerOverride(party: "ru", power: 0.85) */ ],
            events: [ /* Event(...) hypothetical, usually after `as_of` */ ],
        ),
    ],
)
"##;

fn load(text: &str) -> format::Loaded {
    match format::load_str(text) {
        Ok(loaded) => loaded,
        Err(e) => panic!("expected the file to load, got:\n{e}"),
    }
}

/// The diagnostics of a file that must not load.
fn refuse(bytes: &[u8]) -> Vec<Diagnostic> {
    match format::load_bytes(bytes) {
        Ok(_) => panic!(
            "expected {:?} to be refused",
            String::from_utf8_lossy(bytes)
        ),
        Err(e) => e.diagnostics,
    }
}

/// The one error of a file that must not load, as `check` prints it for file `f.ron`.
fn refuse_one(text: &str) -> String {
    let diagnostics = refuse(text.as_bytes());
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    diagnostics[0].with_file("f.ron")
}

#[test]
fn the_format_md_example_loads_with_every_field() {
    let loaded = load(SHAPE);
    let p = &loaded.project;
    assert_eq!(p.format, 1);
    assert_eq!(p.title, "Ceasefire talks, March 2025");
    assert_eq!(p.summary, "One paragraph for the reader of a briefing.");
    assert_eq!(p.as_of.as_deref(), Some("2025-03-13"));
    assert_eq!(p.outcome, OutcomeMethod::Median);
    assert_eq!(p.sources[0].author, "Alexander Baunov");
    assert_eq!(p.sources[0].published.as_deref(), Some("2025-03-13"));
    assert_eq!(
        p.sources[0].url.as_deref(),
        Some("https://example.org/article")
    );
    assert_eq!(p.parties.len(), 3);
    assert_eq!(p.parties[0].role, Role::Principal);
    assert_eq!(p.parties[0].power, 0.8);
    assert_eq!(p.parties[0].color.as_deref(), Some("#C0392B"));
    assert_eq!(p.issues[0].marks[0].at, 50.0);
    assert_eq!(p.issues[0].marks[0].label, "Air and sea only");
    let pos = &p.positions[0];
    assert_eq!(
        (pos.party.as_str(), pos.issue.as_str()),
        ("ua", "ceasefire-scope")
    );
    assert_eq!(
        (pos.stance, pos.ideal, pos.walk_away),
        (100.0, Some(100.0), Some(50.0))
    );
    assert_eq!((pos.salience, pos.red_line), (0.8, false));
    assert_eq!(pos.sources, ["baunov-2025"]);
    let lev = &p.leverage[0];
    assert_eq!((lev.strength, lev.credibility, lev.cost), (0.8, 0.9, 0.3));
    assert_eq!(lev.status, LeverageStatus::Used);
    assert!(lev.issues.is_empty());
    let event = &p.events[0];
    assert_eq!(event.kind, EventKind::Agreement);
    assert_eq!(event.parties, ["ua", "us"]);
    assert_eq!(event.shifts[0].stance, 100.0);
    let scenario = &p.scenarios[0];
    assert_eq!(scenario.id, "drag-out");
    assert!(scenario.positions.is_empty() && scenario.events.is_empty());
    // Russia is a Principal without a position on the one issue: the only warning.
    let warnings: Vec<String> = loaded
        .warnings
        .iter()
        .map(|w| w.with_file("f.ron"))
        .collect();
    assert_eq!(
        warnings,
        [
            "f.ron: Russia (parties[0]): warning: this Principal has no position on issue \
             \"ceasefire-scope\"; add one (a Principal must consent to any deal), or make the \
             party a Mediator or Stakeholder"
        ]
    );
}

#[test]
fn the_format_md_example_round_trips_and_formats_to_a_fixed_point() {
    let project = load(SHAPE).project;
    let canonical = format::to_canonical(&project).unwrap();
    let again = load(&canonical).project;
    assert_eq!(again, project);
    assert_eq!(format::to_canonical(&again).unwrap(), canonical);
    assert_eq!(canonical, CANONICAL_SHAPE);
}

/// What `fmt` makes of the example: no comments, defaults left out, short items on one line.
const CANONICAL_SHAPE: &str = r##"Project(
    format: 1,
    title: "Ceasefire talks, March 2025",
    summary: "One paragraph for the reader of a briefing.",
    as_of: Some("2025-03-13"),
    sources: [
        Source(
            id: "baunov-2025",
            title: "What incentives are there for Russia to agree to a ceasefire?",
            author: "Alexander Baunov",
            published: Some("2025-03-13"),
            url: Some("https://example.org/article"),
        ),
    ],
    parties: [
        Party(
            id: "ru",
            name: "Russia",
            role: Principal,
            power: 0.8,
            color: Some("#C0392B"),
        ),
        Party(
            id: "ua",
            name: "Ukraine",
            role: Principal,
            power: 0.6,
        ),
        Party(
            id: "us",
            name: "United States",
            role: Mediator,
            power: 0.9,
        ),
    ],
    issues: [
        Issue(
            id: "ceasefire-scope",
            name: "Scope of the ceasefire",
            low: "No ceasefire",
            high: "Full, unconditional ceasefire",
            marks: [
                Mark(at: 50.0, label: "Air and sea only"),
            ],
        ),
    ],
    positions: [
        Position(
            party: "ua",
            issue: "ceasefire-scope",
            stance: 100.0,
            ideal: Some(100.0),
            walk_away: Some(50.0),
            salience: 0.8,
            rationale: "Why the analyst scored it so.",
            sources: ["baunov-2025"],
        ),
    ],
    leverage: [
        Leverage(
            holder: "us",
            target: "ua",
            kind: Stick,
            instrument: "Pause in intelligence sharing and aid",
            strength: 0.8,
            credibility: 0.9,
            cost: 0.3,
            status: Used,
            sources: ["baunov-2025"],
        ),
    ],
    events: [
        Event(
            date: "2025-03-11",
            title: "Ukraine accepts a 30-day ceasefire proposal",
            kind: Agreement,
            parties: ["ua", "us"],
            shifts: [
                Shift(party: "ua", issue: "ceasefire-scope", stance: 100.0),
            ],
            sources: ["baunov-2025"],
        ),
    ],
    scenarios: [
        Scenario(
            id: "drag-out",
            name: "Moscow drags out the talks",
            description: "Russia signals eventual agreement while prolonging negotiations.",
        ),
    ],
)
"##;

#[test]
fn optional_values_may_be_plain_or_some_and_fields_come_in_any_order() {
    let minimal = "(title: \"T\", positions: [], issues: [], parties: [], format: 1,)";
    let p = load(minimal).project;
    assert_eq!(p.title, "T");
    assert_eq!(p.as_of, None);
    let plain = load(
        "Project(format: 1, title: \"T\", as_of: \"2025-03-13\", parties: [], issues: [], positions: [])",
    );
    let some = load(
        "Project(format: 1, title: \"T\", as_of: Some(\"2025-03-13\"), parties: [], issues: [], positions: [])",
    );
    let none = load(
        "Project(format: 1, title: \"T\", as_of: None, parties: [], issues: [], positions: [])",
    );
    assert_eq!(plain.project, some.project);
    assert_eq!(plain.project.as_of.as_deref(), Some("2025-03-13"));
    assert_eq!(none.project, p);
    // Whole numbers are accepted where a number is expected.
    let whole = load(
        "Project(format: 1, title: \"T\", parties: [Party(id: \"a\", name: \"A\", role: Mediator, power: 1)], issues: [], positions: [])",
    );
    assert_eq!(whole.project.parties[0].power, 1.0);
}

#[test]
fn a_byte_order_mark_is_ignored() {
    let text = "\u{feff}Project(format: 1, title: \"T\", parties: [], issues: [], positions: [])";
    assert_eq!(load(text).project.title, "T");
}

#[test]
fn a_newer_format_is_refused_for_its_version_whatever_else_the_file_holds() {
    let message = "f.ron: error: this file was written by format 3; this stancemap reads format 1. \
                   Open it with a newer version of stancemap";
    // Fields this version does not know.
    assert_eq!(
        refuse_one(
            "Project(format: 3, title: \"T\", parties: [], issues: [], positions: [], quorum: Quorum(at: 2))"
        ),
        message
    );
    // Broken syntax after the format line.
    assert_eq!(
        refuse_one("Project(\n    format: 3,\n    title: \"T\" ((( [ \n"),
        message
    );
    // `format` after other fields, a leading comment, no struct name.
    assert_eq!(
        refuse_one("// new\n(title: \"T\", stances: {1: 2}, format: 3)"),
        message
    );
}

#[test]
fn a_missing_or_impossible_format_is_explained() {
    assert_eq!(
        refuse_one(
            "Project(\n    title: \"T\",\n    parties: [],\n    issues: [],\n    positions: [],\n)"
        ),
        "f.ron:6:1: error: the file has no `format` field; add `format: 1,` as the first line \
         inside `Project(`"
    );
    assert_eq!(
        refuse_one("Project(format: 0, title: \"T\", parties: [], issues: [], positions: [])"),
        "f.ron: format: error: format 0 does not exist; this stancemap reads format 1, so \
         write `format: 1,`"
    );
    assert_eq!(
        refuse_one("Project(format: -1, title: \"T\", parties: [], issues: [], positions: [])"),
        "f.ron:1:18: error: this whole number is too large (or negative)"
    );
}

#[test]
fn syntax_errors_give_line_column_and_what_was_expected() {
    let cases = [
        (
            " \n",
            "f.ron: error: the file is empty; a project file starts with `Project(` (see the \
             example in the file format manual)",
        ),
        (
            "Project(format: 1, title: \"T\"",
            "f.ron:1:30: error: the file ends too early; a closing `)` or `]` is probably missing",
        ),
        (
            "Project(format: 1,\n  title: \"T\"\n  parties: [])",
            "f.ron:3:3: error: expected a comma `,` between two items or fields",
        ),
        (
            "Project(format: 1, title: 5)",
            "f.ron:1:27: error: expected text in double quotes, such as \"Russia\"",
        ),
        (
            "Project(format: 1, title: \"T)",
            "f.ron:1:27: error: this text is not closed; add the closing double quote `\"`",
        ),
        (
            "Projet(format: 1)",
            "f.ron:1:1: error: found `Projet(` where a `Project(` belongs; write `Project(`",
        ),
        (
            "Project(format: 1, title: \"T\", parties: [], issues: [], positions: []) extra",
            "f.ron:1:72: error: there is more text after the closing `)` of the Project; remove \
             it (or move it inside the Project)",
        ),
        (
            "/* never closed\nProject(format: 1)",
            "f.ron:1:1: error: a `/*` comment is never closed; add `*/`",
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(refuse_one(text), expected, "for {text:?}");
    }
}

#[test]
fn unknown_fields_and_variants_are_errors_with_a_suggestion() {
    let party = |body: &str| {
        format!(
            "Project(format: 1, title: \"T\", issues: [], positions: [],\n    parties: [Party({body})])"
        )
    };
    assert_eq!(
        refuse_one(&party(
            "id: \"a\", name: \"A\", role: Principle, power: 1.0"
        )),
        "f.ron:2:47: error: unknown role `Principle` (did you mean `Principal`?); use one of: \
         Principal, Mediator, Stakeholder"
    );
    assert_eq!(
        refuse_one(&party("id: \"a\", name: \"A\", role: Mediator, powr: 1.0")),
        "f.ron:2:57: error: unknown field `powr` in Party (did you mean `power`?); the fields \
         of Party are: id, name, role, power, color, notes"
    );
    assert_eq!(
        refuse_one(&party("id: \"a\", name: \"A\", role: Mediator")),
        "f.ron:2:55: error: Party is missing the required field `power`; add `power: ...`"
    );
    assert_eq!(
        refuse_one(&party(
            "id: \"a\", id: \"b\", name: \"A\", role: Mediator, power: 1.0"
        )),
        "f.ron:2:30: error: the field `id` appears twice in Party; keep only one"
    );
}

#[test]
fn non_utf8_bytes_are_located() {
    let mut bytes = b"Project(\n    title: \"caf".to_vec();
    bytes.extend_from_slice(&[0xE9, b'"', b')']);
    assert_eq!(
        refuse(&bytes)[0].with_file("f.ron"),
        "f.ron:2:16: error: the file is not UTF-8 text: this byte is not valid UTF-8. Save the \
         file with the UTF-8 encoding in your editor"
    );
}

#[test]
fn hostile_inputs_are_refused_without_panicking() {
    let deep_list = format!(
        "Project(format: 1, title: \"T\", summary: {}{}, parties: [], issues: [], positions: [])",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let deep_before_format = format!("Project(title: {}", "(".repeat(100_000));
    let huge_string = format!(
        "Project(format: 1, title: \"{}\", parties: [], issues: [], positions: [], x: 1)",
        "x".repeat(10_000_000)
    );
    let inputs: Vec<Vec<u8>> = vec![
        deep_list.into_bytes(),
        deep_before_format.into_bytes(),
        huge_string.into_bytes(),
        b"Project(format: 1, title: \"T\0\", parties: [], issues: [], positions: [])\0".to_vec(),
        b"\0\0\0\0".to_vec(),
        vec![0xFF, 0xFE, 0x00, 0x50],
        b"Project(format: 99999999999999999999999)".to_vec(),
        b"Project(format: 1.5)".to_vec(),
        b"Project(format: 1, title: \"T\", parties: [Party(id: \"a\", name: \"A\", role: Mediator, power: 1e999)], issues: [], positions: [])".to_vec(),
        b"Project(format: 1, title: \"T\", parties: [Party(id: \"a\", name: \"A\", role: Mediator, power: NaN)], issues: [], positions: [])".to_vec(),
        b"#![enable(unknown_thing)] Project()".to_vec(),
        b"Project(format: 1, title: r#\"T\", parties: [])".to_vec(),
        b"[1, 2, 3]".to_vec(),
        b"{\"format\": 1}".to_vec(),
        b"Project(format: 1, title: \"\\u{D800}\")".to_vec(),
    ];
    for input in inputs {
        let diagnostics = refuse(&input);
        assert!(diagnostics.iter().any(Diagnostic::is_error));
    }
}

#[test]
fn numbers_too_large_to_store_are_rejected_by_validation() {
    let text = "Project(format: 1, title: \"T\", parties: [Party(id: \"a\", name: \"A\", role: \
                Mediator, power: 1e999)], issues: [], positions: [])";
    assert_eq!(
        refuse_one(text),
        "f.ron: A (parties[0]): error: power is infinite (a number too large to store); \
         use a value from 0 to 1"
    );
}

#[test]
fn oversized_files_are_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.ron");
    // A sparse file: its size says 64 MiB + 1 without the bytes being written or read.
    std::fs::File::create(&path)
        .unwrap()
        .set_len(MAX_FILE_BYTES + 1)
        .unwrap();
    let error = format::load_path(&path).unwrap_err();
    assert_eq!(error.diagnostics[0].location, Location::File);
    assert_eq!(
        error.diagnostics[0].message,
        "the file is 67108865 bytes; stancemap opens project files of at most 67108864 bytes \
         (64 MiB). Check that this is a stancemap project"
    );
}

#[test]
fn a_stream_is_read_only_up_to_the_limit() {
    use std::io::Read;
    // An endless stream of spaces: the reader stops after MAX + 1 bytes and refuses it.
    let error = format::load_reader(std::io::repeat(b' ')).unwrap_err();
    assert!(
        error.diagnostics[0]
            .message
            .starts_with("the file is larger than 67108864 bytes")
    );
    let small = std::io::repeat(b' ').take(10).chain(
        "Project(format: 1, title: \"T\", parties: [], issues: [], positions: [])".as_bytes(),
    );
    assert_eq!(format::load_reader(small).unwrap().project.title, "T");
}

#[test]
fn a_folder_or_missing_file_is_an_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let error = format::load_path(dir.path()).unwrap_err();
    assert_eq!(
        error.diagnostics[0].message,
        "this is a folder, not a project file; give the path of a .ron file"
    );
    let error = format::load_path(&dir.path().join("absent.ron")).unwrap_err();
    assert!(
        error.diagnostics[0]
            .message
            .starts_with("cannot read the file: ")
    );
}

#[test]
fn the_example_in_the_user_manual_loads_without_warnings() {
    let manual = include_str!("../docs/file-format.md");
    let start = manual
        .find("```ron\n")
        .expect("the manual has a RON example")
        + "```ron\n".len();
    let end = start + manual[start..].find("```").expect("the example is closed");
    let loaded = load(&manual[start..end]);
    assert_eq!(loaded.project.parties.len(), 3);
    assert_eq!(loaded.warnings, []);
}
