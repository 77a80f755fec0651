//! Response types: the `…Output` of each API and the structs it nests. Decoding is tolerant:
//! every field optional, unknown fields ignored, numbers and booleans accepted as strings,
//! wrapped lists accepted in every shape the service produces. Fields marked `sensitive`
//! (private keys, one-time URLs) are redacted in `Debug`.

use proc_macro2::TokenStream;
use quote::quote;

use super::{docs, ident, request, rust_type};
use crate::model::{Api, Kind, Param};

/// The serde attribute of a response field. `optional_list` selects `Option<Vec<T>>` for
/// lists (shared types that also serve requests).
pub fn field_attr(p: &Param, optional_list: bool) -> TokenStream {
    let wire = &p.wire_name;
    let with = match p.kind {
        Kind::String => Some("ecs_runtime::de::opt_string"),
        Kind::Integer => Some("ecs_runtime::de::opt_i32"),
        Kind::Long => Some("ecs_runtime::de::opt_i64"),
        Kind::Float => Some("ecs_runtime::de::opt_f64"),
        Kind::Boolean => Some("ecs_runtime::de::opt_bool"),
        Kind::List if optional_list => Some("ecs_runtime::de::opt_wrapped_list"),
        Kind::List => Some("ecs_runtime::de::wrapped_list"),
        _ => None,
    };
    match with {
        Some(with) => quote!(#[serde(rename = #wire, default, deserialize_with = #with)]),
        None => quote!(#[serde(rename = #wire, default)]),
    }
}

fn fields(params: &[Param]) -> TokenStream {
    let items = params.iter().map(|p| {
        let name = ident(&p.rust_name);
        let ty = rust_type(p);
        let doc = docs::param_doc(p, false);
        let attr = field_attr(p, false);
        let ty = if p.kind == Kind::List {
            ty
        } else {
            quote!(Option<#ty>)
        };
        quote! {
            #doc
            #attr
            pub #name: #ty,
        }
    });
    quote!(#(#items)*)
}

/// `Debug,` for the derive list, or nothing when a hand-written redacting impl replaces it.
fn derive_debug(manual: &TokenStream) -> TokenStream {
    if manual.is_empty() {
        quote!(Debug,)
    } else {
        TokenStream::new()
    }
}

/// The `…Output` type of an API.
pub fn output(api: &Api) -> TokenStream {
    let name = ident(&format!("{}Output", api.action));
    let doc = docs::doc_lines(&format!("The response of `{}`.", api.action));
    let fields = fields(&api.response);
    let debug = request::redacting_debug(&name, &["request_id"], &api.response);
    let derive_debug = derive_debug(&debug);
    quote! {
        #doc
        #[derive(Clone, #derive_debug Default, PartialEq, serde::Deserialize)]
        #[non_exhaustive]
        pub struct #name {
            /// The ID of the request, for Alibaba Cloud support.
            #[serde(rename = "RequestId", default, deserialize_with = "ecs_runtime::de::opt_string")]
            pub request_id: Option<String>,
            #fields
        }
        #debug
    }
}

/// A response struct (inline or shared).
pub fn struct_type(name: &str, description: Option<&str>, params: &[Param]) -> TokenStream {
    let ty = ident(name);
    let doc = docs::doc_lines(description.unwrap_or("A structured response field."));
    let fields = fields(params);
    let debug = request::debug_impl(&ty, params);
    let derive_debug = derive_debug(&debug);
    quote! {
        #doc
        #[derive(Clone, #derive_debug Default, PartialEq, serde::Deserialize)]
        #[non_exhaustive]
        pub struct #ty {
            #fields
        }
        #debug
    }
}
