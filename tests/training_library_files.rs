//! `check` on every kind of library file, and the library's own integrity: a force profile,
//! guidance checklist or course plan is checked as what it is (never "Expected struct
//! Scenario"); a copy of a scenario under another file name (same id) is refused, not listed
//! twice; a guidance id is always checked, also when no guidance.ron is beside the scenario.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_controlroom"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("runs")
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn lib(name: &str) -> PathBuf {
    root().join("scenarios/training").join(name)
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

#[test]
fn check_takes_force_guidance_and_course_files_for_what_they_are() {
    for (name, what) in [
        ("force.ron", "force profile"),
        ("force-northmoor.ron", "force profile"),
        ("guidance.ron", "guidance points"),
        ("course.ron", "course plan"),
    ] {
        let o = run_in(root(), &["check", s(&lib(name))]);
        let t = text(&o);
        assert_eq!(o.status.code(), Some(0), "{name}: {t}");
        assert!(t.contains(what), "{name}: {t}");
        assert!(!t.contains("Expected struct"), "{name}: {t}");
    }
    // A force profile under another name is still a force profile; broken, it says so as one.
    let tmp = tempfile::tempdir().expect("tempdir");
    let copy = tmp.path().join("my-profile.ron");
    std::fs::copy(lib("force.ron"), &copy).expect("copy");
    let o = run_in(root(), &["check", s(&copy)]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(text(&o).contains("force profile"), "{}", text(&o));
    let broken = tmp.path().join("guidance.ron");
    std::fs::write(&broken, "Guidance(points: [oops])").expect("write");
    let o = run_in(root(), &["check", s(&broken)]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    let t = text(&o);
    assert!(
        t.contains("guidance.ron:1:") && t.contains("guidance checklist"),
        "{t}"
    );
    assert!(!t.contains("Expected struct Scenario"), "{t}");
}

#[test]
fn a_copy_of_a_scenario_under_another_name_is_refused() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let a = tmp.path().join("rtc-999.ron");
    let b = tmp.path().join("rtc-999-copy.ron");
    std::fs::copy(lib("rtc-999.ron"), &a).expect("copy");
    std::fs::copy(lib("rtc-999.ron"), &b).expect("copy");
    std::fs::copy(lib("guidance.ron"), tmp.path().join("guidance.ron")).expect("copy");
    let o = run_in(root(), &["check", s(&a), s(&b)]);
    let t = text(&o);
    assert_eq!(o.status.code(), Some(2), "{t}");
    assert!(
        t.contains("already used by") && t.contains("rtc-999-copy.ron"),
        "{t}"
    );
    // The library listing shows it once, and names the copy as refused.
    let o = run_in(tmp.path(), &["scenarios", "--dir", s(tmp.path())]);
    let t = String::from_utf8_lossy(&o.stdout);
    let listed = t.lines().filter(|l| l.starts_with("rtc-999 ")).count();
    assert_eq!(listed, 1, "{t}");
    assert!(t.contains("1 scenarios"), "{t}");
    assert_eq!(o.status.code(), Some(2), "the refused copy is reported");
    assert!(String::from_utf8_lossy(&o.stderr).contains("already used by"));
}

#[test]
fn guidance_ids_are_checked_even_without_guidance_beside() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let original = std::fs::read_to_string(lib("rtc-999.ron")).expect("read");
    let first = original
        .find("guidance: [\"")
        .expect("a rubric item cites guidance");
    let start = first + "guidance: [\"".len();
    let end = start + original[start..].find('"').expect("closing quote");
    let bad = format!("{}no-such-point{}", &original[..start], &original[end..]);
    let sc = tmp.path().join("rtc-999.ron");
    std::fs::write(&sc, bad).expect("write");
    // Run from the repository: the library's own checklist is used.
    let o = run_in(root(), &["check", s(&sc)]);
    let t = text(&o);
    assert_eq!(o.status.code(), Some(2), "{t}");
    assert!(t.contains("unknown guidance point 'no-such-point'"), "{t}");
    // Run from elsewhere, no checklist anywhere: it cannot pass unchecked.
    let o = run_in(tmp.path(), &["check", s(&sc)]);
    let t = text(&o);
    assert_eq!(o.status.code(), Some(2), "{t}");
    assert!(t.contains("cannot check the guidance points"), "{t}");
    assert!(t.contains("--guidance"), "{t}");
    // Naming the checklist works from anywhere.
    let o = run_in(
        tmp.path(),
        &["check", s(&sc), "--guidance", s(&lib("guidance.ron"))],
    );
    assert!(
        text(&o).contains("unknown guidance point 'no-such-point'"),
        "{}",
        text(&o)
    );
}

/// A log far longer than any call could make is refused before it is played, naming the limit.
#[test]
fn a_log_of_20000_actions_is_refused_at_once() {
    use controlroom::training::{ActionLog, Step};
    let tmp = tempfile::tempdir().expect("tempdir");
    let model = lib("logs/rtc-999.model.ron");
    let mut log = ActionLog::load(&model).expect("model log");
    let first = log.actions[0].clone();
    log.actions = (0..20_000)
        .map(|i| Step {
            t_ms: first.t_ms + i,
            action: first.action.clone(),
        })
        .collect();
    let path = tmp.path().join("long.log.ron");
    std::fs::write(&path, log.to_ron().expect("ron")).expect("write");
    let o = run_in(root(), &["score", "rtc-999", "--actions", s(&path)]);
    let t = text(&o);
    assert_eq!(o.status.code(), Some(2), "{t}");
    assert!(
        t.contains("20000 actions") && t.contains("at most 5000"),
        "{t}"
    );
}
