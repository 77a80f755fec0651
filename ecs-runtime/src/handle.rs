//! Preparing (common parameters, signature) and sending one call: credentials, attempts,
//! retries with backoff, clock-skew correction, tracing.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use tracing::field::Empty;
use tracing::Instrument as _;

use crate::config::{Config, ConfigError, EndpointTable, SignatureVersion};
use crate::credentials::Credentials;
use crate::encode::percent_encode;
use crate::error::{decode_error_body, excerpt, ErrorMeta, InvokeError, TransportError};
use crate::params::Params;
use crate::retry::{self, RetryKind};
use crate::{sign, sign_v3};

/// The API version every request carries.
pub const API_VERSION: &str = "2014-05-26";

/// The error code with which the service answers a request that passed a `DryRun` check.
pub const DRY_RUN_CODE: &str = "DryRunOperation";

/// The error code of a request whose timestamp is outside the service's 15-minute window.
pub const TIMESTAMP_EXPIRED_CODE: &str = "InvalidTimeStamp.Expired";

/// What the runtime needs to know about one API; emitted by the generator from the spec.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Operation {
    /// The wire `Action`.
    pub action: &'static str,
    /// Whether the API only reads (safe to repeat after an ambiguous failure).
    pub read_only: bool,
    /// The name of the idempotency-token parameter, if the API has one. When the caller left
    /// it empty the runtime fills it with a fresh UUID, the same for every attempt of a call.
    pub client_token: Option<&'static str>,
    /// A longer time one attempt may take than the client's read timeout (instance creation
    /// and deletion), from the spec.
    pub timeout: Option<Duration>,
}

impl Operation {
    /// Whether an ambiguous failure (timeout, server error) may be retried: the operation is
    /// read-only or carries an idempotency token.
    pub fn is_idempotent(&self) -> bool {
        self.read_only || self.client_token.is_some()
    }
}

/// A signed request, ready to send.
#[derive(Clone, Debug)]
pub struct PreparedRequest {
    /// `endpoint/?` followed by the encoded query string (signed, for V1).
    pub url: String,
    /// The HTTP method.
    pub method: &'static str,
    /// Every query parameter sent (`Signature` included, for V1).
    pub params: Params,
    /// Extra headers (`x-acs-*` and `Authorization`, for V3).
    pub headers: Vec<(String, String)>,
}

/// A successful answer: a 2xx, or an error answer that is a passed `DryRun` check.
#[derive(Clone, Debug)]
pub struct RawResponse {
    /// The HTTP status.
    pub status: u16,
    /// The body.
    pub body: bytes::Bytes,
    /// The request id, when the body has one at its top level.
    pub request_id: Option<String>,
    /// How many attempts the call took.
    pub attempts: u32,
}

impl RawResponse {
    /// Whether this is the service's `DryRunOperation` answer (the request would have
    /// succeeded).
    pub fn is_dry_run(&self) -> bool {
        !(200..300).contains(&self.status)
    }
}

struct Inner {
    config: Config,
    http: reqwest::Client,
    endpoint: String,
    host: String,
    /// Server time minus local time, in milliseconds, learnt from a rejected timestamp.
    skew_ms: AtomicI64,
}

/// The configured runtime: configuration plus an HTTP client (rustls). Cheap to clone.
#[derive(Clone)]
pub struct Handle {
    inner: Arc<Inner>,
}

impl std::fmt::Debug for Handle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Handle")
            .field("config", &self.inner.config)
            .field("endpoint", &self.inner.endpoint)
            .finish()
    }
}

/// A failed attempt and what the answer said about retrying.
struct Failure {
    error: InvokeError,
    retry_after: Option<Duration>,
    server_date: Option<SystemTime>,
}

impl From<InvokeError> for Failure {
    fn from(error: InvokeError) -> Self {
        Failure {
            error,
            retry_after: None,
            server_date: None,
        }
    }
}

fn classify(error: &InvokeError) -> RetryKind {
    match error {
        InvokeError::Service(meta) => retry::classify_service_error(meta.code(), meta.status()),
        InvokeError::UnexpectedResponse { status, .. } => retry::classify_status(*status),
        InvokeError::Transport(t) if t.is_connect() => RetryKind::NotSent,
        InvokeError::Transport(_) => RetryKind::Ambiguous,
        _ => RetryKind::Never,
    }
}

impl Handle {
    /// Builds the HTTP client for `config`, resolving the endpoint without a regional table.
    pub fn new(config: Config) -> Result<Handle, ConfigError> {
        Self::with_endpoints(config, &EndpointTable::DEFAULT)
    }

    /// Builds the HTTP client for `config`, resolving the endpoint with `table`.
    pub fn with_endpoints(config: Config, table: &EndpointTable) -> Result<Handle, ConfigError> {
        let http = reqwest::Client::builder()
            .use_rustls_tls()
            .connect_timeout(config.connect_timeout())
            .user_agent(config.user_agent())
            .build()
            .map_err(|e| ConfigError::Http(e.without_url().to_string()))?;
        let endpoint = config.resolve_endpoint(table);
        let host = endpoint
            .split_once("://")
            .map_or(endpoint.as_str(), |(_, rest)| rest)
            .to_owned();
        Ok(Handle {
            inner: Arc::new(Inner {
                config,
                http,
                endpoint,
                host,
                skew_ms: AtomicI64::new(0),
            }),
        })
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// The base URL requests go to.
    pub fn endpoint(&self) -> &str {
        &self.inner.endpoint
    }

    /// The clock offset learnt from the service (server minus local), if any.
    pub fn clock_skew(&self) -> Duration {
        Duration::from_millis(self.inner.skew_ms.load(Ordering::Relaxed).unsigned_abs())
    }

    fn now(&self) -> SystemTime {
        let now = self.inner.config.clock().now();
        let skew = self.inner.skew_ms.load(Ordering::Relaxed);
        let offset = Duration::from_millis(skew.unsigned_abs());
        if skew >= 0 {
            now + offset
        } else {
            now - offset
        }
    }

    /// Fills an empty idempotency token with a fresh UUID (once per call).
    pub fn fill_client_token(op: &Operation, params: &mut Params) {
        if let Some(token_name) = op.client_token {
            if params.get(token_name).is_none_or(str::is_empty) {
                params.remove(token_name);
                params.push(token_name, uuid::Uuid::new_v4().to_string());
            }
        }
    }

    /// Adds the common parameters (fresh nonce, current time) and signs.
    pub fn prepare(
        &self,
        op: &Operation,
        mut params: Params,
        creds: &Credentials,
    ) -> PreparedRequest {
        Self::fill_client_token(op, &mut params);
        let now = crate::format_timestamp(time::OffsetDateTime::from(self.now()));
        let nonce = uuid::Uuid::new_v4().simple().to_string();
        self.prepare_at(op, params, creds, &now, &nonce)
    }

    /// Signs `params` with a given timestamp and nonce (deterministic, for tests and
    /// benchmarks); the idempotency token is left as given.
    pub fn prepare_at(
        &self,
        op: &Operation,
        params: Params,
        creds: &Credentials,
        timestamp: &str,
        nonce: &str,
    ) -> PreparedRequest {
        match self.inner.config.signature_version() {
            SignatureVersion::V3 => self.prepare_v3(op, params, creds, timestamp, nonce),
            _ => self.prepare_v1(op, params, creds, timestamp, nonce),
        }
    }

    fn prepare_v1(
        &self,
        op: &Operation,
        mut params: Params,
        creds: &Credentials,
        timestamp: &str,
        nonce: &str,
    ) -> PreparedRequest {
        params.remove("Signature");
        params.push("Action", op.action);
        params.push("Format", "JSON");
        params.push("Version", API_VERSION);
        params.push("AccessKeyId", creds.access_key_id());
        params.push("SignatureMethod", "HMAC-SHA1");
        params.push("SignatureVersion", "1.0");
        params.push("SignatureNonce", nonce);
        params.push("Timestamp", timestamp);
        if let Some(token) = creds.security_token() {
            params.push("SecurityToken", token);
        }
        let method = "POST";
        let canonical = sign::canonical_query(params.as_slice());
        let signature = sign::sign(
            creds.access_key_secret(),
            &sign::string_to_sign(method, &canonical),
        );
        let url = format!(
            "{}/?{canonical}&Signature={}",
            self.inner.endpoint,
            percent_encode(&signature)
        );
        params.push("Signature", signature);
        PreparedRequest {
            url,
            method,
            params,
            headers: Vec::new(),
        }
    }

    fn prepare_v3(
        &self,
        op: &Operation,
        params: Params,
        creds: &Credentials,
        timestamp: &str,
        nonce: &str,
    ) -> PreparedRequest {
        let method = "POST";
        let mut headers = vec![
            ("host".to_owned(), self.inner.host.clone()),
            ("x-acs-action".to_owned(), op.action.to_owned()),
            ("x-acs-version".to_owned(), API_VERSION.to_owned()),
            ("x-acs-date".to_owned(), timestamp.to_owned()),
            ("x-acs-signature-nonce".to_owned(), nonce.to_owned()),
            (
                "x-acs-content-sha256".to_owned(),
                sign_v3::EMPTY_BODY_SHA256.to_owned(),
            ),
        ];
        if let Some(token) = creds.security_token() {
            headers.push(("x-acs-security-token".to_owned(), token.to_owned()));
        }
        let signature = sign_v3::sign(
            creds.access_key_secret(),
            &sign_v3::V3Request {
                method,
                path: "/",
                query: params.as_slice(),
                headers: &headers,
                body_sha256: sign_v3::EMPTY_BODY_SHA256,
            },
        );
        headers.retain(|(k, _)| k != "host");
        headers.push((
            "Authorization".to_owned(),
            signature.authorization(creds.access_key_id()),
        ));
        let url = format!(
            "{}/?{}",
            self.inner.endpoint,
            sign::canonical_query(params.as_slice())
        );
        PreparedRequest {
            url,
            method,
            params,
            headers,
        }
    }

    /// Sends a call: fills the idempotency token once, then makes attempts (each with fresh
    /// credentials, nonce and timestamp) until one succeeds, a failure is not retryable, the
    /// retries are used up, or the deadline would pass.
    pub async fn invoke(
        &self,
        op: &Operation,
        mut params: Params,
    ) -> Result<RawResponse, InvokeError> {
        Self::fill_client_token(op, &mut params);
        let config = &self.inner.config;
        let span = tracing::info_span!(
            "ecs_call",
            action = op.action,
            region = config.region().unwrap_or(""),
            attempt = Empty,
            status = Empty,
            request_id = Empty,
            latency_ms = Empty,
        );
        let started = Instant::now();
        let result = self
            .invoke_attempts(op, &params)
            .instrument(span.clone())
            .await;
        span.record("latency_ms", started.elapsed().as_millis() as u64);
        result
    }

    async fn invoke_attempts(
        &self,
        op: &Operation,
        params: &Params,
    ) -> Result<RawResponse, InvokeError> {
        let config = &self.inner.config;
        let span = tracing::Span::current();
        let deadline = config.operation_timeout().map(|d| config.clock().now() + d);
        let mut attempt = 0u32;
        let mut retries = 0u32;
        let mut skew_retried = false;
        loop {
            attempt += 1;
            span.record("attempt", attempt);
            let creds = config
                .credentials_provider()
                .provide_credentials()
                .await
                .map_err(InvokeError::Credentials)?;
            let failure = match self.attempt(op, params, &creds, deadline).await {
                Ok(mut response) => {
                    response.attempts = attempt;
                    span.record("status", response.status);
                    if let Some(id) = &response.request_id {
                        span.record("request_id", id.as_str());
                    }
                    return Ok(response);
                }
                Err(f) => f,
            };
            if let InvokeError::Service(meta) = &failure.error {
                span.record("status", meta.status());
                if let Some(id) = meta.request_id() {
                    span.record("request_id", id);
                }
                if meta.code() == TIMESTAMP_EXPIRED_CODE && !skew_retried {
                    if let Some(server) = failure.server_date {
                        let local = config.clock().now();
                        let skew = match server.duration_since(local) {
                            Ok(ahead) => ahead.as_millis() as i64,
                            Err(behind) => -(behind.duration().as_millis() as i64),
                        };
                        self.inner.skew_ms.store(skew, Ordering::Relaxed);
                        skew_retried = true;
                        tracing::warn!(
                            skew_ms = skew,
                            "request timestamp rejected; correcting the clock offset from the server's Date header and retrying once"
                        );
                        continue;
                    }
                }
            }
            let kind = classify(&failure.error);
            let allowed = match kind {
                RetryKind::Throttling | RetryKind::NotSent => true,
                RetryKind::Ambiguous => op.is_idempotent(),
                _ => false,
            };
            if !allowed || retries >= config.retry().max_retries {
                if allowed {
                    tracing::debug!(attempt, "retries used up");
                }
                return Err(failure.error);
            }
            retries += 1;
            let delay = config.retry().backoff(kind, retries, failure.retry_after);
            if let Some(deadline) = deadline {
                if config.clock().now() + delay >= deadline {
                    tracing::debug!(attempt, "no time left before the deadline to retry");
                    return Err(failure.error);
                }
            }
            tracing::warn!(
                attempt,
                retry = retries,
                delay_ms = delay.as_millis() as u64,
                error = %failure.error,
                "retrying ECS request"
            );
            config.sleeper().sleep(delay).await;
        }
    }

    /// One attempt: sign, send, classify the answer.
    async fn attempt(
        &self,
        op: &Operation,
        params: &Params,
        creds: &Credentials,
        deadline: Option<SystemTime>,
    ) -> Result<RawResponse, Failure> {
        let config = &self.inner.config;
        let timestamp = crate::format_timestamp(time::OffsetDateTime::from(self.now()));
        let nonce = uuid::Uuid::new_v4().simple().to_string();
        let prepared = self.prepare_at(op, params.clone(), creds, &timestamp, &nonce);
        let mut timeout = op.timeout.unwrap_or(config.read_timeout());
        if let Some(deadline) = deadline {
            let left = deadline
                .duration_since(config.clock().now())
                .unwrap_or(Duration::ZERO);
            timeout = timeout.min(left.max(Duration::from_millis(1)));
        }
        let mut request = self
            .inner
            .http
            .post(&prepared.url)
            .timeout(timeout)
            .header(reqwest::header::CONTENT_LENGTH, "0");
        for (name, value) in &prepared.headers {
            request = request.header(name.as_str(), value.as_str());
        }
        tracing::debug!(
            action = op.action,
            parameters = prepared.params.len(),
            "sending ECS request"
        );
        let response = request
            .send()
            .await
            .map_err(|e| InvokeError::Transport(TransportError::new(e)))?;
        let status = response.status().as_u16();
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        let retry_after = header("x-acs-retry-after").and_then(|v| retry::parse_retry_after(&v));
        let server_date = header("date").and_then(|v| httpdate::parse_http_date(&v).ok());
        let body = response
            .bytes()
            .await
            .map_err(|e| InvokeError::Transport(TransportError::new(e)))?;
        let request_id = top_level_request_id(&body);
        tracing::debug!(
            action = op.action,
            status,
            request_id = request_id.as_deref(),
            "ECS response"
        );
        let ok = |status| RawResponse {
            status,
            body: body.clone(),
            request_id: request_id.clone(),
            attempts: 0,
        };
        if (200..300).contains(&status) {
            return Ok(ok(status));
        }
        let error = match decode_error_body(status, &body) {
            Some(meta) if meta.code() == DRY_RUN_CODE => return Ok(ok(status)),
            Some(meta) => InvokeError::Service(with_request_id(meta, request_id.clone())),
            None => InvokeError::UnexpectedResponse {
                status,
                body: excerpt(&body),
            },
        };
        Err(Failure {
            error,
            retry_after,
            server_date,
        })
    }
}

fn with_request_id(meta: ErrorMeta, id: Option<String>) -> ErrorMeta {
    match (meta.request_id(), id) {
        (None, Some(id)) => meta.with_request_id(id),
        _ => meta,
    }
}

fn top_level_request_id(body: &[u8]) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Envelope {
        #[serde(rename = "RequestId", default)]
        request_id: Option<String>,
    }
    serde_json::from_slice::<Envelope>(body).ok()?.request_id
}
