//! ecs-client has one cargo feature per API group of the spec, and `default` holds them all.

use std::collections::BTreeSet;

#[test]
fn features_match_the_spec_groups() {
    let (_, model) = ecs_gen::load_model(&ecs_tests::spec_dir()).expect("the spec lints clean");
    let groups: BTreeSet<String> = model.apis.iter().map(|a| a.group.clone()).collect();

    let manifest = std::fs::read_to_string(ecs_tests::repo_root().join("ecs-client/Cargo.toml"))
        .expect("manifest");
    let section = manifest
        .split("[features]")
        .nth(1)
        .and_then(|rest| rest.split("\n[").next())
        .expect("a [features] table");
    let mut features = BTreeSet::new();
    let mut default = BTreeSet::new();
    for line in section.lines().map(str::trim) {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        let (name, value) = line.split_once('=').expect("name = value");
        let name = name.trim();
        if name == "default" {
            default = value
                .trim()
                .trim_matches(|c| c == '[' || c == ']')
                .split(',')
                .map(|s| s.trim().trim_matches('"').to_owned())
                .filter(|s| !s.is_empty())
                .collect();
        } else {
            features.insert(name.to_owned());
        }
    }
    assert_eq!(
        features, groups,
        "ecs-client/Cargo.toml needs exactly one feature per spec group"
    );
    assert_eq!(default, groups, "`default` must include every group");
}
