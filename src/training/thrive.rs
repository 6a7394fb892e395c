//! THRIVE: Threat, Harm, Risk, Investigation, Vulnerability, Engagement — the assessment a call
//! handler makes at the point of contact, and re-makes whenever circumstances change.

use serde::{Deserialize, Serialize};

/// One THRIVE element.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Thrive {
    Threat,
    Harm,
    Risk,
    Investigation,
    Vulnerability,
    Engagement,
}

impl Thrive {
    pub const ALL: [Thrive; 6] = [
        Thrive::Threat,
        Thrive::Harm,
        Thrive::Risk,
        Thrive::Investigation,
        Thrive::Vulnerability,
        Thrive::Engagement,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Thrive::Threat => "Threat",
            Thrive::Harm => "Harm",
            Thrive::Risk => "Risk",
            Thrive::Investigation => "Investigation",
            Thrive::Vulnerability => "Vulnerability",
            Thrive::Engagement => "Engagement",
        }
    }
}

/// The judgement on one element: how much concern it gives (ordered low to high). For
/// Investigation it is how much there is to secure now; for Engagement how much the response
/// depends on keeping the caller engaged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Judgement {
    Low,
    Medium,
    High,
}

impl Judgement {
    pub const ALL: [Judgement; 3] = [Judgement::Low, Judgement::Medium, Judgement::High];

    pub fn label(self) -> &'static str {
        match self {
            Judgement::Low => "low",
            Judgement::Medium => "medium",
            Judgement::High => "high",
        }
    }
}
