//! A plotters backend that paints with an `egui::Painter`, so the app shows the very charts
//! that are exported; text is measured with egui's own fonts so labels fit as drawn.
//! The only file of `charts` that knows egui.

use super::canvas::PLOTTERS_FONT_SCALE;
use egui::{Color32, FontId, Painter, Pos2, Rect, Shape, Stroke, Vec2, pos2};
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, IntoDrawingArea};
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontTransform,
};

/// Draws into `painter` with plotters' pixel (0, 0) at `rect.min`; one plotters pixel is one
/// egui point.
pub struct EguiBackend<'a> {
    painter: &'a Painter,
    rect: Rect,
}

impl<'a> EguiBackend<'a> {
    pub fn new(painter: &'a Painter, rect: Rect) -> Self {
        Self { painter, rect }
    }

    fn pos(&self, (x, y): BackendCoord) -> Pos2 {
        self.rect.min + Vec2::new(x as f32, y as f32)
    }
}

/// Drawing on a painter cannot fail.
#[derive(Debug)]
pub struct NoError;

impl std::fmt::Display for NoError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("egui painter error")
    }
}

impl std::error::Error for NoError {}

type Res = Result<(), DrawingErrorKind<NoError>>;

fn color(c: BackendColor) -> Color32 {
    let (r, g, b) = c.rgb;
    Color32::from_rgba_unmultiplied(r, g, b, (c.alpha.clamp(0.0, 1.0) * 255.0).round() as u8)
}

fn font(style: &impl BackendTextStyle) -> FontId {
    FontId::proportional((style.size() / PLOTTERS_FONT_SCALE) as f32)
}

impl DrawingBackend for EguiBackend<'_> {
    type ErrorType = NoError;

    fn get_size(&self) -> (u32, u32) {
        (
            self.rect.width().max(0.0) as u32,
            self.rect.height().max(0.0) as u32,
        )
    }

    fn ensure_prepared(&mut self) -> Res {
        Ok(())
    }

    fn present(&mut self) -> Res {
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, c: BackendColor) -> Res {
        let min = self.pos(point);
        self.painter
            .rect_filled(Rect::from_min_size(min, Vec2::splat(1.0)), 0.0, color(c));
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Res {
        let stroke = Stroke::new(style.stroke_width() as f32, color(style.color()));
        self.painter
            .line_segment([self.pos(from), self.pos(to)], stroke);
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Res {
        let rect = Rect::from_two_pos(self.pos(upper_left), self.pos(bottom_right));
        let c = color(style.color());
        if fill {
            self.painter.rect_filled(rect, 0.0, c);
        } else {
            self.painter.rect_stroke(
                rect,
                0.0,
                Stroke::new(style.stroke_width() as f32, c),
                egui::StrokeKind::Inside,
            );
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Res {
        let points: Vec<Pos2> = path.into_iter().map(|p| self.pos(p)).collect();
        if points.len() >= 2 {
            let stroke = Stroke::new(style.stroke_width() as f32, color(style.color()));
            self.painter.add(Shape::line(points, stroke));
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Res {
        let c = color(style.color());
        if fill {
            self.painter
                .circle_filled(self.pos(center), radius as f32, c);
        } else {
            self.painter.circle_stroke(
                self.pos(center),
                radius as f32,
                Stroke::new(style.stroke_width() as f32, c),
            );
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Res {
        let points: Vec<Pos2> = vert.into_iter().map(|p| self.pos(p)).collect();
        if points.len() >= 3 {
            // egui fills convex polygons only; a concave one (a star, a cross) is drawn as
            // a fan of triangles from its centre, which is exact for star-shaped outlines.
            let c = color(style.color());
            let n = points.len() as f32;
            let centre = pos2(
                points.iter().map(|p| p.x).sum::<f32>() / n,
                points.iter().map(|p| p.y).sum::<f32>() / n,
            );
            let mut mesh = egui::Mesh::default();
            mesh.colored_vertex(centre, c);
            for p in &points {
                mesh.colored_vertex(*p, c);
            }
            let count = points.len() as u32;
            for i in 0..count {
                mesh.add_triangle(0, 1 + i, 1 + (i + 1) % count);
            }
            self.painter.add(Shape::mesh(mesh));
        }
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, pos: BackendCoord) -> Res {
        let c = color(style.color());
        let galley = self.painter.layout_no_wrap(text.to_owned(), font(style), c);
        let size = galley.size();
        let anchor = style.anchor();
        let dx = match anchor.h_pos {
            HPos::Left => 0.0,
            HPos::Center => -size.x / 2.0,
            HPos::Right => -size.x,
        };
        let dy = match anchor.v_pos {
            VPos::Top => 0.0,
            VPos::Center => -size.y / 2.0,
            VPos::Bottom => -size.y,
        };
        let at = self.pos(pos);
        let angle = match style.transform() {
            FontTransform::Rotate90 => std::f32::consts::FRAC_PI_2,
            FontTransform::Rotate180 => std::f32::consts::PI,
            FontTransform::Rotate270 => -std::f32::consts::FRAC_PI_2,
            _ => 0.0,
        };
        // Rotate the anchor offset with the text, about the anchor point.
        let offset = egui::emath::Rot2::from_angle(angle) * Vec2::new(dx, dy);
        let shape = egui::epaint::TextShape::new(at + offset, galley, c).with_angle(angle);
        self.painter.add(shape);
        Ok(())
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<NoError>> {
        let galley = self
            .painter
            .layout_no_wrap(text.to_owned(), font(style), Color32::WHITE);
        let size = galley.size();
        Ok((size.x.ceil() as u32, size.y.ceil() as u32))
    }
}

/// Allocate `size` in `ui`, hand `draw` a plotters area over it, and return the response
/// (for hover and clicks) with what `draw` returned. Positions in the area are relative to
/// `response.rect.min`.
pub fn chart_ui<R>(
    ui: &mut egui::Ui,
    size: Vec2,
    draw: impl FnOnce(&DrawingArea<EguiBackend<'_>, Shift>) -> R,
) -> (egui::Response, R) {
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::click());
    let painter = ui.painter_at(rect);
    let area = EguiBackend::new(&painter, rect).into_drawing_area();
    let result = draw(&area);
    (response, result)
}
