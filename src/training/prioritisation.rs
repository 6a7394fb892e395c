//! Prioritisation: every action takes call time, so actions that did not help the call cost
//! marks — a question this call did not need, one asked again with nothing new said since,
//! advice that does not fit, a check that was not needed, a partner service the call did not
//! need (they are real services, taken from other emergencies), a typed question the caller
//! could not follow. Scored apart from information captured and procedure followed.

use super::action::{Action, Step};
use super::record::CallRecord;
use super::response::Partner;
use super::rubric::Expect;
use super::scenario::Scenario;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Why an action did not help.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum WasteKind {
    /// A question this call did not need.
    UnneededQuestion,
    /// The same question or advice again, with nothing new said by the caller since.
    Repeat,
    /// Advice that does not fit this call.
    UnfittingAdvice,
    /// A check this call did not need.
    UnneededCheck,
    /// A partner service this call did not need.
    UnneededPartner,
    /// A typed question the caller could not follow.
    NotUnderstood,
}

impl WasteKind {
    pub const ALL: [WasteKind; 6] = [
        WasteKind::UnneededQuestion,
        WasteKind::Repeat,
        WasteKind::UnfittingAdvice,
        WasteKind::UnneededCheck,
        WasteKind::UnneededPartner,
        WasteKind::NotUnderstood,
    ];

    /// "9 questions did not help" — the phrase after the count.
    pub fn phrase(self, n: usize) -> &'static str {
        match (self, n == 1) {
            (WasteKind::UnneededQuestion, true) => "question did not help this call",
            (WasteKind::UnneededQuestion, false) => "questions did not help this call",
            (WasteKind::Repeat, true) => "repeat, with nothing new said since",
            (WasteKind::Repeat, false) => "repeats, with nothing new said since",
            (WasteKind::UnfittingAdvice, true) => "piece of advice did not fit this call",
            (WasteKind::UnfittingAdvice, false) => "pieces of advice did not fit this call",
            (WasteKind::UnneededCheck, true) => "check was not needed",
            (WasteKind::UnneededCheck, false) => "checks were not needed",
            (WasteKind::UnneededPartner, true) => "partner service told that the call did not need",
            (WasteKind::UnneededPartner, false) => {
                "partner services told that the call did not need"
            }
            (WasteKind::NotUnderstood, true) => "typed question the caller could not follow",
            (WasteKind::NotUnderstood, false) => "typed questions the caller could not follow",
        }
    }
}

/// One action that did not help.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Waste {
    pub t_ms: u64,
    pub kind: WasteKind,
    /// The action, in the scenario's words.
    pub what: String,
    /// The call time it took.
    pub took_ms: u64,
}

/// The prioritisation dimension of a score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Prioritisation {
    pub wasted: Vec<Waste>,
    /// Marks taken off the score (the scenario's `waste_marks` for each).
    pub marks_lost: u32,
    /// Call time the wasted actions took.
    pub time_lost_ms: u64,
    /// Why time matters on this call (the scenario's `pace`).
    pub pace: Option<String>,
}

impl Prioritisation {
    /// 100 less the marks lost, never below 0.
    pub fn pct(&self) -> u32 {
        100u32.saturating_sub(self.marks_lost)
    }

    /// How many wasted actions of each kind, in a fixed order, kinds with none left out.
    pub fn counts(&self) -> Vec<(WasteKind, usize)> {
        WasteKind::ALL
            .iter()
            .map(|&k| (k, self.wasted.iter().filter(|w| w.kind == k).count()))
            .filter(|&(_, n)| n > 0)
            .collect()
    }

    /// The debrief's summary: "9 questions did not help this call; a whispering caller has
    /// seconds", or that nothing was wasted.
    pub fn summary(&self) -> String {
        if self.wasted.is_empty() {
            return "every action helped the call".into();
        }
        let parts: Vec<String> = self
            .counts()
            .iter()
            .map(|&(k, n)| format!("{n} {}", k.phrase(n)))
            .collect();
        let mut s = parts.join("; ");
        if let Some(p) = &self.pace {
            s.push_str(&format!("; {p}"));
        }
        s
    }
}

/// Whether this call needs the partner, or may reasonably tell it.
pub fn partner_ok(sc: &Scenario, p: Partner) -> bool {
    partners_ok(sc).contains(&p)
}

/// The partners this call needs or may reasonably be told.
fn partners_ok(sc: &Scenario) -> Vec<Partner> {
    let mut ok = sc.partners_acceptable.clone();
    ok.extend(sc.rubric.iter().filter_map(|i| match &i.expect {
        Expect::Notified(p) => Some(*p),
        _ => None,
    }));
    ok
}

/// The key a repeat is judged by: the same question (listed or typed), advice or partner.
fn repeat_key(a: &Action) -> Option<String> {
    match a {
        Action::Advise(id) => Some(format!("advise:{id}")),
        Action::Notify(p) => Some(format!("notify:{p:?}")),
        other => other.question().map(|q| format!("ask:{q}")),
    }
}

/// Score the prioritisation of a call: linear in the number of actions.
pub fn assess(sc: &Scenario, rec: &CallRecord) -> Prioritisation {
    let ok = partners_ok(sc);
    // The time of the latest script line said before each step decides what is "new".
    let line_times: Vec<u64> = rec.lines.iter().map(|&(_, t)| t).collect();
    let last_line_before = |t: u64| line_times.iter().copied().filter(|&x| x <= t).max();
    let mut last_use: BTreeMap<String, u64> = BTreeMap::new();
    let mut wasted = Vec::new();
    let mut waste = |s: &Step, kind: WasteKind| {
        wasted.push(Waste {
            t_ms: s.t_ms,
            kind,
            what: describe(sc, &s.action),
            took_ms: s.action.duration_ms(),
        })
    };
    for s in &rec.steps {
        let repeat = repeat_key(&s.action).is_some_and(|k| {
            let before = last_use.insert(k, s.t_ms);
            before.is_some_and(|prev| last_line_before(s.t_ms).is_none_or(|l| l <= prev))
        });
        let unneeded = match &s.action {
            Action::Say { matched: None, .. } => Some(WasteKind::NotUnderstood),
            Action::Advise(id) if sc.advice(id).is_some_and(|a| !a.relevant) => {
                Some(WasteKind::UnfittingAdvice)
            }
            Action::Check(id) if sc.check(id).is_some_and(|c| !c.relevant) => {
                Some(WasteKind::UnneededCheck)
            }
            Action::Notify(p) if !ok.contains(p) => Some(WasteKind::UnneededPartner),
            a => a
                .question()
                .and_then(|q| sc.question(q))
                .filter(|q| !q.relevant)
                .map(|_| WasteKind::UnneededQuestion),
        };
        match (unneeded, repeat) {
            (Some(kind), _) => waste(s, kind),
            (None, true) => waste(s, WasteKind::Repeat),
            (None, false) => {}
        }
    }
    let n = u32::try_from(wasted.len()).unwrap_or(u32::MAX);
    Prioritisation {
        marks_lost: n.saturating_mul(sc.waste_marks),
        time_lost_ms: wasted.iter().map(|w| w.took_ms).sum(),
        pace: sc.pace.clone(),
        wasted,
    }
}

/// An action in the scenario's words, without the force profile (grades are not wasted).
fn describe(sc: &Scenario, a: &Action) -> String {
    match a {
        Action::Say {
            text,
            matched: None,
        } => format!("\"{text}\""),
        Action::Advise(id) => sc
            .advice(id)
            .map_or(id.clone(), |x| format!("\"{}\"", x.text)),
        Action::Check(id) => sc.check(id).map_or(id.clone(), |x| x.text.clone()),
        Action::Notify(p) => p.label().to_string(),
        other => match other.question().and_then(|q| sc.question(q)) {
            Some(q) => format!("\"{}\"", q.text),
            None => format!("{other:?}"),
        },
    }
}
