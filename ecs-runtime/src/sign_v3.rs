//! Signature V3, `ACS3-HMAC-SHA256`: a canonical request over the method, path, sorted query,
//! the `host`, `x-acs-*` and `content-type` headers and the SHA-256 of the body; the
//! signature is hex HMAC-SHA256 keyed with the AccessKey secret as is.

use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

use crate::encode::percent_encode_into;

/// The algorithm name, first word of the `Authorization` header.
pub const ALGORITHM: &str = "ACS3-HMAC-SHA256";

/// The SHA-256 of an empty body, hex.
pub const EMPTY_BODY_SHA256: &str =
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/// Hex SHA-256.
pub fn sha256_hex(data: &[u8]) -> String {
    hex::encode(Sha256::digest(data))
}

/// A request's parts as the V3 signature sees them.
#[derive(Clone, Debug)]
pub struct V3Request<'a> {
    /// `POST`, `GET`, ...
    pub method: &'a str,
    /// The path, `/` for RPC-style APIs.
    pub path: &'a str,
    /// The query parameters (unencoded).
    pub query: &'a [(String, String)],
    /// The headers to sign (any case; `host`, `x-acs-*`, `content-type`).
    pub headers: &'a [(String, String)],
    /// Hex SHA-256 of the body.
    pub body_sha256: &'a str,
}

/// The signed result: what goes into the `Authorization` header, and the intermediate values
/// (for tests and debugging; none of them is secret).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct V3Signature {
    /// The canonical request.
    pub canonical_request: String,
    /// Hex SHA-256 of the canonical request.
    pub hashed_canonical_request: String,
    /// `host;x-acs-action;...`
    pub signed_headers: String,
    /// Hex HMAC-SHA256 signature.
    pub signature: String,
}

impl V3Signature {
    /// The `Authorization` header value.
    pub fn authorization(&self, access_key_id: &str) -> String {
        format!(
            "{ALGORITHM} Credential={access_key_id},SignedHeaders={},Signature={}",
            self.signed_headers, self.signature
        )
    }
}

/// Whether a header takes part in the signature.
fn signed(name: &str) -> bool {
    name == "host" || name == "content-type" || name.starts_with("x-acs-")
}

/// Builds the canonical request and signs it with `access_key_secret`.
pub fn sign(access_key_secret: &str, req: &V3Request<'_>) -> V3Signature {
    let mut query: Vec<(String, String)> = req
        .query
        .iter()
        .map(|(k, v)| {
            let (mut ek, mut ev) = (String::new(), String::new());
            percent_encode_into(&mut ek, k);
            percent_encode_into(&mut ev, v);
            (ek, ev)
        })
        .collect();
    query.sort();
    let canonical_query = query
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("&");

    let mut headers: Vec<(String, String)> = req
        .headers
        .iter()
        .map(|(k, v)| (k.to_ascii_lowercase(), v.trim().to_owned()))
        .filter(|(k, _)| signed(k))
        .collect();
    headers.sort();
    let canonical_headers: String = headers.iter().map(|(k, v)| format!("{k}:{v}\n")).collect();
    let signed_headers = headers
        .iter()
        .map(|(k, _)| k.as_str())
        .collect::<Vec<_>>()
        .join(";");

    let canonical_request = format!(
        "{}\n{}\n{canonical_query}\n{canonical_headers}\n{signed_headers}\n{}",
        req.method, req.path, req.body_sha256
    );
    let hashed_canonical_request = sha256_hex(canonical_request.as_bytes());
    let string_to_sign = format!("{ALGORITHM}\n{hashed_canonical_request}");
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(access_key_secret.as_bytes())
        .unwrap_or_else(|_| unreachable!("HMAC takes any key length"));
    mac.update(string_to_sign.as_bytes());
    let signature = hex::encode(mac.finalize().into_bytes());
    V3Signature {
        canonical_request,
        hashed_canonical_request,
        signed_headers,
        signature,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Alibaba Cloud's published V3 example (RunInstances in cn-shanghai).
    #[test]
    fn published_example() {
        let query = vec![
            (
                "ImageId".to_owned(),
                "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd".to_owned(),
            ),
            ("RegionId".to_owned(), "cn-shanghai".to_owned()),
        ];
        let headers: Vec<(String, String)> = [
            ("host", "ecs.cn-shanghai.aliyuncs.com"),
            ("x-acs-action", "RunInstances"),
            ("x-acs-version", "2014-05-26"),
            ("x-acs-date", "2023-10-26T10:22:32Z"),
            ("x-acs-signature-nonce", "3156853299f313e23d1673dc12e1703d"),
            ("x-acs-content-sha256", EMPTY_BODY_SHA256),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
        let sig = sign(
            "YourAccessKeySecret",
            &V3Request {
                method: "POST",
                path: "/",
                query: &query,
                headers: &headers,
                body_sha256: EMPTY_BODY_SHA256,
            },
        );
        assert_eq!(
            sig.hashed_canonical_request,
            "7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259"
        );
        assert_eq!(
            sig.signature,
            "06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0"
        );
        assert_eq!(
            sig.authorization("YourAccessKeyId"),
            "ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0"
        );
    }

    #[test]
    fn empty_body_hash() {
        assert_eq!(sha256_hex(b""), EMPTY_BODY_SHA256);
    }

    #[test]
    fn unsigned_headers_are_left_out_and_names_lowercased() {
        let headers = vec![
            ("X-Acs-Action".to_owned(), "A".to_owned()),
            ("User-Agent".to_owned(), "x".to_owned()),
        ];
        let sig = sign(
            "k",
            &V3Request {
                method: "POST",
                path: "/",
                query: &[],
                headers: &headers,
                body_sha256: EMPTY_BODY_SHA256,
            },
        );
        assert_eq!(sig.signed_headers, "x-acs-action");
        assert!(sig.canonical_request.contains("x-acs-action:A\n"));
    }
}
