//! Reading the RON files people write (models, live states, sweeps, scenarios): one parser
//! configuration for all of them. Optional fields may be written bare or as `Some(..)`.

use serde::de::DeserializeOwned;

/// A parse error's position and message.
#[derive(Debug, Clone, PartialEq)]
pub struct RonError {
    pub line: usize,
    pub col: usize,
    pub message: String,
}

impl std::fmt::Display for RonError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.col, self.message)
    }
}

/// Parse RON text with the project's extensions (`implicit_some`).
pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T, RonError> {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str(text)
        .map_err(|e| RonError {
            line: e.span.start.line,
            col: e.span.start.col,
            message: e.code.to_string(),
        })
}
