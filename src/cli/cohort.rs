//! `controlroom cohort RESULTS.csv`: summarise a cohort for a trainer — per trainee and per
//! scenario scores and pass rates, and the rubric items most often missed.

use super::{CliError, CliResult};
use controlroom::training::{cohort, results};
use std::path::PathBuf;

#[derive(clap::Args)]
#[command(after_help = "Example:\n  controlroom cohort results.csv --mode assessment")]
pub struct Args {
    /// The results CSV written by `score --results` or `play`.
    results: PathBuf,
    /// Only sessions in this mode (practice or assessment).
    #[arg(long)]
    mode: Option<String>,
    /// How many most-missed items to list.
    #[arg(long, default_value_t = 10)]
    top: usize,
}

pub fn run(args: Args) -> CliResult {
    let (mut rows, skipped) = results::read(&args.results).map_err(super::score::results_error)?;
    if let Some(m) = &args.mode {
        if m != "practice" && m != "assessment" {
            return Err(CliError::input(format!(
                "--mode must be practice or assessment, not '{m}'"
            )));
        }
        rows.retain(|r| &r.mode == m);
    }
    if skipped > 0 {
        eprintln!("warning: {skipped} unreadable row(s) skipped (a torn write?)");
    }
    if rows.is_empty() {
        println!("no sessions");
        return Ok(());
    }
    let c = cohort::summarise(&rows);
    let table = |title: &str, t: &[cohort::Tally]| {
        println!(
            "\n== {title} ==\n{:<28} {:>8} {:>10} {:>10}",
            "", "sessions", "mean score", "pass rate"
        );
        for x in t {
            println!(
                "{:<28} {:>8} {:>10.1} {:>9}%",
                x.name,
                x.sessions,
                x.mean_score,
                x.pass_rate_pct()
            );
        }
    };
    table("Trainees", &c.trainees);
    table("Scenarios", &c.scenarios);
    println!(
        "\n== Trainee by scenario ==\n{:<28} {:<24} {:>8} {:>6} {:>6}  passed",
        "", "", "attempts", "best", "latest"
    );
    for x in &c.grid {
        let passed = if x.passed { "yes" } else { "not yet" };
        println!(
            "{:<28} {:<24} {:>8} {:>6} {:>6}  {passed}",
            x.trainee, x.scenario, x.attempts, x.best_pct, x.latest_pct
        );
    }
    println!("\n== Rubric items most often missed ==");
    for m in c.missed.iter().take(args.top) {
        let crit = if m.critical_times > 0 {
            format!(" ({} critical)", m.critical_times)
        } else {
            String::new()
        };
        println!(
            "{:>3} of {:<3} {} / {}{crit}",
            m.times, m.of, m.scenario, m.item
        );
    }
    Ok(())
}
