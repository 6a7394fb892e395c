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

/// What a `.ron` file of the library holds, by its name and, failing that, by the type its text
/// opens with (a force profile copied under another name is still a force profile).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Scenario,
    Force,
    Guidance,
    Course,
}

impl FileKind {
    pub fn label(self) -> &'static str {
        match self {
            FileKind::Scenario => "scenario",
            FileKind::Force => "force profile",
            FileKind::Guidance => "guidance checklist",
            FileKind::Course => "course plan",
        }
    }

    /// The kind of file at `path`; a file that cannot be read or opens with nothing we know is
    /// taken for a scenario (its load then names the problem).
    pub fn of(path: &Path) -> FileKind {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        match name {
            "guidance.ron" => return FileKind::Guidance,
            "course.ron" => return FileKind::Course,
            n if n == "force.ron" || n.starts_with("force-") => return FileKind::Force,
            _ => {}
        }
        let Ok(text) = crate::files::read_input(path, crate::files::MAX_INPUT_BYTES) else {
            return FileKind::Scenario;
        };
        match opening_name(&text) {
            Some("ForceProfile") => FileKind::Force,
            Some("Guidance") => FileKind::Guidance,
            Some("Course") => FileKind::Course,
            _ => FileKind::Scenario,
        }
    }
}

/// The name a RON text opens with (`Scenario` in `// note\nScenario(id: …)`), past comments.
fn opening_name(text: &str) -> Option<&str> {
    let mut rest = text.trim_start_matches('\u{feff}');
    loop {
        rest = rest.trim_start();
        if let Some(r) = rest.strip_prefix("//") {
            rest = r.split_once('\n').map_or("", |(_, after)| after);
        } else if let Some(r) = rest.strip_prefix("/*") {
            rest = r.split_once("*/").map_or("", |(_, after)| after);
        } else {
            break;
        }
    }
    let end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    (end > 0).then(|| &rest[..end])
}

/// One scenario file of a library: loaded and checked, or why not.
#[derive(Debug, Clone)]
pub struct Entry {
    pub path: PathBuf,
    pub scenario: Result<Scenario, String>,
}

/// A library opened for use: its scenarios (each checked against the guidance), the force
/// profile, the guidance checklist and the course plan. Both front-ends and `score` open it the
/// same way, so they agree on which force profile and guidance apply.
#[derive(Debug, Clone)]
pub struct Library {
    pub dir: PathBuf,
    pub entries: Vec<Entry>,
    pub force: super::ForceProfile,
    pub guidance: Option<super::guidance::Guidance>,
    pub course: Option<super::course::Course>,
    /// Problems with the library itself (a broken force profile, guidance or course plan, an
    /// unreadable folder); a broken scenario is an entry with its error instead.
    pub problems: Vec<String>,
}

/// The force profile that applies: the one named, else `force.ron` in the library folder, else
/// a neutral one.
pub fn force_for(dir: &Path, named: Option<&Path>) -> Result<super::ForceProfile, LoadError> {
    match named {
        Some(p) => super::ForceProfile::load(p),
        None => {
            let p = dir.join("force.ron");
            if p.is_file() {
                super::ForceProfile::load(&p)
            } else {
                Ok(super::ForceProfile::neutral())
            }
        }
    }
}

/// The folder a scenario file lives in (`.` for a bare file name).
pub fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

impl Library {
    /// Open the library in `dir` with a force profile (`None`: the library's own `force.ron`).
    /// Never fails: what does not load is listed with its error. A second file with an id already
    /// taken is refused, naming the first.
    pub fn open(dir: &Path, force: Option<&Path>) -> Library {
        use super::guidance::Guidance;
        let mut problems = Vec::new();
        let guidance = guidance_near(dir).and_then(|g| {
            Guidance::load(&g)
                .map_err(|e| problems.push(e.to_string()))
                .ok()
        });
        let force = force_for(dir, force).unwrap_or_else(|e| {
            problems.push(e.to_string());
            super::ForceProfile::neutral()
        });
        let course_path = dir.join("course.ron");
        let course = course_path
            .is_file()
            .then(|| {
                super::course::Course::load(&course_path)
                    .map_err(|e| problems.push(e.to_string()))
                    .ok()
            })
            .flatten();
        let mut entries: Vec<Entry> = match scenario_paths(dir) {
            Ok(paths) => paths
                .into_iter()
                .map(|path| Entry {
                    scenario: load_checked(&path, guidance.as_ref()).map_err(|e| e.to_string()),
                    path,
                })
                .collect(),
            Err(e) => {
                problems.push(e.to_string());
                Vec::new()
            }
        };
        refuse_duplicates(&mut entries);
        Library {
            dir: dir.to_path_buf(),
            entries,
            force,
            guidance,
            course,
            problems,
        }
    }

    /// The scenario with this id, if it loads.
    pub fn find(&self, id: &str) -> Option<&Scenario> {
        self.scenarios().find(|s| s.id == id)
    }

    /// The next session of the course plan the trainee has not done, by results so far.
    pub fn next_in_plan(
        &self,
        rows: &[super::results::Row],
        trainee: &str,
    ) -> Option<(String, super::Mode)> {
        use super::course::{Standing, progress};
        let c = self.course.as_ref()?;
        progress(c, rows, trainee)
            .into_iter()
            .flat_map(|(_, sessions)| sessions)
            .find(|(_, s)| !matches!(s, Standing::Done { .. }))
            .map(|(p, _)| (p.scenario.clone(), p.mode))
    }

    /// The scenarios that load, in file-name order.
    pub fn scenarios(&self) -> impl Iterator<Item = &Scenario> {
        self.entries.iter().filter_map(|e| e.scenario.as_ref().ok())
    }
}

/// Of several files with one id, keep the one named after the id (else the first by name) and
/// refuse the others, naming the one kept.
fn refuse_duplicates(entries: &mut [Entry]) {
    let stem = |p: &Path| p.file_stem().and_then(|s| s.to_str()).map(str::to_string);
    let ids: Vec<Option<String>> = entries
        .iter()
        .map(|e| e.scenario.as_ref().ok().map(|s| s.id.clone()))
        .collect();
    for (i, id) in ids.iter().enumerate() {
        let Some(id) = id else { continue };
        let same: Vec<usize> = (0..entries.len())
            .filter(|&j| ids[j].as_ref() == Some(id))
            .collect();
        if same.len() < 2 {
            continue;
        }
        let keep = same
            .iter()
            .copied()
            .find(|&j| stem(&entries[j].path).as_deref() == Some(id.as_str()))
            .unwrap_or(same[0]);
        if i != keep {
            let kept = entries[keep].path.clone();
            entries[i].scenario = Err(duplicate(&entries[i].path, id, &kept));
        }
    }
}

/// The message for a scenario file whose id another file already has.
pub fn duplicate(path: &Path, id: &str, first: &Path) -> String {
    format!(
        "{}: scenario id '{id}' is already used by {}; each scenario needs its own id (copy a \
         scenario by giving the copy a new id)",
        path.display(),
        first.display()
    )
}

/// A scenario ready to play or score: the file (a path or an id in `dir`), checked against the
/// guidance beside it, with the force profile that applies to its folder.
#[derive(Debug, Clone)]
pub struct Opened {
    pub scenario: Scenario,
    pub guidance: Option<super::guidance::Guidance>,
    pub force: super::ForceProfile,
}

/// Open one scenario named on the command line (a path, or an id in `dir`).
pub fn open_scenario(name: &str, dir: &Path, force: Option<&Path>) -> Result<Opened, LoadError> {
    let path = resolve(name, dir);
    let guidance = guidance_near(&path)
        .map(|g| super::guidance::Guidance::load(&g))
        .transpose()?;
    let scenario = load_checked(&path, guidance.as_ref())?;
    let force = force_for(folder_of(&path), force)?;
    Ok(Opened {
        scenario,
        guidance,
        force,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opening_names_past_comments() {
        assert_eq!(
            opening_name("// a\n/* b */ Scenario(id: \"x\")"),
            Some("Scenario")
        );
        assert_eq!(opening_name("\u{feff}ForceProfile("), Some("ForceProfile"));
        assert_eq!(opening_name("   "), None);
        assert_eq!(opening_name("(id: 1)"), None);
    }

    #[test]
    fn a_copy_under_another_name_is_refused() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/training/rtc-999.ron");
        // "rtc-999-copy.ron" sorts before "rtc-999.ron": the file named after the id is kept.
        std::fs::copy(&src, tmp.path().join("rtc-999.ron")).expect("copy");
        std::fs::copy(&src, tmp.path().join("rtc-999-copy.ron")).expect("copy");
        let lib = Library::open(tmp.path(), None);
        assert_eq!(lib.entries.len(), 2);
        assert_eq!(lib.scenarios().count(), 1, "listed once");
        let err = lib.entries[0]
            .scenario
            .as_ref()
            .expect_err("the copy is refused");
        assert!(err.starts_with(&tmp.path().join("rtc-999-copy.ron").display().to_string()));
        assert!(
            err.contains("already used by") && err.contains("rtc-999.ron"),
            "{err}"
        );
        assert!(lib.entries[1].scenario.is_ok());
    }
}
