//! The score measures judgement, not clicking: no gaming strategy passes any scenario of the
//! library; a careful trainee still passes; a decision made before its evidence is a guess;
//! wasted actions cost marks in their own dimension; "never" items are not earned by doing
//! nothing; typed questions are matched and checked; assessor overrides name real items.

use controlroom::training::action::Step;
use controlroom::training::marking::Status;
use controlroom::training::prioritisation::WasteKind;
use controlroom::training::response::{Grade, Partner};
use controlroom::training::{
    Action, ActionLog, Mode, Outcome, Scenario, Session, SessionError, debrief, gaming, library,
    replay, review, typed,
};
use std::path::{Path, PathBuf};
use std::process::Command;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/training")
}

fn load(id: &str) -> Scenario {
    Scenario::load(&dir().join(format!("{id}.ron"))).unwrap()
}

fn model(id: &str) -> ActionLog {
    ActionLog::load(&library::model_log(&dir(), id)).unwrap()
}

#[test]
fn no_gaming_strategy_passes_any_scenario_and_a_careful_trainee_does() {
    let all = library::load_dir(&dir()).unwrap();
    assert!(all.len() >= 17, "library of {}", all.len());
    for (_, sc) in &all {
        let m = model(&sc.id);
        let played = gaming::play_all(sc, Some(&m));
        assert!(played.len() >= 40, "{}: {} strategies", sc.id, played.len());
        for p in &played {
            assert!(
                !p.passed,
                "{}: \"{}\" passes with {}",
                sc.id, p.strategy, p.score
            );
        }
        let best = played.iter().map(|p| p.score).max().unwrap_or(0);
        let o = replay::replay(sc, &m).unwrap();
        assert_eq!((o.score, o.passed), (100, true), "{}: model answer", sc.id);
        let careful = gaming::careful(sc, &m).expect("two extra questions");
        assert!(
            careful.passed,
            "{}: a careful trainee fails with {}",
            sc.id, careful.score
        );
        assert!(
            careful.score > best,
            "{}: careful {} vs gaming {best}",
            sc.id,
            careful.score
        );
    }
}

fn whisper(actions: &[(u64, Action)]) -> Outcome {
    let sc = load("da-whisper-999");
    let mut s = Session::new(&sc, Mode::Assessment, "t").unwrap();
    for (t, a) in actions {
        let _ = s.act(*t, a.clone());
    }
    s.finish()
}

#[test]
fn grading_before_the_evidence_is_a_guess_and_regrading_after_earns_it() {
    let sc = load("missing-child-999");
    let mut s = Session::new(&sc, Mode::Assessment, "t").unwrap();
    s.act(2000, Action::Grade(Grade::Emergency)).unwrap();
    let guess = s.finish();
    let g = guess
        .items
        .iter()
        .find(|r| r.id == "grade-emergency")
        .unwrap();
    assert!(g.guess, "{}", g.note);
    assert_eq!(g.status, Status::Missed);
    assert!(
        g.note
            .contains("a guess: you graded at 00:02, before you knew"),
        "{}",
        g.note
    );
    assert!(guess.guesses.contains(&"grade-emergency".to_string()));
    assert!(
        guess
            .critical_misses
            .contains(&"grade-emergency".to_string())
    );
    let text = debrief::render(
        &guess,
        &sc,
        &controlroom::training::ForceProfile::neutral(),
        None,
    );
    assert!(
        text.contains("Decisions made before the evidence"),
        "{text}"
    );

    // The model answer with that early guess added first: the later, informed grade counts.
    let m = model("missing-child-999");
    let mut s = Session::new(&sc, Mode::Assessment, "t").unwrap();
    s.act(0, Action::Grade(Grade::Emergency)).unwrap();
    for step in &m.actions {
        let t = step.t_ms.max(s.busy_until_ms());
        s.act(t, step.action.clone()).unwrap();
    }
    let o = s.finish();
    let g = o.items.iter().find(|r| r.id == "grade-emergency").unwrap();
    assert!(!g.guess, "{}", g.note);
    assert_eq!(g.status, Status::Met, "{}", g.note);
}

#[test]
fn repeats_unneeded_partners_and_distractors_cost_marks_in_their_own_dimension() {
    let mut steps: Vec<(u64, Action)> = (0..8)
        .map(|_| (0, Action::Ask("q-address".into())))
        .collect();
    steps.extend(Partner::ALL.iter().map(|&p| (0, Action::Notify(p))));
    let o = whisper(&steps);
    let p = &o.prioritisation;
    let count = |k| p.wasted.iter().filter(|w| w.kind == k).count();
    assert_eq!(count(WasteKind::Repeat), 7, "{:?}", p.wasted);
    let sc = load("da-whisper-999");
    let needless = Partner::ALL
        .iter()
        .filter(|&&x| !controlroom::training::prioritisation::partner_ok(&sc, x))
        .count();
    assert!(needless >= 6);
    assert_eq!(count(WasteKind::UnneededPartner), needless);
    assert_eq!(p.marks_lost, sc.waste_marks * (7 + needless) as u32);
    assert_eq!(o.score, o.rubric_score.saturating_sub(p.marks_lost));
    assert!(p.summary().contains("7 repeats"), "{}", p.summary());
    // Each action took call time: 8 questions of 3 s each before the first partner.
    assert_eq!(o.log.actions[8].t_ms, 24_000);
}

#[test]
fn a_whispering_caller_fired_every_question_fails_and_the_debrief_says_why() {
    let sc = load("da-whisper-999");
    let steps: Vec<(u64, Action)> = sc
        .questions
        .iter()
        .filter(|q| q.engagement >= 0)
        .map(|q| (0, Action::Ask(q.id.clone())))
        .collect();
    let o = whisper(&steps);
    assert!(!o.passed);
    let wasted = o.prioritisation.counts();
    assert!(
        wasted
            .iter()
            .any(|&(k, n)| k == WasteKind::UnneededQuestion && n >= 3),
        "{wasted:?}"
    );
    let summary = o.prioritisation.summary();
    assert!(
        summary.contains("questions did not help this call"),
        "{summary}"
    );
    if let Some(pace) = &sc.pace {
        assert!(summary.contains(pace.as_str()), "{summary}");
    }
}

#[test]
fn stopping_at_once_earns_no_never_items_and_no_competency() {
    let o = whisper(&[(3000, Action::Stop)]);
    assert!(!o.passed);
    let sc = load("da-whisper-999");
    for (item, r) in sc.rubric.iter().zip(&o.items) {
        if matches!(item.expect, controlroom::training::rubric::Expect::Never(_)) {
            assert_eq!(r.status, Status::NotApplicable, "{}: {}", item.id, r.note);
            assert_eq!(r.credit, 0.0);
        }
    }
    assert!(
        !o.competencies
            .iter()
            .any(|(_, l)| *l == controlroom::training::score::Level::Exceeded),
        "{:?}",
        o.competencies
    );
}

#[test]
fn typed_questions_match_are_checked_on_replay_and_score_the_same() {
    let sc = load("da-whisper-999");
    let say = typed::say(&sc, "what is the address?");
    assert_eq!(say.question(), Some("q-address"));
    // Listed questions are refused when the list is off; typed ones are taken.
    let mut s = Session::new(&sc, Mode::Assessment, "t")
        .unwrap()
        .typed(true);
    assert!(s.act(1000, Action::Ask("q-address".into())).is_err());
    s.act(1000, say.clone()).unwrap();
    assert!(s.record().is_revealed("address"));
    // Nothing matched: the caller did not follow, and it cost time.
    let lost = typed::say(&sc, "banana umbrella");
    s.act(1000, lost).unwrap();
    let log = s.log();
    assert!(log.typed);
    let o = s.finish();
    assert!(
        o.prioritisation
            .wasted
            .iter()
            .any(|w| w.kind == WasteKind::NotUnderstood)
    );
    assert_eq!(replay::replay(&sc, &log).unwrap(), o);
    // A log that claims a match the text does not make is refused.
    let mut forged = log.clone();
    forged.actions[0] = Step {
        t_ms: 1000,
        action: Action::Say {
            text: "what is the address?".into(),
            matched: Some("q-weapons".into()),
        },
    };
    assert!(matches!(
        replay::replay(&sc, &forged),
        Err(replay::ReplayError::Step {
            source: SessionError::WrongMatch { .. },
            ..
        })
    ));
    // 100 kB of typing is refused, and the session is unchanged.
    let mut s = Session::new(&sc, Mode::Assessment, "t")
        .unwrap()
        .typed(true);
    let huge = typed::say(&sc, &"address ".repeat(12_800));
    assert!(s.act(1000, huge).is_err());
    assert!(s.record().steps.is_empty());
}

#[test]
fn an_override_names_a_real_item_and_is_appended() {
    let sc = load("da-whisper-999");
    let flawed = ActionLog::load(&dir().join("logs/da-whisper-999.flawed.ron")).unwrap();
    let o = replay::replay(&sc, &flawed).unwrap();
    assert!(matches!(
        review::make(&sc, &o, "no-such-item", Status::Met, "reason", "Sgt A"),
        Err(review::ReviewError::UnknownItem { .. })
    ));
    assert!(review::make(&sc, &o, "lock-room", Status::Met, " ", "Sgt A").is_err());
    let ov = review::make(
        &sc,
        &o,
        "lock-room",
        Status::Met,
        "in her own words",
        "Sgt A",
    )
    .unwrap();
    assert!(ov.score_after_pct >= ov.score_before_pct);
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("overrides.csv");
    review::append(&path, &ov).unwrap();
    review::append(&path, &ov).unwrap();
    let (read, damaged) = review::read(&path).unwrap();
    assert_eq!((read.len(), damaged.len()), (2, 0));
    assert_eq!(read[0], ov);

    // Through the command: an unknown item is bad input and nothing is written.
    let bin = env!("CARGO_BIN_EXE_controlroom");
    let other = tmp.path().join("o2.csv");
    let out = Command::new(bin)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "review",
            "da-whisper-999",
            "--actions",
            "scenarios/training/logs/da-whisper-999.flawed.ron",
            "--item",
            "no-such-item",
            "--status",
            "met",
            "--reason",
            "x",
            "--assessor",
            "Sgt A",
            "--overrides",
        ])
        .arg(&other)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no rubric item 'no-such-item'"));
    assert!(!other.exists());
}
