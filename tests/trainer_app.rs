#![cfg(feature = "trainer")]
//! The trainer window driven headless: an `App` with `MinimalPlugins` and `StatesPlugin`, time
//! stepped by hand, keys and clicks simulated as the messages they become. A call taken in the
//! window must give exactly the headless session's result for the same actions, and be saved and
//! appended exactly as `play` does; bad input must leave a message and the menu, never a crash.

use bevy::input::ButtonState;
use bevy::input::keyboard::{Key, KeyboardInput, NativeKey};
use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use bevy::time::TimeUpdateStrategy;
use controlroom::trainer::{self, Cmd, Config, Desk, Do, Finished, Library, Notice, Screen};
use controlroom::training::thrive::{Judgement, Thrive};
use controlroom::training::{Action, ActionLog, Scenario, library, replay, results};
use std::path::{Path, PathBuf};
use std::time::Duration;

fn lib_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/training")
}

fn config(tmp: &Path) -> Config {
    Config {
        trainee: "PC 1".into(),
        cohort: "test".into(),
        scenario_dir: lib_dir(),
        results: Some(tmp.join("results.csv")),
        sessions_dir: tmp.join("sessions"),
        ..Config::default()
    }
}

fn app(config: Config) -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin))
        .insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_millis(
            100,
        )))
        .insert_resource(config)
        .add_plugins(trainer::plugin);
    app.update();
    app.update();
    app
}

fn key(app: &mut App, code: KeyCode) {
    app.world_mut().write_message(KeyboardInput {
        key_code: code,
        logical_key: Key::Unidentified(NativeKey::Unidentified),
        state: ButtonState::Pressed,
        text: None,
        repeat: false,
        window: Entity::PLACEHOLDER,
    });
    app.update();
    app.update();
}

fn send(app: &mut App, cmd: Cmd) {
    app.world_mut().write_message(Do(cmd));
    app.update();
    app.update();
}

fn screen(app: &App) -> Screen {
    *app.world().resource::<State<Screen>>().get()
}

fn clock_ms(app: &App) -> u64 {
    app.world().resource::<Desk>().clock_ms
}

fn select(app: &mut App, id: &str) {
    let i = app
        .world()
        .resource::<Library>()
        .entries
        .iter()
        .position(|e| e.scenario.as_ref().is_ok_and(|s| s.id == id))
        .expect("scenario in the library");
    send(app, Cmd::Select(i));
}

fn model(id: &str) -> (Scenario, ActionLog) {
    let sc = Scenario::load(&lib_dir().join(format!("{id}.ron"))).expect("scenario");
    let log = ActionLog::load(&library::model_log(&lib_dir(), id)).expect("model log");
    (sc, log)
}

/// Take the model answer's actions through the window at their times; the recorded outcome, log
/// and results row are those of the headless session for the same actions.
#[test]
fn a_whole_call_in_the_window_equals_the_headless_session() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (sc, log) = model("da-whisper-999");
    let mut c = config(tmp.path());
    c.trainee = log.trainee.clone();
    c.mode = log.mode;
    let mut app = app(c);
    assert_eq!(screen(&app), Screen::Menu);
    select(&mut app, "da-whisper-999");
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        screen(&app),
        Screen::Warning,
        "harrowing: content warning first"
    );
    key(&mut app, KeyCode::Enter);
    assert_eq!(screen(&app), Screen::Call);
    assert!(!app.world().resource::<Desk>().answered);
    // The clock waits for the answer.
    app.update();
    assert_eq!(clock_ms(&app), 0);
    key(&mut app, KeyCode::Space);
    assert!(app.world().resource::<Desk>().answered);
    // The first frame after answering ticks the clock; line the clock up on whole 100 ms.
    for step in &log.actions {
        while clock_ms(&app) < step.t_ms {
            app.update();
        }
        assert_eq!(clock_ms(&app), step.t_ms, "the clock steps in whole 100 ms");
        app.world_mut()
            .write_message(Do(Cmd::Decide(step.action.clone())));
        app.update();
        if app.world().get_resource::<Desk>().is_some() {
            let refused = app.world().resource::<Desk>().refused.clone();
            assert_eq!(refused, None, "action refused: {:?}", step.action);
        }
    }
    app.update();
    assert_eq!(screen(&app), Screen::Debrief);
    let fin = app.world().resource::<Finished>().clone();
    let headless = replay::replay(&sc, &log).expect("replay");
    assert_eq!(fin.outcome, headless);
    assert_eq!(fin.outcome.log.actions, log.actions);
    // Saved exactly as `play` does: the log in sessions/, the row in the results CSV.
    let saved: Vec<_> = std::fs::read_dir(tmp.path().join("sessions"))
        .expect("sessions dir")
        .filter_map(Result::ok)
        .collect();
    assert_eq!(saved.len(), 1);
    let back = ActionLog::load(&saved[0].path()).expect("saved log loads");
    assert_eq!(back, headless.log);
    let read = results::read(&tmp.path().join("results.csv")).expect("results");
    let rows = read.rows;
    assert_eq!((rows.len(), read.damaged_lines.len()), (1, 0));
    assert_eq!(rows[0].source, results::Source::Window);
    let other = tmp.path().join("headless.csv");
    let from = results::Provenance {
        cohort: rows[0].cohort.clone(),
        source: results::Source::Window,
    };
    results::append(&other, &headless, &rows[0].finished_utc, &from).expect("append");
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("results.csv")).expect("csv"),
        std::fs::read_to_string(&other).expect("csv"),
        "the same row, byte for byte"
    );
    // Debrief → menu.
    key(&mut app, KeyCode::Enter);
    assert_eq!(screen(&app), Screen::Menu);
}

/// A replayed log in the window gives the headless outcome, and writes nothing.
#[test]
fn a_replay_in_the_window_equals_the_headless_replay() {
    let tmp = tempfile::tempdir().expect("tempdir");
    for id in ["rtc-999", "silent-999"] {
        let (sc, log) = model(id);
        let mut c = config(tmp.path());
        c.replay = Some(library::model_log(&lib_dir(), id));
        c.speed = 50.0;
        let mut app = app(c);
        assert_eq!(screen(&app), Screen::Call);
        for _ in 0..2000 {
            if screen(&app) == Screen::Debrief {
                break;
            }
            app.update();
        }
        assert_eq!(screen(&app), Screen::Debrief);
        let fin = app.world().resource::<Finished>().clone();
        assert!(fin.replayed);
        assert_eq!(fin.outcome, replay::replay(&sc, &log).expect("replay"));
    }
    assert!(!tmp.path().join("sessions").exists());
    assert!(!tmp.path().join("results.csv").exists());
}

/// Warning → choose another → menu; warning → call → stop → debrief → menu. Stopping is recorded.
#[test]
fn screens_follow_warning_call_debrief_menu() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut app = app(config(tmp.path()));
    select(&mut app, "crisis-suicide-999");
    send(&mut app, Cmd::Start);
    assert_eq!(screen(&app), Screen::Warning);
    key(&mut app, KeyCode::Escape);
    assert_eq!(screen(&app), Screen::Menu);
    assert!(app.world().get_resource::<Desk>().is_none());
    assert!(!tmp.path().join("results.csv").exists(), "nothing recorded");
    send(&mut app, Cmd::Start);
    send(&mut app, Cmd::Proceed);
    assert_eq!(screen(&app), Screen::Call);
    send(&mut app, Cmd::Answer);
    for _ in 0..30 {
        app.update();
    }
    // A THRIVE assessment by keys: T, element 1, judgement 3, Enter.
    key(&mut app, KeyCode::KeyT);
    key(&mut app, KeyCode::Digit1);
    key(&mut app, KeyCode::Digit3);
    key(&mut app, KeyCode::Enter);
    let log = app.world().resource::<Desk>().session.log();
    assert_eq!(
        log.actions.last().map(|s| s.action.clone()),
        Some(Action::Assess {
            element: Thrive::ALL[0],
            judgement: Judgement::High,
            facts: vec![],
        })
    );
    key(&mut app, KeyCode::Escape); // stop the call
    assert_eq!(screen(&app), Screen::Debrief);
    let fin = app.world().resource::<Finished>().clone();
    assert_eq!(fin.outcome.closed_by.label(), "stopped");
    let rows = results::read(&tmp.path().join("results.csv"))
        .expect("results")
        .rows;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].closed_by, "stopped");
    key(&mut app, KeyCode::Escape);
    assert_eq!(screen(&app), Screen::Menu);
    send(&mut app, Cmd::Assessor);
    assert_eq!(screen(&app), Screen::Assessor);
    key(&mut app, KeyCode::Escape);
    assert_eq!(screen(&app), Screen::Menu);
}

fn notice(app: &App) -> Option<String> {
    app.world().resource::<Notice>().0.clone()
}

/// Bad input: a message on the menu, never a crash, nothing lost.
#[test]
fn bad_input_leaves_a_message_and_the_menu() {
    let tmp = tempfile::tempdir().expect("tempdir");
    // A replay log of another scenario.
    let (_, mut log) = model("rtc-999");
    log.scenario = "silent-999".into();
    let wrong = tmp.path().join("wrong.ron");
    std::fs::write(&wrong, log.to_ron().expect("ron")).expect("write");
    let mut c = config(tmp.path());
    c.replay = Some(wrong);
    let app1 = app(c);
    assert_eq!(screen(&app1), Screen::Menu);
    assert!(notice(&app1).is_some_and(|n| n.contains("Cannot replay")));
    // A missing replay log.
    let mut c = config(tmp.path());
    c.replay = Some(tmp.path().join("missing.ron"));
    let app2 = app(c);
    assert_eq!(screen(&app2), Screen::Menu);
    assert!(notice(&app2).is_some());
    // A broken scenario in the library, and a missing library.
    let dir = tmp.path().join("lib");
    std::fs::create_dir(&dir).expect("mkdir");
    std::fs::copy(lib_dir().join("rtc-999.ron"), dir.join("rtc-999.ron")).expect("copy");
    std::fs::write(dir.join("broken.ron"), "Scenario(id: ").expect("write");
    let mut c = config(tmp.path());
    c.scenario_dir = dir;
    let mut app3 = app(c);
    let broken = app3
        .world()
        .resource::<Library>()
        .entries
        .iter()
        .position(|e| e.scenario.is_err())
        .expect("the broken file is listed");
    send(&mut app3, Cmd::Select(broken));
    send(&mut app3, Cmd::Start);
    assert_eq!(screen(&app3), Screen::Menu);
    assert!(notice(&app3).is_some_and(|n| n.contains("cannot be played")));
    let mut c = config(tmp.path());
    c.scenario_dir = tmp.path().join("nowhere");
    let mut app4 = app(c);
    send(&mut app4, Cmd::Start);
    assert_eq!(screen(&app4), Screen::Menu);
    assert!(notice(&app4).is_some());
    // An unreadable results file: the call is not started and the file is left alone.
    let csv = tmp.path().join("results.csv");
    std::fs::write(&csv, "not,our,header\n1,2,3\n").expect("write");
    let mut app5 = app(config(tmp.path()));
    select(&mut app5, "rtc-999");
    send(&mut app5, Cmd::Start);
    assert_eq!(screen(&app5), Screen::Menu);
    assert!(notice(&app5).is_some_and(|n| n.contains("Results file unreadable")));
    send(&mut app5, Cmd::Assessor);
    app5.update();
    assert_eq!(screen(&app5), Screen::Menu);
    assert_eq!(
        std::fs::read_to_string(&csv).expect("csv"),
        "not,our,header\n1,2,3\n"
    );
}

/// Sign-in by typing, the mode toggle and the next scenario in the course plan.
#[test]
fn sign_in_and_course_plan() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut app = app(config(tmp.path()));
    send(&mut app, Cmd::Erase);
    send(&mut app, Cmd::Erase);
    send(&mut app, Cmd::Type("7".into()));
    assert_eq!(app.world().resource::<Config>().trainee, "PC7");
    key(&mut app, KeyCode::F2);
    assert_eq!(
        app.world().resource::<Config>().mode,
        controlroom::training::Mode::Assessment
    );
    key(&mut app, KeyCode::F3);
    assert_eq!(notice(&app), None);
}
