//! What happened in a call: the events the front-end shows, in time order, and the record that
//! scoring reads (accepted actions, lines delivered, facts revealed, how the call ended).

use super::action::Step;
use super::script::Ending;
use serde::{Deserialize, Serialize};

/// How the call was closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ClosedBy {
    /// The trainee closed it.
    Trainee,
    /// The scenario's time limit passed.
    TimeLimit,
    /// The trainee stopped the scenario.
    Stopped,
}

impl ClosedBy {
    pub fn label(self) -> &'static str {
        match self {
            ClosedBy::Trainee => "closed",
            ClosedBy::TimeLimit => "time_limit",
            ClosedBy::Stopped => "stopped",
        }
    }
}

/// Something the front-end shows or plays, in time order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Event {
    /// The caller speaks. `line` is the script line, or `None` for an answer to a question or a
    /// reply to advice that did not change the course of the call.
    CallerSays {
        t_ms: u64,
        line: Option<String>,
        text: String,
        distress: u8,
    },
    /// A fact has come up and can now be recorded and cited.
    FactRevealed {
        t_ms: u64,
        fact: String,
        text: String,
    },
    /// The result of a check on force systems.
    CheckResult {
        t_ms: u64,
        check: String,
        text: String,
    },
    /// Practice mode: a hint.
    Hint { t_ms: u64, text: String },
    /// Practice mode: a rubric item met (`good`) or missed, as it happens.
    Feedback {
        t_ms: u64,
        item: String,
        good: bool,
        text: String,
    },
    /// The caller is no longer on the line.
    CallerGone { t_ms: u64, ending: Ending },
    /// The call is over; call [`crate::training::Session::finish`] for the outcome.
    CallClosed { t_ms: u64, by: ClosedBy },
}

impl Event {
    pub fn t_ms(&self) -> u64 {
        match self {
            Event::CallerSays { t_ms, .. }
            | Event::FactRevealed { t_ms, .. }
            | Event::CheckResult { t_ms, .. }
            | Event::Hint { t_ms, .. }
            | Event::Feedback { t_ms, .. }
            | Event::CallerGone { t_ms, .. }
            | Event::CallClosed { t_ms, .. } => *t_ms,
        }
    }
}

/// What happened in the call, as scoring sees it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CallRecord {
    /// Every accepted action.
    pub steps: Vec<Step>,
    /// Script lines delivered: (line id, time).
    pub lines: Vec<(String, u64)>,
    /// Facts revealed: (fact id, first time).
    pub revealed: Vec<(String, u64)>,
    /// When and how the caller left the line.
    pub caller_gone: Option<(u64, Ending)>,
    /// When and how the call was closed.
    pub closed: Option<(u64, ClosedBy)>,
}

impl CallRecord {
    /// When a line was first delivered.
    pub fn line_at(&self, id: &str) -> Option<u64> {
        self.lines.iter().find(|(l, _)| l == id).map(|&(_, t)| t)
    }

    pub fn is_revealed(&self, fact: &str) -> bool {
        self.revealed.iter().any(|(f, _)| f == fact)
    }
}
