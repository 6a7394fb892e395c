//! What-if overrides: changes to a model that a sweep applies to make each variant.
//!
//! Overrides are generic: the model is turned into a `serde_json::Value`, changed there, and
//! read back into a [`Model`], so any field the model has (now or later) can be set without
//! code here knowing about it.
//!
//! A **path** names a field from the top of the model file: keys separated by dots, and list
//! elements in brackets, chosen by their `id` or `name` (`channels[101]`, `staff[Call handlers]`)
//! or, when no element has that id or name, by their position from 0 (`breaks[1]`). A path may
//! step through an enum variant without naming it (`channels[999].talk.mean_s` for a
//! `LogNormal(mean_s: .., sd_s: ..)`), or name it (`channels[999].talk.LogNormal.mean_s`).
//!
//! A **value** is RON text, as in the model file: numbers (`12`, `0.2`), strings (`"07:00"`;
//! for a text field the quotes may be left off), lists (`[1, 2]`), structs
//! (`(probability: 0.5, delay: Exponential(mean_s: 60))`), enums (`Gamma(mean_s: 200, sd_s:
//! 90)`), and `None` or `Some(x)` for an optional field (`Some(x)` is the same as `x`). Struct
//! names are left out, as in the default model. The one-entry map form
//! `{"Exponential": (mean_s: 60)}` also works (see [`value`]).

mod path;
mod value;

use crate::model::{Model, StaffGroup};
use crate::sim::Config;
use path::{kind, list_names, resolve};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// One change to a model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Override {
    /// Replace the field at `path` with `value` (RON text).
    Set { path: String, value: String },
    /// Multiply the number (or every number of the list) at `path` by `factor`. Whole-number
    /// fields (e.g. `handlers`) are rounded to the nearest whole number.
    Scale { path: String, factor: f64 },
    /// Multiply a channel's demand (every interval of its weekly profile, whatever its kind)
    /// by `factor`; every channel when `channel` is omitted.
    Demand {
        factor: f64,
        #[serde(default)]
        channel: Option<String>,
    },
    /// Add a staff group (written as in the model file's `staff` list).
    AddGroup(Box<StaffGroup>),
    /// Remove the staff group with this name.
    RemoveGroup(String),
}

/// Why an override could not be applied.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{0}")]
pub struct OverrideError(pub String);

fn err<T>(message: impl Into<String>) -> Result<T, OverrideError> {
    Err(OverrideError(message.into()))
}

/// A model with overrides applied, and the demand factors still to apply after validation.
#[derive(Debug, Clone)]
pub struct Applied {
    pub model: Model,
    /// (factor, channel id or None for all) in the order given.
    pub demand: Vec<(f64, Option<String>)>,
}

impl Applied {
    /// Multiply the validated config's arrival rates by the demand factors.
    pub fn scale_demand(&self, cfg: &mut Config) {
        for (factor, channel) in &self.demand {
            for ch in &mut cfg.channels {
                if channel.as_ref().is_none_or(|c| *c == ch.name) {
                    ch.rates_per_s.iter_mut().for_each(|r| *r *= factor);
                }
            }
        }
    }
}

/// The overrides for the command line's `--seed` and `--replications`: the same path as a
/// sweep's overrides, applied to the model before validation.
pub fn run_settings(seed: Option<u64>, replications: Option<u32>) -> Vec<Override> {
    let set = |path: &str, value: String| Override::Set {
        path: path.into(),
        value,
    };
    seed.map(|s| set("run.seed", s.to_string()))
        .into_iter()
        .chain(replications.map(|r| set("run.replications", r.to_string())))
        .collect()
}

/// Load a model file (the embedded default when `path` is None), apply `overrides`, and
/// validate the result.
pub fn load(
    path: Option<&std::path::Path>,
    overrides: &[Override],
) -> Result<crate::model::Loaded, LoadError> {
    let base = crate::model::load(path).map_err(LoadError::Model)?;
    if overrides.is_empty() {
        return Ok(base);
    }
    let applied = apply(&base.model, overrides).map_err(LoadError::Override)?;
    let mut config =
        crate::model::validate(&applied.model, &base.path).map_err(LoadError::Model)?;
    applied.scale_demand(&mut config);
    Ok(crate::model::Loaded {
        model: applied.model,
        config,
        path: base.path,
    })
}

/// Why a model with overrides could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error(transparent)]
    Model(#[from] crate::model::ModelError),
    #[error("{0}")]
    Override(OverrideError),
}

/// Apply `overrides` in order to a copy of `model`.
pub fn apply(model: &Model, overrides: &[Override]) -> Result<Applied, OverrideError> {
    let mut doc = serde_json::to_value(model)
        .map_err(|e| OverrideError(format!("cannot represent the model: {e}")))?;
    let mut demand = vec![];
    for o in overrides {
        match o {
            Override::Set { path, value } => {
                set(&mut doc, path, value)?;
                readable(&doc, || format!("Set `{path}` to `{value}`"))?;
            }
            Override::Scale { path, factor } => {
                scale(&mut doc, path, *factor)?;
                readable(&doc, || format!("Scale `{path}` by {factor}"))?;
            }
            Override::Demand { factor, channel } => {
                let most = crate::model::limits::MAX_MULTIPLIER;
                if !(factor.is_finite() && *factor >= 0.0 && *factor <= most) {
                    return err(format!(
                        "Demand: factor must be between 0 and {most} (got {}), e.g. 1.1 for 10% more calls",
                        crate::model::limits::num(*factor)
                    ));
                }
                if let Some(c) = channel {
                    let ids = list_names(&doc["channels"]);
                    if !ids.contains(c) {
                        return err(format!(
                            "Demand: no channel `{c}`; channels are: {}",
                            ids.join(", ")
                        ));
                    }
                }
                demand.push((*factor, channel.clone()));
            }
            Override::AddGroup(group) => {
                let names = list_names(&doc["staff"]);
                if names.contains(&group.name) {
                    return err(format!("AddGroup: a group `{}` already exists", group.name));
                }
                let g = serde_json::to_value(group)
                    .map_err(|e| OverrideError(format!("AddGroup: {e}")))?;
                match doc.get_mut("staff").and_then(Value::as_array_mut) {
                    Some(staff) => staff.push(g),
                    None => return err("AddGroup: the model has no `staff` list"),
                }
            }
            Override::RemoveGroup(name) => {
                let names = list_names(&doc["staff"]);
                let Some(i) = names.iter().position(|n| n == name) else {
                    return err(format!(
                        "RemoveGroup: no group `{name}`; groups are: {}",
                        names.join(", ")
                    ));
                };
                if let Some(staff) = doc.get_mut("staff").and_then(Value::as_array_mut) {
                    staff.remove(i);
                }
            }
        }
    }
    let model = serde_json::from_value(doc)
        .map_err(|e| OverrideError(format!("the overrides do not make a valid model: {e}")))?;
    Ok(Applied { model, demand })
}

/// Check the changed model still reads as a model (types and required fields), so an error
/// names the override that broke it.
fn readable(doc: &Value, what: impl Fn() -> String) -> Result<(), OverrideError> {
    match serde_json::from_value::<Model>(doc.clone()) {
        Ok(_) => Ok(()),
        Err(e) => err(format!("{}: {e}", what())),
    }
}

fn set(doc: &mut Value, path: &str, value: &str) -> Result<(), OverrideError> {
    let pointer = resolve(doc, path)?;
    let Some(target) = doc.pointer_mut(&pointer) else {
        return err(format!("path `{path}` not found"));
    };
    let new = value::parse(value, target)?;
    let expected = match &*target {
        Value::Number(n) if n.is_u64() => Some("a whole number, e.g. 10"),
        Value::Number(_) => Some("a number, e.g. 2.5"),
        Value::Bool(_) => Some("true or false"),
        _ => None,
    };
    let fits = match &*target {
        Value::Number(n) if n.is_u64() => new.is_u64(),
        Value::Number(_) => new.is_number(),
        Value::Bool(_) => new.is_boolean(),
        _ => true,
    };
    if let (false, Some(expected)) = (fits, expected) {
        return err(format!(
            "Set `{path}`: `{}` is not {expected}",
            crate::ron_text::shorten(value, 24)
        ));
    }
    *target = new;
    Ok(())
}

fn scale(doc: &mut Value, path: &str, factor: f64) -> Result<(), OverrideError> {
    if !factor.is_finite() {
        return err(format!(
            "Scale `{path}`: factor must be a number (got {})",
            crate::model::limits::num(factor)
        ));
    }
    let pointer = resolve(doc, path)?;
    let Some(target) = doc.pointer_mut(&pointer) else {
        return err(format!("path `{path}` not found"));
    };
    let scaled = |v: &Value| -> Option<Value> {
        if let Some(u) = v.as_u64() {
            Some(Value::from((u as f64 * factor).round().max(0.0) as u64))
        } else {
            v.as_f64()
                .and_then(|x| serde_json::Number::from_f64(x * factor))
                .map(Value::Number)
        }
    };
    let new = match &*target {
        Value::Array(items) => items
            .iter()
            .map(scaled)
            .collect::<Option<Vec<Value>>>()
            .map(Value::Array),
        v => scaled(v),
    };
    match new {
        Some(v) => {
            *target = v;
            Ok(())
        }
        None => err(format!(
            "Scale `{path}`: not a number or a list of numbers (it is {})",
            kind(target)
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model;

    fn default_model() -> Model {
        model::parse(model::DEFAULT_MODEL, std::path::Path::new("d.ron"))
            .unwrap_or_else(|e| panic!("{e}"))
    }

    fn apply1(o: Override) -> Result<Model, OverrideError> {
        apply(&default_model(), &[o]).map(|a| a.model)
    }

    fn set(path: &str, value: &str) -> Override {
        Override::Set {
            path: path.into(),
            value: value.into(),
        }
    }

    #[test]
    fn set_reaches_named_elements_options_and_enums() -> Result<(), OverrideError> {
        let m = apply1(set("staff[Call handlers].handlers", "9"))?;
        assert_eq!(m.staff[1].handlers, 9);
        let m = apply1(set("channels[101].callback.take_up", "0.2"))?;
        assert_eq!(
            m.channels[1].callback.as_ref().map(|c| c.take_up),
            Some(0.2)
        );
        let m = apply1(set("channels[101].callback", "None"))?;
        assert_eq!(m.channels[1].callback, None);
        let m = apply1(set("channels[999].talk.mean_s", "200"))?;
        assert!(
            matches!(m.channels[0].talk, model::Duration::LogNormal { mean_s, .. } if mean_s == 200.0)
        );
        let m = apply1(set("channels[999].talk", "Gamma(mean_s: 200, sd_s: 90)"))?;
        assert!(matches!(m.channels[0].talk, model::Duration::Gamma { .. }));
        let m = apply1(set("staff[0].rota.pattern", "DDNN----"))?;
        assert_eq!(
            m.staff[0].rota.as_ref().map(|r| r.pattern.as_str()),
            Some("DDNN----")
        );
        let m = apply1(set(
            "channels[999].redial",
            "Some((probability: 0.5, delay: Exponential(mean_s: 60)))",
        ))?;
        assert_eq!(
            m.channels[0].redial.as_ref().map(|r| r.probability),
            Some(0.5)
        );
        Ok(())
    }

    #[test]
    fn unknown_paths_name_what_is_valid() {
        let e = apply1(set("staff[Call handlers].handler", "9")).err();
        let msg = e.map(|e| e.0).unwrap_or_default();
        assert!(
            msg.contains("`handler`") && msg.contains("handlers") && msg.contains("shrinkage"),
            "{msg}"
        );
        let msg = apply1(set("staff[Night crew].handlers", "9"))
            .err()
            .map(|e| e.0)
            .unwrap_or_default();
        assert!(
            msg.contains("Night crew") && msg.contains("Call handlers"),
            "{msg}"
        );
        let msg = apply1(set("chanels[999].priority", "1"))
            .err()
            .map(|e| e.0)
            .unwrap_or_default();
        assert!(msg.contains("chanels") && msg.contains("channels"), "{msg}");
        assert!(apply1(set("staff[0].handlers", "lots")).is_err());
        assert!(apply1(set("staff[", "1")).is_err());
    }

    #[test]
    fn scale_rounds_whole_numbers_and_scales_lists() -> Result<(), OverrideError> {
        let m = apply1(Override::Scale {
            path: "staff[Call handlers].handlers".into(),
            factor: 1.5,
        })?;
        assert_eq!(m.staff[1].handlers, 17);
        let m = apply1(Override::Scale {
            path: "channels[999].arrivals.profile.per_day".into(),
            factor: 2.0,
        })?;
        let model::Profile::Daily { per_day, .. } = &m.channels[0].arrivals.profile else {
            panic!("profile kind changed");
        };
        assert_eq!(per_day[0], 1200.0);
        assert!(
            apply1(Override::Scale {
                path: "name".into(),
                factor: 2.0
            })
            .is_err()
        );
        Ok(())
    }

    #[test]
    fn groups_are_added_and_removed_by_name() -> Result<(), OverrideError> {
        let base = default_model();
        let mut g = base.staff[0].clone();
        g.name = "Night cover".into();
        let m = apply1(Override::AddGroup(Box::new(g.clone())))?;
        assert_eq!(m.staff.len(), base.staff.len() + 1);
        assert!(apply(&m, &[Override::AddGroup(Box::new(g))]).is_err());
        let m = apply1(Override::RemoveGroup("Pooled desk".into()))?;
        assert!(m.staff.iter().all(|g| g.name != "Pooled desk"));
        assert!(apply1(Override::RemoveGroup("Nobody".into())).is_err());
        Ok(())
    }
}
