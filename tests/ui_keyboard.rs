//! "Nothing needs the mouse": a whole editing flow driven by the keyboard alone — switch
//! views with Alt+digit, Tab to a cell of the positions grid and open it with Enter, Tab
//! through the inspector's fields, type a stance, undo it with Ctrl+Z.

use eframe::egui;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use stancemap::app::{App, Selection, ViewKind};

mod ui_support;
use ui_support::{alt_digit, app as harness, stance};

/// The role and label of the widget with keyboard focus.
fn focused(h: &Harness<'_, App>) -> Option<(Role, String)> {
    h.query_by(|n| n.is_focused()).map(|n| {
        let node = n.accesskit_node();
        (node.role(), node.label().unwrap_or_default())
    })
}

/// Press Tab until `want` has focus; the labels focused on the way, in order.
fn tab_to(h: &mut Harness<'_, App>, want: &dyn Fn(Role, &str) -> bool) -> Vec<String> {
    let mut seen = Vec::new();
    for _ in 0..400 {
        h.key_press(Key::Tab);
        h.run();
        if let Some((role, label)) = focused(h) {
            if want(role, &label) {
                return seen;
            }
            seen.push(label);
        }
    }
    panic!("Tab never reached the widget; focused on the way: {seen:?}");
}

#[test]
fn select_a_cell_edit_its_stance_and_undo_with_the_keyboard_only() {
    let mut h = harness();
    alt_digit(&mut h, ViewKind::Timeline);
    assert_eq!(h.state().shell.view, ViewKind::Timeline);
    alt_digit(&mut h, ViewKind::Positions);
    assert_eq!(h.state().shell.view, ViewKind::Positions);

    // Tab to Russia's cell on the first issue and open it with Enter.
    let issue = h.state().doc.project().issues[0].clone();
    let cell = format!("Russia × {}", issue.name);
    tab_to(&mut h, &|_, label| label == cell);
    assert_eq!(
        h.state().shell.selection,
        None,
        "focus alone selects nothing"
    );
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(
        h.state().shell.selection,
        Some(Selection::Cell {
            party: "ru".into(),
            issue: issue.id.clone(),
        })
    );

    // Tab goes on into the inspector's fields, one after another.
    let before = stance(h.state(), "ru", &issue.id);
    assert!(before.is_some_and(|s| s != 65.0), "{before:?}");
    tab_to(&mut h, &|role, label| {
        role == Role::SpinButton && label == "Stance"
    });
    h.key_press(Key::Tab);
    h.run();
    // The field after the stance in the cell's form: the ideal, always there to type into.
    assert_eq!(
        focused(&h),
        Some((Role::TextInput, "Ideal".to_owned())),
        "Tab moved on to the next field"
    );
    h.key_press_modifiers(Modifiers::SHIFT, Key::Tab);
    h.run();
    assert_eq!(
        focused(&h),
        Some((Role::SpinButton, "Stance".to_owned())),
        "Shift+Tab comes back"
    );

    // Type a new stance over the old one.
    let revision = h.state().doc.revision();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.event(egui::Event::Text("65".into()));
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(stance(h.state(), "ru", &issue.id), Some(65.0));
    assert!(h.state().doc.revision() > revision);
    assert!(h.state().doc.is_dirty());

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(stance(h.state(), "ru", &issue.id), before);
    assert!(!h.state().doc.is_dirty(), "undone back to the file's state");
}
