//! Units of time, defined once: every part of the program that speaks of a day, a week or a
//! month uses these (a month is the 30-day workforce month of `workforce.csv` and of attrition
//! rates).

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
