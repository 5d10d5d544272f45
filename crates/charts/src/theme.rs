//! Colours of the charts: a light and a dark palette, the concession ramp and party colours
//! adjusted so that every mark stays visible on either background.

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// From `#RRGGBB`.
    pub fn hex(text: &str) -> Option<Rgb> {
        crate::model::parse_color(text).map(|[r, g, b]| Rgb(r, g, b))
    }

    /// Linear blend: `t = 0` gives `self`, `t = 1` gives `other`.
    pub fn mix(self, other: Rgb, t: f64) -> Rgb {
        let t = t.clamp(0.0, 1.0);
        let m = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round() as u8;
        Rgb(m(self.0, other.0), m(self.1, other.1), m(self.2, other.2))
    }

    /// Relative luminance (WCAG), 0 = black, 1 = white.
    pub fn luminance(self) -> f64 {
        let lin = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(self.0) + 0.7152 * lin(self.1) + 0.0722 * lin(self.2)
    }

    /// WCAG contrast ratio between two colours (1..=21).
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    pub fn to_hex(self) -> String {
        format!("#{:02X}{:02X}{:02X}", self.0, self.1, self.2)
    }
}

/// Light (the default, for print and briefings) or dark (to match a dark app).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 2] = [Theme::Light, Theme::Dark];

    pub fn name(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn from_name(name: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.name() == name)
    }

    pub fn palette(self) -> Palette {
        match self {
            Theme::Light => Palette {
                background: Rgb(0xFF, 0xFF, 0xFF),
                panel: Rgb(0xF3, 0xF5, 0xF8),
                text: Rgb(0x1C, 0x23, 0x2B),
                muted: Rgb(0x5A, 0x64, 0x70),
                grid: Rgb(0xD5, 0xDA, 0xE1),
                good: Rgb(0x2F, 0x9E, 0x5C),
                mid: Rgb(0xA4, 0xC6, 0x3C),
                warn: Rgb(0xF0, 0xAD, 0x3C),
                bad: Rgb(0xD6, 0x3B, 0x2F),
                alarm: Rgb(0x8E, 0x0B, 0x0B),
                zopa: Rgb(0x3B, 0xA5, 0x6B),
                pain_low: Rgb(0xEC, 0xEF, 0xF7),
                pain_high: Rgb(0x5B, 0x4B, 0x9A),
                accent: Rgb(0x1F, 0x5F, 0xAA),
                empty: Rgb(0xFA, 0xFA, 0xFB),
            },
            Theme::Dark => Palette {
                background: Rgb(0x16, 0x1A, 0x20),
                panel: Rgb(0x21, 0x27, 0x2F),
                text: Rgb(0xE8, 0xEC, 0xF1),
                muted: Rgb(0xA2, 0xAC, 0xB8),
                grid: Rgb(0x3A, 0x42, 0x4D),
                good: Rgb(0x2F, 0x8A, 0x59),
                mid: Rgb(0x8A, 0xA8, 0x34),
                warn: Rgb(0xC9, 0x8A, 0x22),
                bad: Rgb(0xC2, 0x3A, 0x2E),
                alarm: Rgb(0xFF, 0x6B, 0x5E),
                zopa: Rgb(0x4C, 0xC3, 0x85),
                pain_low: Rgb(0x2A, 0x2F, 0x3C),
                pain_high: Rgb(0x8B, 0x7B, 0xD8),
                accent: Rgb(0x6C, 0xA8, 0xF0),
                empty: Rgb(0x1C, 0x21, 0x28),
            },
        }
    }
}

/// The colours one theme draws with.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Palette {
    pub background: Rgb,
    /// Header bands and alternate rows.
    pub panel: Rgb,
    pub text: Rgb,
    /// Secondary text: subtitles, scale ends, axis ticks.
    pub muted: Rgb,
    pub grid: Rgb,
    /// Concession share 0 (the party gets its ideal).
    pub good: Rgb,
    /// Concession share 0.5 (half its room used): a clean yellow-green, not the olive of a
    /// straight green-to-amber blend.
    pub mid: Rgb,
    /// Concession share 1 (exactly at the walk-away).
    pub warn: Rgb,
    /// Beyond the walk-away.
    pub bad: Rgb,
    /// The strongest warning: a breached red line.
    pub alarm: Rgb,
    pub zopa: Rgb,
    /// Pain ramp for parties without a walk-away (no share to show).
    pub pain_low: Rgb,
    pub pain_high: Rgb,
    pub accent: Rgb,
    /// Cells with no position.
    pub empty: Rgb,
}

impl Palette {
    /// Colour of a concession share: green at 0, amber at 1, red from 1.5 on.
    pub fn share(&self, share: f64) -> Rgb {
        if share <= 0.5 {
            self.good.mix(self.mid, share.max(0.0) / 0.5)
        } else if share <= 1.0 {
            self.mid.mix(self.warn, (share - 0.5) / 0.5)
        } else {
            self.warn.mix(self.bad, (share - 1.0) / 0.5)
        }
    }

    /// Colour of a pain value (0..=`max`).
    pub fn pain(&self, pain: f64, max: f64) -> Rgb {
        let t = if max > 0.0 { pain / max } else { 0.0 };
        self.pain_low.mix(self.pain_high, 0.15 + 0.85 * t)
    }

    /// Black or white text, whichever reads better on `fill`.
    pub fn ink_on(&self, fill: Rgb) -> Rgb {
        let dark = Rgb(0x14, 0x18, 0x1D);
        let light = Rgb(0xFF, 0xFF, 0xFF);
        if fill.contrast(dark) >= fill.contrast(light) {
            dark
        } else {
            light
        }
    }

    /// A party's colour, nudged towards the text colour when it would vanish into the
    /// background (the palette's black on a dark theme, a pale yellow on white).
    pub fn party(&self, color: &str) -> Rgb {
        let c = Rgb::hex(color).unwrap_or(self.accent);
        if c.contrast(self.background) < 2.0 {
            c.mix(self.text, 0.55)
        } else {
            c
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn share_ramp_has_its_anchors() {
        let p = Theme::Light.palette();
        assert_eq!(p.share(0.0), p.good);
        assert_eq!(p.share(1.0), p.warn);
        assert_eq!(p.share(1.5), p.bad);
        assert_eq!(p.share(9.0), p.bad);
    }

    #[test]
    fn party_colours_stay_visible() {
        for theme in Theme::ALL {
            let p = theme.palette();
            for c in crate::model::PALETTE {
                assert!(p.party(c).contrast(p.background) >= 1.6, "{c} on {theme:?}");
            }
        }
        // Black (#000000, the palette's eighth colour) is kept on white.
        assert_eq!(Theme::Light.palette().party("#000000"), Rgb(0, 0, 0));
    }

    #[test]
    fn cell_text_has_contrast() {
        let p = Theme::Light.palette();
        for fill in [p.good, p.warn, p.bad, p.alarm, p.pain_high, p.pain_low] {
            assert!(p.ink_on(fill).contrast(fill) >= 4.0, "{fill:?}");
        }
    }
}
