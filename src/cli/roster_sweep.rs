//! `controlroom sweep` of a sweep file with `kind: Roster`: each variant rostered (search,
//! integer programme, verification), paid hours and service printed side by side and written
//! to `roster-sweep.csv`, and with `--report` an HTML report of the same (paid hours against
//! the rota and the bound, service against the targets). Exit 1 when a variant cannot be
//! rostered or misses a target.

use super::sweep::Args;
use super::{CliError, CliResult, Stdout, check_output, open_set, write_output};
use controlroom::plan::html;
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
    let plan =
        roster::load(&args.sweep, file, args.replications, args.seed).map_err(CliError::input)?;
    // The report's path is checked before any work (and before `--out` is created).
    if let Some(report) = &args.report {
        check_output(report, Some(&args.out))?;
    }
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
    if let Some(report) = &args.report {
        let page = html::roster_sweep_report(&plan, &rows).finish();
        write_output(report, page.as_bytes())?;
        outln!(out, "wrote the HTML report to {}", report.display());
    }
    out.finish()?;
    let failed = rows.iter().filter(|r| !r.met()).count();
    if failed > 0 {
        return Err(CliError::failed(format!(
            "{failed} of {n} variant(s) could not be rostered or miss a target"
        )));
    }
    Ok(())
}
