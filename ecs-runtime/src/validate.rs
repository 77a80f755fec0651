//! Client-side validation of request parameters.
//!
//! Generated `validate()` methods call a [`Validator`] once per constraint the spec states.
//! A failed check returns a [`ValidationError`] that names the API, the parameter (by its wire
//! name, e.g. `DataDisk.2.Size`), the rule and the offending value, redacted for secrets.
//! No check ever panics.

use std::borrow::Cow;
use std::fmt;

use base64::Engine as _;
use regex::Regex;

/// The kind of rule a value broke.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Rule {
    /// A required parameter is missing.
    Required,
    /// A number is outside its inclusive range.
    Range,
    /// A number is not one of the allowed values.
    AllowedValues,
    /// A number has more decimal places than allowed.
    Decimals,
    /// A string is shorter or longer than allowed.
    Length,
    /// A string does not match the documented pattern.
    Pattern,
    /// A string starts with a forbidden prefix.
    ForbiddenPrefix,
    /// A string contains a forbidden substring.
    ForbiddenSubstring,
    /// A time range is reversed or holds too many samples.
    TimeRange,
    /// A string mixes too few character classes (upper case, lower case, digits, others).
    CharacterClasses,
    /// An enum value is not one the spec knows.
    EnumValue,
    /// A timestamp is not `YYYY-MM-DDThh:mm:ssZ`.
    Datetime,
    /// A value is not valid Base64, or decodes to too many bytes.
    Base64,
    /// A list has too few or too many items.
    ItemCount,
    /// A parameter is required because of another parameter's value.
    RequiredIf,
    /// A parameter is not allowed because of another parameter's value.
    ForbiddenIf,
    /// More than one of mutually exclusive parameters is present.
    MutuallyExclusive,
    /// Not exactly one of a set of parameters is present.
    ExactlyOneOf,
    /// None of a set of parameters is present.
    AtLeastOneOf,
}

impl Rule {
    /// A short, stable name of the rule (`range`, `pattern`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::Required => "required",
            Rule::Range => "range",
            Rule::AllowedValues => "allowed values",
            Rule::Decimals => "decimal places",
            Rule::Length => "length",
            Rule::Pattern => "pattern",
            Rule::ForbiddenPrefix => "forbidden prefix",
            Rule::ForbiddenSubstring => "forbidden substring",
            Rule::CharacterClasses => "character classes",
            Rule::TimeRange => "time range",
            Rule::EnumValue => "enum value",
            Rule::Datetime => "datetime format",
            Rule::Base64 => "base64",
            Rule::ItemCount => "item count",
            Rule::RequiredIf => "required if",
            Rule::ForbiddenIf => "forbidden if",
            Rule::MutuallyExclusive => "mutually exclusive",
            Rule::ExactlyOneOf => "exactly one of",
            Rule::AtLeastOneOf => "at least one of",
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A request parameter broke a constraint of the spec; no request was sent.
#[derive(Clone, Debug, PartialEq)]
pub struct ValidationError {
    api: &'static str,
    parameter: String,
    rule: Rule,
    value: Option<String>,
    detail: String,
}

/// The text shown in place of a secret value.
pub const REDACTED: &str = "** redacted **";

impl ValidationError {
    /// The API (wire Action) whose request failed validation.
    pub fn api(&self) -> &'static str {
        self.api
    }
    /// The wire name of the offending parameter (`DataDisk.2.Size`); several names joined by
    /// `, ` for rules over several parameters.
    pub fn parameter(&self) -> &str {
        &self.parameter
    }
    /// The rule that was broken.
    pub fn rule(&self) -> Rule {
        self.rule
    }
    /// The offending value as it would have been sent ([`REDACTED`] for secrets), if any.
    pub fn value(&self) -> Option<&str> {
        self.value.as_deref()
    }
    /// What the rule demands, in words.
    pub fn detail(&self) -> &str {
        &self.detail
    }
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: invalid parameter {}", self.api, self.parameter)?;
        if let Some(value) = &self.value {
            write!(f, " = {value:?}")?;
        }
        write!(f, ": {} (rule: {})", self.detail, self.rule)
    }
}

impl std::error::Error for ValidationError {}

/// Runs the checks of one API's request. Cheap to copy; `nested` and `when` derive validators
/// for list items and conditional constraints.
#[derive(Clone, Debug)]
pub struct Validator<'a> {
    api: &'static str,
    prefix: Option<Cow<'a, str>>,
    redact: bool,
    condition: Option<&'a str>,
}

type Checked = Result<(), ValidationError>;

impl<'a> Validator<'a> {
    /// A validator for the request of `api`.
    pub fn new(api: &'static str) -> Self {
        Validator {
            api,
            prefix: None,
            redact: false,
            condition: None,
        }
    }

    /// A validator for the fields of a struct parameter, whose wire names start with `prefix.`
    /// (`SystemDisk`, `DataDisk.3`).
    pub fn nested(&self, prefix: impl Into<Cow<'a, str>>) -> Validator<'a> {
        let prefix = prefix.into();
        let prefix = match &self.prefix {
            Some(outer) => Cow::Owned(format!("{outer}.{prefix}")),
            None => prefix,
        };
        Validator {
            api: self.api,
            prefix: Some(prefix),
            redact: self.redact,
            condition: self.condition,
        }
    }

    /// A validator whose errors never show the value (passwords, keys).
    pub fn redacted(&self) -> Validator<'a> {
        Validator {
            redact: true,
            ..self.clone()
        }
    }

    /// A validator whose errors say the constraint applies because `condition` holds.
    pub fn when(&self, condition: &'a str) -> Validator<'a> {
        Validator {
            condition: Some(condition),
            ..self.clone()
        }
    }

    fn fail(&self, name: &str, rule: Rule, value: Option<String>, detail: String) -> Checked {
        let parameter = match &self.prefix {
            Some(prefix) => format!("{prefix}.{name}"),
            None => name.to_owned(),
        };
        let value = value.map(|v| if self.redact { REDACTED.to_owned() } else { v });
        let detail = match self.condition {
            Some(condition) => format!("{detail} when {condition}"),
            None => detail,
        };
        Err(ValidationError {
            api: self.api,
            parameter,
            rule,
            value,
            detail,
        })
    }

    /// The parameter must be present.
    pub fn required<T>(&self, name: &str, value: &Option<T>) -> Checked {
        match value {
            Some(_) => Ok(()),
            None => self.fail(name, Rule::Required, None, "is required".to_owned()),
        }
    }

    /// An integer must lie in `[min, max]`.
    pub fn range_i64(&self, name: &str, value: i64, min: Option<i64>, max: Option<i64>) -> Checked {
        if min.is_some_and(|m| value < m) || max.is_some_and(|m| value > m) {
            let detail = describe_bounds("must be", min, max, "");
            return self.fail(name, Rule::Range, Some(value.to_string()), detail);
        }
        Ok(())
    }

    /// A float must lie in `[min, max]`; NaN never does.
    pub fn range_f64(&self, name: &str, value: f64, min: Option<f64>, max: Option<f64>) -> Checked {
        let out =
            value.is_nan() || min.is_some_and(|m| value < m) || max.is_some_and(|m| value > m);
        if out {
            let detail = describe_bounds("must be", min, max, "");
            return self.fail(name, Rule::Range, Some(value.to_string()), detail);
        }
        Ok(())
    }

    /// An integer must be one of `allowed`.
    pub fn allowed_i64(&self, name: &str, value: i64, allowed: &[i64]) -> Checked {
        if allowed.contains(&value) {
            return Ok(());
        }
        let list: Vec<String> = allowed.iter().map(i64::to_string).collect();
        let detail = format!("must be one of {}", list.join(", "));
        self.fail(name, Rule::AllowedValues, Some(value.to_string()), detail)
    }

    /// A string's length in characters must lie in `[min, max]`.
    pub fn length(
        &self,
        name: &str,
        value: &str,
        min: Option<usize>,
        max: Option<usize>,
    ) -> Checked {
        let len = value.chars().count();
        if min.is_some_and(|m| len < m) || max.is_some_and(|m| len > m) {
            let detail = format!(
                "{} (it has {len})",
                describe_bounds("length must be", min, max, " characters")
            );
            return self.fail(name, Rule::Length, Some(value.to_owned()), detail);
        }
        Ok(())
    }

    /// A string must match `pattern`, described to the user as `description`.
    pub fn pattern(&self, name: &str, value: &str, pattern: &Regex, description: &str) -> Checked {
        if pattern.is_match(value) {
            return Ok(());
        }
        let detail = format!("must match {description}");
        self.fail(name, Rule::Pattern, Some(value.to_owned()), detail)
    }

    /// A string must not start with any of `prefixes` (compared case-insensitively, as the
    /// service does for `http://` and `aliyun`).
    pub fn forbidden_prefixes(&self, name: &str, value: &str, prefixes: &[&str]) -> Checked {
        let lower = value.to_lowercase();
        if let Some(prefix) = prefixes
            .iter()
            .find(|p| lower.starts_with(&p.to_lowercase()))
        {
            let detail = format!("must not start with {prefix:?}");
            return self.fail(name, Rule::ForbiddenPrefix, Some(value.to_owned()), detail);
        }
        Ok(())
    }

    /// A string must not contain any of `needles` (case-insensitively).
    pub fn forbidden_substrings(&self, name: &str, value: &str, needles: &[&str]) -> Checked {
        let lower = value.to_lowercase();
        if let Some(needle) = needles.iter().find(|n| lower.contains(&n.to_lowercase())) {
            let detail = format!("must not contain {needle:?}");
            return self.fail(
                name,
                Rule::ForbiddenSubstring,
                Some(value.to_owned()),
                detail,
            );
        }
        Ok(())
    }

    /// A time range (two `YYYY-MM-DDThh:mm:ssZ` parameters, checked separately for their
    /// format) must not end before it starts and, with `samples` = (step parameter, seconds per
    /// sample, maximum), must not hold more than the maximum number of samples.
    pub fn time_range(
        &self,
        start: (&str, &str),
        end: (&str, &str),
        samples: Option<(&str, i64, i64)>,
    ) -> Checked {
        let (Some(from), Some(to)) = (parse_utc(start.1), parse_utc(end.1)) else {
            return Ok(());
        };
        let names = format!("{}, {}", start.0, end.0);
        if to < from {
            let detail = format!("{} must not be before {}", end.0, start.0);
            return self.fail(
                &names,
                Rule::TimeRange,
                Some(format!("{} .. {}", start.1, end.1)),
                detail,
            );
        }
        if let Some((step_name, step, max)) = samples.filter(|(_, step, _)| *step > 0) {
            let count = (to - from) / step;
            if count > max {
                let detail = format!(
                    "spans {count} samples of {step} s ({step_name}); at most {max} are returned, so shorten the range or use a longer {step_name}"
                );
                return self.fail(
                    &names,
                    Rule::TimeRange,
                    Some(format!("{} .. {}", start.1, end.1)),
                    detail,
                );
            }
        }
        Ok(())
    }

    /// A port range `start/end` with 1 <= start <= end <= 65535, or `-1/-1` (no ports, for
    /// protocols without them).
    pub fn port_range(&self, name: &str, value: &str) -> Checked {
        if value == "-1/-1" {
            return Ok(());
        }
        let ports = value.split_once('/').and_then(|(a, b)| {
            let port = |s: &str| {
                s.parse::<u32>()
                    .ok()
                    .filter(|p| (1..=65535).contains(p) && !s.starts_with('+'))
            };
            Some((port(a)?, port(b)?))
        });
        match ports {
            Some((start, end)) if start <= end => Ok(()),
            _ => self.fail(
                name,
                Rule::Pattern,
                Some(value.to_owned()),
                "must be `start/end` with 1 <= start <= end <= 65535, or -1/-1".to_owned(),
            ),
        }
    }

    /// A number must have at most `max` digits after the decimal point, as sent on the wire
    /// (its shortest decimal form: SpotPriceLimit takes at most 3).
    pub fn decimals(&self, name: &str, value: f64, max: usize) -> Checked {
        let text = value.to_string();
        let decimals = text.split_once('.').map_or(0, |(_, frac)| frac.len());
        if decimals > max {
            return self.fail(
                name,
                Rule::Decimals,
                Some(text),
                format!("may have at most {max} decimal places"),
            );
        }
        Ok(())
    }

    /// A time range (two `YYYY-MM-DDThh:mm:ssZ` parameters) must not span more than
    /// `max_seconds` (DescribeSpotPriceHistory: 30 days).
    pub fn time_span(&self, start: (&str, &str), end: (&str, &str), max_seconds: i64) -> Checked {
        let (Some(from), Some(to)) = (parse_utc(start.1), parse_utc(end.1)) else {
            return Ok(());
        };
        if to - from > max_seconds {
            let detail = if max_seconds % 86_400 == 0 {
                format!("may span at most {} days", max_seconds / 86_400)
            } else {
                format!("may span at most {max_seconds} s")
            };
            return self.fail(
                &format!("{}, {}", start.0, end.0),
                Rule::TimeRange,
                Some(format!("{} .. {}", start.1, end.1)),
                detail,
            );
        }
        Ok(())
    }

    /// A string must mix at least `min` of the four classes: ASCII upper-case letters, ASCII
    /// lower-case letters, ASCII digits and any other character (passwords).
    pub fn char_classes(&self, name: &str, value: &str, min: usize) -> Checked {
        let (mut upper, mut lower, mut digit, mut other) = (false, false, false, false);
        for c in value.chars() {
            match c {
                'A'..='Z' => upper = true,
                'a'..='z' => lower = true,
                '0'..='9' => digit = true,
                _ => other = true,
            }
        }
        let found = [upper, lower, digit, other]
            .into_iter()
            .filter(|b| *b)
            .count();
        if found < min {
            let detail = format!(
                "must mix at least {min} of upper-case letters, lower-case letters, digits and \
                 special characters (found {found})"
            );
            return self.fail(name, Rule::CharacterClasses, Some(value.to_owned()), detail);
        }
        Ok(())
    }

    /// An enum value must be one the spec lists (`known` is false for a caller-supplied
    /// `Unknown(..)` value).
    pub fn enum_value(&self, name: &str, value: &str, known: bool, allowed: &[&str]) -> Checked {
        if known {
            return Ok(());
        }
        let detail = format!(
            "must be one of {} (switch validation off to send a value newer than the spec)",
            allowed.join(", ")
        );
        self.fail(name, Rule::EnumValue, Some(value.to_owned()), detail)
    }

    /// An enum value must be one of a subset (`constrain_if` with `values`).
    pub fn enum_subset(&self, name: &str, value: &str, allowed: &[&str]) -> Checked {
        if allowed.contains(&value) {
            return Ok(());
        }
        let detail = format!("must be one of {}", allowed.join(", "));
        self.fail(name, Rule::AllowedValues, Some(value.to_owned()), detail)
    }

    /// A timestamp must be UTC `YYYY-MM-DDThh:mm:ssZ`.
    pub fn datetime(&self, name: &str, value: &str) -> Checked {
        if is_utc_datetime(value) {
            return Ok(());
        }
        let detail = "must be a UTC time written YYYY-MM-DDThh:mm:ssZ".to_owned();
        self.fail(name, Rule::Datetime, Some(value.to_owned()), detail)
    }

    /// A string must be standard Base64 and decode to at most `max_decoded` bytes.
    pub fn base64(&self, name: &str, value: &str, max_decoded: Option<usize>) -> Checked {
        let shown = || Some(truncate(value, 64));
        let Ok(decoded) = base64::engine::general_purpose::STANDARD.decode(value) else {
            return self.fail(
                name,
                Rule::Base64,
                shown(),
                "must be Base64-encoded".to_owned(),
            );
        };
        if let Some(max) = max_decoded.filter(|&max| decoded.len() > max) {
            let detail = format!(
                "must decode to at most {max} bytes (it decodes to {})",
                decoded.len()
            );
            return self.fail(name, Rule::Base64, shown(), detail);
        }
        Ok(())
    }

    /// A list must have between `min` and `max` items.
    pub fn items(&self, name: &str, len: usize, min: Option<usize>, max: Option<usize>) -> Checked {
        if min.is_some_and(|m| len < m) || max.is_some_and(|m| len > m) {
            let detail = format!(
                "{} (it has {len})",
                describe_bounds("must have", min, max, " items")
            );
            return self.fail(name, Rule::ItemCount, None, detail);
        }
        Ok(())
    }

    /// `name` must be present when `condition_holds`; `condition` says why.
    pub fn required_if(
        &self,
        name: &str,
        present: bool,
        condition_holds: bool,
        condition: &str,
    ) -> Checked {
        if condition_holds && !present {
            let detail = format!("is required when {condition}");
            return self.fail(name, Rule::RequiredIf, None, detail);
        }
        Ok(())
    }

    /// `name` must be absent when `condition_holds`; `condition` says why.
    pub fn forbidden_if(
        &self,
        name: &str,
        present: bool,
        condition_holds: bool,
        condition: &str,
    ) -> Checked {
        if condition_holds && present {
            let detail = format!("must not be given when {condition}");
            return self.fail(name, Rule::ForbiddenIf, None, detail);
        }
        Ok(())
    }

    /// At most one of the `(name, present)` pairs may be present.
    pub fn mutually_exclusive(&self, params: &[(&str, bool)]) -> Checked {
        let given: Vec<&str> = params.iter().filter(|p| p.1).map(|p| p.0).collect();
        if given.len() > 1 {
            let detail = format!(
                "are mutually exclusive: give at most one of {}",
                names(params)
            );
            return self.fail(&given.join(", "), Rule::MutuallyExclusive, None, detail);
        }
        Ok(())
    }

    /// Exactly one of the `(name, present)` pairs must be present.
    pub fn exactly_one_of(&self, params: &[(&str, bool)]) -> Checked {
        let count = params.iter().filter(|p| p.1).count();
        if count != 1 {
            let detail = format!("give exactly one of {} ({count} given)", names(params));
            return self.fail(&names(params), Rule::ExactlyOneOf, None, detail);
        }
        Ok(())
    }

    /// At least one of the `(name, present)` pairs must be present.
    pub fn at_least_one_of(&self, params: &[(&str, bool)]) -> Checked {
        if params.iter().any(|p| p.1) {
            return Ok(());
        }
        let detail = format!("give at least one of {}", names(params));
        self.fail(&names(params), Rule::AtLeastOneOf, None, detail)
    }
}

fn names(params: &[(&str, bool)]) -> String {
    params.iter().map(|p| p.0).collect::<Vec<_>>().join(", ")
}

fn describe_bounds<T: fmt::Display>(
    lead: &str,
    min: Option<T>,
    max: Option<T>,
    unit: &str,
) -> String {
    match (min, max) {
        (Some(min), Some(max)) => format!("{lead} between {min} and {max}{unit}"),
        (Some(min), None) => format!("{lead} at least {min}{unit}"),
        (None, Some(max)) => format!("{lead} at most {max}{unit}"),
        (None, None) => format!("{lead} valid"),
    }
}

fn truncate(value: &str, max_chars: usize) -> String {
    match value.char_indices().nth(max_chars) {
        Some((cut, _)) => format!("{}…", &value[..cut]),
        None => value.to_owned(),
    }
}

/// `YYYY-MM-DDThh:mm:ssZ` with plausible field values.
/// Seconds since the epoch of a `YYYY-MM-DDThh:mm:ssZ` value, if it is one.
fn parse_utc(value: &str) -> Option<i64> {
    if !is_utc_datetime(value) {
        return None;
    }
    let t = time::PrimitiveDateTime::parse(
        value.trim_end_matches('Z'),
        &time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]"),
    )
    .ok()?;
    Some(t.assume_utc().unix_timestamp())
}

fn is_utc_datetime(value: &str) -> bool {
    let b = value.as_bytes();
    if b.len() != 20 {
        return false;
    }
    let digits = |range: std::ops::Range<usize>| b[range].iter().all(u8::is_ascii_digit);
    let num = |range: std::ops::Range<usize>| {
        b[range]
            .iter()
            .fold(0u32, |acc, d| acc * 10 + u32::from(d - b'0'))
    };
    let shape = digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10)
        && b[10] == b'T'
        && digits(11..13)
        && b[13] == b':'
        && digits(14..16)
        && b[16] == b':'
        && digits(17..19)
        && b[19] == b'Z';
    shape
        && (1..=12).contains(&num(5..7))
        && (1..=31).contains(&num(8..10))
        && num(11..13) < 24
        && num(14..16) < 60
        && num(17..19) < 61
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn port_ranges_are_ordered_and_in_range() {
        let v = Validator::new("AuthorizeSecurityGroup");
        for ok in ["1/65535", "22/22", "-1/-1"] {
            assert!(v.port_range("PortRange", ok).is_ok(), "{ok}");
        }
        for bad in ["200/1", "0/10", "1/65536", "22", "a/b", "-1/22", "+1/2"] {
            assert!(v.port_range("PortRange", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn decimals_count_the_digits_sent() {
        let v = Validator::new("RunInstances");
        assert!(v.decimals("SpotPriceLimit", 0.034, 3).is_ok());
        assert!(v.decimals("SpotPriceLimit", 2.0, 3).is_ok());
        let err = v.decimals("SpotPriceLimit", 0.0345, 3).unwrap_err();
        assert_eq!(err.rule(), Rule::Decimals);
        assert_eq!(err.value(), Some("0.0345"));
    }

    #[test]
    fn time_span_caps_the_distance_between_two_times() {
        let v = Validator::new("DescribeSpotPriceHistory");
        let start = ("StartTime", "2017-08-01T00:00:00Z");
        assert!(v
            .time_span(start, ("EndTime", "2017-08-31T00:00:00Z"), 2_592_000)
            .is_ok());
        let err = v
            .time_span(start, ("EndTime", "2017-08-31T00:00:01Z"), 2_592_000)
            .unwrap_err();
        assert_eq!(err.rule(), Rule::TimeRange);
        assert!(err.to_string().contains("at most 30 days"), "{err}");
    }

    #[test]
    fn range_error_names_api_parameter_rule_and_value() {
        let v = Validator::new("RunInstances");
        let err = v
            .nested("DataDisk.2")
            .range_i64("Size", 3, Some(20), Some(32768))
            .unwrap_err();
        assert_eq!(err.parameter(), "DataDisk.2.Size");
        assert_eq!(err.rule(), Rule::Range);
        assert_eq!(
            err.to_string(),
            "RunInstances: invalid parameter DataDisk.2.Size = \"3\": must be between 20 and 32768 (rule: range)"
        );
    }

    #[test]
    fn redacted_validator_hides_the_value() {
        let v = Validator::new("RunInstances").redacted();
        let err = v
            .length("Password", "hunter2", Some(8), Some(30))
            .unwrap_err();
        assert_eq!(err.value(), Some(REDACTED));
        assert!(!err.to_string().contains("hunter2"));
    }

    #[test]
    fn conditional_constraint_says_why() {
        let v = Validator::new("RunInstances");
        let err = v
            .when("PeriodUnit is Week")
            .allowed_i64("Period", 5, &[1, 2, 3, 4])
            .unwrap_err();
        assert_eq!(
            err.detail(),
            "must be one of 1, 2, 3, 4 when PeriodUnit is Week"
        );
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        let v = Validator::new("X");
        assert!(v.length("Name", "名前", Some(2), Some(2)).is_ok());
        assert!(v.length("Name", "a", Some(2), None).is_err());
    }

    #[test]
    fn forbidden_prefix_is_case_insensitive() {
        let v = Validator::new("X");
        assert!(v
            .forbidden_prefixes("Key", "HTTP://x", &["http://"])
            .is_err());
        assert!(v
            .forbidden_prefixes("Key", "xhttp://", &["http://"])
            .is_ok());
        assert!(v
            .forbidden_substrings("Key", "xhttp://", &["http://"])
            .is_err());
    }

    #[test]
    fn char_classes_count_and_redact() {
        let v = Validator::new("X");
        assert!(v.char_classes("Password", "Abcdefg1", 3).is_ok());
        assert!(v.char_classes("Password", "abc123!?", 3).is_ok());
        let err = v
            .redacted()
            .char_classes("Password", "abcdefgh1", 3)
            .unwrap_err();
        assert_eq!(err.rule(), Rule::CharacterClasses);
        assert_eq!(err.value(), Some(REDACTED));
        assert!(err.detail().contains("found 2"), "{}", err.detail());
    }

    #[test]
    fn time_range_order_and_sample_count() {
        let v = Validator::new("X");
        let (s, e) = ("2014-07-23T12:00:00Z", "2014-07-23T18:40:00Z");
        assert!(v
            .time_range(("S", s), ("E", e), Some(("Period", 60, 400)))
            .is_ok());
        let err = v
            .time_range(
                ("S", s),
                ("E", "2014-07-23T18:41:00Z"),
                Some(("Period", 60, 400)),
            )
            .unwrap_err();
        assert_eq!((err.rule(), err.parameter()), (Rule::TimeRange, "S, E"));
        assert!(err.detail().contains("401 samples"), "{}", err.detail());
        assert!(v.time_range(("S", e), ("E", s), None).is_err());
        assert!(
            v.time_range(("S", "bad"), ("E", s), None).is_ok(),
            "format is checked elsewhere"
        );
    }

    #[test]
    fn datetime_shape_and_values() {
        let v = Validator::new("X");
        assert!(v.datetime("T", "2018-01-01T12:00:00Z").is_ok());
        assert!(v.datetime("T", "2018-01-01T12:00Z").is_err());
        assert!(v.datetime("T", "2018-13-01T12:00:00Z").is_err());
        assert!(v.datetime("T", "2018-01-01T12:00:00+08:00").is_err());
        assert!(v.datetime("T", "２018-01-01T12:00:00Z").is_err());
    }

    #[test]
    fn base64_size_limit() {
        let v = Validator::new("X");
        assert!(v.base64("UserData", "aGVsbG8=", Some(5)).is_ok());
        assert!(v.base64("UserData", "aGVsbG8=", Some(4)).is_err());
        assert!(v.base64("UserData", "not base64!", None).is_err());
    }

    #[test]
    fn cross_field_rules() {
        let v = Validator::new("X");
        let err = v
            .mutually_exclusive(&[("A", true), ("B", true)])
            .unwrap_err();
        assert_eq!(err.parameter(), "A, B");
        assert!(v.mutually_exclusive(&[("A", true), ("B", false)]).is_ok());
        assert!(v.exactly_one_of(&[("A", false), ("B", false)]).is_err());
        assert!(v.exactly_one_of(&[("A", true), ("B", false)]).is_ok());
        assert!(v.at_least_one_of(&[("A", false), ("B", false)]).is_err());
        let err = v
            .required_if("Period", false, true, "InstanceChargeType is PrePaid")
            .unwrap_err();
        assert_eq!(
            err.detail(),
            "is required when InstanceChargeType is PrePaid"
        );
        assert!(v.forbidden_if("P", true, true, "c").is_err());
        assert!(v.forbidden_if("P", true, false, "c").is_ok());
    }

    #[test]
    fn item_count_and_nan() {
        let v = Validator::new("X");
        assert!(v.items("InstanceIds", 101, None, Some(100)).is_err());
        assert!(v.range_f64("Price", f64::NAN, None, None).is_err());
    }
}
