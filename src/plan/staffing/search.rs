//! The search's rounds: simulate a staffing of the desks, judge it, add handlers to a failing
//! target's home desk (up), then take them away where targets hold, giving back the cuts to
//! blame (down). A staffing holds one count per desk per interval, desk by desk ([`desks`]).
//!
//! [`desks`]: super::desks

use super::desks::{self, Desk, desk_config};
use super::judge::{self, Verdict, judge};
use super::{Phase, Progress, Round, StaffingError, StaffingOptions, Target, Unmet, targets};
use crate::plan::replicate::replicate;
use crate::plan::stats::t_critical;
use crate::sim::{Config, Replication};

/// The search state shared by the phases.
pub(super) struct Search<'a> {
    pub(super) cfg: &'a Config,
    pub(super) opts: &'a StaffingOptions,
    pub(super) targets: Vec<Target>,
    pub(super) n: usize,
    pub(super) per_day: usize,
    pub(super) progress: &'a (dyn Fn(Progress) + Sync),
    pub(super) rounds: Vec<Round>,
    /// Standard errors a judged share must beat its target by.
    pub(super) margin: f64,
    pub(super) desks: Vec<Desk>,
    /// Per target: its home desk, and every desk taking its channel.
    pub(super) home: Vec<usize>,
    pub(super) takers: Vec<Vec<usize>>,
}

impl<'a> Search<'a> {
    /// A search over `cfg` (already carrying the options' replications).
    pub(super) fn new(
        cfg: &'a Config,
        opts: &'a StaffingOptions,
        progress: &'a (dyn Fn(Progress) + Sync),
    ) -> Result<Self, StaffingError> {
        let margin = if opts.replications >= 2 {
            let df = opts.replications as usize - 1;
            t_critical(2.0 * opts.confidence - 1.0, df).max(0.0)
        } else {
            0.0
        };
        let targets = targets(cfg, opts)?;
        let desks = desks::desks_of(cfg, opts);
        Ok(Search {
            cfg,
            opts,
            home: desks::homes(cfg, &desks, &targets),
            takers: desks::takers(&desks, &targets),
            desks,
            targets,
            n: cfg.kpi_intervals(),
            per_day: (86_400.0 / cfg.kpi_interval_s).round() as usize,
            progress,
            rounds: vec![],
            margin,
        })
    }

    pub(super) fn hours(&self, counts: &[u32]) -> f64 {
        counts.iter().map(|&c| f64::from(c)).sum::<f64>() * self.cfg.kpi_interval_s / 3600.0
    }

    pub(super) fn simulate(&self, cfg: &Config, phase: Phase) -> Vec<Replication> {
        let number = self.rounds.len() as u32;
        (self.progress)(Progress::RoundStarted { number, phase });
        replicate(cfg, &|| (self.progress)(Progress::Replication))
    }

    /// Counts per desk per interval.
    pub(super) fn cells(&self) -> usize {
        self.desks.len() * self.n
    }

    /// Simulate a staffing of the desks and judge it.
    pub(super) fn trial(&self, counts: &[u32], phase: Phase) -> Verdict {
        let reps = self.simulate(&desk_config(self.cfg, &self.desks, counts), phase);
        judge(
            &reps,
            &self.targets,
            self.n,
            self.per_day,
            self.opts.min_contacts,
            self.margin,
        )
    }

    pub(super) fn record(&mut self, phase: Phase, hours: f64, failing: usize, change: i64) {
        let round = Round {
            number: self.rounds.len() as u32,
            phase,
            handler_hours: hours,
            failing,
            change,
        };
        (self.progress)(Progress::RoundDone(round.clone()));
        self.rounds.push(round);
    }

    /// The interval of day `first..first+span` to give a handler for deferrable work: where
    /// the backlog is largest, among those below the cap.
    fn backlog_interval(
        &self,
        v: &Verdict,
        counts: &[u32],
        first: usize,
        span: usize,
    ) -> Option<usize> {
        (first..(first + span).min(self.n))
            .filter(|&i| counts[i] < self.opts.max_handlers)
            .max_by(|&a, &b| v.backlog[a].total_cmp(&v.backlog[b]).then(b.cmp(&a)))
    }

    /// The cell (home desk, interval) to give a handler for failure `f`, if any is below the
    /// cap.
    fn fix_cell(&self, v: &Verdict, counts: &[u32], f: &judge::Failure) -> Option<usize> {
        let d = self.home[f.target];
        let mine = &counts[d * self.n..(d + 1) * self.n];
        let i = if f.span == 1 {
            (mine[f.interval] < self.opts.max_handlers).then_some(f.interval)
        } else {
            self.backlog_interval(v, mine, f.interval, f.span)
        }?;
        Some(d * self.n + i)
    }

    /// The failures of `v` as a report, each at the cap when its home desk is there.
    pub(super) fn unmet(&self, v: &Verdict, counts: &[u32]) -> Vec<Unmet> {
        let n = self.n;
        v.unmet(
            &self.targets,
            &|t, i| counts.get(self.home[t] * n + i).copied().unwrap_or(0),
            self.opts.max_handlers,
        )
    }

    /// Add handlers until every target passes. Returns the last verdict.
    pub(super) fn up(&mut self, counts: &mut [u32]) -> Verdict {
        let mut change = 0;
        loop {
            let v = self.trial(counts, Phase::Up);
            let failing = v.failing_intervals().len();
            self.record(Phase::Up, self.hours(counts), failing, change);
            if v.failures.is_empty() || self.rounds.len() as u32 > self.opts.max_rounds {
                return v;
            }
            let mut add = vec![false; self.cells()];
            for f in &v.failures {
                if let Some(k) = self.fix_cell(&v, counts, f) {
                    add[k] = true;
                }
            }
            change = add.iter().filter(|&&a| a).count() as i64;
            if change == 0 {
                return v; // every failing interval is at the cap
            }
            for (c, a) in counts.iter_mut().zip(&add) {
                *c += u32::from(*a);
            }
        }
    }

    /// Take handlers away while every target still passes; `counts` passed with verdict `v`.
    /// Leaves `counts` at the last staffing that passed and returns its verdict, and whether
    /// no interval was left to cut (false: the round limit, or a failure it could not repair,
    /// stopped it first).
    pub(super) fn down(&mut self, counts: &mut [u32], v: Verdict) -> (Verdict, bool) {
        let (n, cells) = (self.n, self.cells());
        let mut blocked = vec![false; cells];
        let limit = self.rounds.len() as u32 + self.opts.max_rounds;
        let mut best = (counts.to_vec(), v.clone());
        let mut current = counts.to_vec();
        let mut cv = v;
        let mut cuts: Vec<usize> = vec![];
        let mut finished = false;
        while (self.rounds.len() as u32) < limit {
            let mut next = current.clone();
            let change: i64;
            if cv.failures.is_empty() {
                best = (current.clone(), cv.clone());
                cuts = (0..cells)
                    .filter(|&k| cv.removable[k % n] && !blocked[k] && current[k] > 0)
                    .collect();
                if cuts.is_empty() {
                    finished = true;
                    break;
                }
                for &i in &cuts {
                    next[i] -= 1;
                }
                change = -(cuts.len() as i64);
            } else {
                // Repair: give back the cuts to blame, or a handler where nothing was cut.
                let mut restored = 0;
                for f in &cv.failures {
                    let takers = &self.takers[f.target];
                    let cut = |k: usize| cuts.binary_search(&k).is_ok();
                    let is_cut = |i: usize| takers.iter().any(|&d| cut(d * n + i));
                    let mut fixes: Vec<usize> = self
                        .suspects(f.interval, f.span, &is_cut)
                        .into_iter()
                        .flat_map(|i| takers.iter().map(move |&d| d * n + i))
                        .filter(|&k| cut(k))
                        .collect();
                    if fixes.is_empty() {
                        fixes.extend(self.fix_cell(&cv, &next, f));
                    }
                    for k in fixes {
                        if next[k] < self.opts.max_handlers && !(blocked[k] && next[k] > current[k])
                        {
                            next[k] += 1;
                            restored += 1;
                        }
                        blocked[k] = true;
                        cuts.retain(|&c| c != k);
                    }
                }
                if restored == 0 {
                    break;
                }
                change = restored;
            }
            cv = self.trial(&next, Phase::Down);
            let failing = cv.failing_intervals().len();
            self.record(Phase::Down, self.hours(&next), failing, change);
            current = next;
        }
        if cv.failures.is_empty() {
            best = (current, cv);
        }
        counts.copy_from_slice(&best.0);
        (best.1, finished)
    }

    /// The cuts blamed for a failure in `first..first + span`: a cut inside it; else the
    /// nearest cut before it (a queue spills forward) within a day; else the nearest after.
    fn suspects(&self, first: usize, span: usize, is_cut: &dyn Fn(usize) -> bool) -> Vec<usize> {
        let inside: Vec<usize> = (first..first + span)
            .map(|k| k % self.n)
            .filter(|&k| is_cut(k))
            .collect();
        if !inside.is_empty() {
            return inside;
        }
        let before = (1..=self.per_day).map(|d| (first + self.n * 2 - d) % self.n);
        let after = (0..self.per_day).map(|d| (first + span + d) % self.n);
        before
            .chain(after)
            .find(|&k| is_cut(k))
            .into_iter()
            .collect()
    }
}
