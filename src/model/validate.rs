//! Validation: checks every field of a model and turns it into the engine's [`Config`],
//! loading any CSV inputs. Problems are collected, so a planner sees them all at once.

use super::error::{ModelError, Problem};
use super::tables;
use super::types::{Arrivals, Channel, Duration, Model, OnDuty, Profile, Rota, StaffGroup};
use crate::sim::config::{
    BreakTime, Callback, ChannelConfig, Config, DAY_S, Dist, GroupConfig, IntakeConfig, Redial,
    ShiftTime, Surge, WEEK_S, Window,
};
use chrono::{NaiveTime, Timelike};
use std::path::Path;

/// Collects problems against field paths.
struct Checker<'a> {
    path: &'a Path,
    problems: Vec<Problem>,
    /// CSV and I/O errors stop validation at once (they carry their own line numbers).
    fatal: Option<ModelError>,
}

impl Checker<'_> {
    fn bad(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem {
            field: field.into(),
            message: message.into(),
        });
    }

    /// `ok` or a problem "must be {rule} (got {v})".
    fn need(&mut self, ok: bool, field: &str, rule: &str, v: f64) {
        if !ok || !v.is_finite() {
            self.bad(field, format!("must be {rule} (got {v})"));
        }
    }

    fn positive(&mut self, field: &str, v: f64) {
        self.need(v > 0.0, field, "greater than 0", v);
    }

    fn share(&mut self, field: &str, v: f64) {
        self.need((0.0..=1.0).contains(&v), field, "between 0 and 1", v);
    }

    fn time_of_day(&mut self, field: &str, s: &str) -> f64 {
        match NaiveTime::parse_from_str(s, "%H:%M") {
            Ok(t) => t.num_seconds_from_midnight() as f64,
            Err(_) => {
                self.bad(field, format!("`{s}` is not a time of day like \"07:00\""));
                0.0
            }
        }
    }

    fn csv<T>(&mut self, r: Result<T, ModelError>) -> Option<T> {
        match r {
            Ok(v) => Some(v),
            Err(e) => {
                self.fatal.get_or_insert(e);
                None
            }
        }
    }

    fn dist(&mut self, field: &str, d: &Duration) -> Dist {
        match d {
            Duration::Exponential { mean_s } => {
                self.positive(&format!("{field}.mean_s"), *mean_s);
                Dist::Exponential { mean: *mean_s }
            }
            Duration::LogNormal { mean_s, sd_s } | Duration::Gamma { mean_s, sd_s } => {
                self.positive(&format!("{field}.mean_s"), *mean_s);
                self.positive(&format!("{field}.sd_s"), *sd_s);
                if !(*mean_s > 0.0 && *sd_s > 0.0 && mean_s.is_finite() && sd_s.is_finite()) {
                    return Dist::Fixed { value: 1.0 };
                }
                let cv2 = (sd_s / mean_s).powi(2);
                if matches!(d, Duration::LogNormal { .. }) {
                    let sigma2 = (1.0 + cv2).ln();
                    Dist::LogNormal {
                        mu: mean_s.ln() - sigma2 / 2.0,
                        sigma: sigma2.sqrt(),
                    }
                } else {
                    Dist::Gamma {
                        shape: 1.0 / cv2,
                        scale: mean_s * cv2,
                    }
                }
            }
            Duration::Fixed { s } => {
                self.need(*s >= 0.0, &format!("{field}.s"), "0 or more", *s);
                Dist::Fixed { value: *s }
            }
            Duration::Empirical { path, column } => {
                let p = tables::relative_to(self.path, path);
                match self.csv(tables::durations(&p, column.as_deref())) {
                    Some(samples) => Dist::Empirical {
                        samples: samples.into(),
                    },
                    None => Dist::Fixed { value: 1.0 },
                }
            }
        }
    }

    fn profile(&mut self, field: &str, p: &Profile) -> (Vec<f64>, f64) {
        let per_interval = |m: u32| (WEEK_S / (m as f64 * 60.0)).round() as usize;
        let (rates_h, minutes) = match p {
            Profile::Constant { per_hour } => {
                self.positive(&format!("{field}.per_hour"), *per_hour);
                (vec![*per_hour; 168], 60)
            }
            Profile::Weekly {
                interval_minutes,
                per_hour,
            } => {
                let m = *interval_minutes;
                if !matches!(m, 15 | 30 | 60) {
                    self.bad(
                        format!("{field}.interval_minutes"),
                        format!("must be 15, 30 or 60 (got {m})"),
                    );
                    return (vec![0.0; 168], 3600.0);
                }
                if per_hour.len() != per_interval(m) {
                    self.bad(
                        format!("{field}.per_hour"),
                        format!(
                            "needs {} values, one per {m}-minute interval of the week (got {})",
                            per_interval(m),
                            per_hour.len()
                        ),
                    );
                }
                (per_hour.clone(), m)
            }
            Profile::Daily {
                per_day,
                hour_shape,
            } => {
                if per_day.len() != 7 {
                    self.bad(
                        format!("{field}.per_day"),
                        format!("needs 7 values, Monday to Sunday (got {})", per_day.len()),
                    );
                }
                if hour_shape.len() != 24 {
                    self.bad(
                        format!("{field}.hour_shape"),
                        format!("needs 24 hourly weights (got {})", hour_shape.len()),
                    );
                }
                let total: f64 = hour_shape.iter().sum();
                if hour_shape.iter().any(|w| *w < 0.0 || !w.is_finite()) || total <= 0.0 {
                    self.bad(
                        format!("{field}.hour_shape"),
                        "weights must be 0 or more and not all 0",
                    );
                }
                if per_day.len() != 7 || hour_shape.len() != 24 || total <= 0.0 {
                    return (vec![0.0; 168], 3600.0);
                }
                let rates = (0..168)
                    .map(|h| per_day[h / 24] * hour_shape[h % 24] / total)
                    .collect();
                (rates, 60)
            }
            Profile::Csv {
                path,
                interval_minutes,
                count_column,
            } => {
                let m = *interval_minutes;
                if !matches!(m, 15 | 30 | 60) {
                    self.bad(
                        format!("{field}.interval_minutes"),
                        format!("must be 15, 30 or 60 (got {m})"),
                    );
                    return (vec![0.0; 168], 3600.0);
                }
                let p = tables::relative_to(self.path, path);
                match self.csv(tables::interval_profile(&p, m, count_column.as_deref())) {
                    Some(r) => (r, m),
                    None => (vec![0.0; per_interval(m)], m),
                }
            }
        };
        if let Some((i, r)) = rates_h
            .iter()
            .enumerate()
            .find(|(_, r)| !(r.is_finite() && **r >= 0.0))
        {
            self.bad(
                format!("{field}.per_hour[{i}]"),
                format!("a rate must be 0 or more calls per hour (got {r})"),
            );
        } else if rates_h.iter().sum::<f64>() <= 0.0 {
            self.bad(field.to_string(), "has no demand at all: every rate is 0");
        }
        (
            rates_h.iter().map(|r| r / 3600.0).collect(),
            minutes as f64 * 60.0,
        )
    }

    fn arrivals(
        &mut self,
        field: &str,
        a: &Arrivals,
        horizon_days: f64,
    ) -> (Vec<f64>, f64, Vec<Surge>) {
        let (rates, interval) = self.profile(&format!("{field}.profile"), &a.profile);
        self.need(
            a.day_to_day_cv >= 0.0 && a.day_to_day_cv <= 2.0,
            &format!("{field}.day_to_day_cv"),
            "between 0 and 2",
            a.day_to_day_cv,
        );
        let mut surges = vec![];
        for (i, s) in a.surges.iter().enumerate() {
            let f = format!("{field}.surges[{i}]");
            if s.day as f64 >= horizon_days {
                self.bad(
                    format!("{f}.day"),
                    format!(
                        "day {} is past the end of the run ({horizon_days} days)",
                        s.day
                    ),
                );
            }
            let start = s.day as f64 * DAY_S + self.time_of_day(&format!("{f}.start"), &s.start);
            self.positive(&format!("{f}.hours"), s.hours);
            self.need(
                s.multiplier >= 0.0,
                &format!("{f}.multiplier"),
                "0 or more",
                s.multiplier,
            );
            surges.push(Surge {
                start_s: start,
                end_s: start + s.hours * 3600.0,
                multiplier: s.multiplier,
            });
        }
        (rates, interval, surges)
    }

    fn channel(&mut self, i: usize, c: &Channel, ids: &[&str], horizon_days: f64) -> ChannelConfig {
        let f = format!("channels[{i}]");
        self.share(&format!("{f}.harrowing_share"), c.harrowing_share);
        if c.id.trim().is_empty() {
            self.bad(format!("{f}.id"), "must not be empty");
        }
        let (rates_per_s, profile_interval_s, surges) =
            self.arrivals(&format!("{f}.arrivals"), &c.arrivals, horizon_days);
        let talk = self.dist(&format!("{f}.talk"), &c.talk);
        if talk.mean() <= 0.0 {
            self.bad(format!("{f}.talk"), "mean talk time must be greater than 0");
        }
        let wrap = match &c.wrap {
            Some(w) => self.dist(&format!("{f}.wrap"), w),
            None => Dist::Fixed { value: 0.0 },
        };
        let patience = c
            .patience
            .as_ref()
            .map(|p| self.dist(&format!("{f}.patience"), p));
        if c.deferrable && patience.is_some() {
            self.bad(
                format!("{f}.patience"),
                "deferrable work does not abandon: remove `patience` or set `deferrable: false`",
            );
        }
        let redial = c.redial.as_ref().map(|r| {
            self.share(&format!("{f}.redial.probability"), r.probability);
            Redial {
                probability: r.probability,
                delay: self.dist(&format!("{f}.redial.delay"), &r.delay),
            }
        });
        if redial.is_some() && patience.is_none() {
            self.bad(
                format!("{f}.redial"),
                "callers only redial after abandoning: give the channel a `patience`",
            );
        }
        let callback = c.callback.as_ref().map(|cb| {
            self.need(
                cb.offer_when_wait_over_s >= 0.0,
                &format!("{f}.callback.offer_when_wait_over_s"),
                "0 or more",
                cb.offer_when_wait_over_s,
            );
            self.share(&format!("{f}.callback.take_up"), cb.take_up);
            self.share(&format!("{f}.callback.success"), cb.success);
            self.need(
                cb.failed_attempt_s >= 0.0,
                &format!("{f}.callback.failed_attempt_s"),
                "0 or more",
                cb.failed_attempt_s,
            );
            Callback {
                offer_over_s: cb.offer_when_wait_over_s,
                take_up: cb.take_up,
                success: cb.success,
                failed_attempt_s: cb.failed_attempt_s,
            }
        });
        let mut interrupted_by = vec![];
        for (k, name) in c.interrupted_by.iter().enumerate() {
            match ids.iter().position(|id| id == name) {
                Some(j) => interrupted_by.push(j),
                None => self.bad(
                    format!("{f}.interrupted_by[{k}]"),
                    format!("`{name}` is not a channel (channels: {})", ids.join(", ")),
                ),
            }
        }
        if !c.interrupted_by.is_empty() && !c.deferrable {
            self.bad(
                format!("{f}.interrupted_by"),
                "only deferrable work can be interrupted",
            );
        }
        self.positive(
            &format!("{f}.service_level.threshold_s"),
            c.service_level.threshold_s,
        );
        self.need(
            c.service_level.target > 0.0 && c.service_level.target <= 1.0,
            &format!("{f}.service_level.target"),
            "a share above 0 and at most 1",
            c.service_level.target,
        );
        ChannelConfig {
            name: c.id.clone(),
            priority: c.priority,
            deferrable: c.deferrable,
            rates_per_s,
            profile_interval_s,
            day_cv: c.arrivals.day_to_day_cv,
            surges,
            talk,
            wrap,
            patience,
            redial,
            callback,
            interrupted_by,
            sl_threshold_s: c.service_level.threshold_s,
            sl_target: c.service_level.target,
            harrowing_share: c.harrowing_share,
        }
    }

    /// Check a rota and turn its pattern into one optional shift per day of the cycle.
    fn rota(&mut self, f: &str, r: &Rota) -> Vec<Option<ShiftTime>> {
        let mut codes: Vec<(char, ShiftTime)> = vec![];
        for (k, s) in r.shifts.iter().enumerate() {
            let sf = format!("{f}.rota.shifts[{k}]");
            let mut chars = s.code.chars();
            let code = match (chars.next(), chars.next()) {
                (Some(c), None) if c != '-' => c,
                _ => {
                    self.bad(
                        format!("{sf}.code"),
                        format!("`{}` must be one character other than '-'", s.code),
                    );
                    '?'
                }
            };
            if codes.iter().any(|(c, _)| *c == code) {
                self.bad(
                    format!("{sf}.code"),
                    format!("shift code `{code}` is used twice"),
                );
            }
            let start_s = self.time_of_day(&format!("{sf}.start"), &s.start);
            self.need(
                s.hours > 0.0 && s.hours <= 24.0,
                &format!("{sf}.hours"),
                "above 0 and at most 24",
                s.hours,
            );
            codes.push((
                code,
                ShiftTime {
                    start_s,
                    length_s: s.hours * 3600.0,
                },
            ));
        }
        let mut pattern = vec![];
        for (d, ch) in r.pattern.chars().enumerate() {
            if ch == '-' {
                pattern.push(None);
            } else if let Some((_, st)) = codes.iter().find(|(c, _)| *c == ch) {
                pattern.push(Some(st.clone()));
            } else {
                self.bad(
                    format!("{f}.rota.pattern"),
                    format!("day {} uses `{ch}`, which is not a shift code", d + 1),
                );
            }
        }
        if pattern.iter().all(|p| p.is_none()) {
            self.bad(format!("{f}.rota.pattern"), "has no working days");
        }
        let n = pattern.len();
        for d in 0..n {
            if let (Some(a), Some(b)) = (&pattern[d], &pattern[(d + 1) % n])
                && a.start_s + a.length_s > DAY_S + b.start_s
            {
                self.bad(
                    format!("{f}.rota.pattern"),
                    format!("the shift on day {} runs into the next day's shift", d + 1),
                );
            }
        }
        pattern
    }

    /// Check an on-duty profile: counts per interval of the week.
    fn on_duty(&mut self, f: &str, o: &OnDuty) -> Option<(f64, Vec<u32>)> {
        let m = o.interval_minutes;
        if !matches!(m, 15 | 30 | 60) {
            self.bad(
                format!("{f}.on_duty.interval_minutes"),
                format!("must be 15, 30 or 60 (got {m})"),
            );
            return None;
        }
        let n = (WEEK_S / (m as f64 * 60.0)).round() as usize;
        if o.handlers.len() != n {
            self.bad(
                format!("{f}.on_duty.handlers"),
                format!(
                    "needs {n} values, one per {m}-minute interval of the week (got {})",
                    o.handlers.len()
                ),
            );
            return None;
        }
        Some((m as f64 * 60.0, o.handlers.clone()))
    }

    fn group(&mut self, i: usize, g: &StaffGroup, ids: &[&str], horizon_days: f64) -> GroupConfig {
        let f = format!("staff[{i}]");
        if g.name.trim().is_empty() {
            self.bad(format!("{f}.name"), "must not be empty");
        }
        if g.skills.is_empty() {
            self.bad(
                format!("{f}.skills"),
                "a group must take at least one channel",
            );
        }
        let mut skills = vec![];
        for (k, s) in g.skills.iter().enumerate() {
            match ids.iter().position(|id| id == s) {
                Some(j) if !skills.contains(&j) => skills.push(j),
                Some(_) => self.bad(format!("{f}.skills[{k}]"), format!("`{s}` is listed twice")),
                None => self.bad(
                    format!("{f}.skills[{k}]"),
                    format!("`{s}` names no channel (channels: {})", ids.join(", ")),
                ),
            }
        }
        if g.teams == 0 {
            self.bad(format!("{f}.teams"), "must be at least 1");
        }
        self.need(
            (0.0..1.0).contains(&g.shrinkage),
            &format!("{f}.shrinkage"),
            "at least 0 and below 1",
            g.shrinkage,
        );
        let (pattern, on_duty) = match (&g.rota, &g.on_duty) {
            (Some(r), None) => (self.rota(&f, r), None),
            (None, Some(o)) => (vec![], self.on_duty(&f, o)),
            _ => {
                self.bad(
                    format!("{f}.rota"),
                    "give a group either a `rota` or an `on_duty` profile",
                );
                (vec![], None)
            }
        };
        if on_duty.is_none() && g.handlers == 0 {
            self.bad(format!("{f}.handlers"), "must be at least 1");
        }
        let longest = pattern
            .iter()
            .flatten()
            .map(|s| s.length_s)
            .fold(0.0, f64::max);
        let mut breaks = vec![];
        for (k, b) in g.breaks.iter().enumerate() {
            let bf = format!("{f}.breaks[{k}]");
            self.need(
                b.after_hours >= 0.0 && b.after_hours * 3600.0 < longest,
                &format!("{bf}.after_hours"),
                "within the shift",
                b.after_hours,
            );
            self.positive(&format!("{bf}.minutes"), b.minutes);
            self.need(
                b.stagger_minutes >= 0.0,
                &format!("{bf}.stagger_minutes"),
                "0 or more",
                b.stagger_minutes,
            );
            breaks.push(BreakTime {
                after_s: b.after_hours * 3600.0,
                length_s: b.minutes * 60.0,
                stagger_s: b.stagger_minutes * 60.0,
            });
        }
        let working = pattern.iter().filter(|p| p.is_some()).count() as f64;
        let training_every_shifts = match &g.training {
            None => 0,
            Some(t) => {
                self.positive(&format!("{f}.training.days"), t.days);
                self.positive(&format!("{f}.training.every_weeks"), t.every_weeks);
                let shifts =
                    t.every_weeks * 7.0 * working / pattern.len().max(1) as f64 / t.days.max(1e-9);
                if shifts.is_finite() && shifts < 1.5 {
                    self.bad(
                        format!("{f}.training"),
                        "leaves no working shifts between training days",
                    );
                }
                if shifts.is_finite() {
                    shifts.round().max(1.0) as u32
                } else {
                    0
                }
            }
        };
        let learning = g.learning.as_ref().map(|l| {
            self.need(
                l.initial_multiplier >= 1.0 && l.initial_multiplier <= 5.0,
                &format!("{f}.learning.initial_multiplier"),
                "between 1 and 5",
                l.initial_multiplier,
            );
            self.positive(&format!("{f}.learning.weeks"), l.weeks);
            (l.initial_multiplier, l.weeks * 7.0 * DAY_S)
        });
        let mut windows = vec![];
        if let Some(r) = &g.rotation {
            let rf = format!("{f}.rotation");
            self.need(
                r.first_day >= 0.0,
                &format!("{rf}.first_day"),
                "0 or more",
                r.first_day,
            );
            if r.first_day >= horizon_days {
                self.bad(
                    format!("{rf}.first_day"),
                    format!(
                        "day {} is after the end of the run ({horizon_days} days)",
                        r.first_day
                    ),
                );
            }
            self.positive(&format!("{rf}.length_days"), r.length_days);
            self.need(
                r.course_days >= 0.0,
                &format!("{rf}.course_days"),
                "0 or more",
                r.course_days,
            );
            if r.course_days >= r.length_days {
                self.bad(
                    format!("{rf}.course_days"),
                    format!(
                        "the course ({} days) must be shorter than the rotation ({} days)",
                        r.course_days, r.length_days
                    ),
                );
            }
            if r.rotations == 0 {
                self.bad(format!("{rf}.rotations"), "must be at least 1");
            }
            for k in 0..r.rotations {
                let from_s = (r.first_day + k as f64 * r.length_days) * DAY_S;
                windows.push(Window {
                    from_s,
                    course_until_s: from_s + r.course_days * DAY_S,
                    until_s: from_s + r.length_days * DAY_S,
                });
            }
        }
        self.need(
            g.attrition_per_month >= 0.0,
            &format!("{f}.attrition_per_month"),
            "0 or more leavers a month",
            g.attrition_per_month,
        );
        let headcount = (g.handlers * g.teams.max(1)) as f64;
        let mut intakes = vec![];
        for (k, it) in g.intakes.iter().enumerate() {
            let kf = format!("{f}.intakes[{k}]");
            self.need(
                it.day >= 0.0 && it.day < horizon_days,
                &format!("{kf}.day"),
                "a day within the run",
                it.day,
            );
            self.need(
                it.vetting_days >= 0.0,
                &format!("{kf}.vetting_days"),
                "0 or more",
                it.vetting_days,
            );
            self.need(
                it.vetting_sd_days >= 0.0,
                &format!("{kf}.vetting_sd_days"),
                "0 or more",
                it.vetting_sd_days,
            );
            self.need(
                it.course_days >= 0.0,
                &format!("{kf}.course_days"),
                "0 or more",
                it.course_days,
            );
            self.need(
                (0.0..1.0).contains(&it.dropout),
                &format!("{kf}.dropout"),
                "at least 0 and below 1",
                it.dropout,
            );
            let vetting = if it.vetting_sd_days > 0.0 && it.vetting_days > 0.0 {
                self.dist(
                    &format!("{kf}.vetting"),
                    &Duration::LogNormal {
                        mean_s: it.vetting_days * DAY_S,
                        sd_s: it.vetting_sd_days * DAY_S,
                    },
                )
            } else {
                Dist::Fixed {
                    value: it.vetting_days.max(0.0) * DAY_S,
                }
            };
            intakes.push(IntakeConfig {
                recruits: it.recruits,
                offer_s: it.day * DAY_S,
                vetting,
                course_s: it.course_days * DAY_S,
                dropout: it.dropout,
            });
        }
        GroupConfig {
            name: g.name.clone(),
            skills,
            handlers: match &on_duty {
                Some((_, counts)) => counts.iter().copied().max().unwrap_or(0),
                None => g.handlers,
            },
            pattern,
            start_day: g.rota.as_ref().map_or(0, |r| r.start_day as usize),
            teams: if on_duty.is_some() { 1 } else { g.teams.max(1) },
            breaks,
            shrinkage: g.shrinkage,
            training_every_shifts,
            learning,
            windows,
            leave_rate_per_s: if headcount > 0.0 {
                g.attrition_per_month / headcount / (30.44 * DAY_S)
            } else {
                0.0
            },
            intakes,
            on_duty,
        }
    }
}

/// Check `model` (read from `path`, which locates its CSV inputs) and build the engine config.
pub fn validate(model: &Model, path: &Path) -> Result<Config, ModelError> {
    let mut ck = Checker {
        path,
        problems: vec![],
        fatal: None,
    };
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
    if run.replications == 0 {
        ck.bad("run.replications", "must be at least 1");
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
        .map(|(i, g)| ck.group(i, g, &ids, run.horizon_days))
        .collect();
    for (i, id) in ids.iter().enumerate() {
        if !groups.is_empty() && !groups.iter().any(|g| g.skills.contains(&i)) {
            ck.bad(
                format!("channels[{i}]"),
                format!("no staff group takes `{id}`"),
            );
        }
    }
    if let Some(e) = ck.fatal {
        return Err(e);
    }
    if !ck.problems.is_empty() {
        return Err(ModelError::Invalid {
            path: path.to_path_buf(),
            problems: ck.problems,
        });
    }
    Ok(Config {
        channels,
        groups,
        horizon_s: run.horizon_days * DAY_S,
        warmup_s: run.warmup_hours * 3600.0,
        kpi_interval_s: m as f64 * 60.0,
        seed: run.seed,
        replications: run.replications,
        decompression_s: model.wellbeing.decompression_minutes * 60.0,
    })
}
