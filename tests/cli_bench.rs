//! `stancemap bench` run as the real binary, on the tiny `--quick` sizes (timings are not
//! checked: only that every step ran and the report has its shape).

use std::process::Command;

#[test]
fn quick_bench_prints_json_with_every_figure_and_keeps_its_files() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_stancemap"))
        .args(["bench", "--quick", "--json", "--dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    // Sizes in the order they ran, then the machine.
    let small = text.find("\"small\"").unwrap();
    let large = text.find("\"large\"").unwrap();
    let machine = text.find("\"machine\"").unwrap();
    assert!(small < large && large < machine, "{text}");
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    for size in ["small", "large"] {
        for key in [
            "load_ms",
            "save_ms",
            "analyze_ms",
            "deals_ms",
            "simulate_ms",
            "render_svg_ms",
            "render_png_ms",
            "brief_ms",
            "json_load_ms",
        ] {
            assert!(json[size][key].as_f64().is_some(), "{size}.{key}: {text}");
        }
        assert!(json[size].get("peak_memory_mb").is_some(), "{text}");
        let project = dir.path().join(format!("{size}.ron"));
        let check = Command::new(env!("CARGO_BIN_EXE_stancemap"))
            .arg("check")
            .arg(&project)
            .output()
            .unwrap();
        assert!(check.status.success(), "{}", project.display());
        assert!(dir.path().join(format!("{size}.json")).is_file());
    }
    assert!(json["machine"].as_str().unwrap().contains("core"), "{text}");
}

#[test]
fn quick_bench_prints_a_table() {
    let out = Command::new(env!("CARGO_BIN_EXE_stancemap"))
        .args(["bench", "--quick"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let header: Vec<&str> = text.lines().nth(1).unwrap().split_whitespace().collect();
    assert_eq!(header, ["small", "large"], "{text}");
    for row in ["load_ms", "analyze_ms", "render_png_ms", "peak memory"] {
        assert!(text.lines().any(|l| l.starts_with(row)), "{row}: {text}");
    }
}
