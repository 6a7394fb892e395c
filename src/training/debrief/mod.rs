//! The debrief: after a harrowing call it opens with a welfare check and where to find support,
//! kept apart from the learning points; then every rubric item, met or missed, with its feedback
//! and guidance, walked through in National Decision Model order.

use super::framework::{Cvf, Ndm};
use super::marking::{ItemResult, Status};
use super::scenario::Scenario;
use super::thrive::Thrive;
use serde::{Deserialize, Serialize};

mod view;

pub use view::{Mark, PointView, StageView, View, WelfareView, render, view};

/// The debrief's section headings, the same in the terminal and the window.
pub mod heading {
    pub const WELFARE: &str = "Welfare";
    pub const RESULT: &str = "Result";
    pub const WASTED: &str = "Actions that did not help";
    pub const GUESSES: &str = "Decisions made before the evidence";
    pub const COMPETENCIES: &str = "Competencies (CVF)";
    pub const NDM: &str = "Debrief, through the National Decision Model";
    pub const TIMELINE: &str = "Timeline: your decisions and the model answer";
    pub const YOU: &str = "You";
    pub const MODEL: &str = "Model answer";
    pub const NO_MODEL: &str = "Model answer (none saved)";
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Debrief {
    /// Present after a harrowing scenario; shown first, apart from the learning points.
    pub welfare: Option<Welfare>,
    /// The learning points, one group per NDM stage that has any, in NDM order.
    pub stages: Vec<Stage>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Welfare {
    /// The check-in, in words.
    pub check: String,
    /// What the call contained (its content warnings).
    pub contained: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stage {
    pub ndm: Ndm,
    pub points: Vec<Point>,
}

/// One rubric item in the debrief.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Point {
    pub item: String,
    pub status: Status,
    pub critical: bool,
    pub late: bool,
    pub at_ms: Option<u64>,
    /// What happened.
    pub note: String,
    /// The rubric's feedback text.
    pub feedback: String,
    /// Guidance point ids.
    pub guidance: Vec<String>,
    pub thrive: Option<Thrive>,
    pub competency: Cvf,
}

const WELFARE_CHECK: &str = "Before the learning points: this was a hard call to hear. How are \
you feeling? It is normal to be affected by calls like this, in training as on shift. Take a \
break before the next one if you need it, and talk to your trainer — you can stop any scenario \
at any time.";

/// Build the debrief from scored items.
pub fn build(sc: &Scenario, items: &[ItemResult]) -> Debrief {
    let welfare = sc.harrowing.then(|| Welfare {
        check: WELFARE_CHECK.to_string(),
        contained: sc.content_warnings.clone(),
    });
    let stages = Ndm::ALL
        .iter()
        .filter_map(|&ndm| {
            let points: Vec<Point> = sc
                .rubric
                .iter()
                .zip(items)
                .filter(|(i, _)| i.ndm == ndm)
                .map(|(i, r)| Point {
                    item: i.id.clone(),
                    status: r.status,
                    critical: i.critical,
                    late: r.late,
                    at_ms: r.at_ms,
                    note: r.note.clone(),
                    feedback: i.feedback.clone(),
                    guidance: i.guidance.clone(),
                    thrive: i.thrive,
                    competency: i.competency,
                })
                .collect();
            (!points.is_empty()).then_some(Stage { ndm, points })
        })
        .collect();
    Debrief { welfare, stages }
}
