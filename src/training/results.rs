//! The results CSV: one row per session, appended (never overwritten), crash-safe, with a header
//! that marks the file as ours. Columns (units in their names):
//!
//! | column | meaning |
//! |---|---|
//! | `finished_utc` | when the session was scored, ISO 8601 UTC |
//! | `trainee` | who played it |
//! | `scenario_id`, `scenario_version` | which scenario, which version |
//! | `mode` | `practice` or `assessment` |
//! | `score_pct` | score out of 100 |
//! | `pass_mark_pct` | the scenario's pass mark |
//! | `passed` | `true` or `false` (score at or over the pass mark and no critical misses) |
//! | `closed_by` | `closed`, `time_limit` or `stopped` |
//! | `call_length_ms` | when the call was closed, ms from answer |
//! | `critical_misses` | rubric item ids, separated by `;` |
//! | `missed_items` | every rubric item missed or partly met, ids separated by `;` |
//! | `time_to_location_ms`, `time_to_grade_ms` | empty if never |
//! | `information_pct`, `procedure_pct` | information captured, procedure followed |
//! | `cvf_<heading>` | `not yet met`, `met`, `exceeded`, or empty if not assessed |

use super::framework::Cvf;
use super::score::{Outcome, Status};
use std::path::{Path, PathBuf};

/// A results file could not be read or appended to.
#[derive(Debug, thiserror::Error)]
pub enum ResultsError {
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: not a controlroom results file: {detail}", path.display())]
    NotOurs { path: PathBuf, detail: String },
}

const FIXED: [&str; 16] = [
    "finished_utc",
    "trainee",
    "scenario_id",
    "scenario_version",
    "mode",
    "score_pct",
    "pass_mark_pct",
    "passed",
    "closed_by",
    "call_length_ms",
    "critical_misses",
    "missed_items",
    "time_to_location_ms",
    "time_to_grade_ms",
    "information_pct",
    "procedure_pct",
];

/// Every column name, in order.
pub fn columns() -> Vec<String> {
    let mut c: Vec<String> = FIXED.iter().map(|s| s.to_string()).collect();
    c.extend(Cvf::ALL.iter().map(|h| format!("cvf_{}", h.key())));
    c
}

/// The header line (no newline).
pub fn header() -> String {
    columns().join(",")
}

/// The current time as ISO 8601 UTC, from the system clock (the session itself has none).
pub fn now_utc() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    chrono::DateTime::from_timestamp(secs, 0)
        .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
        .unwrap_or_default()
}

/// The row for one outcome, as CSV fields.
pub fn row(o: &Outcome, finished_utc: &str) -> Vec<String> {
    let opt = |v: Option<u64>| v.map(|x| x.to_string()).unwrap_or_default();
    let missed: Vec<&str> = o
        .items
        .iter()
        .filter(|r| matches!(r.status, Status::Missed | Status::PartlyMet))
        .map(|r| r.id.as_str())
        .collect();
    let mut f = vec![
        finished_utc.to_string(),
        o.trainee.clone(),
        o.scenario.clone(),
        o.version.to_string(),
        o.mode.label().to_string(),
        o.score.to_string(),
        o.pass_mark.to_string(),
        o.passed.to_string(),
        o.closed_by.label().to_string(),
        o.closed_ms.to_string(),
        o.critical_misses.join(";"),
        missed.join(";"),
        opt(o.time_to_location_ms),
        opt(o.time_to_grade_ms),
        o.information.pct().to_string(),
        o.procedure.pct().to_string(),
    ];
    for h in Cvf::ALL {
        let level = o
            .competencies
            .iter()
            .find(|(c, _)| *c == h)
            .map(|(_, l)| l.label());
        f.push(level.unwrap_or("").to_string());
    }
    f
}

/// Append one outcome to a results CSV (created with its header if missing). Refuses a file
/// whose header is not ours; never truncates.
pub fn append(path: &Path, o: &Outcome, finished_utc: &str) -> Result<(), ResultsError> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let io = |source: std::io::Error| ResultsError::Io {
        path: path.to_path_buf(),
        source,
    };
    w.write_record(row(o, finished_utc))
        .map_err(|e| io(e.into()))?;
    let bytes = w.into_inner().map_err(|e| io(e.into_error()))?;
    let line = String::from_utf8_lossy(&bytes).to_string();
    crate::files::append_line(path, &header(), &line).map_err(|e| match e {
        crate::files::AppendError::Io(source) => io(source),
        crate::files::AppendError::ForeignHeader { found } => ResultsError::NotOurs {
            path: path.to_path_buf(),
            detail: format!("its first line is {found:?}; refusing to append"),
        },
    })
}

/// One row read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub finished_utc: String,
    pub trainee: String,
    pub scenario_id: String,
    pub scenario_version: u32,
    pub mode: String,
    pub score_pct: u32,
    pub passed: bool,
    pub closed_by: String,
    pub critical_misses: Vec<String>,
    pub missed_items: Vec<String>,
}

/// Read a results CSV: its rows, and how many lines were skipped as unreadable (a torn last line
/// after a crash). A file whose header is not ours is refused.
pub fn read(path: &Path) -> Result<(Vec<Row>, usize), ResultsError> {
    let io = |source: std::io::Error| ResultsError::Io {
        path: path.to_path_buf(),
        source,
    };
    let bytes = std::fs::read(path).map_err(io)?;
    let text = String::from_utf8(bytes).map_err(|_| ResultsError::NotOurs {
        path: path.to_path_buf(),
        detail: "it is not UTF-8 text".into(),
    })?;
    let first = text.lines().next().unwrap_or("");
    if first.trim_end_matches('\r') != header() {
        return Err(ResultsError::NotOurs {
            path: path.to_path_buf(),
            detail: format!(
                "its first line is {:?}",
                first.chars().take(80).collect::<String>()
            ),
        });
    }
    let mut r = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let n = columns().len();
    let mut rows = Vec::new();
    let mut skipped = 0;
    let list = |s: &str| -> Vec<String> {
        s.split(';')
            .filter(|x| !x.is_empty())
            .map(str::to_string)
            .collect()
    };
    for rec in r.records() {
        let Ok(rec) = rec else {
            skipped += 1;
            continue;
        };
        if rec.len() != n {
            skipped += 1;
            continue;
        }
        let (Ok(version), Ok(score), Ok(passed)) = (
            rec[3].parse::<u32>(),
            rec[5].parse::<u32>(),
            rec[7].parse::<bool>(),
        ) else {
            skipped += 1;
            continue;
        };
        rows.push(Row {
            finished_utc: rec[0].to_string(),
            trainee: rec[1].to_string(),
            scenario_id: rec[2].to_string(),
            scenario_version: version,
            mode: rec[4].to_string(),
            score_pct: score,
            passed,
            closed_by: rec[8].to_string(),
            critical_misses: list(&rec[10]),
            missed_items: list(&rec[11]),
        });
    }
    Ok((rows, skipped))
}
