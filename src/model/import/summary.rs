//! The summary printed before an export is used: channels, dates, days with and without data,
//! intervals, calls per channel, and what was skipped.

use super::History;
use chrono::NaiveDate;
use std::fmt;

/// Displays a history's summary (see [`History::summary`]).
pub struct Summary<'a>(pub &'a History);

/// Consecutive dates as ranges: `2025-01-04`, `2025-02-01..2025-02-03`.
fn ranges(dates: &[NaiveDate]) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < dates.len() {
        let mut j = i;
        while j + 1 < dates.len() && (dates[j + 1] - dates[j]).num_days() == 1 {
            j += 1;
        }
        out.push(if i == j {
            dates[i].to_string()
        } else {
            format!("{}..{}", dates[i], dates[j])
        });
        i = j + 1;
    }
    out.join(", ")
}

fn lines(l: &[u64]) -> String {
    let shown: Vec<String> = l.iter().take(10).map(|x| x.to_string()).collect();
    let more = if l.len() > 10 { ", ..." } else { "" };
    format!("{}{more}", shown.join(", "))
}

impl fmt::Display for Summary<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let h = self.0;
        writeln!(f, "read {}", h.path.display())?;
        writeln!(
            f,
            "  dates      {} to {} ({} days), UK local time",
            h.first_day,
            h.last_day(),
            h.days()
        )?;
        let interval = if h.source_interval_minutes == h.interval_minutes {
            format!("{} minutes", h.interval_minutes)
        } else {
            format!(
                "{} minutes in the file, combined into {} minutes",
                h.source_interval_minutes, h.interval_minutes
            )
        };
        writeln!(f, "  intervals  {interval}")?;
        writeln!(
            f,
            "  rows       {} used; {} intervals without a row in days with data taken as 0 calls",
            h.rows, h.zero_filled
        )?;
        for s in &h.channels {
            let missing: Vec<NaiveDate> = (0..h.days())
                .filter(|&d| s.days[d].is_none())
                .map(|d| h.date(d))
                .collect();
            write!(
                f,
                "  {:<10} {:.0} calls; {} days with data, {} without",
                s.channel,
                s.total(),
                s.days_with_data(),
                missing.len()
            )?;
            if missing.is_empty() {
                writeln!(f)?;
            } else {
                writeln!(f, " (no data: {})", ranges(&missing))?;
            }
        }
        let k = &h.skipped;
        if !k.blank.is_empty() {
            writeln!(
                f,
                "  skipped    {} blank row(s): line {}",
                k.blank.len(),
                lines(&k.blank)
            )?;
        }
        if !k.totals.is_empty() {
            writeln!(
                f,
                "  skipped    {} total row(s): line {}",
                k.totals.len(),
                lines(&k.totals)
            )?;
        }
        for (q, n) in &k.unmapped {
            writeln!(
                f,
                "  skipped    {n} row(s) of queue `{q}` (not in the mapping)"
            )?;
        }
        Ok(())
    }
}
