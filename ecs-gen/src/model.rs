//! Stage 3: the one intermediate model. Shared types are resolved, Rust names decided,
//! defaults and enum values normalised. `dump` serialises it; the emitters read only it.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use serde_json::Value as Json;

use crate::diag::Diagnostics;
use crate::load::LoadedSpec;
use crate::names;
use crate::spec::{self, RawApi, RawParam, RawRule, RawType};

/// The whole service.
#[derive(Debug, Clone, Serialize)]
pub struct Model {
    pub version: String,
    pub endpoints: Endpoints,
    pub apis: Vec<Api>,
    pub types: Vec<TypeDef>,
    pub common_errors: Vec<ErrorDef>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Endpoints {
    pub central: String,
    pub regional: BTreeMap<String, String>,
    pub vpc_template: Option<String>,
    pub default_template: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Api {
    pub action: String,
    pub group: String,
    /// Rust module name (`describe_instances`).
    pub module: String,
    /// The spec file, relative to the repository root.
    pub source_file: String,
    pub summary: String,
    pub description: Option<String>,
    pub deprecated: Option<Deprecation>,
    pub read_only: bool,
    /// A longer per-attempt timeout than the client default, in seconds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timeout_seconds: Option<u64>,
    pub idempotency: String,
    /// The wire name of the idempotency token parameter, when there is one.
    pub client_token: Option<String>,
    pub pagination: Option<Pagination>,
    pub params: Vec<Param>,
    pub rules: Vec<Rule>,
    pub response: Vec<Param>,
    pub errors: Vec<ErrorDef>,
    pub examples: Vec<Example>,
    pub provenance: Provenance,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub waiters: Vec<Waiter>,
}

/// A state a caller can wait for by polling the API.
#[derive(Debug, Clone, Serialize)]
pub struct Waiter {
    pub name: String,
    /// `wait_until_<snake name>`.
    pub method: String,
    pub description: String,
    pub items: String,
    pub state: String,
    pub success: Vec<String>,
    pub failure: Vec<String>,
    pub empty: String,
    pub success_errors: Vec<String>,
    pub delay_seconds: u64,
    pub max_delay_seconds: u64,
    pub max_wait_seconds: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Deprecation {
    pub replacement: Option<String>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Pagination {
    pub style: String,
    pub page_number: Option<String>,
    pub page_size: Option<String>,
    pub total_count: Option<String>,
    pub offset: Option<String>,
    pub next_offset: Option<String>,
    pub next_token: Option<String>,
    pub max_results: Option<String>,
    pub items: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Provenance {
    pub primary: DocRef,
    pub others: Vec<DocRef>,
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DocRef {
    pub doc: String,
    pub heading: Option<String>,
    pub line: Option<u64>,
    pub used_for: Option<String>,
}

/// The kind of a parameter or field once shared types are resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    String,
    Integer,
    Long,
    Boolean,
    Float,
    Datetime,
    Json,
    Enum,
    List,
    Struct,
}

/// A request parameter, struct field, list item schema or response field.
#[derive(Debug, Clone, Serialize)]
pub struct Param {
    /// The wire name (relative to the parent for struct fields; empty for list items).
    pub wire_name: String,
    pub rust_name: String,
    /// The type as written in the spec (`string`, `list`, `Tag`, ...).
    #[serde(rename = "type")]
    pub type_name: String,
    pub kind: Kind,
    pub required: bool,
    pub description: Option<String>,
    pub default: Option<Json>,
    pub sensitive: bool,
    pub deprecated: Option<String>,
    /// `repeat`, `json` or `comma` for request lists.
    pub encoding: Option<String>,
    /// The item key of a wrapped response list (`None` with `bare`).
    pub wrapper: Option<String>,
    pub constraints: Constraints,
    /// For enums and structs: the Rust type name.
    pub rust_type: Option<String>,
    /// Whether `rust_type` is a shared type (in `crate::types`).
    pub shared: bool,
    /// Enum values.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<EnumValue>,
    /// Struct fields.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<Param>,
    /// Struct rules.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<Rule>,
    /// The item schema of a list.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub items: Option<Box<Param>>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Constraints {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_length: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_length: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pattern: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pattern_description: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub forbidden_prefixes: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub forbidden_substrings: Vec<String>,
    /// How many of the four character classes (upper case, lower case, digits, others) a
    /// string must mix.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_char_classes: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allowed: Option<Vec<i64>>,
    /// Floats: at most this many digits after the decimal point.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_decimals: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_decoded_bytes: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_items: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_items: Option<u64>,
}

impl Constraints {
    /// How many separate constraints are stated (for `check`'s summary), by kind.
    pub fn count_into(&self, out: &mut BTreeMap<&'static str, usize>) {
        let mut add = |k: &'static str, present: bool| {
            if present {
                *out.entry(k).or_default() += 1;
            }
        };
        add("range", self.min.is_some() || self.max.is_some());
        add(
            "length",
            self.min_length.is_some() || self.max_length.is_some(),
        );
        add("pattern", self.pattern.is_some());
        add(
            "forbidden prefix/substring",
            !self.forbidden_prefixes.is_empty() || !self.forbidden_substrings.is_empty(),
        );
        add("character classes", self.min_char_classes.is_some());
        add("allowed values", self.allowed.is_some());
        add("decimals", self.max_decimals.is_some());
        add("format", self.format.is_some());
        add(
            "item count",
            self.min_items.is_some() || self.max_items.is_some(),
        );
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct EnumValue {
    pub value: String,
    pub variant: String,
    pub description: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Rule {
    pub kind: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub param: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub params: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub when: Option<Condition>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allowed: Option<Vec<i64>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_length: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_length: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub values: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pattern: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pattern_description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub step: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_span_seconds: Option<u64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Condition {
    pub param: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub equals: Option<String>,
    #[serde(rename = "in", skip_serializing_if = "Option::is_none")]
    pub in_: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub present: Option<bool>,
    /// Further conditions that must all hold as well.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub and: Vec<Condition>,
}

impl Condition {
    /// The condition in words, for error messages and docs.
    pub fn describe(&self) -> String {
        let mut text = self.describe_one();
        for c in &self.and {
            text.push_str(" and ");
            text.push_str(&c.describe());
        }
        text
    }

    fn describe_one(&self) -> String {
        if let Some(v) = &self.equals {
            format!("{} is {v}", self.param)
        } else if let Some(vs) = &self.in_ {
            format!("{} is one of {}", self.param, vs.join(", "))
        } else if self.present == Some(false) {
            format!("{} is not given", self.param)
        } else {
            format!("{} is given", self.param)
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ErrorDef {
    pub code: String,
    pub variant: String,
    pub status: u16,
    pub message: Option<String>,
    pub description: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Example {
    pub title: Option<String>,
    pub request: BTreeMap<String, String>,
    pub response: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct TypeDef {
    pub name: String,
    pub kind: String,
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<Param>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<EnumValue>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<Rule>,
    pub in_request: bool,
    pub in_response: bool,
}

impl Model {
    pub fn api(&self, action: &str) -> Option<&Api> {
        self.apis.iter().find(|a| a.action == action)
    }

    pub fn type_def(&self, name: &str) -> Option<&TypeDef> {
        self.types.iter().find(|t| t.name == name)
    }
}

struct Builder<'a> {
    types: BTreeMap<&'a str, &'a RawType>,
}

/// Builds the model from a spec that passed lint. Naming clashes that only appear once names
/// are resolved (two inline types of one API with the same Rust name) are reported here.
pub fn build(spec: &LoadedSpec) -> Result<Model, Diagnostics> {
    let mut diags = Diagnostics::default();
    let types: BTreeMap<&str, &RawType> = spec
        .types
        .iter()
        .flat_map(|(_, ts)| ts.iter().map(|t| (t.name.as_str(), t)))
        .collect();
    let b = Builder { types };

    let mut apis = Vec::new();
    for (src, raw) in &spec.apis {
        let api = b.api(raw, &src.file);
        check_inline_type_names(&api, src, &mut diags);
        check_waiters(&api, src, &mut diags);
        apis.push(api);
    }

    let mut in_request = BTreeSet::new();
    let mut in_response = BTreeSet::new();
    for api in &apis {
        collect_shared(&api.params, &mut in_request, &b);
        collect_shared(&api.response, &mut in_response, &b);
    }

    let mut type_defs = Vec::new();
    for (_, list) in &spec.types {
        for t in list {
            type_defs.push(TypeDef {
                name: t.name.clone(),
                kind: t.kind.clone(),
                description: t.description.clone(),
                fields: t
                    .fields
                    .as_deref()
                    .unwrap_or(&[])
                    .iter()
                    .map(|f| b.param_in(f, "", &t.name))
                    .collect(),
                values: t.values.as_deref().map(enum_values).unwrap_or_default(),
                rules: t.rules.iter().map(rule).collect(),
                in_request: in_request.contains(&t.name),
                in_response: in_response.contains(&t.name),
            });
        }
    }
    type_defs.sort_by(|a, b| a.name.cmp(&b.name));

    let (version, endpoints) = match &spec.service {
        Some((_, s)) => (
            s.version.clone(),
            Endpoints {
                central: s.endpoints.central.clone(),
                regional: s.endpoints.regional.clone(),
                vpc_template: s.endpoints.vpc_template.clone(),
                default_template: s.endpoints.default_template.clone(),
            },
        ),
        None => (
            "2014-05-26".to_owned(),
            Endpoints {
                central: "ecs.aliyuncs.com".to_owned(),
                regional: BTreeMap::new(),
                vpc_template: None,
                default_template: None,
            },
        ),
    };
    let common_errors = spec
        .common_errors
        .as_ref()
        .map(|(_, e)| errors(&e.errors))
        .unwrap_or_default();

    if diags.is_empty() {
        Ok(Model {
            version,
            endpoints,
            apis,
            types: type_defs,
            common_errors,
        })
    } else {
        Err(diags)
    }
}

/// Shared types used (transitively) by a parameter list.
fn collect_shared(params: &[Param], out: &mut BTreeSet<String>, b: &Builder<'_>) {
    for p in params {
        if p.shared {
            if let Some(name) = &p.rust_type {
                if out.insert(name.clone()) {
                    if let Some(t) = b.types.get(name.as_str()) {
                        let fields: Vec<Param> = t
                            .fields
                            .as_deref()
                            .unwrap_or(&[])
                            .iter()
                            .map(|f| b.param(f, ""))
                            .collect();
                        collect_shared(&fields, out, b);
                    }
                }
            }
        }
        collect_shared(&p.children, out, b);
        if let Some(items) = &p.items {
            collect_shared(std::slice::from_ref(items), out, b);
        }
    }
}

/// A waiter must name a response list whose items have the state field, and values the state
/// can take (when it is an enum).
fn check_waiters(api: &Api, src: &crate::diag::Source, diags: &mut Diagnostics) {
    for (i, w) in api.waiters.iter().enumerate() {
        let line = src.find_line(&format!("name: {}", w.name), 1);
        let path = format!("waiters[{i}]({})", w.name);
        let mut err = |msg: String| diags.push(src.diag(line, path.clone(), msg));
        if !matches!(w.empty.as_str(), "retry" | "success" | "failure") {
            err(format!(
                "empty `{}` must be retry, success or failure",
                w.empty
            ));
        }
        if w.delay_seconds == 0 || w.delay_seconds > w.max_delay_seconds {
            err("delay_seconds must be at least 1 and at most max_delay_seconds".to_owned());
        }
        if w.max_wait_seconds < w.delay_seconds {
            err("max_wait_seconds must be at least delay_seconds".to_owned());
        }
        let Some(list) = api.response.iter().find(|p| p.wire_name == w.items) else {
            err(format!("items `{}` is not a response field", w.items));
            continue;
        };
        let Some(item) = list.items.as_deref().filter(|_| list.kind == Kind::List) else {
            err(format!("items `{}` is not a list", w.items));
            continue;
        };
        let Some(state) = item.children.iter().find(|c| c.wire_name == w.state) else {
            err(format!(
                "state `{}` is not a field of the items of `{}`",
                w.state, w.items
            ));
            continue;
        };
        if !matches!(state.kind, Kind::Enum | Kind::String) {
            err(format!("state `{}` must be a string or an enum", w.state));
        }
        if state.kind == Kind::Enum {
            for v in w.success.iter().chain(&w.failure) {
                if !state.values.iter().any(|e| &e.value == v) {
                    err(format!("`{v}` is not a value of the state `{}`", w.state));
                }
            }
        }
    }
}

/// Inline enums and structs become types inside the API's module: their names must not clash
/// with each other or with the module's own types.
fn check_inline_type_names(api: &Api, src: &crate::diag::Source, diags: &mut Diagnostics) {
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    for fixed in ["Input", "Output", "Error", "FluentBuilder"] {
        seen.insert(
            format!("{}{fixed}", api.action),
            "the generated API types".to_owned(),
        );
    }
    let mut visit = |p: &Param, side: &str, seen: &mut BTreeMap<String, String>| {
        if p.shared {
            return;
        }
        if let Some(t) = &p.rust_type {
            let sig = format!(
                "{side}:{}",
                serde_json::to_string(&(&p.values, &p.children)).unwrap_or_default()
            );
            match seen.get(t) {
                Some(other) if *other != sig => {
                    let line = src.line_of_name(&p.wire_name, 1);
                    diags.push(src.diag(
                        line,
                        p.wire_name.clone(),
                        format!("the inline type `{t}` is defined twice in this API with different shapes; set `rust_type` to tell them apart"),
                    ));
                }
                Some(_) => {}
                None => {
                    seen.insert(t.clone(), sig);
                }
            }
        }
    };
    type Visit<'f> = dyn FnMut(&Param, &str, &mut BTreeMap<String, String>) + 'f;
    fn walk(ps: &[Param], side: &str, seen: &mut BTreeMap<String, String>, f: &mut Visit<'_>) {
        for p in ps {
            f(p, side, seen);
            walk(&p.children, side, seen, f);
            if let Some(items) = &p.items {
                walk(std::slice::from_ref(items), side, seen, f);
            }
        }
    }
    walk(&api.params, "request", &mut seen, &mut visit);
    walk(&api.response, "response", &mut seen, &mut visit);
}

fn yaml_to_json(v: &serde_yaml_ng::Value) -> Json {
    serde_json::to_value(v).unwrap_or(Json::Null)
}

fn enum_values(values: &[spec::RawEnumValue]) -> Vec<EnumValue> {
    values
        .iter()
        .map(|v| {
            let value = v.wire();
            EnumValue {
                variant: names::enum_variant(&value),
                value,
                description: v.description().map(str::to_owned),
            }
        })
        .collect()
}

fn errors(raw: &[spec::RawError]) -> Vec<ErrorDef> {
    raw.iter()
        .map(|e| ErrorDef {
            code: e.code.clone(),
            variant: e
                .rust_variant
                .clone()
                .unwrap_or_else(|| names::error_variant(&e.code)),
            status: e.status,
            message: e.message.clone(),
            description: e.description.clone(),
        })
        .collect()
}

fn condition(w: &spec::RawCondition) -> Condition {
    Condition {
        param: w.param.clone(),
        equals: w.equals.as_ref().map(spec::scalar_to_string),
        in_: w
            .in_
            .as_ref()
            .map(|vs| vs.iter().map(spec::scalar_to_string).collect()),
        present: w.present,
        and: w.and.iter().map(condition).collect(),
    }
}

fn rule(r: &RawRule) -> Rule {
    Rule {
        kind: r.kind.clone(),
        param: r.param.clone(),
        params: r.params.clone(),
        when: r.when.as_ref().map(condition),
        description: r.description.clone(),
        allowed: r.allowed.clone(),
        min: r.min,
        max: r.max,
        min_length: r.min_length,
        max_length: r.max_length,
        values: r
            .values
            .as_ref()
            .map(|vs| vs.iter().map(spec::scalar_to_string).collect()),
        pattern: r.pattern.clone(),
        pattern_description: r.pattern_description.clone(),
        step: r.step.clone(),
        max_span_seconds: r.max_span_seconds,
    }
}

impl Builder<'_> {
    fn api(&self, raw: &RawApi, file: &str) -> Api {
        let deprecated = match &raw.deprecated {
            None | Some(spec::RawDeprecated::Flag(false)) => None,
            Some(spec::RawDeprecated::Flag(true)) => Some(Deprecation {
                replacement: None,
                note: None,
            }),
            Some(spec::RawDeprecated::Details(d)) => Some(Deprecation {
                replacement: d.replacement.clone(),
                note: d.note.clone(),
            }),
        };
        let pagination = match &raw.pagination {
            Some(spec::RawPagination::Paged(p)) => Some(Pagination {
                style: p.style.clone(),
                page_number: p.page_number.clone(),
                page_size: p.page_size.clone(),
                total_count: p.total_count.clone(),
                offset: p.offset.clone(),
                next_offset: p.next_offset.clone(),
                next_token: p.next_token.clone(),
                max_results: p.max_results.clone(),
                items: p.items.clone(),
            }),
            _ => None,
        };
        let doc_ref = |d: &spec::RawDocRef| DocRef {
            doc: d.doc.clone(),
            heading: d.heading.clone(),
            line: d.line,
            used_for: d.used_for.clone(),
        };
        Api {
            action: raw.action.clone(),
            group: raw.group.clone(),
            module: names::module_name(&raw.action),
            source_file: file.to_owned(),
            summary: raw.summary.trim().to_owned(),
            description: raw
                .description
                .as_ref()
                .map(|d| d.trim().to_owned())
                .filter(|d| !d.is_empty()),
            deprecated,
            read_only: raw.read_only,
            timeout_seconds: raw.timeout_seconds,
            idempotency: raw.idempotency.clone(),
            client_token: (raw.idempotency == "client_token").then(|| "ClientToken".to_owned()),
            pagination,
            params: raw.request.iter().map(|p| self.param(p, "")).collect(),
            rules: raw.rules.iter().map(rule).collect(),
            response: raw.response.iter().map(|p| self.param(p, "")).collect(),
            errors: errors(&raw.errors),
            examples: raw
                .examples
                .iter()
                .map(|e| Example {
                    title: e.title.clone(),
                    request: e
                        .request
                        .iter()
                        .map(|(k, v)| (k.clone(), spec::scalar_to_string(v)))
                        .collect(),
                    response: e.response.clone(),
                })
                .collect(),
            provenance: Provenance {
                primary: doc_ref(&raw.provenance.primary),
                others: raw.provenance.others.iter().map(doc_ref).collect(),
                notes: raw.provenance.notes.clone(),
            },
            waiters: raw
                .waiters
                .iter()
                .map(|w| Waiter {
                    name: w.name.clone(),
                    method: format!("wait_until_{}", names::module_name(&w.name)),
                    description: w.description.trim().to_owned(),
                    items: w.items.clone(),
                    state: w.state.clone(),
                    success: w.success.clone(),
                    failure: w.failure.clone(),
                    empty: w.empty.clone().unwrap_or_else(|| "retry".to_owned()),
                    success_errors: w.success_errors.clone(),
                    delay_seconds: w.delay_seconds,
                    max_delay_seconds: w.max_delay_seconds,
                    max_wait_seconds: w.max_wait_seconds,
                })
                .collect(),
        }
    }

    /// Converts one parameter. `fallback_name` names anonymous list items' inline types;
    /// `parent_type` prefixes the inline types of struct fields (`SystemDisk` + `Category`).
    fn param(&self, p: &RawParam, fallback_name: &str) -> Param {
        self.param_in(p, fallback_name, "")
    }

    fn param_in(&self, p: &RawParam, fallback_name: &str, parent_type: &str) -> Param {
        let wire_name = p.name.clone().unwrap_or_default();
        let rust_name = p.rust_name.clone().unwrap_or_else(|| {
            let n = names::field_name(&wire_name);
            if names::is_keyword(&n) {
                format!("{n}_")
            } else {
                n
            }
        });
        let own = if wire_name.is_empty() {
            fallback_name
        } else {
            wire_name.as_str()
        };
        let type_label = format!("{parent_type}{}", names::type_name(own));
        let type_label = type_label.as_str();
        let mut out = Param {
            wire_name: wire_name.clone(),
            rust_name,
            type_name: p.ty.clone(),
            kind: Kind::String,
            required: p.required,
            description: p
                .description
                .as_ref()
                .map(|d| d.trim().to_owned())
                .filter(|d| !d.is_empty()),
            default: p.default.as_ref().map(yaml_to_json),
            sensitive: p.sensitive,
            deprecated: p.deprecated.as_ref().and_then(|d| match d {
                serde_yaml_ng::Value::Bool(false) => None,
                serde_yaml_ng::Value::Bool(true) => Some(String::new()),
                other => Some(spec::scalar_to_string(other)),
            }),
            encoding: p.encoding.clone(),
            wrapper: p.wrapper.clone().filter(|w| w != "none"),
            constraints: Constraints {
                min: p.min,
                max: p.max,
                min_length: p.min_length,
                max_length: p.max_length,
                pattern: p.pattern.clone(),
                pattern_description: p.pattern_description.clone(),
                forbidden_prefixes: p.forbidden_prefixes.clone(),
                forbidden_substrings: p.forbidden_substrings.clone(),
                min_char_classes: p.min_char_classes,
                allowed: p.allowed.clone(),
                max_decimals: p.max_decimals,
                format: p.format.clone(),
                max_decoded_bytes: p.max_decoded_bytes,
                min_items: p.min_items,
                max_items: p.max_items,
            },
            rust_type: None,
            shared: false,
            values: Vec::new(),
            children: Vec::new(),
            rules: Vec::new(),
            items: None,
        };
        out.kind = match p.ty.as_str() {
            "string" => Kind::String,
            "integer" => Kind::Integer,
            "long" => Kind::Long,
            "boolean" => Kind::Boolean,
            "float" => Kind::Float,
            "datetime" => Kind::Datetime,
            "json" => Kind::Json,
            "enum" => {
                out.values = enum_values(p.values.as_deref().unwrap_or(&[]));
                out.rust_type = Some(
                    p.rust_type
                        .clone()
                        .unwrap_or_else(|| names::type_name(type_label)),
                );
                Kind::Enum
            }
            "struct" => {
                let ty = p
                    .rust_type
                    .clone()
                    .unwrap_or_else(|| names::type_name(type_label));
                out.children = p
                    .fields
                    .as_deref()
                    .unwrap_or(&[])
                    .iter()
                    .map(|f| self.param_in(f, "", &ty))
                    .collect();
                out.rules = p.rules.iter().map(rule).collect();
                out.rust_type = Some(ty);
                Kind::Struct
            }
            "list" => {
                let item_name = p
                    .wrapper
                    .clone()
                    .filter(|w| w != "none")
                    .unwrap_or_else(|| own.to_owned());
                out.items = p
                    .items
                    .as_deref()
                    .map(|i| Box::new(self.param_in(i, &item_name, parent_type)));
                Kind::List
            }
            shared => match self.types.get(shared) {
                Some(t) if t.kind == "enum" => {
                    out.values = enum_values(t.values.as_deref().unwrap_or(&[]));
                    out.rust_type = Some(shared.to_owned());
                    out.shared = true;
                    Kind::Enum
                }
                Some(t) => {
                    out.children = t
                        .fields
                        .as_deref()
                        .unwrap_or(&[])
                        .iter()
                        .map(|f| self.param(f, ""))
                        .collect();
                    out.rules = t.rules.iter().map(rule).collect();
                    out.rust_type = Some(shared.to_owned());
                    out.shared = true;
                    Kind::Struct
                }
                None => Kind::Json,
            },
        };
        out
    }
}
