//! Model errors: each names the file, and the line/column or field, and what is wrong.

use std::fmt;
use std::path::PathBuf;

/// One problem with one field.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// Where in the model, e.g. `channels[1].talk.sd_s` (`channels["101"]` style for named items).
    pub field: String,
    pub message: String,
}

/// Why a model could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("{}: cannot read: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}:{line}:{col}: {message}", path.display())]
    Parse {
        path: PathBuf,
        line: usize,
        col: usize,
        message: String,
    },
    #[error("{}: line {line}: {message}", path.display())]
    Csv {
        path: PathBuf,
        line: u64,
        message: String,
    },
    #[error("{}: {}", path.display(), ProblemList(problems))]
    Invalid {
        path: PathBuf,
        problems: Vec<Problem>,
    },
}

impl ModelError {
    /// A RON parse error in the file at `path`.
    pub fn parse(path: &std::path::Path, e: crate::ron_text::RonError) -> Self {
        ModelError::Parse {
            path: path.to_path_buf(),
            line: e.line,
            col: e.col,
            message: e.message,
        }
    }
}

struct ProblemList<'a>(&'a [Problem]);

impl fmt::Display for ProblemList<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            [one] => write!(f, "field `{}`: {}", one.field, one.message),
            many => {
                write!(f, "{} problems:", many.len())?;
                for p in many {
                    write!(f, "\n  field `{}`: {}", p.field, p.message)?;
                }
                Ok(())
            }
        }
    }
}
