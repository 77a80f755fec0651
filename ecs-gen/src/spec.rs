//! The YAML spec as written: one serde type per construct of `spec/README.md`.
//!
//! Every struct denies unknown keys, so a misspelt key is a lint error instead of a silently
//! dropped constraint. Values are kept loose here (`serde_yaml_ng::Value` for defaults and enum
//! values); `lint` checks them and `model` turns them into typed form.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_yaml_ng::Value;

/// One `apis/<group>/<Action>.yaml` file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawApi {
    pub action: String,
    pub group: String,
    pub summary: String,
    #[serde(default)]
    pub description: Option<String>,
    pub provenance: RawProvenance,
    #[serde(default)]
    pub deprecated: Option<RawDeprecated>,
    #[serde(default)]
    pub read_only: bool,
    #[serde(default = "default_idempotency")]
    pub idempotency: String,
    #[serde(default)]
    pub timeout_seconds: Option<u64>,
    #[serde(default)]
    pub pagination: Option<RawPagination>,
    #[serde(default)]
    pub request: Vec<RawParam>,
    #[serde(default)]
    pub rules: Vec<RawRule>,
    #[serde(default)]
    pub response: Vec<RawParam>,
    #[serde(default)]
    pub errors: Vec<RawError>,
    #[serde(default)]
    pub examples: Vec<RawExample>,
    #[serde(default)]
    pub waiters: Vec<RawWaiter>,
}

/// A state a caller can wait for by polling this (Describe) API.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawWaiter {
    pub name: String,
    pub description: String,
    /// The response list holding the resources.
    pub items: String,
    /// The field of each item holding its state.
    pub state: String,
    #[serde(default)]
    pub success: Vec<String>,
    #[serde(default)]
    pub failure: Vec<String>,
    /// What an empty list means: `retry` (default), `success` or `failure`.
    #[serde(default)]
    pub empty: Option<String>,
    /// Error codes that mean the wait succeeded (e.g. `InvalidInstanceId.NotFound` when
    /// waiting for deletion).
    #[serde(default)]
    pub success_errors: Vec<String>,
    pub delay_seconds: u64,
    pub max_delay_seconds: u64,
    pub max_wait_seconds: u64,
}

fn default_idempotency() -> String {
    "none".to_owned()
}

/// `deprecated: false` or `deprecated: { replacement: X, note: ... }`.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum RawDeprecated {
    Flag(bool),
    Details(RawDeprecation),
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDeprecation {
    #[serde(default)]
    pub replacement: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

/// `pagination: none` or a map.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum RawPagination {
    None(String),
    Paged(RawPaged),
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPaged {
    pub style: String,
    #[serde(default)]
    pub page_number: Option<String>,
    #[serde(default)]
    pub page_size: Option<String>,
    #[serde(default)]
    pub total_count: Option<String>,
    #[serde(default)]
    pub offset: Option<String>,
    #[serde(default)]
    pub next_offset: Option<String>,
    #[serde(default)]
    pub next_token: Option<String>,
    #[serde(default)]
    pub max_results: Option<String>,
    #[serde(default)]
    pub items: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawProvenance {
    pub primary: RawDocRef,
    #[serde(default)]
    pub others: Vec<RawDocRef>,
    #[serde(default)]
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDocRef {
    pub doc: String,
    #[serde(default)]
    pub heading: Option<String>,
    #[serde(default)]
    pub line: Option<u64>,
    #[serde(default)]
    pub used_for: Option<String>,
}

/// A request parameter, a struct field, a list's item schema or a response field.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawParam {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub rust_name: Option<String>,
    #[serde(rename = "type")]
    pub ty: String,
    #[serde(default)]
    pub required: bool,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub default: Option<Value>,
    #[serde(default)]
    pub min: Option<f64>,
    #[serde(default)]
    pub max: Option<f64>,
    #[serde(default)]
    pub min_length: Option<u64>,
    #[serde(default)]
    pub max_length: Option<u64>,
    #[serde(default)]
    pub pattern: Option<String>,
    #[serde(default)]
    pub pattern_description: Option<String>,
    #[serde(default)]
    pub forbidden_prefixes: Vec<String>,
    #[serde(default)]
    pub forbidden_substrings: Vec<String>,
    #[serde(default)]
    pub min_char_classes: Option<u8>,
    #[serde(default)]
    pub allowed: Option<Vec<i64>>,
    /// Floats: at most this many digits after the decimal point.
    #[serde(default)]
    pub max_decimals: Option<u8>,
    #[serde(default)]
    pub values: Option<Vec<RawEnumValue>>,
    #[serde(default)]
    pub format: Option<String>,
    #[serde(default)]
    pub max_decoded_bytes: Option<u64>,
    #[serde(default)]
    pub sensitive: bool,
    #[serde(default)]
    pub deprecated: Option<Value>,
    #[serde(default)]
    pub items: Option<Box<RawParam>>,
    #[serde(default)]
    pub encoding: Option<String>,
    #[serde(default)]
    pub min_items: Option<u64>,
    #[serde(default)]
    pub max_items: Option<u64>,
    #[serde(default)]
    pub fields: Option<Vec<RawParam>>,
    #[serde(default)]
    pub rules: Vec<RawRule>,
    #[serde(default)]
    pub rust_type: Option<String>,
    #[serde(default)]
    pub wrapper: Option<String>,
    #[serde(default)]
    pub remarks: Option<String>,
}

/// An enum value: a bare scalar or `{ value, description }`.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum RawEnumValue {
    Detailed(RawEnumDetail),
    Bare(Value),
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEnumDetail {
    pub value: Value,
    #[serde(default)]
    pub description: Option<String>,
}

impl RawEnumValue {
    /// The value as sent on the wire.
    pub fn wire(&self) -> String {
        let value = match self {
            RawEnumValue::Detailed(d) => &d.value,
            RawEnumValue::Bare(v) => v,
        };
        scalar_to_string(value)
    }

    pub fn description(&self) -> Option<&str> {
        match self {
            RawEnumValue::Detailed(d) => d.description.as_deref(),
            RawEnumValue::Bare(_) => None,
        }
    }
}

/// A scalar YAML value as the text that would go on the wire.
pub fn scalar_to_string(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::Null => String::new(),
        other => serde_yaml_ng::to_string(other)
            .unwrap_or_default()
            .trim()
            .to_owned(),
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRule {
    pub kind: String,
    #[serde(default)]
    pub param: Option<String>,
    #[serde(default)]
    pub params: Vec<String>,
    #[serde(default)]
    pub when: Option<RawCondition>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub allowed: Option<Vec<i64>>,
    #[serde(default)]
    pub min: Option<f64>,
    #[serde(default)]
    pub max: Option<f64>,
    #[serde(default)]
    pub min_length: Option<u64>,
    #[serde(default)]
    pub max_length: Option<u64>,
    #[serde(default)]
    pub values: Option<Vec<Value>>,
    #[serde(default)]
    pub pattern: Option<String>,
    #[serde(default)]
    pub pattern_description: Option<String>,
    /// `time_range`: the integer parameter giving the seconds per sample.
    #[serde(default)]
    pub step: Option<String>,
    /// `time_range`: the longest allowed span from start to end, in seconds.
    #[serde(default)]
    pub max_span_seconds: Option<u64>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCondition {
    pub param: String,
    #[serde(default)]
    pub equals: Option<Value>,
    #[serde(default, rename = "in")]
    pub in_: Option<Vec<Value>>,
    #[serde(default)]
    pub present: Option<bool>,
    /// Further conditions that must all hold as well.
    #[serde(default)]
    pub and: Vec<RawCondition>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawError {
    pub code: String,
    pub status: u16,
    #[serde(default)]
    pub message: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
    /// Overrides the generated enum variant when two codes collide after conversion.
    #[serde(default)]
    pub rust_variant: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawExample {
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub request: BTreeMap<String, Value>,
    pub response: String,
}

/// A `types/*.yaml` file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTypesFile {
    pub types: Vec<RawType>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawType {
    pub name: String,
    pub kind: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub fields: Option<Vec<RawParam>>,
    #[serde(default)]
    pub values: Option<Vec<RawEnumValue>>,
    #[serde(default)]
    pub rules: Vec<RawRule>,
    #[serde(default)]
    pub remarks: Option<String>,
}

/// `service.yaml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawService {
    pub version: String,
    pub endpoints: RawEndpoints,
    #[serde(default)]
    pub common_parameters: Vec<RawParam>,
    #[serde(default)]
    pub provenance: Option<Value>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEndpoints {
    pub central: String,
    #[serde(default)]
    pub regional: BTreeMap<String, String>,
    #[serde(default)]
    pub vpc_template: Option<String>,
    #[serde(default)]
    pub default_template: Option<String>,
}

/// `common/errors.yaml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawErrorsFile {
    pub errors: Vec<RawError>,
    #[serde(default)]
    pub provenance: Option<Value>,
}
