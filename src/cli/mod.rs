//! Command-line interface: one file per subcommand; they parse, call the library, print.
//!
//! Exit codes, the same for every command:
//!
//! | code | meaning |
//! |---|---|
//! | 0 | success; also when standard output is a pipe closed early (`… \| head -1`) |
//! | 1 | the run failed: an output could not be written (disk full, `> /dev/full`, no permission), a staffing target cannot be met |
//! | 2 | bad input: a file, field or argument is wrong, missing, not a regular file or too big; an output path that names a folder, device or FIFO |
//!
//! Output goes through [`out::Stdout`] with [`outln!`]/[`out!`]; files through
//! [`write_output`] / [`controlroom::files::OutputSet`].

#[macro_use]
mod out;

mod check;
mod cohort;
mod course;
mod coverage;
mod erlang;
mod forecast;
mod lookahead;
mod merge;
mod play;
mod review;
mod roster;
mod roster_sweep;
mod scenarios;
mod score;
mod simulate;
mod staff;
mod sweep;
#[cfg(feature = "trainer")]
mod train;

use clap::{Parser, Subcommand};
use std::path::Path;
use std::process::ExitCode;

pub use out::Stdout;

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
    /// Standard output could not be written: a closed pipe ends the command quietly (exit 0),
    /// anything else is exit 1.
    pub fn stdout(e: std::io::Error) -> Self {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            return CliError {
                code: 0,
                message: String::new(),
            };
        }
        CliError::failed(format!("cannot write to standard output: {}", words(&e)))
    }
    /// An output file could not be written: exit 2 when the path is refused (a folder, device
    /// or FIFO), exit 1 when the write itself failed.
    pub fn output(path: &Path, e: std::io::Error) -> Self {
        let message = format!("{}: cannot write: {}", path.display(), words(&e));
        match e.kind() {
            std::io::ErrorKind::InvalidInput => CliError::input(message),
            _ => CliError::failed(message),
        }
    }
}

/// An I/O error in words, without the "(os error 28)" tail.
pub fn words(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.rfind(" (os error ") {
        Some(i) if s.ends_with(')') => s[..i].to_string(),
        _ => s,
    }
}

/// Write one output file atomically (see [`controlroom::files::write_atomic`]), as a CLI error.
pub fn write_output(path: &Path, bytes: &[u8]) -> CliResult {
    controlroom::files::write_atomic(path, bytes).map_err(|e| CliError::output(path, e))
}

/// Check before the work that an output file can be written, so none is wasted: refused
/// (exit 2) when the path names a folder, device or FIFO, goes through a file, or its folder
/// does not exist. A folder that the command's `--out DIR` will create (DIR or one above it)
/// is fine: `--out results --report results/r.html` is checked before `results` exists.
pub fn check_output(path: &Path, out: Option<&Path>) -> CliResult {
    let folder = controlroom::files::folder_of(path);
    if !folder.exists() && out.is_some_and(|out| created_by_out(folder, out)) {
        return Ok(());
    }
    controlroom::files::output_target(path)
        .map(|_| ())
        .map_err(|e| CliError::output(path, e))
}

/// Whether `folder` is the `--out` folder or one above it, as written (`results`,
/// `./results/`): opening `--out` creates it.
fn created_by_out(folder: &Path, out: &Path) -> bool {
    use std::path::Component;
    fn parts(p: &Path) -> Vec<Component<'_>> {
        p.components().filter(|c| *c != Component::CurDir).collect()
    }
    let (folder, out) = (parts(folder), parts(out));
    !folder.is_empty() && out.starts_with(&folder)
}

/// Open `--out DIR` for the set of files `names` (exit 2 if refused, 1 if it cannot be created).
pub fn open_set(dir: &Path, names: &[&str]) -> Result<controlroom::files::OutputSet, CliError> {
    controlroom::files::OutputSet::open(dir, names).map_err(|e| CliError::output(dir, e))
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
    Roster(roster::Args),
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
    /// An assessor overrides one rubric item of a scored session, with a reason (appended).
    Review(review::Args),
    /// Show a trainee's progress through the four-day course plan.
    Course(course::Args),
    /// Take a training call in a window, or replay a saved one (cargo feature `trainer`).
    #[cfg(feature = "trainer")]
    Train(train::Args),
}

pub fn run() -> ExitCode {
    out::install_panic_net();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Simulate(args) => simulate::run(args),
        Command::Erlang(args) => erlang::run(args),
        Command::Forecast(args) => forecast::run(args),
        Command::Sweep(args) => sweep::run(args),
        Command::Merge(args) => merge::run(args),
        Command::Staff(args) => staff::run(args),
        Command::Roster(args) => roster::run(args),
        Command::Check(args) => check::run(args),
        Command::Scenarios(args) => scenarios::run(args),
        Command::Score(args) => score::run(args),
        Command::Play(args) => play::run(args),
        Command::Coverage(args) => coverage::run(args),
        Command::Cohort(args) => cohort::run(args),
        Command::Review(args) => review::run(args),
        Command::Course(args) => course::run(args),
        #[cfg(feature = "trainer")]
        Command::Train(args) => train::run(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.code == 0 => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {}", e.message);
            ExitCode::from(e.code)
        }
    }
}
