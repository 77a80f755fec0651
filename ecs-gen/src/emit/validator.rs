//! `validate()` bodies: one call on the runtime's `Validator` per constraint, then the
//! cross-field rules. Conditions read the effective value (the given one, else the default).

use proc_macro2::TokenStream;
use quote::quote;

use super::ident;
use crate::model::{Condition, Constraints, Kind, Param, Rule};

/// Statements checking `params` (fields of `self`) and `rules`, using a validator `v`.
pub fn validate_body(params: &[Param], rules: &[Rule]) -> TokenStream {
    let fields = params.iter().map(field_checks);
    let rules = rules.iter().map(|r| rule_check(params, r));
    quote! {
        #(#fields)*
        #(#rules)*
    }
}

/// A sentence listing the rules, for the `validate` doc comment.
pub fn rules_doc(rules: &[Rule]) -> String {
    if rules.is_empty() {
        return String::new();
    }
    let mut out = String::from("\n\nCross-field rules:");
    for r in rules {
        let text = match r.kind.as_str() {
            "required_if" | "forbidden_if" | "constrain_if" => {
                let cond = r.when.as_ref().map(Condition::describe).unwrap_or_default();
                let param = r.param.as_deref().unwrap_or("");
                match r.kind.as_str() {
                    "required_if" => format!("`{param}` is required when {cond}"),
                    "forbidden_if" => format!("`{param}` must be absent when {cond}"),
                    _ => format!("`{param}` is further constrained when {cond}"),
                }
            }
            "time_range" if r.max_span_seconds.is_some() => {
                let span = r.max_span_seconds.unwrap_or_default();
                let span = if span % 86_400 == 0 {
                    format!("{} days", span / 86_400)
                } else {
                    format!("{span} s")
                };
                let params: Vec<String> = r.params.iter().map(|p| format!("`{p}`")).collect();
                format!("time range: {} (at most {span} apart)", params.join(" .. "))
            }
            kind => format!(
                "{}: {}",
                kind.replace('_', " "),
                r.params
                    .iter()
                    .map(|p| format!("`{p}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        out.push_str(&format!("\n- {text}"));
        if let Some(d) = &r.description {
            out.push_str(&format!(" ({})", d.trim()));
        }
    }
    out
}

fn opt<T: quote::ToTokens>(v: Option<T>) -> TokenStream {
    match v {
        Some(v) => quote!(Some(#v)),
        None => quote!(None),
    }
}

fn int(v: Option<f64>) -> TokenStream {
    opt(v.map(|v| proc_macro2::Literal::i64_unsuffixed(v as i64)))
}

fn float(v: Option<f64>) -> TokenStream {
    opt(v.map(proc_macro2::Literal::f64_unsuffixed))
}

fn usize_opt(v: Option<u64>) -> TokenStream {
    opt(v.map(proc_macro2::Literal::u64_unsuffixed))
}

fn int_list(values: &[i64]) -> TokenStream {
    let lits = values
        .iter()
        .map(|v| proc_macro2::Literal::i64_unsuffixed(*v));
    quote!(&[#(#lits),*])
}

/// Checks of one scalar value (`value` is a reference expression, `name` a `&str` expression).
fn scalar_checks(
    p: &Param,
    c: &Constraints,
    value: &TokenStream,
    name: &TokenStream,
) -> Vec<TokenStream> {
    let mut out = Vec::new();
    match p.kind {
        Kind::String => {
            if c.min_length.is_some() || c.max_length.is_some() {
                let (min, max) = (usize_opt(c.min_length), usize_opt(c.max_length));
                out.push(quote!(v.length(#name, #value, #min, #max)?;));
            }
            // The named rules first: "must not start with http://" says more than a pattern
            // that happens to reject the `/`.
            if !c.forbidden_prefixes.is_empty() {
                let list = &c.forbidden_prefixes;
                out.push(quote!(v.forbidden_prefixes(#name, #value, &[#(#list),*])?;));
            }
            if !c.forbidden_substrings.is_empty() {
                let list = &c.forbidden_substrings;
                out.push(quote!(v.forbidden_substrings(#name, #value, &[#(#list),*])?;));
            }
            if let Some(pattern) = &c.pattern {
                let desc = c
                    .pattern_description
                    .clone()
                    .unwrap_or_else(|| format!("the pattern {pattern}"));
                out.push(quote! {
                    static PATTERN: std::sync::LazyLock<regex::Regex> =
                        std::sync::LazyLock::new(|| regex::Regex::new(#pattern).expect("ecs-gen lint compiled this pattern"));
                    v.pattern(#name, #value, &PATTERN, #desc)?;
                });
            }
            if let Some(n) = c.min_char_classes {
                let n = proc_macro2::Literal::usize_unsuffixed(usize::from(n));
                out.push(quote!(v.char_classes(#name, #value, #n)?;));
            }
            match c.format.as_deref() {
                Some("datetime") => out.push(quote!(v.datetime(#name, #value)?;)),
                Some("port_range") => out.push(quote!(v.port_range(#name, #value)?;)),
                Some("base64") => {
                    let max = usize_opt(c.max_decoded_bytes);
                    out.push(quote!(v.base64(#name, #value, #max)?;));
                }
                _ => {}
            }
        }
        Kind::Enum => {
            let ty = super::rust_type(p);
            out.push(
                quote!(v.enum_value(#name, #value.as_str(), #value.is_known(), #ty::VALUES)?;),
            );
            if c.min_length.is_some() || c.max_length.is_some() {
                let (min, max) = (usize_opt(c.min_length), usize_opt(c.max_length));
                out.push(quote!(v.length(#name, #value.as_str(), #min, #max)?;));
            }
        }
        Kind::Integer | Kind::Long => {
            let as_i64 = if p.kind == Kind::Long {
                quote!(*#value)
            } else {
                quote!(i64::from(*#value))
            };
            if c.min.is_some() || c.max.is_some() {
                let (min, max) = (int(c.min), int(c.max));
                out.push(quote!(v.range_i64(#name, #as_i64, #min, #max)?;));
            }
            if let Some(allowed) = &c.allowed {
                let list = int_list(allowed);
                out.push(quote!(v.allowed_i64(#name, #as_i64, #list)?;));
            }
        }
        Kind::Float => {
            let (min, max) = (float(c.min), float(c.max));
            // NaN is never a valid number to send, so floats are always range-checked.
            out.push(quote!(v.range_f64(#name, *#value, #min, #max)?;));
            if let Some(n) = c.max_decimals {
                let n = proc_macro2::Literal::usize_unsuffixed(usize::from(n));
                out.push(quote!(v.decimals(#name, *#value, #n)?;));
            }
        }
        Kind::Struct => out.push(quote!(#value.validate(&v.nested(#name))?;)),
        _ => {}
    }
    out
}

fn field_checks(p: &Param) -> TokenStream {
    let field = ident(&p.rust_name);
    let wire = &p.wire_name;
    let name = quote!(#wire);
    let required = if p.required {
        quote!(v.required(#wire, &self.#field)?;)
    } else {
        quote!()
    };
    let redact = if p.sensitive {
        quote!(let v = v.redacted();)
    } else {
        quote!()
    };
    let value = quote!(value);
    let checks: Vec<TokenStream> = if p.kind == Kind::List {
        let c = &p.constraints;
        let mut out = Vec::new();
        if c.min_items.is_some() || c.max_items.is_some() || p.required {
            let min = usize_opt(c.min_items.or(p.required.then_some(1)));
            let max = usize_opt(c.max_items);
            out.push(quote!(v.items(#name, value.len(), #min, #max)?;));
        }
        if let Some(item) = p.items.as_deref() {
            let item_name = quote!(&item_name);
            let item_value = quote!(item);
            let per_item = scalar_checks(item, &item.constraints, &item_value, &item_name);
            if !per_item.is_empty() {
                let item_redact = if item.sensitive {
                    quote!(let v = v.redacted();)
                } else {
                    quote!()
                };
                // Repeat-list items have wire names of their own (`Name.2`); items of a list sent
                // as one value are named by position (`Name[2]`).
                let fmt = if p.encoding.as_deref() == Some("repeat") {
                    format!("{wire}.{{}}")
                } else {
                    format!("{wire}[{{}}]")
                };
                out.push(quote! {
                    for (index, item) in value.iter().enumerate() {
                        let item_name = format!(#fmt, index + 1);
                        #item_redact
                        #(#per_item)*
                    }
                });
            }
        }
        out
    } else {
        scalar_checks(p, &p.constraints, &value, &name)
    };
    if checks.is_empty() {
        return required;
    }
    quote! {
        #required
        if let Some(value) = &self.#field {
            #redact
            #(#checks)*
        }
    }
}

/// A parameter of the scope, found by (possibly dotted) wire name, with the Rust path to it.
struct Access<'p> {
    param: &'p Param,
    /// `self.field`, or the parent field for a dotted name.
    field: TokenStream,
    /// The child field for a dotted name.
    child: Option<TokenStream>,
}

fn access<'p>(scope: &'p [Param], name: &str) -> Option<Access<'p>> {
    if let Some(p) = scope.iter().find(|p| p.wire_name == name) {
        let f = ident(&p.rust_name);
        return Some(Access {
            param: p,
            field: quote!(self.#f),
            child: None,
        });
    }
    let (head, tail) = name.split_once('.')?;
    let parent = scope.iter().find(|p| p.wire_name == head)?;
    let pf = ident(&parent.rust_name);
    let child = parent.children.iter().find(|c| c.wire_name == tail)?;
    let cf = ident(&child.rust_name);
    Some(Access {
        param: child,
        field: quote!(self.#pf),
        child: Some(quote!(#cf)),
    })
}

impl Access<'_> {
    /// An expression of type `Option<&T>`.
    fn as_ref(&self) -> TokenStream {
        let field = &self.field;
        match &self.child {
            None => quote!(#field.as_ref()),
            Some(c) => quote!(#field.as_ref().and_then(|parent| parent.#c.as_ref())),
        }
    }

    /// The opposite of [`present`](Self::present), written as a reader would
    /// (`x.is_none()`, not `!x.is_some()`).
    fn absent(&self) -> TokenStream {
        let field = &self.field;
        match (&self.child, self.param.kind) {
            (None, Kind::List) => quote!(#field.as_ref().is_none_or(|items| items.is_empty())),
            (None, _) => quote!(#field.is_none()),
            (Some(_), Kind::List) => {
                let r = self.as_ref();
                quote!(#r.is_none_or(|items| items.is_empty()))
            }
            (Some(_), _) => {
                let r = self.as_ref();
                quote!(#r.is_none())
            }
        }
    }

    /// Whether the parameter will be sent (an empty list is not).
    fn present(&self) -> TokenStream {
        let field = &self.field;
        match (&self.child, self.param.kind) {
            (None, Kind::List) => quote!(#field.as_ref().is_some_and(|items| !items.is_empty())),
            (None, _) => quote!(#field.is_some()),
            (Some(_), Kind::List) => {
                let r = self.as_ref();
                quote!(#r.is_some_and(|items| !items.is_empty()))
            }
            (Some(_), _) => {
                let r = self.as_ref();
                quote!(#r.is_some())
            }
        }
    }

    /// An expression of type `Option<&str>` (strings, enums) or `Option<T>` (numbers, booleans).
    fn value(&self) -> TokenStream {
        let field = &self.field;
        match (&self.child, self.param.kind) {
            (None, Kind::String) => quote!(#field.as_deref()),
            (None, Kind::Enum) => quote!(#field.as_ref().map(|value| value.as_str())),
            (None, _) => quote!(#field),
            (Some(c), Kind::String) => {
                quote!(#field.as_ref().and_then(|parent| parent.#c.as_deref()))
            }
            (Some(c), Kind::Enum) => {
                quote!(#field.as_ref().and_then(|parent| parent.#c.as_ref()).map(|value| value.as_str()))
            }
            (Some(c), _) => quote!(#field.as_ref().and_then(|parent| parent.#c)),
        }
    }
}

fn literal(p: &Param, text: &str) -> TokenStream {
    match p.kind {
        Kind::Integer | Kind::Long => {
            let n: i64 = text.parse().unwrap_or_default();
            let lit = proc_macro2::Literal::i64_unsuffixed(n);
            quote!(#lit)
        }
        Kind::Float => {
            let n: f64 = text.parse().unwrap_or_default();
            let lit = proc_macro2::Literal::f64_unsuffixed(n);
            quote!(#lit)
        }
        Kind::Boolean => {
            if text == "true" {
                quote!(true)
            } else {
                quote!(false)
            }
        }
        _ => quote!(#text),
    }
}

/// A boolean expression for a condition over the scope, reading the effective value.
fn condition(scope: &[Param], c: &Condition) -> TokenStream {
    let first = condition_one(scope, c);
    if c.and.is_empty() {
        return first;
    }
    let rest = c.and.iter().map(|c| condition(scope, c));
    quote!((#first) #(&& (#rest))*)
}

fn condition_one(scope: &[Param], c: &Condition) -> TokenStream {
    let Some(a) = access(scope, &c.param) else {
        return quote!(false);
    };
    if let Some(want) = c.present {
        return if want { a.present() } else { a.absent() };
    }
    let values: Vec<String> = match (&c.equals, &c.in_) {
        (Some(v), _) => vec![v.clone()],
        (None, Some(vs)) => vs.clone(),
        _ => return quote!(false),
    };
    let lits: Vec<TokenStream> = values.iter().map(|v| literal(a.param, v)).collect();
    let value = a.value();
    let default = a.param.default.as_ref().map(|d| {
        let text = match d {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        literal(a.param, &text)
    });
    if a.param.kind == Kind::Boolean && values.len() == 1 {
        // `flag.unwrap_or(false)` reads better than `flag.unwrap_or(false) == true`.
        let want = values[0] == "true";
        let test = match &default {
            Some(d) => quote!(#value.unwrap_or(#d)),
            None => quote!(#value.unwrap_or(#want)),
        };
        return match (&default, want) {
            (Some(_), true) => test,
            (Some(_), false) => quote!(!#test),
            (None, _) => quote!(#value == Some(#want)),
        };
    }
    match (default, lits.as_slice()) {
        (Some(d), [one]) => quote!(#value.unwrap_or(#d) == #one),
        (Some(d), many) => quote!([#(#many),*].contains(&#value.unwrap_or(#d))),
        (None, [one]) => quote!(#value == Some(#one)),
        (None, many) => quote!(#value.is_some_and(|value| [#(#many),*].contains(&value))),
    }
}

fn rule_check(scope: &[Param], r: &Rule) -> TokenStream {
    let presence = |name: &str| -> TokenStream {
        match access(scope, name) {
            Some(a) => a.present(),
            None => quote!(false),
        }
    };
    match r.kind.as_str() {
        "required_if" | "forbidden_if" => {
            let Some(param) = r.param.as_deref() else {
                return quote!();
            };
            let Some(when) = &r.when else { return quote!() };
            let cond = condition(scope, when);
            let text = when.describe();
            let is_present = presence(param);
            let method = if r.kind == "required_if" {
                quote!(required_if)
            } else {
                quote!(forbidden_if)
            };
            quote!(v.#method(#param, #is_present, #cond, #text)?;)
        }
        "time_range" => {
            let [start, end] = r.params.as_slice() else {
                return quote!();
            };
            let (Some(s), Some(e)) = (access(scope, start), access(scope, end)) else {
                return quote!();
            };
            let (sa, ea) = (s.as_ref(), e.as_ref());
            let limit = match (r.step.as_deref().and_then(|n| access(scope, n)), r.max) {
                (Some(step), Some(max)) => {
                    let name = &step.param.wire_name;
                    let default = step
                        .param
                        .default
                        .as_ref()
                        .and_then(serde_json::Value::as_i64)
                        .unwrap_or(1);
                    let default = proc_macro2::Literal::i64_unsuffixed(default);
                    let value = step.as_ref();
                    let max = proc_macro2::Literal::i64_unsuffixed(max as i64);
                    quote!(Some((#name, #value.map_or(#default, |v| i64::from(*v)), #max)))
                }
                _ => quote!(None),
            };
            let span = r.max_span_seconds.map(|max| {
                let max = proc_macro2::Literal::i64_unsuffixed(max as i64);
                quote!(v.time_span((#start, start), (#end, end), #max)?;)
            });
            quote! {
                if let (Some(start), Some(end)) = (#sa, #ea) {
                    v.time_range((#start, start), (#end, end), #limit)?;
                    #span
                }
            }
        }
        "mutually_exclusive" | "exactly_one_of" | "at_least_one_of" => {
            let method = ident(&r.kind);
            let pairs = r.params.iter().map(|n| {
                let e = presence(n);
                quote!((#n, #e))
            });
            quote!(v.#method(&[#(#pairs),*])?;)
        }
        "constrain_if" => {
            let Some(param) = r.param.as_deref() else {
                return quote!();
            };
            let Some(when) = &r.when else { return quote!() };
            let Some(a) = access(scope, param) else {
                return quote!();
            };
            let (acc, p) = (a.as_ref(), a.param);
            let cond = condition(scope, when);
            let text = when.describe();
            let c = Constraints {
                min: r.min,
                max: r.max,
                min_length: r.min_length,
                max_length: r.max_length,
                allowed: r.allowed.clone(),
                pattern: r.pattern.clone(),
                pattern_description: r.pattern_description.clone(),
                ..Constraints::default()
            };
            let name = quote!(#param);
            let value = quote!(value);
            // Only the rule's own constraints: build a copy of the param without its base ones.
            let mut bare = p.clone();
            bare.constraints = c.clone();
            let mut checks = match bare.kind {
                Kind::Enum => Vec::new(),
                _ => scalar_checks(&bare, &c, &value, &name),
            };
            if let Some(values) = &r.values {
                checks.push(quote!(v.enum_subset(#name, value.as_str(), &[#(#values),*])?;));
            }
            if bare.kind == Kind::Enum && (c.min_length.is_some() || c.max_length.is_some()) {
                let (min, max) = (usize_opt(c.min_length), usize_opt(c.max_length));
                checks.push(quote!(v.length(#name, value.as_str(), #min, #max)?;));
            }
            let redact = if p.sensitive {
                quote!(.redacted())
            } else {
                quote!()
            };
            quote! {
                if #cond {
                    if let Some(value) = #acc {
                        let v = v.when(#text)#redact;
                        #(#checks)*
                    }
                }
            }
        }
        _ => quote!(),
    }
}
