//! The engine's input: a fully resolved, validated description of one control room.
//!
//! `model::validate` builds this from a planner's file (loading any CSVs); the engine never
//! reads files. Times are seconds from the start of the run, which is Monday 00:00.

use std::sync::Arc;

pub use super::units::{DAY_S, WEEK_S};

/// A duration distribution, in seconds, with parameters already checked.
#[derive(Debug, Clone, PartialEq)]
pub enum Dist {
    Exponential {
        mean: f64,
    },
    LogNormal {
        mu: f64,
        sigma: f64,
    },
    Gamma {
        shape: f64,
        scale: f64,
    },
    Fixed {
        value: f64,
    },
    /// Resampled uniformly from observed durations (non-empty, all finite and >= 0).
    Empirical {
        samples: Arc<[f64]>,
    },
}

impl Dist {
    /// The distribution's mean in seconds.
    pub fn mean(&self) -> f64 {
        match self {
            Dist::Exponential { mean } => *mean,
            Dist::LogNormal { mu, sigma } => (mu + sigma * sigma / 2.0).exp(),
            Dist::Gamma { shape, scale } => shape * scale,
            Dist::Fixed { value } => *value,
            Dist::Empirical { samples } => samples.iter().sum::<f64>() / samples.len() as f64,
        }
    }
}

/// The slot of a demand profile of `len` intervals of `interval_s` that holds run time `t`: a
/// profile of a week or less repeats every week; a longer one (a dated forecast) runs on from
/// the start of the run.
#[inline]
pub fn profile_slot(len: usize, interval_s: f64, t: f64) -> usize {
    let dated = len as f64 * interval_s > WEEK_S + 1.0;
    let at = if dated {
        t
    } else {
        super::tracker::week_time(t)
    };
    (super::tracker::floor_pos(at / interval_s) as usize).min(len.saturating_sub(1))
}

/// A window in which one channel's demand is multiplied (e.g. a major incident).
#[derive(Debug, Clone, PartialEq)]
pub struct Surge {
    pub start_s: f64,
    pub end_s: f64,
    pub multiplier: f64,
}

/// Call-back offer for a queue (e.g. 101): callers facing a long wait may hang up and keep
/// their place; a handler rings them back when their turn comes.
#[derive(Debug, Clone, PartialEq)]
pub struct Callback {
    /// Offer when the estimated wait on arrival exceeds this many seconds.
    pub offer_over_s: f64,
    /// Share of offered callers who accept.
    pub take_up: f64,
    /// Probability that the call-back reaches the caller.
    pub success: f64,
    /// Handler time spent on a call-back that does not get through.
    pub failed_attempt_s: f64,
}

/// An abandoned caller may try again.
#[derive(Debug, Clone, PartialEq)]
pub struct Redial {
    pub probability: f64,
    pub delay: Dist,
}

/// One contact channel (999, 101, digital, ...).
#[derive(Debug, Clone, PartialEq)]
pub struct ChannelConfig {
    pub name: String,
    /// Lower is served first.
    pub priority: u32,
    /// Deferrable work (digital): no patience; taken when no call waits.
    pub deferrable: bool,
    /// Arrival rate per second for each profile interval of the week.
    pub rates_per_s: Vec<f64>,
    /// Length of one profile interval in seconds (divides a day).
    pub profile_interval_s: f64,
    /// Coefficient of variation of a gamma day-to-day demand multiplier (0 = none).
    pub day_cv: f64,
    pub surges: Vec<Surge>,
    pub talk: Dist,
    pub wrap: Dist,
    pub patience: Option<Dist>,
    pub redial: Option<Redial>,
    pub callback: Option<Callback>,
    /// Indices of channels whose waiting calls may interrupt a handler working on this channel.
    pub interrupted_by: Vec<usize>,
    /// Service-level threshold in seconds.
    pub sl_threshold_s: f64,
    /// Service-level target (share answered within the threshold), for reporting.
    pub sl_target: f64,
    /// Share of contacts that are harrowing.
    pub harrowing_share: f64,
}

/// A shift within a rota: start time of day and length.
#[derive(Debug, Clone, PartialEq)]
pub struct ShiftTime {
    pub start_s: f64,
    pub length_s: f64,
}

/// A break within a shift, relative to the shift start.
#[derive(Debug, Clone, PartialEq)]
pub struct BreakTime {
    pub after_s: f64,
    pub length_s: f64,
    /// Breaks in a team are spread evenly over this window, so the room never empties.
    pub stagger_s: f64,
}

/// A group of handlers with the same skills on the same rota.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupConfig {
    pub name: String,
    /// Channel indices this group takes.
    pub skills: Vec<usize>,
    /// The order it takes waiting contacts: (channel, take only while more than this many
    /// wait). Empty: its skills in channel priority, whenever one waits.
    pub routing: Vec<(usize, u32)>,
    /// Handling time as a multiple of the channel's.
    pub handling_multiplier: f64,
    /// Handlers per team.
    pub handlers: u32,
    /// The rota cycle: for each day, the shift worked (or None for a rest day).
    pub pattern: Vec<Option<ShiftTime>>,
    /// Cycle day on which team 0's Monday of week one falls; team k starts
    /// `k * pattern.len() / teams` days further on.
    pub start_day: usize,
    pub teams: u32,
    pub breaks: Vec<BreakTime>,
    /// Probability a rostered handler is absent for a shift (sickness, training, leave).
    pub shrinkage: f64,
    /// Every this many worked shifts, one is a training day (0 = none).
    pub training_every_shifts: u32,
    /// Handling-time multiplier on a new handler's first day, and seconds it takes to fade.
    pub learning: Option<(f64, f64)>,
    /// Rotation windows [from, until) and when each window's course ends. Empty: always on.
    pub windows: Vec<Window>,
    /// Leaving hazard per handler per second (attrition).
    pub leave_rate_per_s: f64,
    pub intakes: Vec<IntakeConfig>,
    /// Instead of a rota: handlers on duty per interval of the week (interval length, counts).
    pub on_duty: Option<(f64, Vec<u32>)>,
}

/// A period in which a group works: on a course until `course_until`, then on the phones.
#[derive(Debug, Clone, PartialEq)]
pub struct Window {
    pub from_s: f64,
    pub course_until_s: f64,
    pub until_s: f64,
}

/// Recruits joining a group.
#[derive(Debug, Clone, PartialEq)]
pub struct IntakeConfig {
    pub recruits: u32,
    /// Offer accepted (s from the start).
    pub offer_s: f64,
    /// Vetting delay.
    pub vetting: Dist,
    pub course_s: f64,
    pub dropout: f64,
}

/// Everything the engine needs for one run.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub channels: Vec<ChannelConfig>,
    pub groups: Vec<GroupConfig>,
    /// When the run starts, in seconds from Monday 00:00 of week one (0 for a planning run;
    /// the time of week for a look-ahead from a live state).
    pub start_s: f64,
    pub horizon_s: f64,
    pub warmup_s: f64,
    /// KPI interval length in seconds (divides a week). Results fold onto the week.
    pub kpi_interval_s: f64,
    pub seed: u64,
    pub replications: u32,
    /// Time off the phones after a harrowing call (s).
    pub decompression_s: f64,
    /// Periods of the week reported on their own: name and KPI intervals of the week.
    pub windows: Vec<(String, Vec<usize>)>,
    /// The months `monthly.csv` reports by (calendar months when the model has a start date).
    pub months: super::months::Months,
    /// The calendar date of time 0 (`run.start_date`, a Monday), when the model has one.
    pub start_date: Option<chrono::NaiveDate>,
}

impl Config {
    /// Number of KPI intervals in a week.
    pub fn kpi_intervals(&self) -> usize {
        (WEEK_S / self.kpi_interval_s).round() as usize
    }
}
