//! Plain-words messages for RON parse errors: what was found, what belongs there, what to do.

use super::{Diagnostic, Location, suggest::closest};
use ron::error::{Error, SpannedError};

/// The diagnostic for a file (`text`) that is not valid RON or not of the project's shape.
pub(crate) fn diagnostic(text: &str, error: &SpannedError) -> Diagnostic {
    let (start, end) = (error.span.start, error.span.end);
    let waiting_for_more = matches!(
        error.code,
        Error::Eof
            | Error::ExpectedComma
            | Error::ExpectedArrayEnd
            | Error::ExpectedStructLikeEnd
            | Error::ExpectedMapEnd
    );
    // RON points a truncated file's error at its last token; the place to fix is the end.
    if waiting_for_more && rest_is_blank(text, end.line, end.col) {
        return Diagnostic::error(
            Location::Text {
                line: end.line,
                column: end.col,
            },
            describe(&Error::Eof),
        );
    }
    let (line, column) = match error.code {
        // RON's span starts after the `/*`.
        Error::UnclosedBlockComment => (start.line, start.col.saturating_sub(2).max(1)),
        _ => skip_blanks(text, start.line, start.col),
    };
    if matches!(error.code, Error::ExpectedComma)
        && let Some((number, number_column)) = decimal_in_whole_number(text, line, column)
    {
        // `format: 1.0`: RON read the 1 as the whole number it wanted and stopped at the
        // point; the problem is the number, not a missing comma.
        return Diagnostic::error(
            Location::Text {
                line,
                column: number_column,
            },
            format!(
                "{number} is not a whole number, and a whole number belongs here (the \
                 `format` version is one); write it without the decimal point, such as \
                 `{}`",
                number.split('.').next().unwrap_or("1")
            ),
        );
    }
    Diagnostic::error(Location::Text { line, column }, describe(&error.code))
}

/// When 1-based `line`:`column` is the `.` of a number such as `1.0` (digits before it,
/// a digit after it), that number and the column it starts at.
fn decimal_in_whole_number(text: &str, line: usize, column: usize) -> Option<(String, usize)> {
    let row: Vec<char> = text
        .split('\n')
        .nth(line.checked_sub(1)?)?
        .chars()
        .collect();
    let at = column.checked_sub(1)?;
    if row.get(at) != Some(&'.') || !row.get(at + 1)?.is_ascii_digit() {
        return None;
    }
    let begin = (0..at)
        .rev()
        .take_while(|&i| row[i].is_ascii_digit())
        .last()?;
    let end = (at + 1..row.len())
        .find(|&i| !row[i].is_ascii_digit())
        .unwrap_or(row.len());
    Some((row[begin..end].iter().collect(), begin + 1))
}

/// The first non-blank place at or after 1-based `line`:`column`, where the offending text
/// starts (RON's span may start at the blank before it).
fn skip_blanks(text: &str, line: usize, column: usize) -> (usize, usize) {
    let (mut l, mut c) = (1, 1);
    for ch in text.chars() {
        if (l, c) >= (line, column) && !ch.is_whitespace() {
            return (l, c);
        }
        if ch == '\n' {
            (l, c) = (l + 1, 1);
        } else {
            c += 1;
        }
    }
    (line, column)
}

/// Whether nothing but whitespace follows 1-based `line`:`column` (in characters).
fn rest_is_blank(text: &str, line: usize, column: usize) -> bool {
    let Some(rest_of_line) = text.split('\n').nth(line.saturating_sub(1)) else {
        return true;
    };
    let after: String = rest_of_line
        .chars()
        .skip(column.saturating_sub(1))
        .collect();
    after.trim().is_empty() && text.split('\n').skip(line).all(|l| l.trim().is_empty())
}

/// A user-facing sentence for one RON error.
pub(crate) fn describe(code: &Error) -> String {
    match code {
        Error::Eof => "the file ends too early; a closing `)` or `]` is probably missing".into(),
        Error::ExpectedComma => "expected a comma `,` between two items or fields".into(),
        Error::ExpectedArray => "expected a list here, starting with `[`".into(),
        Error::ExpectedArrayEnd => {
            "expected `]` to close the list (or a comma `,` before the next item)".into()
        }
        Error::ExpectedStructLike => "expected `(` here".into(),
        Error::ExpectedNamedStructLike(name) => {
            format!("expected a {name} here, written `{name}(...)` or `(...)`")
        }
        Error::ExpectedStructLikeEnd | Error::ExpectedOptionEnd => {
            "expected `)` to close the item (or a comma `,` before the next field)".into()
        }
        Error::ExpectedDifferentStructName { expected, found } => {
            let found = cut(found);
            format!("found `{found}(` where a `{expected}(` belongs; write `{expected}(`")
        }
        Error::ExpectedMapColon => "expected a colon `:` after the field name".into(),
        Error::ExpectedIdentifier => "expected a field name, such as `title`".into(),
        Error::ExpectedFloat => "expected a number, such as 50.0".into(),
        Error::ExpectedInteger => "expected a whole number, such as 1".into(),
        Error::IntegerOutOfBounds => "this whole number is too large (or negative)".into(),
        Error::ExpectedBoolean => "expected `true` or `false`".into(),
        Error::ExpectedString => "expected text in double quotes, such as \"Russia\"".into(),
        Error::ExpectedStringEnd => {
            "this text is not closed; add the closing double quote `\"`".into()
        }
        Error::ExpectedOption => "expected a value, `Some(...)` or `None`".into(),
        Error::ExpectedUnit => "expected `()`".into(),
        Error::InvalidEscape(what) => {
            format!("{what} in a string; write a backslash as `\\\\` and a quote as `\\\"`")
        }
        Error::UnexpectedChar('\0') => {
            "unexpected NUL byte (the file may be damaged or not a text file)".into()
        }
        Error::UnexpectedChar(c) => format!("unexpected character {c:?} here"),
        Error::TrailingCharacters => "there is more text after the closing `)` of the \
             Project; remove it (or move it inside the Project)"
            .into(),
        Error::UnclosedBlockComment => "a `/*` comment is never closed; add `*/`".into(),
        Error::ExceededRecursionLimit => "the file nests brackets too deeply (more than 128 \
             levels); a stancemap project never does, so check that this is one"
            .into(),
        Error::NoSuchStructField {
            expected,
            found,
            outer,
        } => {
            let item = outer.as_deref().unwrap_or("this item");
            let hint = match closest(found, expected.iter().copied()) {
                Some(near) => format!(" (did you mean `{near}`?)"),
                None => String::new(),
            };
            format!(
                "unknown field `{}` in {item}{hint}; the fields of {item} are: {}",
                cut(found),
                expected.join(", ")
            )
        }
        Error::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => {
            let what = outer.as_deref().map_or("value", enum_noun);
            let hint = match closest(found, expected.iter().copied()) {
                Some(near) => format!(" (did you mean `{near}`?)"),
                None => String::new(),
            };
            format!(
                "unknown {what} `{}`{hint}; use one of: {}",
                cut(found),
                expected.join(", ")
            )
        }
        Error::MissingStructField { field, outer } => match (*field, outer.as_deref()) {
            ("format", None | Some("Project")) => "the file has no `format` field; add \
                 `format: 1,` as the first line inside `Project(`"
                .into(),
            (field, Some(item)) => {
                format!("{item} is missing the required field `{field}`; add `{field}: ...`")
            }
            (field, None) => {
                format!("the required field `{field}` is missing; add `{field}: ...`")
            }
        },
        Error::DuplicateStructField { field, outer } => {
            let item = outer.as_deref().unwrap_or("this item");
            format!("the field `{field}` appears twice in {item}; keep only one")
        }
        Error::InvalidValueForType { expected, found } => {
            format!("expected {} but found {}", plain_type(expected), cut(found))
        }
        Error::ExpectedDifferentLength { expected, found } => {
            format!("expected {expected} but found {found} elements")
        }
        other => {
            let text = cut_to(&other.to_string(), 200);
            let mut chars = text.chars();
            match chars.next() {
                Some(first) => first.to_lowercase().chain(chars).collect(),
                None => "the file is not valid RON".into(),
            }
        }
    }
}

/// Text from the file quoted in a message, cut to a length that fits on a line: a hostile
/// file can hold a field name of millions of characters.
fn cut(text: &str) -> String {
    cut_to(text, 60)
}

fn cut_to(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let kept: String = text.chars().take(max - 1).collect();
        format!("{kept}…")
    }
}

/// Serde's names of primitive types in words an analyst reads.
fn plain_type(expected: &str) -> String {
    match expected {
        "f64" | "f32" => "a number".into(),
        "u8" | "u16" | "u32" | "u64" | "i32" | "i64" => "a whole number".into(),
        "a sequence" => "a list `[...]`".into(),
        other => match other.strip_prefix("struct ") {
            Some(name) => format!("a {name}(...)"),
            None => other.into(),
        },
    }
}

/// The FORMAT.md word for a value of one of the model's enums.
fn enum_noun(name: &str) -> &str {
    match name {
        "Role" => "role",
        "LeverageKind" => "leverage kind",
        "LeverageStatus" => "leverage status",
        "EventKind" => "event kind",
        "OutcomeMethod" => "outcome method",
        other => other,
    }
}
