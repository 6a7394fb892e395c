//! The days a dated model is staffed for. A staffing is one count per interval of the week, so
//! a model with `run.start_date` is staffed for seven calendar days of its run — by default the
//! first seven counted (after the warm-up), or seven from a chosen day — with that week's dated
//! demand and bank holidays, never for its weeks folded into a typical one. An undated model is
//! staffed over its run, as before.

use super::StaffingError;
use crate::plan::dates;
use crate::sim::Config;
use crate::sim::months::Months;
use crate::sim::units::{DAY_S, WEEK_S};
use chrono::{NaiveDate, NaiveDateTime};

/// The calendar days a staffing was judged over (a dated model only).
#[derive(Debug, Clone, PartialEq)]
pub struct StaffedDays {
    /// When judging starts and ends (UK local time).
    pub from: NaiveDateTime,
    pub until: NaiveDateTime,
    /// The England & Wales bank holidays among them.
    pub holidays: Vec<(NaiveDate, &'static str)>,
    /// Per KPI interval of the week, its date and time in the days judged (None where they
    /// hold none: the run ended first).
    pub interval_dates: Vec<Option<NaiveDateTime>>,
}

impl StaffedDays {
    /// "Tue 16 Dec 2025 – Mon 22 Dec 2025" (whole days), or with times when judging starts
    /// within a day ("Mon 15 Dec 2025 06:00 – Mon 22 Dec 2025 06:00").
    pub fn label(&self) -> String {
        let midnight = |t: NaiveDateTime| t.time() == chrono::NaiveTime::MIN;
        if midnight(self.from) && midnight(self.until) {
            let last = (self.until - chrono::Duration::days(1)).date();
            format!(
                "{} – {}",
                dates::day_label(self.from.date()),
                dates::day_label(last)
            )
        } else {
            let at =
                |t: NaiveDateTime| format!("{} {}", dates::day_label(t.date()), t.format("%H:%M"));
            format!("{} – {}", at(self.from), at(self.until))
        }
    }

    /// Interval `i`'s cells for `dates::COLUMNS` (date, last date, bank holiday).
    pub fn cells(&self, i: usize) -> [String; 3] {
        match self.interval_dates.get(i).copied().flatten() {
            Some(t) => {
                let stamp = t.format(dates::STAMP).to_string();
                [stamp.clone(), stamp, dates::interval_holidays(t, t)]
            }
            None => Default::default(),
        }
    }

    /// "bank holidays: Thu 25 Dec 2025 Christmas Day, …" or "no bank holidays".
    pub fn holidays_label(&self) -> String {
        if self.holidays.is_empty() {
            return "no bank holidays".into();
        }
        let named: Vec<String> = self
            .holidays
            .iter()
            .map(|(d, n)| format!("{} {n}", dates::day_label(*d)))
            .collect();
        format!("bank holidays: {}", named.join(", "))
    }
}

/// `cfg` cut to the days a staffing judges, and those days; `cfg` itself and None for an
/// undated model. `from`: the first day to staff (default: the first counted moment, after
/// the warm-up); seven days from it must lie within the counted run.
pub fn staffed_days(
    cfg: &Config,
    from: Option<NaiveDate>,
) -> Result<(Config, Option<StaffedDays>), StaffingError> {
    let Some(start) = dates::start_date(cfg) else {
        return match from {
            Some(d) => Err(StaffingError::FromUndated(d)),
            None => Ok((cfg.clone(), None)),
        };
    };
    let first = match from {
        Some(d) => {
            let t = (d - start).num_days() as f64 * DAY_S;
            let counted = dates::at(start, cfg.warmup_s);
            let end = dates::at(start, cfg.horizon_s);
            if t < cfg.warmup_s || t + WEEK_S > cfg.horizon_s + 1e-6 {
                return Err(StaffingError::FromOutside {
                    from: d,
                    counted: counted.format(dates::STAMP).to_string(),
                    end: end.format(dates::STAMP).to_string(),
                });
            }
            t
        }
        None => cfg.warmup_s,
    };
    let mut c = cfg.clone();
    c.warmup_s = first;
    c.horizon_s = (first + WEEK_S).min(cfg.horizon_s);
    c.months = Months::of_run(Some(start), c.horizon_s);
    let (from, until) = (dates::at(start, first), dates::at(start, c.horizon_s));
    let holidays = dates::bank_holidays(&c)
        .into_iter()
        .filter(|&(_, _, counted)| counted)
        .map(|(d, n, _)| (d, n))
        .collect();
    let interval_dates = (0..c.kpi_intervals())
        .map(|i| dates::interval_dates(&c, i).map(|(first, _)| first))
        .collect();
    let days = StaffedDays {
        from,
        until,
        holidays,
        interval_dates,
    };
    Ok((c, Some(days)))
}
