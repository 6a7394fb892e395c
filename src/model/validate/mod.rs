//! Validation: checks every field of a model and turns it into the engine's [`Config`],
//! loading any CSV inputs. Problems are collected, so a planner sees them all at once.

use super::error::{ModelError, Problem};
use super::types::{Model, ReportWindow};
use crate::sim::config::{ChannelConfig, Config, DAY_S, GroupConfig, WEEK_S};
use chrono::{NaiveTime, Timelike};
use std::path::Path;

/// Collects problems against field paths.
mod channels;
mod staff;

pub(super) struct Checker<'a> {
    path: &'a Path,
    problems: Vec<Problem>,
    /// CSV and I/O errors stop validation at once (they carry their own line numbers).
    fatal: Option<ModelError>,
    /// `run.start_date`, when given and valid.
    start_date: Option<chrono::NaiveDate>,
}

impl Checker<'_> {
    pub(super) fn bad(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem {
            field: field.into(),
            message: message.into(),
        });
    }

    /// `ok` or a problem "must be {rule} (got {v})".
    pub(super) fn need(&mut self, ok: bool, field: &str, rule: &str, v: f64) {
        if !ok || !v.is_finite() {
            self.bad(
                field,
                format!("must be {rule} (got {})", super::limits::num(v)),
            );
        }
    }

    pub(super) fn positive(&mut self, field: &str, v: f64) {
        self.need(v > 0.0, field, "greater than 0", v);
    }

    pub(super) fn share(&mut self, field: &str, v: f64) {
        self.need((0.0..=1.0).contains(&v), field, "between 0 and 1", v);
    }

    /// A profile interval must be 15, 30 or 60 minutes.
    pub(super) fn interval_minutes(&mut self, field: &str, m: u32) -> bool {
        let ok = matches!(m, 15 | 30 | 60);
        if !ok {
            self.bad(field.to_string(), format!("must be 15, 30 or 60 (got {m})"));
        }
        ok
    }

    pub(super) fn time_of_day(&mut self, field: &str, s: &str) -> f64 {
        match NaiveTime::parse_from_str(s, "%H:%M") {
            Ok(t) => t.num_seconds_from_midnight() as f64,
            Err(_) => {
                self.bad(field, format!("`{s}` is not a time of day like \"07:00\""));
                0.0
            }
        }
    }

    pub(super) fn csv<T>(&mut self, r: Result<T, ModelError>) -> Option<T> {
        match r {
            Ok(v) => Some(v),
            Err(e) => {
                self.fatal.get_or_insert(e);
                None
            }
        }
    }
}

/// The KPI intervals of the week each report window covers.
fn report_windows(
    ck: &mut Checker,
    windows: &[ReportWindow],
    kpi_minutes: u32,
) -> Vec<(String, Vec<usize>)> {
    let interval_s = kpi_minutes.max(1) as f64 * 60.0;
    let n = (WEEK_S / interval_s).round() as usize;
    let mut out = vec![];
    for (i, w) in windows.iter().enumerate() {
        let f = format!("run.windows[{i}]");
        if w.name.trim().is_empty() {
            ck.bad(format!("{f}.name"), "must not be empty");
        }
        let start = ck.time_of_day(&format!("{f}.start"), &w.start);
        let hours_ok = w.hours > 0.0 && w.hours <= super::limits::MAX_WINDOW_HOURS;
        ck.need(
            hours_ok,
            &format!("{f}.hours"),
            "above 0 and at most 168 (a week), e.g. 8",
            w.hours,
        );
        let mut intervals = vec![];
        for (k, d) in w.days.iter().enumerate() {
            let Some(dow) = super::days::day_of_week(d) else {
                ck.bad(
                    format!("{f}.days[{k}]"),
                    format!(
                        "`{}` is not a day of the week; write Mon, Tue, Wed, Thu, Fri, Sat or Sun",
                        crate::ron_text::shorten(d, 24)
                    ),
                );
                continue;
            };
            if !hours_ok {
                continue;
            }
            let from = dow as f64 * DAY_S + start;
            let count = (w.hours * 3600.0 / interval_s).ceil() as usize;
            let first = (from / interval_s).floor() as usize;
            intervals.extend((first..first + count).map(|i| i % n.max(1)));
        }
        if w.days.is_empty() {
            ck.bad(format!("{f}.days"), "name at least one day");
        }
        intervals.sort_unstable();
        intervals.dedup();
        out.push((w.name.clone(), intervals));
    }
    out
}

/// Check `model` (read from `path`, which locates its CSV inputs) and build the engine config.
pub fn validate(model: &Model, path: &Path) -> Result<Config, ModelError> {
    let mut ck = Checker {
        path,
        problems: vec![],
        fatal: None,
        start_date: None,
    };
    // Sizes first: the rest of validation runs on a copy with each bad size within its limit.
    let (size_problems, within_limits) = super::limits::check_model(model);
    ck.problems.extend(size_problems);
    let model = within_limits.as_ref().unwrap_or(model);
    let run = &model.run;
    ck.need(
        run.horizon_days > 0.0 && run.horizon_days <= 3660.0,
        "run.horizon_days",
        "above 0 and at most 3660",
        run.horizon_days,
    );
    ck.need(
        run.warmup_hours >= 0.0 && run.warmup_hours < run.horizon_days * 24.0,
        "run.warmup_hours",
        "0 or more and shorter than the run",
        run.warmup_hours,
    );
    if let Some(d) = &run.start_date {
        use chrono::Datelike;
        match chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d") {
            Ok(date) if date.weekday() == chrono::Weekday::Mon => ck.start_date = Some(date),
            Ok(date) => ck.bad(
                "run.start_date",
                format!("{d} is a {:?}: a run starts on a Monday", date.weekday()),
            ),
            Err(_) => ck.bad(
                "run.start_date",
                format!("`{d}` is not a date like 2025-12-15"),
            ),
        }
    }
    let m = run.kpi_interval_minutes;
    if m == 0 || 10_080 % m != 0 {
        ck.bad(
            "run.kpi_interval_minutes",
            format!("must divide a week, e.g. 15, 30, 60 (got {m})"),
        );
    }
    ck.need(
        model.wellbeing.decompression_minutes >= 0.0
            && model.wellbeing.decompression_minutes <= 240.0,
        "wellbeing.decompression_minutes",
        "between 0 and 240",
        model.wellbeing.decompression_minutes,
    );
    if model.channels.is_empty() {
        ck.bad("channels", "a model needs at least one channel");
    }
    let ids: Vec<&str> = model.channels.iter().map(|c| c.id.as_str()).collect();
    for (i, id) in ids.iter().enumerate() {
        if ids[..i].contains(id) {
            ck.bad(
                format!("channels[{i}].id"),
                format!("`{id}` is used by another channel"),
            );
        }
    }
    let channels: Vec<ChannelConfig> = model
        .channels
        .iter()
        .enumerate()
        .map(|(i, c)| ck.channel(i, c, &ids, run.horizon_days))
        .collect();
    let priorities: Vec<u32> = model.channels.iter().map(|c| c.priority).collect();
    if model.staff.is_empty() {
        ck.bad(
            "staff",
            "a model needs at least one staff group: no one would answer",
        );
    }
    let groups: Vec<GroupConfig> = model
        .staff
        .iter()
        .enumerate()
        .map(|(i, g)| ck.group(i, g, &ids, &priorities, run.horizon_days))
        .collect();
    for (i, id) in ids.iter().enumerate() {
        if !groups.is_empty() && !groups.iter().any(|g| g.skills.contains(&i)) {
            ck.bad(
                format!("channels[{i}]"),
                format!("no staff group takes `{id}`"),
            );
        }
    }
    let windows = report_windows(&mut ck, &run.windows, m);
    if let Some(e) = ck.fatal {
        return Err(e);
    }
    let cfg = Config {
        channels,
        groups,
        start_s: 0.0,
        horizon_s: run.horizon_days * DAY_S,
        warmup_s: run.warmup_hours * 3600.0,
        kpi_interval_s: m as f64 * 60.0,
        seed: run.seed,
        replications: run.replications,
        decompression_s: model.wellbeing.decompression_minutes * 60.0,
        windows,
        months: crate::sim::months::Months::of_run(ck.start_date, run.horizon_days * DAY_S),
        start_date: ck.start_date,
    };
    ck.problems.extend(super::limits::check_demand(&cfg));
    if !ck.problems.is_empty() {
        return Err(ModelError::Invalid {
            path: path.to_path_buf(),
            problems: ck.problems,
        });
    }
    Ok(cfg)
}
