//! `controlroom cohort RESULTS.csv`: summarise a cohort for a trainer — per trainee and per
//! scenario scores and pass rates, and the rubric items most often missed.

use super::{CliError, CliResult};
use controlroom::training::{cohort, results};
use std::path::PathBuf;

#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  controlroom cohort results.csv --mode assessment\n  controlroom cohort results.csv --workforce"
)]
pub struct Args {
    /// The results CSV written by `score --results` or `play`.
    results: PathBuf,
    /// Only sessions in this mode (practice or assessment).
    #[arg(long)]
    mode: Option<String>,
    /// How many most-missed items to list.
    #[arg(long, default_value_t = 10)]
    top: usize,
    /// Print the planning model's intake drop-out and readiness (an `intakes` RON block) from
    /// the course's final assessments instead of the summary.
    #[arg(long)]
    workforce: bool,
    /// The course plan whose assessment sessions are the final assessments (with --workforce).
    #[arg(long, default_value = "scenarios/training/course.ron")]
    course: PathBuf,
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
    if args.workforce {
        return workforce(&args, &rows);
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

/// `--workforce`: the intake block from the course's final assessments.
fn workforce(args: &Args, rows: &[results::Row]) -> CliResult {
    use controlroom::training::course::Course;
    use controlroom::training::readiness;
    use controlroom::training::session::Mode;
    let plan = Course::load(&args.course).map_err(CliError::input)?;
    let mut finals: Vec<String> = Vec::new();
    for p in plan.days.iter().flat_map(|d| &d.sessions) {
        if p.mode == Mode::Assessment && !finals.contains(&p.scenario) {
            finals.push(p.scenario.clone());
        }
    }
    if finals.is_empty() {
        return Err(CliError::input(format!(
            "{}: the course has no assessment sessions to take as final assessments",
            args.course.display()
        )));
    }
    let r = readiness::from_results(rows, &finals);
    if r.sat.is_empty() {
        return Err(CliError::input(format!(
            "{}: no trainee has sat a final assessment ({}) yet",
            args.results.display(),
            finals.join(", ")
        )));
    }
    let days = plan.days.iter().map(|d| d.day).max().unwrap_or(0);
    print!(
        "{}",
        readiness::ron_block(&r, &args.results.display().to_string(), days)
    );
    Ok(())
}
