//! Touch-ups that turn RON's pretty output into the canonical layout FORMAT.md shows:
//! decimal numbers instead of exponents, `'` unescaped, and short items on one line.
//!
//! The input is always `ron`'s own pretty output with escaped strings, so every string is on
//! one line and every line is one field, one list element, an opener or a closer; that
//! regularity is what lets these passes work line by line.

/// Structs whose fields are all short scalars: written on one line, like
/// `Mark(at: 50.0, label: "Air and sea only")`.
const ONE_LINE_STRUCTS: [&str; 3] = ["Mark", "Shift", "PowerOverride"];

/// A list of strings is put on one line when the line stays this short.
const MAX_LINE: usize = 100;

const INDENT: usize = 4;

/// Apply every pass to RON pretty output.
pub(crate) fn canonical_layout(ron: &str) -> String {
    let lines: Vec<String> = ron.lines().map(rewrite_scalars).collect();
    let lines = join_short_items(&lines);
    let mut text = lines.join("\n");
    text.push('\n');
    text
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// Join one-line structs and short string lists; everything else is kept as is.
fn join_short_items(lines: &[String]) -> Vec<String> {
    let mut out = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        if let Some((joined, next)) = try_join(lines, i) {
            out.push(joined);
            i = next;
        } else {
            out.push(lines[i].clone());
            i += 1;
        }
    }
    out
}

/// If line `start` opens a one-line struct or a short list of strings, the joined line and
/// the index of the line after its closer.
fn try_join(lines: &[String], start: usize) -> Option<(String, usize)> {
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
/// escape in RON, and prose is full of them).
fn rewrite_scalars(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    let mut in_string = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if in_string {
            match c {
                '\\' if chars.get(i + 1) == Some(&'\'') => {
                    out.push('\'');
                    i += 2;
                    continue;
                }
                '\\' => {
                    out.push(c);
                    if let Some(&next) = chars.get(i + 1) {
                        out.push(next);
                    }
                    i += 2;
                    continue;
                }
                '"' => in_string = false,
                _ => {}
            }
            out.push(c);
            i += 1;
            continue;
        }
        let token_start = i == 0 || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == '_');
        if token_start && (c.is_ascii_digit() || c == '-') {
            let end = (i..chars.len())
                .find(|&j| !(chars[j].is_ascii_alphanumeric() || "+-._".contains(chars[j])))
                .unwrap_or(chars.len());
            let token: String = chars[i..end].iter().collect();
            out.push_str(&decimal_token(&token));
            i = end;
            continue;
        }
        if c == '"' {
            in_string = true;
        }
        out.push(c);
        i += 1;
    }
    out
}

/// A float token in plain decimal notation with a decimal point; other tokens unchanged.
fn decimal_token(token: &str) -> String {
    if !token.contains(['e', 'E']) {
        return token.to_owned();
    }
    match token.parse::<f64>() {
        // `Display` never uses an exponent and prints the shortest digits that read back
        // as the same f64.
        Ok(value) if value.is_finite() => {
            let text = value.to_string();
            if text.contains('.') {
                text
            } else {
                format!("{text}.0")
            }
        }
        _ => token.to_owned(),
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
