//! Helpers shared by the integration tests: paths and throwaway spec directories.

use std::path::{Path, PathBuf};

/// The repository root.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The real spec directory.
pub fn spec_dir() -> PathBuf {
    repo_root().join("spec")
}

/// A fixture file under `tests/fixtures`.
pub fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(rel)
}

/// A fresh spec directory under the system temp dir holding a minimal service.yaml and
/// common/errors.yaml, plus the given files (relative path, contents).
pub fn temp_spec(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let root = std::env::temp_dir().join(format!("ecs-tests-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let spec = root.join("spec");
    let base: [(&str, &str); 2] = [
        (
            "service.yaml",
            "version: \"2014-05-26\"\nendpoints:\n  central: ecs.aliyuncs.com\n",
        ),
        (
            "common/errors.yaml",
            "errors:\n  - { code: Throttling, status: 400 }\n",
        ),
    ];
    for (rel, text) in base.iter().chain(files) {
        let path = spec.join(rel);
        std::fs::create_dir_all(path.parent().expect("a file has a parent"))
            .expect("temp dir is writable");
        std::fs::write(&path, text).expect("temp dir is writable");
    }
    spec
}

/// A clock that stands still until told to move (or until [`FakeSleep`] sleeps on it).
#[derive(Debug)]
pub struct ManualClock {
    now: std::sync::Mutex<std::time::SystemTime>,
}

impl ManualClock {
    /// A clock showing `start`.
    pub fn new(start: std::time::SystemTime) -> std::sync::Arc<Self> {
        std::sync::Arc::new(ManualClock {
            now: std::sync::Mutex::new(start),
        })
    }

    /// Moves the clock forward.
    pub fn advance(&self, by: std::time::Duration) {
        *self.now.lock().expect("clock lock") += by;
    }
}

impl ecs_runtime::clock::Clock for ManualClock {
    fn now(&self) -> std::time::SystemTime {
        *self.now.lock().expect("clock lock")
    }
}

/// A sleeper that returns at once, records each requested delay and advances a
/// [`ManualClock`] by it, so backoff paths run in microseconds.
#[derive(Debug)]
pub struct FakeSleep {
    clock: Option<std::sync::Arc<ManualClock>>,
    delays: std::sync::Mutex<Vec<std::time::Duration>>,
}

impl FakeSleep {
    /// A sleeper that only records.
    pub fn new() -> std::sync::Arc<Self> {
        std::sync::Arc::new(FakeSleep {
            clock: None,
            delays: std::sync::Mutex::new(Vec::new()),
        })
    }

    /// A sleeper that records and advances `clock`.
    pub fn advancing(clock: std::sync::Arc<ManualClock>) -> std::sync::Arc<Self> {
        std::sync::Arc::new(FakeSleep {
            clock: Some(clock),
            delays: std::sync::Mutex::new(Vec::new()),
        })
    }

    /// The delays asked for so far.
    pub fn delays(&self) -> Vec<std::time::Duration> {
        self.delays.lock().expect("sleep lock").clone()
    }
}

impl ecs_runtime::clock::Sleep for FakeSleep {
    fn sleep(&self, duration: std::time::Duration) -> ecs_runtime::clock::SleepFuture {
        self.delays.lock().expect("sleep lock").push(duration);
        if let Some(clock) = &self.clock {
            clock.advance(duration);
        }
        Box::pin(std::future::ready(()))
    }
}
