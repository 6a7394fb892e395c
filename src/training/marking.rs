//! Marking one rubric item against the call record: met, partly met, missed or not applicable,
//! when, whether late, and a sentence saying what happened. Under-grading earns nothing; over-
//! grading earns half.

use super::action::{Action, Step};
use super::mode::Mode;
use super::record::{CallRecord, ClosedBy};
use super::rubric::{Expect, Item};
use super::scenario::Scenario;
use super::thrive::Judgement;
use serde::{Deserialize, Serialize};

/// Whether an item was met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Status {
    Met,
    /// Partly met: over-graded, a THRIVE judgement too high, or not every fact cited.
    PartlyMet,
    Missed,
    /// Its `after` line never came, so it does not count.
    NotApplicable,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::PartlyMet => "partly met",
            Status::Missed => "missed",
            Status::NotApplicable => "not applicable",
        }
    }
}

/// One rubric item, scored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemResult {
    pub id: String,
    pub status: Status,
    /// Share of the item's weight earned, 0.0–1.0.
    pub credit: f64,
    /// When the deciding action happened.
    pub at_ms: Option<u64>,
    /// Practice mode: met, but after its time target.
    pub late: bool,
    /// A critical item missed: the call fails whatever the score.
    pub critical_miss: bool,
    /// The deciding action came before the facts it rests on were known: no credit.
    pub guess: bool,
    /// What happened, in a sentence.
    pub note: String,
}

/// The facts an item rests on that were not yet known at `t_ms` (empty: the decision was
/// informed).
fn unknown_at<'a>(item: &'a Item, rec: &CallRecord, t_ms: u64) -> Vec<&'a str> {
    item.evidence
        .iter()
        .filter(|f| !rec.revealed.iter().any(|(x, at)| x == *f && *at <= t_ms))
        .map(String::as_str)
        .collect()
}

/// "before you knew: there was a knife; …" for the facts not yet known.
fn guess_note(what: &str, t_ms: u64, unknown: &[&str], sc: &Scenario) -> String {
    let facts: Vec<&str> = unknown
        .iter()
        .map(|f| sc.fact(f).map_or(*f, |x| x.text.as_str()))
        .collect();
    format!(
        "a guess: you {what} at {}, before you knew: {}",
        clock(t_ms),
        facts.join("; ")
    )
}

/// The verb of a decision, for a guess note.
fn verb(e: &Expect, sc: &Scenario) -> String {
    match e {
        Expect::Graded(_) => "graded".into(),
        Expect::Rcrp(_) => "decided who responds".into(),
        Expect::Assessed { element, .. } => format!("assessed {}", element.label()),
        other => describe(other, sc),
    }
}

/// When the call first did what an item expects (its first instance), for `before`. A fact
/// counts from when the trainee's question, advice or check brought it out, if one did, else
/// from when it was recorded: order is about what the trainee went after first.
fn done_at(e: &Expect, rec: &CallRecord) -> Option<u64> {
    match e {
        Expect::Never(_) => None,
        Expect::Recorded(f) => {
            let recorded = rec
                .steps
                .iter()
                .find(|s| happened(e, &s.action))
                .map(|s| s.t_ms);
            // Brought out by the trainee's own question, advice or check: counts even if the
            // answer was never written down.
            let asked = rec
                .revealed
                .iter()
                .find(|(x, _)| x == f)
                .map(|&(_, t)| t)
                .filter(|&t| {
                    rec.steps.iter().any(|s| {
                        s.t_ms == t
                            && (s.action.question().is_some()
                                || matches!(s.action, Action::Advise(_) | Action::Check(_)))
                    })
                });
            match (asked, recorded) {
                (Some(a), Some(r)) => Some(a.min(r)),
                (a, r) => a.or(r),
            }
        }
        Expect::Closed => first_time(e, rec.steps.iter(), rec),
        other => rec
            .steps
            .iter()
            .find(|s| happened(other, &s.action))
            .map(|s| s.t_ms),
    }
}

/// Score one item as things stand at `end_ms` (the close of the call, or now mid-call). `all`
/// is the whole rubric, for items that must come `before` others.
pub fn evaluate(
    item: &Item,
    sc: &Scenario,
    rec: &CallRecord,
    mode: Mode,
    end_ms: u64,
) -> ItemResult {
    let mut r = ItemResult {
        id: item.id.clone(),
        status: Status::Missed,
        credit: 0.0,
        at_ms: None,
        late: false,
        critical_miss: false,
        guess: false,
        note: String::new(),
    };
    let start = match &item.after {
        None => 0,
        Some(line) => match rec.line_at(line) {
            Some(t) => t,
            // Closed early: the line was still to come, so the item applies and is missed.
            None if matches!(rec.closed, Some((_, ClosedBy::Trainee)))
                && !matches!(item.expect, Expect::Never(_))
                && would_come(sc, rec, line).is_some() =>
            {
                r.note = format!(
                    "missed: you closed the call at {}, before it reached '{line}' (due at {})",
                    clock(rec.closed.map_or(0, |(t, _)| t)),
                    clock(would_come(sc, rec, line).unwrap_or(0))
                );
                r.critical_miss = item.critical;
                return r;
            }
            None => {
                r.status = Status::NotApplicable;
                r.note = format!("did not apply: the call never reached '{line}'");
                return r;
            }
        },
    };
    // The window closes when the `until` line is said (actions at that moment count after it).
    let stop = item
        .until
        .as_ref()
        .and_then(|l| rec.line_at(l))
        .filter(|&t| t <= end_ms);
    let in_window = move |t: u64, to: u64| t >= start && t <= to && stop.is_none_or(|u| t < u);
    let deadline = item.within_ms.map(|w| start.saturating_add(w));
    let strict = mode == Mode::Assessment;
    let limit = match deadline {
        Some(d) if strict => d.min(end_ms),
        _ => end_ms,
    };
    let window = |to: u64| rec.steps.iter().filter(move |s| in_window(s.t_ms, to));
    match &item.expect {
        Expect::Never(inner) => match first_time(inner, window(end_ms), rec) {
            Some(t) => {
                r.at_ms = Some(t);
                r.note = format!("at {}: {}", secs(t), describe(inner, sc));
            }
            None => {
                let stopped = matches!(rec.closed, Some((_, ClosedBy::Stopped)));
                let ran = stop.unwrap_or(end_ms).saturating_sub(start);
                let arises = item.arises_ms.unwrap_or(DEFAULT_ARISES_MS);
                if stopped || ran < arises {
                    r.status = Status::NotApplicable;
                    r.note = format!(
                        "not yet earned: the call did not go on long enough for this to arise ({} of {})",
                        secs(ran),
                        secs(arises)
                    );
                } else {
                    r.status = Status::Met;
                    r.credit = 1.0;
                    r.note = format!("avoided: {}", describe(inner, sc));
                }
            }
        },
        Expect::Graded(_) | Expect::Rcrp(_) | Expect::Assessed { .. } => {
            let at_limit = decision(&item.expect, window(limit), sc);
            let at_end = decision(&item.expect, window(end_ms), sc);
            let worse = match (at_limit, at_end) {
                (Some(a), Some(b)) => Some(if b.0 < a.0 { b } else { a }),
                (a, _) => a,
            };
            match worse {
                None => {
                    r.note = match deadline {
                        Some(d) if strict => format!("no decision by {}", secs(d)),
                        _ => "no decision made".to_string(),
                    }
                }
                Some((credit, t, note)) => {
                    r.at_ms = Some(t);
                    let unknown = unknown_at(item, rec, t);
                    if unknown.is_empty() {
                        r.credit = credit;
                        r.note = note;
                    } else {
                        r.guess = true;
                        r.note = format!(
                            "{} ({note})",
                            guess_note(&verb(&item.expect, sc), t, &unknown, sc)
                        );
                    }
                    r.status = if r.credit >= 1.0 {
                        Status::Met
                    } else if r.credit > 0.0 {
                        Status::PartlyMet
                    } else {
                        Status::Missed
                    };
                }
            }
        }
        other => {
            let informed = |to: u64| {
                window(to)
                    .filter(|s| unknown_at(item, rec, s.t_ms).is_empty())
                    .find(|s| happened(other, &s.action) || is_close(other, s, rec))
                    .map(|s| s.t_ms)
            };
            match informed(limit) {
                Some(t) => {
                    r.status = Status::Met;
                    r.credit = 1.0;
                    r.at_ms = Some(t);
                    r.note = format!("at {}: {}", secs(t), describe(other, sc));
                }
                None => {
                    let early = first_time(other, window(end_ms), rec);
                    r.note = match (deadline, early) {
                        (_, Some(t)) if !unknown_at(item, rec, t).is_empty() => {
                            r.guess = true;
                            r.at_ms = Some(t);
                            guess_note(&describe(other, sc), t, &unknown_at(item, rec, t), sc)
                        }
                        (Some(d), Some(_)) if strict && informed(end_ms).is_some() => {
                            format!("too late (target {}): {}", secs(d), describe(other, sc))
                        }
                        _ => format!("expected, not done — {}", describe(other, sc)),
                    }
                }
            }
        }
    }
    if let (Some(d), Some(t)) = (deadline, r.at_ms)
        && r.status != Status::Missed
        && t > d
    {
        r.late = true;
        r.note = format!("{} (late: target {})", r.note, secs(d));
    }
    r.critical_miss = item.critical && r.status == Status::Missed;
    r
}

/// Apply the rubric's `before` orders to items already evaluated: an item done after one it
/// must precede earns nothing.
pub fn apply_order(sc: &Scenario, rec: &CallRecord, results: &mut [ItemResult]) {
    for (i, item) in sc.rubric.iter().enumerate() {
        if item.before.is_empty()
            || matches!(results[i].status, Status::Missed | Status::NotApplicable)
        {
            continue;
        }
        let own = match item.expect {
            Expect::Recorded(_) => done_at(&item.expect, rec),
            _ => results[i].at_ms,
        };
        let Some(t) = own else { continue };
        let first = item
            .before
            .iter()
            .filter_map(|id| sc.rubric.iter().find(|x| &x.id == id))
            .filter_map(|other| done_at(&other.expect, rec).map(|at| (other, at)))
            .filter(|&(_, at)| at < t)
            .min_by_key(|&(_, at)| at);
        if let Some((other, at)) = first {
            let r = &mut results[i];
            r.status = Status::Missed;
            r.credit = 0.0;
            r.note = format!(
                "out of order: done at {}, but {} came first, at {}; guidance puts this first",
                secs(t),
                describe(&other.expect, sc),
                secs(at)
            );
            r.critical_miss = item.critical;
        }
    }
}

/// A one-off `Closed` expectation met by this step.
fn is_close(e: &Expect, s: &Step, rec: &CallRecord) -> bool {
    matches!(e, Expect::Closed)
        && s.action == Action::Close
        && matches!(rec.closed, Some((t, ClosedBy::Trainee)) if t == s.t_ms)
}

/// When `line` would have been said had the call not been closed: following the timers from
/// the last line said, within the time limit (no branch taken). `None` if it would not come.
fn would_come(sc: &Scenario, rec: &CallRecord, line: &str) -> Option<u64> {
    let (last, mut t) = rec.lines.last().map(|(l, t)| (l.as_str(), *t))?;
    let mut i = sc.script.index(last)?;
    for _ in 0..=sc.script.lines.len() {
        let l = &sc.script.lines[i];
        if l.ends.is_some() {
            return None;
        }
        let after = l.after.as_ref()?;
        t = t.saturating_add(after.ms);
        if t > sc.time_limit_ms {
            return None;
        }
        i = sc.script.index(&after.goto)?;
        if sc.script.lines[i].id == line {
            return Some(t);
        }
    }
    None
}

/// How long a call must run before avoiding a temptation earns credit, unless an item says.
pub const DEFAULT_ARISES_MS: u64 = 20_000;

/// Minutes and seconds from call answer, "00:02".
pub fn clock(ms: u64) -> String {
    let s = ms / 1000;
    format!("{:02}:{:02}", s / 60, s % 60)
}

/// The first time a one-off expectation happened in these steps.
fn first_time<'a>(
    e: &Expect,
    mut steps: impl Iterator<Item = &'a Step>,
    rec: &CallRecord,
) -> Option<u64> {
    if let Expect::Closed = e {
        return match rec.closed {
            Some((t, ClosedBy::Trainee))
                if steps.any(|s| s.t_ms == t && s.action == Action::Close) =>
            {
                Some(t)
            }
            _ => None,
        };
    }
    steps.find(|s| happened(e, &s.action)).map(|s| s.t_ms)
}

/// Whether an action is an instance of an expectation (for decisions: that exact decision).
fn happened(e: &Expect, a: &Action) -> bool {
    match (e, a) {
        (Expect::Asked(q), a) => a.question() == Some(q.as_str()),
        (Expect::Advised(q), Action::Advise(x)) => q == x,
        (Expect::Checked(c), Action::Check(x)) => c == x,
        (Expect::Recorded(f), Action::Record(x)) => f == x,
        (Expect::Recorded(f), Action::Assess { facts, .. }) => facts.contains(f),
        (Expect::Notified(p), Action::Notify(x)) => p == x,
        (Expect::Graded(g), Action::Grade(x)) => g == x,
        (Expect::Rcrp(r), Action::Rcrp(x)) => r == x,
        (
            Expect::Assessed {
                element, judgement, ..
            },
            Action::Assess {
                element: e2,
                judgement: j2,
                ..
            },
        ) => element == e2 && judgement == j2,
        (Expect::Closed, Action::Close) => true,
        _ => false,
    }
}

/// The latest decision of the expected kind in the steps: (credit, time, note).
fn decision<'a>(
    e: &Expect,
    steps: impl Iterator<Item = &'a Step>,
    sc: &Scenario,
) -> Option<(f64, u64, String)> {
    let last = steps
        .filter(|s| match (e, &s.action) {
            (Expect::Graded(_), Action::Grade(_)) | (Expect::Rcrp(_), Action::Rcrp(_)) => true,
            (Expect::Assessed { element, .. }, Action::Assess { element: x, .. }) => element == x,
            _ => false,
        })
        .last()?;
    let t = last.t_ms;
    Some(match (e, &last.action) {
        (Expect::Graded(want), Action::Grade(got)) => {
            let (c, how) = if got == want {
                (1.0, "graded as needed")
            } else if got > want {
                (0.5, "over-graded")
            } else {
                (0.0, "under-graded")
            };
            (
                c,
                t,
                format!(
                    "{how}: {} (the call needed {})",
                    got.meaning(),
                    want.meaning()
                ),
            )
        }
        (Expect::Rcrp(want), Action::Rcrp(got)) => {
            let c = if got == want { 1.0 } else { 0.0 };
            (
                c,
                t,
                format!(
                    "decided: {} (the call needed: {})",
                    got.label(),
                    want.label()
                ),
            )
        }
        (
            Expect::Assessed {
                element,
                judgement: want,
                facts: need,
            },
            Action::Assess {
                judgement: got,
                facts,
                ..
            },
        ) => {
            let j = judgement_credit(*want, *got);
            let cited = need.iter().filter(|f| facts.contains(f)).count();
            let share = if need.is_empty() {
                1.0
            } else {
                cited as f64 / need.len() as f64
            };
            let missing: Vec<&str> = need
                .iter()
                .filter(|f| !facts.contains(f))
                .filter_map(|f| sc.fact(f).map(|x| x.text.as_str()))
                .collect();
            let mut note = format!(
                "{} assessed {} (expected {})",
                element.label(),
                got.label(),
                want.label()
            );
            if !missing.is_empty() {
                note.push_str(&format!("; not cited: {}", missing.join("; ")));
            }
            // Citing everything says nothing about why: more than twice the facts needed (and
            // one spare) halves the credit.
            let mut credit = j * share;
            if !need.is_empty() && facts.len() > 2 * need.len() + 1 {
                credit *= 0.5;
                note.push_str(&format!(
                    "; {} facts cited where {} carry it: say which facts the judgement rests on",
                    facts.len(),
                    need.len()
                ));
            }
            (credit, t, note)
        }
        _ => return None,
    })
}

fn judgement_credit(want: Judgement, got: Judgement) -> f64 {
    if got == want {
        1.0
    } else if got > want {
        0.5
    } else {
        0.0
    }
}

/// A short description of an expectation, in the scenario's words.
pub fn describe(e: &Expect, sc: &Scenario) -> String {
    match e {
        Expect::Asked(q) => match sc.question(q) {
            Some(q) => format!("asked \"{}\"", q.text),
            None => format!("asked {q}"),
        },
        Expect::Checked(c) => match sc.check(c) {
            Some(c) => format!("checked: {}", c.text),
            None => format!("checked {c}"),
        },
        Expect::Advised(a) => match sc.advice(a) {
            Some(a) => format!("advised \"{}\"", a.text),
            None => format!("advised {a}"),
        },
        Expect::Recorded(f) => match sc.fact(f) {
            Some(f) => format!("recorded: {}", f.text),
            None => format!("recorded {f}"),
        },
        Expect::Assessed {
            element, judgement, ..
        } => {
            format!("assessed {} as {}", element.label(), judgement.label())
        }
        Expect::Graded(g) => format!("graded {}", g.meaning()),
        Expect::Rcrp(r) => format!("RCRP decision: {}", r.label()),
        Expect::Notified(p) => format!("told the {}", p.label()),
        Expect::Closed => "closed the call".to_string(),
        Expect::Never(inner) => format!("never {}", describe(inner, sc)),
    }
}

/// Milliseconds as seconds for people, e.g. "42.5 s".
pub fn secs(ms: u64) -> String {
    if ms.is_multiple_of(1000) {
        format!("{} s", ms / 1000)
    } else {
        format!("{}.{} s", ms / 1000, (ms % 1000) / 100)
    }
}
