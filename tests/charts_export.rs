//! The exported charts: what the SVG names and counts, PNGs at size and not blank, the
//! scenario differing from the base, and file writing.

mod charts_support;

use resvg::tiny_skia::Pixmap;
use stancemap::charts::{self, Chart, ChartInput, ChartOptions, Theme, export};
use stancemap::model::{Project, View};

fn view(project: &Project, scenario: Option<&str>) -> View {
    project.resolve(scenario).unwrap()
}

fn svg(chart: Chart, view: &View, theme: Theme) -> (String, charts::ChartLayout) {
    svg_sized(chart, view, theme, (1600, 1000))
}

fn svg_sized(
    chart: Chart,
    view: &View,
    theme: Theme,
    (w, h): (u32, u32),
) -> (String, charts::ChartLayout) {
    let analysis = stancemap::analysis::analyze(view);
    let options = ChartOptions::default();
    let input = ChartInput {
        view,
        analysis: &analysis,
        theme,
        options: &options,
    };
    export::svg_with_layout(chart, &input, w, h).unwrap()
}

/// Text as it appears in the SVG (plotters escapes the XML specials).
fn in_svg(svg: &str, text: &str) -> bool {
    svg.contains(
        &text
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;"),
    )
}

#[test]
fn every_chart_is_titled_with_project_scenario_and_date() {
    let p = charts_support::ceasefire();
    for scenario in [None, Some("drag-out")] {
        let v = view(&p, scenario);
        for chart in Chart::ALL {
            let (s, _) = svg(chart, &v, Theme::Light);
            assert!(s.starts_with("<svg"), "{}", chart.name());
            assert!(in_svg(&s, chart.title()), "{}", chart.name());
            assert!(
                in_svg(&s, "Ceasefire talks, March 2025"),
                "{}",
                chart.name()
            );
            assert!(in_svg(&s, v.scenario_label()), "{}", chart.name());
            assert!(in_svg(&s, "as of 2025-03-13"), "{}", chart.name());
            assert!(s.contains(r#"font-family="sans-serif""#));
        }
    }
}

#[test]
fn concession_matrix_names_parties_and_issues_and_has_a_cell_each() {
    let p = charts_support::ceasefire();
    let (s, layout) = svg(Chart::ConcessionMatrix, &view(&p, None), Theme::Light);
    for party in &p.parties {
        assert!(in_svg(&s, &party.name), "{}", party.name);
    }
    for issue in &p.issues {
        assert!(in_svg(&s, &issue.name), "{}", issue.name);
    }
    // 4 parties x 5 issues = 20 cells, including the 2 (eu, duration) and (eu, kursk)
    // that have no position.
    let cells = layout
        .regions
        .iter()
        .filter(|r| r.party.is_some() && r.issue.is_some())
        .count();
    assert_eq!(cells, 20);
    // Kursk: Ukraine's red line (walk-away 60, ideal 0) is breached by the outcome.
    assert!(in_svg(&s, "RED LINE"));
    assert!(layout.omitted.is_empty());
}

#[test]
fn zopa_has_one_track_per_issue_and_names_the_gaps() {
    let p = charts_support::ceasefire();
    let v = view(&p, None);
    let (s, layout) = svg(Chart::Zopa, &v, Theme::Light);
    // One band per Principal with a position: ru and ua on all 5 issues.
    let bands = layout
        .regions
        .iter()
        .filter(|r| r.party.is_some() && r.issue.is_some())
        .count();
    assert_eq!(bands, 10);
    // One outcome region per issue track.
    let tracks = layout
        .regions
        .iter()
        .filter(|r| r.party.is_none() && r.issue.is_some())
        .count();
    assert_eq!(tracks, 5);
    for issue in &p.issues {
        assert!(in_svg(&s, &issue.name));
    }
    // Scope: Russia accepts 0..=30, Ukraine 50..=100: no ZOPA, gap 50 - 30 = 20.
    assert!(in_svg(&s, "no ZOPA — gap 20"));
    // Duration: Russia accepts 0..=40 (ideal 10 below its walk-away 40), Ukraine 20..=100.
    assert!(in_svg(&s, "ZOPA 20–40"));
    assert!(in_svg(&s, "0 · No ceasefire"));
    assert!(in_svg(&s, "Full, unconditional ceasefire · 100"));
}

#[test]
fn leverage_leaves_out_withdrawn_items_and_lists_alternatives() {
    let p = charts_support::ceasefire();
    let (s, layout) = svg(Chart::Leverage, &view(&p, None), Theme::Light);
    for name in [
        "Russia",
        "Ukraine",
        "United States",
        "European Union",
        "Alternatives (BATNA)",
    ] {
        assert!(in_svg(&s, name), "{name}");
    }
    assert!(in_svg(&s, "Continue the war of attrition"));
    assert!(in_svg(&s, "Fight on with European support"));
    // US on Ukraine: the withdrawn stick (0.8 x 0.9) is out, the used carrot counts:
    // 0.7 x 0.9 = 0.63.
    let us_ua = layout
        .regions
        .iter()
        .find(|r| r.tooltip.starts_with("United States on Ukraine"))
        .unwrap();
    assert!(us_ua.tooltip.contains("pressure 0.63"), "{}", us_ua.tooltip);
    assert!(
        !us_ua.tooltip.contains("Pause in intelligence"),
        "{}",
        us_ua.tooltip
    );
}

#[test]
fn timeline_shows_titles_lanes_and_hypothetical_events() {
    let p = charts_support::ceasefire();
    let (base, _) = svg(Chart::Timeline, &view(&p, None), Theme::Light);
    let (scen, layout) = svg(Chart::Timeline, &view(&p, Some("drag-out")), Theme::Light);
    for name in ["Russia", "Ukraine", "United States"] {
        assert!(in_svg(&base, name));
    }
    assert!(in_svg(
        &base,
        "Oval Office meeting ends in a shouting match"
    ));
    assert!(in_svg(&base, "Stance on “Scope of the ceasefire”"));
    assert!(!in_svg(&base, "Black Sea talks"));
    assert!(in_svg(&scen, "Black Sea talks produce a partial deal"));
    assert!(in_svg(&scen, "hypothetical (scenario)"));
    let hypothetical = layout
        .regions
        .iter()
        .filter(|r| r.tooltip.contains("(hypothetical)"))
        .count();
    // Black Sea (ru, us: 2 markers) + Easter truce (ru: 1 marker).
    assert_eq!(hypothetical, 3);
}

#[test]
fn the_scenario_chart_differs_from_the_base() {
    let p = charts_support::ceasefire();
    for chart in [Chart::ConcessionMatrix, Chart::Zopa, Chart::Leverage] {
        let (base, _) = svg(chart, &view(&p, None), Theme::Light);
        let (scen, _) = svg(chart, &view(&p, Some("drag-out")), Theme::Light);
        // Strip the subtitle line so only the drawing is compared.
        let body = |s: &str| s.replace("Moscow drags out the talks", "Base");
        assert_ne!(body(&base), body(&scen), "{}", chart.name());
    }
}

#[test]
fn large_projects_fit_and_say_what_they_leave_out() {
    let mut p = charts_support::big();
    let (s, layout) = svg(Chart::ConcessionMatrix, &view(&p, None), Theme::Light);
    // 12 parties x 25 issues: every cell shown, nothing left out.
    let cells = layout
        .regions
        .iter()
        .filter(|r| r.party.is_some() && r.issue.is_some())
        .count();
    assert_eq!(cells, 12 * 25);
    assert!(layout.omitted.is_empty(), "{:?}", layout.omitted);
    // Long names are shortened with an ellipsis; the tooltip keeps the full name.
    assert!(s.contains("…"));
    let (_, zopa) = svg(Chart::Zopa, &view(&p, None), Theme::Light);
    assert!(zopa.omitted.is_empty(), "{:?}", zopa.omitted);
    // Eight more issues than the charts show.
    for k in 25..33 {
        p.issues.push(charts_support::issue(
            &format!("x{k}"),
            &format!("Extra {k}"),
            "low",
            "high",
        ));
        p.positions
            .push(charts_support::pos("p0", &format!("x{k}"), 50.0, None, 0.5));
    }
    let (s, layout) = svg(Chart::ConcessionMatrix, &view(&p, None), Theme::Light);
    assert_eq!(layout.omitted, vec!["+8 issues not shown".to_owned()]);
    assert!(in_svg(&s, "+8 issues not shown"));
}

fn non_background_pixels(png: &[u8], width: u32, height: u32) -> usize {
    let pixmap = Pixmap::decode_png(png).unwrap();
    assert_eq!((pixmap.width(), pixmap.height()), (width, height));
    let bg = pixmap.pixels()[0];
    pixmap.pixels().iter().filter(|p| **p != bg).count()
}

#[test]
fn pngs_decode_at_the_requested_size_and_are_not_blank() {
    let p = charts_support::ceasefire();
    let v = view(&p, None);
    let analysis = stancemap::analysis::analyze(&v);
    let options = ChartOptions::default();
    for theme in Theme::ALL {
        let input = ChartInput {
            view: &v,
            analysis: &analysis,
            theme,
            options: &options,
        };
        for chart in Chart::ALL {
            let png = export::png(chart, &input, 900, 600).unwrap();
            let inked = non_background_pixels(&png, 900, 600);
            // Well over 1% of the 540 000 pixels carry ink.
            assert!(inked > 5_400, "{} {:?}: {inked}", chart.name(), theme);
        }
    }
}

#[test]
fn png_labels_are_drawn_with_the_embedded_font() {
    // The same header with and without its text: the text must add ink, which it only does
    // when resvg finds a font for `sans-serif`.
    let with = r##"<svg xmlns="http://www.w3.org/2000/svg" width="300" height="60"><rect width="300" height="60" fill="#FFFFFF"/><text x="10" y="40" font-family="sans-serif" font-size="24" fill="#000000">Ceasefire</text></svg>"##;
    let png = export::svg_to_png(with, 300, 60).unwrap();
    assert!(non_background_pixels(&png, 300, 60) > 200);
}

#[test]
fn sizes_out_of_range_are_refused() {
    let p = charts_support::ceasefire();
    let v = view(&p, None);
    let analysis = stancemap::analysis::analyze(&v);
    let options = ChartOptions::default();
    let input = ChartInput {
        view: &v,
        analysis: &analysis,
        theme: Theme::Light,
        options: &options,
    };
    let err = export::png(Chart::Zopa, &input, 10, 600).unwrap_err();
    assert_eq!(
        err.to_string(),
        "the image size 10x600 is out of range; each side must be 200..=8000 px"
    );
}

#[test]
fn write_all_writes_each_chart_in_each_format() {
    let p = charts_support::ceasefire();
    let v = view(&p, None);
    let analysis = stancemap::analysis::analyze(&v);
    let options = ChartOptions::default();
    let input = ChartInput {
        view: &v,
        analysis: &analysis,
        theme: Theme::Light,
        options: &options,
    };
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("charts");
    let written = export::write_all(
        &out,
        &[Chart::Zopa, Chart::Timeline],
        export::Formats::Both,
        &input,
        800,
        500,
    )
    .unwrap();
    let names: Vec<String> = written
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        ["zopa.svg", "zopa.png", "timeline.svg", "timeline.png"]
    );
    assert!(
        std::fs::read_to_string(out.join("zopa.svg"))
            .unwrap()
            .starts_with("<svg")
    );
    assert_eq!(
        &std::fs::read(out.join("timeline.png")).unwrap()[..4],
        b"\x89PNG"
    );
}

/// The timeline's trajectories continue after the as-of date with the model's simulated
/// rounds: one hover mark per party and round, at the positions the simulation gives, and
/// none when the rounds are set to 0.
#[test]
fn timeline_continues_the_trajectories_with_the_simulated_rounds() {
    let p = charts_support::ceasefire();
    let v = view(&p, None);
    let analysis = stancemap::analysis::analyze(&v);
    let draw = |rounds: Option<usize>| {
        let options = ChartOptions {
            issue: Some(p.issues[0].id.clone()),
            rounds,
            ..ChartOptions::default()
        };
        let input = ChartInput {
            view: &v,
            analysis: &analysis,
            theme: Theme::Light,
            options: &options,
        };
        export::svg_with_layout(Chart::Timeline, &input, 1600, 1000).unwrap()
    };
    let simulated = |layout: &charts::ChartLayout| -> Vec<String> {
        layout
            .regions
            .iter()
            .filter(|r| r.tooltip.contains("after simulated round"))
            .map(|r| r.tooltip.clone())
            .collect()
    };
    let run = stancemap::simulation::simulate_issue(&v, &p.issues[0].id, 3).unwrap();
    assert!(run.parties.len() >= 2);
    let (s, layout) = draw(Some(3));
    assert!(in_svg(&s, "Model, 3 rounds"));
    assert!(in_svg(&s, "R3"));
    let marks = simulated(&layout);
    // Rounds 0..=3 for every party holding a position on the issue.
    assert_eq!(marks.len(), run.parties.len() * 4);
    let last = run.last().unwrap();
    for (i, id) in run.parties.iter().enumerate() {
        let name = &p.party(id).unwrap().name;
        // One decimal, without a trailing ".0", as the charts write numbers.
        let value = format!("{:.1}", last.positions[i]);
        let value = value.strip_suffix(".0").unwrap_or(&value);
        let expected = format!("{name}: {value} after simulated round 3 (model)");
        assert!(marks.contains(&expected), "{expected} in {marks:?}");
    }
    let (s, layout) = draw(Some(0));
    assert!(simulated(&layout).is_empty());
    assert!(!in_svg(&s, "Model, "));
}

#[test]
fn each_matrix_cell_shows_the_measure_its_colour_encodes() {
    // Once the number was the distance from the stance and the colour the share of the
    // room from the ideal, so two "0" cells could differ in colour. Now a cell with a
    // walk-away shows the share (%) its colour encodes; one without shows points to move.
    let p = charts_support::ceasefire();
    let v = view(&p, None);
    let (s, _) = svg(Chart::ConcessionMatrix, &v, Theme::Light);
    let analysis = stancemap::analysis::analyze(&v);
    let mut checked = 0;
    for issue in &analysis.issues {
        for k in &issue.concessions {
            let text = match (k.share, k.distance) {
                (Some(share), _) => format!("{:.0}%", share * 100.0),
                (None, Some(d)) => format!("{d:.0} pt"),
                (None, None) => continue,
            };
            assert!(in_svg(&s, &text), "{} on {}: {text}", k.party, issue.id);
            checked += 1;
        }
    }
    assert!(checked >= 10, "{checked}");
    assert!(in_svg(&s, "Cell and colour: the share of the party"));
}

#[test]
fn timeline_titles_sit_under_the_legend_without_overlapping() {
    // The titles once hung above the lanes with an empty band over them (their first row
    // about 290 px down a 1,000 px export); now the rows take what they need, from just
    // under the legend, and the trajectories take the rest.
    let p = charts_support::ceasefire();
    let (_, layout) = svg(Chart::Timeline, &view(&p, None), Theme::Light);
    let titles: Vec<[f64; 4]> = layout
        .regions
        .iter()
        .filter(|r| r.party.is_none() && r.issue.is_none())
        .map(|r| r.rect)
        .filter(|[x0, y0, x1, y1]| x1 - x0 > 3.0 * (y1 - y0))
        .collect();
    assert!(titles.len() >= 3, "{titles:?}");
    let first_row = titles.iter().map(|r| r[1]).fold(f64::INFINITY, f64::min);
    assert!(first_row < 220.0, "first title row at {first_row} px");
    for (i, a) in titles.iter().enumerate() {
        for b in &titles[i + 1..] {
            let apart = a[2] <= b[0] || b[2] <= a[0] || a[3] <= b[1] || b[3] <= a[1];
            assert!(apart, "{a:?} overlaps {b:?}");
        }
    }
}

#[test]
fn the_zopa_chart_labels_its_scale_between_0_and_100() {
    let p = charts_support::ceasefire();
    let (s, _) = svg(Chart::Zopa, &view(&p, None), Theme::Light);
    for tick in ["25", "50", "75"] {
        assert!(s.contains(&format!(">\n{tick}\n</text>")), "tick {tick}");
    }
}

#[test]
fn no_chart_text_is_smaller_than_12_px_even_in_a_small_pane() {
    // A chart in the app's pane at 100% zoom is about 800 x 500 px; its smallest text was
    // 9 px there. Every font size any chart writes is now at least 12.
    let p = charts_support::ceasefire();
    let v = view(&p, None);
    for chart in [
        Chart::ConcessionMatrix,
        Chart::Zopa,
        Chart::Leverage,
        Chart::Timeline,
    ] {
        let (s, _) = svg_sized(chart, &v, Theme::Light, (800, 500));
        let sizes: Vec<f64> = s
            .split("font-size=\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next()?.parse().ok())
            .collect();
        assert!(!sizes.is_empty(), "{chart:?}");
        let smallest = sizes.iter().copied().fold(f64::INFINITY, f64::min);
        assert!(smallest >= 12.0, "{chart:?}: {smallest} px");
    }
}
