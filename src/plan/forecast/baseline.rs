//! The two baselines planners use, each with an empirical 80% band: the same interval last
//! week (band from the spread of week-on-week changes), and the mean of the same interval and
//! weekday over the whole history (band from the spread of those values).

use super::{Input, Prediction};
use chrono::{Datelike, NaiveDate};

fn quantile(v: &mut [f64], q: f64) -> f64 {
    if v.is_empty() {
        return 0.0;
    }
    v.sort_by(f64::total_cmp);
    let pos = q * (v.len() - 1) as f64;
    let (lo, hi) = (pos.floor() as usize, pos.ceil() as usize);
    v[lo] + (v[hi] - v[lo]) * (pos - lo as f64)
}

/// Same interval last week: the latest day with data of each weekday, repeated.
pub fn last_week(input: &Input, start: NaiveDate, days: usize) -> Prediction {
    let n = input.days.len();
    let k = input.per_day;
    let mut latest: [Option<&Vec<f64>>; 7] = [None; 7];
    for d in (0..n).rev() {
        let w = input.weekday(d);
        if latest[w].is_none() {
            latest[w] = input.days[d].as_ref();
        }
    }
    // Week-on-week changes per interval of the day over the last eight weeks.
    let mut changes: Vec<Vec<f64>> = vec![Vec::new(); k];
    for d in n.saturating_sub(56).max(7)..n {
        if let (Some(a), Some(b)) = (&input.days[d], &input.days[d - 7]) {
            for i in 0..k {
                changes[i].push(a[i] - b[i]);
            }
        }
    }
    let band: Vec<(f64, f64)> = changes
        .iter_mut()
        .map(|c| (quantile(c, 0.1), quantile(c, 0.9)))
        .collect();
    let mut out = Prediction::with_capacity(days * k);
    for day in 0..days {
        let date = start + chrono::Duration::days(day as i64);
        let w = date.weekday().num_days_from_monday() as usize;
        for (i, (lo, hi)) in band.iter().enumerate() {
            let f = latest[w].map_or(0.0, |x| x[i]);
            out.push(f, (f + lo).max(0.0), (f + hi).max(0.0));
        }
    }
    out
}

/// Mean of the same interval and weekday over every day with data.
pub fn weekday_mean(input: &Input, start: NaiveDate, days: usize) -> Prediction {
    let k = input.per_day;
    let mut values: Vec<Vec<Vec<f64>>> = vec![vec![Vec::new(); k]; 7];
    for (d, day) in input.days.iter().enumerate() {
        if let Some(x) = day {
            for (i, v) in x.iter().enumerate() {
                values[input.weekday(d)][i].push(*v);
            }
        }
    }
    let stats: Vec<Vec<(f64, f64, f64)>> = values
        .iter_mut()
        .map(|w| {
            w.iter_mut()
                .map(|v| {
                    let mean = if v.is_empty() {
                        0.0
                    } else {
                        v.iter().sum::<f64>() / v.len() as f64
                    };
                    (mean, quantile(v, 0.1), quantile(v, 0.9))
                })
                .collect()
        })
        .collect();
    let mut out = Prediction::with_capacity(days * k);
    for day in 0..days {
        let date = start + chrono::Duration::days(day as i64);
        let w = date.weekday().num_days_from_monday() as usize;
        for &(m, lo, hi) in &stats[w] {
            out.push(m, lo, hi);
        }
    }
    out
}
