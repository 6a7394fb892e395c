//! The live state: the room as a supervisor sees it now (calls waiting with how
//! long they have waited, handlers on duty and busy, people moved between desks), for an
//! intraday look-ahead.
//!
//! Assumptions, stated so a supervisor can judge them: a waiting caller's remaining patience
//! and a busy handler's remaining handling time are fresh draws (exact for exponential times);
//! handlers brought on to match `on_duty` stay for the whole look-ahead; moved handlers work
//! with their new group from now on.

/// The room at the start of a look-ahead. Indices refer to the config's channels and groups.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InitialState {
    /// Calls queued now: (channel, seconds already waited).
    pub waiting: Vec<(usize, f64)>,
    /// Handlers on duty now in a group (groups not listed: as the roster has them).
    pub on_duty: Vec<(usize, u32)>,
    /// Handlers busy now: (group, channel, how many).
    pub busy: Vec<(usize, usize, u32)>,
    /// Handlers moved now: (from group, to group, how many).
    pub moves: Vec<(usize, usize, u32)>,
}
