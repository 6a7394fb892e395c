//! `controlroom review SCENARIO --actions LOG --item ID --status STATUS --reason TEXT
//! --assessor NAME`: an assessor's override of one rubric item of a scored session, appended
//! (never edited in place) to the overrides file that `cohort` shows beside the results.

use super::{CliError, CliResult};
use controlroom::training::marking::Status;
use controlroom::training::review::{self, DEFAULT_OVERRIDES};
use controlroom::training::{ActionLog, library, replay};
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, clap::ValueEnum)]
enum StatusArg {
    Met,
    Partly,
    Missed,
}

#[derive(clap::Args)]
#[command(
    after_help = "Example:\n  controlroom review da-whisper-999 --actions sessions/pc-4127.da-whisper-999.log.ron \\\n    --item lock-room --status met --assessor \"Sgt Ellis\" --reason \"advised the locked room in her own words\""
)]
pub struct Args {
    /// A scenario file, or a scenario id in scenarios/training.
    scenario: String,
    /// The session's log.
    #[arg(long)]
    actions: PathBuf,
    /// The rubric item to override.
    #[arg(long)]
    item: String,
    #[arg(long, value_enum)]
    status: StatusArg,
    /// Why (recorded with the override).
    #[arg(long)]
    reason: String,
    /// Who reviewed it.
    #[arg(long)]
    assessor: String,
    /// The overrides file (appended; created with its header if missing).
    #[arg(long, default_value = DEFAULT_OVERRIDES)]
    overrides: PathBuf,
}

pub fn run(args: Args) -> CliResult {
    let sc = library::open_scenario(&args.scenario, Path::new(library::DEFAULT_DIR), None)
        .map_err(CliError::input)?
        .scenario;
    let log = ActionLog::load(&args.actions).map_err(CliError::input)?;
    let outcome = replay::replay(&sc, &log)
        .map_err(|e| CliError::input(format!("{}: {e}", args.actions.display())))?;
    let status = match args.status {
        StatusArg::Met => Status::Met,
        StatusArg::Partly => Status::PartlyMet,
        StatusArg::Missed => Status::Missed,
    };
    let o = review::make(
        &sc,
        &outcome,
        &args.item,
        status,
        &args.reason,
        &args.assessor,
    )
    .map_err(|e| {
        CliError::input(format!(
            "--item {}: {e}",
            args.item.chars().take(60).collect::<String>()
        ))
    })?;
    review::append(&args.overrides, &o).map_err(super::score::results_error)?;
    println!(
        "{} / {}: {} -> {} by {}; score {} -> {}{}",
        o.scenario_id,
        o.item,
        o.was,
        o.now,
        o.assessor,
        o.score_before_pct,
        o.score_after_pct,
        if o.passed_after {
            " (pass)"
        } else {
            " (not a pass)"
        }
    );
    println!("Appended to {}", args.overrides.display());
    Ok(())
}
