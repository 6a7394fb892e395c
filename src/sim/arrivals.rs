//! Arrivals: a non-homogeneous Poisson process per channel.
//!
//! The rate is piecewise constant: a weekly profile, times a gamma day multiplier
//! (overdispersion), times any surge window. Arrival times come from inverting the cumulative
//! rate of a unit-rate Poisson process, one exponential draw per arrival: the same stream gives
//! the same callers in two variants, and 10% more demand moves them smoothly.

use super::config::{ChannelConfig, DAY_S, Surge, profile_slot};
use super::streams::Rng;
use super::tracker::floor_pos;
use rand_distr::{Distribution, Exp1, Gamma};

/// The arrival process of one channel.
#[derive(Debug, Clone)]
pub struct ArrivalProcess {
    rates: Vec<f64>,
    interval_s: f64,
    first_day: i64,
    day_multiplier: Vec<f64>,
    surges: Vec<Surge>,
    t: f64,
    /// The constant-rate segment [seg_start, seg_end) holding `t`, and its rate.
    seg_start: f64,
    seg_end: f64,
    seg_rate: f64,
}

impl ArrivalProcess {
    /// A process for `ch` over [start, end), drawing day multipliers from `demand`.
    pub fn new(ch: &ChannelConfig, start: f64, end: f64, demand: &mut Rng) -> Self {
        let first_day = (start / DAY_S).floor() as i64;
        let last_day = (end / DAY_S).ceil() as i64;
        let days = (last_day - first_day + 1).max(1) as usize;
        let day_multiplier = if ch.day_cv > 0.0 {
            let shape = 1.0 / (ch.day_cv * ch.day_cv);
            match Gamma::new(shape, 1.0 / shape) {
                Ok(g) => (0..days).map(|_| g.sample(demand)).collect(),
                Err(_) => vec![1.0; days],
            }
        } else {
            vec![1.0; days]
        };
        let mut surges = ch.surges.clone();
        surges.sort_by(|a, b| a.start_s.total_cmp(&b.start_s));
        ArrivalProcess {
            rates: ch.rates_per_s.clone(),
            interval_s: ch.profile_interval_s,
            first_day,
            day_multiplier,
            surges,
            t: start,
            seg_start: 0.0,
            seg_end: -1.0,
            seg_rate: 0.0,
        }
    }

    /// The arrival rate per second at time `t`.
    pub fn rate_at(&self, t: f64) -> f64 {
        // A weekly profile repeats; a dated one (from a forecast) runs on from the start.
        let idx = profile_slot(self.rates.len(), self.interval_s, t);
        let day = (floor_pos(t / DAY_S) as i64 - self.first_day)
            .clamp(0, self.day_multiplier.len() as i64 - 1);
        let mut r = self.rates[idx] * self.day_multiplier[day as usize];
        for s in &self.surges {
            if t >= s.start_s && t < s.end_s {
                r *= s.multiplier;
            }
        }
        r
    }

    /// The next time after `t` at which the rate may change.
    fn next_change(&self, t: f64) -> f64 {
        let k = floor_pos(t / self.interval_s);
        let mut next = (k + 1.0) * self.interval_s;
        if next <= t {
            next = (k + 2.0) * self.interval_s;
        }
        for s in &self.surges {
            if s.start_s > t && s.start_s < next {
                next = s.start_s;
            }
            if s.end_s > t && s.end_s < next {
                next = s.end_s;
            }
        }
        next
    }

    /// The rate at `t` and the end of the constant-rate segment holding it (cached: most
    /// arrivals fall in the same segment as the one before).
    #[inline]
    fn segment(&mut self, t: f64) -> (f64, f64) {
        if t < self.seg_start || t >= self.seg_end {
            self.seg_start = t;
            self.seg_end = self.next_change(t);
            self.seg_rate = self.rate_at(t);
        }
        (self.seg_rate, self.seg_end)
    }

    /// The next arrival time before `end`, or None when the process has finished.
    pub fn next(&mut self, rng: &mut Rng, end: f64) -> Option<f64> {
        let mut need: f64 = Exp1.sample(rng);
        let mut t = self.t;
        while t < end {
            let (rate, change) = self.segment(t);
            let change = change.min(end);
            let span = change - t;
            if rate > 0.0 && need < rate * span {
                t += need / rate;
                self.t = t;
                return Some(t);
            }
            need -= rate * span;
            t = change;
        }
        self.t = end;
        None
    }

    /// Expected number of arrivals in [a, b) (ignoring the random day multipliers' draw: uses
    /// the drawn values), by integrating the piecewise-constant rate.
    pub fn expected(&self, a: f64, b: f64) -> f64 {
        let mut t = a;
        let mut sum = 0.0;
        while t < b {
            let change = self.next_change(t).min(b);
            sum += self.rate_at(t) * (change - t);
            t = change;
        }
        sum
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::config::{Dist, WEEK_S};
    use crate::sim::streams::{Purpose, stream};

    fn channel(rates: Vec<f64>, interval_s: f64) -> ChannelConfig {
        ChannelConfig {
            name: "101".into(),
            priority: 2,
            deferrable: false,
            rates_per_s: rates,
            profile_interval_s: interval_s,
            day_cv: 0.0,
            surges: vec![],
            talk: Dist::Fixed { value: 1.0 },
            wrap: Dist::Fixed { value: 0.0 },
            patience: None,
            redial: None,
            callback: None,
            interrupted_by: vec![],
            sl_threshold_s: 10.0,
            sl_target: 0.9,
            harrowing_share: 0.0,
        }
    }

    /// Counts per interval match the profile within 4 Poisson standard deviations.
    #[test]
    fn counts_follow_the_weekly_profile_and_surges() {
        let rates: Vec<f64> = (0..168)
            .map(|h| if h % 24 < 8 { 0.002 } else { 0.01 })
            .collect();
        let mut ch = channel(rates, 3600.0);
        ch.surges.push(Surge {
            start_s: 34.0 * 3600.0,
            end_s: 37.0 * 3600.0,
            multiplier: 3.0,
        });
        let weeks = 20.0;
        let end = weeks * WEEK_S;
        let mut p = ArrivalProcess::new(&ch, 0.0, end, &mut stream(1, 0, Purpose::Demand, 0));
        let mut rng = stream(1, 0, Purpose::Arrivals, 0);
        let mut night = 0.0;
        let mut day = 0.0;
        let mut surge = 0.0;
        while let Some(t) = p.next(&mut rng, end) {
            let h = (t / 3600.0) as usize;
            if (34..37).contains(&h) {
                surge += 1.0;
            } else if h % 24 < 8 {
                night += 1.0;
            } else {
                day += 1.0;
            }
        }
        let night_hours = weeks * 7.0 * 8.0;
        let surge_hours = 3.0;
        let day_hours = weeks * 7.0 * 16.0 - surge_hours;
        for (count, expect) in [
            (night, night_hours * 3600.0 * 0.002),
            (day, day_hours * 3600.0 * 0.01),
            (surge, surge_hours * 3600.0 * 0.03),
        ] {
            assert!(
                (count - expect).abs() < 4.0 * expect.sqrt(),
                "{count} vs {expect}"
            );
        }
        let fresh = ArrivalProcess::new(&ch, 0.0, end, &mut stream(1, 0, Purpose::Demand, 0));
        let e = fresh.expected(0.0, WEEK_S);
        let want = 7.0 * (8.0 * 0.002 + 16.0 * 0.01) * 3600.0 + 3.0 * 3600.0 * 0.02;
        assert!((e - want).abs() < 1e-6, "{e} vs {want}");
    }

    /// With a day multiplier, the variance of daily counts exceeds the Poisson variance.
    #[test]
    fn day_multiplier_overdisperses_daily_counts() {
        let mut ch = channel(vec![0.01; 168], 3600.0);
        ch.day_cv = 0.2;
        let days = 400usize;
        let end = days as f64 * DAY_S;
        let mut p = ArrivalProcess::new(&ch, 0.0, end, &mut stream(3, 0, Purpose::Demand, 0));
        let mut rng = stream(3, 0, Purpose::Arrivals, 0);
        let mut counts = vec![0.0; days];
        while let Some(t) = p.next(&mut rng, end) {
            counts[(t / DAY_S) as usize] += 1.0;
        }
        let m = counts.iter().sum::<f64>() / days as f64;
        let v = counts.iter().map(|c| (c - m) * (c - m)).sum::<f64>() / (days - 1) as f64;
        // Poisson-gamma: var = m + (cv*m)^2 = 864 + 29860; Poisson alone would be 864.
        assert!((m - 864.0).abs() < 4.0 * (v / days as f64).sqrt());
        assert!(v > 10.0 * m, "variance {v} should far exceed the mean {m}");
    }

    /// A dated profile (longer than a week, from a forecast) is not folded onto the week.
    #[test]
    fn a_dated_profile_runs_on_past_the_first_week() {
        // 14 days, hourly: week two has twice the rate of week one.
        let rates: Vec<f64> = (0..336)
            .map(|h| if h < 168 { 0.01 } else { 0.02 })
            .collect();
        let mut rng = stream(1, 0, Purpose::Demand, 0);
        let a = ArrivalProcess::new(&channel(rates, 3600.0), 0.0, 2.0 * WEEK_S, &mut rng);
        assert_eq!(a.rate_at(3.0 * DAY_S), 0.01);
        assert_eq!(a.rate_at(10.0 * DAY_S), 0.02);
        assert!((a.expected(WEEK_S, 2.0 * WEEK_S) - 2.0 * a.expected(0.0, WEEK_S)).abs() < 1e-6);
    }
}
