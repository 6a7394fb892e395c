//! Checks for channels: demand profiles, surges, durations, callers' behaviour.

use super::super::tables;
use super::super::types::{Arrivals, Channel, Duration, Profile};
use super::Checker;
use crate::sim::config::{Callback, ChannelConfig, DAY_S, Dist, Redial, Surge, WEEK_S};

impl Checker<'_> {
    pub(super) fn dist(&mut self, field: &str, d: &Duration) -> Dist {
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

    fn profile(&mut self, field: &str, p: &Profile, horizon_days: f64) -> (Vec<f64>, f64) {
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
                if !self.interval_minutes(&format!("{field}.interval_minutes"), m) {
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
            Profile::Forecast { file, channel } => {
                let p = tables::relative_to(self.path, file);
                let Some(start) = self.start_date else {
                    self.bad(
                        field.to_string(),
                        "a Forecast profile needs `run.start_date` (the Monday the run starts)",
                    );
                    return (vec![0.0; 168], 3600.0);
                };
                match self.csv(tables::forecast_profile(&p, channel, start, horizon_days)) {
                    Some((r, m)) => (r, m),
                    None => (vec![0.0; 168], 60),
                }
            }
            Profile::Csv {
                path,
                interval_minutes,
                count_column,
                channel,
            } => {
                let m = *interval_minutes;
                if !self.interval_minutes(&format!("{field}.interval_minutes"), m) {
                    return (vec![0.0; 168], 3600.0);
                }
                let p = tables::relative_to(self.path, path);
                match self.csv(tables::interval_profile(
                    &p,
                    m,
                    count_column.as_deref(),
                    channel.as_deref(),
                )) {
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
        let (rates, interval) = self.profile(&format!("{field}.profile"), &a.profile, horizon_days);
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

    pub(super) fn channel(
        &mut self,
        i: usize,
        c: &Channel,
        ids: &[&str],
        horizon_days: f64,
    ) -> ChannelConfig {
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
}
