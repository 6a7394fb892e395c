//! What a trainee does, and the replayable log of a session: the scenario id and version, the
//! mode, the trainee and every action with its time in integer milliseconds from call answer.
//! Playing the same log gives the same result, headless or in a window.

use super::error::LoadError;
use super::response::{Grade, Partner, Responder};
use super::session::Mode;
use super::thrive::{Judgement, Thrive};
use serde::{Deserialize, Serialize};
use std::path::Path;

/// One thing the trainee does.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Action {
    /// Ask the caller a question (by the scenario's question id).
    Ask(String),
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
    /// Every accepted action, in time order.
    pub actions: Vec<Step>,
}

impl ActionLog {
    pub fn load(path: &Path) -> Result<ActionLog, LoadError> {
        super::ron_file::load(path)
    }

    pub fn to_ron(&self) -> Result<String, ron::Error> {
        super::ron_file::to_pretty(self)
    }
}

impl Action {
    /// The action in words, in the scenario's and the force's terms (for a menu or a transcript).
    pub fn label(&self, sc: &super::Scenario, force: &super::ForceProfile) -> String {
        match self {
            Action::Ask(id) => match sc.question(id) {
                Some(q) => format!("Ask: {}", q.text),
                None => format!("Ask: {id}"),
            },
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
