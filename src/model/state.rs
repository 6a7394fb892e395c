//! The live-state file for an intraday look-ahead (`simulate --from-state`): the time of
//! week, calls waiting, handlers on duty and busy, and any moves the supervisor is weighing.

use super::error::{ModelError, Problem};
use super::types::Model;
use crate::sim::config::DAY_S;
use crate::sim::{Config, InitialState};
use chrono::{NaiveTime, Timelike};
use serde::Deserialize;
use std::path::Path;

/// The room now, as a supervisor describes it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LiveState {
    /// Day of the week ("Mon" .. "Sun") and time of day ("HH:MM").
    pub day: String,
    pub time: String,
    /// How far ahead to look (hours, at most 48).
    #[serde(default = "default_hours")]
    pub hours: f64,
    /// Length of the reported intervals (15, 30 or 60 minutes).
    #[serde(default = "default_interval")]
    pub interval_minutes: u32,
    #[serde(default)]
    pub waiting: Vec<Waiting>,
    #[serde(default)]
    pub on_duty: Vec<OnDutyNow>,
    #[serde(default)]
    pub busy: Vec<Busy>,
    #[serde(default)]
    pub moves: Vec<Move>,
}

fn default_hours() -> f64 {
    3.0
}
fn default_interval() -> u32 {
    15
}

/// Calls waiting on a channel: how long each has waited so far (seconds).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Waiting {
    pub channel: String,
    pub waited_s: Vec<f64>,
}

/// Handlers signed in now in a group.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OnDutyNow {
    pub group: String,
    pub handlers: u32,
}

/// Handlers of a group on a contact of a channel now.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Busy {
    pub group: String,
    pub channel: String,
    pub handlers: u32,
}

/// Handlers moved from one group to another now.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Move {
    pub from: String,
    pub to: String,
    pub handlers: u32,
}

/// Read a live-state file and set `cfg` up for a look-ahead from it.
pub fn load_state(
    path: &Path,
    model: &Model,
    cfg: &mut Config,
) -> Result<InitialState, ModelError> {
    let text = crate::files::read_input(path, crate::files::MAX_INPUT_BYTES).map_err(|source| {
        ModelError::Io {
            path: path.to_path_buf(),
            source,
        }
    })?;
    let live: LiveState = crate::ron_text::parse(&text).map_err(|e| ModelError::parse(path, e))?;
    let mut problems = vec![];
    let mut bad = |field: &str, message: String| {
        problems.push(Problem {
            field: field.into(),
            message,
        })
    };
    let channel = |name: &str| model.channels.iter().position(|c| c.id == name);
    let group = |name: &str| model.staff.iter().position(|g| g.name == name);
    let channels = model
        .channels
        .iter()
        .map(|c| c.id.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let groups = model
        .staff
        .iter()
        .map(|g| g.name.as_str())
        .collect::<Vec<_>>()
        .join(", ");

    let dow = super::days::day_of_week(&live.day);
    if dow.is_none() {
        bad(
            "day",
            format!(
                "`{}` is not a day of the week; write Mon, Tue, Wed, Thu, Fri, Sat or Sun",
                crate::ron_text::shorten(&live.day, 24)
            ),
        );
    }
    let waiting: usize = live.waiting.iter().map(|w| w.waited_s.len()).sum();
    if waiting > super::limits::MAX_WAITING {
        bad(
            "waiting",
            format!(
                "{waiting} calls waiting; the most is {}",
                super::limits::MAX_WAITING
            ),
        );
    }
    let tod = NaiveTime::parse_from_str(&live.time, "%H:%M")
        .map(|t| t.num_seconds_from_midnight() as f64);
    if tod.is_err() {
        bad(
            "time",
            format!("`{}` is not a time of day like \"18:00\"", live.time),
        );
    }
    if !(live.hours > 0.0 && live.hours <= 48.0) {
        bad(
            "hours",
            format!("must be above 0 and at most 48 (got {})", live.hours),
        );
    }
    if !matches!(live.interval_minutes, 15 | 30 | 60) {
        bad(
            "interval_minutes",
            format!("must be 15, 30 or 60 (got {})", live.interval_minutes),
        );
    }
    let mut state = InitialState::default();
    for (i, w) in live.waiting.iter().enumerate() {
        match channel(&w.channel) {
            Some(c) => {
                for (k, &s) in w.waited_s.iter().enumerate() {
                    if s.is_finite() && s >= 0.0 {
                        state.waiting.push((c, s));
                    } else {
                        bad(
                            &format!("waiting[{i}].waited_s[{k}]"),
                            format!("must be 0 or more seconds (got {s})"),
                        );
                    }
                }
            }
            None => bad(
                &format!("waiting[{i}].channel"),
                format!("`{}` is not a channel ({channels})", w.channel),
            ),
        }
    }
    let headcount = |g: usize| {
        let sg = &model.staff[g];
        match &sg.on_duty {
            Some(o) => o.handlers.iter().copied().max().unwrap_or(0),
            None => sg.handlers.saturating_mul(sg.teams.max(1)),
        }
    };
    for (i, o) in live.on_duty.iter().enumerate() {
        match group(&o.group) {
            Some(g) if o.handlers <= headcount(g) => state.on_duty.push((g, o.handlers)),
            Some(g) => bad(
                &format!("on_duty[{i}].handlers"),
                format!("`{}` has only {} handlers", o.group, headcount(g)),
            ),
            None => bad(
                &format!("on_duty[{i}].group"),
                format!("`{}` is not a staff group ({groups})", o.group),
            ),
        }
    }
    for (i, b) in live.busy.iter().enumerate() {
        match (group(&b.group), channel(&b.channel)) {
            (Some(g), Some(c)) if model.staff[g].skills.contains(&b.channel) => {
                let on = live
                    .on_duty
                    .iter()
                    .find(|o| o.group == b.group)
                    .map(|o| o.handlers);
                if let Some(on) = on.filter(|on| b.handlers > *on) {
                    bad(
                        &format!("busy[{i}].handlers"),
                        format!("{} busy but only {on} on duty in `{}`", b.handlers, b.group),
                    );
                } else if b.handlers > headcount(g) {
                    bad(
                        &format!("busy[{i}].handlers"),
                        format!(
                            "{} busy but `{}` has only {} handlers",
                            b.handlers,
                            b.group,
                            headcount(g)
                        ),
                    );
                }
                state.busy.push((g, c, b.handlers));
            }
            (Some(_), Some(_)) => bad(
                &format!("busy[{i}].channel"),
                format!("`{}` does not take `{}`", b.group, b.channel),
            ),
            (None, _) => bad(
                &format!("busy[{i}].group"),
                format!("`{}` is not a staff group ({groups})", b.group),
            ),
            (_, None) => bad(
                &format!("busy[{i}].channel"),
                format!("`{}` is not a channel ({channels})", b.channel),
            ),
        }
    }
    for (i, m) in live.moves.iter().enumerate() {
        match (group(&m.from), group(&m.to)) {
            (Some(a), Some(_)) if m.handlers > headcount(a) => bad(
                &format!("moves[{i}].handlers"),
                format!(
                    "moves {} but `{}` has only {} handlers",
                    m.handlers,
                    m.from,
                    headcount(a)
                ),
            ),
            (Some(a), Some(b)) if a != b => state.moves.push((a, b, m.handlers)),
            (Some(_), Some(_)) => bad(&format!("moves[{i}]"), "moves a group to itself".into()),
            (None, _) => bad(
                &format!("moves[{i}].from"),
                format!("`{}` is not a staff group ({groups})", m.from),
            ),
            (_, None) => bad(
                &format!("moves[{i}].to"),
                format!("`{}` is not a staff group ({groups})", m.to),
            ),
        }
    }
    if !problems.is_empty() {
        return Err(ModelError::Invalid {
            path: path.to_path_buf(),
            problems,
        });
    }
    cfg.start_s = dow.unwrap_or(0) as f64 * DAY_S + tod.unwrap_or(0.0);
    cfg.horizon_s = live.hours * 3600.0;
    cfg.warmup_s = 0.0;
    let interval_s = live.interval_minutes as f64 * 60.0;
    remap_windows(&mut cfg.windows, cfg.kpi_interval_s, interval_s);
    cfg.kpi_interval_s = interval_s;
    Ok(state)
}

/// Report windows name KPI intervals of the week: when the look-ahead reports at another
/// interval (15 minutes against the model's hour), map each window onto the new intervals it
/// covers, or a Friday-night window would point at Tuesday's quarter-hours.
fn remap_windows(windows: &mut [(String, Vec<usize>)], from_s: f64, to_s: f64) {
    let n = (crate::sim::config::WEEK_S / to_s).round().max(1.0) as usize;
    for (_, intervals) in windows {
        let mut mapped: Vec<usize> = intervals
            .iter()
            .flat_map(|&i| {
                let (a, b) = (i as f64 * from_s, (i + 1) as f64 * from_s);
                let first = (a / to_s + 1e-9).floor() as usize;
                let last = (b / to_s - 1e-9).ceil() as usize;
                (first..last.max(first + 1)).map(move |j| j % n)
            })
            .collect();
        mapped.sort_unstable();
        mapped.dedup();
        *intervals = mapped;
    }
}
