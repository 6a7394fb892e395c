//! `controlroom train`: the trainer in a window (cargo feature `trainer`). Sign in, pick a
//! scenario, take the call, read the debrief; or replay a saved session, optionally saving
//! screenshots of the call screen and the debrief (the CI's real-window check).

use super::{CliError, CliResult};
use controlroom::trainer::{self, Config};
use controlroom::training::{Mode, library, store};
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
    /// The cohort, recorded in each results row.
    #[arg(long, default_value = "cohort")]
    cohort: String,
    #[arg(long, value_enum, default_value = "practice")]
    mode: ModeArg,
    /// Switch the question list off: the trainee types what they would say (F5 on the menu).
    #[arg(long)]
    typed: bool,
    /// The scenario library folder.
    #[arg(long, default_value = library::DEFAULT_DIR)]
    scenarios: PathBuf,
    /// Append results to this CSV (default: the one `play` appends to).
    #[arg(long)]
    results: Option<PathBuf>,
    /// Save session logs in this folder.
    #[arg(long, default_value = store::DEFAULT_SESSIONS)]
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
    /// With --replay: save menu.png, call.png and debrief.png in DIR, then quit.
    #[arg(long, value_name = "DIR")]
    screenshot: Option<PathBuf>,
    /// The window's size, WIDTHxHEIGHT (640x480 to 7680x4320).
    #[arg(long, default_value = "1600x900", value_parser = window_size)]
    window: (u32, u32),
}

/// `1280x720` → (1280, 720), within sizes a screen has.
fn window_size(s: &str) -> Result<(u32, u32), String> {
    let bad = || format!("'{s}': give the window size as WIDTHxHEIGHT, e.g. 1280x720");
    let (w, h) = s.split_once(['x', 'X']).ok_or_else(bad)?;
    let (w, h): (u32, u32) = (
        w.trim().parse().map_err(|_| bad())?,
        h.trim().parse().map_err(|_| bad())?,
    );
    if !(640..=7680).contains(&w) || !(480..=4320).contains(&h) {
        return Err(format!("'{s}': {w}x{h} is outside 640x480 to 7680x4320"));
    }
    Ok((w, h))
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
        typed: args.typed,
        scenario_dir: args.scenarios,
        results: args.results,
        sessions_dir: args.sessions,
        force: args.force,
        replay: args.replay,
        speed,
        pause_on_decisions: args.pause_on_decisions,
        screenshot: args.screenshot,
        window: args.window,
    };
    match trainer::run(config) {
        bevy::app::AppExit::Success => Ok(()),
        bevy::app::AppExit::Error(code) => Err(CliError {
            code: code.get(),
            message: "the trainer window stopped with an error (see above)".into(),
        }),
    }
}
