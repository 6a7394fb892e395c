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
    let mut ids: Vec<(String, PathBuf)> = Vec::new();
    let library_guidance = Path::new(library::DEFAULT_DIR).join("guidance.ron");
    let mut others = Vec::new();
    for path in &files {
        let kind = library::FileKind::of(path);
        if kind != library::FileKind::Scenario {
            others.push((path.clone(), kind));
            continue;
        }
        // The checklist named, else the one beside the file, else the library's own.
        let near = match &fixed {
            Some(_) => None,
            None => match library::guidance_near(path)
                .or_else(|| library_guidance.is_file().then(|| library_guidance.clone()))
            {
                Some(g) => Some(Guidance::load(&g).map_err(CliError::input)?),
                None => None,
            },
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
        if let Some((_, first)) = ids.iter().find(|(id, _)| *id == sc.id) {
            eprintln!("{}", library::duplicate(path, &sc.id, first));
            bad += 1;
            continue;
        }
        ids.push((sc.id.clone(), path.clone()));
        let mut problems = check::check(&sc, guidance);
        if guidance.is_none() {
            problems.extend(unchecked_guidance(&sc));
        }
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
    let ids: Vec<String> = ids.into_iter().map(|(id, _)| id).collect();
    if whole_library {
        others.extend(library_files(Path::new(library::DEFAULT_DIR)));
    }
    for (path, kind) in others {
        if !other_file(&path, kind, &ids) {
            bad += 1;
        }
    }
    if bad > 0 {
        return Err(CliError::input(format!("{bad} file(s) have problems")));
    }
    Ok(())
}

/// A scenario whose rubric cites guidance points, checked with no checklist to look them up in.
fn unchecked_guidance(sc: &controlroom::training::Scenario) -> Option<check::Problem> {
    let mut cited: Vec<&str> = sc
        .rubric
        .iter()
        .flat_map(|i| i.guidance.iter().map(String::as_str))
        .collect();
    cited.sort_unstable();
    cited.dedup();
    (!cited.is_empty()).then(|| check::Problem {
        field: "rubric.guidance".into(),
        message: format!(
            "cannot check the guidance points it cites ({}): there is no guidance.ron beside \
             it or in {}; give --guidance FILE",
            cited.join(", "),
            library::DEFAULT_DIR
        ),
    })
}

/// The library's other files: force profiles, the guidance checklist and the course plan.
fn library_files(dir: &Path) -> Vec<(PathBuf, library::FileKind)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<(PathBuf, library::FileKind)> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.is_file()
                && p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.ends_with(".ron") && library::is_reserved(n))
        })
        .map(|p| {
            let k = library::FileKind::of(&p);
            (p, k)
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// Check a force profile, guidance checklist or course plan as what it is; `ids` are the
/// scenarios checked, for the course plan's references. Returns whether it is sound.
fn other_file(path: &Path, kind: library::FileKind, ids: &[String]) -> bool {
    use library::FileKind;
    let loaded = match kind {
        FileKind::Force => ForceProfile::load(path).map(|_| "force profile".to_string()),
        FileKind::Guidance => {
            Guidance::load(path).map(|g| format!("{} guidance points", g.points.len()))
        }
        FileKind::Course => Course::load(path).map(|course| {
            let missing = course.unknown_scenarios(ids);
            if !ids.is_empty() && !missing.is_empty() {
                println!(
                    "note: the course plan names scenarios not in the library yet: {}",
                    missing.join(", ")
                );
            }
            "course plan".to_string()
        }),
        FileKind::Scenario => return true,
    };
    match loaded {
        Ok(what) => {
            println!("ok {} ({what})", path.display());
            true
        }
        Err(e) => {
            eprintln!("{e} (checked as a {})", kind.label());
            false
        }
    }
}
