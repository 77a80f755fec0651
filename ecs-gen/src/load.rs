//! Stage 1: read every YAML file of the spec directory into the raw types.
//!
//! Parse errors (bad YAML, unknown keys, wrong value types) become diagnostics with the file and
//! line serde reports; loading never panics.

use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Diagnostics, Source};
use crate::spec::{RawApi, RawErrorsFile, RawService, RawType, RawTypesFile};

/// The spec as loaded, with the source text of each file for line lookups.
#[derive(Debug, Clone)]
pub struct LoadedSpec {
    pub service: Option<(Source, RawService)>,
    pub common_errors: Option<(Source, RawErrorsFile)>,
    pub types: Vec<(Source, Vec<RawType>)>,
    pub apis: Vec<(Source, RawApi)>,
    /// Every file read, in order (for `rerun-if-changed`).
    pub files: Vec<PathBuf>,
}

/// Reads the spec directory. Returns the diagnostics of every file that did not parse.
pub fn load(spec_dir: &Path) -> Result<LoadedSpec, Diagnostics> {
    let mut diags = Diagnostics::default();
    let display_root = spec_dir.parent().unwrap_or(spec_dir);
    let mut spec = LoadedSpec {
        service: None,
        common_errors: None,
        types: Vec::new(),
        apis: Vec::new(),
        files: Vec::new(),
    };

    let service = spec_dir.join("service.yaml");
    if service.exists() {
        spec.service = parse(&service, display_root, &mut diags, &mut spec.files);
    } else {
        diags.push(missing(&service, display_root));
    }
    let errors = spec_dir.join("common").join("errors.yaml");
    if errors.exists() {
        spec.common_errors = parse(&errors, display_root, &mut diags, &mut spec.files);
    } else {
        diags.push(missing(&errors, display_root));
    }
    for path in yaml_files(&spec_dir.join("types"), &mut diags, display_root) {
        if let Some((src, file)) =
            parse::<RawTypesFile>(&path, display_root, &mut diags, &mut spec.files)
        {
            spec.types.push((src, file.types));
        }
    }
    for path in yaml_files(&spec_dir.join("apis"), &mut diags, display_root) {
        if let Some(api) = parse::<RawApi>(&path, display_root, &mut diags, &mut spec.files) {
            spec.apis.push(api);
        }
    }
    spec.apis.sort_by(|a, b| a.1.action.cmp(&b.1.action));
    if diags.is_empty() {
        Ok(spec)
    } else {
        Err(diags)
    }
}

fn missing(path: &Path, root: &Path) -> Diagnostic {
    Diagnostic {
        file: rel(path, root),
        line: None,
        path: String::new(),
        message: "file is missing".to_owned(),
    }
}

fn rel(path: &Path, root: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// Every `*.yaml` under `dir`, recursively, sorted for deterministic output.
fn yaml_files(dir: &Path, diags: &mut Diagnostics, root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = match std::fs::read_dir(&d) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => {
                diags.push(Diagnostic {
                    file: rel(&d, root),
                    line: None,
                    path: String::new(),
                    message: format!("cannot read directory: {e}"),
                });
                continue;
            }
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

fn parse<T: serde::de::DeserializeOwned>(
    path: &Path,
    root: &Path,
    diags: &mut Diagnostics,
    files: &mut Vec<PathBuf>,
) -> Option<(Source, T)> {
    files.push(path.to_path_buf());
    let file = rel(path, root);
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            diags.push(Diagnostic {
                file,
                line: None,
                path: String::new(),
                message: format!("cannot read file: {e}"),
            });
            return None;
        }
    };
    let source = Source { file, text };
    parse_source(source, diags)
}

/// Parses one source text (also used by tests on in-memory fixtures).
pub fn parse_source<T: serde::de::DeserializeOwned>(
    source: Source,
    diags: &mut Diagnostics,
) -> Option<(Source, T)> {
    match serde_yaml_ng::from_str::<T>(&source.text) {
        Ok(value) => Some((source, value)),
        Err(e) => {
            let line = e.location().map(|l| l.line());
            let mut message = e.to_string();
            // serde_yaml_ng appends " at line X column Y"; the line is already in front.
            if let Some(idx) = message.find(" at line ") {
                message.truncate(idx);
            }
            diags.push(source.diag(line, "", message));
            None
        }
    }
}
