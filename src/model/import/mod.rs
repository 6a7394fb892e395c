//! Importing interval exports from telephony (ACD) systems: CSV or XLSX, one or several queues,
//! timestamps in one column or as date + time, 5- to 60-minute intervals aggregated to the
//! interval wanted. Within a day that has data a missing interval is 0 calls; a whole missing
//! day is "no data". Blank and total rows are skipped and reported; a repeated timestamp for one
//! channel is an error naming both lines.

mod cells;
mod columns;
mod stamp;
mod summary;

pub use cells::Cell;
pub use stamp::{FORMS, uk_local};

use chrono::{NaiveDate, NaiveDateTime, Timelike};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Why an export could not be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}{}: {message}", path.display(), line.map(|l| format!(": line {l}")).unwrap_or_default())]
pub struct ImportError {
    pub path: PathBuf,
    pub line: Option<u64>,
    pub message: String,
}

impl ImportError {
    pub fn file(path: &Path, message: impl Into<String>) -> Self {
        ImportError {
            path: path.to_path_buf(),
            line: None,
            message: message.into(),
        }
    }
    pub fn at(path: &Path, line: u64, message: impl Into<String>) -> Self {
        ImportError {
            path: path.to_path_buf(),
            line: Some(line),
            message: message.into(),
        }
    }
}

/// How to read an export.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Queue name (as in the file) => channel id. Empty: each queue is its own channel.
    /// Queues not named are skipped (and reported).
    pub map: Vec<(String, String)>,
    /// Interval wanted, in minutes (a multiple of the file's); None = the file's own.
    pub interval_minutes: Option<u32>,
    /// The column holding the calls; None = the first of `Calls Offered`, `offered`, `count`,
    /// `calls`, `contacts`.
    pub count_column: Option<String>,
    /// Channel id for a file with no queue column.
    pub channel: Option<String>,
}

/// Parse `"999 Emergency=999"` (or `=>`) into a mapping pair.
pub fn parse_map(s: &str) -> Option<(String, String)> {
    let (q, c) = s.split_once("=>").or_else(|| s.split_once('='))?;
    let (q, c) = (q.trim(), c.trim());
    (!q.is_empty() && !c.is_empty()).then(|| (q.to_string(), c.to_string()))
}

/// One channel's calls: for each day from `History::first_day`, the calls per interval, or
/// None when the export has no row for that channel on that day.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub channel: String,
    pub days: Vec<Option<Vec<f64>>>,
}

impl Series {
    /// Total calls over the days with data.
    pub fn total(&self) -> f64 {
        self.days.iter().flatten().flatten().sum()
    }
    /// Days with data.
    pub fn days_with_data(&self) -> usize {
        self.days.iter().filter(|d| d.is_some()).count()
    }
}

/// Rows that were not used, and why.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Skipped {
    /// Lines with every cell empty.
    pub blank: Vec<u64>,
    /// Lines that are totals or sub-totals (a cell says "total" and there is no timestamp).
    pub totals: Vec<u64>,
    /// Rows per queue the mapping does not name.
    pub unmapped: Vec<(String, usize)>,
}

/// What an export held, on a regular grid of days × intervals (UK local time).
#[derive(Debug, Clone, PartialEq)]
pub struct History {
    pub path: PathBuf,
    /// The interval of the series, in minutes.
    pub interval_minutes: u32,
    /// The interval the file was written in, in minutes.
    pub source_interval_minutes: u32,
    pub first_day: NaiveDate,
    pub channels: Vec<Series>,
    /// Data rows used.
    pub rows: usize,
    /// Intervals of days with data that had no row (taken as 0 calls), over all channels.
    pub zero_filled: usize,
    pub skipped: Skipped,
}

impl History {
    /// Intervals in a day.
    pub fn per_day(&self) -> usize {
        (1440 / self.interval_minutes) as usize
    }
    /// Days covered, first to last.
    pub fn days(&self) -> usize {
        self.channels.first().map_or(0, |s| s.days.len())
    }
    /// The date of day `i`.
    pub fn date(&self, i: usize) -> NaiveDate {
        self.first_day + chrono::Duration::days(i as i64)
    }
    pub fn last_day(&self) -> NaiveDate {
        self.date(self.days().saturating_sub(1))
    }
    pub fn channel(&self, id: &str) -> Option<&Series> {
        self.channels.iter().find(|s| s.channel == id)
    }
    /// A printable summary of what was read.
    pub fn summary(&self) -> summary::Summary<'_> {
        summary::Summary(self)
    }
}

struct Record {
    channel: usize,
    local: NaiveDateTime,
    calls: f64,
}

fn gcd(a: u32, b: u32) -> u32 {
    if b == 0 { a } else { gcd(b, a % b) }
}

/// Read an export (CSV or XLSX) into a history.
pub fn read(path: &Path, opts: &Options) -> Result<History, ImportError> {
    let table = cells::read(path)?;
    let cols = columns::find(path, &table.header, opts.count_column.as_deref())?;
    if !opts.map.is_empty() && cols.queue.is_none() {
        return Err(ImportError::file(
            path,
            "a queue mapping was given but the file has no queue column (Queue, Skill, Channel)",
        ));
    }
    let mut channels: Vec<String> = Vec::new();
    let mut unmapped: HashMap<String, usize> = HashMap::new();
    let mut seen: HashMap<(usize, stamp::Stamp, bool), u64> = HashMap::new();
    let mut skipped = Skipped::default();
    let mut records = Vec::new();
    let mut step = 0u32;
    let mut declared: Option<(u32, u64)> = None;
    for row in &table.rows {
        let cell = |c: usize| row.cells.get(c).cloned().unwrap_or(Cell::Empty);
        if row.cells.iter().all(Cell::is_empty) {
            skipped.blank.push(row.line);
            continue;
        }
        let Some(st) = cols.stamp(&row.cells) else {
            let says_total = row
                .cells
                .iter()
                .any(|c| c.text().to_ascii_lowercase().contains("total"));
            if says_total {
                skipped.totals.push(row.line);
                continue;
            }
            return Err(ImportError::at(
                path,
                row.line,
                format!(
                    "`{}` is not a date and time (allowed: {FORMS})",
                    cols.stamp_text(&row.cells)
                ),
            ));
        };
        let channel = match cols.queue {
            None => opts.channel.clone().unwrap_or_else(|| "calls".to_string()),
            Some(q) => {
                let name = cell(q).text().trim().to_string();
                if opts.map.is_empty() {
                    if name.is_empty() {
                        return Err(ImportError::at(path, row.line, "the queue is empty"));
                    }
                    name
                } else if let Some((_, c)) = opts.map.iter().find(|(k, _)| k == &name) {
                    c.clone()
                } else {
                    *unmapped.entry(name).or_default() += 1;
                    continue;
                }
            }
        };
        let raw = cell(cols.count);
        let calls = match &raw {
            Cell::Empty => 0.0,
            Cell::Number(x) => *x,
            Cell::Text(t) => t.replace(',', "").trim().parse().unwrap_or(f64::NAN),
        };
        if !(calls.is_finite() && calls >= 0.0) {
            return Err(ImportError::at(
                path,
                row.line,
                format!(
                    "calls `{}` in column `{}` is not a number of calls >= 0",
                    raw.text(),
                    table.header[cols.count]
                ),
            ));
        }
        let ch = match channels.iter().position(|c| c == &channel) {
            Some(i) => i,
            None => {
                channels.push(channel);
                channels.len() - 1
            }
        };
        let mut key = (ch, st, false);
        if let Some(&first) = seen.get(&key) {
            // The autumn clock change repeats 01:00-02:00 local time in a local-time export.
            key.2 = true;
            if st.utc.is_some() || !stamp::in_repeated_hour(st.local) || seen.contains_key(&key) {
                return Err(ImportError::at(
                    path,
                    row.line,
                    format!(
                        "channel {} at {} appears twice: lines {first} and {}",
                        channels[ch],
                        st.local.format("%Y-%m-%d %H:%M"),
                        row.line
                    ),
                ));
            }
        }
        seen.insert(key, row.line);
        let minute = st.local.hour() * 60 + st.local.minute();
        step = gcd(step, minute);
        if let Some(end) = cols.end_minute(&row.cells) {
            let len = (end + 1440 - minute) % 1440;
            let len = if len == 0 { 1440 } else { len };
            match declared {
                None => declared = Some((len, row.line)),
                Some((d, l)) if d != len => {
                    return Err(ImportError::at(
                        path,
                        row.line,
                        format!("a {len}-minute interval, but line {l} has {d} minutes"),
                    ));
                }
                _ => {}
            }
        }
        records.push(Record {
            channel: ch,
            local: st.local,
            calls,
        });
    }
    skipped.unmapped = unmapped.into_iter().collect();
    skipped.unmapped.sort();
    if !opts.map.is_empty() && channels.is_empty() {
        let queues: Vec<&str> = skipped.unmapped.iter().map(|(q, _)| q.as_str()).collect();
        return Err(ImportError::file(
            path,
            format!(
                "the mapping names no queue in the file (queues found: {})",
                queues.join(", ")
            ),
        ));
    }
    if records.is_empty() {
        return Err(ImportError::file(path, "no data rows"));
    }
    let source = match declared {
        Some((d, _)) => d,
        None if step == 0 => 60,
        None => gcd(step, 60),
    };
    if ![5, 10, 15, 20, 30, 60].contains(&source) {
        return Err(ImportError::file(
            path,
            format!("intervals of {source} minutes; allowed: 5, 10, 15, 20, 30 or 60"),
        ));
    }
    let target = opts.interval_minutes.unwrap_or(source);
    if !target.is_multiple_of(source) || !1440u32.is_multiple_of(target) {
        return Err(ImportError::file(
            path,
            format!(
                "the file has {source}-minute intervals: they cannot be combined into \
                 {target}-minute ones (use a multiple of {source} that divides a day)"
            ),
        ));
    }
    Ok(grid(path, records, channels, source, target, skipped))
}

fn grid(
    path: &Path,
    records: Vec<Record>,
    channels: Vec<String>,
    source: u32,
    target: u32,
    skipped: Skipped,
) -> History {
    let first = records.iter().map(|r| r.local.date()).min();
    let last = records.iter().map(|r| r.local.date()).max();
    let (first, last) = (first.unwrap_or_default(), last.unwrap_or_default());
    let days = (last - first).num_days() as usize + 1;
    let per_day = (1440 / target) as usize;
    let mut series: Vec<Series> = channels
        .into_iter()
        .map(|channel| Series {
            channel,
            days: vec![None; days],
        })
        .collect();
    // Which source intervals had a row, to count the ones filled with 0.
    let per_source = (1440 / source) as usize;
    let mut present: Vec<Vec<Option<Vec<bool>>>> = vec![vec![None; days]; series.len()];
    for r in &records {
        let d = (r.local.date() - first).num_days() as usize;
        let minute = (r.local.hour() * 60 + r.local.minute()) as usize;
        let day = series[r.channel].days[d].get_or_insert_with(|| vec![0.0; per_day]);
        day[minute / target as usize] += r.calls;
        present[r.channel][d].get_or_insert_with(|| vec![false; per_source])
            [minute / source as usize] = true;
    }
    let zero_filled = present
        .iter()
        .flatten()
        .flatten()
        .map(|p| p.iter().filter(|x| !**x).count())
        .sum();
    History {
        path: path.to_path_buf(),
        interval_minutes: target,
        source_interval_minutes: source,
        first_day: first,
        channels: series,
        rows: records.len(),
        zero_filled,
        skipped,
    }
}

#[cfg(test)]
mod tests;
