//! The runtime of the ECS SDK. It knows no specific API: whatever it needs per API comes from
//! the generated code ([`Operation`]).
//!
//! - [`encode`] and [`sign`]: RFC 3986 encoding and the version 1.0 HMAC-SHA1 signature
//! - [`Params`]: the wire parameters of a request; [`wire`]: JSON-array and comma encodings
//! - [`Credentials`] (secrets redacted in Debug), [`Config`] (region, endpoint, timeouts)
//! - [`Handle`]: common parameters, signing, transport (reqwest + rustls), error decoding
//! - [`de`]: tolerant response decoding; [`validate`]: the checks generated validators call
//! - [`SdkError`], [`ErrorMeta`]: what a generated `send()` returns on failure

#![warn(missing_docs)]

mod config;
mod credentials;
pub mod de;
pub mod encode;
mod error;
mod handle;
mod params;
pub mod sign;
pub mod validate;
pub mod wire;

pub use bytes::Bytes;
pub use config::{
    Config, ConfigBuilder, ConfigError, CENTRAL_ENDPOINT, DEFAULT_CONNECT_TIMEOUT, DEFAULT_TIMEOUT,
};
pub use credentials::Credentials;
pub use error::{ErrorMeta, InvokeError, SdkError, TransportError, MAX_BODY_EXCERPT};
pub use handle::{Handle, Operation, PreparedRequest, RawResponse, API_VERSION, DRY_RUN_CODE};
pub use params::Params;

/// A request timestamp: UTC, seconds, `YYYY-MM-DDThh:mm:ssZ`.
pub fn format_timestamp(t: time::OffsetDateTime) -> String {
    let t = t.to_offset(time::UtcOffset::UTC);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}
