//! Reading parsed JSON into typed values by hand, keeping the path of each value so that an
//! error names the field: `states[2].employed`, `sections[3].blocks[0].steps[1].items[0]`.

use std::fmt;

use serde_json::{Map, Value};

use crate::data::error::Problem;

/// What every reader returns: the value, or a [`Problem::Shape`] naming the field.
pub(super) type Result<T> = std::result::Result<T, Problem>;

/// Where a value sits in the file: `.` for the whole file, `intro[1]`, `role.source.year`.
/// Built on the stack as the reader descends, and written out only for an error.
#[derive(Clone, Copy)]
pub(super) enum Path<'p> {
    Root,
    Field(&'p Path<'p>, &'p str),
    Index(&'p Path<'p>, usize),
}

impl Path<'_> {
    /// The path of this object's field `name`.
    pub(super) fn field<'a>(&'a self, name: &'a str) -> Path<'a> {
        Path::Field(self, name)
    }

    /// The path of this list's entry `index`.
    fn index(&self, index: usize) -> Path<'_> {
        Path::Index(self, index)
    }

    /// A [`Problem::Shape`] at this path.
    fn problem(&self, message: String) -> Problem {
        Problem::Shape {
            field: self.to_string(),
            message,
        }
    }

    /// The problem of finding `value` where `expected` belongs.
    fn expected(&self, expected: &str, value: &Value) -> Problem {
        self.problem(format!("expected {expected}, found {}", describe(value)))
    }

    /// The problem of a name outside a fixed set, e.g. an unknown block type.
    pub(super) fn unknown(&self, what: &str, found: &str, names: &[&str]) -> Problem {
        self.problem(format!(
            "unknown {what} `{found}`; expected one of {}",
            names.join(", ")
        ))
    }
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Path::Root => f.write_str("."),
            Path::Field(Path::Root, name) => f.write_str(name),
            Path::Field(parent, name) => write!(f, "{parent}.{name}"),
            Path::Index(Path::Root, index) => write!(f, "[{index}]"),
            Path::Index(parent, index) => write!(f, "{parent}[{index}]"),
        }
    }
}

/// A value as an error message shows it; long texts are cut, as the path already says where.
fn describe(value: &Value) -> String {
    const SHOWN: usize = 40;
    match value {
        Value::String(text) if text.chars().count() > SHOWN => {
            let start: String = text.chars().take(SHOWN).collect();
            format!("the text \"{start}…\"")
        }
        Value::String(text) => format!("the text \"{text}\""),
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "an object".into(),
        Value::Number(number) => number.to_string(),
        Value::Bool(true) => "true".into(),
        Value::Bool(false) => "false".into(),
        Value::Null => "null".into(),
    }
}

/// A JSON object being read as one of the guide's structs: hands out its fields by name.
#[derive(Clone, Copy)]
pub(super) struct Fields<'v, 'p> {
    map: &'v Map<String, Value>,
    at: &'p Path<'p>,
}

impl<'v, 'p> Fields<'v, 'p> {
    /// Reads `value` as an object whose keys are all among `known`, as the types deny unknown
    /// fields.
    pub(super) fn open(value: &'v Value, at: &'p Path<'p>, known: &[&str]) -> Result<Self> {
        Self::object(value, at)?.only(known)
    }

    /// Reads `value` as an object, whatever its keys; see [`Fields::only`].
    pub(super) fn object(value: &'v Value, at: &'p Path<'p>) -> Result<Self> {
        match value {
            Value::Object(map) => Ok(Fields { map, at }),
            other => Err(at.expected("an object", other)),
        }
    }

    /// Rejects a key outside `known`. Checked before any field is read, so that a misspelt
    /// key is reported as unknown rather than as a missing field.
    pub(super) fn only(self, known: &[&str]) -> Result<Self> {
        match self.map.keys().find(|key| !known.contains(&key.as_str())) {
            Some(key) => Err(self.at.field(key).unknown("field", key, known)),
            None => Ok(self),
        }
    }

    /// The field `name`, read by `read`; missing is an error at this object's path.
    pub(super) fn required<T>(
        &self,
        name: &'static str,
        read: impl FnOnce(&'v Value, &Path<'_>) -> Result<T>,
    ) -> Result<T> {
        match self.map.get(name) {
            Some(value) => read(value, &self.at.field(name)),
            None => Err(self.at.problem(format!("missing field `{name}`"))),
        }
    }

    /// The field `name`, or `None` when it is missing or null.
    pub(super) fn optional<T>(
        &self,
        name: &'static str,
        read: impl FnOnce(&'v Value, &Path<'_>) -> Result<T>,
    ) -> Result<Option<T>> {
        match self.map.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(value) => read(value, &self.at.field(name)).map(Some),
        }
    }

    /// The field `name`, or `T`'s default when it is missing (null is still an error).
    pub(super) fn or_default<T: Default>(
        &self,
        name: &'static str,
        read: impl FnOnce(&'v Value, &Path<'_>) -> Result<T>,
    ) -> Result<T> {
        match self.map.get(name) {
            None => Ok(T::default()),
            Some(value) => read(value, &self.at.field(name)),
        }
    }
}

/// Reads a string.
pub(super) fn string(value: &Value, at: &Path<'_>) -> Result<String> {
    text(value, at).map(str::to_owned)
}

/// Reads a string without copying it, e.g. a name to match.
pub(super) fn text<'v>(value: &'v Value, at: &Path<'_>) -> Result<&'v str> {
    value.as_str().ok_or_else(|| at.expected("a string", value))
}

/// Reads a list, each entry by `read`.
pub(super) fn list_of<'v, T>(
    read: fn(&'v Value, &Path<'_>) -> Result<T>,
) -> impl Fn(&'v Value, &Path<'_>) -> Result<Vec<T>> {
    move |value: &'v Value, at: &Path<'_>| match value {
        Value::Array(values) => values
            .iter()
            .enumerate()
            .map(|(index, value)| read(value, &at.index(index)))
            .collect(),
        other => Err(at.expected("a list", other)),
    }
}

/// The integer types the guide holds, with the bounds an error message states.
pub(super) trait Whole: TryFrom<i64> {
    const LOW: i64;
    const HIGH: i64;
}

impl Whole for u16 {
    const LOW: i64 = 0;
    const HIGH: i64 = u16::MAX as i64;
}

impl Whole for u32 {
    const LOW: i64 = 0;
    const HIGH: i64 = u32::MAX as i64;
}

impl Whole for i32 {
    const LOW: i64 = i32::MIN as i64;
    const HIGH: i64 = i32::MAX as i64;
}

/// Reads a whole number in `T`'s range; like serde, rejects fractions and floats such as `2.0`.
pub(super) fn whole<T: Whole>(value: &Value, at: &Path<'_>) -> Result<T> {
    value
        .as_i64()
        .and_then(|number| T::try_from(number).ok())
        .ok_or_else(|| {
            let expected = format!("a whole number from {} to {}", T::LOW, T::HIGH);
            at.expected(&expected, value)
        })
}
