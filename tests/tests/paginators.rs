//! Paginators against a local server holding N instances and answering `DescribeInstances`
//! page by page, as the service does.

use std::collections::BTreeMap;

use ecs_client::{Client, Config, Credentials, SdkError};
use ecs_tests::FakeSleep;
use futures_util::StreamExt;
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

/// Answers `DescribeInstances` over `total` instances named `i-1` …; fails page `fail_on`.
struct Instances {
    total: usize,
    report_total: bool,
    fail_on: Option<usize>,
}

impl Respond for Instances {
    fn respond(&self, req: &Request) -> ResponseTemplate {
        let q: BTreeMap<String, String> = req
            .url
            .query_pairs()
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        let page: usize = q
            .get("PageNumber")
            .map_or(1, |v| v.parse().expect("number"));
        let size: usize = q.get("PageSize").map_or(10, |v| v.parse().expect("number"));
        if Some(page) == self.fail_on {
            return ResponseTemplate::new(400).set_body_string(
                r#"{"RequestId":"r-x","Code":"InvalidParameter","Message":"bad page"}"#,
            );
        }
        let start = (page - 1) * size;
        let items: Vec<String> = (start..self.total.min(start + size))
            .map(|i| format!(r#"{{"InstanceId":"i-{}"}}"#, i + 1))
            .collect();
        let total = if self.report_total {
            format!(r#""TotalCount":{},"#, self.total)
        } else {
            String::new()
        };
        ResponseTemplate::new(200).set_body_string(format!(
            r#"{{"RequestId":"r-{page}",{total}"PageNumber":{page},"PageSize":{size},"Instances":{{"Instance":[{}]}}}}"#,
            items.join(",")
        ))
    }
}

async fn setup(total: usize, report_total: bool, fail_on: Option<usize>) -> (MockServer, Client) {
    let server = MockServer::start().await;
    Mock::given(wiremock::matchers::any())
        .respond_with(Instances {
            total,
            report_total,
            fail_on,
        })
        .mount(&server)
        .await;
    let config = Config::builder()
        .credentials(Credentials::new("id", "secret"))
        .endpoint(server.uri())
        .sleeper(FakeSleep::new())
        .build()
        .expect("config");
    (server, Client::new(config).expect("client"))
}

async fn requested_pages(server: &MockServer) -> Vec<(String, String)> {
    server
        .received_requests()
        .await
        .expect("recording")
        .iter()
        .map(|r| {
            let q: BTreeMap<_, _> = r.url.query_pairs().collect();
            let get = |k: &str| q.get(k).map_or_else(|| "-".to_owned(), |v| v.to_string());
            (get("PageNumber"), get("PageSize"))
        })
        .collect()
}

#[tokio::test]
async fn items_stream_over_every_page_and_stops_on_a_short_one() {
    let (server, client) = setup(25, true, None).await;
    let ids: Vec<String> = client
        .describe_instances()
        .region_id("cn-hangzhou")
        .into_paginator()
        .page_size(10)
        .items()
        .map(|i| i.expect("ok").instance_id.expect("id"))
        .collect()
        .await;
    assert_eq!(ids.len(), 25);
    assert_eq!(ids.first().map(String::as_str), Some("i-1"));
    assert_eq!(ids.last().map(String::as_str), Some("i-25"));
    assert_eq!(
        requested_pages(&server).await,
        vec![
            ("1".into(), "10".into()),
            ("2".into(), "10".into()),
            ("3".into(), "10".into())
        ]
    );
}

#[tokio::test]
async fn an_exact_multiple_stops_at_the_total_count() {
    let (server, client) = setup(20, true, None).await;
    let pages: Vec<usize> = client
        .describe_instances()
        .region_id("cn-hangzhou")
        .into_paginator()
        .page_size(10)
        .send()
        .map(|p| p.expect("ok").instances.len())
        .collect()
        .await;
    assert_eq!(pages, vec![10, 10]);
    assert_eq!(requested_pages(&server).await.len(), 2, "no third request");
}

#[tokio::test]
async fn without_a_total_an_empty_page_ends_it() {
    let (server, client) = setup(20, false, None).await;
    let pages: Vec<usize> = client
        .describe_instances()
        .region_id("cn-hangzhou")
        .into_paginator()
        .page_size(10)
        .send()
        .map(|p| p.expect("ok").instances.len())
        .collect()
        .await;
    assert_eq!(pages, vec![10, 10, 0]);
    assert_eq!(requested_pages(&server).await.len(), 3);
}

#[tokio::test]
async fn an_empty_result_is_one_empty_page() {
    let (server, client) = setup(0, true, None).await;
    let items: Vec<_> = client
        .describe_instances()
        .region_id("cn-hangzhou")
        .into_paginator()
        .items()
        .collect()
        .await;
    assert!(items.is_empty());
    // No page size given: none is sent, and the spec's default (10) judges short pages.
    assert_eq!(
        requested_pages(&server).await,
        vec![("1".to_owned(), "-".to_owned())]
    );
}

#[tokio::test]
async fn an_error_is_yielded_and_ends_the_stream() {
    let (server, client) = setup(50, true, Some(2)).await;
    let results: Vec<_> = client
        .describe_instances()
        .region_id("cn-hangzhou")
        .into_paginator()
        .page_size(10)
        .send()
        .collect()
        .await;
    assert_eq!(results.len(), 2);
    assert!(results[0].is_ok());
    let err = results[1].as_ref().expect_err("page 2 fails");
    assert_eq!(
        err.service_error().map(|e| e.code().to_owned()),
        Some("InvalidParameter".to_owned())
    );
    assert_eq!(requested_pages(&server).await.len(), 2);
}

#[tokio::test]
async fn a_page_size_beyond_the_api_maximum_is_rejected_before_sending() {
    let (server, client) = setup(5, true, None).await;
    let results: Vec<_> = client
        .describe_instances()
        .region_id("cn-hangzhou")
        .into_paginator()
        .page_size(500)
        .send()
        .collect()
        .await;
    assert!(
        matches!(&results[..], [Err(SdkError::Validation(v))] if v.parameter() == "PageSize"),
        "{results:?}"
    );
    assert!(requested_pages(&server).await.is_empty());
}
