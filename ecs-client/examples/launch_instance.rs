//! Launch an instance with a security group that admits SSH and a 100 GiB data disk, then wait
//! until it runs.
//!
//! Credentials and region come from the environment as for every official Alibaba Cloud SDK
//! (`ALIBABA_CLOUD_ACCESS_KEY_ID`, `ALIBABA_CLOUD_ACCESS_KEY_SECRET`, `ALIBABA_CLOUD_REGION_ID`,
//! or the CLI profile); `ECS_ENDPOINT` points the example at another endpoint, such as a local
//! test server. `ECS_IMAGE_ID`, `ECS_INSTANCE_TYPE`, `ECS_VSWITCH_ID` and `ECS_VPC_ID` choose
//! what to launch.
//!
//! ```sh
//! ECS_VPC_ID=vpc-... ECS_VSWITCH_ID=vsw-... cargo run -p ecs-client --example launch_instance
//! ```

use std::time::Duration;

use ecs_client::authorize_security_group::IpProtocol;
use ecs_client::run_instances::{DataDisk, DataDiskCategory};
use ecs_client::types::Tag;
use ecs_client::{Client, Config};

fn var(name: &str, default: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| default.to_owned())
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut config = Config::from_env();
    if let Ok(endpoint) = std::env::var("ECS_ENDPOINT") {
        config = config.endpoint(endpoint);
    }
    let config = config.build()?;
    let region = config
        .region()
        .ok_or("set ALIBABA_CLOUD_REGION_ID or a CLI profile region")?
        .to_owned();
    let client = Client::new(config)?;

    let group = client
        .create_security_group()
        .region_id(&region)
        .vpc_id(var("ECS_VPC_ID", "vpc-example"))
        .security_group_name("ssh-only")
        .description("SSH from anywhere, created by the launch_instance example")
        .send()
        .await?;
    let group_id = group.security_group_id.ok_or("no security group id")?;
    println!("security group {group_id}");

    client
        .authorize_security_group()
        .region_id(&region)
        .security_group_id(&group_id)
        .ip_protocol(IpProtocol::Tcp)
        .port_range("22/22")
        .source_cidr_ip("0.0.0.0/0")
        .send()
        .await?;

    let launched = client
        .run_instances()
        .region_id(&region)
        .image_id(var("ECS_IMAGE_ID", "aliyun_3_x64_20G_alibase_20240819.vhd"))
        .instance_type(var("ECS_INSTANCE_TYPE", "ecs.g7.large"))
        .security_group_id(&group_id)
        .v_switch_id(var("ECS_VSWITCH_ID", "vsw-example"))
        .data_disk(
            DataDisk::new()
                .size(100)
                .category(DataDiskCategory::CloudEssd),
        )
        .tag(Tag::new().key("env").value("dev"))
        .send()
        .await?;
    let ids = launched.instance_id_sets;
    println!("launched {ids:?}");

    let mut wait = client.describe_instances().region_id(&region);
    for id in &ids {
        wait = wait.instance_ids(id);
    }
    let done = wait
        .wait_until_instance_running()
        .max_wait(Duration::from_secs(600))
        .wait()
        .await?;
    println!("running after {} polls ({:?})", done.polls, done.waited);
    Ok(())
}
