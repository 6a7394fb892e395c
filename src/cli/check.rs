//! `controlroom check [FILES]`: validate scenarios — parse errors with line and column, unknown
//! references, unreachable lines and branches, loops, rubric items no action can meet — and walk
//! every path of every script (the branch sweep) to prove each ends with a scored result.

use super::{CliError, CliResult};
use controlroom::training::ForceProfile;
use controlroom::training::course::Course;
use controlroom::training::guidance::Guidance;
use controlroom::training::{answers, check, gaming, library, sweep};
use std::path::{Path, PathBuf};

#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  controlroom check\n  controlroom check --logs scenarios/training/da-whisper-999.ron"
)]
pub struct Args {
    /// Scenario files (default: every scenario in scenarios/training).
    files: Vec<PathBuf>,
    /// The guidance checklist that rubric items cite (default: guidance.ron beside each file).
    #[arg(long)]
    guidance: Option<PathBuf>,
    /// Also replay each scenario's worked answers (logs/<id>.model.ron must score 100 and pass;
    /// logs/<id>.flawed*.ron must fail and, together, trigger every critical item).
    #[arg(long)]
    logs: bool,
    /// Print every gaming strategy's score, not only those that pass.
    #[arg(long)]
    strategies: bool,
}

pub fn run(args: Args) -> CliResult {
    let whole_library = args.files.is_empty();
    let files = if whole_library {
        library::scenario_paths(Path::new(library::DEFAULT_DIR)).map_err(CliError::input)?
    } else {
        args.files
    };
    if files.is_empty() {
        return Err(CliError::input("no scenario files to check"));
    }
    let fixed = match &args.guidance {
        Some(p) => Some(Guidance::load(p).map_err(CliError::input)?),
        None => None,
    };
    let mut bad = 0usize;
    let mut ids = Vec::new();
    for path in &files {
        let near = match (&fixed, library::guidance_near(path)) {
            (None, Some(g)) => Some(Guidance::load(&g).map_err(CliError::input)?),
            _ => None,
        };
        let guidance = fixed.as_ref().or(near.as_ref());
        let sc = match controlroom::training::Scenario::load(path) {
            Ok(sc) => sc,
            Err(e) => {
                eprintln!("{e}");
                bad += 1;
                continue;
            }
        };
        let mut problems = check::check(&sc, guidance);
        let walks = if problems.is_empty() {
            match sweep::sweep(&sc) {
                Ok(w) => w.len(),
                Err(p) => {
                    problems.extend(p);
                    0
                }
            }
        } else {
            0
        };
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        let mut strategies = 0;
        if problems.is_empty() {
            let model =
                controlroom::training::ActionLog::load(&library::model_log(dir, &sc.id)).ok();
            let played = gaming::play_all(&sc, model.as_ref());
            strategies = played.len();
            if args.strategies {
                for p in &played {
                    let verdict = if p.passed { "PASSES" } else { "fails" };
                    println!("  {:>3}/100 {verdict:<6} {}", p.score, p.strategy);
                }
                if let Some(m) = &model
                    && let Some(o) = gaming::careful(&sc, m)
                {
                    let verdict = if o.passed { "passes" } else { "FAILS" };
                    println!(
                        "  {:>3}/100 {verdict:<6} a careful trainee (model + 2 questions)",
                        o.score
                    );
                }
            }
            problems.extend(gaming::problems(&sc, model.as_ref()));
        }
        if args.logs && problems.is_empty() {
            problems.extend(answers::check_answers(dir, &sc).into_iter().map(|m| {
                controlroom::training::check::Problem {
                    field: "logs".into(),
                    message: m,
                }
            }));
        }
        ids.push(sc.id.clone());
        if problems.is_empty() {
            let answers = if args.logs {
                "; worked answers replayed"
            } else {
                ""
            };
            println!(
                "ok {} ({}: {} paths swept, each ends scored; {strategies} gaming strategies, none passes{answers})",
                path.display(),
                sc.id,
                walks / 2
            );
        } else {
            bad += 1;
            for p in problems {
                eprintln!("{}: {p}", path.display());
            }
        }
    }
    if whole_library {
        bad += library_files(Path::new(library::DEFAULT_DIR), &ids);
    }
    if bad > 0 {
        return Err(CliError::input(format!("{bad} file(s) have problems")));
    }
    Ok(())
}

/// Check the library's other files: force profiles, the guidance checklist and the course plan.
/// Returns how many are broken. Course sessions naming scenarios not yet written are noted.
fn library_files(dir: &Path, ids: &[String]) -> usize {
    let mut bad = 0;
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut forces: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                (n == "force.ron" || n.starts_with("force-")) && n.ends_with(".ron")
            })
        })
        .collect();
    forces.sort();
    for f in forces {
        match ForceProfile::load(&f) {
            Ok(_) => println!("ok {} (force profile)", f.display()),
            Err(e) => {
                eprintln!("{e}");
                bad += 1;
            }
        }
    }
    let g = dir.join("guidance.ron");
    if g.is_file() {
        match Guidance::load(&g) {
            Ok(gd) => println!("ok {} ({} guidance points)", g.display(), gd.points.len()),
            Err(e) => {
                eprintln!("{e}");
                bad += 1;
            }
        }
    }
    let c = dir.join("course.ron");
    if c.is_file() {
        match Course::load(&c) {
            Ok(course) => {
                println!("ok {} (course plan)", c.display());
                let missing = course.unknown_scenarios(ids);
                if !missing.is_empty() {
                    let list = missing.join(", ");
                    println!(
                        "note: the course plan names scenarios not in the library yet: {list}"
                    );
                }
            }
            Err(e) => {
                eprintln!("{e}");
                bad += 1;
            }
        }
    }
    bad
}
