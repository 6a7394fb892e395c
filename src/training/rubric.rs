//! The rubric: the decisions a call is marked against. Each item is one expected decision,
//! optionally within a time, with a weight, the CVF heading it evidences, the guidance it comes
//! from, its THRIVE element and NDM stage, and the feedback the debrief gives. Critical items fail
//! the call whatever the score.

use super::framework::{Cvf, Ndm};
use super::response::{Grade, Partner, Responder};
use super::thrive::{Judgement, Thrive};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: String,
    /// The expected decision.
    pub expect: Expect,
    /// Met only within this many milliseconds of the window start (call answer, or `after`).
    #[serde(default)]
    pub within_ms: Option<u64>,
    /// Only actions after this caller line count; if the line never comes the item does not apply.
    #[serde(default)]
    pub after: Option<String>,
    /// Only actions before this caller line count (the window closes when it is said); if the
    /// line never comes the window runs to the end of the call. Lets the right decision change
    /// mid-call: one item `until` a line, another `after` it.
    #[serde(default)]
    pub until: Option<String>,
    /// The facts the decision rests on. A decision made before all of them were known is a
    /// guess: it earns nothing, and the debrief says what was not yet known.
    #[serde(default)]
    pub evidence: Vec<String>,
    /// Rubric items this one must come before (guidance sets the order): met only if its
    /// deciding action is earlier than theirs (or they never happened).
    #[serde(default)]
    pub before: Vec<String>,
    /// For `Never` items: avoiding it earns credit only once the call has run this long in the
    /// item's window (the temptation must have arisen), and never in a call that was stopped.
    #[serde(default)]
    pub arises_ms: Option<u64>,
    /// Relative weight in the score (a positive whole number).
    pub weight: u32,
    /// Missing it fails the call whatever the score.
    #[serde(default)]
    pub critical: bool,
    /// The CVF heading it evidences.
    pub competency: Cvf,
    /// Ids of the guidance points it comes from (`scenarios/training/guidance.ron`).
    pub guidance: Vec<String>,
    /// The THRIVE element it belongs to, if any.
    #[serde(default)]
    pub thrive: Option<Thrive>,
    /// The NDM stage the debrief files it under.
    pub ndm: Ndm,
    /// What the debrief says about it: why it matters, what good looks like.
    pub feedback: String,
}

/// An expected decision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Expect {
    /// Asked this question.
    Asked(String),
    /// Gave this advice.
    Advised(String),
    /// Recorded this fact in the incident log (or cited it in a THRIVE assessment).
    Recorded(String),
    /// Ran this check on force systems.
    Checked(String),
    /// Assessed a THRIVE element at this judgement, citing these facts. The latest assessment
    /// in the window counts; a higher judgement earns half, a lower one nothing.
    Assessed {
        element: Thrive,
        judgement: Judgement,
        facts: Vec<String>,
    },
    /// Graded the call so. The latest grade in the window counts: over-grading earns half,
    /// under-grading nothing (and is a critical miss on a critical item).
    Graded(Grade),
    /// Made this Right Care Right Person decision (the latest in the window counts).
    Rcrp(Responder),
    /// Told this partner agency.
    Notified(Partner),
    /// Closed the call (rather than leaving it to run out).
    Closed,
    /// Never did this at any point of the call (e.g. a victim-blaming question).
    Never(Box<Expect>),
}

impl Expect {
    /// Whether the item measures information captured (as opposed to procedure followed).
    pub fn is_information(&self) -> bool {
        matches!(self, Expect::Recorded(_))
    }
}
