//! Typed errors of the trainer: loading files, and actions a session refuses.

use std::path::PathBuf;

/// A file could not be read or parsed.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{}: cannot read: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}:{line}:{col}: {message}", path.display())]
    Parse {
        path: PathBuf,
        line: usize,
        col: usize,
        message: String,
    },
    #[error("{}: {message}", path.display())]
    Invalid { path: PathBuf, message: String },
}

/// An action the session cannot accept. The session is left exactly as it was.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SessionError {
    #[error("the call was already closed at {closed_ms} ms; nothing can happen at {t_ms} ms")]
    CallClosed { t_ms: u64, closed_ms: u64 },
    #[error("time went backwards: an action at {t_ms} ms after one at {now_ms} ms")]
    TimeWentBackwards { t_ms: u64, now_ms: u64 },
    #[error("an action at {t_ms} ms is after the scenario's time limit of {limit_ms} ms")]
    PastTimeLimit { t_ms: u64, limit_ms: u64 },
    #[error("the caller is no longer on the line (since {since_ms} ms): cannot {what}")]
    CallerGone { since_ms: u64, what: String },
    #[error("unknown {kind} '{id}' in this scenario")]
    Unknown { kind: &'static str, id: String },
    #[error("fact '{0}' has not come up in the call yet")]
    FactNotKnown(String),
    #[error("{0}")]
    NotAllowed(String),
    #[error("the log says \"{text}\" asks {claimed}, but it {actual}")]
    WrongMatch {
        text: String,
        claimed: String,
        actual: String,
    },
}
