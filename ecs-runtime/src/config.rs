//! Client configuration: credentials, region, endpoint, retries, timeouts, signature,
//! validation.

use std::sync::Arc;
use std::time::Duration;

use crate::clock::{Clock, Sleep, SystemClock, TokioSleep};
use crate::credentials::{
    CachingProvider, Credentials, DefaultChain, Env, ProvideCredentials, SharedCredentialsProvider,
};
use crate::retry::RetryConfig;

/// The default time to establish a connection.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// The default time one attempt may take to get its whole answer, unless the spec gives the
/// API a longer one.
pub const DEFAULT_READ_TIMEOUT: Duration = Duration::from_secs(10);
/// The central endpoint, which serves every region.
pub const CENTRAL_ENDPOINT: &str = "https://ecs.aliyuncs.com";

/// A configuration problem found before any request.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// No credentials or credentials provider was given.
    #[error("no credentials: call ConfigBuilder::credentials or credentials_provider, or start from Config::from_env()")]
    MissingCredentials,
    /// A region id that cannot be part of a host name.
    #[error("invalid region id {0:?}: expected lower-case letters, digits and hyphens, such as cn-hangzhou")]
    InvalidRegion(String),
    /// An endpoint that is not an http(s) URL.
    #[error("invalid endpoint {0:?}: expected a URL such as https://ecs.aliyuncs.com or http://127.0.0.1:8080")]
    InvalidEndpoint(String),
    /// The VPC endpoint needs a region.
    #[error("the VPC endpoint needs a region: set one with ConfigBuilder::region or ALIBABA_CLOUD_REGION_ID")]
    VpcEndpointWithoutRegion,
    /// The HTTP client could not be built.
    #[error("cannot build the HTTP client: {0}")]
    Http(String),
}

/// Which request signature to use.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum SignatureVersion {
    /// RPC signature 1.0, HMAC-SHA1 over the query string (what the API reference documents).
    #[default]
    V1,
    /// `ACS3-HMAC-SHA256` in the `Authorization` header.
    V3,
}

/// The endpoints of the service, from the spec.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EndpointTable {
    /// The central host, serving every region.
    pub central: &'static str,
    /// Documented regional hosts (region id, host).
    pub regional: &'static [(&'static str, &'static str)],
    /// The VPC host pattern, `{region}` standing for the region id.
    pub vpc_template: &'static str,
    /// The host pattern of regions without an entry.
    pub default_template: &'static str,
}

impl EndpointTable {
    /// The table used when no other is given: only the naming patterns.
    pub const DEFAULT: EndpointTable = EndpointTable {
        central: "ecs.aliyuncs.com",
        regional: &[],
        vpc_template: "ecs-vpc.{region}.aliyuncs.com",
        default_template: "ecs.{region}.aliyuncs.com",
    };
}

/// How the client reaches ECS.
#[derive(Clone, Debug)]
pub struct Config {
    credentials: SharedCredentialsProvider,
    region: Option<String>,
    endpoint: Option<String>,
    vpc_endpoint: bool,
    connect_timeout: Duration,
    read_timeout: Duration,
    operation_timeout: Option<Duration>,
    retry: RetryConfig,
    signature: SignatureVersion,
    validation: bool,
    user_agent: String,
    clock: Arc<dyn Clock>,
    sleep: Arc<dyn Sleep>,
}

impl Config {
    /// A builder with the defaults: no credentials, validation on, 5 s connect timeout, 10 s
    /// read timeout, no overall deadline, 3 retries, signature V1.
    pub fn builder() -> ConfigBuilder {
        ConfigBuilder::default()
    }

    /// A builder set up from the process environment, as Alibaba Cloud's official SDKs are:
    /// credentials from the [`DefaultChain`] (environment, CLI profile, credentials file, ECS
    /// RAM role), the region from `ALIBABA_CLOUD_REGION_ID` or the CLI profile. Anything set
    /// on the builder afterwards wins.
    pub fn from_env() -> ConfigBuilder {
        ConfigBuilder::from_env_snapshot(Env::process())
    }

    /// The credentials provider (cached).
    pub fn credentials_provider(&self) -> &SharedCredentialsProvider {
        &self.credentials
    }

    /// The default region, if one was set.
    pub fn region(&self) -> Option<&str> {
        self.region.as_deref()
    }

    /// The explicit endpoint, if one was set.
    pub fn explicit_endpoint(&self) -> Option<&str> {
        self.endpoint.as_deref()
    }

    /// Resolves the base URL requests go to (no trailing slash): the explicit endpoint; else
    /// with a region the VPC host (when chosen), the table's regional host, or the default
    /// pattern; else the central endpoint.
    pub fn resolve_endpoint(&self, table: &EndpointTable) -> String {
        if let Some(e) = &self.endpoint {
            return e.clone();
        }
        match &self.region {
            Some(region) if self.vpc_endpoint => {
                format!("https://{}", table.vpc_template.replace("{region}", region))
            }
            Some(region) => match table.regional.iter().find(|(r, _)| r == region) {
                Some((_, host)) => format!("https://{host}"),
                None => format!(
                    "https://{}",
                    table.default_template.replace("{region}", region)
                ),
            },
            None => format!("https://{}", table.central),
        }
    }

    /// The connect timeout.
    pub fn connect_timeout(&self) -> Duration {
        self.connect_timeout
    }

    /// The time one attempt may take to get its whole answer (APIs the spec gives a longer
    /// time use that instead).
    pub fn read_timeout(&self) -> Duration {
        self.read_timeout
    }

    /// The deadline of a whole call, retries and backoff included, if any.
    pub fn operation_timeout(&self) -> Option<Duration> {
        self.operation_timeout
    }

    /// The retry settings.
    pub fn retry(&self) -> &RetryConfig {
        &self.retry
    }

    /// The signature version.
    pub fn signature_version(&self) -> SignatureVersion {
        self.signature
    }

    /// Whether requests are validated before they are sent.
    pub fn validation(&self) -> bool {
        self.validation
    }

    /// The User-Agent header.
    pub fn user_agent(&self) -> &str {
        &self.user_agent
    }

    /// The clock (request timestamps, deadlines, credential expiry).
    pub fn clock(&self) -> &Arc<dyn Clock> {
        &self.clock
    }

    /// The sleeper (retry backoff).
    pub fn sleeper(&self) -> &Arc<dyn Sleep> {
        &self.sleep
    }

    /// A copy with validation switched on or off.
    pub fn with_validation(&self, enabled: bool) -> Config {
        Config {
            validation: enabled,
            ..self.clone()
        }
    }
}

/// Builds a [`Config`].
#[derive(Clone, Debug, Default)]
pub struct ConfigBuilder {
    credentials: Option<SharedCredentialsProvider>,
    region: Option<String>,
    endpoint: Option<String>,
    vpc_endpoint: bool,
    connect_timeout: Option<Duration>,
    read_timeout: Option<Duration>,
    operation_timeout: Option<Duration>,
    retry: Option<RetryConfig>,
    signature: SignatureVersion,
    validation: Option<bool>,
    user_agent: Option<String>,
    clock: Option<Arc<dyn Clock>>,
    sleep: Option<Arc<dyn Sleep>>,
}

impl ConfigBuilder {
    /// [`Config::from_env`] over a given environment snapshot (for tests and tools).
    pub fn from_env_snapshot(env: Env) -> ConfigBuilder {
        let region = env
            .get("ALIBABA_CLOUD_REGION_ID")
            .map(str::to_owned)
            .or_else(|| crate::credentials::profile_region(&env));
        ConfigBuilder {
            credentials: Some(Arc::new(DefaultChain::new(env))),
            region,
            ..ConfigBuilder::default()
        }
    }

    /// Static credentials to sign with.
    pub fn credentials(mut self, credentials: Credentials) -> Self {
        self.credentials = Some(Arc::new(credentials));
        self
    }

    /// A credentials provider, asked before each request (the client caches its answers until
    /// shortly before they expire).
    pub fn credentials_provider(mut self, provider: impl ProvideCredentials + 'static) -> Self {
        self.credentials = Some(Arc::new(provider));
        self
    }

    /// The default region; also selects the endpoint when none is given.
    pub fn region(mut self, region: impl Into<String>) -> Self {
        self.region = Some(region.into());
        self
    }

    /// An explicit base URL (`https://ecs.aliyuncs.com`, `http://127.0.0.1:8080`).
    pub fn endpoint(mut self, endpoint: impl Into<String>) -> Self {
        self.endpoint = Some(endpoint.into());
        self
    }

    /// Use the VPC endpoint `ecs-vpc.<region>.aliyuncs.com` (from inside a VPC) instead of the
    /// public one. An explicit endpoint still wins.
    pub fn vpc_endpoint(mut self, enabled: bool) -> Self {
        self.vpc_endpoint = enabled;
        self
    }

    /// The connect timeout (default 5 s).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = Some(timeout);
        self
    }

    /// The time one attempt may take to get its whole answer (default 10 s; APIs the spec
    /// gives a longer time, such as instance creation, use that).
    pub fn read_timeout(mut self, timeout: Duration) -> Self {
        self.read_timeout = Some(timeout);
        self
    }

    /// A deadline for a whole call, retries and backoff included (default none: the retry
    /// limits bound a call).
    pub fn operation_timeout(mut self, timeout: Duration) -> Self {
        self.operation_timeout = Some(timeout);
        self
    }

    /// The retry settings (default: 3 retries, 100 ms / 500 ms base, 20 s cap, jitter).
    pub fn retry_config(mut self, retry: RetryConfig) -> Self {
        self.retry = Some(retry);
        self
    }

    /// The signature version (default V1).
    pub fn signature_version(mut self, version: SignatureVersion) -> Self {
        self.signature = version;
        self
    }

    /// Whether to validate requests before sending them (default true).
    pub fn validation(mut self, enabled: bool) -> Self {
        self.validation = Some(enabled);
        self
    }

    /// The User-Agent header.
    pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
        self.user_agent = Some(user_agent.into());
        self
    }

    /// The clock (default: the system clock). Tests inject one to control time.
    pub fn clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = Some(clock);
        self
    }

    /// The sleeper used for retry backoff (default: tokio's timer).
    pub fn sleeper(mut self, sleep: Arc<dyn Sleep>) -> Self {
        self.sleep = Some(sleep);
        self
    }

    /// Checks the settings.
    pub fn build(self) -> Result<Config, ConfigError> {
        let provider = self.credentials.ok_or(ConfigError::MissingCredentials)?;
        if let Some(region) = &self.region {
            let valid = !region.is_empty()
                && region.len() <= 64
                && region
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                && !region.starts_with('-')
                && !region.ends_with('-');
            if !valid {
                return Err(ConfigError::InvalidRegion(region.clone()));
            }
        }
        let endpoint = match &self.endpoint {
            Some(e) => {
                let e = e.trim_end_matches('/');
                let host = e
                    .strip_prefix("https://")
                    .or_else(|| e.strip_prefix("http://"));
                if host.is_none_or(|h| {
                    h.is_empty() || h.contains(char::is_whitespace) || h.contains(['/', '?', '#'])
                }) {
                    return Err(ConfigError::InvalidEndpoint(e.to_owned()));
                }
                Some(e.to_owned())
            }
            None => None,
        };
        if self.vpc_endpoint && endpoint.is_none() && self.region.is_none() {
            return Err(ConfigError::VpcEndpointWithoutRegion);
        }
        let clock = self.clock.unwrap_or_else(|| Arc::new(SystemClock));
        Ok(Config {
            credentials: Arc::new(CachingProvider::with_clock(provider, clock.clone())),
            region: self.region,
            endpoint,
            vpc_endpoint: self.vpc_endpoint,
            connect_timeout: self.connect_timeout.unwrap_or(DEFAULT_CONNECT_TIMEOUT),
            read_timeout: self.read_timeout.unwrap_or(DEFAULT_READ_TIMEOUT),
            operation_timeout: self.operation_timeout,
            retry: self.retry.unwrap_or_default(),
            signature: self.signature,
            validation: self.validation.unwrap_or(true),
            user_agent: self
                .user_agent
                .unwrap_or_else(|| format!("ecs-rs/{}", env!("CARGO_PKG_VERSION"))),
            clock,
            sleep: self.sleep.unwrap_or_else(|| Arc::new(TokioSleep)),
        })
    }
}
