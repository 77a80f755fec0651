//! One wire test per compute, region and tag API (issue 3): a valid request goes through the
//! typed client to a local server, and the parameters that arrive are compared with values
//! written out by hand from the documents' parameter tables and request examples — in
//! particular the list encodings (`Name.N` repeats, JSON arrays) and flattened structs.

use ecs_tests::wire::{assert_sent, refused, sent};

const OK: &str = r#"{"RequestId":"r-1"}"#;

#[tokio::test]
async fn run_instances() {
    use ecs_client::run_instances::{DataDisk, SystemDisk};
    use ecs_client::types::Tag;
    let s = sent(OK, async |c| {
        c.run_instances()
            .region_id("cn-hangzhou")
            .image_id("centos_7_06_64_20G_alibase_20190218.vhd")
            .instance_type("ecs.cm4.6xlarge")
            .security_group_id("sg-securitygroupid")
            .amount(3)
            .system_disk(SystemDisk::new().category("cloud_ssd").size(40))
            .data_disk(DataDisk::new().size(100).category("cloud_ssd"))
            .tag(Tag::new().key("env").value("prod"))
            .ipv6_address("2001:db8::1")
            .client_token("token-1")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "RunInstances",
        &[
            ("RegionId", "cn-hangzhou"),
            ("ImageId", "centos_7_06_64_20G_alibase_20190218.vhd"),
            ("InstanceType", "ecs.cm4.6xlarge"),
            ("SecurityGroupId", "sg-securitygroupid"),
            ("Amount", "3"),
            ("SystemDisk.Category", "cloud_ssd"),
            ("SystemDisk.Size", "40"),
            ("DataDisk.1.Size", "100"),
            ("DataDisk.1.Category", "cloud_ssd"),
            ("Tag.1.Key", "env"),
            ("Tag.1.Value", "prod"),
            ("Ipv6Address.1", "2001:db8::1"),
            ("ClientToken", "token-1"),
        ],
    );
}

/// CreateInstance is deprecated in favour of RunInstances but still part of the API.
#[tokio::test]
#[allow(deprecated)]
async fn create_instance() {
    use ecs_client::create_instance::{DataDisk, SystemDisk};
    use ecs_client::types::Tag;
    let s = sent(r#"{"RequestId":"r-1","InstanceId":"i-1"}"#, async |c| {
        c.create_instance()
            .region_id("cn-hangzhou")
            .image_id("ubuntu_18_04_64_20G_alibase_20190624.vhd")
            .instance_type("ecs.g6.large")
            .security_group_id("sg-bp15ed6xe1yxeycg****")
            .instance_charge_type("PrePaid")
            .period(1)
            .system_disk(SystemDisk::new().category("cloud_ssd").size(40))
            .data_disk(DataDisk::new().size(2000).category("cloud_ssd"))
            .tag(Tag::new().key("TestKey").value("TestValue"))
            .client_token("token-1")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "CreateInstance",
        &[
            ("RegionId", "cn-hangzhou"),
            ("ImageId", "ubuntu_18_04_64_20G_alibase_20190624.vhd"),
            ("InstanceType", "ecs.g6.large"),
            ("SecurityGroupId", "sg-bp15ed6xe1yxeycg****"),
            ("InstanceChargeType", "PrePaid"),
            ("Period", "1"),
            ("SystemDisk.Category", "cloud_ssd"),
            ("SystemDisk.Size", "40"),
            ("DataDisk.1.Size", "2000"),
            ("DataDisk.1.Category", "cloud_ssd"),
            ("Tag.1.Key", "TestKey"),
            ("Tag.1.Value", "TestValue"),
            ("ClientToken", "token-1"),
        ],
    );
}

#[tokio::test]
async fn start_instance() {
    let s = sent(OK, async |c| {
        c.start_instance()
            .instance_id("i-instance1")
            .init_local_disk(false)
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "StartInstance",
        &[("InstanceId", "i-instance1"), ("InitLocalDisk", "false")],
    );
}

#[tokio::test]
async fn stop_instance() {
    let s = sent(OK, async |c| {
        c.stop_instance()
            .instance_id("i-instance1")
            .force_stop(false)
            .stopped_mode("KeepCharging")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "StopInstance",
        &[
            ("InstanceId", "i-instance1"),
            ("ForceStop", "false"),
            ("StoppedMode", "KeepCharging"),
        ],
    );
}

#[tokio::test]
async fn describe_instances() {
    use ecs_client::types::Tag;
    let s = sent(OK, async |c| {
        c.describe_instances()
            .region_id("cn-hangzhou")
            .instance_ids("i-1")
            .instance_ids("i-2")
            .private_ip_addresses("10.0.0.1")
            .status("Running")
            .tag(Tag::new().key("env").value("prod"))
            .page_size(50)
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "DescribeInstances",
        &[
            ("RegionId", "cn-hangzhou"),
            ("InstanceIds", r#"["i-1","i-2"]"#),
            ("PrivateIpAddresses", r#"["10.0.0.1"]"#),
            ("Status", "Running"),
            ("Tag.1.Key", "env"),
            ("Tag.1.Value", "prod"),
            ("PageSize", "50"),
        ],
    );
}

#[tokio::test]
async fn describe_instance_status() {
    let s = sent(OK, async |c| {
        c.describe_instance_status()
            .region_id("cn-hangzhou")
            .zone_id("cn-hangzhou-b")
            .page_number(2)
            .page_size(50)
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "DescribeInstanceStatus",
        &[
            ("RegionId", "cn-hangzhou"),
            ("ZoneId", "cn-hangzhou-b"),
            ("PageNumber", "2"),
            ("PageSize", "50"),
        ],
    );
}

#[tokio::test]
async fn describe_regions() {
    let s = sent(OK, async |c| {
        c.describe_regions().accept_language("zh-CN").send().await
    })
    .await;
    assert_sent(&s, "DescribeRegions", &[("AcceptLanguage", "zh-CN")]);
}

#[tokio::test]
async fn describe_zones() {
    let s = sent(OK, async |c| {
        c.describe_zones()
            .region_id("cn-hangzhou")
            .instance_charge_type("PostPaid")
            .spot_strategy("SpotAsPriceGo")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "DescribeZones",
        &[
            ("RegionId", "cn-hangzhou"),
            ("InstanceChargeType", "PostPaid"),
            ("SpotStrategy", "SpotAsPriceGo"),
        ],
    );
}

#[tokio::test]
async fn add_tags() {
    use ecs_client::types::Tag;
    let s = sent(OK, async |c| {
        c.add_tags()
            .region_id("cn-shenzhen")
            .resource_type("snapshot")
            .resource_id("s-946ntx4wr")
            .tag(Tag::new().key("test").value("api"))
            .tag(Tag::new().key("team").value(""))
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "AddTags",
        &[
            ("RegionId", "cn-shenzhen"),
            ("ResourceType", "snapshot"),
            ("ResourceId", "s-946ntx4wr"),
            ("Tag.1.Key", "test"),
            ("Tag.1.Value", "api"),
            ("Tag.2.Key", "team"),
            ("Tag.2.Value", ""),
        ],
    );
}

#[tokio::test]
async fn modify_instance_vpc_attribute() {
    let s = sent(OK, async |c| {
        c.modify_instance_vpc_attribute()
            .instance_id("i-bp1iudwa5b1tqaxxxxxx")
            .v_switch_id("vsw-vswitchid1")
            .private_ip_address("172.16.0.10")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "ModifyInstanceVpcAttribute",
        &[
            ("InstanceId", "i-bp1iudwa5b1tqaxxxxxx"),
            ("VSwitchId", "vsw-vswitchid1"),
            ("PrivateIpAddress", "172.16.0.10"),
        ],
    );
}

#[tokio::test]
async fn modify_instance_charge_type() {
    let s = sent(OK, async |c| {
        c.modify_instance_charge_type()
            .region_id("cn-hangzhou")
            .instance_ids("i-xxxxx1")
            .instance_ids("i-xxxxx2")
            .period(1)
            .period_unit("Month")
            .auto_pay(false)
            .include_data_disks(true)
            .client_token("xxxxxxxxxxxxxx")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "ModifyInstanceChargeType",
        &[
            ("RegionId", "cn-hangzhou"),
            ("InstanceIds", r#"["i-xxxxx1","i-xxxxx2"]"#),
            ("Period", "1"),
            ("PeriodUnit", "Month"),
            ("AutoPay", "false"),
            ("IncludeDataDisks", "true"),
            ("ClientToken", "xxxxxxxxxxxxxx"),
        ],
    );
}

#[tokio::test]
async fn modify_instance_spec() {
    let s = sent(OK, async |c| {
        c.modify_instance_spec()
            .instance_id("i-xxxxx1")
            .instance_type("ecs.s1.large")
            .client_token("xxxxxxxxx")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "ModifyInstanceSpec",
        &[
            ("InstanceId", "i-xxxxx1"),
            ("InstanceType", "ecs.s1.large"),
            ("ClientToken", "xxxxxxxxx"),
        ],
    );
}

#[tokio::test]
async fn modify_prepay_instance_spec() {
    use ecs_client::modify_prepay_instance_spec::SystemDisk;
    let s = sent(OK, async |c| {
        c.modify_prepay_instance_spec()
            .region_id("cn-hangzhou")
            .instance_id("i-xxxxx1")
            .instance_type("ecs.s1.large")
            .auto_pay(true)
            .operator_type("upgrade")
            .system_disk(SystemDisk::new().category("cloud_ssd"))
            .client_token("123e4567-e89b-12d3-a456-426655440000")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "ModifyPrepayInstanceSpec",
        &[
            ("RegionId", "cn-hangzhou"),
            ("InstanceId", "i-xxxxx1"),
            ("InstanceType", "ecs.s1.large"),
            ("AutoPay", "true"),
            ("OperatorType", "upgrade"),
            ("SystemDisk.Category", "cloud_ssd"),
            ("ClientToken", "123e4567-e89b-12d3-a456-426655440000"),
        ],
    );
}

#[tokio::test]
async fn attach_instance_ram_role() {
    let s = sent(OK, async |c| {
        c.attach_instance_ram_role()
            .region_id("cn-hangzhou")
            .ram_role_name("RamRoleTest")
            .instance_ids("i-instance1")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "AttachInstanceRamRole",
        &[
            ("RegionId", "cn-hangzhou"),
            ("RamRoleName", "RamRoleTest"),
            ("InstanceIds", r#"["i-instance1"]"#),
        ],
    );
}

#[tokio::test]
async fn detach_instance_ram_role() {
    let s = sent(OK, async |c| {
        c.detach_instance_ram_role()
            .region_id("cn-hangzhou")
            .ram_role_name("RamRoleTest")
            .instance_ids("i-instance1")
            .instance_ids("i-instance2")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "DetachInstanceRamRole",
        &[
            ("RegionId", "cn-hangzhou"),
            ("RamRoleName", "RamRoleTest"),
            ("InstanceIds", r#"["i-instance1","i-instance2"]"#),
        ],
    );
}

#[tokio::test]
async fn describe_instance_ram_role() {
    let s = sent(OK, async |c| {
        c.describe_instance_ram_role()
            .region_id("cn-hangzhou")
            .instance_ids("i-instance1")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "DescribeInstanceRamRole",
        &[
            ("RegionId", "cn-hangzhou"),
            ("InstanceIds", r#"["i-instance1"]"#),
        ],
    );
}

#[tokio::test]
async fn describe_spot_price_history() {
    let s = sent(OK, async |c| {
        c.describe_spot_price_history()
            .region_id("cn-hangzhou")
            .zone_id("cn-hangzhou-c")
            .network_type("vpc")
            .instance_type("ecs.t1.xsmall")
            .io_optimized("none")
            .start_time("2017-08-22T08:45:08Z")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "DescribeSpotPriceHistory",
        &[
            ("RegionId", "cn-hangzhou"),
            ("ZoneId", "cn-hangzhou-c"),
            ("NetworkType", "vpc"),
            ("InstanceType", "ecs.t1.xsmall"),
            ("IoOptimized", "none"),
            ("StartTime", "2017-08-22T08:45:08Z"),
        ],
    );
}

#[tokio::test]
async fn describe_instance_types() {
    let s = sent(OK, async |c| {
        c.describe_instance_types()
            .instance_type_family("ecs.g5")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "DescribeInstanceTypes",
        &[("InstanceTypeFamily", "ecs.g5")],
    );
}

#[tokio::test]
async fn describe_instance_type_families() {
    let s = sent(OK, async |c| {
        c.describe_instance_type_families()
            .region_id("cn-hangzhou")
            .generation("ecs-3")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "DescribeInstanceTypeFamilies",
        &[("RegionId", "cn-hangzhou"), ("Generation", "ecs-3")],
    );
}

#[tokio::test]
async fn stop_instance_rejects_an_unknown_stopped_mode_before_sending() {
    let v = refused(
        ecs_tests::wire::client_without_server()
            .stop_instance()
            .instance_id("i-1")
            .stopped_mode("Sometimes")
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "StoppedMode");
}

/// (Kept out of redaction.rs, whose log capture must be the only tracing user in its binary.)
/// Response fields marked `sensitive` (a console URL that grants access while valid, private
/// key material) decode normally but never show in `Debug` output.
#[tokio::test]
async fn sensitive_response_fields_are_redacted_in_debug() {
    const URL: &str = "ws%3A%2F%2Fvncproxy.example%2Fwebsockify%2F%3Fs%3Dsecret-session";
    let body = format!(r#"{{"RequestId":"r-vnc","VncUrl":"{URL}"}}"#);
    let mut out = None;
    ecs_tests::wire::sent(&body, async |c| {
        out = Some(
            c.describe_instance_vnc_url()
                .region_id("cn-hangzhou")
                .instance_id("i-1")
                .send()
                .await?,
        );
        Ok::<_, ecs_client::SdkError<_>>(())
    })
    .await;
    let out = out.expect("decoded");
    assert_eq!(
        out.vnc_url.as_deref(),
        Some(URL),
        "the value itself is kept"
    );
    let shown = format!("{out:?}");
    assert!(!shown.contains("secret-session"), "leaked: {shown}");
    assert!(shown.contains("r-vnc"), "other fields still shown: {shown}");
    assert!(shown.contains(ecs_runtime::validate::REDACTED), "{shown}");
}

#[tokio::test]
async fn reboot_instance() {
    let s = sent(OK, async |c| {
        c.reboot_instance()
            .instance_id("i-instance1")
            .force_stop(true)
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "RebootInstance",
        &[("InstanceId", "i-instance1"), ("ForceStop", "true")],
    );
}

#[tokio::test]
async fn delete_instance() {
    let s = sent(OK, async |c| {
        c.delete_instance()
            .instance_id("i-instance1")
            .force(true)
            .terminate_subscription(false)
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "DeleteInstance",
        &[
            ("InstanceId", "i-instance1"),
            ("Force", "true"),
            ("TerminateSubscription", "false"),
        ],
    );
}

#[tokio::test]
async fn reactivate_instances() {
    let s = sent(OK, async |c| {
        c.reactivate_instances()
            .instance_id("i-instance1")
            .send()
            .await
    })
    .await;
    assert_sent(&s, "ReactivateInstances", &[("InstanceId", "i-instance1")]);
}

#[tokio::test]
async fn renew_instance() {
    let s = sent(OK, async |c| {
        c.renew_instance()
            .instance_id("i-instance1")
            .period(2)
            .period_unit("Week")
            .client_token("t-1")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "RenewInstance",
        &[
            ("InstanceId", "i-instance1"),
            ("Period", "2"),
            ("PeriodUnit", "Week"),
            ("ClientToken", "t-1"),
        ],
    );
}

#[tokio::test]
async fn renew_instance_period_depends_on_the_unit() {
    // 5 weeks is out of the Week list; 10 months is not in the Month list (the default unit).
    for (period, unit) in [(5, Some("Week")), (10, None)] {
        let mut call = ecs_tests::wire::client_without_server()
            .renew_instance()
            .instance_id("i-1")
            .period(period);
        if let Some(unit) = unit {
            call = call.period_unit(unit);
        }
        let err = call.send().await.unwrap_err();
        let v = err.validation_error().expect("a validation error");
        assert_eq!(v.parameter(), "Period", "{v}");
        assert!(v.to_string().contains(&period.to_string()), "{v}");
    }
}

#[tokio::test]
async fn describe_instance_attribute() {
    let s = sent(
        r#"{"RequestId":"r-1","InstanceId":"i-1","SecurityGroupIds":{"SecurityGroupId":["sg-1"]}}"#,
        async |c| {
            let out = c
                .describe_instance_attribute()
                .instance_id("i-instance1")
                .send()
                .await?;
            assert_eq!(out.security_group_ids, vec!["sg-1".to_owned()]);
            Ok::<_, ecs_client::SdkError<_>>(())
        },
    )
    .await;
    assert_sent(
        &s,
        "DescribeInstanceAttribute",
        &[("InstanceId", "i-instance1")],
    );
}

#[tokio::test]
async fn describe_instance_vnc_url() {
    let s = sent(OK, async |c| {
        c.describe_instance_vnc_url()
            .region_id("cn-qingdao")
            .instance_id("AY121018033933eaxxxxxxx")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "DescribeInstanceVncUrl",
        &[
            ("RegionId", "cn-qingdao"),
            ("InstanceId", "AY121018033933eaxxxxxxx"),
        ],
    );
}

#[tokio::test]
async fn modify_instance_vnc_passwd() {
    let s = sent(OK, async |c| {
        c.modify_instance_vnc_passwd()
            .region_id("cn-hangzhou")
            .instance_id("AY121018033933eae8689")
            .vnc_password("123456")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "ModifyInstanceVncPasswd",
        &[
            ("RegionId", "cn-hangzhou"),
            ("InstanceId", "AY121018033933eae8689"),
            ("VncPassword", "123456"),
        ],
    );
}

#[tokio::test]
async fn vnc_password_must_be_six_letters_or_digits_and_is_never_echoed() {
    for bad in ["12345", "1234567", "12345!"] {
        let v = refused(
            ecs_tests::wire::client_without_server()
                .modify_instance_vnc_passwd()
                .region_id("cn-hangzhou")
                .instance_id("i-1")
                .vnc_password(bad)
                .send()
                .await,
        );
        assert_eq!(v.parameter(), "VncPassword");
        let shown = format!("{v} {v:?}");
        assert!(!shown.contains(bad), "secret echoed: {shown}");
    }
}

#[tokio::test]
async fn describe_userdata() {
    let s = sent(
        r#"{"RequestId":"r-1","UserData":"ZWNobyBoaQ==","InstanceId":"i-instance1"}"#,
        async |c| {
            let out = c
                .describe_userdata()
                .region_id("cn-shenzhen")
                .instance_id("i-instance1")
                .send()
                .await?;
            assert_eq!(out.user_data.as_deref(), Some("ZWNobyBoaQ=="));
            Ok::<_, ecs_client::SdkError<_>>(())
        },
    )
    .await;
    assert_sent(
        &s,
        "DescribeUserdata",
        &[("RegionId", "cn-shenzhen"), ("InstanceId", "i-instance1")],
    );
}

#[tokio::test]
async fn describe_instance_auto_renew_attribute() {
    let s = sent(OK, async |c| {
        c.describe_instance_auto_renew_attribute()
            .region_id("cn-hangzhou")
            .instance_id("i-instance1")
            .instance_id("i-instance2")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "DescribeInstanceAutoRenewAttribute",
        &[
            ("RegionId", "cn-hangzhou"),
            ("InstanceId", "i-instance1,i-instance2"),
        ],
    );
}

#[tokio::test]
async fn modify_instance_auto_renew_attribute() {
    let s = sent(OK, async |c| {
        c.modify_instance_auto_renew_attribute()
            .region_id("cn-hangzhou")
            .instance_id("i-instance1")
            .instance_id("i-instance2")
            .duration(2)
            .auto_renew(true)
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "ModifyInstanceAutoRenewAttribute",
        &[
            ("RegionId", "cn-hangzhou"),
            ("InstanceId", "i-instance1,i-instance2"),
            ("Duration", "2"),
            ("AutoRenew", "true"),
        ],
    );
}

#[tokio::test]
async fn auto_renew_rejects_a_duration_outside_the_list_and_more_than_100_ids() {
    let err = ecs_tests::wire::client_without_server()
        .modify_instance_auto_renew_attribute()
        .region_id("cn-hangzhou")
        .instance_id("i-1")
        .duration(4)
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        err.validation_error().expect("validation").parameter(),
        "Duration"
    );

    let ids: Vec<String> = (0..101).map(|i| format!("i-{i}")).collect();
    let err = ecs_tests::wire::client_without_server()
        .describe_instance_auto_renew_attribute()
        .region_id("cn-hangzhou")
        .set_instance_id(Some(ids))
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        err.validation_error().expect("validation").parameter(),
        "InstanceId"
    );
}

#[tokio::test]
async fn modify_instance_auto_release_time() {
    let s = sent(OK, async |c| {
        c.modify_instance_auto_release_time()
            .instance_id("i-instance1")
            .auto_release_time("2018-01-01T01:02:00Z")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "ModifyInstanceAutoReleaseTime",
        &[
            ("InstanceId", "i-instance1"),
            ("AutoReleaseTime", "2018-01-01T01:02:00Z"),
        ],
    );
}

#[tokio::test]
async fn auto_release_time_must_be_an_iso_utc_time() {
    let v = refused(
        ecs_tests::wire::client_without_server()
            .modify_instance_auto_release_time()
            .instance_id("i-1")
            .auto_release_time("2018-01-01 01:02:00")
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "AutoReleaseTime");
}

#[tokio::test]
async fn modify_instance_attribute() {
    let s = sent(OK, async |c| {
        c.modify_instance_attribute()
            .instance_id("i-instance1")
            .credit_specification("Standard")
            .deletion_protection(false)
            .description("InstanceAttribute")
            .host_name("LocalHost")
            .instance_name("EcsInstance")
            .password("EcsV587!")
            .user_data("ZWNobyBoZWxsbyBlY3Mh")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "ModifyInstanceAttribute",
        &[
            ("InstanceId", "i-instance1"),
            ("CreditSpecification", "Standard"),
            ("DeletionProtection", "false"),
            ("Description", "InstanceAttribute"),
            ("HostName", "LocalHost"),
            ("InstanceName", "EcsInstance"),
            ("Password", "EcsV587!"),
            ("UserData", "ZWNobyBoZWxsbyBlY3Mh"),
        ],
    );
}

#[tokio::test]
async fn modify_instance_attribute_checks_password_classes_host_name_and_user_data_size() {
    use base64::Engine as _;
    use ecs_client::modify_instance_attribute::ModifyInstanceAttributeInput as Input;
    let too_big = base64::engine::general_purpose::STANDARD.encode(vec![b'x'; 16 * 1024 + 1]);
    let base = Input::new().instance_id("i-1");
    let cases = [
        ("Password", base.clone().password("alllowercase1")),
        ("HostName", base.clone().host_name("-bad-")),
        ("UserData", base.clone().user_data(too_big)),
        (
            "InstanceName",
            base.clone().instance_name("1starts-with-digit"),
        ),
    ];
    for (parameter, input) in cases {
        let v = refused(
            ecs_tests::wire::client_without_server()
                .modify_instance_attribute()
                .input(input)
                .send()
                .await,
        );
        assert_eq!(v.parameter(), parameter, "{v}");
    }
}

#[tokio::test]
async fn remove_tags() {
    use ecs_client::types::Tag;
    let s = sent(OK, async |c| {
        c.remove_tags()
            .region_id("cn-shenzhen")
            .resource_type("snapshot")
            .resource_id("s-946ntx4wr")
            .tag(Tag::new().key("test").value("api"))
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "RemoveTags",
        &[
            ("RegionId", "cn-shenzhen"),
            ("ResourceType", "snapshot"),
            ("ResourceId", "s-946ntx4wr"),
            ("Tag.1.Key", "test"),
            ("Tag.1.Value", "api"),
        ],
    );
}

#[tokio::test]
async fn describe_tags() {
    use ecs_client::types::Tag;
    let body =
        r#"{"RequestId":"r-1","TotalCount":1,"Tags":{"Tag":[{"TagKey":"test","TagValue":"api"}]}}"#;
    let s = sent(body, async |c| {
        let out = c
            .describe_tags()
            .region_id("cn-hangzhou")
            .resource_type("snapshot")
            .resource_id("s-946ntx4wr")
            .tag(Tag::new().key("test").value("api"))
            .tag(Tag::new().key("owner"))
            .page_size(100)
            .send()
            .await?;
        assert_eq!(out.tags[0].tag_value.as_deref(), Some("api"));
        Ok::<_, ecs_client::SdkError<_>>(())
    })
    .await;
    assert_sent(
        &s,
        "DescribeTags",
        &[
            ("RegionId", "cn-hangzhou"),
            ("ResourceType", "snapshot"),
            ("ResourceId", "s-946ntx4wr"),
            ("Tag.1.Key", "test"),
            ("Tag.1.Value", "api"),
            ("Tag.2.Key", "owner"),
            ("PageSize", "100"),
        ],
    );
}

#[tokio::test]
async fn tag_lists_are_capped_at_20_and_keys_may_not_use_reserved_prefixes() {
    use ecs_client::types::Tag;
    let many: Vec<Tag> = (0..21).map(|i| Tag::new().key(format!("k{i}"))).collect();
    let err = ecs_tests::wire::client_without_server()
        .remove_tags()
        .region_id("cn-hangzhou")
        .resource_type("instance")
        .resource_id("i-1")
        .set_tag(Some(many))
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        err.validation_error().expect("validation").parameter(),
        "Tag"
    );

    let v = refused(
        ecs_tests::wire::client_without_server()
            .describe_tags()
            .region_id("cn-hangzhou")
            .resource_type("instance")
            .tag(Tag::new().key("aliyun:reserved"))
            .send()
            .await,
    );
    assert!(v.parameter().starts_with("Tag.1"), "{v}");
}

#[tokio::test]
async fn cancel_task() {
    let s = sent(OK, async |c| {
        c.cancel_task()
            .region_id("cn-hangzhou")
            .task_id("t-23ym6mvro")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "CancelTask",
        &[("RegionId", "cn-hangzhou"), ("TaskId", "t-23ym6mvro")],
    );
}

#[tokio::test]
async fn describe_tasks() {
    let s = sent(OK, async |c| {
        c.describe_tasks()
            .region_id("cn-hangzhou")
            .task_action("ImportImage")
            .task_ids("t-1")
            .task_ids("t-2")
            .task_status("Finished")
            .start_time("2015-11-23T00:00:00Z")
            .end_time("2015-11-25T00:00:00Z")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "DescribeTasks",
        &[
            ("RegionId", "cn-hangzhou"),
            ("TaskAction", "ImportImage"),
            ("TaskIds", "t-1,t-2"),
            ("TaskStatus", "Finished"),
            ("StartTime", "2015-11-23T00:00:00Z"),
            ("EndTime", "2015-11-25T00:00:00Z"),
        ],
    );
}

#[tokio::test]
async fn describe_tasks_rejects_a_range_ending_before_it_starts() {
    let err = ecs_tests::wire::client_without_server()
        .describe_tasks()
        .region_id("cn-hangzhou")
        .task_action("ExportImage")
        .start_time("2015-11-25T00:00:00Z")
        .end_time("2015-11-23T00:00:00Z")
        .send()
        .await
        .unwrap_err();
    assert!(err.validation_error().is_some(), "{err}");
}

#[tokio::test]
async fn describe_task_attribute() {
    let body = r#"{"RequestId":"r-1","TaskId":"t-23ym6mvro","TaskStatus":"Finished","OperationProgressSet":{"OperationProgress":[{"OperationStatus":"Success","RelatedItemSet":{"RelatedItem":[{"Name":"ImageFormat","Value":"vhd"}]}}]}}"#;
    let s = sent(body, async |c| {
        let out = c
            .describe_task_attribute()
            .region_id("cn-hangzhou")
            .task_id("t-23ym6mvro")
            .send()
            .await?;
        let item = &out.operation_progress_set[0].related_item_set[0];
        assert_eq!(item.value.as_deref(), Some("vhd"));
        Ok::<_, ecs_client::SdkError<_>>(())
    })
    .await;
    assert_sent(
        &s,
        "DescribeTaskAttribute",
        &[("RegionId", "cn-hangzhou"), ("TaskId", "t-23ym6mvro")],
    );
}

#[tokio::test]
async fn describe_resources_modification() {
    let s = sent(OK, async |c| {
        c.describe_resources_modification()
            .region_id("cn-hangzhou")
            .resource_id("i-instance1")
            .destination_resource("InstanceType")
            .cores(4)
            .memory(16.0)
            .operation_type("Upgrade")
            .migrate_across_zone(true)
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "DescribeResourcesModification",
        &[
            ("RegionId", "cn-hangzhou"),
            ("ResourceId", "i-instance1"),
            ("DestinationResource", "InstanceType"),
            ("Cores", "4"),
            ("Memory", "16"),
            ("OperationType", "Upgrade"),
            ("MigrateAcrossZone", "true"),
        ],
    );
}

#[tokio::test]
async fn describe_available_resource() {
    let body = r#"{"RequestId":"r-1","AvailableZones":{"AvailableZone":[{"ZoneId":"cn-hangzhou-e","AvailableResources":{"AvailableResource":[{"Type":"DataDisk","SupportedResources":{"SupportedResource":[{"Value":"cloud_ssd","Status":"Available","Min":20,"Max":32768,"Unit":"GiB"}]}}]}}]}}"#;
    let s = sent(body, async |c| {
        let out = c
            .describe_available_resource()
            .region_id("cn-hangzhou")
            .destination_resource("DataDisk")
            .io_optimized("optimized")
            .instance_type("ecs.g5.large")
            .system_disk_category("cloud_ssd")
            .send()
            .await?;
        let supported = &out.available_zones[0].available_resources[0].supported_resources[0];
        assert_eq!(supported.max, Some(32768));
        Ok::<_, ecs_client::SdkError<_>>(())
    })
    .await;
    assert_sent(
        &s,
        "DescribeAvailableResource",
        &[
            ("RegionId", "cn-hangzhou"),
            ("DestinationResource", "DataDisk"),
            ("IoOptimized", "optimized"),
            ("InstanceType", "ecs.g5.large"),
            ("SystemDiskCategory", "cloud_ssd"),
        ],
    );
}

#[tokio::test]
async fn available_resource_rules_required_if_forbidden_if_and_mutually_exclusive() {
    use ecs_client::describe_available_resource::DescribeAvailableResourceInput as Input;
    let base = Input::new().region_id("cn-hangzhou");
    let cases = [
        // DataDisk needs IoOptimized, InstanceType and SystemDiskCategory.
        (
            "SystemDiskCategory",
            base.clone()
                .destination_resource("DataDisk")
                .io_optimized("optimized")
                .instance_type("ecs.g5.large"),
        ),
        // Cores only with DestinationResource=InstanceType.
        ("Cores", base.clone().destination_resource("Zone").cores(2)),
        // InstanceType and Memory together conflict.
        (
            "InstanceType",
            base.clone()
                .destination_resource("InstanceType")
                .io_optimized("optimized")
                .instance_type("ecs.g5.large")
                .memory(8.0),
        ),
    ];
    for (parameter, input) in cases {
        let v = refused(
            ecs_tests::wire::client_without_server()
                .describe_available_resource()
                .input(input)
                .send()
                .await,
        );
        assert!(v.parameter().contains(parameter), "{parameter}: {v}");
    }
}

/// Every constraint kind the compute, launch template, deployment set, key pair, region, task
/// and tag APIs use, tried with bad input: each is refused before any I/O (the client points at
/// a closed port) with the expected rule and parameter.
#[tokio::test]
async fn every_constraint_kind_of_the_compute_area_is_enforced_before_sending() {
    use ecs_client::types::Tag;
    use ecs_runtime::validate::{Rule, ValidationError};
    let c = ecs_tests::wire::client_without_server;
    let run = || {
        c().run_instances()
            .region_id("cn-hangzhou")
            .image_id("m-1")
            .instance_type("ecs.g7.large")
            .security_group_id("sg-1")
    };
    let cases: Vec<(Rule, &str, ValidationError)> = vec![
        (
            Rule::Required,
            "InstanceId",
            refused(c().reboot_instance().send().await),
        ),
        (
            Rule::Range,
            "Amount",
            refused(run().amount(101).send().await),
        ),
        (
            Rule::Length,
            "Description",
            refused(run().description("x").send().await),
        ),
        (
            Rule::ForbiddenPrefix,
            "Description",
            refused(run().description("http://example.com").send().await),
        ),
        (
            Rule::ForbiddenSubstring,
            "Tag.1.Value",
            refused(
                run()
                    .tag(Tag::new().key("k").value("see https://x"))
                    .send()
                    .await,
            ),
        ),
        (
            Rule::ItemCount,
            "KeyPairNames",
            refused(
                c().delete_key_pairs()
                    .region_id("cn-hangzhou")
                    .set_key_pair_names(Some(vec![]))
                    .send()
                    .await,
            ),
        ),
        (
            Rule::Range,
            "DeleteVersion.1",
            refused(
                c().delete_launch_template_version()
                    .region_id("cn-hangzhou")
                    .launch_template_name("lt-1")
                    .delete_version(0)
                    .send()
                    .await,
            ),
        ),
        (
            Rule::AtLeastOneOf,
            "LaunchTemplateId",
            refused(
                c().delete_launch_template()
                    .region_id("cn-hangzhou")
                    .send()
                    .await,
            ),
        ),
        (
            Rule::Datetime,
            "StartTime",
            refused(
                c().describe_spot_price_history()
                    .region_id("cn-hangzhou")
                    .zone_id("cn-hangzhou-c")
                    .network_type("vpc")
                    .instance_type("ecs.t1.xsmall")
                    .start_time("yesterday")
                    .send()
                    .await,
            ),
        ),
    ];
    for (rule, parameter, v) in cases {
        assert_eq!(v.rule(), rule, "{v}");
        assert!(v.parameter().contains(parameter), "{parameter}: {v}");
    }
}

/// CreateInstance takes exactly one of ImageId and ImageFamily.
#[tokio::test]
#[allow(deprecated)]
async fn create_instance_needs_exactly_one_image_source() {
    let v = refused(
        ecs_tests::wire::client_without_server()
            .create_instance()
            .region_id("cn-hangzhou")
            .instance_type("ecs.g6.large")
            .security_group_id("sg-1")
            .image_id("m-1")
            .image_family("family")
            .send()
            .await,
    );
    assert_eq!(v.rule(), ecs_runtime::validate::Rule::ExactlyOneOf, "{v}");
}

#[tokio::test]
async fn spot_price_history_window_is_at_most_30_days() {
    let v = refused(
        ecs_tests::wire::client_without_server()
            .describe_spot_price_history()
            .region_id("cn-hangzhou")
            .zone_id("cn-hangzhou-c")
            .network_type("vpc")
            .instance_type("ecs.t1.xsmall")
            .start_time("2017-08-01T00:00:00Z")
            .end_time("2017-09-01T00:00:00Z")
            .send()
            .await,
    );
    assert_eq!(v.rule(), ecs_runtime::validate::Rule::TimeRange);
    assert!(v.to_string().contains("30 days"), "{v}");
}

#[tokio::test]
async fn spot_price_limit_takes_at_most_three_decimals() {
    let run = || {
        ecs_tests::wire::client_without_server()
            .run_instances()
            .region_id("cn-hangzhou")
            .image_id("m-1")
            .instance_type("ecs.g7.large")
            .security_group_id("sg-1")
            .spot_strategy("SpotWithPriceLimit")
    };
    let v = refused(run().spot_price_limit(0.0345).send().await);
    assert_eq!(v.parameter(), "SpotPriceLimit");
    assert_eq!(v.rule(), ecs_runtime::validate::Rule::Decimals);
    let s = sent(r#"{"RequestId":"r-1"}"#, async |c| {
        c.run_instances()
            .region_id("cn-hangzhou")
            .image_id("m-1")
            .instance_type("ecs.g7.large")
            .security_group_id("sg-1")
            .spot_strategy("SpotWithPriceLimit")
            .spot_price_limit(0.034)
            .client_token("t-1")
            .send()
            .await
    })
    .await;
    assert_eq!(s.params["SpotPriceLimit"], "0.034");
}
