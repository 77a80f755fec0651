//! One wire test per launch-template API: a valid request goes through the typed client to a
//! local server, and the parameters that arrive are compared with values written out by hand
//! from 001's parameter tables and request examples (chapter 6), in particular the repeat
//! lists (`DeleteVersion.N`, `DataDisk.N.*`, `Tag.N.*`) and flattened structs. Each API with
//! constraints also gets a bad-input case that fails validation before any network I/O.

use ecs_tests::wire::{assert_sent, client_without_server, refused, sent};

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
    let v = refused(
        client_without_server()
            .delete_launch_template()
            .region_id("cn-hangzhou")
            .send()
            .await,
    );
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
    let v = refused(
        client_without_server()
            .delete_launch_template_version()
            .region_id("cn-hangzhou")
            .launch_template_id("lt-1")
            .delete_version(0)
            .send()
            .await,
    );
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
    let v = refused(
        client_without_server()
            .modify_launch_template_default_version()
            .region_id("cn-hangzhou")
            .default_version_number(2)
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "LaunchTemplateId, LaunchTemplateName");
}

#[tokio::test]
async fn describe_launch_templates() {
    use ecs_client::types::Tag;
    let s = sent(OK, async |c| {
        c.describe_launch_templates()
            .region_id("cn-hangzhou")
            .launch_template_id("lt-1")
            .launch_template_id("lt-2")
            .launch_template_name("lt-name1")
            .tag(Tag::new().key("env").value("prod"))
            .template_tag(Tag::new().key("team").value("ops"))
            .page_number(2)
            .page_size(50)
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "DescribeLaunchTemplates",
        &[
            ("RegionId", "cn-hangzhou"),
            ("LaunchTemplateId.1", "lt-1"),
            ("LaunchTemplateId.2", "lt-2"),
            ("LaunchTemplateName.1", "lt-name1"),
            ("Tag.1.Key", "env"),
            ("Tag.1.Value", "prod"),
            ("TemplateTag.1.Key", "team"),
            ("TemplateTag.1.Value", "ops"),
            ("PageNumber", "2"),
            ("PageSize", "50"),
        ],
    );
}

#[tokio::test]
async fn describe_launch_templates_rejects_a_page_size_over_50() {
    let v = refused(
        client_without_server()
            .describe_launch_templates()
            .region_id("cn-hangzhou")
            .page_size(51)
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "PageSize");
}

#[tokio::test]
async fn describe_launch_template_versions() {
    let body = r#"{"RequestId":"r-1","TotalCount":1,"PageNumber":1,"PageSize":10,
        "LaunchTemplateVersionSets":{"LaunchTemplateVersionSet":[{"VersionNumber":2,
        "LaunchTemplateData":{"SystemDisk.Category":"cloud_ssd","SystemDisk.Size":40,
        "DataDisks":{"DataDisk":[{"Size":100}]},"Tags":{"InstanceTag":[{"Key":"k","Value":"v"}]}}}]}}"#;
    use ecs_client::describe_launch_template_versions::DescribeLaunchTemplateVersionsOutput;
    let mut out: Option<DescribeLaunchTemplateVersionsOutput> = None;
    let s = sent(body, async |c| {
        let r = c
            .describe_launch_template_versions()
            .region_id("cn-hangzhou")
            .launch_template_name("lt-name1")
            .launch_template_version(1)
            .launch_template_version(2)
            .default_version(false)
            .send()
            .await;
        if let Ok(o) = &r {
            out = Some(o.clone());
        }
        r
    })
    .await;
    assert_sent(
        &s,
        "DescribeLaunchTemplateVersions",
        &[
            ("RegionId", "cn-hangzhou"),
            ("LaunchTemplateName", "lt-name1"),
            ("LaunchTemplateVersion.1", "1"),
            ("LaunchTemplateVersion.2", "2"),
            ("DefaultVersion", "false"),
        ],
    );
    // The system disk comes back under literal dotted JSON keys.
    let out = out.expect("an output");
    let version = &out.launch_template_version_sets[0];
    let data = version.launch_template_data.as_ref().expect("data");
    assert_eq!(data.system_disk_category.as_deref(), Some("cloud_ssd"));
    assert_eq!(data.system_disk_size, Some(40));
    assert_eq!(data.data_disks[0].size, Some(100));
    assert_eq!(data.tags[0].key.as_deref(), Some("k"));
}

#[tokio::test]
async fn describe_launch_template_versions_needs_an_id_or_a_name() {
    let v = refused(
        client_without_server()
            .describe_launch_template_versions()
            .region_id("cn-hangzhou")
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "LaunchTemplateId, LaunchTemplateName");
}

#[tokio::test]
async fn create_launch_template() {
    use ecs_client::types::{
        LaunchTemplateDataDiskSpec, LaunchTemplateNetworkInterfaceSpec, LaunchTemplateSystemDisk,
        Tag,
    };
    let s = sent(
        r#"{"RequestId":"r-1","LaunchTemplateId":"lt-m5eiaupmvm2op9dxxxxx"}"#,
        async |c| {
            c.create_launch_template()
                .region_id("cn-hangzhou")
                .launch_template_name("lt-name1")
                .instance_type("ecs.cm4.6xlarge")
                .security_group_id("sg-securitygroupid")
                .internet_max_bandwidth_out(10)
                .system_disk(
                    LaunchTemplateSystemDisk::new()
                        .category("cloud_ssd")
                        .size(40),
                )
                .data_disk(
                    LaunchTemplateDataDiskSpec::new()
                        .category("cloud_efficiency")
                        .size(100)
                        .delete_with_instance(true),
                )
                .network_interface(
                    LaunchTemplateNetworkInterfaceSpec::new()
                        .v_switch_id("vsw-1")
                        .security_group_id("sg-2"),
                )
                .tag(Tag::new().key("env").value("prod"))
                .template_tag(Tag::new().key("team").value("ops"))
                .send()
                .await
        },
    )
    .await;
    assert_sent(
        &s,
        "CreateLaunchTemplate",
        &[
            ("RegionId", "cn-hangzhou"),
            ("LaunchTemplateName", "lt-name1"),
            ("InstanceType", "ecs.cm4.6xlarge"),
            ("SecurityGroupId", "sg-securitygroupid"),
            ("InternetMaxBandwidthOut", "10"),
            ("SystemDisk.Category", "cloud_ssd"),
            ("SystemDisk.Size", "40"),
            ("DataDisk.1.Category", "cloud_efficiency"),
            ("DataDisk.1.Size", "100"),
            ("DataDisk.1.DeleteWithInstance", "true"),
            ("NetworkInterface.1.VSwitchId", "vsw-1"),
            ("NetworkInterface.1.SecurityGroupId", "sg-2"),
            ("Tag.1.Key", "env"),
            ("Tag.1.Value", "prod"),
            ("TemplateTag.1.Key", "team"),
            ("TemplateTag.1.Value", "ops"),
        ],
    );
}

#[tokio::test]
async fn create_launch_template_rejects_a_name_starting_with_a_digit() {
    let v = refused(
        client_without_server()
            .create_launch_template()
            .region_id("cn-hangzhou")
            .launch_template_name("1-template")
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "LaunchTemplateName");
}

#[tokio::test]
async fn create_launch_template_rejects_a_basic_data_disk_over_2000_gib() {
    use ecs_client::types::LaunchTemplateDataDiskSpec;
    let v = refused(
        client_without_server()
            .create_launch_template()
            .region_id("cn-hangzhou")
            .launch_template_name("lt-name1")
            .data_disk(
                LaunchTemplateDataDiskSpec::new()
                    .category("cloud")
                    .size(3000),
            )
            .send()
            .await,
    );
    assert!(v.parameter().contains("Size"), "{v}");
}

#[tokio::test]
async fn create_launch_template_version() {
    use ecs_client::types::{LaunchTemplateDataDiskSpec, Tag};
    let s = sent(
        r#"{"RequestId":"r-1","LaunchTemplateVersionNumber":2}"#,
        async |c| {
            c.create_launch_template_version()
                .region_id("cn-hangzhou")
                .launch_template_name("lt-name1")
                .instance_type("ecs.cm4.6xlarge")
                .security_group_id("sg-securitygroupid")
                .version_description("second version")
                .data_disk(
                    LaunchTemplateDataDiskSpec::new()
                        .category("cloud_ssd")
                        .size(200)
                        .encrypted(true),
                )
                .tag(Tag::new().key("env").value("prod"))
                .send()
                .await
        },
    )
    .await;
    assert_sent(
        &s,
        "CreateLaunchTemplateVersion",
        &[
            ("RegionId", "cn-hangzhou"),
            ("LaunchTemplateName", "lt-name1"),
            ("InstanceType", "ecs.cm4.6xlarge"),
            ("SecurityGroupId", "sg-securitygroupid"),
            ("VersionDescription", "second version"),
            ("DataDisk.1.Category", "cloud_ssd"),
            ("DataDisk.1.Size", "200"),
            ("DataDisk.1.Encrypted", "true"),
            ("Tag.1.Key", "env"),
            ("Tag.1.Value", "prod"),
        ],
    );
}

#[tokio::test]
async fn create_launch_template_version_needs_an_id_or_a_name() {
    let v = refused(
        client_without_server()
            .create_launch_template_version()
            .region_id("cn-hangzhou")
            .instance_type("ecs.cm4.6xlarge")
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "LaunchTemplateId, LaunchTemplateName");
}

#[tokio::test]
async fn create_launch_template_version_rejects_outbound_bandwidth_over_100() {
    let v = refused(
        client_without_server()
            .create_launch_template_version()
            .region_id("cn-hangzhou")
            .launch_template_id("lt-1")
            .internet_max_bandwidth_out(101)
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "InternetMaxBandwidthOut");
}
