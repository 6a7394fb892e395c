//! The analytic starting point of the staffing search: Erlang A per channel per interval.
//!
//! For each KPI interval of the week, each call channel gets the fewest agents that meet its
//! targets on its own (`erlang::min_agents`, with that interval's mean arrival rate, the mean
//! talk + wrap-up time and the mean patience, non-exponential patience being treated as
//! exponential with the same mean); each deferrable channel adds its offered load (rate ×
//! handling time). The channels are summed at their home desks: a conservative start,
//! because a desk shares its idle time between them.

use super::Target;
use crate::plan::erlang;
use crate::sim::Config;
use crate::sim::config::{ChannelConfig, WEEK_S, profile_slot};
use crate::sim::tracker::week_time;

/// The end of the `step`-long slot holding `t` (always after `t`, despite rounding).
fn next_edge(t: f64, step: f64) -> f64 {
    let k = (t / step).floor();
    let edge = (k + 1.0) * step;
    if edge <= t { (k + 2.0) * step } else { edge }
}

/// The profile rate of `ch` at run time `t` (no day multiplier, no surge): a weekly profile
/// repeats, a dated one (from a forecast) is read date by date, as the engine reads it.
fn profile_rate(ch: &ChannelConfig, t: f64) -> f64 {
    if ch.rates_per_s.is_empty() || ch.profile_interval_s <= 0.0 {
        return 0.0;
    }
    ch.rates_per_s[profile_slot(ch.rates_per_s.len(), ch.profile_interval_s, t)]
}

/// Mean arrival rate (per second) of channel `ch` in each KPI interval of the week, averaged
/// over the counted part of the run (after the warm-up), surges included; day-to-day
/// multipliers have mean 1 and are left out. Intervals the run never counts get the plain
/// weekly profile's mean.
pub fn mean_rates(cfg: &Config, ch: &ChannelConfig) -> Vec<f64> {
    let n = cfg.kpi_intervals().max(1);
    let len = cfg.kpi_interval_s;
    let mut sum = vec![0.0; n];
    let mut cover = vec![0.0; n];
    let slot = |t: f64, surges: bool| {
        let mut next = next_edge(t, len).min(next_edge(t, ch.profile_interval_s.max(1.0)));
        let mut rate = profile_rate(ch, t);
        if surges {
            for s in &ch.surges {
                if s.start_s > t {
                    next = next.min(s.start_s);
                }
                if s.end_s > t {
                    next = next.min(s.end_s);
                }
                if t >= s.start_s && t < s.end_s {
                    rate *= s.multiplier;
                }
            }
        }
        let i = ((week_time(t) / len) as usize).min(n - 1);
        (i, rate, next)
    };
    let mut t = cfg.warmup_s.max(0.0);
    while t < cfg.horizon_s {
        let (i, rate, next) = slot(t, true);
        let next = next.min(cfg.horizon_s);
        sum[i] += rate * (next - t);
        cover[i] += next - t;
        t = next;
    }
    let mut plain = vec![0.0; n];
    let mut plain_cover = vec![0.0; n];
    if cover.iter().any(|&c| c <= 0.0) {
        let mut t = 0.0;
        while t < WEEK_S {
            let (i, rate, next) = slot(t, false);
            let next = next.min(WEEK_S);
            plain[i] += rate * (next - t);
            plain_cover[i] += next - t;
            t = next;
        }
    }
    (0..n)
        .map(|i| {
            if cover[i] > 0.0 {
                sum[i] / cover[i]
            } else if plain_cover[i] > 0.0 {
                plain[i] / plain_cover[i]
            } else {
                0.0
            }
        })
        .collect()
}

/// The Erlang A start for every KPI interval of the week, capped at `cap` (a channel that
/// cannot meet its targets within the cap on its own counts as `cap`): every channel's agents
/// together, as for one pooled desk.
pub fn erlang_start(cfg: &Config, targets: &[Target], cap: u32) -> Vec<u32> {
    erlang_start_at(cfg, targets, cap, &vec![0; targets.len()], &[1.0])
}

/// The Erlang A start of `desks` desks, desk by desk (`desk * n + interval`): each target's
/// agents (or deferrable load) at its home desk `home[target]`, with that desk's handling
/// multiplier (`slower[desk]`), each cell capped at `cap`.
pub fn erlang_start_at(
    cfg: &Config,
    targets: &[Target],
    cap: u32,
    home: &[usize],
    slower: &[f64],
) -> Vec<u32> {
    let desks = slower.len().max(1);
    let n = cfg.kpi_intervals().max(1);
    let rates: Vec<Vec<f64>> = cfg.channels.iter().map(|c| mean_rates(cfg, c)).collect();
    let mut agents = vec![0u64; desks * n];
    let mut deferred = vec![0.0f64; desks * n];
    for (j, t) in targets.iter().enumerate() {
        let ch = &cfg.channels[t.channel];
        let d = home.get(j).copied().unwrap_or(0).min(desks - 1);
        let handling = (ch.talk.mean() + ch.wrap.mean()) * slower.get(d).copied().unwrap_or(1.0);
        let patience = ch.patience.as_ref().map(|p| p.mean()).filter(|p| *p > 0.0);
        for i in 0..n {
            let rate = rates[t.channel][i];
            if !(rate > 0.0 && handling > 0.0) {
                continue;
            }
            if t.deferrable {
                deferred[d * n + i] += rate * handling;
                continue;
            }
            let a = erlang::min_agents(
                rate,
                handling,
                patience,
                t.threshold_s,
                t.service_level,
                t.max_abandon,
                cap,
            );
            agents[d * n + i] += u64::from(a.unwrap_or(cap));
        }
    }
    agents
        .iter()
        .zip(&deferred)
        .map(|(&a, &l)| (a + l.ceil() as u64).min(u64::from(cap)) as u32)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::staffing::{StaffingOptions, targets};
    use std::path::Path;

    fn config(horizon_days: u32) -> Config {
        let text = format!(
            r#"(
    name: "t",
    run: (horizon_days: {horizon_days}, warmup_hours: 24, seed: 1),
    channels: [(
        id: "999",
        priority: 1,
        arrivals: (profile: Constant(per_hour: 360),
                   surges: [(day: 2, start: "10:00", hours: 2, multiplier: 2.0)]),
        talk: Exponential(mean_s: 120),
        patience: Exponential(mean_s: 60),
    )],
    staff: [(name: "a", skills: ["999"], handlers: 9,
             rota: (shifts: [(code: "A", start: "00:00", hours: 24)], pattern: "A"))],
)"#
        );
        let m = crate::model::parse(&text, Path::new("t.ron")).unwrap_or_else(|e| panic!("{e}"));
        crate::model::validate(&m, Path::new("t.ron")).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn mean_rates_fold_surges_onto_the_week_and_fill_uncovered_hours_from_the_profile() {
        let cfg = config(3);
        let r = mean_rates(&cfg, &cfg.channels[0]);
        assert_eq!(r.len(), 168);
        // Wednesday 10:00 and 11:00 are doubled; Monday (warm-up) and Thursday on are not
        // counted and take the profile's rate.
        for (i, &x) in r.iter().enumerate() {
            let want = if i == 58 || i == 59 { 0.2 } else { 0.1 };
            assert!((x - want).abs() < 1e-12, "hour {i}: {x}");
        }
    }

    #[test]
    fn the_start_is_erlang_a_per_interval() {
        let cfg = config(8);
        let t = targets(&cfg, &StaffingOptions::default()).unwrap_or_else(|e| panic!("{e}"));
        let s = erlang_start(&cfg, &t, 400);
        let plain = erlang::min_agents(0.1, 120.0, Some(60.0), 10.0, 0.9, None, 400);
        let surged = erlang::min_agents(0.2, 120.0, Some(60.0), 10.0, 0.9, None, 400);
        assert_eq!(Some(s[0]), plain);
        assert_eq!(Some(s[58]), surged);
        assert!(s[58] > s[0]);
        assert_eq!(erlang_start(&cfg, &t, 3)[0], 3, "capped");
    }
}
