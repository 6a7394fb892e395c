//! Judging a simulated staffing against the targets, interval by interval.
//!
//! Every replication's contacts in a KPI interval of the week are pooled (by the interval in
//! which they arrived). A call channel's targets are judged in an interval only when the pool
//! holds at least `min_contacts` resolved (answered or abandoned) contacts: a handful of night
//! calls says little, and would otherwise drive staffing up on noise. Deferrable channels
//! (digital) are judged per day of the week, on the items that arrived that day, since their
//! threshold (e.g. 24 h) is far longer than an interval and the work is done whenever
//! handlers are free.
//!
//! A judged target must hold with a margin for noise: the pooled share must beat the target
//! by `k` standard errors of that share across replications, `k` being the one-sided Student
//! t quantile of the chosen confidence (e.g. 0.8 → about 0.88 with 10 replications; 0.5 →
//! no margin). Without it, a search that keeps the same seed fits the answer to that seed's
//! luck (its busy days, its long calls) and a fresh seed finds marginal intervals short.

use super::{Target, TargetKind, Unmet};
use crate::sim::Replication;
use crate::sim::tracker::ChannelBin;

/// One failed target.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Failure {
    /// First interval of the span judged.
    pub interval: usize,
    /// Intervals judged together (1, or a day's worth for deferrable work).
    pub span: usize,
    pub target: usize,
    pub kind: TargetKind,
    pub achieved: f64,
    pub goal: f64,
}

/// The verdict on one simulated staffing.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Verdict {
    pub failures: Vec<Failure>,
    /// Per interval: every call channel with contacts there was judged and passed, so a
    /// handler may be taken away to see whether the targets still hold.
    pub removable: Vec<bool>,
    /// `judged[target][interval]`: the interval's target was judged (for deferrable
    /// channels: its day was).
    pub judged: Vec<Vec<bool>>,
    /// Per interval: time-integral of waiting deferrable items (where a backlog builds).
    pub backlog: Vec<f64>,
}

impl Verdict {
    /// Intervals (call channels) or days' first intervals (deferrable) that failed.
    pub fn failing_intervals(&self) -> Vec<usize> {
        let mut v: Vec<usize> = self
            .failures
            .iter()
            .flat_map(|f| f.interval..f.interval + f.span)
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    }

    /// The failures as a report for the planner; `count(target, interval)`: the handlers
    /// the target's home desk has there (at the cap or not).
    pub fn unmet(
        &self,
        targets: &[Target],
        count: &dyn Fn(usize, usize) -> u32,
        cap: u32,
    ) -> Vec<Unmet> {
        self.failures
            .iter()
            .map(|f| Unmet {
                interval: f.interval,
                span: f.span,
                channel: targets[f.target].name.clone(),
                kind: f.kind,
                achieved: f.achieved,
                goal: f.goal,
                at_cap: (f.interval..f.interval + f.span).all(|i| count(f.target, i) >= cap),
            })
            .collect()
    }
}

/// Sum bins.
fn pooled(bins: &[ChannelBin]) -> ChannelBin {
    let mut t = ChannelBin::default();
    for b in bins {
        t.merge(b);
    }
    t
}

/// Standard errors across replications of the service level and abandonment rate of
/// channel `c` over intervals `range` (0 with fewer than two replications holding contacts).
fn standard_errors(reps: &[Replication], c: usize, range: std::ops::Range<usize>) -> (f64, f64) {
    let mut sl = vec![];
    let mut ab = vec![];
    for r in reps {
        let Some(bins) = r.tracker.channels[c].get(range.clone()) else {
            continue;
        };
        let b = pooled(bins);
        if b.sl_judged > 0 {
            sl.push(b.answered_in_sl as f64 / b.sl_judged as f64);
        }
        if b.resolved > 0 {
            ab.push(b.abandoned as f64 / b.resolved as f64);
        }
    }
    let se = |xs: &[f64]| {
        let e = crate::plan::stats::estimate(xs);
        if e.n >= 2 {
            let var = xs.iter().map(|x| (x - e.mean).powi(2)).sum::<f64>() / (e.n - 1) as f64;
            (var / e.n as f64).sqrt()
        } else {
            0.0
        }
    };
    (se(&sl), se(&ab))
}

/// Check `bin`'s targets, each with its margin (a multiple of the standard error across
/// replications); push failures.
fn check(
    bin: &ChannelBin,
    t: &Target,
    target: usize,
    (interval, span): (usize, usize),
    (sl_margin, ab_margin): (f64, f64),
    out: &mut Vec<Failure>,
) {
    let resolved = bin.resolved as f64;
    let sl = bin.answered_in_sl as f64 / bin.sl_judged as f64;
    // A tiny tolerance so a share that exactly equals its target passes despite rounding.
    if sl - sl_margin + 1e-12 < t.service_level {
        out.push(Failure {
            interval,
            span,
            target,
            kind: TargetKind::ServiceLevel {
                threshold_s: t.threshold_s,
            },
            achieved: sl,
            goal: t.service_level,
        });
    }
    if let Some(max) = t.max_abandon {
        let ab = bin.abandoned as f64 / resolved;
        if ab + ab_margin > max + 1e-12 {
            out.push(Failure {
                interval,
                span,
                target,
                kind: TargetKind::Abandonment,
                achieved: ab,
                goal: max,
            });
        }
    }
}

/// Judge replications of a staffing: `per_day` KPI intervals make a day.
pub(super) fn judge(
    reps: &[Replication],
    targets: &[Target],
    n: usize,
    per_day: usize,
    min_contacts: u64,
    k: f64,
) -> Verdict {
    let mut failures = vec![];
    // Intervals the run never counts (a run shorter than a week) keep their start.
    let cover = crate::plan::report::merged_cover(reps);
    let mut removable: Vec<bool> = (0..n)
        .map(|i| cover.get(i).is_some_and(|&c| c > 0.0))
        .collect();
    let mut judged = vec![vec![false; n]; targets.len()];
    let mut backlog = vec![0.0; n];
    for (j, t) in targets.iter().enumerate() {
        let bins = crate::plan::report::merged_channel_bins(reps, t.channel);
        if bins.len() != n {
            continue;
        }
        if t.deferrable {
            for (b, bin) in backlog.iter_mut().zip(&bins) {
                *b += bin.queue_area;
            }
            for d in 0..n.div_ceil(per_day.max(1)) {
                let from = d * per_day;
                let to = (from + per_day).min(n);
                let day = pooled(&bins[from..to]);
                if day.sl_judged >= min_contacts.max(1) {
                    judged[j][from..to].fill(true);
                    let (se_sl, se_ab) = standard_errors(reps, t.channel, from..to);
                    let margins = (k * se_sl, k * se_ab);
                    check(&day, t, j, (from, to - from), margins, &mut failures);
                }
            }
            continue;
        }
        for (i, bin) in bins.iter().enumerate() {
            if bin.sl_judged >= min_contacts.max(1) {
                judged[j][i] = true;
                let before = failures.len();
                let (se_sl, se_ab) = standard_errors(reps, t.channel, i..i + 1);
                check(bin, t, j, (i, 1), (k * se_sl, k * se_ab), &mut failures);
                if failures.len() > before {
                    removable[i] = false;
                }
            } else if bin.resolved > 0 || bin.waiting_at_end > 0 {
                // Contacts too few to judge: leave the interval as it is.
                removable[i] = false;
            }
        }
    }
    Verdict {
        failures,
        removable,
        judged,
        backlog,
    }
}
