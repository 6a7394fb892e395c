//! The planner's model file, as written in RON. Every field is documented in README and in
//! the embedded default model (`scenarios/planning/default.ron`).

pub use super::breaks::Break;
use serde::{Deserialize, Serialize};

/// A control-room model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Model {
    pub name: String,
    #[serde(default)]
    pub description: String,
    pub run: RunSettings,
    pub channels: Vec<Channel>,
    pub staff: Vec<StaffGroup>,
    /// Wellbeing policy (decompression after harrowing calls).
    #[serde(default)]
    pub wellbeing: Wellbeing,
    /// Rules for `controlroom roster` (allowed shifts, rest, days on); defaults if omitted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rostering: Option<super::rostering::Rostering>,
}

/// Wellbeing policy.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Wellbeing {
    /// Minutes off the phones for a handler after a harrowing call (0 = none).
    #[serde(default)]
    pub decompression_minutes: f64,
}

/// How long to run, how many times, and how to report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RunSettings {
    /// Simulated days (the run starts on a Monday at 00:00).
    pub horizon_days: f64,
    /// The calendar date of the first day (`YYYY-MM-DD`, a Monday): needed by a `Forecast`
    /// profile, whose demand is taken date by date from that day on.
    #[serde(default)]
    pub start_date: Option<String>,
    /// Hours at the start not counted in the results (the room starts empty).
    #[serde(default)]
    pub warmup_hours: f64,
    /// Independent replications; confidence intervals are across them.
    #[serde(default = "default_replications")]
    pub replications: u32,
    pub seed: u64,
    /// Length of a KPI interval in minutes (must divide a week; results fold onto the week).
    #[serde(default = "default_kpi_minutes")]
    pub kpi_interval_minutes: u32,
    /// Periods of the week reported on their own as well (e.g. Friday nights): every channel
    /// KPI is also given for `<channel> @ <window>`.
    #[serde(default)]
    pub windows: Vec<ReportWindow>,
}

/// A period of the week to report on its own: on each of `days`, from `start` for `hours`
/// (it may run past midnight).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportWindow {
    pub name: String,
    pub days: Vec<String>,
    pub start: String,
    pub hours: f64,
}

fn default_replications() -> u32 {
    30
}
fn default_kpi_minutes() -> u32 {
    60
}

/// A contact channel.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Channel {
    /// Name used in skills and reports, e.g. "999", "101", "digital".
    pub id: String,
    /// Lower is answered first (999 = 1, 101 = 2, digital = 3).
    pub priority: u32,
    /// Deferrable work (digital contact): no abandonment, taken when no call waits.
    #[serde(default)]
    pub deferrable: bool,
    pub arrivals: Arrivals,
    /// Talk time (or, for digital, working time).
    pub talk: Duration,
    /// Wrap-up (after-call work); none if omitted.
    #[serde(default)]
    pub wrap: Option<Duration>,
    /// How long a caller will wait before hanging up; None = waits for ever.
    #[serde(default)]
    pub patience: Option<Duration>,
    #[serde(default)]
    pub redial: Option<Redial>,
    #[serde(default)]
    pub callback: Option<Callback>,
    /// Channels whose waiting calls may interrupt a handler on this (deferrable) work.
    #[serde(default)]
    pub interrupted_by: Vec<String>,
    #[serde(default)]
    pub service_level: ServiceLevel,
    /// Share of contacts that are harrowing (e.g. a death, a child at risk, a suicide threat).
    #[serde(default)]
    pub harrowing_share: f64,
}

/// Service-level target: `target` share answered within `threshold_s` seconds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceLevel {
    pub threshold_s: f64,
    pub target: f64,
}

impl Default for ServiceLevel {
    /// The national 999 standard: 90% answered within 10 seconds.
    fn default() -> Self {
        ServiceLevel {
            threshold_s: 10.0,
            target: 0.9,
        }
    }
}

/// Arrivals on a channel: a weekly profile with optional overdispersion and surges.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Arrivals {
    pub profile: Profile,
    /// Day-to-day variation: coefficient of variation of a gamma multiplier per day (0 = none).
    #[serde(default)]
    pub day_to_day_cv: f64,
    #[serde(default)]
    pub surges: Vec<Surge>,
}

/// The weekly demand profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Profile {
    /// The same rate all week (calls per hour).
    Constant { per_hour: f64 },
    /// One rate (calls per hour) per interval of the week, from Monday 00:00.
    Weekly {
        interval_minutes: u32,
        per_hour: Vec<f64>,
    },
    /// Calls per day, Monday to Sunday, spread over the day by 24 hourly weights.
    Daily {
        per_day: Vec<f64>,
        hour_shape: Vec<f64>,
    },
    /// Demand date by date from a `forecast.csv` written by `controlroom forecast` (the
    /// `forecast` column, for `channel`), from `run.start_date` for the whole run.
    Forecast { file: String, channel: String },
    /// Historical interval counts exported from telephony (CSV or XLSX): dated rows (a `start`
    /// date-time, or `Date` + `Interval Start`) averaged over the days with data of each weekday,
    /// or `day` + `time` rows averaged over every occurrence; and a count column.
    Csv {
        path: String,
        interval_minutes: u32,
        #[serde(default)]
        count_column: Option<String>,
        /// The queue to use when the file holds several (a `Queue` column), as written there.
        #[serde(default)]
        channel: Option<String>,
    },
}

/// A major incident: one channel's demand multiplied for a period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Surge {
    /// Day of the run (0 = the first Monday).
    pub day: u32,
    /// Time of day "HH:MM".
    pub start: String,
    pub hours: f64,
    pub multiplier: f64,
}

/// A duration distribution in seconds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Duration {
    Exponential {
        mean_s: f64,
    },
    LogNormal {
        mean_s: f64,
        sd_s: f64,
    },
    Gamma {
        mean_s: f64,
        sd_s: f64,
    },
    Fixed {
        s: f64,
    },
    /// Observed durations in seconds from a CSV (column `seconds`, or the named one).
    Empirical {
        path: String,
        #[serde(default)]
        column: Option<String>,
    },
}

/// An abandoned caller tries again with this probability after this delay.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Redial {
    pub probability: f64,
    pub delay: Duration,
}

/// A call-back offer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Callback {
    /// Offer a call-back when the estimated wait passes this many seconds.
    pub offer_when_wait_over_s: f64,
    /// Share of callers offered who accept (Humberside: 0.125).
    pub take_up: f64,
    /// Share of call-backs that reach the caller (Humberside: 0.965).
    pub success: f64,
    /// Handler seconds spent on a call-back that does not get through.
    #[serde(default = "default_failed_attempt")]
    pub failed_attempt_s: f64,
}

fn default_failed_attempt() -> f64 {
    60.0
}

/// A group of handlers with the same skills and rota.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StaffGroup {
    pub name: String,
    /// Channel ids this group answers.
    pub skills: Vec<String>,
    /// The order in which this group takes waiting contacts, and when: each route names one
    /// of its skills; skills not listed follow in channel priority. Empty: channel priority
    /// (999 before 101 before digital).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub routing: Vec<Route>,
    /// Handling time (talk and wrap) of this group's handlers as a multiple of the channel's
    /// (e.g. 1.2: officers on rotation take a fifth longer); 1 if omitted.
    #[serde(default = "unit", skip_serializing_if = "is_unit")]
    pub handling_multiplier: f64,
    /// Handlers in each team (not used with `on_duty`).
    #[serde(default)]
    pub handlers: u32,
    /// Teams working the rota, staggered evenly through its cycle.
    #[serde(default = "one")]
    pub teams: u32,
    /// The shift cycle the teams work.
    #[serde(default)]
    pub rota: Option<Rota>,
    /// Instead of a rota: exactly this many handlers on duty in each interval of the week
    /// (what `controlroom staff` recommends).
    #[serde(default)]
    pub on_duty: Option<OnDuty>,
    #[serde(default)]
    pub breaks: Vec<Break>,
    /// Share of rostered shifts lost to sickness, training and leave.
    #[serde(default)]
    pub shrinkage: f64,
    /// Continuing professional development: days off the phones for training.
    #[serde(default)]
    pub training: Option<Training>,
    /// New handlers are slower at first: a handling-time multiplier fading to 1.
    #[serde(default)]
    pub learning: Option<Learning>,
    /// Officers seconded into call handling for fixed periods (the group works only then).
    #[serde(default)]
    pub rotation: Option<Rotation>,
    /// Leavers per month from this group (each handler leaves at a random time).
    #[serde(default)]
    pub attrition_per_month: f64,
    /// Recruit intakes joining this group.
    #[serde(default)]
    pub intakes: Vec<Intake>,
}

/// One step of a group's routing: take waiting contacts of `channel` (one of its skills),
/// but only while more than `when_waiting_over` of them wait (0: whenever one waits). A
/// digital desk that helps with 101 only when more than five callers wait has
/// `Route(channel: "101", when_waiting_over: 5)`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Route {
    pub channel: String,
    #[serde(default)]
    pub when_waiting_over: u32,
}

fn unit() -> f64 {
    1.0
}

fn is_unit(x: &f64) -> bool {
    *x == 1.0
}

/// Training days away from the phones: `days` in every `every_weeks` weeks per handler.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Training {
    pub days: f64,
    pub every_weeks: f64,
}

/// A learning curve: handling time is multiplied by `initial_multiplier` on a handler's first
/// day on the phones, fading linearly to 1 over `weeks`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Learning {
    pub initial_multiplier: f64,
    pub weeks: f64,
}

/// Rotations of seconded officers: each rotation lasts `length_days`, starting with a
/// `course_days` call-handling course; `rotations` run back to back, each a new cohort.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rotation {
    /// Day of the run the first rotation starts.
    pub first_day: f64,
    #[serde(default = "default_rotation_days")]
    pub length_days: f64,
    #[serde(default = "default_course_days")]
    pub course_days: f64,
    #[serde(default = "one")]
    pub rotations: u32,
}

fn default_rotation_days() -> f64 {
    91.0
}
fn default_course_days() -> f64 {
    4.0
}

/// A recruit intake: `recruits` accept offers on `day`, then wait for vetting and complete
/// their initial course before taking calls; a share drop out on the way.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Intake {
    pub day: f64,
    pub recruits: u32,
    /// Mean days from offer to vetting cleared.
    pub vetting_days: f64,
    /// Spread of the vetting delay (days, lognormal); 0 = exactly `vetting_days`.
    #[serde(default)]
    pub vetting_sd_days: f64,
    /// Days of initial training before taking calls.
    pub course_days: f64,
    /// Share of recruits lost before they take calls.
    #[serde(default)]
    pub dropout: f64,
}

fn one() -> u32 {
    1
}

/// Handlers on duty per interval of the week, from Monday 00:00.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OnDuty {
    pub interval_minutes: u32,
    pub handlers: Vec<u32>,
}

/// A shift cycle: shift codes and a day-by-day pattern such as "DDNN----".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rota {
    pub shifts: Vec<Shift>,
    /// One character per day of the cycle: a shift code, or '-' for a rest day.
    pub pattern: String,
    /// Day of the cycle that falls on the first Monday for the first team.
    #[serde(default)]
    pub start_day: u32,
}

/// A shift: code letter, start time "HH:MM" and length in hours.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Shift {
    pub code: String,
    pub start: String,
    pub hours: f64,
}
