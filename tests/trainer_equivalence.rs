#![cfg(feature = "trainer")]
//! One desk behind two front-ends: every scenario's model answer, given as scripted input to the
//! terminal (`play --step-ms 0`, waits with `w N`) and to the window (a headless `App`, its clock
//! stepped by hand), is saved as the same log, byte for byte, and appended as the same results
//! row apart from the time it finished and which front-end it came from.

use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use bevy::time::TimeUpdateStrategy;
use controlroom::trainer::{self, Cmd, Config, Desk, Do, Finished, Library, Screen};
use controlroom::training::desk::Catalogue;
use controlroom::training::thrive::Judgement;
use controlroom::training::{Action, ActionLog, Scenario, Session, library};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

fn lib_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/training")
}

/// The terminal input that takes `log`'s actions at its times.
fn terminal_script(sc: &Scenario, log: &ActionLog) -> String {
    let cat = Catalogue::new(sc);
    let mut shadow = Session::new(sc, log.mode, &log.trainee)
        .expect("session")
        .typed(log.typed);
    let mut out = String::new();
    if sc.harrowing || !sc.content_warnings.is_empty() {
        out.push_str("y\n");
    }
    let mut now = 0;
    for step in &log.actions {
        if step.t_ms > now {
            out.push_str(&format!("w {}\n", (step.t_ms - now) / 1000));
            now = step.t_ms;
        }
        shadow.advance(step.t_ms);
        match &step.action {
            Action::Say { text, .. } => out.push_str(&format!("{text}\n")),
            Action::Stop => out.push_str("q\n"),
            a @ Action::Assess {
                judgement, facts, ..
            } => {
                let n = cat.number_of(a).expect("a THRIVE element");
                let j = match judgement {
                    Judgement::Low => 1,
                    Judgement::Medium => 2,
                    Judgement::High => 3,
                };
                let known = shadow.known_facts();
                let cited: Vec<String> = facts
                    .iter()
                    .map(|f| {
                        let i = known.iter().position(|k| k.id == *f).expect("known fact");
                        (i + 1).to_string()
                    })
                    .collect();
                out.push_str(&format!("{n}\n{j}\n{}\n", cited.join(" ")));
            }
            a => {
                let n = cat.number_of(a).expect("in the catalogue");
                out.push_str(&format!("{n}\n"));
            }
        }
        shadow
            .act(step.t_ms, step.action.clone())
            .expect("model action");
        now = shadow.now_ms().max(now);
    }
    out
}

fn play_in_terminal(sc: &Scenario, log: &ActionLog, dir: &Path) -> std::process::Output {
    use std::io::Write;
    let mut args = vec![
        "play".to_string(),
        sc.id.clone(),
        "--step-ms".into(),
        "0".into(),
        "--trainee".into(),
        log.trainee.clone(),
        "--cohort".into(),
        "same".into(),
        "--mode".into(),
        log.mode.label().to_lowercase(),
        "--results".into(),
        dir.join("results.csv").display().to_string(),
        "--sessions".into(),
        dir.join("sessions").display().to_string(),
    ];
    if log.typed {
        args.push("--typed".into());
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_controlroom"))
        .args(&args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawns");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(terminal_script(sc, log).as_bytes())
        .expect("writes the script");
    child.wait_with_output().expect("runs")
}

fn play_in_window(sc: &Scenario, log: &ActionLog, dir: &Path) -> Finished {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin))
        .insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_millis(
            100,
        )))
        .insert_resource(Config {
            trainee: log.trainee.clone(),
            cohort: "same".into(),
            mode: log.mode,
            typed: log.typed,
            scenario_dir: lib_dir(),
            results: Some(dir.join("results.csv")),
            sessions_dir: dir.join("sessions"),
            ..Config::default()
        })
        .add_plugins(trainer::plugin);
    app.update();
    app.update();
    let i = app
        .world()
        .resource::<Library>()
        .entries
        .iter()
        .position(|e| e.scenario.as_ref().is_ok_and(|s| s.id == sc.id))
        .expect("in the library");
    for cmd in [Cmd::Select(i), Cmd::Start, Cmd::Proceed, Cmd::Answer] {
        app.world_mut().write_message(Do(cmd));
        app.update();
        app.update();
    }
    assert_eq!(
        *app.world().resource::<State<Screen>>().get(),
        Screen::Call,
        "{}",
        sc.id
    );
    for step in &log.actions {
        while app.world().get_resource::<Desk>().is_some()
            && app.world().resource::<Desk>().clock.ms < step.t_ms
        {
            app.update();
        }
        let cmd = match &step.action {
            Action::Stop => Cmd::StopCall,
            a => Cmd::Decide(a.clone()),
        };
        app.world_mut().write_message(Do(cmd));
        app.update();
    }
    for _ in 0..5 {
        app.update();
    }
    app.world()
        .get_resource::<Finished>()
        .cloned()
        .unwrap_or_else(|| panic!("{}: the window did not finish the call", sc.id))
}

fn only_file(dir: &Path) -> PathBuf {
    let files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("sessions folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    files[0].clone()
}

/// The results row without the columns that must differ: when it finished and where from.
fn row_without_time_and_source(csv_path: &Path) -> Vec<String> {
    let mut r = csv::Reader::from_path(csv_path).expect("results");
    let h = r.headers().expect("header").clone();
    let rec = r.records().next().expect("one row").expect("record");
    h.iter()
        .zip(rec.iter())
        .filter(|(k, _)| !matches!(*k, "finished_utc" | "source"))
        .map(|(k, v)| format!("{k}={v}"))
        .collect()
}

#[test]
fn every_model_answer_is_the_same_through_the_terminal_and_the_window() {
    let lib = library::Library::open(&lib_dir(), None);
    let mut n = 0;
    for sc in lib.scenarios() {
        let Ok(log) = ActionLog::load(&library::model_log(&lib_dir(), &sc.id)) else {
            continue;
        };
        n += 1;
        let tmp = tempfile::tempdir().expect("tempdir");
        let (term, win) = (tmp.path().join("terminal"), tmp.path().join("window"));
        let o = play_in_terminal(sc, &log, &term);
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}: {}",
            sc.id,
            String::from_utf8_lossy(&o.stderr)
        );
        let fin = play_in_window(sc, &log, &win);
        assert_eq!(fin.outcome.log.actions, log.actions, "{}", sc.id);
        let (a, b) = (
            only_file(&term.join("sessions")),
            only_file(&win.join("sessions")),
        );
        assert_eq!(
            std::fs::read(&a).expect("terminal log"),
            std::fs::read(&b).expect("window log"),
            "{}: the saved logs differ",
            sc.id
        );
        assert_eq!(
            row_without_time_and_source(&term.join("results.csv")),
            row_without_time_and_source(&win.join("results.csv")),
            "{}: the results rows differ",
            sc.id
        );
    }
    assert!(n >= 17, "every scenario has a model answer ({n})");
}
