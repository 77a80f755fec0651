//! Caching credentials until shortly before they expire.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{Mutex, RwLock};

use super::{Credentials, CredentialsError, ProvideCredentials, ProvideFuture};
use crate::clock::{Clock, SystemClock};

/// How long before expiry temporary credentials are refreshed.
pub const DEFAULT_REFRESH_BEFORE: Duration = Duration::from_secs(180);

/// Keeps what an inner provider returned and asks it again only when the credentials come
/// within `refresh_before` of their expiration (never, for long-term keys). Concurrent callers
/// share one refresh: one asks the inner provider, the others wait for its answer. If a
/// refresh fails while the cached credentials have not yet expired, those are used.
#[derive(Debug)]
pub struct CachingProvider {
    inner: Arc<dyn ProvideCredentials>,
    clock: Arc<dyn Clock>,
    refresh_before: Duration,
    cached: RwLock<Option<Credentials>>,
    refreshing: Mutex<()>,
}

impl CachingProvider {
    /// Caches `inner`, using the system clock.
    pub fn new(inner: Arc<dyn ProvideCredentials>) -> Self {
        Self::with_clock(inner, Arc::new(SystemClock))
    }

    /// Caches `inner`, reading the time from `clock`.
    pub fn with_clock(inner: Arc<dyn ProvideCredentials>, clock: Arc<dyn Clock>) -> Self {
        CachingProvider {
            inner,
            clock,
            refresh_before: DEFAULT_REFRESH_BEFORE,
            cached: RwLock::new(None),
            refreshing: Mutex::new(()),
        }
    }

    /// Sets how long before expiry to refresh.
    pub fn refresh_before(mut self, margin: Duration) -> Self {
        self.refresh_before = margin;
        self
    }

    fn fresh(&self, creds: &Credentials) -> bool {
        match creds.expiration() {
            None => true,
            Some(exp) => self.clock.now() + self.refresh_before < exp,
        }
    }

    fn usable(&self, creds: &Credentials) -> bool {
        creds.expiration().is_none_or(|exp| self.clock.now() < exp)
    }

    async fn fetch(&self) -> Result<Credentials, CredentialsError> {
        if let Some(c) = self.cached.read().await.as_ref() {
            if self.fresh(c) {
                return Ok(c.clone());
            }
        }
        let _guard = self.refreshing.lock().await;
        // Another caller may have refreshed while this one waited.
        if let Some(c) = self.cached.read().await.as_ref() {
            if self.fresh(c) {
                return Ok(c.clone());
            }
        }
        match self.inner.provide_credentials().await {
            Ok(creds) => {
                *self.cached.write().await = Some(creds.clone());
                Ok(creds)
            }
            Err(e) => {
                let stale = self.cached.read().await.clone();
                match stale {
                    Some(c) if self.usable(&c) => {
                        tracing::warn!(error = %e, "credentials refresh failed; using the cached ones until they expire");
                        Ok(c)
                    }
                    _ => Err(e),
                }
            }
        }
    }
}

impl ProvideCredentials for CachingProvider {
    fn provide_credentials(&self) -> ProvideFuture<'_> {
        Box::pin(self.fetch())
    }
}
