//! The integer programme: how many handlers work each weekly line so that every KPI interval
//! has at least its required handlers on the phones, at the fewest paid hours.
//!
//! minimise Σ_l paid_l · z_l  subject to  Σ_l a_il · z_l ≥ r_i for every interval i,
//! z_l ∈ {0, 1, 2, …}, where a_il is the expected handlers on the phones in interval i per
//! handler on line l (shrinkage and breaks counted). Solved by microlp's branch and bound with a
//! node limit (deterministic, unlike a time limit), started from the rounded-up relaxation; the
//! relaxation's optimum is the lower bound the gap is measured against.

use super::RosterError;
use super::shifts::{Line, Rules};
use microlp::{ComparisonOp, OptimizationDirection, Problem, SolutionStatus, SolveOptions};

/// Most branch-and-bound nodes per solve.
pub const NODE_LIMIT: u64 = 4_000;

/// The integer programme's answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Solved {
    /// Handlers on each line (same order as the lines given).
    pub counts: Vec<u32>,
    /// Paid hours a week of the answer.
    pub paid_hours: f64,
    /// The linear relaxation's optimum: no roster pays fewer hours.
    pub lp_bound: f64,
    /// Branch and bound proved the answer optimal (else the node limit stopped it).
    pub proven_optimal: bool,
    pub nodes: u64,
}

impl Solved {
    /// (paid − bound) / paid.
    pub fn gap(&self) -> f64 {
        if self.paid_hours > 0.0 {
            (self.paid_hours - self.lp_bound) / self.paid_hours
        } else {
            0.0
        }
    }
}

/// Solve for `required[i]` handlers on the phones in each of the week's intervals.
pub fn solve(
    rules: &Rules,
    lines: &[Line],
    required: &[f64],
    interval_s: f64,
) -> Result<Solved, RosterError> {
    let n = required.len();
    let cover: Vec<Vec<f64>> = lines
        .iter()
        .map(|l| rules.coverage(l, n, interval_s))
        .collect();
    let uncovered: Vec<usize> = (0..n)
        .filter(|&i| required[i] > 0.0 && cover.iter().all(|c| c[i] <= 0.0))
        .collect();
    if !uncovered.is_empty() {
        return Err(RosterError::Unmeetable {
            intervals: uncovered,
            interval_s,
        });
    }
    let cost: Vec<f64> = lines.iter().map(|l| rules.paid_hours(l)).collect();

    let build = |integer: bool| {
        let mut p = Problem::new(OptimizationDirection::Minimize);
        let vars: Vec<_> = cost
            .iter()
            .map(|&c| {
                if integer {
                    p.add_integer_var(c, (0, i32::MAX))
                } else {
                    p.add_var(c, (0.0, f64::INFINITY))
                }
            })
            .collect();
        for (i, &r) in required.iter().enumerate() {
            if r <= 0.0 {
                continue;
            }
            let terms: Vec<_> = vars
                .iter()
                .zip(&cover)
                .filter(|(_, c)| c[i] > 0.0)
                .map(|(v, c)| (*v, c[i]))
                .collect();
            p.add_constraint(terms.as_slice(), ComparisonOp::Ge, r);
        }
        (p, vars)
    };
    let solver_error = |e: microlp::Error| RosterError::Solver(format!("{e:?}"));

    let (lp, lp_vars) = build(false);
    let relaxed = lp
        .solve()
        .map_err(solver_error)?
        .into_solution()
        .map_err(|_| RosterError::Solver("the relaxation did not finish".into()))?;
    let lp_bound = relaxed.objective();
    let start: Vec<f64> = lp_vars
        .iter()
        .map(|&v| (relaxed.var_value_raw(v) - 1e-7).ceil().max(0.0))
        .collect();

    let (ip, vars) = build(true);
    let mut opts = SolveOptions::default();
    opts.node_limit = Some(NODE_LIMIT);
    opts.warm_start = Some(vars.iter().copied().zip(start.iter().copied()).collect());
    let outcome = ip.solve_with(opts).map_err(solver_error)?;
    let nodes = outcome.stats().nodes_solved;
    let (counts, proven_optimal) = match outcome.into_solution() {
        Ok(s) => (
            vars.iter()
                .map(|&v| s.var_value(v).round().max(0.0) as u32)
                .collect::<Vec<u32>>(),
            s.status() == SolutionStatus::Optimal,
        ),
        // No incumbent within the node limit: the rounded-up relaxation is feasible.
        Err(_) => (start.iter().map(|&x| x as u32).collect(), false),
    };
    let paid_hours = counts
        .iter()
        .zip(&cost)
        .map(|(&z, c)| f64::from(z) * c)
        .sum();
    Ok(Solved {
        counts,
        paid_hours,
        lp_bound,
        proven_optimal,
        nodes,
    })
}
