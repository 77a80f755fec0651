//! Stage 2: check the loaded spec for everything serde cannot: references, ranges, defaults,
//! names that collide in Rust, rules over missing parameters, broken examples.
//!
//! Each check pushes a diagnostic with the file, the YAML path and (found by name) the line.

use std::collections::{BTreeMap, BTreeSet};

use heck::ToSnakeCase;
use serde_yaml_ng::Value;

use crate::diag::{Diagnostics, Source};
use crate::load::LoadedSpec;
use crate::names;
use crate::spec::{scalar_to_string, RawApi, RawParam, RawRule, RawType};

/// Scalar and container type names of the schema.
pub const BUILTIN_TYPES: &[&str] = &[
    "string", "integer", "long", "boolean", "float", "enum", "list", "struct", "datetime", "json",
];

/// Where a parameter list sits, which decides the keys it may use.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Side {
    Request,
    Response,
    /// A shared type, which may serve requests, responses or both.
    Shared,
}

struct Ctx<'a> {
    src: &'a Source,
    diags: &'a mut Diagnostics,
    types: &'a BTreeMap<String, &'a RawType>,
    used_types: &'a mut BTreeSet<String>,
}

impl Ctx<'_> {
    fn err(&mut self, line: Option<usize>, path: &str, msg: impl Into<String>) {
        let d = self.src.diag(line, path, msg);
        self.diags.push(d);
    }
}

/// Runs every check. An empty result means the spec can be turned into a model.
pub fn lint(spec: &LoadedSpec) -> Diagnostics {
    let mut diags = Diagnostics::default();

    // Shared types: unique names.
    let mut types: BTreeMap<String, &RawType> = BTreeMap::new();
    let mut type_src: BTreeMap<String, &Source> = BTreeMap::new();
    for (src, list) in &spec.types {
        for t in list {
            let line = src.line_of_name(&t.name, 1);
            if BUILTIN_TYPES.contains(&t.name.as_str()) {
                diags.push(src.diag(
                    line,
                    format!("types.{}", t.name),
                    "a shared type may not use a builtin type name",
                ));
            }
            if types.insert(t.name.clone(), t).is_some() {
                diags.push(src.diag(
                    line,
                    format!("types.{}", t.name),
                    format!("duplicate shared type `{}`", t.name),
                ));
            }
            type_src.insert(t.name.clone(), src);
        }
    }

    let mut used_types = BTreeSet::new();

    // Shared type bodies.
    for (src, list) in &spec.types {
        for t in list {
            let mut ctx = Ctx {
                src,
                diags: &mut diags,
                types: &types,
                used_types: &mut used_types,
            };
            lint_type(&mut ctx, t);
        }
    }

    // APIs.
    let mut actions: BTreeMap<String, String> = BTreeMap::new();
    for (src, api) in &spec.apis {
        if let Some(first) = actions.insert(api.action.clone(), src.file.clone()) {
            diags.push(src.diag(
                Some(1),
                "action",
                format!("duplicate API `{}` (also in {first})", api.action),
            ));
        }
        let mut ctx = Ctx {
            src,
            diags: &mut diags,
            types: &types,
            used_types: &mut used_types,
        };
        lint_api(&mut ctx, api);
    }

    // Types used only by other types count as used when their user is used.
    let mut reachable = BTreeSet::new();
    let mut stack: Vec<String> = used_types.iter().cloned().collect();
    while let Some(name) = stack.pop() {
        if !reachable.insert(name.clone()) {
            continue;
        }
        if let Some(t) = types.get(&name) {
            let mut inner = BTreeSet::new();
            collect_refs(t.fields.as_deref().unwrap_or(&[]), &mut inner);
            stack.extend(inner);
        }
    }
    for (name, src) in &type_src {
        if !reachable.contains(name) {
            let line = src.line_of_name(name, 1);
            diags.push(src.diag(
                line,
                format!("types.{name}"),
                format!("dangling type `{name}`: no API uses it"),
            ));
        }
    }

    if let Some((src, service)) = &spec.service {
        let mut ctx = Ctx {
            src,
            diags: &mut diags,
            types: &types,
            used_types: &mut used_types,
        };
        lint_params(
            &mut ctx,
            &service.common_parameters,
            "common_parameters",
            Side::Request,
            true,
        );
    }
    if let Some((src, errors)) = &spec.common_errors {
        let mut ctx = Ctx {
            src,
            diags: &mut diags,
            types: &types,
            used_types: &mut used_types,
        };
        lint_errors(&mut ctx, &errors.errors);
    }

    diags.0.sort();
    diags.0.dedup();
    diags
}

fn collect_refs(params: &[RawParam], out: &mut BTreeSet<String>) {
    for p in params {
        if !BUILTIN_TYPES.contains(&p.ty.as_str()) {
            out.insert(p.ty.clone());
        }
        if let Some(items) = &p.items {
            collect_refs(std::slice::from_ref(items), out);
        }
        if let Some(fields) = &p.fields {
            collect_refs(fields, out);
        }
    }
}

fn lint_type(ctx: &mut Ctx<'_>, t: &RawType) {
    let path = format!("types.{}", t.name);
    let line = ctx.src.line_of_name(&t.name, 1);
    if !names::is_type_name(&t.name) {
        ctx.err(
            line,
            &path,
            format!("type name `{}` must be UpperCamelCase", t.name),
        );
    }
    match t.kind.as_str() {
        "struct" => {
            let fields = t.fields.as_deref().unwrap_or(&[]);
            if fields.is_empty() {
                ctx.err(line, &path, "a struct type needs `fields`");
            }
            if t.values.is_some() {
                ctx.err(line, &path, "`values` is only for enum types");
            }
            lint_params(ctx, fields, &format!("{path}.fields"), Side::Shared, true);
            lint_rules(ctx, &t.rules, fields, &format!("{path}.rules"));
        }
        "enum" => {
            if t.fields.is_some() {
                ctx.err(line, &path, "`fields` is only for struct types");
            }
            match &t.values {
                Some(values) if !values.is_empty() => lint_enum_values(ctx, values, &path, line),
                _ => ctx.err(line, &path, "an enum type needs `values`"),
            }
        }
        other => ctx.err(
            line,
            &path,
            format!("unknown type kind `{other}` (expected struct or enum)"),
        ),
    }
}

fn lint_api(ctx: &mut Ctx<'_>, api: &RawApi) {
    let file_stem = ctx
        .src
        .file
        .rsplit('/')
        .next()
        .unwrap_or("")
        .trim_end_matches(".yaml")
        .to_owned();
    if file_stem != api.action {
        ctx.err(
            Some(1),
            "action",
            format!(
                "file is named `{file_stem}` but the action is `{}`",
                api.action
            ),
        );
    }
    if !names::is_type_name(&api.action) {
        ctx.err(
            Some(1),
            "action",
            format!("action `{}` must be UpperCamelCase", api.action),
        );
    }
    if api.group.is_empty() || api.group != api.group.to_snake_case() {
        let line = ctx.src.find_line("group:", 1);
        ctx.err(
            line,
            "group",
            format!("group `{}` must be snake_case", api.group),
        );
    }
    if api.summary.trim().is_empty() {
        ctx.err(
            ctx.src.find_line("summary:", 1),
            "summary",
            "summary is empty",
        );
    }
    if !["000", "001", "002", "003", "004"].contains(&api.provenance.primary.doc.as_str()) {
        let line = ctx.src.find_line("primary:", 1);
        ctx.err(
            line,
            "provenance.primary.doc",
            format!(
                "unknown document `{}` (expected 000..004)",
                api.provenance.primary.doc
            ),
        );
    }
    for (i, other) in api.provenance.others.iter().enumerate() {
        if !["000", "001", "002", "003", "004"].contains(&other.doc.as_str()) {
            ctx.err(
                ctx.src.find_line("others:", 1),
                &format!("provenance.others[{i}].doc"),
                format!("unknown document `{}`", other.doc),
            );
        }
    }

    lint_params(ctx, &api.request, "request", Side::Request, true);
    lint_rules(ctx, &api.rules, &api.request, "rules");
    lint_params(ctx, &api.response, "response", Side::Response, true);
    for p in &api.response {
        if p.name.as_deref() == Some("RequestId") {
            let line = ctx.src.line_of_name("RequestId", 1);
            ctx.err(line, "response", "RequestId is implicit; do not list it");
        }
    }

    if let Some(t) = api.timeout_seconds {
        if !(1..=600).contains(&t) {
            let line = ctx.src.find_line("timeout_seconds:", 1);
            ctx.err(
                line,
                "timeout_seconds",
                format!("timeout_seconds {t} is outside 1 to 600"),
            );
        }
    }

    match api.idempotency.as_str() {
        "none" => {}
        "client_token" => {
            if !api
                .request
                .iter()
                .any(|p| p.name.as_deref() == Some("ClientToken"))
            {
                let line = ctx.src.find_line("idempotency:", 1);
                ctx.err(
                    line,
                    "idempotency",
                    "idempotency is client_token but there is no ClientToken parameter",
                );
            }
        }
        other => {
            let line = ctx.src.find_line("idempotency:", 1);
            ctx.err(
                line,
                "idempotency",
                format!("unknown idempotency `{other}` (expected none or client_token)"),
            );
        }
    }

    lint_pagination(ctx, api);
    lint_errors(ctx, &api.errors);
    lint_examples(ctx, api);
}

fn lint_pagination(ctx: &mut Ctx<'_>, api: &RawApi) {
    use crate::spec::RawPagination;
    let line = ctx.src.find_line("pagination:", 1);
    let Some(p) = &api.pagination else { return };
    let paged = match p {
        RawPagination::None(s) if s == "none" => return,
        RawPagination::None(s) => {
            ctx.err(
                line,
                "pagination",
                format!("unknown pagination `{s}` (expected none or a map)"),
            );
            return;
        }
        RawPagination::Paged(p) => p,
    };
    let has_req = |n: &Option<String>| {
        n.as_ref()
            .is_some_and(|n| api.request.iter().any(|p| p.name.as_ref() == Some(n)))
    };
    let has_resp = |n: &Option<String>| {
        n.as_ref()
            .is_some_and(|n| api.response.iter().any(|p| p.name.as_ref() == Some(n)))
    };
    type Refs<'a> = Vec<(&'static str, &'a Option<String>)>;
    let (reqs, resps): (Refs<'_>, Refs<'_>) = match paged.style.as_str() {
        "page_number" => (
            vec![
                ("page_number", &paged.page_number),
                ("page_size", &paged.page_size),
            ],
            vec![("total_count", &paged.total_count), ("items", &paged.items)],
        ),
        "offset" => (
            vec![("offset", &paged.offset)],
            vec![("next_offset", &paged.next_offset), ("items", &paged.items)],
        ),
        "next_token" => (
            vec![
                ("next_token", &paged.next_token),
                ("max_results", &paged.max_results),
            ],
            vec![("next_token", &paged.next_token), ("items", &paged.items)],
        ),
        other => {
            ctx.err(
                line,
                "pagination.style",
                format!("unknown pagination style `{other}` (expected page_number, next_token or offset)"),
            );
            return;
        }
    };
    for (key, name) in reqs {
        if !has_req(name) {
            ctx.err(
                line,
                &format!("pagination.{key}"),
                format!(
                    "`{}` is not a request parameter",
                    name.as_deref().unwrap_or("<missing>")
                ),
            );
        }
    }
    for (key, name) in resps {
        if !has_resp(name) {
            ctx.err(
                line,
                &format!("pagination.{key}"),
                format!(
                    "`{}` is not a response field",
                    name.as_deref().unwrap_or("<missing>")
                ),
            );
        }
    }
}

fn lint_errors(ctx: &mut Ctx<'_>, errors: &[crate::spec::RawError]) {
    let mut seen = BTreeSet::new();
    for (i, e) in errors.iter().enumerate() {
        let line = ctx.src.find_line(&format!("code: {}", e.code), 1);
        let path = format!("errors[{i}]");
        if e.code.trim().is_empty() || e.code.contains(char::is_whitespace) {
            ctx.err(
                line,
                &path,
                format!("error code `{}` must be non-empty without spaces", e.code),
            );
        }
        if !(400..=599).contains(&e.status) {
            ctx.err(
                line,
                &path,
                format!(
                    "HTTP status {} of `{}` is not an error status (400..599)",
                    e.status, e.code
                ),
            );
        }
        if !seen.insert((e.code.clone(), e.status, e.message.clone())) {
            ctx.err(
                line,
                &path,
                format!("duplicate error entry `{}` {}", e.code, e.status),
            );
        }
    }
    let mut variants: BTreeMap<String, String> = BTreeMap::new();
    for e in errors {
        if let Some(v) = &e.rust_variant {
            if !names::is_type_name(v) {
                let line = ctx.src.find_line(&format!("code: {}", e.code), 1);
                ctx.err(
                    line,
                    "errors",
                    format!("rust_variant `{v}` must be UpperCamelCase"),
                );
            }
        }
        let v = e
            .rust_variant
            .clone()
            .unwrap_or_else(|| names::error_variant(&e.code));
        if let Some(other) = variants.insert(v.clone(), e.code.clone()) {
            if other != e.code {
                let line = ctx.src.find_line(&format!("code: {}", e.code), 1);
                ctx.err(
                    line,
                    "errors",
                    format!(
                        "error codes `{other}` and `{}` both become the Rust variant `{v}`",
                        e.code
                    ),
                );
            }
        }
    }
}

fn lint_examples(ctx: &mut Ctx<'_>, api: &RawApi) {
    if api.examples.is_empty() {
        ctx.err(
            ctx.src.find_line("examples:", 1),
            "examples",
            "at least one example is required",
        );
    }
    let wire = crate::names::WireNames::of(&api.request);
    for (i, ex) in api.examples.iter().enumerate() {
        let line = ctx.src.find_line("examples:", 1);
        match serde_json::from_str::<serde_json::Value>(&ex.response) {
            Ok(serde_json::Value::Object(_)) => {}
            Ok(_) => ctx.err(
                line,
                &format!("examples[{i}].response"),
                "the response example must be a JSON object",
            ),
            Err(e) => ctx.err(
                line,
                &format!("examples[{i}].response"),
                format!("the response example is not valid JSON: {e}"),
            ),
        }
        for key in ex.request.keys() {
            if !wire.accepts(key) {
                ctx.err(
                    line,
                    &format!("examples[{i}].request"),
                    format!("`{key}` is not a wire name of this API"),
                );
            }
        }
    }
}

/// Checks a list of parameters (one scope): names, collisions, then each parameter.
fn lint_params(ctx: &mut Ctx<'_>, params: &[RawParam], path: &str, side: Side, named: bool) {
    let mut wire = BTreeMap::new();
    let mut rust: BTreeMap<String, String> = BTreeMap::new();
    for (i, p) in params.iter().enumerate() {
        let name = p.name.clone().unwrap_or_default();
        let ppath = format!("{path}[{i}]({name})");
        let line = ctx.src.line_of_name(&name, 1);
        if named && name.is_empty() {
            ctx.err(line, &ppath, "a parameter needs a `name`");
            continue;
        }
        if wire.insert(name.clone(), i).is_some() {
            ctx.err(line, &ppath, format!("duplicate parameter `{name}`"));
        }
        let rust_name = p
            .rust_name
            .clone()
            .unwrap_or_else(|| names::field_name(&name));
        if let Some(other) = rust.insert(rust_name.clone(), name.clone()) {
            if other != name {
                ctx.err(line, &ppath, format!("`{other}` and `{name}` collide as the Rust name `{rust_name}`; set `rust_name` on one of them"));
            }
        }
        lint_param(ctx, p, &ppath, line, side);
    }
}

fn is_number_type(ty: &str) -> bool {
    matches!(ty, "integer" | "long" | "float")
}

fn lint_param(ctx: &mut Ctx<'_>, p: &RawParam, path: &str, line: Option<usize>, side: Side) {
    let ty = p.ty.as_str();
    if !BUILTIN_TYPES.contains(&ty) {
        match ctx.types.get(ty) {
            Some(_) => {
                ctx.used_types.insert(ty.to_owned());
            }
            None => ctx.err(
                line,
                path,
                format!("unknown type `{ty}`: not a builtin type nor a shared type in types/"),
            ),
        }
    }
    if side == Side::Request && matches!(ty, "datetime" | "json") {
        ctx.err(line, path, format!("type `{ty}` is for responses; a request timestamp is `type: string` with `format: datetime`"));
    }
    if let Some(rn) = &p.rust_name {
        if !names::is_field_name(rn) {
            ctx.err(
                line,
                path,
                format!("rust_name `{rn}` must be a snake_case identifier"),
            );
        }
    }
    if let Some(rt) = &p.rust_type {
        if !names::is_type_name(rt) {
            ctx.err(
                line,
                path,
                format!("rust_type `{rt}` must be UpperCamelCase"),
            );
        }
        if !matches!(ty, "struct" | "enum") {
            ctx.err(
                line,
                path,
                "`rust_type` applies to struct and enum parameters only",
            );
        }
    }

    // Keys that only make sense on some types.
    let numeric = is_number_type(ty);
    let stringy = matches!(ty, "string" | "enum");
    if (p.min.is_some() || p.max.is_some()) && !numeric {
        ctx.err(
            line,
            path,
            format!("`min`/`max` apply to numbers, not `{ty}`"),
        );
    }
    if (p.min_length.is_some() || p.max_length.is_some()) && !stringy {
        ctx.err(
            line,
            path,
            format!("`min_length`/`max_length` apply to strings, not `{ty}`"),
        );
    }
    if (p.pattern.is_some()
        || !p.forbidden_prefixes.is_empty()
        || !p.forbidden_substrings.is_empty()
        || p.min_char_classes.is_some())
        && ty != "string"
    {
        ctx.err(
            line,
            path,
            format!("`pattern`, `forbidden_*` and `min_char_classes` apply to strings, not `{ty}`"),
        );
    }
    if let Some(n) = p.min_char_classes {
        if !(1..=4).contains(&n) {
            ctx.err(
                line,
                path,
                format!("`min_char_classes` counts four classes, so it must be 1 to 4, not {n}"),
            );
        }
    }
    if p.max_decimals.is_some() && ty != "float" {
        ctx.err(
            line,
            path,
            format!("`max_decimals` applies to floats, not `{ty}`"),
        );
    }
    if p.allowed.is_some() && !matches!(ty, "integer" | "long") {
        ctx.err(
            line,
            path,
            format!("`allowed` applies to integers, not `{ty}`"),
        );
    }
    if p.values.is_some() && ty != "enum" {
        ctx.err(
            line,
            path,
            format!("`values` applies to `type: enum`, not `{ty}`"),
        );
    }
    if ty == "enum" && p.values.as_ref().is_none_or(|v| v.is_empty()) {
        ctx.err(line, path, "an enum parameter needs `values`");
    }
    if p.encoding.is_some() && ty != "list" {
        ctx.err(
            line,
            path,
            format!(
                "list encoding `{}` on a non-list parameter of type `{ty}`",
                p.encoding.as_deref().unwrap_or("")
            ),
        );
    }
    if (p.min_items.is_some() || p.max_items.is_some()) && ty != "list" {
        ctx.err(
            line,
            path,
            format!("`min_items`/`max_items` apply to lists, not `{ty}`"),
        );
    }
    if p.wrapper.is_some() && (ty != "list" || side == Side::Request) {
        ctx.err(line, path, "`wrapper` applies to response lists only");
    }
    if p.sensitive && ty != "string" {
        ctx.err(line, path, "`sensitive` applies to strings");
    }
    if let Some(fmt) = &p.format {
        if ty != "string" {
            ctx.err(line, path, "`format` applies to strings");
        }
        if !matches!(fmt.as_str(), "datetime" | "base64" | "port_range") {
            ctx.err(
                line,
                path,
                format!("unknown format `{fmt}` (expected datetime, base64 or port_range)"),
            );
        }
    }
    if p.max_decoded_bytes.is_some() && p.format.as_deref() != Some("base64") {
        ctx.err(line, path, "`max_decoded_bytes` needs `format: base64`");
    }
    if p.fields.is_some() && ty != "struct" {
        ctx.err(
            line,
            path,
            format!("`fields` applies to `type: struct`, not `{ty}`"),
        );
    }
    if !p.rules.is_empty() && ty != "struct" {
        ctx.err(
            line,
            path,
            "`rules` inside a parameter apply to structs only",
        );
    }
    if p.items.is_some() && ty != "list" {
        ctx.err(line, path, "`items` applies to lists only");
    }

    // Bounds.
    if let (Some(min), Some(max)) = (p.min, p.max) {
        if min > max {
            ctx.err(line, path, format!("min {min} is greater than max {max}"));
        }
    }
    if matches!(ty, "integer" | "long") {
        for (k, v) in [("min", p.min), ("max", p.max)] {
            if let Some(v) = v {
                if v.fract() != 0.0 {
                    ctx.err(
                        line,
                        path,
                        format!("`{k}` {v} of an integer parameter is not an integer"),
                    );
                }
            }
        }
    }
    if let (Some(min), Some(max)) = (p.min_length, p.max_length) {
        if min > max {
            ctx.err(
                line,
                path,
                format!("min_length {min} is greater than max_length {max}"),
            );
        }
    }
    if let (Some(min), Some(max)) = (p.min_items, p.max_items) {
        if min > max {
            ctx.err(
                line,
                path,
                format!("min_items {min} is greater than max_items {max}"),
            );
        }
    }
    if let Some(pattern) = &p.pattern {
        if let Err(e) = regex::Regex::new(pattern) {
            let first = e.to_string().lines().last().unwrap_or("").trim().to_owned();
            ctx.err(line, path, format!("invalid pattern `{pattern}`: {first}"));
        }
    }
    if let Some(allowed) = &p.allowed {
        let set: BTreeSet<_> = allowed.iter().collect();
        if set.len() != allowed.len() {
            ctx.err(line, path, "duplicate values in `allowed`");
        }
    }
    if let Some(values) = &p.values {
        lint_enum_values(ctx, values, path, line);
    }

    // Defaults.
    if let Some(default) = &p.default {
        if p.required {
            ctx.err(line, path, "a required parameter cannot have a default");
        }
        lint_default(ctx, p, default, path, line);
    }

    // Containers.
    match ty {
        "list" => {
            if side == Side::Request && p.encoding.is_none() {
                ctx.err(
                    line,
                    path,
                    "a request list needs an `encoding` (repeat, json or comma)",
                );
            }
            if let Some(enc) = &p.encoding {
                if !matches!(enc.as_str(), "repeat" | "json" | "comma") {
                    ctx.err(
                        line,
                        path,
                        format!("unknown list encoding `{enc}` (expected repeat, json or comma)"),
                    );
                }
            }
            match &p.items {
                None => ctx.err(line, path, "a list needs `items`"),
                Some(items) => {
                    if items.name.is_some() {
                        ctx.err(line, path, "list `items` have no `name`");
                    }
                    if items.required || items.default.is_some() {
                        ctx.err(
                            line,
                            path,
                            "list `items` cannot be required or have a default",
                        );
                    }
                    if items.ty == "list" {
                        ctx.err(line, path, "lists of lists are not supported");
                    }
                    let is_struct_item = items.ty == "struct"
                        || ctx
                            .types
                            .get(items.ty.as_str())
                            .is_some_and(|t| t.kind == "struct");
                    if side == Side::Request
                        && is_struct_item
                        && p.encoding.as_deref() != Some("repeat")
                    {
                        ctx.err(
                            line,
                            path,
                            "a list of structs can only use the repeat encoding",
                        );
                    }
                    lint_param(ctx, items, &format!("{path}.items"), line, side);
                }
            }
        }
        "struct" => match &p.fields {
            None => ctx.err(line, path, "a struct needs `fields`"),
            Some(fields) => {
                lint_params(ctx, fields, &format!("{path}.fields"), side, true);
                lint_rules(ctx, &p.rules, fields, &format!("{path}.rules"));
            }
        },
        _ => {}
    }
}

fn lint_enum_values(
    ctx: &mut Ctx<'_>,
    values: &[crate::spec::RawEnumValue],
    path: &str,
    line: Option<usize>,
) {
    let mut seen = BTreeSet::new();
    let mut variants: BTreeMap<String, String> = BTreeMap::new();
    for v in values {
        if let crate::spec::RawEnumValue::Bare(Value::Mapping(_) | Value::Sequence(_)) = v {
            ctx.err(
                line,
                path,
                "an enum value must be a scalar or `{ value, description }`",
            );
            continue;
        }
        let wire = v.wire();
        if !seen.insert(wire.clone()) {
            ctx.err(line, path, format!("duplicate enum value `{wire}`"));
            continue;
        }
        let variant = names::enum_variant(&wire);
        if let Some(other) = variants.insert(variant.clone(), wire.clone()) {
            ctx.err(
                line,
                path,
                format!(
                    "enum values `{other}` and `{wire}` collide as the Rust variant `{variant}`"
                ),
            );
        }
    }
}

fn lint_default(ctx: &mut Ctx<'_>, p: &RawParam, default: &Value, path: &str, line: Option<usize>) {
    let text = scalar_to_string(default);
    match p.ty.as_str() {
        "integer" | "long" | "float" => {
            let Ok(n) = text.parse::<f64>() else {
                ctx.err(line, path, format!("default `{text}` is not a number"));
                return;
            };
            if p.min.is_some_and(|m| n < m) || p.max.is_some_and(|m| n > m) {
                ctx.err(
                    line,
                    path,
                    format!(
                        "default {text} is outside the range [{}, {}]",
                        fmt_opt(p.min),
                        fmt_opt(p.max)
                    ),
                );
            }
            if let Some(allowed) = &p.allowed {
                if !allowed.iter().any(|a| (*a as f64) == n) {
                    ctx.err(
                        line,
                        path,
                        format!("default {text} is not one of the allowed values"),
                    );
                }
            }
        }
        "boolean" => {
            if !matches!(default, Value::Bool(_)) && !matches!(text.as_str(), "true" | "false") {
                ctx.err(line, path, format!("default `{text}` is not a boolean"));
            }
        }
        "enum" => {
            let values = p.values.as_deref().unwrap_or(&[]);
            if !values.iter().any(|v| v.wire() == text) {
                ctx.err(
                    line,
                    path,
                    format!("default `{text}` is not one of the enum values"),
                );
            }
        }
        "string" => {
            let len = text.chars().count() as u64;
            if p.min_length.is_some_and(|m| len < m) || p.max_length.is_some_and(|m| len > m) {
                ctx.err(
                    line,
                    path,
                    format!("default `{text}` breaks the length limits"),
                );
            }
        }
        ty => {
            if let Some(t) = ctx.types.get(ty) {
                if t.kind == "enum"
                    && !t
                        .values
                        .as_deref()
                        .unwrap_or(&[])
                        .iter()
                        .any(|v| v.wire() == text)
                {
                    ctx.err(
                        line,
                        path,
                        format!("default `{text}` is not one of the values of `{ty}`"),
                    );
                }
            } else if matches!(ty, "list" | "struct") {
                ctx.err(line, path, format!("a `{ty}` cannot have a default"));
            }
        }
    }
}

fn fmt_opt(v: Option<f64>) -> String {
    v.map(|v| v.to_string()).unwrap_or_else(|| "..".to_owned())
}

/// Resolves a rule's parameter reference in `scope` (a dotted `Struct.Field` reaches into a
/// non-list struct parameter).
fn resolve<'p>(
    scope: &'p [RawParam],
    name: &str,
    types: &'p BTreeMap<String, &'p RawType>,
) -> Option<&'p RawParam> {
    if let Some(p) = scope.iter().find(|p| p.name.as_deref() == Some(name)) {
        return Some(p);
    }
    let (head, tail) = name.split_once('.')?;
    let parent = scope.iter().find(|p| p.name.as_deref() == Some(head))?;
    let fields = match parent.ty.as_str() {
        "struct" => parent.fields.as_deref()?,
        other => types
            .get(other)
            .filter(|t| t.kind == "struct")?
            .fields
            .as_deref()?,
    };
    resolve(fields, tail, types)
}

fn lint_rules(ctx: &mut Ctx<'_>, rules: &[RawRule], scope: &[RawParam], path: &str) {
    for (i, r) in rules.iter().enumerate() {
        let rpath = format!("{path}[{i}]({})", r.kind);
        let line = ctx.src.find_line(&format!("kind: {}", r.kind), 1);
        let types = ctx.types;
        let check = |ctx: &mut Ctx<'_>, name: &str| {
            if resolve(scope, name, types).is_none() {
                ctx.err(
                    line,
                    &rpath,
                    format!("rule names parameter `{name}`, which does not exist here"),
                );
            }
        };
        match r.kind.as_str() {
            "required_if" | "forbidden_if" | "constrain_if" => {
                match &r.param {
                    Some(p) => check(ctx, p),
                    None => ctx.err(line, &rpath, format!("`{}` needs `param`", r.kind)),
                }
                match &r.when {
                    None => ctx.err(line, &rpath, format!("`{}` needs `when`", r.kind)),
                    Some(w) => {
                        // The condition and every `and` condition below it.
                        let mut stack = vec![w];
                        while let Some(w) = stack.pop() {
                            check(ctx, &w.param);
                            let tests = [w.equals.is_some(), w.in_.is_some(), w.present.is_some()];
                            if tests.iter().filter(|t| **t).count() != 1 {
                                ctx.err(
                                    line,
                                    &rpath,
                                    "a condition needs exactly one of `equals`, `in`, `present`",
                                );
                            }
                            stack.extend(&w.and);
                        }
                    }
                }
                if !r.params.is_empty() {
                    ctx.err(
                        line,
                        &rpath,
                        format!("`{}` takes `param`, not `params`", r.kind),
                    );
                }
                let has_constraint = r.allowed.is_some()
                    || r.min.is_some()
                    || r.max.is_some()
                    || r.min_length.is_some()
                    || r.max_length.is_some()
                    || r.values.is_some()
                    || r.pattern.is_some();
                if let Some(pattern) = &r.pattern {
                    if let Err(e) = regex::Regex::new(pattern) {
                        let first = e.to_string().lines().last().unwrap_or("").trim().to_owned();
                        ctx.err(
                            line,
                            &rpath,
                            format!("invalid pattern `{pattern}`: {first}"),
                        );
                    }
                }
                if r.kind == "constrain_if" && !has_constraint {
                    ctx.err(line, &rpath, "`constrain_if` needs a constraint (allowed, min, max, min_length, max_length, values or pattern)");
                }
                if r.kind != "constrain_if" && has_constraint {
                    ctx.err(
                        line,
                        &rpath,
                        "constraints belong to `constrain_if` rules only",
                    );
                }
                if let (Some(min), Some(max)) = (r.min, r.max) {
                    if min > max {
                        ctx.err(line, &rpath, format!("min {min} is greater than max {max}"));
                    }
                }
            }
            "time_range" => {
                if r.params.len() != 2 {
                    ctx.err(line, &rpath, "`time_range` needs `params: [start, end]`");
                }
                for p in &r.params {
                    check(ctx, p);
                }
                if let Some(step) = &r.step {
                    check(ctx, step);
                }
                if r.step.is_some() != r.max.is_some() {
                    ctx.err(
                        line,
                        &rpath,
                        "`time_range` takes `step` and `max` together (max samples per step)",
                    );
                }
                if r.param.is_some() || r.when.is_some() || r.min.is_some() {
                    ctx.err(
                        line,
                        &rpath,
                        "`time_range` takes `params`, `step`, `max` and `max_span_seconds` only",
                    );
                }
                if r.max_span_seconds == Some(0) {
                    ctx.err(line, &rpath, "`max_span_seconds` must be positive");
                }
            }
            "mutually_exclusive" | "exactly_one_of" | "at_least_one_of" => {
                if r.params.len() < 2 {
                    ctx.err(
                        line,
                        &rpath,
                        format!("`{}` needs at least two `params`", r.kind),
                    );
                }
                for p in &r.params {
                    check(ctx, p);
                }
                if r.param.is_some() || r.when.is_some() {
                    ctx.err(line, &rpath, format!("`{}` takes `params` only", r.kind));
                }
            }
            other => ctx.err(line, &rpath, format!("unknown rule kind `{other}`")),
        }
    }
}
