//! `--screenshot`: let the layout settle, ask the window for a picture of itself, write it as
//! PNG. Also renders the window icon from `assets/icon.svg`.

use eframe::egui;
use egui::ColorImage;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// Frames to draw before capturing, so panels, tables and fonts have settled.
const SETTLE_FRAMES: u32 = 8;

pub struct Job {
    out: PathBuf,
    frames: u32,
    requested: bool,
    image: Arc<Mutex<Option<Arc<ColorImage>>>>,
}

impl Job {
    pub fn new(out: PathBuf) -> Self {
        Self {
            out,
            frames: 0,
            requested: false,
            image: Arc::new(Mutex::new(None)),
        }
    }

    /// Advance one frame; `Some` once the PNG is written (or failed).
    pub fn step(&mut self, ctx: &egui::Context) -> Option<Result<(), String>> {
        self.frames += 1;
        ctx.request_repaint();
        if !self.requested && self.frames >= SETTLE_FRAMES {
            self.requested = true;
            let slot = self.image.clone();
            let repaint = ctx.clone();
            ctx.request_screenshot(move |image| {
                if let Ok(mut slot) = slot.lock() {
                    *slot = Some(image);
                }
                repaint.request_repaint();
            });
        }
        let image = self.image.lock().ok()?.take()?;
        Some(write_png(&image, &self.out))
    }
}

/// Encode `image` as PNG at `path`.
pub fn write_png(image: &ColorImage, path: &std::path::Path) -> Result<(), String> {
    let [w, h] = image.size;
    let bytes: Vec<u8> = image.pixels.iter().flat_map(|c| c.to_array()).collect();
    let size = resvg::tiny_skia::IntSize::from_wh(w as u32, h as u32)
        .ok_or_else(|| format!("the window is empty ({w}x{h})"))?;
    let pixmap = resvg::tiny_skia::Pixmap::from_vec(bytes, size)
        .ok_or_else(|| "the screenshot has an unexpected size".to_owned())?;
    let png = pixmap
        .encode_png()
        .map_err(|e| format!("could not encode the PNG: {e}"))?;
    crate::format::write_export(path, &png).map_err(|e| e.to_string())
}

/// The window icon, rendered from the embedded SVG.
pub fn icon() -> Option<egui::IconData> {
    const SIZE: u32 = 64;
    let svg = include_str!("../../../assets/icon.svg");
    let tree = resvg::usvg::Tree::from_str(svg, &resvg::usvg::Options::default()).ok()?;
    let mut pixmap = resvg::tiny_skia::Pixmap::new(SIZE, SIZE)?;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::default(),
        &mut pixmap.as_mut(),
    );
    // tiny-skia stores premultiplied alpha; the window system wants straight alpha.
    let rgba = pixmap
        .pixels()
        .iter()
        .flat_map(|p| {
            let c = p.demultiply();
            [c.red(), c.green(), c.blue(), c.alpha()]
        })
        .collect();
    Some(egui::IconData {
        rgba,
        width: SIZE,
        height: SIZE,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn png_round_trip_keeps_size() {
        let image = ColorImage::filled([3, 2], egui::Color32::from_rgb(10, 20, 30));
        let dir = tempfile::tempdir().map_err(|e| e.to_string());
        let dir = match dir {
            Ok(d) => d,
            Err(e) => panic!("{e}"),
        };
        let path = dir.path().join("shot.png");
        assert_eq!(write_png(&image, &path), Ok(()));
        let bytes = std::fs::read(&path).unwrap_or_default();
        assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
        // IHDR: width and height as big-endian u32 at offsets 16 and 20.
        assert_eq!(&bytes[16..24], &[0, 0, 0, 3, 0, 0, 0, 2]);
    }

    #[test]
    fn the_icon_renders() {
        let icon = icon();
        assert!(icon.as_ref().is_some_and(|i| i.rgba.len() == 64 * 64 * 4));
        // The corner is transparent (rounded), the centre opaque.
        let icon = icon.unwrap_or_default();
        assert_eq!(icon.rgba[3], 0);
        let centre = (32 * 64 + 32) * 4;
        assert_eq!(icon.rgba[centre + 3], 255);
    }
}
