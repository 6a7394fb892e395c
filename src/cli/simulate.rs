//! `controlroom simulate`: run a model and print or write its results.

use super::CliResult;

#[derive(clap::Args)]
pub struct Args {}

pub fn run(_args: Args) -> CliResult {
    Err(super::CliError::failed("simulate is not built yet"))
}
