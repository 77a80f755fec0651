//! The paginator of each paged API: `into_paginator()` on its fluent builder and a
//! `…Paginator` with `page_size`, `send` (a stream of pages) and `items`.

use proc_macro2::TokenStream;
use quote::quote;

use super::{docs, ident, rust_type};
use crate::model::{Api, Kind, Param};

fn request_param<'a>(api: &'a Api, wire: Option<&str>) -> Option<&'a Param> {
    let wire = wire?;
    api.params.iter().find(|p| p.wire_name == wire)
}

fn response_field<'a>(api: &'a Api, wire: Option<&str>) -> Option<&'a Param> {
    let wire = wire?;
    api.response.iter().find(|p| p.wire_name == wire)
}

/// `i64` from an optional integer field of the output (`None` when absent).
fn opt_i64(field: Option<&Param>) -> TokenStream {
    match field {
        Some(f) if matches!(f.kind, Kind::Integer | Kind::Long) => {
            let name = ident(&f.rust_name);
            quote!(out.#name.map(i64::from))
        }
        _ => quote!(None),
    }
}

/// The paginator items of `api`, or nothing when it is not paged (or its style has no
/// paginator yet).
pub fn paginator(api: &Api) -> TokenStream {
    let Some(pg) = &api.pagination else {
        return quote!();
    };
    let Some(items) = response_field(api, pg.items.as_deref()) else {
        return quote!();
    };
    let Some(item) = items.items.as_deref() else {
        return quote!();
    };
    let action = &api.action;
    let builder = ident(&format!("{action}FluentBuilder"));
    let name = ident(&format!("{action}Paginator"));
    let output = ident(&format!("{action}Output"));
    let error = ident(&format!("{action}Error"));
    let item_ty = rust_type(item);
    let items_field = ident(&items.rust_name);
    let items_len = quote!(out.#items_field.len());

    let (size_param, stream) = match pg.style.as_str() {
        "page_number" => {
            let (Some(number), Some(size)) = (
                request_param(api, pg.page_number.as_deref()),
                request_param(api, pg.page_size.as_deref()),
            ) else {
                return quote!();
            };
            let number_field = ident(&number.rust_name);
            let size_field = ident(&size.rust_name);
            let default_size = size
                .default
                .as_ref()
                .and_then(serde_json::Value::as_i64)
                .unwrap_or(0);
            let default_size = proc_macro2::Literal::i64_unsuffixed(default_size);
            let to_param = if number.kind == Kind::Long {
                quote!(page)
            } else {
                quote!(i32::try_from(page).unwrap_or(i32::MAX))
            };
            let total = opt_i64(response_field(api, pg.total_count.as_deref()));
            let answered_size = opt_i64(response_field(api, pg.page_size.as_deref()));
            let stream = quote! {
                let first = self.builder.as_input().#number_field.map(i64::from).unwrap_or(1);
                let size = self
                    .builder
                    .as_input()
                    .#size_field
                    .map(i64::from)
                    .unwrap_or(#default_size);
                let builder = self.builder;
                ecs_runtime::paginate::by_page_number(
                    first,
                    size,
                    move |cursor| {
                        let page = match cursor {
                            ecs_runtime::paginate::Cursor::Number(n) => n,
                            ecs_runtime::paginate::Cursor::Token(_) => 1,
                        };
                        builder.clone().#number_field(#to_param).send()
                    },
                    |out: &#output| ecs_runtime::paginate::Page {
                        items: #items_len,
                        total_count: #total,
                        page_size: #answered_size,
                        next_token: None,
                    },
                )
            };
            (size, stream)
        }
        "next_token" => {
            let (Some(token), Some(max)) = (
                request_param(api, pg.next_token.as_deref()),
                request_param(api, pg.max_results.as_deref()),
            ) else {
                return quote!();
            };
            let Some(answer) = response_field(api, pg.next_token.as_deref()) else {
                return quote!();
            };
            let token_field = ident(&token.rust_name);
            let answer_field = ident(&answer.rust_name);
            let stream = quote! {
                let builder = self.builder;
                ecs_runtime::paginate::by_token(
                    move |cursor| {
                        let token = match cursor {
                            ecs_runtime::paginate::Cursor::Token(t) => t,
                            ecs_runtime::paginate::Cursor::Number(_) => None,
                        };
                        builder.clone().#token_field(token.unwrap_or_default()).send()
                    },
                    |out: &#output| ecs_runtime::paginate::Page {
                        items: #items_len,
                        total_count: None,
                        page_size: None,
                        next_token: out.#answer_field.clone(),
                    },
                )
            };
            (max, stream)
        }
        _ => return quote!(),
    };
    let size_setter = ident(&size_param.rust_name);
    let size_ty = rust_type(size_param);
    let size_wire = &size_param.wire_name;
    let struct_doc = docs::doc_lines(&format!(
        "Pages through `{action}`: [`send`](Self::send) gives a stream of pages, \
         [`items`](Self::items) a stream of the `{}` they list. Each page is a separate request \
         (validated, retried, signed afresh); the stream ends after the last page or the first \
         error.",
        items.wire_name
    ));
    let size_doc = docs::doc_lines(&format!(
        "Entries per page (`{size_wire}`), within the API's limits."
    ));
    let into_doc = docs::doc_lines(&format!(
        "Turns this request into a paginator over every page of `{action}`."
    ));
    quote! {
        impl #builder {
            #into_doc
            pub fn into_paginator(self) -> #name {
                #name { builder: self }
            }
        }

        #struct_doc
        #[derive(Clone, Debug)]
        pub struct #name {
            builder: #builder,
        }

        impl #name {
            #size_doc
            pub fn page_size(mut self, size: #size_ty) -> Self {
                self.builder = self.builder.#size_setter(size);
                self
            }

            /// A stream of pages.
            pub fn send(
                self,
            ) -> ecs_runtime::paginate::PageStream<#output, ecs_runtime::SdkError<#error>> {
                #stream
            }

            /// A stream of the listed items of every page.
            pub fn items(
                self,
            ) -> ecs_runtime::paginate::PageStream<#item_ty, ecs_runtime::SdkError<#error>> {
                ecs_runtime::paginate::items(self.send(), |out: #output| out.#items_field)
            }
        }
    }
}
