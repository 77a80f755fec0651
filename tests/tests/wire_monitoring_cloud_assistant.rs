//! One wire test per monitoring and cloud assistant API (issue 4): a valid request goes through
//! the typed client to a local server, and the parameters that arrive are compared with values
//! written out by hand from the documents' parameter tables and request examples — in
//! particular the list encodings (`InstanceId.N` repeats, JSON arrays). A few bad inputs at the
//! end are rejected before anything is sent.

use ecs_runtime::validate::Rule;
use ecs_tests::wire::{assert_sent, client_without_server, refused, sent};

const OK: &str = r#"{"RequestId":"r-1"}"#;

// ---------------------------------------------------------------------------------------------
// Monitoring
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn describe_disk_monitor_data() {
    let s = sent(OK, async |c| {
        c.describe_disk_monitor_data()
            .disk_id("d-mydisk001")
            .start_time("2014-07-23T12:07:00Z")
            .end_time("2014-07-23T12:09:00Z")
            .period(60)
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "DescribeDiskMonitorData",
        &[
            ("DiskId", "d-mydisk001"),
            ("StartTime", "2014-07-23T12:07:00Z"),
            ("EndTime", "2014-07-23T12:09:00Z"),
            ("Period", "60"),
        ],
    );
}

#[tokio::test]
async fn describe_eip_monitor_data() {
    let s = sent(OK, async |c| {
        c.describe_eip_monitor_data()
            .allocation_id("eip-2578g5v5a")
            .start_time("2014-10-29T23:00:00Z")
            .end_time("2014-10-30T08:00:00Z")
            .period(3600)
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "DescribeEipMonitorData",
        &[
            ("AllocationId", "eip-2578g5v5a"),
            ("StartTime", "2014-10-29T23:00:00Z"),
            ("EndTime", "2014-10-30T08:00:00Z"),
            ("Period", "3600"),
        ],
    );
}

#[tokio::test]
async fn describe_eni_monitor_data() {
    let s = sent(OK, async |c| {
        c.describe_eni_monitor_data()
            .eni_id("eni-myENI")
            .instance_id("myInstance")
            .start_time("2018-05-21T12:19:00Z")
            .end_time("2018-05-21T12:22:00Z")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "DescribeEniMonitorData",
        &[
            ("EniId", "eni-myENI"),
            ("InstanceId", "myInstance"),
            ("StartTime", "2018-05-21T12:19:00Z"),
            ("EndTime", "2018-05-21T12:22:00Z"),
        ],
    );
}

/// The document's example asks for 9 hours at the default 60-second period (540 samples, over
/// the documented 400), so this test keeps its range and asks for 600-second samples.
#[tokio::test]
async fn describe_instance_monitor_data() {
    let s = sent(OK, async |c| {
        c.describe_instance_monitor_data()
            .instance_id("i-instnace1")
            .start_time("2014-10-29T23:00:00Z")
            .end_time("2014-10-30T08:00:00Z")
            .period(600)
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "DescribeInstanceMonitorData",
        &[
            ("InstanceId", "i-instnace1"),
            ("StartTime", "2014-10-29T23:00:00Z"),
            ("EndTime", "2014-10-30T08:00:00Z"),
            ("Period", "600"),
        ],
    );
}

#[tokio::test]
async fn get_instance_console_output() {
    let s = sent(OK, async |c| {
        c.get_instance_console_output()
            .region_id("cn-shenzhen-finance-1")
            .instance_id("i-j5e42sbbthlokka11eci")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "GetInstanceConsoleOutput",
        &[
            ("RegionId", "cn-shenzhen-finance-1"),
            ("InstanceId", "i-j5e42sbbthlokka11eci"),
        ],
    );
}

#[tokio::test]
async fn get_instance_screenshot() {
    let s = sent(OK, async |c| {
        c.get_instance_screenshot()
            .region_id("cn-shenzhen")
            .instance_id("i-j5e42sbbthlokka11eci")
            .wakeup(false)
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "GetInstanceScreenshot",
        &[
            ("RegionId", "cn-shenzhen"),
            ("InstanceId", "i-j5e42sbbthlokka11eci"),
            ("Wakeup", "false"),
        ],
    );
}

// ---------------------------------------------------------------------------------------------
// Cloud assistant
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn create_command() {
    let s = sent(
        r#"{"RequestId":"r-1","CommandId":"c-f0902c0972984e31aaf2129fd48a9c6d"}"#,
        async |c| {
            c.create_command()
                .region_id("cn-hangzhou")
                .name("Test")
                .type_("RunShellScript")
                .command_content("ZWNobyAxMjM=")
                .description("prints 123")
                .working_dir("/home/")
                .time_out(120)
                .send()
                .await
        },
    )
    .await;
    assert_sent(
        &s,
        "CreateCommand",
        &[
            ("RegionId", "cn-hangzhou"),
            ("Name", "Test"),
            ("Type", "RunShellScript"),
            ("CommandContent", "ZWNobyAxMjM="),
            ("Description", "prints 123"),
            ("WorkingDir", "/home/"),
            ("TimeOut", "120"),
        ],
    );
}

#[tokio::test]
async fn delete_command() {
    let s = sent(OK, async |c| {
        c.delete_command()
            .region_id("cn-hangzhou")
            .command_id("c-f0902c0972984e31aaf2129fd48a9c6d")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "DeleteCommand",
        &[
            ("RegionId", "cn-hangzhou"),
            ("CommandId", "c-f0902c0972984e31aaf2129fd48a9c6d"),
        ],
    );
}

#[tokio::test]
async fn describe_cloud_assistant_status() {
    let s = sent(OK, async |c| {
        c.describe_cloud_assistant_status()
            .region_id("cn-hangzhou")
            .instance_id("i-bp11f7trr4hbi1xxxxxx")
            .instance_id("i-bp1iudwa5b1tqaxxxxxx")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "DescribeCloudAssistantStatus",
        &[
            ("RegionId", "cn-hangzhou"),
            ("InstanceId.1", "i-bp11f7trr4hbi1xxxxxx"),
            ("InstanceId.2", "i-bp1iudwa5b1tqaxxxxxx"),
        ],
    );
}

#[tokio::test]
async fn describe_commands() {
    let s = sent(OK, async |c| {
        c.describe_commands()
            .region_id("cn-hangzhou")
            .command_id("c-1")
            .type_("RunPowerShellScript")
            .name("Test")
            .page_number(1)
            .page_size(50)
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "DescribeCommands",
        &[
            ("RegionId", "cn-hangzhou"),
            ("CommandId", "c-1"),
            ("Type", "RunPowerShellScript"),
            ("Name", "Test"),
            ("PageNumber", "1"),
            ("PageSize", "50"),
        ],
    );
}

#[tokio::test]
async fn describe_invocation_results() {
    let s = sent(OK, async |c| {
        c.describe_invocation_results()
            .region_id("cn-hangzhou")
            .invoke_id("t-7d2a745b412b4601b2d47f6a768d3a14")
            .instance_id("i-instance1")
            .page_number(1)
            .page_size(20)
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "DescribeInvocationResults",
        &[
            ("RegionId", "cn-hangzhou"),
            ("InvokeId", "t-7d2a745b412b4601b2d47f6a768d3a14"),
            ("InstanceId", "i-instance1"),
            ("PageNumber", "1"),
            ("PageSize", "20"),
        ],
    );
}

#[tokio::test]
async fn describe_invocations() {
    let s = sent(OK, async |c| {
        c.describe_invocations()
            .region_id("cn-hangzhou")
            .invoke_id("t-1")
            .command_id("c-1")
            .command_name("Test")
            .type_("RunBatScript")
            .timed(true)
            .invoke_status("PartialFailed")
            .instance_id("i-instance1")
            .page_size(50)
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "DescribeInvocations",
        &[
            ("RegionId", "cn-hangzhou"),
            ("InvokeId", "t-1"),
            ("CommandId", "c-1"),
            ("CommandName", "Test"),
            ("Type", "RunBatScript"),
            ("Timed", "true"),
            ("InvokeStatus", "PartialFailed"),
            ("InstanceId", "i-instance1"),
            ("PageSize", "50"),
        ],
    );
}

#[tokio::test]
async fn install_cloud_assistant() {
    let s = sent(OK, async |c| {
        c.install_cloud_assistant()
            .region_id("cn-hangzhou")
            .instance_ids("i-bp11f7trr4hbi1xxxxxx")
            .instance_ids("i-bp1iudwa5b1tqaxxxxxx")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "InstallCloudAssistant",
        &[
            ("RegionId", "cn-hangzhou"),
            (
                "InstanceIds",
                r#"["i-bp11f7trr4hbi1xxxxxx","i-bp1iudwa5b1tqaxxxxxx"]"#,
            ),
        ],
    );
}

#[tokio::test]
async fn invoke_command() {
    let s = sent(OK, async |c| {
        c.invoke_command()
            .region_id("cn-hangzhou")
            .instance_id("i-bp185dy2o3o6nxxxxxxx")
            .instance_id("i-bsdn5dy2o845sxxxxxxx")
            .command_id("c-e996287206324975b5fbe1dxxxxxxxxx")
            .timed(true)
            .frequency("0 0-5 14 * * ?")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "InvokeCommand",
        &[
            ("RegionId", "cn-hangzhou"),
            ("InstanceId.1", "i-bp185dy2o3o6nxxxxxxx"),
            ("InstanceId.2", "i-bsdn5dy2o845sxxxxxxx"),
            ("CommandId", "c-e996287206324975b5fbe1dxxxxxxxxx"),
            ("Timed", "true"),
            ("Frequency", "0 0-5 14 * * ?"),
        ],
    );
}

#[tokio::test]
async fn modify_command() {
    let s = sent(OK, async |c| {
        c.modify_command()
            .region_id("cn-hangzhou")
            .command_id("c-e996287206324975b5fbe1dxxxxxxxxx")
            .name("Test")
            .description("renamed")
            .time_out(120)
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "ModifyCommand",
        &[
            ("RegionId", "cn-hangzhou"),
            ("CommandId", "c-e996287206324975b5fbe1dxxxxxxxxx"),
            ("Name", "Test"),
            ("Description", "renamed"),
            ("TimeOut", "120"),
        ],
    );
}

#[tokio::test]
async fn stop_invocation() {
    let s = sent(OK, async |c| {
        c.stop_invocation()
            .region_id("cn-hangzhou")
            .invoke_id("t-1fad2a8876de47068cc734d57703aa76")
            .instance_id("i-instance1")
            .instance_id("i-instance2")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "StopInvocation",
        &[
            ("RegionId", "cn-hangzhou"),
            ("InvokeId", "t-1fad2a8876de47068cc734d57703aa76"),
            ("InstanceId.1", "i-instance1"),
            ("InstanceId.2", "i-instance2"),
        ],
    );
}

// ---------------------------------------------------------------------------------------------
// Bad input: rejected before any I/O
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn monitor_data_checks_period_times_and_sample_count() {
    // Period is one of 60, 600, 3600 (EIP: 60, 300, 900, 3600).
    let v = refused(
        client_without_server()
            .describe_disk_monitor_data()
            .disk_id("d-1")
            .start_time("2014-07-23T12:07:00Z")
            .end_time("2014-07-23T12:09:00Z")
            .period(300)
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "Period");
    assert_eq!(v.rule(), Rule::AllowedValues);

    // Times are ISO 8601 UTC.
    let v = refused(
        client_without_server()
            .describe_eni_monitor_data()
            .instance_id("i-1")
            .start_time("2018/05/21 12:19")
            .end_time("2018-05-21T12:22:00Z")
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "StartTime");
    assert_eq!(v.rule(), Rule::Datetime);

    // The range must not end before it starts.
    let v = refused(
        client_without_server()
            .describe_instance_monitor_data()
            .instance_id("i-1")
            .start_time("2014-10-30T08:00:00Z")
            .end_time("2014-10-29T23:00:00Z")
            .send()
            .await,
    );
    assert_eq!(v.rule(), Rule::TimeRange, "{v}");

    // EIP: at most 200 samples; 201 minutes at the 60-second period is one too many, 200 is fine.
    let call = |end: &'static str| {
        client_without_server()
            .describe_eip_monitor_data()
            .allocation_id("eip-1")
            .start_time("2014-10-29T00:00:00Z")
            .end_time(end)
            .period(60)
    };
    let err = call("2014-10-29T03:21:00Z").send().await.unwrap_err();
    let v = err.validation_error().expect("a validation error");
    assert_eq!(v.rule(), Rule::TimeRange, "{v}");
    assert!(call("2014-10-29T03:20:00Z").as_input().validate().is_ok());

    // Instances: at most 400 samples; the period left out counts as its default, 60 seconds.
    let v = refused(
        client_without_server()
            .describe_instance_monitor_data()
            .instance_id("i-instnace1")
            .start_time("2014-10-29T23:00:00Z")
            .end_time("2014-10-30T08:00:00Z")
            .send()
            .await,
    );
    assert_eq!(v.rule(), Rule::TimeRange, "{v}");
}

#[tokio::test]
async fn command_inputs_are_checked_before_sending() {
    use ecs_client::create_command::CreateCommandInput as Input;
    let base = Input::new()
        .region_id("cn-hangzhou")
        .name("Test")
        .type_("RunShellScript");
    let cases = [
        // Content must be Base64.
        (
            "CommandContent",
            Rule::Base64,
            base.clone().command_content("echo 123"),
        ),
        // A type needs content.
        ("CommandContent", Rule::RequiredIf, base.clone()),
        // Unknown script type.
        (
            "Type",
            Rule::EnumValue,
            base.clone()
                .type_("RunPythonScript")
                .command_content("ZWNobyAxMjM="),
        ),
        // Names are at most 30 characters.
        (
            "Name",
            Rule::Length,
            base.clone()
                .name("n".repeat(31))
                .command_content("ZWNobyAxMjM="),
        ),
        // Timeouts are at least one second.
        (
            "TimeOut",
            Rule::Range,
            base.clone().command_content("ZWNobyAxMjM=").time_out(0),
        ),
    ];
    for (parameter, rule, input) in cases {
        let v = refused(
            client_without_server()
                .create_command()
                .input(input)
                .send()
                .await,
        );
        assert_eq!(v.parameter(), parameter, "{v}");
        assert_eq!(v.rule(), rule, "{v}");
    }
}

#[tokio::test]
async fn invocation_inputs_are_checked_before_sending() {
    // A timed invocation needs a frequency.
    let v = refused(
        client_without_server()
            .invoke_command()
            .region_id("cn-hangzhou")
            .instance_id("i-1")
            .command_id("c-1")
            .timed(true)
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "Frequency");
    assert_eq!(v.rule(), Rule::RequiredIf);

    // At most 20 instances.
    let ids: Vec<String> = (0..21).map(|i| format!("i-{i}")).collect();
    let v = refused(
        client_without_server()
            .invoke_command()
            .region_id("cn-hangzhou")
            .set_instance_id(Some(ids.clone()))
            .command_id("c-1")
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "InstanceId");
    assert_eq!(v.rule(), Rule::ItemCount);

    let v = refused(
        client_without_server()
            .install_cloud_assistant()
            .region_id("cn-hangzhou")
            .set_instance_ids(Some(ids))
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "InstanceIds");
    assert_eq!(v.rule(), Rule::ItemCount);

    // At least one instance to look at.
    let v = refused(
        client_without_server()
            .describe_cloud_assistant_status()
            .region_id("cn-hangzhou")
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "InstanceId", "{v}");

    // Result pages hold at most 20.
    let v = refused(
        client_without_server()
            .describe_invocation_results()
            .region_id("cn-hangzhou")
            .invoke_id("t-1")
            .page_size(21)
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "PageSize");
    assert_eq!(v.rule(), Rule::Range);

    // Unknown invocation status.
    let v = refused(
        client_without_server()
            .describe_invocations()
            .region_id("cn-hangzhou")
            .invoke_status("Pending")
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "InvokeStatus");
    assert_eq!(v.rule(), Rule::EnumValue);
}
