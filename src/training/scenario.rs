//! A training scenario: its metadata (what the trainee is told before the call starts), the facts
//! the call can bring out, the questions and advice the trainee can give, the caller's script and
//! the rubric it is marked against. Every field is documented in `scenarios/training/README.md`.

use super::error::LoadError;
use super::response::Partner;
use super::rubric::Item;
use super::script::Script;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// One scenario file (`scenarios/training/<id>.ron`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Stable identifier, lower-case words joined by hyphens; action logs name it.
    pub id: String,
    /// Bumped whenever the script or rubric changes; action logs must match it.
    pub version: u32,
    pub title: String,
    /// Must be `true`: the call is fictional and contains no real call content.
    pub fictional: bool,
    pub channel: Channel,
    pub difficulty: Difficulty,
    /// One or two sentences for the library listing and the trainer (not shown mid-call).
    pub summary: String,
    /// What the trainee should be able to do after this call.
    pub objectives: Vec<String>,
    /// A harrowing call: warnings before it starts, and a welfare check before the debrief.
    #[serde(default)]
    pub harrowing: bool,
    /// What the call contains, shown before it starts (required when `harrowing`).
    #[serde(default)]
    pub content_warnings: Vec<String>,
    /// The call is closed automatically at this time, in milliseconds from call answer.
    pub time_limit_ms: u64,
    /// The score (0–100) needed to pass, as well as no critical misses.
    #[serde(default = "default_pass_mark")]
    pub pass_mark: u32,
    /// Facts the call can bring out; the trainee records them and cites them in THRIVE.
    pub facts: Vec<Fact>,
    /// Questions the trainee can ask, relevant and irrelevant.
    pub questions: Vec<Question>,
    /// Safety and other advice the trainee can give the caller.
    pub advice: Vec<Advice>,
    /// Optional: checks the trainee can run without the caller (force systems, handset location).
    #[serde(default)]
    pub checks: Vec<Check>,
    /// The caller: what they say, when, and how it depends on the trainee.
    pub script: Script,
    /// The expected decisions the call is marked against.
    pub rubric: Vec<Item>,
    /// Marks lost for each action that did not help this call (an unneeded or repeated
    /// question, advice that does not fit, a check not needed, a partner the call did not need).
    #[serde(default = "default_waste_marks")]
    pub waste_marks: u32,
    /// Why time matters on this call, for the debrief ("a whispering caller has seconds").
    #[serde(default)]
    pub pace: Option<String>,
    /// Partners it is reasonable to tell though no rubric item needs them (no marks lost).
    #[serde(default)]
    pub partners_acceptable: Vec<Partner>,
}

fn default_waste_marks() -> u32 {
    3
}

fn default_pass_mark() -> u32 {
    80
}

/// How the contact reached the control room.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Channel {
    Emergency999,
    NonEmergency101,
    Digital,
}

impl Channel {
    pub fn label(self) -> &'static str {
        match self {
            Channel::Emergency999 => "999",
            Channel::NonEmergency101 => "101",
            Channel::Digital => "digital",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Difficulty {
    Easy,
    Moderate,
    Hard,
}

impl Difficulty {
    pub fn label(self) -> &'static str {
        match self {
            Difficulty::Easy => "easy",
            Difficulty::Moderate => "moderate",
            Difficulty::Hard => "hard",
        }
    }
}

/// Something the call can reveal: a location, a weapon, a child in the house.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub id: String,
    /// How it reads in the incident log.
    pub text: String,
    /// Recording this fact establishes where the incident is (for "time to location").
    #[serde(default)]
    pub location: bool,
}

/// A question the trainee can ask.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    /// The question as the trainee asks it.
    pub text: String,
    /// Whether a good call handler would ask it on this call.
    #[serde(default = "yes")]
    pub relevant: bool,
    /// The caller's answer, unless the current line has a branch for this question.
    pub answer: String,
    /// Facts the answer reveals.
    #[serde(default)]
    pub reveals: Vec<String>,
    /// Change to the caller's engagement (points of 100) each time it is asked.
    #[serde(default)]
    pub engagement: i32,
    /// Typed questions: other ways a trainee might say it (matched after normalising case and
    /// punctuation).
    #[serde(default)]
    pub phrasings: Vec<String>,
    /// Typed questions: groups of key words, each group written as words separated by spaces;
    /// typed text that contains every word of a group matches (e.g. `"address"`, `"where are"`).
    #[serde(default)]
    pub keywords: Vec<String>,
}

/// Advice the trainee can give the caller.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Advice {
    pub id: String,
    /// The advice as the trainee gives it.
    pub text: String,
    /// Whether it is right for this call.
    #[serde(default = "yes")]
    pub relevant: bool,
    /// What the caller says back, unless the current line has a branch for this advice.
    #[serde(default)]
    pub reply: Option<String>,
    /// Facts the reply reveals.
    #[serde(default)]
    pub reveals: Vec<String>,
    /// Change to the caller's engagement (points of 100) each time it is given.
    #[serde(default)]
    pub engagement: i32,
}

/// A check the trainee can run on force systems or with another service, with or without the
/// caller on the line: handset location, incidents at the address, the caller's contact history,
/// warning markers, court orders.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Check {
    pub id: String,
    /// The check as the trainee runs it.
    pub text: String,
    /// What the check returns.
    pub result: String,
    /// Whether this call needs the check (a check that is not needed costs time and marks).
    #[serde(default = "yes")]
    pub relevant: bool,
    /// Facts the result reveals.
    #[serde(default)]
    pub reveals: Vec<String>,
}

fn yes() -> bool {
    true
}

impl Scenario {
    /// Read and parse a scenario file (no semantic checks: see [`super::check`]).
    pub fn load(path: &Path) -> Result<Scenario, LoadError> {
        super::ron_file::load(path)
    }

    /// Parse scenario text; `path` is only used in error messages.
    pub fn parse(path: &Path, text: &str) -> Result<Scenario, LoadError> {
        super::ron_file::parse(path, text)
    }

    pub fn fact(&self, id: &str) -> Option<&Fact> {
        self.facts.iter().find(|f| f.id == id)
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    pub fn advice(&self, id: &str) -> Option<&Advice> {
        self.advice.iter().find(|a| a.id == id)
    }

    pub fn check(&self, id: &str) -> Option<&Check> {
        self.checks.iter().find(|c| c.id == id)
    }
}
