//! `forecast.csv`: one row per channel and interval, `channel,start,forecast,lower_80,upper_80`,
//! `start` as `YYYY-MM-DD HH:MM` UK local time, calls per interval to two decimals.

use super::ForecastSet;
use std::fmt::Write as _;

/// The header of `forecast.csv`.
pub const HEADER: &str = "channel,start,forecast,lower_80,upper_80";

/// The whole file as text (deterministic).
pub fn csv(f: &ForecastSet) -> String {
    let per_day = (1440 / f.interval_minutes) as usize;
    let mut out = String::with_capacity(f.channels.len() * f.days * per_day * 40);
    out.push_str(HEADER);
    out.push('\n');
    for (name, p) in &f.channels {
        for (k, point) in p.point.iter().enumerate() {
            let date = f.start + chrono::Duration::days((k / per_day) as i64);
            let minute = (k % per_day) as u32 * f.interval_minutes;
            let _ = writeln!(
                out,
                "{name},{date} {:02}:{:02},{point:.2},{:.2},{:.2}",
                minute / 60,
                minute % 60,
                p.lower[k],
                p.upper[k]
            );
        }
    }
    out
}
