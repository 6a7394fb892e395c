//! Forecasting interval demand from history: the method (MSTL + ETS on daily totals with an
//! intraday shape, bank holidays and local events), two baselines planners use, a backtest on
//! held-out days, and the `forecast.csv` file.

mod annual;
pub mod backtest;
pub mod baseline;
pub mod calendar;
pub mod events;
mod method;
pub mod output;
pub mod report;
pub mod special;
pub mod synthetic;

use crate::model::import::{History, Series};
use chrono::{Datelike, NaiveDate};

/// The normal quantile of an 80% two-sided band.
pub const Z80: f64 = 1.281_551_565_545;

/// Least history the method and the baselines need (days with data).
pub const MIN_DAYS: usize = 14;

/// Why a forecast could not be made.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ForecastError {
    /// The history or the request is not usable (exit 2).
    #[error("{0}")]
    Input(String),
    /// The forecasting library failed on the data (exit 1).
    #[error("the forecast could not be fitted: {0}")]
    Fit(String),
}

/// One channel's history on a regular grid of days × intervals.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    pub first_day: NaiveDate,
    pub interval_minutes: u32,
    pub per_day: usize,
    /// Calls per interval for each day, None = no data that day.
    pub days: &'a [Option<Vec<f64>>],
}

impl<'a> Input<'a> {
    pub fn new(h: &History, s: &'a Series) -> Self {
        Input {
            first_day: h.first_day,
            interval_minutes: h.interval_minutes,
            per_day: h.per_day(),
            days: &s.days,
        }
    }
    pub fn date(&self, d: usize) -> NaiveDate {
        self.first_day + chrono::Duration::days(d as i64)
    }
    pub fn last_day(&self) -> NaiveDate {
        self.date(self.days.len().saturating_sub(1))
    }
    /// Day of the week of day `d`, Monday = 0.
    pub fn weekday(&self, d: usize) -> usize {
        self.date(d).weekday().num_days_from_monday() as usize
    }
    /// The first `n` days only (what a backtest trains on).
    pub fn head(&self, n: usize) -> Input<'a> {
        Input {
            days: &self.days[..n.min(self.days.len())],
            ..*self
        }
    }
    fn check(&self, start: NaiveDate) -> Result<(), ForecastError> {
        let with_data = self.days.iter().filter(|d| d.is_some()).count();
        if with_data < MIN_DAYS {
            return Err(ForecastError::Input(format!(
                "the history has {with_data} days with data; a forecast needs at least {MIN_DAYS} \
                 (two weeks)"
            )));
        }
        if start <= self.last_day() {
            return Err(ForecastError::Input(format!(
                "the forecast must start after the history's last day ({}), not on {start}",
                self.last_day()
            )));
        }
        Ok(())
    }
}

/// A forecast for one channel: calls per interval, day after day from the start, with an 80%
/// band.
#[derive(Debug, Clone, Default)]
pub struct Prediction {
    pub point: Vec<f64>,
    pub lower: Vec<f64>,
    pub upper: Vec<f64>,
    /// The holiday and event effects used (the method only).
    pub effects: special::Effects,
}

impl Prediction {
    pub fn with_capacity(n: usize) -> Self {
        Prediction {
            point: Vec::with_capacity(n),
            lower: Vec::with_capacity(n),
            upper: Vec::with_capacity(n),
            effects: Default::default(),
        }
    }
    pub fn push(&mut self, point: f64, lower: f64, upper: f64) {
        self.point.push(point);
        self.lower.push(lower);
        self.upper.push(upper);
    }
}

/// Which way to forecast.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Method {
    /// MSTL + ETS on daily totals, an intraday shape, holidays and events.
    MstlEts,
    /// The same interval last week.
    LastWeek,
    /// The mean of the same interval and weekday over the whole history.
    WeekdayMean,
}

impl Method {
    pub const ALL: [Method; 3] = [Method::MstlEts, Method::LastWeek, Method::WeekdayMean];
    pub fn name(self) -> &'static str {
        match self {
            Method::MstlEts => "mstl-ets",
            Method::LastWeek => "last-week",
            Method::WeekdayMean => "weekday-mean",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Method::MstlEts => "MSTL + ETS (method)",
            Method::LastWeek => "same interval last week",
            Method::WeekdayMean => "mean of same weekday",
        }
    }
}

/// Forecast `days` days from `start` for one channel.
pub fn predict(
    input: &Input,
    method: Method,
    start: NaiveDate,
    days: usize,
    events: &[events::Event],
) -> Result<Prediction, ForecastError> {
    input.check(start)?;
    match method {
        Method::MstlEts => method::predict(input, start, days, events),
        Method::LastWeek => Ok(baseline::last_week(input, start, days)),
        Method::WeekdayMean => Ok(baseline::weekday_mean(input, start, days)),
    }
}

/// A forecast of every channel of a history.
#[derive(Debug, Clone)]
pub struct ForecastSet {
    pub start: NaiveDate,
    pub days: usize,
    pub interval_minutes: u32,
    pub method: Method,
    pub channels: Vec<(String, Prediction)>,
}

/// Forecast every channel of `history`.
pub fn forecast_all(
    history: &History,
    method: Method,
    start: NaiveDate,
    days: usize,
    events: &[events::Event],
) -> Result<ForecastSet, ForecastError> {
    if days == 0 {
        return Err(ForecastError::Input("--days must be at least 1".into()));
    }
    let channels = history
        .channels
        .iter()
        .map(|s| {
            predict(&Input::new(history, s), method, start, days, events)
                .map(|p| (s.channel.clone(), p))
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(ForecastSet {
        start,
        days,
        interval_minutes: history.interval_minutes,
        method,
        channels,
    })
}

#[cfg(test)]
mod tests;
