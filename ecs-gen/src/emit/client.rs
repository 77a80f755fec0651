//! The fluent builder of each API and the `Client` methods that create them.

use proc_macro2::TokenStream;
use quote::quote;

use super::{docs, ident, rust_type};
use crate::model::{Api, Kind, Model};

/// The static metadata the runtime needs about the operation.
pub fn operation_const(api: &Api) -> TokenStream {
    let action = &api.action;
    let read_only = api.read_only;
    let token = match &api.client_token {
        Some(t) => quote!(Some(#t)),
        None => quote!(None),
    };
    let timeout = match api.timeout_seconds {
        Some(s) => {
            let s = proc_macro2::Literal::u64_unsuffixed(s);
            quote!(Some(std::time::Duration::from_secs(#s)))
        }
        None => quote!(None),
    };
    quote! {
        /// What the runtime needs to know about the operation.
        pub const OPERATION: ecs_runtime::Operation = ecs_runtime::Operation {
            action: #action,
            read_only: #read_only,
            client_token: #token,
            timeout: #timeout,
        };
    }
}

pub fn fluent_builder(api: &Api) -> TokenStream {
    let action = &api.action;
    let name = ident(&format!("{action}FluentBuilder"));
    let input = ident(&format!("{action}Input"));
    let output = ident(&format!("{action}Output"));
    let error = ident(&format!("{action}Error"));
    let doc = docs::doc_lines(&format!(
        "Builds and sends a `{action}` request; created by `Client::{}`.",
        api.module
    ));
    let setters = api.params.iter().map(|p| {
        let field = ident(&p.rust_name);
        let set = ident(&format!("set_{}", p.rust_name));
        let ty = rust_type(p);
        let doc = docs::param_doc(p, true);
        let arg_of = |k: Kind, ty: TokenStream| match k {
            Kind::String => quote!(impl Into<String>),
            Kind::Enum => quote!(impl Into<#ty>),
            _ => ty,
        };
        let arg = match (p.kind, p.items.as_deref()) {
            (Kind::List, Some(item)) => arg_of(item.kind, rust_type(item)),
            _ => arg_of(p.kind, ty.clone()),
        };
        let set_doc = docs::doc_lines(&format!("Sets or clears `{}`.", p.wire_name));
        quote! {
            #doc
            pub fn #field(mut self, value: #arg) -> Self {
                self.input = self.input.#field(value);
                self
            }

            #set_doc
            pub fn #set(mut self, value: Option<#ty>) -> Self {
                self.input = self.input.#set(value);
                self
            }
        }
    });
    quote! {
        #doc
        #[derive(Clone, Debug)]
        pub struct #name {
            handle: ecs_runtime::Handle,
            input: #input,
            validation: Option<bool>,
        }

        impl #name {
            /// A builder sending through `handle`.
            pub fn new(handle: ecs_runtime::Handle) -> Self {
                Self { handle, input: #input::default(), validation: None }
            }

            /// Replaces the whole request.
            pub fn input(mut self, input: #input) -> Self {
                self.input = input;
                self
            }

            /// The request as built so far.
            pub fn as_input(&self) -> &#input {
                &self.input
            }

            /// Switches client-side validation on or off for this call only (the client's
            /// setting applies otherwise). Switch it off when the spec's limits are stale.
            pub fn validation(mut self, enabled: bool) -> Self {
                self.validation = Some(enabled);
                self
            }

            #(#setters)*

            /// Validates (unless switched off), signs and sends the request.
            pub async fn send(self) -> Result<#output, ecs_runtime::SdkError<#error>> {
                if self.validation.unwrap_or_else(|| self.handle.config().validation()) {
                    self.input.validate().map_err(ecs_runtime::SdkError::Validation)?;
                }
                let mut params = ecs_runtime::Params::new();
                self.input.write_params(&mut params);
                let raw = self
                    .handle
                    .invoke(&OPERATION, params)
                    .await
                    .map_err(|err| ecs_runtime::SdkError::from_invoke(err, #error::from_meta))?;
                Ok(ecs_runtime::de::decode_json(&raw.body)?)
            }
        }
    }
}

/// `impl Client { pub fn describe_regions(&self) -> … }` for every API.
pub fn client_impl(model: &Model) -> TokenStream {
    let methods = model.apis.iter().map(|api| {
        let method = ident(&api.module);
        let module = ident(&api.module);
        let builder = ident(&format!("{}FluentBuilder", api.action));
        let mut text = api.summary.clone();
        text.push_str(&format!(
            "\n\nSee [`{}`] for the parameters, response and errors.",
            api.module
        ));
        let doc = docs::doc_lines(&text);
        let deprecated = api.deprecated.as_ref().map(|d| {
            let note = match &d.replacement {
                Some(r) => format!("use `{r}` instead"),
                None => "deprecated by the service".to_owned(),
            };
            quote!(#[deprecated(note = #note)])
        });
        let group = &api.group;
        quote! {
            #doc
            #[cfg(feature = #group)]
            #deprecated
            pub fn #method(&self) -> #module::#builder {
                #module::#builder::new(self.handle.clone())
            }
        }
    });
    quote! {
        impl crate::Client {
            #(#methods)*
        }
    }
}

/// `registry`: every API with its metadata and an output decoder, for tools that work across
/// APIs (example checks, a command-line tool, an emulator).
pub fn registry(model: &Model) -> TokenStream {
    let entries = model.apis.iter().map(|api| {
        let action = &api.action;
        let group = &api.group;
        let summary = &api.summary;
        let module = ident(&api.module);
        let output = ident(&format!("{}Output", api.action));
        let input = ident(&format!("{}Input", api.action));
        quote! {
            #[cfg(feature = #group)]
            ApiEntry {
                action: #action,
                group: #group,
                summary: #summary,
                operation: crate::#module::OPERATION,
                decode_output: decode::<crate::#module::#output>,
                check_params: |params| {
                    let input = crate::#module::#input::read_params(params)?;
                    input.validate()?;
                    Ok(())
                },
                reencode_params: |params| {
                    let input = crate::#module::#input::read_params(params)?;
                    let mut out = ecs_runtime::Params::new();
                    input.write_params(&mut out);
                    Ok(out)
                },
            },
        }
    });
    quote! {
        /// Every API of the client, in alphabetical order.
        pub mod registry {
            /// An output decoded into its typed form, shown through `Debug`.
            pub type DecodedOutput = Box<dyn std::fmt::Debug + Send + Sync>;

            /// One API of the client.
            #[derive(Clone, Copy, Debug)]
            #[non_exhaustive]
            pub struct ApiEntry {
                /// The wire `Action`.
                pub action: &'static str,
                /// The resource group (and cargo feature) the API belongs to.
                pub group: &'static str,
                /// One line on what the API does.
                pub summary: &'static str,
                /// The runtime metadata of the API.
                pub operation: ecs_runtime::Operation,
                /// Decodes a success body into the API's typed output.
                pub decode_output: fn(&[u8]) -> Result<DecodedOutput, ecs_runtime::de::SdkDecodeError>,
                /// Reads wire parameters (without the common ones) into the typed input and
                /// validates it, as the client would before sending.
                pub check_params: fn(&ecs_runtime::Params) -> Result<(), ParamsError>,
                /// Reads wire parameters into the typed input and writes them out again: what
                /// the client would send for the same request.
                pub reencode_params: fn(&ecs_runtime::Params) -> Result<ecs_runtime::Params, ecs_runtime::wire::ReadError>,
            }

            /// Why a set of wire parameters is not a valid request.
            #[derive(Debug, thiserror::Error)]
            #[non_exhaustive]
            pub enum ParamsError {
                /// A value is not of its parameter's type.
                #[error(transparent)]
                Read(#[from] ecs_runtime::wire::ReadError),
                /// The typed request breaks a constraint of the spec.
                #[error(transparent)]
                Invalid(#[from] ecs_runtime::validate::ValidationError),
            }

            // Unused only when every API group is switched off.
            #[allow(dead_code)]
            fn decode<T>(body: &[u8]) -> Result<DecodedOutput, ecs_runtime::de::SdkDecodeError>
            where
                T: serde::de::DeserializeOwned + std::fmt::Debug + Send + Sync + 'static,
            {
                ecs_runtime::de::decode_json::<T>(body).map(|output| Box::new(output) as DecodedOutput)
            }

            /// Every API, sorted by action.
            pub const APIS: &[ApiEntry] = &[#(#entries)*];

            /// The API with this wire `Action`, if the client has it.
            pub fn find(action: &str) -> Option<&'static ApiEntry> {
                APIS.iter().find(|api| api.action == action)
            }
        }
    }
}
