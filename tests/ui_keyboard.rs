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

/// Tab with nothing focused starts in the view, not at the File menu above it.
#[test]
fn tab_starts_in_the_view_not_the_menus() {
    let mut h = harness();
    alt_digit(&mut h, ViewKind::Positions);
    assert_eq!(focused(&h), None);
    h.key_press(Key::Tab);
    h.run();
    let (role, label) = focused(&h).expect("Tab gave the focus to a widget");
    let menus = ["File", "Edit", "View", "Help"];
    assert!(!menus.contains(&label.as_str()), "{role:?} {label:?}");
    // The focused widget lies in the central view: right of the list of views and left of the
    // inspector.
    let id = h.ctx.memory(|m| m.focused()).unwrap();
    let rect = h.ctx.read_response(id).unwrap().rect;
    let inspector = h.get_by_label("Inspector").rect();
    assert!(rect.right() < inspector.left(), "{rect:?} {label}");
    let positions_tab = h.get_by_role_and_label(Role::Button, "Positions").rect();
    assert!(rect.left() > positions_tab.right(), "{rect:?} {label}");
}

/// F6 jumps from the grid to the inspector's Stance field and back; Enter on a selected cell
/// does the same as the first F6, and Escape comes back to the grid, whose arrow keys work.
#[test]
fn f6_and_enter_jump_between_the_grid_and_the_inspector() {
    let mut h = harness();
    alt_digit(&mut h, ViewKind::Positions);
    let issues: Vec<String> = h
        .state()
        .doc
        .project()
        .issues
        .iter()
        .map(|i| i.id.clone())
        .collect();
    h.get_by_label(&format!(
        "Russia × {}",
        h.state().doc.project().issues[0].name
    ))
    .click();
    h.run();
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(focused(&h), None);

    h.key_press(Key::F6);
    h.run();
    h.run();
    assert_eq!(focused(&h), Some((Role::SpinButton, "Stance".to_owned())));
    h.key_press(Key::F6);
    h.run();
    assert_eq!(focused(&h), None, "F6 again lets go, back to the grid");
    h.key_press(Key::ArrowDown);
    h.run();
    let cell = |issue: &str| Selection::Cell {
        party: "ru".into(),
        issue: issue.to_owned(),
    };
    assert_eq!(h.state().shell.selection, Some(cell(&issues[1])));

    // Enter edits the selected cell: type a stance, Enter writes it and lets go.
    h.key_press(Key::Enter);
    h.run();
    h.run();
    assert_eq!(focused(&h), Some((Role::SpinButton, "Stance".to_owned())));
    // The field's text comes selected, so the digits typed replace it.
    h.event(egui::Event::Text("42".into()));
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(stance(h.state(), "ru", &issues[1]), Some(42.0));
    assert_eq!(focused(&h), None);
    h.key_press(Key::ArrowDown);
    h.run();
    assert_eq!(h.state().shell.selection, Some(cell(&issues[2])));

    // Escape from the field also comes back to the grid.
    h.key_press(Key::Enter);
    h.run();
    h.run();
    assert!(focused(&h).is_some());
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(focused(&h), None);
    h.key_press(Key::ArrowUp);
    h.run();
    assert_eq!(h.state().shell.selection, Some(cell(&issues[1])));
}
