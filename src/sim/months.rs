//! The months a run is reported by in `monthly.csv` and `workforce.csv`, as the units module
//! defines a month: calendar months (`2026-01`) when the model has a `run.start_date`, else
//! 30-day months (`month 1`, …). Months are clipped to the run, so the first and last may be
//! partial.

use super::units::{DAY_S, MONTH_S, month_end_day};
use chrono::{Datelike, NaiveDate};

/// The run's months: a label each and their edges in seconds from the run's time zero.
#[derive(Debug, Clone, PartialEq)]
pub struct Months {
    /// One label per month.
    pub labels: Vec<String>,
    /// `edges[m]..edges[m + 1]` is month m (one more edge than labels).
    pub edges: Vec<f64>,
}

impl Default for Months {
    fn default() -> Self {
        Months {
            labels: vec!["month 1".into()],
            edges: vec![0.0, f64::INFINITY],
        }
    }
}

impl Months {
    /// The months of a run of `horizon_s` seconds starting on `start_date` (if any), as
    /// [`month_end_day`] defines a month.
    pub fn of_run(start_date: Option<NaiveDate>, horizon_s: f64) -> Months {
        let horizon_s = horizon_s.max(0.0);
        let (mut labels, mut edges) = (vec![], vec![0.0]);
        let mut day = 0;
        loop {
            labels.push(match start_date {
                Some(start) => start
                    .checked_add_signed(chrono::Duration::days(day))
                    .map_or_else(String::new, |d| format!("{:04}-{:02}", d.year(), d.month())),
                None => format!("month {}", labels.len() + 1),
            });
            let Some(end) = month_end_day(start_date, day) else {
                edges.push(horizon_s);
                break;
            };
            let t = end as f64 * DAY_S;
            if t >= horizon_s {
                edges.push(horizon_s);
                break;
            }
            edges.push(t);
            day = end;
        }
        Months { labels, edges }
    }

    /// Number of months.
    pub fn len(&self) -> usize {
        self.labels.len()
    }

    /// Never: a run has at least one month.
    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }

    /// The month containing time `t` (times past the end fall in the last month).
    #[inline]
    pub fn index(&self, t: f64) -> usize {
        let inner = &self.edges[1..self.edges.len().saturating_sub(1).max(1)];
        inner
            .partition_point(|&e| e <= t)
            .min(self.len().saturating_sub(1))
    }
}

/// Is a run of `horizon_s` seconds longer than a month (so it writes `monthly.csv`)?
pub fn longer_than_a_month(horizon_s: f64) -> bool {
    horizon_s > MONTH_S + 1e-6
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thirty_day_months_without_a_date() {
        let m = Months::of_run(None, 75.0 * DAY_S);
        assert_eq!(m.labels, ["month 1", "month 2", "month 3"]);
        assert_eq!(m.edges, [0.0, MONTH_S, 2.0 * MONTH_S, 75.0 * DAY_S]);
        assert_eq!(m.index(0.0), 0);
        assert_eq!(m.index(MONTH_S), 1);
        assert_eq!(m.index(1e12), 2);
    }

    #[test]
    fn calendar_months_from_a_start_date() {
        let start = NaiveDate::from_ymd_opt(2026, 1, 26);
        let m = Months::of_run(start, 40.0 * DAY_S);
        assert_eq!(m.labels, ["2026-01", "2026-02", "2026-03"]);
        assert_eq!(m.edges, [0.0, 6.0 * DAY_S, 34.0 * DAY_S, 40.0 * DAY_S]);
        assert_eq!(m.index(5.9 * DAY_S), 0);
        assert_eq!(m.index(6.0 * DAY_S), 1);
        assert!(!longer_than_a_month(30.0 * DAY_S) && longer_than_a_month(31.0 * DAY_S));
    }
}
