//! A small drawing vocabulary over a plotters area for the charts: f64 coordinates, font
//! sizes in CSS pixels, text measured by the backend (so layout uses the fonts that draw),
//! ellipsis for long names, dashes, markers and the common header and footnote.

use super::theme::{Palette, Rgb};
use super::{ChartError, ChartInput};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// plotters writes SVG `font-size = size / 1.24` (plotters-svg `draw_text`); every backend
/// of ours follows that convention, so a CSS pixel size is handed over multiplied by it.
pub const PLOTTERS_FONT_SCALE: f64 = 1.24;

/// Family every chart label is drawn in; the PNG export maps it to the embedded font.
pub const FONT_FAMILY: &str = "sans-serif";

pub const ELLIPSIS: &str = "…";

pub type Area<DB> = DrawingArea<DB, Shift>;
pub type Draw = Result<(), ChartError>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Start,
    Middle,
    End,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Baseline {
    Top,
    Center,
    Bottom,
}

/// Marker shapes for kinds of events (shape and colour both tell the kind).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Circle,
    Square,
    Diamond,
    TriangleUp,
    TriangleDown,
    Star,
    Cross,
    Bar,
    Hexagon,
}

/// The smallest text any chart draws, in px.
pub const MIN_TEXT_PX: f64 = 12.0;

/// The size of a chart and the type scale that follows from it: what a layout needs to know
/// about the area it lays out, with no backend to draw into.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Size {
    pub w: f64,
    pub h: f64,
    /// Type scale: 1.0 at about 1100 x 700 px, larger for big exports.
    pub scale: f64,
}

impl Size {
    pub fn new(w: f64, h: f64) -> Size {
        let scale = (w / 1100.0).min(h / 700.0).clamp(0.8, 2.0);
        Size { w, h, scale }
    }

    /// A font size in CSS px at this scale, never under `MIN_TEXT_PX`: a chart in the app's
    /// pane at 100% zoom stays readable (at the smallest scale 11 px would be 9).
    pub fn font(&self, base: f64) -> f64 {
        (base * self.scale).round().max(MIN_TEXT_PX)
    }

    /// Outer margin in px.
    pub fn margin(&self) -> f64 {
        (16.0 * self.scale).round()
    }

    /// The y where a chart's body starts, under the title and subtitle of `Canvas::header`.
    pub fn header_bottom(&self) -> f64 {
        let m = self.margin();
        let y = m + self.font(20.0) * 1.3;
        y + self.font(12.5) * 1.3 + m * 0.8
    }
}

/// Text metrics: the width of a text at a size, as it will be drawn. Layouts take this
/// instead of a canvas, so that they are pure numbers a test can give made-up widths.
pub trait Measure {
    /// Width in px of `text` at `size` px.
    fn measure(&self, text: &str, size: f64) -> f64;

    /// `text` shortened with an ellipsis to fit `max_w` px (the whole text when it fits;
    /// empty when not even the ellipsis fits).
    fn fit(&self, text: &str, size: f64, max_w: f64) -> String {
        if self.measure(text, size) <= max_w {
            return text.to_owned();
        }
        let chars: Vec<char> = text.chars().collect();
        let candidate = |n: usize| {
            let head: String = chars[..n].iter().collect();
            format!(
                "{}{ELLIPSIS}",
                head.trim_end_matches([' ', ',', ';', ':', '-', '.'])
            )
        };
        // The largest prefix that fits, by bisection on the character count.
        let (mut lo, mut hi) = (0usize, chars.len());
        while lo < hi {
            let mid = (lo + hi).div_ceil(2);
            if self.measure(&candidate(mid), size) <= max_w {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        if lo == 0 {
            if self.measure(ELLIPSIS, size) <= max_w {
                ELLIPSIS.to_owned()
            } else {
                String::new()
            }
        } else {
            candidate(lo)
        }
    }

    /// `text` in at most `lines` lines of `max_w` px, broken between words; the last line
    /// (or a single word wider than a line) ends in an ellipsis when it does not fit.
    fn wrap(&self, text: &str, size: f64, max_w: f64, lines: usize) -> Vec<String> {
        let words: Vec<&str> = text.split_whitespace().collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < words.len() && out.len() < lines {
            if out.len() + 1 == lines {
                out.push(self.fit(&words[i..].join(" "), size, max_w));
                break;
            }
            let mut j = i + 1;
            while j < words.len() && self.measure(&words[i..=j].join(" "), size) <= max_w {
                j += 1;
            }
            out.push(self.fit(&words[i..j].join(" "), size, max_w));
            i = j;
        }
        out
    }
}

pub struct Canvas<'a, DB: DrawingBackend> {
    area: &'a Area<DB>,
    pub w: f64,
    pub h: f64,
    pub pal: Palette,
    /// Type scale: 1.0 at about 1100 x 700 px, larger for big exports.
    pub scale: f64,
}

fn err<E: std::fmt::Display>(e: E) -> ChartError {
    ChartError::Draw(e.to_string())
}

fn px(v: f64) -> i32 {
    v.round() as i32
}

/// Text measured by the backend, so that layout uses the fonts that draw.
impl<DB: DrawingBackend> Measure for Canvas<'_, DB> {
    fn measure(&self, text: &str, size: f64) -> f64 {
        if text.is_empty() {
            return 0.0;
        }
        let style = self.style(size, self.pal.text, Align::Start, Baseline::Top);
        match self.area.estimate_text_size(text, &style) {
            Ok((w, _)) => f64::from(w),
            // Backends without metrics: a wide average so nothing overlaps.
            Err(_) => text.chars().count() as f64 * size.max(MIN_TEXT_PX) * 0.6,
        }
    }
}

impl<'a, DB: DrawingBackend> Canvas<'a, DB> {
    pub fn new(area: &'a Area<DB>, input: &ChartInput) -> Self {
        let (w, h) = area.dim_in_pixel();
        let size = Size::new(f64::from(w), f64::from(h));
        Canvas {
            area,
            w: size.w,
            h: size.h,
            pal: input.theme.palette(),
            scale: size.scale,
        }
    }

    /// The canvas's size and type scale, for a layout.
    pub fn size(&self) -> Size {
        Size {
            w: self.w,
            h: self.h,
            scale: self.scale,
        }
    }

    /// A font size in CSS px at this canvas's scale (`Size::font`).
    pub fn font(&self, base: f64) -> f64 {
        self.size().font(base)
    }

    fn style(&self, size: f64, color: Rgb, align: Align, baseline: Baseline) -> TextStyle<'static> {
        let h = match align {
            Align::Start => HPos::Left,
            Align::Middle => HPos::Center,
            Align::End => HPos::Right,
        };
        let v = match baseline {
            Baseline::Top => VPos::Top,
            Baseline::Center => VPos::Center,
            Baseline::Bottom => VPos::Bottom,
        };
        // Every text, measured or drawn, at least MIN_TEXT_PX (sizes derived from a font
        // size, such as `small * 0.9`, included).
        let size = size.max(MIN_TEXT_PX);
        TextStyle {
            font: (FONT_FAMILY, size * PLOTTERS_FONT_SCALE).into_font(),
            color: RGBColor(color.0, color.1, color.2).to_backend_color(),
            pos: Pos::new(h, v),
        }
    }

    #[allow(clippy::too_many_arguments)]
    pub fn text(
        &self,
        text: &str,
        x: f64,
        y: f64,
        size: f64,
        color: Rgb,
        align: Align,
        baseline: Baseline,
    ) -> Draw {
        if text.is_empty() {
            return Ok(());
        }
        let style = self.style(size, color, align, baseline);
        self.area
            .draw_text(text, &style, (px(x), px(y)))
            .map_err(err)
    }

    pub fn fill(&self, color: Rgb) -> Draw {
        self.area
            .fill(&RGBColor(color.0, color.1, color.2))
            .map_err(err)
    }

    pub fn rect(&self, x0: f64, y0: f64, x1: f64, y1: f64, color: Rgb, alpha: f64) -> Draw {
        if x1 <= x0 || y1 <= y0 {
            return Ok(());
        }
        let c = RGBColor(color.0, color.1, color.2).mix(alpha);
        self.area
            .draw(&Rectangle::new(
                [(px(x0), px(y0)), (px(x1), px(y1))],
                c.filled(),
            ))
            .map_err(err)
    }

    /// An outline `width` px thick drawn inside the rectangle (filled bands, so every
    /// backend draws the same thickness).
    #[allow(clippy::too_many_arguments)]
    pub fn frame(&self, x0: f64, y0: f64, x1: f64, y1: f64, color: Rgb, width: f64) -> Draw {
        self.rect(x0, y0, x1, y0 + width, color, 1.0)?;
        self.rect(x0, y1 - width, x1, y1, color, 1.0)?;
        self.rect(x0, y0 + width, x0 + width, y1 - width, color, 1.0)?;
        self.rect(x1 - width, y0 + width, x1, y1 - width, color, 1.0)
    }

    pub fn line(&self, x0: f64, y0: f64, x1: f64, y1: f64, color: Rgb, width: f64) -> Draw {
        self.polyline(&[(x0, y0), (x1, y1)], color, width)
    }

    pub fn polyline(&self, points: &[(f64, f64)], color: Rgb, width: f64) -> Draw {
        let style = RGBColor(color.0, color.1, color.2).stroke_width(width.round().max(1.0) as u32);
        let pts: Vec<(i32, i32)> = points.iter().map(|&(x, y)| (px(x), px(y))).collect();
        self.area.draw(&PathElement::new(pts, style)).map_err(err)
    }

    /// A dashed line: dashes of `dash` px with gaps of `dash * 0.6`.
    #[allow(clippy::too_many_arguments)]
    pub fn dashed(
        &self,
        x0: f64,
        y0: f64,
        x1: f64,
        y1: f64,
        color: Rgb,
        width: f64,
        dash: f64,
    ) -> Draw {
        let len = ((x1 - x0).powi(2) + (y1 - y0).powi(2)).sqrt();
        if len <= 0.0 {
            return Ok(());
        }
        let (dx, dy) = ((x1 - x0) / len, (y1 - y0) / len);
        let step = dash * 1.6;
        let mut t = 0.0;
        while t < len {
            let e = (t + dash).min(len);
            self.line(
                x0 + dx * t,
                y0 + dy * t,
                x0 + dx * e,
                y0 + dy * e,
                color,
                width,
            )?;
            t += step;
        }
        Ok(())
    }

    pub fn circle(&self, x: f64, y: f64, r: f64, color: Rgb, filled: bool, width: f64) -> Draw {
        let c = RGBColor(color.0, color.1, color.2);
        let style = if filled {
            c.filled()
        } else {
            c.stroke_width(width.round().max(1.0) as u32)
        };
        self.area
            .draw(&Circle::new(
                (px(x), px(y)),
                r.round().max(1.0) as u32,
                style,
            ))
            .map_err(err)
    }

    pub fn polygon(&self, points: &[(f64, f64)], color: Rgb, alpha: f64) -> Draw {
        let c = RGBColor(color.0, color.1, color.2).mix(alpha);
        let pts: Vec<(i32, i32)> = points.iter().map(|&(x, y)| (px(x), px(y))).collect();
        self.area.draw(&Polygon::new(pts, c.filled())).map_err(err)
    }

    /// A marker of `shape` centred on (x, y), `r` px in radius. Hollow markers are outlined
    /// and filled with the background, so lines behind them do not show through.
    pub fn marker(&self, shape: Shape, x: f64, y: f64, r: f64, color: Rgb, filled: bool) -> Draw {
        let pts = |corners: &[(f64, f64)]| -> Vec<(f64, f64)> {
            corners
                .iter()
                .map(|&(a, b)| (x + a * r, y + b * r))
                .collect()
        };
        let outline: Vec<(f64, f64)> = match shape {
            Shape::Circle => {
                if filled {
                    return self.circle(x, y, r, color, true, 1.0);
                }
                self.circle(x, y, r, self.pal.background, true, 1.0)?;
                return self.circle(x, y, r, color, false, (r / 3.0).max(1.5));
            }
            Shape::Square => pts(&[(-0.85, -0.85), (0.85, -0.85), (0.85, 0.85), (-0.85, 0.85)]),
            Shape::Diamond => pts(&[(0.0, -1.15), (1.15, 0.0), (0.0, 1.15), (-1.15, 0.0)]),
            Shape::TriangleUp => pts(&[(0.0, -1.15), (1.1, 0.85), (-1.1, 0.85)]),
            Shape::TriangleDown => pts(&[(0.0, 1.15), (1.1, -0.85), (-1.1, -0.85)]),
            Shape::Bar => pts(&[(-0.45, -1.15), (0.45, -1.15), (0.45, 1.15), (-0.45, 1.15)]),
            Shape::Hexagon => (0..6)
                .map(|i| {
                    let a = std::f64::consts::FRAC_PI_3 * f64::from(i);
                    (x + r * a.cos(), y + r * a.sin())
                })
                .collect(),
            Shape::Star => (0..10)
                .map(|i| {
                    let a = std::f64::consts::PI / 5.0 * f64::from(i) - std::f64::consts::FRAC_PI_2;
                    let rr = if i % 2 == 0 { r * 1.25 } else { r * 0.55 };
                    (x + rr * a.cos(), y + rr * a.sin())
                })
                .collect(),
            Shape::Cross => {
                let k = r * 0.35;
                pts(&[
                    (-k / r, -1.0),
                    (k / r, -1.0),
                    (k / r, -k / r),
                    (1.0, -k / r),
                    (1.0, k / r),
                    (k / r, k / r),
                    (k / r, 1.0),
                    (-k / r, 1.0),
                    (-k / r, k / r),
                    (-1.0, k / r),
                    (-1.0, -k / r),
                    (-k / r, -k / r),
                ])
            }
        };
        if filled {
            self.polygon(&outline, color, 1.0)
        } else {
            self.polygon(&outline, self.pal.background, 1.0)?;
            let mut closed = outline.clone();
            closed.extend(outline.first().copied());
            self.polyline(&closed, color, (r / 4.0).max(1.5))
        }
    }

    /// Background, the chart title and the subtitle `project · scenario · as of date`.
    /// Returns the y where the chart body may start (`Size::header_bottom`).
    pub fn header(&self, title: &str, input: &ChartInput) -> Result<f64, ChartError> {
        self.fill(self.pal.background)?;
        let m = self.margin();
        let t = self.font(20.0);
        let s = self.font(12.5);
        self.text(
            &self.fit(title, t, self.w - 2.0 * m),
            m,
            m,
            t,
            self.pal.text,
            Align::Start,
            Baseline::Top,
        )?;
        let view = input.view;
        let mut sub = vec![view.project.title.clone(), view.scenario_label().to_owned()];
        if let Some(date) = &view.project.as_of {
            sub.push(format!("as of {date}"));
        }
        let sub = sub.join("  ·  ");
        let y = m + t * 1.3;
        self.text(
            &self.fit(&sub, s, self.w - 2.0 * m),
            m,
            y,
            s,
            self.pal.muted,
            Align::Start,
            Baseline::Top,
        )?;
        Ok(self.size().header_bottom())
    }

    /// A short note at the right end of the title row (the deal test of the predicted
    /// outcome), in `color`, shortened to leave the title room.
    pub fn header_note(&self, title: &str, note: &str, color: Rgb) -> Draw {
        let m = self.margin();
        let s = self.font(12.5);
        let room = self.w - 2.0 * m - self.measure(title, self.font(20.0)) - s * 2.0;
        self.text(
            &self.fit(note, s, room),
            self.w - m,
            m + self.font(20.0) * 0.5,
            s,
            color,
            Align::End,
            Baseline::Center,
        )
    }

    /// Outer margin in px (`Size::margin`).
    pub fn margin(&self) -> f64 {
        self.size().margin()
    }

    /// A muted note at the bottom left (e.g. what was left out); returns its height.
    pub fn footnote(&self, note: &str) -> Result<f64, ChartError> {
        let s = self.font(11.0);
        let m = self.margin();
        self.text(
            &self.fit(note, s, self.w - 2.0 * m),
            m,
            self.h - m * 0.6,
            s,
            self.pal.muted,
            Align::Start,
            Baseline::Bottom,
        )?;
        Ok(s * 1.4)
    }

    /// A centred message where a chart has nothing to show.
    pub fn empty_message(&self, top: f64, message: &str) -> Draw {
        let s = self.font(14.0);
        self.text(
            &self.fit(message, s, self.w - 2.0 * self.margin()),
            self.w / 2.0,
            (top + self.h) / 2.0,
            s,
            self.pal.muted,
            Align::Middle,
            Baseline::Center,
        )
    }
}
