//! `controlroom check [FILES]`: validate scenarios — parse errors with line and column, unknown
//! references, unreachable lines and branches, loops, rubric items no action can meet — and walk
//! every path of every script (the branch sweep) to prove each ends with a scored result.

use super::{CliError, CliResult};
use controlroom::training::guidance::Guidance;
use controlroom::training::{check, library, sweep};
use std::path::PathBuf;

#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  controlroom check\n  controlroom check scenarios/training/da-whisper-999.ron"
)]
pub struct Args {
    /// Scenario files (default: every scenario in scenarios/training).
    files: Vec<PathBuf>,
    /// The guidance checklist that rubric items cite (default: guidance.ron beside each file).
    #[arg(long)]
    guidance: Option<PathBuf>,
}

pub fn run(args: Args) -> CliResult {
    let files = if args.files.is_empty() {
        library::scenario_paths(std::path::Path::new(library::DEFAULT_DIR))
            .map_err(CliError::input)?
    } else {
        args.files
    };
    if files.is_empty() {
        return Err(CliError::input("no scenario files to check"));
    }
    let fixed = match &args.guidance {
        Some(p) => Some(Guidance::load(p).map_err(CliError::input)?),
        None => None,
    };
    let mut bad = 0usize;
    for path in &files {
        let near = match (&fixed, library::guidance_near(path)) {
            (None, Some(g)) => Some(Guidance::load(&g).map_err(CliError::input)?),
            _ => None,
        };
        let guidance = fixed.as_ref().or(near.as_ref());
        let sc = match controlroom::training::Scenario::load(path) {
            Ok(sc) => sc,
            Err(e) => {
                eprintln!("{e}");
                bad += 1;
                continue;
            }
        };
        let mut problems = check::check(&sc, guidance);
        let walks = if problems.is_empty() {
            match sweep::sweep(&sc) {
                Ok(w) => w.len(),
                Err(p) => {
                    problems.extend(p);
                    0
                }
            }
        } else {
            0
        };
        if problems.is_empty() {
            println!(
                "ok {} ({}: {} paths swept, each ends scored)",
                path.display(),
                sc.id,
                walks / 2
            );
        } else {
            bad += 1;
            for p in problems {
                eprintln!("{}: {p}", path.display());
            }
        }
    }
    if bad > 0 {
        return Err(CliError::input(format!(
            "{bad} of {} scenario files have problems",
            files.len()
        )));
    }
    Ok(())
}
