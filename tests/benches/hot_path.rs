//! The hot path without the network: signing a 33-parameter request, and preparing a full
//! RunInstances request (build, validate, encode, sign).

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use ecs_client::run_instances::{
    DataDisk, DataDiskCategory, RunInstancesInput, SystemDisk, SystemDiskCategory,
};
use ecs_client::types::Tag;
use ecs_runtime::{Config, Credentials, Handle, Params};

fn handle() -> Handle {
    let config = Config::builder()
        .credentials(Credentials::new("testid", "testsecret"))
        .endpoint("http://127.0.0.1:9")
        .build()
        .expect("valid config");
    Handle::new(config).expect("valid handle")
}

fn sign_33_parameters(c: &mut Criterion) {
    let params: Vec<(String, String)> = (0..33)
        .map(|i| {
            (
                format!("Parameter{i:02}"),
                format!("value {i} with spaces/*~ and ünïcode"),
            )
        })
        .collect();
    c.bench_function("sign 33 parameters", |b| {
        b.iter(|| {
            let canonical = ecs_runtime::sign::canonical_query(black_box(&params));
            let sts = ecs_runtime::sign::string_to_sign("POST", &canonical);
            ecs_runtime::sign::sign("testsecret", &sts)
        })
    });
}

fn run_instances_input() -> RunInstancesInput {
    let mut input = RunInstancesInput::new()
        .region_id("cn-hangzhou")
        .image_id("ubuntu_22_04_x64_20G_alibase_20240130.vhd")
        .instance_type("ecs.g7.large")
        .security_group_id("sg-bp15ed6xe1yxeycg7o3r")
        .v_switch_id("vsw-bp1s5fnvk4gn2tws03624")
        .instance_name("bench-instance")
        .host_name("bench-host")
        .internet_max_bandwidth_out(10)
        .system_disk(
            SystemDisk::new()
                .category(SystemDiskCategory::CloudEssd)
                .size(40),
        )
        .amount(3)
        .client_token("0c593ea1-3bea-11e9-b96b-88e9fe637760");
    for size in [100, 200, 300] {
        input = input.data_disk(
            DataDisk::new()
                .category(DataDiskCategory::CloudEssd)
                .size(size),
        );
    }
    for (k, v) in [("env", "prod"), ("team", "infra")] {
        input = input.tag(Tag::new().key(k).value(v));
    }
    input
}

fn prepare_run_instances(c: &mut Criterion) {
    let handle = handle();
    let creds = Credentials::new("testid", "testsecret");
    c.bench_function(
        "prepare RunInstances (build, validate, encode, sign)",
        |b| {
            b.iter(|| {
                let input = run_instances_input();
                input.validate().expect("valid input");
                let mut params = Params::new();
                input.write_params(&mut params);
                handle.prepare_at(
                    &ecs_client::run_instances::OPERATION,
                    params,
                    &creds,
                    "2026-11-22T12:00:00Z",
                    "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
                )
            })
        },
    );
}

criterion_group!(benches, sign_33_parameters, prepare_run_instances);
criterion_main!(benches);
