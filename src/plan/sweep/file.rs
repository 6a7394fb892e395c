//! The sweep file (RON): a base model and the variants to compare with it, written out by
//! hand or as a grid over parameters. See `scenarios/planning/sweeps/` for examples.

use crate::plan::overrides::Override;
use serde::Deserialize;

/// A sweep file as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SweepFile {
    /// A title for reports.
    #[serde(default)]
    pub name: String,
    /// What each variant is: simulated as it is (the default), or rostered.
    #[serde(default)]
    pub kind: SweepKind,
    /// The base model, relative to the sweep file; omitted = the embedded default model.
    #[serde(default)]
    pub base: Option<String>,
    /// Replications for every variant (default: the base model's `run.replications`).
    #[serde(default)]
    pub replications: Option<u32>,
    /// Seed for every variant (default: the base model's `run.seed`).
    #[serde(default)]
    pub seed: Option<u64>,
    /// Overrides applied to every variant, the base included, before its own (e.g. a longer
    /// horizon for the whole comparison).
    #[serde(default)]
    pub base_overrides: Vec<Override>,
    /// Variants written out by hand.
    #[serde(default)]
    pub variants: Vec<VariantSpec>,
    /// Parameters to vary together: one variant per combination of their values.
    #[serde(default)]
    pub grid: Vec<Axis>,
}

/// What a sweep does with each variant.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
pub enum SweepKind {
    /// Simulate each variant with common random numbers and compare KPIs with the base.
    #[default]
    Simulate,
    /// Roster each variant (`controlroom roster`: the staffing search, the integer programme,
    /// verification by simulation) and compare paid hours and service side by side. Overrides
    /// of `rostering.…` change the rules (the section is filled with its defaults first).
    Roster,
}

/// A named set of overrides, applied in order to the base model.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VariantSpec {
    pub name: String,
    pub overrides: Vec<Override>,
}

/// One grid parameter: a model path and the values (RON text) it takes.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Axis {
    pub path: String,
    pub values: Vec<String>,
}

/// Parse sweep-file text (optional fields may be written without `Some(..)`).
pub fn parse(text: &str) -> Result<SweepFile, crate::ron_text::RonError> {
    crate::ron_text::parse(text)
}

/// The short label of a grid path: its last field name (`handlers` for
/// `staff[Call handlers].handlers`), or the whole path when two axes would share a label.
fn labels(grid: &[Axis]) -> Vec<String> {
    let short = |p: &str| {
        let last = p.rsplit('.').next().unwrap_or(p);
        last.split('[')
            .next()
            .filter(|s| !s.is_empty())
            .unwrap_or(last)
            .to_string()
    };
    grid.iter()
        .map(|a| {
            let s = short(&a.path);
            if grid.iter().filter(|b| short(&b.path) == s).count() > 1 {
                a.path.clone()
            } else {
                s
            }
        })
        .collect()
}

/// Expand a grid into variants: the cartesian product of the axes' values, the first axis
/// varying slowest, named like `handlers=10, take_up=0.2`. No axes = no variants.
pub fn expand_grid(grid: &[Axis]) -> Result<Vec<VariantSpec>, String> {
    if grid.is_empty() {
        return Ok(vec![]);
    }
    if let Some(a) = grid.iter().find(|a| a.values.is_empty()) {
        return Err(format!("grid: `{}` has no values", a.path));
    }
    let labels = labels(grid);
    let mut out = vec![VariantSpec {
        name: String::new(),
        overrides: vec![],
    }];
    for (axis, label) in grid.iter().zip(&labels) {
        let mut next = Vec::with_capacity(out.len() * axis.values.len());
        for v in &out {
            for value in &axis.values {
                let mut w = v.clone();
                let part = format!("{label}={}", value.trim());
                w.name = if w.name.is_empty() {
                    part
                } else {
                    format!("{}, {part}", w.name)
                };
                w.overrides.push(Override::Set {
                    path: axis.path.clone(),
                    value: value.clone(),
                });
                next.push(w);
            }
        }
        out = next;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grid_is_the_cartesian_product_with_readable_names() -> Result<(), String> {
        let grid = vec![
            Axis {
                path: "staff[Call handlers].handlers".into(),
                values: vec!["9".into(), "10".into(), "11".into()],
            },
            Axis {
                path: "channels[101].callback.take_up".into(),
                values: vec!["0.1".into(), "0.2".into()],
            },
        ];
        let v = expand_grid(&grid)?;
        assert_eq!(v.len(), 6);
        assert_eq!(v[0].name, "handlers=9, take_up=0.1");
        assert_eq!(v[5].name, "handlers=11, take_up=0.2");
        assert_eq!(v[3].overrides.len(), 2);
        Ok(())
    }

    #[test]
    fn optional_fields_need_no_some() {
        let f = parse(
            r#"(base: "x.ron", replications: 5, variants: [(name: "a", overrides: [Demand(factor: 1.1, channel: "101")])])"#,
        );
        let f = f.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(f.base.as_deref(), Some("x.ron"));
        assert_eq!(f.replications, Some(5));
        assert!(
            matches!(&f.variants[0].overrides[0], Override::Demand { channel: Some(c), .. } if c == "101")
        );
        assert_eq!(f.kind, SweepKind::Simulate);
        let r = parse(r#"(kind: Roster)"#).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(r.kind, SweepKind::Roster);
        assert!(parse(r#"(kind: Rota)"#).is_err());
    }
}
