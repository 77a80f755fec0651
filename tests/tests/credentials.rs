//! The credential providers: environment, CLI profile, shared credentials file, ECS RAM role
//! (against a local metadata server), the default chain, and caching with refresh. Each test
//! builds its own environment snapshot and temporary HOME; the process environment is never
//! read or changed.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use ecs_runtime::credentials::{
    CachingProvider, DefaultChain, EcsRamRoleProvider, Env, ProvideCredentials,
};
use ecs_runtime::{ConfigBuilder, CredentialsError};
use ecs_tests::ManualClock;
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

/// 2027-01-15T08:00:00Z.
const T0: u64 = 1_800_000_000;

fn t0() -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_secs(T0)
}

/// A fresh temporary HOME holding the given files (relative path, contents).
fn home(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ecs-creds-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for (rel, text) in files {
        let p = dir.join(rel);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("temp dir writable");
        std::fs::write(p, text).expect("temp dir writable");
    }
    std::fs::create_dir_all(&dir).expect("temp dir writable");
    dir
}

fn env(home: &std::path::Path, vars: &[(&str, &str)]) -> Env {
    let mut all: Vec<(String, String)> = vec![
        ("HOME".into(), home.display().to_string()),
        ("ALIBABA_CLOUD_ECS_METADATA_DISABLED".into(), "true".into()),
    ];
    all.extend(vars.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    Env::from_vars(all)
}

const CLI_CONFIG: &str = r#"{
  "current": "default",
  "profiles": [
    {"name": "default", "mode": "AK", "access_key_id": "cli-ak", "access_key_secret": "cli-secret", "region_id": "cn-shanghai"},
    {"name": "sts", "mode": "StsToken", "access_key_id": "STS.cli", "access_key_secret": "sts-secret", "sts_token": "sts-token", "region_id": "cn-beijing"},
    {"name": "role", "mode": "EcsRamRole", "ram_role_name": "role1"},
    {"name": "arn", "mode": "RamRoleArn", "access_key_id": "x", "access_key_secret": "y"}
  ]
}"#;

const INI: &str = "[default]\nenable = true\ntype = access_key\naccess_key_id = ini-ak\naccess_key_secret = ini-secret\n\n[off]\nenable = false\ntype = access_key\naccess_key_id = a\naccess_key_secret = b\n";

async fn provide(env: Env) -> Result<ecs_runtime::Credentials, CredentialsError> {
    DefaultChain::new(env).provide_credentials().await
}

#[tokio::test]
async fn environment_comes_first_and_aliases_rank_lower() {
    let h = home("env", &[(".aliyun/config.json", CLI_CONFIG)]);
    let creds = provide(env(
        &h,
        &[
            ("ALIBABA_CLOUD_ACCESS_KEY_ID", "env-ak"),
            ("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "env-secret"),
            ("ALIBABA_CLOUD_SECURITY_TOKEN", "env-token"),
            ("ALICLOUD_ACCESS_KEY_ID", "alias-ak"),
            ("ALICLOUD_ACCESS_KEY_SECRET", "alias-secret"),
        ],
    ))
    .await
    .expect("env");
    assert_eq!(creds.access_key_id(), "env-ak");
    assert!(creds.has_security_token());

    let creds = provide(env(
        &h,
        &[
            ("ALICLOUD_ACCESS_KEY_ID", "alias-ak"),
            ("ALICLOUD_ACCESS_KEY_SECRET", "alias-secret"),
        ],
    ))
    .await
    .expect("alias");
    assert_eq!(creds.access_key_id(), "alias-ak");

    let creds = provide(env(
        &h,
        &[
            ("ALIBABACLOUD_ACCESS_KEY_ID", "mid-ak"),
            ("ALIBABACLOUD_ACCESS_KEY_SECRET", "mid-secret"),
            ("ALICLOUD_ACCESS_KEY_ID", "alias-ak"),
            ("ALICLOUD_ACCESS_KEY_SECRET", "alias-secret"),
        ],
    ))
    .await
    .expect("alias");
    assert_eq!(creds.access_key_id(), "mid-ak");
}

#[tokio::test]
async fn cli_profile_modes_and_selection() {
    let h = home("cli", &[(".aliyun/config.json", CLI_CONFIG)]);
    let creds = provide(env(&h, &[])).await.expect("current profile");
    assert_eq!(creds.access_key_id(), "cli-ak");
    assert!(!creds.has_security_token());

    let creds = provide(env(&h, &[("ALIBABA_CLOUD_PROFILE", "sts")]))
        .await
        .expect("sts profile");
    assert_eq!(creds.access_key_id(), "STS.cli");
    assert!(creds.has_security_token());

    let err = provide(env(&h, &[("ALIBABA_CLOUD_PROFILE", "arn")]))
        .await
        .expect_err("unsupported mode")
        .to_string();
    assert!(err.contains("RamRoleArn"), "{err}");

    // The profile's region becomes the default region; the environment's wins over it.
    let config = ConfigBuilder::from_env_snapshot(env(&h, &[]))
        .build()
        .expect("config");
    assert_eq!(config.region(), Some("cn-shanghai"));
    let config =
        ConfigBuilder::from_env_snapshot(env(&h, &[("ALIBABA_CLOUD_REGION_ID", "eu-central-1")]))
            .build()
            .expect("config");
    assert_eq!(config.region(), Some("eu-central-1"));

    // The configuration file's path can be overridden.
    let other = home("cli-other", &[("elsewhere.json", CLI_CONFIG)]);
    let creds = provide(env(
        &home("cli-empty", &[]),
        &[(
            "ALIBABA_CLOUD_CONFIG_FILE",
            &other.join("elsewhere.json").display().to_string(),
        )],
    ))
    .await
    .expect("overridden path");
    assert_eq!(creds.access_key_id(), "cli-ak");
}

#[tokio::test]
async fn shared_credentials_file_after_the_cli_profile() {
    let h = home("ini", &[(".alibabacloud/credentials", INI)]);
    let creds = provide(env(&h, &[])).await.expect("ini");
    assert_eq!(creds.access_key_id(), "ini-ak");

    let err = provide(env(&h, &[("ALIBABA_CLOUD_PROFILE", "off")]))
        .await
        .expect_err("disabled section")
        .to_string();
    assert!(err.contains("enable = false"), "{err}");

    let both = home(
        "ini-both",
        &[
            (".alibabacloud/credentials", INI),
            (".aliyun/config.json", CLI_CONFIG),
        ],
    );
    let creds = provide(env(&both, &[])).await.expect("cli first");
    assert_eq!(creds.access_key_id(), "cli-ak");

    let elsewhere = home("ini-else", &[("creds.ini", INI)]);
    let creds = provide(env(
        &home("ini-empty", &[]),
        &[(
            "ALIBABA_CLOUD_CREDENTIALS_FILE",
            &elsewhere.join("creds.ini").display().to_string(),
        )],
    ))
    .await
    .expect("overridden path");
    assert_eq!(creds.access_key_id(), "ini-ak");
}

#[tokio::test]
async fn when_nothing_works_every_provider_says_why_without_secrets() {
    let h = home("none", &[]);
    let err = provide(env(
        &h,
        &[("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "SENTINEL-SECRET-1")],
    ))
    .await
    .expect_err("no credentials");
    let CredentialsError::Chain(list) = &err else {
        panic!("expected the chain's list, got {err:?}")
    };
    assert_eq!(list.len(), 4);
    let text = err.to_string();
    for provider in [
        "environment",
        "CLI profile",
        "credentials file",
        "ECS RAM role",
    ] {
        assert!(text.contains(provider), "{provider} missing from: {text}");
    }
    assert!(
        text.contains("ALIBABA_CLOUD_ACCESS_KEY_ID is not"),
        "{text}"
    );
    assert!(
        text.contains("ALIBABA_CLOUD_ECS_METADATA_DISABLED"),
        "{text}"
    );
    assert!(!text.contains("SENTINEL"), "{text}");
    assert!(!format!("{err:?}").contains("SENTINEL"));
}

/// A metadata server: a session token, the role list and the role's credentials (one
/// response per call from `credentials`, repeating the last).
async fn metadata_server(credentials: Vec<String>) -> (MockServer, Arc<AtomicUsize>) {
    struct Creds(Vec<String>, Arc<AtomicUsize>);
    impl Respond for Creds {
        fn respond(&self, _: &Request) -> ResponseTemplate {
            let i = self.1.fetch_add(1, Ordering::SeqCst);
            ResponseTemplate::new(200).set_body_string(self.0[i.min(self.0.len() - 1)].clone())
        }
    }
    let server = MockServer::start().await;
    Mock::given(method("PUT"))
        .and(path("/latest/api/token"))
        .and(header("X-aliyun-ecs-metadata-token-ttl-seconds", "21600"))
        .respond_with(ResponseTemplate::new(200).set_body_string("session-token"))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/latest/meta-data/ram/security-credentials/"))
        .and(header("X-aliyun-ecs-metadata-token", "session-token"))
        .respond_with(ResponseTemplate::new(200).set_body_string("role1\n"))
        .mount(&server)
        .await;
    let count = Arc::new(AtomicUsize::new(0));
    Mock::given(method("GET"))
        .and(path("/latest/meta-data/ram/security-credentials/role1"))
        .and(header("X-aliyun-ecs-metadata-token", "session-token"))
        .respond_with(Creds(credentials, count.clone()))
        .mount(&server)
        .await;
    (server, count)
}

fn role_credentials(id: &str, expiration: &str) -> String {
    format!(
        r#"{{"Code":"Success","AccessKeyId":"{id}","AccessKeySecret":"role-secret","SecurityToken":"role-token","Expiration":"{expiration}","LastUpdated":"2027-01-15T08:00:00Z"}}"#
    )
}

fn metadata_env() -> Env {
    Env::from_vars([("HOME", home("imds", &[]).display().to_string())])
}

#[tokio::test]
async fn ecs_ram_role_uses_a_session_token_and_discovers_the_role() {
    let (server, count) =
        metadata_server(vec![role_credentials("STS.role", "2027-01-15T08:10:00Z")]).await;
    let e = metadata_env();
    let chain = DefaultChain::with_metadata(
        e.clone(),
        EcsRamRoleProvider::new(&e).endpoint(server.uri()),
    );
    let creds = chain.provide_credentials().await.expect("metadata");
    assert_eq!(creds.access_key_id(), "STS.role");
    assert!(creds.has_security_token());
    assert_eq!(creds.expiration(), Some(t0() + Duration::from_secs(600)));
    assert_eq!(count.load(Ordering::SeqCst), 1);

    // A CLI profile in EcsRamRole mode goes to the same service with its role name.
    let h = home("cli-role", &[(".aliyun/config.json", CLI_CONFIG)]);
    let e = Env::from_vars([
        ("HOME", h.display().to_string()),
        ("ALIBABA_CLOUD_PROFILE", "role".to_owned()),
    ]);
    let chain = DefaultChain::with_metadata(
        e.clone(),
        EcsRamRoleProvider::new(&e).endpoint(server.uri()),
    );
    assert_eq!(
        chain
            .provide_credentials()
            .await
            .expect("role")
            .access_key_id(),
        "STS.role"
    );
}

#[tokio::test]
async fn metadata_errors_are_reported_not_panicked() {
    let server = MockServer::start().await;
    Mock::given(method("PUT"))
        .respond_with(ResponseTemplate::new(200).set_body_string("t"))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/latest/meta-data/ram/security-credentials/"))
        .respond_with(ResponseTemplate::new(404))
        .mount(&server)
        .await;
    let e = metadata_env();
    let err = EcsRamRoleProvider::new(&e)
        .endpoint(server.uri())
        .provide_credentials()
        .await
        .expect_err("no role")
        .to_string();
    assert!(err.contains("HTTP 404"), "{err}");

    let disabled = Env::from_vars([("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true")]);
    let err = EcsRamRoleProvider::new(&disabled)
        .endpoint(server.uri())
        .provide_credentials()
        .await
        .expect_err("disabled");
    assert!(
        matches!(err, CredentialsError::NotConfigured { .. }),
        "{err:?}"
    );
}

#[tokio::test]
async fn temporary_credentials_are_cached_and_refreshed_before_expiry() {
    let (server, count) = metadata_server(vec![
        role_credentials("STS.first", "2027-01-15T08:10:00Z"),
        role_credentials("STS.second", "2027-01-15T09:00:00Z"),
    ])
    .await;
    let clock = ManualClock::new(t0());
    let e = metadata_env();
    let cache = CachingProvider::with_clock(
        Arc::new(EcsRamRoleProvider::new(&e).endpoint(server.uri())),
        clock.clone(),
    );
    let id = |c: ecs_runtime::Credentials| c.access_key_id().to_owned();
    assert_eq!(
        id(cache.provide_credentials().await.expect("first")),
        "STS.first"
    );
    clock.advance(Duration::from_secs(5 * 60));
    assert_eq!(
        id(cache.provide_credentials().await.expect("cached")),
        "STS.first"
    );
    assert_eq!(count.load(Ordering::SeqCst), 1, "still fresh: no request");
    // 8 minutes in: within 3 minutes of the 10-minute expiry, so refreshed.
    clock.advance(Duration::from_secs(3 * 60));
    assert_eq!(
        id(cache.provide_credentials().await.expect("refreshed")),
        "STS.second"
    );
    assert_eq!(count.load(Ordering::SeqCst), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_callers_share_one_refresh() {
    let (server, count) =
        metadata_server(vec![role_credentials("STS.only", "2027-01-15T09:00:00Z")]).await;
    let e = metadata_env();
    let cache = Arc::new(CachingProvider::with_clock(
        Arc::new(EcsRamRoleProvider::new(&e).endpoint(server.uri())),
        ManualClock::new(t0()),
    ));
    let tasks: Vec<_> = (0..16)
        .map(|_| {
            let cache = cache.clone();
            tokio::spawn(async move { cache.provide_credentials().await })
        })
        .collect();
    for t in tasks {
        let creds = t.await.expect("task").expect("credentials");
        assert_eq!(creds.access_key_id(), "STS.only");
    }
    assert_eq!(
        count.load(Ordering::SeqCst),
        1,
        "one metadata request for 16 callers"
    );
}

#[tokio::test]
async fn a_failed_refresh_keeps_unexpired_credentials() {
    let (server, _) = metadata_server(vec![
        role_credentials("STS.first", "2027-01-15T08:10:00Z"),
        r#"{"Code":"Failed"}"#.to_owned(),
    ])
    .await;
    let clock = ManualClock::new(t0());
    let e = metadata_env();
    let cache = CachingProvider::with_clock(
        Arc::new(EcsRamRoleProvider::new(&e).endpoint(server.uri())),
        clock.clone(),
    );
    cache.provide_credentials().await.expect("first");
    clock.advance(Duration::from_secs(8 * 60));
    let creds = cache.provide_credentials().await.expect("stale but valid");
    assert_eq!(creds.access_key_id(), "STS.first");
    clock.advance(Duration::from_secs(3 * 60));
    cache
        .provide_credentials()
        .await
        .expect_err("expired and the refresh fails");
}
