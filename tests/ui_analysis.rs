//! The analysis and chart views of the desktop app, driven through egui_kittest: every view
//! draws the ceasefire sample, figures follow edits (the cache is keyed by revision) and are
//! not recomputed while nothing changes, Explain shows the terms, a click on a matrix cell
//! selects its position, and charts export to files.

use eframe::egui;
use egui::accesskit::Role;
use egui::{Key, Modifiers, PointerButton};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use stancemap::app::{App, ScriptedDialogs, Selection, ViewKind};
use stancemap::charts::Chart;
use std::path::PathBuf;

mod ui_support;
use ui_support::{Launch, SAMPLE, launch, wait_for_workers};

fn harness(dialogs: ScriptedDialogs, view: ViewKind) -> Harness<'static, App> {
    launch(Launch {
        file: Some(PathBuf::from(SAMPLE)),
        view: Some(view),
        dialogs,
        ..Launch::default()
    })
}

fn counts(h: &Harness<'_, App>) -> (u64, u64) {
    let cache = &h.state().shell.analysis;
    (cache.analyses_computed(), cache.charts_drawn())
}

#[test]
fn every_new_view_draws_the_sample_and_idle_frames_recompute_nothing() {
    let mut h = harness(ScriptedDialogs::default(), ViewKind::Overview);
    let views = [
        (
            ViewKind::Analysis,
            "Outcome of each issue",
            Some(Chart::Sensitivity),
        ),
        (
            ViewKind::ConcessionMatrix,
            "Concession matrix",
            Some(Chart::ConcessionMatrix),
        ),
        (
            ViewKind::Zopa,
            "Zones of possible agreement",
            Some(Chart::Zopa),
        ),
        (ViewKind::Leverage, "Leverage", Some(Chart::Leverage)),
        (ViewKind::Timeline, "Timeline", Some(Chart::Timeline)),
    ];
    for (view, heading, chart) in views {
        h.get_by_role_and_label(Role::Button, view.label()).click();
        ui_support::settle(&mut h);
        assert_eq!(h.state().shell.view, view);
        h.get_by_role_and_label(Role::Label, heading);
        if let Some(chart) = chart {
            let (_, layout) = h
                .state()
                .shell
                .analysis
                .last_shown(chart)
                .unwrap_or_else(|| panic!("{} was not shown", chart.name()));
            if chart != Chart::Sensitivity {
                assert!(!layout.regions.is_empty(), "{} has no marks", chart.name());
            }
        }
        // Nothing changes: later frames replay the recorded chart and reuse the analysis.
        let before = counts(&h);
        h.run_steps(3);
        assert_eq!(counts(&h), before, "{} recomputed while idle", view.name());
    }
    // Nothing changed in between: one analysis of the base served all five views, plus one
    // of the first scenario, which the analysis view compares with the base.
    assert_eq!(counts(&h).0, 2);
}

#[test]
fn the_outcome_and_its_explanation_follow_an_edited_stance() {
    let mut h = harness(ScriptedDialogs::default(), ViewKind::Analysis);
    // Kursk, weights power × salience: ru 0.8*0.7 = .56 at 0, us 0.9*0.4 = .36 at 80,
    // eu 0.5*0.3 = .15 at 80, ua 0.45*0.6 = .27 at 100; total 1.34, half-way mark .67.
    // Cumulative .56 at 0, .92 at 80 -> weighted median 80.
    // Mean (0 + 28.8 + 12 + 27) / 1.34 = 67.8 / 1.34 = 50.597.
    let kursk = h
        .state()
        .doc
        .project()
        .issues
        .iter()
        .position(|i| i.id == "kursk")
        .expect("the sample has a Kursk issue");
    h.query_all_by_label("Explain")
        .nth(kursk)
        .expect("one Explain button per issue")
        .click();
    h.run();
    h.get_by_label("Outcome: 80 (the weighted median)");
    h.get_by_label("Total weight 1.34; the half-way mark is half of it: 0.67.");
    h.get_by_label_contains("first reaches the half-way mark at the stance of United States, 80:");
    h.get_by_label("Weighted mean = Σ weight × stance / Σ weight = 67.8 / 1.34 = 50.6.");

    // The United States moves to 30: cumulative .56 at 0, .92 at 30 -> median 30.
    // Mean (0 + 0.36*30 + 12 + 27) / 1.34 = 49.8 / 1.34 = 37.16.
    let computed = counts(&h).0;
    h.state_mut().doc.edit(None, |p| {
        if let Some(pos) = p
            .positions
            .iter_mut()
            .find(|q| q.party == "us" && q.issue == "kursk")
        {
            pos.stance = 30.0;
        }
    });
    h.run();
    // One edit: the base again, and the scenario compared with it (built on the base).
    assert_eq!(counts(&h).0, computed + 2);
    h.get_by_label("Outcome: 30 (the weighted median)");
    h.get_by_label("Weighted mean = Σ weight × stance / Σ weight = 49.8 / 1.34 = 37.16.");

    // Undo brings the old figures back.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.get_by_label("Outcome: 80 (the weighted median)");
}

#[test]
fn clicking_a_matrix_cell_selects_its_position_and_explains_it() {
    let mut h = harness(ScriptedDialogs::default(), ViewKind::ConcessionMatrix);
    let at = h
        .state()
        .shell
        .analysis
        .region_centre(Chart::ConcessionMatrix, Some("ua"), Some("kursk"))
        .expect("the matrix has a Ukraine × Kursk cell");
    h.hover_at(at);
    h.run();
    h.event(egui::Event::PointerButton {
        pos: at,
        button: PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    h.event(egui::Event::PointerButton {
        pos: at,
        button: PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    h.run();
    assert_eq!(
        h.state().shell.selection,
        Some(Selection::Cell {
            party: "ua".into(),
            issue: "kursk".into()
        })
    );
    // Outcome 80, Ukraine's stance 100: distance 20; pain 20 / 100 * 0.6 = 0.12.
    h.get_by_label_contains("distance 20, pain 0.12");
    h.get_by_label("Explain this cell").click();
    h.run();
    h.get_by_label("Pain = distance / 100 × salience = 20 / 100 × 0.6 = 0.12.");
    // Share = |100 - 80| / |100 - 45| = 20 / 55 = 0.36.
    h.get_by_label_contains("= |100 − 80| / |100 − 45| = 0.36.");
}

#[test]
fn export_charts_writes_the_chosen_files_into_the_chosen_folder() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("charts");
    let dialogs = ScriptedDialogs::default();
    dialogs.push(folder.clone());
    let mut h = harness(dialogs, ViewKind::Analysis);
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    h.get_by_label("Choose folder…").click();
    h.run();
    h.get_by_label("SVG").click();
    h.run();
    h.get_by_label("Export").click();
    wait_for_workers(&mut h);
    let mut names: Vec<String> = std::fs::read_dir(&folder)
        .expect("the folder was created")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "concession-matrix.svg",
            "deal-space.svg",
            "leverage.svg",
            "sensitivity.svg",
            "simulation.svg",
            "timeline.svg",
            "zopa.svg"
        ]
    );
    let svg = std::fs::read_to_string(folder.join("zopa.svg")).expect("svg");
    assert!(
        svg.starts_with("<svg") && svg.contains("width=\"1600\""),
        "{}",
        &svg[..80]
    );
    // In the dialog and in the status bar.
    assert!(h.query_all_by_label_contains("Wrote 7 files to").count() >= 1);
}

#[test]
fn a_chart_view_exports_its_chart_as_png_by_extension() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("zones.png");
    let dialogs = ScriptedDialogs::default();
    dialogs.push(path.clone());
    dialogs.push(dir.path().join("zones.pdf"));
    let mut h = harness(dialogs, ViewKind::Zopa);
    h.get_by_label("Export…").click();
    wait_for_workers(&mut h);
    let bytes = std::fs::read(&path).expect("the PNG was written");
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    // IHDR: width 1600 and height 1000, big-endian, at offsets 16 and 20.
    assert_eq!(&bytes[16..24], &[0, 0, 6, 64, 0, 0, 3, 232]);
    // An extension that is neither .svg nor .png is refused with a message.
    h.get_by_label("Export…").click();
    h.run();
    assert_eq!(h.state().modal_title(), Some("Could not export the chart"));
    h.get_by_label_contains("name the file .svg or .png");
    assert!(!dir.path().join("zones.pdf").exists());
}
