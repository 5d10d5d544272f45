//! The briefing pack read back from its bytes: pages, title, every party and issue, the
//! deal and ZOPA sentences, numbered sources, charts as vector paths with text, and long
//! content paginating.

mod support;

use stancemap_brief::{BriefError, Options, Paper, build};
use stancemap_core::analysis;
use stancemap_core::model::Project;
use stancemap_core::model::generate::{GenerateSpec, generate};
use support::{Pdf, has_vector_paths_and_text};

fn ceasefire() -> Project {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../sample_projects/ceasefire-2025.ron"
    );
    stancemap_core::format::load_path(std::path::Path::new(path))
        .expect("the sample loads")
        .project
}

fn options() -> Options {
    Options {
        produced: "2026-12-05".to_owned(),
        ..Options::new()
    }
}

#[test]
fn the_ceasefire_pack_has_every_part() {
    let project = ceasefire();
    let pack = build(&project, &options()).expect("pack");
    let pdf = Pdf::parse(&pack.bytes);
    assert_eq!(pdf.page_count(), pack.pages);
    assert!((8..=30).contains(&pack.pages), "{} pages", pack.pages);
    assert!(
        pack.bytes.len() < 2 * 1024 * 1024,
        "{} bytes",
        pack.bytes.len()
    );
    assert_eq!(pdf.title().as_deref(), Some(project.title.as_str()));
    let text = pdf.text();
    assert!(text.contains(&project.title), "title on the pages");
    for party in &project.parties {
        assert!(text.contains(&party.name), "party {}", party.name);
    }
    for issue in &project.issues {
        assert!(text.contains(&issue.name), "issue {}", issue.name);
    }
    // The deal verdict, word for word as `analyze` says it.
    let view = project.resolve(None).expect("base");
    let verdict = analysis::deals(&view).verdict();
    let start: String = verdict
        .split_whitespace()
        .take(8)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(text.contains(&start), "deal sentence {start:?}");
    assert!(text.contains("What it would take"));
    assert!(text.contains("a ZOPA exists from"), "ZOPA sentence");
    assert!(text.contains("there is no ZOPA"), "no-ZOPA sentence");
    assert!(text.contains("The strongest leverage is"));
    assert!(text.contains("nudged by 10% of its range"));
    assert!(text.contains("Page 1 of"), "page numbers");
    assert!(text.contains(&format!("Page {0} of {0}", pack.pages)));
    // Sources numbered and cited by number.
    assert!(!project.sources.is_empty());
    for (i, source) in project.sources.iter().enumerate() {
        let n = format!("[{}]", i + 1);
        assert!(text.contains(&n), "source {n}");
        let words: String = source
            .title
            .split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(text.contains(&words), "source title {words:?}");
    }
    assert!(text.contains("Scenarios compared"));
    for scenario in &project.scenarios {
        let words: String = scenario
            .name
            .split_whitespace()
            .take(2)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(text.contains(&words), "scenario {words:?}");
    }
}

#[test]
fn charts_are_vector_paths_with_text_not_bitmaps() {
    let pack = build(&ceasefire(), &options()).expect("pack");
    let pdf = Pdf::parse(&pack.bytes);
    let mut chart_pages = 0;
    for n in 1..=pdf.page_count() as u32 {
        let ops = pdf.page_ops(n);
        let (paths, texts) = support::op_counts(&ops);
        if paths > 60 && texts > 15 {
            assert!(has_vector_paths_and_text(&ops));
            chart_pages += 1;
        }
    }
    assert!(chart_pages >= 3, "{chart_pages} pages with drawn charts");
    let images = pdf
        .doc
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter(|s| {
            s.dict
                .get(b"Subtype")
                .and_then(|v| v.as_name())
                .is_ok_and(|n| n == b"Image")
        })
        .count();
    assert_eq!(images, 0, "no bitmaps");
}

#[test]
fn an_unknown_scenario_is_refused() {
    let options = Options {
        scenario: Some("no-such".to_owned()),
        ..options()
    };
    assert!(matches!(
        build(&ceasefire(), &options),
        Err(BriefError::Scenario(_))
    ));
}

#[test]
fn a_scenario_and_a_date_are_in_the_running_header_and_letter_paper_is_letter() {
    let project = ceasefire();
    let scenario = project.scenarios.last().expect("a scenario").clone();
    let options = Options {
        scenario: Some(scenario.id.clone()),
        as_of: Some("2025-03-11".to_owned()),
        paper: Paper::Letter,
        ..options()
    };
    let pack = build(&project, &options).expect("pack");
    let pdf = Pdf::parse(&pack.bytes);
    let page2 = pdf.page_text(2);
    assert!(page2.contains("as of 2025-03-11"), "{page2}");
    let words: String = scenario
        .name
        .split_whitespace()
        .take(2)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(page2.contains(&words), "{page2}");
    let pages = pdf.doc.get_pages();
    let page = pdf.doc.get_dictionary(pages[&1]).expect("page");
    let media = page
        .get(b"MediaBox")
        .and_then(|m| m.as_array())
        .expect("media box");
    let w = media[2].as_float().expect("width");
    assert!((w - 612.0).abs() < 0.5, "{w}");
}

/// 12 parties x 25 issues, long names and long rationales (one with an unbroken word
/// longer than a line).
fn crowded() -> Project {
    let mut project = generate(GenerateSpec {
        parties: 12,
        issues: 25,
        events: 30,
        seed: 7,
    });
    for (i, party) in project.parties.iter_mut().enumerate() {
        party.name = format!("The Extraordinarily Long-Named Delegation Number {i} of the Talks");
    }
    for (i, position) in project.positions.iter_mut().enumerate() {
        position.rationale = format!(
            "{} {}",
            "This party has explained its reasons at length in every round of the talks. "
                .repeat(6 + i % 5),
            if i % 37 == 0 {
                "x".repeat(300)
            } else {
                String::new()
            }
        );
    }
    project
}

#[test]
fn twelve_parties_by_twenty_five_issues_with_long_rationales_paginate() {
    let project = crowded();
    let pack = build(&project, &options()).expect("pack");
    let pdf = Pdf::parse(&pack.bytes);
    assert_eq!(pdf.page_count(), pack.pages);
    assert!(pack.pages > 40, "{} pages", pack.pages);
    let text = pdf.text();
    for party in &project.parties {
        assert!(text.contains(&party.name), "party {}", party.name);
    }
    for (n, issue) in project.issues.iter().enumerate() {
        assert!(
            text.contains(&format!("{}. {}", n + 1, issue.name)),
            "issue {}",
            issue.name
        );
    }
    assert!(text.contains(&format!("Page {0} of {0}", pack.pages)));
}

#[test]
fn at_a_large_size_the_pack_says_what_it_left_out() {
    let project = generate(GenerateSpec {
        parties: 20,
        issues: 60,
        events: 50,
        seed: 3,
    });
    let pack = build(&project, &options()).expect("pack");
    assert!(!pack.omitted.is_empty());
    let text = Pdf::parse(&pack.bytes).text();
    assert!(text.contains("Left out at this size"), "says so");
    assert!(text.contains("first 50 issues"));
}
