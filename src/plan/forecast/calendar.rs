//! England & Wales bank holidays, computed: New Year's Day, Good Friday, Easter Monday, the
//! early May, spring and summer bank holidays, Christmas Day and Boxing Day, with substitute
//! days when they fall at a weekend, and the one-off changes of 2020, 2022 and 2023.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// Easter Sunday (Gregorian; the anonymous "Meeus/Jones/Butcher" computus).
pub fn easter(year: i32) -> Option<NaiveDate> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
}

fn first_monday(year: i32, month: u32) -> Option<NaiveDate> {
    let mut d = NaiveDate::from_ymd_opt(year, month, 1)?;
    while d.weekday() != Weekday::Mon {
        d += Duration::days(1);
    }
    Some(d)
}

fn last_monday(year: i32, month: u32) -> Option<NaiveDate> {
    let mut d = first_monday(year, month)? + Duration::days(28);
    while d.month() != month {
        d -= Duration::days(7);
    }
    Some(d)
}

/// The bank holidays of one year, in date order, with their names.
pub fn bank_holidays(year: i32) -> Vec<(NaiveDate, &'static str)> {
    let ymd = |m, d| NaiveDate::from_ymd_opt(year, m, d);
    let mut out: Vec<(Option<NaiveDate>, &'static str)> = Vec::new();
    let new_year = ymd(1, 1);
    let substitute = |d: Option<NaiveDate>| match d.map(|d| d.weekday()) {
        Some(Weekday::Sat) => d.map(|d| d + Duration::days(2)),
        Some(Weekday::Sun) => d.map(|d| d + Duration::days(1)),
        _ => d,
    };
    out.push((substitute(new_year), "New Year's Day"));
    let easter = easter(year);
    out.push((easter.map(|e| e - Duration::days(2)), "Good Friday"));
    out.push((easter.map(|e| e + Duration::days(1)), "Easter Monday"));
    let early_may = match year {
        2020 => ymd(5, 8),             // VE Day 75
        2023 => first_monday(year, 5), // plus the coronation, below
        _ => first_monday(year, 5),
    };
    out.push((early_may, "Early May bank holiday"));
    if year == 2023 {
        out.push((ymd(5, 8), "Coronation bank holiday"));
    }
    let spring = if year == 2022 {
        ymd(6, 2)
    } else {
        last_monday(year, 5)
    };
    out.push((spring, "Spring bank holiday"));
    if year == 2022 {
        out.push((ymd(6, 3), "Platinum Jubilee bank holiday"));
        out.push((ymd(9, 19), "State funeral bank holiday"));
    }
    out.push((last_monday(year, 8), "Summer bank holiday"));
    // Christmas: a weekend Christmas or Boxing Day moves to the next free weekday.
    let (christmas, boxing) = match ymd(12, 25).map(|d| d.weekday()) {
        Some(Weekday::Fri) => (ymd(12, 25), ymd(12, 28)),
        Some(Weekday::Sat) => (ymd(12, 27), ymd(12, 28)),
        Some(Weekday::Sun) => (ymd(12, 27), ymd(12, 26)),
        _ => (ymd(12, 25), ymd(12, 26)),
    };
    out.push((christmas, "Christmas Day"));
    out.push((boxing, "Boxing Day"));
    let mut v: Vec<(NaiveDate, &'static str)> = out
        .into_iter()
        .filter_map(|(d, n)| d.map(|d| (d, n)))
        .collect();
    v.sort();
    v
}

/// The bank holiday on a date, if any.
pub fn bank_holiday(date: NaiveDate) -> Option<&'static str> {
    bank_holidays(date.year())
        .into_iter()
        .find(|(d, _)| *d == date)
        .map(|(_, n)| n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn easter_dates() {
        for (y, e) in [
            (2024, "2024-03-31"),
            (2025, "2025-04-20"),
            (2026, "2026-04-05"),
            (2019, "2019-04-21"),
        ] {
            assert_eq!(easter(y), Some(d(e)));
        }
    }

    #[test]
    fn the_published_2025_and_2026_lists() {
        let dates = |y| {
            bank_holidays(y)
                .into_iter()
                .map(|(d, _)| d.to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            dates(2025),
            [
                "2025-01-01",
                "2025-04-18",
                "2025-04-21",
                "2025-05-05",
                "2025-05-26",
                "2025-08-25",
                "2025-12-25",
                "2025-12-26"
            ]
        );
        // 2026: Boxing Day is a Saturday, so Monday 28 December is the substitute.
        assert_eq!(
            dates(2026),
            [
                "2026-01-01",
                "2026-04-03",
                "2026-04-06",
                "2026-05-04",
                "2026-05-25",
                "2026-08-31",
                "2026-12-25",
                "2026-12-28"
            ]
        );
        // 2022: Christmas on a Sunday.
        let y22 = dates(2022);
        assert!(y22.contains(&"2022-12-26".to_string()) && y22.contains(&"2022-12-27".to_string()));
        assert!(y22.contains(&"2022-01-03".to_string()));
        assert_eq!(
            bank_holiday(d("2023-05-08")),
            Some("Coronation bank holiday")
        );
    }
}
