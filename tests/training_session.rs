//! The session state machine: timing, branches, hang-ups, refusals, modes and scoring rules.

use controlroom::training::action::Step;
use controlroom::training::record::ClosedBy;
use controlroom::training::response::Grade;
use controlroom::training::rubric::Expect;
use controlroom::training::score::Status;
use controlroom::training::thrive::{Judgement, Thrive};
use controlroom::training::{
    Action, ActionLog, Event, Mode, Scenario, Session, SessionError, replay,
};
use std::path::Path;

/// A tiny fictional scenario: a timer to a second line and then a cut line, a branch, a question
/// that loses the caller, and a rubric with timed, critical, `Never` and `after` items.
pub const MINI: &str = r#"// A tiny FICTIONAL scenario for the session tests.
Scenario(
    id: "mini",
    version: 1,
    title: "Mini test call",
    fictional: true,
    channel: Emergency999,
    difficulty: Easy,
    summary: "Test fixture.",
    objectives: ["Test the session"],
    time_limit_ms: 60000,
    facts: [
        Fact(id: "addr", text: "1 Test Street", location: true),
        Fact(id: "knife", text: "He has a knife"),
        Fact(id: "bang", text: "A bang in the background"),
    ],
    questions: [
        Question(id: "q-addr", text: "Where are you?", answer: "1 Test Street.", reveals: ["addr"]),
        Question(id: "q-knife", text: "Any weapons?", answer: "I told you.", reveals: ["knife"]),
        Question(id: "q-rude", text: "Are you sure?", relevant: false, answer: "...", engagement: -50),
    ],
    advice: [
        Advice(id: "adv-coming", text: "Officers are coming.", reply: "Thank you.", engagement: 10),
    ],
    checks: [
        Check(id: "chk-history", text: "Address history", result: "A knife incident here last week.", reveals: ["knife"]),
    ],
    script: Script(
        start: "open",
        engagement: 60,
        hangs_up_below: 20,
        hang_up_line: "gone",
        lines: [
            Line(id: "open", say: "Help, he's here.", distress: 4, hint: "Get the address.",
                branches: [Branch(when: Asked("q-knife"), goto: "knife-line")],
                after: After(ms: 10000, goto: "later")),
            Line(id: "knife-line", say: "He's got a knife!", distress: 5, reveals: ["knife"]),
            Line(id: "later", say: "(a bang)", reveals: ["bang"], after: After(ms: 20000, goto: "cut")),
            Line(id: "cut", say: "(the line goes dead)", ends: LineCut),
            Line(id: "gone", say: "Forget it.", ends: HangsUp),
        ],
    ),
    rubric: [
        Item(id: "loc", expect: Recorded("addr"), within_ms: 5000, weight: 10, critical: true,
            competency: TakeOwnership, guidance: ["contact.location-first"], ndm: GatherInformation,
            feedback: "Location first."),
        Item(id: "grade", expect: Graded(Emergency), weight: 10, critical: true,
            competency: AnalyseCritically, guidance: ["grade.emergency"], thrive: Risk, ndm: AssessThreatRisk,
            feedback: "Emergency."),
        Item(id: "rcrp", expect: Rcrp(Police), weight: 5,
            competency: AnalyseCritically, guidance: ["rcrp.police-crime-risk"], ndm: PowersPolicy,
            feedback: "Police."),
        Item(id: "coming", expect: Advised("adv-coming"), weight: 5,
            competency: PublicService, guidance: ["da.tell-officers-coming"], ndm: ActReview,
            feedback: "Tell them."),
        Item(id: "polite", expect: Never(Asked("q-rude")), weight: 5,
            competency: RespectEmpathy, guidance: ["cvf.respect-empathy"], ndm: Ethics,
            feedback: "Believe them."),
        Item(id: "after-cut", expect: Assessed(element: Threat, judgement: High, facts: []),
            after: "cut", within_ms: 5000, weight: 5,
            competency: AnalyseCritically, guidance: ["thrive.reassess"], thrive: Threat, ndm: AssessThreatRisk,
            feedback: "Re-assess."),
    ],
)
"#;

fn mini() -> Scenario {
    Scenario::parse(Path::new("mini.ron"), MINI).expect("fixture parses")
}

fn said(events: &[Event]) -> Vec<String> {
    events
        .iter()
        .filter_map(|e| match e {
            Event::CallerSays { text, .. } => Some(text.clone()),
            _ => None,
        })
        .collect()
}

fn item<'a>(
    o: &'a controlroom::training::Outcome,
    id: &str,
) -> &'a controlroom::training::score::ItemResult {
    o.items.iter().find(|r| r.id == id).expect("item exists")
}

#[test]
fn opening_line_then_timed_lines_then_line_cut() {
    let sc = mini();
    let mut s = Session::new(&sc, Mode::Assessment, "t").unwrap();
    assert_eq!(said(&s.advance(0)), vec!["Help, he's here."]);
    assert!(s.advance(9999).is_empty(), "nothing before the timer");
    let ev = s.advance(10000);
    assert_eq!(said(&ev), vec!["(a bang)"]);
    assert!(
        ev.iter()
            .any(|e| matches!(e, Event::FactRevealed { fact, .. } if fact == "bang"))
    );
    let ev = s.advance(45000);
    assert_eq!(
        ev[0].t_ms(),
        30000,
        "the cut comes at its own time, not at the advance time"
    );
    assert!(
        ev.iter()
            .any(|e| matches!(e, Event::CallerGone { t_ms: 30000, .. }))
    );
    assert!(!s.caller_on_line());
    // The caller has gone: no more questions, but the incident can still be graded.
    let err = s.act(46000, Action::Ask("q-addr".into())).unwrap_err();
    assert!(matches!(
        err,
        SessionError::CallerGone {
            since_ms: 30000,
            ..
        }
    ));
    assert!(s.act(46000, Action::Grade(Grade::Emergency)).is_ok());
    assert!(
        !s.available_actions()
            .iter()
            .any(|a| matches!(a, Action::Ask(_)))
    );
}

#[test]
fn a_branch_moves_the_caller_on_and_cancels_the_timer() {
    let sc = mini();
    let mut s = Session::new(&sc, Mode::Assessment, "t").unwrap();
    let ev = s.act(2000, Action::Ask("q-knife".into())).unwrap();
    assert!(said(&ev).contains(&"He's got a knife!".to_string()));
    assert!(
        said(&s.advance(50000)).is_empty(),
        "the knife line has no timer"
    );
    assert!(s.caller_on_line());
}

#[test]
fn refused_actions_leave_the_session_unchanged() {
    let sc = mini();
    let mut s = Session::new(&sc, Mode::Assessment, "t").unwrap();
    s.act(5000, Action::Ask("q-addr".into())).unwrap();
    let before = (s.transcript().len(), s.now_ms(), s.log());
    let back = s.act(4000, Action::Close).unwrap_err();
    assert_eq!(
        back,
        SessionError::TimeWentBackwards {
            t_ms: 4000,
            now_ms: 5000
        }
    );
    let late = s.act(60001, Action::Close).unwrap_err();
    assert_eq!(
        late,
        SessionError::PastTimeLimit {
            t_ms: 60001,
            limit_ms: 60000
        }
    );
    // At 12000 the timer would fire; a refused action must not let it fire.
    let unknown = s.act(12000, Action::Record("knife".into())).unwrap_err();
    assert_eq!(unknown, SessionError::FactNotKnown("knife".into()));
    let bogus = s.act(12000, Action::Ask("q-nope".into())).unwrap_err();
    assert!(matches!(
        bogus,
        SessionError::Unknown {
            kind: "question",
            ..
        }
    ));
    assert_eq!((s.transcript().len(), s.now_ms(), s.log()), before);
    s.act(6000, Action::Record("addr".into())).unwrap();
    assert!(
        s.act(7000, Action::Record("addr".into())).is_err(),
        "a fact is recorded once"
    );
}

#[test]
fn losing_engagement_hangs_the_caller_up() {
    let sc = mini();
    let mut s = Session::new(&sc, Mode::Assessment, "t").unwrap();
    let ev = s.act(1000, Action::Ask("q-rude".into())).unwrap();
    assert_eq!(s.engagement(), 10);
    assert!(said(&ev).contains(&"Forget it.".to_string()));
    assert!(
        ev.iter()
            .any(|e| matches!(e, Event::CallerGone { t_ms: 1000, .. }))
    );
    let out = s.finish();
    assert_eq!(item(&out, "polite").status, Status::Missed);
    assert_eq!(out.closed_by, ClosedBy::TimeLimit);
    assert_eq!(out.closed_ms, 60000);
}

fn graded(sc: &Scenario, g: Grade) -> controlroom::training::Outcome {
    let mut s = Session::new(sc, Mode::Assessment, "t").unwrap();
    s.act(1000, Action::Grade(g)).unwrap();
    s.act(2000, Action::Close).unwrap();
    s.finish()
}

#[test]
fn under_grading_costs_more_than_over_grading() {
    let mut sc = mini();
    for i in &mut sc.rubric {
        if i.id == "grade" {
            i.expect = Expect::Graded(Grade::Priority);
        }
    }
    let exact = graded(&sc, Grade::Priority);
    let over = graded(&sc, Grade::Emergency);
    let under = graded(&sc, Grade::Scheduled);
    assert_eq!(item(&exact, "grade").status, Status::Met);
    assert_eq!(item(&over, "grade").status, Status::PartlyMet);
    assert_eq!(item(&over, "grade").credit, 0.5);
    assert!(
        !item(&over, "grade").critical_miss,
        "over-grading is not a critical miss"
    );
    assert_eq!(item(&under, "grade").status, Status::Missed);
    assert!(under.critical_misses.contains(&"grade".to_string()));
    assert!(exact.score > over.score && over.score > under.score);
}

#[test]
fn a_late_downgrade_is_caught() {
    let mut sc = mini();
    for i in &mut sc.rubric {
        if i.id == "grade" {
            i.within_ms = Some(10000);
        }
    }
    let mut s = Session::new(&sc, Mode::Assessment, "t").unwrap();
    s.act(1000, Action::Grade(Grade::Emergency)).unwrap();
    s.act(20000, Action::Grade(Grade::Priority)).unwrap();
    let out = s.finish();
    assert_eq!(item(&out, "grade").status, Status::Missed);
}

fn late_location(mode: Mode) -> controlroom::training::Outcome {
    let sc = mini();
    let mut s = Session::new(&sc, mode, "t").unwrap();
    s.act(7000, Action::Ask("q-addr".into())).unwrap();
    s.act(8000, Action::Record("addr".into())).unwrap();
    s.act(9000, Action::Close).unwrap();
    s.finish()
}

#[test]
fn assessment_timing_is_strict_and_practice_flags_late() {
    let strict = late_location(Mode::Assessment);
    assert_eq!(item(&strict, "loc").status, Status::Missed);
    assert!(strict.critical_misses.contains(&"loc".to_string()));
    // Asked at 7 s, the answer takes 3 s: recorded at 10 s.
    assert_eq!(strict.time_to_location_ms, Some(10000));
    let practice = late_location(Mode::Practice);
    let loc = item(&practice, "loc");
    assert_eq!(loc.status, Status::Met);
    assert!(loc.late);
    assert!(!practice.critical_misses.contains(&"loc".to_string()));
}

#[test]
fn hints_and_feedback_only_in_practice() {
    let sc = mini();
    let run = |mode| {
        let mut s = Session::new(&sc, mode, "t").unwrap();
        let mut ev = s.advance(0);
        ev.extend(s.act(6000, Action::Ask("q-addr".into())).unwrap());
        ev.extend(s.act(9000, Action::Grade(Grade::Priority)).unwrap());
        ev.extend(s.act(10000, Action::Grade(Grade::Emergency)).unwrap());
        ev
    };
    let practice = run(Mode::Practice);
    assert!(
        practice
            .iter()
            .any(|e| matches!(e, Event::Hint { text, .. } if text == "Get the address."))
    );
    // The location deadline (5 s) passed unmet: said at 5 s, in time order.
    let missed = practice.iter().position(
        |e| matches!(e, Event::Feedback { item, good: false, t_ms: 5000, .. } if item == "loc"),
    );
    assert!(missed.is_some());
    assert!(practice.iter().any(
        |e| matches!(e, Event::Feedback { item, good: false, t_ms: 9000, .. } if item == "grade")
    ));
    assert!(practice.iter().any(
        |e| matches!(e, Event::Feedback { item, good: true, t_ms: 10000, .. } if item == "grade")
    ));
    let times: Vec<u64> = practice.iter().map(Event::t_ms).collect();
    assert!(
        times.windows(2).all(|w| w[0] <= w[1]),
        "events in time order: {times:?}"
    );
    let assessment = run(Mode::Assessment);
    assert!(
        !assessment
            .iter()
            .any(|e| matches!(e, Event::Hint { .. } | Event::Feedback { .. }))
    );
}

#[test]
fn an_item_after_a_line_that_never_came_does_not_count() {
    let sc = mini();
    let mut s = Session::new(&sc, Mode::Assessment, "t").unwrap();
    s.act(1000, Action::Ask("q-addr".into())).unwrap();
    s.act(2000, Action::Record("addr".into())).unwrap();
    s.act(3000, Action::Grade(Grade::Emergency)).unwrap();
    s.act(
        3000,
        Action::Rcrp(controlroom::training::response::Responder::Police),
    )
    .unwrap();
    s.act(4000, Action::Advise("adv-coming".into())).unwrap();
    s.act(5000, Action::Close).unwrap();
    let out = s.finish();
    // The cut was still due (by the script's timers, within the time limit): closing before
    // it does not escape the re-assessment it calls for.
    let r = item(&out, "after-cut");
    assert_eq!(r.status, Status::Missed);
    assert!(r.note.contains("before it reached 'cut'"), "{}", r.note);
    assert_eq!(out.closed_by, ClosedBy::Trainee);
    // A line that never comes at all leaves its item not applicable: the caller is handed
    // over... here, stopping makes nothing due.
    let mut s = Session::new(&sc, Mode::Assessment, "t").unwrap();
    s.act(1000, Action::Stop).unwrap();
    assert_eq!(item(&s.finish(), "after-cut").status, Status::NotApplicable);
}

#[test]
fn reassessment_after_the_line_is_cut_is_marked_from_the_cut() {
    let sc = mini();
    let mut s = Session::new(&sc, Mode::Assessment, "t").unwrap();
    s.advance(30000);
    let assess = Action::Assess {
        element: Thrive::Threat,
        judgement: Judgement::High,
        facts: vec![],
    };
    s.act(33000, assess).unwrap();
    let out = s.finish();
    let r = item(&out, "after-cut");
    assert_eq!(r.status, Status::Met);
    assert_eq!(r.at_ms, Some(33000));
    assert_eq!(out.caller_gone.map(|(t, _)| t), Some(30000));
}

#[test]
fn stopping_is_recorded_and_never_a_pass() {
    let sc = mini();
    let mut s = Session::new(&sc, Mode::Practice, "t").unwrap();
    s.act(1000, Action::Stop).unwrap();
    assert!(s.is_closed());
    assert!(s.available_actions().is_empty());
    let out = s.finish();
    assert_eq!(out.closed_by, ClosedBy::Stopped);
    assert!(!out.passed);
}

#[test]
fn driving_step_by_step_equals_replaying_the_log() {
    let sc = mini();
    let steps = vec![
        Step {
            t_ms: 1500,
            action: Action::Ask("q-addr".into()),
        },
        // Asked at 1.5 s, the answer takes 3 s.
        Step {
            t_ms: 4500,
            action: Action::Record("addr".into()),
        },
        Step {
            t_ms: 12000,
            action: Action::Grade(Grade::Emergency),
        },
        Step {
            t_ms: 31000,
            action: Action::Assess {
                element: Thrive::Threat,
                judgement: Judgement::High,
                facts: vec!["bang".into()],
            },
        },
        Step {
            t_ms: 40000,
            action: Action::Close,
        },
    ];
    // A window: advances every 250 ms and acts when the trainee clicks.
    let mut s = Session::new(&sc, Mode::Practice, "window").unwrap();
    let mut t = 0;
    for step in &steps {
        while t + 250 < step.t_ms {
            t += 250;
            s.advance(t);
        }
        s.act(step.t_ms, step.action.clone()).unwrap();
        t = step.t_ms;
    }
    let log = s.log();
    assert_eq!(log.actions, steps);
    let windowed = s.finish();
    let headless = replay::replay(&sc, &log).unwrap();
    assert_eq!(windowed, headless);
    assert_eq!(headless, replay::replay(&sc, &log).unwrap());
}

#[test]
fn logs_for_another_scenario_or_version_are_refused() {
    let sc = mini();
    let mut log = ActionLog {
        scenario: "other".into(),
        version: 1,
        mode: Mode::Practice,
        trainee: "t".into(),
        typed: false,
        actions: vec![],
    };
    assert!(matches!(
        replay::replay(&sc, &log),
        Err(replay::ReplayError::WrongScenario { .. })
    ));
    log.scenario = "mini".into();
    log.version = 2;
    assert!(matches!(
        replay::replay(&sc, &log),
        Err(replay::ReplayError::WrongVersion { .. })
    ));
}

#[test]
fn checks_run_without_the_caller_and_reveal_facts() {
    let sc = mini();
    let mut s = Session::new(&sc, Mode::Assessment, "t").unwrap();
    s.advance(30000);
    assert!(!s.caller_on_line());
    let ev = s.act(31000, Action::Check("chk-history".into())).unwrap();
    assert!(
        ev.iter().any(
            |e| matches!(e, Event::CheckResult { text, .. } if text.contains("knife incident"))
        )
    );
    assert!(
        s.available_actions()
            .contains(&Action::Record("knife".into()))
    );
    assert!(
        !s.available_actions()
            .contains(&Action::Check("chk-history".into())),
        "once only"
    );
    assert!(s.act(32000, Action::Check("chk-history".into())).is_err());
}

/// Practice feedback on a decision speaks only of items that decision is judged by: assessing one
/// THRIVE element says nothing of the others, and never a bare "no decision made".
#[test]
fn practice_feedback_on_a_decision_names_only_its_own_items() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/training");
    let mut said = 0;
    for (_, sc) in controlroom::training::library::load_dir(&dir).expect("library") {
        for element in Thrive::ALL {
            let mut s = Session::new(&sc, Mode::Practice, "t").unwrap();
            s.advance(0);
            let Ok(ev) = s.act(
                2000,
                Action::Assess {
                    element,
                    judgement: Judgement::Medium,
                    facts: vec![],
                },
            ) else {
                continue;
            };
            for e in &ev {
                if let Event::Feedback { item, text, .. } = e {
                    said += 1;
                    assert!(
                        !text.contains("no decision made"),
                        "{}: {item}: '{text}' after assessing {element:?}",
                        sc.id
                    );
                    let it = sc.rubric.iter().find(|i| i.id == *item).expect("item");
                    if let Expect::Assessed { element: e2, .. } = &it.expect {
                        assert_eq!(*e2, element, "{}: {item} is about {e2:?}", sc.id);
                    }
                }
            }
        }
    }
    assert!(
        said > 0,
        "some assessment gets feedback, so the test looks at something"
    );
}
