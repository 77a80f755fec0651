//! The Alibaba Cloud CLI's `~/.aliyun/config.json` and the shared `~/.alibabacloud/credentials`.

use std::path::PathBuf;

use serde::Deserialize;

use super::{
    Credentials, CredentialsError, EcsRamRoleProvider, Env, ProvideCredentials, ProvideFuture,
};

const CLI_NAME: &str = "CLI profile";
const FILE_NAME: &str = "credentials file";

/// One profile of the CLI's `config.json` (the fields this SDK uses).
#[derive(Clone, Default, Deserialize)]
struct CliProfile {
    #[serde(default)]
    name: String,
    #[serde(default)]
    mode: String,
    #[serde(default)]
    access_key_id: String,
    #[serde(default)]
    access_key_secret: String,
    #[serde(default)]
    sts_token: String,
    #[serde(default)]
    ram_role_name: String,
    #[serde(default)]
    region_id: String,
}

#[derive(Deserialize)]
struct CliConfig {
    #[serde(default)]
    current: String,
    #[serde(default)]
    profiles: Vec<CliProfile>,
}

/// Where the CLI's configuration is: `ALIBABA_CLOUD_CONFIG_FILE`, else `~/.aliyun/config.json`.
fn cli_config_path(env: &Env) -> Option<PathBuf> {
    env.get("ALIBABA_CLOUD_CONFIG_FILE")
        .map(PathBuf::from)
        .or_else(|| env.home().map(|h| h.join(".aliyun").join("config.json")))
}

/// Reads the selected CLI profile: `ALIBABA_CLOUD_PROFILE`, else the file's `current`.
fn cli_profile(env: &Env) -> Result<CliProfile, CredentialsError> {
    if env.is_true("ALIBABA_CLOUD_CLI_PROFILE_DISABLED") {
        return Err(CredentialsError::not_configured(
            CLI_NAME,
            "ALIBABA_CLOUD_CLI_PROFILE_DISABLED is true",
        ));
    }
    let path = cli_config_path(env)
        .ok_or_else(|| CredentialsError::not_configured(CLI_NAME, "no home directory"))?;
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(CredentialsError::not_configured(
                CLI_NAME,
                format!("{} does not exist", path.display()),
            ))
        }
        Err(e) => {
            return Err(CredentialsError::failed(
                CLI_NAME,
                format!("cannot read {}: {e}", path.display()),
            ))
        }
    };
    let config: CliConfig = serde_json::from_str(&text).map_err(|e| {
        CredentialsError::failed(
            CLI_NAME,
            format!(
                "{} is not valid CLI configuration: line {}, column {}",
                path.display(),
                e.line(),
                e.column()
            ),
        )
    })?;
    let wanted = env
        .get("ALIBABA_CLOUD_PROFILE")
        .map(str::to_owned)
        .unwrap_or(config.current);
    config
        .profiles
        .into_iter()
        .find(|p| p.name == wanted)
        .ok_or_else(|| {
            CredentialsError::failed(
                CLI_NAME,
                format!("{} has no profile named {wanted:?}", path.display()),
            )
        })
}

/// The region of the selected CLI profile, if it has one.
pub(crate) fn cli_profile_region(env: &Env) -> Option<String> {
    cli_profile(env)
        .ok()
        .map(|p| p.region_id)
        .filter(|r| !r.is_empty())
}

/// Credentials from the Alibaba Cloud CLI's configuration (`~/.aliyun/config.json`, or
/// `ALIBABA_CLOUD_CONFIG_FILE`), profile `ALIBABA_CLOUD_PROFILE` or the file's `current` one.
/// Modes `AK`, `StsToken` and `EcsRamRole` are supported; others are reported as such.
#[derive(Clone, Debug)]
pub struct CliProfileProvider {
    env: Env,
    metadata: EcsRamRoleProvider,
}

impl CliProfileProvider {
    /// Reads the configuration located through `env`; `EcsRamRole` profiles use `metadata`.
    pub fn new(env: Env, metadata: EcsRamRoleProvider) -> Self {
        CliProfileProvider { env, metadata }
    }

    async fn fetch(&self) -> Result<Credentials, CredentialsError> {
        let p = cli_profile(&self.env)?;
        let need = |value: &str, field: &str| {
            if value.is_empty() {
                Err(CredentialsError::failed(
                    CLI_NAME,
                    format!("profile {:?} (mode {}) has no {field}", p.name, p.mode),
                ))
            } else {
                Ok(())
            }
        };
        match p.mode.as_str() {
            "AK" | "" => {
                need(&p.access_key_id, "access_key_id")?;
                need(&p.access_key_secret, "access_key_secret")?;
                Ok(Credentials::new(&p.access_key_id, &p.access_key_secret))
            }
            "StsToken" => {
                need(&p.access_key_id, "access_key_id")?;
                need(&p.access_key_secret, "access_key_secret")?;
                need(&p.sts_token, "sts_token")?;
                Ok(Credentials::new(&p.access_key_id, &p.access_key_secret)
                    .with_security_token(&p.sts_token))
            }
            "EcsRamRole" => {
                let provider = if p.ram_role_name.is_empty() {
                    self.metadata.clone()
                } else {
                    self.metadata.clone().role_name(&p.ram_role_name)
                };
                provider.provide_credentials().await.map_err(|e| {
                    CredentialsError::failed(
                        CLI_NAME,
                        format!("profile {:?} (EcsRamRole): {e}", p.name),
                    )
                })
            }
            other => Err(CredentialsError::failed(
                CLI_NAME,
                format!(
                    "profile {:?} uses mode {other}, which this SDK does not support (AK, StsToken, EcsRamRole)",
                    p.name
                ),
            )),
        }
    }
}

impl ProvideCredentials for CliProfileProvider {
    fn provide_credentials(&self) -> ProvideFuture<'_> {
        Box::pin(self.fetch())
    }
}

/// Credentials from the shared INI file `~/.alibabacloud/credentials` (or
/// `ALIBABA_CLOUD_CREDENTIALS_FILE`), section `ALIBABA_CLOUD_PROFILE` or `default`:
/// `type = access_key` with `access_key_id` and `access_key_secret`, or `type = ecs_ram_role`
/// with `role_name`. A section with `enable = false` is skipped.
#[derive(Clone, Debug)]
pub struct SharedCredentialsFileProvider {
    env: Env,
    metadata: EcsRamRoleProvider,
}

impl SharedCredentialsFileProvider {
    /// Reads the file located through `env`; `ecs_ram_role` sections use `metadata`.
    pub fn new(env: Env, metadata: EcsRamRoleProvider) -> Self {
        SharedCredentialsFileProvider { env, metadata }
    }

    async fn fetch(&self) -> Result<Credentials, CredentialsError> {
        let path = self
            .env
            .get("ALIBABA_CLOUD_CREDENTIALS_FILE")
            .map(PathBuf::from)
            .or_else(|| {
                self.env
                    .home()
                    .map(|h| h.join(".alibabacloud").join("credentials"))
            })
            .ok_or_else(|| CredentialsError::not_configured(FILE_NAME, "no home directory"))?;
        if !path.exists() {
            return Err(CredentialsError::not_configured(
                FILE_NAME,
                format!("{} does not exist", path.display()),
            ));
        }
        let ini = ini::Ini::load_from_file(&path)
            .map_err(|e| CredentialsError::failed(FILE_NAME, format!("{}: {e}", path.display())))?;
        let name = self.env.get("ALIBABA_CLOUD_PROFILE").unwrap_or("default");
        let section = ini.section(Some(name)).ok_or_else(|| {
            CredentialsError::failed(
                FILE_NAME,
                format!("{} has no section [{name}]", path.display()),
            )
        })?;
        if section
            .get("enable")
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("false"))
        {
            return Err(CredentialsError::not_configured(
                FILE_NAME,
                format!("section [{name}] has enable = false"),
            ));
        }
        let field = |key: &str| {
            section
                .get(key)
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .ok_or_else(|| {
                    CredentialsError::failed(FILE_NAME, format!("section [{name}] has no {key}"))
                })
        };
        match field("type")? {
            "access_key" => Ok(Credentials::new(
                field("access_key_id")?,
                field("access_key_secret")?,
            )),
            "ecs_ram_role" => {
                let role = field("role_name")?;
                self.metadata
                    .clone()
                    .role_name(role)
                    .provide_credentials()
                    .await
                    .map_err(|e| {
                        CredentialsError::failed(FILE_NAME, format!("section [{name}]: {e}"))
                    })
            }
            other => Err(CredentialsError::failed(
                FILE_NAME,
                format!("section [{name}] has type {other}, which this SDK does not support (access_key, ecs_ram_role)"),
            )),
        }
    }
}

impl ProvideCredentials for SharedCredentialsFileProvider {
    fn provide_credentials(&self) -> ProvideFuture<'_> {
        Box::pin(self.fetch())
    }
}
