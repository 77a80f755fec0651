//! One wire test per public-IP, ClassicLink and EIP API (groups `network` and `eip`): a valid
//! request goes through the typed client to a local server, and the parameters that arrive are
//! compared with values written out by hand from the documents' parameter tables and request
//! examples. Bad-input cases prove that validation fails before any network I/O.

use ecs_tests::wire::{assert_sent, refused, sent};

const OK: &str = r#"{"RequestId":"r-1"}"#;

#[tokio::test]
async fn describe_classic_link_instances() {
    let s = sent(OK, async |c| {
        c.describe_classic_link_instances()
            .region_id("cn-hangzhou")
            .vpc_id("vpc-test")
            .instance_id("i-test")
            .instance_id("i-test1")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "DescribeClassicLinkInstances",
        &[
            ("RegionId", "cn-hangzhou"),
            ("VpcId", "vpc-test"),
            ("InstanceId", "i-test,i-test1"),
        ],
    );
}

#[tokio::test]
async fn describe_classic_link_instances_needs_an_instance_or_a_vpc() {
    let err = ecs_tests::wire::client_without_server()
        .describe_classic_link_instances()
        .region_id("cn-hangzhou")
        .send()
        .await
        .unwrap_err();
    assert!(
        err.validation_error().is_some(),
        "a validation error: {err:?}"
    );
}

#[tokio::test]
async fn describe_classic_link_instances_rejects_a_page_size_over_50() {
    let v = refused(
        ecs_tests::wire::client_without_server()
            .describe_classic_link_instances()
            .region_id("cn-hangzhou")
            .vpc_id("vpc-test")
            .page_size(51)
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "PageSize");
}

#[tokio::test]
async fn allocate_public_ip_address() {
    let s = sent(
        r#"{"RequestId":"r-1","IpAddress":"10.1.149.159"}"#,
        async |c| {
            c.allocate_public_ip_address()
                .instance_id("i-instance1")
                .send()
                .await
        },
    )
    .await;
    assert_sent(
        &s,
        "AllocatePublicIpAddress",
        &[("InstanceId", "i-instance1")],
    );
}

#[tokio::test]
async fn allocate_public_ip_address_needs_an_instance() {
    let v = refused(
        ecs_tests::wire::client_without_server()
            .allocate_public_ip_address()
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "InstanceId");
}

#[tokio::test]
async fn convert_nat_public_ip_to_eip() {
    let s = sent(OK, async |c| {
        c.convert_nat_public_ip_to_eip()
            .region_id("cn-hangzhou")
            .instance_id("i-test")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "ConvertNatPublicIpToEip",
        &[("RegionId", "cn-hangzhou"), ("InstanceId", "i-test")],
    );
}

#[tokio::test]
async fn convert_nat_public_ip_to_eip_needs_a_region() {
    let v = refused(
        ecs_tests::wire::client_without_server()
            .convert_nat_public_ip_to_eip()
            .instance_id("i-test")
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "RegionId");
}

#[tokio::test]
async fn modify_instance_network_spec() {
    let s = sent(OK, async |c| {
        c.modify_instance_network_spec()
            .region_id("cn-hangzhou")
            .instance_id("i-xxxxx1")
            .internet_max_bandwidth_out(10)
            .network_charge_type("PayByTraffic")
            .auto_pay(false)
            .client_token("xxxxxxxxxxxxxx")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "ModifyInstanceNetworkSpec",
        &[
            ("RegionId", "cn-hangzhou"),
            ("InstanceId", "i-xxxxx1"),
            ("InternetMaxBandwidthOut", "10"),
            ("NetworkChargeType", "PayByTraffic"),
            ("AutoPay", "false"),
            ("ClientToken", "xxxxxxxxxxxxxx"),
        ],
    );
}

#[tokio::test]
async fn modify_instance_network_spec_rejects_an_outbound_bandwidth_over_100() {
    let v = refused(
        ecs_tests::wire::client_without_server()
            .modify_instance_network_spec()
            .instance_id("i-xxxxx1")
            .internet_max_bandwidth_out(101)
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "InternetMaxBandwidthOut");
}

#[tokio::test]
async fn modify_instance_network_spec_rejects_an_inbound_bandwidth_of_0() {
    let v = refused(
        ecs_tests::wire::client_without_server()
            .modify_instance_network_spec()
            .instance_id("i-xxxxx1")
            .internet_max_bandwidth_in(0)
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "InternetMaxBandwidthIn");
}

#[tokio::test]
async fn describe_bandwidth_limitation() {
    let s = sent(OK, async |c| {
        c.describe_bandwidth_limitation()
            .region_id("cn-hangzhou")
            .instance_type("ecs.g5.large")
            .instance_charge_type("PostPaid")
            .spot_strategy("NoSpot")
            .operation_type("Upgrade")
            .resource_id("i-test")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "DescribeBandwidthLimitation",
        &[
            ("RegionId", "cn-hangzhou"),
            ("InstanceType", "ecs.g5.large"),
            ("InstanceChargeType", "PostPaid"),
            ("SpotStrategy", "NoSpot"),
            ("OperationType", "Upgrade"),
            ("ResourceId", "i-test"),
        ],
    );
}

#[tokio::test]
async fn describe_bandwidth_limitation_needs_a_resource_for_a_downgrade() {
    let v = refused(
        ecs_tests::wire::client_without_server()
            .describe_bandwidth_limitation()
            .region_id("cn-hangzhou")
            .instance_type("ecs.g5.large")
            .operation_type("Downgrade")
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "ResourceId");
}

#[tokio::test]
async fn attach_classic_link_vpc() {
    let s = sent(OK, async |c| {
        c.attach_classic_link_vpc()
            .region_id("cn-hangzhou")
            .instance_id("i-test")
            .vpc_id("vpc-test")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "AttachClassicLinkVpc",
        &[
            ("RegionId", "cn-hangzhou"),
            ("InstanceId", "i-test"),
            ("VpcId", "vpc-test"),
        ],
    );
}

#[tokio::test]
async fn attach_classic_link_vpc_needs_a_vpc() {
    let v = refused(
        ecs_tests::wire::client_without_server()
            .attach_classic_link_vpc()
            .region_id("cn-hangzhou")
            .instance_id("i-test")
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "VpcId");
}

#[tokio::test]
async fn detach_classic_link_vpc() {
    let s = sent(OK, async |c| {
        c.detach_classic_link_vpc()
            .region_id("cn-hangzhou")
            .vpc_id("vpc-test")
            .instance_id("i-test")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "DetachClassicLinkVpc",
        &[
            ("RegionId", "cn-hangzhou"),
            ("VpcId", "vpc-test"),
            ("InstanceId", "i-test"),
        ],
    );
}

#[tokio::test]
async fn detach_classic_link_vpc_needs_an_instance() {
    let v = refused(
        ecs_tests::wire::client_without_server()
            .detach_classic_link_vpc()
            .region_id("cn-hangzhou")
            .vpc_id("vpc-test")
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "InstanceId");
}

#[tokio::test]
async fn allocate_eip_address() {
    let s = sent(
        r#"{"RequestId":"r-1","AllocationId":"eip-25877c70x","IpAddress":"123.56.0.206"}"#,
        async |c| {
            c.allocate_eip_address()
                .region_id("cn-beijing")
                .bandwidth(5)
                .internet_charge_type("PayByTraffic")
                .client_token("token-1")
                .send()
                .await
        },
    )
    .await;
    assert_sent(
        &s,
        "AllocateEipAddress",
        &[
            ("RegionId", "cn-beijing"),
            ("Bandwidth", "5"),
            ("InternetChargeType", "PayByTraffic"),
            ("ClientToken", "token-1"),
        ],
    );
}

#[tokio::test]
async fn allocate_eip_address_rejects_an_unknown_charge_type() {
    let v = refused(
        ecs_tests::wire::client_without_server()
            .allocate_eip_address()
            .region_id("cn-beijing")
            .internet_charge_type("PayByMood")
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "InternetChargeType");
}

#[tokio::test]
async fn describe_eip_addresses() {
    let s = sent(OK, async |c| {
        c.describe_eip_addresses()
            .region_id("cn-beijing")
            .status("Available")
            .allocation_id("eip-2578g5v5a")
            .page_number(1)
            .page_size(50)
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "DescribeEipAddresses",
        &[
            ("RegionId", "cn-beijing"),
            ("Status", "Available"),
            ("AllocationId", "eip-2578g5v5a"),
            ("PageNumber", "1"),
            ("PageSize", "50"),
        ],
    );
}

#[tokio::test]
async fn describe_eip_addresses_rejects_a_page_size_over_50() {
    let v = refused(
        ecs_tests::wire::client_without_server()
            .describe_eip_addresses()
            .region_id("cn-beijing")
            .page_size(51)
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "PageSize");
}

#[tokio::test]
async fn describe_eip_addresses_rejects_an_unknown_status() {
    let v = refused(
        ecs_tests::wire::client_without_server()
            .describe_eip_addresses()
            .region_id("cn-beijing")
            .status("Bound")
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "Status");
}

#[tokio::test]
async fn associate_eip_address() {
    let s = sent(OK, async |c| {
        c.associate_eip_address()
            .allocation_id("eip-25877c70x")
            .instance_id("i-25skktcp4")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "AssociateEipAddress",
        &[
            ("AllocationId", "eip-25877c70x"),
            ("InstanceId", "i-25skktcp4"),
        ],
    );
}

#[tokio::test]
async fn associate_eip_address_needs_an_instance() {
    let v = refused(
        ecs_tests::wire::client_without_server()
            .associate_eip_address()
            .allocation_id("eip-25877c70x")
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "InstanceId");
}

#[tokio::test]
async fn unassociate_eip_address() {
    let s = sent(OK, async |c| {
        c.unassociate_eip_address()
            .allocation_id("eip-2578g5v5a")
            .instance_id("i-25skktp4")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "UnassociateEipAddress",
        &[
            ("AllocationId", "eip-2578g5v5a"),
            ("InstanceId", "i-25skktp4"),
        ],
    );
}

#[tokio::test]
async fn unassociate_eip_address_needs_an_allocation_id() {
    let v = refused(
        ecs_tests::wire::client_without_server()
            .unassociate_eip_address()
            .instance_id("i-25skktp4")
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "AllocationId");
}

#[tokio::test]
async fn release_eip_address() {
    let s = sent(OK, async |c| {
        c.release_eip_address()
            .allocation_id("eip-25877c70x")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "ReleaseEipAddress",
        &[("AllocationId", "eip-25877c70x")],
    );
}

#[tokio::test]
async fn release_eip_address_needs_an_allocation_id() {
    let v = refused(
        ecs_tests::wire::client_without_server()
            .release_eip_address()
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "AllocationId");
}

#[tokio::test]
async fn modify_eip_address_attribute() {
    let s = sent(OK, async |c| {
        c.modify_eip_address_attribute()
            .allocation_id("eip-25877c70x")
            .bandwidth(1)
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "ModifyEipAddressAttribute",
        &[("AllocationId", "eip-25877c70x"), ("Bandwidth", "1")],
    );
}

#[tokio::test]
async fn modify_eip_address_attribute_needs_a_bandwidth() {
    let v = refused(
        ecs_tests::wire::client_without_server()
            .modify_eip_address_attribute()
            .allocation_id("eip-25877c70x")
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "Bandwidth");
}
