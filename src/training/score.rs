//! Scoring: each rubric item against what happened in the call (decisions made before their
//! evidence are guesses; items guidance orders must come in order), then the score out of 100 —
//! the rubric's share less the marks prioritisation lost — pass or fail, critical misses, time to
//! location and to grade, the per-competency breakdown, and three dimensions: information
//! captured, procedure followed and prioritisation. A pure function of the call record.

use super::action::{Action, ActionLog};
use super::debrief::{self, Debrief};
use super::framework::Cvf;
pub use super::marking::{ItemResult, Status, apply_order, clock, evaluate, secs};
use super::mode::Mode;
use super::prioritisation::{self, Prioritisation};
use super::record::{CallRecord, ClosedBy};
use super::scenario::Scenario;
use super::script::Ending;
use serde::{Deserialize, Serialize};

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
    /// 0–100: the rubric's share less the marks prioritisation lost.
    pub score: u32,
    /// 0–100: the weighted share of the rubric met, before prioritisation.
    pub rubric_score: u32,
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
    /// Actions that did not help the call, and the marks they cost.
    pub prioritisation: Prioritisation,
    /// Ids of rubric items whose deciding action was a guess (before its evidence was known).
    pub guesses: Vec<String>,
    /// Each CVF heading the rubric evidences, with its level.
    pub competencies: Vec<(Cvf, Level)>,
    /// Every rubric item, in file order.
    pub items: Vec<ItemResult>,
    pub debrief: Debrief,
    /// The replayable log.
    pub log: ActionLog,
}

/// Score a finished call. `log` says who played it, in which mode, and holds its actions.
pub fn outcome(sc: &Scenario, log: &ActionLog, rec: &CallRecord) -> Outcome {
    let mode = log.mode;
    let (closed_ms, closed_by) = rec
        .closed
        .unwrap_or((sc.time_limit_ms, ClosedBy::TimeLimit));
    let mut items: Vec<ItemResult> = sc
        .rubric
        .iter()
        .map(|i| evaluate(i, sc, rec, mode, closed_ms))
        .collect();
    apply_order(sc, rec, &mut items);
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
    // Rounded down, so 100 means every applicable item was met in full.
    let rubric_score = if total > 0.0 {
        (100.0 * earned / total + 1e-9).floor() as u32
    } else {
        0
    };
    let prioritisation = prioritisation::assess(sc, rec);
    let score = rubric_score.saturating_sub(prioritisation.marks_lost);
    let guesses: Vec<String> = items
        .iter()
        .filter(|r| r.guess)
        .map(|r| r.id.clone())
        .collect();
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
        trainee: log.trainee.clone(),
        closed_ms,
        closed_by,
        caller_gone: rec.caller_gone,
        score,
        rubric_score,
        pass_mark: sc.pass_mark,
        passed,
        critical_misses,
        time_to_location_ms,
        time_to_grade_ms,
        information,
        procedure,
        prioritisation,
        guesses,
        competencies,
        items,
        debrief,
        log: ActionLog {
            actions: rec.steps.clone(),
            ..log.clone()
        },
    }
}
