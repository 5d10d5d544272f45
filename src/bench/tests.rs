use super::report::{bytes, millis};
use super::system::{cpu_model, os_name, vm_hwm_kb};
use super::*;
use crate::app::ViewKind;

#[test]
fn median_is_the_middle_run() {
    assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
    // Even count: the mean of the two middle values, (2 + 3) / 2 = 2.5.
    assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), Some(2.5));
    // One slow run does not move it.
    assert_eq!(median(&[1.0, 100.0, 1.5]), Some(1.5));
    assert_eq!(median(&[7.0]), Some(7.0));
    assert_eq!(median(&[]), None);
}

#[test]
fn time_runs_warms_up_once_then_times_each_run() {
    let mut calls = 0;
    let samples = time_runs(3, &mut || {
        calls += 1;
        Ok::<(), String>(())
    })
    .unwrap();
    assert_eq!((calls, samples.len()), (4, 3));
    assert!(samples.iter().all(|ms| *ms >= 0.0));

    // Zero runs still times one, so there is always a median.
    let samples = time_runs(0, &mut || Ok::<(), String>(())).unwrap();
    assert_eq!(samples.len(), 1);

    // The first error stops the runs and is returned.
    let mut calls = 0;
    let result = time_runs(5, &mut || {
        calls += 1;
        if calls == 2 {
            Err("disk full".to_owned())
        } else {
            Ok(())
        }
    });
    assert_eq!((result, calls), (Err("disk full".to_owned()), 2));
}

#[test]
fn machine_facts_are_read_from_proc_text() {
    let status = "Name:\tstancemap\nVmPeak:\t  300000 kB\nVmHWM:\t  123456 kB\nVmRSS:\t 100 kB\n";
    assert_eq!(vm_hwm_kb(status), Some(123456));
    assert_eq!(vm_hwm_kb("Name:\tx\n"), None);
    let cpuinfo = "processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC 7B13\n\
                   processor\t: 1\nmodel name\t: AMD EPYC 7B13\n";
    assert_eq!(cpu_model(cpuinfo).as_deref(), Some("AMD EPYC 7B13"));
    assert_eq!(cpu_model("processor\t: 0\n"), None);
    let os = "NAME=\"Ubuntu\"\nPRETTY_NAME=\"Ubuntu 24.04.2 LTS\"\nID=ubuntu\n";
    assert_eq!(os_name(os).as_deref(), Some("Ubuntu 24.04.2 LTS"));
    assert!(machine().contains(std::env::consts::ARCH));
}

#[test]
fn numbers_are_short_and_readable() {
    assert_eq!(millis(0.12345), "0.123");
    assert_eq!(millis(1.234), "1.23");
    assert_eq!(millis(12.34), "12.3");
    assert_eq!(millis(1234.5), "1234"); // 1234.5 rounds half to even in format!
    assert_eq!(bytes(999), "999 B");
    assert_eq!(bytes(12_345), "12.3 KB");
    assert_eq!(bytes(4_114_831), "4.1 MB");
}

fn sample_report() -> Report {
    let spec = |parties, issues, events| GenerateSpec {
        parties,
        issues,
        events,
        seed: 1,
    };
    Report {
        sizes: vec![
            SizeReport {
                name: "small",
                spec: spec(4, 8, 10),
                positions: 32,
                file_bytes: 12_345,
                runs: 21,
                timings: vec![("load_ms", 0.4567), ("analyze_ms", 0.02)],
                peak_memory_kb: Some(10_240),
            },
            SizeReport {
                name: "large",
                spec: spec(40, 300, 3000),
                positions: 12_000,
                file_bytes: 4_114_831,
                runs: 7,
                timings: vec![("load_ms", 180.25), ("analyze_ms", 12.5)],
                peak_memory_kb: None,
            },
        ],
        machine: "Test CPU (2 cores), Linux".to_owned(),
    }
}

#[test]
fn table_has_a_column_per_size_and_a_row_per_figure() {
    let expected = "\
machine: Test CPU (2 cores), Linux
                   small        large
project           4x8x10  40x300x3000  parties x issues x events
file             12.3 KB       4.1 MB  the .ron file
runs                  21            7  median of this many
load_ms            0.457          180  load: read + parse + validate the .ron file
analyze_ms         0.020         12.5  analyze: every figure incl. sensitivity
peak memory      10.0 MB          n/a  VmHWM: the process's peak so far
";
    assert_eq!(sample_report().table(), expected);
}

#[test]
fn json_lists_sizes_in_order_then_the_machine() {
    let json = serde_json::to_string(&sample_report()).unwrap();
    // 10,240 KiB / 1024 = 10 MB; milliseconds rounded to 3 decimals; no memory -> null.
    assert_eq!(
        json,
        "{\"small\":{\"parties\":4,\"issues\":8,\"events\":10,\"positions\":32,\
         \"file_bytes\":12345,\"runs\":21,\"load_ms\":0.457,\"analyze_ms\":0.02,\
         \"peak_memory_mb\":10.0},\
         \"large\":{\"parties\":40,\"issues\":300,\"events\":3000,\"positions\":12000,\
         \"file_bytes\":4114831,\"runs\":7,\"load_ms\":180.25,\"analyze_ms\":12.5,\
         \"peak_memory_mb\":null},\
         \"machine\":\"Test CPU (2 cores), Linux\"}"
    );
}

#[test]
fn quick_run_measures_every_step_of_both_sizes() {
    let dir = tempfile::tempdir().unwrap();
    let report = run(&Size::quick(), dir.path()).unwrap();
    let json = serde_json::to_value(&report).unwrap();
    let top: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    // serde_json's map sorts keys; the order itself is checked on the string above.
    assert_eq!(top, ["large", "machine", "small"]);
    for (name, parties) in [("small", 2), ("large", 4)] {
        let size = &json[name];
        assert_eq!(size["parties"], parties);
        for (key, _) in STEP_LABELS {
            let ms = size[key].as_f64().unwrap_or(-1.0);
            assert!(ms >= 0.0, "{name}.{key} = {}", size[key]);
        }
        assert!(size["file_bytes"].as_u64().unwrap() > 0);
        if cfg!(target_os = "linux") {
            assert!(size["peak_memory_mb"].as_f64().unwrap() > 0.0);
        }
        // The files the steps read and write are where they were asked to be.
        for file in [".ron", ".json", "-saved.ron"] {
            assert!(dir.path().join(format!("{name}{file}")).is_file(), "{file}");
        }
    }
}

#[test]
fn the_json_baseline_parses_the_same_project() {
    let dir = tempfile::tempdir().unwrap();
    let fx = Fixture::new(&Size::quick()[1], dir.path()).unwrap();
    let parsed: Project = serde_json::from_str(&fx.json).unwrap();
    assert_eq!(parsed, fx.project);
    let loaded = format::load_path(&fx.path).unwrap();
    assert_eq!(loaded.project, fx.project);
    assert!(loaded.warnings.is_empty());
}

#[test]
fn frame_step_draws_every_view_of_a_tiny_project_without_recomputing() {
    let dir = tempfile::tempdir().unwrap();
    let size = &Size::quick()[0];
    let fx = Fixture::new(size, dir.path()).unwrap();
    let mut headless = frame::Headless::open(&fx.path).unwrap();
    // The project opened is the generated one, not the built-in sample.
    assert_eq!(headless.app.doc.project(), &fx.project);
    assert!(headless.frame() > 0, "a frame draws triangles");
    let times = frame::steady_per_view(&mut headless);
    assert_eq!(
        times.iter().map(|(v, _)| *v).collect::<Vec<_>>(),
        ViewKind::ALL
    );
    // Steady frames of every view again: nothing changed, so no analysis is recomputed
    // and no chart is drawn again (they are replayed).
    let analyses = headless.app.shell.analysis.analyses_computed();
    let charts = headless.app.shell.analysis.charts_drawn();
    assert!(analyses > 0 && charts > 0);
    frame::steady_per_view(&mut headless);
    assert_eq!(headless.app.shell.analysis.analyses_computed(), analyses);
    assert_eq!(headless.app.shell.analysis.charts_drawn(), charts);
    // The first frames after opening: one per view, the app's caches empty each time.
    let (headless, first) = frame::first_per_view(headless, &fx.path).unwrap();
    assert_eq!(first.len(), ViewKind::ALL.len());
    assert!(headless.app.shell.analysis.analyses_computed() <= 1);
}

#[test]
fn frame_step_reports_a_file_the_app_cannot_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.ron");
    std::fs::write(&path, "Project(").unwrap();
    let error = frame::Headless::open(&path).err().unwrap();
    assert!(error.contains("broken.ron"), "{error}");
}
