//! `controlroom staff`: the fewest handlers on duty per interval of the week that meet the
//! model's service targets, by an Erlang A start refined by simulation. Writes `staffing.csv`
//! and `staffing.ron` (the model staffed by the answer) and prints the totals.
//!
//! Exit codes: 0 every target met; 1 some target cannot be met within `--max-handlers` (or the
//! round limit), the files are still written; 2 bad input.

use super::simulate::progress;
use super::{CliError, CliResult, Stdout, check_output, open_set, write_output};
use controlroom::model::{self, DEFAULT_MODEL_NAME};
use controlroom::plan::report::interval_label;
use controlroom::plan::staffing::{self, Phase, Progress, StaffingOptions, StaffingResult};
use std::path::{Path, PathBuf};
use std::time::Instant;

#[derive(clap::Args)]
#[command(after_help = "Examples:
  controlroom staff --out staffing/
  controlroom staff my-force.ron --max-abandon 101=0.10 --out staffing/
  controlroom staff my-force.ron --replications 20 --max-handlers 150 --seed 7
  controlroom staff december.ron --from 2025-12-23 --out staffing/

Targets are each channel's service_level in the model (e.g. 999: 90% within 10 s; digital:
95% within 86400 s = cleared within 24 h) plus any --max-abandon. Each staff group of the
model is a desk with its skills, routing and handling multiplier: the answer is handlers on
duty per desk per interval, not a rota. A failing target adds to its channel's home desk (the
desk taking it soonest in its routing); --pooled staffs one group taking every channel.
An interval's call targets are judged only when the replications hold at least --min-contacts
answered or abandoned contacts there, and must be beaten by a margin for noise (--confidence);
digital is judged per day.
A model with run.start_date is staffed for seven calendar days of its run, with their dated
demand and bank holidays: the first seven counted (after the warm-up), or seven from --from.
Exit code 1 if a target cannot be met within --max-handlers (the files are still written).")]
pub struct Args {
    /// Model file (RON). Without it, the embedded default model is staffed.
    pub model: Option<PathBuf>,
    /// Write staffing.csv and staffing.ron into this folder.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Replications simulated for each candidate staffing.
    #[arg(long, default_value_t = 10)]
    pub replications: u32,
    /// Most handlers on duty in any interval.
    #[arg(long, default_value_t = 400)]
    pub max_handlers: u32,
    /// Maximum abandonment for a channel, CHANNEL=SHARE (repeatable), e.g. 101=0.10.
    #[arg(long, value_name = "CHANNEL=SHARE", value_parser = parse_max_abandon)]
    pub max_abandon: Vec<(String, f64)>,
    /// Fewest answered + abandoned contacts (over all replications) to judge an interval.
    #[arg(long, default_value_t = 30)]
    pub min_contacts: u64,
    /// Most simulation rounds in each phase (adding handlers, then taking them away).
    #[arg(long, default_value_t = 60)]
    pub max_rounds: u32,
    /// One-sided confidence that each judged interval meets its targets: its pooled share must
    /// beat the target by this t quantile of standard errors across replications (0.5: no
    /// margin, fits the seed; higher: more robust, more handlers).
    #[arg(long, default_value_t = 0.8)]
    pub confidence: f64,
    /// Override the model's seed.
    #[arg(long)]
    pub seed: Option<u64>,
    /// Also write a self-contained HTML report (required against rostered handlers).
    #[arg(long, value_name = "FILE.html")]
    pub report: Option<PathBuf>,
    /// Worker threads (default: all cores). Results do not depend on it.
    #[arg(long)]
    pub threads: Option<usize>,
    /// For a model with run.start_date: staff the seven days from this date (YYYY-MM-DD;
    /// default: the first seven counted days of the run).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub from: Option<chrono::NaiveDate>,
    /// Staff one pooled desk taking every channel, instead of a desk per staff group.
    #[arg(long)]
    pub pooled: bool,
}

/// Parse `YYYY-MM-DD`.
fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| format!("`{s}` is not a date like 2025-12-23"))
}

/// Parse `CHANNEL=SHARE`.
fn parse_max_abandon(s: &str) -> Result<(String, f64), String> {
    let (id, share) = s
        .split_once('=')
        .ok_or_else(|| format!("`{s}` is not CHANNEL=SHARE (e.g. 101=0.10)"))?;
    let id = id.trim();
    if id.is_empty() {
        return Err(format!("`{s}` names no channel (e.g. 101=0.10)"));
    }
    let share: f64 = share
        .trim()
        .parse()
        .map_err(|_| format!("`{share}` is not a number (e.g. 101=0.10)"))?;
    if !(share.is_finite() && (0.0..=1.0).contains(&share)) {
        return Err(format!("{share} is not a share between 0 and 1"));
    }
    Ok((id.to_string(), share))
}

/// The files `--out` writes, as one set (both new or both old).
const OUT_FILES: [&str; 2] = ["staffing.csv", "staffing.ron"];

pub fn run(args: Args) -> CliResult {
    if let Some(n) = args.threads {
        model::limits::threads(n).map_err(CliError::input)?;
    }
    model::limits::replications(args.replications)
        .map_err(|e| CliError::input(format!("--{e}")))?;
    if args.max_handlers > model::limits::MAX_HANDLERS {
        return Err(CliError::input(format!(
            "--max-handlers must be at most {} (got {}), e.g. 400",
            model::limits::MAX_HANDLERS,
            args.max_handlers
        )));
    }
    // --seed goes through the same overrides as a sweep's, so the model is validated with it.
    let run = controlroom::plan::overrides::run_settings(args.seed, None);
    let loaded =
        controlroom::plan::overrides::load(args.model.as_deref(), &run).map_err(CliError::input)?;
    let opts = StaffingOptions {
        replications: args.replications,
        max_handlers: args.max_handlers,
        max_abandon: args.max_abandon.clone(),
        min_contacts: args.min_contacts,
        max_rounds: args.max_rounds,
        confidence: args.confidence,
        from: args.from,
        pooled: args.pooled,
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
    let bar = progress(u64::from(opts.replications), "current rota");
    let report = |p: Progress| match p {
        Progress::RoundStarted { number, phase } => {
            bar.reset();
            bar.set_message(match phase {
                Phase::Rota => "current rota".to_string(),
                Phase::Up => format!("round {number}: adding"),
                Phase::Down => format!("round {number}: trimming"),
            });
        }
        Progress::Replication => bar.inc(1),
        Progress::RoundDone(r) => {
            let line = match r.phase {
                Phase::Rota => format!(
                    "current rota: {:.0} available handler-hours a week",
                    r.handler_hours
                ),
                _ => format!(
                    "round {:>2} ({}): {:.0} handler-hours, {} interval(s) failing, {:+} handlers",
                    r.number,
                    if r.phase == Phase::Up { "up" } else { "down" },
                    r.handler_hours,
                    r.failing,
                    r.change
                ),
            };
            if bar.is_hidden() {
                eprintln!("{line}");
            } else {
                bar.println(line);
            }
        }
    };
    let cfg = &loaded.config;
    let result = match args.threads {
        Some(n) => rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build()
            .map_err(|e| CliError::failed(format!("cannot start threads: {e}")))?
            .install(|| staffing::search(cfg, &opts, &report)),
        None => staffing::search(cfg, &opts, &report),
    }
    .map_err(CliError::input)?;
    bar.finish_and_clear();
    let elapsed = started.elapsed().as_secs_f64();

    let mut out = Stdout::new();
    outln!(out, "{}", loaded.model.name);
    print_days(&mut out, &result, &loaded.model)?;
    print_targets(&mut out, &result)?;
    print_grid(&mut out, &result)?;
    print_totals(&mut out, &result)?;
    eprintln!(
        "{} rounds of {} replications in {elapsed:.1} s",
        result.rounds.len(),
        opts.replications
    );

    if let (Some(dir), Some(set)) = (&args.out, set) {
        write_outputs(&mut out, set, dir, &loaded, &result)?;
    }
    if let Some(path) = &args.report {
        let page = controlroom::plan::html::staffing_report(&loaded.model.name, &result).finish();
        write_output(path, page.as_bytes())?;
        outln!(out, "wrote the HTML report to {}", path.display());
    }
    if result.met() {
        if !result.trimmed {
            outln!(
                out,
                "\nnote: the round limit ({}) stopped the trimming: every target is met, but a \
                 few intervals may have a handler more than they need (raise --max-rounds)",
                opts.max_rounds
            );
        }
        return out.finish();
    }
    let limit = if result.unmet.iter().all(|u| u.at_cap) {
        format!("within {} handlers", opts.max_handlers)
    } else {
        format!(
            "within {} handlers and {} rounds",
            opts.max_handlers, opts.max_rounds
        )
    };
    outln!(out, "\nCANNOT BE MET {limit}:");
    for u in &result.unmet {
        outln!(
            out,
            "  {}  {u}",
            staffing::unmet_place(u, result.interval_s)
        );
    }
    out.finish()?;
    Err(CliError::failed(format!(
        "{} target(s) cannot be met {limit} (see above)",
        result.unmet.len()
    )))
}

/// For a dated model: the days staffed, their bank holidays, and where each channel's demand
/// comes from.
fn print_days(out: &mut Stdout, r: &StaffingResult, m: &model::Model) -> CliResult {
    let Some(days) = &r.days else {
        return Ok(());
    };
    outln!(
        out,
        "staffed for {} (UK local time); {}",
        days.label(),
        days.holidays_label()
    );
    // Channels by the forecast file their demand comes from, in the model's order.
    let (mut dated, mut weekly): (Vec<(&str, Vec<&str>)>, Vec<&str>) = (vec![], vec![]);
    for ch in &m.channels {
        match &ch.arrivals.profile {
            model::Profile::Forecast { file, .. } => {
                match dated.iter_mut().find(|(f, _)| f == file) {
                    Some((_, ids)) => ids.push(ch.id.as_str()),
                    None => dated.push((file.as_str(), vec![ch.id.as_str()])),
                }
            }
            _ => weekly.push(ch.id.as_str()),
        }
    }
    let mut demand: Vec<String> = dated
        .iter()
        .map(|(file, ids)| format!("{} from {file}, date by date", ids.join(", ")))
        .collect();
    if !weekly.is_empty() {
        demand.push(format!("{}: the model's weekly profile", weekly.join(", ")));
    }
    outln!(out, "demand: {}", demand.join("; "));
    Ok(())
}

fn print_targets(out: &mut Stdout, r: &StaffingResult) -> CliResult {
    if staffing::Desk::per_desk(&r.desks) {
        outln!(
            out,
            "targets (a desk per staff group; each at its home desk):"
        );
    } else {
        outln!(
            out,
            "targets (staff pooled: every handler takes every channel):"
        );
    }
    let homes = staffing::desks::homes_of(r);
    for (t, home) in r.targets.iter().zip(&homes) {
        let ab = t
            .max_abandon
            .map(|m| format!(", abandonment at most {:.1}%", 100.0 * m))
            .unwrap_or_default();
        let judged = if t.deferrable {
            "judged per day"
        } else {
            "judged per interval"
        };
        let at = if staffing::Desk::per_desk(&r.desks) {
            format!(", home desk {home}")
        } else {
            String::new()
        };
        outln!(
            out,
            "  {:<10} {:.1}% within {} s{ab} ({judged}{at})",
            t.name,
            100.0 * t.service_level,
            t.threshold_s
        );
    }
    Ok(())
}

/// Required handlers (most in the hour) by day and hour, and the rota's gap.
fn print_grid(out: &mut Stdout, r: &StaffingResult) -> CliResult {
    let per_hour = (3600.0 / r.interval_s).round().max(1.0) as usize;
    // A dated model's rows name their dates ("Tue 23 Dec").
    let width = if r.days.is_some() { 10 } else { 3 };
    let row = |day: usize, f: &dyn Fn(usize) -> String| {
        let first = day * 24 * per_hour;
        let (name, _) = interval_label(first, r.interval_s);
        let date = r
            .days
            .as_ref()
            .and_then(|d| d.interval_dates.get(first).copied().flatten());
        let label = date.map_or(name.to_string(), |t| t.format("%a %d %b").to_string());
        let cells: Vec<String> = (0..24).map(|h| format!("{:>4}", f(day * 24 + h))).collect();
        format!("{label:<width$} {}", cells.concat())
    };
    let hours: Vec<String> = (0..24).map(|h| format!("{h:>4}")).collect();
    let hours = [format!("{:width$}", ""), hours.concat()];
    // A dated model's days in date order, from the first staffed.
    let first = r.days.as_ref().map_or(0, |d| {
        chrono::Datelike::weekday(&d.from.date()).num_days_from_monday() as usize
    });
    let days: Vec<usize> = (0..7).map(|k| (first + k) % 7).collect();
    let most = |h: usize| {
        (h * per_hour..(h + 1) * per_hour)
            .filter_map(|i| r.required.get(i).copied())
            .max()
            .unwrap_or(0)
    };
    outln!(out, "\nhandlers required on duty (most in each hour)");
    outln!(out, "{}", hours.join(" "));
    for &day in &days {
        outln!(out, "{}", row(day, &|h| most(h).to_string()));
    }
    outln!(
        out,
        "\ngap: current staff available (mean) minus required (least in each hour)"
    );
    outln!(out, "{}", hours.join(" "));
    for &day in &days {
        let line = row(day, &|h| {
            (h * per_hour..(h + 1) * per_hour)
                .filter_map(|i| {
                    let rost = r.rostered.get(i)?;
                    let req = r.required.get(i)?;
                    rost.is_finite().then(|| rost - f64::from(*req))
                })
                .min_by(f64::total_cmp)
                .map(|g| format!("{:+}", g.round() as i64))
                .unwrap_or_else(|| "-".into())
        });
        outln!(out, "{line}");
    }
    Ok(())
}

fn print_totals(out: &mut Stdout, r: &StaffingResult) -> CliResult {
    outln!(out);
    let counted = r.rostered.iter().filter(|x| x.is_finite()).count();
    if counted < r.rostered.len() {
        outln!(
            out,
            "note: the run counts {counted} of the week's {} intervals; elsewhere the answer is \
             the Erlang A start and the rota is not compared (run the model for a week or more)",
            r.rostered.len()
        );
    }
    outln!(
        out,
        "required on duty:   {:>8.0} handler-hours a week (current staff available: {:.0})",
        r.on_duty_hours,
        r.rota_available_hours
    );
    outln!(
        out,
        "paid hours needed:  {:>8.0} a week = on duty / {:.3} (the share of a paid hour the current \
         rota puts on the phones after shrinkage, training and breaks)",
        r.paid_hours,
        r.availability
    );
    outln!(
        out,
        "current rota:       {:>8.0} paid hours a week ({:+.0} against the requirement)",
        r.rota_paid_hours,
        r.rota_paid_hours - r.paid_hours
    );
    if staffing::Desk::per_desk(&r.desks) {
        outln!(out, "\nby desk:");
        let wide = r
            .desks
            .iter()
            .map(|d| d.name.chars().count())
            .max()
            .unwrap_or(4);
        for d in &r.desks {
            let most = d.required.iter().copied().max().unwrap_or(0);
            let note = if most == 0 {
                "  (no channel's home desk: not needed)"
            } else {
                ""
            };
            outln!(
                out,
                "  {:<wide$}  {:>7.0} handler-hours on duty a week, at most {most} at once{note}",
                d.name,
                d.hours(r.interval_s),
            );
        }
    }
    Ok(())
}

fn write_outputs(
    out: &mut Stdout,
    mut set: controlroom::files::OutputSet,
    dir: &Path,
    loaded: &model::Loaded,
    r: &StaffingResult,
) -> CliResult {
    let model_dir = (loaded.path.as_os_str() != DEFAULT_MODEL_NAME)
        .then(|| loaded.path.parent().map(Path::to_path_buf))
        .flatten();
    let staffed = staffing::staffed_model(&loaded.model, model_dir.as_deref(), r);
    let ron = staffing::staffed_model_ron(&staffed)
        .map_err(|e| CliError::failed(format!("cannot write the staffed model: {e}")))?;
    for (name, text) in OUT_FILES.iter().zip([staffing::staffing_csv(r), ron]) {
        set.add(name, text.as_bytes())
            .map_err(|e| CliError::output(&dir.join(name), e))?;
    }
    set.commit().map_err(|e| CliError::output(dir, e))?;
    outln!(
        out,
        "\nwrote staffing.csv and staffing.ron to {}",
        dir.display()
    );
    Ok(())
}
