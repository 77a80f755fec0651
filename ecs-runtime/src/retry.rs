//! Retry policy: which failures are retried, how long to wait, and how many times.
//!
//! Alibaba Cloud throttles with HTTP 400 or 403 as well as 503, so failures are classified by
//! error code first and by HTTP status second. A failure after which the request may or may
//! not have taken effect (a timeout, a server error) is *ambiguous*: it is retried only for
//! operations that are safe to repeat (read-only, or carrying a ClientToken).

use std::time::Duration;

/// How a failed attempt may be retried.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum RetryKind {
    /// The service refused the request because of request rate (`Throttling*`); it did not
    /// take effect, so any operation may be retried, after the longer throttling backoff.
    Throttling,
    /// The request never reached the service (connection refused, DNS); safe for any
    /// operation.
    NotSent,
    /// The request may have taken effect (timeout, 5xx, `InternalError`,
    /// `ServiceUnavailable`, `UnknownError`): retried only for idempotent operations.
    Ambiguous,
    /// Not retryable (a client error such as a bad parameter).
    Never,
}

/// Classifies a service error answer by code, then by HTTP status.
pub fn classify_service_error(code: &str, status: u16) -> RetryKind {
    if code == "Throttling" || code.starts_with("Throttling.") {
        return RetryKind::Throttling;
    }
    if matches!(
        code,
        "ServiceUnavailable" | "InternalError" | "UnknownError"
    ) {
        return RetryKind::Ambiguous;
    }
    classify_status(status)
}

/// Classifies an HTTP status alone (for bodies that are not an error document).
pub fn classify_status(status: u16) -> RetryKind {
    match status {
        429 => RetryKind::Throttling,
        500 | 502 | 503 | 504 => RetryKind::Ambiguous,
        _ => RetryKind::Never,
    }
}

/// The retry settings of a client.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct RetryConfig {
    /// Retries after the first attempt (default 3; 0 disables retries).
    pub max_retries: u32,
    /// The first backoff after an error (default 100 ms); doubled per retry.
    pub base_delay: Duration,
    /// The first backoff after throttling (default 500 ms); doubled per retry.
    pub throttling_base_delay: Duration,
    /// The longest backoff (default 20 s), also the cap on a server's `x-acs-retry-after`.
    pub max_delay: Duration,
    /// Whether backoffs are randomised ("equal jitter": between half and all of the
    /// exponential delay). Default true.
    pub jitter: bool,
}

impl Default for RetryConfig {
    fn default() -> Self {
        RetryConfig {
            max_retries: 3,
            base_delay: Duration::from_millis(100),
            throttling_base_delay: Duration::from_millis(500),
            max_delay: Duration::from_secs(20),
            jitter: true,
        }
    }
}

impl RetryConfig {
    /// No retries at all.
    pub fn disabled() -> Self {
        RetryConfig {
            max_retries: 0,
            ..RetryConfig::default()
        }
    }

    /// Sets the number of retries after the first attempt.
    pub fn with_max_retries(mut self, n: u32) -> Self {
        self.max_retries = n;
        self
    }

    /// Sets the base delays for errors and for throttling.
    pub fn with_base_delays(mut self, errors: Duration, throttling: Duration) -> Self {
        self.base_delay = errors;
        self.throttling_base_delay = throttling;
        self
    }

    /// Sets the longest backoff.
    pub fn with_max_delay(mut self, max: Duration) -> Self {
        self.max_delay = max;
        self
    }

    /// Switches jitter on or off (off gives exact, predictable delays).
    pub fn with_jitter(mut self, jitter: bool) -> Self {
        self.jitter = jitter;
        self
    }

    /// The wait before retry number `retry` (1-based) after a failure of `kind`, or the
    /// server's `retry_after` when it sent one; never more than `max_delay`.
    pub fn backoff(&self, kind: RetryKind, retry: u32, retry_after: Option<Duration>) -> Duration {
        if let Some(after) = retry_after {
            return after.min(self.max_delay);
        }
        let base = match kind {
            RetryKind::Throttling => self.throttling_base_delay,
            _ => self.base_delay,
        };
        let factor = 1u32 << retry.saturating_sub(1).min(20);
        let delay = base.saturating_mul(factor).min(self.max_delay);
        if self.jitter {
            let half = delay / 2;
            half + half.mul_f64(fastrand::f64())
        } else {
            delay
        }
    }
}

/// Parses the `x-acs-retry-after` header: milliseconds, as Alibaba Cloud's gateways send it
/// and its official SDKs read it; `0` or garbage means no hint.
pub fn parse_retry_after(value: &str) -> Option<Duration> {
    match value.trim().parse::<u64>() {
        Ok(0) | Err(_) => None,
        Ok(ms) => Some(Duration::from_millis(ms)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classification_by_code_before_status() {
        assert_eq!(
            classify_service_error("Throttling.User", 400),
            RetryKind::Throttling
        );
        assert_eq!(
            classify_service_error("Throttling", 503),
            RetryKind::Throttling
        );
        assert_eq!(classify_service_error("ThrottlingX", 400), RetryKind::Never);
        assert_eq!(
            classify_service_error("InternalError", 500),
            RetryKind::Ambiguous
        );
        assert_eq!(
            classify_service_error("ServiceUnavailable", 503),
            RetryKind::Ambiguous
        );
        assert_eq!(
            classify_service_error("UnknownError", 400),
            RetryKind::Ambiguous
        );
        assert_eq!(
            classify_service_error("InvalidParameter", 400),
            RetryKind::Never
        );
        assert_eq!(
            classify_service_error("Whatever", 502),
            RetryKind::Ambiguous
        );
    }

    #[test]
    fn backoff_grows_and_is_capped() {
        let cfg = RetryConfig::default().with_jitter(false);
        let ms = |d: Duration| d.as_millis();
        assert_eq!(ms(cfg.backoff(RetryKind::Ambiguous, 1, None)), 100);
        assert_eq!(ms(cfg.backoff(RetryKind::Ambiguous, 2, None)), 200);
        assert_eq!(ms(cfg.backoff(RetryKind::Ambiguous, 3, None)), 400);
        assert_eq!(ms(cfg.backoff(RetryKind::Throttling, 1, None)), 500);
        assert_eq!(ms(cfg.backoff(RetryKind::Throttling, 7, None)), 20_000);
        assert_eq!(ms(cfg.backoff(RetryKind::Throttling, 40, None)), 20_000);
        let after = Some(Duration::from_secs(3));
        assert_eq!(ms(cfg.backoff(RetryKind::Throttling, 1, after)), 3000);
        let long = Some(Duration::from_secs(300));
        assert_eq!(ms(cfg.backoff(RetryKind::Throttling, 1, long)), 20_000);
    }

    #[test]
    fn jitter_stays_between_half_and_full() {
        let cfg = RetryConfig::default();
        for _ in 0..200 {
            let d = cfg.backoff(RetryKind::Ambiguous, 3, None).as_millis();
            assert!((200..=400).contains(&d), "{d}");
        }
    }

    #[test]
    fn retry_after_is_milliseconds() {
        assert_eq!(
            parse_retry_after(" 1500 "),
            Some(Duration::from_millis(1500))
        );
        assert_eq!(parse_retry_after("soon"), None);
        assert_eq!(parse_retry_after("0"), None);
    }
}
