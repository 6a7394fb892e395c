//! `controlroom erlang`: analytic Erlang C / Erlang A figures for one queue.

use super::CliResult;

#[derive(clap::Args)]
pub struct Args {}

pub fn run(_args: Args) -> CliResult {
    Err(super::CliError::failed("erlang is not built yet"))
}
