//! The session: a pure state machine that plays a scenario's caller to a trainee. Given the same
//! scenario and the same timestamped actions it produces the same caller lines and the same
//! result. It has no clock: the front-end (a window, the terminal, a replayed log) says what time
//! it is, in integer milliseconds from call answer.
//!
//! Drive it with [`Session::act`] for each trainee action and [`Session::advance`] as time passes
//! (timed caller lines, hang-ups, missed deadlines, the time limit); ask it what the trainee may do
//! with [`Session::available_actions`] and [`Session::known_facts`]; end it with
//! [`Session::finish`]. An action it refuses leaves it exactly as it was.
//!
//! ```
//! use controlroom::training::response::Grade;
//! use controlroom::training::{Action, Event, Mode, Scenario, Session};
//! let path = concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios/training/da-whisper-999.ron");
//! let scenario = Scenario::load(std::path::Path::new(path)).unwrap();
//! let mut session = Session::new(&scenario, Mode::Practice, "PC 4127").unwrap();
//! let opening = session.advance(0); // the caller's first line, and (practice) a hint
//! assert!(matches!(opening[0], Event::CallerSays { t_ms: 0, .. }));
//! session.act(3_000, Action::Ask("q-address".into())).unwrap();
//! assert!(session.available_actions().contains(&Action::Record("address".into())));
//! // Every action takes call time: asked at 3 s, the answer takes 3 s, so this record waits.
//! session.act(5_000, Action::Record("address".into())).unwrap();
//! let later = session.advance(30_000); // the caller carries on while the trainee decides
//! assert!(later.iter().any(|e| matches!(e, Event::CallerSays { t_ms: 28_000, .. })));
//! session.act(31_000, Action::Grade(Grade::Emergency)).unwrap();
//! let log = session.log(); // replayable: the same log always gives the same outcome
//! let outcome = session.finish(); // not closed, so the call runs on to its time limit
//! assert_eq!(outcome.time_to_location_ms, Some(6_000));
//! assert!(!outcome.passed);
//! assert_eq!(controlroom::training::replay::replay(&scenario, &log).unwrap(), outcome);
//! ```

use super::action::{Action, ActionLog};
use super::error::SessionError;
use super::response::{Grade, Partner, Responder};
use super::scenario::{Fact, Scenario};
use super::score::{self, Outcome};
use super::script::Ending;

mod apply;
mod feedback;
mod undo;

pub use super::record::{CallRecord, ClosedBy, Event};
use std::collections::BTreeSet;
use std::sync::Arc;

pub use super::mode::Mode;

/// A call in progress. Cheap to clone; owns its scenario (shared), so a UI can keep it anywhere.
#[derive(Debug, Clone)]
pub struct Session {
    scenario: Arc<Scenario>,
    mode: Mode,
    trainee: String,
    now_ms: u64,
    line: usize,
    line_at_ms: u64,
    engagement: i32,
    record: CallRecord,
    events: Vec<Event>,
    unread: usize,
    reported: BTreeSet<String>,
    typed: bool,
    busy_until_ms: u64,
    asked_ms: u64,
}

impl Session {
    /// Answer the call: the caller's opening line is delivered at 0 ms (read it with
    /// [`Session::advance`]`(0)` or from [`Session::transcript`]).
    pub fn new(scenario: &Scenario, mode: Mode, trainee: &str) -> Result<Session, SessionError> {
        let start = scenario
            .script
            .index(&scenario.script.start)
            .ok_or_else(|| SessionError::Unknown {
                kind: "start line",
                id: scenario.script.start.clone(),
            })?;
        let mut s = Session {
            scenario: Arc::new(scenario.clone()),
            mode,
            trainee: trainee.to_string(),
            now_ms: 0,
            line: start,
            line_at_ms: 0,
            engagement: scenario.script.engagement,
            record: CallRecord::default(),
            events: Vec::new(),
            unread: 0,
            reported: BTreeSet::new(),
            typed: false,
            busy_until_ms: 0,
            asked_ms: 0,
        };
        s.deliver(start, 0);
        Ok(s)
    }

    /// The same session with the question list switched off: the trainee types questions
    /// ([`Action::Say`]) and listed questions ([`Action::Ask`]) are refused.
    pub fn typed(mut self, typed: bool) -> Session {
        self.typed = typed;
        self
    }
    /// Whether the question list is off.
    pub fn is_typed(&self) -> bool {
        self.typed
    }
    /// Until when the trainee is busy with their last action: an action asked for earlier
    /// happens at this time (every action takes call time, [`Action::duration_ms`]).
    pub fn busy_until_ms(&self) -> u64 {
        self.busy_until_ms
    }

    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }
    pub fn mode(&self) -> Mode {
        self.mode
    }
    pub fn trainee(&self) -> &str {
        &self.trainee
    }
    pub fn now_ms(&self) -> u64 {
        self.now_ms
    }
    /// The caller's engagement, 0–100 (a UI may show it as a gauge in practice mode).
    pub fn engagement(&self) -> i32 {
        self.engagement
    }
    /// How distressed the caller sounds now (0 calm … 5 extreme), from their current line.
    pub fn distress(&self) -> u8 {
        self.scenario.script.lines[self.line].distress
    }
    pub fn is_closed(&self) -> bool {
        self.record.closed.is_some()
    }
    pub fn caller_on_line(&self) -> bool {
        self.record.caller_gone.is_none()
    }
    pub fn record(&self) -> &CallRecord {
        &self.record
    }
    /// Every event so far, in order.
    pub fn transcript(&self) -> &[Event] {
        &self.events
    }

    /// The replayable log of the session so far.
    pub fn log(&self) -> ActionLog {
        ActionLog {
            scenario: self.scenario.id.clone(),
            version: self.scenario.version,
            mode: self.mode,
            trainee: self.trainee.clone(),
            typed: self.typed,
            actions: self.record.steps.clone(),
        }
    }

    /// Let time pass to `t_ms`: timed caller lines, practice feedback on missed deadlines and the
    /// time limit. Returns every event not yet returned. A time in the past changes nothing.
    pub fn advance(&mut self, t_ms: u64) -> Vec<Event> {
        if t_ms > self.now_ms && !self.is_closed() {
            self.run_clock(t_ms);
        }
        self.asked_ms = self.asked_ms.max(t_ms.min(self.now_ms));
        self.take_unread()
    }

    /// The trainee acts at `t_ms`, or when their last action is done if that is later (every
    /// action takes call time). Time first advances to then; then the action is applied.
    /// Refused actions (call closed, time going backwards, past the time limit, not available)
    /// return an error and leave the session unchanged.
    pub fn act(&mut self, t_ms: u64, action: Action) -> Result<Vec<Event>, SessionError> {
        if let Some((closed_ms, _)) = self.record.closed {
            return Err(SessionError::CallClosed { t_ms, closed_ms });
        }
        // Time goes backwards only against what was asked for before: an action asked for
        // while the trainee was still busy waits its turn.
        if t_ms < self.asked_ms {
            return Err(SessionError::TimeWentBackwards {
                t_ms,
                now_ms: self.asked_ms,
            });
        }
        let asked_ms = t_ms;
        // A stop is at once; anything else waits for the last action to be done.
        let t_ms = match action {
            Action::Stop => t_ms.max(self.now_ms),
            _ => t_ms.max(self.busy_until_ms).max(self.now_ms),
        };
        let limit_ms = self.scenario.time_limit_ms;
        if t_ms > limit_ms {
            return Err(SessionError::PastTimeLimit { t_ms, limit_ms });
        }
        // A refused action leaves the session exactly as it was.
        let undo = self.checkpoint();
        if let Err(e) = self.try_act(t_ms, &action) {
            self.restore(undo);
            return Err(e);
        }
        self.busy_until_ms = t_ms.saturating_add(action.duration_ms());
        self.asked_ms = asked_ms;
        Ok(self.take_unread())
    }

    fn try_act(&mut self, t_ms: u64, action: &Action) -> Result<(), SessionError> {
        self.run_clock(t_ms);
        if let Some((closed_ms, _)) = self.record.closed {
            return Err(SessionError::CallClosed { t_ms, closed_ms });
        }
        self.apply(t_ms, action)
    }

    /// End the session: if the call is still open, time runs on to the time limit (the call is
    /// closed by it). Returns the scored outcome with its debrief.
    pub fn finish(mut self) -> Outcome {
        if !self.is_closed() {
            self.run_clock(self.scenario.time_limit_ms);
        }
        score::outcome(&self.scenario, &self.log(), &self.record)
    }

    /// The actions on offer now, except THRIVE assessments (any element, any judgement, citing
    /// any of [`Session::known_facts`]). Questions and advice only while the caller is on the line.
    pub fn available_actions(&self) -> Vec<Action> {
        if self.is_closed() {
            return Vec::new();
        }
        let sc = &self.scenario;
        let mut out = Vec::new();
        if self.caller_on_line() && !self.typed {
            out.extend(sc.questions.iter().map(|q| Action::Ask(q.id.clone())));
        }
        if self.caller_on_line() {
            out.extend(sc.advice.iter().map(|a| Action::Advise(a.id.clone())));
        }
        for c in &sc.checks {
            let action = Action::Check(c.id.clone());
            if !self.record.steps.iter().any(|s| s.action == action) {
                out.push(action);
            }
        }
        for (f, _) in &self.record.revealed {
            if !self
                .record
                .steps
                .iter()
                .any(|s| s.action == Action::Record(f.clone()))
            {
                out.push(Action::Record(f.clone()));
            }
        }
        out.extend(Grade::ALL.iter().map(|&g| Action::Grade(g)));
        out.extend(Responder::ALL.iter().map(|&r| Action::Rcrp(r)));
        out.extend(Partner::ALL.iter().map(|&p| Action::Notify(p)));
        out.push(Action::Close);
        out.push(Action::Stop);
        out
    }

    /// Facts that have come up so far, in the order they came up.
    pub fn known_facts(&self) -> Vec<&Fact> {
        self.record
            .revealed
            .iter()
            .filter_map(|(f, _)| self.scenario.fact(f))
            .collect()
    }

    fn take_unread(&mut self) -> Vec<Event> {
        let out = self.events[self.unread..].to_vec();
        self.unread = self.events.len();
        out
    }

    fn push(&mut self, e: Event) {
        self.events.push(e);
    }

    /// Move the clock to `t_ms`, firing timers, practice deadlines and the time limit in order.
    fn run_clock(&mut self, t_ms: u64) {
        let limit = self.scenario.time_limit_ms;
        let from_event = self.events.len();
        let before = self.now_ms;
        let end = t_ms.min(limit);
        while self.caller_on_line() {
            let line = &self.scenario.script.lines[self.line];
            let Some(after) = &line.after else { break };
            let due = self.line_at_ms.saturating_add(after.ms);
            if due > end {
                break;
            }
            let Some(next) = self.scenario.script.index(&after.goto) else {
                break;
            };
            self.deliver(next, due);
        }
        if self.mode == Mode::Practice {
            self.deadline_feedback(before, end);
        }
        self.events[from_event..].sort_by_key(Event::t_ms);
        self.now_ms = t_ms.max(self.now_ms);
        if t_ms >= limit && self.record.closed.is_none() {
            self.now_ms = limit;
            self.close(limit, ClosedBy::TimeLimit);
        }
    }

    fn close(&mut self, t_ms: u64, by: ClosedBy) {
        self.record.closed = Some((t_ms, by));
        self.push(Event::CallClosed { t_ms, by });
    }

    fn deliver(&mut self, line: usize, t_ms: u64) {
        let sc = Arc::clone(&self.scenario);
        let l = &sc.script.lines[line];
        self.line = line;
        self.line_at_ms = t_ms;
        self.record.lines.push((l.id.clone(), t_ms));
        self.push(Event::CallerSays {
            t_ms,
            line: Some(l.id.clone()),
            text: l.say.clone(),
            distress: l.distress,
        });
        self.reveal(&l.reveals, t_ms);
        if self.mode == Mode::Practice
            && let Some(h) = &l.hint
        {
            self.push(Event::Hint {
                t_ms,
                text: h.clone(),
            });
        }
        if let Some(ending) = l.ends {
            self.caller_leaves(t_ms, ending);
        }
    }

    fn caller_leaves(&mut self, t_ms: u64, ending: Ending) {
        if self.record.caller_gone.is_none() {
            self.record.caller_gone = Some((t_ms, ending));
            self.push(Event::CallerGone { t_ms, ending });
        }
    }

    fn reveal(&mut self, facts: &[String], t_ms: u64) {
        for f in facts {
            if self.record.is_revealed(f) {
                continue;
            }
            let Some(fact) = self.scenario.fact(f) else {
                continue;
            };
            let text = fact.text.clone();
            self.record.revealed.push((f.clone(), t_ms));
            self.push(Event::FactRevealed {
                t_ms,
                fact: f.clone(),
                text,
            });
        }
    }
}
