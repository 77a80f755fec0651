//! One wire test per disk and image API (issue 4): a valid request goes through the typed
//! client to a local server, and the parameters that arrive are compared with values written
//! out by hand from the documents' parameter tables and request examples — in particular the
//! list encodings (`Name.N` repeats, JSON arrays, comma lists) and flattened structs. A few
//! bad inputs at the end are rejected before anything is sent.

use ecs_runtime::validate::Rule;
use ecs_tests::wire::{assert_sent, client_without_server, refused, sent};

const OK: &str = r#"{"RequestId":"r-1"}"#;

// ---------------------------------------------------------------------------------------------
// Disks
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn attach_disk() {
    let s = sent(OK, async |c| {
        c.attach_disk()
            .instance_id("i-23jggx34b")
            .disk_id("d-23jbf2v5m")
            .delete_with_instance(true)
            .device("/dev/xvdb")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "AttachDisk",
        &[
            ("InstanceId", "i-23jggx34b"),
            ("DiskId", "d-23jbf2v5m"),
            ("DeleteWithInstance", "true"),
            ("Device", "/dev/xvdb"),
        ],
    );
}

#[tokio::test]
async fn create_disk() {
    use ecs_client::types::Tag;
    let s = sent(
        r#"{"RequestId":"473469C7-AA6F-4DC5-B3DB-A3DC0DE3C83E","DiskId":"d-bp131n0q38u3a4ziXXXXX"}"#,
        async |c| {
            c.create_disk()
                .region_id("cn-hangzhou")
                .zone_id("cn-hangzhou-g")
                .disk_name("data01")
                .disk_category("cloud_ssd")
                .size(2000)
                .tag(Tag::new().key("env").value("prod"))
                .tag(Tag::new().key("team").value("storage"))
                .client_token("0c593ea1-3bea-11e9-b96b-88e9fe637760")
                .send()
                .await
        },
    )
    .await;
    assert_sent(
        &s,
        "CreateDisk",
        &[
            ("RegionId", "cn-hangzhou"),
            ("ZoneId", "cn-hangzhou-g"),
            ("DiskName", "data01"),
            ("DiskCategory", "cloud_ssd"),
            ("Size", "2000"),
            ("Tag.1.Key", "env"),
            ("Tag.1.Value", "prod"),
            ("Tag.2.Key", "team"),
            ("Tag.2.Value", "storage"),
            ("ClientToken", "0c593ea1-3bea-11e9-b96b-88e9fe637760"),
        ],
    );
}

#[tokio::test]
async fn delete_disk() {
    let s = sent(OK, async |c| {
        c.delete_disk().disk_id("d-23jbf2v5m").send().await
    })
    .await;
    assert_sent(&s, "DeleteDisk", &[("DiskId", "d-23jbf2v5m")]);
}

#[tokio::test]
async fn describe_disks() {
    use ecs_client::types::Tag;
    let s = sent(OK, async |c| {
        c.describe_disks()
            .region_id("cn-qingdao")
            .zone_id("cn-qingdao-b")
            .disk_ids("d-1")
            .disk_ids("d-2")
            .disk_type("data")
            .category("cloud_ssd")
            .status("In_use")
            .portable(true)
            .tag(Tag::new().key("env").value("prod"))
            .page_number(1)
            .page_size(50)
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "DescribeDisks",
        &[
            ("RegionId", "cn-qingdao"),
            ("ZoneId", "cn-qingdao-b"),
            ("DiskIds", r#"["d-1","d-2"]"#),
            ("DiskType", "data"),
            ("Category", "cloud_ssd"),
            ("Status", "In_use"),
            ("Portable", "true"),
            ("Tag.1.Key", "env"),
            ("Tag.1.Value", "prod"),
            ("PageNumber", "1"),
            ("PageSize", "50"),
        ],
    );
}

#[tokio::test]
async fn detach_disk() {
    let s = sent(OK, async |c| {
        c.detach_disk()
            .instance_id("i-23jggx34b")
            .disk_id("d-23jbf2v5m")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "DetachDisk",
        &[("InstanceId", "i-23jggx34b"), ("DiskId", "d-23jbf2v5m")],
    );
}

#[tokio::test]
async fn modify_disk_attribute() {
    let s = sent(OK, async |c| {
        c.modify_disk_attribute()
            .disk_id("d-23jbf2v5m")
            .disk_name("MyDiskName")
            .description("data disk")
            .delete_with_instance(false)
            .delete_auto_snapshot(true)
            .enable_auto_snapshot(true)
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "ModifyDiskAttribute",
        &[
            ("DiskId", "d-23jbf2v5m"),
            ("DiskName", "MyDiskName"),
            ("Description", "data disk"),
            ("DeleteWithInstance", "false"),
            ("DeleteAutoSnapshot", "true"),
            ("EnableAutoSnapshot", "true"),
        ],
    );
}

#[tokio::test]
async fn modify_disk_charge_type() {
    let s = sent(OK, async |c| {
        c.modify_disk_charge_type()
            .region_id("cn-hangzhou")
            .instance_id("i-xxxxx1")
            .disk_ids("d-xxxxx1")
            .disk_ids("d-xxxxx2")
            .disk_charge_type("PostPaid")
            .auto_pay(false)
            .client_token("xxxxxxxxxxxxxx")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "ModifyDiskChargeType",
        &[
            ("RegionId", "cn-hangzhou"),
            ("InstanceId", "i-xxxxx1"),
            ("DiskIds", r#"["d-xxxxx1","d-xxxxx2"]"#),
            ("DiskChargeType", "PostPaid"),
            ("AutoPay", "false"),
            ("ClientToken", "xxxxxxxxxxxxxx"),
        ],
    );
}

#[tokio::test]
async fn re_init_disk() {
    let s = sent(OK, async |c| {
        c.re_init_disk()
            .disk_id("d-23jbf2v5m")
            .security_enhancement_strategy("Active")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "ReInitDisk",
        &[
            ("DiskId", "d-23jbf2v5m"),
            ("SecurityEnhancementStrategy", "Active"),
        ],
    );
}

#[tokio::test]
async fn replace_system_disk() {
    use ecs_client::replace_system_disk::SystemDisk;
    let s = sent(OK, async |c| {
        c.replace_system_disk()
            .instance_id("i-23jggx34b")
            .image_id("m-myimage11")
            .password("Abc12345")
            .system_disk(SystemDisk::new().size(80))
            .security_enhancement_strategy("Deactive")
            .client_token("token-1")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "ReplaceSystemDisk",
        &[
            ("InstanceId", "i-23jggx34b"),
            ("ImageId", "m-myimage11"),
            ("Password", "Abc12345"),
            ("SystemDisk.Size", "80"),
            ("SecurityEnhancementStrategy", "Deactive"),
            ("ClientToken", "token-1"),
        ],
    );
}

#[tokio::test]
async fn reset_disk() {
    let s = sent(OK, async |c| {
        c.reset_disk()
            .disk_id("d-23jbf2v5m")
            .snapshot_id("s-snapshot1")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "ResetDisk",
        &[("DiskId", "d-23jbf2v5m"), ("SnapshotId", "s-snapshot1")],
    );
}

#[tokio::test]
async fn resize_disk() {
    let s = sent(OK, async |c| {
        c.resize_disk()
            .disk_id("d-xxx")
            .new_size(1024)
            .client_token("token-1")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "ResizeDisk",
        &[
            ("DiskId", "d-xxx"),
            ("NewSize", "1024"),
            ("ClientToken", "token-1"),
        ],
    );
}

// ---------------------------------------------------------------------------------------------
// Images
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn cancel_copy_image() {
    let s = sent(OK, async |c| {
        c.cancel_copy_image()
            .region_id("cn-hangzhou")
            .image_id("m-imageid1")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "CancelCopyImage",
        &[("RegionId", "cn-hangzhou"), ("ImageId", "m-imageid1")],
    );
}

#[tokio::test]
async fn copy_image() {
    use ecs_client::types::Tag;
    let s = sent(OK, async |c| {
        c.copy_image()
            .image_id("m-imageid1")
            .region_id("cn-hangzhou")
            .destination_image_name("FinanceJoshua")
            .destination_description("FinanceDept")
            .destination_region_id("cn-shanghai")
            .encrypted(false)
            .tag(Tag::new().key("dept").value("finance"))
            .client_token("token-1")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "CopyImage",
        &[
            ("ImageId", "m-imageid1"),
            ("RegionId", "cn-hangzhou"),
            ("DestinationImageName", "FinanceJoshua"),
            ("DestinationDescription", "FinanceDept"),
            ("DestinationRegionId", "cn-shanghai"),
            ("Encrypted", "false"),
            ("Tag.1.Key", "dept"),
            ("Tag.1.Value", "finance"),
            ("ClientToken", "token-1"),
        ],
    );
}

#[tokio::test]
async fn create_image() {
    use ecs_client::create_image::DiskDeviceMappingSpec;
    let s = sent(OK, async |c| {
        c.create_image()
            .region_id("cn-hangzhou")
            .image_name("demo_image")
            .architecture("x86_64")
            .platform("CentOS")
            .disk_device_mapping(
                DiskDeviceMappingSpec::new()
                    .snapshot_id("s-snapshot1")
                    .disk_type("system"),
            )
            .disk_device_mapping(DiskDeviceMappingSpec::new().disk_type("data").size(100))
            .client_token("token-1")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "CreateImage",
        &[
            ("RegionId", "cn-hangzhou"),
            ("ImageName", "demo_image"),
            ("Architecture", "x86_64"),
            ("Platform", "CentOS"),
            ("DiskDeviceMapping.1.SnapshotId", "s-snapshot1"),
            ("DiskDeviceMapping.1.DiskType", "system"),
            ("DiskDeviceMapping.2.DiskType", "data"),
            ("DiskDeviceMapping.2.Size", "100"),
            ("ClientToken", "token-1"),
        ],
    );
}

#[tokio::test]
async fn delete_image() {
    let s = sent(OK, async |c| {
        c.delete_image()
            .region_id("cn-hangzhou")
            .image_id("m-63DFD5FB2")
            .force(true)
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "DeleteImage",
        &[
            ("RegionId", "cn-hangzhou"),
            ("ImageId", "m-63DFD5FB2"),
            ("Force", "true"),
        ],
    );
}

#[tokio::test]
async fn describe_image_share_permission() {
    let s = sent(OK, async |c| {
        c.describe_image_share_permission()
            .region_id("cn-qingdao")
            .image_id("m-282dzntc7")
            .page_number(2)
            .page_size(50)
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "DescribeImageSharePermission",
        &[
            ("RegionId", "cn-qingdao"),
            ("ImageId", "m-282dzntc7"),
            ("PageNumber", "2"),
            ("PageSize", "50"),
        ],
    );
}

#[tokio::test]
async fn describe_image_support_instance_types() {
    let s = sent(OK, async |c| {
        c.describe_image_support_instance_types()
            .region_id("cn-hangzhou")
            .image_id("ubuntu_16_0402_64_20G_alibase_20180409.vhd")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "DescribeImageSupportInstanceTypes",
        &[
            ("RegionId", "cn-hangzhou"),
            ("ImageId", "ubuntu_16_0402_64_20G_alibase_20180409.vhd"),
        ],
    );
}

#[tokio::test]
async fn describe_images() {
    use ecs_client::types::Tag;
    let s = sent(OK, async |c| {
        c.describe_images()
            .region_id("cn-hangzhou")
            .image_id("m-1")
            .image_id("m-2")
            .status("Available")
            .status("Creating")
            .image_owner_alias("self")
            .usage("instance")
            .tag(Tag::new().key("env").value("prod"))
            .page_size(100)
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "DescribeImages",
        &[
            ("RegionId", "cn-hangzhou"),
            ("ImageId", "m-1,m-2"),
            ("Status", "Available,Creating"),
            ("ImageOwnerAlias", "self"),
            ("Usage", "instance"),
            ("Tag.1.Key", "env"),
            ("Tag.1.Value", "prod"),
            ("PageSize", "100"),
        ],
    );
}

#[tokio::test]
async fn export_image() {
    let s = sent(OK, async |c| {
        c.export_image()
            .region_id("cn-hangzhou")
            .image_id("m-231234567")
            .oss_bucket("testexportImage")
            .oss_prefix("demo")
            .client_token("token-1")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "ExportImage",
        &[
            ("RegionId", "cn-hangzhou"),
            ("ImageId", "m-231234567"),
            ("OssBucket", "testexportImage"),
            ("OssPrefix", "demo"),
            ("ClientToken", "token-1"),
        ],
    );
}

#[tokio::test]
async fn import_image() {
    use ecs_client::import_image::ImportDiskMapping;
    let s = sent(OK, async |c| {
        c.import_image()
            .region_id("cn-hangzhou")
            .image_name("imported-centos")
            .os_type("linux")
            .platform("CentOS")
            .architecture("i386")
            .disk_device_mapping(
                ImportDiskMapping::new()
                    .oss_bucket("ecsimageos")
                    .oss_object("CentOS_5.4_32.raw")
                    .format("RAW")
                    .disk_image_size(40),
            )
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "ImportImage",
        &[
            ("RegionId", "cn-hangzhou"),
            ("ImageName", "imported-centos"),
            ("OSType", "linux"),
            ("Platform", "CentOS"),
            ("Architecture", "i386"),
            ("DiskDeviceMapping.1.OSSBucket", "ecsimageos"),
            ("DiskDeviceMapping.1.OSSObject", "CentOS_5.4_32.raw"),
            ("DiskDeviceMapping.1.Format", "RAW"),
            ("DiskDeviceMapping.1.DiskImageSize", "40"),
        ],
    );
}

#[tokio::test]
async fn modify_image_attribute() {
    use ecs_client::modify_image_attribute::ImageFeatures;
    let s = sent(OK, async |c| {
        c.modify_image_attribute()
            .region_id("cn-hangzhou")
            .image_id("m-bp18ygjuqnwhechc****")
            .image_name("testImageName")
            .status("Deprecated")
            .boot_mode("BIOS")
            .features(
                ImageFeatures::new()
                    .imds_support("v2")
                    .nvme_support("supported"),
            )
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "ModifyImageAttribute",
        &[
            ("RegionId", "cn-hangzhou"),
            ("ImageId", "m-bp18ygjuqnwhechc****"),
            ("ImageName", "testImageName"),
            ("Status", "Deprecated"),
            ("BootMode", "BIOS"),
            ("Features.ImdsSupport", "v2"),
            ("Features.NvmeSupport", "supported"),
        ],
    );
}

#[tokio::test]
async fn modify_image_share_permission() {
    let s = sent(OK, async |c| {
        c.modify_image_share_permission()
            .region_id("cn-hangzhou")
            .image_id("m-281234567")
            .add_account("23412345234")
            .add_account("23412345235")
            .remove_account("11111111111")
            .send()
            .await
    })
    .await;
    assert_sent(
        &s,
        "ModifyImageSharePermission",
        &[
            ("RegionId", "cn-hangzhou"),
            ("ImageId", "m-281234567"),
            ("AddAccount.1", "23412345234"),
            ("AddAccount.2", "23412345235"),
            ("RemoveAccount.1", "11111111111"),
        ],
    );
}

// ---------------------------------------------------------------------------------------------
// Bad input: rejected before any I/O
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn create_disk_size_range_depends_on_the_category_and_size_or_snapshot_is_needed() {
    use ecs_client::create_disk::CreateDiskInput as Input;
    let base = Input::new()
        .region_id("cn-hangzhou")
        .zone_id("cn-hangzhou-g");
    let cases = [
        // Basic disks (the default category) stop at 2000 GiB.
        ("Size", Rule::Range, base.clone().size(2001)),
        // SSDs start at 20 GiB.
        (
            "Size",
            Rule::Range,
            base.clone().disk_category("cloud_ssd").size(10),
        ),
        // Neither Size nor SnapshotId.
        ("Size", Rule::AtLeastOneOf, base.clone()),
        // Unknown category.
        (
            "DiskCategory",
            Rule::EnumValue,
            base.clone().disk_category("cloud_auto").size(40),
        ),
        // Names start with a letter and never with http://.
        (
            "DiskName",
            Rule::Pattern,
            base.clone().size(40).disk_name("1data"),
        ),
        (
            "Description",
            Rule::ForbiddenPrefix,
            base.clone().size(40).description("https://example.com"),
        ),
    ];
    for (parameter, rule, input) in cases {
        let v = refused(
            client_without_server()
                .create_disk()
                .input(input)
                .send()
                .await,
        );
        assert!(v.parameter().contains(parameter), "{parameter}: {v}");
        assert_eq!(v.rule(), rule, "{v}");
    }
    // The larger range holds for SSDs.
    let ok = base.disk_category("cloud_essd").size(32768);
    assert!(ok.validate().is_ok());
}

#[tokio::test]
async fn disk_lists_and_sizes_are_bounded() {
    // At most 16 disks change charge type at once.
    let ids: Vec<String> = (0..17).map(|i| format!("d-{i}")).collect();
    let v = refused(
        client_without_server()
            .modify_disk_charge_type()
            .region_id("cn-hangzhou")
            .instance_id("i-1")
            .set_disk_ids(Some(ids))
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "DiskIds");
    assert_eq!(v.rule(), Rule::ItemCount);

    // ResizeDisk: 5..=2000 GiB.
    let v = refused(
        client_without_server()
            .resize_disk()
            .disk_id("d-1")
            .new_size(2001)
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "NewSize");
    assert_eq!(v.rule(), Rule::Range);

    // ModifyDiskAttribute needs something to change.
    let v = refused(
        client_without_server()
            .modify_disk_attribute()
            .disk_id("d-1")
            .send()
            .await,
    );
    assert_eq!(v.rule(), Rule::AtLeastOneOf, "{v}");
}

#[tokio::test]
async fn replace_system_disk_password_rules() {
    use ecs_client::replace_system_disk::ReplaceSystemDiskInput as Input;
    use ecs_client::replace_system_disk::SystemDisk;
    let base = Input::new().instance_id("i-1").image_id("m-1");
    let cases = [
        // Two character classes only.
        (
            "Password",
            Rule::CharacterClasses,
            base.clone().password("abcdefg1"),
        ),
        // Password and PasswordInherit together.
        (
            "Password",
            Rule::MutuallyExclusive,
            base.clone().password("Abc12345").password_inherit(true),
        ),
        // System disk 20..=500 GiB.
        (
            "SystemDisk.Size",
            Rule::Range,
            base.clone().system_disk(SystemDisk::new().size(501)),
        ),
    ];
    for (parameter, rule, input) in cases {
        let v = refused(
            client_without_server()
                .replace_system_disk()
                .input(input)
                .send()
                .await,
        );
        assert!(v.parameter().contains(parameter), "{parameter}: {v}");
        assert_eq!(v.rule(), rule, "{v}");
        assert!(!v.to_string().contains("Abc12345"), "password echoed: {v}");
    }
}

#[tokio::test]
async fn image_inputs_are_checked_before_sending() {
    use ecs_client::import_image::ImportDiskMapping;
    // ImportImage needs at least one disk mapping.
    let v = refused(
        client_without_server()
            .import_image()
            .region_id("cn-hangzhou")
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "DiskDeviceMapping", "{v}");

    // A mapping's file format is one of RAW, VHD, qcow2.
    let v = refused(
        client_without_server()
            .import_image()
            .region_id("cn-hangzhou")
            .disk_device_mapping(
                ImportDiskMapping::new()
                    .oss_bucket("b")
                    .oss_object("o")
                    .format("vmdk"),
            )
            .send()
            .await,
    );
    assert!(v.parameter().contains("Format"), "{v}");
    assert_eq!(v.rule(), Rule::EnumValue);

    // ExportImage prefixes are letters and digits only.
    let v = refused(
        client_without_server()
            .export_image()
            .region_id("cn-hangzhou")
            .image_id("m-1")
            .oss_bucket("b")
            .oss_prefix("no-dashes")
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "OssPrefix");
    assert_eq!(v.rule(), Rule::Pattern);

    // Image names may not contain http:// anywhere nor start with aliyun; these named rules
    // are checked before the character pattern, so the error says which one was broken.
    for (name, rule) in [
        ("mine-http://x", Rule::ForbiddenSubstring),
        ("mine/x", Rule::Pattern),
        ("aliyun-image", Rule::ForbiddenPrefix),
    ] {
        let v = refused(
            client_without_server()
                .modify_image_attribute()
                .region_id("cn-hangzhou")
                .image_id("m-1")
                .image_name(name)
                .send()
                .await,
        );
        assert_eq!(v.parameter(), "ImageName");
        assert_eq!(v.rule(), rule, "{v}");
    }

    // At most 10 accounts per call.
    let accounts: Vec<String> = (0..11).map(|i| format!("1000{i}")).collect();
    let v = refused(
        client_without_server()
            .modify_image_share_permission()
            .region_id("cn-hangzhou")
            .image_id("m-1")
            .set_add_account(Some(accounts))
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "AddAccount");
    assert_eq!(v.rule(), Rule::ItemCount);

    // DescribeImages: page size 1..=100.
    let v = refused(
        client_without_server()
            .describe_images()
            .region_id("cn-hangzhou")
            .page_size(101)
            .send()
            .await,
    );
    assert_eq!(v.parameter(), "PageSize");
    assert_eq!(v.rule(), Rule::Range);
}
