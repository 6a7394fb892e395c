//! Model paths: `channels[101].callback.take_up` resolved in the model's JSON form, with
//! errors that name what is valid at the level where a path goes wrong.

use super::{OverrideError, err};
use serde_json::Value;

/// A path segment: a key, or a list element chosen by id, name or position.
#[derive(Debug, Clone, PartialEq)]
enum Seg {
    Key(String),
    Select(String),
}

fn parse_path(path: &str) -> Result<Vec<Seg>, OverrideError> {
    let mut segs = vec![];
    let mut key = String::new();
    let mut chars = path.chars();
    let bad = |why: &str| err(format!("path `{path}`: {why}"));
    while let Some(c) = chars.next() {
        match c {
            '.' => {
                if key.is_empty() && !matches!(segs.last(), Some(Seg::Select(_))) {
                    return bad("empty name between dots");
                }
                if !key.is_empty() {
                    segs.push(Seg::Key(std::mem::take(&mut key)));
                }
            }
            '[' => {
                if !key.is_empty() {
                    segs.push(Seg::Key(std::mem::take(&mut key)));
                }
                let mut sel = String::new();
                loop {
                    match chars.next() {
                        Some(']') => break,
                        Some(c) => sel.push(c),
                        None => return bad("`[` without `]`"),
                    }
                }
                let sel = sel.trim().trim_matches('"').to_string();
                if sel.is_empty() {
                    return bad("empty `[]`");
                }
                segs.push(Seg::Select(sel));
            }
            ']' => return bad("`]` without `[`"),
            c => key.push(c),
        }
    }
    if !key.is_empty() {
        segs.push(Seg::Key(key.trim().to_string()));
    }
    if segs.is_empty() {
        return bad("empty path");
    }
    Ok(segs)
}

/// The `id` or `name` of each element of a list (empty strings for elements without one).
pub(super) fn list_names(list: &Value) -> Vec<String> {
    list.as_array()
        .map(|items| {
            items
                .iter()
                .map(|v| {
                    v.get("id")
                        .or_else(|| v.get("name"))
                        .and_then(Value::as_str)
                        .unwrap_or_default()
                        .to_string()
                })
                .collect()
        })
        .unwrap_or_default()
}

/// An externally tagged enum value (`{"LogNormal": {...}}`): its variant name and contents.
fn enum_variant(v: &Value) -> Option<(&String, &Value)> {
    let map = v.as_object()?;
    if map.len() != 1 {
        return None;
    }
    let (k, inner) = map.iter().next()?;
    k.starts_with(|c: char| c.is_ascii_uppercase())
        .then_some((k, inner))
}

fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// Resolve `path` in `doc` to a JSON pointer, with errors naming what is valid at each level.
pub(super) fn resolve(doc: &Value, path: &str) -> Result<String, OverrideError> {
    let mut cur = doc;
    let mut pointer = String::new();
    let mut so_far = String::new();
    for seg in parse_path(path)? {
        if cur.is_null() {
            return err(format!(
                "`{so_far}` is None in this model, so `{path}` does not exist; set `{so_far}` \
                 whole first (e.g. value \"Some((...))\")"
            ));
        }
        match seg {
            Seg::Key(k) => {
                let shown = if so_far.is_empty() {
                    k.clone()
                } else {
                    format!("{so_far}.{k}")
                };
                let map = match cur.as_object() {
                    Some(m) => m,
                    None => {
                        return err(format!(
                            "`{so_far}` has no field `{k}` (it is {})",
                            kind(cur)
                        ));
                    }
                };
                if let Some(next) = map.get(&k) {
                    pointer.push('/');
                    pointer.push_str(&escape(&k));
                    cur = next;
                } else if let Some((variant, next)) =
                    enum_variant(cur).filter(|(_, inner)| inner.get(&k).is_some())
                {
                    pointer.push_str(&format!("/{}/{}", escape(variant), escape(&k)));
                    cur = &next[&k];
                } else {
                    let fields: Vec<&str> = match enum_variant(cur) {
                        Some((v, inner)) => std::iter::once(v.as_str())
                            .chain(
                                inner
                                    .as_object()
                                    .into_iter()
                                    .flat_map(|m| m.keys().map(String::as_str)),
                            )
                            .collect(),
                        None => map.keys().map(String::as_str).collect(),
                    };
                    let at = if so_far.is_empty() {
                        "the model".to_string()
                    } else {
                        format!("`{so_far}`")
                    };
                    return err(format!(
                        "unknown field `{k}` in {at}; valid names there: {}",
                        fields.join(", ")
                    ));
                }
                so_far = shown;
            }
            Seg::Select(s) => {
                let Some(items) = cur.as_array() else {
                    return err(format!(
                        "`{so_far}` is not a list, so `[{s}]` does not apply"
                    ));
                };
                let names = list_names(cur);
                let index = names
                    .iter()
                    .position(|n| *n == s)
                    .or_else(|| s.parse::<usize>().ok().filter(|i| *i < items.len()));
                let Some(i) = index else {
                    let named: Vec<&str> = names
                        .iter()
                        .map(String::as_str)
                        .filter(|n| !n.is_empty())
                        .collect();
                    let valid = if named.is_empty() {
                        String::new()
                    } else {
                        format!("ids or names: {}; or ", named.join(", "))
                    };
                    return err(format!(
                        "no element `{s}` in `{so_far}`; valid: {valid}a position 0 to {}",
                        items.len().saturating_sub(1)
                    ));
                };
                pointer.push_str(&format!("/{i}"));
                cur = &items[i];
                so_far = format!("{so_far}[{s}]");
            }
        }
    }
    Ok(pointer)
}

pub(super) fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "None",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "a struct",
    }
}
