use super::parse;
use crate::format::read::ron_options;
use crate::format::to_canonical;
use crate::model::Project;
use crate::model::generate::{GenerateSpec, generate};
use proptest::prelude::*;

fn with_ron(text: &str) -> Result<Project, ron::error::SpannedError> {
    ron_options().from_str(text)
}

/// The fast reader read `text`, and to exactly what `ron` reads.
fn assert_same(text: &str) -> Project {
    let fast: Option<Project> = parse(text);
    let ron = with_ron(text).unwrap_or_else(|e| panic!("ron refused {text:?}: {e}"));
    assert_eq!(fast.as_ref(), Some(&ron), "{text}");
    ron
}

#[test]
fn samples_and_generated_projects_read_as_ron_reads_them() {
    for text in [
        include_str!("../../../../../sample_projects/ceasefire-2025.ron"),
        include_str!("../../../../../sample_projects/labour-contract.ron"),
        include_str!("../../../../../sample_projects/river-basin.ron"),
    ] {
        assert_same(text);
    }
    for seed in 1..4 {
        let project = generate(GenerateSpec {
            parties: 5,
            issues: 6,
            events: 30,
            seed,
        });
        assert_eq!(assert_same(&to_canonical(&project).unwrap()), project);
    }
}

/// A small project whose `title` line and first party are given.
fn project(title: &str, party: &str) -> String {
    format!(
        "Project(\n    format: 1,\n    {title},\n    parties: [{party}],\n    issues: [],\n    \
         positions: [],\n)\n"
    )
}

const PARTY: &str = "Party(id: \"a\", name: \"A\", role: Principal, power: 0.5)";

#[test]
fn the_liberties_of_hand_written_files_read_as_ron_reads_them() {
    let cases = [
        // Comments anywhere, nested block comments, CRLF line ends, no trailing newline.
        project("title: \"T\" // the title\n", PARTY),
        project("/* a /* nested */ comment */ title: \"T\"", PARTY),
        project("title: \"T\"", PARTY).replace('\n', "\r\n"),
        project("title: \"T\"", PARTY).trim_end().to_owned(),
        // Struct names left out, fields in another order, no trailing commas, spaces.
        project(
            "title : \"T\"",
            "( power: 0.5 , role: Mediator, name: \"A\", id: \"a\" )",
        ),
        "(format:1,title:\"T\",parties:[],issues:[],positions:[])".to_owned(),
        // Options: explicit, implicit, None, `Some` with a trailing comma.
        project("title: \"T\", as_of: Some(\"2025-01-02\")", PARTY),
        project("title: \"T\", as_of: \"2025-01-02\"", PARTY),
        project("title: \"T\", as_of: None", PARTY),
        project("title: \"T\", as_of: Some( \"2025-01-02\" , )", PARTY),
        project(
            "title: \"T\"",
            "Party(id: \"a\", name: \"A\", role: Principal, power: 0.5, color: None)",
        ),
        // Escapes, raw line breaks and non-ASCII text in strings.
        project(
            "title: \"a \\\"quoted\\\" \\\\ tab\\t line\\n\\r \\' nul\\0 end\"",
            PARTY,
        ),
        project("title: \"two\nlines, é ü 中文 🙂\"", PARTY),
        // Numbers: integers, exponents, signs, leading dot, as `str::parse` reads them.
        project(
            "title: \"T\"",
            "Party(id: \"a\", name: \"A\", role: Principal, power: 1)",
        ),
        project(
            "title: \"T\"",
            "Party(id: \"a\", name: \"A\", role: Principal, power: 5e-1)",
        ),
        project(
            "title: \"T\"",
            "Party(id: \"a\", name: \"A\", role: Principal, power: +.25)",
        ),
        project("title: \"T\", outcome: Mean", PARTY),
    ];
    for text in &cases {
        assert_same(text);
    }
}

#[test]
fn it_gives_up_on_what_it_does_not_read() {
    let cases = [
        // ron reads these; the fast reader leaves them to it.
        project("title: r\"raw\"", PARTY),
        project("title: \"caf\\u{e9}\"", PARTY),
        project("title: \"a\\\n   continued\"", PARTY),
        format!(
            "#![enable(implicit_some)]\n{}",
            project("title: \"T\"", PARTY)
        ),
        project(
            "title: \"T\"",
            "Party(id: \"a\", name: \"A\", role: Principal, power: 0.5_0)",
        ),
        project(
            "title: \"T\"",
            "Party(id: \"a\", name: \"A\", role: Principal, power: 1f64)",
        ),
        project("title: \"T\"", PARTY).replace("format: 1", "format: 0x1"),
        project("title: \"T\"", PARTY).replace("    title", "\u{85}title"),
        // Errors: ron gives the located message.
        project("title: \"T\", salince: 1", PARTY),
        project("title: \"T\" title: \"U\"", PARTY),
        project("title: \"T\"", PARTY).replace("Principal", "Principle"),
        project("title: \"T\"", PARTY).replace("Project(", "Projet("),
        project("title: \"T\"", PARTY) + ")",
        project("title: \"T /* unclosed", PARTY),
        project("title: \"T\" /* unclosed", PARTY),
        project("title: \"T\"", PARTY).replace("power: 0.5", "power: NaN"),
    ];
    for text in &cases {
        assert_eq!(parse::<Project>(text), None, "{text}");
    }
}

/// Characters that matter to the syntax, for the edits below.
const EDIT_CHARS: &[char] = &[
    ' ', '\n', ',', '(', ')', '[', ']', '"', '\\', ':', '/', '*', '0', '5', '.', '-', '+', 'e',
    '_', 'a', 'S', 'N', 'r', '#', 'é', '\u{85}',
];

/// Apply one edit at a character boundary: insert a syntax character, or delete up to 4 bytes.
fn edit(text: &mut String, at: usize, what: usize) {
    let mut at = at % (text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    if what < EDIT_CHARS.len() {
        text.insert(at, EDIT_CHARS[what]);
    } else {
        let mut end = (at + what - EDIT_CHARS.len() + 1).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        text.replace_range(at..end, "");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Whatever a few random edits do to a file, the fast reader either gives up or reads
    /// exactly what `ron` reads.
    #[test]
    fn never_disagrees_with_ron(
        seed in 1u64..50,
        edits in proptest::collection::vec((0usize..100_000, 0usize..EDIT_CHARS.len() + 4), 1..4),
    ) {
        let project = generate(GenerateSpec { parties: 2, issues: 2, events: 3, seed });
        let mut text = to_canonical(&project).unwrap();
        for (at, what) in edits {
            edit(&mut text, at, what);
        }
        if let Some(fast) = parse::<Project>(&text) {
            let ron = with_ron(&text);
            prop_assert!(ron.is_ok(), "fast read what ron refuses: {text}");
            prop_assert_eq!(Some(fast), ron.ok());
        }
    }
}

#[test]
fn short_decimals_parse_as_str_parse_does() {
    for text in [
        "0",
        "0.0",
        "-0.0",
        "1",
        "50",
        "100.0",
        "0.1",
        "0.45",
        "-3.25",
        "5.",
        ".5",
        "-.5",
        "0.30000000000000004",
        "123456789012345",
        "1234567890123456",
        "0.000000000000000000001",
        "1e5",
        "2.5E-3",
        "+1.5",
        "1.2.3",
        "-",
        ".",
        "",
        "--1",
        "1-",
    ] {
        assert_eq!(
            super::parse_f64(text).map(f64::to_bits),
            text.parse::<f64>().ok().map(f64::to_bits),
            "{text:?}"
        );
    }
}

proptest! {
    #[test]
    fn decimals_parse_as_str_parse_does(
        negative: bool,
        whole in 0u64..10_000_000,
        fraction in "[0-9]{0,12}",
    ) {
        let text = format!("{}{whole}.{fraction}", if negative { "-" } else { "" });
        prop_assert_eq!(
            super::parse_f64(&text).map(f64::to_bits),
            text.parse::<f64>().ok().map(f64::to_bits)
        );
    }
}
