//! The runtime of the ECS SDK. It knows no specific API: whatever it needs per API comes from
//! the generated code ([`Operation`]).
//!
//! - [`encode`] and [`sign`]: RFC 3986 encoding and the version 1.0 HMAC-SHA1 signature
//! - [`Params`]: the wire parameters of a request; [`wire`]: JSON-array and comma encodings
//! - [`sign_v3`]: the `ACS3-HMAC-SHA256` signature, selected with [`SignatureVersion::V3`]
//! - [`credentials`]: [`Credentials`] (secrets redacted in Debug) and the default provider
//!   chain (environment, CLI profile, credentials file, ECS RAM role), cached
//! - [`Config`]: region, endpoint, timeouts, [`retry`] policy, [`clock`] injection
//! - [`Handle`]: common parameters, signing, transport (reqwest + rustls), retries with
//!   idempotency, clock-skew correction, tracing, error decoding
//! - [`de`]: tolerant response decoding; [`validate`]: the checks generated validators call
//! - [`SdkError`], [`ErrorMeta`]: what a generated `send()` returns on failure

#![deny(missing_docs)]

pub mod clock;
mod config;
pub mod credentials;
pub mod de;
pub mod encode;
mod error;
mod handle;
pub mod paginate;
mod params;
pub mod retry;
pub mod sign;
pub mod sign_v3;
pub mod validate;
pub mod wait;
pub mod wire;

pub use bytes::Bytes;
pub use config::{
    Config, ConfigBuilder, ConfigError, EndpointTable, SignatureVersion, CENTRAL_ENDPOINT,
    DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT,
};
pub use credentials::{Credentials, CredentialsError};
pub use error::{ErrorMeta, InvokeError, SdkError, TransportError, MAX_BODY_EXCERPT};
pub use handle::{
    Handle, Operation, PreparedRequest, RawResponse, API_VERSION, DRY_RUN_CODE,
    TIMESTAMP_EXPIRED_CODE,
};
pub use params::Params;
pub use retry::RetryConfig;

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
