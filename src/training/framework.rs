//! The national frameworks a rubric item is filed under: the Competency and Values Framework
//! (CVF) headings and the stages of the National Decision Model (NDM).

use serde::{Deserialize, Serialize};

/// A CVF heading: the six competencies and the three values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Cvf {
    /// We are emotionally aware.
    EmotionallyAware,
    /// We take ownership.
    TakeOwnership,
    /// We are collaborative.
    Collaborative,
    /// We deliver, support and inspire.
    DeliverSupportInspire,
    /// We analyse critically.
    AnalyseCritically,
    /// We are innovative and open-minded.
    InnovativeOpenMinded,
    /// Value: courage.
    Courage,
    /// Value: respect and empathy.
    RespectEmpathy,
    /// Value: public service.
    PublicService,
}

impl Cvf {
    pub const ALL: [Cvf; 9] = [
        Cvf::EmotionallyAware,
        Cvf::TakeOwnership,
        Cvf::Collaborative,
        Cvf::DeliverSupportInspire,
        Cvf::AnalyseCritically,
        Cvf::InnovativeOpenMinded,
        Cvf::Courage,
        Cvf::RespectEmpathy,
        Cvf::PublicService,
    ];

    /// The heading as the framework words it.
    pub fn label(self) -> &'static str {
        match self {
            Cvf::EmotionallyAware => "We are emotionally aware",
            Cvf::TakeOwnership => "We take ownership",
            Cvf::Collaborative => "We are collaborative",
            Cvf::DeliverSupportInspire => "We deliver, support and inspire",
            Cvf::AnalyseCritically => "We analyse critically",
            Cvf::InnovativeOpenMinded => "We are innovative and open-minded",
            Cvf::Courage => "Courage (value)",
            Cvf::RespectEmpathy => "Respect and empathy (value)",
            Cvf::PublicService => "Public service (value)",
        }
    }

    /// A column-friendly key, e.g. `emotionally_aware`.
    pub fn key(self) -> &'static str {
        match self {
            Cvf::EmotionallyAware => "emotionally_aware",
            Cvf::TakeOwnership => "take_ownership",
            Cvf::Collaborative => "collaborative",
            Cvf::DeliverSupportInspire => "deliver_support_inspire",
            Cvf::AnalyseCritically => "analyse_critically",
            Cvf::InnovativeOpenMinded => "innovative_open_minded",
            Cvf::Courage => "courage",
            Cvf::RespectEmpathy => "respect_empathy",
            Cvf::PublicService => "public_service",
        }
    }
}

/// A stage of the National Decision Model, in the order a debrief walks them. The Code of Ethics
/// sits at the centre of the model and is listed first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Ndm {
    /// Code of Ethics: the values every decision is tested against.
    Ethics,
    /// Gather information and intelligence.
    GatherInformation,
    /// Assess threat and risk and develop a working strategy.
    AssessThreatRisk,
    /// Consider powers and policy.
    PowersPolicy,
    /// Identify options and contingencies.
    IdentifyOptions,
    /// Take action and review what happened.
    ActReview,
}

impl Ndm {
    pub const ALL: [Ndm; 6] = [
        Ndm::Ethics,
        Ndm::GatherInformation,
        Ndm::AssessThreatRisk,
        Ndm::PowersPolicy,
        Ndm::IdentifyOptions,
        Ndm::ActReview,
    ];

    /// The question a debrief asks at this stage.
    pub fn question(self) -> &'static str {
        match self {
            Ndm::Ethics => {
                "Was it right: respectful, fair, and in the caller's and the public's interest?"
            }
            Ndm::GatherInformation => {
                "What did you know, what did you need to know, and how did you find it out?"
            }
            Ndm::AssessThreatRisk => "What was the threat and the risk, to whom, and how soon?",
            Ndm::PowersPolicy => {
                "Who should respond, under what powers and policy (Right Care, Right Person)?"
            }
            Ndm::IdentifyOptions => "What could be done to keep people safe until help arrived?",
            Ndm::ActReview => {
                "What did you do and tell the caller, and what would you do differently?"
            }
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Ndm::Ethics => "Code of Ethics",
            Ndm::GatherInformation => "Gather information and intelligence",
            Ndm::AssessThreatRisk => "Assess threat and risk",
            Ndm::PowersPolicy => "Consider powers and policy",
            Ndm::IdentifyOptions => "Identify options and contingencies",
            Ndm::ActReview => "Take action and review",
        }
    }
}
