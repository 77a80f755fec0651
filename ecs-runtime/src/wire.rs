//! Encodings of list parameters that travel as one value, and the reading side of every
//! encoding (used by the generated `read_params`, the inverse of `write_params`).
//!
//! Repeat lists (`Name.1`, `Name.2`) need no helper to write: generated code pushes one
//! parameter per item. The other two encodings put the whole list into a single parameter.

use crate::Params;

/// A wire parameter that could not be read back into its typed form.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("parameter {parameter}: `{value}` is not {expected}")]
pub struct ReadError {
    /// The wire name, with list index and struct prefix (`DataDisk.2.Size`).
    pub parameter: String,
    /// The text that was sent.
    pub value: String,
    /// What the parameter's type expects ("an integer", "a JSON array of strings", ...).
    pub expected: &'static str,
}

/// How a scalar is read from its wire text.
pub trait FromWire: Sized {
    /// What the type expects, for [`ReadError`].
    const EXPECTED: &'static str;
    /// Parses the wire text; `None` when it is not of this type.
    fn from_wire(text: &str) -> Option<Self>;
}

impl FromWire for String {
    const EXPECTED: &'static str = "a string";
    fn from_wire(text: &str) -> Option<Self> {
        Some(text.to_owned())
    }
}

impl FromWire for i32 {
    const EXPECTED: &'static str = "an integer (32-bit)";
    fn from_wire(text: &str) -> Option<Self> {
        text.parse().ok()
    }
}

impl FromWire for i64 {
    const EXPECTED: &'static str = "an integer (64-bit)";
    fn from_wire(text: &str) -> Option<Self> {
        text.parse().ok()
    }
}

impl FromWire for f64 {
    const EXPECTED: &'static str = "a number";
    fn from_wire(text: &str) -> Option<Self> {
        text.parse().ok()
    }
}

impl FromWire for bool {
    const EXPECTED: &'static str = "a boolean (true or false)";
    fn from_wire(text: &str) -> Option<Self> {
        match text {
            "true" => Some(true),
            "false" => Some(false),
            _ => None,
        }
    }
}

fn parse<T: FromWire>(name: &str, text: &str) -> Result<T, ReadError> {
    T::from_wire(text).ok_or_else(|| ReadError {
        parameter: name.to_owned(),
        value: text.to_owned(),
        expected: T::EXPECTED,
    })
}

/// Reads one scalar parameter, if present.
pub fn read<T: FromWire>(params: &Params, name: &str) -> Result<Option<T>, ReadError> {
    params.get(name).map(|text| parse(name, text)).transpose()
}

/// Reads an enum parameter, if present; any text is accepted (unknown values are kept).
pub fn read_enum<T: for<'a> From<&'a str>>(params: &Params, name: &str) -> Option<T> {
    params.get(name).map(T::from)
}

/// Reads a JSON-array list (`["a","b"]`; numbers are accepted as items too).
pub fn read_json_list(params: &Params, name: &str) -> Result<Option<Vec<String>>, ReadError> {
    let Some(text) = params.get(name) else {
        return Ok(None);
    };
    let error = || ReadError {
        parameter: name.to_owned(),
        value: text.to_owned(),
        expected: "a JSON array of strings",
    };
    let items: Vec<serde_json::Value> = serde_json::from_str(text).map_err(|_| error())?;
    items
        .into_iter()
        .map(|item| match item {
            serde_json::Value::String(s) => Ok(s),
            serde_json::Value::Number(n) => Ok(n.to_string()),
            _ => Err(error()),
        })
        .collect::<Result<Vec<_>, _>>()
        .map(Some)
}

/// Reads a comma-separated list.
pub fn read_comma_list(params: &Params, name: &str) -> Option<Vec<String>> {
    params
        .get(name)
        .map(|text| text.split(',').map(str::to_owned).collect())
}

/// Reads a repeat list of scalars (`Name.1`, `Name.2`, ... up to the first missing index).
pub fn read_repeat(params: &Params, name: &str) -> Option<Vec<String>> {
    let items: Vec<String> = (1..)
        .map_while(|n| params.get(&format!("{name}.{n}")).map(str::to_owned))
        .collect();
    (!items.is_empty()).then_some(items)
}

/// The indexes of a repeat list of structs present in `params` (`Name.1.Key`, `Name.2.Key`:
/// 1, 2), up to the first missing index.
pub fn repeat_indexes(params: &Params, name: &str) -> Vec<usize> {
    (1..)
        .take_while(|n| has_prefix(params, &format!("{name}.{n}")))
        .collect()
}

/// Whether any parameter is below `prefix` (`prefix.Anything`).
pub fn has_prefix(params: &Params, prefix: &str) -> bool {
    params.iter().any(|(k, _)| {
        k.strip_prefix(prefix)
            .is_some_and(|rest| rest.starts_with('.'))
    })
}

/// Parses the items of a list read as text into their typed form.
pub fn parse_items<T: FromWire>(name: &str, items: Vec<String>) -> Result<Vec<T>, ReadError> {
    items
        .iter()
        .enumerate()
        .map(|(i, item)| parse(&format!("{name}.{}", i + 1), item))
        .collect()
}

/// A compact JSON array of strings, `["a","b"]`, as the service expects for JSON-array
/// parameters (`InstanceIds`, `DiskIds`, `TimePoints`, ...). Every document example quotes the
/// items, numbers included, so items are always JSON strings.
pub fn json_array<I, S>(items: I) -> String
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    let mut out = String::from("[");
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_json_string(&mut out, item.as_ref());
    }
    out.push(']');
    out
}

/// A comma-separated list without spaces, `a,b`.
pub fn comma_list<I, S>(items: I) -> String
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    let mut out = String::new();
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(item.as_ref());
    }
    out
}

fn push_json_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(pairs: &[(&str, &str)]) -> Params {
        pairs.iter().copied().collect()
    }

    #[test]
    fn reading_is_the_inverse_of_each_encoding() {
        let p = params(&[
            ("Ids", r#"["a","b"]"#),
            ("Nums", "[1,2]"),
            ("Names", "x,y"),
            ("Tag.1.Key", "k"),
            ("Tag.2.Value", "v"),
            ("Ip.1", "10.0.0.1"),
            ("Ip.2", "10.0.0.2"),
            ("Size", "40"),
            ("On", "true"),
        ]);
        assert_eq!(
            read_json_list(&p, "Ids").unwrap(),
            Some(vec!["a".into(), "b".into()])
        );
        assert_eq!(
            read_json_list(&p, "Nums").unwrap(),
            Some(vec!["1".into(), "2".into()])
        );
        assert_eq!(
            read_comma_list(&p, "Names"),
            Some(vec!["x".into(), "y".into()])
        );
        assert_eq!(repeat_indexes(&p, "Tag"), vec![1, 2]);
        assert_eq!(read_repeat(&p, "Ip").map(|v| v.len()), Some(2));
        assert_eq!(read::<i32>(&p, "Size").unwrap(), Some(40));
        assert_eq!(read::<bool>(&p, "On").unwrap(), Some(true));
        assert_eq!(read::<i32>(&p, "Missing").unwrap(), None);
        assert!(!has_prefix(&p, "Ta"), "a prefix must end at a dot");
    }

    #[test]
    fn unreadable_values_name_the_parameter_and_the_type() {
        let p = params(&[("Size", "forty"), ("On", "True"), ("Ids", "i-1")]);
        let e = read::<i32>(&p, "Size").unwrap_err();
        assert_eq!(
            e.to_string(),
            "parameter Size: `forty` is not an integer (32-bit)"
        );
        assert!(
            read::<bool>(&p, "On").is_err(),
            "booleans are true/false only"
        );
        assert_eq!(read_json_list(&p, "Ids").unwrap_err().parameter, "Ids");
        let e = parse_items::<i32>("Period", vec!["1".into(), "x".into()]).unwrap_err();
        assert_eq!(e.parameter, "Period.2");
    }

    #[test]
    fn json_array_is_compact_and_escaped() {
        assert_eq!(json_array(["i-1", "i-2"]), r#"["i-1","i-2"]"#);
        assert_eq!(json_array(Vec::<String>::new()), "[]");
        assert_eq!(json_array(["a\"b\\c\n"]), r#"["a\"b\\c\n"]"#);
        let parsed: Vec<String> = serde_json::from_str(&json_array(["x\u{1}y", "名前"])).unwrap();
        assert_eq!(parsed, ["x\u{1}y", "名前"]);
    }

    #[test]
    fn comma_list_has_no_spaces() {
        assert_eq!(comma_list(["i-1", "i-2", "i-3"]), "i-1,i-2,i-3");
        assert_eq!(comma_list(["one"]), "one");
    }
}
