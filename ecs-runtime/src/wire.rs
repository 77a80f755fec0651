//! Encodings of list parameters that travel as one value.
//!
//! Repeat lists (`Name.1`, `Name.2`) need no helper: generated code pushes one parameter per
//! item. The other two encodings put the whole list into a single parameter.

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
