//! The analytic starting point of the staffing search: Erlang A per channel per interval.
//!
//! For each KPI interval of the week, each call channel gets the fewest agents that meet its
//! targets on its own (`erlang::min_agents`, with that interval's mean arrival rate, the mean
//! talk + wrap-up time and the mean patience, non-exponential patience being treated as
//! exponential with the same mean); each deferrable channel adds its offered load (rate ×
//! handling time). The channels are summed: a conservative start, because a pooled group
//! shares its idle time between them.

use super::Target;
use crate::plan::erlang;
use crate::sim::Config;
use crate::sim::config::{ChannelConfig, WEEK_S};
use crate::sim::tracker::week_time;

/// The end of the `step`-long slot holding `t` (always after `t`, despite rounding).
fn next_edge(t: f64, step: f64) -> f64 {
    let k = (t / step).floor();
    let edge = (k + 1.0) * step;
    if edge <= t { (k + 2.0) * step } else { edge }
}

/// The profile rate of `ch` at week time `w` (no day multiplier, no surge).
fn profile_rate(ch: &ChannelConfig, w: f64) -> f64 {
    if ch.rates_per_s.is_empty() || ch.profile_interval_s <= 0.0 {
        return 0.0;
    }
    let idx = ((w / ch.profile_interval_s) as usize).min(ch.rates_per_s.len() - 1);
    ch.rates_per_s[idx]
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
        let mut rate = profile_rate(ch, week_time(t));
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

/// What the Erlang start found for one interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Start {
    pub handlers: u32,
    /// Some channel could not meet its targets within the cap on its own.
    pub over_cap: bool,
}

/// The Erlang A start for every KPI interval of the week, capped at `cap`.
pub(super) fn erlang_start(cfg: &Config, targets: &[Target], cap: u32) -> Vec<Start> {
    let n = cfg.kpi_intervals().max(1);
    let rates: Vec<Vec<f64>> = cfg.channels.iter().map(|c| mean_rates(cfg, c)).collect();
    (0..n)
        .map(|i| {
            let mut agents: u64 = 0;
            let mut deferred_load = 0.0;
            let mut over_cap = false;
            for t in targets {
                let ch = &cfg.channels[t.channel];
                let rate = rates[t.channel][i];
                let handling = ch.talk.mean() + ch.wrap.mean();
                if !(rate > 0.0 && handling > 0.0) {
                    continue;
                }
                if t.deferrable {
                    deferred_load += rate * handling;
                    continue;
                }
                let patience = ch.patience.as_ref().map(|p| p.mean()).filter(|p| *p > 0.0);
                match erlang::min_agents(
                    rate,
                    handling,
                    patience,
                    t.threshold_s,
                    t.service_level,
                    t.max_abandon,
                    cap,
                ) {
                    Some(a) => agents += u64::from(a),
                    None => {
                        over_cap = true;
                        agents += u64::from(cap);
                    }
                }
            }
            let total = agents + deferred_load.ceil() as u64;
            Start {
                handlers: total.min(u64::from(cap)) as u32,
                over_cap: over_cap || total > u64::from(cap),
            }
        })
        .collect()
}
