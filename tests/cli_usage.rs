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
