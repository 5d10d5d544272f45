//! Round trips: load(to_canonical(p).unwrap()) == p and `fmt` is idempotent, for generated valid
//! projects and for every sample project.

use proptest::prelude::*;
use stancemap::format;
use stancemap::model::*;

/// Text fields: anything, with the characters that need escaping made likely.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[a-zA-Z \"'\\\\\n\t\r#/*(),:é\u{301}\u{202e}\0-]{0,16}",
    ]
}

fn scale() -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(0.0),
        Just(100.0),
        Just(1e-7),
        Just(33.333333333333336),
        0.0..=100.0f64
    ]
}

fn unit() -> impl Strategy<Value = f64> {
    prop_oneof![Just(0.0), Just(1.0), Just(5e-324), Just(0.1), 0.0..=1.0f64]
}

fn date() -> impl Strategy<Value = String> {
    (1990..2040i32, 1..=12u8, 1..=28u8).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"))
}

fn pick(ids: &[String]) -> impl Strategy<Value = String> + use<> {
    proptest::sample::select(ids.to_vec())
}

fn some_of(ids: &[String]) -> impl Strategy<Value = Vec<String>> + use<> {
    proptest::sample::subsequence(ids.to_vec(), 0..=ids.len())
}

fn position(
    parties: &[String],
    issues: &[String],
    sources: &[String],
) -> impl Strategy<Value = Position> + use<> {
    (
        pick(parties),
        pick(issues),
        scale(),
        proptest::option::of(scale()),
        proptest::option::of(scale()),
        unit(),
        any::<bool>(),
        text(),
        some_of(sources),
    )
        .prop_map(
            |(party, issue, stance, ideal, walk_away, salience, red_line, rationale, sources)| {
                Position {
                    party,
                    issue,
                    stance,
                    ideal,
                    walk_away,
                    salience,
                    red_line,
                    rationale,
                    sources,
                }
            },
        )
}

/// Fewer than `max` leverage items; none of a party over itself (the loader refuses those).
fn leverage_list(
    parties: &[String],
    issues: &[String],
    sources: &[String],
    max: usize,
) -> impl Strategy<Value = Vec<Leverage>> + use<> {
    proptest::collection::vec(leverage(parties, issues, sources), 0..max)
        .prop_map(|list| list.into_iter().filter(|l| l.holder != l.target).collect())
}

fn leverage(
    parties: &[String],
    issues: &[String],
    sources: &[String],
) -> impl Strategy<Value = Leverage> + use<> {
    (
        (pick(parties), pick(parties)),
        proptest::sample::select(LeverageKind::ALL.to_vec()),
        text(),
        (unit(), unit(), unit()),
        proptest::sample::select(LeverageStatus::ALL.to_vec()),
        some_of(issues),
        some_of(sources),
    )
        .prop_map(
            |(
                (holder, target),
                kind,
                instrument,
                (strength, credibility, cost),
                status,
                issues,
                sources,
            )| Leverage {
                holder,
                target,
                kind,
                instrument,
                strength,
                credibility,
                cost,
                status,
                issues,
                sources,
            },
        )
}

fn event(
    parties: &[String],
    issues: &[String],
    sources: &[String],
) -> impl Strategy<Value = Event> + use<> {
    let shift = (pick(parties), pick(issues), scale()).prop_map(|(party, issue, stance)| Shift {
        party,
        issue,
        stance,
    });
    (
        date(),
        text(),
        proptest::sample::select(EventKind::ALL.to_vec()),
        some_of(parties),
        proptest::collection::vec(shift, 0..3),
        text(),
        some_of(sources),
    )
        .prop_map(
            |(date, title, kind, parties, shifts, notes, sources)| Event {
                date,
                title,
                kind,
                parties,
                shifts,
                notes,
                sources,
            },
        )
}

/// Positions with distinct (party, issue) pairs.
fn dedup(mut positions: Vec<Position>) -> Vec<Position> {
    let mut seen = std::collections::HashSet::new();
    positions.retain(|p| seen.insert((p.party.clone(), p.issue.clone())));
    positions
}

/// Valid projects: ids unique and well formed, every reference resolves, numbers in range.
fn project() -> impl Strategy<Value = Project> {
    (1..5usize, 1..4usize, 0..3usize, 0..3usize).prop_flat_map(|(np, ni, ns, nsc)| {
        let parties: Vec<String> = (0..np).map(|i| format!("party-{i}")).collect();
        let issues: Vec<String> = (0..ni).map(|i| format!("issue_{i}")).collect();
        let sources: Vec<String> = (0..ns).map(|i| format!("s{i}")).collect();
        let party = |id: String| {
            (
                text(),
                proptest::sample::select(Role::ALL.to_vec()),
                unit(),
                proptest::option::of("#[0-9A-Fa-f]{6}"),
                text(),
            )
                .prop_map(move |(name, role, power, color, notes)| Party {
                    id: id.clone(),
                    name,
                    role,
                    power,
                    color,
                    notes,
                })
        };
        let issue = |id: String| {
            let mark = (scale(), text()).prop_map(|(at, label)| Mark { at, label });
            (
                text(),
                text(),
                text(),
                proptest::collection::vec(mark, 0..3),
                text(),
            )
                .prop_map(move |(name, low, high, marks, notes)| Issue {
                    id: id.clone(),
                    name,
                    low,
                    high,
                    marks,
                    notes,
                })
        };
        let source = |id: String| {
            (
                text(),
                text(),
                proptest::option::of(date()),
                proptest::option::of(text()),
            )
                .prop_map(move |(title, author, published, url)| Source {
                    id: id.clone(),
                    title,
                    author,
                    published,
                    url,
                })
        };
        let scenario = {
            let (parties, issues, sources) = (parties.clone(), issues.clone(), sources.clone());
            move |id: String| {
                let power = (pick(&parties), unit())
                    .prop_map(|(party, power)| PowerOverride { party, power });
                (
                    text(),
                    text(),
                    proptest::collection::vec(position(&parties, &issues, &sources), 0..3)
                        .prop_map(dedup),
                    leverage_list(&parties, &issues, &sources, 2),
                    proptest::collection::vec(power, 0..2),
                    proptest::collection::vec(event(&parties, &issues, &sources), 0..2),
                )
                    .prop_map(
                        move |(name, description, positions, leverage, power, events)| Scenario {
                            id: id.clone(),
                            name,
                            description,
                            positions,
                            leverage,
                            power,
                            events,
                        },
                    )
            }
        };
        (
            "[^\\s]\\PC{0,20}",
            text(),
            proptest::option::of(date()),
            proptest::sample::select(vec![OutcomeMethod::Median, OutcomeMethod::Mean]),
            sources.iter().cloned().map(source).collect::<Vec<_>>(),
            parties.iter().cloned().map(party).collect::<Vec<_>>(),
            issues.iter().cloned().map(issue).collect::<Vec<_>>(),
            proptest::collection::vec(position(&parties, &issues, &sources), 0..6).prop_map(dedup),
            leverage_list(&parties, &issues, &sources, 3),
            proptest::collection::vec(event(&parties, &issues, &sources), 0..3),
            (0..nsc)
                .map(|i| scenario(format!("sc-{i}")))
                .collect::<Vec<_>>(),
        )
            .prop_map(
                |(
                    title,
                    summary,
                    as_of,
                    outcome,
                    sources,
                    parties,
                    issues,
                    positions,
                    leverage,
                    events,
                    scenarios,
                )| Project {
                    format: FORMAT_VERSION,
                    title,
                    summary,
                    as_of,
                    outcome,
                    sources,
                    parties,
                    issues,
                    positions,
                    leverage,
                    events,
                    scenarios,
                },
            )
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn generated_projects_round_trip_and_format_to_a_fixed_point(project in project()) {
        let errors: Vec<_> = format::validate(&project).into_iter().filter(|d| d.is_error()).collect();
        prop_assert!(errors.is_empty(), "the strategy made an invalid project: {errors:?}");
        let text = format::to_canonical(&project).unwrap();
        let loaded = match format::load_str(&text) {
            Ok(loaded) => loaded.project,
            Err(e) => return Err(TestCaseError::fail(format!("{e}\n{text}"))),
        };
        prop_assert_eq!(&loaded, &project);
        prop_assert_eq!(format::to_canonical(&loaded).unwrap(), text);
    }
}

#[test]
fn every_sample_project_round_trips_and_formats_to_a_fixed_point() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_projects");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("no sample_projects folder: nothing to check");
        return;
    };
    let mut paths: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    paths.sort();
    for path in &paths {
        let project = match format::load_path(path) {
            Ok(loaded) => loaded.project,
            Err(e) => panic!("{} does not load:\n{e}", path.display()),
        };
        let text = format::to_canonical(&project).unwrap();
        let again = format::load_str(&text)
            .unwrap_or_else(|e| panic!("{}: canonical form does not load:\n{e}", path.display()));
        assert_eq!(again.project, project, "{}", path.display());
        assert_eq!(
            format::to_canonical(&again.project).unwrap(),
            text,
            "{}",
            path.display()
        );
    }
    eprintln!("{} sample projects checked", paths.len());
}
