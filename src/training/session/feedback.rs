//! Practice-mode feedback as it happens: an item met, a decision that falls short of what the
//! call needs, a time target passed. Assessment mode gives none.

use super::{Event, Session};
use crate::training::action::Action;
use crate::training::rubric::Expect;
use crate::training::score::{self, Status};
use std::sync::Arc;

impl Session {
    /// Practice: tell the trainee at once when an action meets an item, or when a grade, RCRP
    /// decision or THRIVE judgement falls short of what the call needs.
    pub(super) fn action_feedback(&mut self, t_ms: u64, action: &Action) {
        let sc = Arc::clone(&self.scenario);
        for item in &sc.rubric {
            // Only an action of the kind an item expects can change what it says now; marking
            // the others again on every action made a long log cost the square of its length.
            if !could_change(&item.expect, action) {
                continue;
            }
            let r = score::evaluate(item, &sc, &self.record, self.mode, t_ms);
            // Only a decision this item judges: a grade for a grade item, the same THRIVE element
            // for an assessment item, and only once the item's window has it (an item that does
            // not apply yet says nothing rather than a bare "no decision made").
            let decision = match (&item.expect, action) {
                (Expect::Graded(_), Action::Grade(_)) | (Expect::Rcrp(_), Action::Rcrp(_)) => true,
                (Expect::Assessed { element, .. }, Action::Assess { element: e, .. }) => {
                    element == e
                }
                _ => false,
            } && r.at_ms.is_some();
            if let Expect::Never(_) = item.expect {
                if r.status == Status::Missed && self.reported.insert(item.id.clone()) {
                    self.feedback(t_ms, &item.id, false, &r.note);
                }
                continue;
            }
            if r.status == Status::Met {
                if self.reported.insert(item.id.clone()) || decision {
                    self.feedback(t_ms, &item.id, true, &r.note);
                }
            } else if decision && r.status != Status::NotApplicable {
                self.reported.remove(&item.id);
                self.feedback(t_ms, &item.id, false, &r.note);
            }
        }
    }

    /// Practice: say so when a timed item's deadline passes unmet, between `from` and `to`.
    pub(super) fn deadline_feedback(&mut self, from: u64, to: u64) {
        let sc = Arc::clone(&self.scenario);
        for item in &sc.rubric {
            let Some(within) = item.within_ms else {
                continue;
            };
            let start = match &item.after {
                Some(line) => match self.record.line_at(line) {
                    Some(t) => t,
                    None => continue,
                },
                None => 0,
            };
            let deadline = start.saturating_add(within);
            if deadline <= from || deadline > to || self.reported.contains(&item.id) {
                continue;
            }
            let r = score::evaluate(item, &sc, &self.record, self.mode, deadline);
            if r.status == Status::Missed {
                let text = format!(
                    "Time target passed ({} s): {}",
                    within / 1000,
                    item.feedback
                );
                self.feedback(deadline, &item.id, false, &text);
            }
        }
    }

    fn feedback(&mut self, t_ms: u64, item: &str, good: bool, text: &str) {
        self.push(Event::Feedback {
            t_ms,
            item: item.to_string(),
            good,
            text: text.to_string(),
        });
    }
}

/// Whether `action` can change how the item stands: it is of the kind the item expects (a Say
/// asks a question too).
fn could_change(expect: &Expect, action: &Action) -> bool {
    match (expect, action) {
        (Expect::Never(inner), a) => could_change(inner, a),
        (Expect::Asked(_), Action::Ask(_) | Action::Say { .. })
        | (Expect::Advised(_), Action::Advise(_))
        | (Expect::Recorded(_), Action::Record(_))
        | (Expect::Checked(_), Action::Check(_))
        | (Expect::Graded(_), Action::Grade(_))
        | (Expect::Rcrp(_), Action::Rcrp(_))
        | (Expect::Notified(_), Action::Notify(_))
        | (Expect::Closed, Action::Close) => true,
        (Expect::Assessed { element, .. }, Action::Assess { element: e, .. }) => element == e,
        _ => false,
    }
}
