//! One wire test per VPC, VRouter, VSwitch and route-entry API (all documented by 002 only): a
//! valid request goes through the typed client to a local server, and the parameters that
//! arrive are compared with values written out by hand from 002's parameter tables and request
//! examples (repaired where the examples name the wrong parameter). Each API with constraints
//! also gets a bad-input case proving validation fails before any network I/O.

use ecs_tests::wire::{assert_sent, client_without_server, refused, sent};

const OK: &str = r#"{"RequestId":"r-1"}"#;

#[tokio::test]
async fn describe_vpcs() {
    let s = sent(OK, async |c| {
        c.describe_vpcs()
            .region_id("cn-beijing")
            .vpc_id("vpc-257gq642n")
            .page_number(2)
            .page_size(50)
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "DescribeVpcs",
        &[
            ("RegionId", "cn-beijing"),
            ("VpcId", "vpc-257gq642n"),
            ("PageNumber", "2"),
            ("PageSize", "50"),
        ],
    );
}

#[tokio::test]
async fn describe_vpcs_rejects_a_page_size_above_50() {
    let v = refused(
        client_without_server()
            .describe_vpcs()
            .region_id("cn-beijing")
            .page_size(51)
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "PageSize");
}

#[tokio::test]
async fn create_vpc() {
    let body = r#"{"RequestId":"r-1","VpcId":"vpc-257gq642n","VRouterId":"vrt-25bezkd03","RouteTableId":"vtb-25wm68mnh"}"#;
    let s = sent(body, async |c| {
        c.create_vpc()
            .region_id("cn-beijing")
            .cidr_block("172.16.0.0/16")
            .vpc_name("Vpc01")
            .description("test network")
            .client_token("token-1")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "CreateVpc",
        &[
            ("RegionId", "cn-beijing"),
            ("CidrBlock", "172.16.0.0/16"),
            ("VpcName", "Vpc01"),
            ("Description", "test network"),
            ("ClientToken", "token-1"),
        ],
    );
}

#[tokio::test]
async fn create_vpc_rejects_a_cidr_block_outside_the_private_ranges() {
    let v = refused(
        client_without_server()
            .create_vpc()
            .region_id("cn-beijing")
            .cidr_block("10.0.0.0/8")
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "CidrBlock");
}

#[tokio::test]
async fn create_vpc_rejects_a_name_starting_with_a_digit() {
    let v = refused(
        client_without_server()
            .create_vpc()
            .region_id("cn-beijing")
            .vpc_name("1vpc")
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "VpcName");
}

#[tokio::test]
async fn delete_vpc() {
    let s = sent(OK, async |c| {
        c.delete_vpc().vpc_id("vpc-25eq58pl3").send().await
    })
    .await;
    assert_sent(&s, "DeleteVpc", &[("VpcId", "vpc-25eq58pl3")]);
}

#[tokio::test]
async fn delete_vpc_rejects_a_missing_vpc_id() {
    let v = refused(client_without_server().delete_vpc().send().await);
    assert_eq!(v.parameter(), "VpcId");
}

#[tokio::test]
async fn modify_vpc_attribute() {
    let s = sent(OK, async |c| {
        c.modify_vpc_attribute()
            .vpc_id("vpc-257gq642n")
            .vpc_name("Vpc02")
            .description("second network")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "ModifyVpcAttribute",
        &[
            ("VpcId", "vpc-257gq642n"),
            ("VpcName", "Vpc02"),
            ("Description", "second network"),
        ],
    );
}

#[tokio::test]
async fn modify_vpc_attribute_rejects_a_description_starting_with_http() {
    let v = refused(
        client_without_server()
            .modify_vpc_attribute()
            .vpc_id("vpc-257gq642n")
            .description("https://example.com")
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "Description");
}

#[tokio::test]
async fn describe_v_routers() {
    let s = sent(OK, async |c| {
        c.describe_v_routers()
            .region_id("cn-beijing")
            .v_router_id("vrt-25bezkd03")
            .page_number(1)
            .page_size(10)
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "DescribeVRouters",
        &[
            ("RegionId", "cn-beijing"),
            ("VRouterId", "vrt-25bezkd03"),
            ("PageNumber", "1"),
            ("PageSize", "10"),
        ],
    );
}

#[tokio::test]
async fn describe_v_routers_rejects_page_number_zero() {
    let v = refused(
        client_without_server()
            .describe_v_routers()
            .region_id("cn-beijing")
            .page_number(0)
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "PageNumber");
}

#[tokio::test]
async fn modify_v_router_attribute() {
    let s = sent(OK, async |c| {
        c.modify_v_router_attribute()
            .v_router_id("vrt-25bezkd03")
            .v_router_name("VRouter")
            .description("main router")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "ModifyVRouterAttribute",
        &[
            ("VRouterId", "vrt-25bezkd03"),
            ("VRouterName", "VRouter"),
            ("Description", "main router"),
        ],
    );
}

#[tokio::test]
async fn modify_v_router_attribute_rejects_a_one_character_name() {
    let v = refused(
        client_without_server()
            .modify_v_router_attribute()
            .v_router_id("vrt-25bezkd03")
            .v_router_name("V")
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "VRouterName");
}

#[tokio::test]
async fn create_v_switch() {
    let s = sent(
        r#"{"RequestId":"r-1","VSwitchId":"vsw-25naue4gz"}"#,
        async |c| {
            c.create_v_switch()
                .zone_id("cn-beijing-a")
                .cidr_block("172.16.1.0/24")
                .vpc_id("vpc-257gq642n")
                .v_switch_name("VSwitch01")
                .description("web tier")
                .client_token("token-1")
                .send()
                .await
        },
    )
    .await;
    assert_sent(
        &s,
        "CreateVSwitch",
        &[
            ("ZoneId", "cn-beijing-a"),
            ("CidrBlock", "172.16.1.0/24"),
            ("VpcId", "vpc-257gq642n"),
            ("VSwitchName", "VSwitch01"),
            ("Description", "web tier"),
            ("ClientToken", "token-1"),
        ],
    );
}

#[tokio::test]
async fn create_v_switch_rejects_a_mask_longer_than_24_bits() {
    let v = refused(
        client_without_server()
            .create_v_switch()
            .zone_id("cn-beijing-a")
            .cidr_block("172.16.1.0/28")
            .vpc_id("vpc-257gq642n")
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "CidrBlock");
}

#[tokio::test]
async fn delete_v_switch() {
    let s = sent(OK, async |c| {
        c.delete_v_switch()
            .v_switch_id("vsw-25naue4gz")
            .send()
            .await
    })
    .await;
    assert_sent(&s, "DeleteVSwitch", &[("VSwitchId", "vsw-25naue4gz")]);
}

#[tokio::test]
async fn delete_v_switch_rejects_a_missing_v_switch_id() {
    let v = refused(client_without_server().delete_v_switch().send().await);
    assert_eq!(v.parameter(), "VSwitchId");
}

#[tokio::test]
async fn describe_v_switches() {
    let s = sent(OK, async |c| {
        c.describe_v_switches()
            .vpc_id("vpc-25eq58pl3")
            .v_switch_id("vsw-25b7pv15t")
            .zone_id("cn-beijing-a")
            .page_size(20)
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "DescribeVSwitches",
        &[
            ("VpcId", "vpc-25eq58pl3"),
            ("VSwitchId", "vsw-25b7pv15t"),
            ("ZoneId", "cn-beijing-a"),
            ("PageSize", "20"),
        ],
    );
}

#[tokio::test]
async fn describe_v_switches_rejects_a_missing_vpc_id() {
    let v = refused(
        client_without_server()
            .describe_v_switches()
            .zone_id("cn-beijing-a")
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "VpcId");
}

#[tokio::test]
async fn modify_v_switch_attribute() {
    let s = sent(OK, async |c| {
        c.modify_v_switch_attribute()
            .v_switch_id("vsw-25b7pv15t")
            .v_switch_name("VSwitch02")
            .description("app tier")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "ModifyVSwitchAttribute",
        &[
            ("VSwitchId", "vsw-25b7pv15t"),
            ("VSwitchName", "VSwitch02"),
            ("Description", "app tier"),
        ],
    );
}

#[tokio::test]
async fn modify_v_switch_attribute_rejects_a_name_with_a_dot() {
    let v = refused(
        client_without_server()
            .modify_v_switch_attribute()
            .v_switch_id("vsw-25b7pv15t")
            .v_switch_name("web.tier")
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "VSwitchName");
}

#[tokio::test]
async fn create_route_entry() {
    let s = sent(OK, async |c| {
        c.create_route_entry()
            .route_table_id("vtb-25vtxl5ct")
            .destination_cidr_block("0.0.0.0/0")
            .next_hop_id("i-25skktp4")
            .next_hop_type("Instance")
            .client_token("token-1")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "CreateRouteEntry",
        &[
            ("RouteTableId", "vtb-25vtxl5ct"),
            ("DestinationCidrBlock", "0.0.0.0/0"),
            ("NextHopId", "i-25skktp4"),
            ("NextHopType", "Instance"),
            ("ClientToken", "token-1"),
        ],
    );
}

#[tokio::test]
async fn create_route_entry_rejects_an_unknown_next_hop_type() {
    let v = refused(
        client_without_server()
            .create_route_entry()
            .route_table_id("vtb-25vtxl5ct")
            .destination_cidr_block("192.168.10.1")
            .next_hop_id("i-25skktp4")
            .next_hop_type("Gateway")
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "NextHopType");
}

#[tokio::test]
async fn create_route_entry_rejects_a_malformed_destination() {
    let v = refused(
        client_without_server()
            .create_route_entry()
            .route_table_id("vtb-25vtxl5ct")
            .destination_cidr_block("192.168.10.0/33")
            .next_hop_id("i-25skktp4")
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "DestinationCidrBlock");
}

#[tokio::test]
async fn delete_route_entry() {
    let s = sent(OK, async |c| {
        c.delete_route_entry()
            .route_table_id("vtb-25vtxl5ct")
            .destination_cidr_block("192.168.1.0/24")
            .next_hop_id("i-25skktcp4")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "DeleteRouteEntry",
        &[
            ("RouteTableId", "vtb-25vtxl5ct"),
            ("DestinationCidrBlock", "192.168.1.0/24"),
            ("NextHopId", "i-25skktcp4"),
        ],
    );
}

#[tokio::test]
async fn delete_route_entry_rejects_a_missing_next_hop() {
    let v = refused(
        client_without_server()
            .delete_route_entry()
            .route_table_id("vtb-25vtxl5ct")
            .destination_cidr_block("192.168.1.0/24")
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "NextHopId");
}

#[tokio::test]
async fn describe_route_tables() {
    let s = sent(OK, async |c| {
        c.describe_route_tables()
            .v_router_id("vrt-25u5f8u2q")
            .route_table_id("vtb-25vtxl5ct")
            .page_number(1)
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "DescribeRouteTables",
        &[
            ("VRouterId", "vrt-25u5f8u2q"),
            ("RouteTableId", "vtb-25vtxl5ct"),
            ("PageNumber", "1"),
        ],
    );
}

#[tokio::test]
async fn describe_route_tables_rejects_a_page_size_of_zero() {
    let v = refused(
        client_without_server()
            .describe_route_tables()
            .v_router_id("vrt-25u5f8u2q")
            .page_size(0)
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "PageSize");
}
