//! The trainer's commands end to end, and bad input: broken scenario files, logs for another
//! scenario or version, actions at impossible times, results files that are not ours — a clear
//! error, exit code 2, nothing overwritten.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_controlroom"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("runs")
}

fn run_with_input(args: &[&str], input: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_controlroom"))
        .args(args)
        .current_dir(root())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawns");
    // A command that refuses its arguments exits before reading: a closed pipe is fine then.
    if let Err(e) = child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
    {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "writes: {e}");
    }
    child.wait_with_output().expect("runs")
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).to_string()
}
fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

const SCENARIO: &str = "scenarios/training/da-whisper-999.ron";
const MODEL: &str = "scenarios/training/logs/da-whisper-999.model.ron";
const FLAWED: &str = "scenarios/training/logs/da-whisper-999.flawed.ron";

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).expect("writes");
    p
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

#[test]
fn check_passes_the_library() {
    let o = run(&["check"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(out(&o).contains("ok scenarios/training/da-whisper-999.ron"));
}

#[test]
fn check_reports_parse_errors_with_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(root().join(SCENARIO)).unwrap();
    // A typo'd field name on a known line.
    let broken = text.replacen("    difficulty: Hard,", "    dificulty: Hard,", 1);
    let line = broken
        .lines()
        .position(|l| l.contains("dificulty"))
        .unwrap()
        + 1;
    let p = write(dir.path(), "broken.ron", &broken);
    let o = run(&["check", s(&p)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).contains(&format!("broken.ron:{line}:")),
        "{}",
        err(&o)
    );
    assert!(err(&o).contains("dificulty"), "{}", err(&o));
}

#[test]
fn check_refuses_a_scenario_that_is_not_fictional() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(root().join(SCENARIO)).unwrap();
    let p = write(
        dir.path(),
        "real.ron",
        &text.replacen("fictional: true", "fictional: false", 1),
    );
    let o = run(&["check", s(&p)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("fictional"), "{}", err(&o));
    // Nor will `score` play it.
    let o = run(&["score", s(&p), "--actions", MODEL]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn score_prints_welfare_then_result_then_debrief() {
    let o = run(&["score", "da-whisper-999", "--actions", MODEL]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let text = out(&o);
    let welfare = text.find("== Welfare ==").expect("welfare section");
    let result = text.find("== Result ==").expect("result");
    let ndm = text
        .find("== Debrief, through the National Decision Model ==")
        .expect("debrief");
    assert!(welfare < result && result < ndm);
    assert!(text.contains("Score 100/100 (pass mark 80): PASS"));
    assert!(
        text.contains("Grade 1 — Immediate"),
        "the force's grade names are used"
    );
    let other = run(&[
        "score",
        "da-whisper-999",
        "--actions",
        MODEL,
        "--force",
        "scenarios/training/force-northmoor.ron",
    ]);
    assert!(out(&other).contains("P1 Emergency"));

    let f = run(&["score", "da-whisper-999", "--actions", FLAWED]);
    assert_eq!(f.status.code(), Some(0));
    assert!(out(&f).contains("FAIL"));
    assert!(out(&f).contains(
        "Critical misses: location-first, grade-emergency, regrade-on-cut, police-respond, lock-room, police-coming, no-close-before-officers"
    ));
}

#[test]
fn logs_for_another_scenario_version_or_impossible_times_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let model = std::fs::read_to_string(root().join(MODEL)).unwrap();
    let cases = [
        (
            "other.ron",
            model.replacen(
                "scenario: \"da-whisper-999\"",
                "scenario: \"silent-999\"",
                1,
            ),
            "not 'da-whisper-999'",
        ),
        (
            "version.ron",
            model.replacen("version: 2", "version: 7", 1),
            "version 7",
        ),
        (
            "backwards.ron",
            model.replacen(
                "(t_ms: 6000, action: Record(\"address\"))",
                "(t_ms: 1000, action: Record(\"address\"))",
                1,
            ),
            "time went backwards",
        ),
        (
            "late.ron",
            model.replacen(
                "(t_ms: 99000, action: Close)",
                "(t_ms: 999000, action: Close)",
                1,
            ),
            "time limit",
        ),
        (
            "unknown.ron",
            model.replacen("Ask(\"q-drink\")", "Ask(\"q-nothing\")", 1),
            "unknown question",
        ),
        (
            "early-fact.ron",
            model.replacen(
                "(t_ms: 6000, action: Record(\"address\"))",
                "(t_ms: 6000, action: Record(\"knife\"))",
                1,
            ),
            "has not come up",
        ),
    ];
    for (name, text, words) in cases {
        assert_ne!(text, model, "{name}: the edit applied");
        let p = write(dir.path(), name, &text);
        let results = dir.path().join("results.csv");
        let o = run(&[
            "score",
            "da-whisper-999",
            "--actions",
            s(&p),
            "--results",
            s(&results),
        ]);
        assert_eq!(o.status.code(), Some(2), "{name}: {}", err(&o));
        assert!(err(&o).contains(words), "{name}: {}", err(&o));
        assert!(!results.exists(), "{name}: nothing written");
    }
}

#[test]
fn results_are_appended_never_overwritten_and_foreign_files_refused() {
    let dir = tempfile::tempdir().unwrap();
    let results = dir.path().join("results.csv");
    for log in [MODEL, FLAWED] {
        let o = run(&[
            "score",
            "da-whisper-999",
            "--actions",
            log,
            "--results",
            s(&results),
        ]);
        assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    }
    let text = std::fs::read_to_string(&results).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(
        lines[0].starts_with("finished_utc,trainee,scenario_id,scenario_version,mode,score_pct")
    );
    assert!(lines[1].contains(",model-answer,da-whisper-999,2,assessment,100,80,true,closed,"));
    assert!(
        lines[1].contains(",log-file,"),
        "scored from a file, and says so"
    );
    assert!(lines[2].contains(",flawed-answer,da-whisper-999,2,assessment,"));
    assert!(lines[2].contains("location-first;grade-emergency;regrade-on-cut;police-respond"));

    // A torn last row (a crash mid-write): the next row starts on a line of its own.
    std::fs::write(&results, format!("{text}2026-01-01T00:00:00Z,torn,da-wh")).unwrap();
    let o = run(&[
        "score",
        "da-whisper-999",
        "--actions",
        MODEL,
        "--results",
        s(&results),
    ]);
    assert_eq!(o.status.code(), Some(0));
    let after = std::fs::read_to_string(&results).unwrap();
    assert!(after.starts_with(&text), "earlier rows untouched");
    let c = run(&["cohort", s(&results)]);
    assert_eq!(c.status.code(), Some(0), "{}", err(&c));
    assert!(err(&c).contains("1 damaged row(s) skipped"), "{}", err(&c));
    assert!(err(&c).contains("line(s) 4"), "{}", err(&c));
    // Rows scored from log files are listed apart and never summarised as live sessions.
    assert!(out(&c).contains("Not played live"), "{}", out(&c));
    assert!(out(&c).contains("no live sessions"), "{}", out(&c));

    // Not ours: refused, untouched.
    let foreign = write(dir.path(), "payroll.csv", "name,salary\nA,1\n");
    let before = std::fs::read(&foreign).unwrap();
    let o = run(&[
        "score",
        "da-whisper-999",
        "--actions",
        MODEL,
        "--results",
        s(&foreign),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).contains("not a controlroom results file"),
        "{}",
        err(&o)
    );
    assert_eq!(std::fs::read(&foreign).unwrap(), before);
    assert_eq!(run(&["cohort", s(&foreign)]).status.code(), Some(2));
    let missing = dir.path().join("missing.csv");
    assert_eq!(run(&["cohort", s(&missing)]).status.code(), Some(2));
    assert_eq!(
        run(&["course", "--trainee", "x", "--results", s(&foreign)])
            .status
            .code(),
        Some(2)
    );
}

/// The fixed choice number of an action in da-whisper-999 (the desk's catalogue).
fn choice(a: controlroom::training::Action) -> usize {
    let sc = controlroom::training::Scenario::load(&root().join(SCENARIO)).unwrap();
    controlroom::training::desk::Catalogue::new(&sc)
        .number_of(&a)
        .expect("in the catalogue")
}

fn play_script() -> String {
    use controlroom::training::Action::*;
    use controlroom::training::response::{Grade, Responder};
    use controlroom::training::thrive::{Judgement, Thrive};
    let threat = Assess {
        element: Thrive::Threat,
        judgement: Judgement::High,
        facts: vec![],
    };
    // y: start despite the warnings; the address; record it; lock the room; grade emergency;
    // police; officers coming; THRIVE threat high citing the first two facts; wait; close.
    format!(
        "y\n{}\n{}\n{}\n{}\n{}\n{}\n{}\n3\n1 2\nw 120\n{}\n",
        choice(Ask("q-address".into())),
        choice(Record("address".into())),
        choice(Advise("adv-lock-room".into())),
        choice(Grade(Grade::Emergency)),
        choice(Rcrp(Responder::Police)),
        choice(Advise("adv-police-coming".into())),
        choice(threat),
        choice(Close),
    )
}

fn logs_in(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|r| r.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    v.retain(|p| p.to_string_lossy().ends_with(".log.ron"));
    v.sort();
    v
}

#[test]
fn play_is_scriptable_and_its_log_replays_to_the_same_result() {
    let dir = tempfile::tempdir().unwrap();
    let sessions = dir.path().join("sessions");
    let results = dir.path().join("results.csv");
    let script = play_script();
    let args = [
        "play",
        "da-whisper-999",
        "--step-ms",
        "3000",
        "--mode",
        "assessment",
        "--trainee",
        "PC 9 Test",
        "--cohort",
        "2026-11",
        "--sessions",
        s(&sessions),
        "--results",
        s(&results),
    ];
    let o = run_with_input(&args, &script);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let text = out(&o);
    assert!(text.contains("Content warning"));
    assert!(text.contains("[00:03] CALLER !!!!: (whispering) Fourteen Larch Close"));
    assert!(!text.contains("hint:"), "no hints in assessment mode");
    let score_line = text
        .lines()
        .find(|l| l.starts_with("Score "))
        .expect("a score")
        .to_string();
    let logs = logs_in(&sessions);
    assert_eq!(logs.len(), 1, "{logs:?}");
    let replayed = run(&["score", "da-whisper-999", "--actions", s(&logs[0])]);
    assert!(out(&replayed).contains(&score_line), "{score_line}");
    let rows = std::fs::read_to_string(&results).unwrap();
    assert_eq!(rows.lines().count(), 2);
    assert!(rows.contains(",2026-11,terminal,"), "{rows}");
    assert!(
        !std::fs::read_dir(&sessions).unwrap().any(|e| e
            .unwrap()
            .path()
            .to_string_lossy()
            .ends_with(".journal")),
        "the journal is removed once the session is saved"
    );

    // The same input gives the same session: the same log, kept once (its name carries its
    // hash), and a second row. Nothing is overwritten.
    let before = std::fs::read(&logs[0]).unwrap();
    let o = run_with_input(&args, &script);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let again = logs_in(&sessions);
    assert!(!again.is_empty() && again.len() <= 2, "{again:?}");
    for l in &again {
        assert_eq!(std::fs::read(l).unwrap(), before);
    }
    assert_eq!(
        std::fs::read_to_string(&results).unwrap().lines().count(),
        3
    );

    // Declining the warning starts nothing and records nothing.
    let declined = dir.path().join("declined");
    let o = run_with_input(
        &[
            "play",
            "da-whisper-999",
            "--sessions",
            s(&declined),
            "--results",
            s(&results),
        ],
        "n\n",
    );
    assert_eq!(o.status.code(), Some(0));
    assert!(logs_in(&declined).is_empty());
}

#[test]
fn practice_play_gives_hints_and_feedback_and_records_practice() {
    let dir = tempfile::tempdir().unwrap();
    let results = dir.path().join("r.csv");
    use controlroom::training::Action::*;
    let script = format!(
        "y\n{}\n{}\nq\n",
        choice(Ask("q-address".into())),
        choice(Record("address".into()))
    );
    let o = run_with_input(
        &[
            "play",
            "da-whisper-999",
            "--step-ms",
            "2000",
            "--sessions",
            s(&dir.path().join("s")),
            "--results",
            s(&results),
        ],
        &script,
    );
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let text = out(&o);
    assert!(text.contains("hint: She can only whisper"));
    // Asked at 2 s, the answer takes 3 s: the record happens at 5 s.
    assert!(
        text.contains("✓ at 5 s: recorded: 14 Larch Close"),
        "{text}"
    );
    assert!(text.contains("call over (stopped)"));
    let rows = std::fs::read_to_string(&results).unwrap();
    assert!(
        rows.contains(",practice,"),
        "practice is recorded too: {rows}"
    );
}

#[test]
fn q_stops_the_call_inside_a_thrive_prompt() {
    use controlroom::training::Action::*;
    let dir = tempfile::tempdir().unwrap();
    let threat = choice(Assess {
        element: controlroom::training::thrive::Thrive::Threat,
        judgement: controlroom::training::thrive::Judgement::High,
        facts: vec![],
    });
    let o = run_with_input(
        &[
            "play",
            "da-whisper-999",
            "--step-ms",
            "2000",
            "--sessions",
            s(&dir.path().join("s")),
            "--results",
            s(&dir.path().join("r.csv")),
        ],
        &format!("y\n{}\n{threat}\nq\n", choice(Ask("q-address".into()))),
    );
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(out(&o).contains("call over (stopped)"), "{}", out(&o));
}

#[test]
fn library_listing_coverage_and_course() {
    let o = run(&["scenarios"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(out(&o).contains("da-whisper-999"));
    assert!(out(&o).contains("HARROWING — contains: domestic abuse in progress"));

    let c = run(&["coverage"]);
    assert_eq!(c.status.code(), Some(0), "{}", err(&c));
    let text = out(&c);
    assert!(text.contains("covered  da.keep-on-line"));
    assert!(text.contains("da-whisper-999 / stay-on-line"));
    // The library leaves the "scheduled" grade untrained: coverage names the gap.
    assert!(
        text.contains("GAP      grade.scheduled"),
        "a point no scenario covers is named"
    );

    let dir = tempfile::tempdir().unwrap();
    let results = dir.path().join("r.csv");
    run(&[
        "score",
        "da-whisper-999",
        "--actions",
        MODEL,
        "--results",
        s(&results),
    ]);
    let o = run(&[
        "course",
        "--trainee",
        "model-answer",
        "--results",
        s(&results),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    // Scored from a log file under the trainee's name: shown, but never counted as done.
    assert!(
        out(&o).contains("assessment da-whisper-999           [ ] not started"),
        "{}",
        out(&o)
    );
    assert!(err(&o).contains("scored from log files"), "{}", err(&o));
    let bad_plan = write(
        dir.path(),
        "course.ron",
        "Course(title: \"x\", days: [Day(day: 1)])",
    );
    let o = run(&[
        "course",
        "--trainee",
        "x",
        "--results",
        s(&results),
        "--plan",
        s(&bad_plan),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("course.ron:1:"), "{}", err(&o));
}

#[test]
fn check_logs_replays_the_worked_answers() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("logs")).unwrap();
    let sc = dir.path().join("da-whisper-999.ron");
    std::fs::copy(root().join(SCENARIO), &sc).unwrap();
    std::fs::copy(
        root().join(FLAWED),
        dir.path().join("logs/da-whisper-999.flawed.ron"),
    )
    .unwrap();
    let model = std::fs::read_to_string(root().join(MODEL)).unwrap();
    write(&dir.path().join("logs"), "da-whisper-999.model.ron", &model);
    let o = run(&["check", "--logs", s(&sc)]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(out(&o).contains("worked answers replayed"));
    // A model answer that forgets the safety advice no longer scores 100.
    let weaker = model.replacen(
        "        (t_ms: 10000, action: Advise(\"adv-stay-on-line\")),\n",
        "",
        1,
    );
    assert_ne!(weaker, model);
    write(
        &dir.path().join("logs"),
        "da-whisper-999.model.ron",
        &weaker,
    );
    let o = run(&["check", "--logs", s(&sc)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("the model answer scores"), "{}", err(&o));
    assert!(err(&o).contains("stay-on-line"), "{}", err(&o));
}

#[test]
fn training_inputs_that_are_not_regular_files_are_refused() {
    let o = run(&["score", "da-whisper-999", "--actions", "/dev/zero"]);
    assert_eq!(o.status.code(), Some(2), "{}", err(&o));
    assert!(err(&o).contains("not a regular file"), "{}", err(&o));
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.ron");
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .map(|s| s.success());
    if matches!(made, Ok(true)) {
        let o = run(&["check", s(&fifo)]);
        assert_eq!(o.status.code(), Some(2), "{}", err(&o));
        assert!(err(&o).contains("FIFO"), "{}", err(&o));
    }
}
