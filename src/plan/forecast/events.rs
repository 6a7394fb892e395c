//! Local events (New Year's Eve, Bonfire Night, a football fixture): a CSV of
//! `date,name[,from,to]` rows, `from`/`to` as `HH:MM` (`to` may be `24:00`; both empty = the
//! whole day). Every date an event falls on is listed, past and future: its effect is estimated
//! from the past ones and applied to the future ones. Lines starting with `#` are comments.

use chrono::{NaiveDate, NaiveTime, Timelike};
use std::path::Path;

/// One occurrence of an event: minutes of the day [from, to).
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub date: NaiveDate,
    pub name: String,
    pub from_minute: u32,
    pub to_minute: u32,
}

impl Event {
    pub fn whole_day(&self) -> bool {
        self.from_minute == 0 && self.to_minute == 1440
    }
}

fn minute(s: &str) -> Option<u32> {
    if s == "24:00" {
        return Some(1440);
    }
    NaiveTime::parse_from_str(s, "%H:%M")
        .ok()
        .map(|t| t.hour() * 60 + t.minute())
}

/// Read an events file; errors name the file, line and value.
pub fn read(path: &Path) -> Result<Vec<Event>, String> {
    let text = crate::files::read_input(path, crate::files::MAX_INPUT_BYTES)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    let mut rdr = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .flexible(true)
        .comment(Some(b'#'))
        .from_reader(text.as_bytes());
    let mut out = Vec::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| format!("{}: {e}", path.display()))?;
        let line = rec.position().map_or(0, |p| p.line());
        let at = |m: String| format!("{}: line {line}: {m}", path.display());
        let field = |i: usize| rec.get(i).unwrap_or("").to_string();
        let date = NaiveDate::parse_from_str(&field(0), "%Y-%m-%d")
            .or_else(|_| NaiveDate::parse_from_str(&field(0), "%d/%m/%Y"))
            .map_err(|_| at(format!("`{}` is not a date like 2025-11-05", field(0))))?;
        let name = field(1);
        if name.is_empty() {
            return Err(at("the event has no name".into()));
        }
        let (from, to) = (field(2), field(3));
        let (from_minute, to_minute) = if from.is_empty() && to.is_empty() {
            (0, 1440)
        } else {
            let f = minute(&from)
                .ok_or_else(|| at(format!("from `{from}` is not a time like 17:00")))?;
            let t = minute(&to)
                .ok_or_else(|| at(format!("to `{to}` is not a time like 23:00 (or 24:00)")))?;
            if f >= t {
                return Err(at(format!(
                    "from {from} is not before to {to} (one event per day)"
                )));
            }
            (f, t)
        };
        out.push(Event {
            date,
            name,
            from_minute,
            to_minute,
        });
    }
    Ok(out)
}
