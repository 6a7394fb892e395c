//! `monthly.csv`: service over the months of a long run. Per month and channel the offered
//! contacts, service level, abandonment and mean wait; per month and staff group the
//! occupancy, handlers in post mid-month and staffed hours. Each figure is the mean across
//! replications with the half-width of its 95% confidence interval. Only runs longer than a
//! month (the units module's 30 days) write it.

use super::kpi;
use super::report::{cell, csv_line};
use super::stats::{self, Estimate};
use crate::sim::months::longer_than_a_month;
use crate::sim::{Config, Replication};

/// The header of `monthly.csv`.
pub const HEADER: [&str; 19] = [
    "month",
    "from_day",
    "to_day",
    "scope",
    "name",
    "offered_mean",
    "offered_ci95",
    "service_level_mean",
    "service_level_ci95",
    "abandon_rate_mean",
    "abandon_rate_ci95",
    "wait_mean_s_mean",
    "wait_mean_s_ci95",
    "occupancy_mean",
    "occupancy_ci95",
    "in_post_mean",
    "in_post_ci95",
    "staffed_hours_mean",
    "staffed_hours_ci95",
];

/// A channel's figures in one month, per replication: offered, service level, abandonment
/// rate and mean wait.
pub fn channel_month(reps: &[Replication], c: usize, m: usize) -> [Estimate; 4] {
    let per_rep: Vec<[f64; 17]> = reps
        .iter()
        .map(|r| {
            r.tracker
                .month_channels
                .get(c)
                .and_then(|ms| ms.get(m))
                .map_or([f64::NAN; 17], |b| kpi::channel_values(b, 0.0))
        })
        .collect();
    // offered, service_level, abandon_rate, wait_mean_s in channel_values' order.
    [0, 7, 4, 5].map(|k| stats::estimate(&per_rep.iter().map(|v| v[k]).collect::<Vec<_>>()))
}

/// The estimate of a figure over replications; a replication without it counts as missing.
pub fn over_replications(
    reps: &[Replication],
    f: &dyn Fn(&Replication) -> Option<f64>,
) -> Estimate {
    stats::estimate(
        &reps
            .iter()
            .map(|r| f(r).unwrap_or(f64::NAN))
            .collect::<Vec<_>>(),
    )
}

/// A group's figures in one month: occupancy, handlers in post and staffed hours.
pub fn group_month(reps: &[Replication], g: usize, m: usize) -> [Estimate; 3] {
    let pick = |f: &dyn Fn(&Replication) -> Option<f64>| over_replications(reps, f);
    let bin = |r: &Replication| {
        r.tracker
            .month_groups
            .get(g)
            .and_then(|ms| ms.get(m))
            .cloned()
    };
    [
        pick(&|r| bin(r).map(|b| kpi::group_values(&b, 0.0)[0])),
        pick(&|r| r.tracker.month_in_post.get(g)?.get(m).copied()),
        pick(&|r| bin(r).map(|b| b.staffed_s / 3600.0)),
    ]
}

/// `monthly.csv`'s text, or None when the run is not longer than a month.
pub fn monthly_csv(cfg: &Config, reps: &[Replication]) -> Option<String> {
    if !longer_than_a_month(cfg.horizon_s) {
        return None;
    }
    let months = &cfg.months;
    let mut out = String::new();
    csv_line(&mut out, &HEADER.map(String::from));
    let both = |e: Estimate| [cell(e.mean), cell(e.half_width)];
    for m in 0..months.len() {
        let (from, to) = (months.edges[m], months.edges[m + 1].min(cfg.horizon_s));
        let lead = |scope: &str, name: &str| {
            vec![
                months.labels[m].clone(),
                cell(from / 86_400.0),
                cell(to / 86_400.0),
                scope.to_string(),
                name.to_string(),
            ]
        };
        for (c, ch) in cfg.channels.iter().enumerate() {
            let mut row = lead("channel", &ch.name);
            for e in channel_month(reps, c, m) {
                row.extend(both(e));
            }
            row.extend(std::iter::repeat_n(String::new(), 6));
            csv_line(&mut out, &row);
        }
        for (g, group) in cfg.groups.iter().enumerate() {
            let mut row = lead("group", &group.name);
            row.extend(std::iter::repeat_n(String::new(), 8));
            for e in group_month(reps, g, m) {
                row.extend(both(e));
            }
            csv_line(&mut out, &row);
        }
    }
    Some(out)
}
