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
    app.world().resource::<Desk>().clock.ms
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
    assert!(!app.world().resource::<Desk>().clock.answered);
    // The clock waits for the answer.
    app.update();
    assert_eq!(clock_ms(&app), 0);
    key(&mut app, KeyCode::Space);
    assert!(app.world().resource::<Desk>().clock.answered);
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

/// A key that types `text` (as a window's keyboard does).
fn type_key(app: &mut App, code: KeyCode, text: &str) {
    app.world_mut().write_message(KeyboardInput {
        key_code: code,
        logical_key: Key::Character(text.into()),
        state: ButtonState::Pressed,
        text: Some(text.into()),
        repeat: false,
        window: Entity::PLACEHOLDER,
    });
    app.update();
}

/// Type a line into the window, one key per character.
fn type_line(app: &mut App, line: &str) {
    for c in line.chars() {
        let code = if c == ' ' {
            KeyCode::Space
        } else {
            KeyCode::KeyA
        };
        type_key(app, code, &c.to_string());
    }
}

/// A call on the desk, answered, with the given config.
fn on_the_desk(c: Config, id: &str) -> App {
    let mut app = app(c);
    select(&mut app, id);
    send(&mut app, Cmd::Start);
    if screen(&app) == Screen::Warning {
        send(&mut app, Cmd::Proceed);
    }
    assert_eq!(screen(&app), Screen::Call);
    send(&mut app, Cmd::Answer);
    app
}

/// Typed questions in the window: the list is gone, letters (even panel letters and digits) go
/// into the question box, Enter says it; the log holds the text and the match `typed::say` makes,
/// an unmatched question gets the caller's "Sorry? What?", and the outcome is the headless one.
#[test]
fn typed_questions_in_the_window() {
    use controlroom::training::typed;
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut c = config(tmp.path());
    c.mode = controlroom::training::Mode::Assessment;
    let mut app = app(c);
    key(&mut app, KeyCode::F5);
    assert!(
        app.world().resource::<Config>().typed,
        "F5 switches the list off"
    );
    select(&mut app, "rtc-999");
    send(&mut app, Cmd::Start);
    if screen(&app) == Screen::Warning {
        send(&mut app, Cmd::Proceed);
    }
    assert_eq!(screen(&app), Screen::Call);
    send(&mut app, Cmd::Answer);
    let desk = app.world().resource::<Desk>();
    assert!(desk.session.is_typed());
    assert!(
        trainer::screens::call::items(desk, trainer::Panel::Questions).is_empty(),
        "no question list to recognise the answer from"
    );
    let sc = desk.session.scenario().clone();
    // "q" and "t" are panel keys and "4" a digit: while typing they are text.
    type_line(&mut app, "where are you at 4 queens");
    assert_eq!(
        app.world().resource::<Desk>().typing,
        "where are you at 4 queens"
    );
    type_key(&mut app, KeyCode::Backspace, "");
    key(&mut app, KeyCode::Enter);
    let desk = app.world().resource::<Desk>();
    assert_eq!(desk.typing, "", "the box empties once said");
    let said = desk.session.log().actions.last().map(|s| s.action.clone());
    assert_eq!(said, Some(typed::say(&sc, "where are you at 4 queen")));
    assert!(
        matches!(
            &said,
            Some(Action::Say {
                matched: Some(_),
                ..
            })
        ),
        "'where are you' matches a question: {said:?}"
    );
    // Nonsense: the caller does not understand.
    type_line(&mut app, "zzz qqq");
    key(&mut app, KeyCode::Enter);
    for _ in 0..60 {
        app.update();
    }
    let desk = app.world().resource::<Desk>();
    let last = desk.session.log().actions.last().map(|s| s.action.clone());
    assert_eq!(
        last,
        Some(Action::Say {
            text: "zzz qqq".into(),
            matched: None
        })
    );
    let unclear = desk.session.transcript().iter().any(|e| {
        matches!(e, controlroom::training::Event::CallerSays { text, .. } if *text == sc.script.unclear)
    });
    assert!(unclear, "the caller says '{}'", sc.script.unclear);
    // Tab leaves the box: now letters focus panels again.
    key(&mut app, KeyCode::Tab);
    assert_ne!(
        app.world().resource::<Desk>().panel,
        trainer::Panel::Questions
    );
    key(&mut app, KeyCode::KeyQ);
    assert_eq!(
        app.world().resource::<Desk>().panel,
        trainer::Panel::Questions
    );
    // The box holds at most typed::MAX_CHARS characters.
    send(&mut app, Cmd::Type("x".repeat(typed::MAX_CHARS + 50)));
    assert_eq!(
        app.world().resource::<Desk>().typing.chars().count(),
        typed::MAX_CHARS
    );
    key(&mut app, KeyCode::Escape);
    assert_eq!(screen(&app), Screen::Debrief);
    let fin = app.world().resource::<Finished>().clone();
    assert!(fin.outcome.log.typed);
    assert_eq!(
        fin.outcome,
        replay::replay(&sc, &fin.outcome.log).expect("replay")
    );
    let rows = results::read(&tmp.path().join("results.csv"))
        .expect("results")
        .rows;
    assert_eq!(rows.len(), 1);
    let mut csv = csv::Reader::from_path(tmp.path().join("results.csv")).expect("csv");
    let col = csv
        .headers()
        .expect("header")
        .iter()
        .position(|h| h == "typed")
        .expect("a typed column");
    let row = csv.records().next().expect("a row").expect("record");
    assert_eq!(&row[col], "true", "the results row says the list was off");
}

/// Every entry is reachable by keyboard, not only the first ten: the arrows move a highlight and
/// Enter picks it; Tab walks the panels.
#[test]
fn keyboard_reaches_beyond_ten_entries() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut app = on_the_desk(config(tmp.path()), "da-whisper-999");
    let sc = app.world().resource::<Desk>().session.scenario().clone();
    assert!(
        sc.questions.len() > 11,
        "the test needs a long question list"
    );
    for _ in 0..11 {
        key(&mut app, KeyCode::ArrowDown);
    }
    assert_eq!(app.world().resource::<Desk>().cursor, 11);
    key(&mut app, KeyCode::Enter);
    let desk = app.world().resource::<Desk>();
    assert_eq!(
        desk.session.log().actions.last().map(|s| s.action.clone()),
        Some(Action::Ask(sc.questions[11].id.clone()))
    );
    // The highlight stops at the last entry.
    for _ in 0..100 {
        key(&mut app, KeyCode::ArrowDown);
    }
    assert_eq!(
        app.world().resource::<Desk>().cursor,
        sc.questions.len() - 1
    );
    // Tab walks every panel and comes back; a new panel starts at its first entry.
    let mut seen = Vec::new();
    for _ in 0..trainer::Panel::ALL.len() {
        key(&mut app, KeyCode::Tab);
        let d = app.world().resource::<Desk>();
        seen.push(d.panel);
        assert_eq!(d.cursor, 0);
    }
    assert_eq!(seen.len(), trainer::Panel::ALL.len());
    assert_eq!(seen.last(), Some(&trainer::Panel::Questions));
    for p in trainer::Panel::ALL {
        assert!(seen.contains(&p), "Tab reaches {p:?}");
    }
}

/// The transcript and panels keep their scroll position when the clock ticks and when the desk
/// is redrawn after an action; the focused panel stays focused.
#[test]
fn scroll_and_focus_survive_ticks_and_redraws() {
    use controlroom::trainer::widgets::Kept;
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut app = on_the_desk(config(tmp.path()), "da-whisper-999");
    key(&mut app, KeyCode::KeyA);
    let mut q = app.world_mut().query::<(&Kept, &mut ScrollPosition)>();
    let mut n = 0;
    for (k, mut p) in q.iter_mut(app.world_mut()) {
        p.0.y = if k.0 == "transcript" { 120.0 } else { 80.0 };
        n += 1;
    }
    assert_eq!(n, 2, "the transcript and the panels scroll");
    let version = app.world().resource::<Desk>().version;
    // Three seconds of call time with no new line: nothing is redrawn.
    let before = app.world().resource::<Desk>().session.transcript().len();
    for _ in 0..30 {
        app.update();
    }
    let d = app.world().resource::<Desk>();
    if d.session.transcript().len() == before {
        assert_eq!(d.version, version, "a tick alone redraws nothing");
    }
    // An action redraws the desk; the places are kept.
    key(&mut app, KeyCode::Digit1);
    assert!(app.world().resource::<Desk>().version > version);
    let mut q = app.world_mut().query::<(&Kept, &ScrollPosition)>();
    let places: Vec<(&str, f32)> = q.iter(app.world()).map(|(k, p)| (k.0, p.0.y)).collect();
    assert_eq!(places.len(), 2);
    for (name, y) in places {
        let want = if name == "transcript" { 120.0 } else { 80.0 };
        assert_eq!(y, want, "{name} keeps its place");
    }
    assert_eq!(app.world().resource::<Desk>().panel, trainer::Panel::Advice);
}

/// Click the button that sends `cmd`, as bevy picking delivers a click: a `Pointer<Click>` on the
/// button entity, through its observer.
fn click(app: &mut App, cmd: &Cmd) {
    use bevy::camera::NormalizedRenderTarget;
    use bevy::picking::backend::HitData;
    use bevy::picking::events::{Click, Pointer};
    use bevy::picking::pointer::{Location, PointerButton, PointerId};
    let mut q = app
        .world_mut()
        .query::<(Entity, &controlroom::trainer::widgets::Sends)>();
    let target = q
        .iter(app.world())
        .find(|(_, s)| s.0 == *cmd)
        .map(|(e, _)| e)
        .unwrap_or_else(|| panic!("a button sends {cmd:?}"));
    let location = Location {
        target: NormalizedRenderTarget::None {
            width: 1280,
            height: 720,
        },
        position: Vec2::new(10.0, 10.0),
    };
    let ev = Click {
        button: PointerButton::Primary,
        hit: HitData::new(Entity::PLACEHOLDER, 0.0, None, None),
        duration: Duration::from_millis(80),
        count: 1,
    };
    app.world_mut()
        .trigger(Pointer::new(PointerId::Mouse, location, ev, target));
    app.update();
    app.update();
}

/// The mouse takes the same path as the keys: clicking a panel focuses it, clicking an entry
/// acts; a greyed entry is still drawn (numbers stay put) and clicking it changes nothing.
#[test]
fn mouse_clicks_focus_panels_and_act() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut app = on_the_desk(config(tmp.path()), "da-whisper-999");
    click(&mut app, &Cmd::Focus(trainer::Panel::Advice));
    assert_eq!(app.world().resource::<Desk>().panel, trainer::Panel::Advice);
    let sc = app.world().resource::<Desk>().session.scenario().clone();
    let ask = Cmd::Decide(Action::Ask(sc.questions[0].id.clone()));
    click(&mut app, &ask);
    let last = app
        .world()
        .resource::<Desk>()
        .session
        .log()
        .actions
        .last()
        .cloned();
    assert_eq!(last.map(|s| Cmd::Decide(s.action)), Some(ask));
    // A fact not yet known: its entry is drawn greyed in the log panel, and a click is refused.
    let unknown = sc
        .facts
        .iter()
        .find(|f| {
            !app.world()
                .resource::<Desk>()
                .session
                .record()
                .is_revealed(&f.id)
        })
        .expect("a fact still to come");
    let record = Cmd::Decide(Action::Record(unknown.id.clone()));
    let n = app.world().resource::<Desk>().session.log().actions.len();
    click(&mut app, &record);
    let desk = app.world().resource::<Desk>();
    assert_eq!(desk.session.log().actions.len(), n, "nothing happens");
    assert!(desk.refused.is_some(), "the refusal is shown");
}

/// Text scales with + and - (bounded), and a paused replay stays paused across clock ticks.
#[test]
fn text_scale_and_pause_hold() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut app = on_the_desk(config(tmp.path()), "rtc-999");
    let before = app.world().resource::<UiScale>().0;
    key(&mut app, KeyCode::Equal);
    key(&mut app, KeyCode::Equal);
    let after = app.world().resource::<UiScale>().0;
    assert!((after - before - 0.2).abs() < 1e-4, "{before} -> {after}");
    for _ in 0..40 {
        key(&mut app, KeyCode::Minus);
    }
    assert!(
        (app.world().resource::<UiScale>().0 - 0.6).abs() < 1e-4,
        "bounded below"
    );
    // A replay, paused: the clock stands still however many frames pass.
    let mut c = config(tmp.path());
    c.replay = Some(library::model_log(&lib_dir(), "rtc-999"));
    let mut app = self::app(c);
    for _ in 0..20 {
        app.update();
    }
    key(&mut app, KeyCode::Space);
    assert!(app.world().resource::<Desk>().clock.paused);
    let t = clock_ms(&app);
    for _ in 0..50 {
        app.update();
    }
    assert_eq!(clock_ms(&app), t);
    assert!(app.world().resource::<Desk>().clock.paused);
    key(&mut app, KeyCode::Space);
    app.update();
    assert!(clock_ms(&app) > t, "Space resumes");
}
