//! One wire test per elastic network interface API: a valid request goes through the typed
//! client to a local server, and the parameters that arrive are compared with values written out
//! by hand from 001's parameter tables and request examples — in particular the `Name.N` repeat
//! lists (`Tag.N.Key`, `PrivateIpAddress.N`, `Ipv6Address.N`, `SecurityGroupId.N`,
//! `NetworkInterfaceId.N`). Bad-input cases prove that validation fails before any network I/O.

use ecs_tests::wire::{assert_sent, client_without_server, refused, sent};

const OK: &str = r#"{"RequestId":"r-1"}"#;

#[tokio::test]
async fn create_network_interface() {
    use ecs_client::types::Tag;
    let s = sent(
        r#"{"RequestId":"r-1","NetworkInterfaceId":"eni-enixxxxx"}"#,
        async |c| {
            c.create_network_interface()
                .region_id("cn-hangzhou")
                .v_switch_id("vsw-bp16usj2p27htro3xxxxx")
                .security_group_id("sg-c0003exxxxx")
                .network_interface_name("eni-web_1")
                .tag(Tag::new().key("env").value("prod"))
                .tag(Tag::new().key("team").value(""))
                .client_token("token-1")
                .send()
                .await
        },
    )
    .await;
    assert_sent(
        &s,
        "CreateNetworkInterface",
        &[
            ("RegionId", "cn-hangzhou"),
            ("VSwitchId", "vsw-bp16usj2p27htro3xxxxx"),
            ("SecurityGroupId", "sg-c0003exxxxx"),
            ("NetworkInterfaceName", "eni-web_1"),
            ("Tag.1.Key", "env"),
            ("Tag.1.Value", "prod"),
            ("Tag.2.Key", "team"),
            ("Tag.2.Value", ""),
            ("ClientToken", "token-1"),
        ],
    );
}

#[tokio::test]
async fn create_network_interface_rejects_a_name_starting_with_a_digit() {
    let v = refused(
        client_without_server()
            .create_network_interface()
            .region_id("cn-hangzhou")
            .v_switch_id("vsw-1")
            .security_group_id("sg-1")
            .network_interface_name("1eni")
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "NetworkInterfaceName");
}

#[tokio::test]
async fn delete_network_interface() {
    let s = sent(OK, async |c| {
        c.delete_network_interface()
            .region_id("cn-hangzhou")
            .network_interface_id("eni-bp17pdijfczaxZZZZxxxxx")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "DeleteNetworkInterface",
        &[
            ("RegionId", "cn-hangzhou"),
            ("NetworkInterfaceId", "eni-bp17pdijfczaxZZZZxxxxx"),
        ],
    );
}

#[tokio::test]
async fn delete_network_interface_requires_the_eni() {
    let v = refused(
        client_without_server()
            .delete_network_interface()
            .region_id("cn-hangzhou")
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "NetworkInterfaceId");
}

#[tokio::test]
async fn attach_network_interface() {
    let s = sent(OK, async |c| {
        c.attach_network_interface()
            .region_id("cn-hangzhou")
            .network_interface_id("eni-bp17pdijfczaxZZZZxxxxx")
            .instance_id("AY121018033933eae8xxxxx")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "AttachNetworkInterface",
        &[
            ("RegionId", "cn-hangzhou"),
            ("NetworkInterfaceId", "eni-bp17pdijfczaxZZZZxxxxx"),
            ("InstanceId", "AY121018033933eae8xxxxx"),
        ],
    );
}

#[tokio::test]
async fn attach_network_interface_requires_the_instance() {
    let v = refused(
        client_without_server()
            .attach_network_interface()
            .region_id("cn-hangzhou")
            .network_interface_id("eni-1")
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "InstanceId");
}

#[tokio::test]
async fn detach_network_interface() {
    let s = sent(OK, async |c| {
        c.detach_network_interface()
            .region_id("cn-hangzhou")
            .network_interface_id("eni-bp17pdijfczaxZZZZxxxxx")
            .instance_id("AY121018033933eaxxxxx")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "DetachNetworkInterface",
        &[
            ("RegionId", "cn-hangzhou"),
            ("NetworkInterfaceId", "eni-bp17pdijfczaxZZZZxxxxx"),
            ("InstanceId", "AY121018033933eaxxxxx"),
        ],
    );
}

#[tokio::test]
async fn detach_network_interface_requires_the_region() {
    let v = refused(
        client_without_server()
            .detach_network_interface()
            .network_interface_id("eni-1")
            .instance_id("i-1")
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "RegionId");
}

#[tokio::test]
async fn describe_network_interfaces() {
    use ecs_client::types::Tag;
    use ecs_client::types::{NetworkInterfaceStatus, NetworkInterfaceType};
    // The answer carries the nested lists of 001 21.50: PrivateIpSets, Ipv6Sets, SecurityGroupIds.
    let body = r#"{"RequestId":"r-1","TotalCount":1,"PageNumber":2,"PageSize":100,
        "NetworkInterfaceSets":{"NetworkInterfaceSet":[{"NetworkInterfaceId":"eni-bp17pdijfczaxZZZZxxxxx",
        "Status":"InUse","Type":"Secondary","CreationTime":"2017-11-24T06:14:22Z",
        "AssociatedPublicIp":{"PublicIpAddress":"47.0.0.1","AllocationId":"eip-1"},
        "PrivateIpSets":{"PrivateIpSet":[{"PrivateIpAddress":"192.168.0.1","Primary":true,"AssociatedPublicIp":{}}]},
        "Ipv6Sets":{"Ipv6Set":[{"Ipv6Address":"2001:db8::1"}]},
        "SecurityGroupIds":{"SecurityGroupId":["sg-bp144yr32sx6ndwxxxxx"]}}]}}"#;
    let s = sent(body, async |c| {
        let out = c
            .describe_network_interfaces()
            .region_id("cn-hangzhou")
            .vpc_id("vpc-bp1j7w3gc1cexjqdxxxxx")
            .type_("Secondary")
            .network_interface_id("eni-bp17pdijfczaxZZZZxxxxx")
            .network_interface_id("eni-bp17pdijfczaxYYYYxxxxx")
            .tag(Tag::new().key("env").value("prod"))
            .page_number(2)
            .page_size(100)
            .send()
            .await?;
        let eni = &out.network_interface_sets[0];
        assert_eq!(eni.status, Some(NetworkInterfaceStatus::InUse));
        assert_eq!(eni.type_, Some(NetworkInterfaceType::Secondary));
        assert_eq!(eni.private_ip_sets[0].primary, Some(true));
        assert_eq!(
            eni.ipv6_sets[0].ipv6_address.as_deref(),
            Some("2001:db8::1")
        );
        assert_eq!(eni.security_group_ids, vec!["sg-bp144yr32sx6ndwxxxxx"]);
        let ip = eni.associated_public_ip.as_ref().expect("a public IP");
        assert_eq!(ip.allocation_id.as_deref(), Some("eip-1"));
        Ok::<
            _,
            ecs_client::SdkError<
                ecs_client::describe_network_interfaces::DescribeNetworkInterfacesError,
            >,
        >(out)
    })
    .await;
    assert_sent(
        &s,
        "DescribeNetworkInterfaces",
        &[
            ("RegionId", "cn-hangzhou"),
            ("VpcId", "vpc-bp1j7w3gc1cexjqdxxxxx"),
            ("Type", "Secondary"),
            ("NetworkInterfaceId.1", "eni-bp17pdijfczaxZZZZxxxxx"),
            ("NetworkInterfaceId.2", "eni-bp17pdijfczaxYYYYxxxxx"),
            ("Tag.1.Key", "env"),
            ("Tag.1.Value", "prod"),
            ("PageNumber", "2"),
            ("PageSize", "100"),
        ],
    );
}

#[tokio::test]
async fn describe_network_interfaces_rejects_a_page_size_over_100() {
    let v = refused(
        client_without_server()
            .describe_network_interfaces()
            .region_id("cn-hangzhou")
            .page_size(101)
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "PageSize");
}

#[tokio::test]
async fn describe_network_interfaces_rejects_more_than_100_ids() {
    let mut req = client_without_server()
        .describe_network_interfaces()
        .region_id("cn-hangzhou");
    for i in 0..101 {
        req = req.network_interface_id(format!("eni-{i}"));
    }
    let err = req.send().await.unwrap_err();
    let v = err.validation_error().expect("a validation error");
    assert_eq!(v.parameter(), "NetworkInterfaceId");
}

#[tokio::test]
async fn modify_network_interface_attribute() {
    let s = sent(OK, async |c| {
        c.modify_network_interface_attribute()
            .region_id("cn-hangzhou")
            .network_interface_id("eni-bp17pdijfczaxZZZZxxxxx")
            .security_group_id("sg-bp144yr32sx6ndwxxxxx")
            .security_group_id("sg-bp144yr32sx6ndwyyyyy")
            .network_interface_name("web-eni")
            .description("front end")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "ModifyNetworkInterfaceAttribute",
        &[
            ("RegionId", "cn-hangzhou"),
            ("NetworkInterfaceId", "eni-bp17pdijfczaxZZZZxxxxx"),
            ("SecurityGroupId.1", "sg-bp144yr32sx6ndwxxxxx"),
            ("SecurityGroupId.2", "sg-bp144yr32sx6ndwyyyyy"),
            ("NetworkInterfaceName", "web-eni"),
            ("Description", "front end"),
        ],
    );
}

#[tokio::test]
async fn modify_network_interface_attribute_rejects_an_http_description() {
    let v = refused(
        client_without_server()
            .modify_network_interface_attribute()
            .region_id("cn-hangzhou")
            .network_interface_id("eni-1")
            .description("https://example.com")
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "Description");
}

#[tokio::test]
async fn assign_private_ip_addresses() {
    let s = sent(OK, async |c| {
        c.assign_private_ip_addresses()
            .region_id("cn-hangzhou")
            .network_interface_id("eni-m5e709m1ytxc4wx7wXXX")
            .private_ip_address("192.168.0.1")
            .private_ip_address("192.168.10.1")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "AssignPrivateIpAddresses",
        &[
            ("RegionId", "cn-hangzhou"),
            ("NetworkInterfaceId", "eni-m5e709m1ytxc4wx7wXXX"),
            ("PrivateIpAddress.1", "192.168.0.1"),
            ("PrivateIpAddress.2", "192.168.10.1"),
        ],
    );
}

#[tokio::test]
async fn assign_private_ip_addresses_by_count() {
    let s = sent(OK, async |c| {
        c.assign_private_ip_addresses()
            .region_id("cn-hangzhou")
            .network_interface_id("eni-m5e709m1ytxc4wx7wXXX")
            .secondary_private_ip_address_count(2)
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "AssignPrivateIpAddresses",
        &[
            ("RegionId", "cn-hangzhou"),
            ("NetworkInterfaceId", "eni-m5e709m1ytxc4wx7wXXX"),
            ("SecondaryPrivateIpAddressCount", "2"),
        ],
    );
}

#[tokio::test]
async fn assign_private_ip_addresses_rejects_addresses_and_a_count() {
    let err = client_without_server()
        .assign_private_ip_addresses()
        .region_id("cn-hangzhou")
        .network_interface_id("eni-1")
        .private_ip_address("192.168.0.1")
        .secondary_private_ip_address_count(1)
        .send()
        .await
        .unwrap_err();
    assert!(err.validation_error().is_some(), "{err:?}");
}

#[tokio::test]
async fn assign_private_ip_addresses_needs_addresses_or_a_count() {
    let err = client_without_server()
        .assign_private_ip_addresses()
        .region_id("cn-hangzhou")
        .network_interface_id("eni-1")
        .send()
        .await
        .unwrap_err();
    assert!(err.validation_error().is_some(), "{err:?}");
}

#[tokio::test]
async fn unassign_private_ip_addresses() {
    let s = sent(OK, async |c| {
        c.unassign_private_ip_addresses()
            .region_id("cn-hangzhou")
            .network_interface_id("eni-m5e709m1ytxc4wx7wXXX")
            .private_ip_address("192.168.0.1")
            .private_ip_address("192.168.10.1")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "UnassignPrivateIpAddresses",
        &[
            ("RegionId", "cn-hangzhou"),
            ("NetworkInterfaceId", "eni-m5e709m1ytxc4wx7wXXX"),
            ("PrivateIpAddress.1", "192.168.0.1"),
            ("PrivateIpAddress.2", "192.168.10.1"),
        ],
    );
}

#[tokio::test]
async fn unassign_private_ip_addresses_requires_an_address() {
    let v = refused(
        client_without_server()
            .unassign_private_ip_addresses()
            .region_id("cn-hangzhou")
            .network_interface_id("eni-1")
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "PrivateIpAddress");
}

#[tokio::test]
async fn assign_ipv6_addresses() {
    let s = sent(OK, async |c| {
        c.assign_ipv6_addresses()
            .region_id("cn-hangzhou")
            .network_interface_id("eni-test")
            .ipv6_address("2001:db8:1234:1a00::1")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "AssignIpv6Addresses",
        &[
            ("RegionId", "cn-hangzhou"),
            ("NetworkInterfaceId", "eni-test"),
            ("Ipv6Address.1", "2001:db8:1234:1a00::1"),
        ],
    );
}

#[tokio::test]
async fn assign_ipv6_addresses_rejects_an_address_and_a_count() {
    let err = client_without_server()
        .assign_ipv6_addresses()
        .region_id("cn-hangzhou")
        .network_interface_id("eni-test")
        .ipv6_address("2001:db8::1")
        .ipv6_address_count(1)
        .send()
        .await
        .unwrap_err();
    assert!(err.validation_error().is_some(), "{err:?}");
}

#[tokio::test]
async fn assign_ipv6_addresses_rejects_a_second_address() {
    let v = refused(
        client_without_server()
            .assign_ipv6_addresses()
            .region_id("cn-hangzhou")
            .network_interface_id("eni-test")
            .ipv6_address("2001:db8::1")
            .ipv6_address("2001:db8::2")
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "Ipv6Address");
}

#[tokio::test]
async fn unassign_ipv6_addresses() {
    let s = sent(OK, async |c| {
        c.unassign_ipv6_addresses()
            .region_id("cn-hangzhou")
            .network_interface_id("eni-test")
            .ipv6_address("2001:db8:1234:1a00::1")
            .ipv6_address("2001:db8:1234:1a00::2")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "UnassignIpv6Addresses",
        &[
            ("RegionId", "cn-hangzhou"),
            ("NetworkInterfaceId", "eni-test"),
            ("Ipv6Address.1", "2001:db8:1234:1a00::1"),
            ("Ipv6Address.2", "2001:db8:1234:1a00::2"),
        ],
    );
}

#[tokio::test]
async fn unassign_ipv6_addresses_requires_the_eni() {
    let v = refused(
        client_without_server()
            .unassign_ipv6_addresses()
            .region_id("cn-hangzhou")
            .ipv6_address("2001:db8::1")
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "NetworkInterfaceId");
}
