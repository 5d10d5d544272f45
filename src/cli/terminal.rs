//! Text for a terminal: names and rationales come from files anyone may have written, so a
//! control character in them (an escape sequence that recolours, clears or retitles the
//! terminal) is printed as a visible escape, `\u{1b}`, never sent raw.

use std::borrow::Cow;
use std::io::Write;

/// `text` with every control character except newline and tab written as `\u{..}`.
pub fn safe(text: &str) -> Cow<'_, str> {
    let unsafe_char = |c: char| c.is_control() && c != '\n' && c != '\t';
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if unsafe_char(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Print `text` to standard output, made safe; a closed pipe simply ends the output.
pub fn print(text: &str) {
    let _ = std::io::stdout().write_all(safe(text).as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_become_visible_and_lines_stay() {
        assert_eq!(safe("A\u{1b}[31mB\n\tC\u{7}"), "A\\u{1b}[31mB\n\tC\\u{7}");
        assert!(matches!(safe("plain\n"), Cow::Borrowed(_)));
    }
}
