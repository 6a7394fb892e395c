//! Putting a session back as it was when an action is refused. Cloning the whole session for
//! every action made a long log cost the square of its length; the logs a session keeps only
//! grow, so their lengths and a few scalars are enough to undo an action.

use super::Session;
use crate::training::record::ClosedBy;
use crate::training::script::Ending;
use std::collections::BTreeSet;

/// What an action may change.
pub(super) struct Undo {
    now_ms: u64,
    line: usize,
    line_at_ms: u64,
    engagement: i32,
    unread: usize,
    busy_until_ms: u64,
    asked_ms: u64,
    caller_gone: Option<(u64, Ending)>,
    closed: Option<(u64, ClosedBy)>,
    steps: usize,
    lines: usize,
    revealed: usize,
    events: usize,
    reported: BTreeSet<String>,
}

impl Session {
    pub(super) fn checkpoint(&self) -> Undo {
        Undo {
            now_ms: self.now_ms,
            line: self.line,
            line_at_ms: self.line_at_ms,
            engagement: self.engagement,
            unread: self.unread,
            busy_until_ms: self.busy_until_ms,
            asked_ms: self.asked_ms,
            caller_gone: self.record.caller_gone,
            closed: self.record.closed,
            steps: self.record.steps.len(),
            lines: self.record.lines.len(),
            revealed: self.record.revealed.len(),
            events: self.events.len(),
            reported: self.reported.clone(),
        }
    }

    pub(super) fn restore(&mut self, u: Undo) {
        self.now_ms = u.now_ms;
        self.line = u.line;
        self.line_at_ms = u.line_at_ms;
        self.engagement = u.engagement;
        self.unread = u.unread;
        self.busy_until_ms = u.busy_until_ms;
        self.asked_ms = u.asked_ms;
        self.record.caller_gone = u.caller_gone;
        self.record.closed = u.closed;
        self.record.steps.truncate(u.steps);
        self.record.lines.truncate(u.lines);
        self.record.revealed.truncate(u.revealed);
        self.events.truncate(u.events);
        self.reported = u.reported;
    }
}
