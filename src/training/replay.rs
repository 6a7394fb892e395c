//! Replaying a recorded action log through a session: the same log gives the same outcome,
//! whether it was recorded in a window, in the terminal or written by hand.

use super::action::{Action, ActionLog};
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
    #[error("{}", super::action::too_many(*.0))]
    TooLong(usize),
    #[error("actions[{index}] at {t_ms} ms: {source}")]
    Step {
        index: usize,
        t_ms: u64,
        source: SessionError,
    },
}

/// The one driver of a recorded log: checks it belongs to the scenario, opens the session it
/// plays into, and hands it each action as its time comes. `score` runs it to the end at once;
/// the window runs it against its clock, so a replay is played once, never validated first.
#[derive(Debug, Clone)]
pub struct Feed {
    log: ActionLog,
    next: usize,
}

impl Feed {
    /// A feed for `log` and the session it plays into (the log's mode, trainee and question
    /// list), or why the log is not for this scenario.
    pub fn start(sc: &Scenario, log: ActionLog) -> Result<(Session, Feed), ReplayError> {
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
        if log.actions.len() > super::action::MAX_ACTIONS {
            return Err(ReplayError::TooLong(log.actions.len()));
        }
        let session = Session::new(sc, log.mode, &log.trainee)
            .map_err(|source| ReplayError::Step {
                index: 0,
                t_ms: 0,
                source,
            })?
            .typed(log.typed);
        // What can be told from the log alone is told before anything plays: a window replay
        // then fails at once, like `score`, instead of part-way through.
        let mut last = 0;
        for (index, step) in log.actions.iter().enumerate() {
            let problem = if step.t_ms < last {
                Some(SessionError::TimeWentBackwards {
                    t_ms: step.t_ms,
                    now_ms: last,
                })
            } else if step.t_ms > sc.time_limit_ms {
                Some(SessionError::PastTimeLimit {
                    t_ms: step.t_ms,
                    limit_ms: sc.time_limit_ms,
                })
            } else {
                unknown_in(sc, &step.action)
            };
            if let Some(source) = problem {
                return Err(ReplayError::Step {
                    index,
                    t_ms: step.t_ms,
                    source,
                });
            }
            last = step.t_ms;
        }
        Ok((session, Feed { log, next: 0 }))
    }

    /// Play the next action into `session` if it is due by `now_ms`; returns its time, or
    /// `None` when none is due (or the log is done). A refused action is an error naming it.
    pub fn step(&mut self, session: &mut Session, now_ms: u64) -> Option<Result<u64, ReplayError>> {
        let step = self
            .log
            .actions
            .get(self.next)
            .filter(|s| s.t_ms <= now_ms)?;
        let index = self.next;
        self.next += 1;
        Some(
            session
                .act(step.t_ms, step.action.clone())
                .map(|_| step.t_ms)
                .map_err(|source| ReplayError::Step {
                    index,
                    t_ms: step.t_ms,
                    source,
                }),
        )
    }

    /// How many actions have been played.
    pub fn played(&self) -> usize {
        self.next
    }

    /// The log being played.
    pub fn log(&self) -> &ActionLog {
        &self.log
    }
}

/// An id the action names that the scenario does not have.
fn unknown_in(sc: &Scenario, action: &Action) -> Option<SessionError> {
    let unknown = |kind: &'static str, id: &str| SessionError::Unknown {
        kind,
        id: id.to_string(),
    };
    match action {
        Action::Ask(id) if sc.question(id).is_none() => Some(unknown("question", id)),
        Action::Say {
            matched: Some(id), ..
        } if sc.question(id).is_none() => Some(unknown("question", id)),
        Action::Advise(id) if sc.advice(id).is_none() => Some(unknown("advice", id)),
        Action::Check(id) if sc.check(id).is_none() => Some(unknown("check", id)),
        Action::Record(id) if sc.fact(id).is_none() => Some(unknown("fact", id)),
        Action::Assess { facts, .. } => facts
            .iter()
            .find(|f| sc.fact(f).is_none())
            .map(|f| unknown("fact", f)),
        _ => None,
    }
}

/// Play every action of `log` in order, then finish the session.
pub fn replay(sc: &Scenario, log: &ActionLog) -> Result<Outcome, ReplayError> {
    let (mut session, mut feed) = Feed::start(sc, log.clone())?;
    while let Some(r) = feed.step(&mut session, u64::MAX) {
        r?;
    }
    Ok(session.finish())
}
