//! `controlroom erlang`: analytic Erlang C / Erlang A figures for one queue.
//!
//! Parses the planner's units (calls per hour, seconds), calls [`controlroom::plan::erlang`] and
//! prints one table row per number of agents.

use super::{CliError, CliResult, Stdout};
use controlroom::plan::erlang::{self, ErlangError, Figures, Queue};

/// The most rows a range of agents may ask for.
const MAX_ROWS: u32 = 10_000;

#[derive(clap::Args)]
#[command(after_help = "Examples:\n  \
        controlroom erlang --rate 360 --aht 100 --agents 12\n  \
        controlroom erlang --rate 1200 --aht 240 --patience 120 --agents 75..90 --threshold 10\n\n\
        Without --patience callers wait for ever (Erlang C, needs load < agents).\n\
        With --patience callers hang up after an exponential time with that mean (Erlang A);\n\
        abandoned calls count as failures in the service level.")]
pub struct Args {
    /// Calls offered per HOUR (Poisson arrivals).
    #[arg(long, value_name = "CALLS_PER_HOUR", allow_negative_numbers = true)]
    pub rate: f64,
    /// Mean handling time in seconds (exponential).
    #[arg(long, value_name = "SECONDS", allow_negative_numbers = true)]
    pub aht: f64,
    /// Mean caller patience in seconds (exponential). Given: Erlang A. Left out: Erlang C.
    #[arg(long, value_name = "SECONDS", allow_negative_numbers = true)]
    pub patience: Option<f64>,
    /// Agents: a number such as 12, or a range such as 10..20 (both ends included) for one row per
    /// number of agents.
    #[arg(long, value_name = "N|FROM..TO", allow_hyphen_values = true)]
    pub agents: String,
    /// Service-level threshold in seconds: a call counts as answered in time if answered within it.
    #[arg(
        long,
        value_name = "SECONDS",
        default_value_t = 10.0,
        allow_negative_numbers = true
    )]
    pub threshold: f64,
}

pub fn run(args: Args) -> CliResult {
    let (first, last) = parse_agents(&args.agents)?;
    check_positive("--rate", args.rate)?;
    check_positive("--aht", args.aht)?;
    if let Some(p) = args.patience {
        check_positive("--patience", p)?;
    }
    if !(args.threshold.is_finite() && args.threshold >= 0.0) {
        return Err(CliError::input(format!(
            "--threshold must be a number of seconds, 0 or more (got {})",
            args.threshold
        )));
    }

    let load = args.rate / 3600.0 * args.aht;
    let model = match args.patience {
        Some(p) => format!("Erlang A (M/M/n+M), mean patience {} s", num(p)),
        None => "Erlang C (M/M/n), callers never hang up".to_string(),
    };
    let mut rows = Vec::new();
    let mut any = false;
    for n in first..=last {
        let queue = Queue {
            arrival_rate_per_s: args.rate / 3600.0,
            mean_handling_s: args.aht,
            agents: n,
            mean_patience_s: args.patience,
        };
        match erlang::figures(&queue, args.threshold) {
            Ok(f) => {
                any = true;
                rows.push(row(n, &f));
            }
            // In a range, an unstable Erlang C row is information, not a failure.
            Err(ErlangError::Unstable { .. }) if first != last => {
                rows.push(format!(
                    "{n:>6}  {load:>8.2}  unstable: load >= agents, the queue grows without end"
                ));
            }
            Err(e) => return Err(error_for(e, load)),
        }
    }
    if !any {
        return Err(CliError::input(format!(
            "--agents {}: the offered load is {load:.2} erlangs, so Erlang C needs more than \
             {load:.2} agents (or give --patience for Erlang A)",
            args.agents
        )));
    }

    let mut out = Stdout::new();
    outln!(out, "{model}");
    outln!(
        out,
        "{} calls/h, mean handling {} s, offered load {load:.2} erlangs, service level = answered within {} s",
        num(args.rate),
        num(args.aht),
        num(args.threshold)
    );
    outln!(out);
    outln!(
        out,
        "{:>6}  {:>8}  {:>8}  {:>10}  {:>10}  {:>10}  {:>8}  {:>9}",
        "agents",
        "load",
        "P(wait)",
        "mean wait",
        "ans. wait",
        "P(abandon)",
        "SL",
        "occupancy"
    );
    outln!(
        out,
        "{:>6}  {:>8}  {:>8}  {:>10}  {:>10}  {:>10}  {:>8}  {:>9}",
        "",
        "erlangs",
        "",
        "s",
        "s",
        "",
        "",
        ""
    );
    for r in rows {
        outln!(out, "{r}");
    }
    out.finish()
}

fn row(n: u32, f: &Figures) -> String {
    format!(
        "{n:>6}  {:>8.2}  {:>8}  {:>10.1}  {:>10.1}  {:>10}  {:>8}  {:>9}",
        f.offered_load_erlangs,
        pct(f.p_wait),
        f.mean_wait_s,
        f.mean_wait_answered_s,
        pct(f.p_abandon),
        pct(f.service_level),
        pct(f.occupancy),
    )
}

fn pct(p: f64) -> String {
    format!("{:.2}%", 100.0 * p)
}

/// A number without a pointless ".0".
fn num(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{x:.0}")
    } else {
        format!("{x}")
    }
}

fn check_positive(arg: &str, x: f64) -> CliResult {
    if x.is_finite() && x > 0.0 {
        Ok(())
    } else {
        Err(CliError::input(format!(
            "{arg} must be a number greater than 0 (got {x})"
        )))
    }
}

fn parse_agents(text: &str) -> Result<(u32, u32), CliError> {
    let bad = |why: &str| {
        CliError::input(format!(
            "--agents {text:?}: {why}; give a whole number such as 12 or a range such as 10..20"
        ))
    };
    let one = |s: &str| -> Result<u32, CliError> {
        let n: u32 = s
            .trim()
            .parse()
            .map_err(|_| bad("not a whole number of agents"))?;
        if n == 0 {
            return Err(bad("needs at least 1 agent"));
        }
        if n > erlang::MAX_AGENTS {
            return Err(bad(&format!("at most {} agents", erlang::MAX_AGENTS)));
        }
        Ok(n)
    };
    let (first, last) = match text.split_once("..") {
        Some((a, b)) => (one(a)?, one(b.strip_prefix('=').unwrap_or(b))?),
        None => {
            let n = one(text)?;
            (n, n)
        }
    };
    if first > last {
        return Err(bad(
            "the range must go from the smaller number to the larger",
        ));
    }
    if last - first >= MAX_ROWS {
        return Err(bad(&format!("at most {MAX_ROWS} rows at once")));
    }
    Ok((first, last))
}

fn error_for(e: ErlangError, load: f64) -> CliError {
    match e {
        ErlangError::Unstable { agents, .. } => CliError::input(format!(
            "--agents {agents}: the offered load is {load:.2} erlangs, so Erlang C needs more \
             than {load:.2} agents (or give --patience for Erlang A)"
        )),
        ErlangError::InvalidInput { field, reason } => {
            let arg = match field {
                "arrival_rate_per_s" => "--rate",
                "mean_handling_s" => "--aht",
                "mean_patience_s" => "--patience",
                "agents" => "--agents",
                "threshold_s" => "--threshold",
                other => other,
            };
            CliError::input(format!("{arg}: {reason}"))
        }
        ErlangError::TooLarge { .. } => CliError::input(format!(
            "{e}; the queue is heavily overloaded with a very long --patience, use fewer hours \
             of patience or more --agents"
        )),
    }
}
