//! A paid break in a shift: the model's shifts and the rostering rules both name them.

use serde::{Deserialize, Serialize};

/// A paid break, taken this many hours into the shift (or when the call in hand ends).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Break {
    pub after_hours: f64,
    pub minutes: f64,
    /// The team's breaks start one after another over this many minutes (0 = all at once).
    #[serde(default = "default_stagger")]
    pub stagger_minutes: f64,
}

fn default_stagger() -> f64 {
    60.0
}
