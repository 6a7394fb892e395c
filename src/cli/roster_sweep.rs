//! `controlroom sweep` of a sweep file with `kind: Roster`: each variant rostered (search,
//! integer programme, verification), paid hours and service printed side by side and written
//! to `roster-sweep.csv`. Exit 1 when a variant cannot be rostered or misses a target.

use super::sweep::Args;
use super::{CliError, CliResult, Stdout, open_set, write_output};
use controlroom::plan::sweep::file::SweepFile;
use controlroom::plan::sweep::roster;

/// The file a roster sweep writes into `--out`.
pub const OUT_FILE: &str = "roster-sweep.csv";

pub fn run(args: &Args, file: &SweepFile) -> CliResult {
    if args.shard.is_some() {
        return Err(CliError::input(format!(
            "{}: --shard divides a simulation sweep's replications; a roster sweep (kind: \
             Roster) runs whole",
            args.sweep.display()
        )));
    }
    if args.report.is_some() {
        return Err(CliError::input(format!(
            "{}: --report is not available for a roster sweep (kind: Roster); the comparison is \
             in {OUT_FILE}, and `controlroom roster VARIANT.ron --report` reports one roster",
            args.sweep.display()
        )));
    }
    let plan =
        roster::load(&args.sweep, file, args.replications, args.seed).map_err(CliError::input)?;
    open_set(&args.out, &[OUT_FILE])?;
    let n = plan.variants.len();
    let started = |name: &str| eprintln!("rostering variant `{name}` ...");
    let rows = match args.threads {
        Some(t) => rayon::ThreadPoolBuilder::new()
            .num_threads(t)
            .build()
            .map_err(|e| CliError::failed(format!("cannot start {t} threads: {e}")))?
            .install(|| plan.run(&started)),
        None => plan.run(&started),
    };
    let mut out = Stdout::new();
    outln!(out, "{}", plan.name);
    outln!(
        out,
        "{n} variants (including the base) rostered, {} replications per simulation, seed {}",
        plan.replications,
        plan.seed
    );
    outln!(out);
    out!(out, "{}", roster::table(&rows));
    let text = roster::csv(&rows)
        .map_err(|e| CliError::failed(format!("cannot write {OUT_FILE}: {e}")))?;
    let path = args.out.join(OUT_FILE);
    write_output(&path, text.as_bytes())?;
    outln!(out, "\nwrote {}", path.display());
    out.finish()?;
    let failed = rows.iter().filter(|r| !r.met()).count();
    if failed > 0 {
        return Err(CliError::failed(format!(
            "{failed} of {n} variant(s) could not be rostered or miss a target"
        )));
    }
    Ok(())
}
