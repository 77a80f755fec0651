//! Tolerant decoding of response bodies. The service prints numbers and booleans as strings
//! (`"TotalCount": "1"`, `"IoOptimized": "false"`), wraps lists as `{"Items": {"Item": [...]}}`
//! (or `{}`, or one bare item), and writes times with or without seconds. These helpers accept
//! all of it and never panic.

use std::fmt;

use serde::de::{DeserializeOwned, Deserializer, IntoDeserializer};
use serde::Deserialize;
use serde_json::Value;

use crate::error::{excerpt, SdkError};

/// A success body that did not decode into the expected type.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("cannot decode the response ({message}): {body}")]
pub struct SdkDecodeError {
    /// What the decoder said.
    pub message: String,
    /// The body, truncated.
    pub body: String,
}

impl<E> From<SdkDecodeError> for SdkError<E> {
    fn from(e: SdkDecodeError) -> Self {
        SdkError::ResponseDecode {
            message: e.message,
            body: e.body,
        }
    }
}

/// Decodes a JSON body into `T`.
pub fn decode_json<T: DeserializeOwned>(body: &[u8]) -> Result<T, SdkDecodeError> {
    serde_json::from_slice(body).map_err(|e| SdkDecodeError {
        message: e.to_string(),
        body: excerpt(body),
    })
}

fn scalar_text(v: Value) -> Option<String> {
    match v {
        Value::Null => None,
        Value::String(s) => Some(s),
        Value::Bool(b) => Some(b.to_string()),
        Value::Number(n) => Some(n.to_string()),
        other => Some(other.to_string()),
    }
}

/// A string, number or boolean as text (used by generated enums).
pub fn string_like<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(scalar_text(Value::deserialize(d)?).unwrap_or_default())
}

/// `Option<String>` from a string, number or boolean; `null` is `None`.
pub fn opt_string<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(scalar_text(Value::deserialize(d)?))
}

fn number<'de, D: Deserializer<'de>, T: std::str::FromStr>(
    d: D,
    what: &str,
) -> Result<Option<T>, D::Error> {
    let text = match Value::deserialize(d)? {
        Value::Null => return Ok(None),
        Value::Number(n) => n.to_string(),
        Value::String(s) if s.trim().is_empty() => return Ok(None),
        Value::String(s) => s.trim().to_owned(),
        other => {
            return Err(serde::de::Error::custom(format!(
                "expected {what}, found {other}"
            )))
        }
    };
    match text.parse::<T>() {
        Ok(v) => Ok(Some(v)),
        Err(_) => Err(serde::de::Error::custom(format!(
            "expected {what}, found {text:?}"
        ))),
    }
}

/// `Option<i32>` from a number or a numeric string.
pub fn opt_i32<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i32>, D::Error> {
    number(d, "a 32-bit integer")
}

/// `Option<i64>` from a number or a numeric string.
pub fn opt_i64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    number(d, "an integer")
}

/// `Option<f64>` from a number or a numeric string.
pub fn opt_f64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    number(d, "a number")
}

/// `Option<bool>` from `true`/`false` (any case, also as strings) or `0`/`1`.
pub fn opt_bool<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    match Value::deserialize(d)? {
        Value::Null => Ok(None),
        Value::Bool(b) => Ok(Some(b)),
        Value::Number(n) if n.as_i64() == Some(0) => Ok(Some(false)),
        Value::Number(n) if n.as_i64() == Some(1) => Ok(Some(true)),
        Value::String(s) => match s.trim().to_ascii_lowercase().as_str() {
            "" => Ok(None),
            "true" | "1" => Ok(Some(true)),
            "false" | "0" => Ok(Some(false)),
            _ => Err(serde::de::Error::custom(format!(
                "expected a boolean, found {s:?}"
            ))),
        },
        other => Err(serde::de::Error::custom(format!(
            "expected a boolean, found {other}"
        ))),
    }
}

/// The items of a list, whatever the wrapping: `null`, `""`, `{}`, `{"Item": [...]}`,
/// `{"Item": {...}}` (one item), `{"Item": null}`, or a bare array.
fn list_items(value: Value) -> Vec<Value> {
    match value {
        Value::Null => Vec::new(),
        Value::String(s) if s.is_empty() => Vec::new(),
        Value::Array(items) => items,
        Value::Object(map) if map.is_empty() => Vec::new(),
        Value::Object(map) if map.len() == 1 => match map.into_iter().next() {
            Some((_, Value::Array(items))) => items,
            Some((_, Value::Null)) => Vec::new(),
            Some((_, Value::Object(inner))) if inner.is_empty() => Vec::new(),
            Some((_, item)) => vec![item],
            None => Vec::new(),
        },
        // An object with several keys is one unwrapped item.
        other => vec![other],
    }
}

fn decode_items<'de, D: Deserializer<'de>, T: DeserializeOwned>(
    items: Vec<Value>,
) -> Result<Vec<T>, D::Error> {
    items
        .into_iter()
        .map(|item| T::deserialize(item.into_deserializer()).map_err(serde::de::Error::custom))
        .collect()
}

/// A wrapped list as `Vec<T>` (see the module docs for the shapes accepted).
pub fn wrapped_list<'de, D: Deserializer<'de>, T: DeserializeOwned>(
    d: D,
) -> Result<Vec<T>, D::Error> {
    decode_items::<D, T>(list_items(Value::deserialize(d)?))
}

/// A wrapped list as `Option<Vec<T>>` (`None` when absent or `null`).
pub fn opt_wrapped_list<'de, D: Deserializer<'de>, T: DeserializeOwned>(
    d: D,
) -> Result<Option<Vec<T>>, D::Error> {
    match Value::deserialize(d)? {
        Value::Null => Ok(None),
        other => decode_items::<D, T>(list_items(other)).map(Some),
    }
}

/// A response time, kept as received and parsed on demand. Accepts `YYYY-MM-DDThh:mmZ`,
/// `YYYY-MM-DDThh:mm:ssZ`, fractional seconds, and the forms without `Z` (read as UTC). An
/// unparseable text is kept, never an error.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Timestamp(String);

impl Timestamp {
    /// Wraps a time as received.
    pub fn parse(text: &str) -> Self {
        Timestamp(text.to_owned())
    }

    /// The text as received.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The time, if the text is one of the accepted forms.
    pub fn to_offset_date_time(&self) -> Option<time::OffsetDateTime> {
        let text = self.0.trim();
        let text = text.strip_suffix('Z').unwrap_or(text);
        let (date, clock) = text.split_once('T')?;
        let mut d = date.split('-');
        let year: i32 = d.next()?.parse().ok()?;
        let month: u8 = d.next()?.parse().ok()?;
        let day: u8 = d.next()?.parse().ok()?;
        if d.next().is_some() {
            return None;
        }
        let mut c = clock.split(':');
        let hour: u8 = c.next()?.parse().ok()?;
        let minute: u8 = c.next()?.parse().ok()?;
        let (second, nanos) = match c.next() {
            None => (0, 0),
            Some(s) => {
                let (whole, frac) = s.split_once('.').unwrap_or((s, ""));
                let nanos = if frac.is_empty() {
                    0
                } else {
                    let digits: String = frac.chars().take(9).collect();
                    let n: u32 = digits.parse().ok()?;
                    n * 10u32.pow(9 - digits.len() as u32)
                };
                (whole.parse().ok()?, nanos)
            }
        };
        if c.next().is_some() {
            return None;
        }
        let month = time::Month::try_from(month).ok()?;
        let date = time::Date::from_calendar_date(year, month, day).ok()?;
        let clock = time::Time::from_hms_nano(hour, minute, second, nanos).ok()?;
        Some(time::PrimitiveDateTime::new(date, clock).assume_utc())
    }
}

impl fmt::Debug for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Timestamp({:?})", self.0)
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        string_like(d).map(Timestamp)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Item {
        #[serde(rename = "Id", default, deserialize_with = "opt_string")]
        id: Option<String>,
    }

    #[derive(Debug, Deserialize)]
    struct Out {
        #[serde(rename = "Items", default, deserialize_with = "wrapped_list")]
        items: Vec<Item>,
        #[serde(rename = "Count", default, deserialize_with = "opt_i32")]
        count: Option<i32>,
        #[serde(rename = "Flag", default, deserialize_with = "opt_bool")]
        flag: Option<bool>,
        #[serde(rename = "Price", default, deserialize_with = "opt_f64")]
        price: Option<f64>,
        #[serde(rename = "At", default)]
        at: Option<Timestamp>,
    }

    fn items(json: &str) -> Vec<Item> {
        decode_json::<Out>(json.as_bytes()).expect("decodes").items
    }

    #[test]
    fn every_list_shape() {
        let one = vec![Item {
            id: Some("a".into()),
        }];
        assert_eq!(items(r#"{"Items": {"Item": [{"Id": "a"}]}}"#), one);
        assert_eq!(items(r#"{"Items": {"Item": {"Id": "a"}}}"#), one);
        assert_eq!(items(r#"{"Items": [{"Id": "a"}]}"#), one);
        assert!(items(r#"{"Items": {}}"#).is_empty());
        assert!(items(r#"{"Items": {"Item": []}}"#).is_empty());
        assert!(items(r#"{"Items": {"Item": {}}}"#).is_empty());
        assert!(items(r#"{"Items": null}"#).is_empty());
        assert!(items(r#"{"Items": ""}"#).is_empty());
        assert!(items(r#"{}"#).is_empty());
    }

    #[test]
    fn lenient_scalars() {
        let out: Out = decode_json(br#"{"Count": "3", "Flag": "True", "Price": "0.5"}"#).unwrap();
        assert_eq!(
            (out.count, out.flag, out.price),
            (Some(3), Some(true), Some(0.5))
        );
        let out: Out = decode_json(br#"{"Count": 3, "Flag": false, "Price": 1}"#).unwrap();
        assert_eq!(
            (out.count, out.flag, out.price),
            (Some(3), Some(false), Some(1.0))
        );
        let out: Out = decode_json(br#"{"Count": "", "Flag": ""}"#).unwrap();
        assert_eq!((out.count, out.flag), (None, None));
        assert!(decode_json::<Out>(br#"{"Count": "many"}"#).is_err());
        let item: Item = decode_json(br#"{"Id": 42}"#).unwrap();
        assert_eq!(item.id.as_deref(), Some("42"));
    }

    #[test]
    fn timestamps_with_and_without_seconds() {
        let t = |s: &str| Timestamp::parse(s).to_offset_date_time();
        let minute = t("2017-12-10T04:04Z").expect("minute precision");
        assert_eq!((minute.hour(), minute.minute(), minute.second()), (4, 4, 0));
        assert_eq!(t("2014-07-23T07:47:35Z").expect("seconds").second(), 35);
        assert_eq!(t("2018-01-01T12:00:00").expect("no Z").hour(), 12);
        assert_eq!(
            t("2018-01-01T12:00:00.250Z")
                .expect("fraction")
                .millisecond(),
            250
        );
        assert!(t("yesterday").is_none());
        assert!(t("2018-02-30T12:00Z").is_none());
        let out: Out = decode_json(br#"{"At": "not a time"}"#).unwrap();
        assert_eq!(out.at.as_ref().map(Timestamp::as_str), Some("not a time"));
    }

    #[test]
    fn garbage_is_an_error_with_an_excerpt() {
        let err = decode_json::<Out>(b"<html>oops</html>").unwrap_err();
        assert!(err.body.contains("oops"));
        let long = vec![b'x'; 5000];
        let err = decode_json::<Out>(&long).unwrap_err();
        assert!(err.body.chars().count() <= crate::error::MAX_BODY_EXCERPT + 1);
    }
}
