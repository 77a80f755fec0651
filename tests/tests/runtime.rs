//! The runtime against local servers: retries and backoff, idempotency, timeouts, clock skew,
//! the V3 signature on the wire, endpoints. Time is injected: nothing sleeps for real.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use ecs_client::{Client, Config, Credentials, RetryConfig, SdkError, SignatureVersion};
use ecs_tests::{FakeSleep, ManualClock};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

/// Answers with the given responses in turn, repeating the last one.
struct Sequence {
    responses: Vec<ResponseTemplate>,
    calls: AtomicUsize,
}

impl Respond for Sequence {
    fn respond(&self, _: &Request) -> ResponseTemplate {
        let i = self.calls.fetch_add(1, Ordering::SeqCst);
        self.responses[i.min(self.responses.len() - 1)].clone()
    }
}

async fn server(responses: Vec<ResponseTemplate>) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(wiremock::matchers::any())
        .respond_with(Sequence {
            responses,
            calls: AtomicUsize::new(0),
        })
        .mount(&server)
        .await;
    server
}

fn error(status: u16, code: &str) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_string(format!(
        r#"{{"RequestId":"req-{code}","Code":"{code}","Message":"m"}}"#
    ))
}

fn ok() -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_string(
        r#"{"RequestId":"req-ok","SecurityGroupId":"sg-1","Regions":{"Region":[]}}"#,
    )
}

fn params(req: &Request) -> BTreeMap<String, String> {
    req.url
        .query_pairs()
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

fn config(server: &MockServer, sleep: Arc<FakeSleep>) -> ecs_runtime::ConfigBuilder {
    Config::builder()
        .credentials(Credentials::new("testid", "testsecret"))
        .endpoint(server.uri())
        .sleeper(sleep)
}

fn client(builder: ecs_runtime::ConfigBuilder) -> Client {
    Client::new(builder.build().expect("valid config")).expect("client")
}

async fn received(server: &MockServer) -> Vec<Request> {
    server.received_requests().await.expect("recording is on")
}

#[tokio::test]
async fn throttling_is_retried_with_the_longer_backoff_and_fresh_nonces() {
    let server = server(vec![
        error(400, "Throttling.User"),
        error(403, "Throttling"),
        ok(),
    ])
    .await;
    let sleep = FakeSleep::new();
    let out = client(config(&server, sleep.clone()))
        .describe_regions()
        .send()
        .await
        .expect("third attempt succeeds");
    assert_eq!(out.request_id.as_deref(), Some("req-ok"));
    let reqs = received(&server).await;
    assert_eq!(reqs.len(), 3);
    let nonces: std::collections::BTreeSet<_> = reqs
        .iter()
        .map(|r| params(r)["SignatureNonce"].clone())
        .collect();
    assert_eq!(nonces.len(), 3, "every attempt has its own nonce");
    let delays = sleep.delays();
    assert_eq!(delays.len(), 2);
    // Throttling: 500 ms base, doubled, with equal jitter (half to all of it).
    assert!((250..=500).contains(&delays[0].as_millis()), "{delays:?}");
    assert!((500..=1000).contains(&delays[1].as_millis()), "{delays:?}");
}

#[tokio::test]
async fn server_retry_after_is_honoured() {
    let throttled = error(400, "Throttling").insert_header("x-acs-retry-after", "1500");
    let server = server(vec![throttled, ok()]).await;
    let sleep = FakeSleep::new();
    client(config(&server, sleep.clone()))
        .describe_regions()
        .send()
        .await
        .expect("second attempt succeeds");
    assert_eq!(sleep.delays(), vec![Duration::from_millis(1500)]);
}

#[tokio::test]
async fn retries_stop_after_the_configured_number() {
    let server = server(vec![error(503, "ServiceUnavailable")]).await;
    let sleep = FakeSleep::new();
    let err = client(config(&server, sleep.clone()))
        .describe_regions()
        .send()
        .await
        .expect_err("always unavailable");
    assert_eq!(
        err.service_error().expect("service").code(),
        "ServiceUnavailable"
    );
    assert_eq!(received(&server).await.len(), 4, "1 attempt + 3 retries");
    let ms: Vec<u128> = sleep.delays().iter().map(Duration::as_millis).collect();
    assert!(ms[0] <= 100 && ms[1] <= 200 && ms[2] <= 400, "{ms:?}");

    let server2 = self::server(vec![error(500, "InternalError")]).await;
    let retry = RetryConfig::default()
        .with_max_retries(1)
        .with_jitter(false);
    let sleep2 = FakeSleep::new();
    client(config(&server2, sleep2.clone()).retry_config(retry))
        .describe_regions()
        .send()
        .await
        .expect_err("always failing");
    assert_eq!(received(&server2).await.len(), 2);
    assert_eq!(sleep2.delays(), vec![Duration::from_millis(100)]);
}

#[tokio::test]
async fn client_errors_are_not_retried() {
    let server = server(vec![error(400, "InvalidParameter")]).await;
    let sleep = FakeSleep::new();
    client(config(&server, sleep.clone()))
        .describe_regions()
        .send()
        .await
        .expect_err("bad parameter");
    assert_eq!(received(&server).await.len(), 1);
    assert!(sleep.delays().is_empty());
}

#[tokio::test]
async fn server_errors_are_not_retried_for_non_idempotent_operations() {
    // StartInstance is neither read-only nor carries a ClientToken: a 500 may have started
    // the instance, so it is not repeated.
    let server = server(vec![error(500, "InternalError"), ok()]).await;
    let err = client(config(&server, FakeSleep::new()))
        .start_instance()
        .instance_id("i-1")
        .send()
        .await
        .expect_err("not retried");
    assert_eq!(
        err.service_error().expect("service").code(),
        "InternalError"
    );
    assert_eq!(received(&server).await.len(), 1);

    // Throttling means it was not executed: retried even here.
    let server = self::server(vec![error(400, "Throttling"), ok()]).await;
    client(config(&server, FakeSleep::new()))
        .start_instance()
        .instance_id("i-1")
        .send()
        .await
        .expect("retried after throttling");
    assert_eq!(received(&server).await.len(), 2);
}

#[tokio::test]
async fn client_token_is_filled_once_and_kept_across_attempts() {
    let server = server(vec![
        error(500, "InternalError"),
        error(503, "ServiceUnavailable"),
        ok(),
    ])
    .await;
    client(config(&server, FakeSleep::new()))
        .create_security_group()
        .region_id("cn-hangzhou")
        .send()
        .await
        .expect("third attempt succeeds");
    let reqs = received(&server).await;
    assert_eq!(reqs.len(), 3);
    let tokens: Vec<String> = reqs
        .iter()
        .map(|r| params(r)["ClientToken"].clone())
        .collect();
    assert!(!tokens[0].is_empty());
    assert!(tokens.iter().all(|t| t == &tokens[0]), "{tokens:?}");
    let nonces: std::collections::BTreeSet<_> = reqs
        .iter()
        .map(|r| params(r)["SignatureNonce"].clone())
        .collect();
    assert_eq!(nonces.len(), 3);

    // A caller's own token is kept as given.
    let server = self::server(vec![ok()]).await;
    client(config(&server, FakeSleep::new()))
        .create_security_group()
        .region_id("cn-hangzhou")
        .client_token("my-token-1")
        .send()
        .await
        .expect("ok");
    assert_eq!(
        params(&received(&server).await[0])["ClientToken"],
        "my-token-1"
    );
}

#[tokio::test]
async fn timeouts_are_retried_only_for_idempotent_operations() {
    let slow = ok().set_delay(Duration::from_millis(400));
    let server = server(vec![slow]).await;
    let builder = || {
        config(&server, FakeSleep::new())
            .read_timeout(Duration::from_millis(50))
            .retry_config(RetryConfig::default().with_max_retries(2))
    };
    let err = client(builder())
        .start_instance()
        .instance_id("i-1")
        .send()
        .await
        .expect_err("times out");
    match &err {
        SdkError::Transport(t) => assert!(t.is_timeout(), "{t:?}"),
        other => panic!("expected a timeout, got {other:?}"),
    }
    assert_eq!(
        received(&server).await.len(),
        1,
        "StartInstance is not repeated"
    );

    client(builder())
        .describe_regions()
        .send()
        .await
        .expect_err("times out");
    assert_eq!(
        received(&server).await.len(),
        1 + 3,
        "DescribeRegions: 1 attempt + 2 retries"
    );
}

#[tokio::test]
async fn connection_failures_are_retried_for_any_operation() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("loopback");
    let uri = format!("http://{}", listener.local_addr().expect("bound"));
    drop(listener);
    let sleep = FakeSleep::new();
    let config = Config::builder()
        .credentials(Credentials::new("testid", "testsecret"))
        .endpoint(uri)
        .sleeper(sleep.clone())
        .build()
        .expect("config");
    let err = Client::new(config)
        .expect("client")
        .start_instance()
        .instance_id("i-1")
        .send()
        .await
        .expect_err("nobody listens");
    assert!(
        matches!(err, SdkError::Transport(ref t) if t.is_connect()),
        "{err:?}"
    );
    assert_eq!(
        sleep.delays().len(),
        3,
        "the request never left, so it is retried"
    );
}

#[tokio::test]
async fn the_deadline_stops_retries_that_would_overrun_it() {
    let clock = ManualClock::new(SystemTime::UNIX_EPOCH + Duration::from_secs(1_800_000_000));
    let sleep = FakeSleep::advancing(clock.clone());
    let server = server(vec![error(400, "Throttling")]).await;
    client(
        config(&server, sleep.clone())
            .clock(clock)
            .operation_timeout(Duration::from_secs(1))
            .retry_config(RetryConfig::default().with_jitter(false)),
    )
    .describe_regions()
    .send()
    .await
    .expect_err("throttled throughout");
    // 500 ms fits in the 1 s deadline; the next 1000 ms would not.
    assert_eq!(sleep.delays(), vec![Duration::from_millis(500)]);
    assert_eq!(received(&server).await.len(), 2);
}

#[tokio::test]
async fn a_rejected_timestamp_corrects_the_clock_from_the_date_header_once() {
    let local = SystemTime::UNIX_EPOCH + Duration::from_secs(1_800_000_000);
    let server_time = local + Duration::from_secs(3600);
    let expired = error(400, "InvalidTimeStamp.Expired")
        .insert_header("Date", httpdate::fmt_http_date(server_time).as_str());
    let server = server(vec![expired, ok()]).await;
    let clock = ManualClock::new(local);
    let c = client(config(&server, FakeSleep::new()).clock(clock));
    c.describe_regions()
        .send()
        .await
        .expect("second attempt succeeds");
    let reqs = received(&server).await;
    assert_eq!(reqs.len(), 2);
    assert_eq!(params(&reqs[0])["Timestamp"], "2027-01-15T08:00:00Z");
    assert_eq!(params(&reqs[1])["Timestamp"], "2027-01-15T09:00:00Z");
    assert_eq!(c.handle().clock_skew(), Duration::from_secs(3600));

    // Only once per call: a second rejection is returned.
    let server = self::server(vec![error(400, "InvalidTimeStamp.Expired")
        .insert_header("Date", httpdate::fmt_http_date(server_time).as_str())])
    .await;
    let err = client(config(&server, FakeSleep::new()).clock(ManualClock::new(local)))
        .describe_regions()
        .send()
        .await
        .expect_err("still rejected");
    assert_eq!(
        err.service_error().expect("service").code(),
        "InvalidTimeStamp.Expired"
    );
    assert_eq!(received(&server).await.len(), 2);
}

#[tokio::test]
async fn v3_signature_goes_in_the_authorization_header_and_verifies() {
    let server = server(vec![ok()]).await;
    client(
        config(&server, FakeSleep::new())
            .credentials(Credentials::new("testid", "testsecret").with_security_token("sts-tok"))
            .signature_version(SignatureVersion::V3),
    )
    .describe_regions()
    .accept_language("en-US")
    .send()
    .await
    .expect("ok");
    let req = &received(&server).await[0];
    let p = params(req);
    assert_eq!(
        p,
        BTreeMap::from([("AcceptLanguage".to_owned(), "en-US".to_owned())]),
        "V3 sends only the API's own parameters in the query"
    );
    let header = |n: &str| {
        req.headers
            .get(n)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    assert_eq!(header("x-acs-action"), "DescribeRegions");
    assert_eq!(header("x-acs-version"), "2014-05-26");
    assert_eq!(header("x-acs-security-token"), "sts-tok");
    let auth = header("authorization");
    let signed_headers = auth
        .split("SignedHeaders=")
        .nth(1)
        .and_then(|s| s.split(',').next())
        .expect("SignedHeaders")
        .to_owned();
    assert!(
        auth.starts_with("ACS3-HMAC-SHA256 Credential=testid,"),
        "{auth}"
    );
    let headers: Vec<(String, String)> = signed_headers
        .split(';')
        .map(|h| (h.to_owned(), header(h)))
        .collect();
    assert!(headers
        .iter()
        .any(|(k, v)| k == "host" && v.starts_with("127.0.0.1:")));
    let query: Vec<(String, String)> = p.into_iter().collect();
    let expected = ecs_runtime::sign_v3::sign(
        "testsecret",
        &ecs_runtime::sign_v3::V3Request {
            method: "POST",
            path: "/",
            query: &query,
            headers: &headers,
            body_sha256: &header("x-acs-content-sha256"),
        },
    );
    assert!(
        auth.ends_with(&format!("Signature={}", expected.signature)),
        "{auth}"
    );
}

#[test]
fn endpoints_resolve_from_the_spec_table_the_region_or_the_vpc_option() {
    let creds = || Credentials::new("id", "secret");
    let endpoint = |b: ecs_runtime::ConfigBuilder| {
        Client::new(b.credentials(creds()).build().expect("config"))
            .expect("client")
            .handle()
            .endpoint()
            .to_owned()
    };
    assert_eq!(
        endpoint(Config::builder().region("cn-hongkong")),
        "https://ecs.cn-hongkong.aliyuncs.com"
    );
    assert_eq!(
        endpoint(Config::builder().region("cn-hangzhou")),
        "https://ecs.cn-hangzhou.aliyuncs.com"
    );
    assert_eq!(
        endpoint(Config::builder().region("cn-beijing").vpc_endpoint(true)),
        "https://ecs-vpc.cn-beijing.aliyuncs.com"
    );
    assert_eq!(endpoint(Config::builder()), "https://ecs.aliyuncs.com");
    assert_eq!(
        endpoint(
            Config::builder()
                .region("cn-beijing")
                .endpoint("http://127.0.0.1:8080/")
        ),
        "http://127.0.0.1:8080"
    );
    let err = Config::builder()
        .credentials(creds())
        .region("cn-hangzhou/../evil")
        .build()
        .expect_err("malformed");
    assert!(err.to_string().contains("cn-hangzhou/../evil"), "{err}");
    assert!(Config::builder()
        .credentials(creds())
        .vpc_endpoint(true)
        .build()
        .is_err());
}

#[test]
fn per_api_timeouts_come_from_the_spec() {
    assert_eq!(
        ecs_client::run_instances::OPERATION.timeout,
        Some(Duration::from_secs(86))
    );
    assert_eq!(ecs_client::describe_regions::OPERATION.timeout, None);
    assert!(ecs_client::describe_regions::OPERATION.is_idempotent());
    assert!(!ecs_client::start_instance::OPERATION.is_idempotent());
    assert!(ecs_client::run_instances::OPERATION.is_idempotent());
}

#[tokio::test]
async fn malformed_error_bodies_are_classified_by_status() {
    // A gateway's HTML 502 is retried for a read-only API, then surfaces with its excerpt.
    let html = ResponseTemplate::new(502).set_body_string("<html>Bad gateway</html>");
    let server = server(vec![html.clone(), ok()]).await;
    client(config(&server, FakeSleep::new()))
        .describe_regions()
        .send()
        .await
        .expect("second attempt succeeds");
    assert_eq!(received(&server).await.len(), 2);

    let server = self::server(vec![html]).await;
    let err = client(config(&server, FakeSleep::new()))
        .start_instance()
        .instance_id("i-1")
        .send()
        .await
        .expect_err("not retried for StartInstance");
    assert!(
        matches!(&err, SdkError::UnexpectedResponse { status: 502, body } if body.contains("Bad gateway")),
        "{err:?}"
    );
    assert_eq!(received(&server).await.len(), 1);

    // A 400 whose body is not an error document is not retried.
    let server = self::server(vec![ResponseTemplate::new(400).set_body_string("nope")]).await;
    client(config(&server, FakeSleep::new()))
        .describe_regions()
        .send()
        .await
        .expect_err("bad request");
    assert_eq!(received(&server).await.len(), 1);

    // A 200 whose body does not decode is an error, and not retried.
    let server = self::server(vec![
        ResponseTemplate::new(200).set_body_string("{\"Regions\": 5")
    ])
    .await;
    let err = client(config(&server, FakeSleep::new()))
        .describe_regions()
        .send()
        .await
        .expect_err("undecodable");
    assert!(matches!(err, SdkError::ResponseDecode { .. }), "{err:?}");
    assert_eq!(received(&server).await.len(), 1);
}
