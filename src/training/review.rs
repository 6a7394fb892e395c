//! Assessor review: an assessor can override one rubric item of a scored session with a reason
//! (as ambulance services' case review does). Overrides are appended to their own CSV, never
//! edited in place; each names the session by its log's hash, and carries the score before and
//! after, so the cohort report can show them beside the row they change.

use super::marking::Status;
use super::record::ClosedBy;
use super::results::{self, ResultsError};
use super::scenario::Scenario;
use super::score::Outcome;
use std::path::Path;

/// The overrides file both `review` and `cohort` use unless told otherwise.
pub const DEFAULT_OVERRIDES: &str = "training-overrides.csv";
/// The longest reason accepted, in characters.
pub const MAX_REASON_CHARS: usize = 500;

const COLUMNS: [&str; 13] = [
    "reviewed_utc",
    "assessor",
    "trainee",
    "scenario_id",
    "scenario_version",
    "log_sha256",
    "item",
    "was",
    "now",
    "reason",
    "score_before_pct",
    "score_after_pct",
    "passed_after",
];

/// Why an override cannot be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReviewError {
    #[error("the scenario '{scenario}' has no rubric item '{item}'; its items are: {known}")]
    UnknownItem {
        scenario: String,
        item: String,
        known: String,
    },
    #[error("the item '{0}' did not apply to this call (its line never came): nothing to override")]
    NotApplicable(String),
    #[error("give a reason for the override (1–{MAX_REASON_CHARS} characters)")]
    Reason,
    #[error("give the assessor's name")]
    Assessor,
}

/// One override, as appended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Override {
    pub reviewed_utc: String,
    pub assessor: String,
    pub trainee: String,
    pub scenario_id: String,
    pub scenario_version: u32,
    pub log_sha256: String,
    pub item: String,
    pub was: String,
    pub now: String,
    pub reason: String,
    pub score_before_pct: u32,
    pub score_after_pct: u32,
    pub passed_after: bool,
}

/// The credit an overridden status earns.
fn credit(s: Status) -> f64 {
    match s {
        Status::Met => 1.0,
        Status::PartlyMet => 0.5,
        Status::Missed | Status::NotApplicable => 0.0,
    }
}

/// The score and verdict with one item overridden (prioritisation marks still apply).
pub fn rescore(
    sc: &Scenario,
    o: &Outcome,
    item: &str,
    now: Status,
) -> Result<(u32, bool), ReviewError> {
    let Some(at) = sc.rubric.iter().position(|i| i.id == item) else {
        return Err(ReviewError::UnknownItem {
            scenario: sc.id.clone(),
            item: item.chars().take(60).collect(),
            known: sc
                .rubric
                .iter()
                .map(|i| i.id.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        });
    };
    if o.items[at].status == Status::NotApplicable {
        return Err(ReviewError::NotApplicable(item.to_string()));
    }
    let (mut total, mut earned, mut critical) = (0.0, 0.0, false);
    for (i, (rubric, r)) in sc.rubric.iter().zip(&o.items).enumerate() {
        if r.status == Status::NotApplicable {
            continue;
        }
        let (c, status) = if i == at {
            (credit(now), now)
        } else {
            (r.credit, r.status)
        };
        total += f64::from(rubric.weight);
        earned += f64::from(rubric.weight) * c;
        critical |= rubric.critical && status == Status::Missed;
    }
    let rubric_score = if total > 0.0 {
        (100.0 * earned / total + 1e-9).floor() as u32
    } else {
        0
    };
    let score = rubric_score.saturating_sub(o.prioritisation.marks_lost);
    let passed = score >= o.pass_mark && !critical && o.closed_by != ClosedBy::Stopped;
    Ok((score, passed))
}

/// Build an override of `item` to `now` for a scored session.
pub fn make(
    sc: &Scenario,
    o: &Outcome,
    item: &str,
    now: Status,
    reason: &str,
    assessor: &str,
) -> Result<Override, ReviewError> {
    let reason = reason.trim();
    if reason.is_empty() || reason.chars().count() > MAX_REASON_CHARS {
        return Err(ReviewError::Reason);
    }
    if assessor.trim().is_empty() {
        return Err(ReviewError::Assessor);
    }
    let (after, passed) = rescore(sc, o, item, now)?;
    let was = o
        .items
        .iter()
        .find(|r| r.id == item)
        .map_or("", |r| r.status.label());
    Ok(Override {
        reviewed_utc: results::now_utc(),
        assessor: assessor.trim().to_string(),
        trainee: o.trainee.clone(),
        scenario_id: o.scenario.clone(),
        scenario_version: o.version,
        log_sha256: results::log_hash(&o.log.to_ron().unwrap_or_default()),
        item: item.to_string(),
        was: was.to_string(),
        now: now.label().to_string(),
        reason: reason.replace(['\r', '\n'], " "),
        score_before_pct: o.score,
        score_after_pct: after,
        passed_after: passed,
    })
}

/// Append one override (the file is created with its header; never rewritten).
pub fn append(path: &Path, o: &Override) -> Result<(), ResultsError> {
    let fields = [
        o.reviewed_utc.clone(),
        o.assessor.replace(['\r', '\n'], " "),
        o.trainee.replace(['\r', '\n'], " "),
        o.scenario_id.clone(),
        o.scenario_version.to_string(),
        o.log_sha256.clone(),
        o.item.clone(),
        o.was.clone(),
        o.now.clone(),
        o.reason.clone(),
        o.score_before_pct.to_string(),
        o.score_after_pct.to_string(),
        o.passed_after.to_string(),
    ];
    let io = |source: std::io::Error| ResultsError::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    w.write_record(fields).map_err(|e| io(e.into()))?;
    let bytes = w.into_inner().map_err(|e| io(e.into_error()))?;
    let line = String::from_utf8_lossy(&bytes).to_string();
    crate::files::append_line(path, &COLUMNS.join(","), &line).map_err(|e| match e {
        crate::files::AppendError::Io(source) => io(source),
        crate::files::AppendError::ForeignHeader { found } => ResultsError::NotOurs {
            path: path.to_path_buf(),
            detail: format!("its first line is {found:?}; not an overrides file"),
        },
    })
}

/// Read an overrides file line by line (damaged lines skipped, their numbers returned).
pub fn read(path: &Path) -> Result<(Vec<Override>, Vec<usize>), ResultsError> {
    let text = crate::files::read_input(path, crate::files::MAX_INPUT_BYTES).map_err(|source| {
        ResultsError::Io {
            path: path.to_path_buf(),
            source,
        }
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut lines = text.split('\n').map(|l| l.trim_end_matches('\r'));
    if lines.next() != Some(COLUMNS.join(",").as_str()) {
        return Err(ResultsError::NotOurs {
            path: path.to_path_buf(),
            detail: "not an overrides file (its first line is not the overrides header)".into(),
        });
    }
    let (mut out, mut damaged) = (Vec::new(), Vec::new());
    for (i, line) in lines.enumerate() {
        if line.is_empty() {
            continue;
        }
        let rec = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(line.as_bytes())
            .records()
            .next()
            .and_then(Result::ok)
            .filter(|r| r.len() == COLUMNS.len());
        let parsed = rec.and_then(|r| {
            Some(Override {
                reviewed_utc: r[0].to_string(),
                assessor: r[1].to_string(),
                trainee: r[2].to_string(),
                scenario_id: r[3].to_string(),
                scenario_version: r[4].parse().ok()?,
                log_sha256: r[5].to_string(),
                item: r[6].to_string(),
                was: r[7].to_string(),
                now: r[8].to_string(),
                reason: r[9].to_string(),
                score_before_pct: r[10].parse().ok()?,
                score_after_pct: r[11].parse().ok()?,
                passed_after: r[12].parse().ok()?,
            })
        });
        match parsed {
            Some(o) => out.push(o),
            None => damaged.push(i + 2),
        }
    }
    Ok((out, damaged))
}
