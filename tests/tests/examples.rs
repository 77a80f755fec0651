//! Every response example in the spec decodes into its API's generated output type, and every
//! request example reads into the typed input, passes its validation, and encodes back to
//! exactly the documented parameters.

use ecs_client::registry;

#[test]
fn every_response_example_decodes_into_its_output_type() {
    let (_, model) = ecs_gen::load_model(&ecs_tests::spec_dir()).expect("spec/ passes lint");
    let mut checked = 0;
    for api in &model.apis {
        let entry = registry::find(&api.action)
            .unwrap_or_else(|| panic!("{} is not in the client", api.action));
        assert_eq!(entry.operation.action, api.action);
        assert!(!api.examples.is_empty(), "{} has no example", api.action);
        for (i, example) in api.examples.iter().enumerate() {
            let decoded = (entry.decode_output)(example.response.as_bytes())
                .unwrap_or_else(|e| panic!("{} example {i} does not decode: {e:?}", api.action));
            let shown = format!("{decoded:?}");
            let body: serde_json::Value =
                serde_json::from_str(&example.response).expect("lint checked the JSON");
            if let Some(id) = body.get("RequestId").and_then(|v| v.as_str()) {
                assert!(
                    shown.contains(id),
                    "{} example {i}: RequestId lost in {shown}",
                    api.action
                );
            }
            checked += 1;
        }
    }
    assert!(checked >= model.apis.len());
}

#[test]
fn registry_lists_every_api_of_the_spec_in_order() {
    let (_, model) = ecs_gen::load_model(&ecs_tests::spec_dir()).expect("spec/ passes lint");
    let actions: Vec<&str> = registry::APIS.iter().map(|a| a.action).collect();
    let expected: Vec<&str> = model.apis.iter().map(|a| a.action.as_str()).collect();
    assert_eq!(actions, expected);
}

/// Each request example, read as wire parameters into the API's typed input, passes the same
/// validation the client runs before sending, and `write_params` turns it back into exactly the
/// example's parameters: the documented wire form and ours agree in both directions.
#[test]
fn every_request_example_validates_and_round_trips() {
    let (_, model) = ecs_gen::load_model(&ecs_tests::spec_dir()).expect("spec/ passes lint");
    let mut checked = 0;
    let mut failures = Vec::new();
    for api in &model.apis {
        let entry = registry::find(&api.action).expect("in the client");
        for (i, example) in api.examples.iter().enumerate() {
            let params: ecs_runtime::Params = example.request.iter().collect();
            if let Err(e) = (entry.check_params)(&params) {
                failures.push(format!("{} example {i}: {e}", api.action));
                continue;
            }
            let again = (entry.reencode_params)(&params).expect("read once already");
            let sorted = |p: &ecs_runtime::Params| {
                let mut v = p.as_slice().to_vec();
                v.sort();
                v
            };
            if sorted(&again) != sorted(&params) {
                failures.push(format!(
                    "{} example {i}: re-encoded as {:?}, documented {:?}",
                    api.action,
                    sorted(&again),
                    sorted(&params)
                ));
            }
            checked += 1;
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(checked >= model.apis.len());
}

/// Wire parameters of the wrong type are a read error naming the parameter; well-typed but
/// invalid ones a validation error; struct lists and flattened structs read back by index.
#[test]
fn reading_wire_parameters_reports_type_and_constraint_errors() {
    use ecs_client::registry::ParamsError;
    let entry = registry::find("RunInstances").expect("in the client");
    let params = |pairs: &[(&str, &str)]| pairs.iter().copied().collect::<ecs_runtime::Params>();
    let base = [
        ("RegionId", "cn-hangzhou"),
        ("ImageId", "m-1"),
        ("InstanceType", "ecs.g7.large"),
        ("SecurityGroupId", "sg-1"),
    ];
    let mut typo = base.to_vec();
    typo.push(("Amount", "three"));
    match (entry.check_params)(&params(&typo)) {
        Err(ParamsError::Read(e)) => assert_eq!(e.parameter, "Amount"),
        other => panic!("expected a read error, got {other:?}"),
    }
    let mut too_many = base.to_vec();
    too_many.push(("Amount", "101"));
    match (entry.check_params)(&params(&too_many)) {
        Err(ParamsError::Invalid(e)) => assert_eq!(e.parameter(), "Amount"),
        other => panic!("expected a validation error, got {other:?}"),
    }
    let mut disks = base.to_vec();
    disks.extend([
        ("DataDisk.1.Size", "100"),
        ("DataDisk.2.Size", "forty"),
        ("SystemDisk.Category", "cloud_ssd"),
    ]);
    match (entry.check_params)(&params(&disks)) {
        Err(ParamsError::Read(e)) => assert_eq!(e.parameter, "DataDisk.2.Size"),
        other => panic!("expected a read error, got {other:?}"),
    }
}
