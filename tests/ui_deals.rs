//! The Deals view of the desktop app on the ceasefire sample, driven through egui_kittest:
//! the figures come from a worker thread (the view says "computing" meanwhile), there is no
//! deal in the base and a deal under the grand bargain, and Explain shows the terms.

use eframe::egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use stancemap::app::{App, ViewKind};
use std::path::PathBuf;
use std::time::Duration;

mod ui_support;

fn harness(view: ViewKind) -> Harness<'static, App> {
    ui_support::launch(ui_support::Launch {
        file: Some(PathBuf::from(ui_support::SAMPLE)),
        view: Some(view),
        size: [1440.0, 1000.0],
        ..ui_support::Launch::default()
    })
}

/// Run frames until the worker has delivered (the solver takes milliseconds; the bound
/// only keeps a broken worker from hanging the test).
fn wait_for_deals(h: &mut Harness<'_, App>) {
    ui_support::settle(h);
    assert!(
        h.query_by_label_contains("Computing the deal figures")
            .is_none(),
        "the deal figures never arrived"
    );
}

#[test]
fn the_deals_view_says_no_deal_in_the_base_and_a_deal_under_the_grand_bargain() {
    let mut h = harness(ViewKind::Deals);
    wait_for_deals(&mut h);
    // The sample as shipped; its figures are those of the reference copy the deal
    // definitions were published with (crates/core/tests/deals_reference.rs).
    h.get_by_label_contains(
        "No package that both Russia and Ukraine accept: the best Ukraine can accept still \
         leaves Russia 0.11 short of its walk-aways.",
    );
    h.get_by_label_contains(
        "The predicted outcome, taken as one package: no deal: Russia and Ukraine reject.",
    );
    h.get_by_label_contains("Russia needs about 0.11 more before it can sign.");
    // The strongest item aimed at Russia comes first.
    h.get_by_label_contains("A major deal: sanctions relief");

    h.state_mut().shell.scenario = Some("grand-bargain".to_owned());
    wait_for_deals(&mut h);
    h.get_by_label_contains(
        "A deal exists: some package leaves every Principal at least 0.11 above its walk-aways",
    );
    assert!(h.query_by_label_contains("What it would take").is_none());
    // The Nash values in the table, and Explain on Russia's: the terms add up to it.
    h.get_by_label("0.169").click();
    h.run();
    h.get_by_label_contains("Explain: Russia's value of the Nash package");
    h.get_by_label("Value: 0.169");
    // The chart is drawn from the worker's deal space, with a mark per point.
    let (_, layout) = h
        .state()
        .shell
        .analysis
        .last_shown(stancemap::charts::Chart::DealSpace)
        .expect("the deal-space chart is shown");
    assert!(layout.regions.len() >= 2, "{layout:?}");
}

#[test]
fn the_analysis_view_gives_the_deal_test_of_the_outcome() {
    let mut h = harness(ViewKind::Analysis);
    for _ in 0..500 {
        h.run();
        if h.query_by_label_contains("The predicted outcome as one package: no deal")
            .is_some()
        {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    h.get_by_label_contains(
        "The predicted outcome as one package: no deal: Russia and Ukraine reject.",
    );
    h.get_by_role_and_label(Role::Link, "Deals…").click();
    h.run();
    assert_eq!(h.state().shell.view, ViewKind::Deals);
}
