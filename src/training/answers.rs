//! A scenario's worked answers (`logs/<id>.model.ron` scores 100 and passes; `logs/<id>.flawed*.ron`
//! each fail, and together trigger every critical item): finding them and checking they do.

use super::action::ActionLog;
use super::library::model_log;
use super::replay::replay;
use super::scenario::Scenario;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The flawed logs of a scenario: `logs/<id>.flawed.ron`, `logs/<id>.flawed-2.ron`, …
pub fn flawed_logs(dir: &Path, id: &str) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir.join("logs")) else {
        return Vec::new();
    };
    let prefix = format!("{id}.flawed");
    let mut out: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(&prefix) && n.ends_with(".ron"))
        })
        .collect();
    out.sort();
    out
}

/// What is wrong with a scenario's worked answers (empty when the model scores 100 and passes and
/// the flawed logs fail with every critical item between them).
pub fn check_answers(dir: &Path, sc: &Scenario) -> Vec<String> {
    let mut problems = Vec::new();
    let model = model_log(dir, &sc.id);
    match ActionLog::load(&model)
        .map_err(|e| e.to_string())
        .and_then(|log| replay(sc, &log).map_err(|e| format!("{}: {e}", model.display())))
    {
        Err(e) => problems.push(e),
        Ok(o) if o.score != 100 || !o.passed => {
            let short: Vec<&str> = o
                .items
                .iter()
                .filter(|r| r.credit < 1.0 && r.credit >= 0.0)
                .map(|r| r.id.as_str())
                .collect();
            problems.push(format!(
                "{}: the model answer scores {} (must be 100 and pass); short on: {}",
                model.display(),
                o.score,
                short.join(", ")
            ));
        }
        Ok(_) => {}
    }
    let flawed = flawed_logs(dir, &sc.id);
    if flawed.is_empty() {
        problems.push(format!("no flawed log: write logs/{}.flawed.ron", sc.id));
    }
    let mut triggered = BTreeSet::new();
    for f in &flawed {
        match ActionLog::load(f)
            .map_err(|e| e.to_string())
            .and_then(|log| replay(sc, &log).map_err(|e| format!("{}: {e}", f.display())))
        {
            Err(e) => problems.push(e),
            Ok(o) if o.passed => problems.push(format!("{}: a flawed log must fail", f.display())),
            Ok(o) => triggered.extend(o.critical_misses),
        }
    }
    let critical: BTreeSet<String> = sc
        .rubric
        .iter()
        .filter(|i| i.critical)
        .map(|i| i.id.clone())
        .collect();
    let untouched: Vec<&String> = critical.difference(&triggered).collect();
    if !flawed.is_empty() && !untouched.is_empty() {
        let list: Vec<&str> = untouched.iter().map(|s| s.as_str()).collect();
        problems.push(format!(
            "no flawed log triggers the critical item(s): {}",
            list.join(", ")
        ));
    }
    problems
}
