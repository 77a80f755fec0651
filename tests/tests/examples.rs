//! Every response example in the spec decodes into its API's generated output type, and every
//! request example builds a parameter set the API accepts.

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
