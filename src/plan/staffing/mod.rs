//! How many people, when: the fewest handlers on duty in each interval of the week that meet
//! the service targets (`controlroom staff`).
//!
//! Desks: each staff group of the model is a desk with its skills, routing and handling
//! multiplier, and the answer is handlers *on duty* (signed in and available) per desk per KPI
//! interval, not a rota ([`desks`]: a failing target adds to its channel's home desk). With
//! `pooled` (or a model of one group) one pooled desk takes every channel in priority order. Paid hours ([`StaffingResult::paid_hours`]) are the
//! on-duty hours divided by the share of a paid hour the current rota puts on the phones after
//! shrinkage, training days and breaks ([`rota_hours`]).
//!
//! Targets: each channel's `service_level` (share answered within a threshold; abandoned
//! contacts count as failures), plus an optional maximum abandonment rate per channel.
//! Deferrable channels (digital) are held to their service level too: 95% within 86,400 s is
//! "cleared within 24 hours".
//!
//! The search:
//! 1. **Erlang A start** ([`erlang_start`]): per interval and desk, the sum over the call
//!    channels at home there of the fewest agents meeting that channel's targets alone, plus
//!    the deferrable offered load at home there.
//! 2. **Up**: simulate the pooled staffing (a fixed number of replications, the same seed every
//!    round, so rounds differ only by staffing); add one handler to every interval that fails a
//!    target; repeat until all pass, an interval that fails is at the cap, or the round limit
//!    is reached. An interval's call targets are judged on the contacts of every replication
//!    pooled, only when there are at least `min_contacts` of them, and with a margin of a few
//!    standard errors for the chosen confidence; deferrable work is judged per day.
//! 3. **Down**: take one handler away from every interval whose judged targets all pass,
//!    simulate. If a target now fails, give back the cut to blame (in the failing interval,
//!    else the nearest cut before it, since a queue spills forward, else the nearest after;
//!    within the failing day for deferrable work; a handler in the failing interval if no cut
//!    is near) and never cut that interval again; simulate again. Repeat until no interval
//!    can be cut or the round limit is reached. The answer is the last staffing that was
//!    simulated and passed.
//!
//! Same model, seed and options → the same answer, whatever the number of threads.

mod days;
pub mod desks;
mod hours;
mod judge;
mod search;
mod start;

pub use days::{StaffedDays, staffed_days};
pub use desks::Desk;
pub use hours::{ON_DUTY_GROUP, rota_hours, staffed_model, staffed_model_ron, staffing_csv};
pub use start::{erlang_start, mean_rates};

use crate::plan::report::{interval_label, merged_cover, merged_group_bins};
use crate::sim::Config;
use search::Search;
use std::fmt;

/// Options of a staffing search.
#[derive(Debug, Clone, PartialEq)]
pub struct StaffingOptions {
    /// Replications simulated for each candidate staffing (pooled when judging).
    pub replications: u32,
    /// Most handlers on duty in any interval.
    pub max_handlers: u32,
    /// Maximum abandonment rate per channel id, e.g. ("101", 0.10).
    pub max_abandon: Vec<(String, f64)>,
    /// Fewest resolved contacts (pooled over replications) for an interval's call targets to
    /// be judged; deferrable channels need this many per day.
    pub min_contacts: u64,
    /// Most simulation rounds in each of the up and down phases.
    pub max_rounds: u32,
    /// One-sided confidence that a judged interval meets its targets (0.5: the pooled share
    /// itself must meet them; 0.8: it must beat them by 0.88 standard errors with 10
    /// replications). Without a margin the answer fits the search's own seed.
    pub confidence: f64,
    /// A dated model's first day to staff (seven days from it); default the first counted.
    pub from: Option<chrono::NaiveDate>,
    /// One pooled desk taking every channel, instead of a desk per staff group.
    pub pooled: bool,
}

impl Default for StaffingOptions {
    fn default() -> Self {
        StaffingOptions {
            replications: 10,
            max_handlers: 400,
            max_abandon: vec![],
            min_contacts: 30,
            max_rounds: 60,
            confidence: 0.8,
            from: None,
            pooled: false,
        }
    }
}

/// Why a search could not start.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum StaffingError {
    #[error("the KPI interval must be 15, 30 or 60 minutes to staff by it (got {0} minutes)")]
    Interval(f64),
    #[error("a maximum abandonment is given for `{0}`, which is not a channel (channels: {1})")]
    UnknownChannel(String, String),
    #[error("the maximum abandonment for `{0}` must be a share between 0 and 1 (got {1})")]
    BadShare(String, f64),
    #[error("`{0}` is deferrable (never abandons): give it a service level instead")]
    Deferrable(String),
    #[error("the confidence must be at least 0.5 and below 1 (got {0})")]
    Confidence(f64),
    #[error("a staffing needs one count per KPI interval of the week: {1} (got {0})")]
    Length(usize, usize),
    #[error("the {0} must be at least 1")]
    Zero(&'static str),
    #[error("channel `{0}` has an impossible service-level target {1} (a share between 0 and 1)")]
    BadTarget(String, f64),
    #[error("--from {0}: the model has no `run.start_date`, so it has no dates to staff")]
    FromUndated(chrono::NaiveDate),
    #[error(
        "--from {from}: seven days from it must lie in the counted run ({counted} to {end}); \
         give a day from the first counted one to a week before the end"
    )]
    FromOutside {
        from: chrono::NaiveDate,
        counted: String,
        end: String,
    },
}

/// Which target.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum TargetKind {
    /// Share answered within `threshold_s`, at least the goal.
    ServiceLevel { threshold_s: f64 },
    /// Share abandoned, at most the goal.
    Abandonment,
}

/// One channel's targets.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    pub channel: usize,
    pub name: String,
    pub deferrable: bool,
    pub threshold_s: f64,
    pub service_level: f64,
    pub max_abandon: Option<f64>,
}

/// A target not met in the answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Unmet {
    /// First KPI interval of the span judged.
    pub interval: usize,
    /// Intervals judged together: 1, or a day's for deferrable work.
    pub span: usize,
    pub channel: String,
    pub kind: TargetKind,
    pub achieved: f64,
    pub goal: f64,
    /// Every interval of the span was at the cap (`false`: the round limit stopped the search).
    pub at_cap: bool,
}

/// Which step a round belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Simulating the model's own staff, for `rostered`.
    Rota,
    Up,
    Down,
}

/// What one simulation round did.
#[derive(Debug, Clone, PartialEq)]
pub struct Round {
    pub number: u32,
    pub phase: Phase,
    /// On-duty handler-hours per week of the staffing simulated.
    pub handler_hours: f64,
    /// Intervals (or days' intervals, for deferrable work) failing a target.
    pub failing: usize,
    /// Handlers added (+) or taken away (−) since the round before, summed over intervals.
    pub change: i64,
}

/// The answer: required handlers on duty per KPI interval, and how it compares with the rota.
#[derive(Debug, Clone, PartialEq)]
pub struct StaffingResult {
    /// KPI interval length in seconds (the `required` profile's interval).
    pub interval_s: f64,
    pub targets: Vec<Target>,
    /// The Erlang A start per interval.
    pub erlang_start: Vec<u32>,
    /// Handlers on duty per interval, every desk together: the answer.
    pub required: Vec<u32>,
    /// The desks, each with its part of the answer (one pooled desk, or one per group).
    pub desks: Vec<Desk>,
    /// Per target: the index of its home desk in `desks`.
    pub homes: Vec<usize>,
    /// Mean handlers available per interval under the model's own staff (simulated).
    pub rostered: Vec<f64>,
    /// `judged[target][interval]`: whether the answer's interval was judged on that target.
    pub judged: Vec<Vec<bool>>,
    /// Targets the answer does not meet (empty: all met).
    pub unmet: Vec<Unmet>,
    /// Required on-duty handler-hours per week.
    pub on_duty_hours: f64,
    /// The share of a paid hour the current rota puts on the phones.
    pub availability: f64,
    /// `on_duty_hours / availability`.
    pub paid_hours: f64,
    /// The current rota's paid hours per week.
    pub rota_paid_hours: f64,
    /// The current rota's simulated available handler-hours per week.
    pub rota_available_hours: f64,
    pub rounds: Vec<Round>,
    /// Trimming ran until no interval could lose a handler. False when the targets are not
    /// met, or the round limit stopped trimming (the answer then meets the targets but may be
    /// a little above the fewest).
    pub trimmed: bool,
    /// The calendar days judged, for a dated model (seven days of its run).
    pub days: Option<StaffedDays>,
}

impl StaffingResult {
    /// Every target is met.
    pub fn met(&self) -> bool {
        self.unmet.is_empty()
    }
}

impl fmt::Display for Unmet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            TargetKind::ServiceLevel { threshold_s } => format!(
                "service level {:.1}% within {threshold_s} s, target {:.1}%",
                100.0 * self.achieved,
                100.0 * self.goal
            ),
            TargetKind::Abandonment => format!(
                "abandonment {:.1}%, target at most {:.1}%",
                100.0 * self.achieved,
                100.0 * self.goal
            ),
        };
        let why = if self.at_cap {
            "at the cap"
        } else {
            "round limit reached"
        };
        write!(f, "{}: {what} ({why})", self.channel)
    }
}

/// What the search reports while it runs.
#[derive(Debug, Clone, PartialEq)]
pub enum Progress {
    /// A round of `replications` simulations starts.
    RoundStarted { number: u32, phase: Phase },
    /// One replication finished.
    Replication,
    /// A round finished.
    RoundDone(Round),
}

/// The targets of `cfg`'s channels with `opts`' abandonment caps; checks them.
pub fn targets(cfg: &Config, opts: &StaffingOptions) -> Result<Vec<Target>, StaffingError> {
    let names: Vec<&str> = cfg.channels.iter().map(|c| c.name.as_str()).collect();
    for (id, share) in &opts.max_abandon {
        let Some(c) = names.iter().position(|n| n == id) else {
            return Err(StaffingError::UnknownChannel(id.clone(), names.join(", ")));
        };
        if !(share.is_finite() && (0.0..=1.0).contains(share)) {
            return Err(StaffingError::BadShare(id.clone(), *share));
        }
        if cfg.channels[c].deferrable {
            return Err(StaffingError::Deferrable(id.clone()));
        }
    }
    cfg.channels
        .iter()
        .enumerate()
        .map(|(c, ch)| {
            if !(ch.sl_target.is_finite() && (0.0..=1.0).contains(&ch.sl_target)) {
                return Err(StaffingError::BadTarget(ch.name.clone(), ch.sl_target));
            }
            Ok(Target {
                channel: c,
                name: ch.name.clone(),
                deferrable: ch.deferrable,
                threshold_s: ch.sl_threshold_s,
                service_level: ch.sl_target,
                max_abandon: opts
                    .max_abandon
                    .iter()
                    .rev()
                    .find(|(id, _)| *id == ch.name)
                    .map(|(_, s)| *s),
            })
        })
        .collect()
}

/// Check `opts` against `cfg`; the config with the options' replications, cut to the days
/// staffed for a dated model, and those days.
fn checked(
    cfg: &Config,
    opts: &StaffingOptions,
) -> Result<(Config, Option<StaffedDays>), StaffingError> {
    let minutes = cfg.kpi_interval_s / 60.0;
    if ![15.0, 30.0, 60.0].contains(&minutes) {
        return Err(StaffingError::Interval(minutes));
    }
    if opts.replications == 0 {
        return Err(StaffingError::Zero("number of replications"));
    }
    if opts.max_handlers == 0 {
        return Err(StaffingError::Zero("most handlers on duty"));
    }
    if opts.max_rounds == 0 {
        return Err(StaffingError::Zero("round limit"));
    }
    if !(opts.confidence >= 0.5 && opts.confidence < 1.0) {
        return Err(StaffingError::Confidence(opts.confidence));
    }
    let (mut base, days) = staffed_days(cfg, opts.from)?;
    base.replications = opts.replications;
    Ok((base, days))
}

/// How a given staffing fares against the targets, judged as the search judges.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    /// Targets not met (with the margin for noise of `opts.confidence`).
    pub unmet: Vec<Unmet>,
    /// `judged[target][interval]`.
    pub judged: Vec<Vec<bool>>,
}

/// Simulate `counts` handlers on duty per KPI interval of each desk, desk by desk (the desks
/// a search of `cfg` with `opts` staffs) with `opts`' replications and `cfg`'s seed, and
/// judge every target as [`search`] does.
pub fn evaluate(
    cfg: &Config,
    opts: &StaffingOptions,
    counts: &[u32],
) -> Result<Evaluation, StaffingError> {
    let (base, _) = checked(cfg, opts)?;
    let s = Search::new(&base, opts, &|_| {})?;
    if counts.len() != s.cells() {
        return Err(StaffingError::Length(counts.len(), s.cells()));
    }
    let v = s.trial(counts, Phase::Up);
    Ok(Evaluation {
        unmet: s.unmet(&v, counts),
        judged: v.judged,
    })
}

/// How a simulated staffing is judged against a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Judging {
    /// As the search judges: a target is met only where the simulation shows it met beyond
    /// noise (the pooled share beats the target by the margin of `opts.confidence`).
    Met,
    /// As a check of a finished plan judges: a target fails only where the simulation shows
    /// it missed beyond noise (the target lies above the share by that margin). On a fresh
    /// seed a plan built to the first rule passes most intervals this way; judging it by the
    /// first rule again would fail about half of the intervals that sit right at their target.
    Missed,
}

/// Simulate `cfg` with its own staff (`opts`' replications, `cfg`'s seed) and judge every
/// target as `judging` says; the replications too, for further figures.
pub fn evaluate_staff(
    cfg: &Config,
    opts: &StaffingOptions,
    judging: Judging,
) -> Result<(Evaluation, Vec<crate::sim::Replication>), StaffingError> {
    let (base, _) = checked(cfg, opts)?;
    let s = Search::new(&base, opts, &|_| {})?;
    let reps = s.simulate(&base, Phase::Up);
    let v = judge::judge(
        &reps,
        &s.targets,
        s.n,
        s.per_day,
        opts.min_contacts,
        match judging {
            Judging::Met => s.margin,
            Judging::Missed => -s.margin,
        },
    );
    // No interval is at a cap: the staff are what they are.
    Ok((
        Evaluation {
            unmet: v.unmet(&s.targets, &|_, _| 0, opts.max_handlers),
            judged: v.judged,
        },
        reps,
    ))
}

/// Find the fewest handlers on duty per KPI interval of the week that meet every target.
///
/// `cfg` is the model as validated (a dated one cut to the seven days staffed, see
/// [`staffed_days`]); its staff are simulated once for `rostered` and the rota's hours. `progress` is told of rounds and replications (from several threads).
pub fn search(
    cfg: &Config,
    opts: &StaffingOptions,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<StaffingResult, StaffingError> {
    let (base, days) = checked(cfg, opts)?;
    let mut s = Search::new(&base, opts, progress)?;
    let n = s.n;

    // The model's own staff: mean handlers available per interval.
    let reps = s.simulate(&base, Phase::Rota);
    let cover = merged_cover(&reps);
    let mut rostered = vec![0.0; n];
    for g in 0..base.groups.len() {
        for (r, b) in rostered.iter_mut().zip(merged_group_bins(&reps, g)) {
            *r += b.staffed_s;
        }
    }
    for (r, c) in rostered.iter_mut().zip(&cover) {
        *r = if *c > 0.0 { *r / c } else { f64::NAN };
    }
    let rota_available_hours =
        rostered.iter().filter(|r| r.is_finite()).sum::<f64>() * base.kpi_interval_s / 3600.0;
    s.record(Phase::Rota, rota_available_hours, 0, 0);

    let start = start::erlang_start_at(
        &base,
        &s.targets,
        opts.max_handlers,
        &s.home,
        &s.desks
            .iter()
            .map(|d| d.handling_multiplier)
            .collect::<Vec<_>>(),
    );
    let mut counts = start.clone();
    let v = s.up(&mut counts);
    let (v, trimmed) = if v.failures.is_empty() {
        s.down(&mut counts, v)
    } else {
        (v, false)
    };
    let unmet = s.unmet(&v, &counts);

    let on_duty_hours = s.hours(&counts);
    let (rota_paid_hours, availability) = rota_hours(cfg);
    let total = |cells: &[u32]| -> Vec<u32> {
        (0..n)
            .map(|i| (0..s.desks.len()).map(|d| cells[d * n + i]).sum())
            .collect()
    };
    let (required, erlang_start) = (total(&counts), total(&start));
    let mut desks = s.desks.clone();
    for (d, desk) in desks.iter_mut().enumerate() {
        desk.required = counts[d * n..(d + 1) * n].to_vec();
        desk.erlang_start = start[d * n..(d + 1) * n].to_vec();
    }
    Ok(StaffingResult {
        interval_s: base.kpi_interval_s,
        targets: s.targets,
        erlang_start,
        required,
        desks,
        homes: s.home.clone(),
        rostered,
        judged: v.judged,
        unmet,
        on_duty_hours,
        availability,
        paid_hours: on_duty_hours / availability,
        rota_paid_hours,
        rota_available_hours,
        rounds: s.rounds,
        trimmed,
        days,
    })
}

/// Where an unmet target falls, e.g. "Tue 14:00" or "Sat (whole day)".
pub fn unmet_place(u: &Unmet, interval_s: f64) -> String {
    let (day, start) = interval_label(u.interval, interval_s);
    if u.span > 1 {
        format!("{day} (items arriving that day)")
    } else {
        format!("{day} {start}")
    }
}
