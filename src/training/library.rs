//! The scenario library: the `.ron` files of a folder that are scenarios (not the force profile,
//! the guidance checklist or the course plan), and where each scenario's example logs live.

use super::error::LoadError;
use super::scenario::Scenario;
use std::path::{Path, PathBuf};

/// The default library folder, relative to the working directory.
pub const DEFAULT_DIR: &str = "scenarios/training";

/// File names in the library folder that are not scenarios.
pub fn is_reserved(name: &str) -> bool {
    matches!(name, "guidance.ron" | "course.ron" | "force.ron") || name.starts_with("force-")
}

/// The scenario files in a folder, sorted by name.
pub fn scenario_paths(dir: &Path) -> Result<Vec<PathBuf>, LoadError> {
    let read = std::fs::read_dir(dir).map_err(|source| LoadError::Read {
        path: dir.into(),
        source,
    })?;
    let mut out = Vec::new();
    for entry in read {
        let entry = entry.map_err(|source| LoadError::Read {
            path: dir.into(),
            source,
        })?;
        let path = entry.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if path.is_file() && name.ends_with(".ron") && !is_reserved(name) {
            out.push(path);
        }
    }
    out.sort();
    Ok(out)
}

/// Load every scenario in a folder (parse only), stopping at the first broken file.
pub fn load_dir(dir: &Path) -> Result<Vec<(PathBuf, Scenario)>, LoadError> {
    scenario_paths(dir)?
        .into_iter()
        .map(|p| Scenario::load(&p).map(|s| (p, s)))
        .collect()
}

/// The model-answer log for a scenario: `<dir>/logs/<id>.model.ron`.
pub fn model_log(dir: &Path, id: &str) -> PathBuf {
    dir.join("logs").join(format!("{id}.model.ron"))
}

/// The flawed log for a scenario: `<dir>/logs/<id>.flawed.ron`.
pub fn flawed_log(dir: &Path, id: &str) -> PathBuf {
    dir.join("logs").join(format!("{id}.flawed.ron"))
}

/// The guidance checklist beside a scenario file or in a library folder, if there is one.
pub fn guidance_near(path: &Path) -> Option<PathBuf> {
    let dir = if path.is_dir() { path } else { path.parent()? };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let g = dir.join("guidance.ron");
    g.is_file().then_some(g)
}

/// A scenario named on the command line: a path to a file, or an id in the library folder.
pub fn resolve(name: &str, dir: &Path) -> PathBuf {
    let p = PathBuf::from(name);
    if p.is_file() || name.ends_with(".ron") || name.contains('/') {
        p
    } else {
        dir.join(format!("{name}.ron"))
    }
}

/// A scenario that parses and passes every check, with what was wrong if it does not.
pub fn load_checked(
    path: &Path,
    guidance: Option<&super::guidance::Guidance>,
) -> Result<Scenario, LoadError> {
    let sc = Scenario::load(path)?;
    let problems = super::check::check(&sc, guidance);
    if let Some(first) = problems.first() {
        let more = match problems.len() {
            1 => String::new(),
            n => format!(" (and {} more; run `controlroom check`)", n - 1),
        };
        return Err(LoadError::Invalid {
            path: path.to_path_buf(),
            message: format!("{first}{more}"),
        });
    }
    Ok(sc)
}
