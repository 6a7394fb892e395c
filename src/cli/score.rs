//! `controlroom score SCENARIO --actions FILE`: replay a recorded action log headless and print
//! the score and the debrief; optionally append the result to a results CSV.

use super::{CliError, CliResult};
use controlroom::training::{ActionLog, debrief, library, replay, results};
use std::path::{Path, PathBuf};

#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  controlroom score da-whisper-999 --actions scenarios/training/logs/da-whisper-999.model.ron\n  controlroom score da-whisper-999 --actions session.log.ron --results results.csv"
)]
pub struct Args {
    /// A scenario file, or a scenario id in scenarios/training.
    scenario: String,
    /// The recorded action log to replay.
    #[arg(long)]
    actions: PathBuf,
    /// Force profile for grade names and support (default: force.ron beside the scenario, if any).
    #[arg(long)]
    force: Option<PathBuf>,
    /// Append the result to this results CSV (created with its header if missing). The row is
    /// marked as scored from a log file: it never counts as a live assessment.
    #[arg(long)]
    results: Option<PathBuf>,
    /// The trainee's cohort, recorded in the results row.
    #[arg(long)]
    cohort: Option<String>,
}

pub fn run(args: Args) -> CliResult {
    let library::Opened {
        scenario: sc,
        guidance,
        force,
    } = library::open_scenario(
        &args.scenario,
        Path::new(library::DEFAULT_DIR),
        args.force.as_deref(),
    )
    .map_err(CliError::input)?;
    let log = ActionLog::load(&args.actions).map_err(CliError::input)?;
    let outcome = replay::replay(&sc, &log)
        .map_err(|e| CliError::input(format!("{}: {e}", args.actions.display())))?;
    if let Some(csv) = &args.results {
        // Scored from a file: recorded as such, never as a live assessment.
        let from = results::Provenance {
            cohort: args.cohort.clone().unwrap_or_default(),
            source: results::Source::LogFile,
        };
        results::append(csv, &outcome, &results::now_utc(), &from).map_err(results_error)?;
    }
    print!(
        "{}",
        debrief::render(&outcome, &sc, &force, guidance.as_ref())
    );
    Ok(())
}

/// A results file that is not ours is bad input; failing to write is a failed run.
pub(super) fn results_error(e: results::ResultsError) -> CliError {
    match e {
        results::ResultsError::Io { .. } => CliError::failed(e),
        _ => CliError::input(e),
    }
}
