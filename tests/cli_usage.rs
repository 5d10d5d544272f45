//! The command line says what it does: a mistyped command, and no display to open on.

use std::process::{Command, Output};

fn stancemap(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_stancemap"));
    cmd.args(args)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("WAYLAND_SOCKET");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn a_mistyped_command_is_named_and_the_nearest_command_suggested() {
    let dir = tempfile::tempdir().unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_stancemap"))
        .arg("chekc")
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "stancemap: \"chekc\" is not a command, and there is no file of that name; did you \
         mean `stancemap check`? (`stancemap --help` lists them all)\n"
    );
    // A word far from every command lists them.
    let o = Command::new(env!("CARGO_BIN_EXE_stancemap"))
        .arg("zzzzzzzz")
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("the commands are check, fmt, analyze"),
        "{}",
        stderr(&o)
    );
}

#[cfg(target_os = "linux")]
#[test]
fn without_a_display_the_app_says_so_in_a_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.ron");
    std::fs::write(&file, "not read").unwrap();
    let o = stancemap(&[file.to_str().unwrap()], &[]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.starts_with("stancemap: there is no display to open the window on"),
        "{err}"
    );
    assert!(!err.contains("winit"), "{err}");
}

#[test]
fn control_characters_in_names_reach_the_terminal_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("ctl.ron");
    std::fs::write(
        &file,
        r#"Project(format: 1, title: "T\u{1b}[31mRED",
    parties: [Party(id: "a", name: "A\u{1b}]0;retitled\u{7}", role: Principal, power: 1.0)],
    issues: [Issue(id: "i", name: "I\u{1b}[2J", low: "L", high: "H")],
    positions: [Position(party: "a", issue: "i", stance: 5.0, salience: 0.5)])"#,
    )
    .unwrap();
    let path = file.to_str().unwrap();
    for command in ["analyze", "simulate"] {
        let o = stancemap(&[command, path], &[]);
        assert!(o.status.success(), "{command}: {}", stderr(&o));
        let out = String::from_utf8(o.stdout).unwrap();
        assert!(
            !out.contains('\u{1b}') && !out.contains('\u{7}'),
            "{command}: {out:?}"
        );
        assert!(out.contains("I\\u{1b}[2J"), "{command}: {out}");
    }
    let o = stancemap(&["analyze", path], &[]);
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains("T\\u{1b}[31mRED"), "{out}");
    assert!(out.contains("A\\u{1b}]0;retitled\\u{7}"), "{out}");
}

#[test]
fn generate_refuses_absurd_sizes_and_an_existing_file_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("g.ron");
    let out = out.to_str().unwrap();
    // 99,999,999 parties were once generated until the process was killed for memory.
    let huge = stancemap(&["generate", "--parties", "99999999", "--out", out], &[]);
    assert_eq!(huge.status.code(), Some(2));
    assert!(
        stderr(&huge)
            .contains("and stancemap opens project files of at most 64 MiB; ask for fewer"),
        "{}",
        stderr(&huge)
    );
    assert!(!std::path::Path::new(out).exists());
    let first = stancemap(&["generate", "--parties", "2", "--out", out], &[]);
    assert!(first.status.success(), "{}", stderr(&first));
    let written = std::fs::read(out).unwrap();
    let again = stancemap(&["generate", "--parties", "3", "--out", out], &[]);
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr(&again).contains("already exists; add --force to replace it"));
    assert_eq!(std::fs::read(out).unwrap(), written, "left as it was");
    let forced = stancemap(
        &["generate", "--parties", "3", "--out", out, "--force"],
        &[],
    );
    assert!(forced.status.success(), "{}", stderr(&forced));
    assert_ne!(std::fs::read(out).unwrap(), written);
}
