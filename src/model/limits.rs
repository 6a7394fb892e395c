//! Limits on every size a user controls, checked before anything is allocated for it, so a
//! typo such as `replications: 4294967295` or `handlers: 4000000000` is a clear message, not
//! an abort or a machine out of memory. Each limit is far above any real control room.
//!
//! | what | limit |
//! |---|---|
//! | replications (model, sweep, `--replications`) | 1 to 10,000 |
//! | handlers in one team, one interval of `on_duty`, one intake, one live-state entry | 10,000 |
//! | teams in a group | 1,000 |
//! | handlers × teams in a group | 100,000 |
//! | `--threads` | 1 to 256 |
//! | a channel's arrival rate in any interval | 100,000 calls an hour |
//! | a surge multiplier, a sweep `Demand` factor | 100 |
//! | expected calls in one replication (rates × horizon, surges included) | 50 million |
//! | sweep variants | 1,000 |
//! | sweep work: variants × replications | 100,000 |
//! | report windows, surges, intakes, shifts, breaks | 1,000 each |
//! | a report window's length | 168 hours |
//! | calls waiting in a live state | 100,000 |
//! | any file read | 256 MB |

use super::error::Problem;
use super::types::Model;
use crate::sim::Config;

pub const MAX_REPLICATIONS: u32 = 10_000;
pub const MAX_HANDLERS: u32 = 10_000;
pub const MAX_TEAMS: u32 = 1_000;
pub const MAX_GROUP_HEADCOUNT: u64 = 100_000;
pub const MAX_THREADS: usize = 256;
pub const MAX_RATE_PER_HOUR: f64 = 100_000.0;
pub const MAX_MULTIPLIER: f64 = 100.0;
pub const MAX_EXPECTED_CALLS: f64 = 50e6;
pub const MAX_VARIANTS: usize = 1_000;
pub const MAX_SWEEP_RUNS: u64 = 100_000;
pub const MAX_ITEMS: usize = 1_000;
pub const MAX_WINDOW_HOURS: f64 = 168.0;
pub const MAX_WAITING: usize = 100_000;

/// A number as a person writes it: whole numbers plainly, very large or very small ones in
/// e-notation (`1e308`, not 309 digits).
pub fn num(v: f64) -> String {
    if v.is_finite() && v != 0.0 && !(1e-4..1e9).contains(&v.abs()) {
        // Four significant figures: 6.236e10, 1e308.
        let s = format!("{v:.3e}");
        match s.split_once('e') {
            Some((m, e)) if m.contains('.') => {
                format!("{}e{e}", m.trim_end_matches('0').trim_end_matches('.'))
            }
            _ => s,
        }
    } else {
        format!("{v}")
    }
}

/// "must be between 1 and 10000 (got 0), e.g. 30" for a count outside `1..=max`.
pub fn count(what: &str, got: u64, max: u64, example: u64) -> Result<(), String> {
    if (1..=max).contains(&got) {
        return Ok(());
    }
    Err(format!(
        "{what} must be between 1 and {max} (got {got}), e.g. {example}"
    ))
}

/// `--replications` / `replications:` within 1..=[`MAX_REPLICATIONS`].
pub fn replications(n: u32) -> Result<(), String> {
    count("replications", n.into(), MAX_REPLICATIONS.into(), 30)
}

/// `--threads` within 1..=[`MAX_THREADS`].
pub fn threads(n: usize) -> Result<(), String> {
    count("--threads", n as u64, MAX_THREADS as u64, 4)
}

/// Sweep size: variants (base included) and variants × replications.
pub fn sweep(variants: u64, replications: u32) -> Result<(), String> {
    if variants > MAX_VARIANTS as u64 {
        return Err(format!(
            "{variants} variants (the base, the listed variants and every grid combination): \
             the most is {MAX_VARIANTS}; use fewer grid values, or split the sweep"
        ));
    }
    let runs = variants.saturating_mul(replications.into());
    if runs > MAX_SWEEP_RUNS {
        return Err(format!(
            "{variants} variants x {replications} replications = {runs} runs: the most is \
             {MAX_SWEEP_RUNS}; use fewer replications or variants"
        ));
    }
    Ok(())
}

fn problem(problems: &mut Vec<Problem>, field: String, message: String) {
    problems.push(Problem { field, message });
}

/// Check the sizes in `model`. Returns the problems and, when there are any, a copy of the
/// model with each size brought within its limit, so the rest of validation can run (and
/// report its own problems) without allocating for the bad sizes.
pub(crate) fn check_model(model: &Model) -> (Vec<Problem>, Option<Model>) {
    let mut p = vec![];
    let mut m = model.clone();
    let run = &mut m.run;
    if let Err(e) = replications(run.replications) {
        problem(&mut p, "run.replications".into(), strip(&e, "replications"));
        run.replications = run.replications.clamp(1, MAX_REPLICATIONS);
    }
    let list = |p: &mut Vec<Problem>, field: String, len: usize| {
        if len > MAX_ITEMS {
            problem(
                p,
                field,
                format!("has {len} entries; the most is {MAX_ITEMS}"),
            );
        }
    };
    list(&mut p, "run.windows".into(), run.windows.len());
    run.windows.truncate(MAX_ITEMS);
    for (i, w) in run.windows.iter_mut().enumerate() {
        if w.days.len() > 7 {
            problem(
                &mut p,
                format!("run.windows[{i}].days"),
                format!("lists {} days; a week has 7", w.days.len()),
            );
            w.days.truncate(7);
        }
    }
    for (i, c) in m.channels.iter_mut().enumerate() {
        let f = format!("channels[{i}].arrivals.surges");
        list(&mut p, f, c.arrivals.surges.len());
        c.arrivals.surges.truncate(MAX_ITEMS);
    }
    for (i, g) in m.staff.iter_mut().enumerate() {
        let f = format!("staff[{i}]");
        let cap = |p: &mut Vec<Problem>, field: String, v: &mut u32, max: u32| {
            if *v > max {
                problem(
                    p,
                    field,
                    format!("{v} is more than the most allowed, {max}; e.g. 12"),
                );
                *v = max;
            }
        };
        cap(
            &mut p,
            format!("{f}.handlers"),
            &mut g.handlers,
            MAX_HANDLERS,
        );
        cap(&mut p, format!("{f}.teams"), &mut g.teams, MAX_TEAMS);
        let headcount = u64::from(g.handlers) * u64::from(g.teams.max(1));
        if headcount > MAX_GROUP_HEADCOUNT {
            problem(
                &mut p,
                format!("{f}.teams"),
                format!(
                    "{} teams of {} handlers is {headcount} people; the most in a group is \
                     {MAX_GROUP_HEADCOUNT}",
                    g.teams, g.handlers
                ),
            );
            g.teams = 1;
        }
        if let Some(o) = &mut g.on_duty {
            for (k, h) in o.handlers.iter_mut().enumerate() {
                cap(
                    &mut p,
                    format!("{f}.on_duty.handlers[{k}]"),
                    h,
                    MAX_HANDLERS,
                );
            }
        }
        for (k, it) in g.intakes.iter_mut().enumerate() {
            cap(
                &mut p,
                format!("{f}.intakes[{k}].recruits"),
                &mut it.recruits,
                MAX_HANDLERS,
            );
        }
        if let Some(r) = &mut g.rotation {
            cap(
                &mut p,
                format!("{f}.rotation.rotations"),
                &mut r.rotations,
                MAX_ITEMS as u32,
            );
        }
        list(&mut p, format!("{f}.intakes"), g.intakes.len());
        g.intakes.truncate(MAX_ITEMS);
        list(&mut p, format!("{f}.breaks"), g.breaks.len());
        g.breaks.truncate(MAX_ITEMS);
        if let Some(r) = &mut g.rota {
            list(&mut p, format!("{f}.rota.shifts"), r.shifts.len());
            r.shifts.truncate(MAX_ITEMS);
            let days = r.pattern.chars().count();
            if days > MAX_ITEMS {
                problem(
                    &mut p,
                    format!("{f}.rota.pattern"),
                    format!("is {days} days long; the most is {MAX_ITEMS}"),
                );
                r.pattern = r.pattern.chars().take(MAX_ITEMS).collect();
            }
        }
    }
    let clamped = (!p.is_empty()).then_some(m);
    (p, clamped)
}

/// "replications must be…" → "must be…" for a message under a field name.
fn strip(message: &str, what: &str) -> String {
    message
        .strip_prefix(what)
        .unwrap_or(message)
        .trim_start()
        .to_string()
}

/// Check the demand a validated (and demand-scaled) config puts on the engine: every rate
/// within [`MAX_RATE_PER_HOUR`], every surge within [`MAX_MULTIPLIER`], and the calls one
/// replication expects within [`MAX_EXPECTED_CALLS`].
pub fn check_demand(cfg: &Config) -> Vec<Problem> {
    let mut p = vec![];
    let mut expected = 0.0;
    for (i, ch) in cfg.channels.iter().enumerate() {
        let f = format!("channels[{i}]");
        let peak = ch.rates_per_s.iter().copied().fold(0.0, f64::max) * 3600.0;
        if peak.is_nan() || peak > MAX_RATE_PER_HOUR {
            problem(
                &mut p,
                format!("{f}.arrivals"),
                format!(
                    "a rate of {} calls an hour (after any demand factor) is more than the most \
                     allowed, {}; check the profile's units (calls an hour)",
                    num(peak),
                    num(MAX_RATE_PER_HOUR)
                ),
            );
        }
        for (k, s) in ch.surges.iter().enumerate() {
            if s.multiplier.is_nan() || s.multiplier > MAX_MULTIPLIER {
                problem(
                    &mut p,
                    format!("{f}.arrivals.surges[{k}].multiplier"),
                    format!(
                        "{} is more than the most allowed, {MAX_MULTIPLIER}; e.g. 1.5 for 50% more calls",
                        num(s.multiplier)
                    ),
                );
            }
            let hours = ((s.end_s - s.start_s) / 3600.0).clamp(0.0, cfg.horizon_s / 3600.0);
            expected += (s.multiplier - 1.0).max(0.0) * peak * hours;
        }
        let n = ch.rates_per_s.len().max(1) as f64;
        expected += ch.rates_per_s.iter().sum::<f64>() / n * cfg.horizon_s;
    }
    if p.is_empty() && (expected.is_nan() || expected > MAX_EXPECTED_CALLS) {
        problem(
            &mut p,
            "run.horizon_days".into(),
            format!(
                "the run would simulate about {} calls a replication (rates x horizon); the most \
                 is {}: shorten the run or lower the rates",
                num(expected.round()),
                num(MAX_EXPECTED_CALLS)
            ),
        );
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short() {
        assert_eq!(num(1e308), "1e308");
        assert_eq!(num(2.5), "2.5");
        assert_eq!(num(-3e15), "-3e15");
        assert_eq!(num(1000.0), "1000");
        assert_eq!(num(6.23608017817372e10), "6.236e10");
    }

    #[test]
    fn counts_and_sweeps_have_limits() {
        assert!(replications(30).is_ok());
        let e = replications(u32::MAX).unwrap_err();
        assert!(e.contains("10000") && e.contains("4294967295"), "{e}");
        assert!(threads(100_000).is_err());
        assert!(sweep(1_000_001, 1).is_err());
        assert!(sweep(100, 2000).unwrap_err().contains("200000 runs"));
        assert!(sweep(10, 30).is_ok());
    }
}
