//! Special days in a series: bank holidays and local events, and their effects estimated from
//! history as the ratio of what happened to the same weekday one and two weeks either side.

use super::Input;
use super::calendar::bank_holiday;
use super::events::Event;
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// What is special about a date.
#[derive(Debug, Clone, Default)]
pub struct Special<'a> {
    pub holiday: Option<&'static str>,
    pub events: Vec<&'a Event>,
}

impl Special<'_> {
    pub fn any(&self) -> bool {
        self.holiday.is_some() || !self.events.is_empty()
    }
}

pub fn on<'a>(date: NaiveDate, events: &'a [Event]) -> Special<'a> {
    Special {
        holiday: bank_holiday(date),
        events: events.iter().filter(|e| e.date == date).collect(),
    }
}

/// Multipliers estimated from history, by holiday or event name.
#[derive(Debug, Clone, Default)]
pub struct Effects {
    pub by_name: BTreeMap<String, (f64, usize)>,
    /// The mean over every bank holiday in the history (for one not seen yet).
    pub any_holiday: Option<f64>,
}

impl Effects {
    /// The multiplier for a holiday or event by name, falling back to the mean bank holiday
    /// effect for a holiday not in the history, and 1 for an event not in it.
    pub fn holiday(&self, name: &str) -> f64 {
        self.by_name
            .get(name)
            .map(|e| e.0)
            .or(self.any_holiday)
            .unwrap_or(1.0)
    }
    pub fn event(&self, name: &str) -> f64 {
        self.by_name.get(name).map_or(1.0, |e| e.0)
    }
}

/// Whether day `d` is an ordinary day with data (a clean comparison for its neighbours).
pub fn ordinary(input: &Input, events: &[Event], d: usize) -> bool {
    input.days.get(d).is_some_and(|x| x.is_some()) && !on(input.date(d), events).any()
}

/// Mean over the ordinary days 7 and 14 days either side of `d` of `f(day)`.
pub fn neighbours(
    input: &Input,
    events: &[Event],
    d: usize,
    f: impl Fn(&[f64]) -> f64,
) -> Option<f64> {
    let mut sum = 0.0;
    let mut n = 0;
    for off in [-14i64, -7, 7, 14] {
        let j = d as i64 + off;
        if j < 0 || j as usize >= input.days.len() || !ordinary(input, events, j as usize) {
            continue;
        }
        if let Some(Some(x)) = input.days.get(j as usize) {
            sum += f(x);
            n += 1;
        }
    }
    (n > 0).then(|| sum / n as f64)
}

fn window_sum(x: &[f64], e: &Event, interval_minutes: u32) -> f64 {
    let (a, b) = (
        e.from_minute / interval_minutes,
        e.to_minute.div_ceil(interval_minutes),
    );
    x[a as usize..(b as usize).min(x.len())].iter().sum()
}

/// Estimate every effect seen in the history.
pub fn estimate(input: &Input, events: &[Event]) -> Effects {
    let mut ratios: BTreeMap<String, Vec<f64>> = BTreeMap::new();
    let mut holidays = Vec::new();
    for d in 0..input.days.len() {
        let Some(x) = &input.days[d] else { continue };
        let s = on(input.date(d), events);
        if let Some(h) = s.holiday {
            let total: f64 = x.iter().sum();
            if let Some(base) =
                neighbours(input, events, d, |y| y.iter().sum()).filter(|b| *b > 0.0)
            {
                ratios.entry(h.to_string()).or_default().push(total / base);
                holidays.push(total / base);
            }
        }
        for e in s.events {
            let got = window_sum(x, e, input.interval_minutes);
            let base = neighbours(input, events, d, |y| {
                window_sum(y, e, input.interval_minutes)
            });
            if let Some(base) = base.filter(|b| *b > 0.0) {
                ratios.entry(e.name.clone()).or_default().push(got / base);
            }
        }
    }
    let mean = |v: &[f64]| (v.iter().sum::<f64>() / v.len() as f64).clamp(0.1, 10.0);
    Effects {
        by_name: ratios
            .iter()
            .map(|(k, v)| (k.clone(), (mean(v), v.len())))
            .collect(),
        any_holiday: (!holidays.is_empty()).then(|| mean(&holidays)),
    }
}

/// The multiplier for interval `i` of a day with these specials (holiday and events).
pub fn multiplier(effects: &Effects, s: &Special, i: usize, interval_minutes: u32) -> f64 {
    let mut m = s.holiday.map_or(1.0, |h| effects.holiday(h));
    let start = i as u32 * interval_minutes;
    for e in &s.events {
        if start >= e.from_minute && start < e.to_minute {
            m *= effects.event(&e.name);
        }
    }
    m
}
