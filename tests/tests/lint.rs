//! One fixture per lint rule: each must fail `check` with a diagnostic naming the file, the YAML
//! path and the problem. The full reports are snapshotted for review.

use ecs_tests::{fixture, temp_spec};

/// Lints `tests/fixtures/lint/<name>.yaml` as the API `Fixture` (with `<name>.types.yaml` as a
/// types file when present) and returns the report.
fn lint_report(name: &str) -> String {
    let api =
        std::fs::read_to_string(fixture(&format!("lint/{name}.yaml"))).expect("fixture exists");
    let types = std::fs::read_to_string(fixture(&format!("lint/{name}.types.yaml"))).ok();
    let mut files = vec![("apis/demo/Fixture.yaml", api.as_str())];
    if let Some(t) = &types {
        files.push(("types/fixture.yaml", t.as_str()));
    }
    let spec = temp_spec(name, &files);
    let result = ecs_gen::load_model(&spec);
    let _ = std::fs::remove_dir_all(spec.parent().expect("temp spec has a parent"));
    match result {
        Ok(_) => panic!("fixture {name} passed lint but should not"),
        Err(diags) => {
            assert!(!diags.is_empty());
            diags.to_string()
        }
    }
}

macro_rules! lint_fixture {
    ($name:ident, $expected:expr) => {
        #[test]
        fn $name() {
            let report = lint_report(stringify!($name));
            assert!(
                report.contains($expected),
                "report lacks {:?}:\n{report}",
                $expected
            );
            assert!(
                report.contains("spec/apis/demo/Fixture.yaml")
                    || report.contains("spec/types/fixture.yaml")
            );
            insta::assert_snapshot!(concat!("lint_", stringify!($name)), report);
        }
    };
}

lint_fixture!(unknown_key, "unknown field `maxlen`");
lint_fixture!(unknown_type, "unknown type `strnig`");
lint_fixture!(dangling_type, "dangling type `Unused`");
lint_fixture!(duplicate_param, "duplicate parameter `RegionId`");
lint_fixture!(snake_case_collision, "collide as the Rust name `key`");
lint_fixture!(min_greater_than_max, "min 100 is greater than max 1");
lint_fixture!(
    default_outside_enum,
    "default `Monthly` is not one of the enum values"
);
lint_fixture!(
    default_outside_range,
    "default 0 is outside the range [1, 100]"
);
lint_fixture!(
    required_with_default,
    "a required parameter cannot have a default"
);
lint_fixture!(duplicate_enum_value, "duplicate enum value `Running`");
lint_fixture!(invalid_pattern, "invalid pattern `^[a-z`");
lint_fixture!(
    encoding_on_non_list,
    "list encoding `json` on a non-list parameter"
);
lint_fixture!(
    rule_unknown_param,
    "rule names parameter `InstanceChargeType`, which does not exist here"
);
lint_fixture!(client_token_missing, "there is no ClientToken parameter");
lint_fixture!(and_unknown_param, "`SourceCidrIP`");
lint_fixture!(time_span_zero, "`max_span_seconds` must be positive");
lint_fixture!(
    decimals_on_integer,
    "`max_decimals` applies to floats, not `integer`"
);
lint_fixture!(bad_example, "is not a wire name of this API");
lint_fixture!(yaml_syntax, "spec/apis/demo/Fixture.yaml:");

#[test]
fn diagnostics_carry_line_numbers() {
    let report = lint_report("min_greater_than_max");
    assert!(report.contains("Fixture.yaml:7:"), "{report}");
}

#[test]
fn the_real_spec_passes_lint() {
    match ecs_gen::load_model(&ecs_tests::spec_dir()) {
        Ok((_, model)) => assert!(!model.apis.is_empty()),
        Err(diags) => panic!("spec/ does not pass lint:\n{diags}"),
    }
}
lint_fixture!(
    char_classes_out_of_range,
    "`min_char_classes` counts four classes, so it must be 1 to 4, not 5"
);
lint_fixture!(
    waiter_bad_state,
    "`Redy` is not a value of the state `Status`"
);

/// `ecs-gen check --apis` lists each API with its counts; `--group` filters.
#[test]
fn check_lists_every_api_with_its_counts() {
    let (_, model) = ecs_gen::load_model(&ecs_tests::fixture("full/spec")).expect("fixture");
    let api = model.api("MakeThing").expect("fixture API");
    let table = ecs_gen::api_table(&model, None);
    let row = table
        .lines()
        .find(|l| l.contains("MakeThing"))
        .expect("a row for MakeThing");
    let cells: Vec<&str> = row.split_whitespace().collect();
    // group, API, params, constraints, rules, error codes, entries, examples
    assert_eq!(cells.len(), 8, "{row}");
    assert_eq!(cells[4], api.rules.len().to_string(), "{row}");
    assert_eq!(cells[5], "2", "two distinct codes in the fixture: {row}");
    assert_eq!(cells[6], api.errors.len().to_string(), "{row}");
    assert_eq!(cells[7], api.examples.len().to_string(), "{row}");
    assert!(
        cells[2].parse::<usize>().expect("a count") > api.params.len(),
        "struct fields count too: {row}"
    );
    assert!(table.ends_with(&format!("{} APIs", model.apis.len())));
    let none = ecs_gen::api_table(&model, Some("no-such-group"));
    assert!(none.ends_with("0 APIs"), "{none}");
}

/// `ecs-gen notes` prints each API's sources and every curation note, filtered by group.
#[test]
fn notes_list_sources_and_every_curation_note() {
    let (_, model) = ecs_gen::load_model(&ecs_tests::spec_dir()).expect("spec/ passes lint");
    let all = ecs_gen::curation_notes(&model, None);
    for api in &model.apis {
        assert!(all.contains(&format!("- **{}** ({})", api.action, api.group)));
        for note in &api.provenance.notes {
            assert!(all.contains(note.as_str()), "{}: note missing", api.action);
        }
    }
    let tasks = ecs_gen::curation_notes(&model, Some("tasks"));
    assert!(tasks.contains("**CancelTask**") && !tasks.contains("**RunInstances**"));
}
