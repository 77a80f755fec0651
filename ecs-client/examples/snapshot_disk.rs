//! Snapshot a disk and wait until the snapshot is accomplished.
//!
//! Credentials and region come from the environment (see the `launch_instance` example);
//! `ECS_ENDPOINT` points it at another endpoint, such as a local test server.
//!
//! ```sh
//! cargo run -p ecs-client --example snapshot_disk -- d-bp1...
//! ```

use std::time::Duration;

use ecs_client::types::Tag;
use ecs_client::{Client, Config};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let disk_id = std::env::args()
        .nth(1)
        .ok_or("usage: snapshot_disk <disk id>")?;
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

    let created = client
        .create_snapshot()
        .disk_id(&disk_id)
        .snapshot_name("before-upgrade")
        .tag(Tag::new().key("env").value("prod"))
        .send()
        .await?;
    let snapshot_id = created.snapshot_id.ok_or("no snapshot id")?;
    println!("snapshot {snapshot_id} of {disk_id} started");

    let done = client
        .describe_snapshots()
        .region_id(&region)
        .snapshot_ids(&snapshot_id)
        .wait_until_snapshot_accomplished()
        .max_wait(Duration::from_secs(3600))
        .wait()
        .await?;
    println!(
        "accomplished after {} polls ({:?})",
        done.polls, done.waited
    );
    Ok(())
}
