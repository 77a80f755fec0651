//! Request types: the `…Input` of each API and the structs its parameters use. Each has public
//! `Option` fields, chainable setters, `validate` and `write_params` (the wire encoding).

use proc_macro2::TokenStream;
use quote::quote;

use super::{docs, ident, rust_type, validator};
use crate::model::{Api, Kind, Param, Rule};

/// The `…Input` type of an API.
pub fn input(api: &Api) -> TokenStream {
    let name = ident(&format!("{}Input", api.action));
    let action = &api.action;
    let doc = docs::doc_lines(&format!(
        "The parameters of `{action}`: {}\n\nBuild it with the setters (or through the client's fluent builder), check it with \
         [`validate`](Self::validate), and encode it with [`write_params`](Self::write_params).",
        api.summary
    ));
    let fields = struct_fields(&api.params, false);
    let setters = setters(&api.params);
    let debug = debug_impl(&name, &api.params);
    let derive_debug = if debug.is_empty() {
        quote!(Debug,)
    } else {
        quote!()
    };
    let validate_body = validator::validate_body(&api.params, &api.rules);
    // An API whose parameters carry no constraint has nothing to check.
    let validator = if validate_body.is_empty() {
        quote!()
    } else {
        quote!(let v = ecs_runtime::validate::Validator::new(#action);)
    };
    let rules_doc = validator::rules_doc(&api.rules);
    let validate_doc = docs::doc_lines(&format!(
        "Checks every constraint the spec states for `{action}`, without any network I/O.{rules_doc}"
    ));
    let write = write_body(&api.params, false);
    let read = read_body(&api.params, false);
    quote! {
        #doc
        #[derive(Clone, #derive_debug Default, PartialEq)]
        #[non_exhaustive]
        pub struct #name {
            #fields
        }

        impl #name {
            /// An empty request; set parameters with the setters.
            pub fn new() -> Self {
                Self::default()
            }

            #setters

            #validate_doc
            pub fn validate(&self) -> Result<(), ecs_runtime::validate::ValidationError> {
                #validator
                #validate_body
                Ok(())
            }

            /// Appends the API's wire parameters (not the common ones) to `params`.
            pub fn write_params(&self, params: &mut ecs_runtime::Params) {
                #write
            }

            /// Reads a request back from its wire parameters: the inverse of
            /// [`write_params`](Self::write_params), for servers, emulators and tools. Parameters
            /// of other names are ignored; a value of the wrong type is an error naming it.
            pub fn read_params(params: &ecs_runtime::Params) -> Result<Self, ecs_runtime::wire::ReadError> {
                Ok(Self { #read })
            }
        }

        #debug
    }
}

/// A request struct (inline or shared). With `also_response`, it also derives `Deserialize`
/// so the same type serves responses.
pub fn struct_type(
    name: &str,
    description: Option<&str>,
    fields: &[Param],
    rules: &[Rule],
    also_response: bool,
) -> TokenStream {
    let ty = ident(name);
    let doc = docs::doc_lines(description.unwrap_or("A structured request parameter."));
    let field_tokens = struct_fields(fields, also_response);
    let setters = setters(fields);
    let debug = debug_impl(&ty, fields);
    let derive_debug = if debug.is_empty() {
        quote!(Debug,)
    } else {
        quote!()
    };
    let derive_de = if also_response {
        quote!(serde::Deserialize,)
    } else {
        quote!()
    };
    let validate_body = validator::validate_body(fields, rules);
    // A struct with nothing to check still offers `validate`, for uniform callers.
    let validator_arg = if validate_body.is_empty() {
        ident("_v")
    } else {
        ident("v")
    };
    let write = write_body(fields, true);
    let read = read_body(fields, true);
    let rules_doc = validator::rules_doc(rules);
    let validate_doc = docs::doc_lines(&format!(
        "Checks the constraints of the fields; `v` carries the wire-name prefix.{rules_doc}"
    ));
    quote! {
        #doc
        #[derive(Clone, #derive_debug Default, PartialEq, #derive_de)]
        #[non_exhaustive]
        pub struct #ty {
            #field_tokens
        }

        impl #ty {
            /// An empty value; set fields with the setters.
            pub fn new() -> Self {
                Self::default()
            }

            #setters

            #validate_doc
            pub fn validate(&self, #validator_arg: &ecs_runtime::validate::Validator<'_>) -> Result<(), ecs_runtime::validate::ValidationError> {
                #validate_body
                Ok(())
            }

            /// Appends the fields as wire parameters named `{prefix}.{Field}`.
            pub fn write_params(&self, prefix: &str, params: &mut ecs_runtime::Params) {
                #write
            }

            /// Reads the fields back from parameters named `{prefix}.{Field}`; `None` when
            /// no parameter is below `prefix`.
            pub fn read_params(prefix: &str, params: &ecs_runtime::Params) -> Result<Option<Self>, ecs_runtime::wire::ReadError> {
                if !ecs_runtime::wire::has_prefix(params, prefix) {
                    return Ok(None);
                }
                Ok(Some(Self { #read }))
            }
        }

        #debug
    }
}

fn struct_fields(params: &[Param], serde_attrs: bool) -> TokenStream {
    let fields = params.iter().map(|p| {
        let name = ident(&p.rust_name);
        let ty = rust_type(p);
        let doc = docs::param_doc(p, true);
        let attr = if serde_attrs {
            super::response::field_attr(p, true)
        } else {
            quote!()
        };
        quote! {
            #doc
            #attr
            pub #name: Option<#ty>,
        }
    });
    quote!(#(#fields)*)
}

/// The argument type and conversion of a setter.
fn setter_arg(p: &Param) -> (TokenStream, TokenStream) {
    match p.kind {
        Kind::String => (quote!(impl Into<String>), quote!(value.into())),
        Kind::Enum => {
            let ty = rust_type(p);
            (quote!(impl Into<#ty>), quote!(value.into()))
        }
        _ => (rust_type(p), quote!(value)),
    }
}

fn setters(params: &[Param]) -> TokenStream {
    let items = params.iter().map(|p| {
        let name = ident(&p.rust_name);
        let set_name = ident(&format!("set_{}", p.rust_name));
        let ty = rust_type(p);
        let doc = docs::param_doc(p, true);
        let set_doc = docs::doc_lines(&format!("Sets or clears `{}`.", p.wire_name));
        if p.kind == Kind::List {
            let item = p.items.as_deref().expect("lint ensures lists have items");
            let (arg, conv) = setter_arg(item);
            quote! {
                #doc
                pub fn #name(mut self, value: #arg) -> Self {
                    self.#name.get_or_insert_with(Vec::new).push(#conv);
                    self
                }

                #set_doc
                pub fn #set_name(mut self, value: Option<#ty>) -> Self {
                    self.#name = value;
                    self
                }
            }
        } else {
            let (arg, conv) = setter_arg(p);
            quote! {
                #doc
                pub fn #name(mut self, value: #arg) -> Self {
                    self.#name = Some(#conv);
                    self
                }

                #set_doc
                pub fn #set_name(mut self, value: Option<#ty>) -> Self {
                    self.#name = value;
                    self
                }
            }
        }
    });
    quote!(#(#items)*)
}

/// A hand-style `Debug` that redacts sensitive fields; empty when no field is sensitive.
/// Shared by request inputs and response types (`leading` names fields printed first, as is,
/// such as an output's `request_id`).
pub(super) fn debug_impl(ty: &proc_macro2::Ident, params: &[Param]) -> TokenStream {
    redacting_debug(ty, &[], params)
}

/// [`debug_impl`] with extra plain fields printed before the spec's.
pub(super) fn redacting_debug(
    ty: &proc_macro2::Ident,
    leading: &[&str],
    params: &[Param],
) -> TokenStream {
    if !params.iter().any(|p| p.sensitive) {
        return TokenStream::new();
    }
    let ty_name = ty.to_string();
    let leading = leading.iter().map(|name| {
        let field = ident(name);
        quote!(.field(#name, &self.#field))
    });
    let fields = params.iter().map(|p| {
        let name = ident(&p.rust_name);
        let label = &p.rust_name;
        if p.sensitive {
            quote!(.field(#label, &self.#name.as_ref().map(|_| ecs_runtime::validate::REDACTED)))
        } else {
            quote!(.field(#label, &self.#name))
        }
    });
    quote! {
        impl std::fmt::Debug for #ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.debug_struct(#ty_name)
                    #(#leading)*
                    #(#fields)*
                    .finish()
            }
        }
    }
}

/// The typed items of a list read as text (`raw: Option<Vec<String>>`).
fn typed_items(item: &Param, raw: TokenStream, name: &TokenStream) -> TokenStream {
    match item.kind {
        Kind::String => raw,
        Kind::Enum => {
            let ty = rust_type(item);
            quote!(#raw.map(|items| items.iter().map(|item| #ty::from(item.as_str())).collect()))
        }
        _ => {
            let ty = rust_type(item);
            quote!(#raw.map(|items| ecs_runtime::wire::parse_items::<#ty>(#name, items)).transpose()?)
        }
    }
}

/// The field initialisers of `read_params` (the mirror of [`write_body`]).
fn read_body(params: &[Param], prefixed: bool) -> TokenStream {
    let fields = params.iter().map(|p| {
        let field = ident(&p.rust_name);
        let wire = &p.wire_name;
        let prefixed_fmt = format!("{{prefix}}.{wire}");
        let name = if prefixed {
            quote!(&format!(#prefixed_fmt))
        } else {
            quote!(#wire)
        };
        let value = match p.kind {
            Kind::Struct => {
                let ty = rust_type(p);
                quote!(#ty::read_params(#name, params)?)
            }
            Kind::Enum => {
                let ty = rust_type(p);
                quote!(ecs_runtime::wire::read_enum::<#ty>(params, #name))
            }
            Kind::List => {
                let item = p.items.as_deref().expect("lint ensures lists have items");
                match p.encoding.as_deref() {
                    Some("json") => typed_items(
                        item,
                        quote!(ecs_runtime::wire::read_json_list(params, #name)?),
                        &name,
                    ),
                    Some("comma") => typed_items(
                        item,
                        quote!(ecs_runtime::wire::read_comma_list(params, #name)),
                        &name,
                    ),
                    _ if item.kind == Kind::Struct => {
                        let ty = rust_type(item);
                        quote!({
                            let list = #name;
                            let mut items = Vec::new();
                            for index in ecs_runtime::wire::repeat_indexes(params, list) {
                                items.extend(#ty::read_params(&format!("{list}.{index}"), params)?);
                            }
                            (!items.is_empty()).then_some(items)
                        })
                    }
                    _ => typed_items(
                        item,
                        quote!(ecs_runtime::wire::read_repeat(params, #name)),
                        &name,
                    ),
                }
            }
            _ => {
                let ty = rust_type(p);
                quote!(ecs_runtime::wire::read::<#ty>(params, #name)?)
            }
        };
        quote!(#field: #value,)
    });
    quote!(#(#fields)*)
}

/// The wire text of a scalar `value` (a reference).
fn to_wire(p: &Param, value: TokenStream) -> TokenStream {
    match p.kind {
        Kind::String => quote!(#value.as_str()),
        Kind::Enum => quote!(#value.as_str()),
        _ => quote!(#value.to_string()),
    }
}

fn write_body(params: &[Param], prefixed: bool) -> TokenStream {
    let stmts = params.iter().map(|p| {
        let field = ident(&p.rust_name);
        let wire = &p.wire_name;
        let prefixed_fmt = format!("{{prefix}}.{wire}");
        let name = if prefixed { quote!(format!(#prefixed_fmt)) } else { quote!(#wire) };
        match p.kind {
            Kind::Struct => {
                let arg = if prefixed { quote!(&#name) } else { quote!(#name) };
                quote! {
                    if let Some(value) = &self.#field {
                        value.write_params(#arg, params);
                    }
                }
            }
            Kind::List => {
                let item = p.items.as_deref().expect("lint ensures lists have items");
                match p.encoding.as_deref() {
                    Some("json") | Some("comma") => {
                        let func = if p.encoding.as_deref() == Some("json") { quote!(json_array) } else { quote!(comma_list) };
                        let item_wire = to_wire(item, quote!(item));
                        quote! {
                            if let Some(items) = self.#field.as_ref().filter(|items| !items.is_empty()) {
                                params.push(#name, ecs_runtime::wire::#func(items.iter().map(|item| #item_wire)));
                            }
                        }
                    }
                    _ => {
                        let fmt = if prefixed { format!("{{prefix}}.{wire}.{{}}") } else { format!("{wire}.{{}}") };
                        let base = quote!(format!(#fmt, index + 1));
                        if item.kind == Kind::Struct {
                            quote! {
                                for (index, item) in self.#field.iter().flatten().enumerate() {
                                    item.write_params(&#base, params);
                                }
                            }
                        } else {
                            let item_wire = to_wire(item, quote!(item));
                            quote! {
                                for (index, item) in self.#field.iter().flatten().enumerate() {
                                    params.push(#base, #item_wire);
                                }
                            }
                        }
                    }
                }
            }
            _ => {
                let w = to_wire(p, quote!(value));
                quote! {
                    if let Some(value) = &self.#field {
                        params.push(#name, #w);
                    }
                }
            }
        }
    });
    quote!(#(#stmts)*)
}
