//! `check` and the branch sweep find what is wrong with a scenario, naming the field.

use controlroom::training::check::{Problem, check};
use controlroom::training::guidance::Guidance;
use controlroom::training::rubric::Expect;
use controlroom::training::script::{After, Branch, Line, Trigger};
use controlroom::training::{Scenario, sweep};
use std::path::Path;

fn da() -> Scenario {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/training/da-whisper-999.ron");
    Scenario::load(&p).expect("parses")
}

fn guidance() -> Guidance {
    Guidance::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/training/guidance.ron"))
        .unwrap()
}

fn has(problems: &[Problem], field: &str, words: &str) -> bool {
    problems
        .iter()
        .any(|p| p.field.contains(field) && p.message.contains(words))
}

fn line<'a>(sc: &'a mut Scenario, id: &str) -> &'a mut Line {
    sc.script
        .lines
        .iter_mut()
        .find(|l| l.id == id)
        .expect("line")
}

#[test]
fn the_example_scenario_is_clean() {
    assert_eq!(check(&da(), Some(&guidance())), vec![]);
}

#[test]
fn a_scenario_must_say_it_is_fictional_and_warn_if_harrowing() {
    let mut sc = da();
    sc.fictional = false;
    sc.content_warnings.clear();
    let p = check(&sc, None);
    assert!(has(&p, "fictional", "fictional"));
    assert!(has(&p, "content_warnings", "harrowing"));
}

#[test]
fn loops_mean_the_call_cannot_end() {
    let mut sc = da();
    line(&mut sc, "at-door").after = Some(After {
        ms: 1000,
        goto: "locked-in".into(),
    });
    let p = check(&sc, None);
    assert!(
        has(&p, "script.lines", "loop locked-in → at-door → locked-in"),
        "{p:?}"
    );
    assert!(sweep::sweep(&sc).is_err());
}

#[test]
fn unreachable_lines_and_shadowed_branches() {
    let mut sc = da();
    sc.script.lines.push(Line {
        id: "orphan".into(),
        say: "nobody gets here".into(),
        distress: 0,
        reveals: vec![],
        hint: None,
        branches: vec![],
        after: None,
        ends: None,
    });
    line(&mut sc, "open").branches.push(Branch {
        when: Trigger::Asked("q-address".into()),
        goto: "shouting".into(),
    });
    let p = check(&sc, None);
    assert!(has(&p, "script.lines[orphan]", "unreachable"));
    assert!(has(
        &p,
        "script.lines[open].branches[1]",
        "unreachable: branch 0"
    ));
}

#[test]
fn unknown_references_are_named() {
    let mut sc = da();
    line(&mut sc, "open").branches[0].goto = "nowhere".into();
    line(&mut sc, "address").reveals.push("ghost".into());
    sc.rubric[0].expect = Expect::Asked("q-ghost".into());
    sc.rubric[1].guidance.push("made.up".into());
    let p = check(&sc, Some(&guidance()));
    assert!(has(
        &p,
        "script.lines[open].branches[0].goto",
        "unknown line 'nowhere'"
    ));
    assert!(has(
        &p,
        "script.lines[address].reveals",
        "unknown fact 'ghost'"
    ));
    assert!(has(
        &p,
        "rubric[location-first].expect",
        "unknown question 'q-ghost'"
    ));
    assert!(has(
        &p,
        "rubric[whisper-questions].guidance",
        "unknown guidance point 'made.up'"
    ));
}

#[test]
fn rubric_items_no_action_can_meet() {
    let mut sc = da();
    // The shouting line comes 25 s after the address at the earliest.
    sc.rubric[2].expect = Expect::Recorded("shouting".into());
    sc.rubric[2].within_ms = Some(10000);
    sc.rubric[3].weight = 0;
    let p = check(&sc, None);
    assert!(
        has(
            &p,
            "rubric[children].expect",
            "cannot come up before 25000 ms"
        ),
        "{p:?}"
    );
    assert!(has(&p, "rubric[weapons].weight", "more than 0"));
}

#[test]
fn lines_after_the_time_limit_cannot_be_reached() {
    let mut sc = da();
    sc.time_limit_ms = 60000;
    let p = check(&sc, None);
    // open → address (0) → shouting (25 s) → … the officers come at 90 s at the earliest.
    assert!(
        has(&p, "script.lines[officers-arrive]", "before the time limit"),
        "{p:?}"
    );
}

#[test]
fn the_sweep_walks_every_path_and_finds_one_that_cannot_be_followed() {
    let walks = sweep::sweep(&da()).expect("clean");
    let ends: std::collections::BTreeSet<&str> = walks
        .iter()
        .filter_map(|w| w.lines.last().map(String::as_str))
        .collect();
    for e in ["officers-arrive", "line-cut", "gives-up"] {
        assert!(ends.contains(e), "no path ends at {e}: {ends:?}");
    }
    assert!(
        walks.iter().any(|w| !w.closed_by_trainee),
        "paths that run out are walked too"
    );

    // A branch on a question so hostile the caller hangs up at once: the path on cannot happen.
    let mut sc = da();
    sc.questions
        .iter_mut()
        .find(|q| q.id == "q-why-not-leave")
        .unwrap()
        .engagement = -90;
    line(&mut sc, "locked-in").branches.push(Branch {
        when: Trigger::Asked("q-why-not-leave".into()),
        goto: "at-door".into(),
    });
    let err = sweep::sweep(&sc).expect_err("path cannot be followed");
    assert!(err.iter().any(|p| p.message.contains("instead")), "{err:?}");
}

#[test]
fn asking_a_caller_who_has_gone_cannot_be_met() {
    let mut sc = da();
    let i = sc.rubric.iter_mut().find(|i| i.id == "lock-room").unwrap();
    i.after = Some("line-cut".into());
    let p = check(&sc, None);
    assert!(
        has(&p, "rubric[lock-room].expect", "the caller has gone"),
        "{p:?}"
    );
}
