//! Honest accuracy: hold out the last days of the history, forecast them from the days before
//! only, and score the method and both baselines on the held-out intervals (WAPE, MAPE and the
//! 80% band's coverage).

use super::events::Event;
use super::{ForecastError, Input, Method, Prediction};

/// Accuracy on held-out data.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scores {
    /// Weighted absolute percentage error: sum |actual - forecast| / sum actual, in %.
    pub wape_pct: f64,
    /// Mean absolute percentage error over intervals with at least one call, in %.
    pub mape_pct: f64,
    /// Share of intervals whose actual count lies in the 80% band, in %.
    pub coverage_pct: f64,
    /// Intervals scored.
    pub intervals: usize,
}

/// Score a forecast against the actuals (days with data only; `actual[d]` None is skipped).
pub fn score(p: &Prediction, actual: &[Option<Vec<f64>>], per_day: usize) -> Scores {
    let (mut abs, mut sum, mut ape, mut nz, mut inside, mut n) = (0.0, 0.0, 0.0, 0, 0, 0);
    for (d, day) in actual.iter().enumerate() {
        let Some(a) = day else { continue };
        for (i, &x) in a.iter().enumerate() {
            let k = d * per_day + i;
            let f = p.point[k];
            abs += (x - f).abs();
            sum += x;
            if x > 0.0 {
                ape += (x - f).abs() / x;
                nz += 1;
            }
            if p.lower[k] <= x && x <= p.upper[k] {
                inside += 1;
            }
            n += 1;
        }
    }
    let pct = |a: f64, b: f64| if b > 0.0 { 100.0 * a / b } else { f64::NAN };
    Scores {
        wape_pct: pct(abs, sum),
        mape_pct: pct(ape, nz as f64),
        coverage_pct: pct(inside as f64, n as f64),
        intervals: n,
    }
}

/// The backtest of one channel.
#[derive(Debug, Clone)]
pub struct Backtest {
    pub channel: String,
    pub hold_out_days: usize,
    /// Scores and forecasts of each method, in `Method::ALL` order.
    pub results: Vec<(Method, Scores, Prediction)>,
}

impl Backtest {
    /// The method with the lowest WAPE.
    pub fn winner(&self) -> Method {
        self.results
            .iter()
            .min_by(|a, b| a.1.wape_pct.total_cmp(&b.1.wape_pct))
            .map_or(Method::MstlEts, |r| r.0)
    }
    pub fn scores(&self, m: Method) -> Option<Scores> {
        self.results.iter().find(|r| r.0 == m).map(|r| r.1)
    }
}

/// Hold out the last `days` days of `input`, forecast them with every method from the rest,
/// and score each.
pub fn run(
    channel: &str,
    input: &Input,
    days: usize,
    events: &[Event],
) -> Result<Backtest, ForecastError> {
    let n = input.days.len();
    if days == 0 || days >= n {
        return Err(ForecastError::Input(format!(
            "--backtest {days}: must be between 1 and {} (the history has {n} days)",
            n.saturating_sub(1)
        )));
    }
    let train = input.head(n - days);
    let held = &input.days[n - days..];
    if held.iter().all(|d| d.is_none()) {
        return Err(ForecastError::Input(format!(
            "channel {channel}: the last {days} days have no data to score against"
        )));
    }
    let start = input.date(n - days);
    let mut results = Vec::new();
    for m in Method::ALL {
        let p = super::predict(&train, m, start, days, events)?;
        let s = score(&p, held, input.per_day);
        results.push((m, s, p));
    }
    Ok(Backtest {
        channel: channel.to_string(),
        hold_out_days: days,
        results,
    })
}
