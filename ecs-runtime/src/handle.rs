//! Preparing (common parameters, signature) and sending one request.

use std::sync::Arc;

use crate::config::{Config, ConfigError};
use crate::encode::percent_encode;
use crate::error::{decode_error_body, excerpt, ErrorMeta, InvokeError, TransportError};
use crate::params::Params;
use crate::sign;

/// The API version every request carries.
pub const API_VERSION: &str = "2014-05-26";

/// The error code with which the service answers a request that passed a `DryRun` check.
pub const DRY_RUN_CODE: &str = "DryRunOperation";

/// What the runtime needs to know about one API; emitted by the generator from the spec.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Operation {
    /// The wire `Action`.
    pub action: &'static str,
    /// Whether the API only reads (safe to repeat).
    pub read_only: bool,
    /// The name of the idempotency-token parameter, if the API has one. When the caller left
    /// it empty the runtime fills it with a fresh UUID.
    pub client_token: Option<&'static str>,
}

/// A signed request, ready to send.
#[derive(Clone, Debug)]
pub struct PreparedRequest {
    /// `endpoint/?` followed by the encoded, signed query string.
    pub url: String,
    /// The HTTP method.
    pub method: &'static str,
    /// Every parameter sent, `Signature` included.
    pub params: Params,
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
            .finish()
    }
}

impl Handle {
    /// Builds the HTTP client for `config`.
    pub fn new(config: Config) -> Result<Handle, ConfigError> {
        let http = reqwest::Client::builder()
            .use_rustls_tls()
            .connect_timeout(config.connect_timeout())
            .timeout(config.timeout())
            .user_agent(config.user_agent())
            .build()
            .map_err(|e| ConfigError::Http(e.to_string()))?;
        Ok(Handle {
            inner: Arc::new(Inner { config, http }),
        })
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// Adds the common parameters (fresh nonce, current time) and signs.
    pub fn prepare(&self, op: &Operation, params: Params) -> PreparedRequest {
        let now = crate::format_timestamp(time::OffsetDateTime::now_utc());
        let nonce = uuid::Uuid::new_v4().to_string();
        self.prepare_at(op, params, &now, &nonce)
    }

    /// [`prepare`](Self::prepare) with a given timestamp and nonce (deterministic, for tests
    /// and benchmarks).
    pub fn prepare_at(
        &self,
        op: &Operation,
        mut params: Params,
        timestamp: &str,
        nonce: &str,
    ) -> PreparedRequest {
        let creds = self.inner.config.credentials();
        params.remove("Signature");
        if let Some(token_name) = op.client_token {
            if params.get(token_name).is_none_or(str::is_empty) {
                params.remove(token_name);
                params.push(token_name, uuid::Uuid::new_v4().to_string());
            }
        }
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
            self.inner.config.endpoint(),
            percent_encode(&signature)
        );
        params.push("Signature", signature);
        PreparedRequest {
            url,
            method,
            params,
        }
    }

    /// Prepares, sends and classifies one request (one attempt).
    pub async fn invoke(&self, op: &Operation, params: Params) -> Result<RawResponse, InvokeError> {
        let prepared = self.prepare(op, params);
        tracing::debug!(
            action = op.action,
            parameters = prepared.params.len(),
            "sending ECS request"
        );
        let response = self
            .inner
            .http
            .post(&prepared.url)
            .header(reqwest::header::CONTENT_LENGTH, "0")
            .send()
            .await
            .map_err(TransportError::new)?;
        let status = response.status().as_u16();
        let body = response.bytes().await.map_err(TransportError::new)?;
        let request_id = top_level_request_id(&body);
        tracing::debug!(
            action = op.action,
            status,
            request_id = request_id.as_deref(),
            "ECS response"
        );
        if (200..300).contains(&status) {
            return Ok(RawResponse {
                status,
                body,
                request_id,
            });
        }
        match decode_error_body(status, &body) {
            Some(meta) if meta.code() == DRY_RUN_CODE => Ok(RawResponse {
                status,
                body,
                request_id,
            }),
            Some(meta) => Err(InvokeError::Service(with_request_id(meta, request_id))),
            None => Err(InvokeError::UnexpectedResponse {
                status,
                body: excerpt(&body),
            }),
        }
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
