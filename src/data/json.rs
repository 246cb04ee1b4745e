//! JSON text (RFC 8259) to a `serde_json::Value`, strictly: an object with the same key twice is
//! an error (serde_json's own parser keeps the last value, which in a hand-edited file would
//! lose the first without a word), as is nesting deeper than serde_json allows.
//!
//! Hand-written: serde_json's parser, with a visitor that refuses repeated keys and the serde
//! error machinery they bring, adds more to the wasm than this parser does. serde_json's `Value`
//! stays the type every reader works on. Numbers: integers are exact (`u64`, `i64`, larger ones
//! become floats, as in serde_json); a fraction or exponent is exact up to 15 digits and powers
//! of ten up to 22, and otherwise within a few units in the last place, so that the largest
//! floats (from about 1.79e308) read as out of range: the app reads only whole numbers, so a
//! float is only ever shown back in an error message.

use serde_json::{Map, Number, Value};

/// Objects and lists nested deeper than this are refused, as serde_json does: a hostile file
/// cannot exhaust the stack, here or when the value is dropped.
const MAX_DEPTH: usize = 128;

/// Why a text is not JSON, and where: the 1-based line and column (in characters) of the
/// character where reading stopped (the last one when the text ended too soon).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    pub line: usize,
    pub column: usize,
    /// In serde_json's words where it has some: "expected value", "duplicate field `id`".
    pub message: String,
}

/// Parses the whole of `text` as one JSON value; anything after it but white space is an error.
pub fn parse(text: &str) -> Result<Value, JsonError> {
    let mut reader = Reader { text, pos: 0 };
    let value = reader.value(0)?;
    reader.skip_space();
    if reader.pos < text.len() {
        return Err(reader.fail("trailing characters"));
    }
    Ok(value)
}

struct Reader<'t> {
    text: &'t str,
    /// The byte about to be read.
    pos: usize,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    /// An error at the byte about to be read.
    fn fail(&self, message: &str) -> JsonError {
        self.fail_at(self.pos, message)
    }

    /// An error at byte `at`, or at the last character when `at` is past the end. Never
    /// inlined: one copy for the many places that fail, off the path of a good file.
    #[inline(never)]
    fn fail_at(&self, at: usize, message: &str) -> JsonError {
        let bytes = self.text.as_bytes();
        let mut at = at.min(bytes.len().saturating_sub(1));
        // The last character may take several bytes: point at its first.
        while !self.text.is_char_boundary(at) {
            at -= 1;
        }
        let line_start = bytes[..at]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |newline| newline + 1);
        JsonError {
            line: 1 + bytes[..line_start].iter().filter(|&&b| b == b'\n').count(),
            // UTF-8 continuation bytes do not start a character.
            column: 1 + bytes[line_start..at]
                .iter()
                .filter(|&&b| b & 0xC0 != 0x80)
                .count(),
            message: message.to_owned(),
        }
    }

    /// The value starting at the next non-space byte; `depth` lists and objects enclose it.
    fn value(&mut self, depth: usize) -> Result<Value, JsonError> {
        self.skip_space();
        let Some(next) = self.peek() else {
            return Err(self.fail("EOF while parsing a value"));
        };
        if matches!(next, b'[' | b'{') && depth + 1 >= MAX_DEPTH {
            return Err(self.fail("recursion limit exceeded"));
        }
        match next {
            b'[' => self.list(depth + 1),
            b'{' => self.object(depth + 1),
            b'"' => self.string().map(Value::String),
            b't' => self.word("true", Value::Bool(true)),
            b'f' => self.word("false", Value::Bool(false)),
            b'n' => self.word("null", Value::Null),
            b'-' | b'0'..=b'9' => self.number(),
            _ => Err(self.fail("expected value")),
        }
    }

    fn word(&mut self, word: &str, value: Value) -> Result<Value, JsonError> {
        for &expected in word.as_bytes() {
            match self.peek() {
                Some(found) if found == expected => self.pos += 1,
                Some(_) => return Err(self.fail("expected ident")),
                None => return Err(self.fail("EOF while parsing a value")),
            }
        }
        Ok(value)
    }

    /// After a value in a list or an object: `,` (and then not `close`) or `close`; true when
    /// it was `close`. `expected` and `eof` are the errors' words.
    fn separator(&mut self, close: u8, expected: &str, eof: &str) -> Result<bool, JsonError> {
        self.skip_space();
        match self.peek() {
            Some(b',') => {
                self.pos += 1;
                self.skip_space();
                if self.peek() == Some(close) {
                    return Err(self.fail("trailing comma"));
                }
                Ok(false)
            }
            Some(found) if found == close => {
                self.pos += 1;
                Ok(true)
            }
            Some(_) => Err(self.fail(expected)),
            None => Err(self.fail(eof)),
        }
    }

    fn list(&mut self, depth: usize) -> Result<Value, JsonError> {
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_space();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Value::Array(items));
        }
        loop {
            items.push(self.value(depth)?);
            if self.separator(b']', "expected `,` or `]`", "EOF while parsing a list")? {
                return Ok(Value::Array(items));
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, JsonError> {
        self.pos += 1;
        let mut object = Map::new();
        self.skip_space();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Value::Object(object));
        }
        loop {
            self.skip_space();
            match self.peek() {
                Some(b'"') => {}
                Some(_) => return Err(self.fail("key must be a string")),
                None => return Err(self.fail("EOF while parsing an object")),
            }
            let key = self.string()?;
            if object.contains_key(&key) {
                // At the key's closing quote.
                return Err(self.fail_at(self.pos - 1, &format!("duplicate field `{key}`")));
            }
            self.skip_space();
            match self.peek() {
                Some(b':') => self.pos += 1,
                Some(_) => return Err(self.fail("expected `:`")),
                None => return Err(self.fail("EOF while parsing an object")),
            }
            let value = self.value(depth)?;
            object.insert(key, value);
            if self.separator(b'}', "expected `,` or `}`", "EOF while parsing an object")? {
                return Ok(Value::Object(object));
            }
        }
    }

    /// The string whose opening quote is the next byte.
    fn string(&mut self) -> Result<String, JsonError> {
        self.pos += 1;
        let mut out = String::new();
        let mut start = self.pos;
        loop {
            match self.peek() {
                None => return Err(self.fail("EOF while parsing a string")),
                // Both are ASCII, so `start..pos` always lies on character boundaries.
                Some(b'"') => {
                    out.push_str(&self.text[start..self.pos]);
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    out.push_str(&self.text[start..self.pos]);
                    self.pos += 1;
                    out.push(self.escape()?);
                    start = self.pos;
                }
                Some(0..=0x1F) => {
                    return Err(self
                        .fail("control character (\\u0000-\\u001F) found while parsing a string"))
                }
                Some(_) => self.pos += 1,
            }
        }
    }

    /// The character of the escape after a backslash.
    fn escape(&mut self) -> Result<char, JsonError> {
        let Some(code) = self.peek() else {
            return Err(self.fail("EOF while parsing a string"));
        };
        let simple = match code {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                self.pos += 1;
                return self.unicode_escape();
            }
            _ => return Err(self.fail("invalid escape")),
        };
        self.pos += 1;
        Ok(simple)
    }

    /// The character of `\uXXXX` (its four digits next), or of a surrogate pair of two.
    fn unicode_escape(&mut self) -> Result<char, JsonError> {
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                if self.text.as_bytes().get(self.pos..self.pos + 2) != Some(b"\\u") {
                    return Err(self.fail("lone leading surrogate in hex escape"));
                }
                self.pos += 2;
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(self.fail_at(self.pos - 1, "lone leading surrogate in hex escape"));
                }
                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            }
            0xDC00..=0xDFFF => {
                return Err(self.fail_at(self.pos - 1, "lone trailing surrogate in hex escape"))
            }
            other => other,
        };
        char::from_u32(code).ok_or_else(|| self.fail_at(self.pos - 1, "invalid unicode code point"))
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let mut code = 0;
        for _ in 0..4 {
            let Some(byte) = self.peek() else {
                return Err(self.fail("EOF while parsing a string"));
            };
            let digit = (byte as char)
                .to_digit(16)
                .ok_or_else(|| self.fail("invalid escape"))?;
            code = code * 16 + digit;
            self.pos += 1;
        }
        Ok(code)
    }

    /// Reads at least one digit.
    fn digits(&mut self) -> Result<(), JsonError> {
        match self.peek() {
            Some(b'0'..=b'9') => {}
            Some(_) => return Err(self.fail("invalid number")),
            None => return Err(self.fail("EOF while parsing a value")),
        }
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
        Ok(())
    }

    fn number(&mut self) -> Result<Value, JsonError> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        if self.peek() == Some(b'0') {
            self.pos += 1;
            if matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.fail("invalid number"));
            }
        } else {
            self.digits()?;
        }
        let mut whole = true;
        if self.peek() == Some(b'.') {
            self.pos += 1;
            self.digits()?;
            whole = false;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            self.digits()?;
            whole = false;
        }
        let literal = &self.text[start..self.pos];
        if whole {
            if let Some(integer) = integer(literal) {
                return Ok(Value::Number(integer));
            }
        }
        Number::from_f64(float(literal))
            .map(Value::Number)
            .ok_or_else(|| self.fail_at(self.pos - 1, "number out of range"))
    }
}

/// A literal without fraction or exponent as `u64` or (negative) `i64`, if it fits; `-0` is
/// not one (serde_json reads it as the float -0.0).
fn integer(literal: &str) -> Option<Number> {
    let (negative, digits) = match literal.strip_prefix('-') {
        Some(digits) => (true, digits),
        None => (false, literal),
    };
    let mut magnitude: u64 = 0;
    for digit in digits.bytes() {
        magnitude = magnitude
            .checked_mul(10)?
            .checked_add(u64::from(digit - b'0'))?;
    }
    if !negative {
        return Some(Number::from(magnitude));
    }
    match magnitude {
        0 => None,
        m if m <= i64::MAX as u64 + 1 => Some(Number::from((m as i64).wrapping_neg())),
        _ => None,
    }
}

/// A well-formed JSON number literal as the nearest `f64` it can cheaply find (see the module's
/// note); infinite when it is out of range.
fn float(literal: &str) -> f64 {
    let (negative, rest) = match literal.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, literal),
    };
    let (mantissa_text, exponent_text) = match rest.find(['e', 'E']) {
        Some(at) => (&rest[..at], &rest[at + 1..]),
        None => (rest, ""),
    };
    // The first 18 significant digits (any more cannot change a value shown in a message).
    let mut mantissa: u64 = 0;
    let mut power: i64 = 0;
    let mut after_point = false;
    for byte in mantissa_text.bytes() {
        if byte == b'.' {
            after_point = true;
        } else if mantissa < 100_000_000_000_000_000 {
            mantissa = mantissa * 10 + u64::from(byte - b'0');
            power -= i64::from(after_point);
        } else {
            power += i64::from(!after_point);
        }
    }
    let exponent = match exponent_text.strip_prefix('-') {
        Some(digits) => -saturating_number(digits),
        None => saturating_number(exponent_text.trim_start_matches('+')),
    };
    let power = (power + exponent).clamp(-400, 400) as i32;
    let magnitude = if mantissa == 0 {
        0.0
    } else if power >= 0 {
        mantissa as f64 * 10f64.powi(power)
    } else if power >= -308 {
        mantissa as f64 / 10f64.powi(-power)
    } else {
        // Past 1e-308, ten to the power would be infinite: divide in two steps.
        mantissa as f64 / 10f64.powi(-power - 100) / 1e100
    };
    if negative {
        -magnitude
    } else {
        magnitude
    }
}

/// Decimal digits as a number, held at a bound past any count of digits a text can hold (an
/// exponent may offset a long run of zeros).
fn saturating_number(digits: &str) -> i64 {
    digits.bytes().fold(0, |value: i64, digit| {
        (value * 10 + i64::from(digit - b'0')).min(1_000_000_000_000)
    })
}

// Native only: the oracle and the property tests need serde_json's parser and proptest.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
