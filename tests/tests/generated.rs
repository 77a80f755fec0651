//! Snapshots of the generated code: one per API plus the shared types, so a spec change shows
//! up as a reviewable diff. Also checks the generator is deterministic.

use ecs_tests::{fixture, spec_dir};

#[test]
fn every_api_has_a_reviewed_snapshot() {
    let (_, model) = ecs_gen::load_model(&spec_dir()).expect("spec/ passes lint");
    assert!(model.apis.len() >= 17, "the foundation slice has 17 APIs");
    for api in &model.apis {
        let code = ecs_gen::emit::api_file(api).expect("generated code parses");
        assert!(code.starts_with(ecs_gen::emit::HEADER));
        insta::assert_snapshot!(format!("api_{}", api.module), code);
    }
    let types =
        ecs_gen::emit::format_file(ecs_gen::emit::types_items(&model)).expect("types parse");
    insta::assert_snapshot!("shared_types", types);
}

#[test]
fn generation_is_deterministic() {
    let (_, first) = ecs_gen::load_model(&spec_dir()).expect("spec/ passes lint");
    let (_, second) = ecs_gen::load_model(&spec_dir()).expect("spec/ passes lint");
    let a = ecs_gen::generate(&first).expect("generates");
    let b = ecs_gen::generate(&second).expect("generates");
    assert_eq!(a, b);
}

/// The fixture spec uses every feature of the schema (all list encodings, structs, shared
/// types, every rule kind, secrets), independent of what the curated APIs happen to use.
#[test]
fn fixture_spec_covering_every_feature() {
    let (_, model) = ecs_gen::load_model(&fixture("full/spec")).expect("fixture passes lint");
    let api = model.api("MakeThing").expect("fixture API");
    let code = ecs_gen::emit::api_file(api).expect("generated code parses");
    for needle in [
        "v.required_if(",
        "v.mutually_exclusive(",
        "v.at_least_one_of(",
        "v.forbidden_if(",
        "v.when(\"PeriodUnit is Week\")",
        "v.time_span(",
        "v.decimals(",
        "v.port_range(",
        "\"Name is given and ClientToken is not given and Amount is 2\"",
        "(self.name.is_some()) && (self.client_token.is_none())",
        "ecs_runtime::wire::json_array(",
        "ecs_runtime::wire::comma_list(",
        "format!(\"DataDisk.{}\", index + 1)",
        "let v = v.redacted();",
        "impl std::fmt::Debug for MakeThingInput",
        "impl std::fmt::Debug for MakeThingOutput",
        "impl std::fmt::Debug for Thing",
    ] {
        assert!(code.contains(needle), "generated code lacks {needle}");
    }
    insta::assert_snapshot!("fixture_make_thing", code);
}

/// Every documented error code of every API is matched into its own variant of the API's
/// error enum (the rest fall to `Unhandled`).
#[test]
fn every_documented_error_code_has_a_variant() {
    let (_, model) = ecs_gen::load_model(&spec_dir()).expect("spec/ passes lint");
    let mut checked = 0;
    for api in &model.apis {
        let code = ecs_gen::emit::api_file(api).expect("generated code parses");
        // rustfmt may break a long arm over lines; compare without whitespace.
        let code: String = code.split_whitespace().collect();
        for error in &api.errors {
            let arm = format!("\"{}\"=>", error.code);
            assert!(
                code.contains(&arm),
                "{}: error code {} has no variant",
                api.action,
                error.code
            );
            checked += 1;
        }
    }
    assert!(checked > 1000, "only {checked} error entries checked");
}
