//! Secrets never leak: with every log record captured at TRACE level, success, failure,
//! retry and transport-error paths run with sentinel values for the AccessKey secret, the STS
//! token and a password; none of them, nor any request signature, may appear in the logs, in
//! a formatted error or in Debug output.

use std::io::Write;
use std::sync::{Arc, Mutex};

use ecs_client::{Client, Config, Credentials};
use ecs_tests::FakeSleep;
use wiremock::{Mock, MockServer, ResponseTemplate};

const SECRET: &str = "SentinelSecret0001";
const TOKEN: &str = "SentinelToken0002";
const PASSWORD: &str = "Sentinel#Pass03";

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("log lock").extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Captured {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().expect("log lock")).into_owned()
    }
}

fn client(endpoint: String) -> Client {
    let config = Config::builder()
        .credentials(Credentials::new("testid", SECRET).with_security_token(TOKEN))
        .endpoint(endpoint)
        .sleeper(FakeSleep::new())
        .build()
        .expect("config");
    Client::new(config).expect("client")
}

fn assert_clean(what: &str, text: &str, signatures: &[String]) {
    for sentinel in [SECRET, TOKEN, PASSWORD, "Sentinel%23Pass03"] {
        assert!(!text.contains(sentinel), "{what} leaks {sentinel}:\n{text}");
    }
    for sig in signatures {
        assert!(
            !text.contains(sig.as_str()),
            "{what} leaks a signature:\n{text}"
        );
    }
}

#[tokio::test]
async fn sentinels_appear_in_no_log_record_error_or_debug_output() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let server = MockServer::start().await;
    let throttled = ResponseTemplate::new(400)
        .set_body_string(r#"{"RequestId":"r-1","Code":"Throttling","Message":"slow down"}"#);
    let denied = ResponseTemplate::new(403).set_body_string(
        r#"{"RequestId":"r-2","Code":"InvalidPassword.Malformed","Message":"The specified parameter Password is not valid."}"#,
    );
    let ok = ResponseTemplate::new(200)
        .set_body_string(r#"{"RequestId":"r-3","InstanceIdSets":{"InstanceIdSet":["i-1"]}}"#);
    Mock::given(wiremock::matchers::any())
        .respond_with(throttled)
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(wiremock::matchers::any())
        .respond_with(ok)
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(wiremock::matchers::any())
        .respond_with(denied)
        .mount(&server)
        .await;

    let c = client(server.uri());
    let run = || {
        c.run_instances()
            .region_id("cn-hangzhou")
            .image_id("m-1")
            .instance_type("ecs.g7.large")
            .security_group_id("sg-1")
            .password(PASSWORD)
    };
    let mut formatted = vec![format!("{:?}", run()), format!("{c:?}")];

    // Retry, then success.
    run().send().await.expect("throttled once, then created");
    // Failure.
    let err = run().send().await.expect_err("denied");
    formatted.push(err.to_string());
    formatted.push(format!("{err:?}"));
    // Validation failure of the sensitive parameter.
    let err = run().password("short").send().await.expect_err("too short");
    formatted.push(format!("{err} {err:?}"));
    // Transport failure: the URL (with the signature and password) must not be in the error.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("loopback");
    let dead = format!("http://{}", listener.local_addr().expect("bound"));
    drop(listener);
    let err = client(dead)
        .run_instances()
        .region_id("cn-hangzhou")
        .image_id("m-1")
        .instance_type("ecs.g7.large")
        .security_group_id("sg-1")
        .password(PASSWORD)
        .send()
        .await
        .expect_err("nobody listens");
    formatted.push(format!("{err} {err:?}"));
    let mut source: Option<&dyn std::error::Error> = Some(&err);
    while let Some(e) = source {
        formatted.push(e.to_string());
        source = e.source();
    }

    let received = server.received_requests().await.expect("recording");
    assert_eq!(received.len(), 3);
    assert!(
        received[0]
            .url
            .query()
            .unwrap_or_default()
            .contains("Sentinel%23Pass03"),
        "the password does go to the service"
    );
    let signatures: Vec<String> = received
        .iter()
        .flat_map(|r| r.url.query_pairs())
        .filter(|(k, _)| k == "Signature")
        .map(|(_, v)| v.into_owned())
        .collect();
    assert_eq!(signatures.len(), 3);

    let logs = captured.text();
    assert!(
        logs.contains("ecs_call"),
        "the call span is logged:\n{logs}"
    );
    assert!(
        logs.contains("retrying ECS request"),
        "retries are logged:\n{logs}"
    );
    assert!(logs.contains("action=\"RunInstances\""), "{logs}");
    assert_clean("the logs", &logs, &signatures);
    for text in &formatted {
        assert_clean("a formatted value", text, &signatures);
    }
}
