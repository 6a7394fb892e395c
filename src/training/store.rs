//! The save policy, one for every front-end: each finished session — practice or assessment,
//! played in the terminal or the window — appends one row (with its mode, cohort and where it
//! came from) to one results file, and its log is saved under a name that cannot collide
//! (trainee, scenario, time and the log's own hash). While a call runs, each action is appended
//! to a journal beside the logs and flushed, so a crash or a full disk keeps what was done.

use super::action::Step;
use super::results::{self, Provenance, ResultsError};
use super::score::Outcome;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The results file both front-ends use unless told otherwise.
pub const DEFAULT_RESULTS: &str = "training-results.csv";
/// The folder session logs are saved in unless told otherwise.
pub const DEFAULT_SESSIONS: &str = "sessions";

/// Where sessions are saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Store {
    pub results: PathBuf,
    pub sessions: PathBuf,
}

impl Default for Store {
    fn default() -> Store {
        Store {
            results: PathBuf::from(DEFAULT_RESULTS),
            sessions: PathBuf::from(DEFAULT_SESSIONS),
        }
    }
}

/// What saving a finished session did: where the log went and the row was appended, or why not.
#[derive(Debug)]
pub struct Saved {
    pub log: Result<PathBuf, String>,
    pub row: Result<PathBuf, ResultsError>,
}

impl Saved {
    /// One line per file, for either front-end to show.
    pub fn lines(&self) -> Vec<String> {
        vec![
            match &self.log {
                Ok(p) => format!("Session log saved: {}", p.display()),
                Err(e) => format!("Session log NOT saved: {e}"),
            },
            match &self.row {
                Ok(p) => format!("Result appended to {}", p.display()),
                Err(e) => format!("Result NOT appended: {e}"),
            },
        ]
    }
}

/// A file-name-safe form of a name: lower-case letters, digits and hyphens.
pub fn slug(s: &str) -> String {
    let out: String = s
        .chars()
        .take(40)
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    if out.is_empty() {
        "trainee".into()
    } else {
        out
    }
}

fn compact_utc() -> String {
    results::now_utc()
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect()
}

impl Store {
    pub fn new(results: PathBuf, sessions: PathBuf) -> Store {
        Store { results, sessions }
    }

    /// Refuse to start a session whose result could not be appended (a results file that is
    /// not ours, or unreadable): nothing is played that cannot be recorded.
    pub fn check_results(&self) -> Result<(), ResultsError> {
        if self.results.exists() {
            results::read(&self.results)?;
        }
        Ok(())
    }

    /// Save a finished session's log (under a name that cannot collide) and append its row.
    pub fn save(&self, outcome: &Outcome, from: &Provenance) -> Saved {
        let log = outcome
            .log
            .to_ron()
            .map_err(|e| e.to_string())
            .and_then(|text| self.save_log(outcome, &text));
        let row = results::append(&self.results, outcome, &results::now_utc(), from)
            .map(|()| self.results.clone());
        Saved { log, row }
    }

    /// `<sessions>/<trainee>.<scenario>.<utc>.<hash>.log.ron`; the same text saved twice is one
    /// file, different texts never share a name.
    fn save_log(&self, outcome: &Outcome, text: &str) -> Result<PathBuf, String> {
        std::fs::create_dir_all(&self.sessions)
            .map_err(|e| format!("{}: {e}", self.sessions.display()))?;
        let hash = results::log_hash(text);
        let stem = format!(
            "{}.{}.{}.{}",
            slug(&outcome.trainee),
            outcome.scenario,
            compact_utc(),
            &hash[..12]
        );
        for n in 1..1000 {
            let name = if n == 1 {
                format!("{stem}.log.ron")
            } else {
                format!("{stem}-{n}.log.ron")
            };
            let path = self.sessions.join(name);
            match std::fs::read(&path) {
                Ok(old) if old == text.as_bytes() => return Ok(path),
                Ok(_) => continue,
                Err(_) => {}
            }
            return crate::files::write_atomic(&path, text.as_bytes())
                .map(|()| path.clone())
                .map_err(|e| format!("{}: {e}", path.display()));
        }
        Err(format!(
            "{}: too many logs named {stem}",
            self.sessions.display()
        ))
    }

    /// Start a journal for a call now starting.
    pub fn journal(&self, trainee: &str, scenario: &str) -> Result<Journal, String> {
        std::fs::create_dir_all(&self.sessions)
            .map_err(|e| format!("{}: {e}", self.sessions.display()))?;
        let stem = format!("{}.{}.{}", slug(trainee), scenario, compact_utc());
        for n in 1..1000 {
            let path = self.sessions.join(format!("{stem}.{n}.journal"));
            match std::fs::OpenOptions::new()
                .create_new(true)
                .append(true)
                .open(&path)
            {
                Ok(file) => return Ok(Journal { path, file }),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(format!("{}: {e}", path.display())),
            }
        }
        Err(format!(
            "{}: too many journals named {stem}",
            self.sessions.display()
        ))
    }
}

/// The actions of a call in progress, one RON line each, appended and flushed as they happen.
/// Removed once the finished session is saved; left behind (and named) if it is not.
#[derive(Debug)]
pub struct Journal {
    path: PathBuf,
    file: std::fs::File,
}

impl Journal {
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Append one action and flush it to disk.
    pub fn append(&mut self, step: &Step) -> Result<(), String> {
        let line = ron::to_string(step).map_err(|e| e.to_string())?;
        self.file
            .write_all(format!("{line}\n").as_bytes())
            .and_then(|()| self.file.sync_data())
            .map_err(|e| format!("{}: {e}", self.path.display()))
    }

    /// The session was saved: the journal is no longer needed.
    pub fn finish(self) {
        let _ = std::fs::remove_file(&self.path);
    }
}
