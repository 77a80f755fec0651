//! The ECS instance RAM role, through the instance metadata service.

use std::time::{Duration, SystemTime};

use serde::Deserialize;

use super::{Credentials, CredentialsError, Env, ProvideCredentials, ProvideFuture};

/// The metadata service of every ECS instance.
pub const DEFAULT_METADATA_ENDPOINT: &str = "http://100.100.100.200";

const NAME: &str = "ECS RAM role";
const TOKEN_TTL_SECONDS: &str = "21600";
const CREDENTIALS_PATH: &str = "/latest/meta-data/ram/security-credentials/";

/// Temporary credentials of the RAM role attached to the ECS instance this runs on.
///
/// It first asks for a metadata session token (`PUT /latest/api/token`, header
/// `X-aliyun-ecs-metadata-token-ttl-seconds`) and sends it as `X-aliyun-ecs-metadata-token`;
/// when the token cannot be had it falls back to plain requests, unless
/// `ALIBABA_CLOUD_IMDSV1_DISABLED=true`. The role name is discovered when not given.
/// `ALIBABA_CLOUD_ECS_METADATA_DISABLED=true` turns the provider off. Timeouts are short
/// (1 s connect, 1 s read by default) so a machine that is not an ECS instance moves on fast.
#[derive(Clone, Debug)]
pub struct EcsRamRoleProvider {
    endpoint: String,
    role_name: Option<String>,
    disabled: bool,
    v1_disabled: bool,
    http: Option<reqwest::Client>,
}

impl EcsRamRoleProvider {
    /// A provider reading `env` for `ALIBABA_CLOUD_ECS_METADATA` (role name),
    /// `ALIBABA_CLOUD_ECS_METADATA_DISABLED` and `ALIBABA_CLOUD_IMDSV1_DISABLED`.
    pub fn new(env: &Env) -> Self {
        Self::with_timeouts(env, Duration::from_secs(1), Duration::from_secs(1))
    }

    /// [`new`](Self::new) with other connect and read timeouts.
    pub fn with_timeouts(env: &Env, connect: Duration, read: Duration) -> Self {
        let http = reqwest::Client::builder()
            .use_rustls_tls()
            .connect_timeout(connect)
            .timeout(read)
            .build()
            .ok();
        EcsRamRoleProvider {
            endpoint: DEFAULT_METADATA_ENDPOINT.to_owned(),
            role_name: env.get("ALIBABA_CLOUD_ECS_METADATA").map(str::to_owned),
            disabled: env.is_true("ALIBABA_CLOUD_ECS_METADATA_DISABLED"),
            v1_disabled: env.is_true("ALIBABA_CLOUD_IMDSV1_DISABLED"),
            http,
        }
    }

    /// Another metadata base URL (a local server in tests).
    pub fn endpoint(mut self, endpoint: impl Into<String>) -> Self {
        self.endpoint = endpoint.into().trim_end_matches('/').to_owned();
        self
    }

    /// The role name (otherwise discovered from the metadata service).
    pub fn role_name(mut self, role: impl Into<String>) -> Self {
        self.role_name = Some(role.into());
        self
    }

    async fn fetch(&self) -> Result<Credentials, CredentialsError> {
        if self.disabled {
            return Err(CredentialsError::not_configured(
                NAME,
                "ALIBABA_CLOUD_ECS_METADATA_DISABLED is true",
            ));
        }
        let http = self
            .http
            .as_ref()
            .ok_or_else(|| CredentialsError::failed(NAME, "cannot build an HTTP client"))?;
        let unreachable = |e: reqwest::Error| {
            CredentialsError::not_configured(
                NAME,
                format!(
                    "metadata service {} not reachable: {}",
                    self.endpoint,
                    e.without_url()
                ),
            )
        };
        let token = match http
            .put(format!("{}/latest/api/token", self.endpoint))
            .header("X-aliyun-ecs-metadata-token-ttl-seconds", TOKEN_TTL_SECONDS)
            .send()
            .await
        {
            Ok(r) if r.status().is_success() => Some(r.text().await.map_err(unreachable)?),
            Ok(r) if self.v1_disabled => {
                return Err(CredentialsError::failed(
                    NAME,
                    format!(
                    "metadata token refused (HTTP {}) and ALIBABA_CLOUD_IMDSV1_DISABLED is true",
                    r.status().as_u16()
                ),
                ))
            }
            Ok(_) => None,
            Err(e) if e.is_connect() || e.is_timeout() => return Err(unreachable(e)),
            Err(_) if !self.v1_disabled => None,
            Err(e) => return Err(unreachable(e)),
        };
        let get = |path: String| {
            let mut req = http.get(format!("{}{path}", self.endpoint));
            if let Some(t) = &token {
                req = req.header("X-aliyun-ecs-metadata-token", t.trim());
            }
            req
        };
        let role = match &self.role_name {
            Some(r) => r.clone(),
            None => {
                let r = get(CREDENTIALS_PATH.to_owned())
                    .send()
                    .await
                    .map_err(unreachable)?;
                if !r.status().is_success() {
                    return Err(CredentialsError::failed(
                        NAME,
                        format!(
                            "listing roles gave HTTP {} (is a RAM role attached to the instance?)",
                            r.status().as_u16()
                        ),
                    ));
                }
                let text = r.text().await.map_err(unreachable)?;
                text.lines()
                    .map(str::trim)
                    .find(|l| !l.is_empty())
                    .map(str::to_owned)
                    .ok_or_else(|| {
                        CredentialsError::failed(NAME, "no RAM role is attached to the instance")
                    })?
            }
        };
        let r = get(format!("{CREDENTIALS_PATH}{role}"))
            .send()
            .await
            .map_err(unreachable)?;
        let status = r.status().as_u16();
        let body = r.bytes().await.map_err(unreachable)?;
        if !(200..300).contains(&status) {
            return Err(CredentialsError::failed(
                NAME,
                format!("credentials of role {role:?} gave HTTP {status}"),
            ));
        }
        parse_role_credentials(&role, &body)
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct RoleCredentials {
    code: Option<String>,
    access_key_id: Option<String>,
    access_key_secret: Option<String>,
    security_token: Option<String>,
    expiration: Option<String>,
}

fn parse_role_credentials(role: &str, body: &[u8]) -> Result<Credentials, CredentialsError> {
    let bad = |what: &str| {
        CredentialsError::failed(NAME, format!("credentials of role {role:?}: {what}"))
    };
    let parsed: RoleCredentials =
        serde_json::from_slice(body).map_err(|_| bad("the answer is not the expected JSON"))?;
    if parsed.code.as_deref() != Some("Success") {
        return Err(bad(&format!(
            "Code is {:?}, not \"Success\"",
            parsed.code.unwrap_or_default()
        )));
    }
    let (Some(id), Some(secret), Some(token)) = (
        parsed.access_key_id,
        parsed.access_key_secret,
        parsed.security_token,
    ) else {
        return Err(bad(
            "AccessKeyId, AccessKeySecret or SecurityToken is missing",
        ));
    };
    let mut creds = Credentials::new(id, secret).with_security_token(token);
    if let Some(exp) = parsed.expiration {
        let t = time::OffsetDateTime::parse(&exp, &time::format_description::well_known::Rfc3339)
            .map_err(|_| bad(&format!("Expiration {exp:?} is not an RFC 3339 time")))?;
        creds = creds.with_expiration(SystemTime::from(t));
    }
    Ok(creds)
}

impl ProvideCredentials for EcsRamRoleProvider {
    fn provide_credentials(&self) -> ProvideFuture<'_> {
        Box::pin(self.fetch())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_credentials_need_success_and_all_fields() {
        let ok = br#"{"Code":"Success","AccessKeyId":"STS.id","AccessKeySecret":"s","SecurityToken":"t","Expiration":"2030-01-01T00:00:00Z"}"#;
        let creds = parse_role_credentials("r", ok).expect("valid");
        assert_eq!(creds.access_key_id(), "STS.id");
        assert!(creds.expiration().is_some());
        let failed = br#"{"Code":"Failed"}"#;
        assert!(parse_role_credentials("r", failed).is_err());
        let missing = br#"{"Code":"Success","AccessKeyId":"a"}"#;
        assert!(parse_role_credentials("r", missing).is_err());
        let bad_time = br#"{"Code":"Success","AccessKeyId":"a","AccessKeySecret":"s","SecurityToken":"t","Expiration":"soon"}"#;
        let err = parse_role_credentials("r", bad_time)
            .unwrap_err()
            .to_string();
        assert!(err.contains("soon") && !err.contains("\"s\""), "{err}");
        assert!(parse_role_credentials("r", b"<html>").is_err());
    }
}
