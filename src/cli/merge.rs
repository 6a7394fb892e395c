//! `controlroom merge`: combine the shard files of a sweep run with `--shard K/N` into the
//! `sweep.csv` (and terminal table) an unsharded run gives, byte for byte, and with
//! `--report` the same HTML report.

use super::{CliError, CliResult, Stdout, check_output, open_set, write_output};
use controlroom::plan::html;
use controlroom::plan::sweep::shard;
use std::path::PathBuf;

#[derive(clap::Args)]
#[command(after_help = "Examples:
  controlroom merge shards/shard-*-of-16.csv --out results/
  controlroom merge shards/shard-*-of-16.csv --out results/ --report results/sweep.html")]
pub struct Args {
    /// Shard files written by `controlroom sweep --shard K/N` (all N of them).
    #[arg(required = true)]
    pub shards: Vec<PathBuf>,
    /// Folder for sweep.csv.
    #[arg(long, default_value = ".")]
    pub out: PathBuf,
    /// Also write the sweep's self-contained HTML report, as `sweep --report` does.
    #[arg(long, value_name = "FILE.html")]
    pub report: Option<PathBuf>,
}

pub fn run(args: Args) -> CliResult {
    let files = args
        .shards
        .iter()
        .map(|p| shard::read(p))
        .collect::<Result<Vec<_>, _>>()
        .map_err(CliError::input)?;
    let (meta, results) = shard::merge(files).map_err(CliError::input)?;
    if let Some(report) = &args.report {
        check_output(report, Some(&args.out))?;
    }
    open_set(&args.out, &["sweep.csv"])?;
    let mut out = Stdout::new();
    outln!(out, "{}", meta.name);
    outln!(
        out,
        "{} shards merged: {} variants (including the base), {} replications each, seed {} \
         (common random numbers)",
        meta.shard.count,
        meta.variants,
        meta.replications,
        meta.seed
    );
    outln!(out);
    out!(out, "{}", results.table());
    let path = args.out.join("sweep.csv");
    write_output(&path, results.csv().as_bytes())?;
    outln!(out, "\nwrote {}", path.display());
    if let Some(report) = &args.report {
        let page = html::sweep_report(&meta.name, &results).finish();
        write_output(report, page.as_bytes())?;
        outln!(out, "wrote the HTML report to {}", report.display());
    }
    out.finish()
}
