//! The calendar dates of a dated run (`run.start_date`): the date and time of each KPI
//! interval, the days the run covers and the bank holidays among them. Times are UK local
//! wall-clock time, as in `forecast.csv`: the run's seconds count from 00:00 on the start date.
//! A run without a start date, or a look-ahead from a live state, has no dates.

use crate::plan::forecast::calendar;
use crate::sim::Config;
use crate::sim::units::WEEK_S;
use chrono::{Duration, NaiveDate, NaiveDateTime};

/// How a date-time is written in the result files: `2025-12-20 22:00`.
pub const STAMP: &str = "%Y-%m-%d %H:%M";

/// The start date of `cfg`'s run, when it has calendar dates (not a look-ahead).
pub fn start_date(cfg: &Config) -> Option<NaiveDate> {
    cfg.start_date.filter(|_| cfg.start_s == 0.0)
}

/// The local date and time `t_s` seconds into a run that starts on `start` (to the minute).
pub fn at(start: NaiveDate, t_s: f64) -> NaiveDateTime {
    let midnight = start.and_time(chrono::NaiveTime::MIN);
    midnight + Duration::minutes((t_s / 60.0).round() as i64)
}

/// "Sat 20 Dec 2025".
pub fn day_label(d: NaiveDate) -> String {
    d.format("%a %-d %b %Y").to_string()
}

/// The calendar days a run touches, first and last.
pub fn run_days(cfg: &Config) -> Option<(NaiveDate, NaiveDate)> {
    let start = start_date(cfg)?;
    let last = at(start, (cfg.horizon_s - 60.0).max(0.0)).date();
    Some((start, last))
}

/// "Mon 15 Dec 2025 – Mon 22 Dec 2025": the days the run covers.
pub fn span_label(cfg: &Config) -> Option<String> {
    let (first, last) = run_days(cfg)?;
    Some(format!("{} – {}", day_label(first), day_label(last)))
}

/// When counting starts (after the warm-up), e.g. "Tue 16 Dec 2025 00:00".
pub fn counted_from(cfg: &Config) -> Option<String> {
    let start = start_date(cfg)?;
    Some(time_label(at(start, cfg.warmup_s)))
}

/// The bank holidays (England & Wales) among the days the run covers, with whether each
/// falls in the counted part of the run (after the warm-up).
pub fn bank_holidays(cfg: &Config) -> Vec<(NaiveDate, &'static str, bool)> {
    let (Some(start), Some((first, last))) = (start_date(cfg), run_days(cfg)) else {
        return vec![];
    };
    let counted = at(start, cfg.warmup_s);
    let mut out = vec![];
    for year in chrono::Datelike::year(&first)..=chrono::Datelike::year(&last) {
        for (d, name) in calendar::bank_holidays(year) {
            if d >= first && d <= last {
                let end = d.and_time(chrono::NaiveTime::MIN) + Duration::days(1);
                out.push((d, name, end > counted));
            }
        }
    }
    out
}

/// "bank holidays: Thu 25 Dec 2025 Christmas Day, Fri 26 Dec 2025 Boxing Day", or "no bank
/// holidays"; one in the warm-up says so.
pub fn holidays_label(cfg: &Config) -> String {
    let days = bank_holidays(cfg);
    if days.is_empty() {
        return "no bank holidays".into();
    }
    let named: Vec<String> = days
        .iter()
        .map(|(d, name, counted)| {
            let warm = if *counted { "" } else { " (warm-up)" };
            format!("{} {name}{warm}", day_label(*d))
        })
        .collect();
    format!("bank holidays: {}", named.join(", "))
}

/// The dates a KPI interval of the week stands for in a dated run: the first and last
/// occurrence the run counts (the same for a run of one counted week; a longer run folds its
/// weeks onto one row). None for an interval the run never counts, or an undated run.
pub fn interval_dates(cfg: &Config, i: usize) -> Option<(NaiveDateTime, NaiveDateTime)> {
    let start = start_date(cfg)?;
    let offset = i as f64 * cfg.kpi_interval_s;
    let counted = |t: f64| t + cfg.kpi_interval_s > cfg.warmup_s && t < cfg.horizon_s;
    let weeks = (cfg.horizon_s / WEEK_S).ceil() as i64 + 1;
    let mut hits = (0..weeks)
        .map(|w| w as f64 * WEEK_S + offset)
        .filter(|&t| counted(t));
    let first = hits.next()?;
    let last = hits.next_back().unwrap_or(first);
    Some((at(start, first), at(start, last)))
}

/// The bank holidays among an interval's dates (first to last, a week apart): the name alone
/// when the interval stands for one date, with the date when it folds several.
pub fn interval_holidays(first: NaiveDateTime, last: NaiveDateTime) -> String {
    let several = first != last;
    let mut names = vec![];
    let mut d = first.date();
    while d <= last.date() {
        if let Some(name) = calendar::bank_holiday(d) {
            names.push(if several {
                format!("{name} ({d})")
            } else {
                name.to_string()
            });
        }
        d += Duration::days(7);
    }
    names.join("; ")
}

/// The three date columns of a dated run's per-interval files.
pub const COLUMNS: [&str; 3] = ["date", "last_date", "bank_holiday"];

/// The date cells of KPI interval `i` (`COLUMNS`), or None for an undated run.
pub fn interval_cells(cfg: &Config, i: usize) -> Option<[String; 3]> {
    start_date(cfg)?;
    Some(match interval_dates(cfg, i) {
        Some((first, last)) => [
            first.format(STAMP).to_string(),
            last.format(STAMP).to_string(),
            interval_holidays(first, last),
        ],
        None => Default::default(),
    })
}

/// The spans of local time a report window (its KPI intervals of the week) covers in the
/// counted part of a dated run, in order; empty for an undated run.
pub fn window_spans(cfg: &Config, intervals: &[usize]) -> Vec<(NaiveDateTime, NaiveDateTime)> {
    let Some(start) = start_date(cfg) else {
        return vec![];
    };
    let (iv, n) = (cfg.kpi_interval_s, cfg.kpi_intervals().max(1));
    let mut spans: Vec<(f64, f64)> = vec![];
    let slots = (cfg.horizon_s / iv).ceil() as usize;
    for k in 0..slots {
        let t = k as f64 * iv;
        if !(t + iv > cfg.warmup_s && intervals.contains(&(k % n))) {
            continue;
        }
        let (from, until) = (t.max(cfg.warmup_s), (t + iv).min(cfg.horizon_s));
        match spans.last_mut() {
            Some(last) if last.1 >= from => last.1 = until,
            _ => spans.push((from, until)),
        }
    }
    spans
        .into_iter()
        .map(|(a, b)| (at(start, a), at(start, b)))
        .collect()
}

/// Spans in words, each as `show` writes a time: "A – B" for one; "3 times: A – B … C – D"
/// (the first and the last) for several.
pub fn spans_label(
    spans: &[(NaiveDateTime, NaiveDateTime)],
    show: &dyn Fn(NaiveDateTime) -> String,
) -> String {
    let one = |(a, b): (NaiveDateTime, NaiveDateTime)| format!("{} – {}", show(a), show(b));
    match spans {
        [] => String::new(),
        [only] => one(*only),
        [first, .., last] => format!("{} times: {} … {}", spans.len(), one(*first), one(*last)),
    }
}

/// "Sat 20 Dec 2025 18:00".
pub fn time_label(t: NaiveDateTime) -> String {
    format!("{} {}", day_label(t.date()), t.format("%H:%M"))
}

/// "2025-12-20 18:00".
pub fn stamp(t: NaiveDateTime) -> String {
    t.format(STAMP).to_string()
}

/// The counted part of a dated run as one span (after the warm-up to the end).
pub fn counted_span(cfg: &Config) -> Option<(NaiveDateTime, NaiveDateTime)> {
    let start = start_date(cfg)?;
    Some((at(start, cfg.warmup_s), at(start, cfg.horizon_s)))
}

/// "Sat night Sat 20 Dec 2025 18:00 – Sun 21 Dec 2025 02:00; …": the report windows' dates,
/// or None for an undated run or one without report windows.
pub fn periods_label(cfg: &Config) -> Option<String> {
    start_date(cfg)?;
    if cfg.windows.is_empty() {
        return None;
    }
    let named: Vec<String> = cfg
        .windows
        .iter()
        .map(|(name, iv)| {
            format!(
                "{name} {}",
                spans_label(&window_spans(cfg, iv), &time_label)
            )
        })
        .collect();
    Some(named.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::units::DAY_S;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    #[test]
    fn labels_and_stamps() {
        let start = d("2025-12-15");
        assert_eq!(day_label(d("2025-12-20")), "Sat 20 Dec 2025");
        let t = 5.0 * DAY_S + 22.0 * 3600.0;
        assert_eq!(at(start, t).format(STAMP).to_string(), "2025-12-20 22:00");
        let first = at(start, 10.0 * DAY_S);
        assert_eq!(interval_holidays(first, first), "Christmas Day");
        let later = at(start, 17.0 * DAY_S);
        assert_eq!(
            interval_holidays(first, later),
            "Christmas Day (2025-12-25); New Year's Day (2026-01-01)"
        );
        assert_eq!(interval_holidays(at(start, 0.0), at(start, 0.0)), "");
    }
}
