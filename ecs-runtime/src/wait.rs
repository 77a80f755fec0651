//! Waiting for a resource to reach a state by polling a Describe API. Generated waiters build
//! a [`Waiter`] from the spec (which states succeed, which can never succeed, the delays); the
//! loop here knows no specific API.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use crate::clock::{Clock, Sleep};

/// What one poll says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The target state is reached.
    Success,
    /// A terminal state from which the target can never be reached.
    Failure(String),
    /// Not yet; the observed state(s).
    Retry(String),
    /// The poll failed with an error that is not part of the waiter: stop with it.
    Error,
}

/// How to treat an empty resource list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Empty {
    /// Keep polling (the resource may not be visible yet).
    Retry,
    /// Done (waiting for deletion).
    Success,
    /// Failed (the resource is gone).
    Failure,
}

/// Judges the states of the listed resources: a failure state anywhere fails, all in
/// `success` succeeds (never, when `success` is empty: only an empty list can), otherwise
/// retry.
pub fn judge_states(states: &[&str], success: &[&str], failure: &[&str], empty: Empty) -> Verdict {
    if states.is_empty() {
        return match empty {
            Empty::Retry => Verdict::Retry("no resource listed".to_owned()),
            Empty::Success => Verdict::Success,
            Empty::Failure => Verdict::Failure("no resource listed".to_owned()),
        };
    }
    if let Some(s) = states.iter().find(|s| failure.contains(s)) {
        return Verdict::Failure((*s).to_owned());
    }
    if !success.is_empty() && states.iter().all(|s| success.contains(s)) {
        return Verdict::Success;
    }
    Verdict::Retry(states.join(", "))
}

/// Polling delays and the overall limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WaitConfig {
    /// The first delay between polls; doubled after each poll.
    pub delay: Duration,
    /// The longest delay between polls.
    pub max_delay: Duration,
    /// How long to wait in all before giving up.
    pub max_wait: Duration,
}

/// The result of a successful wait.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Waited<O> {
    /// The last answer (`None` when success was a "not found" error, as when waiting for
    /// deletion).
    pub output: Option<O>,
    /// How many polls it took.
    pub polls: u32,
    /// How long it took, by the client's clock.
    pub waited: Duration,
}

/// Why a wait failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum WaitError<E> {
    /// The limit passed before the target state was reached.
    #[error(
        "{waiter}: gave up after {waited:?} and {polls} polls; last observed state: {last_state}"
    )]
    Timeout {
        /// The waiter.
        waiter: &'static str,
        /// How long it waited.
        waited: Duration,
        /// How many polls it made.
        polls: u32,
        /// The state seen last.
        last_state: String,
    },
    /// A state was reached from which the target can never be reached.
    #[error("{waiter}: reached the terminal state {state} after {polls} polls")]
    FailureState {
        /// The waiter.
        waiter: &'static str,
        /// The terminal state.
        state: String,
        /// How many polls it made.
        polls: u32,
    },
    /// A poll failed.
    #[error("{waiter}: polling failed: {source}")]
    Operation {
        /// The waiter.
        waiter: &'static str,
        /// The error of the poll.
        source: E,
    },
}

/// A boxed poll future.
pub type PollFuture<O, E> = Pin<Box<dyn Future<Output = Result<O, E>> + Send>>;

/// A configured wait: polls with a clone of `builder` until the judge says success, failure,
/// or the limit passes.
pub struct Waiter<B, O, E> {
    name: &'static str,
    builder: B,
    config: WaitConfig,
    poll: fn(B) -> PollFuture<O, E>,
    judge: fn(&Result<O, E>) -> Verdict,
    clock: Arc<dyn Clock>,
    sleep: Arc<dyn Sleep>,
}

impl<B: fmt::Debug, O, E> fmt::Debug for Waiter<B, O, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Waiter")
            .field("name", &self.name)
            .field("builder", &self.builder)
            .field("config", &self.config)
            .finish()
    }
}

impl<B: Clone, O, E> Waiter<B, O, E> {
    /// A waiter (called by generated code).
    pub fn new(
        name: &'static str,
        builder: B,
        config: WaitConfig,
        poll: fn(B) -> PollFuture<O, E>,
        judge: fn(&Result<O, E>) -> Verdict,
        clock: Arc<dyn Clock>,
        sleep: Arc<dyn Sleep>,
    ) -> Self {
        Waiter {
            name,
            builder,
            config,
            poll,
            judge,
            clock,
            sleep,
        }
    }

    /// How long to wait in all before giving up.
    pub fn max_wait(mut self, max_wait: Duration) -> Self {
        self.config.max_wait = max_wait;
        self
    }

    /// The first delay between polls (doubled after each poll up to the maximum).
    pub fn delay(mut self, delay: Duration, max_delay: Duration) -> Self {
        self.config.delay = delay;
        self.config.max_delay = max_delay.max(delay);
        self
    }

    /// Polls until the target state, a terminal state, an error, or the limit.
    pub async fn wait(self) -> Result<Waited<O>, WaitError<E>> {
        let start = self.clock.now();
        let elapsed = || self.clock.now().duration_since(start).unwrap_or_default();
        let mut delay = self.config.delay;
        let mut polls = 0u32;
        loop {
            polls += 1;
            let result = (self.poll)(self.builder.clone()).await;
            let verdict = (self.judge)(&result);
            tracing::debug!(waiter = self.name, polls, ?verdict, "waiter poll");
            let last_state = match verdict {
                Verdict::Success => {
                    return Ok(Waited {
                        output: result.ok(),
                        polls,
                        waited: elapsed(),
                    })
                }
                Verdict::Failure(state) => {
                    return Err(WaitError::FailureState {
                        waiter: self.name,
                        state,
                        polls,
                    })
                }
                Verdict::Error => {
                    return match result {
                        Err(source) => Err(WaitError::Operation {
                            waiter: self.name,
                            source,
                        }),
                        Ok(output) => Ok(Waited {
                            output: Some(output),
                            polls,
                            waited: elapsed(),
                        }),
                    }
                }
                Verdict::Retry(state) => state,
            };
            let waited = elapsed();
            if waited >= self.config.max_wait {
                return Err(WaitError::Timeout {
                    waiter: self.name,
                    waited,
                    polls,
                    last_state,
                });
            }
            let pause = delay.min(self.config.max_wait - waited);
            self.sleep.sleep(pause).await;
            delay = (delay * 2).min(self.config.max_delay);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_are_judged_failure_first() {
        let j = |s: &[&str]| judge_states(s, &["Running"], &["Deleted"], Empty::Retry);
        assert_eq!(j(&["Running", "Running"]), Verdict::Success);
        assert_eq!(
            j(&["Running", "Starting"]),
            Verdict::Retry("Running, Starting".into())
        );
        assert_eq!(
            j(&["Running", "Deleted"]),
            Verdict::Failure("Deleted".into())
        );
        assert_eq!(j(&[]), Verdict::Retry("no resource listed".into()));
        assert_eq!(
            judge_states(&["Stopping"], &[], &[], Empty::Success),
            Verdict::Retry("Stopping".into())
        );
        assert_eq!(
            judge_states(&[], &[], &[], Empty::Success),
            Verdict::Success
        );
    }
}
