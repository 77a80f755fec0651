//! One wire test per snapshot and event API (issue 4): a valid request goes through the typed
//! client to a local server, and the parameters that arrive are compared with values written
//! out by hand from the documents' parameter tables and request examples — in particular the
//! list encodings (`Name.N` repeats, JSON arrays), flattened structs (`NotBefore.Start`) and
//! the lower camel case wire names of the automatic snapshot policy APIs. A few bad inputs at
//! the end are rejected before anything is sent.

use ecs_runtime::validate::Rule;
use ecs_tests::wire::{assert_sent, client_without_server, refused, sent};

const OK: &str = r#"{"RequestId":"r-1"}"#;

// ---------------------------------------------------------------------------------------------
// Snapshots and automatic snapshot policies
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn apply_auto_snapshot_policy() {
    let s = sent(OK, async |c| {
        c.apply_auto_snapshot_policy()
            .region_id("cn-hangzhou")
            .auto_snapshot_policy_id("p-233e6ylv0")
            .disk_ids("d-233e6ylv0")
            .disk_ids("d-23vbpbi03")
            .disk_ids("d-23vasz3ds")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "ApplyAutoSnapshotPolicy",
        &[
            ("regionId", "cn-hangzhou"),
            ("autoSnapshotPolicyId", "p-233e6ylv0"),
            ("diskIds", r#"["d-233e6ylv0","d-23vbpbi03","d-23vasz3ds"]"#),
        ],
    );
}

#[tokio::test]
async fn cancel_auto_snapshot_policy() {
    let s = sent(OK, async |c| {
        c.cancel_auto_snapshot_policy()
            .region_id("cn-hangzhou")
            .disk_ids("d-233e6ylv0")
            .disk_ids("d-23vbpbi03")
            .disk_ids("d-23vasz3ds")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "CancelAutoSnapshotPolicy",
        &[
            ("regionId", "cn-hangzhou"),
            ("diskIds", r#"["d-233e6ylv0","d-23vbpbi03","d-23vasz3ds"]"#),
        ],
    );
}

#[tokio::test]
async fn create_auto_snapshot_policy() {
    let s = sent(
        r#"{"RequestId":"F3CD6886-D8D0-4FEE-B93E-1B73239673DE","AutoSnapshotPolicyId":"p-233e6ylv0"}"#,
        async |c| {
            c.create_auto_snapshot_policy()
                .region_id("cn-hangzhou")
                .time_points(0)
                .time_points(11)
                .time_points(21)
                .repeat_weekdays(1)
                .repeat_weekdays(2)
                .repeat_weekdays(4)
                .repeat_weekdays(7)
                .retention_days(30)
                .auto_snapshot_policy_name("daily-backup")
                .client_token("token-1")
                .send()
                .await
        },
    )
    .await;
    assert_sent(
        &s,
        "CreateAutoSnapshotPolicy",
        &[
            ("regionId", "cn-hangzhou"),
            ("timePoints", r#"["0","11","21"]"#),
            ("repeatWeekdays", r#"["1","2","4","7"]"#),
            ("retentionDays", "30"),
            ("autoSnapshotPolicyName", "daily-backup"),
            ("ClientToken", "token-1"),
        ],
    );
}

#[tokio::test]
async fn create_snapshot() {
    use ecs_client::types::Tag;
    let s = sent(OK, async |c| {
        c.create_snapshot()
            .disk_id("1033-60053321")
            .snapshot_name("before-upgrade")
            .description("taken before the upgrade")
            .tag(Tag::new().key("env").value("prod"))
            .client_token("token-1")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "CreateSnapshot",
        &[
            ("DiskId", "1033-60053321"),
            ("SnapshotName", "before-upgrade"),
            ("Description", "taken before the upgrade"),
            ("Tag.1.Key", "env"),
            ("Tag.1.Value", "prod"),
            ("ClientToken", "token-1"),
        ],
    );
}

#[tokio::test]
async fn delete_auto_snapshot_policy() {
    let s = sent(OK, async |c| {
        c.delete_auto_snapshot_policy()
            .region_id("cn-hangzhou")
            .auto_snapshot_policy_id("p-233e6ylv0")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "DeleteAutoSnapshotPolicy",
        &[
            ("regionId", "cn-hangzhou"),
            ("autoSnapshotPolicyId", "p-233e6ylv0"),
        ],
    );
}

#[tokio::test]
async fn delete_snapshot() {
    let s = sent(OK, async |c| {
        c.delete_snapshot().snapshot_id("s-923FE2BF0").send().await
    })
    .await;
    assert_sent(&s, "DeleteSnapshot", &[("SnapshotId", "s-923FE2BF0")]);
}

#[tokio::test]
async fn describe_auto_snapshot_policy_ex() {
    let s = sent(OK, async |c| {
        c.describe_auto_snapshot_policy_ex()
            .region_id("cn-hangzhou")
            .auto_snapshot_policy_id("p-233e6ylv0")
            .page_number(1)
            .page_size(50)
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "DescribeAutoSnapshotPolicyEx",
        &[
            ("RegionId", "cn-hangzhou"),
            ("AutoSnapshotPolicyId", "p-233e6ylv0"),
            ("PageNumber", "1"),
            ("PageSize", "50"),
        ],
    );
}

#[tokio::test]
async fn describe_snapshot_links() {
    let s = sent(OK, async |c| {
        c.describe_snapshot_links()
            .region_id("cn-beijing")
            .instance_id("i-instance1")
            .disk_ids("d-1")
            .disk_ids("d-2")
            .snapshot_link_ids("sl-1")
            .page_number(1)
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "DescribeSnapshotLinks",
        &[
            ("RegionId", "cn-beijing"),
            ("InstanceId", "i-instance1"),
            ("DiskIds", r#"["d-1","d-2"]"#),
            ("SnapshotLinkIds", r#"["sl-1"]"#),
            ("PageNumber", "1"),
        ],
    );
}

#[tokio::test]
async fn describe_snapshot_package() {
    let s = sent(OK, async |c| {
        c.describe_snapshot_package()
            .region_id("cn-hangzhou")
            .page_number(2)
            .page_size(100)
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "DescribeSnapshotPackage",
        &[
            ("RegionId", "cn-hangzhou"),
            ("PageNumber", "2"),
            ("PageSize", "100"),
        ],
    );
}

#[tokio::test]
async fn describe_snapshots() {
    use ecs_client::types::Tag;
    let s = sent(OK, async |c| {
        c.describe_snapshots()
            .region_id("cn-hangzhou")
            .disk_id("d-23jbf2v5m")
            .snapshot_ids("s-1")
            .snapshot_ids("s-2")
            .status("accomplished")
            .snapshot_type("user")
            .source_disk_type("Data")
            .usage("none")
            .encrypted(false)
            .tag(Tag::new().key("env").value("prod"))
            .page_size(100)
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "DescribeSnapshots",
        &[
            ("RegionId", "cn-hangzhou"),
            ("DiskId", "d-23jbf2v5m"),
            ("SnapshotIds", r#"["s-1","s-2"]"#),
            ("Status", "accomplished"),
            ("SnapshotType", "user"),
            ("SourceDiskType", "Data"),
            ("Usage", "none"),
            ("Encrypted", "false"),
            ("Tag.1.Key", "env"),
            ("Tag.1.Value", "prod"),
            ("PageSize", "100"),
        ],
    );
}

#[tokio::test]
async fn describe_snapshots_usage() {
    let s = sent(OK, async |c| {
        c.describe_snapshots_usage()
            .region_id("cn-hangzhou")
            .send()
            .await
    })
    .await;
    assert_sent(&s, "DescribeSnapshotsUsage", &[("RegionId", "cn-hangzhou")]);
}

#[tokio::test]
async fn modify_auto_snapshot_policy_ex() {
    let s = sent(OK, async |c| {
        c.modify_auto_snapshot_policy_ex()
            .region_id("cn-hangzhou")
            .auto_snapshot_policy_id("p-autopolicyid1")
            .auto_snapshot_policy_name("nightly")
            .time_points(0)
            .time_points(1)
            .repeat_weekdays(1)
            .repeat_weekdays(7)
            .retention_days(30)
            .client_token("token-1")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "ModifyAutoSnapshotPolicyEx",
        &[
            ("regionId", "cn-hangzhou"),
            ("autoSnapshotPolicyId", "p-autopolicyid1"),
            ("autoSnapshotPolicyName", "nightly"),
            ("timePoints", r#"["0","1"]"#),
            ("repeatWeekdays", r#"["1","7"]"#),
            ("retentionDays", "30"),
            ("ClientToken", "token-1"),
        ],
    );
}

// ---------------------------------------------------------------------------------------------
// System events and full status
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn cancel_simulated_system_events() {
    let s = sent(OK, async |c| {
        c.cancel_simulated_system_events()
            .region_id("cn-hangzhou")
            .event_id("e-xhskHun1256xxxx")
            .event_id("e-xhskHun1257xxxx")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "CancelSimulatedSystemEvents",
        &[
            ("RegionId", "cn-hangzhou"),
            ("EventId.1", "e-xhskHun1256xxxx"),
            ("EventId.2", "e-xhskHun1257xxxx"),
        ],
    );
}

#[tokio::test]
async fn create_simulated_system_events() {
    let s = sent(OK, async |c| {
        c.create_simulated_system_events()
            .region_id("cn-hangzhou")
            .instance_id("i-instance1")
            .instance_id("i-instance2")
            .event_type("SystemMaintenance.Reboot")
            .not_before("2018-12-01T06:32:31Z")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "CreateSimulatedSystemEvents",
        &[
            ("RegionId", "cn-hangzhou"),
            ("InstanceId.1", "i-instance1"),
            ("InstanceId.2", "i-instance2"),
            ("EventType", "SystemMaintenance.Reboot"),
            ("NotBefore", "2018-12-01T06:32:31Z"),
        ],
    );
}

#[tokio::test]
async fn describe_disks_full_status() {
    use ecs_client::describe_disks_full_status::EventTime;
    let s = sent(OK, async |c| {
        c.describe_disks_full_status()
            .region_id("cn-hangzhou")
            .disk_id("d-disk1")
            .disk_id("d-disk2")
            .event_id("e-event1")
            .status("Available")
            .health_status("Warning")
            .event_type("Stalled")
            .event_time(
                EventTime::new()
                    .start("2018-05-06T02:43:10Z")
                    .end("2018-05-08T02:43:10Z"),
            )
            .page_size(100)
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "DescribeDisksFullStatus",
        &[
            ("RegionId", "cn-hangzhou"),
            ("DiskId.1", "d-disk1"),
            ("DiskId.2", "d-disk2"),
            ("EventId.1", "e-event1"),
            ("Status", "Available"),
            ("HealthStatus", "Warning"),
            ("EventType", "Stalled"),
            ("EventTime.Start", "2018-05-06T02:43:10Z"),
            ("EventTime.End", "2018-05-08T02:43:10Z"),
            ("PageSize", "100"),
        ],
    );
}

#[tokio::test]
async fn describe_instance_history_events() {
    use ecs_client::describe_instance_history_events::{EventPublishTime, NotBefore};
    let s = sent(OK, async |c| {
        c.describe_instance_history_events()
            .region_id("cn-hangzhou")
            .instance_id("i-2ze3tphuqvc93cixxxx3")
            .event_id("e-1")
            .event_id("e-2")
            .instance_event_cycle_status("Executed")
            .instance_event_cycle_status("Canceled")
            .instance_event_type("SystemMaintenance.Reboot")
            .not_before(
                NotBefore::new()
                    .start("2017-11-30T00:00:00Z")
                    .end("2017-12-01T00:00:00Z"),
            )
            .event_publish_time(EventPublishTime::new().start("2017-11-01T00:00:00Z"))
            .page_number(1)
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "DescribeInstanceHistoryEvents",
        &[
            ("RegionId", "cn-hangzhou"),
            ("InstanceId", "i-2ze3tphuqvc93cixxxx3"),
            ("EventId.1", "e-1"),
            ("EventId.2", "e-2"),
            ("InstanceEventCycleStatus.1", "Executed"),
            ("InstanceEventCycleStatus.2", "Canceled"),
            ("InstanceEventType.1", "SystemMaintenance.Reboot"),
            ("NotBefore.Start", "2017-11-30T00:00:00Z"),
            ("NotBefore.End", "2017-12-01T00:00:00Z"),
            ("EventPublishTime.Start", "2017-11-01T00:00:00Z"),
            ("PageNumber", "1"),
        ],
    );
}

#[tokio::test]
async fn describe_instances_full_status() {
    use ecs_client::describe_instances_full_status::{EventPublishTime, NotBefore};
    let s = sent(OK, async |c| {
        c.describe_instances_full_status()
            .region_id("cn-hangzhou")
            .instance_id("i-instance1")
            .instance_id("i-instance2")
            .event_id("e-1")
            .status("Running")
            .health_status("Maintaining")
            .event_type("SystemFailure.Reboot")
            .not_before(NotBefore::new().end("2017-12-01T00:00:00Z"))
            .event_publish_time(
                EventPublishTime::new()
                    .start("2017-11-01T00:00:00Z")
                    .end("2017-11-30T00:00:00Z"),
            )
            .page_size(20)
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "DescribeInstancesFullStatus",
        &[
            ("RegionId", "cn-hangzhou"),
            ("InstanceId.1", "i-instance1"),
            ("InstanceId.2", "i-instance2"),
            ("EventId.1", "e-1"),
            ("Status", "Running"),
            ("HealthStatus", "Maintaining"),
            ("EventType", "SystemFailure.Reboot"),
            ("NotBefore.End", "2017-12-01T00:00:00Z"),
            ("EventPublishTime.Start", "2017-11-01T00:00:00Z"),
            ("EventPublishTime.End", "2017-11-30T00:00:00Z"),
            ("PageSize", "20"),
        ],
    );
}

// ---------------------------------------------------------------------------------------------
// Bad input: rejected before any I/O
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn auto_snapshot_policy_lists_items_and_retention_are_checked() {
    use ecs_client::create_auto_snapshot_policy::CreateAutoSnapshotPolicyInput as Input;
    let base = Input::new().region_id("cn-hangzhou");
    let cases = [
        // An hour of 24 is out of 0..=23.
        (
            "timePoints",
            base.clone()
                .time_points(24)
                .repeat_weekdays(1)
                .retention_days(7),
        ),
        // Weekday 0 is out of 1..=7.
        (
            "repeatWeekdays",
            base.clone()
                .time_points(1)
                .repeat_weekdays(0)
                .retention_days(7),
        ),
        // Eight weekdays exceed max_items 7.
        (
            "repeatWeekdays",
            base.clone()
                .time_points(1)
                .set_repeat_weekdays(Some(vec![1, 2, 3, 4, 5, 6, 7, 1]))
                .retention_days(7),
        ),
        // Retention below -1.
        (
            "retentionDays",
            base.clone()
                .time_points(1)
                .repeat_weekdays(1)
                .retention_days(-2),
        ),
        // timePoints is required (and needs at least one item).
        (
            "timePoints",
            base.clone().repeat_weekdays(1).retention_days(7),
        ),
        // Names start with a letter.
        (
            "autoSnapshotPolicyName",
            base.clone()
                .time_points(1)
                .repeat_weekdays(1)
                .retention_days(7)
                .auto_snapshot_policy_name("_policy"),
        ),
    ];
    for (parameter, input) in cases {
        let v = refused(
            client_without_server()
                .create_auto_snapshot_policy()
                .input(input)
                .send()
                .await,
        );
        assert!(v.parameter().starts_with(parameter), "{parameter}: {v}");
    }

    // ApplyAutoSnapshotPolicy needs at least one disk.
    let v = refused(
        client_without_server()
            .apply_auto_snapshot_policy()
            .region_id("cn-hangzhou")
            .auto_snapshot_policy_id("p-1")
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "diskIds", "{v}");
}

#[tokio::test]
async fn snapshot_names_enums_and_page_sizes_are_checked() {
    // Snapshot names may not start with "auto" (reserved for automatic snapshots).
    let v = refused(
        client_without_server()
            .create_snapshot()
            .disk_id("d-1")
            .snapshot_name("auto-nightly")
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "SnapshotName");
    assert_eq!(v.rule(), Rule::ForbiddenPrefix);

    let v = refused(
        client_without_server()
            .describe_snapshots()
            .region_id("cn-hangzhou")
            .snapshot_type("manual")
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "SnapshotType");
    assert_eq!(v.rule(), Rule::EnumValue);

    let v = refused(
        client_without_server()
            .describe_auto_snapshot_policy_ex()
            .region_id("cn-hangzhou")
            .page_size(51)
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "PageSize");
    assert_eq!(v.rule(), Rule::Range);

    let ids: Vec<String> = (0..101).map(|i| format!("s-{i}")).collect();
    let v = refused(
        client_without_server()
            .describe_snapshots()
            .region_id("cn-hangzhou")
            .set_snapshot_ids(Some(ids))
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "SnapshotIds");
    assert_eq!(v.rule(), Rule::ItemCount);
}

#[tokio::test]
async fn event_inputs_are_checked_before_sending() {
    use ecs_client::describe_disks_full_status::EventTime;
    use ecs_client::describe_instance_history_events::NotBefore;

    // A simulated event needs a known type and an ISO 8601 UTC time.
    let v = refused(
        client_without_server()
            .create_simulated_system_events()
            .region_id("cn-hangzhou")
            .instance_id("i-1")
            .event_type("InstanceExpiration.Stop")
            .not_before("2018-12-01T06:32:31Z")
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "EventType");
    assert_eq!(v.rule(), Rule::EnumValue);

    let v = refused(
        client_without_server()
            .create_simulated_system_events()
            .region_id("cn-hangzhou")
            .instance_id("i-1")
            .event_type("SystemMaintenance.Reboot")
            .not_before("2018-12-01 06:32:31")
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "NotBefore");
    assert_eq!(v.rule(), Rule::Datetime);

    // Instance IDs: at least one.
    let v = refused(
        client_without_server()
            .create_simulated_system_events()
            .region_id("cn-hangzhou")
            .event_type("SystemMaintenance.Reboot")
            .not_before("2018-12-01T06:32:31Z")
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "InstanceId", "{v}");

    // At most 100 event IDs to cancel.
    let ids: Vec<String> = (0..101).map(|i| format!("e-{i}")).collect();
    let v = refused(
        client_without_server()
            .cancel_simulated_system_events()
            .region_id("cn-hangzhou")
            .set_event_id(Some(ids))
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "EventId");
    assert_eq!(v.rule(), Rule::ItemCount);

    // Time ranges must not end before they start.
    let v = refused(
        client_without_server()
            .describe_disks_full_status()
            .region_id("cn-hangzhou")
            .event_time(
                EventTime::new()
                    .start("2018-05-08T02:43:10Z")
                    .end("2018-05-06T02:43:10Z"),
            )
            .send()
            .await,
    );
    assert!(v.parameter().starts_with("EventTime"), "{v}");
    assert_eq!(v.rule(), Rule::TimeRange);

    let v = refused(
        client_without_server()
            .describe_instance_history_events()
            .region_id("cn-hangzhou")
            .not_before(
                NotBefore::new()
                    .start("2017-12-01T00:00:00Z")
                    .end("2017-11-30T00:00:00Z"),
            )
            .send()
            .await,
    );
    assert!(v.parameter().starts_with("NotBefore"), "{v}");
    assert_eq!(v.rule(), Rule::TimeRange);

    // Cycle statuses: at most 6, each a known value.
    let v = refused(
        client_without_server()
            .describe_instance_history_events()
            .region_id("cn-hangzhou")
            .instance_event_cycle_status("Pending")
            .send()
            .await,
    );
    assert!(v.parameter().starts_with("InstanceEventCycleStatus"), "{v}");
    assert_eq!(v.rule(), Rule::EnumValue);

    // DescribeInstancesFullStatus accepts only three lifecycle states.
    let v = refused(
        client_without_server()
            .describe_instances_full_status()
            .region_id("cn-hangzhou")
            .status("Stopping")
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "Status");
    assert_eq!(v.rule(), Rule::EnumValue);
}
