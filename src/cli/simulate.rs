//! `controlroom simulate`: run a model (the embedded default if none is given), print the
//! summary table, and optionally write CSV results and a per-call audit file.

use super::{CliError, CliResult, Stdout, check_output, open_set, write_output};
use controlroom::model;
use controlroom::plan::{
    audit, dates, html, kpi, monthly, overrides, replicate, report, workforce,
};
use indicatif::{ProgressBar, ProgressStyle};
use std::path::PathBuf;
use std::time::Instant;

#[derive(clap::Args)]
#[command(after_help = "Examples:
  controlroom simulate
  controlroom simulate scenarios/planning/default.ron --out results/
  controlroom simulate my-force.ron --replications 50 --seed 7 --calls calls.csv
  controlroom simulate --from-state scenarios/planning/states/friday-evening.ron
  controlroom simulate --report report.html")]
pub struct Args {
    /// Model file (RON). Without it, the embedded default model runs.
    pub model: Option<PathBuf>,
    /// Write summary.csv, intervals.csv, occupancy.csv and workforce.csv into this folder,
    /// and monthly.csv for a run longer than a month.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Write the first replication's per-call records to this CSV file (for audit).
    #[arg(long)]
    pub calls: Option<PathBuf>,
    /// Write a self-contained HTML report with charts (opens in any browser, prints to A4).
    #[arg(long, value_name = "FILE.html")]
    pub report: Option<PathBuf>,
    /// Override the model's number of replications.
    #[arg(long)]
    pub replications: Option<u32>,
    /// Override the model's seed.
    #[arg(long)]
    pub seed: Option<u64>,
    /// Start from the room as it is now (a live-state file: time of week, calls waiting,
    /// handlers busy, moves) and report the next hours interval by interval.
    #[arg(long, value_name = "STATE")]
    pub from_state: Option<PathBuf>,
    /// With --from-state: run the look-ahead with the state's moves and without them, the
    /// same callers in both, and print what the moves change with 95% confidence intervals
    /// (with --report, the report charts the comparison).
    #[arg(long, requires = "from_state")]
    pub compare: bool,
    /// Worker threads (default: all cores). Results do not depend on it.
    #[arg(long)]
    pub threads: Option<usize>,
}

/// A progress bar on standard error for work of `n` steps (hidden when not a terminal).
pub fn progress(n: u64, what: &str) -> ProgressBar {
    let bar = ProgressBar::new(n);
    if let Ok(style) = ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} ({eta} left)") {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_message(what.to_string());
    bar
}

/// The files `--out` writes, as one set (all new or all old).
const OUT_FILES: [&str; 5] = [
    "summary.csv",
    "intervals.csv",
    "occupancy.csv",
    "workforce.csv",
    "monthly.csv",
];

pub fn run(args: Args) -> CliResult {
    if let Some(r) = args.replications {
        model::limits::replications(r).map_err(|e| CliError::input(format!("--{e}")))?;
    }
    if let Some(n) = args.threads {
        model::limits::threads(n).map_err(CliError::input)?;
    }
    let run = overrides::run_settings(args.seed, args.replications);
    let mut loaded = overrides::load(args.model.as_deref(), &run).map_err(CliError::input)?;
    let state = match &args.from_state {
        Some(p) => Some(
            model::state::load_state(p, &loaded.model, &mut loaded.config)
                .map_err(CliError::input)?,
        ),
        None => None,
    };
    if args.compare {
        return super::lookahead::compare(&args, &loaded, state.as_ref());
    }
    for path in [&args.report, &args.calls].into_iter().flatten() {
        check_output(path, args.out.as_deref())?;
    }
    let set = match &args.out {
        Some(dir) => Some(open_set(dir, &OUT_FILES)?),
        None => None,
    };
    let cfg = &loaded.config;
    let started = Instant::now();
    let bar = progress(cfg.replications as u64, "replications");
    let reps = replicate::replicate_with_threads(cfg, args.threads, state.as_ref(), &|| bar.inc(1));
    bar.finish_and_clear();
    let elapsed = started.elapsed().as_secs_f64();
    let events: u64 = reps.iter().map(|r| r.events).sum();
    let rows = kpi::rows(cfg, &reps);

    let mut out = Stdout::new();
    outln!(out, "{}", loaded.model.name);
    if state.is_some() {
        outln!(
            out,
            "look-ahead of {} h from {}, {} replications, seed {}",
            cfg.horizon_s / 3600.0,
            report::time_of_week(cfg.start_s),
            cfg.replications,
            cfg.seed
        );
        outln!(out);
        out!(out, "{}", report::lookahead_table(cfg, &reps));
        outln!(out);
    } else {
        outln!(
            out,
            "{} replications of {} days (first {} h not counted), seed {}",
            cfg.replications,
            cfg.horizon_s / 86_400.0,
            cfg.warmup_s / 3600.0,
            cfg.seed
        );
        if let (Some(span), Some(from)) = (dates::span_label(cfg), dates::counted_from(cfg)) {
            outln!(
                out,
                "dates {span}, UK local time, counted from {from}; {}",
                dates::holidays_label(cfg)
            );
            if let Some(periods) = dates::periods_label(cfg) {
                outln!(out, "periods: {periods}");
            }
            if report::counted_weeks(cfg).is_some_and(|w| w > 1.0 + 1e-9) {
                outln!(
                    out,
                    "intervals.csv folds the weeks onto one (each row's first and last date)"
                );
            }
        }
        outln!(out);
    }
    out!(out, "{}", report::summary_table(cfg, &rows));
    for w in controlroom::plan::notes::horizon_warnings(cfg) {
        eprintln!("warning: {w}");
    }
    eprintln!(
        "{events} events in {elapsed:.2} s ({:.1} million events/s)",
        events as f64 / elapsed.max(1e-9) / 1e6
    );

    if let (Some(dir), Some(mut set)) = (&args.out, set) {
        let texts = [
            Some(report::summary_csv(cfg, &rows)),
            Some(report::intervals_csv(cfg, &reps)),
            Some(report::occupancy_csv(cfg, &reps)),
            Some(workforce::workforce_csv(cfg, &reps)),
            monthly::monthly_csv(cfg, &reps),
        ];
        let monthly = texts[4].is_some();
        for (name, text) in OUT_FILES.iter().zip(texts) {
            let done = match text {
                Some(text) => set.add(name, text.as_bytes()),
                None => set.remove(name),
            };
            done.map_err(|e| CliError::output(&dir.join(name), e))?;
        }
        set.commit().map_err(|e| CliError::output(dir, e))?;
        outln!(
            out,
            "\nwrote summary.csv, intervals.csv, occupancy.csv{} to {}",
            if monthly {
                ", workforce.csv and monthly.csv"
            } else {
                " and workforce.csv"
            },
            dir.display()
        );
    }
    if let Some(path) = &args.report {
        let page = html::simulate_report(&loaded.model.name, cfg, &reps, &rows).finish();
        write_output(path, page.as_bytes())?;
        outln!(out, "wrote the HTML report to {}", path.display());
    }
    if let Some(path) = &args.calls {
        write_calls(cfg, state.as_ref(), path)?;
        outln!(
            out,
            "wrote replication 1's call records to {}",
            path.display()
        );
    }
    out.finish()
}

/// Re-run replication 1 streaming its call records into a temp file, then rename it in place.
fn write_calls(
    cfg: &controlroom::sim::Config,
    state: Option<&controlroom::sim::InitialState>,
    path: &std::path::Path,
) -> CliResult {
    let fail = |e: std::io::Error| CliError::output(path, e);
    let (tmp, target) = controlroom::files::output::temp_beside(path).map_err(fail)?;
    let mut sink = audit::CsvCalls::new(std::io::BufWriter::new(tmp), cfg);
    replicate::audit(cfg, 0, state, &mut sink);
    let buf = sink.finish().map_err(|e| fail(std::io::Error::other(e)))?;
    let tmp = buf.into_inner().map_err(|e| fail(e.into_error()))?;
    tmp.as_file().sync_all().map_err(fail)?;
    tmp.persist(&target).map_err(|e| fail(e.error))?;
    Ok(())
}
