//! `workforce.csv`: per staff group and month of the run, the handlers in post in the middle of
//! the month and the staffed hours (warm-up included), mean and 95% CI across replications.
//! Months are the units module's, as in `monthly.csv`: calendar months (`2026-01`) when the
//! model has a `run.start_date`, else 30-day months numbered 1, 2, ….

use super::report::{cell, csv_line};
use crate::sim::units::DAY_S;
use crate::sim::{Config, Replication};

/// The header of `workforce.csv`.
pub const HEADER: [&str; 8] = [
    "month",
    "from_day",
    "to_day",
    "group",
    "in_post_mean",
    "staffed_hours_mean",
    "staffed_hours_ci95_low",
    "staffed_hours_ci95_high",
];

/// `workforce.csv`'s text.
pub fn workforce_csv(cfg: &Config, reps: &[Replication]) -> String {
    let mut out = String::new();
    csv_line(&mut out, &HEADER.map(String::from));
    let months = &cfg.months;
    let n = reps.first().map_or(0, |r| r.tracker.months.len());
    for (g, group) in cfg.groups.iter().enumerate() {
        for m in 0..n {
            let pick = |f: &dyn Fn(&Replication) -> Option<f64>| {
                super::monthly::over_replications(reps, f)
            };
            let p = pick(&|r| r.tracker.month_in_post.get(g)?.get(m).copied());
            let h = pick(&|r| Some(r.tracker.monthly_staffed_s.get(g)?.get(m)? / 3600.0));
            let label = match cfg.start_date {
                Some(_) => months.labels.get(m).cloned().unwrap_or_default(),
                None => (m + 1).to_string(),
            };
            let edge = |k: usize| months.edges.get(k).map_or(f64::NAN, |e| e / DAY_S);
            csv_line(
                &mut out,
                &[
                    label,
                    cell(edge(m)),
                    cell(edge(m + 1).min(cfg.horizon_s / DAY_S)),
                    group.name.clone(),
                    cell(p.mean),
                    cell(h.mean),
                    cell(h.low()),
                    cell(h.high()),
                ],
            );
        }
    }
    out
}
