//! Text metrics of the embedded font (Ubuntu Light, the font egui draws with), so that the
//! SVG and PNG exports lay labels out with the advances resvg will render them at.

use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};
use std::sync::OnceLock;

/// The font every exported label is drawn in.
pub const FONT_DATA: &[u8] = epaint_default_fonts::UBUNTU_LIGHT;

struct Metrics {
    font: FontRef<'static>,
    /// Ascent minus descent, in ems.
    line: f64,
}

fn metrics() -> Option<&'static Metrics> {
    static METRICS: OnceLock<Option<Metrics>> = OnceLock::new();
    METRICS
        .get_or_init(|| {
            let font = FontRef::new(FONT_DATA).ok()?;
            let m = font.metrics(Size::unscaled(), LocationRef::default());
            let em = f64::from(m.units_per_em.max(1));
            let line = f64::from(m.ascent - m.descent) / em;
            Some(Metrics { font, line })
        })
        .as_ref()
}

/// Width and height in px of `text` set in the embedded font at `size` px. Kerning is left
/// out, which only ever makes the estimate a little wider than what is drawn.
pub fn text_size(text: &str, size: f64) -> (f64, f64) {
    let Some(m) = metrics() else {
        // Unreachable with the embedded font; a wide estimate keeps labels apart anyway.
        return (text.chars().count() as f64 * size * 0.6, size * 1.2);
    };
    let glyphs = m.font.glyph_metrics(Size::new(1.0), LocationRef::default());
    let charmap = m.font.charmap();
    let width: f64 = text
        .chars()
        .map(|c| {
            let gid = charmap.map(c).unwrap_or_default();
            f64::from(glyphs.advance_width(gid).unwrap_or(0.6))
        })
        .sum();
    (width * size, m.line * size)
}

#[cfg(test)]
/// Whether the embedded font has a glyph for `c` (others render as a box in the PNG).
pub fn has_glyph(c: char) -> bool {
    metrics().is_some_and(|m| m.font.charmap().map(c).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_scale_with_size_and_length() {
        let (w10, h10) = text_size("Russia", 10.0);
        let (w20, _) = text_size("Russia", 20.0);
        assert!(w10 > 10.0 && w10 < 60.0, "{w10}");
        assert!((w20 - 2.0 * w10).abs() < 1e-9);
        assert!(h10 > 10.0 && h10 < 14.0, "{h10}");
        let (wide, _) = text_size("WWWW", 10.0);
        let (narrow, _) = text_size("iiii", 10.0);
        assert!(wide > 2.0 * narrow);
        assert_eq!(text_size("", 12.0).0, 0.0);
    }

    #[test]
    fn the_glyphs_charts_use_exist() {
        for c in ['…', '—', '·', '–', '−', '×', 'Σ', '“', '”', '+'] {
            assert!(has_glyph(c), "{c}");
        }
    }
}
