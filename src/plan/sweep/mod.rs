//! What-if sweeps: run a base model and variants of it with the same seed and replications
//! (common random numbers), and report each variant's KPIs with their paired difference from
//! the base.
//!
//! The work is a fixed list of (variant, replication) items. A whole run and a sharded run
//! both produce per-item KPI values ([`Item`]), which [`Results::assemble`] turns into
//! estimates, so `sweep` and `merge` write byte-identical `sweep.csv` files.

pub mod file;
pub mod results;
pub mod roster;
pub mod shard;

pub use results::{Key, Results};

use crate::model::{self, ModelError};
use crate::plan::kpi;
use crate::plan::overrides::{self, Override};
use crate::sim::{self, Config, NoRecords};
use file::VariantSpec;
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// Why a sweep could not be set up.
#[derive(Debug, thiserror::Error)]
pub enum SweepError {
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
    #[error("base model: {0}")]
    Base(#[source] ModelError),
    #[error("{}: variant `{variant}`: {message}", path.display())]
    Variant {
        path: PathBuf,
        variant: String,
        message: String,
    },
    #[error("{}: variant `{variant}` makes an invalid model: {source}", path.display())]
    InvalidVariant {
        path: PathBuf,
        variant: String,
        #[source]
        source: ModelError,
    },
    #[error("{}: {message}", path.display())]
    Sweep { path: PathBuf, message: String },
}

/// One variant ready to run. Variant 0 is always the base model, named `base`.
#[derive(Debug, Clone)]
pub struct Variant {
    pub name: String,
    pub config: Config,
}

/// A resolved sweep: every variant validated, with the shared seed and replications.
#[derive(Debug, Clone)]
pub struct Plan {
    pub name: String,
    pub variants: Vec<Variant>,
    pub replications: u32,
    pub seed: u64,
    /// Identifies the work exactly (program version and every variant's resolved config), so
    /// shards of different sweeps are never merged.
    pub fingerprint: String,
}

/// The name of the base variant.
pub const BASE: &str = "base";

/// Read and parse a sweep file.
pub fn read(path: &Path) -> Result<file::SweepFile, SweepError> {
    let text = crate::files::read_input(path, crate::files::MAX_INPUT_BYTES).map_err(|source| {
        SweepError::Io {
            path: path.to_path_buf(),
            source,
        }
    })?;
    file::parse(&text).map_err(|e| SweepError::Parse {
        path: path.to_path_buf(),
        line: e.line,
        col: e.col,
        message: e.message,
    })
}

/// A sweep file's variants before they are built: the base model, every variant's overrides
/// (the base first, with the run settings and the file's `base_overrides`), the shared
/// replications and seed.
pub(crate) struct Specs {
    pub base: model::Loaded,
    pub variants: Vec<(String, Vec<Override>)>,
    pub replications: u32,
    pub seed: u64,
}

/// List the variants of `sweep` (read from `path`); `replications` and `seed` override the
/// file's, and `default_replications` applies when neither gives them.
pub(crate) fn specs(
    path: &Path,
    sweep: &file::SweepFile,
    replications: Option<u32>,
    seed: Option<u64>,
    default_replications: impl Fn(&model::Loaded) -> u32,
) -> Result<Specs, SweepError> {
    let base_path = sweep.base.as_ref().map(|b| match path.parent() {
        Some(dir) => dir.join(b),
        None => PathBuf::from(b),
    });
    let base = model::load(base_path.as_deref()).map_err(SweepError::Base)?;
    let bad = |message: String| SweepError::Sweep {
        path: path.to_path_buf(),
        message,
    };
    let mut specs = vec![VariantSpec {
        name: BASE.into(),
        overrides: vec![],
    }];
    let replications = replications
        .or(sweep.replications)
        .unwrap_or_else(|| default_replications(&base));
    model::limits::replications(replications).map_err(bad)?;
    // Count the grid before building it: 1000 x 1000 values would be a million variants.
    let grid_size = sweep
        .grid
        .iter()
        .fold(1u64, |n, a| n.saturating_mul(a.values.len() as u64));
    let grid_size = if sweep.grid.is_empty() { 0 } else { grid_size };
    let variants = 1 + sweep.variants.len() as u64 + grid_size;
    model::limits::sweep(variants, replications).map_err(bad)?;
    specs.extend(sweep.variants.iter().cloned());
    specs.extend(file::expand_grid(&sweep.grid).map_err(bad)?);
    let seed = seed.or(sweep.seed).unwrap_or(base.config.seed);
    let mut out: Vec<(String, Vec<Override>)> = Vec::with_capacity(specs.len());
    for spec in specs {
        if spec.name.trim().is_empty() {
            return Err(bad("every variant needs a name".into()));
        }
        if out.iter().any(|v| v.0 == spec.name) {
            return Err(bad(format!("two variants are named `{}`", spec.name)));
        }
        // The run settings go through the same overrides as the variants' changes.
        let overrides: Vec<_> = overrides::run_settings(Some(seed), Some(replications))
            .into_iter()
            .chain(sweep.base_overrides.iter().cloned())
            .chain(spec.overrides)
            .collect();
        out.push((spec.name, overrides));
    }
    Ok(Specs {
        base,
        variants: out,
        replications,
        seed,
    })
}

/// Build one variant: its overrides applied to the base and the result validated.
pub(crate) fn build(
    path: &Path,
    base: &model::Loaded,
    name: &str,
    overrides: &[Override],
) -> Result<(model::Model, Config), SweepError> {
    variant_config(&base.model, &base.path, overrides).map_err(|e| match e {
        VariantFailure::Override(message) => SweepError::Variant {
            path: path.to_path_buf(),
            variant: name.to_string(),
            message,
        },
        VariantFailure::Invalid(source) => SweepError::InvalidVariant {
            path: path.to_path_buf(),
            variant: name.to_string(),
            source,
        },
    })
}

/// Read a sweep file and resolve it; `replications` and `seed` override the file's.
pub fn load(path: &Path, replications: Option<u32>, seed: Option<u64>) -> Result<Plan, SweepError> {
    let sweep = read(path)?;
    let Specs {
        base,
        variants: specs,
        replications,
        seed,
    } = specs(path, &sweep, replications, seed, |b| b.config.replications)?;
    let mut variants: Vec<Variant> = Vec::with_capacity(specs.len());
    for (name, overrides) in specs {
        let (_, config) = build(path, &base, &name, &overrides)?;
        variants.push(Variant { name, config });
    }
    let name = if sweep.name.is_empty() {
        base.model.name.clone()
    } else {
        sweep.name.clone()
    };
    let fingerprint = fingerprint(&variants);
    Ok(Plan {
        name,
        variants,
        replications,
        seed,
        fingerprint,
    })
}

enum VariantFailure {
    Override(String),
    Invalid(ModelError),
}

/// Apply overrides to the base model and validate the result (CSV inputs are found relative
/// to the base model file).
fn variant_config(
    base: &model::Model,
    base_path: &Path,
    overrides: &[Override],
) -> Result<(model::Model, Config), VariantFailure> {
    let applied = overrides::apply(base, overrides).map_err(|e| VariantFailure::Override(e.0))?;
    let mut cfg = model::validate(&applied.model, base_path).map_err(VariantFailure::Invalid)?;
    applied.scale_demand(&mut cfg);
    let problems = model::limits::check_demand(&cfg);
    if !problems.is_empty() {
        return Err(VariantFailure::Invalid(model::ModelError::Invalid {
            path: base_path.to_path_buf(),
            problems,
        }));
    }
    Ok((applied.model, cfg))
}

/// A stable 128-bit FNV-1a hash (two 64-bit lanes) of the program version and every
/// variant's name and resolved config, printed as hex.
fn fingerprint(variants: &[Variant]) -> String {
    let text = format!(
        "controlroom {} sweep\n{:?}",
        env!("CARGO_PKG_VERSION"),
        variants
            .iter()
            .map(|v| (&v.name, &v.config))
            .collect::<Vec<_>>()
    );
    let lane = |offset: u64| {
        text.bytes().fold(offset, |h, b| {
            (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01B3)
        })
    };
    format!(
        "{:016x}{:016x}",
        lane(0xcbf2_9ce4_8422_2325),
        lane(0x6c62_272e_07bb_0142)
    )
}

/// The KPI values of one replication of one variant, in the order of [`Plan::keys`].
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub variant: usize,
    pub replication: u32,
    pub values: Vec<f64>,
}

/// A share of the work: shard `index` (1-based) of `count`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub index: usize,
    pub count: usize,
}

impl Shard {
    pub const WHOLE: Shard = Shard { index: 1, count: 1 };

    /// Parse `K/N` with 1 ≤ K ≤ N.
    pub fn parse(s: &str) -> Result<Shard, String> {
        let bad = || format!("--shard `{s}`: expected K/N with 1 <= K <= N, e.g. 2/8");
        let (k, n) = s.split_once('/').ok_or_else(bad)?;
        let k: usize = k.trim().parse().map_err(|_| bad())?;
        let n: usize = n.trim().parse().map_err(|_| bad())?;
        if k == 0 || k > n {
            return Err(bad());
        }
        Ok(Shard { index: k, count: n })
    }

    /// Does work item number `i` belong to this shard?
    pub fn owns(&self, i: usize) -> bool {
        i % self.count == self.index - 1
    }
}

impl Plan {
    /// Every (variant, replication) work item, in the fixed order shards divide.
    pub fn items(&self) -> Vec<(usize, u32)> {
        (0..self.variants.len())
            .flat_map(|v| (0..self.replications).map(move |r| (v, r)))
            .collect()
    }

    /// The items of one shard.
    pub fn shard_items(&self, shard: Shard) -> Vec<(usize, u32)> {
        self.items()
            .into_iter()
            .enumerate()
            .filter(|(i, _)| shard.owns(*i))
            .map(|(_, it)| it)
            .collect()
    }

    /// The KPI rows of a variant (channel KPIs, then staff-group KPIs).
    pub fn keys(&self, variant: usize) -> Vec<Key> {
        kpi::rows(&self.variants[variant].config, &[])
            .into_iter()
            .map(|r| Key {
                scope: r.scope,
                name: r.name,
                kpi: r.kpi,
            })
            .collect()
    }

    /// Run `work` items in parallel (results in the order given), calling `done` after each.
    pub fn run(&self, work: &[(usize, u32)], done: &(dyn Fn() + Sync)) -> Vec<Item> {
        work.par_iter()
            .map(|&(variant, replication)| {
                let cfg = &self.variants[variant].config;
                let rep = sim::run(cfg, replication, &mut NoRecords);
                let values = kpi::rows(cfg, std::slice::from_ref(&rep))
                    .into_iter()
                    .map(|row| row.values.first().copied().unwrap_or(f64::NAN))
                    .collect();
                done();
                Item {
                    variant,
                    replication,
                    values,
                }
            })
            .collect()
    }

    /// Variant names and KPI rows, as [`Results::assemble`] needs them.
    pub fn layout(&self) -> Vec<(String, Vec<Key>)> {
        (0..self.variants.len())
            .map(|v| (self.variants[v].name.clone(), self.keys(v)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_split_items_without_overlap() {
        assert_eq!(Shard::parse("2/3"), Ok(Shard { index: 2, count: 3 }));
        assert!(Shard::parse("0/3").is_err());
        assert!(Shard::parse("4/3").is_err());
        assert!(Shard::parse("x").is_err());
        let shards: Vec<Shard> = (1..=3).map(|k| Shard { index: k, count: 3 }).collect();
        for i in 0..20 {
            assert_eq!(shards.iter().filter(|s| s.owns(i)).count(), 1);
        }
    }
}
