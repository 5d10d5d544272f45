//! A fast reader for the plain RON that project files are made of, several times quicker
//! than the `ron` crate on large files.
//!
//! It reads only what it is sure `ron` (with `implicit_some`) reads the same way: ASCII
//! whitespace, `//` and nested `/* */` comments, structs with or without their name, lists,
//! `Some(..)`/`None`/implicit options, unit enum variants, decimal numbers and strings with
//! the simple escapes. On anything else (raw strings, `\u{..}` escapes, `_` in numbers, an
//! unknown field, a syntax error...) it gives up and the caller parses with `ron`, which then
//! gives the same value or its located error message. So a success here always equals what
//! `ron` would have produced, and a failure costs only the time spent before it.

use serde::de::{
    self, DeserializeOwned, DeserializeSeed, EnumAccess, MapAccess, SeqAccess, VariantAccess,
    Visitor, value::BorrowedStrDeserializer,
};

/// The project (or any plain serde type) in `text`, or `None` to leave it to `ron`.
pub(crate) fn parse<T: DeserializeOwned>(text: &str) -> Option<T> {
    let mut de = Fast {
        text,
        src: text.as_bytes(),
        pos: 0,
    };
    let value = T::deserialize(&mut de).ok()?;
    de.skip_ws().ok()?;
    (de.pos == de.src.len()).then_some(value)
}

/// "Not sure: let `ron` read it." Carries nothing: `ron` makes the message.
#[derive(Debug)]
pub(crate) struct GiveUp;

impl std::fmt::Display for GiveUp {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("not plain RON")
    }
}

impl std::error::Error for GiveUp {}

impl de::Error for GiveUp {
    fn custom<T: std::fmt::Display>(_msg: T) -> Self {
        GiveUp
    }
}

type Result<T> = std::result::Result<T, GiveUp>;

struct Fast<'de> {
    text: &'de str,
    src: &'de [u8],
    pos: usize,
}

/// Byte classes, looked up in one table: the scanners below run over every byte of the file.
const WS: u8 = 1;
const IDENT: u8 = 2;
const IDENT_START: u8 = 4;
const FLOAT: u8 = 8;

const CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        let mut class = 0;
        if matches!(c, b' ' | b'\t' | b'\n' | b'\r') {
            class |= WS;
        }
        if c.is_ascii_alphanumeric() || c == b'_' {
            class |= IDENT;
        }
        if c.is_ascii_alphabetic() || c == b'_' {
            class |= IDENT_START;
        }
        // The characters `ron` takes into a number before parsing it.
        if c.is_ascii_digit() || matches!(c, b'e' | b'E' | b'.' | b'+' | b'-' | b'_') {
            class |= FLOAT;
        }
        table[b] = class;
        b += 1;
    }
    table
};

fn is(class: u8, b: u8) -> bool {
    CLASS[b as usize] & class != 0
}

fn is_ident_start(b: u8) -> bool {
    is(IDENT_START, b)
}

/// How many bytes at the start of `bytes` are of `class`.
fn run_of(class: u8, bytes: &[u8]) -> usize {
    bytes
        .iter()
        .position(|&b| !is(class, b))
        .unwrap_or(bytes.len())
}

/// Powers of ten that an `f64` holds exactly.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// `text` as `str::parse::<f64>` reads it, quicker for the short decimals project files hold.
/// With at most 15 digits, `digits / 10^decimals` divides two numbers that an `f64` holds
/// exactly, and IEEE division rounds that once, correctly, as `parse` does (Clinger's fast
/// path). Anything longer or with an exponent goes to `parse`.
pub(crate) fn parse_f64(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let (negative, body) = match bytes.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, bytes),
    };
    let mut digits: u64 = 0;
    let mut count = 0;
    let mut decimals = 0;
    let mut dot = false;
    for &b in body {
        match b {
            b'0'..=b'9' => {
                digits = digits * 10 + u64::from(b - b'0');
                count += 1;
                decimals += usize::from(dot);
                if count > 15 {
                    return text.parse().ok();
                }
            }
            b'.' if !dot => dot = true,
            _ => return text.parse().ok(),
        }
    }
    if count == 0 {
        return None;
    }
    let value = digits as f64 / POW10[decimals];
    Some(if negative { -value } else { value })
}

impl<'de> Fast<'de> {
    fn peek(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    /// Skip whitespace and comments. Only ASCII whitespace: `ron` also skips a few Unicode
    /// spaces, which then fail the next token here and go to `ron`.
    #[inline]
    fn skip_ws(&mut self) -> Result<()> {
        // Most calls sit right before a token: answer those without a loop.
        match self.peek() {
            Some(b' ' | b'\t' | b'\n' | b'\r' | b'/') => self.skip_ws_and_comments(),
            _ => Ok(()),
        }
    }

    fn skip_ws_and_comments(&mut self) -> Result<()> {
        loop {
            // Usually a line break and an indent: take the indent eight spaces at a time.
            if self.peek() == Some(b'\n') {
                self.pos += 1;
            }
            while self.src.get(self.pos..self.pos + 8) == Some(b"        ") {
                self.pos += 8;
            }
            self.pos += run_of(WS, &self.src[self.pos..]);
            match self.peek() {
                Some(b'/') => match self.src.get(self.pos + 1) {
                    Some(b'/') => {
                        self.pos = match self.src[self.pos..].iter().position(|&b| b == b'\n') {
                            Some(n) => self.pos + n + 1,
                            None => self.src.len(),
                        };
                    }
                    Some(b'*') => self.block_comment()?,
                    _ => return Err(GiveUp),
                },
                _ => return Ok(()),
            }
        }
    }

    /// A `/* */` comment, which nests in RON.
    fn block_comment(&mut self) -> Result<()> {
        self.pos += 2;
        let mut depth = 1;
        while depth > 0 {
            match (self.peek(), self.src.get(self.pos + 1)) {
                (None, _) => return Err(GiveUp),
                (Some(b'/'), Some(b'*')) => {
                    depth += 1;
                    self.pos += 2;
                }
                (Some(b'*'), Some(b'/')) => {
                    depth -= 1;
                    self.pos += 2;
                }
                _ => self.pos += 1,
            }
        }
        Ok(())
    }

    fn expect(&mut self, byte: u8) -> Result<()> {
        self.skip_ws()?;
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(GiveUp)
        }
    }

    /// An ASCII identifier at the cursor (after whitespace). Gives up when a non-ASCII
    /// character follows, which `ron` might count as part of the identifier.
    fn ident(&mut self) -> Result<&'de str> {
        self.skip_ws()?;
        let start = self.pos;
        if !self.peek().is_some_and(is_ident_start) {
            return Err(GiveUp);
        }
        self.pos += run_of(IDENT, &self.src[start..]);
        if self.peek().is_some_and(|b| !b.is_ascii()) {
            return Err(GiveUp);
        }
        Ok(&self.text[start..self.pos])
    }

    /// `,` with the whitespace around it, if there is one.
    fn comma(&mut self) -> Result<bool> {
        self.skip_ws()?;
        if self.peek() == Some(b',') {
            self.pos += 1;
            self.skip_ws()?;
            Ok(true)
        } else {
            Ok(false)
        }
    }

    /// The run of number characters at the cursor, which must be followed by punctuation
    /// or whitespace (a suffix such as `f64` or a letter goes to `ron`).
    fn number_text(&mut self) -> Result<&'de str> {
        self.skip_ws()?;
        let start = self.pos;
        self.pos += run_of(FLOAT, &self.src[start..]);
        let text = &self.text[start..self.pos];
        let bytes = text.as_bytes();
        let clean = !bytes.is_empty()
            && !bytes.contains(&b'_')
            && !bytes.windows(2).any(|pair| pair == b"..");
        let ends = self.peek().is_none_or(|b| !is(IDENT, b) && b.is_ascii());
        if clean && ends { Ok(text) } else { Err(GiveUp) }
    }

    fn string(&mut self) -> Result<std::borrow::Cow<'de, str>> {
        self.expect(b'"')?;
        let start = self.pos;
        let stop = |from: usize| {
            self.src[from..]
                .iter()
                .position(|&b| b == b'"' || b == b'\\')
                .map(|n| from + n)
        };
        // The closing quote and "no backslash before it", both found by `memchr` (what
        // `str::find` and `<[u8]>::contains` use), are quicker than one byte-by-byte search.
        let quote = self.text[start..].find('"').ok_or(GiveUp)? + start;
        if !self.src[start..quote].contains(&b'\\') {
            self.pos = quote + 1;
            return Ok(self.text[start..quote].into());
        }
        let mut end = stop(start).ok_or(GiveUp)?;
        let mut owned = String::with_capacity(end - start + 16);
        let mut from = start;
        loop {
            owned.push_str(&self.text[from..end]);
            if self.src[end] == b'"' {
                self.pos = end + 1;
                return Ok(owned.into());
            }
            owned.push(match self.src.get(end + 1) {
                Some(b'"') => '"',
                Some(b'\\') => '\\',
                Some(b'\'') => '\'',
                Some(b'n') => '\n',
                Some(b'r') => '\r',
                Some(b't') => '\t',
                Some(b'0') => '\0',
                _ => return Err(GiveUp),
            });
            from = end + 2;
            end = stop(from).ok_or(GiveUp)?;
        }
    }
}

impl<'de> de::Deserializer<'de> for &mut Fast<'de> {
    type Error = GiveUp;

    fn deserialize_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
        Err(GiveUp)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.skip_ws()?;
        if self.peek().is_some_and(is_ident_start) && self.ident()? != name {
            return Err(GiveUp);
        }
        self.expect(b'(')?;
        let value = visitor.visit_map(List::new(self, b')'))?;
        self.expect(b')')?;
        Ok(value)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.expect(b'[')?;
        let value = visitor.visit_seq(List::new(self, b']'))?;
        self.expect(b']')?;
        Ok(value)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.skip_ws()?;
        if !self.peek().is_some_and(is_ident_start) {
            return visitor.visit_some(self);
        }
        let before = self.pos;
        match self.ident()? {
            "None" => visitor.visit_none(),
            "Some" => {
                self.expect(b'(')?;
                let value = visitor.visit_some(&mut *self)?;
                self.comma()?;
                self.expect(b')')?;
                Ok(value)
            }
            _ => {
                // Implicit `Some`: the identifier is the value itself (say, an enum variant).
                self.pos = before;
                visitor.visit_some(self)
            }
        }
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        // `ron` parses the same characters with `str::parse`, which `parse_f64` equals.
        let value = parse_f64(self.number_text()?).ok_or(GiveUp)?;
        visitor.visit_f64(value)
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let text = self.number_text()?;
        // Plain decimal digits only, no leading zero: anything else is `ron`'s to judge.
        let plain =
            text.bytes().all(|b| b.is_ascii_digit()) && (text == "0" || !text.starts_with('0'));
        if !plain {
            return Err(GiveUp);
        }
        visitor.visit_u64(text.parse().map_err(|_| GiveUp)?)
    }

    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_u64(visitor)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.ident()? {
            "true" => visitor.visit_bool(true),
            "false" => visitor.visit_bool(false),
            _ => Err(GiveUp),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.string()? {
            std::borrow::Cow::Borrowed(s) => visitor.visit_borrowed_str(s),
            std::borrow::Cow::Owned(s) => visitor.visit_string(s),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        visitor.visit_enum(UnitVariant(self.ident()?))
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_borrowed_str(self.ident()?)
    }

    serde::forward_to_deserialize_any! {
        i8 i16 i32 i64 i128 u8 u16 u128 f32 char bytes byte_buf unit unit_struct
        newtype_struct tuple tuple_struct map ignored_any
    }
}

/// The items of a list (`[..]`) or the fields of a struct (`(..)`), comma separated with an
/// optional trailing comma, as `ron` reads them.
struct List<'a, 'de> {
    de: &'a mut Fast<'de>,
    close: u8,
    had_comma: bool,
}

impl<'a, 'de> List<'a, 'de> {
    fn new(de: &'a mut Fast<'de>, close: u8) -> Self {
        Self {
            de,
            close,
            had_comma: true,
        }
    }

    fn has_item(&mut self) -> Result<bool> {
        self.de.skip_ws()?;
        let at_close = self.de.peek() == Some(self.close);
        match (self.had_comma, at_close) {
            (true, at_close) => Ok(!at_close),
            (false, true) => Ok(false),
            (false, false) => Err(GiveUp),
        }
    }
}

impl<'de> SeqAccess<'de> for List<'_, 'de> {
    type Error = GiveUp;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        if !self.has_item()? {
            return Ok(None);
        }
        let value = seed.deserialize(&mut *self.de)?;
        self.had_comma = self.de.comma()?;
        Ok(Some(value))
    }
}

impl<'de> MapAccess<'de> for List<'_, 'de> {
    type Error = GiveUp;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        if !self.has_item()? {
            return Ok(None);
        }
        let key = self.de.ident()?;
        seed.deserialize(BorrowedStrDeserializer::new(key))
            .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        self.de.expect(b':')?;
        let value = seed.deserialize(&mut *self.de)?;
        self.had_comma = self.de.comma()?;
        Ok(value)
    }
}

/// An enum written as a bare variant name, the only kind a project file holds.
struct UnitVariant<'de>(&'de str);

impl<'de> EnumAccess<'de> for UnitVariant<'de> {
    type Error = GiveUp;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self)> {
        let value = seed.deserialize(BorrowedStrDeserializer::new(self.0))?;
        Ok((value, self))
    }
}

impl<'de> VariantAccess<'de> for UnitVariant<'de> {
    type Error = GiveUp;

    fn unit_variant(self) -> Result<()> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, _seed: T) -> Result<T::Value> {
        Err(GiveUp)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, _visitor: V) -> Result<V::Value> {
        Err(GiveUp)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value> {
        Err(GiveUp)
    }
}

#[cfg(test)]
mod tests;
