//! Client configuration: credentials, region, endpoint, timeouts, validation.

use std::time::Duration;

use crate::credentials::Credentials;

/// The default time to establish a connection.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// The default time for a whole request (connect, send, receive).
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
/// The central endpoint, which serves every region.
pub const CENTRAL_ENDPOINT: &str = "https://ecs.aliyuncs.com";

/// A configuration problem found before any request.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// No credentials were given.
    #[error("no credentials: call ConfigBuilder::credentials (or use Credentials::from_env)")]
    MissingCredentials,
    /// A region id that cannot be part of a host name.
    #[error("invalid region id {0:?}: expected lower-case letters, digits and hyphens, such as cn-hangzhou")]
    InvalidRegion(String),
    /// An endpoint that is not an http(s) URL.
    #[error("invalid endpoint {0:?}: expected a URL such as https://ecs.aliyuncs.com or http://127.0.0.1:8080")]
    InvalidEndpoint(String),
    /// The HTTP client could not be built.
    #[error("cannot build the HTTP client: {0}")]
    Http(String),
}

/// How the client reaches ECS.
#[derive(Clone, Debug)]
pub struct Config {
    credentials: Credentials,
    region: Option<String>,
    endpoint: String,
    connect_timeout: Duration,
    timeout: Duration,
    validation: bool,
    user_agent: String,
}

impl Config {
    /// A builder with the defaults: validation on, 5 s connect timeout, 30 s request timeout.
    pub fn builder() -> ConfigBuilder {
        ConfigBuilder::default()
    }

    /// The credentials.
    pub fn credentials(&self) -> &Credentials {
        &self.credentials
    }

    /// The default region, if one was set.
    pub fn region(&self) -> Option<&str> {
        self.region.as_deref()
    }

    /// The base URL requests go to (no trailing slash).
    pub fn endpoint(&self) -> &str {
        &self.endpoint
    }

    /// The connect timeout.
    pub fn connect_timeout(&self) -> Duration {
        self.connect_timeout
    }

    /// The whole-request timeout.
    pub fn timeout(&self) -> Duration {
        self.timeout
    }

    /// Whether requests are validated before they are sent.
    pub fn validation(&self) -> bool {
        self.validation
    }

    /// The User-Agent header.
    pub fn user_agent(&self) -> &str {
        &self.user_agent
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
    credentials: Option<Credentials>,
    region: Option<String>,
    endpoint: Option<String>,
    endpoint_table: &'static [(&'static str, &'static str)],
    connect_timeout: Option<Duration>,
    timeout: Option<Duration>,
    validation: Option<bool>,
    user_agent: Option<String>,
}

impl ConfigBuilder {
    /// The credentials to sign with (required).
    pub fn credentials(mut self, credentials: Credentials) -> Self {
        self.credentials = Some(credentials);
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

    /// A table of regional endpoint hosts (region id, host) consulted before the default
    /// `ecs.<region>.aliyuncs.com`.
    pub fn endpoint_table(mut self, table: &'static [(&'static str, &'static str)]) -> Self {
        self.endpoint_table = table;
        self
    }

    /// The connect timeout (default 5 s).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = Some(timeout);
        self
    }

    /// The whole-request timeout (default 30 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
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

    /// Checks the settings and resolves the endpoint: the explicit one, else the region's from
    /// the table, else `https://ecs.<region>.aliyuncs.com`, else the central endpoint.
    pub fn build(self) -> Result<Config, ConfigError> {
        let credentials = self.credentials.ok_or(ConfigError::MissingCredentials)?;
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
        let endpoint = match (&self.endpoint, &self.region) {
            (Some(e), _) => {
                let e = e.trim_end_matches('/');
                let host = e
                    .strip_prefix("https://")
                    .or_else(|| e.strip_prefix("http://"));
                if host.is_none_or(|h| h.is_empty() || h.contains(char::is_whitespace)) {
                    return Err(ConfigError::InvalidEndpoint(e.to_owned()));
                }
                e.to_owned()
            }
            (None, Some(region)) => match self.endpoint_table.iter().find(|(r, _)| r == region) {
                Some((_, host)) => format!("https://{host}"),
                None => format!("https://ecs.{region}.aliyuncs.com"),
            },
            (None, None) => CENTRAL_ENDPOINT.to_owned(),
        };
        Ok(Config {
            credentials,
            region: self.region,
            endpoint,
            connect_timeout: self.connect_timeout.unwrap_or(DEFAULT_CONNECT_TIMEOUT),
            timeout: self.timeout.unwrap_or(DEFAULT_TIMEOUT),
            validation: self.validation.unwrap_or(true),
            user_agent: self
                .user_agent
                .unwrap_or_else(|| format!("ecs-rs/{}", env!("CARGO_PKG_VERSION"))),
        })
    }
}
