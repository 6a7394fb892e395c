//! `controlroom sweep` of a sweep file with `kind: Roster`: each variant rostered (search,
//! integer programme, verification), paid hours and service printed side by side and written
//! to `roster-sweep.csv`, and with `--report` an HTML report of the same (paid hours against
//! the rota and the bound, service against the targets). Exit 1 when a variant cannot be
//! rostered or misses a target.

use super::sweep::Args;
use super::{CliError, CliResult, Stdout, open_set, write_output};
use controlroom::plan::html;
use controlroom::plan::sweep::file::SweepFile;
use controlroom::plan::sweep::roster;
use std::path::{Component, Path};

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
        check_report(report, &args.out)?;
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

/// Check `--report` before the work: refused (exit 2) when it names a folder, device or FIFO
/// (as [`super::check_output`]), or when the folder it goes in does not exist or is a file (a
/// sweep's rosters take minutes; the folder `--out` names is created, so a report inside it is
/// fine).
fn check_report(report: &Path, out: &Path) -> CliResult {
    // What `check_output` checks, keeping the error's kind: a path through a file
    // (`notes.txt/r.html`) is bad input too, said below.
    let target = match controlroom::files::output_target(report) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotADirectory => report.to_path_buf(),
        Err(e) => return Err(CliError::output(report, e)),
    };
    let folder = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if folder.is_dir() || created_by_out(folder, out) {
        return Ok(());
    }
    let why = if folder.exists() {
        "is not a folder"
    } else {
        "does not exist"
    };
    Err(CliError::input(format!(
        "{}: cannot write: {} {why}",
        report.display(),
        folder.display()
    )))
}

/// Whether `folder` is the `--out` folder or one above it, as written (`results`,
/// `./results/`): opening `--out` creates it.
fn created_by_out(folder: &Path, out: &Path) -> bool {
    fn parts(p: &Path) -> Vec<Component<'_>> {
        p.components().filter(|c| *c != Component::CurDir).collect()
    }
    let (folder, out) = (parts(folder), parts(out));
    !folder.is_empty() && out.starts_with(&folder)
}
