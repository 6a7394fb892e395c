//! Roster sweeps (`kind: Roster` in a sweep file): each variant is rostered as `controlroom
//! roster` does it (the staffing search, the integer programme, verification by simulation
//! with fresh seeds), and the variants' paid hours and service are compared side by side.
//!
//! A variant's overrides usually change the rostering rules (`rostering.lengths_hours`,
//! `rostering.starts`, `rostering.earliest_start`, …); the base model's `rostering` section
//! is filled with its defaults first, so those paths exist even when the model has none. Every
//! variant's rules are checked before any is rostered. The requirement (the staffing search)
//! is found once for all variants whose simulated model is the same.

use super::file::SweepFile;
use super::{SweepError, build, specs};
use crate::model::{DEFAULT_MODEL_NAME, Model, Rostering};
use crate::plan::roster::verify::{self, Check};
use crate::plan::roster::{self, Rules};
use crate::plan::staffing::{self, StaffingOptions, StaffingResult};
use crate::sim::Config;
use std::path::{Path, PathBuf};

/// Replications per simulation when neither the command line nor the file gives them (as
/// `controlroom roster`).
pub const DEFAULT_REPLICATIONS: u32 = 10;
/// Most verification rounds per variant (as `controlroom roster`).
pub const MAX_ROUNDS: u32 = 12;

/// One variant ready to roster.
#[derive(Debug, Clone)]
pub struct RosterVariant {
    pub name: String,
    pub model: Model,
    pub config: Config,
    pub rules: Rules,
}

/// A resolved roster sweep.
#[derive(Debug, Clone)]
pub struct RosterPlan {
    pub name: String,
    pub variants: Vec<RosterVariant>,
    pub replications: u32,
    pub seed: u64,
    /// The folder of the base model file (None for the embedded model).
    pub model_dir: Option<PathBuf>,
}

/// A variant's roster, verified.
#[derive(Debug, Clone, PartialEq)]
pub struct Rostered {
    pub handlers: u32,
    pub paid_hours: f64,
    pub rota_paid_hours: f64,
    pub lp_bound: f64,
    pub gap: f64,
    pub proven_optimal: bool,
    /// How the last round's search ended, in the planner's words (`Solved::status`).
    pub status: &'static str,
    pub rounds: usize,
    /// Interval targets still failing after the last round (0: every target met).
    pub unmet: usize,
    /// Per channel and report window, in the last round's simulation.
    pub checks: Vec<Check>,
}

/// One variant's outcome: its roster, or why it could not be rostered.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub name: String,
    pub outcome: Result<Rostered, String>,
}

impl Row {
    /// Rostered with every target met.
    pub fn met(&self) -> bool {
        self.outcome.as_ref().is_ok_and(|r| r.unmet == 0)
    }
}

/// Resolve a roster sweep read from `path`; `replications` and `seed` override the file's.
pub fn load(
    path: &Path,
    sweep: &SweepFile,
    replications: Option<u32>,
    seed: Option<u64>,
) -> Result<RosterPlan, SweepError> {
    let mut s = specs(path, sweep, replications, seed, |_| DEFAULT_REPLICATIONS)?;
    if s.base.model.rostering.is_none() {
        s.base.model.rostering = Some(Rostering::default());
    }
    let opts = options(s.replications);
    let mut variants = Vec::with_capacity(s.variants.len());
    for (name, overrides) in &s.variants {
        let (model, config) = build(path, &s.base, name, overrides)?;
        let bad = |message: String| SweepError::Variant {
            path: path.to_path_buf(),
            variant: name.clone(),
            message,
        };
        let rules = roster::rules_for(&model).map_err(|e| bad(e.to_string()))?;
        staffing::targets(&config, &opts).map_err(|e| bad(e.to_string()))?;
        variants.push(RosterVariant {
            name: name.clone(),
            model,
            config,
            rules,
        });
    }
    let model_dir = (s.base.path.as_os_str() != DEFAULT_MODEL_NAME)
        .then(|| s.base.path.parent().map(Path::to_path_buf))
        .flatten();
    let name = if sweep.name.is_empty() {
        s.base.model.name.clone()
    } else {
        sweep.name.clone()
    };
    Ok(RosterPlan {
        name,
        variants,
        replications: s.replications,
        seed: s.seed,
        model_dir,
    })
}

/// The staffing search's options for a roster sweep (those of `controlroom roster`).
pub fn options(replications: u32) -> StaffingOptions {
    StaffingOptions {
        replications,
        ..StaffingOptions::default()
    }
}

impl RosterPlan {
    /// Roster every variant in turn (each uses every thread), calling `started` with each
    /// variant's name as it begins.
    pub fn run(&self, started: &dyn Fn(&str)) -> Vec<Row> {
        let opts = options(self.replications);
        // Requirements already found, by the simulated model they were found for.
        let mut found: Vec<(String, Result<StaffingResult, String>)> = vec![];
        let mut rows = vec![];
        for v in &self.variants {
            started(&v.name);
            let key = format!("{:?}", v.config);
            let requirement = match found.iter().find(|(k, _)| *k == key) {
                Some((_, r)) => r.clone(),
                None => {
                    let r = staffing::search(&v.config, &opts, &|_| {}).map_err(|e| e.to_string());
                    found.push((key, r.clone()));
                    r
                }
            };
            rows.push(Row {
                name: v.name.clone(),
                outcome: requirement.and_then(|req| self.roster_one(v, &req, &opts)),
            });
        }
        rows
    }

    fn roster_one(
        &self,
        v: &RosterVariant,
        req: &StaffingResult,
        opts: &StaffingOptions,
    ) -> Result<Rostered, String> {
        if !req.met() {
            return Err(format!(
                "{} target(s) cannot be met by any staffing within {} handlers",
                req.unmet.len(),
                opts.max_handlers
            ));
        }
        let verified = verify::verified(
            &v.model,
            self.model_dir.as_deref(),
            &v.config,
            &v.rules,
            req,
            opts,
            MAX_ROUNDS,
            &|_| {},
        )
        .map_err(|e| e.to_string())?;
        let s = &verified.roster.solved;
        Ok(Rostered {
            handlers: verified.roster.handlers(),
            paid_hours: s.paid_hours,
            rota_paid_hours: req.rota_paid_hours,
            lp_bound: s.lp_bound,
            gap: s.gap(),
            proven_optimal: s.proven_optimal,
            status: s.status(),
            rounds: verified.rounds.len(),
            unmet: verified.unmet.len(),
            checks: verified.checks,
        })
    }
}

/// Every check name in the rows (channels, then report windows as `999 @ Fri night`), in the
/// order first seen.
pub fn check_names(rows: &[Row]) -> Vec<String> {
    let mut names: Vec<String> = vec![];
    for r in rows.iter().filter_map(|r| r.outcome.as_ref().ok()) {
        for c in &r.checks {
            if !names.contains(&c.name) {
                names.push(c.name.clone());
            }
        }
    }
    names
}

/// The side-by-side table for the terminal: paid hours, the bound and rounds, then each
/// channel's service level (report windows are in the CSV).
pub fn table(rows: &[Row]) -> String {
    let channels: Vec<String> = check_names(rows)
        .into_iter()
        .filter(|n| !n.contains(" @ "))
        .collect();
    let width = rows.iter().map(|r| r.name.len()).max().unwrap_or(7).max(7);
    let mut out = format!(
        "{:<width$} {:>8} {:>9} {:>8} {:>8} {:>6} {:>6}",
        "variant", "handlers", "paid h/wk", "vs rota", "bound", "gap", "rounds"
    );
    for c in &channels {
        out.push_str(&format!(" {:>8}", truncate(c, 8)));
    }
    out.push_str("  targets\n");
    for r in rows {
        out.push_str(&format!("{:<width$}", r.name));
        match &r.outcome {
            Ok(x) => {
                out.push_str(&format!(
                    " {:>8} {:>9.0} {:>+8.0} {:>8.0} {:>5.1}% {:>6}",
                    x.handlers,
                    x.paid_hours,
                    x.paid_hours - x.rota_paid_hours,
                    x.lp_bound,
                    100.0 * x.gap,
                    x.rounds
                ));
                for c in &channels {
                    match x.checks.iter().find(|k| k.name == *c) {
                        Some(k) => out.push_str(&format!(" {:>7.1}%", 100.0 * k.mean)),
                        None => out.push_str(&format!(" {:>8}", "-")),
                    }
                }
                if x.unmet == 0 {
                    out.push_str("  all met\n");
                } else {
                    out.push_str(&format!("  NOT MET ({})\n", x.unmet));
                }
            }
            Err(e) => out.push_str(&format!("  cannot be rostered: {e}\n")),
        }
    }
    out
}

/// A roster's paid hours a week as `roster-sweep.csv` and the HTML report print them (in
/// full: a sum of whole shifts).
pub fn paid_hours_figure(x: f64) -> String {
    format!("{x}")
}

/// The current rota's paid hours a week as `roster-sweep.csv` and the HTML report print them.
pub fn rota_hours_figure(x: f64) -> String {
    format!("{x:.1}")
}

fn truncate(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

/// `roster-sweep.csv`: one row per variant; a column per channel and report window for its
/// service level in the last verification round; `error` says why a variant has no roster.
pub fn csv(rows: &[Row]) -> Result<String, csv::Error> {
    let names = check_names(rows);
    let mut w = csv::Writer::from_writer(vec![]);
    let mut header: Vec<String> = [
        "variant",
        "handlers",
        "paid_hours",
        "current_rota_paid_hours",
        "lp_bound",
        "gap",
        "proven_optimal",
        "rounds",
        "targets_met",
        "error",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    header.extend(names.iter().map(|n| format!("service_level {n}")));
    w.write_record(&header)?;
    for r in rows {
        let mut rec = vec![r.name.clone()];
        match &r.outcome {
            Ok(x) => {
                rec.extend([
                    x.handlers.to_string(),
                    paid_hours_figure(x.paid_hours),
                    rota_hours_figure(x.rota_paid_hours),
                    format!("{:.3}", x.lp_bound),
                    format!("{:.4}", x.gap),
                    x.proven_optimal.to_string(),
                    x.rounds.to_string(),
                    (x.unmet == 0).to_string(),
                    String::new(),
                ]);
                for n in &names {
                    rec.push(
                        x.checks
                            .iter()
                            .find(|c| c.name == *n)
                            .map(|c| format!("{:.4}", c.mean))
                            .unwrap_or_default(),
                    );
                }
            }
            Err(e) => {
                rec.extend((0..7).map(|_| String::new()));
                rec.push("false".into());
                rec.push(e.clone());
                rec.extend(names.iter().map(|_| String::new()));
            }
        }
        w.write_record(&rec)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
