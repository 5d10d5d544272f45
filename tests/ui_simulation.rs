//! The Simulation view on the ceasefire sample, driven through egui_kittest: the simulation
//! arrives from its background thread, the chosen round's moves are told in sentences, the
//! end state sits beside the static outcome, idle frames recompute nothing, and an edit
//! starts a new simulation.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use stancemap::app::{App, ViewKind, simulation_cache};
use stancemap::charts::Chart;
use std::path::PathBuf;
use std::time::Duration;

mod ui_support;

fn harness() -> Harness<'static, App> {
    ui_support::launch(ui_support::Launch {
        file: Some(PathBuf::from(ui_support::SAMPLE)),
        view: Some(ViewKind::Simulation),
        ..ui_support::Launch::default()
    })
}

/// Let the background simulation finish, then draw.
fn settle(h: &mut Harness<'static, App>) {
    assert!(simulation_cache::wait(
        &mut h.state_mut().shell,
        Duration::from_secs(60)
    ));
    h.run();
}

#[test]
fn the_view_tells_the_rounds_and_compares_the_end_with_the_static_outcome() {
    let mut h = harness();
    settle(&mut h);
    assert_eq!(h.state().shell.simulation.computed(), 1);
    // The first issue with a move is the ceasefire's scope; round 1 is shown first. Weights
    // and stances as in the CLI test of the same sample: Europe gives in to Russia.
    assert_eq!(
        h.state().shell.simulation_view.issue.as_deref(),
        Some("ceasefire-scope")
    );
    h.get_by_label("Round 1");
    h.get_by_label_contains(
        "European states loses a confrontation to Russia and moves from 100 to 10",
    );
    h.get_by_label("After 10 rounds");
    h.get_by_label_contains("Settled: nobody moved after round 1");
    h.get_by_label("Static (analysis)");
    let (_, layout) = h
        .state()
        .shell
        .analysis
        .last_shown(Chart::Simulation)
        .expect("the chart was shown");
    // One hover column per round, 0 to 10.
    assert_eq!(layout.regions.len(), 11);

    // Idle frames: nothing recomputed, the chart replayed.
    let drawn = h.state().shell.analysis.charts_drawn();
    h.run_steps(3);
    assert_eq!(h.state().shell.simulation.computed(), 1);
    assert_eq!(h.state().shell.analysis.charts_drawn(), drawn);

    // A later round: nobody moves.
    h.state_mut().shell.simulation_view.round = 4;
    h.run();
    h.get_by_label("Round 4");
    h.get_by_label("Nobody moves in this round: no party expects to lose a challenge.");

    // An edit: Europe already at 10 on scope, so nobody needs to give in.
    h.state_mut().doc.edit(None, |p| {
        if let Some(pos) = p
            .positions
            .iter_mut()
            .find(|q| q.party == "eu" && q.issue == "ceasefire-scope")
        {
            pos.stance = 10.0;
        }
    });
    h.run();
    assert!(h.state().shell.simulation.is_running() || h.state().shell.simulation.computed() == 2);
    settle(&mut h);
    assert_eq!(h.state().shell.simulation.computed(), 2);
}
