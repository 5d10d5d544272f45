//! Hostile files not covered by `format_loader.rs`: inputs of megabytes built to make the
//! reader slow or its messages huge. For each: `check` and `fmt` exit 1 (no
//! panic) with one short, clear message, and the file is left byte for byte as it was, with
//! no backup or temporary file beside it.

use std::path::Path;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_stancemap");
const MB: usize = 1_000_000;
/// Big enough that anything slower than linear (or a recursion per byte) would hang or
/// overflow the stack, small enough for a debug build to read in a moment. The 64 MiB
/// limit on a file's size keeps every accepted file within a small factor of this.
const BIG: usize = 8 * MB;
/// A single name of this length once made a message of megabytes and a suggestion that
/// took minutes (quadratic in the name).
const LONG_NAME: usize = 4 * MB;

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Write `bytes` as `f.ron`, run `check` and `fmt` on it, and return the one line each
/// printed (they must agree); the file must be unchanged and alone in its folder.
fn refused(bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("f.ron");
    std::fs::write(&path, bytes).unwrap();
    let mut lines = Vec::new();
    for command in ["check", "fmt"] {
        let out = Command::new(BIN)
            .arg(command)
            .arg("f.ron")
            .current_dir(dir.path())
            .output()
            .unwrap();
        let stdout = String::from_utf8(out.stdout).unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(1), "{command}: {stderr}");
        assert_eq!(
            stdout.lines().count(),
            1,
            "{command}: one line, got {stdout:.500}"
        );
        assert!(
            stdout.len() < 400,
            "{command}: a short message, got {stdout:.500}"
        );
        assert!(stderr.ends_with("1 with errors\n"), "{command}: {stderr}");
        lines.push(stdout.trim_end().to_owned());
    }
    assert_eq!(lines[0], lines[1], "check and fmt report the same problem");
    assert!(
        std::fs::read(&path).unwrap() == bytes,
        "the file was changed"
    );
    assert_eq!(names(dir.path()), ["f.ron"], "no backup or temporary file");
    lines.remove(0)
}

#[test]
fn a_huge_unknown_field_name_is_quoted_short_and_not_compared_with_every_field() {
    // LONG_NAME of `a`: the message once held all of it, and suggesting a field took minutes.
    let text = format!(
        "Project(format: 1, title: \"T\", {}: 1)",
        "a".repeat(LONG_NAME)
    );
    assert_eq!(
        refused(text.as_bytes()),
        format!(
            "f.ron:1:32: error: unknown field `{}…` in Project; the fields of Project are: \
             format, title, summary, as_of, outcome, sources, parties, issues, positions, \
             leverage, events, scenarios",
            "a".repeat(59)
        )
    );
}

#[test]
fn a_huge_unknown_role_or_item_name_is_quoted_short() {
    let role = format!(
        "Project(format: 1, title: \"T\", parties: [Party(id: \"a\", name: \"A\", role: {}, \
         power: 0.5)], issues: [], positions: [])",
        "P".repeat(LONG_NAME)
    );
    assert_eq!(
        refused(role.as_bytes()),
        format!(
            "f.ron:1:74: error: unknown role `{}…`; use one of: Principal, Mediator, \
             Stakeholder",
            "P".repeat(59)
        )
    );
    let item = format!(
        "Project(format: 1, title: \"T\", parties: [{}(id: \"a\")], issues: [], positions: [])",
        "P".repeat(LONG_NAME)
    );
    assert_eq!(
        refused(item.as_bytes()),
        format!(
            "f.ron:1:42: error: found `{}…(` where a `Party(` belongs; write `Party(`",
            "P".repeat(59)
        )
    );
}

#[test]
fn megabytes_of_brackets_or_comment_openers_stop_at_once() {
    // Nested lists before `format`: the version probe and the parser both stop at the
    // nesting limit instead of recursing millions of levels deep.
    let brackets = format!("Project(title: {}", "[".repeat(BIG));
    assert_eq!(
        refused(brackets.as_bytes()),
        "f.ron:1:16: error: expected text in double quotes, such as \"Russia\""
    );
    // Millions of nested `/*`, never closed: located at one of the innermost (every one of
    // them is unclosed).
    let comments = format!("Project(format: 1, {}", "/*".repeat(BIG / 2));
    assert_eq!(
        refused(comments.as_bytes()),
        format!(
            "f.ron:1:{}: error: a `/*` comment is never closed; add `*/`",
            BIG + 16
        )
    );
}

#[test]
fn megabytes_of_unclosed_text_or_digits_are_refused_where_they_start() {
    let string = format!("Project(format: 1, title: \"{}", "x".repeat(BIG));
    assert_eq!(
        refused(string.as_bytes()),
        "f.ron:1:27: error: this text is not closed; add the closing double quote `\"`"
    );
    let digits = format!("Project(format: {})", "9".repeat(BIG));
    assert_eq!(
        refused(digits.as_bytes()),
        "f.ron:1:17: error: this whole number is too large (or negative)"
    );
}

#[test]
fn a_bad_byte_after_megabytes_is_located() {
    let mut bytes = b"Project(format: 1, title: \"".to_vec();
    bytes.resize(bytes.len() + BIG, b'x');
    bytes.extend_from_slice(b"\xff\")");
    assert_eq!(
        refused(&bytes),
        format!(
            "f.ron:1:{}: error: the file is not UTF-8 text: this byte is not valid UTF-8. \
             Save the file with the UTF-8 encoding in your editor",
            BIG + 28
        )
    );
}

/// Run `check` on `bytes` as `f.ron`; its exit code and stdout.
fn check(bytes: &[u8]) -> (Option<i32>, String) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("f.ron"), bytes).unwrap();
    let out = Command::new(BIN)
        .args(["check", "f.ron"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    (out.status.code(), String::from_utf8(out.stdout).unwrap())
}

fn parties(n: usize, role: &str) -> String {
    (0..n)
        .map(|i| format!("Party(id:\"p{i}\",name:\"\",role:{role},power:0),"))
        .collect()
}

#[test]
fn a_huge_invalid_id_is_quoted_short() {
    let text = format!(
        "Project(format: 1, title: \"T\", parties: [Party(id: \"{}\", name: \"A\", role: \
         Mediator, power: 0.5)], issues: [], positions: [])",
        "A".repeat(LONG_NAME)
    );
    refused(text.as_bytes());
}

#[test]
fn a_hundred_thousand_references_are_checked_in_linear_time() {
    // About 11 MB: 100 000 parties, one issue, and a position of each party on it; a check
    // comparing every reference with every item would make 10^10 comparisons.
    let n = 100_000;
    let positions: String = (0..n)
        .map(|i| format!("Position(party:\"p{i}\",issue:\"i\",stance:1,salience:0),"))
        .collect();
    let text = format!(
        "Project(format:1,title:\"T\",parties:[{}],issues:[Issue(id:\"i\",name:\"\",low:\"\",\
         high:\"\")],positions:[{positions}])",
        parties(n, "Mediator")
    );
    assert_eq!(check(text.as_bytes()), (Some(0), "f.ron: ok\n".to_owned()));
}

#[test]
fn a_small_file_cannot_flood_the_output_with_warnings() {
    // 3000 Principals and 3000 issues, no positions: a 270 kB file.
    let issues: String = (0..3000)
        .map(|i| format!("Issue(id:\"i{i}\",name:\"\",low:\"\",high:\"\"),"))
        .collect();
    let text = format!(
        "Project(format:1,title:\"T\",parties:[{}],issues:[{issues}],positions:[])",
        parties(3000, "Principal")
    );
    let (code, stdout) = check(text.as_bytes());
    assert_eq!(code, Some(0));
    assert!(
        stdout.lines().count() <= 3001,
        "at most one warning per party"
    );
}

#[cfg(target_os = "linux")]
#[test]
fn a_named_pipe_is_refused_without_waiting_for_a_writer() {
    use std::os::unix::fs::OpenOptionsExt;
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("f.ron");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let mut child = Command::new(BIN)
        .args(["check", "f.ron"])
        .current_dir(dir.path())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Never hang the test: if `check` waits on the pipe, open it for writing (without
    // blocking: O_NONBLOCK) and close it, which ends the wait with an empty read.
    const O_NONBLOCK: i32 = 0o4000;
    while child.try_wait().unwrap().is_none() {
        let writer = std::fs::OpenOptions::new()
            .write(true)
            .custom_flags(O_NONBLOCK)
            .open(&fifo);
        drop(writer);
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.starts_with("f.ron: error: this is not a regular file"),
        "{stdout}"
    );
}
