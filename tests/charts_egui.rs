//! The egui backend draws every chart, in both themes, inside a real egui frame, as a user
//! sees it: the page in the theme's background, the title written in the text colour at
//! the top left, the names on the marks, and the pointer over a mark finding that mark.

mod charts_support;

use eframe::egui;
use stancemap::charts::{
    self, Chart, ChartInput, ChartLayout, ChartOptions, Rgb, Theme, egui_backend,
};

/// The texts painted, with their top-left corner and colour.
fn texts(shapes: &[egui::epaint::ClippedShape]) -> Vec<(String, egui::Pos2, egui::Color32)> {
    shapes
        .iter()
        .filter_map(|s| match &s.shape {
            egui::Shape::Text(t) => Some((t.galley.text().to_owned(), t.pos, t.fallback_color)),
            _ => None,
        })
        .collect()
}

fn color32(c: Rgb) -> egui::Color32 {
    egui::Color32::from_rgb(c.0, c.1, c.2)
}

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
                let pal = theme.palette();
                let what = format!("{} ({})", chart.name(), theme.name());
                // The first thing painted is the page, filling the chart in the background.
                let Some(egui::Shape::Rect(page)) = output.shapes.first().map(|s| &s.shape) else {
                    panic!("{what}: no page first");
                };
                assert_eq!(page.rect, rect, "{what}");
                assert_eq!(page.fill, color32(pal.background), "{what}");
                // The title, in the text colour, near the top-left corner.
                let texts = texts(&output.shapes);
                let (_, at, ink) = texts
                    .iter()
                    .find(|(t, _, _)| t == chart.title())
                    .unwrap_or_else(|| panic!("{what}: no title in {texts:?}"));
                assert_eq!(*ink, color32(pal.text), "{what}");
                assert!((*at - rect.min).length() < 40.0, "{what}: title at {at:?}");
                // The marks: well more than a header's worth of texts and shapes, and
                // regions to hover on every chart that has marks to point at.
                assert!(texts.len() >= 5, "{what}: {} texts", texts.len());
                assert!(output.shapes.len() > 20, "{what}: {}", output.shapes.len());
                if chart != Chart::Sensitivity {
                    assert!(!layout.regions.is_empty(), "{what}");
                }
                for r in &layout.regions {
                    let [x0, y0, x1, y1] = r.rect;
                    let inside = x0 >= -1.0 && y0 >= -1.0 && x1 <= 901.0 && y1 <= 601.0;
                    assert!(inside, "{what}: region {:?} off the chart", r.rect);
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
    // The title band is no cell: hovering there shows no cell's tooltip.
    assert_eq!(layout.cell_at(20.0, 20.0), None);
    // Each cell sits under its party's column name and beside its issue's row name, as
    // painted: the name's text is centred over the cell's column.
    let texts = texts(&output.shapes);
    let ru_scope = layout
        .regions
        .iter()
        .find(|r| r.party.as_deref() == Some("ru") && r.issue.as_deref() == Some("scope"))
        .unwrap();
    let [x0, y0, x1, _] = ru_scope.rect;
    let (_, at, _) = texts.iter().find(|(t, _, _)| t == "Russia").unwrap();
    assert!(
        at.y < y0 as f32,
        "Russia's name at {at:?} is above the cell at y {y0}"
    );
    assert!(
        (x0 as f32..x1 as f32).contains(&at.x),
        "Russia's name at {at:?} starts within its column {x0}..{x1}"
    );
}
