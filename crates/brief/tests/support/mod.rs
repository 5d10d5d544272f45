//! Reading a briefing PDF back with lopdf (no poppler needed): pages, the text of each page,
//! the Info title, and the drawing operators of a page with the forms it draws.
#![allow(dead_code)]

use lopdf::{Dictionary, Document, Object, ObjectId};

pub struct Pdf {
    pub doc: Document,
}

impl Pdf {
    pub fn parse(bytes: &[u8]) -> Pdf {
        Pdf {
            doc: Document::load_mem(bytes).expect("a PDF lopdf can read"),
        }
    }

    pub fn page_count(&self) -> usize {
        self.doc.get_pages().len()
    }

    /// The text of page `n` (1-based), its runs of whitespace made single spaces.
    pub fn page_text(&self, n: u32) -> String {
        let text = self.doc.extract_text(&[n]).unwrap_or_default();
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// The text of every page, joined.
    pub fn text(&self) -> String {
        (1..=self.page_count() as u32)
            .map(|n| self.page_text(n))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The Info dictionary's title.
    pub fn title(&self) -> Option<String> {
        let info = self.doc.trailer.get(b"Info").ok()?;
        let (_, info) = self.doc.dereference(info).ok()?;
        let title = info.as_dict().ok()?.get(b"Title").ok()?;
        match title {
            Object::String(bytes, _) => {
                if bytes.starts_with(&[0xfe, 0xff]) {
                    let units: Vec<u16> = bytes[2..]
                        .chunks(2)
                        .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
                        .collect();
                    String::from_utf16(&units).ok()
                } else {
                    Some(String::from_utf8_lossy(bytes).into_owned())
                }
            }
            _ => None,
        }
    }

    /// The content of page `n` and of every form XObject it draws, decompressed.
    pub fn page_ops(&self, n: u32) -> String {
        let pages = self.doc.get_pages();
        let Some(&id) = pages.get(&n) else {
            return String::new();
        };
        let mut out = String::from_utf8_lossy(&self.doc.get_page_content(id)).into_owned();
        if let Ok((Some(resources), _)) = self.doc.get_page_resources(id) {
            self.forms(resources, &mut out, 0);
        }
        out
    }

    fn forms(&self, resources: &Dictionary, out: &mut String, depth: usize) {
        if depth > 8 {
            return;
        }
        let Ok(xobjects) = resources.get(b"XObject") else {
            return;
        };
        let Ok((_, xobjects)) = self.doc.dereference(xobjects) else {
            return;
        };
        let Ok(xobjects) = xobjects.as_dict() else {
            return;
        };
        let ids: Vec<ObjectId> = xobjects
            .iter()
            .filter_map(|(_, v)| v.as_reference().ok())
            .collect();
        for id in ids {
            let Ok(Object::Stream(stream)) = self.doc.get_object(id) else {
                continue;
            };
            if let Ok(bytes) = stream.decompressed_content() {
                out.push_str(&String::from_utf8_lossy(&bytes));
                out.push('\n');
            } else {
                out.push_str(&String::from_utf8_lossy(&stream.content));
            }
            if let Ok(res) = stream.dict.get(b"Resources")
                && let Ok((_, res)) = self.doc.dereference(res)
                && let Ok(res) = res.as_dict()
            {
                self.forms(res, out, depth + 1);
            }
        }
    }
}

/// Operator tokens of a content stream (strings and arrays split off their operators).
fn tokens(ops: &str) -> Vec<String> {
    ops.replace(']', "] ")
        .replace(')', ") ")
        .split_whitespace()
        .map(str::to_owned)
        .collect()
}

/// How many path construction operators (`l`, `c`, `re`) and text-showing operators
/// (`Tj`, `TJ`) a content stream has.
pub fn op_counts(ops: &str) -> (usize, usize) {
    let t = tokens(ops);
    let paths = t
        .iter()
        .filter(|t| matches!(t.as_str(), "l" | "c" | "re"))
        .count();
    let texts = t
        .iter()
        .filter(|t| matches!(t.as_str(), "Tj" | "TJ"))
        .count();
    (paths, texts)
}

/// Whether `ops` holds vector path painting (lines or curves, then a fill or stroke) and
/// text showing.
pub fn has_vector_paths_and_text(ops: &str) -> bool {
    let t = tokens(ops);
    let paint = t
        .iter()
        .any(|t| matches!(t.as_str(), "f" | "S" | "B" | "f*"));
    let (paths, texts) = op_counts(ops);
    paths > 0 && paint && texts > 0
}
