//! Units of time, defined once: every part of the program that speaks of a day, a week or a
//! month uses these. A month as a unit of rate (attrition per month) is 30 days; a month as a
//! reporting period (`monthly.csv`, `workforce.csv`) is [`month_end_day`]'s: a calendar month
//! when the run has a start date, else 30 days from the start of the run.

use chrono::{Datelike, NaiveDate};

/// Seconds in an hour.
pub const HOUR_S: f64 = 3600.0;
/// Seconds in a day.
pub const DAY_S: f64 = 86_400.0;
/// Seconds in a week (the KPI intervals fold onto one week, Monday 00:00 first).
pub const WEEK_S: f64 = 7.0 * DAY_S;
/// Days in a month: the workforce month is 30 days long.
pub const MONTH_DAYS: f64 = 30.0;
/// Seconds in a month.
pub const MONTH_S: f64 = MONTH_DAYS * DAY_S;

/// The reporting month holding day `day` of a run (0 = the first day) ends at the start of
/// the day this returns: the first of the next calendar month when the run starts on
/// `start_date`, else the next multiple of 30 days. None past the calendar's end.
pub fn month_end_day(start_date: Option<NaiveDate>, day: i64) -> Option<i64> {
    match start_date {
        Some(start) => {
            let date = start.checked_add_signed(chrono::Duration::days(day))?;
            let next = date
                .with_day(1)?
                .checked_add_months(chrono::Months::new(1))?;
            Some((next - start).num_days())
        }
        None => {
            let len = MONTH_DAYS as i64;
            Some((day.div_euclid(len) + 1) * len)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_month_is_a_calendar_month_with_a_start_date_else_thirty_days() {
        assert_eq!(month_end_day(None, 0), Some(30));
        assert_eq!(month_end_day(None, 29), Some(30));
        assert_eq!(month_end_day(None, 30), Some(60));
        let start = NaiveDate::from_ymd_opt(2026, 1, 26);
        assert_eq!(month_end_day(start, 0), Some(6), "to 1 February");
        assert_eq!(
            month_end_day(start, 6),
            Some(34),
            "February 2026 has 28 days"
        );
        let leap = NaiveDate::from_ymd_opt(2028, 1, 31);
        assert_eq!(month_end_day(leap, 1), Some(30), "29 days of February 2028");
    }
}
