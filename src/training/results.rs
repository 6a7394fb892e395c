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
//! | `cohort` | the trainee's cohort (course intake), or empty |
//! | `source` | `terminal` or `window` (played live), `log-file` (scored from a log file) |
//! | `log_sha256` | SHA-256 of the session log as saved, in hex |
//! | `typed` | `true` when the question list was off (typed questions) |
//! | `rubric_pct`, `prioritisation_pct` | the rubric's share met; 100 less marks lost to actions that did not help |
//! | `guesses` | rubric items decided before their evidence was known, ids separated by `;` |
//!
//! Rows are read line by line, so a row torn by a crash spoils only its own line: reading
//! resynchronises at the next well-formed row and reports the damaged line numbers. Files written
//! before the provenance columns existed are still read (their rows count as `unverified`).

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

/// Where a results row came from: played live (terminal or window) or scored from a log file.
/// Only live sessions count as assessments; a log file can be anyone's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Source {
    Terminal,
    Window,
    LogFile,
    /// A row from a results file written before provenance was recorded.
    Unverified,
}

impl Source {
    pub fn label(self) -> &'static str {
        match self {
            Source::Terminal => "terminal",
            Source::Window => "window",
            Source::LogFile => "log-file",
            Source::Unverified => "unverified",
        }
    }

    pub fn parse(s: &str) -> Option<Source> {
        [
            Source::Terminal,
            Source::Window,
            Source::LogFile,
            Source::Unverified,
        ]
        .into_iter()
        .find(|x| x.label() == s)
    }

    /// Played live, in front of the trainer's software.
    pub fn is_live(self) -> bool {
        matches!(self, Source::Terminal | Source::Window)
    }
}

/// Who, in which cohort, and how the session reached the results file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Provenance {
    pub cohort: String,
    pub source: Source,
}

/// SHA-256 of a log's text, in lower-case hex.
pub fn log_hash(text: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

const PROVENANCE: [&str; 7] = [
    "cohort",
    "source",
    "log_sha256",
    "typed",
    "rubric_pct",
    "prioritisation_pct",
    "guesses",
];

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

/// The columns of results files written before provenance was recorded.
fn columns_v1() -> Vec<String> {
    let mut c: Vec<String> = FIXED.iter().map(|s| s.to_string()).collect();
    c.extend(Cvf::ALL.iter().map(|h| format!("cvf_{}", h.key())));
    c
}

/// Every column name, in order.
pub fn columns() -> Vec<String> {
    let mut c = columns_v1();
    c.extend(PROVENANCE.iter().map(|s| s.to_string()));
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

/// A field with no line breaks, so every row is one line (a torn row spoils only itself).
fn one_line(s: &str) -> String {
    s.replace(['\r', '\n'], " ")
}

/// The row for one outcome, as CSV fields.
pub fn row(o: &Outcome, finished_utc: &str, from: &Provenance) -> Vec<String> {
    let opt = |v: Option<u64>| v.map(|x| x.to_string()).unwrap_or_default();
    let missed: Vec<&str> = o
        .items
        .iter()
        .filter(|r| matches!(r.status, Status::Missed | Status::PartlyMet))
        .map(|r| r.id.as_str())
        .collect();
    let mut f = vec![
        finished_utc.to_string(),
        one_line(&o.trainee),
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
    let log = o.log.to_ron().unwrap_or_default();
    f.extend([
        one_line(&from.cohort),
        from.source.label().to_string(),
        log_hash(&log),
        o.log.typed.to_string(),
        o.rubric_score.to_string(),
        o.prioritisation.pct().to_string(),
        o.guesses.join(";"),
    ]);
    f
}

/// Append one outcome to a results CSV (created with its header if missing). Refuses a file
/// whose header is not ours; never truncates.
pub fn append(
    path: &Path,
    o: &Outcome,
    finished_utc: &str,
    from: &Provenance,
) -> Result<(), ResultsError> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let io = |source: std::io::Error| ResultsError::Io {
        path: path.to_path_buf(),
        source,
    };
    w.write_record(row(o, finished_utc, from))
        .map_err(|e| io(e.into()))?;
    let bytes = w.into_inner().map_err(|e| io(e.into_error()))?;
    let line = String::from_utf8_lossy(&bytes).to_string();
    crate::files::append_line(path, &header(), &line).map_err(|e| match e {
        crate::files::AppendError::Io(source) => io(source),
        crate::files::AppendError::ForeignHeader { found } if found == columns_v1().join(",") => {
            ResultsError::NotOurs {
                path: path.to_path_buf(),
                detail: "it was written by an older controlroom without provenance columns; \
                         it is kept as it is: give a new results file"
                    .into(),
            }
        }
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
    pub cohort: String,
    pub source: Source,
    pub log_sha256: String,
}

/// What reading a results file found: its rows and the line numbers (1-based) it skipped as
/// damaged.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Read {
    pub rows: Vec<Row>,
    pub damaged_lines: Vec<usize>,
}

/// The most bytes of a results file read (a path such as /dev/zero cannot exhaust memory).
pub const MAX_BYTES: u64 = 256 * 1024 * 1024;

/// Read a results CSV line by line. A file whose header is not ours is refused; a byte-order
/// mark and CRLF line endings are accepted.
pub fn read(path: &Path) -> Result<Read, ResultsError> {
    use std::io::Read as _;
    let io = |source: std::io::Error| ResultsError::Io {
        path: path.to_path_buf(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if !meta.is_file() {
        return Err(ResultsError::NotOurs {
            path: path.to_path_buf(),
            detail: "it is not a regular file".into(),
        });
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .map_err(io)?
        .take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(ResultsError::NotOurs {
            path: path.to_path_buf(),
            detail: format!("it is larger than {} MB", MAX_BYTES / (1024 * 1024)),
        });
    }
    let text = String::from_utf8(bytes).map_err(|_| ResultsError::NotOurs {
        path: path.to_path_buf(),
        detail: "it is not UTF-8 text".into(),
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut lines = text.split('\n').map(|l| l.trim_end_matches('\r'));
    let first = lines.next().unwrap_or("");
    let v2 = first == header();
    if !v2 && first != columns_v1().join(",") {
        return Err(ResultsError::NotOurs {
            path: path.to_path_buf(),
            detail: format!(
                "its first line is {:?}",
                first.chars().take(80).collect::<String>()
            ),
        });
    }
    let n = if v2 {
        columns().len()
    } else {
        columns_v1().len()
    };
    let mut out = Read::default();
    for (i, line) in lines.enumerate() {
        if line.is_empty() {
            continue;
        }
        match parse_row(line, n, v2) {
            Some(r) => out.rows.push(r),
            None => out.damaged_lines.push(i + 2),
        }
    }
    Ok(out)
}

/// One line as a row, or `None` if it is damaged.
fn parse_row(line: &str, n: usize, v2: bool) -> Option<Row> {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(line.as_bytes());
    let mut records = r.records();
    let rec = records.next()?.ok()?;
    if records.next().is_some() || rec.len() != n {
        return None;
    }
    let list = |s: &str| -> Vec<String> {
        s.split(';')
            .filter(|x| !x.is_empty())
            .map(str::to_string)
            .collect()
    };
    let base = columns_v1().len();
    let (cohort, source, hash) = if v2 {
        (
            rec[base].to_string(),
            Source::parse(&rec[base + 1])?,
            rec[base + 2].to_string(),
        )
    } else {
        (String::new(), Source::Unverified, String::new())
    };
    Some(Row {
        finished_utc: rec[0].to_string(),
        trainee: rec[1].to_string(),
        scenario_id: rec[2].to_string(),
        scenario_version: rec[3].parse().ok()?,
        mode: rec[4].to_string(),
        score_pct: rec[5].parse().ok()?,
        passed: rec[7].parse().ok()?,
        closed_by: rec[8].to_string(),
        critical_misses: list(&rec[10]),
        missed_items: list(&rec[11]),
        cohort,
        source,
        log_sha256: hash,
    })
}
