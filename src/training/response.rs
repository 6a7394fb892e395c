//! The response a call handler decides: the grade (by meaning, not one force's label), the Right
//! Care Right Person decision on who responds, and the partner agencies told about the incident.

use serde::{Deserialize, Serialize};

/// A grade by its meaning. Ordered from least to most urgent, so `a < b` means `a` under-grades
/// a call that needs `b`. Each force names them in its [`crate::training::ForceProfile`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Grade {
    /// Resolved by phone, advice or referral elsewhere; no deployment.
    ResolutionWithoutDeployment,
    /// An appointment, usually within 48 hours.
    Scheduled,
    /// Urgent but not an emergency (≈60 minutes).
    Priority,
    /// Danger to life, violence used or threatened, serious crime in progress (≈15 min urban).
    Emergency,
}

impl Grade {
    pub const ALL: [Grade; 4] = [
        Grade::Emergency,
        Grade::Priority,
        Grade::Scheduled,
        Grade::ResolutionWithoutDeployment,
    ];

    /// The meaning, for when no force profile is to hand.
    pub fn meaning(self) -> &'static str {
        match self {
            Grade::Emergency => "emergency",
            Grade::Priority => "priority",
            Grade::Scheduled => "scheduled",
            Grade::ResolutionWithoutDeployment => "resolution without deployment",
        }
    }
}

/// The Right Care Right Person decision: who should respond.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Responder {
    /// Police respond: a crime, or a real and immediate risk to life or of serious harm.
    Police,
    /// Ambulance or health services respond (medical incident, mental-health need).
    Health,
    /// Another agency responds (social care, the council, highways, fire and rescue).
    OtherAgency,
    /// Nobody is sent; the caller is signposted to the right service.
    Signpost,
}

impl Responder {
    pub const ALL: [Responder; 4] = [
        Responder::Police,
        Responder::Health,
        Responder::OtherAgency,
        Responder::Signpost,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Responder::Police => "police respond",
            Responder::Health => "ambulance / health respond",
            Responder::OtherAgency => "another agency responds",
            Responder::Signpost => "signpost the caller",
        }
    }
}

/// A partner agency the call handler can tell about the incident (by role; each force names its
/// own services in the force profile).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Partner {
    Ambulance,
    FireRescue,
    MentalHealth,
    AdultSocialCare,
    ChildrenSocialCare,
    Highways,
    LocalAuthority,
    Hospital,
}

impl Partner {
    pub const ALL: [Partner; 8] = [
        Partner::Ambulance,
        Partner::FireRescue,
        Partner::MentalHealth,
        Partner::AdultSocialCare,
        Partner::ChildrenSocialCare,
        Partner::Highways,
        Partner::LocalAuthority,
        Partner::Hospital,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Partner::Ambulance => "ambulance service",
            Partner::FireRescue => "fire and rescue service",
            Partner::MentalHealth => "mental-health crisis team",
            Partner::AdultSocialCare => "adult social care",
            Partner::ChildrenSocialCare => "children's social care",
            Partner::Highways => "highways authority",
            Partner::LocalAuthority => "local council",
            Partner::Hospital => "hospital or ward",
        }
    }
}
