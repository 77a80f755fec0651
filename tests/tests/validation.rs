//! Validation errors: each names the API, the wire parameter, the rule and the value. The
//! messages are snapshotted together so a wording change is one reviewable diff.

use ecs_client::types::Tag;
use ecs_runtime::validate::{Rule, ValidationError};

fn fails(result: Result<(), ValidationError>) -> ValidationError {
    result.expect_err("the request must be rejected")
}

/// (case, error) pairs checked one by one, then snapshotted as a whole.
fn cases() -> Vec<(&'static str, ValidationError, &'static str, Rule)> {
    use ecs_client::authorize_security_group::{AuthorizeSecurityGroupInput, IpProtocol};
    use ecs_client::create_disk::{CreateDiskInput, DiskCategory};
    use ecs_client::describe_classic_link_instances::DescribeClassicLinkInstancesInput;
    use ecs_client::describe_instances::DescribeInstancesInput;
    use ecs_client::describe_regions::DescribeRegionsInput;
    use ecs_client::modify_auto_snapshot_policy_ex::ModifyAutoSnapshotPolicyExInput;

    let disk = || {
        CreateDiskInput::new()
            .region_id("cn-hangzhou")
            .zone_id("cn-hangzhou-g")
    };
    let rule = || {
        AuthorizeSecurityGroupInput::new()
            .region_id("cn-hangzhou")
            .security_group_id("sg-1")
            .source_cidr_ip("10.0.0.0/8")
    };
    vec![
        (
            "unknown enum value",
            fails(
                DescribeRegionsInput::new()
                    .accept_language("fr-FR")
                    .validate(),
            ),
            "AcceptLanguage",
            Rule::EnumValue,
        ),
        (
            "missing required parameter",
            fails(CreateDiskInput::new().size(20).validate()),
            "RegionId",
            Rule::Required,
        ),
        (
            "range depending on the default category",
            fails(disk().size(2500).validate()),
            "Size",
            Rule::Range,
        ),
        (
            "range depending on the given category",
            fails(
                disk()
                    .disk_category(DiskCategory::CloudSsd)
                    .size(10)
                    .validate(),
            ),
            "Size",
            Rule::Range,
        ),
        (
            "size or snapshot",
            fails(disk().validate()),
            "Size, SnapshotId",
            Rule::AtLeastOneOf,
        ),
        (
            "name pattern",
            fails(disk().size(20).disk_name("1disk").validate()),
            "DiskName",
            Rule::Pattern,
        ),
        (
            "forbidden prefix",
            fails(disk().size(20).description("http://example.com").validate()),
            "Description",
            Rule::ForbiddenPrefix,
        ),
        (
            "tag key prefix inside a repeat list",
            fails(
                disk()
                    .size(20)
                    .tag(Tag::new().key("ok").value("1"))
                    .tag(Tag::new().key("aliyun-x"))
                    .validate(),
            ),
            "Tag.2.Key",
            Rule::ForbiddenPrefix,
        ),
        (
            "too many JSON-array items",
            fails(
                DescribeInstancesInput::new()
                    .region_id("cn-hangzhou")
                    .set_instance_ids(Some((0..101).map(|i| format!("i-{i}")).collect()))
                    .validate(),
            ),
            "InstanceIds",
            Rule::ItemCount,
        ),
        (
            "page size above the maximum",
            fails(
                DescribeInstancesInput::new()
                    .region_id("cn-hangzhou")
                    .page_size(101)
                    .validate(),
            ),
            "PageSize",
            Rule::Range,
        ),
        (
            "JSON-array item out of range",
            fails(
                ModifyAutoSnapshotPolicyExInput::new()
                    .region_id("cn-hangzhou")
                    .auto_snapshot_policy_id("p-1")
                    .time_points(1)
                    .time_points(24)
                    .validate(),
            ),
            "timePoints[2]",
            Rule::Range,
        ),
        (
            "port range of a portless protocol",
            fails(
                rule()
                    .ip_protocol(IpProtocol::Icmp)
                    .port_range("1/200")
                    .validate(),
            ),
            "PortRange",
            Rule::AllowedValues,
        ),
        (
            "port range of tcp",
            fails(
                rule()
                    .ip_protocol(IpProtocol::Tcp)
                    .port_range("-1/-1")
                    .validate(),
            ),
            "PortRange",
            Rule::Pattern,
        ),
        (
            "rule without a source",
            fails(
                AuthorizeSecurityGroupInput::new()
                    .region_id("cn-hangzhou")
                    .security_group_id("sg-1")
                    .ip_protocol(IpProtocol::Tcp)
                    .port_range("22/22")
                    .validate(),
            ),
            "SourceGroupId, SourceCidrIp, Ipv6SourceCidrIp",
            Rule::AtLeastOneOf,
        ),
        (
            "IPv4 and IPv6 sources together",
            fails(
                rule()
                    .ip_protocol(IpProtocol::Tcp)
                    .port_range("22/22")
                    .ipv6_source_cidr_ip("::/0")
                    .validate(),
            ),
            "SourceCidrIp, Ipv6SourceCidrIp",
            Rule::MutuallyExclusive,
        ),
        (
            "password mixing only two character classes (value redacted)",
            fails(
                ecs_client::create_instance::CreateInstanceInput::new()
                    .region_id("cn-hangzhou")
                    .image_id("m-1")
                    .instance_type("ecs.g7.large")
                    .security_group_id("sg-1")
                    .password("lowercase123")
                    .validate(),
            ),
            "Password",
            Rule::CharacterClasses,
        ),
        (
            "time range holding more samples than the API returns",
            fails(
                ecs_client::describe_disk_monitor_data::DescribeDiskMonitorDataInput::new()
                    .disk_id("d-1")
                    .start_time("2014-07-23T00:00:00Z")
                    .end_time("2014-07-24T00:00:00Z")
                    .validate(),
            ),
            "StartTime, EndTime",
            Rule::TimeRange,
        ),
        (
            "either InstanceId or VpcId",
            fails(
                DescribeClassicLinkInstancesInput::new()
                    .region_id("cn-hangzhou")
                    .validate(),
            ),
            "InstanceId, VpcId",
            Rule::AtLeastOneOf,
        ),
    ]
}

#[test]
fn each_error_names_the_parameter_and_the_rule() {
    for (case, err, parameter, rule) in cases() {
        assert_eq!(err.parameter(), parameter, "{case}: {err}");
        assert_eq!(err.rule(), rule, "{case}: {err}");
        assert!(err.to_string().starts_with(err.api()), "{case}: {err}");
        assert!(!err.to_string().contains("lowercase123"), "{case}: {err}");
    }
}

#[test]
fn messages_are_reviewed() {
    let text: Vec<String> = cases()
        .into_iter()
        .map(|(case, err, _, _)| format!("{case}:\n  {err}"))
        .collect();
    insta::assert_snapshot!("validation_messages", text.join("\n"));
}

#[test]
fn valid_requests_pass() {
    use ecs_client::authorize_security_group::{AuthorizeSecurityGroupInput, IpProtocol};
    use ecs_client::create_disk::{CreateDiskInput, DiskCategory};
    CreateDiskInput::new()
        .region_id("cn-hangzhou")
        .zone_id("cn-hangzhou-g")
        .disk_category(DiskCategory::CloudEssd)
        .size(32768)
        .disk_name("数据盘-01")
        .tag(Tag::new().key("env").value(""))
        .validate()
        .expect("valid");
    AuthorizeSecurityGroupInput::new()
        .region_id("cn-hangzhou")
        .security_group_id("sg-1")
        .source_group_id("sg-2")
        .ip_protocol(IpProtocol::All)
        .port_range("-1/-1")
        .validate()
        .expect("valid");
}
