//! Chart files: SVG from plotters' SVG backend (laid out with the embedded font's metrics)
//! and PNG rendered from that SVG by resvg with the same font, so both look alike.

use super::canvas::PLOTTERS_FONT_SCALE;
use super::{Chart, ChartError, ChartInput, ChartLayout, metrics};
use plotters::prelude::*;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};
use resvg::{tiny_skia, usvg};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

/// Default export size in px: sharp when pasted into a briefing page at full width.
pub const DEFAULT_WIDTH: u32 = 1600;
pub const DEFAULT_HEIGHT: u32 = 1000;
/// Largest side accepted, to keep a PNG within a few hundred MB of memory.
pub const MAX_SIDE: u32 = 8000;
/// Smallest side in which the charts still fit their labels.
pub const MIN_SIDE: u32 = 200;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Formats {
    Svg,
    Png,
    #[default]
    Both,
}

impl Formats {
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Formats::Svg => &["svg"],
            Formats::Png => &["png"],
            Formats::Both => &["svg", "png"],
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{0}")]
    Chart(#[from] ChartError),
    #[error(
        "the image size {width}x{height} is out of range; each side must be {MIN_SIDE}..={MAX_SIDE} px"
    )]
    Size { width: u32, height: u32 },
    #[error("cannot render the SVG: {0}")]
    Render(String),
    #[error("cannot encode the PNG: {0}")]
    Encode(String),
    #[error("cannot write {}: {source}", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

fn check_size(width: u32, height: u32) -> Result<(), ExportError> {
    if (MIN_SIDE..=MAX_SIDE).contains(&width) && (MIN_SIDE..=MAX_SIDE).contains(&height) {
        Ok(())
    } else {
        Err(ExportError::Size { width, height })
    }
}

/// The chart as an SVG document of `width` x `height` px.
pub fn svg(
    chart: Chart,
    input: &ChartInput,
    width: u32,
    height: u32,
) -> Result<String, ExportError> {
    svg_with_layout(chart, input, width, height).map(|(svg, _)| svg)
}

/// The SVG and where its marks are (the same layout the app gets for hit-testing).
pub fn svg_with_layout(
    chart: Chart,
    input: &ChartInput,
    width: u32,
    height: u32,
) -> Result<(String, ChartLayout), ExportError> {
    check_size(width, height)?;
    let mut buf = String::new();
    let layout = {
        let area = Measured(SVGBackend::with_string(&mut buf, (width, height))).into_drawing_area();
        let layout = chart.draw(&area, input)?;
        area.present()
            .map_err(|e| ChartError::Draw(e.to_string()))?;
        layout
    };
    Ok((buf, layout))
}

/// The chart as a PNG of `width` x `height` px.
pub fn png(
    chart: Chart,
    input: &ChartInput,
    width: u32,
    height: u32,
) -> Result<Vec<u8>, ExportError> {
    let svg = svg(chart, input, width, height)?;
    svg_to_png(&svg, width, height)
}

/// Render an SVG written by `svg` into a PNG with the embedded font.
pub fn svg_to_png(svg: &str, width: u32, height: u32) -> Result<Vec<u8>, ExportError> {
    let options = usvg::Options {
        fontdb: fontdb(),
        ..usvg::Options::default()
    };
    let tree =
        usvg::Tree::from_str(svg, &options).map_err(|e| ExportError::Render(e.to_string()))?;
    let mut pixmap =
        tiny_skia::Pixmap::new(width, height).ok_or(ExportError::Size { width, height })?;
    let size = tree.size();
    let transform = tiny_skia::Transform::from_scale(
        width as f32 / size.width(),
        height as f32 / size.height(),
    );
    resvg::render(&tree, transform, &mut pixmap.as_mut());
    pixmap
        .encode_png()
        .map_err(|e| ExportError::Encode(e.to_string()))
}

/// The font database for PNGs: the embedded font only, set as the `sans-serif` family that
/// every chart label names (without it resvg finds no font and drops every label).
fn fontdb() -> Arc<usvg::fontdb::Database> {
    static DB: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        db.load_font_data(metrics::FONT_DATA.to_vec());
        let family = db
            .faces()
            .next()
            .and_then(|f| f.families.first().map(|(name, _)| name.clone()))
            .unwrap_or_else(|| "Ubuntu".to_owned());
        db.set_sans_serif_family(family);
        Arc::new(db)
    })
    .clone()
}

/// Write each chart in each format to `dir/<chart>.<ext>`; returns the paths written.
pub fn write_all(
    dir: &Path,
    charts: &[Chart],
    formats: Formats,
    input: &ChartInput,
    width: u32,
    height: u32,
) -> Result<Vec<PathBuf>, ExportError> {
    std::fs::create_dir_all(dir).map_err(|source| ExportError::Write {
        path: dir.to_owned(),
        source,
    })?;
    // Every file is drawn before any is written, then the set is written all or nothing,
    // each atomically and never through a link planted at its name.
    let mut files = Vec::new();
    for &chart in charts {
        let svg_text = svg(chart, input, width, height)?;
        for ext in formats.extensions() {
            let bytes = match *ext {
                "svg" => svg_text.clone().into_bytes(),
                _ => svg_to_png(&svg_text, width, height)?,
            };
            files.push((dir.join(format!("{}.{ext}", chart.name())), bytes));
        }
    }
    stancemap_core::format::write_export_set(&files).map_err(|e| ExportError::Write {
        path: e.path,
        source: e.source,
    })?;
    Ok(files.into_iter().map(|(path, _)| path).collect())
}

/// A backend that measures text with the embedded font and forwards all drawing: plotters
/// without a font backend would estimate every glyph at 0.7 em and misplace the labels.
struct Measured<B>(B);

impl<B: DrawingBackend> DrawingBackend for Measured<B> {
    type ErrorType = B::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.0.get_size()
    }
    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.ensure_prepared()
    }
    fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.present()
    }
    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.draw_pixel(point, color)
    }
    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.draw_line(from, to, style)
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        a: BackendCoord,
        b: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.draw_rect(a, b, style, fill)
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.draw_path(path, style)
    }
    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.draw_circle(center, radius, style, fill)
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.fill_polygon(vert, style)
    }
    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.draw_text(text, style, pos)
    }
    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        let (w, h) = metrics::text_size(text, style.size() / PLOTTERS_FONT_SCALE);
        Ok((w.ceil() as u32, h.ceil() as u32))
    }
    fn blit_bitmap(
        &mut self,
        pos: BackendCoord,
        size: (u32, u32),
        src: &[u8],
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.blit_bitmap(pos, size, src)
    }
}
