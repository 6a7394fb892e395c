//! The planner's model file: serde types, loading (RON and CSV inputs) and validation.

mod breaks;
pub mod days;
mod error;
pub mod import;
pub mod limits;
pub mod rostering;
pub mod state;
mod tables;
pub mod types;
mod validate;

pub use error::{ModelError, Problem};
pub use rostering::{Rostering, TeamCycle};
pub use types::*;
pub use validate::validate;

use crate::sim::Config;
use std::path::{Path, PathBuf};

/// The embedded default model: a fictional mid-size force over one week.
pub const DEFAULT_MODEL: &str = include_str!("../../scenarios/planning/default.ron");

/// The name shown for the embedded default model in messages.
pub const DEFAULT_MODEL_NAME: &str = "<default model>";

/// Parse model text; `path` names it in errors.
pub fn parse(text: &str, path: &Path) -> Result<Model, ModelError> {
    crate::ron_text::parse(text).map_err(|e| ModelError::parse(path, e))
}

/// Read and parse a model file.
pub fn read(path: &Path) -> Result<Model, ModelError> {
    let text = crate::files::read_input(path, crate::files::MAX_INPUT_BYTES).map_err(|source| {
        ModelError::Io {
            path: path.to_path_buf(),
            source,
        }
    })?;
    parse(&text, path)
}

/// A model ready to run, with where it came from.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub model: Model,
    pub config: Config,
    pub path: PathBuf,
}

/// Load and validate a model file, or the embedded default model when `path` is None.
pub fn load(path: Option<&Path>) -> Result<Loaded, ModelError> {
    let (model, path) = match path {
        Some(p) => (read(p)?, p.to_path_buf()),
        None => {
            let p = PathBuf::from(DEFAULT_MODEL_NAME);
            (parse(DEFAULT_MODEL, &p)?, p)
        }
    };
    let config = validate(&model, &path)?;
    Ok(Loaded {
        model,
        config,
        path,
    })
}
