//! Generates the typed client from `../spec` into `OUT_DIR` (rerun only when the spec changes).

use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(
        std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"),
    );
    let spec = manifest.join("..").join("spec");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    if let Err(e) = ecs_gen::build_script(&spec, &out) {
        eprintln!("{e}");
        eprintln!(
            "ecs-client: the spec in {} did not pass ecs-gen; run `cargo run -p ecs-gen -- check`",
            spec.display()
        );
        std::process::exit(1);
    }
}
