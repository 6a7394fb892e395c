//! `controlroom course`: a trainee's progress through the four-day course plan, from the results
//! CSV.

use super::{CliError, CliResult};
use controlroom::training::course::{self, Course, Standing};
use controlroom::training::{library, results};
use std::path::PathBuf;

#[derive(clap::Args)]
#[command(
    after_help = "Example:\n  controlroom course --trainee \"PC 4127 Khan\" --results results.csv"
)]
pub struct Args {
    /// The trainee, as recorded in the results.
    #[arg(long)]
    trainee: String,
    /// The results CSV.
    #[arg(long, default_value = "training-results.csv")]
    results: PathBuf,
    /// The course plan.
    #[arg(long, default_value = "scenarios/training/course.ron")]
    plan: PathBuf,
}

pub fn run(args: Args) -> CliResult {
    let plan = Course::load(&args.plan).map_err(CliError::input)?;
    let dir = args.plan.parent().map(PathBuf::from).unwrap_or_default();
    let known: Vec<String> = library::load_dir(&dir)
        .map_err(CliError::input)?
        .into_iter()
        .map(|(_, s)| s.id)
        .collect();
    let missing = plan.unknown_scenarios(&known);
    let rows = if args.results.exists() {
        let read = results::read(&args.results).map_err(super::score::results_error)?;
        super::cohort::warn_damaged(&args.results, &read.damaged_lines);
        let from_files = read
            .rows
            .iter()
            .filter(|r| r.trainee == args.trainee && r.mode == "assessment" && !r.source.is_live())
            .count();
        if from_files > 0 {
            eprintln!(
                "note: {from_files} assessment row(s) for {} were scored from log files (or are \
                 unverified), not played live: they do not count towards the course",
                args.trainee
            );
        }
        read.rows
    } else {
        eprintln!(
            "note: {} does not exist yet: no sessions recorded",
            args.results.display()
        );
        Vec::new()
    };
    println!("{} — {}", plan.title, args.trainee);
    let (mut done, mut total) = (0, 0);
    for (day, sessions) in course::progress(&plan, &rows, &args.trainee) {
        println!("\nDay {}: {}", day.day, day.theme);
        for (p, standing) in sessions {
            total += 1;
            let note = if missing.contains(&p.scenario.as_str()) {
                " (not in the library yet)"
            } else {
                ""
            };
            let status = match standing {
                Standing::NotStarted => "[ ] not started".to_string(),
                Standing::InProgress { attempts, best_pct } => {
                    format!("[~] {attempts} attempt(s), best {best_pct}")
                }
                Standing::Done { attempts, best_pct } => {
                    done += 1;
                    format!("[x] done ({attempts} attempt(s), best {best_pct})")
                }
            };
            println!("  {:<10} {:<24} {status}{note}", p.mode.label(), p.scenario);
        }
    }
    println!("\n{done} of {total} planned sessions done");
    Ok(())
}
