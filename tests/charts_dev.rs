//! Every chart of the test projects and the ceasefire sample, in both themes, exported as
//! PNG at the default size, looks like a chart to a person: the page is the theme's
//! background (dark in the dark theme), the title is drawn in the theme's text colour (so
//! the embedded font reached resvg), and the marks cover a real part of the page.
//! With $STANCEMAP_CHART_DIR set the PNGs are kept there, to look at them.

mod charts_support;

use resvg::tiny_skia::Pixmap;
use stancemap::charts::{Chart, ChartInput, ChartOptions, Rgb, Theme, export};

/// What a person sees first in a PNG: its background, the title in the text colour, and
/// how much of the page differs from the background.
struct Look {
    background: Rgb,
    /// Pixels of the text colour in the title's band: the top 60 px, left half (the
    /// deal-test note at the right end is in another colour).
    title_pixels: usize,
    inked: f64,
}

fn look(png: &[u8], text: Rgb) -> Look {
    let pixmap = Pixmap::decode_png(png).unwrap();
    assert_eq!(
        (pixmap.width(), pixmap.height()),
        (export::DEFAULT_WIDTH, export::DEFAULT_HEIGHT)
    );
    let rgb = |p: &resvg::tiny_skia::PremultipliedColorU8| {
        let c = p.demultiply();
        Rgb(c.red(), c.green(), c.blue())
    };
    let pixels = pixmap.pixels();
    let background = rgb(&pixels[0]);
    let width = pixmap.width() as usize;
    let title_pixels = pixels[..60 * width]
        .chunks(width)
        .flat_map(|row| &row[..width / 2])
        .filter(|p| rgb(p) == text)
        .count();
    let inked = pixels.iter().filter(|p| rgb(p) != background).count();
    Look {
        background,
        title_pixels,
        inked: inked as f64 / pixels.len() as f64,
    }
}

#[test]
fn every_chart_exports_a_png_that_looks_like_a_chart_in_either_theme() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = std::env::var("STANCEMAP_CHART_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|_| tmp.path().to_owned());
    for (name, project, scenario) in [
        ("ceasefire", charts_support::ceasefire(), None),
        ("dragout", charts_support::ceasefire(), Some("drag-out")),
        ("big", charts_support::big(), None),
        (
            "sample",
            stancemap::format::load_path(std::path::Path::new(
                "sample_projects/ceasefire-2025.ron",
            ))
            .unwrap()
            .project,
            None,
        ),
    ] {
        let view = project.resolve(scenario).unwrap();
        let analysis = stancemap::analysis::analyze(&view);
        let options = ChartOptions::default();
        for theme in Theme::ALL {
            let pal = theme.palette();
            let input = ChartInput {
                view: &view,
                analysis: &analysis,
                theme,
                options: &options,
            };
            let out = dir.join(format!("{name}-{}", theme.name()));
            let written = export::write_all(
                &out,
                &Chart::ALL,
                export::Formats::Png,
                &input,
                export::DEFAULT_WIDTH,
                export::DEFAULT_HEIGHT,
            )
            .unwrap();
            assert_eq!(written.len(), Chart::ALL.len());
            for path in written {
                let what = format!("{} ({})", path.display(), theme.name());
                let l = look(&std::fs::read(&path).unwrap(), pal.text);
                assert_eq!(l.background, pal.background, "{what}");
                match theme {
                    Theme::Dark => assert!(l.background.luminance() < 0.1, "{what}"),
                    Theme::Light => assert!(l.background.luminance() > 0.8, "{what}"),
                }
                // The title, 29 px high, is drawn: glyph stems in solid text colour. With
                // no font for resvg it would be missing and this count 0.
                assert!(l.title_pixels > 200, "{what}: title {} px", l.title_pixels);
                // Title, axes and marks: more than 2% of the page differs from the background.
                assert!(l.inked > 0.02, "{what}: {:.2}% inked", l.inked * 100.0);
            }
        }
    }
}
