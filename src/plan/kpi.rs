//! Key performance indicators: each replication's figures per channel and staff group, and
//! their estimates across replications.

use super::stats::{Estimate, estimate};
use crate::sim::tracker::{ChannelBin, GroupBin};
use crate::sim::{Config, Replication};

/// What a row describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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

    /// The scope named `s` (`channel` or `group`).
    pub fn from_name(s: &str) -> Option<Scope> {
        [Scope::Channel, Scope::Group]
            .into_iter()
            .find(|k| k.as_str() == s)
    }
}

/// What kind of figure a KPI is: how it adds up, and how it is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A number of contacts, summed over time (per-week figures divide by weeks).
    Count,
    /// A share (0..1), shown as a percentage; differences in percentage points.
    Share,
    /// A duration in seconds.
    Seconds,
    /// Hours of handler time, summed over time.
    Hours,
    /// A mean number (of contacts waiting, handlers available, harrowing calls a shift).
    Number,
}

/// A key performance indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kpi {
    Offered,
    Answered,
    Abandoned,
    WaitingAtEnd,
    AbandonRate,
    WaitMean,
    WaitP90,
    ServiceLevel,
    QueuedRate,
    TimeInQueueMean,
    QueueLengthMean,
    CallbacksOffered,
    CallbacksAccepted,
    CallbacksMade,
    CallbacksSuccessful,
    Redials,
    CallersLost,
    Occupancy,
    HandlersOnDutyMean,
    StaffedHours,
    BusyHours,
    HarrowingPerShiftMean,
    HarrowingPerShiftMax,
}

impl Kpi {
    /// The channel KPIs, in the column order of `summary.csv` and `intervals.csv`.
    pub const CHANNEL: [Kpi; 17] = [
        Kpi::Offered,
        Kpi::Answered,
        Kpi::Abandoned,
        Kpi::WaitingAtEnd,
        Kpi::AbandonRate,
        Kpi::WaitMean,
        Kpi::WaitP90,
        Kpi::ServiceLevel,
        Kpi::QueuedRate,
        Kpi::TimeInQueueMean,
        Kpi::QueueLengthMean,
        Kpi::CallbacksOffered,
        Kpi::CallbacksAccepted,
        Kpi::CallbacksMade,
        Kpi::CallbacksSuccessful,
        Kpi::Redials,
        Kpi::CallersLost,
    ];

    /// The staff-group KPIs.
    pub const GROUP: [Kpi; 6] = [
        Kpi::Occupancy,
        Kpi::HandlersOnDutyMean,
        Kpi::StaffedHours,
        Kpi::BusyHours,
        Kpi::HarrowingPerShiftMean,
        Kpi::HarrowingPerShiftMax,
    ];

    /// The CSV name, with its unit where it has one.
    pub fn name(self) -> &'static str {
        match self {
            Kpi::Offered => "offered",
            Kpi::Answered => "answered",
            Kpi::Abandoned => "abandoned",
            Kpi::WaitingAtEnd => "waiting_at_end",
            Kpi::AbandonRate => "abandon_rate",
            Kpi::WaitMean => "wait_mean_s",
            Kpi::WaitP90 => "wait_p90_s",
            Kpi::ServiceLevel => "service_level",
            Kpi::QueuedRate => "queued_rate",
            Kpi::TimeInQueueMean => "time_in_queue_mean_s",
            Kpi::QueueLengthMean => "queue_length_mean",
            Kpi::CallbacksOffered => "callbacks_offered",
            Kpi::CallbacksAccepted => "callbacks_accepted",
            Kpi::CallbacksMade => "callbacks_made",
            Kpi::CallbacksSuccessful => "callbacks_successful",
            Kpi::Redials => "redials",
            Kpi::CallersLost => "callers_lost",
            Kpi::Occupancy => "occupancy",
            Kpi::HandlersOnDutyMean => "handlers_on_duty_mean",
            Kpi::StaffedHours => "staffed_hours",
            Kpi::BusyHours => "busy_hours",
            Kpi::HarrowingPerShiftMean => "harrowing_per_shift_mean",
            Kpi::HarrowingPerShiftMax => "harrowing_per_shift_max",
        }
    }

    /// The label a reader sees.
    pub fn label(self) -> &'static str {
        match self {
            Kpi::Offered => "offered",
            Kpi::Answered => "answered",
            Kpi::Abandoned => "abandoned",
            Kpi::WaitingAtEnd => "still waiting at end",
            Kpi::AbandonRate => "abandonment rate",
            Kpi::WaitMean => "mean wait, answered (s)",
            Kpi::WaitP90 => "90th percentile wait (s)",
            Kpi::ServiceLevel => "service level",
            Kpi::QueuedRate => "share that had to queue",
            Kpi::TimeInQueueMean => "mean time in queue, all (s)",
            Kpi::QueueLengthMean => "mean number waiting",
            Kpi::CallbacksOffered => "call-backs offered",
            Kpi::CallbacksAccepted => "call-backs accepted",
            Kpi::CallbacksMade => "call-backs made",
            Kpi::CallbacksSuccessful => "call-backs successful",
            Kpi::Redials => "redials",
            Kpi::CallersLost => "callers lost for good",
            Kpi::Occupancy => "occupancy",
            Kpi::HandlersOnDutyMean => "mean handlers available",
            Kpi::StaffedHours => "staffed hours",
            Kpi::BusyHours => "busy hours",
            Kpi::HarrowingPerShiftMean => "harrowing calls per handler per shift, mean",
            Kpi::HarrowingPerShiftMax => "harrowing calls per handler per shift, most",
        }
    }

    pub fn kind(self) -> Kind {
        match self {
            Kpi::Offered
            | Kpi::Answered
            | Kpi::Abandoned
            | Kpi::WaitingAtEnd
            | Kpi::CallbacksOffered
            | Kpi::CallbacksAccepted
            | Kpi::CallbacksMade
            | Kpi::CallbacksSuccessful
            | Kpi::Redials
            | Kpi::CallersLost => Kind::Count,
            Kpi::AbandonRate | Kpi::ServiceLevel | Kpi::QueuedRate | Kpi::Occupancy => Kind::Share,
            Kpi::WaitMean | Kpi::WaitP90 | Kpi::TimeInQueueMean => Kind::Seconds,
            Kpi::StaffedHours | Kpi::BusyHours => Kind::Hours,
            Kpi::QueueLengthMean
            | Kpi::HandlersOnDutyMean
            | Kpi::HarrowingPerShiftMean
            | Kpi::HarrowingPerShiftMax => Kind::Number,
        }
    }

    /// Whether the KPI describes a channel or a staff group.
    pub fn scope(self) -> Scope {
        if Kpi::GROUP.contains(&self) {
            Scope::Group
        } else {
            Scope::Channel
        }
    }

    /// A count of contacts (summed over time, so per-week figures divide them by weeks).
    pub fn is_count(self) -> bool {
        self.kind() == Kind::Count
    }

    /// A share shown as a percentage.
    pub fn is_share(self) -> bool {
        self.kind() == Kind::Share
    }

    /// The KPI with this CSV name.
    pub fn from_name(name: &str) -> Option<Kpi> {
        Kpi::CHANNEL
            .into_iter()
            .chain(Kpi::GROUP)
            .find(|k| k.name() == name)
    }

    /// Position among [`Kpi::CHANNEL`] (or [`Kpi::GROUP`]).
    fn index(self) -> usize {
        let list: &[Kpi] = match self.scope() {
            Scope::Channel => &Kpi::CHANNEL,
            Scope::Group => &Kpi::GROUP,
        };
        list.iter().position(|k| *k == self).unwrap_or(0)
    }
}

impl std::fmt::Display for Kpi {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Channel KPIs, in column order.
pub const CHANNEL_KPIS: [Kpi; 17] = Kpi::CHANNEL;

/// Staff-group KPIs.
pub const GROUP_KPIS: [Kpi; 6] = Kpi::GROUP;

fn ratio(a: f64, b: f64) -> f64 {
    if b > 0.0 { a / b } else { f64::NAN }
}

/// A channel's figures from its totals, in the order of [`CHANNEL_KPIS`].
pub fn channel_values(t: &ChannelBin, covered_s: f64) -> [f64; 17] {
    [
        t.offered as f64,
        t.answered as f64,
        t.abandoned as f64,
        t.waiting_at_end as f64,
        ratio(t.abandoned as f64, t.resolved as f64),
        ratio(t.wait_sum, t.answered as f64),
        t.waits.quantile(0.9).unwrap_or(f64::NAN),
        ratio(t.answered_in_sl as f64, t.sl_judged as f64),
        ratio(t.queued as f64, t.resolved as f64),
        ratio(t.queue_time_sum, t.resolved as f64),
        ratio(t.queue_area, covered_s),
        t.callbacks_offered as f64,
        t.callbacks_accepted as f64,
        t.callbacks_made as f64,
        t.callbacks_successful as f64,
        t.redials as f64,
        t.callers_lost as f64,
    ]
}

/// A channel KPI from [`channel_values`]'s output (NaN for a staff-group KPI).
pub fn channel_value(values: &[f64; 17], kpi: Kpi) -> f64 {
    match kpi.scope() {
        Scope::Channel => values[kpi.index()],
        Scope::Group => f64::NAN,
    }
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
    pub kpi: Kpi,
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
        let per_rep: Vec<[f64; 17]> = reps
            .iter()
            .map(|r| {
                channel_values(
                    &channel_total(&r.tracker.channels[c]),
                    r.tracker.covered_s.iter().sum(),
                )
            })
            .collect();
        for (k, &kpi) in CHANNEL_KPIS.iter().enumerate() {
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
            let per_rep: Vec<[f64; 17]> = reps
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
            for (k, &kpi) in CHANNEL_KPIS.iter().enumerate() {
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
                    ratio(e.harrowing as f64, e.shifts),
                    e.max as f64,
                ]
            })
            .collect();
        for (k, &kpi) in GROUP_KPIS.iter().enumerate() {
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
pub fn find<'a>(rows: &'a [Row], name: &str, kpi: Kpi) -> Option<&'a Row> {
    rows.iter().find(|r| r.name == name && r.kpi == kpi)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_read_back() {
        let all: Vec<Kpi> = Kpi::CHANNEL.into_iter().chain(Kpi::GROUP).collect();
        for k in &all {
            assert_eq!(Kpi::from_name(k.name()), Some(*k));
        }
        assert_eq!(Kpi::from_name("wait_mean"), None);
        assert_eq!(Kpi::Occupancy.scope(), Scope::Group);
        assert_eq!(Kpi::WaitMean.kind(), Kind::Seconds);
        assert_eq!(Kpi::CallersLost.label(), "callers lost for good");
        for k in Kpi::CHANNEL.into_iter().chain(Kpi::GROUP) {
            assert!(!k.label().contains('_'), "{k}: the label is the CSV name");
        }
        let v: [f64; 17] = std::array::from_fn(|i| i as f64);
        for (i, k) in Kpi::CHANNEL.into_iter().enumerate() {
            assert_eq!(channel_value(&v, k), i as f64);
        }
        assert!(channel_value(&v, Kpi::Occupancy).is_nan());
    }
}
