//! What a trainee does, and the replayable log of a session: the scenario id and version, the
//! mode, the trainee and every action with its time in integer milliseconds from call answer.
//! Playing the same log gives the same result, headless or in a window.

use super::error::LoadError;
use super::mode::Mode;
use super::response::{Grade, Partner, Responder};
use super::thrive::{Judgement, Thrive};
use serde::{Deserialize, Serialize};
use std::path::Path;

/// One thing the trainee does.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Action {
    /// Ask the caller a question (by the scenario's question id).
    Ask(String),
    /// Say a question in the trainee's own words (typed questions, the list switched off): the
    /// text typed and the question it matched (`None`: the caller did not understand). Replaying
    /// checks the match, so a log cannot claim one the text does not make.
    Say {
        text: String,
        matched: Option<String>,
    },
    /// Give the caller advice (by the scenario's advice id).
    Advise(String),
    /// Write a fact that has come up into the incident log.
    Record(String),
    /// Run a check on force systems (by the scenario's check id); once per check.
    Check(String),
    /// Assess one THRIVE element: a judgement and the facts it rests on.
    Assess {
        element: Thrive,
        judgement: Judgement,
        facts: Vec<String>,
    },
    /// Grade the incident (may be re-graded later).
    Grade(Grade),
    /// The Right Care Right Person decision (may be changed later).
    Rcrp(Responder),
    /// Tell a partner agency.
    Notify(Partner),
    /// Close the call.
    Close,
    /// Stop the scenario (a trainee may always stop a harrowing call). Recorded, not passed.
    Stop,
}

/// An action at a time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Milliseconds from call answer.
    pub t_ms: u64,
    pub action: Action,
}

/// A recorded session (`*.log.ron`, and the model and flawed logs in `scenarios/training/logs/`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionLog {
    /// The scenario's id.
    pub scenario: String,
    /// The scenario's version the log was recorded against.
    pub version: u32,
    pub mode: Mode,
    /// Who played it (a name or staff number).
    pub trainee: String,
    /// Typed questions: the question list was switched off and the trainee typed what they
    /// would say (assessment of recall, not recognition).
    #[serde(default)]
    pub typed: bool,
    /// Every accepted action, in time order.
    pub actions: Vec<Step>,
}

impl ActionLog {
    pub fn load(path: &Path) -> Result<ActionLog, LoadError> {
        let log: ActionLog = super::ron_file::load(path)?;
        if log.actions.len() > MAX_ACTIONS {
            return Err(LoadError::Invalid {
                path: path.to_path_buf(),
                message: too_many(log.actions.len()),
            });
        }
        Ok(log)
    }

    pub fn to_ron(&self) -> Result<String, ron::Error> {
        super::ron_file::to_pretty(self)
    }
}

/// The most actions a log may hold: an hour's call at one action a second is 3,600, and every
/// action takes at least a second of call time.
pub const MAX_ACTIONS: usize = 5_000;

/// The message for a log longer than [`MAX_ACTIONS`].
pub fn too_many(n: usize) -> String {
    format!(
        "actions: {n} actions; a log holds at most {MAX_ACTIONS} (every action takes at least a \
         second of call time, and no call runs for more than an hour)"
    )
}

/// How long each kind of action takes on the call, in ms: the next action can start only when
/// it is done, so everything-at-once costs call time the caller's script does not wait for.
pub mod duration {
    /// Asking a question and hearing the answer.
    pub const ASK_MS: u64 = 3_000;
    /// Giving advice and hearing the reply.
    pub const ADVISE_MS: u64 = 3_000;
    /// Running a check on force systems.
    pub const CHECK_MS: u64 = 4_000;
    /// Writing a fact into the incident log.
    pub const RECORD_MS: u64 = 1_000;
    /// Recording a THRIVE judgement and its reasons.
    pub const ASSESS_MS: u64 = 2_000;
    /// Setting a grade or an RCRP decision.
    pub const DECIDE_MS: u64 = 1_000;
    /// Telling a partner agency.
    pub const NOTIFY_MS: u64 = 3_000;
}

impl Action {
    /// The call time this action takes (see [`duration`]).
    pub fn duration_ms(&self) -> u64 {
        use duration::*;
        match self {
            Action::Ask(_) | Action::Say { .. } => ASK_MS,
            Action::Advise(_) => ADVISE_MS,
            Action::Check(_) => CHECK_MS,
            Action::Record(_) => RECORD_MS,
            Action::Assess { .. } => ASSESS_MS,
            Action::Grade(_) | Action::Rcrp(_) => DECIDE_MS,
            Action::Notify(_) => NOTIFY_MS,
            Action::Close | Action::Stop => 0,
        }
    }

    /// The question this action puts to the caller, if any (listed or typed and matched).
    pub fn question(&self) -> Option<&str> {
        match self {
            Action::Ask(q) => Some(q),
            Action::Say {
                matched: Some(q), ..
            } => Some(q),
            _ => None,
        }
    }

    /// The action in words, in the scenario's and the force's terms (for a menu or a transcript).
    pub fn label(&self, sc: &super::Scenario, force: &super::ForceProfile) -> String {
        match self {
            Action::Ask(id) => match sc.question(id) {
                Some(q) => format!("Ask: {}", q.text),
                None => format!("Ask: {id}"),
            },
            Action::Say { text, matched } => {
                match matched.as_deref().and_then(|q| sc.question(q)) {
                    Some(q) => format!("Say: \"{text}\" (asks: {})", q.text),
                    None => format!("Say: \"{text}\" (not understood)"),
                }
            }
            Action::Advise(id) => match sc.advice(id) {
                Some(a) => format!("Advise: {}", a.text),
                None => format!("Advise: {id}"),
            },
            Action::Check(id) => match sc.check(id) {
                Some(c) => format!("Check: {}", c.text),
                None => format!("Check: {id}"),
            },
            Action::Record(id) => match sc.fact(id) {
                Some(f) => format!("Record: {}", f.text),
                None => format!("Record: {id}"),
            },
            Action::Assess {
                element,
                judgement,
                facts,
            } => {
                let cited: Vec<&str> = facts
                    .iter()
                    .map(|f| sc.fact(f).map_or(f.as_str(), |x| x.text.as_str()))
                    .collect();
                let because = if cited.is_empty() {
                    "no facts cited".into()
                } else {
                    cited.join("; ")
                };
                format!(
                    "THRIVE {}: {} ({because})",
                    element.label(),
                    judgement.label()
                )
            }
            Action::Grade(g) => format!("Grade: {}", force.grade_label(*g)),
            Action::Rcrp(r) => format!("RCRP: {}", force.responder_name(*r)),
            Action::Notify(p) => format!("Tell partner: {}", force.partner_name(*p)),
            Action::Close => "Close the call".into(),
            Action::Stop => "Stop the scenario".into(),
        }
    }
}
