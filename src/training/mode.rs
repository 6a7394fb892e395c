//! Practice or assessment: the one setting every part of the trainer reads (the session, the
//! log, marking, results), kept apart so none of them has to reach into the session for it.

use serde::{Deserialize, Serialize};

/// Practice: hints and feedback as it happens; timing targets reported but not enforced.
/// Assessment: no hints or feedback, strict timing, the result recorded for the assessor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Mode {
    Practice,
    Assessment,
}

impl Mode {
    pub fn label(self) -> &'static str {
        match self {
            Mode::Practice => "practice",
            Mode::Assessment => "assessment",
        }
    }
}
