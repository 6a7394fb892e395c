//! The course plan (`scenarios/training/course.ron`): which scenarios on which day of the
//! four-day call-handling course, in which mode; and a trainee's progress through it, read from
//! the results CSV.

use super::error::LoadError;
use super::mode::Mode;
use super::results::Row;
use serde::{Deserialize, Serialize};
use std::path::Path;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Course {
    pub title: String,
    pub days: Vec<Day>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Day {
    /// 1, 2, 3, 4.
    pub day: u32,
    /// What the day is about.
    pub theme: String,
    /// The scenarios, in the order they are taken.
    pub sessions: Vec<Planned>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Planned {
    /// Scenario id.
    pub scenario: String,
    pub mode: Mode,
}

impl Course {
    pub fn load(path: &Path) -> Result<Course, LoadError> {
        super::ron_file::load(path)
    }

    /// Scenario ids the plan names that are not in `known`.
    pub fn unknown_scenarios<'a>(&'a self, known: &[String]) -> Vec<&'a str> {
        let mut out: Vec<&str> = Vec::new();
        for p in self.days.iter().flat_map(|d| &d.sessions) {
            if !known.contains(&p.scenario) && !out.contains(&p.scenario.as_str()) {
                out.push(&p.scenario);
            }
        }
        out
    }
}

/// Where a trainee is with one planned session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    NotStarted,
    /// Played but not done: practice stopped early, or assessment not yet passed.
    InProgress {
        attempts: u32,
        best_pct: u32,
    },
    /// Practice played through, or assessment passed.
    Done {
        attempts: u32,
        best_pct: u32,
    },
}

/// Progress through the course: each day's sessions with the trainee's standing.
pub fn progress<'a>(
    course: &'a Course,
    rows: &[Row],
    trainee: &str,
) -> Vec<(&'a Day, Vec<(&'a Planned, Standing)>)> {
    course
        .days
        .iter()
        .map(|day| {
            let sessions = day
                .sessions
                .iter()
                .map(|p| {
                    let mine: Vec<&Row> = rows
                        .iter()
                        .filter(|r| {
                            // An assessment counts only if it was played live: a log file
                            // scored under a trainee's name can be anyone's.
                            r.trainee == trainee
                                && r.scenario_id == p.scenario
                                && r.mode == p.mode.label()
                                && (p.mode == Mode::Practice || r.source.is_live())
                        })
                        .collect();
                    let attempts = mine.len() as u32;
                    let best_pct = mine.iter().map(|r| r.score_pct).max().unwrap_or(0);
                    let done = mine.iter().any(|r| match p.mode {
                        Mode::Practice => r.closed_by != "stopped",
                        Mode::Assessment => r.passed,
                    });
                    let standing = if attempts == 0 {
                        Standing::NotStarted
                    } else if done {
                        Standing::Done { attempts, best_pct }
                    } else {
                        Standing::InProgress { attempts, best_pct }
                    };
                    (p, standing)
                })
                .collect();
            (day, sessions)
        })
        .collect()
}
