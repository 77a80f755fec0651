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
