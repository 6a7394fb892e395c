//! The scenario library, end to end: every scenario in `scenarios/training` passes `check`, its
//! branch sweep proves every path ends scored, its model log scores 100 and passes, and its flawed
//! logs fail with (together) every critical item missed.

use controlroom::training::guidance::Guidance;
use controlroom::training::{ActionLog, check, library, replay, sweep};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/training")
}

fn flawed_logs(id: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir().join("logs"))
        .expect("logs folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(&format!("{id}.flawed")) && n.ends_with(".ron"))
        })
        .collect();
    out.sort();
    out
}

#[test]
fn every_scenario_checks_sweeps_and_scores_its_logs() {
    let guidance = Guidance::load(&dir().join("guidance.ron")).expect("guidance checklist");
    let scenarios = library::load_dir(&dir()).expect("library loads");
    assert!(!scenarios.is_empty(), "no scenarios found");
    for (path, sc) in &scenarios {
        let name = path.display();
        assert_eq!(
            path.file_stem().and_then(|s| s.to_str()),
            Some(sc.id.as_str()),
            "{name}: file name must be the id"
        );
        let problems = check::check(sc, Some(&guidance));
        assert!(problems.is_empty(), "{name}: {problems:?}");

        // Branch sweep: every path ends with a scored result.
        let walks = sweep::sweep(sc).unwrap_or_else(|p| panic!("{name}: sweep failed: {p:?}"));
        assert!(!walks.is_empty());
        assert!(walks.iter().all(|w| w.score <= 100));

        // Model answer: 100 and a pass.
        let model = ActionLog::load(&library::model_log(&dir(), &sc.id))
            .unwrap_or_else(|e| panic!("{name}: model log: {e}"));
        let out = replay::replay(sc, &model).unwrap_or_else(|e| panic!("{name}: model log: {e}"));
        let missed: Vec<_> = out.items.iter().filter(|r| r.credit < 1.0).collect();
        assert_eq!(
            out.score, 100,
            "{name}: model log must score 100; short: {missed:?}"
        );
        assert!(out.passed, "{name}: model log must pass");
        assert!(out.critical_misses.is_empty());
        // Same log, same result.
        assert_eq!(replay::replay(sc, &model).expect("replays"), out);

        // Flawed answers: each fails with a critical miss; together they miss every critical item.
        let flawed = flawed_logs(&sc.id);
        assert!(
            !flawed.is_empty(),
            "{name}: needs logs/{}.flawed.ron",
            sc.id
        );
        let mut triggered = BTreeSet::new();
        for f in &flawed {
            let log = ActionLog::load(f).unwrap_or_else(|e| panic!("{e}"));
            let out = replay::replay(sc, &log).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
            assert!(!out.passed, "{}: a flawed log must fail", f.display());
            assert!(
                !out.critical_misses.is_empty(),
                "{}: must trigger a critical item",
                f.display()
            );
            triggered.extend(out.critical_misses);
        }
        let critical: BTreeSet<String> = sc
            .rubric
            .iter()
            .filter(|i| i.critical)
            .map(|i| i.id.clone())
            .collect();
        assert!(
            !critical.is_empty(),
            "{name}: a scenario needs at least one critical item"
        );
        assert_eq!(
            triggered, critical,
            "{name}: flawed logs must trigger every critical item"
        );
    }
}

/// The library requirements: at least ten scenarios across 999, 101 and digital, easy to
/// hard, at least three harrowing, the required situations, and a course plan that matches.
#[test]
fn the_library_is_complete_and_the_course_plan_matches_it() {
    use controlroom::training::course::Course;
    use controlroom::training::scenario::Channel;
    let scenarios: Vec<_> = library::load_dir(&dir())
        .unwrap()
        .into_iter()
        .map(|(_, s)| s)
        .collect();
    assert!(
        scenarios.len() >= 10,
        "at least ten scenarios: {}",
        scenarios.len()
    );
    assert!(
        scenarios.iter().filter(|s| s.harrowing).count() >= 3,
        "at least three harrowing"
    );
    for ch in [
        Channel::Emergency999,
        Channel::NonEmergency101,
        Channel::Digital,
    ] {
        assert!(
            scenarios.iter().any(|s| s.channel == ch),
            "no {ch:?} scenario"
        );
    }
    let ids: Vec<String> = scenarios.iter().map(|s| s.id.clone()).collect();
    let course = Course::load(&dir().join("course.ron")).unwrap();
    assert_eq!(course.unknown_scenarios(&ids), Vec::<&str>::new());
}
