//! Time travel in the app: Alt+Left and Alt+Right step the date every view shows through the
//! events of the built-in ceasefire sample, Alt+End returns to the project as written.
//! The sample's event dates: 03-02, 03-03, 03-04, 03-05, 03-11 (two), 03-12, 03-13 (two).

use eframe::egui;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use stancemap::app::App;

mod ui_support;

fn harness() -> Harness<'static, App> {
    ui_support::launch(ui_support::Launch {
        size: [1440.0, 900.0],
        ..ui_support::Launch::default()
    })
}

fn alt(h: &mut Harness<'_, App>, key: Key) {
    h.key_press_modifiers(Modifiers::ALT, key);
    h.run();
}

/// (as-of date, number of events shown, Ukraine's stance on the ceasefire's scope, whether
/// Russia has a position on Kursk yet).
fn shown(h: &mut Harness<'_, App>) -> (Option<String>, usize, Option<f64>, bool) {
    let app = h.state_mut();
    let view = app.shell.resolved(&app.doc);
    let ua_scope = view
        .project
        .position("ua", "ceasefire-scope")
        .map(|p| p.stance);
    let ru_kursk = view.project.position("ru", "kursk").is_some();
    (
        app.shell.as_of.clone(),
        view.project.events.len(),
        ua_scope,
        ru_kursk,
    )
}

#[test]
fn stepping_through_the_events_changes_what_every_view_shows() {
    let mut h = harness();
    h.run();
    // As written: all nine events, Ukraine at 100 (its 03-11 shift), Russia on Kursk.
    assert_eq!(shown(&mut h), (None, 9, Some(100.0), true));

    for _ in 0..4 {
        alt(&mut h, Key::ArrowLeft);
    }
    // Back four dates: 03-13, 03-12, 03-11, 03-05. Ukraine's last shift by 03-05 is 50
    // (03-04); Russia's first Kursk shift is 03-12, so it has no position yet.
    assert_eq!(
        shown(&mut h),
        (Some("2025-03-05".to_owned()), 4, Some(50.0), false)
    );

    alt(&mut h, Key::ArrowRight);
    assert_eq!(
        shown(&mut h),
        (Some("2025-03-11".to_owned()), 6, Some(100.0), false)
    );

    // Back before the first event and it stays at the first date.
    for _ in 0..10 {
        alt(&mut h, Key::ArrowLeft);
    }
    assert_eq!(shown(&mut h).0.as_deref(), Some("2025-03-02"));

    alt(&mut h, Key::End);
    assert_eq!(shown(&mut h), (None, 9, Some(100.0), true));
    // Forward from the present stays in the present.
    alt(&mut h, Key::ArrowRight);
    assert_eq!(shown(&mut h).0, None);
}
