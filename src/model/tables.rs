//! CSV inputs a model may point to: historical interval counts from a telephony export, and
//! observed durations. Paths are relative to the model file.

use super::error::ModelError;
use crate::sim::config::{DAY_S, WEEK_S};
use chrono::{Datelike, NaiveDateTime, NaiveTime, Timelike};
use std::path::{Path, PathBuf};

fn open(path: &Path) -> Result<csv::Reader<std::io::Cursor<Vec<u8>>>, ModelError> {
    let bytes =
        crate::files::read_input_bytes(path, crate::files::MAX_INPUT_BYTES).map_err(|source| {
            ModelError::Io {
                path: path.to_path_buf(),
                source,
            }
        })?;
    let file = std::io::Cursor::new(bytes);
    Ok(csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .flexible(false)
        .from_reader(file))
}

fn csv_err(path: &Path, line: u64, message: impl Into<String>) -> ModelError {
    ModelError::Csv {
        path: path.to_path_buf(),
        line,
        message: message.into(),
    }
}

fn column(headers: &csv::StringRecord, names: &[&str]) -> Option<usize> {
    headers
        .iter()
        .position(|h| names.iter().any(|n| h.eq_ignore_ascii_case(n)))
}

const DATE_FORMATS: [&str; 5] = [
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M:%S",
    "%d/%m/%Y %H:%M",
];
const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// Seconds since Monday 00:00 for a row: a `start` date-time, or `day` + `time`.
fn week_time(
    path: &Path,
    line: u64,
    start: Option<&str>,
    day: Option<&str>,
    time: Option<&str>,
) -> Result<f64, ModelError> {
    if let Some(s) = start {
        let dt = DATE_FORMATS
            .iter()
            .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
            .ok_or_else(|| {
                csv_err(
                    path,
                    line,
                    format!("`{s}` is not a date-time like 2025-01-06 07:15"),
                )
            })?;
        let wd = dt.weekday().num_days_from_monday() as f64;
        return Ok(wd * DAY_S + dt.time().num_seconds_from_midnight() as f64);
    }
    let (Some(d), Some(t)) = (day, time) else {
        return Err(csv_err(
            path,
            line,
            "needs a `start` column, or `day` and `time` columns",
        ));
    };
    let key = d.to_ascii_lowercase();
    let wd = DAYS
        .iter()
        .position(|p| key.starts_with(p))
        .ok_or_else(|| {
            csv_err(
                path,
                line,
                format!("`{d}` is not a day of the week (Mon..Sun)"),
            )
        })?;
    let tm = NaiveTime::parse_from_str(t, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(t, "%H:%M:%S"))
        .map_err(|_| csv_err(path, line, format!("`{t}` is not a time like 07:15")))?;
    Ok(wd as f64 * DAY_S + tm.num_seconds_from_midnight() as f64)
}

/// Rates per hour for each `interval_minutes` interval of the week. A dated export (CSV or
/// XLSX, read by [`super::import`]) is averaged over the days with data of each weekday, a
/// missing interval in a day with data counting as 0 calls; `channel` picks one queue of a file
/// with several. A file with `day` + `time` columns is averaged over every occurrence of each
/// interval of the week.
pub fn interval_profile(
    path: &Path,
    interval_minutes: u32,
    count_column: Option<&str>,
    channel: Option<&str>,
) -> Result<Vec<f64>, ModelError> {
    let is_csv = path.extension().is_none_or(|e| {
        !["xlsx", "xlsm", "xls", "xlsb", "ods"]
            .contains(&e.to_string_lossy().to_ascii_lowercase().as_str())
    });
    if is_csv {
        let mut rdr = open(path)?;
        let headers = rdr
            .headers()
            .map_err(|e| csv_err(path, 1, e.to_string()))?
            .clone();
        if column(&headers, &["day"]).is_some() && column(&headers, &["date"]).is_none() {
            return week_table(path, rdr, headers, interval_minutes, count_column);
        }
    }
    dated_profile(path, interval_minutes, count_column, channel)
}

fn dated_profile(
    path: &Path,
    interval_minutes: u32,
    count_column: Option<&str>,
    channel: Option<&str>,
) -> Result<Vec<f64>, ModelError> {
    let opts = super::import::Options {
        interval_minutes: Some(interval_minutes),
        count_column: count_column.map(str::to_string),
        ..Default::default()
    };
    let h = super::import::read(path, &opts)
        .map_err(|e| csv_err(path, e.line.unwrap_or(0), e.message))?;
    let names: Vec<&str> = h.channels.iter().map(|s| s.channel.as_str()).collect();
    let series = match channel {
        Some(c) => h.channel(c).ok_or_else(|| {
            csv_err(
                path,
                0,
                format!("no queue `{c}` in the file (queues: {})", names.join(", ")),
            )
        })?,
        None if h.channels.len() == 1 => &h.channels[0],
        None => {
            return Err(csv_err(
                path,
                0,
                format!(
                    "the file has several queues ({}): name one with `channel: Some(\"...\")`",
                    names.join(", ")
                ),
            ));
        }
    };
    let per_day = h.per_day();
    let mut sums = vec![0.0; 7 * per_day];
    let mut days = [0u32; 7];
    for (d, day) in series.days.iter().enumerate() {
        let Some(day) = day else { continue };
        let wd = h.date(d).weekday().num_days_from_monday() as usize;
        days[wd] += 1;
        for (i, x) in day.iter().enumerate() {
            sums[wd * per_day + i] += x;
        }
    }
    if let Some(w) = days.iter().position(|&n| n == 0) {
        return Err(csv_err(
            path,
            0,
            format!("no day with data falls on a {}", DAYS[w]),
        ));
    }
    let per_hour = 60.0 / interval_minutes as f64;
    Ok(sums
        .iter()
        .enumerate()
        .map(|(k, s)| s / days[k / per_day] as f64 * per_hour)
        .collect())
}

fn week_table(
    path: &Path,
    mut rdr: csv::Reader<std::io::Cursor<Vec<u8>>>,
    headers: csv::StringRecord,
    interval_minutes: u32,
    count_column: Option<&str>,
) -> Result<Vec<f64>, ModelError> {
    let count_names: Vec<&str> = match count_column {
        Some(c) => vec![c],
        None => vec!["count", "calls", "offered", "contacts"],
    };
    let count_col = column(&headers, &count_names).ok_or_else(|| {
        csv_err(
            path,
            1,
            format!("no count column (looked for {})", count_names.join(", ")),
        )
    })?;
    let start_col = column(&headers, &["start", "interval_start", "datetime"]);
    let day_col = column(&headers, &["day"]);
    let time_col = column(&headers, &["time"]);
    let interval_s = interval_minutes as f64 * 60.0;
    let n = (WEEK_S / interval_s).round() as usize;
    let mut sums = vec![0.0; n];
    let mut seen = vec![0u32; n];
    for (i, rec) in rdr.records().enumerate() {
        let line = i as u64 + 2;
        let rec = rec.map_err(|e| csv_err(path, line, e.to_string()))?;
        let get = |c: Option<usize>| c.and_then(|c| rec.get(c));
        let t = week_time(path, line, get(start_col), get(day_col), get(time_col))?;
        if t % interval_s != 0.0 {
            return Err(csv_err(
                path,
                line,
                format!("start time is not on a {interval_minutes}-minute boundary"),
            ));
        }
        let raw = get(Some(count_col)).unwrap_or("");
        let count: f64 = raw
            .parse()
            .ok()
            .filter(|c: &f64| c.is_finite() && *c >= 0.0)
            .ok_or_else(|| {
                csv_err(
                    path,
                    line,
                    format!("count `{raw}` is not a number of calls >= 0"),
                )
            })?;
        let k = (t / interval_s) as usize;
        sums[k] += count;
        seen[k] += 1;
    }
    if let Some(missing) = seen.iter().position(|&s| s == 0) {
        let covered = seen.iter().filter(|&&s| s > 0).count();
        let t = missing as f64 * interval_s;
        return Err(csv_err(
            path,
            0,
            format!(
                "covers {covered} of the {n} intervals of the week; first missing: {} {:02}:{:02}",
                DAYS[(t / DAY_S) as usize],
                ((t % DAY_S) / 3600.0) as u32,
                ((t % 3600.0) / 60.0) as u32
            ),
        ));
    }
    Ok(sums
        .iter()
        .zip(&seen)
        .map(|(s, &k)| s / k as f64 * 3600.0 / interval_s)
        .collect())
}

/// Rates per hour, interval by interval from `start` for `horizon_days`, from a `forecast.csv`
/// (`channel,start,forecast,lower_80,upper_80`) for one channel; and the interval in minutes.
/// The run's dates must lie inside the forecast.
pub fn forecast_profile(
    path: &Path,
    channel: &str,
    start: chrono::NaiveDate,
    horizon_days: f64,
) -> Result<(Vec<f64>, u32), ModelError> {
    let mut rdr = open(path)?;
    let headers = rdr
        .headers()
        .map_err(|e| csv_err(path, 1, e.to_string()))?
        .clone();
    let col = |n: &str| {
        column(&headers, &[n])
            .ok_or_else(|| csv_err(path, 1, format!("no `{n}` column: not a forecast.csv")))
    };
    let (c_ch, c_start, c_f) = (col("channel")?, col("start")?, col("forecast")?);
    let mut rows: Vec<(NaiveDateTime, f64)> = Vec::new();
    let mut channels: Vec<String> = Vec::new();
    for (i, rec) in rdr.records().enumerate() {
        let line = i as u64 + 2;
        let rec = rec.map_err(|e| csv_err(path, line, e.to_string()))?;
        let ch = rec.get(c_ch).unwrap_or("");
        if ch != channel {
            if !channels.iter().any(|c| c == ch) {
                channels.push(ch.to_string());
            }
            continue;
        }
        let s = rec.get(c_start).unwrap_or("");
        let t = NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").map_err(|_| {
            csv_err(
                path,
                line,
                format!("start `{s}` is not like 2025-12-15 07:15"),
            )
        })?;
        let raw = rec.get(c_f).unwrap_or("");
        let v: f64 = raw
            .parse()
            .ok()
            .filter(|v: &f64| v.is_finite() && *v >= 0.0)
            .ok_or_else(|| csv_err(path, line, format!("forecast `{raw}` is not calls >= 0")))?;
        rows.push((t, v));
    }
    if rows.len() < 2 {
        return Err(csv_err(
            path,
            0,
            format!(
                "no forecast for channel `{channel}` (channels: {})",
                channels.join(", ")
            ),
        ));
    }
    let step = (rows[1].0 - rows[0].0).num_minutes();
    if step <= 0 || 1440 % step != 0 {
        return Err(csv_err(path, 3, format!("rows are {step} minutes apart")));
    }
    let first = rows[0].0;
    let last = rows[rows.len() - 1].0;
    let from = start.and_hms_opt(0, 0, 0).unwrap_or_default();
    let until = from + chrono::Duration::seconds((horizon_days * DAY_S).round() as i64);
    let end = last + chrono::Duration::minutes(step);
    if from < first || until > end {
        return Err(csv_err(
            path,
            0,
            format!(
                "the run ({} to {}) is outside the forecast for `{channel}` ({} to {})",
                from.format("%Y-%m-%d %H:%M"),
                until.format("%Y-%m-%d %H:%M"),
                first.format("%Y-%m-%d %H:%M"),
                end.format("%Y-%m-%d %H:%M")
            ),
        ));
    }
    let n = ((until - from).num_minutes() / step) as usize;
    let mut rates = vec![f64::NAN; n];
    let per_hour = 60.0 / step as f64;
    for (t, v) in rows {
        let k = (t - from).num_minutes();
        if k >= 0 && k % step == 0 && ((k / step) as usize) < n {
            rates[(k / step) as usize] = v * per_hour;
        }
    }
    if let Some(k) = rates.iter().position(|r| r.is_nan()) {
        let t = from + chrono::Duration::minutes(k as i64 * step);
        return Err(csv_err(
            path,
            0,
            format!(
                "no forecast row for `{channel}` at {}",
                t.format("%Y-%m-%d %H:%M")
            ),
        ));
    }
    Ok((rates, step as u32))
}

/// Observed durations in seconds (column `seconds`, the named column, or the only column).
pub fn durations(path: &Path, column_name: Option<&str>) -> Result<Vec<f64>, ModelError> {
    let mut rdr = open(path)?;
    let headers = rdr
        .headers()
        .map_err(|e| csv_err(path, 1, e.to_string()))?
        .clone();
    let col = match column_name {
        Some(c) => column(&headers, &[c]),
        None if headers.len() == 1 => Some(0),
        None => column(&headers, &["seconds", "duration_s", "duration"]),
    }
    .ok_or_else(|| {
        csv_err(
            path,
            1,
            format!("no column {}", column_name.unwrap_or("`seconds`")),
        )
    })?;
    let mut out = Vec::new();
    for (i, rec) in rdr.records().enumerate() {
        let line = i as u64 + 2;
        let rec = rec.map_err(|e| csv_err(path, line, e.to_string()))?;
        let raw = rec.get(col).unwrap_or("");
        let v: f64 = raw
            .parse()
            .ok()
            .filter(|v: &f64| v.is_finite() && *v >= 0.0)
            .ok_or_else(|| {
                csv_err(
                    path,
                    line,
                    format!("`{raw}` is not a duration in seconds >= 0"),
                )
            })?;
        out.push(v);
    }
    if out.is_empty() {
        return Err(csv_err(path, 2, "no durations in the file"));
    }
    Ok(out)
}

/// Resolve a path from a model file relative to the file's folder.
pub fn relative_to(model_path: &Path, p: &str) -> PathBuf {
    let p = Path::new(p);
    if p.is_absolute() {
        return p.to_path_buf();
    }
    model_path
        .parent()
        .map(|d| d.join(p))
        .unwrap_or_else(|| p.to_path_buf())
}
