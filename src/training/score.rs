//! Scoring: each rubric item against what happened in the call, then the score out of 100,
//! pass or fail, critical misses, time to location and to grade, the per-competency breakdown and
//! information captured apart from procedure followed. A pure function of the call record.

use super::action::{Action, ActionLog, Step};
use super::debrief::{self, Debrief};
use super::framework::Cvf;
use super::rubric::{Expect, Item};
use super::scenario::Scenario;
use super::script::Ending;
use super::session::{CallRecord, ClosedBy, Mode};
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

/// A CVF level for the breakdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Level {
    NotYetMet,
    Met,
    Exceeded,
}

impl Level {
    pub fn label(self) -> &'static str {
        match self {
            Level::NotYetMet => "not yet met",
            Level::Met => "met",
            Level::Exceeded => "exceeded",
        }
    }
}

/// A share of items: information captured, or procedure followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Share {
    pub met: u32,
    pub total: u32,
}

impl Share {
    /// Whole per cent (100 when there is nothing to measure).
    pub fn pct(self) -> u32 {
        (self.met * 100).checked_div(self.total).unwrap_or(100)
    }
}

/// The end result of a session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    pub scenario: String,
    pub version: u32,
    pub mode: Mode,
    pub trainee: String,
    pub closed_ms: u64,
    pub closed_by: ClosedBy,
    pub caller_gone: Option<(u64, Ending)>,
    /// 0–100.
    pub score: u32,
    pub pass_mark: u32,
    pub passed: bool,
    /// Ids of critical items missed.
    pub critical_misses: Vec<String>,
    pub time_to_location_ms: Option<u64>,
    pub time_to_grade_ms: Option<u64>,
    /// Rubric items about facts captured.
    pub information: Share,
    /// All other rubric items.
    pub procedure: Share,
    /// Each CVF heading the rubric evidences, with its level.
    pub competencies: Vec<(Cvf, Level)>,
    /// Every rubric item, in file order.
    pub items: Vec<ItemResult>,
    pub debrief: Debrief,
    /// The replayable log.
    pub log: ActionLog,
}

/// Score a finished call.
pub fn outcome(sc: &Scenario, mode: Mode, trainee: &str, rec: &CallRecord) -> Outcome {
    let (closed_ms, closed_by) = rec
        .closed
        .unwrap_or((sc.time_limit_ms, ClosedBy::TimeLimit));
    let items: Vec<ItemResult> = sc
        .rubric
        .iter()
        .map(|i| evaluate(i, sc, rec, mode, closed_ms))
        .collect();
    let applicable = || {
        sc.rubric
            .iter()
            .zip(&items)
            .filter(|(_, r)| r.status != Status::NotApplicable)
    };
    let total: f64 = applicable().map(|(i, _)| f64::from(i.weight)).sum();
    let earned: f64 = applicable()
        .map(|(i, r)| f64::from(i.weight) * r.credit)
        .sum();
    let score = if total > 0.0 {
        (100.0 * earned / total).round() as u32
    } else {
        0
    };
    let critical_misses: Vec<String> = items
        .iter()
        .filter(|r| r.critical_miss)
        .map(|r| r.id.clone())
        .collect();
    let passed =
        score >= sc.pass_mark && critical_misses.is_empty() && closed_by != ClosedBy::Stopped;
    let share = |info: bool| {
        let mut s = Share { met: 0, total: 0 };
        for (_, r) in applicable().filter(|(i, _)| i.expect.is_information() == info) {
            s.total += 1;
            s.met += u32::from(r.status == Status::Met);
        }
        s
    };
    let competencies = Cvf::ALL
        .iter()
        .filter_map(|&c| {
            let mine: Vec<_> = applicable().filter(|(i, _)| i.competency == c).collect();
            if mine.is_empty() {
                return None;
            }
            let w: f64 = mine.iter().map(|(i, _)| f64::from(i.weight)).sum();
            let e: f64 = mine
                .iter()
                .map(|(i, r)| f64::from(i.weight) * r.credit)
                .sum();
            let ratio = e / w;
            let level = if mine.iter().any(|(_, r)| r.critical_miss) || ratio < 0.75 {
                Level::NotYetMet
            } else if ratio >= 0.999 && mine.iter().all(|(_, r)| !r.late) {
                Level::Exceeded
            } else {
                Level::Met
            };
            Some((c, level))
        })
        .collect();
    let first =
        |pred: &dyn Fn(&Action) -> bool| rec.steps.iter().find(|s| pred(&s.action)).map(|s| s.t_ms);
    let is_location = |f: &String| sc.fact(f).is_some_and(|f| f.location);
    let time_to_location_ms = first(&|a| match a {
        Action::Record(f) => is_location(f),
        Action::Assess { facts, .. } => facts.iter().any(is_location),
        _ => false,
    });
    let time_to_grade_ms = first(&|a| matches!(a, Action::Grade(_)));
    let information = share(true);
    let procedure = share(false);
    let debrief = debrief::build(sc, &items);
    Outcome {
        scenario: sc.id.clone(),
        version: sc.version,
        mode,
        trainee: trainee.to_string(),
        closed_ms,
        closed_by,
        caller_gone: rec.caller_gone,
        score,
        pass_mark: sc.pass_mark,
        passed,
        critical_misses,
        time_to_location_ms,
        time_to_grade_ms,
        information,
        procedure,
        competencies,
        items,
        debrief,
        log: ActionLog {
            scenario: sc.id.clone(),
            version: sc.version,
            mode,
            trainee: trainee.to_string(),
            actions: rec.steps.clone(),
        },
    }
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
                    _ => format!("not done: {}", describe(other, sc)),
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
