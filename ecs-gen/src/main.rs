//! The `ecs-gen` command: `check`, `generate`, `dump`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Generator of the typed Alibaba Cloud ECS client from the YAML spec.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    /// The spec directory.
    #[arg(long, global = true, default_value = "spec")]
    spec: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Lint the spec, then print a summary (APIs, parameters, constraints, errors, examples).
    Check {
        /// Also list every API with its parameter, constraint, rule and error-code counts.
        #[arg(long)]
        apis: bool,
        /// With --apis: only the APIs of this group.
        #[arg(long, requires = "apis")]
        group: Option<String>,
    },
    /// Lint, then write the generated Rust code into a directory.
    Generate {
        /// Where to write the files.
        #[arg(long, default_value = "target/ecs-generated")]
        out: PathBuf,
    },
    /// Lint, then print the normalised model as JSON (documented in spec/README.md).
    Dump,
    /// Lint, then print each API's sources and curation notes (document disagreements and
    /// how they were resolved) as Markdown.
    Notes {
        /// Only the APIs of this group.
        #[arg(long)]
        group: Option<String>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let (_, model) = match ecs_gen::load_model(&cli.spec) {
        Ok(m) => m,
        Err(diags) => {
            eprintln!("{diags}");
            return ExitCode::FAILURE;
        }
    };
    match cli.command {
        Command::Check { apis, group } => {
            println!("{}", ecs_gen::summary(&model));
            if apis {
                println!("{}", ecs_gen::api_table(&model, group.as_deref()));
            }
            ExitCode::SUCCESS
        }
        Command::Generate { out } => match ecs_gen::write_generated(&model, &out) {
            Ok(files) => {
                println!("{}", ecs_gen::summary(&model));
                println!("wrote {} files to {}:", files.len(), out.display());
                for f in files {
                    println!("  {}", f.display());
                }
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::FAILURE
            }
        },
        Command::Notes { group } => {
            print!("{}", ecs_gen::curation_notes(&model, group.as_deref()));
            ExitCode::SUCCESS
        }
        Command::Dump => match serde_json::to_string_pretty(&model) {
            Ok(json) => {
                println!("{json}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::FAILURE
            }
        },
    }
}
