//! The generator of the shipped example history (`scenarios/planning/history/`) and of test
//! histories: fictional 999, 101 and digital demand with a trend, annual, weekly and daily
//! shapes, busier Friday and Saturday nights, England & Wales bank holidays, New Year's Eve and
//! Bonfire Night, day-to-day variation (gamma, CV 4%) and Poisson counts, from a fixed seed.

use super::calendar::bank_holiday;
use chrono::{Datelike, NaiveDate};
use rand::SeedableRng;
use rand_distr::{Distribution, Gamma, Poisson};

/// How one fictional channel's demand is made.
#[derive(Debug, Clone)]
pub struct ChannelSpec {
    pub name: &'static str,
    /// Mean calls a day on an average day at `origin`.
    pub per_day: f64,
    /// Growth per year (0.05 = +5%).
    pub growth: f64,
    /// Annual swing: +amplitude in mid-July, -amplitude in mid-January.
    pub annual: f64,
    /// Day factors Monday..Sunday.
    pub week: [f64; 7],
    /// Relative calls in each hour of the day.
    pub hours: [f64; 24],
    /// Extra factor for Friday and Saturday nights (21:00 to 03:00).
    pub weekend_night: f64,
    /// A bank holiday is a Sunday (factor and shape) times this.
    pub holiday: f64,
    /// New Year's Eve 20:00-24:00 and Bonfire Night (5 November) 17:00-23:00 factors.
    pub new_years_eve: f64,
    pub bonfire: f64,
}

/// The three channels of the shipped history.
pub fn channels() -> [ChannelSpec; 3] {
    [
        ChannelSpec {
            name: "999",
            per_day: 640.0,
            growth: 0.05,
            annual: 0.12,
            week: [0.96, 0.93, 0.94, 0.96, 1.05, 1.12, 1.04],
            hours: [
                0.9, 0.75, 0.6, 0.5, 0.42, 0.4, 0.45, 0.6, 0.8, 0.95, 1.0, 1.05, 1.1, 1.1, 1.1,
                1.15, 1.25, 1.35, 1.4, 1.45, 1.5, 1.5, 1.4, 1.15,
            ],
            weekend_night: 1.25,
            holiday: 1.05,
            new_years_eve: 1.6,
            bonfire: 1.3,
        },
        ChannelSpec {
            name: "101",
            per_day: 850.0,
            growth: -0.03,
            annual: 0.05,
            week: [1.15, 1.08, 1.05, 1.03, 1.0, 0.75, 0.7],
            hours: [
                0.15, 0.1, 0.08, 0.06, 0.05, 0.06, 0.15, 0.4, 0.9, 1.3, 1.45, 1.45, 1.4, 1.4, 1.4,
                1.35, 1.3, 1.2, 1.0, 0.85, 0.7, 0.55, 0.4, 0.25,
            ],
            weekend_night: 1.0,
            holiday: 1.0,
            new_years_eve: 1.1,
            bonfire: 1.1,
        },
        ChannelSpec {
            name: "digital",
            per_day: 280.0,
            growth: 0.2,
            annual: 0.03,
            week: [1.05, 1.04, 1.03, 1.02, 1.0, 0.92, 0.94],
            hours: [
                0.3, 0.2, 0.15, 0.1, 0.1, 0.12, 0.3, 0.6, 0.9, 1.1, 1.2, 1.25, 1.25, 1.25, 1.2,
                1.2, 1.2, 1.25, 1.3, 1.35, 1.3, 1.1, 0.8, 0.5,
            ],
            weekend_night: 1.0,
            holiday: 0.9,
            new_years_eve: 1.0,
            bonfire: 1.0,
        },
    ]
}

/// The first day of the shipped history: growth is measured from here.
pub fn origin() -> NaiveDate {
    NaiveDate::from_ymd_opt(2023, 12, 1).unwrap_or_default()
}

/// Expected calls in each interval of `date` (`per_day` intervals), before day-to-day variation.
pub fn expected(spec: &ChannelSpec, date: NaiveDate, per_day: usize) -> Vec<f64> {
    let years = (date - origin()).num_days() as f64 / 365.25;
    let doy = date.ordinal0() as f64;
    // Peak in mid-July (day 196).
    let annual = 1.0 + spec.annual * ((doy - 196.0) / 365.25 * std::f64::consts::TAU).cos();
    let holiday = bank_holiday(date).is_some();
    let wd = if holiday {
        6
    } else {
        date.weekday().num_days_from_monday() as usize
    };
    let mut total = spec.per_day * (1.0 + spec.growth).powf(years) * annual * spec.week[wd];
    if holiday {
        total *= spec.holiday;
    }
    let per_hour = per_day as f64 / 24.0;
    let mut w: Vec<f64> = (0..per_day)
        .map(|i| {
            let h = (i as f64 / per_hour) as usize;
            let night = (h >= 21 && (wd == 4 || wd == 5)) || (h < 3 && (wd == 5 || wd == 6));
            spec.hours[h] * if night { spec.weekend_night } else { 1.0 }
        })
        .collect();
    let sum: f64 = w.iter().sum();
    w.iter_mut().for_each(|x| *x *= total / sum);
    let minute = |i: usize| (i as f64 * 1440.0 / per_day as f64) as u32;
    for (i, x) in w.iter_mut().enumerate() {
        let m = minute(i);
        if date.month() == 12 && date.day() == 31 && m >= 20 * 60 {
            *x *= spec.new_years_eve;
        }
        if date.month() == 11 && date.day() == 5 && (17 * 60..23 * 60).contains(&m) {
            *x *= spec.bonfire;
        }
    }
    w
}

/// Counts for `days` days from `first`: per channel, per day, per interval.
pub fn generate(
    specs: &[ChannelSpec],
    first: NaiveDate,
    days: usize,
    per_day: usize,
    seed: u64,
) -> Vec<Vec<Vec<f64>>> {
    let mut rng = rand_pcg::Pcg64::seed_from_u64(seed);
    let cv = 0.04_f64;
    let day_mult = Gamma::new(1.0 / (cv * cv), cv * cv).ok();
    specs
        .iter()
        .map(|s| {
            (0..days)
                .map(|d| {
                    let date = first + chrono::Duration::days(d as i64);
                    let m = day_mult.as_ref().map_or(1.0, |g| g.sample(&mut rng));
                    expected(s, date, per_day)
                        .into_iter()
                        .map(|l| match Poisson::new(l * m) {
                            Ok(p) => p.sample(&mut rng),
                            Err(_) => 0.0,
                        })
                        .collect()
                })
                .collect()
        })
        .collect()
}

/// The comment block at the top of the shipped file.
pub const HEADER: &str = "\
# Fictional demand for a fictional force: 999, 101 and digital, 15-minute intervals,
# 1 December 2023 to 30 November 2025, UK local time. No real data.
# Made by `cargo run --release --example make_history` (src/plan/forecast/synthetic.rs, seed 2025):
# calls a day at the start 640 (999), 850 (101), 280 (digital); growth +5%, -3% and +20% a year;
# annual swing +-12%, +-5%, +-3% peaking in mid-July; weekday factors (999 busiest on Friday and
# Saturday, 101 on Monday, quiet at weekends); daily shapes by hour (999 peaks 20:00-22:00,
# 101 in office hours); Friday and Saturday nights 21:00-03:00 x1.25 on 999; England & Wales
# bank holidays are Sunday-like (999 x1.05, digital x0.9); New Year's Eve 20:00-24:00 x1.6 and
# Bonfire Night 17:00-23:00 x1.3 on 999; a gamma day-to-day factor (CV 4%), then Poisson counts.
# Intervals with no calls are left out, as ACD exports do.
";

/// The shipped history as CSV text: `start,queue,calls`, zero-call intervals left out.
pub fn csv(first: NaiveDate, days: usize, seed: u64) -> String {
    use std::fmt::Write as _;
    let specs = channels();
    let data = generate(&specs, first, days, 96, seed);
    let mut out = String::from(HEADER);
    out.push_str("start,queue,calls\n");
    for d in 0..days {
        let date = first + chrono::Duration::days(d as i64);
        for i in 0..96 {
            for (s, series) in specs.iter().zip(&data) {
                let x = series[d][i];
                if x > 0.0 {
                    let _ = writeln!(out, "{date} {:02}:{:02},{},{x}", i / 4, i % 4 * 15, s.name);
                }
            }
        }
    }
    out
}
