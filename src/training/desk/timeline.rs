//! The call as it reads on the desk: the caller's words, facts as they come up, check results,
//! practice hints and feedback, and the trainee's own actions, merged in time order. The terminal
//! prints each line as it happens; the window draws the whole timeline; both use these words.

use super::decisions::action_label;
use crate::training::force::ForceProfile;
use crate::training::session::{Event, Session};

/// What kind of line it is (a front-end picks its colour).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// The caller, at a distress level 0–5.
    Caller(u8),
    Fact,
    Check,
    Hint,
    Good,
    Bad,
    /// The caller gone: hung up, cut off, handed over.
    Ended,
    Closed,
    /// The trainee's own action.
    You,
}

/// One line of the timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub t_ms: u64,
    pub tone: Tone,
    pub text: String,
}

impl Line {
    /// The line with its time stamp, as printed.
    pub fn stamped(&self) -> String {
        format!("{} {}", stamp(self.t_ms), self.text)
    }
}

/// `[mm:ss]` from ms.
pub fn stamp(ms: u64) -> String {
    format!("[{:02}:{:02}]", ms / 60000, (ms / 1000) % 60)
}

/// An event as a line of the timeline.
pub fn event_line(e: &Event) -> Line {
    let (tone, text) = match e {
        Event::CallerSays { text, distress, .. } => (
            Tone::Caller(*distress),
            format!("CALLER {}: {text}", "!".repeat(usize::from(*distress))),
        ),
        Event::FactRevealed { text, .. } => (Tone::Fact, format!("    (new fact) {text}")),
        Event::CheckResult { text, .. } => (Tone::Check, format!("    (check) {text}")),
        Event::Hint { text, .. } => (Tone::Hint, format!("    hint: {text}")),
        Event::Feedback {
            good: true, text, ..
        } => (Tone::Good, format!("    ✓ {text}")),
        Event::Feedback { text, .. } => (Tone::Bad, format!("    ✗ {text}")),
        Event::CallerGone { ending, .. } => (Tone::Ended, format!("--- {} ---", ending.label())),
        Event::CallClosed { by, .. } => {
            (Tone::Closed, format!("--- call over ({}) ---", by.label()))
        }
    };
    Line {
        t_ms: e.t_ms(),
        tone,
        text,
    }
}

/// The whole call so far: events and the trainee's actions, in time order (an action before the
/// events at the same moment, as it caused them).
pub fn timeline(session: &Session, force: &ForceProfile) -> Vec<Line> {
    let mut lines: Vec<(u64, u8, Line)> = session
        .log()
        .actions
        .iter()
        .map(|step| {
            let line = Line {
                t_ms: step.t_ms,
                tone: Tone::You,
                text: format!("YOU: {}", action_label(&step.action, session, force)),
            };
            (step.t_ms, 0, line)
        })
        .collect();
    lines.extend(
        session
            .transcript()
            .iter()
            .map(|e| (e.t_ms(), 1, event_line(e))),
    );
    lines.sort_by_key(|(t, k, _)| (*t, *k));
    lines.into_iter().map(|(_, _, l)| l).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::training::action::Action;
    use crate::training::scenario::Scenario;
    use crate::training::session::Mode;

    #[test]
    fn actions_and_events_merge_in_time_order() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/scenarios/training/da-whisper-999.ron"
        );
        let sc = Scenario::load(std::path::Path::new(path)).expect("shipped scenario");
        let mut s = Session::new(&sc, Mode::Practice, "t").expect("session");
        s.advance(0);
        s.act(3000, Action::Ask("q-address".into())).expect("ask");
        s.advance(20_000);
        let lines = timeline(&s, &ForceProfile::neutral());
        let times: Vec<u64> = lines.iter().map(|l| l.t_ms).collect();
        assert!(times.windows(2).all(|w| w[0] <= w[1]), "{times:?}");
        let you = lines
            .iter()
            .position(|l| l.tone == Tone::You)
            .expect("the question");
        assert!(lines[you].text.starts_with("YOU: "));
        assert!(lines.iter().any(|l| matches!(l.tone, Tone::Caller(_))));
        assert_eq!(stamp(61_500), "[01:01]");
    }
}
