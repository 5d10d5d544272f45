//! Snapshot tests of the exported SVG text: every chart of the sample projects at a fixed
//! size, compared byte for byte with the files under `tests/snapshots/`, so that a refactor
//! that should change nothing proves it, and a change of appearance shows up in review as
//! a changed `.svg` (the files are real SVGs: open one to see the chart).
//!
//! On a difference the test writes `<name>.svg.new` beside the snapshot and fails, naming
//! the first differing line. To accept the new drawings after looking at them:
//! `UPDATE_SNAPSHOTS=1 cargo test -p stancemap_charts --test svg_snapshots`.

use std::path::{Path, PathBuf};

use stancemap_charts::{Chart, ChartInput, ChartOptions, Theme, export};
use stancemap_core::{analysis, format};

/// One size for every snapshot: the type scale is 1.0 there (1100 x 700 px), the size the
/// charts are designed at.
const WIDTH: u32 = 1100;
const HEIGHT: u32 = 700;

/// (sample file stem, scenario, themes to draw it in). The strike scenario brings
/// hypothetical events after the as-of date (dashed, on a shaded future).
const CASES: [(&str, Option<&str>, &[Theme]); 4] = [
    ("ceasefire-2025", None, &[Theme::Light, Theme::Dark]),
    ("labour-contract", None, &[Theme::Light]),
    ("labour-contract", Some("strike"), &[Theme::Light]),
    ("river-basin", None, &[Theme::Light]),
];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn snapshot_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots")
}

/// Every (snapshot name, SVG text) of the cases above.
fn render_all() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (stem, scenario, themes) in CASES {
        let path = root().join(format!("sample_projects/{stem}.ron"));
        let project = format::load_path(&path)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
            .project;
        let view = project.resolve(scenario).unwrap();
        let case = match scenario {
            Some(id) => format!("{stem}-{id}"),
            None => stem.to_owned(),
        };
        let analysis = analysis::analyze(&view);
        let options = ChartOptions::default();
        for &theme in themes {
            let input = ChartInput {
                view: &view,
                analysis: &analysis,
                theme,
                options: &options,
            };
            for chart in Chart::ALL {
                let svg = export::svg(chart, &input, WIDTH, HEIGHT).unwrap();
                out.push((format!("{case}-{}-{}", theme.name(), chart.name()), svg));
            }
        }
    }
    out
}

/// Where `a` and `b` first differ: the line number and both lines.
fn first_difference(a: &str, b: &str) -> String {
    let (mut la, mut lb) = (a.lines(), b.lines());
    for n in 1.. {
        match (la.next(), lb.next()) {
            (Some(x), Some(y)) if x == y => continue,
            (None, None) => return "same lines, different line endings".to_owned(),
            (x, y) => {
                return format!(
                    "line {n}:\n  snapshot: {}\n  now:      {}",
                    x.unwrap_or("(end of file)"),
                    y.unwrap_or("(end of file)")
                );
            }
        }
    }
    unreachable!()
}

#[test]
fn every_chart_matches_its_svg_snapshot() {
    let dir = snapshot_dir();
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let rendered = render_all();
    assert_eq!(rendered.len(), Chart::ALL.len() * 5);
    let mut failures = Vec::new();
    for (name, svg) in &rendered {
        let path = dir.join(format!("{name}.svg"));
        let new_path = dir.join(format!("{name}.svg.new"));
        if update {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, svg).unwrap();
            std::fs::remove_file(&new_path).ok();
            continue;
        }
        match std::fs::read_to_string(&path) {
            Ok(expected) if expected == *svg => {
                std::fs::remove_file(&new_path).ok();
            }
            Ok(expected) => {
                std::fs::write(&new_path, svg).unwrap();
                failures.push(format!(
                    "{name}: differs at {}",
                    first_difference(&expected, svg)
                ));
            }
            Err(e) => {
                std::fs::write(&new_path, svg).unwrap();
                failures.push(format!("{name}: no snapshot ({e})"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} charts differ from their snapshots (the new drawings are in {}/*.svg.new; \
         look at them, then accept with `UPDATE_SNAPSHOTS=1 cargo test -p stancemap_charts \
         --test svg_snapshots`):\n{}",
        failures.len(),
        rendered.len(),
        dir.display(),
        failures.join("\n")
    );
}

/// Drawing is deterministic: the same input twice gives the same bytes (no clock, no
/// hash-map order in the output), which the snapshots rely on.
#[test]
fn drawing_the_same_input_twice_gives_the_same_svg() {
    let a = render_all();
    let b = render_all();
    for ((name, x), (_, y)) in a.iter().zip(&b) {
        assert!(x == y, "{name}: {}", first_difference(x, y));
    }
}

/// The snapshots are real drawings: each names its chart's title and the project, and none
/// is left in the folder that no case writes (a renamed chart leaves no stale file).
#[test]
fn snapshots_are_titled_drawings_and_none_is_stale() {
    let rendered = render_all();
    for (name, svg) in &rendered {
        assert!(svg.starts_with("<svg"), "{name}");
        let chart = Chart::ALL
            .into_iter()
            .find(|c| name.ends_with(c.name()))
            .unwrap();
        assert!(svg.contains(chart.title()), "{name}");
    }
    let names: Vec<String> = rendered.iter().map(|(n, _)| format!("{n}.svg")).collect();
    if let Ok(entries) = std::fs::read_dir(snapshot_dir()) {
        for entry in entries {
            let file = entry.unwrap().file_name().to_string_lossy().into_owned();
            if file.ends_with(".svg") {
                assert!(names.contains(&file), "stale snapshot {file}");
            }
        }
    }
}
