//! Timestamps as exports write them: one date-time cell, or a date cell and a time cell;
//! ISO 8601 (`2025-09-01 07:15`, `2025-09-01T07:15:00`, with `Z` or an offset such as `+01:00`),
//! UK `dd/mm/yyyy HH:MM[:SS]`, or Excel date serials. Instants with an offset are turned into
//! UK local time (Europe/London: GMT, and BST from 01:00 UTC on the last Sunday of March to
//! 01:00 UTC on the last Sunday of October, the rule in force since 1996).

use super::cells::Cell;
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Weekday};

/// A parsed timestamp: the UK local wall-clock time, and the UTC instant when the export gave
/// an offset (so two rows in the repeated autumn hour stay apart).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Stamp {
    pub local: NaiveDateTime,
    pub utc: Option<NaiveDateTime>,
}

const DATE_TIME: [&str; 6] = [
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
];
const DATE: [&str; 3] = ["%Y-%m-%d", "%d/%m/%Y", "%Y/%m/%d"];
const TIME: [&str; 2] = ["%H:%M:%S", "%H:%M"];

/// What a timestamp may look like, for error messages.
pub const FORMS: &str = "2025-09-01 07:15, 2025-09-01T07:15:00Z, 2025-09-01T08:15:00+01:00, \
                         01/09/2025 07:15 or 01/09/2025 07:15:00";

fn last_sunday(year: i32, month: u32) -> NaiveDate {
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    };
    let mut d = next.unwrap_or(NaiveDate::MIN) - Duration::days(1);
    while d.weekday() != Weekday::Sun {
        d -= Duration::days(1);
    }
    d
}

/// Whether UK clocks are on BST at this UTC instant.
pub fn is_bst(utc: NaiveDateTime) -> bool {
    let y = utc.year();
    let one = NaiveTime::from_hms_opt(1, 0, 0).unwrap_or(NaiveTime::MIN);
    let start = last_sunday(y, 3).and_time(one);
    let end = last_sunday(y, 10).and_time(one);
    utc >= start && utc < end
}

/// UK local wall-clock time of a UTC instant.
pub fn uk_local(utc: NaiveDateTime) -> NaiveDateTime {
    if is_bst(utc) {
        utc + Duration::hours(1)
    } else {
        utc
    }
}

/// Whether a local wall-clock time falls in the hour the clocks repeat in autumn (01:00 to
/// 02:00 on the last Sunday of October), so a second row with it is not a duplicate.
pub fn in_repeated_hour(local: NaiveDateTime) -> bool {
    local.date() == last_sunday(local.year(), 10) && local.time().format("%H").to_string() == "01"
}

fn serial_to_datetime(x: f64) -> Option<NaiveDateTime> {
    if !(x.is_finite() && (0.0..2_958_466.0).contains(&x)) {
        return None;
    }
    let base = NaiveDate::from_ymd_opt(1899, 12, 30)?.and_hms_opt(0, 0, 0)?;
    // Round to the second: Excel serials carry binary fractions of a day.
    let secs = (x * 86_400.0).round() as i64;
    Some(base + Duration::seconds(secs))
}

/// Split an ISO suffix `Z`, `+hh:mm` or `+hhmm` off; the offset in minutes.
fn split_offset(s: &str) -> (&str, Option<i64>) {
    if let Some(body) = s.strip_suffix(['Z', 'z']) {
        return (body, Some(0));
    }
    let b = s.as_bytes();
    for len in [6usize, 5] {
        if b.len() > len + 10 {
            // A tail that does not start on a character boundary is not an offset (the text
            // holds non-ASCII characters there).
            let Some(tail) = s.get(s.len() - len..) else {
                continue;
            };
            let sign = match tail.as_bytes()[0] {
                b'+' => 1,
                b'-' => -1,
                _ => continue,
            };
            let digits: String = tail[1..].chars().filter(|c| *c != ':').collect();
            if digits.len() == 4 && digits.chars().all(|c| c.is_ascii_digit()) {
                if len == 6 && tail.as_bytes()[3] != b':' {
                    continue;
                }
                let h: i64 = digits[..2].parse().unwrap_or(0);
                let m: i64 = digits[2..].parse().unwrap_or(0);
                return (&s[..s.len() - len], Some(sign * (h * 60 + m)));
            }
        }
    }
    (s, None)
}

fn naive_datetime(s: &str) -> Option<NaiveDateTime> {
    let s = s.replacen('T', " ", 1);
    DATE_TIME
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(&s, f).ok())
}

/// One cell holding a date and a time.
pub fn datetime(cell: &Cell) -> Option<Stamp> {
    match cell {
        Cell::Number(x) => serial_to_datetime(*x).map(|local| Stamp { local, utc: None }),
        Cell::Text(t) => {
            let t = t.trim();
            let (body, offset) = split_offset(t);
            let naive = naive_datetime(body.trim())?;
            Some(match offset {
                None => Stamp {
                    local: naive,
                    utc: None,
                },
                Some(minutes) => {
                    let utc = naive - Duration::minutes(minutes);
                    Stamp {
                        local: uk_local(utc),
                        utc: Some(utc),
                    }
                }
            })
        }
        Cell::Empty => None,
    }
}

/// A date cell.
pub fn date(cell: &Cell) -> Option<NaiveDate> {
    match cell {
        Cell::Number(x) if x.fract() == 0.0 => serial_to_datetime(*x).map(|d| d.date()),
        Cell::Text(t) => {
            let t = t.trim();
            // A date column may carry a midnight time (`01/09/2025 00:00:00`).
            let first = t.split_whitespace().next().unwrap_or("");
            DATE.iter()
                .find_map(|f| NaiveDate::parse_from_str(first, f).ok())
        }
        _ => None,
    }
}

/// A time-of-day cell (an Excel time is a fraction of a day).
pub fn time(cell: &Cell) -> Option<NaiveTime> {
    match cell {
        Cell::Number(x) if (0.0..1.0).contains(x) => serial_to_datetime(*x).map(|d| d.time()),
        Cell::Text(t) => {
            let t = t.trim();
            TIME.iter()
                .find_map(|f| NaiveTime::parse_from_str(t, f).ok())
                .or_else(|| naive_datetime(t).map(|d| d.time()))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Cell {
        Cell::Text(s.into())
    }
    fn dt(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn forms_parse_to_the_same_local_time() {
        let want = dt("2025-09-01 07:15");
        for s in [
            "2025-09-01 07:15",
            "2025-09-01T07:15",
            "2025-09-01T07:15:00",
            "01/09/2025 07:15",
            "01/09/2025 07:15:00",
            "2025-09-01T06:15:00Z",
            "2025-09-01T08:15:00+02:00",
            "2025-09-01T06:15:00+0000",
        ] {
            assert_eq!(datetime(&text(s)).map(|s| s.local), Some(want), "{s}");
        }
    }

    #[test]
    fn non_ascii_text_where_an_offset_would_be_is_no_stamp_not_a_panic() {
        // Found by the history_csv fuzz target: a two-byte character across the place an
        // offset's sign would sit.
        for s in [
            "2025-0start\u{60a}tart",
            "2025-09-01 07:1\u{60a}5",
            "2025-09-01T07:15\u{e9}00",
        ] {
            assert_eq!(datetime(&text(s)).map(|s| s.local), None, "{s}");
        }
    }

    #[test]
    fn winter_utc_is_local_time() {
        let s = datetime(&text("2025-12-20T22:00:00Z")).unwrap();
        assert_eq!(s.local, dt("2025-12-20 22:00"));
    }

    #[test]
    fn clock_changes_fall_on_the_last_sundays() {
        // 2025: BST from 30 March 01:00 UTC to 26 October 01:00 UTC.
        assert!(!is_bst(dt("2025-03-30 00:59")));
        assert!(is_bst(dt("2025-03-30 01:00")));
        assert!(is_bst(dt("2025-10-26 00:59")));
        assert!(!is_bst(dt("2025-10-26 01:00")));
        assert!(in_repeated_hour(dt("2025-10-26 01:30")));
        assert!(!in_repeated_hour(dt("2025-10-26 02:00")));
    }

    #[test]
    fn excel_serials() {
        // 45901 is 2025-09-01; 0.25 of a day is 06:00.
        assert_eq!(
            datetime(&Cell::Number(45901.25)).map(|s| s.local),
            Some(dt("2025-09-01 06:00"))
        );
        assert_eq!(
            date(&Cell::Number(45901.0)),
            NaiveDate::from_ymd_opt(2025, 9, 1)
        );
        assert_eq!(time(&Cell::Number(0.5)), NaiveTime::from_hms_opt(12, 0, 0));
    }

    #[test]
    fn not_a_time() {
        assert_eq!(datetime(&text("Total")), None);
        assert_eq!(datetime(&text("2025-13-01 00:00")), None);
        assert_eq!(time(&text("25:00")), None);
    }
}
