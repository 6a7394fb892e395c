//! Reading the RON files people write (models, live states, sweeps, scenarios): one parser
//! configuration for all of them. Optional fields may be written bare or as `Some(..)`.
//! Parse errors are put in the user's words: the field, the value as written (shortened) and
//! what the field takes, e.g. "field `replications`: -1 is below 0; write a whole number like 30".

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
            message: words(&e.code, text, e.span.start.line, e.span.start.col),
        })
}

/// `s` cut to at most `max` characters, with "…" when cut.
pub fn shorten(s: &str, max: usize) -> String {
    let s = s.trim();
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max).collect();
    out.push('…');
    out
}

/// The byte offset of 1-based `line`, `col` (in characters) in `text`.
fn offset(text: &str, line: usize, col: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let rest = text.get(start..).unwrap_or("");
    start
        + rest
            .char_indices()
            .nth(col.saturating_sub(1))
            .map_or(rest.len(), |(i, _)| i)
}

/// The value written at `at`: up to the next `,`, `)`, `]` or end of line.
fn value_at(text: &str, at: usize) -> String {
    let rest = text.get(at..).unwrap_or("");
    let end = rest.find([',', ')', ']', '\n']).unwrap_or(rest.len());
    shorten(&rest[..end], 24)
}

/// The field whose value starts near `at`: the last `name:` before it on the way back.
fn field_before(text: &str, at: usize) -> Option<String> {
    let before = text.get(..at.min(text.len()))?;
    let colon = before.trim_end().rfind(':')?;
    let head = before[..colon].trim_end();
    let name: String = head
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    (!name.is_empty() && !name.starts_with(|c: char| c.is_ascii_digit())).then_some(name)
}

fn words(code: &ron::Error, text: &str, line: usize, col: usize) -> String {
    use ron::Error as E;
    let at = offset(text, line, col);
    // The value starts at or before the error position: back up over what ron already read.
    let value = {
        let before = &text[..at.min(text.len())];
        let start = before
            .rfind([':', ',', '(', '[', '\n'])
            .map_or(0, |i| i + 1);
        value_at(text, start)
    };
    let field = field_before(text, at)
        .map(|f| format!("field `{f}`: "))
        .unwrap_or_default();
    let whole = "write a whole number like 30 (digits only, no decimal point or exponent)";
    match code {
        E::IntegerOutOfBounds if value.starts_with('-') => {
            format!("{field}{value} is below 0; {whole}")
        }
        E::IntegerOutOfBounds => format!("{field}{value} is too big for this field; {whole}"),
        E::InvalidIntegerDigit { .. } => format!("{field}`{value}` is not a whole number; {whole}"),
        E::ExpectedInteger => format!("{field}`{value}` is not a whole number; {whole}"),
        E::ExpectedFloat => format!("{field}`{value}` is not a number; write one like 2.5"),
        E::ExpectedString | E::ExpectedStringEnd => {
            format!("{field}`{value}` is not text; write it in double quotes, like \"Mon\"")
        }
        E::ExpectedBoolean => format!("{field}`{value}` is not true or false"),
        E::Utf8Error(_) => "the file is not UTF-8 text; save it as UTF-8".to_string(),
        E::ExceededRecursionLimit => "brackets are nested too deeply".to_string(),
        other => format!("{field}{}", shorten(&other.to_string(), 200)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Run {
        replications: u32,
        hours: f64,
    }

    fn message(text: &str) -> String {
        parse::<Run>(text)
            .map(|_| String::new())
            .unwrap_or_else(|e| e.message)
    }

    #[test]
    fn messages_name_the_field_and_value_in_plain_words() {
        let m = message("(replications: -1, hours: 2)");
        assert!(
            m.contains("field `replications`") && m.contains("-1 is below 0"),
            "{m}"
        );
        let m = message("(replications: 1e3, hours: 2)");
        assert!(m.contains("`1e3` is not a whole number"), "{m}");
        assert!(!m.contains("base 10"), "{m}");
        let m = message(&format!("(replications: {}, hours: 2)", "9".repeat(300)));
        assert!(m.contains("too big") && m.len() < 200, "{m}");
        let m = message("(replications: 3, hours: ten)");
        assert!(m.contains("hours"), "{m}");
    }
}
