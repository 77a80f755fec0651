//! `ecs-gen`: turns the YAML spec in `spec/` into the Rust code of `ecs-client`.
//!
//! The pipeline has four stages, each in its own module, with one model in the middle:
//!
//! 1. [`load`]: read the YAML files into the raw types of [`spec`] (parse errors are diagnostics)
//! 2. [`lint`]: check everything serde cannot (references, ranges, defaults, name collisions, rules)
//! 3. [`model`]: resolve shared types and Rust names into one normalised [`model::Model`]
//! 4. [`emit`]: emit Rust with syn/quote, formatted with prettyplease
//!
//! It runs from `ecs-client/build.rs` and as the `ecs-gen` command (`check`, `generate`, `dump`).

pub mod diag;
pub mod emit;
pub mod lint;
pub mod load;
pub mod model;
pub mod names;
pub mod spec;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

pub use diag::{Diagnostic, Diagnostics};
pub use model::Model;

/// Loads, lints and models the spec directory.
pub fn load_model(spec_dir: &Path) -> Result<(load::LoadedSpec, Model), Diagnostics> {
    let spec = load::load(spec_dir)?;
    let diags = lint::lint(&spec);
    if !diags.is_empty() {
        return Err(diags);
    }
    let model = model::build(&spec)?;
    Ok((spec, model))
}

/// The generated files: `lib.rs` (everything, included by `ecs-client`) plus one file per API
/// and the shared types, for reading and review.
pub fn generate(model: &Model) -> Result<BTreeMap<String, String>, String> {
    let mut files = BTreeMap::new();
    files.insert(
        "ecs_client_generated.rs".to_owned(),
        emit::crate_file(model)?,
    );
    for api in &model.apis {
        files.insert(format!("apis/{}.rs", api.module), emit::api_file(api)?);
    }
    files.insert(
        "types.rs".to_owned(),
        emit::format_file(emit::types_items(model))?,
    );
    Ok(files)
}

/// Writes the generated files under `out_dir`, creating directories; returns the paths written.
pub fn write_generated(model: &Model, out_dir: &Path) -> Result<Vec<PathBuf>, String> {
    let files = generate(model)?;
    let mut written = Vec::new();
    for (name, text) in files {
        let path = out_dir.join(&name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        // Leave unchanged files alone so their timestamps do not trigger rebuilds.
        if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            std::fs::write(&path, text)
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        }
        written.push(path);
    }
    Ok(written)
}

/// Counts the parameters (struct fields and list items included) and their constraints by kind.
fn count_params(
    params: &[model::Param],
    count: &mut usize,
    constraints: &mut BTreeMap<&'static str, usize>,
) {
    for p in params {
        *count += 1;
        p.constraints.count_into(constraints);
        if p.required {
            *constraints.entry("required").or_default() += 1;
        }
        if !p.values.is_empty() {
            *constraints.entry("enum").or_default() += 1;
        }
        if p.sensitive {
            *constraints.entry("sensitive").or_default() += 1;
        }
        count_params(&p.children, count, constraints);
        if let Some(items) = &p.items {
            items.constraints.count_into(constraints);
            count_params(&items.children, count, constraints);
        }
    }
}

/// `notes`: where each API's facts came from and every curation note (the documents'
/// disagreements and how they were resolved), as Markdown, optionally for one group.
pub fn curation_notes(model: &Model, group: Option<&str>) -> String {
    fn doc_ref(d: &model::DocRef) -> String {
        let mut s = d.doc.clone();
        if let Some(h) = &d.heading {
            s.push_str(&format!(" \"{h}\""));
        }
        if let Some(l) = d.line {
            s.push_str(&format!(" L{l}"));
        }
        if let Some(u) = &d.used_for {
            s.push_str(&format!(" ({u})"));
        }
        s
    }
    let mut out = String::new();
    for api in model
        .apis
        .iter()
        .filter(|a| group.is_none_or(|g| a.group == g))
    {
        let p = &api.provenance;
        let _ = writeln!(
            out,
            "- **{}** ({}): from {}",
            api.action,
            api.group,
            doc_ref(&p.primary)
        );
        for o in &p.others {
            let _ = writeln!(out, "  - also {}", doc_ref(o));
        }
        for n in &p.notes {
            let _ = writeln!(out, "  - {n}");
        }
    }
    out
}

/// `check --apis`: one line per API (optionally of one group) with its parameter, constraint,
/// cross-field rule, error-code and example counts, so a curator can see an area at a glance.
pub fn api_table(model: &Model, group: Option<&str>) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<16} {:<38} {:>6} {:>11} {:>5} {:>11} {:>7} {:>8}",
        "group", "API", "params", "constraints", "rules", "error codes", "entries", "examples"
    );
    let mut shown = 0;
    for api in model
        .apis
        .iter()
        .filter(|a| group.is_none_or(|g| a.group == g))
    {
        let mut params = 0;
        let mut constraints = BTreeMap::new();
        count_params(&api.params, &mut params, &mut constraints);
        let distinct: std::collections::BTreeSet<&str> =
            api.errors.iter().map(|e| e.code.as_str()).collect();
        let _ = writeln!(
            out,
            "{:<16} {:<38} {:>6} {:>11} {:>5} {:>11} {:>7} {:>8}",
            api.group,
            api.action,
            params,
            constraints.values().sum::<usize>(),
            api.rules.len(),
            distinct.len(),
            api.errors.len(),
            api.examples.len()
        );
        shown += 1;
    }
    let _ = write!(out, "{shown} APIs");
    out
}

/// The `check` summary: APIs, parameters, constraints by kind, rules, error codes, examples.
pub fn summary(model: &Model) -> String {
    let mut params = 0;
    let mut constraints = BTreeMap::new();
    let mut rules: BTreeMap<String, usize> = BTreeMap::new();
    let mut codes = 0;
    let mut entries = 0;
    let mut examples = 0;
    let mut groups: BTreeMap<&str, usize> = BTreeMap::new();
    for api in &model.apis {
        count_params(&api.params, &mut params, &mut constraints);
        for r in &api.rules {
            *rules.entry(r.kind.clone()).or_default() += 1;
        }
        let distinct: std::collections::BTreeSet<&str> =
            api.errors.iter().map(|e| e.code.as_str()).collect();
        codes += distinct.len();
        entries += api.errors.len();
        examples += api.examples.len();
        *groups.entry(&api.group).or_default() += 1;
    }
    for t in &model.types {
        for r in &t.rules {
            *rules.entry(r.kind.clone()).or_default() += 1;
        }
    }
    let mut out = String::new();
    let _ = writeln!(out, "spec OK: API version {}", model.version);
    let _ = writeln!(
        out,
        "APIs: {} ({})",
        model.apis.len(),
        groups
            .iter()
            .map(|(g, n)| format!("{g} {n}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let _ = writeln!(out, "parameters: {params} (including struct fields)");
    let _ = writeln!(out, "constraints by kind:");
    for (k, n) in &constraints {
        let _ = writeln!(out, "  {k}: {n}");
    }
    let _ = writeln!(out, "cross-field rules: {}", rules.values().sum::<usize>());
    for (k, n) in &rules {
        let _ = writeln!(out, "  {k}: {n}");
    }
    let _ = writeln!(
        out,
        "error codes: {codes} distinct per API ({entries} entries), {} common",
        model.common_errors.len()
    );
    let _ = writeln!(out, "shared types: {}", model.types.len());
    let _ = write!(out, "examples: {examples}");
    out
}

/// Used by `ecs-client/build.rs`: generate into `out_dir`, or fail with every diagnostic.
pub fn build_script(spec_dir: &Path, out_dir: &Path) -> Result<(), String> {
    println!("cargo::rerun-if-changed={}", spec_dir.display());
    let (spec, model) = load_model(spec_dir).map_err(|d| d.to_string())?;
    for f in &spec.files {
        println!("cargo::rerun-if-changed={}", f.display());
    }
    write_generated(&model, out_dir)?;
    Ok(())
}
