//! `controlroom forecast HISTORY`: read an interval export, print what was read, then either
//! forecast (`--start`, `--days`, `--out`; `forecast.csv`, optionally an HTML report) or
//! backtest (`--backtest DAYS`: the method against two baselines on held-out days).

use super::{CliError, CliResult};
use controlroom::files::write_atomic;
use controlroom::model::import::{self, History};
use controlroom::plan::forecast::{
    self, ForecastError, Input, Method, backtest, events, output, report,
};
use std::io::Write;
use std::path::PathBuf;

#[derive(clap::Args)]
#[command(after_help = "Examples:
  controlroom forecast scenarios/planning/history/calls-2023-2025.csv --backtest 28
  controlroom forecast scenarios/planning/history/calls-2023-2025.csv --start 2025-12-01 --days 31 \\
      --events scenarios/planning/history/events.csv --out forecast/ --report forecast.html
  controlroom forecast acd-export.xlsx --map '999 Emergency=999' --map '101 Non-Emergency=101' \\
      --interval-minutes 30 --start 2026-01-05 --days 7 --out forecast/")]
pub struct Args {
    /// The history: an interval export (CSV or XLSX) with a timestamp, calls and (for several
    /// queues) a queue column.
    pub history: PathBuf,
    /// Queue name in the file => channel, e.g. `--map "999 Emergency=999"` (repeat for each
    /// queue; queues not named are skipped). Without it each queue is a channel.
    #[arg(long, value_name = "QUEUE=CHANNEL")]
    pub map: Vec<String>,
    /// Channel name for a file with no queue column.
    #[arg(long, default_value = "calls")]
    pub channel: String,
    /// The column holding the calls (default: Calls Offered, offered, count, calls, contacts).
    #[arg(long)]
    pub count_column: Option<String>,
    /// Forecast in intervals of this many minutes (a multiple of the file's).
    #[arg(long)]
    pub interval_minutes: Option<u32>,
    /// First day of the forecast (YYYY-MM-DD), after the history's last day.
    #[arg(long)]
    pub start: Option<String>,
    /// Days to forecast.
    #[arg(long)]
    pub days: Option<usize>,
    /// Write forecast.csv into this folder.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Write an HTML report with a chart per channel.
    #[arg(long, value_name = "FILE.html")]
    pub report: Option<PathBuf>,
    /// Local events (CSV `date,name[,from,to]`), past and future dates.
    #[arg(long)]
    pub events: Option<PathBuf>,
    /// How to forecast (the backtest says which is best on your data).
    #[arg(long, value_enum, default_value = "mstl-ets")]
    pub method: Method,
    /// Hold out the last DAYS days, forecast them from the rest and compare the method with the
    /// baselines (WAPE, MAPE, 80% band coverage).
    #[arg(long, value_name = "DAYS")]
    pub backtest: Option<usize>,
}

fn err(e: ForecastError) -> CliError {
    match e {
        ForecastError::Input(m) => CliError::input(m),
        ForecastError::Fit(_) => CliError::failed(e),
    }
}

/// Read the history as the arguments say.
pub fn read_history(args: &Args) -> Result<History, CliError> {
    let map = args
        .map
        .iter()
        .map(|m| {
            import::parse_map(m)
                .ok_or_else(|| CliError::input(format!("--map `{m}`: write it as QUEUE=CHANNEL")))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let opts = import::Options {
        map,
        interval_minutes: args.interval_minutes,
        count_column: args.count_column.clone(),
        channel: Some(args.channel.clone()),
    };
    import::read(&args.history, &opts).map_err(CliError::input)
}

pub fn run(args: Args) -> CliResult {
    // The report's path is checked before the history is read (a forecast's `--out` folder is
    // made when it is written, so a report inside it is fine).
    if let Some(r) = &args.report {
        super::check_output(r, args.out.as_deref())?;
    }
    let history = read_history(&args)?;
    let evs = match &args.events {
        Some(p) => events::read(p).map_err(CliError::input)?,
        None => Vec::new(),
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut say = |s: String| match out.write_all(s.as_bytes()).and_then(|_| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => r.map_err(|e| CliError::failed(format!("cannot write to standard output: {e}"))),
    };
    say(history.summary().to_string())?;
    if let Some(days) = args.backtest {
        for s in &history.channels {
            let b = backtest::run(&s.channel, &Input::new(&history, s), days, &evs).map_err(err)?;
            say(backtest_text(&history, &b))?;
        }
        return Ok(());
    }
    let (Some(start), Some(days), Some(dir)) = (&args.start, args.days, &args.out) else {
        return Err(CliError::input(
            "give --start YYYY-MM-DD, --days N and --out DIR to forecast, or --backtest DAYS",
        ));
    };
    let start = chrono::NaiveDate::parse_from_str(start, "%Y-%m-%d")
        .map_err(|_| CliError::input(format!("--start `{start}` is not a date like 2025-12-01")))?;
    let set = forecast::forecast_all(&history, args.method, start, days, &evs).map_err(err)?;
    std::fs::create_dir_all(dir)
        .map_err(|e| CliError::failed(format!("{}: cannot create folder: {e}", dir.display())))?;
    let path = dir.join("forecast.csv");
    write_atomic(&path, output::csv(&set).as_bytes()).map_err(|e| CliError::output(&path, e))?;
    let mut lines = format!(
        "forecast {} days from {start} ({}) -> {}\n",
        days,
        args.method.label(),
        path.display()
    );
    for (name, p) in &set.channels {
        let total: f64 = p.point.iter().sum();
        lines.push_str(&format!("  {name:<10} {total:.0} calls\n"));
        for (k, (m, n)) in &p.effects.by_name {
            lines.push_str(&format!(
                "    effect {k}: x{m:.2} (from {n} in the history)\n"
            ));
        }
    }
    if let Some(r) = &args.report {
        write_atomic(r, report::html(&history, &set).as_bytes())
            .map_err(|e| CliError::output(r, e))?;
        lines.push_str(&format!("report -> {}\n", r.display()));
    }
    say(lines)
}

fn backtest_text(h: &History, b: &backtest::Backtest) -> String {
    let n = h.days();
    let mut s = format!(
        "\nbacktest {}: last {} days held out ({} to {}), forecast from the {} days before\n",
        b.channel,
        b.hold_out_days,
        h.date(n - b.hold_out_days),
        h.last_day(),
        n - b.hold_out_days
    );
    s.push_str(&format!(
        "  {:<26} {:>7} {:>7} {:>16}\n",
        "", "WAPE", "MAPE", "80% band covers"
    ));
    for (m, sc, _) in &b.results {
        s.push_str(&format!(
            "  {:<26} {:>6.1}% {:>6.1}% {:>15.1}%\n",
            m.label(),
            sc.wape_pct,
            sc.mape_pct,
            sc.coverage_pct
        ));
    }
    let w = b.winner();
    s.push_str(&format!("  best (lowest WAPE): {}\n", w.label()));
    if w != Method::MstlEts {
        s.push_str(&format!(
            "  the method does not beat {} on this history: use `--method {}`\n",
            w.label(),
            w.name()
        ));
    }
    s
}
