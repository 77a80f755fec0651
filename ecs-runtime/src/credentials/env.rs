//! The environment, as a snapshot that tests can build by hand.

use std::collections::HashMap;
use std::path::PathBuf;

use super::{Credentials, CredentialsError, ProvideCredentials, ProvideFuture};

/// A snapshot of environment variables (and so of the home directory). Providers read this
/// instead of the process environment, so a test can give each provider its own world.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Env {
    vars: HashMap<String, String>,
}

impl Env {
    /// The process environment, read now.
    pub fn process() -> Env {
        Env {
            vars: std::env::vars().collect(),
        }
    }

    /// An environment with exactly these variables.
    pub fn from_vars<K: Into<String>, V: Into<String>>(
        vars: impl IntoIterator<Item = (K, V)>,
    ) -> Env {
        Env {
            vars: vars
                .into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
        }
    }

    /// A variable's value; empty values count as unset.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.vars
            .get(name)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }

    /// Whether a variable is `true` (case-insensitive).
    pub fn is_true(&self, name: &str) -> bool {
        self.get(name)
            .is_some_and(|v| v.eq_ignore_ascii_case("true"))
    }

    /// The home directory: `HOME`, else `USERPROFILE`.
    pub fn home(&self) -> Option<PathBuf> {
        self.get("HOME")
            .or_else(|| self.get("USERPROFILE"))
            .map(PathBuf::from)
    }
}

/// The variable pairs read, highest priority first: Alibaba Cloud's own names, then the two
/// aliases the Alibaba Cloud CLI accepts.
const KEY_VARIABLES: [(&str, &str); 3] = [
    (
        "ALIBABA_CLOUD_ACCESS_KEY_ID",
        "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
    ),
    (
        "ALIBABACLOUD_ACCESS_KEY_ID",
        "ALIBABACLOUD_ACCESS_KEY_SECRET",
    ),
    ("ALICLOUD_ACCESS_KEY_ID", "ALICLOUD_ACCESS_KEY_SECRET"),
];

/// The STS token variable.
const TOKEN_VARIABLE: &str = "ALIBABA_CLOUD_SECURITY_TOKEN";

const NAME: &str = "environment";

pub(super) fn from_env(env: &Env) -> Result<Credentials, CredentialsError> {
    for (id_var, secret_var) in KEY_VARIABLES {
        match (env.get(id_var), env.get(secret_var)) {
            (Some(id), Some(secret)) => {
                let creds = Credentials::new(id, secret);
                return Ok(match env.get(TOKEN_VARIABLE) {
                    Some(token) => creds.with_security_token(token),
                    None => creds,
                });
            }
            (Some(_), None) => {
                return Err(CredentialsError::failed(
                    NAME,
                    format!("{id_var} is set but {secret_var} is not"),
                ))
            }
            (None, Some(_)) => {
                return Err(CredentialsError::failed(
                    NAME,
                    format!("{secret_var} is set but {id_var} is not"),
                ))
            }
            (None, None) => {}
        }
    }
    Err(CredentialsError::not_configured(
        NAME,
        "ALIBABA_CLOUD_ACCESS_KEY_ID (or ALIBABACLOUD_/ALICLOUD_ACCESS_KEY_ID) is not set",
    ))
}

/// Credentials from `ALIBABA_CLOUD_ACCESS_KEY_ID`, `ALIBABA_CLOUD_ACCESS_KEY_SECRET` and the
/// optional `ALIBABA_CLOUD_SECURITY_TOKEN`; at lower priority the CLI's aliases
/// `ALIBABACLOUD_ACCESS_KEY_ID`/`_SECRET` and `ALICLOUD_ACCESS_KEY_ID`/`_SECRET`.
#[derive(Clone, Debug)]
pub struct EnvironmentProvider {
    env: Env,
}

impl EnvironmentProvider {
    /// Reads `env`.
    pub fn new(env: Env) -> Self {
        EnvironmentProvider { env }
    }
}

impl ProvideCredentials for EnvironmentProvider {
    fn provide_credentials(&self) -> ProvideFuture<'_> {
        let result = from_env(&self.env);
        Box::pin(async move { result })
    }
}
