//! Rostering (`controlroom roster`): from "how many on duty, when" to shifts a planner can
//! publish.
//!
//! 1. [`shifts`]: the model's `rostering` rules become shift candidates (starts on a grid
//!    within a window, allowed lengths, breaks) and weekly lines (a block of days on with one
//!    shift, then days off; a handler works the same line every week, so the rest rule and
//!    the most days in a row hold by construction and are checked again on the output).
//! 2. [`ip`]: an integer programme chooses how many handlers work each line to cover the
//!    requirement per KPI interval at the fewest paid hours, with the linear relaxation as
//!    the lower bound; one programme per desk (the staffing's desks: a desk per staff group
//!    with its skills and routing, or one pooled desk).
//! 3. [`rota`]: the lines become staff groups of a runnable model (`roster.ron`) and rows of
//!    `roster.csv`.
//! 4. [`verify`]: the roster's model is simulated with a fresh seed; where a target fails the
//!    requirement there is raised and the programme solved again.

pub mod ip;
pub mod rota;
pub mod shifts;
pub mod teams;
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

/// A weekly roster: handlers per line, each line on one desk.
#[derive(Debug, Clone, PartialEq)]
pub struct Roster {
    pub rules: Rules,
    /// The desks rostered, in the staffing's order (one, [`rota::DESK`], when pooled).
    pub desks: Vec<String>,
    /// The lines worked (count > 0), with their handlers.
    pub lines: Vec<(Line, u32)>,
    /// Per line: its desk (an index into `desks`).
    pub line_desk: Vec<usize>,
    /// The programmes' answers together: paid hours and bounds summed over the desks (each
    /// desk is its own programme), proven optimal only if every desk's is.
    pub solved: Solved,
}

impl Roster {
    /// Expected handlers on the phones per interval, every desk together.
    pub fn on_phones(&self, n: usize, interval_s: f64) -> Vec<f64> {
        self.on_phones_where(n, interval_s, |_| true)
    }

    /// Expected handlers on the phones per interval at desk `d`.
    pub fn on_phones_at(&self, d: usize, n: usize, interval_s: f64) -> Vec<f64> {
        self.on_phones_where(n, interval_s, |k| k == d)
    }

    /// With teams, the cover of every phase of the stagger is summed over the lines first and
    /// the least phase taken after: the cover every week has. (Taking each line's least phase
    /// and summing would understate it when lines are short in different phases.)
    fn on_phones_where(&self, n: usize, interval_s: f64, desk: impl Fn(usize) -> bool) -> Vec<f64> {
        let phases = self.rules.phases();
        let mut all = vec![0.0; phases * n];
        for ((line, z), &d) in self.lines.iter().zip(&self.line_desk) {
            if !desk(d) {
                continue;
            }
            let cover = self.rules.phase_coverage(line, n, interval_s);
            for (o, c) in all.iter_mut().zip(cover) {
                *o += c * f64::from(*z);
            }
        }
        (0..n)
            .map(|i| {
                (0..phases)
                    .map(|p| all[p * n + i])
                    .fold(f64::INFINITY, f64::min)
            })
            .collect()
    }

    /// Handlers employed (one per line place; with teams, per place in every team).
    pub fn handlers(&self) -> u32 {
        self.lines.iter().map(|(_, z)| z).sum::<u32>() * self.rules.teams()
    }

    /// Several desks, not one pooled desk.
    pub fn per_desk(&self) -> bool {
        self.desks.len() > 1
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

/// Choose the lines covering `required` handlers on the phones per interval of the week
/// (one pooled desk).
pub fn roster(rules: &Rules, required: &[f64], interval_s: f64) -> Result<Roster, RosterError> {
    roster_desks(
        rules,
        &[(rota::DESK.to_string(), required.to_vec())],
        interval_s,
    )
}

/// Choose each desk's lines covering its requirement (`(desk, handlers on the phones per
/// interval)`): one integer programme per desk, since a desk's handlers cover only it. A desk
/// that needs no one gets no lines.
pub fn roster_desks(
    rules: &Rules,
    needs: &[(String, Vec<f64>)],
    interval_s: f64,
) -> Result<Roster, RosterError> {
    let lines = rules.lines();
    let mut out = Roster {
        rules: rules.clone(),
        desks: needs.iter().map(|(d, _)| d.clone()).collect(),
        lines: vec![],
        line_desk: vec![],
        solved: Solved {
            counts: vec![],
            paid_hours: 0.0,
            lp_bound: 0.0,
            proven_optimal: true,
            nodes: 0,
        },
    };
    for (d, (_, required)) in needs.iter().enumerate() {
        if required.iter().all(|&r| r <= 0.0) {
            continue;
        }
        let solved = solve(rules, &lines, required, interval_s)?;
        for (l, &z) in lines.iter().zip(&solved.counts) {
            if z > 0 {
                out.lines.push((*l, z));
                out.line_desk.push(d);
            }
        }
        let total = &mut out.solved;
        total.counts.extend(&solved.counts);
        total.paid_hours += solved.paid_hours;
        total.lp_bound += solved.lp_bound;
        total.proven_optimal &= solved.proven_optimal;
        total.nodes += solved.nodes;
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
