//! Help > the user's guide: the guides of docs/ are in the program, a link between them turns
//! the page, and the keyboard page lists the shortcuts the commands really have.

use eframe::egui;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;

mod ui_support;

#[test]
fn the_guide_opens_from_the_help_menu_and_its_links_turn_the_page() {
    let mut h = ui_support::app();
    // F1, as the Help menu shows, opens the guide at its concepts.
    h.key_press(egui::Key::F1);
    h.run();
    h.get_by_label("The words stancemap uses, as the rest of this guide uses them.");
    assert!(h.query_all_by_label("Walk-away").next().is_some());
    h.get_by_label("Reading the analysis").click();
    h.run();
    assert!(
        h.query_by_label("User's guide").is_some(),
        "the window opened"
    );
    h.get_by_label("Analysis: what every figure means");
    assert!(
        h.query_by_label("Deals: could every Principal sign one package?")
            .is_none()
    );

    // "(see [Deals](deals.md))" in the analysis guide: the link opens the Deals guide.
    let first_link = |h: &egui_kittest::Harness<'_, stancemap::app::App>| {
        h.query_all_by_role_and_label(Role::Link, "Deals")
            .next()
            .unwrap()
            .rect()
    };
    h.query_all_by_role_and_label(Role::Link, "Deals")
        .next()
        .unwrap()
        .scroll_to_me();
    h.run();
    let rect = first_link(&h);
    h.query_all_by_role_and_label(Role::Link, "Deals")
        .next()
        .unwrap()
        .click();
    assert!(rect.max.y < 840.0, "the link is on screen: {rect:?}");
    h.run();
    h.get_by_label("Deals: could every Principal sign one package?");
    assert!(
        h.query_by_label("Analysis: what every figure means")
            .is_none()
    );

    // Help > Keyboard shortcuts: written from the commands, so F6 and Ctrl+S are there.
    h.get_by_role_and_label(Role::Button, "Help").click();
    h.run();
    h.get_by_label("Keyboard shortcuts").click();
    h.run();
    h.get_by_label("Switch between view and inspector");
    for keys in ["F6", "Ctrl+S", "Ctrl+Shift+E"] {
        assert!(h.query_all_by_label(keys).next().is_some(), "{keys}");
    }
}
