//! Reading RON files users write: one parser configuration and errors that carry line and column.

use super::error::LoadError;
use serde::de::DeserializeOwned;
use std::path::Path;

/// Parse RON text. Optional fields may be written bare (`within_ms: 60000`) or as `Some(..)`.
pub(crate) fn parse<T: DeserializeOwned>(path: &Path, text: &str) -> Result<T, LoadError> {
    crate::ron_text::parse(text).map_err(|e| LoadError::Parse {
        path: path.to_path_buf(),
        line: e.line,
        col: e.col,
        message: e.message,
    })
}

/// Read and parse a RON file: only a regular file, at most 256 MB (a FIFO or `/dev/zero` is
/// refused, not read forever).
pub(crate) fn load<T: DeserializeOwned>(path: &Path) -> Result<T, LoadError> {
    let text = crate::files::read_input(path, crate::files::MAX_INPUT_BYTES).map_err(|source| {
        LoadError::Read {
            path: path.to_path_buf(),
            source,
        }
    })?;
    parse(path, &text)
}

/// Render a value as pretty RON (for action logs the trainer writes).
pub(crate) fn to_pretty<T: serde::Serialize>(value: &T) -> Result<String, ron::Error> {
    ron::ser::to_string_pretty(value, ron::ser::PrettyConfig::new().depth_limit(2))
}
