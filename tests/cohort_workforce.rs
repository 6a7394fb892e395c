//! `controlroom cohort RESULTS.csv --workforce`: the intake block from a cohort's final
//! assessments, and exit 2 when no one has sat them.

use controlroom::training::results;
use std::process::Command;

/// A results row: finished, trainee, scenario, mode, passed (other columns plausible).
fn line(t: &str, who: &str, scenario: &str, mode: &str, passed: bool) -> String {
    let n = results::columns().len();
    let score = if passed { "85" } else { "40" };
    let mut f = vec![
        t.to_string(),
        who.to_string(),
        scenario.to_string(),
        "1".into(),
        mode.to_string(),
        score.into(),
        "70".into(),
        passed.to_string(),
        "closed".into(),
        "300000".into(),
    ];
    f.resize(n, String::new());
    f.join(",")
}

#[test]
fn workforce_block_names_its_sessions_and_the_dropout() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("results.csv");
    let finals = [
        "rtc-999",
        "welfare-concern-101",
        "silent-999",
        "repeat-victim-101",
        "da-whisper-999",
    ];
    let mut text = results::header() + "\n";
    for (who, pass_all) in [
        ("PC 1 Amin", true),
        ("PC 2 Baker", true),
        ("PC 3 Cole", false),
    ] {
        text += &line("2026-11-02T09:00:00Z", who, "rtc-999", "practice", true);
        text += "\n";
        for (k, s) in finals.iter().enumerate() {
            let passed = pass_all || k > 0;
            text += &line(
                &format!("2026-11-05T1{k}:00:00Z"),
                who,
                s,
                "assessment",
                passed,
            );
            text += "\n";
        }
    }
    std::fs::write(&path, text).unwrap();
    let course = concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios/training/course.ron");
    let out = Command::new(env!("CARGO_BIN_EXE_controlroom"))
        .args([
            "cohort",
            path.to_str().unwrap(),
            "--workforce",
            "--course",
            course,
        ])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("18 sessions, 2026-11-02T09:00:00Z to 2026-11-05T14:00:00Z"),
        "{stdout}"
    );
    assert!(
        stdout.contains("2 of 3 trainees who sat them passed every one"),
        "{stdout}"
    );
    assert!(stdout.contains("dropout: 0.333"), "{stdout}");
    // Passers took 1 attempt each and passed 3 days 5 hours after their first session.
    assert!(
        stdout.contains("1.0 attempts per final assessment, 3.2 days"),
        "{stdout}"
    );
    assert!(stdout.contains("course_days: 4,"), "{stdout}");

    let none = dir.path().join("practice.csv");
    std::fs::write(
        &none,
        results::header()
            + "\n"
            + &line("2026-11-02T09:00:00Z", "PC 4", "rtc-999", "practice", true)
            + "\n",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_controlroom"))
        .args([
            "cohort",
            none.to_str().unwrap(),
            "--workforce",
            "--course",
            course,
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no trainee has sat a final assessment"));
}
