//! Credentials and where they come from.
//!
//! [`Credentials`] hold an AccessKey pair and an optional STS token; their secrets never appear
//! in Debug output. A [`ProvideCredentials`] finds them: static ones, the environment, the
//! Alibaba Cloud CLI's `config.json`, the shared `credentials` file, or the ECS instance's RAM
//! role through the metadata service. [`DefaultChain`] tries those in the order Alibaba's
//! official SDKs use, and [`CachingProvider`] keeps temporary credentials until shortly before
//! they expire.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::SystemTime;

mod cache;
mod chain;
mod env;
mod imds;
mod profile;

pub use cache::CachingProvider;
pub use chain::DefaultChain;
pub use env::{Env, EnvironmentProvider};
pub use imds::{EcsRamRoleProvider, DEFAULT_METADATA_ENDPOINT};
pub(crate) use profile::cli_profile_region as profile_region;
pub use profile::{CliProfileProvider, SharedCredentialsFileProvider};

/// An AccessKey pair and an optional STS security token.
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    access_key_id: String,
    access_key_secret: String,
    security_token: Option<String>,
    expiration: Option<SystemTime>,
}

impl Credentials {
    /// Credentials from an AccessKey ID and secret.
    pub fn new(access_key_id: impl Into<String>, access_key_secret: impl Into<String>) -> Self {
        Credentials {
            access_key_id: access_key_id.into(),
            access_key_secret: access_key_secret.into(),
            security_token: None,
            expiration: None,
        }
    }

    /// Adds an STS security token (temporary credentials).
    pub fn with_security_token(mut self, token: impl Into<String>) -> Self {
        self.security_token = Some(token.into());
        self
    }

    /// Sets when temporary credentials stop working.
    pub fn with_expiration(mut self, expiration: SystemTime) -> Self {
        self.expiration = Some(expiration);
        self
    }

    /// Reads the environment variables as [`EnvironmentProvider`] does; `None` unless an
    /// AccessKey ID and secret are both set.
    pub fn from_env() -> Option<Self> {
        env::from_env(&Env::process()).ok()
    }

    /// The AccessKey ID (not a secret).
    pub fn access_key_id(&self) -> &str {
        &self.access_key_id
    }

    /// When the credentials expire (`None` for long-term AccessKeys).
    pub fn expiration(&self) -> Option<SystemTime> {
        self.expiration
    }

    /// Whether an STS security token is present.
    pub fn has_security_token(&self) -> bool {
        self.security_token.is_some()
    }

    pub(crate) fn access_key_secret(&self) -> &str {
        &self.access_key_secret
    }

    pub(crate) fn security_token(&self) -> Option<&str> {
        self.security_token.as_deref()
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("access_key_id", &self.access_key_id)
            .field("access_key_secret", &crate::validate::REDACTED)
            .field(
                "security_token",
                &self
                    .security_token
                    .as_ref()
                    .map(|_| crate::validate::REDACTED),
            )
            .field("expiration", &self.expiration)
            .finish()
    }
}

/// Why a provider gave no credentials. Never contains a secret.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CredentialsError {
    /// The source is not set up here (no variable, no file, metadata disabled): the chain
    /// moves on.
    #[error("{provider}: skipped: {reason}")]
    NotConfigured {
        /// The provider's name.
        provider: &'static str,
        /// Why it was skipped.
        reason: String,
    },
    /// The source is set up but failed (malformed file, unsupported mode, metadata error).
    #[error("{provider}: failed: {reason}")]
    Failed {
        /// The provider's name.
        provider: &'static str,
        /// What went wrong.
        reason: String,
    },
    /// Every provider of a chain was tried; each entry says why it gave nothing.
    #[error("no credentials found; tried: {}", list(.0))]
    Chain(Vec<CredentialsError>),
}

fn list(errors: &[CredentialsError]) -> String {
    errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

impl CredentialsError {
    pub(crate) fn not_configured(provider: &'static str, reason: impl Into<String>) -> Self {
        CredentialsError::NotConfigured {
            provider,
            reason: reason.into(),
        }
    }

    pub(crate) fn failed(provider: &'static str, reason: impl Into<String>) -> Self {
        CredentialsError::Failed {
            provider,
            reason: reason.into(),
        }
    }
}

/// The future a provider returns.
pub type ProvideFuture<'a> =
    Pin<Box<dyn Future<Output = Result<Credentials, CredentialsError>> + Send + 'a>>;

/// A source of credentials, asked before every request (wrap slow sources in a
/// [`CachingProvider`]; the client does this itself).
pub trait ProvideCredentials: Send + Sync + fmt::Debug {
    /// Finds credentials.
    fn provide_credentials(&self) -> ProvideFuture<'_>;
}

impl ProvideCredentials for Credentials {
    fn provide_credentials(&self) -> ProvideFuture<'_> {
        let creds = self.clone();
        Box::pin(async move { Ok(creds) })
    }
}

impl<P: ProvideCredentials + ?Sized> ProvideCredentials for Arc<P> {
    fn provide_credentials(&self) -> ProvideFuture<'_> {
        (**self).provide_credentials()
    }
}

/// A shareable provider.
pub type SharedCredentialsProvider = Arc<dyn ProvideCredentials>;
