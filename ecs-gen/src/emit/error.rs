//! The per-API error enum: one variant per documented code, `Unhandled` for the rest. Matching
//! keys on the code; status and message stay data (one code can come with several statuses).

use std::collections::BTreeMap;

use proc_macro2::TokenStream;
use quote::quote;

use super::{docs, ident};
use crate::model::{Api, ErrorDef};

pub fn error_enum(api: &Api) -> TokenStream {
    let name = ident(&format!("{}Error", api.action));
    let action = &api.action;
    let display_fmt = format!("{action} failed: {{}}");
    // Group the entries of each code, in first-seen order.
    let mut order: Vec<&str> = Vec::new();
    let mut by_code: BTreeMap<&str, Vec<&ErrorDef>> = BTreeMap::new();
    for e in &api.errors {
        if !by_code.contains_key(e.code.as_str()) {
            order.push(&e.code);
        }
        by_code.entry(&e.code).or_default().push(e);
    }
    let variants = order.iter().map(|code| {
        let entries = &by_code[code];
        let var = ident(&entries[0].variant);
        let mut text = format!("`{code}`");
        let statuses: Vec<String> = {
            let mut s: Vec<u16> = entries.iter().map(|e| e.status).collect();
            s.sort_unstable();
            s.dedup();
            s.iter().map(u16::to_string).collect()
        };
        text.push_str(&format!(" (HTTP {})", statuses.join(", ")));
        if let Some(d) = entries.iter().find_map(|e| e.description.as_deref()) {
            text.push_str(&format!(": {d}"));
        }
        let messages: Vec<&str> = {
            let mut m: Vec<&str> = entries
                .iter()
                .filter_map(|e| e.message.as_deref())
                .collect();
            m.dedup();
            m
        };
        if !messages.is_empty() {
            text.push_str("\n\nDocumented messages:");
            for m in messages {
                text.push_str(&format!("\n- {}", m.replace('\n', " ")));
            }
        }
        let doc = docs::doc_lines(&text);
        quote!(#doc #var(ecs_runtime::ErrorMeta),)
    });
    let arms = order.iter().map(|code| {
        let var = ident(&by_code[code][0].variant);
        quote!(#code => Self::#var(meta),)
    });
    let metas = order.iter().map(|code| {
        let var = ident(&by_code[code][0].variant);
        quote!(Self::#var(meta))
    });
    let (from_meta, meta_body) = if order.is_empty() {
        (
            quote!(Self::Unhandled(meta)),
            quote!(let Self::Unhandled(meta) = self; meta),
        )
    } else {
        (
            quote! {
                match meta.code() {
                    #(#arms)*
                    _ => Self::Unhandled(meta),
                }
            },
            quote! {
                match self {
                    #(#metas)|* | Self::Unhandled(meta) => meta,
                }
            },
        )
    };
    let doc = docs::doc_lines(&format!(
        "An error answer to `{action}`: one variant per error code the spec documents for it, and \
         `Unhandled` for any other code (the common codes in `spec/common/errors.yaml` included)."
    ));
    quote! {
        #doc
        #[derive(Clone, Debug, PartialEq)]
        #[non_exhaustive]
        pub enum #name {
            #(#variants)*
            /// A code the spec does not document for this API.
            Unhandled(ecs_runtime::ErrorMeta),
        }

        impl #name {
            /// Classifies an error answer by its code.
            pub fn from_meta(meta: ecs_runtime::ErrorMeta) -> Self {
                #from_meta
            }

            /// The code, message, request id, host id and HTTP status of the answer.
            pub fn meta(&self) -> &ecs_runtime::ErrorMeta {
                #meta_body
            }

            /// The error code, e.g. `InvalidParameter`.
            pub fn code(&self) -> &str {
                self.meta().code()
            }

            /// The message the service sent.
            pub fn message(&self) -> &str {
                self.meta().message()
            }

            /// The request id, for Alibaba Cloud support.
            pub fn request_id(&self) -> Option<&str> {
                self.meta().request_id()
            }
        }

        impl std::fmt::Display for #name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, #display_fmt, self.meta())
            }
        }

        impl std::error::Error for #name {}
    }
}
