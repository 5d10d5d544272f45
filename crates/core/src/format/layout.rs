//! Touch-ups that turn RON's pretty output into the canonical layout FORMAT.md shows:
//! decimal numbers instead of exponents, `'` unescaped, and short items on one line.
//!
//! The input is always `ron`'s own pretty output with escaped strings, so every string is on
//! one line and every line is one field, one list element, an opener or a closer; that
//! regularity is what lets these passes work line by line.

use std::borrow::Cow;

/// Structs whose fields are all short scalars: written on one line, like
/// `Mark(at: 50.0, label: "Air and sea only")`.
const ONE_LINE_STRUCTS: [&str; 3] = ["Mark", "Shift", "PowerOverride"];

/// A list of strings is put on one line when the line stays this short.
const MAX_LINE: usize = 100;

const INDENT: usize = 4;

/// Apply every pass to RON pretty output. Lines that need no change are borrowed, not
/// copied, and the result is built in one buffer: saving is what users wait for.
pub(crate) fn canonical_layout(ron: &str) -> String {
    let lines: Vec<Cow<'_, str>> = ron.lines().map(rewrite_scalars).collect();
    let mut text = String::with_capacity(ron.len());
    let mut i = 0;
    while i < lines.len() {
        if let Some((joined, next)) = try_join(&lines, i) {
            text.push_str(&joined);
            i = next;
        } else {
            text.push_str(&lines[i]);
            i += 1;
        }
        text.push('\n');
    }
    text
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// If line `start` opens a one-line struct or a short list of strings, the joined line and
/// the index of the line after its closer.
fn try_join(lines: &[Cow<'_, str>], start: usize) -> Option<(String, usize)> {
    let opener = &lines[start];
    let indent = indent_of(opener);
    let (close, is_struct) = if opener.ends_with('(') {
        let head = opener.trim_start().trim_end_matches('(');
        let name = head.rsplit([' ', ':']).next().unwrap_or(head);
        if !ONE_LINE_STRUCTS.contains(&name) {
            return None;
        }
        (')', true)
    } else if opener.ends_with('[') {
        (']', false)
    } else {
        return None;
    };
    let mut parts = Vec::new();
    let mut end = start + 1;
    loop {
        let line = lines.get(end)?;
        let content = line.trim_start();
        if indent_of(line) == indent && content.starts_with(close) {
            break;
        }
        if indent_of(line) != indent + INDENT || content.ends_with(['(', '[']) {
            return None;
        }
        if !is_struct && !content.starts_with('"') {
            return None;
        }
        parts.push(content.strip_suffix(',').unwrap_or(content));
        end += 1;
    }
    if parts.is_empty() {
        return None;
    }
    let joined = format!("{opener}{}{}", parts.join(", "), lines[end].trim_start());
    if !is_struct && joined.chars().count() > MAX_LINE {
        return None;
    }
    Some((joined, end + 1))
}

/// Rewrite the scalars of one line: numbers in exponent form become plain decimals
/// (`1e-7` -> `0.0000001`), and `\'` inside strings becomes `'` (an apostrophe needs no
/// escape in RON, and prose is full of them). A line with nothing to rewrite is returned as
/// it is. Works on bytes: every character that matters is ASCII, and outside strings RON's
/// pretty output has nothing but ASCII.
fn rewrite_scalars(line: &str) -> Cow<'_, str> {
    let bytes = line.as_bytes();
    let mut out: Option<String> = None;
    // Bytes before `copied` are already in `out` (or need no change).
    let mut copied = 0;
    let mut in_string = false;
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if in_string {
            match c {
                b'\\' if bytes.get(i + 1) == Some(&b'\'') => {
                    let out = out.get_or_insert_with(|| String::with_capacity(line.len()));
                    out.push_str(&line[copied..i]);
                    out.push('\'');
                    i += 2;
                    copied = i;
                    continue;
                }
                b'\\' => i += 1,
                b'"' => in_string = false,
                _ => {}
            }
            i += 1;
            continue;
        }
        let token_start = i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_');
        if token_start && (c.is_ascii_digit() || c == b'-') {
            let end = (i..bytes.len())
                .find(|&j| !(bytes[j].is_ascii_alphanumeric() || b"+-._".contains(&bytes[j])))
                .unwrap_or(bytes.len());
            if let Some(decimal) = decimal_token(&line[i..end]) {
                let out = out.get_or_insert_with(|| String::with_capacity(line.len()));
                out.push_str(&line[copied..i]);
                out.push_str(&decimal);
                copied = end;
            }
            i = end;
            continue;
        }
        if c == b'"' {
            in_string = true;
        }
        i += 1;
    }
    match out {
        None => Cow::Borrowed(line),
        Some(mut out) => {
            out.push_str(&line[copied..]);
            Cow::Owned(out)
        }
    }
}

/// A float token in exponent form, in plain decimal notation with a decimal point; `None`
/// for every other token (it stays as it is).
fn decimal_token(token: &str) -> Option<String> {
    if !token.contains(['e', 'E']) {
        return None;
    }
    match token.parse::<f64>() {
        // `Display` never uses an exponent and prints the shortest digits that read back
        // as the same f64.
        Ok(value) if value.is_finite() => {
            let text = value.to_string();
            Some(if text.contains('.') {
                text
            } else {
                format!("{text}.0")
            })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exponents_become_decimals() {
        assert_eq!(rewrite_scalars("    at: 1e-7,"), "    at: 0.0000001,");
        assert_eq!(
            rewrite_scalars("    at: Some(1.5e2),"),
            "    at: Some(150.0),"
        );
        assert_eq!(rewrite_scalars("    at: -2.5e-3,"), "    at: -0.0025,");
        assert_eq!(rewrite_scalars("    at: 100.0,"), "    at: 100.0,");
        assert_eq!(rewrite_scalars("    x: \"1e-7\","), "    x: \"1e-7\",");
        assert_eq!(
            rewrite_scalars("    red_line1e5: inf,"),
            "    red_line1e5: inf,"
        );
    }

    #[test]
    fn apostrophes_lose_their_backslash_only_inside_strings() {
        assert_eq!(
            rewrite_scalars(r#"    t: "Russia\'s \\\' \"view\"","#),
            r#"    t: "Russia's \\' \"view\"","#
        );
    }

    #[test]
    fn short_items_join() {
        let text = "X(\n    marks: [\n        Mark(\n            at: 50.0,\n            label: \"a\",\n        ),\n    ],\n    sources: [\n        \"a\",\n        \"b\",\n    ],\n)\n";
        assert_eq!(
            canonical_layout(text),
            "X(\n    marks: [\n        Mark(at: 50.0, label: \"a\"),\n    ],\n    sources: [\"a\", \"b\"],\n)\n"
        );
    }

    #[test]
    fn long_string_lists_stay_one_per_line() {
        let long = "x".repeat(90);
        let text = format!("X(\n    sources: [\n        \"{long}\",\n        \"b\",\n    ],\n)");
        assert_eq!(canonical_layout(&text), format!("{text}\n"));
    }
}
