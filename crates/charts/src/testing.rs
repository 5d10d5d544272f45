//! What the charts' layout tests share: a made-up font whose widths can be counted, the
//! sample projects, and a tolerant comparison of computed px.

use crate::canvas::Measure;
use crate::model::Project;
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
