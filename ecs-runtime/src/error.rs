//! Errors: what the service answered ([`ErrorMeta`]), what went wrong on the way
//! ([`InvokeError`]), and what a generated `send()` returns ([`SdkError`]).

use std::fmt;

use crate::credentials::CredentialsError;
use crate::validate::ValidationError;

/// The longest body excerpt kept in an error.
pub const MAX_BODY_EXCERPT: usize = 1024;

/// Truncates `body` to [`MAX_BODY_EXCERPT`] characters, on a character boundary.
pub(crate) fn excerpt(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    match text.char_indices().nth(MAX_BODY_EXCERPT) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.into_owned(),
    }
}

/// An error answer from the service: code, message, request id, host id, HTTP status.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErrorMeta {
    status: u16,
    code: String,
    message: String,
    request_id: Option<String>,
    host_id: Option<String>,
    recommend: Option<String>,
}

impl ErrorMeta {
    /// An error answer with a status, code and message.
    pub fn new(status: u16, code: impl Into<String>, message: impl Into<String>) -> Self {
        ErrorMeta {
            status,
            code: code.into(),
            message: message.into(),
            request_id: None,
            host_id: None,
            recommend: None,
        }
    }

    /// Adds the request id.
    pub fn with_request_id(mut self, id: impl Into<String>) -> Self {
        self.request_id = Some(id.into());
        self
    }

    /// Adds the host id.
    pub fn with_host_id(mut self, id: impl Into<String>) -> Self {
        self.host_id = Some(id.into());
        self
    }

    /// Adds the diagnosis link the service sometimes sends.
    pub fn with_recommend(mut self, recommend: impl Into<String>) -> Self {
        self.recommend = Some(recommend.into());
        self
    }

    /// The error code, e.g. `InvalidInstanceId.NotFound`.
    pub fn code(&self) -> &str {
        &self.code
    }
    /// The message.
    pub fn message(&self) -> &str {
        &self.message
    }
    /// The request id.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }
    /// The host id (`ecs.aliyuncs.com`).
    pub fn host_id(&self) -> Option<&str> {
        self.host_id.as_deref()
    }
    /// The HTTP status.
    pub fn status(&self) -> u16 {
        self.status
    }
    /// The diagnosis link, if any.
    pub fn recommend(&self) -> Option<&str> {
        self.recommend.as_deref()
    }
}

impl fmt::Display for ErrorMeta {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (HTTP {}): {}", self.code, self.status, self.message)?;
        if let Some(id) = &self.request_id {
            write!(f, " [request id {id}]")?;
        }
        Ok(())
    }
}

/// The request did not get an HTTP answer (connection, timeout, TLS, ...).
#[derive(Debug, thiserror::Error)]
#[error("transport error: {source}")]
pub struct TransportError {
    #[source]
    source: reqwest::Error,
}

impl TransportError {
    /// Wraps a reqwest error, dropping the URL it carries: the query string holds the
    /// signature, security token and possibly sensitive parameters.
    pub(crate) fn new(source: reqwest::Error) -> Self {
        TransportError {
            source: source.without_url(),
        }
    }
    /// Whether the request timed out.
    pub fn is_timeout(&self) -> bool {
        self.source.is_timeout()
    }
    /// Whether the connection could not be made.
    pub fn is_connect(&self) -> bool {
        self.source.is_connect()
    }
}

/// What can go wrong when the runtime sends one request.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum InvokeError {
    /// The service answered with an error.
    #[error("service error: {0}")]
    Service(ErrorMeta),
    /// No HTTP answer.
    #[error(transparent)]
    Transport(#[from] TransportError),
    /// An error status whose body is neither the JSON nor the XML error shape.
    #[error("unexpected HTTP {status} response: {body}")]
    UnexpectedResponse {
        /// The HTTP status.
        status: u16,
        /// The body, truncated.
        body: String,
    },
    /// No credentials could be found; nothing was sent.
    #[error(transparent)]
    Credentials(#[from] CredentialsError),
}

/// The error of a generated `send()`: `E` is the API's own error enum.
#[derive(Debug)]
#[non_exhaustive]
pub enum SdkError<E> {
    /// The request broke a constraint of the spec; nothing was sent.
    Validation(ValidationError),
    /// The service answered with an error.
    Service(E),
    /// No HTTP answer.
    Transport(TransportError),
    /// An error status whose body could not be decoded.
    UnexpectedResponse {
        /// The HTTP status.
        status: u16,
        /// The body, truncated.
        body: String,
    },
    /// A success body that does not decode into the API's output type.
    ResponseDecode {
        /// What the decoder said.
        message: String,
        /// The body, truncated.
        body: String,
    },
    /// The request could not be built.
    Construction(String),
    /// No credentials could be found; nothing was sent.
    Credentials(CredentialsError),
}

impl<E> SdkError<E> {
    /// Converts a runtime error, classifying service errors with `map`.
    pub fn from_invoke(err: InvokeError, map: impl FnOnce(ErrorMeta) -> E) -> Self {
        match err {
            InvokeError::Service(meta) => SdkError::Service(map(meta)),
            InvokeError::Transport(t) => SdkError::Transport(t),
            InvokeError::UnexpectedResponse { status, body } => {
                SdkError::UnexpectedResponse { status, body }
            }
            InvokeError::Credentials(e) => SdkError::Credentials(e),
        }
    }

    /// The service error, if that is what this is.
    pub fn service_error(&self) -> Option<&E> {
        match self {
            SdkError::Service(e) => Some(e),
            _ => None,
        }
    }

    /// The service error, if that is what this is.
    pub fn into_service_error(self) -> Option<E> {
        match self {
            SdkError::Service(e) => Some(e),
            _ => None,
        }
    }

    /// The validation error, if that is what this is.
    pub fn validation_error(&self) -> Option<&ValidationError> {
        match self {
            SdkError::Validation(e) => Some(e),
            _ => None,
        }
    }
}

impl<E: fmt::Display> fmt::Display for SdkError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SdkError::Validation(e) => write!(f, "request not sent: {e}"),
            SdkError::Service(e) => e.fmt(f),
            SdkError::Transport(e) => e.fmt(f),
            SdkError::UnexpectedResponse { status, body } => {
                write!(f, "unexpected HTTP {status} response: {body}")
            }
            SdkError::ResponseDecode { message, body } => {
                write!(f, "cannot decode the response ({message}): {body}")
            }
            SdkError::Construction(m) => write!(f, "cannot build the request: {m}"),
            SdkError::Credentials(e) => write!(f, "request not sent: {e}"),
        }
    }
}

impl<E: std::error::Error + 'static> std::error::Error for SdkError<E> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            SdkError::Validation(e) => Some(e),
            SdkError::Service(e) => Some(e),
            SdkError::Transport(e) => Some(e),
            SdkError::Credentials(e) => Some(e),
            _ => None,
        }
    }
}

/// Decodes an error body (JSON or XML) into an [`ErrorMeta`].
pub(crate) fn decode_error_body(status: u16, body: &[u8]) -> Option<ErrorMeta> {
    decode_json_error(status, body).or_else(|| decode_xml_error(status, body))
}

fn decode_json_error(status: u16, body: &[u8]) -> Option<ErrorMeta> {
    let value: serde_json::Value = serde_json::from_slice(body).ok()?;
    let obj = value.as_object()?;
    let field = |names: &[&str]| {
        names
            .iter()
            .find_map(|n| obj.get(*n))
            .and_then(|v| match v {
                serde_json::Value::String(s) => Some(s.clone()),
                serde_json::Value::Null => None,
                other => Some(other.to_string()),
            })
    };
    let code = field(&["Code", "code"])?;
    let mut meta = ErrorMeta::new(
        status,
        code,
        field(&["Message", "message"]).unwrap_or_default(),
    );
    if let Some(id) = field(&["RequestId", "requestId", "request_id"]) {
        meta = meta.with_request_id(id);
    }
    if let Some(id) = field(&["HostId", "hostId"]) {
        meta = meta.with_host_id(id);
    }
    if let Some(r) = field(&["Recommend", "recommend"]) {
        meta = meta.with_recommend(r);
    }
    Some(meta)
}

fn decode_xml_error(status: u16, body: &[u8]) -> Option<ErrorMeta> {
    let text = std::str::from_utf8(body).ok()?;
    let doc = roxmltree::Document::parse(text).ok()?;
    let root = doc.root_element();
    let child = |name: &str| {
        root.children()
            .find(|n| n.is_element() && n.tag_name().name() == name)
            .and_then(|n| n.text())
            .map(str::to_owned)
    };
    let code = child("Code")?;
    let mut meta = ErrorMeta::new(status, code, child("Message").unwrap_or_default());
    if let Some(id) = child("RequestId") {
        meta = meta.with_request_id(id);
    }
    if let Some(id) = child("HostId") {
        meta = meta.with_host_id(id);
    }
    if let Some(r) = child("Recommend") {
        meta = meta.with_recommend(r);
    }
    Some(meta)
}
