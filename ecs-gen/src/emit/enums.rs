//! Lossless enums: one variant per spec value plus `Unknown(String)`, so a value newer than the
//! spec never fails to decode and can still be sent with validation off.

use proc_macro2::TokenStream;
use quote::quote;

use super::{docs, ident};
use crate::model::EnumValue;

pub fn enum_type(name: &str, description: Option<&str>, values: &[EnumValue]) -> TokenStream {
    let ty = ident(name);
    let doc =
        docs::doc_lines(description.unwrap_or("An enumeration of the values the spec lists."));
    let variants = values.iter().map(|v| {
        let var = ident(&v.variant);
        let text = match &v.description {
            Some(d) => format!("`{}`: {d}", v.value),
            None => format!("`{}`.", v.value),
        };
        let d = docs::doc_lines(&text);
        quote!(#d #var,)
    });
    let to_str = values.iter().map(|v| {
        let var = ident(&v.variant);
        let s = &v.value;
        quote!(Self::#var => #s,)
    });
    let from_str = values.iter().map(|v| {
        let var = ident(&v.variant);
        let s = &v.value;
        quote!(#s => Self::#var,)
    });
    let all = values.iter().map(|v| &v.value);
    quote! {
        #doc
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum #ty {
            #(#variants)*
            /// A value this version of the spec does not list, kept as received.
            Unknown(String),
        }

        impl #ty {
            /// Every value the spec lists, as sent on the wire.
            pub const VALUES: &'static [&'static str] = &[#(#all),*];

            /// The value as sent on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    #(#to_str)*
                    Self::Unknown(value) => value,
                }
            }

            /// Whether the value is one the spec lists.
            pub fn is_known(&self) -> bool {
                !matches!(self, Self::Unknown(_))
            }
        }

        impl From<&str> for #ty {
            fn from(value: &str) -> Self {
                match value {
                    #(#from_str)*
                    other => Self::Unknown(other.to_owned()),
                }
            }
        }

        impl From<String> for #ty {
            fn from(value: String) -> Self {
                Self::from(value.as_str())
            }
        }

        impl std::fmt::Display for #ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for #ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                ecs_runtime::de::string_like(deserializer).map(Self::from)
            }
        }
    }
}
