//! One wire test per deployment-set and SSH key-pair API: a valid request goes through the
//! typed client to a local server, and the parameters that arrive are compared with values
//! written out by hand from the documents' parameter tables and request examples (001
//! chapters 11 and 12, 000 chapter 5) — in particular the JSON-array lists
//! (`DeploymentSetIds`, `InstanceIds`, `KeyPairNames`) and the `Tag.N.*` repeat lists. Each
//! API with constraints also gets a bad-input case that must fail validation before any I/O.

use ecs_tests::wire::{assert_sent, refused, sent};

const OK: &str = r#"{"RequestId":"r-1"}"#;

#[tokio::test]
async fn create_deployment_set() {
    let s = sent(
        r#"{"RequestId":"r-1","DeploymentSetId":"ds-bp1frxuzdg87zh4pzqkcm"}"#,
        async |c| {
            c.create_deployment_set()
                .region_id("cn-hangzhou")
                .deployment_strategy("Availability")
                .deployment_set_name("AvailMySet")
                .on_unable_to_redeploy_failed_instance("KeepStopped")
                .client_token("token-1")
                .send()
                .await
        },
    )
    .await;
    assert_sent(
        &s,
        "CreateDeploymentSet",
        &[
            ("RegionId", "cn-hangzhou"),
            ("DeploymentStrategy", "Availability"),
            ("DeploymentSetName", "AvailMySet"),
            ("OnUnableToRedeployFailedInstance", "KeepStopped"),
            ("ClientToken", "token-1"),
        ],
    );
}

#[tokio::test]
async fn create_deployment_set_rejects_a_name_starting_with_a_digit() {
    let v = refused(
        ecs_tests::wire::client_without_server()
            .create_deployment_set()
            .region_id("cn-hangzhou")
            .deployment_strategy("Availability")
            .deployment_set_name("1set")
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "DeploymentSetName");
}

#[tokio::test]
async fn delete_deployment_set() {
    let s = sent(OK, async |c| {
        c.delete_deployment_set()
            .region_id("cn-hangzhou")
            .deployment_set_id("ds-bp1frxuzdg87zh4pzqkc")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "DeleteDeploymentSet",
        &[
            ("RegionId", "cn-hangzhou"),
            ("DeploymentSetId", "ds-bp1frxuzdg87zh4pzqkc"),
        ],
    );
}

#[tokio::test]
async fn delete_deployment_set_rejects_a_missing_id() {
    let v = refused(
        ecs_tests::wire::client_without_server()
            .delete_deployment_set()
            .region_id("cn-hangzhou")
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "DeploymentSetId");
}

#[tokio::test]
async fn modify_deployment_set_attributes() {
    let s = sent(OK, async |c| {
        c.modify_deployment_set_attributes()
            .region_id("cn-hangzhou")
            .deployment_set_id("ds-bp1frxuzdg87zh4pzqkc")
            .deployment_set_name("AvailMySet")
            .description("FinanceDept")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "ModifyDeploymentSetAttributes",
        &[
            ("RegionId", "cn-hangzhou"),
            ("DeploymentSetId", "ds-bp1frxuzdg87zh4pzqkc"),
            ("DeploymentSetName", "AvailMySet"),
            ("Description", "FinanceDept"),
        ],
    );
}

#[tokio::test]
async fn modify_deployment_set_attributes_rejects_a_url_description() {
    let v = refused(
        ecs_tests::wire::client_without_server()
            .modify_deployment_set_attributes()
            .region_id("cn-hangzhou")
            .deployment_set_id("ds-bp1frxuzdg87zh4pzqkc")
            .description("https://example.com/set")
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "Description");
}

#[tokio::test]
async fn describe_deployment_sets() {
    let s = sent(OK, async |c| {
        c.describe_deployment_sets()
            .region_id("cn-hangzhou")
            .deployment_set_ids("ds-bp13v7bjnj9gisnlo1")
            .deployment_set_ids("ds-bp1frxuzdg87zh4pzqkc")
            .strategy("Availability")
            .page_number(1)
            .page_size(10)
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "DescribeDeploymentSets",
        &[
            ("RegionId", "cn-hangzhou"),
            (
                "DeploymentSetIds",
                r#"["ds-bp13v7bjnj9gisnlo1","ds-bp1frxuzdg87zh4pzqkc"]"#,
            ),
            ("Strategy", "Availability"),
            ("PageNumber", "1"),
            ("PageSize", "10"),
        ],
    );
}

#[tokio::test]
async fn describe_deployment_sets_rejects_more_than_100_ids() {
    let mut req = ecs_tests::wire::client_without_server()
        .describe_deployment_sets()
        .region_id("cn-hangzhou");
    for i in 0..101 {
        req = req.deployment_set_ids(format!("ds-{i}"));
    }
    let err = req.send().await.unwrap_err();
    let v = err.validation_error().expect("a validation error");
    assert_eq!(v.parameter(), "DeploymentSetIds");
}

#[tokio::test]
async fn modify_instance_deployment() {
    let s = sent(OK, async |c| {
        c.modify_instance_deployment()
            .region_id("cn-hangzhou")
            .instance_id("i-instance1")
            .deployment_set_id("ds-bp13v7bjnj9gisnlo1")
            .force(true)
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "ModifyInstanceDeployment",
        &[
            ("RegionId", "cn-hangzhou"),
            ("InstanceId", "i-instance1"),
            ("DeploymentSetId", "ds-bp13v7bjnj9gisnlo1"),
            ("Force", "true"),
        ],
    );
}

#[tokio::test]
async fn modify_instance_deployment_needs_a_set_or_a_dedicated_host() {
    let err = ecs_tests::wire::client_without_server()
        .modify_instance_deployment()
        .region_id("cn-hangzhou")
        .instance_id("i-instance1")
        .send()
        .await
        .unwrap_err();
    assert!(
        err.validation_error().is_some(),
        "a validation error expected, got {err:?}"
    );
}

#[tokio::test]
async fn create_key_pair() {
    use ecs_client::types::Tag;
    let s = sent(
        r#"{"RequestId":"r-1","KeyPairName":"test","PrivateKeyBody":"k"}"#,
        async |c| {
            c.create_key_pair()
                .region_id("cn-qingdao")
                .key_pair_name("test")
                .tag(Tag::new().key("env").value("prod"))
                .tag(Tag::new().key("team").value(""))
                .send()
                .await
        },
    )
    .await;
    assert_sent(
        &s,
        "CreateKeyPair",
        &[
            ("RegionId", "cn-qingdao"),
            ("KeyPairName", "test"),
            ("Tag.1.Key", "env"),
            ("Tag.1.Value", "prod"),
            ("Tag.2.Key", "team"),
            ("Tag.2.Value", ""),
        ],
    );
}

#[tokio::test]
async fn create_key_pair_rejects_a_too_long_name() {
    let v = refused(
        ecs_tests::wire::client_without_server()
            .create_key_pair()
            .region_id("cn-hangzhou")
            .key_pair_name("x".repeat(200))
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "KeyPairName");
}

#[tokio::test]
async fn import_key_pair() {
    let s = sent(OK, async |c| {
        c.import_key_pair()
            .region_id("cn-qingdao")
            .public_key_body("ssh-rsa AAAAB3NzaC1yc2E user@host")
            .key_pair_name("test")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "ImportKeyPair",
        &[
            ("RegionId", "cn-qingdao"),
            ("PublicKeyBody", "ssh-rsa AAAAB3NzaC1yc2E user@host"),
            ("KeyPairName", "test"),
        ],
    );
}

#[tokio::test]
async fn import_key_pair_rejects_a_url_name() {
    let v = refused(
        ecs_tests::wire::client_without_server()
            .import_key_pair()
            .region_id("cn-qingdao")
            .public_key_body("ssh-rsa AAAAB3NzaC1yc2E user@host")
            .key_pair_name("http://key")
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "KeyPairName");
}

#[tokio::test]
async fn attach_key_pair() {
    let s = sent(OK, async |c| {
        c.attach_key_pair()
            .region_id("cn-qingdao")
            .key_pair_name("test")
            .instance_ids("i-XXXXX")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "AttachKeyPair",
        &[
            ("RegionId", "cn-qingdao"),
            ("KeyPairName", "test"),
            ("InstanceIds", r#"["i-XXXXX"]"#),
        ],
    );
}

#[tokio::test]
async fn attach_key_pair_rejects_more_than_50_instances() {
    let mut req = ecs_tests::wire::client_without_server()
        .attach_key_pair()
        .region_id("cn-qingdao")
        .key_pair_name("test");
    for i in 0..51 {
        req = req.instance_ids(format!("i-{i}"));
    }
    let err = req.send().await.unwrap_err();
    let v = err.validation_error().expect("a validation error");
    assert_eq!(v.parameter(), "InstanceIds");
}

#[tokio::test]
async fn detach_key_pair() {
    let s = sent(OK, async |c| {
        c.detach_key_pair()
            .region_id("cn-qingdao")
            .instance_ids("i-xxxxxxx")
            .instance_ids("i-yyyyyyy")
            .key_pair_name("test")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "DetachKeyPair",
        &[
            ("RegionId", "cn-qingdao"),
            ("InstanceIds", r#"["i-xxxxxxx","i-yyyyyyy"]"#),
            ("KeyPairName", "test"),
        ],
    );
}

#[tokio::test]
async fn detach_key_pair_rejects_more_than_50_instances() {
    let mut req = ecs_tests::wire::client_without_server()
        .detach_key_pair()
        .region_id("cn-qingdao")
        .key_pair_name("test");
    for i in 0..51 {
        req = req.instance_ids(format!("i-{i}"));
    }
    let err = req.send().await.unwrap_err();
    let v = err.validation_error().expect("a validation error");
    assert_eq!(v.parameter(), "InstanceIds");
}

#[tokio::test]
async fn delete_key_pairs() {
    let s = sent(OK, async |c| {
        c.delete_key_pairs()
            .region_id("cn-qingdao")
            .key_pair_names("test")
            .key_pair_names("test2")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "DeleteKeyPairs",
        &[
            ("RegionId", "cn-qingdao"),
            ("KeyPairNames", r#"["test","test2"]"#),
        ],
    );
}

#[tokio::test]
async fn delete_key_pairs_rejects_an_empty_name_list() {
    let v = refused(
        ecs_tests::wire::client_without_server()
            .delete_key_pairs()
            .region_id("cn-qingdao")
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "KeyPairNames");
}

#[tokio::test]
async fn describe_key_pairs() {
    use ecs_client::types::Tag;
    let s = sent(OK, async |c| {
        c.describe_key_pairs()
            .region_id("cn-qingdao")
            .key_pair_finger_print("xxxxxxxxxx")
            .key_pair_name("test")
            .tag(Tag::new().key("env").value("prod"))
            .page_number(1)
            .page_size(20)
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "DescribeKeyPairs",
        &[
            ("RegionId", "cn-qingdao"),
            ("KeyPairFingerPrint", "xxxxxxxxxx"),
            ("KeyPairName", "test"),
            ("Tag.1.Key", "env"),
            ("Tag.1.Value", "prod"),
            ("PageNumber", "1"),
            ("PageSize", "20"),
        ],
    );
}

#[tokio::test]
async fn describe_key_pairs_rejects_a_page_size_over_50() {
    let v = refused(
        ecs_tests::wire::client_without_server()
            .describe_key_pairs()
            .region_id("cn-qingdao")
            .page_size(51)
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "PageSize");
}

/// PrivateKeyBody is `sensitive: true`: it decodes, but Debug output never shows it.
#[tokio::test]
async fn create_key_pair_output_redacts_the_private_key() {
    let mut shown = String::new();
    let mut key = None;
    sent(
        r#"{"RequestId":"r-1","KeyPairName":"test","PrivateKeyBody":"SentinelPrivateKey0004"}"#,
        async |c| {
            let r = c
                .create_key_pair()
                .region_id("cn-qingdao")
                .key_pair_name("test")
                .send()
                .await;
            if let Ok(out) = &r {
                shown = format!("{out:?}");
                key = out.private_key_body.clone();
            }
            r
        },
    )
    .await;
    assert_eq!(key.as_deref(), Some("SentinelPrivateKey0004"));
    assert!(shown.contains("test"), "{shown}");
    assert!(!shown.contains("SentinelPrivateKey0004"), "{shown}");
}
