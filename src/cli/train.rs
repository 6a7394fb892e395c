//! `controlroom train`: the trainer in a window (cargo feature `trainer`). Sign in, pick a
//! scenario, take the call, read the debrief; or replay a saved session, optionally saving
//! screenshots of the call screen and the debrief (the CI's real-window check).

use super::{CliError, CliResult};
use controlroom::trainer::{self, Config};
use controlroom::training::{Mode, library};
use std::path::PathBuf;

#[derive(Clone, Copy, clap::ValueEnum)]
enum ModeArg {
    Practice,
    Assessment,
}

#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  controlroom train --trainee \"PC 4127\" --cohort 2026-11\n  controlroom train --replay scenarios/training/logs/da-whisper-999.model.ron --fast\n  xvfb-run -a controlroom train --replay scenarios/training/logs/rtc-999.model.ron --screenshot shots/"
)]
pub struct Args {
    /// Who is training (editable on the sign-in screen).
    #[arg(long, default_value = "trainee")]
    trainee: String,
    /// The cohort; the results go to training-results-<cohort>.csv unless --results is given.
    #[arg(long, default_value = "cohort")]
    cohort: String,
    #[arg(long, value_enum, default_value = "practice")]
    mode: ModeArg,
    /// The scenario library folder.
    #[arg(long, default_value = library::DEFAULT_DIR)]
    scenarios: PathBuf,
    /// Append results to this CSV.
    #[arg(long)]
    results: Option<PathBuf>,
    /// Save session logs in this folder.
    #[arg(long, default_value = "sessions")]
    sessions: PathBuf,
    /// Force profile for grade names and partners (default: the library's force.ron).
    #[arg(long)]
    force: Option<PathBuf>,
    /// Replay a saved session log in the window.
    #[arg(long)]
    replay: Option<PathBuf>,
    /// Replay at ten times real time.
    #[arg(long)]
    fast: bool,
    /// Replay speed (1 = real time; overrides --fast).
    #[arg(long)]
    speed: Option<f64>,
    /// Replay: pause after every decision (Space resumes).
    #[arg(long)]
    pause_on_decisions: bool,
    /// With --replay: save call.png and debrief.png in DIR, then quit.
    #[arg(long, value_name = "DIR")]
    screenshot: Option<PathBuf>,
}

pub fn run(args: Args) -> CliResult {
    if args.screenshot.is_some() && args.replay.is_none() {
        return Err(CliError::input("--screenshot needs --replay LOG"));
    }
    if let Some(dir) = &args.screenshot {
        std::fs::create_dir_all(dir)
            .map_err(|e| CliError::failed(format!("{}: {e}", dir.display())))?;
    }
    let speed = match (args.speed, args.fast, args.screenshot.is_some()) {
        (Some(s), _, _) if s.is_finite() && s > 0.0 => s,
        (Some(s), _, _) => {
            return Err(CliError::input(format!("--speed must be above 0, not {s}")));
        }
        (None, true, _) => 10.0,
        (None, false, true) => 20.0,
        (None, false, false) => 1.0,
    };
    let config = Config {
        trainee: args.trainee,
        cohort: args.cohort,
        mode: match args.mode {
            ModeArg::Practice => Mode::Practice,
            ModeArg::Assessment => Mode::Assessment,
        },
        scenario_dir: args.scenarios,
        results: args.results,
        sessions_dir: args.sessions,
        force: args.force,
        replay: args.replay,
        speed,
        pause_on_decisions: args.pause_on_decisions,
        screenshot: args.screenshot,
    };
    match trainer::run(config) {
        bevy::app::AppExit::Success => Ok(()),
        bevy::app::AppExit::Error(code) => Err(CliError {
            code: code.get(),
            message: "the trainer window stopped with an error (see above)".into(),
        }),
    }
}
