//! Renders every chart of the test projects and the ceasefire sample, in both themes, as PNG;
//! into $STANCEMAP_CHART_DIR when set (to look at them), else into a temporary folder.

mod charts_support;

use stancemap::charts::{Chart, ChartInput, ChartOptions, Theme, export};

#[test]
fn every_chart_renders_for_every_test_project() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = std::env::var("STANCEMAP_CHART_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|_| tmp.path().to_owned());
    for (name, project, scenario) in [
        ("ceasefire", charts_support::ceasefire(), None),
        ("dragout", charts_support::ceasefire(), Some("drag-out")),
        ("big", charts_support::big(), None),
        (
            "sample",
            stancemap::format::load_path(std::path::Path::new(
                "sample_projects/ceasefire-2025.ron",
            ))
            .unwrap()
            .project,
            None,
        ),
    ] {
        let view = project.resolve(scenario).unwrap();
        let analysis = stancemap::analysis::analyze(&view);
        let options = ChartOptions::default();
        for theme in Theme::ALL {
            let input = ChartInput {
                view: &view,
                analysis: &analysis,
                theme,
                options: &options,
            };
            let out = dir.join(format!("{name}-{}", theme.name()));
            let written =
                export::write_all(&out, &Chart::ALL, export::Formats::Png, &input, 1600, 1000)
                    .unwrap();
            assert_eq!(written.len(), Chart::ALL.len());
            for path in written {
                let png = std::fs::read(&path).unwrap();
                assert_eq!(&png[..4], b"\x89PNG", "{}", path.display());
            }
        }
    }
}
