//! The hot path without the network: signing a 33-parameter request, and preparing a request
//! (build, validate, encode, sign).

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use ecs_client::describe_regions::DescribeRegionsInput;
use ecs_runtime::{Config, Credentials, Handle, Params};

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

fn prepare_describe_regions(c: &mut Criterion) {
    let config = Config::builder()
        .credentials(Credentials::new("testid", "testsecret"))
        .endpoint("http://127.0.0.1:9")
        .build()
        .expect("valid config");
    let handle = Handle::new(config).expect("valid handle");
    c.bench_function("prepare DescribeRegions", |b| {
        b.iter(|| {
            let input = DescribeRegionsInput::new().accept_language("en-US");
            input.validate().expect("valid input");
            let mut params = Params::new();
            input.write_params(&mut params);
            handle.prepare_at(
                &ecs_client::describe_regions::OPERATION,
                params,
                "2026-11-22T12:00:00Z",
                "nonce",
            )
        })
    });
}

criterion_group!(benches, sign_33_parameters, prepare_describe_regions);
criterion_main!(benches);
