//! End to end: the typed client talks to a local HTTP server on 127.0.0.1 (wiremock). Each test
//! checks what went over the wire (the exact parameter set, the signature) and what came back
//! (typed output, typed errors).

use std::collections::BTreeMap;

use ecs_client::{Client, Config, Credentials, SdkError};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

const SECRET: &str = "testsecret";

fn client(server: &MockServer) -> Client {
    let config = Config::builder()
        .credentials(Credentials::new("testid", SECRET))
        .endpoint(server.uri())
        .sleeper(ecs_tests::FakeSleep::new())
        .build()
        .expect("valid config");
    Client::new(config).expect("valid client")
}

/// The decoded query parameters of a received request.
fn params(req: &Request) -> BTreeMap<String, String> {
    ecs_tests::wire::query_params(req)
}

/// Recomputes the signature over everything but `Signature` and compares.
fn assert_signature_verifies(req: &Request) {
    ecs_tests::wire::assert_signature_verifies(req, SECRET);
}

/// The API-specific parameters of a request (common ones removed).
fn api_params(req: &Request) -> BTreeMap<String, String> {
    let mut p = params(req);
    ecs_tests::wire::strip_common(&mut p);
    p
}

fn expected(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

async fn server_answering(status: u16, body: &str) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/"))
        .respond_with(
            ResponseTemplate::new(status).set_body_raw(body.to_owned(), "application/json"),
        )
        .mount(&server)
        .await;
    server
}

async fn only_request(server: &MockServer) -> Request {
    let mut received = server.received_requests().await.expect("recording is on");
    assert_eq!(received.len(), 1, "exactly one request expected");
    received.remove(0)
}

#[tokio::test]
async fn describe_regions_round_trip() {
    let body = r#"{"RequestId":"r-1","Regions":{"Region":[{"RegionId":"cn-hangzhou","LocalName":"Hangzhou","RegionEndpoint":"ecs.aliyuncs.com"}]}}"#;
    let server = server_answering(200, body).await;
    let out = client(&server)
        .describe_regions()
        .accept_language("en-US")
        .send()
        .await
        .expect("success");
    assert_eq!(out.request_id.as_deref(), Some("r-1"));
    assert_eq!(out.regions.len(), 1);
    assert_eq!(out.regions[0].region_id.as_deref(), Some("cn-hangzhou"));

    let req = only_request(&server).await;
    assert_eq!(req.method.as_str(), "POST");
    assert_signature_verifies(&req);
    let all = params(&req);
    assert_eq!(all["Action"], "DescribeRegions");
    assert_eq!(all["Format"], "JSON");
    assert_eq!(all["Version"], "2014-05-26");
    assert_eq!(all["SignatureMethod"], "HMAC-SHA1");
    assert_eq!(all["SignatureVersion"], "1.0");
    assert!(all["Timestamp"].ends_with('Z') && all["Timestamp"].len() == 20);
    assert_eq!(api_params(&req), expected(&[("AcceptLanguage", "en-US")]));
}

#[tokio::test]
async fn every_attempt_gets_a_fresh_nonce() {
    let server = server_answering(200, r#"{"RequestId":"r"}"#).await;
    let client = client(&server);
    client.describe_regions().send().await.expect("first");
    client.describe_regions().send().await.expect("second");
    let received = server.received_requests().await.expect("recording is on");
    assert_eq!(received.len(), 2);
    assert_ne!(
        params(&received[0])["SignatureNonce"],
        params(&received[1])["SignatureNonce"]
    );
}

#[tokio::test]
async fn json_error_body_becomes_a_typed_error_with_meta() {
    let body = r#"{"RequestId":"r-2","HostId":"ecs.aliyuncs.com","Code":"Throttling","Message":"Request was denied due to request throttling."}"#;
    let server = server_answering(400, body).await;
    let err = client(&server)
        .describe_regions()
        .send()
        .await
        .expect_err("error answer");
    let SdkError::Service(e) = &err else {
        panic!("expected a service error, got {err:?}")
    };
    assert_eq!(e.code(), "Throttling");
    assert_eq!(e.request_id(), Some("r-2"));
    assert_eq!(e.meta().status(), 400);
    assert_eq!(e.meta().host_id(), Some("ecs.aliyuncs.com"));
    assert!(e.message().contains("throttling"));
}

#[tokio::test]
async fn xml_error_body_is_decoded_too() {
    let body = "<?xml version=\"1.0\"?><Error><RequestId>r-3</RequestId><HostId>ecs.aliyuncs.com</HostId><Code>ServiceUnavailable</Code><Message>The request has failed due to a temporary failure of the server.</Message></Error>";
    let server = server_answering(503, body).await;
    let err = client(&server)
        .describe_regions()
        .send()
        .await
        .expect_err("error answer");
    let e = err.service_error().expect("a service error");
    assert_eq!(
        (e.code(), e.request_id(), e.meta().status()),
        ("ServiceUnavailable", Some("r-3"), 503)
    );
}

#[tokio::test]
async fn undecodable_error_body_keeps_status_and_excerpt() {
    let server = server_answering(502, "<html>Bad gateway</html>").await;
    let err = client(&server)
        .describe_regions()
        .send()
        .await
        .expect_err("error answer");
    match err {
        SdkError::UnexpectedResponse { status, body } => {
            assert_eq!(status, 502);
            assert!(body.contains("Bad gateway"));
        }
        other => panic!("expected UnexpectedResponse, got {other:?}"),
    }
}

#[tokio::test]
async fn malformed_success_body_is_an_error_not_a_panic() {
    let server = server_answering(200, "{\"RequestId\": ").await;
    let err = client(&server)
        .describe_regions()
        .send()
        .await
        .expect_err("bad body");
    assert!(matches!(err, SdkError::ResponseDecode { .. }), "{err:?}");
}

#[tokio::test]
async fn validation_failure_sends_nothing_and_can_be_switched_off() {
    let server = server_answering(200, r#"{"RequestId":"r"}"#).await;
    let client = client(&server);
    let err = client
        .describe_regions()
        .accept_language("fr-FR")
        .send()
        .await
        .expect_err("fr-FR is not a documented value");
    let v = err.validation_error().expect("a validation error");
    assert_eq!(
        (v.api(), v.parameter(), v.value()),
        ("DescribeRegions", "AcceptLanguage", Some("fr-FR"))
    );
    assert!(
        server
            .received_requests()
            .await
            .expect("recording")
            .is_empty(),
        "nothing may be sent"
    );

    // Per call...
    client
        .describe_regions()
        .accept_language("fr-FR")
        .validation(false)
        .send()
        .await
        .expect("sent");
    // ...and per client.
    client
        .with_validation(false)
        .expect("client")
        .describe_regions()
        .accept_language("fr-FR")
        .send()
        .await
        .expect("sent");
    let received = server.received_requests().await.expect("recording");
    assert_eq!(received.len(), 2);
    assert_eq!(
        api_params(&received[0]),
        expected(&[("AcceptLanguage", "fr-FR")])
    );
}

#[tokio::test]
async fn connection_refused_is_a_transport_error() {
    // Bind a port, then close it: nothing listens there any more.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("loopback is available");
    let uri = format!("http://{}", listener.local_addr().expect("bound"));
    drop(listener);
    let config = Config::builder()
        .credentials(Credentials::new("testid", SECRET))
        .endpoint(uri)
        .sleeper(ecs_tests::FakeSleep::new())
        .build()
        .expect("valid config");
    let err = Client::new(config)
        .expect("client")
        .describe_regions()
        .send()
        .await
        .expect_err("nobody listens");
    match err {
        SdkError::Transport(t) => assert!(t.is_connect(), "{t:?}"),
        other => panic!("expected a transport error, got {other:?}"),
    }
}

#[tokio::test]
async fn json_array_and_repeat_lists_go_on_the_wire_exactly() {
    use ecs_client::describe_instances::StatusFilter;
    use ecs_client::types::{InstanceStatusName, Tag};

    let body = r#"{"RequestId":"r-4","TotalCount":"1","PageNumber":"1","PageSize":"50",
        "Instances":{"Instance":[{"InstanceId":"i-1","Status":"Running","Memory":8192,
        "SecurityGroupIds":{"SecurityGroupId":["sg-1","sg-2"]},"OperationLocks":{"LockReason":[{"LockReason":"financial"}]},
        "VpcAttributes":{"PrivateIpAddress":{"IpAddress":["172.16.0.1"]}},"CreationTime":"2017-12-10T04:04Z"}]}}"#;
    let server = server_answering(200, body).await;
    let out = client(&server)
        .describe_instances()
        .region_id("cn-hangzhou")
        .instance_ids("i-1")
        .instance_ids("i-2")
        .set_private_ip_addresses(Some(vec![]))
        .status(StatusFilter::Running)
        .tag(Tag::new().key("env").value("prod"))
        .tag(Tag::new().key("team").value(""))
        .page_size(50)
        .io_optimized(true)
        .send()
        .await
        .expect("success");

    let req = only_request(&server).await;
    assert_signature_verifies(&req);
    assert_eq!(
        api_params(&req),
        expected(&[
            ("RegionId", "cn-hangzhou"),
            ("InstanceIds", r#"["i-1","i-2"]"#),
            ("Status", "Running"),
            ("IoOptimized", "true"),
            ("Tag.1.Key", "env"),
            ("Tag.1.Value", "prod"),
            ("Tag.2.Key", "team"),
            ("Tag.2.Value", ""),
            ("PageSize", "50"),
        ]),
        "an empty JSON-array filter must not be sent"
    );

    assert_eq!(out.total_count, Some(1));
    let instance = &out.instances[0];
    assert_eq!(instance.status, Some(InstanceStatusName::Running));
    assert_eq!(instance.security_group_ids, ["sg-1", "sg-2"]);
    assert_eq!(instance.operation_locks.len(), 1);
    let vpc = instance.vpc_attributes.as_ref().expect("vpc attributes");
    assert_eq!(vpc.private_ip_address, ["172.16.0.1"]);
    let created = instance
        .creation_time
        .as_ref()
        .and_then(|t| t.to_offset_date_time())
        .expect("minute precision parses");
    assert_eq!((created.hour(), created.minute()), (4, 4));
}

#[tokio::test]
async fn dry_run_passing_is_a_success() {
    let body = r#"{"RequestId":"r-5","HostId":"ecs.aliyuncs.com","Code":"DryRunOperation","Message":"Request validation has been passed with DryRun flag set."}"#;
    let server = server_answering(400, body).await;
    let out = client(&server)
        .describe_instances()
        .region_id("cn-hangzhou")
        .dry_run(true)
        .send()
        .await
        .expect("a passed dry run is a success");
    assert_eq!(out.request_id.as_deref(), Some("r-5"));
    assert!(out.instances.is_empty());
    assert_eq!(api_params(&only_request(&server).await)["DryRun"], "true");
}

#[tokio::test]
async fn unknown_enum_values_in_responses_are_kept() {
    use ecs_client::types::InstanceStatusName;
    let body = r#"{"RequestId":"r","Instances":{"Instance":[{"Status":"Hibernated"}]}}"#;
    let server = server_answering(200, body).await;
    let out = client(&server)
        .describe_instances()
        .region_id("cn-hangzhou")
        .send()
        .await
        .expect("success");
    assert_eq!(
        out.instances[0].status,
        Some(InstanceStatusName::Unknown("Hibernated".into()))
    );
}

#[tokio::test]
async fn comma_lists_and_typed_images() {
    use ecs_client::types::ImageStatus;
    let body = r#"{"RequestId":"r-6","TotalCount":24,"Images":{"Image":[{"ImageId":"m-1","Status":"Available","IsCopied":false,
        "DiskDeviceMappings":{"DiskDeviceMapping":[{"Device":"/dev/xvda","Size":"20"}]}}]}}"#;
    let server = server_answering(200, body).await;
    let out = client(&server)
        .describe_images()
        .region_id("cn-hangzhou")
        .image_id("m-1")
        .image_id("m-2")
        .status(ImageStatus::Available)
        .status(ImageStatus::Creating)
        .send()
        .await
        .expect("success");
    let req = only_request(&server).await;
    assert_signature_verifies(&req);
    assert_eq!(
        api_params(&req),
        expected(&[
            ("RegionId", "cn-hangzhou"),
            ("ImageId", "m-1,m-2"),
            ("Status", "Available,Creating")
        ])
    );
    assert_eq!(out.total_count, Some(24));
    assert_eq!(
        out.images[0].disk_device_mappings[0].device.as_deref(),
        Some("/dev/xvda")
    );
}

#[tokio::test]
async fn lower_camel_wire_names_and_json_integer_lists() {
    let server = server_answering(200, r#"{"RequestId":"r-7"}"#).await;
    client(&server)
        .modify_auto_snapshot_policy_ex()
        .region_id("cn-hangzhou")
        .auto_snapshot_policy_id("p-1")
        .time_points(0)
        .time_points(23)
        .repeat_weekdays(1)
        .repeat_weekdays(7)
        .retention_days(30)
        .client_token("token-1")
        .send()
        .await
        .expect("success");
    let req = only_request(&server).await;
    assert_signature_verifies(&req);
    assert_eq!(
        api_params(&req),
        expected(&[
            ("regionId", "cn-hangzhou"),
            ("autoSnapshotPolicyId", "p-1"),
            ("timePoints", r#"["0","23"]"#),
            ("repeatWeekdays", r#"["1","7"]"#),
            ("retentionDays", "30"),
            ("ClientToken", "token-1"),
        ])
    );
}

#[tokio::test]
async fn a_client_token_is_generated_when_left_out() {
    let server = server_answering(200, r#"{"RequestId":"r-8"}"#).await;
    client(&server)
        .modify_auto_snapshot_policy_ex()
        .region_id("cn-hangzhou")
        .auto_snapshot_policy_id("p-1")
        .send()
        .await
        .expect("success");
    let token = api_params(&only_request(&server).await)
        .remove("ClientToken")
        .expect("token filled in");
    assert_eq!(token.len(), 36, "a UUID: {token}");
}

#[tokio::test]
async fn struct_parameters_are_flattened_with_dots() {
    use ecs_client::modify_image_attribute::{BootMode, ImageFeatures, ImageFeaturesImdsSupport};
    let server = server_answering(200, r#"{"RequestId":"r-9"}"#).await;
    client(&server)
        .modify_image_attribute()
        .region_id("cn-hangzhou")
        .image_id("m-1")
        .boot_mode(BootMode::UefiPreferred)
        .features(ImageFeatures::new().imds_support(ImageFeaturesImdsSupport::V2))
        .send()
        .await
        .expect("success");
    let req = only_request(&server).await;
    assert_signature_verifies(&req);
    assert_eq!(
        api_params(&req),
        expected(&[
            ("RegionId", "cn-hangzhou"),
            ("ImageId", "m-1"),
            ("BootMode", "UEFI-Preferred"),
            ("Features.ImdsSupport", "v2"),
        ])
    );
}

#[tokio::test]
async fn run_instances_with_structs_repeat_lists_and_32_kib_of_user_data() {
    use base64::Engine as _;
    use ecs_client::run_instances::{DataDisk, DataDiskCategory, SystemDisk, SystemDiskCategory};
    use ecs_client::types::Tag;

    let user_data = base64::engine::general_purpose::STANDARD.encode(vec![b'#'; 32 * 1024]);
    let body = r#"{"RequestId":"r-10","InstanceIdSets":{"InstanceIdSet":["i-1","i-2"]}}"#;
    let server = server_answering(200, body).await;
    let out = client(&server)
        .run_instances()
        .region_id("cn-hangzhou")
        .image_id("img-1")
        .instance_type("ecs.g7.large")
        .security_group_id("sg-1")
        .system_disk(
            SystemDisk::new()
                .category(SystemDiskCategory::CloudEssd)
                .size(40),
        )
        .data_disk(
            DataDisk::new()
                .category(DataDiskCategory::CloudSsd)
                .size(100)
                .delete_with_instance(false),
        )
        .data_disk(DataDisk::new().snapshot_id("s-1"))
        .tag(Tag::new().key("env").value("prod"))
        .password("Secr3t!Pass")
        .amount(2)
        .user_data(user_data.clone())
        .client_token("ct-1")
        .send()
        .await
        .expect("success");
    assert_eq!(out.instance_id_sets, ["i-1", "i-2"]);

    let req = only_request(&server).await;
    assert_signature_verifies(&req);
    assert_eq!(
        api_params(&req),
        expected(&[
            ("RegionId", "cn-hangzhou"),
            ("ImageId", "img-1"),
            ("InstanceType", "ecs.g7.large"),
            ("SecurityGroupId", "sg-1"),
            ("SystemDisk.Category", "cloud_essd"),
            ("SystemDisk.Size", "40"),
            ("DataDisk.1.Category", "cloud_ssd"),
            ("DataDisk.1.Size", "100"),
            ("DataDisk.1.DeleteWithInstance", "false"),
            ("DataDisk.2.SnapshotId", "s-1"),
            ("Tag.1.Key", "env"),
            ("Tag.1.Value", "prod"),
            ("Password", "Secr3t!Pass"),
            ("Amount", "2"),
            ("UserData", user_data.as_str()),
            ("ClientToken", "ct-1"),
        ])
    );
}

#[tokio::test]
async fn secrets_never_show_in_debug_or_validation_errors() {
    use ecs_client::run_instances::RunInstancesInput;
    let input = RunInstancesInput::new()
        .region_id("cn-hangzhou")
        .password("short");
    let debug = format!("{input:?}");
    assert!(!debug.contains("short"), "{debug}");
    assert!(debug.contains("redacted"), "{debug}");
    let err = input
        .image_id("i")
        .instance_type("t")
        .security_group_id("sg")
        .validate()
        .expect_err("too short");
    assert_eq!(err.parameter(), "Password");
    assert!(!err.to_string().contains("short"), "{err}");

    let creds = ecs_client::Credentials::new("AKID", "the-secret").with_security_token("the-token");
    let debug = format!("{creds:?}");
    assert!(
        debug.contains("AKID") && !debug.contains("the-secret") && !debug.contains("the-token"),
        "{debug}"
    );
}
