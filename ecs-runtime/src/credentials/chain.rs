//! The default provider chain.

use super::{
    CliProfileProvider, Credentials, CredentialsError, EcsRamRoleProvider, Env,
    EnvironmentProvider, ProvideCredentials, ProvideFuture, SharedCredentialsFileProvider,
};

/// The providers in the order Alibaba Cloud's official SDKs try them:
/// 1. the environment ([`EnvironmentProvider`]),
/// 2. the CLI's `~/.aliyun/config.json` ([`CliProfileProvider`]),
/// 3. the shared `~/.alibabacloud/credentials` file ([`SharedCredentialsFileProvider`]),
/// 4. the ECS instance RAM role ([`EcsRamRoleProvider`]).
///
/// The first that yields credentials wins. When none does, the error lists every provider and
/// why it was skipped or failed.
#[derive(Debug)]
pub struct DefaultChain {
    providers: Vec<Box<dyn ProvideCredentials>>,
}

impl DefaultChain {
    /// The chain over the process environment.
    pub fn from_process_env() -> Self {
        Self::new(Env::process())
    }

    /// The chain over `env`, with the metadata service at its default address.
    pub fn new(env: Env) -> Self {
        Self::with_metadata(env.clone(), EcsRamRoleProvider::new(&env))
    }

    /// The chain over `env`, reaching the metadata service through `metadata` (another base
    /// URL or timeouts).
    pub fn with_metadata(env: Env, metadata: EcsRamRoleProvider) -> Self {
        DefaultChain {
            providers: vec![
                Box::new(EnvironmentProvider::new(env.clone())),
                Box::new(CliProfileProvider::new(env.clone(), metadata.clone())),
                Box::new(SharedCredentialsFileProvider::new(env, metadata.clone())),
                Box::new(metadata),
            ],
        }
    }

    async fn fetch(&self) -> Result<Credentials, CredentialsError> {
        let mut errors = Vec::with_capacity(self.providers.len());
        for provider in &self.providers {
            match provider.provide_credentials().await {
                Ok(creds) => return Ok(creds),
                Err(e) => {
                    tracing::debug!(error = %e, "credentials provider gave nothing");
                    errors.push(e);
                }
            }
        }
        Err(CredentialsError::Chain(errors))
    }
}

impl ProvideCredentials for DefaultChain {
    fn provide_credentials(&self) -> ProvideFuture<'_> {
        Box::pin(self.fetch())
    }
}
