//! What the charts' layout tests share: a made-up font whose widths can be counted, the
//! sample projects, a chart exported as SVG, and a tolerant comparison of computed px.

use crate::canvas::Measure;
use crate::model::Project;
use crate::{Chart, ChartInput, ChartLayout, ChartOptions, Theme, analysis, export};
use std::path::Path;

/// Each character `size / 2` px wide (5 px at 10 px), so that widths can be counted.
pub struct Mono;

impl Measure for Mono {
    fn measure(&self, text: &str, size: f64) -> f64 {
        text.chars().count() as f64 * size * 0.5
    }
}

/// The sample project `sample_projects/<stem>.ron` of the workspace.
pub fn sample(stem: &str) -> Project {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../sample_projects")
        .join(format!("{stem}.ron"));
    stancemap_core::format::load_path(&path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .project
}

/// `a` and `b` equal but for float rounding.
pub fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

/// `chart` of `project`'s base, light, exported as SVG at 1600 x 1000: the SVG and the
/// regions it marks for hover and click.
pub fn export_base(project: &Project, chart: Chart) -> (String, ChartLayout) {
    let view = project.resolve(None).unwrap();
    let a = analysis::analyze(&view);
    let options = ChartOptions::default();
    let input = ChartInput {
        view: &view,
        analysis: &a,
        theme: Theme::Light,
        options: &options,
    };
    export::svg_with_layout(chart, &input, 1600, 1000).unwrap()
}
