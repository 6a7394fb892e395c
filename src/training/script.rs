//! The caller's script: a graph of lines. Each line is something the caller says (with how
//! distressed they sound and what it reveals); branches say which line follows a question or a
//! piece of advice, and a timer says what happens if the trainee is too slow. A line can end the
//! caller's part (they hang up, the line is cut). The graph must have no loops, so every path
//! through it ends; `check` proves it.

use super::response::{Grade, Partner, Responder};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Script {
    /// The id of the line the caller opens with, at 0 ms.
    pub start: String,
    /// The caller's engagement at the start, 0–100.
    #[serde(default = "default_engagement")]
    pub engagement: i32,
    /// The caller hangs up as soon as engagement falls below this.
    #[serde(default)]
    pub hangs_up_below: i32,
    /// The line the caller says when they hang up for lost engagement (an ending line).
    #[serde(default)]
    pub hang_up_line: Option<String>,
    pub lines: Vec<Line>,
    /// What the caller says to a typed question that matches nothing.
    #[serde(default = "default_unclear")]
    pub unclear: String,
}

fn default_unclear() -> String {
    "Sorry? What?".to_string()
}

fn default_engagement() -> i32 {
    70
}

/// One thing the caller says, and what can follow it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Line {
    pub id: String,
    /// What the caller says (or, for a silent call, what the call handler hears).
    pub say: String,
    /// How distressed the caller sounds: 0 calm … 5 extreme.
    #[serde(default)]
    pub distress: u8,
    /// Facts this line reveals.
    #[serde(default)]
    pub reveals: Vec<String>,
    /// In practice mode, a hint shown with this line.
    #[serde(default)]
    pub hint: Option<String>,
    /// Which line follows a question or a piece of advice; the first match wins.
    #[serde(default)]
    pub branches: Vec<Branch>,
    /// What happens if no branch is taken within a time.
    #[serde(default)]
    pub after: Option<After>,
    /// This line ends the caller's part of the call.
    #[serde(default)]
    pub ends: Option<Ending>,
}

/// Go to `goto` when the trainee does `when` while this line is current.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Branch {
    pub when: Trigger,
    pub goto: String,
}

/// Go to `goto` when `ms` milliseconds pass after this line with no branch taken.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct After {
    pub ms: u64,
    pub goto: String,
}

/// What the caller perceives of the trainee: a question asked, advice given, or a decision the
/// caller is told of (the grade — officers are coming — or who will respond).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Trigger {
    Asked(String),
    Advised(String),
    /// The trainee graded the call so.
    Graded(Grade),
    /// The trainee decided who responds (Right Care Right Person).
    Decided(Responder),
    /// The trainee told this partner agency.
    Notified(Partner),
}

/// How the caller's part of the call ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Ending {
    /// The caller hangs up.
    HangsUp,
    /// The line goes dead (cut off, phone taken).
    LineCut,
    /// The caller is handed over (to officers on scene, an ambulance call-taker).
    HandedOver,
}

impl Ending {
    pub fn label(self) -> &'static str {
        match self {
            Ending::HangsUp => "the caller hung up",
            Ending::LineCut => "the line was cut",
            Ending::HandedOver => "the caller was handed over",
        }
    }
}

impl Script {
    pub fn index(&self, id: &str) -> Option<usize> {
        self.lines.iter().position(|l| l.id == id)
    }

    /// Every line a line can lead to (branches, then the timer), as indices; unknown ids skipped.
    pub fn successors(&self, line: usize) -> Vec<usize> {
        let l = &self.lines[line];
        let mut next: Vec<usize> = l
            .branches
            .iter()
            .filter_map(|b| self.index(&b.goto))
            .collect();
        if let Some(a) = &l.after
            && let Some(i) = self.index(&a.goto)
        {
            next.push(i);
        }
        next
    }
}
