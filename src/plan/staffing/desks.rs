//! The desks a staffing search staffs: one per staff group of the model, each with its
//! group's skills, routing and handling multiplier, so the answer says how many 999-desk,
//! call-handler and digital-desk staff each interval needs (or one pooled desk taking every
//! channel, with `--pooled` or a model of one group).
//!
//! Each channel's targets have a **home desk**: among the desks that take the channel whenever
//! one waits (not only as an overflow), the most specialised (fewest skills), then the largest
//! (most handlers in the model's staff), then the one taking it soonest in its routing, then
//! the first in the file. A target that fails adds a handler to its home desk; a desk that is no channel's
//! home (an overflow desk, a second group with the same skills) keeps the handlers the search
//! starts it with, which is none, unless a cut there is blamed for a failure.
//!
//! A staffing is one count per desk per KPI interval of the week, desk by desk: the count of
//! desk `d` in interval `i` is at `d * n + i`.

use super::{ON_DUTY_GROUP, StaffingOptions, Target};
use crate::sim::Config;
use crate::sim::config::GroupConfig;

/// A desk: who it is, what it takes and how fast.
#[derive(Debug, Clone, PartialEq)]
pub struct Desk {
    pub name: String,
    /// The model's staff group whose skills, routing and multiplier it has (None: the pooled
    /// desk, taking every channel in priority order).
    pub group: Option<usize>,
    /// Channel indices it takes.
    pub skills: Vec<usize>,
    /// Its serving order, as the engine's `GroupConfig::routing` (empty: channel priority).
    pub routing: Vec<(usize, u32)>,
    pub handling_multiplier: f64,
    /// Handlers in the model's staff (all teams; the most on duty for an on-duty group).
    pub headcount: u32,
    /// Handlers on duty per KPI interval: this desk's part of the answer.
    pub required: Vec<u32>,
    /// Its part of the Erlang A start.
    pub erlang_start: Vec<u32>,
}

impl Desk {
    /// How soon it takes channel `c` (its place in the serving order) when that needs no
    /// queue to build first; None if it does not take `c` whenever one waits.
    fn place(&self, c: usize, cfg: &Config) -> Option<usize> {
        if self.routing.is_empty() {
            let mut order = self.skills.clone();
            order.sort_by_key(|&d| (cfg.channels[d].priority, d));
            return order.iter().position(|&d| d == c);
        }
        self.routing
            .iter()
            .position(|&(d, over)| d == c && over == 0)
    }

    /// Several desks, not one pooled desk.
    pub fn per_desk(desks: &[Desk]) -> bool {
        desks.len() > 1
    }

    /// On-duty hours per week in its answer.
    pub fn hours(&self, interval_s: f64) -> f64 {
        self.required.iter().map(|&c| f64::from(c)).sum::<f64>() * interval_s / 3600.0
    }
}

/// The desks of `cfg`: one per staff group, or one pooled desk with `opts.pooled`; a model of
/// a single group has one desk, named as a pooled one, with that group's routing and
/// multiplier.
pub fn desks_of(cfg: &Config, opts: &StaffingOptions) -> Vec<Desk> {
    let desk = |name: String, group: Option<usize>, g: Option<&GroupConfig>| Desk {
        name,
        group,
        skills: g.map_or_else(|| (0..cfg.channels.len()).collect(), |g| g.skills.clone()),
        routing: g.map_or_else(Vec::new, |g| g.routing.clone()),
        handling_multiplier: g.map_or(1.0, |g| g.handling_multiplier),
        headcount: g.map_or(0, |g| g.handlers.saturating_mul(g.teams.max(1))),
        required: vec![],
        erlang_start: vec![],
    };
    match cfg.groups.as_slice() {
        [one] => vec![desk(ON_DUTY_GROUP.into(), Some(0), Some(one))],
        groups if !opts.pooled && !groups.is_empty() => groups
            .iter()
            .enumerate()
            .map(|(k, g)| desk(g.name.clone(), Some(k), Some(g)))
            .collect(),
        _ => vec![desk(ON_DUTY_GROUP.into(), None, None)],
    }
}

/// The home desk of each target (see the module notes).
pub fn homes(cfg: &Config, desks: &[Desk], targets: &[Target]) -> Vec<usize> {
    targets
        .iter()
        .map(|t| {
            let c = t.channel;
            let home = (0..desks.len())
                .filter_map(|d| {
                    let k = &desks[d];
                    let place = k.place(c, cfg)?;
                    Some((k.skills.len(), std::cmp::Reverse(k.headcount), place, d))
                })
                .min();
            match home {
                Some((_, _, _, d)) => d,
                // Only overflow desks take it: the one whose queue threshold is lowest.
                None => (0..desks.len())
                    .filter_map(|d| {
                        let over = desks[d].routing.iter().find(|r| r.0 == c)?.1;
                        Some((over, d))
                    })
                    .min()
                    .map_or(0, |(_, d)| d),
            }
        })
        .collect()
}

/// For each target, the desks that take its channel at all.
pub fn takers(desks: &[Desk], targets: &[Target]) -> Vec<Vec<usize>> {
    targets
        .iter()
        .map(|t| {
            (0..desks.len())
                .filter(|&d| desks[d].skills.contains(&t.channel))
                .collect()
        })
        .collect()
}

/// `cfg` with its staff replaced by the desks, on duty as `counts` (desk by desk) says.
pub fn desk_config(cfg: &Config, desks: &[Desk], counts: &[u32]) -> Config {
    let n = cfg.kpi_intervals();
    let mut c = cfg.clone();
    c.groups = desks
        .iter()
        .enumerate()
        .map(|(d, desk)| {
            let mine = counts.get(d * n..(d + 1) * n).unwrap_or(&[]);
            GroupConfig {
                name: desk.name.clone(),
                skills: desk.skills.clone(),
                routing: desk.routing.clone(),
                handling_multiplier: desk.handling_multiplier,
                handlers: mine.iter().copied().max().unwrap_or(0),
                pattern: vec![],
                start_day: 0,
                teams: 1,
                breaks: vec![],
                shrinkage: 0.0,
                training_every_shifts: 0,
                learning: None,
                windows: vec![],
                leave_rate_per_s: 0.0,
                intakes: vec![],
                on_duty: Some((cfg.kpi_interval_s, mine.to_vec())),
            }
        })
        .collect();
    c
}

/// The name of each target's home desk in a finished answer.
pub fn homes_of(r: &super::StaffingResult) -> Vec<String> {
    r.homes
        .iter()
        .map(|&d| r.desks.get(d).map_or_else(String::new, |d| d.name.clone()))
        .collect()
}
