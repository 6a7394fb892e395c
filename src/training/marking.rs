//! Marking one rubric item against the call record: met, partly met, missed or not applicable,
//! when, whether late, and a sentence saying what happened. Under-grading earns nothing; over-
//! grading earns half.

use super::action::{Action, Step};
use super::record::{CallRecord, ClosedBy};
use super::rubric::{Expect, Item};
use super::scenario::Scenario;
use super::session::Mode;
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
    /// What happened, in a sentence.
    pub note: String,
}

/// Score one item as things stand at `end_ms` (the close of the call, or now mid-call).
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
        note: String::new(),
    };
    let start = match &item.after {
        None => 0,
        Some(line) => match rec.line_at(line) {
            Some(t) => t,
            None => {
                r.status = Status::NotApplicable;
                r.note = format!("did not apply: the call never reached '{line}'");
                return r;
            }
        },
    };
    let deadline = item.within_ms.map(|w| start.saturating_add(w));
    let strict = mode == Mode::Assessment;
    let limit = match deadline {
        Some(d) if strict => d.min(end_ms),
        _ => end_ms,
    };
    let window = |to: u64| {
        rec.steps
            .iter()
            .filter(move |s| s.t_ms >= start && s.t_ms <= to)
    };
    match &item.expect {
        Expect::Never(inner) => match first_time(inner, window(end_ms), rec) {
            Some(t) => {
                r.at_ms = Some(t);
                r.note = format!("at {}: {}", secs(t), describe(inner, sc));
            }
            None => {
                r.status = Status::Met;
                r.credit = 1.0;
                r.note = format!("avoided: {}", describe(inner, sc));
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
                    r.credit = credit;
                    r.at_ms = Some(t);
                    r.note = note;
                    r.status = if credit >= 1.0 {
                        Status::Met
                    } else if credit > 0.0 {
                        Status::PartlyMet
                    } else {
                        Status::Missed
                    };
                }
            }
        }
        other => match first_time(other, window(limit), rec) {
            Some(t) => {
                r.status = Status::Met;
                r.credit = 1.0;
                r.at_ms = Some(t);
                r.note = format!("at {}: {}", secs(t), describe(other, sc));
            }
            None => {
                r.note = match deadline {
                    Some(d) if strict && first_time(other, window(end_ms), rec).is_some() => {
                        format!("too late (target {}): {}", secs(d), describe(other, sc))
                    }
                    _ => format!("expected, not done — {}", describe(other, sc)),
                }
            }
        },
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
        (Expect::Asked(q), Action::Ask(x)) => q == x,
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
            (j * share, t, note)
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
