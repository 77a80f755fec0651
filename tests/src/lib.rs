//! Helpers shared by the integration tests: paths and throwaway spec directories.

use std::path::{Path, PathBuf};

/// The repository root.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The real spec directory.
pub fn spec_dir() -> PathBuf {
    repo_root().join("spec")
}

/// A fixture file under `tests/fixtures`.
pub fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(rel)
}

/// A fresh spec directory under the system temp dir holding a minimal service.yaml and
/// common/errors.yaml, plus the given files (relative path, contents).
pub fn temp_spec(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let root = std::env::temp_dir().join(format!("ecs-tests-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let spec = root.join("spec");
    let base: [(&str, &str); 2] = [
        (
            "service.yaml",
            "version: \"2014-05-26\"\nendpoints:\n  central: ecs.aliyuncs.com\n",
        ),
        (
            "common/errors.yaml",
            "errors:\n  - { code: Throttling, status: 400 }\n",
        ),
    ];
    for (rel, text) in base.iter().chain(files) {
        let path = spec.join(rel);
        std::fs::create_dir_all(path.parent().expect("a file has a parent"))
            .expect("temp dir is writable");
        std::fs::write(&path, text).expect("temp dir is writable");
    }
    spec
}

/// A clock that stands still until told to move (or until [`FakeSleep`] sleeps on it).
#[derive(Debug)]
pub struct ManualClock {
    now: std::sync::Mutex<std::time::SystemTime>,
}

impl ManualClock {
    /// A clock showing `start`.
    pub fn new(start: std::time::SystemTime) -> std::sync::Arc<Self> {
        std::sync::Arc::new(ManualClock {
            now: std::sync::Mutex::new(start),
        })
    }

    /// Moves the clock forward.
    pub fn advance(&self, by: std::time::Duration) {
        *self.now.lock().expect("clock lock") += by;
    }
}

impl ecs_runtime::clock::Clock for ManualClock {
    fn now(&self) -> std::time::SystemTime {
        *self.now.lock().expect("clock lock")
    }
}

/// A sleeper that returns at once, records each requested delay and advances a
/// [`ManualClock`] by it, so backoff paths run in microseconds.
#[derive(Debug)]
pub struct FakeSleep {
    clock: Option<std::sync::Arc<ManualClock>>,
    delays: std::sync::Mutex<Vec<std::time::Duration>>,
}

impl FakeSleep {
    /// A sleeper that only records.
    pub fn new() -> std::sync::Arc<Self> {
        std::sync::Arc::new(FakeSleep {
            clock: None,
            delays: std::sync::Mutex::new(Vec::new()),
        })
    }

    /// A sleeper that records and advances `clock`.
    pub fn advancing(clock: std::sync::Arc<ManualClock>) -> std::sync::Arc<Self> {
        std::sync::Arc::new(FakeSleep {
            clock: Some(clock),
            delays: std::sync::Mutex::new(Vec::new()),
        })
    }

    /// The delays asked for so far.
    pub fn delays(&self) -> Vec<std::time::Duration> {
        self.delays.lock().expect("sleep lock").clone()
    }
}

impl ecs_runtime::clock::Sleep for FakeSleep {
    fn sleep(&self, duration: std::time::Duration) -> ecs_runtime::clock::SleepFuture {
        self.delays.lock().expect("sleep lock").push(duration);
        if let Some(clock) = &self.clock {
            clock.advance(duration);
        }
        Box::pin(std::future::ready(()))
    }
}

/// Per-API wire tests: send one request through the typed client to a local server and read
/// back exactly what went over the wire.
pub mod wire {
    use std::collections::BTreeMap;

    use ecs_client::{Client, Config, Credentials};
    use wiremock::matchers::{method, path};
    use wiremock::{Mock, MockServer, ResponseTemplate};

    const SECRET: &str = "wiretestsecret";

    /// The common parameters every signed request carries; [`strip_common`] checks and strips them.
    pub const COMMON: [&str; 9] = [
        "Action",
        "Format",
        "Version",
        "AccessKeyId",
        "SignatureMethod",
        "SignatureVersion",
        "SignatureNonce",
        "Timestamp",
        "Signature",
    ];

    /// What one API call put on the wire.
    #[derive(Debug)]
    pub struct Sent {
        /// The `Action` parameter.
        pub action: String,
        /// The API parameters (common ones removed), decoded.
        pub params: BTreeMap<String, String>,
    }

    /// Starts a local server answering `body` with 200, lets `call` send one request through a
    /// client pointed at it, asserts the call succeeded, that exactly one POST arrived and
    /// that its signature verifies, and returns the action and API parameters sent.
    pub async fn sent<T, E: std::fmt::Debug>(
        body: &str,
        call: impl AsyncFnOnce(Client) -> Result<T, E>,
    ) -> Sent {
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .and(path("/"))
            .respond_with(
                ResponseTemplate::new(200).set_body_raw(body.to_owned(), "application/json"),
            )
            .mount(&server)
            .await;
        if let Err(e) = call(client_at(&server.uri())).await {
            panic!("the call failed: {e:?}");
        }
        let received = server.received_requests().await.expect("recording is on");
        assert_eq!(received.len(), 1, "exactly one request expected");
        let req = &received[0];
        assert_eq!(req.method.as_str(), "POST");
        assert_signature_verifies(req, SECRET);
        let mut params = query_params(req);
        let action = params.get("Action").cloned().expect("Action is sent");
        strip_common(&mut params);
        Sent { action, params }
    }

    /// The decoded query parameters of a received request; a parameter sent twice fails.
    pub fn query_params(req: &wiremock::Request) -> BTreeMap<String, String> {
        let mut out = BTreeMap::new();
        for (k, v) in req.url.query_pairs() {
            let previous = out.insert(k.to_string(), v.to_string());
            assert!(previous.is_none(), "parameter {k} sent twice");
        }
        out
    }

    /// Recomputes the signature of a received request over everything but `Signature`
    /// with `secret`, and asserts it matches the one sent.
    pub fn assert_signature_verifies(req: &wiremock::Request, secret: &str) {
        let mut params = query_params(req);
        let signature = params.remove("Signature").expect("request is signed");
        let pairs: Vec<(String, String)> = params.into_iter().collect();
        let sts = ecs_runtime::sign::string_to_sign(
            req.method.as_str(),
            &ecs_runtime::sign::canonical_query(&pairs),
        );
        assert_eq!(
            ecs_runtime::sign::sign(secret, &sts),
            signature,
            "signature does not verify"
        );
    }

    /// Removes the common parameters, asserting each was there.
    pub fn strip_common(params: &mut BTreeMap<String, String>) {
        for common in COMMON {
            let present = params.remove(common).is_some();
            assert!(present, "common parameter {common} missing");
        }
    }

    /// A client pointed at a loopback port nothing listens on: a request that got past
    /// validation would fail with a transport error, so a validation error proves nothing was
    /// sent.
    pub fn client_without_server() -> Client {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free loopback port")
            .port();
        client_at(&format!("http://127.0.0.1:{port}"))
    }

    /// A client with the wire tests' credentials and a sleeper that returns at once, sending
    /// to `endpoint`.
    fn client_at(endpoint: &str) -> Client {
        let config = Config::builder()
            .credentials(Credentials::new("wiretestid", SECRET))
            .endpoint(endpoint)
            .sleeper(crate::FakeSleep::new())
            .build()
            .expect("valid config");
        Client::new(config).expect("valid client")
    }

    /// The validation error a call was refused with; panics (naming what came instead) when
    /// the call succeeded or failed any other way, e.g. by reaching the network.
    pub fn refused<T: std::fmt::Debug, E: std::fmt::Debug>(
        result: Result<T, ecs_client::SdkError<E>>,
    ) -> ecs_client::ValidationError {
        match result {
            Err(e) => match e.validation_error() {
                Some(v) => v.clone(),
                None => panic!("expected a validation error, got {e:?}"),
            },
            Ok(out) => panic!("expected a validation error, the call succeeded: {out:?}"),
        }
    }

    /// A parameter map written out by hand.
    pub fn params(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    /// Asserts that a call sent `action` with exactly `expected` (ClientToken, when the API
    /// generates one, must be passed explicitly by the test so the map is exact).
    pub fn assert_sent(sent: &Sent, action: &str, expected: &[(&str, &str)]) {
        assert_eq!(sent.action, action);
        assert_eq!(sent.params, params(expected), "wire parameters of {action}");
    }
}
