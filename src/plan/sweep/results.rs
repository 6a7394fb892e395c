//! Sweep results: per-replication KPI values gathered by variant, their estimates, paired
//! differences from the base, `sweep.csv` and the terminal table.

use super::Item;
use crate::plan::kpi::{Kpi, Row, Scope};
use crate::plan::report::{cell, csv_line};
use crate::plan::stats::{Estimate, estimate};
use std::fmt::Write;

/// A KPI row: channel or group, the channel or group name, the KPI.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Key {
    pub scope: Scope,
    pub name: String,
    pub kpi: Kpi,
}

/// One variant's KPI values: `values[k][r]` is KPI `keys[k]` in replication `r`.
#[derive(Debug, Clone, PartialEq)]
pub struct VariantValues {
    pub name: String,
    pub keys: Vec<Key>,
    pub values: Vec<Vec<f64>>,
}

/// Every variant's values; variant 0 is the base.
#[derive(Debug, Clone, PartialEq)]
pub struct Results {
    pub replications: u32,
    pub variants: Vec<VariantValues>,
}

/// A KPI of a variant: its estimate and, except for the base, the paired difference.
#[derive(Debug, Clone, Copy)]
pub struct Compared {
    pub estimate: Estimate,
    pub diff: Option<Estimate>,
}

impl Compared {
    /// Does the difference's 95% CI exclude 0?
    pub fn significant(&self) -> bool {
        self.diff
            .is_some_and(|d| d.half_width.is_finite() && !d.covers(0.0))
    }
}

impl Results {
    /// Runs of the same replications (the same callers) side by side, from their KPI rows;
    /// the first is the base.
    pub fn from_rows(replications: u32, runs: Vec<(String, Vec<Row>)>) -> Results {
        let variants = runs
            .into_iter()
            .map(|(name, rows)| VariantValues {
                name,
                keys: rows
                    .iter()
                    .map(|r| Key {
                        scope: r.scope,
                        name: r.name.clone(),
                        kpi: r.kpi,
                    })
                    .collect(),
                values: rows.into_iter().map(|r| r.values).collect(),
            })
            .collect();
        Results {
            replications,
            variants,
        }
    }

    /// Gather items into per-variant values. `layout` gives each variant's name and KPI rows;
    /// every (variant, replication) must appear exactly once.
    pub fn assemble(
        layout: Vec<(String, Vec<Key>)>,
        replications: u32,
        items: impl IntoIterator<Item = Item>,
    ) -> Result<Results, String> {
        let r = replications as usize;
        let mut seen = vec![vec![false; r]; layout.len()];
        let mut variants: Vec<VariantValues> = layout
            .into_iter()
            .map(|(name, keys)| VariantValues {
                values: vec![vec![f64::NAN; r]; keys.len()],
                name,
                keys,
            })
            .collect();
        for item in items {
            let (v, rep) = (item.variant, item.replication as usize);
            let Some(var) = variants.get_mut(v) else {
                return Err(format!("work item for unknown variant {v}"));
            };
            if rep >= r {
                return Err(format!("`{}`: unknown replication {}", var.name, rep + 1));
            }
            if std::mem::replace(&mut seen[v][rep], true) {
                return Err(format!(
                    "`{}` replication {} given twice",
                    var.name,
                    rep + 1
                ));
            }
            if item.values.len() != var.keys.len() {
                return Err(format!(
                    "`{}` replication {}: {} KPI values, expected {}",
                    var.name,
                    rep + 1,
                    item.values.len(),
                    var.keys.len()
                ));
            }
            for (k, x) in item.values.into_iter().enumerate() {
                var.values[k][rep] = x;
            }
        }
        let missing: usize = seen.iter().flatten().filter(|s| !**s).count();
        if missing > 0 {
            let first = seen
                .iter()
                .enumerate()
                .find_map(|(v, s)| s.iter().position(|x| !x).map(|r| (v, r)));
            let (v, rep) = first.unwrap_or_default();
            return Err(format!(
                "{missing} of {} work items are missing (first: `{}` replication {})",
                variants.len() * r,
                variants[v].name,
                rep + 1
            ));
        }
        Ok(Results {
            replications,
            variants,
        })
    }

    /// KPI `k` of variant `v` compared with the base.
    pub fn compare(&self, v: usize, k: usize) -> Compared {
        let var = &self.variants[v];
        let values = &var.values[k];
        let diff = if v == 0 {
            None
        } else {
            let base = &self.variants[0];
            base.keys.iter().position(|b| *b == var.keys[k]).map(|bk| {
                let d: Vec<f64> = values
                    .iter()
                    .zip(&base.values[bk])
                    .map(|(x, b)| x - b)
                    .collect();
                estimate(&d)
            })
        };
        Compared {
            estimate: estimate(values),
            diff,
        }
    }

    /// Does any variant have a figure for this KPI (a report window outside a look-ahead has
    /// none)?
    fn has_figures(&self, k: usize, key: &Key) -> bool {
        self.variants.iter().any(|var| {
            let at = if var.keys.get(k) == Some(key) {
                Some(k)
            } else {
                var.keys.iter().position(|x| x == key)
            };
            at.is_some_and(|i| var.values[i].iter().any(|x| x.is_finite()))
        })
    }

    /// `sweep.csv`: one row per variant and KPI with the estimate, its 95% CI, and the paired
    /// difference from the base with its 95% CI (blank for the base itself).
    pub fn csv(&self) -> String {
        let mut out = String::new();
        let head = [
            "variant",
            "scope",
            "name",
            "kpi",
            "mean",
            "ci95_low",
            "ci95_high",
            "diff_mean",
            "diff_ci95_low",
            "diff_ci95_high",
            "replications",
        ];
        csv_line(&mut out, &head.map(String::from));
        for (v, var) in self.variants.iter().enumerate() {
            for (k, key) in var.keys.iter().enumerate() {
                let c = self.compare(v, k);
                let e = c.estimate;
                let (dm, dl, dh) = match c.diff {
                    Some(d) => (cell(d.mean), cell(d.low()), cell(d.high())),
                    None => Default::default(),
                };
                csv_line(
                    &mut out,
                    &[
                        var.name.clone(),
                        key.scope.as_str().into(),
                        key.name.clone(),
                        key.kpi.name().into(),
                        cell(e.mean),
                        cell(e.low()),
                        cell(e.high()),
                        dm,
                        dl,
                        dh,
                        e.n.to_string(),
                    ],
                );
            }
        }
        out
    }

    /// The terminal table: each variant's headline KPIs (service level, abandonment and mean
    /// wait of each call channel, occupancy of each staff group), the difference from the
    /// base (shares in percentage points), and whether it is significant (its 95% CI excludes 0).
    pub fn table(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{:<40}{:>18}{:>20}  significant",
            "variant / KPI (95% CI)", "estimate", "vs base"
        );
        for (v, var) in self.variants.iter().enumerate() {
            let _ = writeln!(out, "{}", var.name);
            for (k, key) in var.keys.iter().enumerate() {
                if !headline(&self.variants[0], var, k) || !self.has_figures(k, key) {
                    continue;
                }
                let c = self.compare(v, k);
                let label = format!("  {} {}", key.name, key.kpi.label());
                let (diff, sig) = match c.diff {
                    Some(d) => (
                        show(key.kpi, &d, true),
                        if c.significant() { "yes" } else { "no" },
                    ),
                    None if v == 0 => (String::new(), ""),
                    None => ("(not in base)".into(), ""),
                };
                let _ = writeln!(
                    out,
                    "{label:<40}{:>18}{diff:>20}  {sig}",
                    show(key.kpi, &c.estimate, false)
                );
            }
        }
        out
    }
}

/// Headline KPIs: for channels that can abandon (seen through the base's rows), service
/// level, abandonment and mean wait; for work that waits without abandoning (digital), the
/// mean wait, where a move's cost shows first; for groups, occupancy.
pub fn headline(base: &VariantValues, var: &VariantValues, k: usize) -> bool {
    let key = &var.keys[k];
    match key.scope {
        Scope::Group => key.kpi == Kpi::Occupancy,
        Scope::Channel => {
            let calls = base
                .keys
                .iter()
                .position(|b| b.name == key.name && b.kpi == Kpi::Abandoned)
                .is_none_or(|i| base.values[i].iter().any(|x| *x > 0.0));
            match key.kpi {
                Kpi::ServiceLevel | Kpi::AbandonRate => calls,
                Kpi::WaitMean => true,
                _ => false,
            }
        }
    }
}

fn show(kpi: Kpi, e: &Estimate, signed: bool) -> String {
    if !e.mean.is_finite() {
        return "-".into();
    }
    // Shares as percentages; their differences in percentage points.
    let (scale, unit) = match (kpi.is_share(), signed) {
        (true, false) => (100.0, "%"),
        (true, true) => (100.0, " pt"),
        _ => (1.0, ""),
    };
    let m = e.mean * scale;
    let mean = if signed {
        format!("{m:+.1}")
    } else {
        format!("{m:.1}")
    };
    if e.half_width.is_finite() {
        format!("{mean} ± {:.1}{unit}", e.half_width * scale)
    } else {
        format!("{mean}{unit}")
    }
}
