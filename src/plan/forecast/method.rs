//! The forecasting method: the daily total and the intraday shape are forecast apart (as the
//! call-centre literature finds best). Daily totals, with missing and special days filled from
//! the same weekday either side, less a smooth annual pattern when there are two years
//! (`annual`), go to augurs' MSTL (weekly) with an AutoETS trend; the intraday shape is the recency-weighted mean share of each
//! interval for that weekday (Sunday's for a bank holiday). Holiday and event effects estimated from
//! history multiply the result. The 80% band combines the ETS band on the day's total with
//! count noise in each interval (Poisson, widened by the dispersion seen in the history).

use super::annual::Annual;
use super::special::{self, Effects};
use super::{ForecastError, Input, Prediction, Z80};
use augurs::ets::AutoETS;
use augurs::mstl::MSTLModel;
use augurs::prelude::*;
use chrono::{Datelike, NaiveDate};

/// Weeks of recent history the dispersion is taken from.
const SHAPE_WEEKS: usize = 8;
/// Half-life in weeks of a day's weight in the intraday shape.
const SHAPE_HALF_LIFE_WEEKS: f64 = 52.0;
/// Cycles the weekly seasonal of the daily totals is smoothed over (odd).
const WEEKLY_SMOOTHING_WEEKS: usize = 53;

/// Daily totals with no-data and special days filled in (same weekday either side, or the mean
/// of that weekday when there is none).
fn clean_totals(input: &Input, events: &[super::events::Event]) -> Vec<f64> {
    let n = input.days.len();
    let raw: Vec<Option<f64>> = (0..n)
        .map(|d| {
            special::ordinary(input, events, d)
                .then(|| input.days[d].as_ref().map(|x| x.iter().sum()))
                .flatten()
        })
        .collect();
    let mut weekday_mean = [0.0; 7];
    for (w, m) in weekday_mean.iter_mut().enumerate() {
        let vals: Vec<f64> = (0..n)
            .filter(|&d| input.weekday(d) == w)
            .filter_map(|d| raw[d])
            .collect();
        *m = if vals.is_empty() {
            0.0
        } else {
            vals.iter().sum::<f64>() / vals.len() as f64
        };
    }
    (0..n)
        .map(|d| {
            raw[d].unwrap_or_else(|| {
                let near: Vec<f64> = [-14i64, -7, 7, 14]
                    .iter()
                    .filter_map(|o| {
                        let j = d as i64 + o;
                        (j >= 0 && (j as usize) < n)
                            .then(|| raw[j as usize])
                            .flatten()
                    })
                    .collect();
                if near.is_empty() {
                    weekday_mean[input.weekday(d)]
                } else {
                    near.iter().sum::<f64>() / near.len() as f64
                }
            })
        })
        .collect()
}

/// Share of the day's calls in each interval, per weekday (Monday = 0), from every ordinary day
/// of that weekday, weighted by recency (half the weight every `SHAPE_HALF_LIFE_WEEKS`): a
/// 15-minute shape needs many days to settle (a few calls per interval).
fn shapes(input: &Input, events: &[super::events::Event]) -> [Vec<f64>; 7] {
    let k = input.per_day;
    let n = input.days.len();
    let mut all = vec![0.0; k];
    let mut out: [Vec<f64>; 7] = Default::default();
    for s in out.iter_mut() {
        *s = vec![0.0; k];
    }
    for d in 0..n {
        if !special::ordinary(input, events, d) {
            continue;
        }
        let Some(x) = &input.days[d] else { continue };
        let age_weeks = (n - 1 - d) as f64 / 7.0;
        let w = 0.5_f64.powf(age_weeks / SHAPE_HALF_LIFE_WEEKS);
        for ((s, a), v) in out[input.weekday(d)].iter_mut().zip(all.iter_mut()).zip(x) {
            *s += w * v;
            *a += w * v;
        }
    }
    let norm = |v: &mut Vec<f64>| {
        let t: f64 = v.iter().sum();
        if t > 0.0 {
            v.iter_mut().for_each(|x| *x /= t);
            true
        } else {
            false
        }
    };
    let all_ok = norm(&mut all);
    for s in out.iter_mut() {
        if !norm(s) {
            *s = if all_ok {
                all.clone()
            } else {
                vec![1.0 / k as f64; k]
            };
        }
    }
    out
}

/// Variance of a count over its expected value, across recent ordinary days (at least 1).
fn dispersion(input: &Input, events: &[super::events::Event], shapes: &[Vec<f64>; 7]) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    let n = input.days.len();
    for d in n.saturating_sub(SHAPE_WEEKS * 7)..n {
        if !special::ordinary(input, events, d) {
            continue;
        }
        let Some(x) = &input.days[d] else { continue };
        let total: f64 = x.iter().sum();
        for (v, s) in x.iter().zip(&shapes[input.weekday(d)]) {
            let e = total * s;
            num += (v - e) * (v - e);
            den += e;
        }
    }
    if den > 0.0 { (num / den).max(1.0) } else { 1.0 }
}

/// Point forecasts with the lower and upper ends of their 80% band.
type Band = (Vec<f64>, Vec<f64>, Vec<f64>);

/// Daily totals forecast for `horizon` days after the history: point and 80% band. With two
/// years or more, a smooth annual pattern is taken out first and put back on the forecast.
fn daily(totals: &[f64], horizon: usize) -> Result<Band, ForecastError> {
    let n = totals.len();
    let annual = (n >= 2 * 365).then(|| Annual::fit(totals)).flatten();
    let y: Vec<f64> = match &annual {
        Some(a) => totals
            .iter()
            .enumerate()
            .map(|(t, v)| v - a.at(t as f64))
            .collect(),
        None => totals.to_vec(),
    };
    let trend = AutoETS::non_seasonal().into_trend_model();
    let mut params = augurs::mstl::stlrs::MstlParams::new();
    // A weekly pattern that changes slowly: smoothed over about a year of weeks.
    params.seasonal_lengths(&[WEEKLY_SMOOTHING_WEEKS]);
    let fit = MSTLModel::new(vec![7], trend)
        .mstl_params(params)
        .fit(&y)
        .map_err(|e| ForecastError::Fit(e.to_string()))?;
    let mut f = fit
        .predict(horizon, 0.8)
        .map_err(|e| ForecastError::Fit(e.to_string()))?;
    let (mut lower, mut upper) = match f.intervals.take() {
        Some(i) => (i.lower, i.upper),
        None => (f.point.clone(), f.point.clone()),
    };
    if let Some(a) = &annual {
        for h in 0..horizon {
            let s = a.at((n + h) as f64);
            f.point[h] += s;
            lower[h] += s;
            upper[h] += s;
        }
    }
    Ok((f.point, lower, upper))
}

/// Forecast `days` days from `start` (after the history's last day).
pub fn predict(
    input: &Input,
    start: NaiveDate,
    days: usize,
    events: &[super::events::Event],
) -> Result<Prediction, ForecastError> {
    let gap = (start - input.last_day()).num_days() as usize - 1;
    let horizon = gap + days;
    let totals = clean_totals(input, events);
    let (point, lower, upper) = daily(&totals, horizon)?;
    let effects: Effects = special::estimate(input, events);
    let shapes = shapes(input, events);
    let phi = dispersion(input, events, &shapes);
    let k = input.per_day;
    let mut out = Prediction::with_capacity(days * k);
    for day in 0..days {
        let h = gap + day;
        let date = start + chrono::Duration::days(day as i64);
        let s = special::on(date, events);
        let total = point[h].max(0.0);
        let rel_sd = if total > 0.0 {
            ((upper[h] - lower[h]) / (2.0 * Z80 * total)).max(0.0)
        } else {
            0.0
        };
        let wd = if s.holiday.is_some() {
            6
        } else {
            date.weekday().num_days_from_monday() as usize
        };
        for (i, share) in shapes[wd].iter().enumerate().take(k) {
            let f = total * share * special::multiplier(&effects, &s, i, input.interval_minutes);
            let sd = ((f * rel_sd).powi(2) + phi * f).sqrt();
            out.push(f, (f - Z80 * sd).max(0.0), f + Z80 * sd);
        }
    }
    out.effects = effects;
    Ok(out)
}
