//! A small text flow: blocks (headings, paragraphs, tables with wrapping cells, charts, page
//! breaks) laid out onto pages of a paper size, measured with the embedded font's advances,
//! so nothing is clipped and nothing overlaps. The result is positioned items per page that
//! `pdf` draws; the running header and page numbers are added there, once the count is known.

use stancemap_charts::metrics;

/// The paper the pack is laid out for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

impl Paper {
    /// Width and height in PDF points (1/72 inch).
    pub fn size_pt(self) -> (f32, f32) {
        match self {
            Paper::A4 => (595.28, 841.89),
            Paper::Letter => (612.0, 792.0),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Paper::A4 => "a4",
            Paper::Letter => "letter",
        }
    }
}

/// Page margins in points: the header and footer sit inside the top and bottom ones.
pub const MARGIN_X: f32 = 54.0;
pub const MARGIN_TOP: f32 = 66.0;
pub const MARGIN_BOTTOM: f32 = 60.0;

pub const BODY: f32 = 9.5;
pub const SMALL: f32 = 8.0;
const LEADING: f32 = 1.35;
const CELL_PAD: f32 = 3.0;

pub type Rgb = [u8; 3];
pub const TEXT: Rgb = [0x1f, 0x23, 0x28];
pub const MUTED: Rgb = [0x5f, 0x67, 0x70];
pub const ACCENT: Rgb = [0x1d, 0x4e, 0x89];
pub const RULE: Rgb = [0xc8, 0xcd, 0xd3];
const HEADER_FILL: Rgb = [0xea, 0xee, 0xf3];

/// What the pack is made of, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// The cover's title.
    Title(String),
    /// A section heading; kept on a page with the lines after it.
    Heading(String),
    Subheading(String),
    Para(String),
    /// Smaller, muted text (captions, caveats, what was left out).
    Note(String),
    /// A paragraph with a hanging bullet.
    Bullet(String),
    Table(Table),
    /// Chart `index` of the pack's SVGs, full width, `aspect` = height / width.
    Chart {
        index: usize,
        aspect: f32,
    },
    Space(f32),
    PageBreak,
}

/// A table whose cells wrap; columns share the width in proportion to `widths`.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub widths: Vec<f32>,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// Something drawn on a page, in points from the top-left corner.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// `y` is the baseline.
    Text {
        x: f32,
        y: f32,
        size: f32,
        color: Rgb,
        text: String,
    },
    Line {
        x0: f32,
        y0: f32,
        x1: f32,
        y1: f32,
        width: f32,
        color: Rgb,
    },
    Fill {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        color: Rgb,
    },
    Svg {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        index: usize,
    },
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub items: Vec<Item>,
}

/// Width of `text` in points at `size`.
pub fn width(text: &str, size: f32) -> f32 {
    metrics::text_size(text, f64::from(size)).0 as f32
}

/// `text` broken into lines no wider than `max` (explicit newlines kept); a word wider than
/// a whole line is broken between characters.
pub fn wrap(text: &str, size: f32, max: f32) -> Vec<String> {
    let space = width(" ", size);
    let mut lines = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        let mut line_w = 0.0;
        for word in para.split_whitespace() {
            let w = width(word, size);
            if !line.is_empty() && line_w + space + w <= max {
                line.push(' ');
                line.push_str(word);
                line_w += space + w;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if w <= max {
                line = word.to_owned();
                line_w = w;
            } else {
                // Too long for any line (a URL, a long name): break it where it must.
                for c in word.chars() {
                    let cw = width(c.encode_utf8(&mut [0; 4]), size);
                    if !line.is_empty() && line_w + cw > max {
                        lines.push(std::mem::take(&mut line));
                        line_w = 0.0;
                    }
                    line.push(c);
                    line_w += cw;
                }
            }
        }
        lines.push(line);
    }
    lines
}

/// `text` cut with an ellipsis to fit `max` points.
pub fn fit(text: &str, size: f32, max: f32) -> String {
    if width(text, size) <= max {
        return text.to_owned();
    }
    let mut out = String::new();
    for c in text.chars() {
        out.push(c);
        if width(&out, size) + width("…", size) > max {
            out.pop();
            break;
        }
    }
    out.push('…');
    out
}

struct Layouter {
    pages: Vec<Page>,
    page: Page,
    y: f32,
    top: f32,
    bottom: f32,
    left: f32,
    width: f32,
}

/// Lay `blocks` out on pages of `paper`.
pub fn layout(blocks: &[Block], paper: Paper) -> Vec<Page> {
    let (w, h) = paper.size_pt();
    let mut l = Layouter {
        pages: Vec::new(),
        page: Page::default(),
        y: MARGIN_TOP,
        top: MARGIN_TOP,
        bottom: h - MARGIN_BOTTOM,
        left: MARGIN_X,
        width: w - 2.0 * MARGIN_X,
    };
    for (i, block) in blocks.iter().enumerate() {
        l.block(block, blocks.get(i + 1));
    }
    l.pages.push(l.page);
    l.pages
}

impl Layouter {
    fn new_page(&mut self) {
        self.pages.push(std::mem::take(&mut self.page));
        self.y = self.top;
    }

    fn at_top(&self) -> bool {
        self.y <= self.top + 0.5
    }

    /// Start a new page unless `h` more points fit on this one (or it is still empty).
    fn ensure(&mut self, h: f32) {
        if self.y + h > self.bottom && !self.at_top() {
            self.new_page();
        }
    }

    fn text(&mut self, x: f32, size: f32, color: Rgb, text: String) {
        self.page.items.push(Item::Text {
            x,
            y: self.y + size * 1.02,
            size,
            color,
            text,
        });
    }

    fn lines(&mut self, text: &str, size: f32, color: Rgb, indent: f32) {
        let lh = size * LEADING;
        for line in wrap(text, size, self.width - indent) {
            self.ensure(lh);
            self.text(self.left + indent, size, color, line);
            self.y += lh;
        }
    }

    fn block(&mut self, block: &Block, next: Option<&Block>) {
        match block {
            Block::Title(text) => {
                self.lines(text, 24.0, ACCENT, 0.0);
                self.y += 6.0;
            }
            Block::Heading(text) | Block::Subheading(text) => {
                let size = if matches!(block, Block::Heading(_)) {
                    15.0
                } else {
                    11.5
                };
                let lines = wrap(text, size, self.width).len() as f32;
                // Keep a heading with its first lines (or its chart).
                let keep = match next {
                    Some(Block::Chart { aspect, .. }) => self.width * aspect,
                    Some(Block::Table(_)) => 4.0 * SMALL * LEADING,
                    _ => 3.0 * BODY * LEADING,
                };
                if !self.at_top() {
                    self.y += size * 0.6;
                }
                self.ensure(lines * size * LEADING + keep);
                self.lines(text, size, ACCENT, 0.0);
                self.y += 3.0;
            }
            Block::Para(text) => {
                self.lines(text, BODY, TEXT, 0.0);
                self.y += BODY * 0.5;
            }
            Block::Note(text) => {
                self.lines(text, SMALL, MUTED, 0.0);
                self.y += SMALL * 0.5;
            }
            Block::Bullet(text) => {
                let lh = BODY * LEADING;
                self.ensure(lh);
                self.text(self.left + 2.0, BODY, ACCENT, "•".to_owned());
                self.lines(text, BODY, TEXT, 12.0);
                self.y += BODY * 0.3;
            }
            Block::Table(table) => self.table(table),
            Block::Chart { index, aspect } => {
                let h = self.width * aspect;
                self.ensure(h);
                self.page.items.push(Item::Svg {
                    x: self.left,
                    y: self.y,
                    w: self.width,
                    h,
                    index: *index,
                });
                self.y += h + 6.0;
            }
            Block::Space(h) => self.y += h,
            Block::PageBreak => {
                if !self.at_top() {
                    self.new_page();
                }
            }
        }
    }

    fn columns(&self, table: &Table) -> Vec<(f32, f32)> {
        let total: f32 = table.widths.iter().sum::<f32>().max(f32::EPSILON);
        let mut x = self.left;
        table
            .widths
            .iter()
            .map(|w| {
                let cw = self.width * w / total;
                let col = (x, cw);
                x += cw;
                col
            })
            .collect()
    }

    fn wrap_row(cols: &[(f32, f32)], cells: &[String], size: f32) -> Vec<Vec<String>> {
        cols.iter()
            .enumerate()
            .map(|(i, (_, w))| {
                wrap(
                    cells.get(i).map_or("", String::as_str),
                    size,
                    w - 2.0 * CELL_PAD,
                )
            })
            .collect()
    }

    /// Draw `lines[from..to]` of each cell as one row band; returns its height.
    fn row_band(
        &mut self,
        cols: &[(f32, f32)],
        cells: &[Vec<String>],
        range: (usize, usize),
        header: bool,
    ) {
        let lh = SMALL * LEADING;
        let h = (range.1 - range.0) as f32 * lh + 2.0 * CELL_PAD;
        if header {
            self.page.items.push(Item::Fill {
                x: self.left,
                y: self.y,
                w: self.width,
                h,
                color: HEADER_FILL,
            });
        }
        let top = self.y;
        for ((x, _), lines) in cols.iter().zip(cells) {
            self.y = top + CELL_PAD;
            for line in lines.iter().take(range.1).skip(range.0) {
                let color = if header { ACCENT } else { TEXT };
                self.text(x + CELL_PAD, SMALL, color, line.clone());
                self.y += lh;
            }
        }
        self.y = top + h;
        self.page.items.push(Item::Line {
            x0: self.left,
            y0: self.y,
            x1: self.left + self.width,
            y1: self.y,
            width: 0.5,
            color: RULE,
        });
    }

    fn header_row(&mut self, cols: &[(f32, f32)], header: &[Vec<String>]) {
        let n = header.iter().map(Vec::len).max().unwrap_or(1);
        self.row_band(cols, header, (0, n), true);
    }

    fn table(&mut self, table: &Table) {
        let cols = self.columns(table);
        let lh = SMALL * LEADING;
        let header = Self::wrap_row(&cols, &table.header, SMALL);
        let header_h = header.iter().map(Vec::len).max().unwrap_or(1) as f32 * lh + 2.0 * CELL_PAD;
        self.ensure(header_h + lh + 2.0 * CELL_PAD);
        self.header_row(&cols, &header);
        for row in &table.rows {
            let cells = Self::wrap_row(&cols, row, SMALL);
            let n = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
            let h = n as f32 * lh + 2.0 * CELL_PAD;
            let page_room = self.bottom - self.top - header_h;
            if self.y + h > self.bottom && h <= page_room {
                self.new_page();
                self.header_row(&cols, &header);
            }
            // A row taller than a page continues on the next, under the header again.
            let mut from = 0;
            while from < n {
                let fit = ((self.bottom - self.y - 2.0 * CELL_PAD) / lh)
                    .floor()
                    .max(0.0) as usize;
                if fit == 0 {
                    self.new_page();
                    self.header_row(&cols, &header);
                    continue;
                }
                let to = (from + fit).min(n);
                self.row_band(&cols, &cells, (from, to), false);
                from = to;
                if from < n {
                    self.new_page();
                    self.header_row(&cols, &header);
                }
            }
        }
        self.y += BODY * 0.6;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_every_word_within_the_width() {
        let text = "the quick brown fox jumps over the lazy dog ".repeat(20);
        let lines = wrap(&text, 10.0, 150.0);
        assert!(lines.len() > 5);
        for line in &lines {
            assert!(width(line, 10.0) <= 150.0, "{line}");
        }
        assert_eq!(lines.join(" ").split_whitespace().count(), 180);
    }

    #[test]
    fn a_word_longer_than_the_line_is_broken() {
        let lines = wrap(&"W".repeat(100), 10.0, 60.0);
        assert!(lines.len() > 3);
        assert!(lines.iter().all(|l| width(l, 10.0) <= 60.0));
        assert_eq!(lines.concat(), "W".repeat(100));
    }

    #[test]
    fn long_tables_run_onto_more_pages_and_stay_inside_the_margins() {
        let table = Table {
            widths: vec![1.0, 3.0],
            header: vec!["Party".into(), "Rationale".into()],
            rows: (0..80)
                .map(|i| vec![format!("Party {i}"), "word ".repeat(40 + i * 3)])
                .collect(),
        };
        let pages = layout(&[Block::Table(table)], Paper::A4);
        assert!(pages.len() > 3, "{}", pages.len());
        let (_, h) = Paper::A4.size_pt();
        for page in &pages {
            for item in &page.items {
                if let Item::Text { y, .. } = item {
                    assert!(*y > MARGIN_TOP && *y < h - MARGIN_BOTTOM + 2.0, "{y}");
                }
            }
        }
    }
}
