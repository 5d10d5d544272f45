//! Counting the comments of a RON text, so `fmt` can say that the canonical form drops them.

/// How many `//` and `/* */` comments `text` holds outside strings.
pub fn count_comments(text: &str) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let mut count = 0;
    let mut i = 0;
    while i < chars.len() {
        match (chars[i], chars.get(i + 1).copied()) {
            ('/', Some('/')) => {
                count += 1;
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            ('/', Some('*')) => {
                count += 1;
                i = skip_block_comment(&chars, i);
            }
            ('"', _) => i = skip_string(&chars, i),
            ('r', Some('"' | '#')) if i == 0 || !is_ident_char(chars[i - 1]) => {
                i = skip_raw_string(&chars, i);
            }
            _ => i += 1,
        }
    }
    count
}

fn is_ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The index after a block comment starting at `start`; RON block comments nest.
fn skip_block_comment(chars: &[char], start: usize) -> usize {
    let mut depth = 0;
    let mut i = start;
    while i < chars.len() {
        match (chars[i], chars.get(i + 1).copied()) {
            ('/', Some('*')) => {
                depth += 1;
                i += 2;
            }
            ('*', Some('/')) => {
                depth -= 1;
                i += 2;
                if depth == 0 {
                    return i;
                }
            }
            _ => i += 1,
        }
    }
    i
}

/// The index after a `"..."` string starting at `start`.
fn skip_string(chars: &[char], start: usize) -> usize {
    let mut i = start + 1;
    while i < chars.len() {
        match chars[i] {
            '\\' => i += 2,
            '"' => return i + 1,
            _ => i += 1,
        }
    }
    i
}

/// The index after a raw string `r#"..."#` starting at `start` (the `r`).
fn skip_raw_string(chars: &[char], start: usize) -> usize {
    let mut i = start + 1;
    let mut hashes = 0;
    while chars.get(i) == Some(&'#') {
        hashes += 1;
        i += 1;
    }
    if chars.get(i) != Some(&'"') {
        return start + 1;
    }
    i += 1;
    while i < chars.len() {
        if chars[i] == '"' && (1..=hashes).all(|k| chars.get(i + k) == Some(&'#')) {
            return i + 1 + hashes;
        }
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_are_counted_outside_strings() {
        assert_eq!(count_comments("Project(format: 1)"), 0);
        assert_eq!(
            count_comments("// a\nProject(/* b /* nested */ */ x: 1) // c"),
            3
        );
        assert_eq!(count_comments(r#"(url: "http://x/*y*/", t: "\"//")"#), 0);
        assert_eq!(count_comments(r##"(t: r#"a "// b" c"#, u: 1) // d"##), 1);
        assert_eq!(count_comments("(for: 1) // tail"), 1);
    }
}
