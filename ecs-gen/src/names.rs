//! How spec names become Rust names, in one place so lint and emit agree.

use heck::{ToSnakeCase, ToUpperCamelCase};

use crate::spec::RawParam;

const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub",
    "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "type",
    "unsafe", "use", "where", "while", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "typeof", "unsized", "virtual", "yield", "try", "gen",
];

/// Whether `name` must be written `r#name`.
pub fn is_keyword(name: &str) -> bool {
    KEYWORDS.contains(&name)
}

/// The snake_case Rust field name of a wire name (`InstanceChargeType` → `instance_charge_type`,
/// `SystemDisk.Category` → `system_disk_category`).
pub fn field_name(wire: &str) -> String {
    wire.replace('.', "_").to_snake_case()
}

/// The module name of an API (`DescribeInstances` → `describe_instances`).
pub fn module_name(action: &str) -> String {
    action.to_snake_case()
}

/// The Rust type name for a spec name (`SystemDisk` → `SystemDisk`, `data_disk` → `DataDisk`).
pub fn type_name(name: &str) -> String {
    name.replace('.', "_").to_upper_camel_case()
}

/// The enum variant of an enum value (`cloud_efficiency` → `CloudEfficiency`, `1` → `V1`).
pub fn enum_variant(value: &str) -> String {
    let mut v = value.to_upper_camel_case();
    if value.starts_with('-') {
        v = format!("Minus{v}");
    }
    if v.is_empty() {
        v = "Empty".to_owned();
    }
    if v.starts_with(|c: char| c.is_ascii_digit()) {
        v = format!("V{v}");
    }
    if v == "Unknown" || v == "Self" {
        v.push_str("Value");
    }
    v
}

/// The error-enum variant of an error code (`InvalidInstanceId.NotFound` →
/// `InvalidInstanceIdNotFound`).
pub fn error_variant(code: &str) -> String {
    let mut v = code.to_upper_camel_case();
    if v.is_empty() || v.starts_with(|c: char| c.is_ascii_digit()) {
        v = format!("E{v}");
    }
    if v == "Unhandled" || v == "Self" {
        v.push_str("Code");
    }
    v
}

/// UpperCamelCase ASCII identifier.
pub fn is_type_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_uppercase())
        && name.chars().all(|c| c.is_ascii_alphanumeric())
}

/// snake_case ASCII identifier.
pub fn is_field_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_lowercase() || c == '_')
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// The set of wire names an API accepts, to check request examples.
pub struct WireNames {
    /// Patterns with `N` standing for a list index.
    patterns: Vec<Vec<String>>,
}

impl WireNames {
    pub fn of(params: &[RawParam]) -> Self {
        let mut patterns = Vec::new();
        collect(params, &mut Vec::new(), &mut patterns);
        WireNames { patterns }
    }

    /// Whether `key` (e.g. `DataDisk.2.Size`) is one of the API's wire names.
    pub fn accepts(&self, key: &str) -> bool {
        let parts: Vec<&str> = key.split('.').collect();
        self.patterns.iter().any(|pat| {
            // A pattern's segments may themselves contain dots (a flat wire name like
            // `Features.NvmeSupport`), so compare the joined forms segment-wise.
            let joined: Vec<&str> = pat.iter().flat_map(|s| s.split('.')).collect();
            joined.len() == parts.len()
                && joined.iter().zip(&parts).all(|(p, k)| match *p {
                    "\u{0}N" => k.parse::<u32>().is_ok_and(|n| n >= 1),
                    "\u{1}" => !k.is_empty(),
                    p => p == *k,
                })
        })
    }
}

fn collect(params: &[RawParam], prefix: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    for p in params {
        let Some(name) = &p.name else { continue };
        prefix.push(name.clone());
        match p.ty.as_str() {
            "struct" => collect(p.fields.as_deref().unwrap_or(&[]), prefix, out),
            "list" if p.encoding.as_deref() == Some("repeat") => {
                prefix.push("\u{0}N".to_owned());
                match p.items.as_deref() {
                    Some(items) if items.ty == "struct" => {
                        collect(items.fields.as_deref().unwrap_or(&[]), prefix, out)
                    }
                    Some(items)
                        if items.ty != "struct"
                            && !crate::lint::BUILTIN_TYPES.contains(&items.ty.as_str()) =>
                    {
                        // A shared struct type: accept any field name below the index.
                        let mut any = prefix.clone();
                        any.push("\u{1}".to_owned());
                        out.push(prefix.clone());
                        out.push(any);
                    }
                    _ => out.push(prefix.clone()),
                }
                prefix.pop();
            }
            _ => out.push(prefix.clone()),
        }
        prefix.pop();
    }
}
