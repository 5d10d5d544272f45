//! The egui backend draws every chart, in both themes, inside a real egui frame.

mod charts_support;

use eframe::egui;
use stancemap::charts::{self, Chart, ChartInput, ChartLayout, ChartOptions, Theme, egui_backend};

#[test]
fn every_chart_draws_through_egui() {
    for (project, scenario) in [
        (charts_support::ceasefire(), Some("drag-out")),
        (charts_support::big(), None),
    ] {
        let view = project.resolve(scenario).unwrap();
        let analysis = stancemap::analysis::analyze(&view);
        let options = ChartOptions::default();
        let ctx = egui::Context::default();
        for theme in Theme::ALL {
            let input = ChartInput {
                view: &view,
                analysis: &analysis,
                theme,
                options: &options,
            };
            for chart in Chart::ALL {
                let mut result: Option<Result<ChartLayout, charts::ChartError>> = None;
                let mut rect = egui::Rect::NOTHING;
                let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
                    let (response, r) =
                        egui_backend::chart_ui(ui, egui::vec2(900.0, 600.0), |area| {
                            chart.draw(area, &input)
                        });
                    rect = response.rect;
                    result = Some(r);
                });
                // No renderer here to upload the font atlas to.
                output.textures_delta.clear();
                let layout = result.unwrap().unwrap();
                assert_eq!(rect.size(), egui::vec2(900.0, 600.0));
                // Something was painted: at least the background, the title, and the marks.
                assert!(
                    output.shapes.len() > 20,
                    "{} drew {} shapes",
                    chart.name(),
                    output.shapes.len()
                );
                if chart != Chart::Sensitivity {
                    assert!(!layout.regions.is_empty(), "{}", chart.name());
                }
            }
        }
    }
}

#[test]
fn hit_testing_maps_a_point_to_its_cell() {
    let project = charts_support::ceasefire();
    let view = project.resolve(None).unwrap();
    let analysis = stancemap::analysis::analyze(&view);
    let options = ChartOptions::default();
    let input = ChartInput {
        view: &view,
        analysis: &analysis,
        theme: Theme::Light,
        options: &options,
    };
    let ctx = egui::Context::default();
    let mut layout = None;
    let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
        let (_, r) = egui_backend::chart_ui(ui, egui::vec2(1000.0, 700.0), |area| {
            Chart::ConcessionMatrix.draw(area, &input)
        });
        layout = Some(r);
    });
    output.textures_delta.clear();
    let layout = layout.unwrap().unwrap();
    // Every cell's centre maps back to that cell's (party, issue).
    let cells: Vec<_> = layout
        .regions
        .iter()
        .filter(|r| r.party.is_some() && r.issue.is_some())
        .collect();
    assert_eq!(cells.len(), 20);
    for cell in cells {
        let [x0, y0, x1, y1] = cell.rect;
        let hit = layout.cell_at((x0 + x1) / 2.0, (y0 + y1) / 2.0);
        assert_eq!(
            hit,
            Some((
                cell.party.as_deref().unwrap(),
                cell.issue.as_deref().unwrap()
            ))
        );
    }
    let kursk_ua = layout
        .regions
        .iter()
        .find(|r| r.party.as_deref() == Some("ua") && r.issue.as_deref() == Some("kursk"))
        .unwrap();
    assert!(
        kursk_ua.tooltip.contains("BREACHES ITS RED LINE"),
        "{}",
        kursk_ua.tooltip
    );
}
