//! `controlroom sweep`: run a base model and its what-if variants with common random numbers,
//! print each variant's headline KPIs with the paired difference from the base, and write
//! `sweep.csv` (or, with `--shard K/N`, this machine's share as a shard file for `merge`). A
//! sweep file with `kind: Roster` goes to [`super::roster_sweep`] (its own table, CSV and
//! report).

use super::simulate::progress;
use super::{CliError, CliResult, Stdout, check_output, open_set, write_output};
use controlroom::model::limits;
use controlroom::plan::html;
use controlroom::plan::sweep::file::SweepKind;
use controlroom::plan::sweep::{self, Results, Shard, shard};
use std::path::PathBuf;

#[derive(clap::Args)]
#[command(after_help = "Examples:
  controlroom sweep scenarios/planning/sweeps/what-ifs.ron --out results/
  controlroom sweep scenarios/planning/sweeps/grid.ron --replications 10
  controlroom sweep big.ron --shard 3/16 --out shards/   # then: controlroom merge shards/*.csv
  controlroom sweep scenarios/planning/sweeps/roster-rules.ron --out results/

A sweep file with `kind: Roster` rosters each variant instead (as `controlroom roster`) and
compares paid hours and service side by side in roster-sweep.csv; its --report shows paid
hours against the current rota and the relaxation bound, and each channel's and report
window's service against its target. --shard is refused for it.")]
pub struct Args {
    /// Sweep file (RON): a base model and the variants to compare with it.
    pub sweep: PathBuf,
    /// Folder for sweep.csv (or the shard file).
    #[arg(long, default_value = ".")]
    pub out: PathBuf,
    /// Run only shard K of N (1-based) of the variant x replication work and write
    /// shard-K-of-N.csv; combine the shards with `controlroom merge`.
    #[arg(long, value_name = "K/N")]
    pub shard: Option<String>,
    /// Replications per variant (overrides the sweep file and the base model).
    #[arg(long)]
    pub replications: Option<u32>,
    /// Seed shared by every variant (overrides the sweep file and the base model).
    #[arg(long)]
    pub seed: Option<u64>,
    /// Worker threads (default: all cores). Results do not depend on it.
    #[arg(long)]
    pub threads: Option<usize>,
    /// Also write a self-contained HTML report (paired differences from the base, with their
    /// confidence intervals; for a roster sweep, paid hours and service against the targets).
    #[arg(long, value_name = "FILE.html")]
    pub report: Option<PathBuf>,
}

pub fn run(args: Args) -> CliResult {
    let shard = match &args.shard {
        Some(s) => Shard::parse(s).map_err(CliError::input)?,
        None => Shard::WHOLE,
    };
    if let Some(r) = args.replications {
        limits::replications(r).map_err(|e| CliError::input(format!("--{e}")))?;
    }
    if let Some(n) = args.threads {
        limits::threads(n).map_err(CliError::input)?;
    }
    let file = sweep::read(&args.sweep).map_err(CliError::input)?;
    if file.kind == SweepKind::Roster {
        return super::roster_sweep::run(&args, &file);
    }
    let plan = sweep::load(&args.sweep, args.replications, args.seed).map_err(CliError::input)?;
    let out_name = match &args.shard {
        Some(_) => shard::file_name(shard),
        None => "sweep.csv".to_string(),
    };
    // One file: check the report's path, create the folder and check the name now, then
    // write it atomically.
    if let Some(report) = &args.report {
        check_output(report, Some(&args.out))?;
    }
    open_set(&args.out, &[&out_name])?;
    let work = plan.shard_items(shard);
    if args.shard.is_some() && work.is_empty() {
        // Exit 0 all the same: a failed array task would hold back the merge job, and merge
        // needs every shard file, this empty one included.
        eprintln!(
            "warning: shard {}/{} has NO work: the sweep has only {} work items ({} variants x {} \
             replications) for {} shards; writing an empty shard so that merge still finds \
             every shard (use fewer shards)",
            shard.index,
            shard.count,
            plan.variants.len() * plan.replications as usize,
            plan.variants.len(),
            plan.replications,
            shard.count
        );
    }
    let bar = progress(work.len() as u64, "variant x replication");
    let run = || plan.run(&work, &|| bar.inc(1));
    let items = match args.threads {
        Some(n) => rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build()
            .map_err(|e| CliError::failed(format!("cannot start {n} threads: {e}")))?
            .install(run),
        None => run(),
    };
    bar.finish_and_clear();
    let write = |text: &str| {
        let path = args.out.join(&out_name);
        write_output(&path, text.as_bytes())?;
        Ok::<PathBuf, CliError>(path)
    };
    let mut out = Stdout::new();
    if args.shard.is_some() {
        let text = shard::write(&plan, shard, &items)
            .map_err(|e| CliError::failed(format!("cannot write the shard: {e}")))?;
        let path = write(&text)?;
        outln!(
            out,
            "shard {}/{}: {} of {} work items ({} variants x {} replications), fingerprint {}",
            shard.index,
            shard.count,
            work.len(),
            plan.variants.len() * plan.replications as usize,
            plan.variants.len(),
            plan.replications,
            plan.fingerprint
        );
        outln!(out, "wrote {}", path.display());
        return out.finish();
    }
    let results =
        Results::assemble(plan.layout(), plan.replications, items).map_err(CliError::failed)?;
    outln!(out, "{}", plan.name);
    outln!(
        out,
        "{} variants (including the base), {} replications each, seed {} (common random numbers)",
        plan.variants.len(),
        plan.replications,
        plan.seed
    );
    outln!(out);
    out!(out, "{}", results.table());
    let path = write(&results.csv())?;
    outln!(out, "\nwrote {}", path.display());
    if let Some(report) = &args.report {
        let page = html::sweep_report(&plan.name, &results).finish();
        write_output(report, page.as_bytes())?;
        outln!(out, "wrote the HTML report to {}", report.display());
    }
    out.finish()
}
