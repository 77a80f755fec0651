//! List every instance and image tagged `env=prod`, across all pages.
//!
//! Credentials and region come from the environment (see the `launch_instance` example);
//! `ECS_ENDPOINT` points it at another endpoint, such as a local test server.
//!
//! ```sh
//! cargo run -p ecs-client --example list_prod
//! ```

use futures_util::StreamExt;

use ecs_client::types::Tag;
use ecs_client::{Client, Config};

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
    let prod = || Tag::new().key("env").value("prod");

    let mut instances = client
        .describe_instances()
        .region_id(&region)
        .tag(prod())
        .into_paginator()
        .page_size(100)
        .items();
    let mut count = 0;
    while let Some(instance) = instances.next().await {
        let instance = instance?;
        count += 1;
        println!(
            "instance {} {:?} {:?}",
            instance.instance_id.as_deref().unwrap_or("?"),
            instance.instance_name,
            instance.status
        );
    }

    let mut images = client
        .describe_images()
        .region_id(&region)
        .tag(prod())
        .into_paginator()
        .page_size(100)
        .items();
    while let Some(image) = images.next().await {
        let image = image?;
        count += 1;
        println!(
            "image {} {:?}",
            image.image_id.as_deref().unwrap_or("?"),
            image.image_name
        );
    }
    println!("{count} resources tagged env=prod");
    Ok(())
}
