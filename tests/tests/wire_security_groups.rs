//! One wire test per security-group API: a valid request goes through the typed client to a
//! local server, and the parameters that arrive are compared with values written out by hand
//! from the documents' parameter tables and request examples (list encodings included), plus
//! bad-input cases that must fail validation before any network I/O.

use ecs_tests::wire::{assert_sent, client_without_server, refused, sent};

const OK: &str = r#"{"RequestId":"r-1"}"#;

#[tokio::test]
async fn create_security_group() {
    use ecs_client::types::Tag;
    let s = sent(
        r#"{"RequestId":"r-1","SecurityGroupId":"sg-1"}"#,
        async |c| {
            c.create_security_group()
                .region_id("cn-hangzhou")
                .description("for_demo")
                .security_group_name("FinanceJoshua")
                .vpc_id("vpc-vpcid1")
                .security_group_type("normal")
                .tag(Tag::new().key("env").value("prod"))
                .client_token("token-1")
                .send()
                .await
        },
    )
    .await;
    assert_sent(
        &s,
        "CreateSecurityGroup",
        &[
            ("RegionId", "cn-hangzhou"),
            ("Description", "for_demo"),
            ("SecurityGroupName", "FinanceJoshua"),
            ("VpcId", "vpc-vpcid1"),
            ("SecurityGroupType", "normal"),
            ("Tag.1.Key", "env"),
            ("Tag.1.Value", "prod"),
            ("ClientToken", "token-1"),
        ],
    );
}

#[tokio::test]
async fn create_security_group_rejects_a_name_starting_with_a_digit() {
    let v = refused(
        client_without_server()
            .create_security_group()
            .region_id("cn-hangzhou")
            .security_group_name("1group")
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "SecurityGroupName");
}

#[tokio::test]
async fn authorize_security_group() {
    let s = sent(OK, async |c| {
        c.authorize_security_group()
            .region_id("cn-hangzhou")
            .security_group_id("sg-F876FF7BA")
            .source_group_id("sg-1651FBB64")
            .source_group_owner_account("test@aliyun.com")
            .ip_protocol("tcp")
            .port_range("1/65535")
            .nic_type("intranet")
            .policy("drop")
            .priority(1)
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "AuthorizeSecurityGroup",
        &[
            ("RegionId", "cn-hangzhou"),
            ("SecurityGroupId", "sg-F876FF7BA"),
            ("SourceGroupId", "sg-1651FBB64"),
            ("SourceGroupOwnerAccount", "test@aliyun.com"),
            ("IpProtocol", "tcp"),
            ("PortRange", "1/65535"),
            ("NicType", "intranet"),
            ("Policy", "drop"),
            ("Priority", "1"),
        ],
    );
}

#[tokio::test]
async fn authorize_security_group_rejects_a_port_range_for_icmp() {
    let v = refused(
        client_without_server()
            .authorize_security_group()
            .region_id("cn-hangzhou")
            .security_group_id("sg-1")
            .source_cidr_ip("0.0.0.0/0")
            .ip_protocol("icmp")
            .port_range("1/200")
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "PortRange");
}

#[tokio::test]
async fn authorize_security_group_rejects_a_rule_without_source() {
    let err = client_without_server()
        .authorize_security_group()
        .region_id("cn-hangzhou")
        .security_group_id("sg-1")
        .ip_protocol("tcp")
        .port_range("22/22")
        .send()
        .await
        .unwrap_err();
    assert!(err.validation_error().is_some(), "{err:?}");
}

#[tokio::test]
async fn delete_security_group() {
    let s = sent(OK, async |c| {
        c.delete_security_group()
            .region_id("cn-hangzhou")
            .security_group_id("sg-F876FF7BA")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "DeleteSecurityGroup",
        &[
            ("RegionId", "cn-hangzhou"),
            ("SecurityGroupId", "sg-F876FF7BA"),
        ],
    );
}

#[tokio::test]
async fn describe_security_group_attribute() {
    let s = sent(OK, async |c| {
        c.describe_security_group_attribute()
            .region_id("cn-hangzhou")
            .security_group_id("sg-F876FF7BA")
            .nic_type("intranet")
            .direction("ingress")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "DescribeSecurityGroupAttribute",
        &[
            ("RegionId", "cn-hangzhou"),
            ("SecurityGroupId", "sg-F876FF7BA"),
            ("NicType", "intranet"),
            ("Direction", "ingress"),
        ],
    );
}

#[tokio::test]
async fn describe_security_group_attribute_rejects_an_unknown_direction() {
    let v = refused(
        client_without_server()
            .describe_security_group_attribute()
            .region_id("cn-hangzhou")
            .security_group_id("sg-1")
            .direction("inbound")
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "Direction");
}

#[tokio::test]
async fn describe_security_groups() {
    use ecs_client::types::Tag;
    let s = sent(OK, async |c| {
        c.describe_security_groups()
            .region_id("cn-hangzhou")
            .vpc_id("vpc-vpcid1")
            .security_group_ids("sg-id1")
            .security_group_ids("sg-id2")
            .tag(Tag::new().key("FinanceDept").value("FinanceJoshua"))
            .page_number(1)
            .page_size(10)
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "DescribeSecurityGroups",
        &[
            ("RegionId", "cn-hangzhou"),
            ("VpcId", "vpc-vpcid1"),
            ("SecurityGroupIds", r#"["sg-id1","sg-id2"]"#),
            ("Tag.1.Key", "FinanceDept"),
            ("Tag.1.Value", "FinanceJoshua"),
            ("PageNumber", "1"),
            ("PageSize", "10"),
        ],
    );
}

#[tokio::test]
async fn describe_security_groups_rejects_a_page_size_over_50() {
    let v = refused(
        client_without_server()
            .describe_security_groups()
            .region_id("cn-hangzhou")
            .page_size(51)
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "PageSize");
}

#[tokio::test]
async fn describe_security_group_references() {
    let s = sent(OK, async |c| {
        c.describe_security_group_references()
            .region_id("cn-hangzhou")
            .security_group_id("sg-1133aa")
            .security_group_id("sg-2255cc")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "DescribeSecurityGroupReferences",
        &[
            ("RegionId", "cn-hangzhou"),
            ("SecurityGroupId.1", "sg-1133aa"),
            ("SecurityGroupId.2", "sg-2255cc"),
        ],
    );
}

#[tokio::test]
async fn describe_security_group_references_rejects_more_than_10_groups() {
    let mut req = client_without_server()
        .describe_security_group_references()
        .region_id("cn-hangzhou");
    for i in 0..11 {
        req = req.security_group_id(format!("sg-{i}"));
    }
    let err = req.send().await.unwrap_err();
    let v = err.validation_error().expect("a validation error");
    assert_eq!(v.parameter(), "SecurityGroupId");
}

#[tokio::test]
async fn modify_security_group_attribute() {
    let s = sent(OK, async |c| {
        c.modify_security_group_attribute()
            .region_id("cn-hangzhou")
            .security_group_id("sg-F876FF7BA")
            .security_group_name("NewName")
            .description("for demo")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "ModifySecurityGroupAttribute",
        &[
            ("RegionId", "cn-hangzhou"),
            ("SecurityGroupId", "sg-F876FF7BA"),
            ("SecurityGroupName", "NewName"),
            ("Description", "for demo"),
        ],
    );
}

#[tokio::test]
async fn modify_security_group_attribute_rejects_a_url_description() {
    let v = refused(
        client_without_server()
            .modify_security_group_attribute()
            .region_id("cn-hangzhou")
            .security_group_id("sg-1")
            .description("https://example.com")
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "Description");
}

#[tokio::test]
async fn modify_security_group_policy() {
    let s = sent(OK, async |c| {
        c.modify_security_group_policy()
            .region_id("cn-hangzhou")
            .security_group_id("sg-1133aa")
            .inner_access_policy("Drop")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "ModifySecurityGroupPolicy",
        &[
            ("RegionId", "cn-hangzhou"),
            ("SecurityGroupId", "sg-1133aa"),
            ("InnerAccessPolicy", "Drop"),
        ],
    );
}

#[tokio::test]
async fn modify_security_group_policy_requires_a_policy() {
    let v = refused(
        client_without_server()
            .modify_security_group_policy()
            .region_id("cn-hangzhou")
            .security_group_id("sg-1")
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "InnerAccessPolicy");
}

#[tokio::test]
async fn join_security_group() {
    let s = sent(OK, async |c| {
        c.join_security_group()
            .instance_id("i-instance1")
            .security_group_id("F876FF7BA984")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "JoinSecurityGroup",
        &[
            ("InstanceId", "i-instance1"),
            ("SecurityGroupId", "F876FF7BA984"),
        ],
    );
}

#[tokio::test]
async fn join_security_group_requires_a_group() {
    let v = refused(
        client_without_server()
            .join_security_group()
            .instance_id("i-1")
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "SecurityGroupId");
}

#[tokio::test]
async fn leave_security_group() {
    let s = sent(OK, async |c| {
        c.leave_security_group()
            .instance_id("i-instance1")
            .security_group_id("F876FF7BA984")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "LeaveSecurityGroup",
        &[
            ("InstanceId", "i-instance1"),
            ("SecurityGroupId", "F876FF7BA984"),
        ],
    );
}

#[tokio::test]
async fn leave_security_group_requires_an_instance() {
    let v = refused(
        client_without_server()
            .leave_security_group()
            .security_group_id("sg-1")
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "InstanceId");
}

#[tokio::test]
async fn authorize_security_group_egress() {
    let s = sent(OK, async |c| {
        c.authorize_security_group_egress()
            .region_id("cn-hangzhou")
            .security_group_id("sg-F876FF7BA")
            .dest_group_id("sg-1651FBB64")
            .dest_group_owner_account("test@aliyun.com")
            .dest_group_owner_id(155780923770)
            .ip_protocol("tcp")
            .port_range("22/22")
            .nic_type("intranet")
            .policy("drop")
            .description("FinanceJoshua")
            .client_token("123e4567-e89b-12d3-a456-426655440000")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "AuthorizeSecurityGroupEgress",
        &[
            ("RegionId", "cn-hangzhou"),
            ("SecurityGroupId", "sg-F876FF7BA"),
            ("DestGroupId", "sg-1651FBB64"),
            ("DestGroupOwnerAccount", "test@aliyun.com"),
            ("DestGroupOwnerId", "155780923770"),
            ("IpProtocol", "tcp"),
            ("PortRange", "22/22"),
            ("NicType", "intranet"),
            ("Policy", "drop"),
            ("Description", "FinanceJoshua"),
            ("ClientToken", "123e4567-e89b-12d3-a456-426655440000"),
        ],
    );
}

#[tokio::test]
async fn authorize_security_group_egress_rejects_both_ipv4_and_ipv6_destinations() {
    let err = client_without_server()
        .authorize_security_group_egress()
        .region_id("cn-hangzhou")
        .security_group_id("sg-1")
        .ip_protocol("all")
        .port_range("-1/-1")
        .dest_cidr_ip("10.0.0.0/8")
        .ipv6_dest_cidr_ip("2001:db8::/32")
        .send()
        .await
        .unwrap_err();
    assert!(err.validation_error().is_some(), "{err:?}");
}

#[tokio::test]
async fn authorize_security_group_egress_rejects_a_source_port_range_for_gre() {
    let v = refused(
        client_without_server()
            .authorize_security_group_egress()
            .region_id("cn-hangzhou")
            .security_group_id("sg-1")
            .ip_protocol("gre")
            .port_range("-1/-1")
            .source_port_range("80/80")
            .dest_cidr_ip("10.0.0.0/8")
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "SourcePortRange");
}

#[tokio::test]
async fn revoke_security_group() {
    let s = sent(OK, async |c| {
        c.revoke_security_group()
            .region_id("cn-hangzhou")
            .security_group_id("C0003E8B-B930-4F59-ADC0-0E209A9012B0")
            .source_group_id("sg-F876FF7BA")
            .source_group_owner_account("test@aliyun.com")
            .ip_protocol("tcp")
            .port_range("1/65535")
            .priority(1)
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "RevokeSecurityGroup",
        &[
            ("RegionId", "cn-hangzhou"),
            ("SecurityGroupId", "C0003E8B-B930-4F59-ADC0-0E209A9012B0"),
            ("SourceGroupId", "sg-F876FF7BA"),
            ("SourceGroupOwnerAccount", "test@aliyun.com"),
            ("IpProtocol", "tcp"),
            ("PortRange", "1/65535"),
            ("Priority", "1"),
        ],
    );
}

#[tokio::test]
async fn revoke_security_group_rejects_a_priority_over_100() {
    let v = refused(
        client_without_server()
            .revoke_security_group()
            .region_id("cn-hangzhou")
            .security_group_id("sg-1")
            .source_cidr_ip("10.0.0.0/8")
            .ip_protocol("tcp")
            .port_range("22/22")
            .priority(101)
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "Priority");
}

#[tokio::test]
async fn revoke_security_group_egress() {
    let s = sent(OK, async |c| {
        c.revoke_security_group_egress()
            .region_id("cn-hangzhou")
            .security_group_id("sg-F876FF7BA")
            .dest_group_id("sg-1651FBB64")
            .dest_group_owner_account("test@aliyun.com")
            .ip_protocol("tcp")
            .port_range("22/22")
            .nic_type("intranet")
            .policy("drop")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "RevokeSecurityGroupEgress",
        &[
            ("RegionId", "cn-hangzhou"),
            ("SecurityGroupId", "sg-F876FF7BA"),
            ("DestGroupId", "sg-1651FBB64"),
            ("DestGroupOwnerAccount", "test@aliyun.com"),
            ("IpProtocol", "tcp"),
            ("PortRange", "22/22"),
            ("NicType", "intranet"),
            ("Policy", "drop"),
        ],
    );
}

#[tokio::test]
async fn revoke_security_group_egress_rejects_a_rule_without_destination() {
    let err = client_without_server()
        .revoke_security_group_egress()
        .region_id("cn-hangzhou")
        .security_group_id("sg-1")
        .ip_protocol("all")
        .port_range("-1/-1")
        .send()
        .await
        .unwrap_err();
    assert!(err.validation_error().is_some(), "{err:?}");
}

#[tokio::test]
async fn modify_security_group_rule() {
    let s = sent(OK, async |c| {
        c.modify_security_group_rule()
            .region_id("cn-hangzhou")
            .security_group_id("sg-F876FF7BA")
            .source_group_id("sg-1651FBB64")
            .source_group_owner_account("test@aliyun.com")
            .ip_protocol("tcp")
            .port_range("80/80")
            .policy("accept")
            .description("This is a new security group rule.")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "ModifySecurityGroupRule",
        &[
            ("RegionId", "cn-hangzhou"),
            ("SecurityGroupId", "sg-F876FF7BA"),
            ("SourceGroupId", "sg-1651FBB64"),
            ("SourceGroupOwnerAccount", "test@aliyun.com"),
            ("IpProtocol", "tcp"),
            ("PortRange", "80/80"),
            ("Policy", "accept"),
            ("Description", "This is a new security group rule."),
        ],
    );
}

#[tokio::test]
async fn modify_security_group_rule_rejects_a_too_long_description() {
    let v = refused(
        client_without_server()
            .modify_security_group_rule()
            .region_id("cn-hangzhou")
            .security_group_id("sg-1")
            .source_cidr_ip("10.0.0.0/8")
            .ip_protocol("tcp")
            .port_range("80/80")
            .description("x".repeat(513))
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "Description");
}

/// Every constraint kind the security group, public IP, EIP, VPC and network interface APIs
/// use, tried with bad input: each is refused before any I/O (the client points at a closed
/// port) with the expected rule and parameter.
#[tokio::test]
async fn every_constraint_kind_of_the_network_area_is_enforced_before_sending() {
    use ecs_client::types::Tag;
    use ecs_runtime::validate::{Rule, ValidationError};
    let c = ecs_tests::wire::client_without_server;
    let authorize = || {
        c().authorize_security_group()
            .region_id("cn-hangzhou")
            .security_group_id("sg-1")
            .ip_protocol("tcp")
            .port_range("22/22")
            .source_cidr_ip("10.0.0.0/8")
    };
    let cases: Vec<(Rule, &str, ValidationError)> = vec![
        (
            Rule::Required,
            "SecurityGroupId",
            refused(
                c().delete_security_group()
                    .region_id("cn-hangzhou")
                    .send()
                    .await,
            ),
        ),
        (
            Rule::EnumValue,
            "IpProtocol",
            refused(authorize().ip_protocol("TCP").send().await),
        ),
        (
            Rule::Pattern,
            "PortRange",
            refused(authorize().port_range("22").send().await),
        ),
        (
            Rule::Range,
            "Priority",
            refused(authorize().priority(101).send().await),
        ),
        (
            Rule::AtLeastOneOf,
            "SourceGroupId",
            refused(authorize().set_source_cidr_ip(None).send().await),
        ),
        (
            Rule::MutuallyExclusive,
            "SourceCidrIp",
            refused(
                authorize()
                    .ipv6_source_cidr_ip("2001:db8::/32")
                    .send()
                    .await,
            ),
        ),
        (
            Rule::Length,
            "Description",
            refused(
                c().create_security_group()
                    .region_id("cn-hangzhou")
                    .description("x")
                    .send()
                    .await,
            ),
        ),
        (
            Rule::ForbiddenPrefix,
            "Description",
            refused(
                c().create_security_group()
                    .region_id("cn-hangzhou")
                    .description("https://example.com/sg")
                    .send()
                    .await,
            ),
        ),
        (
            Rule::ForbiddenSubstring,
            "Tag.1.Key",
            refused(
                c().create_security_group()
                    .region_id("cn-hangzhou")
                    .tag(Tag::new().key("see-http://x").value("v"))
                    .send()
                    .await,
            ),
        ),
        (
            Rule::ItemCount,
            "SecurityGroupId",
            refused(
                c().describe_security_group_references()
                    .region_id("cn-hangzhou")
                    .set_security_group_id(Some((0..11).map(|i| format!("sg-{i}")).collect()))
                    .send()
                    .await,
            ),
        ),
        (
            Rule::ExactlyOneOf,
            "PrivateIpAddress",
            refused(
                c().assign_private_ip_addresses()
                    .region_id("cn-hangzhou")
                    .network_interface_id("eni-1")
                    .send()
                    .await,
            ),
        ),
        (
            Rule::RequiredIf,
            "ResourceId",
            refused(
                c().describe_bandwidth_limitation()
                    .region_id("cn-hangzhou")
                    .instance_type("ecs.g5.large")
                    .operation_type("Upgrade")
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

/// A group-to-group rule (SourceGroupId without SourceCidrIp) may not use NicType=internet;
/// leaving NicType out is accepted (the documents' examples do so: VPC groups default to
/// intranet, and the client cannot know the group's network type).
#[tokio::test]
async fn group_to_group_rules_refuse_an_internet_nic_type() {
    use ecs_client::authorize_security_group::AuthorizeSecurityGroupInput as Input;
    let base = Input::new()
        .region_id("cn-hangzhou")
        .security_group_id("sg-1")
        .ip_protocol("tcp")
        .port_range("22/22");
    let v = refused(
        client_without_server()
            .authorize_security_group()
            .input(base.clone().source_group_id("sg-2").nic_type("internet"))
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "NicType", "{v}");
    assert!(v.to_string().contains("SourceCidrIp is not given"), "{v}");
    let v = refused(
        client_without_server()
            .revoke_security_group_egress()
            .region_id("cn-hangzhou")
            .security_group_id("sg-1")
            .ip_protocol("tcp")
            .port_range("22/22")
            .dest_group_id("sg-2")
            .nic_type("internet")
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "NicType", "{v}");
    for ok in [
        base.clone().source_group_id("sg-2"),
        base.clone().source_group_id("sg-2").nic_type("intranet"),
        base.clone()
            .source_group_id("sg-2")
            .source_cidr_ip("10.0.0.0/8")
            .nic_type("internet"),
    ] {
        assert!(ok.validate().is_ok(), "{ok:?}: {:?}", ok.validate());
    }
}

/// Port ranges must be ordered and within 1..=65535 (`format: port_range`), not only shaped.
#[tokio::test]
async fn port_ranges_must_be_ordered_and_in_range() {
    for bad in ["200/1", "1/70000"] {
        let v = refused(
            client_without_server()
                .authorize_security_group()
                .region_id("cn-hangzhou")
                .security_group_id("sg-1")
                .ip_protocol("tcp")
                .port_range(bad)
                .source_cidr_ip("10.0.0.0/8")
                .send()
                .await,
        );
        assert_eq!(v.parameter(), "PortRange", "{v}");
        assert!(v.to_string().contains("start <= end"), "{v}");
    }
}
