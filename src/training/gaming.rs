//! The gaming sweep: built-in strategies that game the menu instead of judging the call —
//! everything at once, everything that does not sound rude, everything not marked irrelevant
//! (each deciding first or last, closing or never closing), doing nothing, random orders, and
//! the model answer with every
//! extra action added — played against a scenario. A scenario any of them passes does not
//! measure judgement. A careful trainee (the model answer and two extra questions) must still
//! pass.

use super::action::{Action, ActionLog};
use super::check::Problem;
use super::prioritisation;
use super::response::{Grade, Partner, Responder};
use super::scenario::Scenario;
use super::score::Outcome;
use super::session::{Mode, Session};
use super::thrive::{Judgement, Thrive};
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};

/// How many random orders the sweep plays.
pub const RANDOM_ORDERS: u64 = 30;

/// One gaming strategy's result.
#[derive(Debug, Clone, PartialEq)]
pub struct Played {
    pub strategy: String,
    pub score: u32,
    pub passed: bool,
}

/// Which options a menu-clicking strategy takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pick {
    /// Every option.
    All,
    /// Every option that does not sound rude (does not lower the caller's engagement).
    NotRude,
    /// Every option the scenario does not mark irrelevant.
    NotIrrelevant,
}

/// Ask for an action as soon as the trainee is free; a refused action is skipped.
fn try_act(s: &mut Session, a: Action) {
    let t = s.now_ms().max(s.busy_until_ms());
    let _ = s.act(t, a);
}

/// Record every fact known and not yet recorded.
fn record_all(s: &mut Session) {
    let facts: Vec<String> = s.known_facts().iter().map(|f| f.id.clone()).collect();
    for f in facts {
        try_act(s, Action::Record(f));
    }
}

/// All six THRIVE elements High, citing every fact known.
fn assess_all_high(s: &mut Session) {
    let facts: Vec<String> = s.known_facts().iter().map(|f| f.id.clone()).collect();
    for element in Thrive::ALL {
        try_act(
            s,
            Action::Assess {
                element,
                judgement: Judgement::High,
                facts: facts.clone(),
            },
        );
    }
}

fn menu_options(sc: &Scenario, pick: Pick) -> (Vec<Action>, Vec<Partner>) {
    let mut talk = Vec::new();
    for q in &sc.questions {
        let take = match pick {
            Pick::All => true,
            Pick::NotRude => q.engagement >= 0,
            Pick::NotIrrelevant => q.relevant,
        };
        if take {
            talk.push(Action::Ask(q.id.clone()));
        }
    }
    for a in &sc.advice {
        let take = match pick {
            Pick::All => true,
            Pick::NotRude => a.engagement >= 0,
            Pick::NotIrrelevant => a.relevant,
        };
        if take {
            talk.push(Action::Advise(a.id.clone()));
        }
    }
    for c in &sc.checks {
        if pick != Pick::NotIrrelevant || c.relevant {
            talk.push(Action::Check(c.id.clone()));
        }
    }
    let partners = match pick {
        Pick::NotIrrelevant => Partner::ALL
            .into_iter()
            .filter(|p| prioritisation::partner_ok(sc, *p))
            .collect(),
        _ => Partner::ALL.to_vec(),
    };
    (talk, partners)
}

/// Click through the menu: decisions (the most severe grade, police, partners) first or last.
fn click_everything(
    sc: &Scenario,
    base: &Session,
    pick: Pick,
    decide_first: bool,
    close: bool,
) -> Outcome {
    let mut s = base.clone();
    let (talk, partners) = menu_options(sc, pick);
    let decide = |s: &mut Session| {
        try_act(s, Action::Grade(Grade::Emergency));
        try_act(s, Action::Rcrp(Responder::Police));
        for &p in &partners {
            try_act(s, Action::Notify(p));
        }
    };
    if decide_first {
        decide(&mut s);
    }
    for a in talk {
        try_act(&mut s, a);
    }
    record_all(&mut s);
    assess_all_high(&mut s);
    if !decide_first {
        decide(&mut s);
    }
    if close {
        try_act(&mut s, Action::Close);
    }
    s.finish()
}

/// A random subset of everything on the menu, in a random order, with random decisions.
fn random_order(sc: &Scenario, base: &Session, seed: u64) -> Outcome {
    let mut rng = rand_pcg::Pcg64Mcg::seed_from_u64(seed);
    let (mut acts, partners) = menu_options(sc, Pick::All);
    acts.extend(partners.into_iter().map(Action::Notify));
    acts.push(Action::Grade(
        Grade::ALL[rng.random_range(0..Grade::ALL.len())],
    ));
    acts.push(Action::Rcrp(
        Responder::ALL[rng.random_range(0..Responder::ALL.len())],
    ));
    acts.retain(|_| rng.random_bool(0.6));
    acts.shuffle(&mut rng);
    let mut s = base.clone();
    for a in acts {
        try_act(&mut s, a);
        if rng.random_bool(0.3) {
            record_all(&mut s);
        }
    }
    for element in Thrive::ALL {
        if rng.random_bool(0.5) {
            let facts: Vec<String> = s
                .known_facts()
                .iter()
                .filter(|_| rng.random_bool(0.5))
                .map(|f| f.id.clone())
                .collect();
            let judgement = Judgement::ALL[rng.random_range(0..Judgement::ALL.len())];
            try_act(
                &mut s,
                Action::Assess {
                    element,
                    judgement,
                    facts,
                },
            );
        }
    }
    try_act(&mut s, Action::Close);
    s.finish()
}

/// Every question, advice, check and partner the model answer does not use.
fn extras(sc: &Scenario, model: &ActionLog) -> Vec<Action> {
    let (mut all, partners) = menu_options(sc, Pick::All);
    all.extend(partners.into_iter().map(Action::Notify));
    all.retain(|a| !model.actions.iter().any(|s| &s.action == a));
    all
}

/// The model answer with `added` inserted after its step `at` (0: before the first).
fn model_with(base: &Session, model: &ActionLog, added: &[Action], at: usize) -> Outcome {
    let mut s = base.clone();
    for (i, step) in model.actions.iter().enumerate() {
        if i == at {
            for a in added {
                try_act(&mut s, a.clone());
            }
        }
        let t = step.t_ms.max(s.now_ms()).max(s.busy_until_ms());
        let _ = s.act(t, step.action.clone());
    }
    s.finish()
}

/// Where to insert extras so the caller is still there to hear them: after the model's last
/// question, or at the start.
fn after_last_question(model: &ActionLog) -> usize {
    model
        .actions
        .iter()
        .rposition(|s| s.action.question().is_some())
        .map_or(0, |i| i + 1)
}

/// Close at once; or do nothing at all until the time limit.
fn do_nothing(base: &Session, close: bool) -> Outcome {
    let mut s = base.clone();
    if close {
        try_act(&mut s, Action::Close);
    }
    s.finish()
}

/// Play every gaming strategy (and the model answer's variants when a model log is given).
pub fn play_all(sc: &Scenario, model: Option<&ActionLog>) -> Vec<Played> {
    let mut out = Vec::new();
    // `check` reports an unknown start line itself.
    let Ok(base) = Session::new(sc, Mode::Assessment, "gaming-sweep") else {
        return out;
    };
    let base = &base;
    let mut note = |name: String, o: Outcome| {
        out.push(Played {
            strategy: name,
            score: o.score,
            passed: o.passed,
        })
    };
    for (pick, name) in [
        (Pick::All, "everything at once"),
        (Pick::NotRude, "everything that does not sound rude"),
        (Pick::NotIrrelevant, "everything not marked irrelevant"),
    ] {
        for (first, order) in [(true, "deciding first"), (false, "deciding last")] {
            note(
                format!("{name}, {order}"),
                click_everything(sc, base, pick, first, true),
            );
            note(
                format!("{name}, {order}, never closing"),
                click_everything(sc, base, pick, first, false),
            );
        }
    }
    note("do nothing (close at once)".into(), do_nothing(base, true));
    note(
        "do nothing (let the call run out)".into(),
        do_nothing(base, false),
    );
    for seed in 0..RANDOM_ORDERS {
        note(
            format!("random order (seed {seed})"),
            random_order(sc, base, seed),
        );
    }
    if let Some(m) = model {
        let extra = extras(sc, m);
        note(
            "the model answer with every extra action first".into(),
            model_with(base, m, &extra, 0),
        );
        note(
            "the model answer with every extra action after its last question".into(),
            model_with(base, m, &extra, after_last_question(m)),
        );
    }
    out
}

/// The model answer and two extra, reasonable-sounding questions: a careful trainee, who
/// should still pass. `None` without a model log or without two such questions.
pub fn careful(sc: &Scenario, model: &ActionLog) -> Option<Outcome> {
    let two: Vec<Action> = sc
        .questions
        .iter()
        .filter(|q| {
            q.engagement >= 0
                && !model
                    .actions
                    .iter()
                    .any(|s| s.action.question() == Some(q.id.as_str()))
        })
        .take(2)
        .map(|q| Action::Ask(q.id.clone()))
        .collect();
    let base = Session::new(sc, model.mode, "careful-trainee").ok()?;
    (two.len() == 2).then(|| model_with(&base, model, &two, after_last_question(model)))
}

/// What the sweep finds wrong: every strategy that passes, and a careful trainee who fails.
pub fn problems(sc: &Scenario, model: Option<&ActionLog>) -> Vec<Problem> {
    let mut p: Vec<Problem> = play_all(sc, model)
        .into_iter()
        .filter(|r| r.passed)
        .map(|r| Problem {
            field: "gaming".into(),
            message: format!(
                "the strategy \"{}\" passes ({}/100): the score does not measure judgement here",
                r.strategy, r.score
            ),
        })
        .collect();
    if let Some(m) = model
        && let Some(o) = careful(sc, m)
        && !o.passed
    {
        p.push(Problem {
            field: "gaming".into(),
            message: format!(
                "a careful trainee (the model answer and two extra questions) fails ({}/100): \
                 the penalties are too harsh",
                o.score
            ),
        });
    }
    p
}
