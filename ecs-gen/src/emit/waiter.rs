//! The waiters of each Describe API: `wait_until_…()` on its fluent builder, returning a
//! configured `ecs_runtime::wait::Waiter`.

use proc_macro2::TokenStream;
use quote::quote;

use super::{docs, ident};
use crate::model::{Api, Kind, Waiter};

fn secs(s: u64) -> TokenStream {
    let s = proc_macro2::Literal::u64_unsuffixed(s);
    quote!(std::time::Duration::from_secs(#s))
}

fn one(api: &Api, w: &Waiter) -> Option<TokenStream> {
    let list = api.response.iter().find(|p| p.wire_name == w.items)?;
    let item = list.items.as_deref()?;
    let state = item.children.iter().find(|c| c.wire_name == w.state)?;
    let list_field = ident(&list.rust_name);
    let state_field = ident(&state.rust_name);
    let read_state = if state.kind == Kind::Enum {
        quote!(item.#state_field.as_ref().map_or("", |s| s.as_str()))
    } else {
        quote!(item.#state_field.as_deref().unwrap_or(""))
    };
    let action = &api.action;
    let builder = ident(&format!("{action}FluentBuilder"));
    let output = ident(&format!("{action}Output"));
    let error = ident(&format!("{action}Error"));
    let method = ident(&w.method);
    let name = &w.name;
    let success = &w.success;
    let failure = &w.failure;
    let empty = ident(match w.empty.as_str() {
        "success" => "Success",
        "failure" => "Failure",
        _ => "Retry",
    });
    let codes = &w.success_errors;
    let on_error = if codes.is_empty() {
        quote!(Err(_) => ecs_runtime::wait::Verdict::Error,)
    } else {
        quote! {
            Err(err) => match err.service_error() {
                Some(e) if [#(#codes),*].contains(&e.code()) => ecs_runtime::wait::Verdict::Success,
                _ => ecs_runtime::wait::Verdict::Error,
            },
        }
    };
    let (delay, max_delay, max_wait) = (
        secs(w.delay_seconds),
        secs(w.max_delay_seconds),
        secs(w.max_wait_seconds),
    );
    let mut text = w.description.clone();
    text.push_str(&format!(
        "\n\nPolls `{action}` as configured on this builder every {} s (doubling up to {} s) \
         for up to {} s (change with `delay` and `max_wait`), looking at `{}` of each item of \
         `{}`. It succeeds when {}",
        w.delay_seconds,
        w.max_delay_seconds,
        w.max_wait_seconds,
        w.state,
        w.items,
        if w.success.is_empty() {
            "the list is empty".to_owned()
        } else {
            format!("every item is {}", w.success.join(" or "))
        }
    ));
    if w.empty == "success" && !w.success.is_empty() {
        text.push_str(" or the list is empty");
    }
    if !w.success_errors.is_empty() {
        text.push_str(&format!(
            " or the answer is {}",
            w.success_errors.join(" or ")
        ));
    }
    text.push('.');
    if !w.failure.is_empty() {
        text.push_str(&format!(
            " It fails at once if an item reaches {}, from which the target cannot be reached.",
            w.failure.join(" or ")
        ));
    }
    let doc = docs::doc_lines(&text);
    Some(quote! {
        impl #builder {
            #doc
            pub fn #method(
                self,
            ) -> ecs_runtime::wait::Waiter<Self, #output, ecs_runtime::SdkError<#error>> {
                let clock = self.handle.config().clock().clone();
                let sleep = self.handle.config().sleeper().clone();
                ecs_runtime::wait::Waiter::new(
                    #name,
                    self,
                    ecs_runtime::wait::WaitConfig {
                        delay: #delay,
                        max_delay: #max_delay,
                        max_wait: #max_wait,
                    },
                    |builder| Box::pin(builder.send()),
                    |result| match result {
                        Ok(out) => {
                            let states: Vec<&str> = out
                                .#list_field
                                .iter()
                                .map(|item| #read_state)
                                .collect();
                            ecs_runtime::wait::judge_states(
                                &states,
                                &[#(#success),*],
                                &[#(#failure),*],
                                ecs_runtime::wait::Empty::#empty,
                            )
                        }
                        #on_error
                    },
                    clock,
                    sleep,
                )
            }
        }
    })
}

/// Every waiter of `api`.
pub fn waiters(api: &Api) -> TokenStream {
    let items = api.waiters.iter().filter_map(|w| one(api, w));
    quote!(#(#items)*)
}
