//! Rostering (`controlroom roster`): from "how many on duty, when" to shifts a planner can
//! publish.
//!
//! 1. [`shifts`]: the model's `rostering` rules become shift candidates (starts on a grid
//!    within a window, allowed lengths, breaks) and weekly lines (a block of days on with one
//!    shift, then days off; a handler works the same line every week, so the rest rule and
//!    the most days in a row hold by construction and are checked again on the output).
//! 2. [`ip`]: an integer programme chooses how many handlers work each line to cover the
//!    requirement per KPI interval at the fewest paid hours, with the linear relaxation as
//!    the lower bound.
//! 3. [`rota`]: the lines become staff groups of a runnable model (`roster.ron`) and rows of
//!    `roster.csv`.
//! 4. [`verify`]: the roster's model is simulated with a fresh seed; where a target fails the
//!    requirement there is raised and the programme solved again.

pub mod ip;
pub mod rota;
pub mod shifts;
pub mod verify;

pub use ip::{Solved, solve};
pub use shifts::{Line, Rules, ShiftKind};

use crate::model::Model;
use crate::plan::report::interval_label;

/// Why rostering could not be done.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RosterError {
    /// A field of the rules is wrong (bad input).
    #[error("{field}: {message}")]
    Field { field: String, message: String },
    /// The rules contradict each other (bad input).
    #[error("contradictory rostering rules: {0}")]
    Contradictory(String),
    /// Some intervals need handlers but no allowed shift covers them.
    #[error("the requirement cannot be met: no allowed shift covers {}", places(.intervals, *.interval_s))]
    Unmeetable {
        intervals: Vec<usize>,
        interval_s: f64,
    },
    #[error("the solver failed: {0}")]
    Solver(String),
}

impl RosterError {
    /// Bad input (exit 2) rather than a run that failed (exit 1).
    pub fn is_input(&self) -> bool {
        matches!(
            self,
            RosterError::Field { .. } | RosterError::Contradictory(_)
        )
    }
}

/// "Mon 00:00, Mon 01:00, … (and 12 more)".
fn places(intervals: &[usize], interval_s: f64) -> String {
    let shown: Vec<String> = intervals
        .iter()
        .take(8)
        .map(|&i| {
            let (d, s) = interval_label(i, interval_s);
            format!("{d} {s}")
        })
        .collect();
    let more = intervals.len().saturating_sub(8);
    if more > 0 {
        format!("{} (and {more} more intervals)", shown.join(", "))
    } else {
        shown.join(", ")
    }
}

/// A weekly roster: handlers per line.
#[derive(Debug, Clone, PartialEq)]
pub struct Roster {
    pub rules: Rules,
    /// The lines worked (count > 0), with their handlers.
    pub lines: Vec<(Line, u32)>,
    pub solved: Solved,
}

impl Roster {
    /// Expected handlers on the phones per interval.
    pub fn on_phones(&self, n: usize, interval_s: f64) -> Vec<f64> {
        let mut out = vec![0.0; n];
        for (line, z) in &self.lines {
            for (o, c) in out.iter_mut().zip(self.rules.coverage(line, n, interval_s)) {
                *o += c * f64::from(*z);
            }
        }
        out
    }

    /// Handlers employed (one per line place).
    pub fn handlers(&self) -> u32 {
        self.lines.iter().map(|(_, z)| z).sum()
    }
}

/// The model's rostering rules, with the breaks of its largest staff group with a rota and its
/// groups' shrinkage (weighted by handlers) as defaults.
pub fn rules_for(model: &Model) -> Result<Rules, RosterError> {
    let size = |g: &crate::model::StaffGroup| g.handlers * g.teams.max(1);
    let breaks = model
        .staff
        .iter()
        .filter(|g| g.rota.is_some())
        .max_by_key(|g| size(g))
        .map(|g| g.breaks.clone())
        .unwrap_or_default();
    let people: u32 = model.staff.iter().map(size).sum();
    let shrinkage = if people > 0 {
        model
            .staff
            .iter()
            .map(|g| g.shrinkage * f64::from(size(g)))
            .sum::<f64>()
            / f64::from(people)
    } else {
        0.0
    };
    let rules = model.rostering.clone().unwrap_or_default();
    Rules::new(&rules, &breaks, shrinkage)
}

/// Choose the lines covering `required` handlers on the phones per interval of the week.
pub fn roster(rules: &Rules, required: &[f64], interval_s: f64) -> Result<Roster, RosterError> {
    let lines = rules.lines();
    let solved = solve(rules, &lines, required, interval_s)?;
    let worked = lines
        .iter()
        .zip(&solved.counts)
        .filter(|(_, z)| **z > 0)
        .map(|(l, z)| (*l, *z))
        .collect();
    Ok(Roster {
        rules: rules.clone(),
        lines: worked,
        solved,
    })
}

#[cfg(test)]
mod tests;
