//! `simulate --from-state STATE --compare`: the supervisor's "what if I move two people?" in
//! one run. The look-ahead runs from the same live state with the state's moves and without
//! them, replication by replication on the same callers (common random numbers), and prints
//! each headline figure for both with the paired difference and its 95% interval.

use super::simulate::{Args, progress};
use super::{CliError, CliResult, Stdout, check_output, write_output};
use controlroom::model::Loaded;
use controlroom::plan::sweep::results::Results;
use controlroom::plan::{html, kpi, replicate, report};
use controlroom::sim::InitialState;

/// "2 from Digital desk to Call handlers; 1 from 999 desk to Call handlers".
pub fn describe_moves(loaded: &Loaded, state: &InitialState) -> String {
    let groups = &loaded.config.groups;
    state
        .moves
        .iter()
        .map(|&(from, to, n)| format!("{n} from {} to {}", groups[from].name, groups[to].name))
        .collect::<Vec<_>>()
        .join("; ")
}

pub fn compare(args: &Args, loaded: &Loaded, state: Option<&InitialState>) -> CliResult {
    let (Some(state), Some(path)) = (state, &args.from_state) else {
        return Err(CliError::input("--compare needs --from-state STATE"));
    };
    if state.moves.is_empty() {
        return Err(CliError::input(format!(
            "--compare: {} has no moves to weigh against the room as it is; add one, e.g. \
             moves: [(from: \"Digital desk\", to: \"Call handlers\", handlers: 2)]",
            path.display()
        )));
    }
    if let Some(flag) = args.out.as_ref().or(args.calls.as_ref()) {
        return Err(CliError::input(format!(
            "--compare prints and charts the comparison; it does not write {} (run without \
             --compare for the look-ahead's files)",
            flag.display()
        )));
    }
    if let Some(p) = &args.report {
        check_output(p, None)?;
    }
    let cfg = &loaded.config;
    let as_is = InitialState {
        moves: Vec::new(),
        ..state.clone()
    };
    let moves = describe_moves(loaded, state);
    let bar = progress(2 * u64::from(cfg.replications), "replications");
    let mut runs = Vec::new();
    for (name, st) in [
        ("as it is".to_string(), &as_is),
        (format!("with the moves ({moves})"), state),
    ] {
        let reps = replicate::replicate_with_threads(cfg, args.threads, Some(st), &|| bar.inc(1));
        runs.push((name, kpi::rows(cfg, &reps)));
    }
    bar.finish_and_clear();
    let results = Results::from_rows(cfg.replications, runs);

    let mut out = Stdout::new();
    outln!(out, "{}", loaded.model.name);
    outln!(
        out,
        "look-ahead of {} h from {}, {} replications, seed {}: the room as it is against \
         moving {moves}, the same callers in both",
        cfg.horizon_s / 3600.0,
        report::time_of_week(cfg.start_s),
        cfg.replications,
        cfg.seed
    );
    outln!(out);
    out!(out, "{}", results.table());
    if let Some(p) = &args.report {
        let title = format!("What the moves change: {}", path.display());
        let page = html::sweep_report(&title, &results).finish();
        write_output(p, page.as_bytes())?;
        outln!(out, "\nwrote the HTML report to {}", p.display());
    }
    out.finish()
}
