//! Key performance indicators: each replication's figures per channel and staff group, and
//! their estimates across replications.

use super::stats::{Estimate, estimate};
use crate::sim::tracker::{ChannelBin, GroupBin};
use crate::sim::{Config, Replication};

/// What a row describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Channel,
    Group,
}

impl Scope {
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Channel => "channel",
            Scope::Group => "group",
        }
    }
}

/// Channel KPIs: (CSV name with unit, human label).
pub const CHANNEL_KPIS: [(&str, &str); 16] = [
    ("offered", "offered"),
    ("answered", "answered"),
    ("abandoned", "abandoned"),
    ("waiting_at_end", "still waiting at end"),
    ("abandon_rate", "abandonment rate"),
    ("wait_mean_s", "mean wait, answered (s)"),
    ("wait_p90_s", "90th percentile wait (s)"),
    ("service_level", "service level"),
    ("queued_rate", "share that had to queue"),
    ("time_in_queue_mean_s", "mean time in queue, all (s)"),
    ("queue_length_mean", "mean number waiting"),
    ("callbacks_offered", "call-backs offered"),
    ("callbacks_accepted", "call-backs accepted"),
    ("callbacks_made", "call-backs made"),
    ("callbacks_successful", "call-backs successful"),
    ("redials", "redials"),
];

/// Staff-group KPIs.
pub const GROUP_KPIS: [(&str, &str); 6] = [
    ("occupancy", "occupancy"),
    ("handlers_on_duty_mean", "mean handlers available"),
    ("staffed_hours", "staffed hours"),
    ("busy_hours", "busy hours"),
    (
        "harrowing_per_shift_mean",
        "harrowing calls per handler per shift, mean",
    ),
    (
        "harrowing_per_shift_max",
        "harrowing calls per handler per shift, most",
    ),
];

/// Counts of contacts (summed over time, so per-week figures divide them by weeks).
pub fn is_count(kpi: &str) -> bool {
    matches!(
        kpi,
        "offered"
            | "answered"
            | "abandoned"
            | "waiting_at_end"
            | "callbacks_offered"
            | "callbacks_accepted"
            | "callbacks_made"
            | "callbacks_successful"
            | "redials"
    )
}

/// Shares shown as percentages.
pub fn is_share(kpi: &str) -> bool {
    matches!(
        kpi,
        "abandon_rate" | "service_level" | "queued_rate" | "occupancy"
    )
}

fn ratio(a: f64, b: f64) -> f64 {
    if b > 0.0 { a / b } else { f64::NAN }
}

/// A channel's figures from its totals, in the order of [`CHANNEL_KPIS`].
pub fn channel_values(t: &ChannelBin, covered_s: f64) -> [f64; 16] {
    [
        t.offered as f64,
        t.answered as f64,
        t.abandoned as f64,
        t.waiting_at_end as f64,
        ratio(t.abandoned as f64, t.resolved as f64),
        ratio(t.wait_sum, t.answered as f64),
        t.waits.quantile(0.9).unwrap_or(f64::NAN),
        ratio(t.answered_in_sl as f64, t.resolved as f64),
        ratio(t.queued as f64, t.resolved as f64),
        ratio(t.queue_time_sum, t.resolved as f64),
        ratio(t.queue_area, covered_s),
        t.callbacks_offered as f64,
        t.callbacks_accepted as f64,
        t.callbacks_made as f64,
        t.callbacks_successful as f64,
        t.redials as f64,
    ]
}

/// A channel KPI by its CSV name from [`channel_values`]'s output (NaN for an unknown name).
pub fn channel_value(values: &[f64; 16], kpi: &str) -> f64 {
    CHANNEL_KPIS
        .iter()
        .position(|(k, _)| *k == kpi)
        .map_or(f64::NAN, |i| values[i])
}

/// A group's time figures from its totals: the first four of [`GROUP_KPIS`].
pub fn group_values(t: &GroupBin, covered_s: f64) -> [f64; 4] {
    [
        ratio(t.busy_s, t.staffed_s),
        ratio(t.staffed_s, covered_s),
        t.staffed_s / 3600.0,
        t.busy_s / 3600.0,
    ]
}

/// Sum a channel's interval bins.
pub fn channel_total(bins: &[ChannelBin]) -> ChannelBin {
    let mut t = ChannelBin::default();
    for b in bins {
        t.merge(b);
    }
    t
}

/// Sum a group's interval bins.
pub fn group_total(bins: &[GroupBin]) -> GroupBin {
    let mut t = GroupBin::default();
    for b in bins {
        t.staffed_s += b.staffed_s;
        t.busy_s += b.busy_s;
    }
    t
}

/// One KPI of one channel or group: its value in each replication.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub scope: Scope,
    pub name: String,
    pub kpi: &'static str,
    pub values: Vec<f64>,
}

impl Row {
    pub fn estimate(&self) -> Estimate {
        estimate(&self.values)
    }
}

/// Every KPI of every channel and group, per replication.
pub fn rows(cfg: &Config, reps: &[Replication]) -> Vec<Row> {
    let mut out = vec![];
    for (c, ch) in cfg.channels.iter().enumerate() {
        let per_rep: Vec<[f64; 16]> = reps
            .iter()
            .map(|r| {
                channel_values(
                    &channel_total(&r.tracker.channels[c]),
                    r.tracker.covered_s.iter().sum(),
                )
            })
            .collect();
        for (k, (kpi, _)) in CHANNEL_KPIS.iter().enumerate() {
            out.push(Row {
                scope: Scope::Channel,
                name: ch.name.clone(),
                kpi,
                values: per_rep.iter().map(|v| v[k]).collect(),
            });
        }
    }
    for (window, intervals) in &cfg.windows {
        for (c, ch) in cfg.channels.iter().enumerate() {
            let per_rep: Vec<[f64; 16]> = reps
                .iter()
                .map(|r| {
                    let bins: Vec<ChannelBin> = intervals
                        .iter()
                        .map(|&i| r.tracker.channels[c][i].clone())
                        .collect();
                    let covered: f64 = intervals.iter().map(|&i| r.tracker.covered_s[i]).sum();
                    channel_values(&channel_total(&bins), covered)
                })
                .collect();
            for (k, (kpi, _)) in CHANNEL_KPIS.iter().enumerate() {
                out.push(Row {
                    scope: Scope::Channel,
                    name: format!("{} @ {window}", ch.name),
                    kpi,
                    values: per_rep.iter().map(|v| v[k]).collect(),
                });
            }
        }
    }
    for (g, group) in cfg.groups.iter().enumerate() {
        let per_rep: Vec<[f64; 6]> = reps
            .iter()
            .map(|r| {
                let [o, h, s, b] = group_values(
                    &group_total(&r.tracker.groups[g]),
                    r.tracker.covered_s.iter().sum(),
                );
                let e = &r.tracker.exposure[g];
                [
                    o,
                    h,
                    s,
                    b,
                    ratio(e.harrowing as f64, e.shifts as f64),
                    e.max as f64,
                ]
            })
            .collect();
        for (k, (kpi, _)) in GROUP_KPIS.iter().enumerate() {
            out.push(Row {
                scope: Scope::Group,
                name: group.name.clone(),
                kpi,
                values: per_rep.iter().map(|v| v[k]).collect(),
            });
        }
    }
    out
}

/// Find a row.
pub fn find<'a>(rows: &'a [Row], name: &str, kpi: &str) -> Option<&'a Row> {
    rows.iter().find(|r| r.name == name && r.kpi == kpi)
}
