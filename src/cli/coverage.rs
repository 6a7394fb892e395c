//! `controlroom coverage`: map the scenario library against the guidance checklist — which points
//! some scenario trains and assesses (naming the scenario and rubric item), and which none does.

use super::{CliError, CliResult};
use controlroom::training::course::Course;
use controlroom::training::coverage;
use controlroom::training::guidance::Guidance;
use controlroom::training::library;
use std::path::PathBuf;

#[derive(clap::Args)]
#[command(after_help = "Examples:\n  controlroom coverage\n  controlroom coverage --gaps")]
pub struct Args {
    /// The library folder.
    #[arg(long, default_value = library::DEFAULT_DIR)]
    dir: PathBuf,
    /// The guidance checklist (default: guidance.ron in the library folder).
    #[arg(long)]
    guidance: Option<PathBuf>,
    /// The course plan, to tell trained (practice) from assessed (default: course.ron there, if any).
    #[arg(long)]
    course: Option<PathBuf>,
    /// Only list the points no scenario covers.
    #[arg(long)]
    gaps: bool,
}

pub fn run(args: Args) -> CliResult {
    let gpath = args
        .guidance
        .unwrap_or_else(|| args.dir.join("guidance.ron"));
    let guidance = Guidance::load(&gpath).map_err(CliError::input)?;
    let scenarios: Vec<_> = library::load_dir(&args.dir)
        .map_err(CliError::input)?
        .into_iter()
        .map(|(_, s)| s)
        .collect();
    let cpath = args
        .course
        .clone()
        .unwrap_or_else(|| args.dir.join("course.ron"));
    let course = if args.course.is_some() || cpath.is_file() {
        Some(Course::load(&cpath).map_err(CliError::input)?)
    } else {
        None
    };
    let map = coverage::coverage(&guidance, &scenarios, course.as_ref());
    let mut area = None;
    for pc in &map {
        if args.gaps && !pc.findings.is_empty() {
            continue;
        }
        if area != Some(pc.point.area) {
            area = Some(pc.point.area);
            println!("\n== {} ==", pc.point.area.label());
        }
        if pc.findings.is_empty() {
            println!(
                "GAP      {}: {} — no scenario trains or assesses this",
                pc.point.id, pc.point.text
            );
            continue;
        }
        let how = match (pc.trained, pc.assessed) {
            (true, true) => "trained+assessed",
            (true, false) => "trained only",
            (false, true) => "assessed only",
            (false, false) => "not on course",
        };
        println!("covered  {} [{how}]", pc.point.id);
        for f in &pc.findings {
            let crit = if f.critical { " (critical)" } else { "" };
            let via = if f.cited { "" } else { " (matched, not cited)" };
            println!("           {} / {}{crit}{via}", f.scenario, f.item);
        }
    }
    let covered = map.iter().filter(|p| !p.findings.is_empty()).count();
    println!(
        "\n{covered} of {} guidance points covered by {} scenarios",
        map.len(),
        scenarios.len()
    );
    Ok(())
}
