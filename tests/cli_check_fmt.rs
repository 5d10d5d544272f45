//! `stancemap check` and `stancemap fmt`, run as the real binary on files in a temporary
//! folder: exit codes, output lines and what happens to the files.

use std::path::Path;
use std::process::{Command, Output, Stdio};

/// A valid project in canonical form, without warnings.
const CANONICAL: &str = r#"Project(
    format: 1,
    title: "Talks",
    parties: [
        Party(
            id: "ru",
            name: "Russia",
            role: Principal,
            power: 0.8,
        ),
    ],
    issues: [
        Issue(
            id: "scope",
            name: "Scope",
            low: "None",
            high: "Full",
            marks: [
                Mark(at: 50.0, label: "Half"),
            ],
        ),
    ],
    positions: [
        Position(
            party: "ru",
            issue: "scope",
            stance: 20.0,
            salience: 0.7,
            sources: [],
        ),
    ],
)
"#;

/// The same project written by hand: one line, a comment, a default spelt out.
const HAND_WRITTEN: &str = "// Draft\nProject(format: 1, title: \"Talks\", parties: [Party(id: \"ru\", \
    name: \"Russia\", role: Principal, power: 0.8)], issues: [Issue(id: \"scope\", name: \
    \"Scope\", low: \"None\", high: \"Full\", marks: [Mark(at: 50, label: \"Half\")])], \
    positions: [Position(party: \"ru\", issue: \"scope\", stance: 20, salience: 0.7, \
    red_line: false)])\n";

/// Two semantic errors.
const BAD: &str = "Project(format: 1, title: \"Talks\", parties: [Party(id: \"ru\", name: \
    \"Russia\", role: Principal, power: 0.8)], issues: [Issue(id: \"scope\", name: \"Scope\", \
    low: \"None\", high: \"Full\")], positions: [Position(party: \"rus\", issue: \"scope\", \
    stance: 20.0, salience: 1.5)])\n";

/// A syntax error on line 3.
const BROKEN: &str = "Project(\n    format: 1,\n    title: \"Talks\"\n    parties: [],\n)\n";

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stancemap"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .expect("the stancemap binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn folder(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).expect("write a test file");
    }
    dir
}

/// The canonical form drops `sources: []`; the constant above keeps it to be non-canonical
/// in one place only, so strip it for the truly canonical text.
fn canonical() -> String {
    CANONICAL.replace("            sources: [],\n", "")
}

#[test]
fn check_accepts_a_valid_file() {
    let dir = folder(&[("good.ron", &canonical())]);
    let out = run(dir.path(), &["check", "good.ron"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), "good.ron: ok\n");
    assert_eq!(stderr(&out), "1 file checked: all valid\n");
}

#[test]
fn check_lists_every_problem_and_fails_on_errors() {
    let warned = canonical().replace("    issues: [\n", "    issues: [\n        Issue(id: \"kursk\", name: \"Kursk\", low: \"Russian\", high: \"Ukrainian\"),\n");
    let dir = folder(&[
        ("bad.ron", BAD),
        ("broken.ron", BROKEN),
        ("warned.ron", &warned),
    ]);
    let out = run(
        dir.path(),
        &[
            "check",
            "bad.ron",
            "broken.ron",
            "warned.ron",
            "missing.ron",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let missing = std::io::Error::from(std::io::ErrorKind::NotFound);
    assert_eq!(
        stdout(&out),
        format!(
            "bad.ron: party \"rus\" on issue \"scope\" (positions[0]): error: party \"rus\" does not exist (known parties: \"ru\"); did you mean \"ru\"?\n\
             bad.ron: party \"rus\" on issue \"scope\" (positions[0]): error: salience 1.5 is outside 0..=1; use a value from 0 to 1\n\
             bad.ron: Russia (parties[0]): warning: this Principal has no position on issue \"scope\"; add one (a Principal must consent to any deal), or make the party a Mediator or Stakeholder\n\
             broken.ron:4:5: error: expected a comma `,` between two items or fields\n\
             warned.ron: Russia (parties[0]): warning: this Principal has no position on issue \"kursk\"; add one (a Principal must consent to any deal), or make the party a Mediator or Stakeholder\n\
             warned.ron: ok, 1 warning\n\
             missing.ron: error: cannot read the file: {}\n",
            // The OS words the error; the test only pins our part of the line.
            std::fs::metadata(dir.path().join("missing.ron"))
                .err()
                .map_or_else(|| missing.to_string(), |e| e.to_string())
        )
    );
    assert_eq!(stderr(&out), "4 files checked: 3 with errors, 2 warnings\n");
}

#[test]
fn check_reads_standard_input() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_stancemap"))
        .args(["check", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the stancemap binary runs");
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().expect("a stdin pipe");
        stdin.write_all(BROKEN.as_bytes()).expect("write to stdin");
    }
    let out = child.wait_with_output().expect("the binary finishes");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stdout(&out),
        "<stdin>:4:5: error: expected a comma `,` between two items or fields\n"
    );
}

#[test]
fn check_without_files_is_a_usage_error() {
    let dir = folder(&[]);
    let out = run(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("<FILE>..."), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
}

#[test]
fn fmt_rewrites_to_canonical_form_and_then_leaves_it_alone() {
    let dir = folder(&[("talks.ron", HAND_WRITTEN)]);
    let out = run(dir.path(), &["fmt", "talks.ron"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        stdout(&out),
        "talks.ron: warning: 1 comment removed; the canonical form keeps no comments, so keep \
         notes in the `notes` and `rationale` fields\ntalks.ron: formatted\n"
    );
    assert_eq!(stderr(&out), "1 file: 1 formatted\n");
    let first = std::fs::read_to_string(dir.path().join("talks.ron")).unwrap();
    assert_eq!(first, canonical());

    let out = run(dir.path(), &["fmt", "talks.ron"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), "");
    assert_eq!(stderr(&out), "1 file: 1 already canonical\n");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("talks.ron")).unwrap(),
        first
    );
}

#[test]
fn fmt_leaves_an_invalid_file_untouched_and_reports_it_like_check() {
    let dir = folder(&[
        ("bad.ron", BAD),
        ("broken.ron", BROKEN),
        ("talks.ron", HAND_WRITTEN),
    ]);
    let out = run(dir.path(), &["fmt", "bad.ron", "broken.ron", "talks.ron"]);
    assert_eq!(out.status.code(), Some(1));
    let check = run(dir.path(), &["check", "bad.ron", "broken.ron"]);
    let fmt_lines: Vec<_> = stdout(&out).lines().map(str::to_owned).collect();
    let check_lines: Vec<_> = stdout(&check).lines().map(str::to_owned).collect();
    assert_eq!(fmt_lines[..4], check_lines[..4]);
    assert_eq!(fmt_lines[5], "talks.ron: formatted");
    assert_eq!(stderr(&out), "3 files: 1 formatted, 2 with errors\n");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("bad.ron")).unwrap(),
        BAD
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("broken.ron")).unwrap(),
        BROKEN
    );
}

#[test]
fn fmt_check_names_files_that_are_not_canonical_and_changes_nothing() {
    let dir = folder(&[
        ("draft.ron", HAND_WRITTEN),
        ("clean.ron", &canonical()),
        ("extra.ron", CANONICAL),
    ]);
    let out = run(
        dir.path(),
        &["fmt", "--check", "draft.ron", "clean.ron", "extra.ron"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stdout(&out),
        "draft.ron: not in canonical form; `stancemap fmt draft.ron` would rewrite it\n\
         extra.ron: not in canonical form; `stancemap fmt extra.ron` would rewrite it\n"
    );
    assert_eq!(
        stderr(&out),
        "3 files: 2 not canonical, 1 already canonical\n"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("draft.ron")).unwrap(),
        HAND_WRITTEN
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("extra.ron")).unwrap(),
        CANONICAL
    );

    let out = run(dir.path(), &["fmt", "--check", "clean.ron"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), "");
}

#[cfg(unix)]
#[test]
fn fmt_keeps_the_file_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = folder(&[("talks.ron", HAND_WRITTEN)]);
    let path = dir.path().join("talks.ron");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    let out = run(dir.path(), &["fmt", "talks.ron"]);
    assert_eq!(out.status.code(), Some(0));
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
    // The file and its backup (the version fmt replaced); no temporary files.
    let mut names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    names.sort();
    assert_eq!(names, ["talks.ron", "talks.ron.bak"]);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("talks.ron.bak")).unwrap(),
        HAND_WRITTEN
    );
}
