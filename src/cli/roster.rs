//! `controlroom roster`: shifts for the requirement. The staffing search finds the handlers
//! needed on duty per interval; an integer programme chooses weekly lines (shift start,
//! length, days on) covering it at the fewest paid hours; the roster is simulated with a fresh
//! seed and cover added where a target fails. Writes `roster.ron` (runnable), `roster.csv` and
//! `cover.csv`, and with `--report` an HTML report.
//!
//! Exit codes: 0 every target met; 1 a target is not met (or cannot be: the files are still
//! written when a roster was found); 2 bad input, including contradictory rostering rules.

use super::{CliError, CliResult, Stdout, check_output, open_set, write_output};
use controlroom::model::DEFAULT_MODEL_NAME;
use controlroom::plan::roster::{self, RosterError, rota, verify};
use controlroom::plan::staffing::{self, StaffingOptions};
use std::path::{Path, PathBuf};
use std::time::Instant;

#[derive(clap::Args)]
#[command(after_help = "Examples:
  controlroom roster --out roster/
  controlroom roster my-force.ron --out roster/ --report roster.html
  controlroom simulate roster/roster.ron

The rules come from the model's `rostering` section (allowed shift lengths, start grid and
window, least rest between shifts, most days in a row, days on per weekly line, breaks,
shrinkage); without it the defaults are 8, 10 or 12-hour shifts on the hour, 11 hours' rest,
four or five days on. Each staff group is a desk with its skills and routing, rostered on its
own, as `staff` finds its requirement (--pooled: one desk taking every channel).
Exit code 1 if a target is not met after --max-rounds verification rounds; 2 for bad input or
contradictory rules.")]
pub struct Args {
    /// Model file (RON). Without it, the embedded default model is rostered.
    pub model: Option<PathBuf>,
    /// Write roster.ron, roster.csv and cover.csv into this folder.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Also write a self-contained HTML report: paid hours against the current rota and the
    /// relaxation bound, required against rostered per interval, the rota grid per team.
    #[arg(long, value_name = "FILE.html")]
    pub report: Option<PathBuf>,
    /// Replications per simulation (the search's and each verification round's).
    #[arg(long, default_value_t = 10)]
    pub replications: u32,
    /// One-sided confidence that each judged interval meets its targets (see `staff`).
    #[arg(long, default_value_t = 0.8)]
    pub confidence: f64,
    /// Most verification rounds (solve, simulate with a fresh seed, add cover where short).
    #[arg(long, default_value_t = 12)]
    pub max_rounds: u32,
    /// Override the model's seed.
    #[arg(long)]
    pub seed: Option<u64>,
    /// Roster one pooled desk taking every channel, instead of a desk per staff group.
    #[arg(long)]
    pub pooled: bool,
    /// Worker threads (default: all cores). Results do not depend on it.
    #[arg(long)]
    pub threads: Option<usize>,
}

/// The files `--out` writes, as one set.
const OUT_FILES: [&str; 3] = ["roster.ron", "roster.csv", "cover.csv"];

pub fn run(args: Args) -> CliResult {
    if args.threads == Some(0) {
        return Err(CliError::input("--threads must be at least 1"));
    }
    match args.threads {
        Some(n) => rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build()
            .map_err(|e| CliError::failed(format!("cannot start threads: {e}")))?
            .install(|| run_in(&args)),
        None => run_in(&args),
    }
}

fn run_in(args: &Args) -> CliResult {
    // --seed goes through the same overrides as a sweep's, so the model is validated with it.
    let run = controlroom::plan::overrides::run_settings(args.seed, None);
    let loaded =
        controlroom::plan::overrides::load(args.model.as_deref(), &run).map_err(CliError::input)?;
    let name = loaded.path.display().to_string();
    let rules =
        roster::rules_for(&loaded.model).map_err(|e| CliError::input(format!("{name}: {e}")))?;
    let opts = StaffingOptions {
        replications: args.replications,
        confidence: args.confidence,
        pooled: args.pooled,
        ..StaffingOptions::default()
    };
    staffing::targets(&loaded.config, &opts).map_err(CliError::input)?;
    if let Some(path) = &args.report {
        check_output(path, args.out.as_deref())?;
    }
    let set = match &args.out {
        Some(dir) => Some(open_set(dir, &OUT_FILES)?),
        None => None,
    };
    let started = Instant::now();
    eprintln!("finding the requirement (the staffing search)...");
    let requirement = staffing::search(&loaded.config, &opts, &|_| {}).map_err(CliError::input)?;
    if !requirement.met() {
        return Err(CliError::failed(format!(
            "{} target(s) cannot be met by any staffing within {} handlers: run `controlroom \
             staff` to see which",
            requirement.unmet.len(),
            opts.max_handlers
        )));
    }
    eprintln!(
        "requirement: {:.0} on-duty handler-hours a week ({} search rounds, {:.1} s)",
        requirement.on_duty_hours,
        requirement.rounds.len(),
        started.elapsed().as_secs_f64()
    );
    let model_dir = (loaded.path.as_os_str() != DEFAULT_MODEL_NAME)
        .then(|| loaded.path.parent().map(Path::to_path_buf))
        .flatten();
    let report = |r: &verify::Round| {
        eprintln!(
            "round {}: {:.0} paid hours (bound {:.0}), simulated with seed {}: {} target(s) failing",
            r.number, r.paid_hours, r.lp_bound, r.seed, r.failing
        );
    };
    let v = verify::verified(
        &loaded.model,
        model_dir.as_deref(),
        &loaded.config,
        &rules,
        &requirement,
        &opts,
        args.max_rounds,
        &report,
    )
    .map_err(|e| match &e {
        e if e.is_input() => CliError::input(format!("{name}: {e}")),
        RosterError::Unmeetable { .. } => CliError::failed(format!("{name}: {e}")),
        e => CliError::failed(e),
    })?;
    let elapsed = started.elapsed().as_secs_f64();

    let mut out = Stdout::new();
    outln!(out, "{}", loaded.model.name);
    print_lines(&mut out, &v)?;
    print_totals(&mut out, &v, requirement.rota_paid_hours)?;
    print_checks(&mut out, &v)?;
    eprintln!("rostered in {elapsed:.1} s");
    if let (Some(dir), Some(mut set)) = (&args.out, set) {
        let ron = rota::roster_model_ron(&v.model)
            .map_err(|e| CliError::failed(format!("cannot write the roster model: {e}")))?;
        let needs = v.needs(&requirement);
        let texts = [
            ron,
            rota::roster_csv(&v.roster),
            rota::cover_csv(&v.roster, &needs, requirement.interval_s),
        ];
        for (file, text) in OUT_FILES.iter().zip(texts) {
            set.add(file, text.as_bytes())
                .map_err(|e| CliError::output(&dir.join(file), e))?;
        }
        set.commit().map_err(|e| CliError::output(dir, e))?;
        outln!(
            out,
            "\nwrote roster.ron, roster.csv and cover.csv to {}",
            dir.display()
        );
    }
    if let Some(path) = &args.report {
        let page =
            controlroom::plan::html::roster_report(&loaded.model.name, &v, &requirement).finish();
        write_output(path, page.as_bytes())?;
        outln!(out, "wrote the HTML report to {}", path.display());
    }
    if v.unmet.is_empty() {
        return out.finish();
    }
    outln!(out, "\nNOT MET after {} rounds:", v.rounds.len());
    for u in &v.unmet {
        outln!(
            out,
            "  {}  {u}",
            staffing::unmet_place(u, requirement.interval_s)
        );
    }
    out.finish()?;
    Err(CliError::failed(format!(
        "{} target(s) not met after {} verification rounds (raise --max-rounds)",
        v.unmet.len(),
        v.rounds.len()
    )))
}

fn print_lines(out: &mut Stdout, v: &verify::Verified) -> CliResult {
    outln!(
        out,
        "\nweekly lines (each handler works the same line every week)"
    );
    if let Some(c) = &v.roster.rules.cycle {
        outln!(
            out,
            "  {} teams, {} days on and {} off, staggered {} days apart; handlers per team",
            c.teams,
            c.days_on,
            c.days_off,
            c.stagger()
        );
    }
    let desks = &v.roster.desks;
    let wide = desks
        .iter()
        .map(|d| d.chars().count())
        .max()
        .unwrap_or(4)
        .max(4);
    outln!(
        out,
        "  {:<wide$} {:<8} {:>5} {:>6} {:>9} {:>10}",
        "desk",
        "days",
        "start",
        "hours",
        "handlers",
        "paid h/wk"
    );
    for ((line, z), &d) in v.roster.lines.iter().zip(&v.roster.line_desk) {
        let s = &v.roster.rules.shifts[line.shift];
        outln!(
            out,
            "  {:<wide$} {:<8} {:>5} {:>6} {:>9} {:>10.0}",
            desks.get(d).map_or("", String::as_str),
            rota::days_label(line),
            s.start_label(),
            s.length_s / 3600.0,
            z,
            v.roster.rules.paid_hours(line) * f64::from(*z)
        );
    }
    Ok(())
}

fn print_totals(out: &mut Stdout, v: &verify::Verified, rota_paid: f64) -> CliResult {
    let s = &v.roster.solved;
    outln!(out);
    outln!(out, "handlers:            {:>8}", v.roster.handlers());
    outln!(
        out,
        "paid hours a week:   {:>8.0} (current rota {rota_paid:.0}, {:+.0})",
        s.paid_hours,
        s.paid_hours - rota_paid
    );
    outln!(
        out,
        "relaxation bound:    {:>8.1} (optimality gap {:.1}%, {}, {} nodes)",
        s.lp_bound,
        100.0 * s.gap(),
        s.status(),
        s.nodes
    );
    let added: f64 = v.added.iter().sum();
    outln!(
        out,
        "verification:        {} round(s), {added:.0} handler-interval(s) of cover added",
        v.rounds.len()
    );
    Ok(())
}

fn print_checks(out: &mut Stdout, v: &verify::Verified) -> CliResult {
    let seed = v.rounds.last().map(|r| r.seed).unwrap_or(0);
    outln!(out, "\ntargets in a fresh simulation (seed {seed}):");
    for c in &v.checks {
        let ab = c
            .abandon
            .map(|(a, cap)| {
                format!(
                    ", abandonment {:.1}% (at most {:.1}%)",
                    100.0 * a,
                    100.0 * cap
                )
            })
            .unwrap_or_default();
        outln!(
            out,
            "  {:<22} {:>5.1} ± {:.1}% within {} s, target {:.1}%{ab}  {}",
            c.name,
            100.0 * c.mean,
            100.0 * c.half_width,
            c.threshold_s,
            100.0 * c.target,
            if c.met() { "met" } else { "NOT MET" }
        );
    }
    Ok(())
}
