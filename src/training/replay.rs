//! Replaying a recorded action log through a session: the same log gives the same outcome,
//! whether it was recorded in a window, in the terminal or written by hand.

use super::action::ActionLog;
use super::error::SessionError;
use super::scenario::Scenario;
use super::score::Outcome;
use super::session::Session;

/// Why a log cannot be replayed against a scenario.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReplayError {
    #[error("the log is for scenario '{found}', not '{expected}'")]
    WrongScenario { expected: String, found: String },
    #[error("the log is for version {found} of '{id}', but the scenario is version {expected}")]
    WrongVersion {
        id: String,
        expected: u32,
        found: u32,
    },
    #[error("actions[{index}] at {t_ms} ms: {source}")]
    Step {
        index: usize,
        t_ms: u64,
        source: SessionError,
    },
}

/// Play every action of `log` in order, then finish the session.
pub fn replay(sc: &Scenario, log: &ActionLog) -> Result<Outcome, ReplayError> {
    if log.scenario != sc.id {
        return Err(ReplayError::WrongScenario {
            expected: sc.id.clone(),
            found: log.scenario.clone(),
        });
    }
    if log.version != sc.version {
        return Err(ReplayError::WrongVersion {
            id: sc.id.clone(),
            expected: sc.version,
            found: log.version,
        });
    }
    let mut session = Session::new(sc, log.mode, &log.trainee)
        .map_err(|source| ReplayError::Step {
            index: 0,
            t_ms: 0,
            source,
        })?
        .typed(log.typed);
    for (index, step) in log.actions.iter().enumerate() {
        session
            .act(step.t_ms, step.action.clone())
            .map_err(|source| ReplayError::Step {
                index,
                t_ms: step.t_ms,
                source,
            })?;
    }
    Ok(session.finish())
}
