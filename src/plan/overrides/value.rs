//! Override values: RON text, as written in a model file, read into the model's JSON form.
//!
//! RON's self-describing reader drops enum variant names (`Exponential(mean_s: 60)` reads as
//! `(mean_s: 60)`), so before reading, every enum variant in the text is rewritten into the
//! externally tagged form serde uses: `Name(...)` becomes `{"Name": (...)}` and a bare `Name`
//! becomes `"Name"`. Struct names must be left out (write `(a: 1)`, not `Foo(a: 1)`), as the
//! default model does.

use super::OverrideError;
use serde_json::Value;

/// Identifiers that are RON keywords or values, not enum variants.
const NOT_VARIANTS: [&str; 5] = ["Some", "None", "NaN", "NaNf32", "NaNf64"];

/// Rewrite enum variants in RON text into serde's externally tagged form (see module doc).
pub(super) fn tag_enums(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 16);
    // For each open parenthesis: does it close an enum variant (needing an extra `}`)?
    let mut parens: Vec<bool> = vec![];
    let mut pending_variant = false;
    let mut i = 0;
    let mut prev = ' ';
    while i < chars.len() {
        let c = chars[i];
        match c {
            '"' | '\'' => {
                // A string or char literal: copy it through, escapes and all.
                out.push(c);
                i += 1;
                while i < chars.len() {
                    out.push(chars[i]);
                    if chars[i] == '\\' && i + 1 < chars.len() {
                        out.push(chars[i + 1]);
                        i += 1;
                    } else if chars[i] == c {
                        break;
                    }
                    i += 1;
                }
            }
            '/' if chars.get(i + 1) == Some(&'/') => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
                continue;
            }
            '(' => {
                parens.push(std::mem::take(&mut pending_variant));
                out.push('(');
            }
            ')' => {
                out.push(')');
                if parens.pop() == Some(true) {
                    out.push('}');
                }
            }
            c if (c.is_ascii_alphabetic() || c == '_')
                && !(prev.is_ascii_alphanumeric() || prev == '_' || prev == '.') =>
            {
                let start = i;
                while i < chars.len() && (chars[i].is_ascii_alphanumeric() || chars[i] == '_') {
                    i += 1;
                }
                let ident: String = chars[start..i].iter().collect();
                let next = chars[i..].iter().find(|c| !c.is_whitespace()).copied();
                let variant = ident.starts_with(|c: char| c.is_ascii_uppercase())
                    && !NOT_VARIANTS.contains(&ident.as_str())
                    && next != Some(':');
                if variant && next == Some('(') {
                    out.push_str(&format!("{{\"{ident}\": "));
                    pending_variant = true;
                } else if variant {
                    out.push_str(&format!("\"{ident}\""));
                } else {
                    out.push_str(&ident);
                }
                prev = 'a';
                continue;
            }
            c => out.push(c),
        }
        if !c.is_whitespace() {
            prev = c;
        }
        i += 1;
    }
    out
}

/// Read a value's RON text. For a text field, text that is not a RON string is taken as it
/// stands (so `value: "DDNN----"` works without inner quotes).
pub(super) fn parse(text: &str, current: &Value) -> Result<Value, OverrideError> {
    let t = text.trim();
    match ron::from_str::<Value>(&tag_enums(t)) {
        Ok(v) if current.is_string() && !v.is_string() => Ok(Value::String(t.to_string())),
        Ok(v) => Ok(v),
        Err(_) if current.is_string() => Ok(Value::String(t.to_string())),
        Err(e) => Err(OverrideError(format!(
            "value `{text}` is not valid RON: {e}"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_become_externally_tagged() {
        assert_eq!(
            tag_enums("Some((p: 0.5, delay: Exponential(mean_s: 60)))"),
            r#"Some((p: 0.5, delay: {"Exponential": (mean_s: 60)}))"#
        );
        assert_eq!(tag_enums("Gamma (a: 1e-3)"), r#"{"Gamma":  (a: 1e-3)}"#);
        assert_eq!(tag_enums("[Daily, None, NaN]"), r#"["Daily", None, NaN]"#);
        assert_eq!(
            tag_enums(r#"("It's A(b)", x: 1)"#),
            r#"("It's A(b)", x: 1)"#
        );
        let v = parse("Exponential(mean_s: 60)", &Value::Null);
        assert_eq!(
            v.ok(),
            Some(serde_json::json!({"Exponential": {"mean_s": 60}}))
        );
    }
}
