//! Doc comments, from the spec's own words.

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::{Api, Kind, Param};

/// `#[doc = "..."]` attributes, one per line (prettyplease prints them as `///`).
pub fn doc_lines(text: &str) -> TokenStream {
    let text = escape_brackets(text);
    let lines = text.trim_end().lines().map(|l| {
        let l = if l.is_empty() {
            String::new()
        } else {
            format!(" {}", l.trim_end())
        };
        quote!(#[doc = #l])
    });
    quote!(#(#lines)*)
}

/// Escapes square brackets outside code spans so spec text such as `[1, 100]` is not read as
/// an intra-doc link. Brackets that open or close a code span (`` [`name`] ``,
/// `` [`send`](Self::send) ``) are the generator's own links and stay.
pub fn escape_brackets(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut in_code = false;
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '`' => in_code = !in_code,
            '[' if !in_code && chars.get(i + 1) != Some(&'`') => out.push('\\'),
            ']' if !in_code && (i == 0 || chars[i - 1] != '`') => out.push('\\'),
            _ => {}
        }
        out.push(c);
    }
    out
}

/// `#![doc = "..."]` attributes (prettyplease prints them as `//!`).
pub fn inner_doc_lines(text: &str) -> TokenStream {
    let text = escape_brackets(text);
    let lines = text.trim_end().lines().map(|l| {
        let l = if l.is_empty() {
            String::new()
        } else {
            format!(" {}", l.trim_end())
        };
        quote!(#![doc = #l])
    });
    quote!(#(#lines)*)
}

/// The doc comment of an API's module.
pub fn module_doc(api: &Api) -> TokenStream {
    doc_lines(&module_doc_text(api))
}

/// The doc comment of an API's module, as text.
pub fn module_doc_text(api: &Api) -> String {
    let mut text = format!("{}: {}", api.action, api.summary);
    if let Some(d) = &api.description {
        text.push_str("\n\n");
        text.push_str(d);
    }
    if let Some(dep) = &api.deprecated {
        text.push_str("\n\n**Deprecated**");
        if let Some(r) = &dep.replacement {
            text.push_str(&format!(": use `{r}` instead"));
        }
        text.push('.');
        if let Some(n) = &dep.note {
            text.push(' ');
            text.push_str(n);
        }
    }
    let p = &api.provenance.primary;
    text.push_str(&format!(
        "\n\nSpec: `{}`; source document {}{}.",
        api.source_file,
        p.doc,
        p.line.map(|l| format!(" line {l}")).unwrap_or_default()
    ));
    text
}

fn json_text(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        v.to_string()
    }
}

/// The doc comment of a parameter: its description, then its constraints.
pub fn param_doc(p: &Param, request: bool) -> TokenStream {
    let mut text = p
        .description
        .clone()
        .unwrap_or_else(|| format!("`{}`.", p.wire_name));
    let mut facts: Vec<String> = Vec::new();
    if !p.wire_name.is_empty() {
        facts.push(format!("Wire name: `{}`", p.wire_name));
    }
    if request {
        if p.required {
            facts.push("Required".to_owned());
        }
        let c = &p.constraints;
        match (c.min, c.max) {
            (Some(a), Some(b)) => facts.push(format!("Range: {} to {}", num(a), num(b))),
            (Some(a), None) => facts.push(format!("Minimum: {}", num(a))),
            (None, Some(b)) => facts.push(format!("Maximum: {}", num(b))),
            _ => {}
        }
        if let Some(n) = c.max_decimals {
            facts.push(format!("At most {n} decimal places"));
        }
        if let Some(a) = &c.allowed {
            let list: Vec<String> = a.iter().map(i64::to_string).collect();
            facts.push(format!("One of: {}", list.join(", ")));
        }
        match (c.min_length, c.max_length) {
            (Some(a), Some(b)) => facts.push(format!("Length: {a} to {b} characters")),
            (Some(a), None) => facts.push(format!("Length: at least {a} characters")),
            (None, Some(b)) => facts.push(format!("Length: at most {b} characters")),
            _ => {}
        }
        if let Some(pat) = &c.pattern {
            let d = c
                .pattern_description
                .clone()
                .unwrap_or_else(|| format!("`{pat}`"));
            facts.push(format!("Pattern: {d}"));
        }
        if !c.forbidden_prefixes.is_empty() {
            facts.push(format!(
                "Must not start with: {}",
                quoted(&c.forbidden_prefixes)
            ));
        }
        if !c.forbidden_substrings.is_empty() {
            facts.push(format!(
                "Must not contain: {}",
                quoted(&c.forbidden_substrings)
            ));
        }
        if let Some(n) = c.min_char_classes {
            facts.push(format!(
                "Must mix at least {n} of: upper-case letters, lower-case letters, digits, other characters"
            ));
        }
        match c.format.as_deref() {
            Some("datetime") => facts.push("Format: UTC `YYYY-MM-DDThh:mm:ssZ`".to_owned()),
            Some("port_range") => facts.push(
                "Format: ports `start/end` with 1 <= start <= end <= 65535, or `-1/-1`".to_owned(),
            ),
            Some("base64") => facts.push(match c.max_decoded_bytes {
                Some(m) => format!("Format: Base64, at most {m} bytes decoded"),
                None => "Format: Base64".to_owned(),
            }),
            _ => {}
        }
        if p.kind == Kind::List {
            let enc = match p.encoding.as_deref() {
                Some("repeat") => "repeated parameters (`Name.1`, `Name.2`, ...)",
                Some("json") => "one JSON array string",
                Some("comma") => "one comma-separated string",
                _ => "",
            };
            if !enc.is_empty() {
                facts.push(format!("Sent as {enc}"));
            }
            match (c.min_items, c.max_items) {
                (Some(a), Some(b)) => facts.push(format!("Items: {a} to {b}")),
                (None, Some(b)) => facts.push(format!("Items: at most {b}")),
                (Some(a), None) => facts.push(format!("Items: at least {a}")),
                _ => {}
            }
        }
        if let Some(d) = &p.default {
            facts.push(format!("Server default: `{}`", json_text(d)));
        }
        if p.sensitive {
            facts.push("Sensitive: redacted in Debug output and errors".to_owned());
        }
    } else {
        if let Some(w) = &p.wrapper {
            facts.push(format!("Item key: `{w}`"));
        }
        if p.sensitive {
            facts.push("Sensitive: redacted in Debug output".to_owned());
        }
    }
    if let Some(d) = &p.deprecated {
        facts.push(if d.is_empty() {
            "Deprecated".to_owned()
        } else {
            format!("Deprecated: {d}")
        });
    }
    if !facts.is_empty() {
        text.push_str("\n\n");
        text.push_str(&facts.join(". "));
        text.push('.');
    }
    doc_lines(&text)
}

fn quoted(items: &[String]) -> String {
    items
        .iter()
        .map(|s| format!("`{s}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::escape_brackets;

    #[test]
    fn brackets_are_escaped_outside_code_and_links() {
        assert_eq!(
            escape_brackets("out of bounds [1,100]."),
            "out of bounds \\[1,100\\]."
        );
        assert_eq!(
            escape_brackets("see [`send`](Self::send)"),
            "see [`send`](Self::send)"
        );
        assert_eq!(escape_brackets("a `[\"0\"]` string"), "a `[\"0\"]` string");
    }
}
