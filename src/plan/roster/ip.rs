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
pub const NODE_LIMIT: u64 = 2_000;

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
    /// How the search ended, in the planner's words (the terminal and the report both say it).
    pub fn status(&self) -> &'static str {
        if self.proven_optimal {
            "proven optimal"
        } else {
            "node limit reached"
        }
    }

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
    solve_with_nodes(rules, lines, required, interval_s, NODE_LIMIT)
}

/// [`solve`] with at most `node_limit` branch-and-bound nodes.
pub fn solve_with_nodes(
    rules: &Rules,
    lines: &[Line],
    required: &[f64],
    interval_s: f64,
    node_limit: u64,
) -> Result<Solved, RosterError> {
    // With teams, the requirement holds in every phase of the stagger: one row per phase
    // and interval.
    let week = required.len();
    let phases = rules.phases();
    let required: Vec<f64> = required
        .iter()
        .copied()
        .cycle()
        .take(week * phases)
        .collect();
    let required = required.as_slice();
    let n = required.len();
    let cover: Vec<Vec<f64>> = lines
        .iter()
        .map(|l| rules.phase_coverage(l, week, interval_s))
        .collect();
    let mut uncovered: Vec<usize> = (0..n)
        .filter(|&i| required[i] > 0.0 && cover.iter().all(|c| c[i] <= 0.0))
        .map(|i| i % week)
        .collect();
    uncovered.sort_unstable();
    uncovered.dedup();
    if !uncovered.is_empty() {
        return Err(RosterError::Unmeetable {
            intervals: uncovered,
            interval_s,
        });
    }
    let cost: Vec<f64> = lines.iter().map(|l| rules.paid_hours(l)).collect();

    let lp_cover = |fixed: &[f64]| -> Vec<f64> {
        (0..n)
            .map(|i| {
                let have: f64 = cover.iter().zip(fixed).map(|(c, z)| c[i] * z).sum();
                (required[i] - have).max(0.0)
            })
            .collect()
    };
    let build = |integer: bool, need: &[f64]| {
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
        for (i, &r) in need.iter().enumerate() {
            if r <= 1e-9 {
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

    // The relaxation: the bound, and the whole handlers it already places.
    let (lp, lp_vars) = build(false, required);
    let relaxed = lp
        .solve()
        .map_err(solver_error)?
        .into_solution()
        .map_err(|_| RosterError::Solver("the relaxation did not finish".into()))?;
    let lp_bound = relaxed.objective();
    let z: Vec<f64> = lp_vars
        .iter()
        .map(|&v| relaxed.var_value_raw(v).max(0.0))
        .collect();
    let floor: Vec<f64> = z.iter().map(|x| (x + 1e-7).floor()).collect();
    let residual = lp_cover(&floor);
    let start = greedy(&cover, &cost, &residual);

    // The integer programme over what the relaxation's whole handlers leave uncovered.
    let (ip, vars) = build(true, &residual);
    let mut opts = SolveOptions::default();
    opts.node_limit = Some(node_limit);
    opts.warm_start = Some(vars.iter().copied().zip(start.iter().copied()).collect());
    let outcome = ip.solve_with(opts).map_err(solver_error)?;
    let nodes = outcome.stats().nodes_solved;
    let (extra, residual_optimal) = match outcome.into_solution() {
        Ok(s) => (
            vars.iter()
                .map(|&v| s.var_value(v).round().max(0.0))
                .collect::<Vec<f64>>(),
            s.status() == SolutionStatus::Optimal,
        ),
        // No incumbent within the node limit: the greedy start is feasible.
        Err(_) => (start.clone(), false),
    };
    let counts: Vec<u32> = floor
        .iter()
        .zip(&extra)
        .map(|(f, e)| (f + e) as u32)
        .collect();
    let paid_hours: f64 = counts
        .iter()
        .zip(&cost)
        .map(|(&z, c)| f64::from(z) * c)
        .sum();
    Ok(Solved {
        counts,
        paid_hours,
        lp_bound,
        // Optimal when branch and bound proved the whole programme, or the answer meets the
        // relaxation's bound (whole handlers placed by the relaxation or not).
        proven_optimal: (residual_optimal && floor.iter().all(|&f| f == 0.0))
            || paid_hours - lp_bound <= 1e-6 * lp_bound.abs().max(1.0),
        nodes,
    })
}

/// A feasible start for branch and bound: the classic greedy cover (repeatedly the line that
/// covers the most of what is still short per paid hour), then any handler whose removal
/// leaves every interval covered is taken off, dearest line first.
fn greedy(cover: &[Vec<f64>], cost: &[f64], need: &[f64]) -> Vec<f64> {
    let mut short: Vec<f64> = need.to_vec();
    let mut y = vec![0.0; cost.len()];
    while short.iter().any(|&s| s > 1e-9) {
        let gain = |l: usize| -> f64 {
            cover[l]
                .iter()
                .zip(&short)
                .map(|(a, s)| a.min(s.max(0.0)))
                .sum::<f64>()
                / cost[l]
        };
        let Some(best) = (0..cost.len())
            .filter(|&l| cost[l] > 0.0)
            .max_by(|&a, &b| gain(a).total_cmp(&gain(b)).then(b.cmp(&a)))
        else {
            break;
        };
        if gain(best) <= 0.0 {
            break;
        }
        y[best] += 1.0;
        for (s, a) in short.iter_mut().zip(&cover[best]) {
            *s -= a;
        }
    }
    let mut order: Vec<usize> = (0..cost.len()).filter(|&l| y[l] > 0.0).collect();
    order.sort_by(|&a, &b| cost[b].total_cmp(&cost[a]).then(a.cmp(&b)));
    for l in order {
        while y[l] > 0.0 && short.iter().zip(&cover[l]).all(|(s, a)| *s + a <= 1e-9) {
            y[l] -= 1.0;
            for (s, a) in short.iter_mut().zip(&cover[l]) {
                *s += a;
            }
        }
    }
    y
}
