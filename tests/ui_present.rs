//! Presentation mode on the built-in ceasefire sample: F5 enters at the first event, the arrow
//! keys step forward and back through the events in date order (each step sets the date every
//! view shows), the card names what the event changed, Esc leaves and restores the date.

use eframe::egui;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use stancemap::app::App;

mod ui_support;

fn harness() -> Harness<'static, App> {
    ui_support::launch(ui_support::Launch {
        size: [1920.0, 1080.0],
        ..ui_support::Launch::default()
    })
}

fn press(h: &mut Harness<'_, App>, key: Key) {
    h.key_press_modifiers(Modifiers::NONE, key);
    h.run();
}

fn step(h: &Harness<'_, App>) -> Option<usize> {
    h.state().presenting.as_ref().map(|p| p.step)
}

#[test]
fn f5_presents_the_events_and_esc_leaves() {
    let mut h = harness();
    h.run();
    press(&mut h, Key::F5);
    // The first event (03-02): the European states take a position on guarantees.
    assert_eq!(step(&h), Some(0));
    assert_eq!(h.state().shell.as_of.as_deref(), Some("2025-03-02"));
    assert!(
        h.query_by_label_contains(
            "European states on Western troops and security guarantees: takes a position at 70"
        )
        .is_some()
    );

    // The third event (03-04): Ukraine's first shift on the scope of the ceasefire, 50.
    press(&mut h, Key::ArrowRight);
    press(&mut h, Key::ArrowRight);
    assert_eq!(step(&h), Some(2));
    assert_eq!(h.state().shell.as_of.as_deref(), Some("2025-03-04"));
    assert!(
        h.query_by_label_contains(
            "Ukraine on Scope and timing of the ceasefire: takes a position at 50"
        )
        .is_some()
    );

    press(&mut h, Key::ArrowLeft);
    assert_eq!(step(&h), Some(1));
    assert_eq!(h.state().shell.as_of.as_deref(), Some("2025-03-03"));
    // The fifth event (03-11): Ukraine accepts a full ceasefire, from its 50 of 03-04.
    for _ in 0..3 {
        press(&mut h, Key::ArrowRight);
    }
    assert!(
        h.query_by_label_contains(
            "Ukraine on Scope and timing of the ceasefire: moves from 50 to 100"
        )
        .is_some()
    );

    // Past the end it stays on the last event.
    for _ in 0..20 {
        press(&mut h, Key::ArrowRight);
    }
    assert_eq!(step(&h), Some(8));

    press(&mut h, Key::Escape);
    assert_eq!(step(&h), None);
    assert_eq!(
        h.state().shell.as_of,
        None,
        "the date from before presenting"
    );
    // The editing chrome is back.
    assert!(h.query_by_label("File").is_some());
}
