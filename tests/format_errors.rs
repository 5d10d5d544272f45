//! Every error and warning class of FORMAT.md's "Validation": a bad file, the exact message
//! and the item it names. Each test edits one line of a valid base file.

use stancemap::format;

/// A valid project without warnings: two Principals with positions on the one issue.
const BASE: &str = r##"Project(
    format: 1,
    title: "Talks",
    as_of: Some("2025-03-13"),
    sources: [
        Source(id: "src", title: "An article", published: "2025-03-01"),
    ],
    parties: [
        Party(id: "ru", name: "Russia", role: Principal, power: 0.8, color: "#C0392B"),
        Party(id: "ua", name: "Ukraine", role: Principal, power: 0.6),
        Party(id: "us", name: "United States", role: Mediator, power: 0.9),
    ],
    issues: [
        Issue(id: "scope", name: "Scope", low: "None", high: "Full", marks: [Mark(at: 50.0, label: "Air and sea")]),
    ],
    positions: [
        Position(party: "ru", issue: "scope", stance: 20.0, walk_away: 40.0, salience: 0.7, sources: ["src"]),
        Position(party: "ua", issue: "scope", stance: 100.0, walk_away: 50.0, salience: 0.8),
    ],
    leverage: [
        Leverage(holder: "us", target: "ua", kind: Stick, instrument: "Aid pause", strength: 0.8, credibility: 0.9, cost: 0.3, issues: ["scope"], sources: ["src"]),
    ],
    events: [
        Event(date: "2025-03-11", title: "Ukraine accepts", kind: Agreement, parties: ["ua"], shifts: [Shift(party: "ua", issue: "scope", stance: 100.0)], sources: ["src"]),
    ],
    scenarios: [
        Scenario(
            id: "drag-out",
            name: "Moscow drags out the talks",
            positions: [Position(party: "ru", issue: "scope", stance: 10.0, salience: 0.9)],
            leverage: [Leverage(holder: "ru", target: "us", kind: Carrot, instrument: "Deal", strength: 0.5, credibility: 0.4)],
            power: [PowerOverride(party: "ru", power: 0.85)],
            events: [Event(date: "2025-06-01", title: "Talks stall", kind: Other)],
        ),
    ],
)
"##;

/// `BASE` with `from` (which must occur exactly once) replaced by `to`.
fn edit(from: &str, to: &str) -> String {
    assert_eq!(
        BASE.matches(from).count(),
        1,
        "{from:?} must occur once in BASE"
    );
    BASE.replace(from, to)
}

/// Every diagnostic of `text` as `check` prints it for `f.ron`, in the loader's order.
fn problems(text: &str) -> Vec<String> {
    let diagnostics = match format::load_str(text) {
        Ok(loaded) => loaded.warnings,
        Err(e) => e.diagnostics,
    };
    diagnostics.iter().map(|d| d.with_file("f.ron")).collect()
}

fn assert_problems(text: &str, expected: &[&str]) {
    assert_eq!(problems(text), expected);
}

#[test]
fn the_base_file_is_valid_without_warnings() {
    assert_problems(BASE, &[]);
}

#[test]
fn duplicate_ids() {
    assert_problems(
        &edit(
            r#"Party(id: "us", name: "United States""#,
            r#"Party(id: "ru", name: "United States""#,
        ),
        &[
            r#"f.ron: United States (parties[2]): error: duplicate party id "ru" (also parties[0]); give each party its own id"#,
            // The edit also leaves "us" undefined where the leverage refers to it.
            r#"f.ron: "us" over Ukraine: Aid pause (leverage[0]): error: holder "us" does not exist (known parties: "ru", "ua"); did you mean "ua"?"#,
            r#"f.ron: Russia over "us": Deal, scenario Moscow drags out the talks (scenarios[0].leverage[0]): error: target "us" does not exist (known parties: "ru", "ua"); did you mean "ua"?"#,
        ],
    );
    assert_problems(
        &edit(
            r#"Source(id: "src", title: "An article", published: "2025-03-01"),"#,
            r#"Source(id: "src", title: "An article", published: "2025-03-01"), Source(id: "src", title: "Again"),"#,
        ),
        &[
            r#"f.ron: Again (sources[1]): error: duplicate source id "src" (also sources[0]); give each source its own id"#,
        ],
    );
    assert_problems(
        &edit(
            r#"Issue(id: "scope", name: "Scope", low: "None", high: "Full", marks: [Mark(at: 50.0, label: "Air and sea")]),"#,
            r#"Issue(id: "scope", name: "Scope", low: "None", high: "Full"), Issue(id: "scope", name: "Again", low: "a", high: "b"),"#,
        ),
        &[
            r#"f.ron: Again (issues[1]): error: duplicate issue id "scope" (also issues[0]); give each issue its own id"#,
        ],
    );
    assert_problems(
        &edit(
            "    ],\n)\n",
            "        Scenario(id: \"drag-out\", name: \"Again\"),\n    ],\n)\n",
        ),
        &[
            r#"f.ron: Again (scenarios[1]): error: duplicate scenario id "drag-out" (also scenarios[0]); give each scenario its own id"#,
        ],
    );
}

#[test]
fn invalid_ids() {
    assert_problems(
        &edit(r#"Source(id: "src""#, r#"Source(id: "Baunov 2025""#),
        &[
            r#"f.ron: An article (sources[0]): error: id "Baunov 2025" is not valid; an id uses only lowercase letters a-z, digits 0-9, "-" and "_" (for example "baunov-2025")"#,
            r#"f.ron: Russia on Scope (positions[0]): error: source "src" does not exist (known sources: "Baunov 2025"); use one of them or add the source under `sources`"#,
            r#"f.ron: United States over Ukraine: Aid pause (leverage[0]): error: source "src" does not exist (known sources: "Baunov 2025"); use one of them or add the source under `sources`"#,
            r#"f.ron: Ukraine accepts, 2025-03-11 (events[0]): error: source "src" does not exist (known sources: "Baunov 2025"); use one of them or add the source under `sources`"#,
        ],
    );
    assert_problems(
        &edit(
            r#"Scenario(
            id: "drag-out","#,
            r#"Scenario(
            id: "","#,
        ),
        &[
            r#"f.ron: Moscow drags out the talks (scenarios[0]): error: the scenario has an empty id; give it an id of lowercase letters a-z, digits, "-" and "_""#,
        ],
    );
}

#[test]
fn dangling_references_name_the_item_and_suggest() {
    assert_problems(
        &edit(
            r#"Position(party: "ua", issue: "scope""#,
            r#"Position(party: "uk", issue: "scop""#,
        ),
        &[
            r#"f.ron: party "uk" on issue "scop" (positions[1]): error: party "uk" does not exist (known parties: "ru", "ua", "us"); did you mean "ua"?"#,
            r#"f.ron: party "uk" on issue "scop" (positions[1]): error: issue "scop" does not exist (known issues: "scope"); did you mean "scope"?"#,
            // Ukraine has lost its position on "scope".
            r#"f.ron: Ukraine (parties[1]): warning: this Principal has no position on issue "scope"; add one (a Principal must consent to any deal), or make the party a Mediator or Stakeholder"#,
        ],
    );
    assert_problems(
        &edit(
            r#"parties: ["ua"], shifts: [Shift(party: "ua", issue: "scope", stance: 100.0)], sources: ["src"]"#,
            r#"parties: ["china"], shifts: [Shift(party: "ua", issue: "territory", stance: 100.0)], sources: ["nyt"]"#,
        ),
        &[
            r#"f.ron: Ukraine accepts, 2025-03-11 (events[0]): error: party "china" does not exist (known parties: "ru", "ua", "us"); use one of them or add the party under `parties`"#,
            r#"f.ron: Ukraine on "territory" in event Ukraine accepts, 2025-03-11 (events[0].shifts[0]): error: issue "territory" does not exist (known issues: "scope"); use one of them or add the issue under `issues`"#,
            r#"f.ron: Ukraine accepts, 2025-03-11 (events[0]): error: source "nyt" does not exist (known sources: "src"); use one of them or add the source under `sources`"#,
        ],
    );
    assert_problems(
        &edit(
            r#"issues: ["scope"], sources: ["src"]"#,
            r#"issues: ["scope", "kursk"], sources: ["src"]"#,
        ),
        &[
            r#"f.ron: United States over Ukraine: Aid pause (leverage[0]): error: issue "kursk" does not exist (known issues: "scope"); use one of them or add the issue under `issues`"#,
        ],
    );
    assert_problems(
        &edit(
            r#"PowerOverride(party: "ru""#,
            r#"PowerOverride(party: "russia""#,
        ),
        &[
            r#"f.ron: power of "russia", scenario Moscow drags out the talks (scenarios[0].power[0]): error: party "russia" does not exist (known parties: "ru", "ua", "us"); use one of them or add the party under `parties`"#,
        ],
    );
    assert_problems(
        &edit(
            r#"[Position(party: "ru", issue: "scope", stance: 10.0"#,
            r#"[Position(party: "ru", issue: "kursk", stance: 10.0"#,
        ),
        &[
            r#"f.ron: party "ru" on issue "kursk", scenario Moscow drags out the talks (scenarios[0].positions[0]): error: issue "kursk" does not exist (known issues: "scope"); use one of them or add the issue under `issues`"#,
        ],
    );
}

#[test]
fn numbers_out_of_range_nan_and_infinite() {
    assert_problems(
        &edit(
            "walk_away: 50.0, salience: 0.8",
            "walk_away: -5.0, salience: 1.5",
        ),
        &[
            r#"f.ron: Ukraine on Scope (positions[1]): error: walk_away -5 is outside 0..=100; use a point on the issue scale, from 0 to 100"#,
            r#"f.ron: Ukraine on Scope (positions[1]): error: salience 1.5 is outside 0..=1; use a value from 0 to 1"#,
        ],
    );
    assert_problems(
        &edit("Mark(at: 50.0", "Mark(at: 150.0"),
        &[
            r#"f.ron: Scope, mark "Air and sea" (issues[0].marks[0]): error: at 150 is outside 0..=100; use a point on the issue scale, from 0 to 100"#,
        ],
    );
    assert_problems(
        &edit(
            "strength: 0.8, credibility: 0.9, cost: 0.3",
            "strength: NaN, credibility: inf, cost: 1e999",
        ),
        &[
            r#"f.ron: United States over Ukraine: Aid pause (leverage[0]): error: strength is NaN (not a number); use a value from 0 to 1"#,
            r#"f.ron: United States over Ukraine: Aid pause (leverage[0]): error: credibility is infinite (a number too large to store); use a value from 0 to 1"#,
            r#"f.ron: United States over Ukraine: Aid pause (leverage[0]): error: cost is infinite (a number too large to store); use a value from 0 to 1"#,
        ],
    );
    assert_problems(
        &edit("power: 0.6", "power: 2.0"),
        &[
            r#"f.ron: Ukraine (parties[1]): error: power 2 is outside 0..=1; use a value from 0 to 1"#,
        ],
    );
    assert_problems(
        &edit("power: 0.85", "power: -0.1"),
        &[
            r#"f.ron: power of Russia, scenario Moscow drags out the talks (scenarios[0].power[0]): error: power -0.1 is outside 0..=1; use a value from 0 to 1"#,
        ],
    );
    // The shift now differs from the stance too: the trajectory warning follows.
    assert_problems(
        &edit(
            "issue: \"scope\", stance: 100.0)]",
            "issue: \"scope\", stance: 100.5)]",
        ),
        &[
            r#"f.ron: Ukraine on Scope in event Ukraine accepts, 2025-03-11 (events[0].shifts[0]): error: stance 100.5 is outside 0..=100; use a point on the issue scale, from 0 to 100"#,
            r#"f.ron: Ukraine on Scope (positions[1]): warning: stance 100 differs from the last shift of this trajectory, 100.5 at events[0] (2025-03-11); the trajectory should end at the stance, so update one of them"#,
        ],
    );
    assert_problems(
        &edit(
            "stance: 10.0, salience: 0.9",
            "stance: 10.0, ideal: 1e300, salience: 0.9",
        ),
        &[
            r#"f.ron: Russia on Scope, scenario Moscow drags out the talks (scenarios[0].positions[0]): error: ideal 1e300 is outside 0..=100; use a point on the issue scale, from 0 to 100"#,
        ],
    );
}

#[test]
fn invalid_dates_and_colours() {
    assert_problems(
        &edit(
            r#"as_of: Some("2025-03-13")"#,
            r#"as_of: Some("2025-02-30")"#,
        ),
        &[
            r#"f.ron: as_of: error: as_of "2025-02-30" is not a valid date; write a real calendar date as YYYY-MM-DD, such as "2025-03-13""#,
        ],
    );
    assert_problems(
        &edit(r#"published: "2025-03-01""#, r#"published: "1 March 2025""#),
        &[
            r#"f.ron: An article (sources[0]): error: published "1 March 2025" is not a valid date; write a real calendar date as YYYY-MM-DD, such as "2025-03-13""#,
        ],
    );
    assert_problems(
        &edit(r#"date: "2025-06-01""#, r#"date: "2025-6-1""#),
        &[
            r#"f.ron: Talks stall, 2025-6-1, scenario Moscow drags out the talks (scenarios[0].events[0]): error: date "2025-6-1" is not a valid date; write a real calendar date as YYYY-MM-DD, such as "2025-03-13""#,
        ],
    );
    assert_problems(
        &edit(r##"color: "#C0392B""##, r#"color: "red""#),
        &[
            r##"f.ron: Russia (parties[0]): error: color "red" is not a colour of the form "#RRGGBB" (six hex digits); write one such as "#C0392B", or leave `color` out for a palette colour"##,
        ],
    );
}

#[test]
fn two_positions_for_the_same_party_and_issue() {
    assert_problems(
        &edit(
            "    ],\n    leverage: [",
            "        Position(party: \"ru\", issue: \"scope\", stance: 30.0, salience: 0.5),\n    ],\n    leverage: [",
        ),
        &[
            r#"f.ron: Russia on Scope (positions[2]): error: a second position of party "ru" on issue "scope" (the first is positions[0]); keep only one"#,
        ],
    );
    assert_problems(
        &edit(
            "salience: 0.9)]",
            "salience: 0.9), Position(party: \"ru\", issue: \"scope\", stance: 5.0, salience: 0.9)]",
        ),
        &[
            r#"f.ron: Russia on Scope, scenario Moscow drags out the talks (scenarios[0].positions[1]): error: a second position of party "ru" on issue "scope" (the first is scenarios[0].positions[0]); keep only one"#,
        ],
    );
}

#[test]
fn an_empty_title() {
    assert_problems(
        &edit(r#"title: "Talks""#, r#"title: "  ""#),
        &[
            r#"f.ron: title: error: the title is empty; give the project a title, such as "Ceasefire talks, March 2025""#,
        ],
    );
}

#[test]
fn every_error_is_reported_errors_before_warnings() {
    let text = edit(r#"title: "Talks""#, r#"title: """#)
        .replace("salience: 0.7", "salience: 7.0")
        .replace(r#"Party(id: "ua", name: "Ukraine", role: Principal, power: 0.6)"#, r#"Party(id: "ua", name: "Ukraine", role: Principal, power: 0.6), Party(id: "eu", name: "EU", role: Principal, power: 0.3)"#);
    assert_problems(
        &text,
        &[
            r#"f.ron: title: error: the title is empty; give the project a title, such as "Ceasefire talks, March 2025""#,
            r#"f.ron: Russia on Scope (positions[0]): error: salience 7 is outside 0..=1; use a value from 0 to 1"#,
            r#"f.ron: EU (parties[2]): warning: this Principal has no position on issue "scope"; add one (a Principal must consent to any deal), or make the party a Mediator or Stakeholder"#,
        ],
    );
}

#[test]
fn warnings_leave_the_file_loadable() {
    // With ideal 10 below walk-away 40, ru accepts 0..=40, and its stance 60 is outside.
    let wrong_side = edit(
        "stance: 20.0, walk_away: 40.0",
        "stance: 60.0, ideal: 10.0, walk_away: 40.0",
    );
    assert_problems(
        &wrong_side,
        &[
            r#"f.ron: Russia on Scope (positions[0]): warning: stance 60 is above walk_away 40, on the wrong side for ideal 10: the party would reject its own stance; move the stance or the walk-away"#,
        ],
    );
    let last_shift = edit(
        r#"shifts: [Shift(party: "ua", issue: "scope", stance: 100.0)]"#,
        r#"shifts: [Shift(party: "ua", issue: "scope", stance: 80.0)]"#,
    )
    .replace(
        "        Event(date: \"2025-03-11\"",
        "        Event(date: \"2025-03-12\", title: \"Later\", kind: Statement, shifts: [Shift(party: \"ua\", issue: \"scope\", stance: 90.0)]),\n        Event(date: \"2025-03-11\"",
    );
    // The latest shift by date is events[0] (2025-03-12, 90), not the last in the file.
    assert_problems(
        &last_shift,
        &[
            r#"f.ron: Ukraine on Scope (positions[1]): warning: stance 100 differs from the last shift of this trajectory, 90 at events[0] (2025-03-12); the trajectory should end at the stance, so update one of them"#,
        ],
    );
    let future = edit(r#"Event(date: "2025-03-11""#, r#"Event(date: "2025-04-01""#);
    assert_problems(
        &future,
        &[
            r#"f.ron: Ukraine accepts, 2025-04-01 (events[0]): warning: the event is dated 2025-04-01, after as_of 2025-03-13; a future event belongs in a scenario (or move as_of)"#,
        ],
    );
    assert!(format::load_str(&future).is_ok());
}

#[test]
fn long_event_titles_are_shortened_in_item_names() {
    let text = edit(
        r#"title: "Ukraine accepts", kind: Agreement, parties: ["ua"]"#,
        r#"title: "Ukraine accepts a 30-day ceasefire proposal in Jeddah", kind: Agreement, parties: ["uaa"]"#,
    );
    assert_problems(
        &text,
        &[
            r#"f.ron: Ukraine accepts a 30-day ceasefire prop…, 2025-03-11 (events[0]): error: party "uaa" does not exist (known parties: "ru", "ua", "us"); did you mean "ua"?"#,
        ],
    );
}

#[test]
fn leverage_over_oneself() {
    assert_problems(
        &edit(
            r#"holder: "us", target: "ua""#,
            r#"holder: "ua", target: "ua""#,
        ),
        &[
            r#"f.ron: Ukraine over Ukraine: Aid pause (leverage[0]): error: party "ua" holds leverage over itself; leverage is what a holder can do to another party: change the target (an Alternative names the party it is the alternative to a deal with)"#,
        ],
    );
}

#[test]
fn a_decimal_version_is_about_the_number_not_a_comma() {
    // `format: 1.0` once read "expected a comma `,` between two items or fields".
    assert_problems(
        &edit("    format: 1,", "    format: 1.0,"),
        &[
            "f.ron:2:13: error: 1.0 is not a whole number, and a whole number belongs here (the \
           `format` version is one); write it without the decimal point, such as `1`",
        ],
    );
}
