//! Checks for staff groups: rotas, on-duty profiles, breaks and workforce settings.

use super::super::types::{Duration, OnDuty, Rota, StaffGroup};
use super::Checker;
use crate::sim::config::{
    BreakTime, DAY_S, Dist, GroupConfig, IntakeConfig, ShiftTime, WEEK_S, Window,
};

impl Checker<'_> {
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
        if !self.interval_minutes(&format!("{f}.on_duty.interval_minutes"), m) {
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

    /// Check a group's routing and give its full serving order: the routes as listed, then
    /// its other skills in channel priority (whenever one waits).
    fn routing(
        &mut self,
        f: &str,
        g: &StaffGroup,
        ids: &[&str],
        priorities: &[u32],
        skills: &[usize],
    ) -> Vec<(usize, u32)> {
        let mut order: Vec<(usize, u32)> = vec![];
        for (k, r) in g.routing.iter().enumerate() {
            let rf = format!("{f}.routing[{k}]");
            match ids.iter().position(|id| *id == r.channel) {
                Some(c) if skills.contains(&c) => {
                    if order.iter().any(|(d, _)| *d == c) {
                        self.bad(
                            format!("{rf}.channel"),
                            format!("`{}` is routed twice", r.channel),
                        );
                    } else {
                        order.push((c, r.when_waiting_over));
                    }
                }
                _ => self.bad(
                    format!("{rf}.channel"),
                    format!(
                        "`{}` is not one of this group's skills ({})",
                        r.channel,
                        g.skills.join(", ")
                    ),
                ),
            }
            self.need(
                r.when_waiting_over <= 10_000,
                &format!("{rf}.when_waiting_over"),
                "at most 10000",
                f64::from(r.when_waiting_over),
            );
        }
        let mut rest: Vec<usize> = skills
            .iter()
            .copied()
            .filter(|c| !order.iter().any(|(d, _)| d == c))
            .collect();
        rest.sort_by_key(|&c| (priorities.get(c).copied().unwrap_or(u32::MAX), c));
        order.extend(rest.into_iter().map(|c| (c, 0)));
        order
    }

    pub(super) fn group(
        &mut self,
        i: usize,
        g: &StaffGroup,
        ids: &[&str],
        priorities: &[u32],
        horizon_days: f64,
    ) -> GroupConfig {
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
        let routing = self.routing(&f, g, ids, priorities, &skills);
        self.need(
            (0.1..=10.0).contains(&g.handling_multiplier),
            &format!("{f}.handling_multiplier"),
            "between 0.1 and 10",
            g.handling_multiplier,
        );
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
            // A negative first day: the rotation began before the run (its course is done).
            self.need(
                r.first_day > -r.length_days,
                &format!("{rf}.first_day"),
                "after minus the rotation's length",
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
            routing,
            handling_multiplier: g.handling_multiplier,
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
                g.attrition_per_month / headcount / crate::sim::units::MONTH_S
            } else {
                0.0
            },
            intakes,
            on_duty,
        }
    }
}
