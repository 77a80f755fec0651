//! One wire test per VPC, VRouter, VSwitch and route-entry API (all documented by 002 only): a
//! valid request goes through the typed client to a local server, and the parameters that
//! arrive are compared with values written out by hand from 002's parameter tables and request
//! examples (repaired where the examples name the wrong parameter). Each API with constraints
//! also gets a bad-input case proving validation fails before any network I/O.

use ecs_tests::wire::{assert_sent, client_without_server, sent};

const OK: &str = r#"{"RequestId":"r-1"}"#;

#[tokio::test]
async fn describe_vpcs() {
    let s = sent(OK, async |c| {
        c.describe_vpcs()
            .region_id("cn-beijing")
            .vpc_id("vpc-257gq642n")
            .page_number(2)
            .page_size(50)
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "DescribeVpcs",
        &[
            ("RegionId", "cn-beijing"),
            ("VpcId", "vpc-257gq642n"),
            ("PageNumber", "2"),
            ("PageSize", "50"),
        ],
    );
}

#[tokio::test]
async fn describe_vpcs_rejects_a_page_size_above_50() {
    let err = client_without_server()
        .describe_vpcs()
        .region_id("cn-beijing")
        .page_size(51)
        .send()
        .await
        .unwrap_err();
    let v = err.validation_error().expect("a validation error");
    assert_eq!(v.parameter(), "PageSize");
}
