//! `controlroom scenarios`: list the scenario library with channel, difficulty, content warnings
//! and duration.

use super::{CliError, CliResult};
use controlroom::training::library;
use std::path::PathBuf;

#[derive(clap::Args)]
#[command(after_help = "Example:\n  controlroom scenarios")]
pub struct Args {
    /// The library folder.
    #[arg(long, default_value = library::DEFAULT_DIR)]
    dir: PathBuf,
}

pub fn run(args: Args) -> CliResult {
    // Opened as the trainer opens it: a file that does not load or repeats an id is not listed.
    let lib = library::Library::open(&args.dir, None);
    if let Some(p) = lib.problems.first() {
        return Err(CliError::input(p.clone()));
    }
    let scenarios: Vec<_> = lib.scenarios().collect();
    if scenarios.is_empty() {
        return Err(CliError::input(format!(
            "{}: no scenarios found",
            args.dir.display()
        )));
    }
    println!(
        "{:<24} {:<8} {:<9} {:>8}  title / content warnings",
        "id", "channel", "level", "duration"
    );
    for sc in &scenarios {
        let secs = sc.time_limit_ms / 1000;
        println!(
            "{:<24} {:<8} {:<9} {:>4}m{:02}s  {}",
            sc.id,
            sc.channel.label(),
            sc.difficulty.label(),
            secs / 60,
            secs % 60,
            sc.title
        );
        if sc.harrowing || !sc.content_warnings.is_empty() {
            let tag = if sc.harrowing { "HARROWING — " } else { "" };
            println!(
                "{:<53}{tag}contains: {}",
                "",
                sc.content_warnings.join("; ")
            );
        }
    }
    println!("{} scenarios, all fictional", scenarios.len());
    let refused: Vec<&String> = lib
        .entries
        .iter()
        .filter_map(|e| e.scenario.as_ref().err())
        .collect();
    for e in &refused {
        eprintln!("not listed: {e}");
    }
    if !refused.is_empty() {
        return Err(CliError::input(format!(
            "{} file(s) in {} cannot be played (run `controlroom check`)",
            refused.len(),
            args.dir.display()
        )));
    }
    Ok(())
}
