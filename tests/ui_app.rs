//! UI flows of the desktop editor, driven through egui_kittest like a user would: by the
//! labels on screen and the keyboard, asserting on the document underneath.

use eframe::egui;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use stancemap::app::{App, ScriptedDialogs};
use std::path::{Path, PathBuf};
use std::sync::Arc;

fn sample_title(index: usize) -> String {
    stancemap::app::samples::project(index)
        .expect("the sample loads")
        .title
}

mod ui_support;
use ui_support::{Launch, launch, stance, wait_for_workers};

fn harness_with(file: Option<PathBuf>, dialogs: ScriptedDialogs) -> Harness<'static, App> {
    launch(Launch {
        file,
        dialogs,
        ..Launch::default()
    })
}

fn harness() -> Harness<'static, App> {
    ui_support::app()
}

/// Select the first cell of the grid whose party is Russia, return (party, issue) ids.
fn select_russia_cell(h: &mut Harness<'_, App>) -> (String, String) {
    let issue = h.state().doc.project().issues[0].clone();
    h.get_by_label(&format!("Russia × {}", issue.name)).click();
    h.run();
    ("ru".to_owned(), issue.id)
}

#[test]
fn starts_on_the_built_in_sample_and_opens_another_from_the_menu() {
    let mut h = harness();
    assert_eq!(h.state().doc.project().title, sample_title(0));
    assert!(!h.state().doc.is_dirty());
    assert_eq!(
        h.state().title(),
        format!("{} — stancemap", sample_title(0))
    );
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Open sample").hover();
    h.run();
    h.get_by_label(stancemap::app::samples::SAMPLES[1].title)
        .click();
    h.run();
    assert_eq!(h.state().doc.project().title, sample_title(1));
    assert_eq!(h.state().doc.path, None, "a sample is saved with Save As");
}

#[test]
fn editing_a_stance_in_the_inspector_then_undo_and_redo() {
    let mut h = harness();
    let (party, issue) = select_russia_cell(&mut h);
    let before = stance(h.state(), &party, &issue);
    assert!(before.is_some_and(|s| s != 42.0));
    h.get_by_role_and_label(Role::SpinButton, "Stance")
        .set_value_accesskit(42.0);
    h.run();
    assert_eq!(stance(h.state(), &party, &issue), Some(42.0));
    assert!(h.state().doc.is_dirty());
    assert!(h.state().title().starts_with("• "), "{}", h.state().title());

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(stance(h.state(), &party, &issue), before);
    assert!(!h.state().doc.is_dirty(), "undone back to the file's state");

    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(stance(h.state(), &party, &issue), Some(42.0));

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    assert_eq!(
        stance(h.state(), &party, &issue),
        Some(42.0),
        "Ctrl+Y redoes too"
    );
}

#[test]
fn typing_a_stance_is_one_undo_step() {
    let mut h = harness();
    let (party, issue) = select_russia_cell(&mut h);
    let before = stance(h.state(), &party, &issue);
    assert!(before.is_some_and(|s| s != 65.0));
    let revision = h.state().doc.revision();
    h.get_by_role_and_label(Role::SpinButton, "Stance").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(Role::SpinButton, "Stance")
        .type_text("65");
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(stance(h.state(), &party, &issue), Some(65.0));
    assert!(h.state().doc.revision() > revision);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(stance(h.state(), &party, &issue), before);
    assert!(!h.state().doc.can_undo());
}

#[test]
fn adding_a_party_then_deleting_it_with_its_positions_is_undoable() {
    let mut h = harness();
    let parties = h.state().doc.project().parties.len();
    let positions = h.state().doc.project().positions.len();
    h.get_by_role_and_label(Role::Button, "Parties").click();
    h.run();
    h.get_by_label("Add party").click();
    h.run();
    assert_eq!(h.state().doc.project().parties.len(), parties + 1);
    let new_id = h.state().doc.project().parties[parties].id.clone();
    assert_eq!(new_id, "new-party");

    // Fill one empty cell of the new party with a click.
    h.get_by_role_and_label(Role::Button, "Positions").click();
    h.run();
    let issue = h.state().doc.project().issues[0].clone();
    h.get_by_label(&format!("New party × {}", issue.name))
        .click();
    h.run();
    assert!(
        h.state()
            .doc
            .project()
            .position(&new_id, &issue.id)
            .is_some()
    );
    assert_eq!(h.state().doc.project().positions.len(), positions + 1);

    // Delete it from the inspector: asked first, with what goes with it.
    h.get_by_role_and_label(Role::Button, "Parties").click();
    h.run();
    h.get_by_label("New party").click();
    h.run();
    h.get_by_label("Delete party…").click();
    h.run();
    assert_eq!(h.state().modal_title(), Some("Delete?"));
    h.get_by_label_contains("1 position, 0 leverage items and 0 shifts");
    h.get_by_label("Delete party").click();
    h.run();
    assert_eq!(h.state().modal_title(), None);
    assert_eq!(h.state().doc.project().parties.len(), parties);
    assert_eq!(h.state().doc.project().positions.len(), positions);

    // One undo brings back the party and its position together.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc.project().parties.len(), parties + 1);
    assert!(
        h.state()
            .doc
            .project()
            .position(&new_id, &issue.id)
            .is_some()
    );
}

/// Deleting a party says all that goes with it, down to a scenario's power override and its
/// place in events' "who acted"; the other parties keep their colours.
#[test]
fn deleting_a_party_lists_everything_and_leaves_the_other_colours_alone() {
    let mut h = harness();
    let colours = |h: &Harness<'_, App>| -> Vec<(String, String)> {
        let p = h.state().doc.project();
        p.parties
            .iter()
            .map(|x| (x.id.clone(), p.party_color(&x.id).to_owned()))
            .collect()
    };
    let before = colours(&h);
    h.get_by_role_and_label(Role::Button, "Parties").click();
    h.run();
    h.get_by_label("Russia").click();
    h.run();
    h.get_by_label("Delete party…").click();
    h.run();
    assert_eq!(h.state().modal_title(), Some("Delete?"));
    h.get_by_label_contains("2 scenario power overrides");
    h.get_by_label_contains("and its place in 10 events' who acted.");
    h.get_by_label("Delete party").click();
    h.run();
    let after = colours(&h);
    let kept: Vec<(String, String)> = before.into_iter().filter(|(id, _)| id != "ru").collect();
    assert_eq!(after, kept);
}

#[test]
fn save_to_a_file_and_reload_it_gives_the_same_project() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("saved.ron");
    let dialogs = ScriptedDialogs::default();
    dialogs.push(path.clone());
    let mut h = harness_with(None, dialogs);
    let (party, issue) = select_russia_cell(&mut h);
    h.get_by_role_and_label(Role::SpinButton, "Stance")
        .set_value_accesskit(33.0);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    wait_for_workers(&mut h);
    assert_eq!(h.state().doc.path.as_deref(), Some(path.as_path()));
    assert!(!h.state().doc.is_dirty());
    let loaded = stancemap::format::load_path(&path).expect("the saved file loads");
    assert_eq!(&loaded.project, h.state().doc.project());
    assert_eq!(
        loaded.project.position(&party, &issue).map(|p| p.stance),
        Some(33.0)
    );

    // Reopen it in a fresh window.
    let h2 = harness_with(Some(path.clone()), ScriptedDialogs::default());
    assert_eq!(h2.state().doc.project(), h.state().doc.project());
    assert_eq!(h2.state().doc.path.as_deref(), Some(path.as_path()));
}

fn request_close(h: &mut Harness<'_, App>) {
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.run();
}

fn make_dirty(h: &mut Harness<'_, App>) {
    select_russia_cell(h);
    h.get_by_role_and_label(Role::SpinButton, "Stance")
        .set_value_accesskit(77.0);
    h.run();
    assert!(h.state().doc.is_dirty());
}

#[test]
fn closing_with_unsaved_changes_asks_first() {
    let mut h = harness();
    make_dirty(&mut h);
    request_close(&mut h);
    assert_eq!(h.state().modal_title(), Some("Unsaved changes"));
    assert!(!h.state().is_closing());
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(h.state().modal_title(), None);
    assert!(!h.state().is_closing());
    assert!(h.state().doc.is_dirty(), "cancel keeps the changes");

    request_close(&mut h);
    h.get_by_label("Discard changes").click();
    wait_for_workers(&mut h);
    assert!(h.state().is_closing());
}

#[test]
fn closing_a_clean_project_does_not_ask() {
    let mut h = harness();
    request_close(&mut h);
    assert_eq!(h.state().modal_title(), None);
    assert!(h.state().is_closing());
}

#[test]
fn a_file_that_fails_to_load_leaves_the_open_project_unchanged() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, "Project(\n    format: 1,\n    title: 12,\n)\n").expect("write");
    let dialogs = ScriptedDialogs::default();
    dialogs.push(bad.clone());
    let mut h = harness_with(None, dialogs);
    make_dirty(&mut h);
    let before = h.state().doc.project().clone();
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    // Dirty: the guard asks first; discard, then the open fails.
    assert_eq!(h.state().modal_title(), Some("Unsaved changes"));
    h.get_by_label("Discard changes").click();
    wait_for_workers(&mut h);
    assert_eq!(
        h.state().modal_title(),
        Some("The file could not be opened")
    );
    h.get_by_label_contains(&format!("{}:3:", bad.display()));
    assert_eq!(h.state().doc.project(), &before);
    assert!(h.state().doc.is_dirty(), "the open project is untouched");
    h.get_by_label("OK").click();
    h.run();
    assert_eq!(h.state().modal_title(), None);
}

#[test]
fn a_bad_file_named_at_start_still_opens_the_window_with_its_errors() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bad = dir.path().join("broken.ron");
    std::fs::write(&bad, "not ron at all").expect("write");
    let h = harness_with(Some(bad.clone()), ScriptedDialogs::default());
    assert_eq!(
        h.state().modal_title(),
        Some("The file could not be opened")
    );
    h.get_by_label_contains(&format!("{}:1:", bad.display()));
    assert_eq!(h.state().doc.path, None);
}

#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

fn drop_file(h: &mut Harness<'_, App>, path: &Path) {
    h.input_mut()
        .dropped_files
        .push(Arc::new(Dropped(path.to_path_buf())));
    h.run();
}

#[test]
fn a_dropped_project_file_opens_behind_the_guard() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("other.ron");
    let other = stancemap::model::Project {
        title: "Dropped project".into(),
        ..Default::default()
    };
    stancemap::format::save_atomic(&path, &other).expect("save");

    let mut h = harness();
    make_dirty(&mut h);
    drop_file(&mut h, &path);
    assert_eq!(h.state().modal_title(), Some("Unsaved changes"));
    h.get_by_label("Discard changes").click();
    wait_for_workers(&mut h);
    assert_eq!(h.state().doc.project().title, "Dropped project");
    assert_eq!(h.state().doc.path.as_deref(), Some(path.as_path()));
    assert_eq!(h.state().settings.recent.first(), Some(&path));

    // Not a .ron file: refused with a message, nothing changes.
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "hello").expect("write");
    drop_file(&mut h, &text);
    assert_eq!(h.state().modal_title(), Some("Not a project file"));
    assert_eq!(h.state().doc.project().title, "Dropped project");
}

#[test]
fn every_view_renders_for_the_sample_and_an_empty_project() {
    let mut h = harness();
    for view in stancemap::app::ViewKind::ALL {
        ui_support::show(&mut h, view);
        assert_eq!(h.state().shell.view, view);
    }
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    assert_eq!(h.state().doc.project().parties.len(), 0);
    for view in stancemap::app::ViewKind::ALL {
        ui_support::show(&mut h, view);
        assert_eq!(h.state().shell.view, view);
    }
}

/// A project of `parties` x `issues` with every cell filled.
fn large_project(parties: usize, issues: usize) -> stancemap::model::Project {
    use stancemap::model::{Issue, Party, Position, Project, Role};
    let mut p = Project {
        title: "Large".into(),
        ..Project::default()
    };
    p.parties = (1..=parties)
        .map(|i| Party {
            id: format!("p{i}"),
            name: format!("Party {i}"),
            role: if i % 3 == 0 {
                Role::Stakeholder
            } else {
                Role::Principal
            },
            power: (i % 10) as f64 / 10.0,
            color: None,
            notes: String::new(),
        })
        .collect();
    p.issues = (1..=issues)
        .map(|i| Issue {
            id: format!("i{i}"),
            name: format!("Issue {i}"),
            low: "low".into(),
            high: "high".into(),
            marks: vec![],
            notes: String::new(),
        })
        .collect();
    for party in 1..=parties {
        for issue in 1..=issues {
            p.positions.push(Position {
                party: format!("p{party}"),
                issue: format!("i{issue}"),
                stance: ((party * 7 + issue * 13) % 101) as f64,
                ideal: None,
                walk_away: Some(((party * 3 + issue) % 101) as f64),
                salience: ((party + issue) % 10) as f64 / 10.0,
                red_line: (party + issue) % 17 == 0,
                rationale: String::new(),
                sources: vec![],
            });
        }
    }
    p
}

#[test]
fn the_positions_grid_lays_out_only_the_visible_rows_of_a_large_project() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("large.ron");
    stancemap::format::save_atomic(&path, &large_project(40, 300)).expect("save");
    let mut h = harness_with(Some(path), ScriptedDialogs::default());
    assert_eq!(h.state().doc.project().positions.len(), 12_000);
    h.run();
    assert!(h.query_by_label("Party 1 × Issue 1").is_some());
    // Rows far below the window are not laid out at all (ScrollArea::show_rows).
    assert!(h.query_by_label("Party 1 × Issue 300").is_none());
    assert!(h.query_by_label("Party 1 × Issue 120").is_none());
}

/// Thousands of parties would be thousands of columns laid out every frame: the grid pages
/// through them, 40 at a time, and the page follows the selection.
#[test]
fn the_positions_grid_pages_through_many_parties() {
    use stancemap::app::Selection;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("wide.ron");
    stancemap::format::save_atomic(&path, &large_project(100, 3)).expect("save");
    let mut h = harness_with(Some(path), ScriptedDialogs::default());
    h.run();
    h.get_by_label("Parties 1–40 of 100");
    assert!(h.query_by_label("Party 1 × Issue 1").is_some());

    // The arrow key past the page's last column turns the page.
    let party = |h: &Harness<'_, App>, i: usize| h.state().doc.project().parties[i].id.clone();
    let issue = h.state().doc.project().issues[0].id.clone();
    h.state_mut().shell.selection = Some(Selection::Cell {
        party: party(&h, 39),
        issue,
    });
    h.run();
    h.key_press(Key::ArrowRight);
    h.run();
    let p41 = party(&h, 40);
    assert!(matches!(
        &h.state().shell.selection,
        Some(Selection::Cell { party, .. }) if *party == p41
    ));
    h.get_by_label("Parties 41–80 of 100");
    assert!(h.query_by_label("Party 1 × Issue 1").is_none());

    // The buttons page on to the last, shorter page, and back.
    h.get_by_label("Next parties >").click();
    h.run();
    h.get_by_label("Parties 81–100 of 100");
    assert!(h.query_by_label("Party 81 × Issue 1").is_some());
    h.get_by_label("< Previous parties").click();
    h.run();
    h.get_by_label("Parties 41–80 of 100");
}

#[test]
fn every_inspector_form_renders_in_the_base_and_in_a_scenario() {
    use stancemap::app::Selection;
    let mut h = harness();
    let project = h.state().doc.project().clone();
    let mut selections = vec![
        Selection::Party(project.parties[0].id.clone()),
        Selection::Issue(project.issues[0].id.clone()),
        Selection::Leverage {
            scenario: None,
            index: 0,
        },
        Selection::Event {
            scenario: None,
            index: 0,
        },
        Selection::Source(0),
        Selection::Scenario(project.scenarios[0].id.clone()),
    ];
    selections.push(Selection::Event {
        scenario: Some(project.scenarios[0].id.clone()),
        index: 0,
    });
    for scenario in [None, Some(project.scenarios[0].id.clone())] {
        h.state_mut().shell.scenario = scenario;
        for view in stancemap::app::ViewKind::ALL {
            for selection in &selections {
                h.state_mut().shell.view = view;
                h.state_mut().shell.selection = Some(selection.clone());
                ui_support::settle(&mut h);
            }
        }
    }
    assert_eq!(h.state().doc.project(), &project, "looking changes nothing");
}

#[test]
fn a_whole_slider_drag_is_one_undo_step() {
    let mut h = harness();
    let (party, issue) = select_russia_cell(&mut h);
    let before = stance(h.state(), &party, &issue);
    let slider = h.get_by_role_and_label(Role::Slider, "Stance").rect();
    let y = slider.center().y;
    h.drag_at(egui::pos2(slider.left() + 2.0, y));
    h.run();
    for step in 1..=8 {
        h.hover_at(egui::pos2(slider.left() + 12.0 * step as f32, y));
        h.run();
    }
    h.drop_at(egui::pos2(slider.right() - 2.0, y));
    h.run();
    let after = stance(h.state(), &party, &issue).unwrap_or_default();
    assert!(after > 90.0, "dragged to the right end: {after}");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(stance(h.state(), &party, &issue), before);
    assert!(!h.state().doc.can_undo(), "the drag was a single step");
}

#[test]
fn go_to_from_a_warning_in_a_scenario_shows_that_scenario_with_the_item_selected() {
    let mut h = harness();
    let id = h.state().doc.project().scenarios[1].id.clone();
    // A stance on the wrong side of its own walk-away, in the scenario's positions.
    h.state_mut().doc.edit(None, |p| {
        let pos = &mut p.scenarios[1].positions[0];
        (pos.stance, pos.ideal, pos.walk_away) = (40.0, Some(100.0), Some(60.0));
    });
    let pos = h.state().doc.project().scenarios[1].positions[0].clone();
    h.run();
    h.key_press(Key::F8);
    h.run();
    assert_eq!(h.state().modal_title(), Some("Warnings"));
    h.get_by_label("Go to").click();
    h.run();
    assert_eq!(h.state().modal_title(), None);
    let shell = &h.state().shell;
    assert_eq!(shell.view, stancemap::app::ViewKind::Positions);
    assert_eq!(shell.scenario, Some(id));
    assert_eq!(
        shell.selection,
        Some(stancemap::app::Selection::Cell {
            party: pos.party,
            issue: pos.issue
        })
    );
}

#[test]
fn opening_another_project_shows_its_own_warnings() {
    // A project with warnings (a stance beyond its own walk-away), then one without: both
    // open at revision 1, and the status bar must not keep the first one's count.
    let dir = tempfile::tempdir().expect("temp dir");
    let sample = std::fs::read_to_string(ui_support::SAMPLE).expect("the sample");
    let warned = dir.path().join("warned.ron");
    std::fs::write(
        &warned,
        sample.replacen("stance: 10.0,", "stance: 44.0,", 1),
    )
    .unwrap();
    let clean = PathBuf::from("sample_projects/river-basin.ron");
    let dialogs = ScriptedDialogs::default();
    dialogs.push(clean.clone());
    let mut h = harness_with(Some(warned), dialogs);
    assert!(!h.state_mut().warnings().is_empty());
    assert!(h.query_all_by_label_contains(" warning").next().is_some());
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    wait_for_workers(&mut h);
    assert_eq!(h.state().doc.path.as_deref(), Some(clean.as_path()));
    assert_eq!(h.state_mut().warnings(), &[]);
    h.get_by_label("No warnings");
}
