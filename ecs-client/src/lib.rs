//! A typed, validated client for the Alibaba Cloud ECS API, version 2014-05-26.
//!
//! Every API is generated from the YAML spec in `spec/` by `ecs-gen`: a module per API (named
//! after it in snake_case, e.g. `describe_regions`) holds its `…Input` request with
//! `validate()`, its `…Output` response, its `…Error` enum and its fluent builder; [`Client`]
//! has one method per API. Each API group (instances, disks, images, …) is a cargo feature;
//! `default` enables them all, and `default-features = false, features = ["instances"]`
//! compiles only what you use.
//!
//! # Configuration
//!
//! [`Config::from_env`] finds credentials the way Alibaba Cloud's official SDKs do
//! (environment, the CLI's `~/.aliyun/config.json`, `~/.alibabacloud/credentials`, the ECS
//! instance's RAM role) and the region from `ALIBABA_CLOUD_REGION_ID` or the CLI profile;
//! [`Config::builder`] starts empty. Both set endpoint (`.endpoint(url)`,
//! `.vpc_endpoint(true)`), timeouts, [`RetryConfig`] and the [`SignatureVersion`].
//!
//! # A first call
//!
//! ```no_run
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! use ecs_client::{Client, Config, Credentials};
//!
//! let config = Config::builder()
//!     .credentials(Credentials::new("access-key-id", "access-key-secret"))
//!     .region("cn-hangzhou")
//!     .build()?;
//! let client = Client::new(config)?;
//! let regions = client.describe_regions().send().await?;
//! for region in &regions.regions {
//!     println!("{:?} {:?}", region.region_id, region.local_name);
//! }
//! # Ok(())
//! # }
//! ```
//!
//! # Validation
//!
//! `send()` first checks every constraint the spec states (required parameters, ranges,
//! lengths, patterns, enum values, list sizes and cross-field rules such as "`Period` is
//! required when `InstanceChargeType` is `PrePaid`"). A bad request fails with
//! [`SdkError::Validation`] naming the API, the parameter, the rule and the value (redacted for
//! secrets) and nothing is sent. Because a curated limit can go stale, validation can be
//! switched off for a client ([`Client::with_validation`]) or one call (`.validation(false)`).
//!
//! # Errors
//!
//! Each API has an error enum with a variant per documented error code and an `Unhandled`
//! fallback; `code()`, `message()` and `request_id()` work on all of them:
//!
//! ```no_run
//! # async fn run(client: ecs_client::Client) {
//! use ecs_client::SdkError;
//! use ecs_client::start_instance::StartInstanceError;
//!
//! match client.start_instance().instance_id("i-1").send().await {
//!     Ok(_) => {}
//!     Err(SdkError::Service(StartInstanceError::IncorrectInstanceStatus(meta))) => {
//!         eprintln!("not stopped: {}", meta.message())
//!     }
//!     Err(SdkError::Service(other)) => eprintln!("{} ({:?})", other.code(), other.request_id()),
//!     Err(other) => eprintln!("{other}"),
//! }
//! # }
//! ```
//!
//! Throttling, server errors and network failures are retried inside `send()` (ambiguous
//! failures only for read-only APIs and APIs with a `ClientToken`).
//!
//! # Pagination
//!
//! Paged APIs have `into_paginator()`: `.send()` is a `Stream` of pages, `.items()` of the
//! listed items; it stops after the last page.
//!
//! ```no_run
//! # async fn run(client: ecs_client::Client) -> Result<(), Box<dyn std::error::Error>> {
//! use futures_util::StreamExt;
//!
//! let mut instances = client
//!     .describe_instances()
//!     .region_id("cn-hangzhou")
//!     .into_paginator()
//!     .page_size(100)
//!     .items();
//! while let Some(instance) = instances.next().await {
//!     println!("{:?}", instance?.instance_id);
//! }
//! # Ok(())
//! # }
//! ```
//!
//! # Waiters
//!
//! Describe APIs have `wait_until_…()` waiters for the states users wait on; they poll with
//! backoff up to a limit and fail early on a state that can never reach the target:
//!
//! ```no_run
//! # async fn run(client: ecs_client::Client) -> Result<(), Box<dyn std::error::Error>> {
//! use std::time::Duration;
//!
//! client
//!     .describe_instances()
//!     .region_id("cn-hangzhou")
//!     .instance_ids("i-bp1...")
//!     .wait_until_instance_running()
//!     .max_wait(Duration::from_secs(300))
//!     .wait()
//!     .await?;
//! # Ok(())
//! # }
//! ```

#![deny(missing_docs)]

pub use ecs_runtime::credentials;
pub use ecs_runtime::validate::ValidationError;
pub use ecs_runtime::{
    Config, ConfigError, Credentials, CredentialsError, ErrorMeta, Handle, RetryConfig, SdkError,
    SignatureVersion,
};

/// The ECS client: one method per API, each returning a fluent builder. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Client {
    handle: Handle,
}

impl Client {
    /// A client for `config`, resolving its endpoint with the spec's endpoint table
    /// ([`endpoints::TABLE`]).
    pub fn new(config: Config) -> Result<Self, ConfigError> {
        Ok(Client {
            handle: Handle::with_endpoints(config, &endpoints::TABLE)?,
        })
    }

    /// A client over an existing runtime handle.
    pub fn from_handle(handle: Handle) -> Self {
        Client { handle }
    }

    /// The runtime handle (configuration and HTTP client).
    pub fn handle(&self) -> &Handle {
        &self.handle
    }

    /// A copy of this client with client-side validation switched on or off.
    pub fn with_validation(&self, enabled: bool) -> Result<Self, ConfigError> {
        Client::new(self.handle.config().with_validation(enabled))
    }
}

// The generated modules (one per API), `types`, `endpoints` and the `Client` methods.
include!(concat!(env!("OUT_DIR"), "/ecs_client_generated.rs"));

/// Compiles the usage example of the repository's README as a doctest, so it cannot drift
/// from the generated API.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
