//! Finding the columns of an export by their names (case, spaces and punctuation ignored):
//! the timestamp (one column, or date + time), the interval end, the queue and the calls.

use super::ImportError;
use super::cells::Cell;
use super::stamp::{self, Stamp};
use chrono::Timelike;
use std::path::Path;

const DATE: [&str; 2] = ["date", "intervaldate"];
const TIME: [&str; 6] = [
    "intervalstart",
    "starttime",
    "time",
    "start",
    "interval",
    "periodstart",
];
const DATETIME: [&str; 7] = [
    "start",
    "intervalstart",
    "datetime",
    "timestamp",
    "starttime",
    "periodstart",
    "date",
];
const END: [&str; 3] = ["intervalend", "endtime", "end"];
const QUEUE: [&str; 6] = ["queue", "queuename", "skill", "channel", "split", "service"];
const COUNT: [&str; 7] = [
    "callsoffered",
    "offered",
    "count",
    "calls",
    "contacts",
    "callsreceived",
    "volume",
];

fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Where each thing is in a row.
#[derive(Debug, Clone)]
pub struct Columns {
    /// Date column and time column, or one date-time column (`time` None).
    date: usize,
    time: Option<usize>,
    end: Option<usize>,
    pub queue: Option<usize>,
    pub count: usize,
}

/// Find the columns from the header, or say what is missing.
pub fn find(path: &Path, header: &[String], count: Option<&str>) -> Result<Columns, ImportError> {
    let names: Vec<String> = header.iter().map(|h| norm(h)).collect();
    let pos = |want: &[&str], not: &[Option<usize>]| {
        want.iter().find_map(|w| {
            names
                .iter()
                .enumerate()
                .position(|(i, n)| n == w && !not.contains(&Some(i)))
        })
    };
    let count_col = match count {
        Some(c) => names.iter().position(|n| *n == norm(c)),
        None => pos(&COUNT, &[]),
    }
    .ok_or_else(|| {
        let looked = count.map_or(COUNT.join(", "), |c| c.to_string());
        ImportError::at(
            path,
            1,
            format!(
                "no calls column (looked for {looked}; columns are: {})",
                header.join(", ")
            ),
        )
    })?;
    let date = pos(&DATE, &[]);
    let (date, time) = match date {
        Some(d) => (Some(d), pos(&TIME, &[Some(d)])),
        None => (pos(&DATETIME, &[]), None),
    };
    let date = date.ok_or_else(|| {
        ImportError::at(
            path,
            1,
            format!(
                "no timestamp column (looked for Date + Interval Start, or Start / DateTime / \
                 Timestamp; columns are: {})",
                header.join(", ")
            ),
        )
    })?;
    let end = pos(&END, &[Some(date), time]);
    Ok(Columns {
        date,
        time,
        end,
        queue: pos(&QUEUE, &[]),
        count: count_col,
    })
}

fn get(cells: &[Cell], i: usize) -> &Cell {
    cells.get(i).unwrap_or(&Cell::Empty)
}

impl Columns {
    /// The row's timestamp, if it has a valid one.
    pub fn stamp(&self, cells: &[Cell]) -> Option<Stamp> {
        let d = get(cells, self.date);
        match self.time {
            None => stamp::datetime(d),
            Some(t) => {
                let date = stamp::date(d)?;
                let time = stamp::time(get(cells, t))?;
                Some(Stamp {
                    local: date.and_time(time),
                    utc: None,
                })
            }
        }
    }
    /// The timestamp cells as written, for messages.
    pub fn stamp_text(&self, cells: &[Cell]) -> String {
        match self.time {
            None => get(cells, self.date).text(),
            Some(t) => format!("{} {}", get(cells, self.date).text(), get(cells, t).text()),
        }
    }
    /// Minute of the day the interval ends, when the file says.
    pub fn end_minute(&self, cells: &[Cell]) -> Option<u32> {
        let c = get(cells, self.end?);
        let t = stamp::time(c).or_else(|| stamp::datetime(c).map(|s| s.local.time()))?;
        Some(t.hour() * 60 + t.minute())
    }
}
