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
    /// Assessor overrides to show beside the rows they change (default: training-overrides.csv
    /// if it exists).
    #[arg(long)]
    overrides: Option<PathBuf>,
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

/// Say which lines of a results file were damaged and skipped.
pub(super) fn warn_damaged(path: &std::path::Path, lines: &[usize]) {
    if lines.is_empty() {
        return;
    }
    let list: Vec<String> = lines.iter().take(10).map(|l| l.to_string()).collect();
    let more = if lines.len() > 10 { ", …" } else { "" };
    eprintln!(
        "warning: {}: {} damaged row(s) skipped (a torn write?), line(s) {}{more}; later rows were read",
        path.display(),
        lines.len(),
        list.join(", ")
    );
}

pub fn run(args: Args) -> CliResult {
    if !args.results.exists() {
        return Err(CliError::input(format!(
            "{}: no such results file",
            args.results.display()
        )));
    }
    let read = results::read(&args.results).map_err(super::score::results_error)?;
    warn_damaged(&args.results, &read.damaged_lines);
    let mut rows = read.rows;
    if let Some(m) = &args.mode {
        if m != "practice" && m != "assessment" {
            return Err(CliError::input(format!(
                "--mode must be practice or assessment, not '{m}'"
            )));
        }
        rows.retain(|r| &r.mode == m);
    }
    // Only sessions played live are summarised; rows scored from log files (or from files
    // written before provenance was recorded) are listed apart.
    let (live, apart): (Vec<_>, Vec<_>) = rows.into_iter().partition(|r| r.source.is_live());
    let rows = live;
    if !apart.is_empty() {
        println!("== Not played live (scored from log files, or unverified): not counted below ==");
        for r in &apart {
            println!(
                "{:<20} {:<28} {:<24} {:<10} {:>3}  {}  log {}",
                r.finished_utc,
                r.trainee,
                r.scenario_id,
                r.mode,
                r.score_pct,
                r.source.label(),
                r.log_sha256.get(..12).unwrap_or("-")
            );
        }
    }
    if rows.is_empty() {
        println!("no live sessions");
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
    let overrides = args.overrides.clone().or_else(|| {
        let p = PathBuf::from(controlroom::training::review::DEFAULT_OVERRIDES);
        p.exists().then_some(p)
    });
    if let Some(p) = overrides {
        let (list, damaged) =
            controlroom::training::review::read(&p).map_err(super::score::results_error)?;
        warn_damaged(&p, &damaged);
        println!("\n== Assessor overrides ({}) ==", p.display());
        for o in &list {
            let matched = rows.iter().any(|r| r.log_sha256 == o.log_sha256);
            println!(
                "{} {} / {} / {}: {} -> {} ({}), score {} -> {}{}: {}",
                o.reviewed_utc,
                o.trainee,
                o.scenario_id,
                o.item,
                o.was,
                o.now,
                o.assessor,
                o.score_before_pct,
                o.score_after_pct,
                if matched {
                    ""
                } else {
                    " [no live row with this log]"
                },
                o.reason
            );
        }
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
