//! Writing the laid-out pages as PDF with krilla: text in the embedded font (subset, with
//! its Unicode map, so it is selectable and searchable), the charts' SVG drawn by krilla-svg
//! as vector paths and text, and the running header and "Page n of N" on every page.

use crate::flow::{self, Item, MARGIN_BOTTOM, MARGIN_X, Page, Paper, Rgb};
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect, Size, Transform};
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::text::{Font, TextDirection};
use krilla::{Document, metadata::Metadata};
use krilla_svg::{SurfaceExt, SvgSettings};
use stancemap_charts::metrics::FONT_DATA;
use std::sync::{Arc, OnceLock};
use usvg_krilla as usvg;

/// What the running header says on every page.
pub struct Header {
    pub title: String,
    /// "Base, as of 2025-03-18".
    pub context: String,
    /// "Produced 2026-12-05 by stancemap".
    pub footer: String,
}

fn paint(c: Rgb) -> krilla::paint::Paint {
    rgb::Color::new(c[0], c[1], c[2]).into()
}

/// The font database krilla-svg lays chart text out with: the embedded font only, as the
/// `sans-serif` family the charts name (without it every label would vanish).
fn fontdb() -> Arc<usvg::fontdb::Database> {
    static DB: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        db.load_font_data(FONT_DATA.to_vec());
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

/// Parse a chart's SVG with the embedded font.
pub fn parse_svg(svg: &str) -> Result<usvg::Tree, String> {
    let options = usvg::Options {
        fontdb: fontdb(),
        ..usvg::Options::default()
    };
    usvg::Tree::from_str(svg, &options).map_err(|e| e.to_string())
}

fn set_fill(surface: &mut Surface, color: Rgb) {
    surface.set_stroke(None);
    surface.set_fill(Some(Fill {
        paint: paint(color),
        ..Fill::default()
    }));
}

fn text(surface: &mut Surface, font: &Font, x: f32, y: f32, size: f32, color: Rgb, s: &str) {
    if s.is_empty() {
        return;
    }
    set_fill(surface, color);
    surface.draw_text(
        Point::from_xy(x, y),
        font.clone(),
        size,
        s,
        false,
        TextDirection::Auto,
    );
}

fn line(surface: &mut Surface, (x0, y0, x1, y1): (f32, f32, f32, f32), width: f32, color: Rgb) {
    let mut pb = PathBuilder::new();
    pb.move_to(x0, y0);
    pb.line_to(x1, y1);
    if let Some(path) = pb.finish() {
        surface.set_fill(None);
        surface.set_stroke(Some(Stroke {
            paint: paint(color),
            width,
            ..Stroke::default()
        }));
        surface.draw_path(&path);
    }
}

fn rect(surface: &mut Surface, (x, y, w, h): (f32, f32, f32, f32), color: Rgb) {
    let Some(r) = Rect::from_xywh(x, y, w, h) else {
        return;
    };
    let mut pb = PathBuilder::new();
    pb.push_rect(r);
    if let Some(path) = pb.finish() {
        set_fill(surface, color);
        surface.draw_path(&path);
    }
}

fn header_footer(
    surface: &mut Surface,
    font: &Font,
    header: &Header,
    paper: Paper,
    (n, total): (usize, usize),
) {
    let (w, h) = paper.size_pt();
    let size = flow::SMALL;
    let right_w = flow::width(&header.context, size);
    let title = flow::fit(&header.title, size, w - 2.0 * MARGIN_X - right_w - 18.0);
    text(surface, font, MARGIN_X, 40.0, size, flow::MUTED, &title);
    text(
        surface,
        font,
        w - MARGIN_X - right_w,
        40.0,
        size,
        flow::MUTED,
        &header.context,
    );
    line(
        surface,
        (MARGIN_X, 46.0, w - MARGIN_X, 46.0),
        0.5,
        flow::RULE,
    );
    let y = h - MARGIN_BOTTOM + 30.0;
    line(
        surface,
        (MARGIN_X, y - 12.0, w - MARGIN_X, y - 12.0),
        0.5,
        flow::RULE,
    );
    text(
        surface,
        font,
        MARGIN_X,
        y,
        size,
        flow::MUTED,
        &header.footer,
    );
    let page = format!("Page {n} of {total}");
    let pw = flow::width(&page, size);
    text(
        surface,
        font,
        w - MARGIN_X - pw,
        y,
        size,
        flow::MUTED,
        &page,
    );
}

/// The PDF of `pages`, with chart `i` of `svgs` where a page asks for it.
pub fn write(
    pages: &[Page],
    svgs: &[usvg::Tree],
    header: &Header,
    paper: Paper,
) -> Result<Vec<u8>, String> {
    let font = Font::new(FONT_DATA.into(), 0).ok_or("the embedded font cannot be read")?;
    let (w, h) = paper.size_pt();
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(header.title.clone())
            .creator("stancemap".to_owned()),
    );
    let total = pages.len();
    for (i, content) in pages.iter().enumerate() {
        let settings = PageSettings::from_wh(w, h).ok_or("bad paper size")?;
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        header_footer(&mut surface, &font, header, paper, (i + 1, total));
        for item in &content.items {
            match item {
                Item::Text {
                    x,
                    y,
                    size,
                    color,
                    text: s,
                } => text(&mut surface, &font, *x, *y, *size, *color, s),
                Item::Line {
                    x0,
                    y0,
                    x1,
                    y1,
                    width,
                    color,
                } => line(&mut surface, (*x0, *y0, *x1, *y1), *width, *color),
                Item::Fill { x, y, w, h, color } => rect(&mut surface, (*x, *y, *w, *h), *color),
                Item::Svg { x, y, w, h, index } => {
                    let (Some(tree), Some(size)) = (svgs.get(*index), Size::from_wh(*w, *h)) else {
                        continue;
                    };
                    surface.push_transform(&Transform::from_translate(*x, *y));
                    surface.draw_svg(tree, size, SvgSettings::default());
                    surface.pop();
                }
            }
        }
        surface.finish();
        page.finish();
    }
    document.finish().map_err(|e| format!("{e:?}"))
}
