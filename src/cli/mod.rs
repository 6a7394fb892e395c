//! Command-line interface: one file per subcommand; they parse, call the library, print.
//!
//! Exit codes: 0 ok, 1 the run failed, 2 bad input (a file, a field or an argument is wrong).

mod check;
mod cohort;
mod course;
mod coverage;
mod erlang;
mod forecast;
mod merge;
mod play;
mod scenarios;
mod score;
mod simulate;
mod staff;
mod sweep;
#[cfg(feature = "trainer")]
mod train;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// A failure the binary reports as one clear line and an exit code.
#[derive(Debug)]
pub struct CliError {
    pub code: u8,
    pub message: String,
}

impl CliError {
    /// Bad input: a file, a field or an argument is wrong (exit 2).
    pub fn input(message: impl std::fmt::Display) -> Self {
        CliError {
            code: 2,
            message: message.to_string(),
        }
    }
    /// The run itself failed, e.g. an output could not be written (exit 1).
    pub fn failed(message: impl std::fmt::Display) -> Self {
        CliError {
            code: 1,
            message: message.to_string(),
        }
    }
}

pub type CliResult = Result<(), CliError>;

#[derive(Parser)]
#[command(
    name = "controlroom",
    version,
    about = "Planning simulator and call-handling trainer for police force control rooms"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Simulate a control-room model (the embedded default model if no FILE is given).
    Simulate(simulate::Args),
    /// Print analytic Erlang C / Erlang A figures for one queue.
    Erlang(erlang::Args),
    /// Forecast demand from an interval export (CSV or XLSX), or backtest the forecast.
    Forecast(forecast::Args),
    /// Compare what-if variants of a model (common random numbers, paired differences).
    Sweep(sweep::Args),
    /// Combine the shard files of a sweep run with --shard K/N into sweep.csv.
    Merge(merge::Args),
    /// Find the fewest handlers on duty per interval of the week that meet the targets.
    Staff(staff::Args),
    /// Validate training scenarios and sweep every branch of their scripts.
    Check(check::Args),
    /// List the training scenario library: channel, difficulty, warnings, duration.
    Scenarios(scenarios::Args),
    /// Replay a recorded action log against a scenario and print the score and debrief.
    Score(score::Args),
    /// Play a scenario in the terminal (numbered choices on standard input).
    Play(play::Args),
    /// Map the scenario library against the guidance checklist: what is covered, what is not.
    Coverage(coverage::Args),
    /// Summarise a cohort's results: per trainee, per scenario, most-missed rubric items.
    Cohort(cohort::Args),
    /// Show a trainee's progress through the four-day course plan.
    Course(course::Args),
    /// Take a training call in a window, or replay a saved one (cargo feature `trainer`).
    #[cfg(feature = "trainer")]
    Train(train::Args),
}

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Simulate(args) => simulate::run(args),
        Command::Erlang(args) => erlang::run(args),
        Command::Forecast(args) => forecast::run(args),
        Command::Sweep(args) => sweep::run(args),
        Command::Merge(args) => merge::run(args),
        Command::Staff(args) => staff::run(args),
        Command::Check(args) => check::run(args),
        Command::Scenarios(args) => scenarios::run(args),
        Command::Score(args) => score::run(args),
        Command::Play(args) => play::run(args),
        Command::Coverage(args) => coverage::run(args),
        Command::Cohort(args) => cohort::run(args),
        Command::Course(args) => course::run(args),
        #[cfg(feature = "trainer")]
        Command::Train(args) => train::run(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {}", e.message);
            ExitCode::from(e.code)
        }
    }
}
