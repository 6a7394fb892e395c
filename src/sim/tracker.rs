//! Trackers: what the engine counts while it runs, folded onto KPI intervals of the week.
//!
//! Memory is fixed by the number of intervals, channels and groups, never by the number of
//! calls, so a year's run takes no more memory than a week's. Waits go into a fixed histogram
//! so percentiles need no per-call storage.

pub use super::intervals::{Bins, Recent, floor_pos, week_time};
use super::months::Months;
pub use super::units::MONTH_S;
use super::units::WEEK_S;
pub use super::waits::{WAIT_BINS, WaitHist, bin_edges, wait_bin};

/// Counts for one channel in one KPI interval (by the interval in which the call arrived).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ChannelBin {
    /// Contacts offered (first attempts and redials).
    pub offered: u64,
    pub answered: u64,
    pub abandoned: u64,
    /// Still waiting when the run ended.
    pub waiting_at_end: u64,
    /// Contacts the service level is judged on: those that arrived at least one threshold
    /// before the end of the run, so that each has been answered in time or has missed it
    /// (answered late, abandoned, or still waiting past the threshold). Contacts arriving
    /// later are left out whatever happened to them: counting only those already answered
    /// would keep the quick ones and drop the slow ones.
    pub sl_judged: u64,
    /// Answered within the channel's service-level threshold.
    pub answered_in_sl: u64,
    /// Sum of waits of answered contacts (s).
    pub wait_sum: f64,
    /// Sum of time in queue of all resolved contacts, answered or abandoned (s).
    pub queue_time_sum: f64,
    /// Answered or abandoned (the denominator of `queue_time_sum`).
    pub resolved: u64,
    /// Resolved contacts that had to queue (not answered the moment they arrived).
    pub queued: u64,
    pub redials: u64,
    /// Callers who gave up (or whose call-back failed) and did not try again: lost for good.
    /// Counted in the interval of their last attempt. Abandoned attempts count each redial
    /// again; this counts each caller once.
    pub callers_lost: u64,
    pub callbacks_offered: u64,
    pub callbacks_accepted: u64,
    pub callbacks_made: u64,
    pub callbacks_successful: u64,
    /// Time-integral of the number waiting (s·calls), by the interval in which it accrued.
    pub queue_area: f64,
    pub waits: WaitHist,
}

impl ChannelBin {
    pub fn merge(&mut self, o: &ChannelBin) {
        self.offered += o.offered;
        self.answered += o.answered;
        self.abandoned += o.abandoned;
        self.waiting_at_end += o.waiting_at_end;
        self.sl_judged += o.sl_judged;
        self.answered_in_sl += o.answered_in_sl;
        self.wait_sum += o.wait_sum;
        self.queue_time_sum += o.queue_time_sum;
        self.resolved += o.resolved;
        self.queued += o.queued;
        self.redials += o.redials;
        self.callers_lost += o.callers_lost;
        self.callbacks_offered += o.callbacks_offered;
        self.callbacks_accepted += o.callbacks_accepted;
        self.callbacks_made += o.callbacks_made;
        self.callbacks_successful += o.callbacks_successful;
        self.queue_area += o.queue_area;
        self.waits.merge(&o.waits);
    }
}

/// Time accounts for one staff group in one KPI interval.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GroupBin {
    /// Handler-seconds signed in and available to work (on shift, not on a break).
    pub staffed_s: f64,
    /// Handler-seconds busy with contacts (talk, wrap-up, failed call-back attempts).
    pub busy_s: f64,
}

/// Harrowing-call exposure of one staff group: per handler per shift.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Exposure {
    /// Shifts worked (ended after the warm-up, or still running at the end of the run), as
    /// whole-shift equivalents: a shift the run saw only part of (it began before the run
    /// started, or runs past its end) counts as that part, so that a three-hour look-ahead
    /// still has an exposure per shift, and a partial shift does not dilute it.
    pub shifts: f64,
    /// Harrowing contacts handled in those shifts.
    pub harrowing: u64,
    /// Most harrowing contacts one handler handled in one shift.
    pub max: u32,
}

/// Everything one replication counted.
#[derive(Debug, Clone, PartialEq)]
pub struct Tracker {
    pub bins: Bins,
    /// The interval last looked up (see [`Recent`]).
    recent: Recent,
    /// `channels[c][i]`: channel c, KPI interval i of the week.
    pub channels: Vec<Vec<ChannelBin>>,
    /// `groups[g][i]`.
    pub groups: Vec<Vec<GroupBin>>,
    /// Seconds of counted run time that fell in each KPI interval of the week.
    pub covered_s: Vec<f64>,
    /// Per group.
    pub exposure: Vec<Exposure>,
    /// `monthly_staffed_s[g][m]`: staffed handler-seconds of group g in month m of
    /// `months`, warm-up included (`workforce.csv`).
    pub monthly_staffed_s: Vec<Vec<f64>>,
    /// The months of `monthly.csv` and `workforce.csv` (calendar months when the model has a
    /// start date).
    pub months: Months,
    /// `month_channels[c][m]`: channel c's counts for contacts that arrived in month m.
    pub month_channels: Vec<Vec<ChannelBin>>,
    /// `month_groups[g][m]`: group g's staffed and busy time (after the warm-up) in month m.
    pub month_groups: Vec<Vec<GroupBin>>,
    /// `month_in_post[g][m]`: handlers of group g in post (employed, not yet left; seconded
    /// to it, for a group with rotations) in the middle of month m.
    pub month_in_post: Vec<Vec<f64>>,
}

/// Where a contact is counted: its KPI interval of the week and its month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct At {
    pub bin: usize,
    pub month: usize,
}

impl Tracker {
    pub fn new(
        channels: usize,
        groups: usize,
        interval_s: f64,
        count_from: f64,
        months_of: &Months,
    ) -> Self {
        let n = ((WEEK_S / interval_s).round() as usize).max(1);
        let cal = months_of;
        Tracker {
            bins: Bins {
                interval_s,
                count_from,
                n,
            },
            recent: Recent::default(),
            channels: vec![vec![ChannelBin::default(); n]; channels],
            groups: vec![vec![GroupBin::default(); n]; groups],
            covered_s: vec![0.0; n],
            exposure: vec![Exposure::default(); groups],
            monthly_staffed_s: vec![vec![0.0; cal.len()]; groups],
            month_channels: vec![vec![ChannelBin::default(); cal.len()]; channels],
            month_groups: vec![vec![GroupBin::default(); cal.len()]; groups],
            month_in_post: vec![vec![0.0; cal.len()]; groups],
            months: cal.clone(),
        }
    }

    /// Where a contact that arrived at `arrival` in KPI interval `bin` is counted.
    #[inline]
    pub fn at(&self, bin: usize, arrival: f64) -> At {
        let month = if self.single_month() {
            0
        } else {
            self.months.index(arrival)
        };
        At { bin, month }
    }

    /// The KPI interval of the week holding `t` (the engine asks for now, over and over, so
    /// the answer is kept until time leaves that interval).
    #[inline]
    pub fn interval(&mut self, t: f64) -> usize {
        self.bins.interval_near(&mut self.recent, t)
    }

    /// A run of one month keeps no month accounts as it goes: its month is the sum of its
    /// intervals, filled in by [`Tracker::close_months`] (half the accounting per contact).
    #[inline]
    fn single_month(&self) -> bool {
        self.months.len() == 1
    }

    /// Apply `f` to channel `c`'s interval bin and month bin.
    #[inline]
    fn each(&mut self, c: usize, at: At, f: impl Fn(&mut ChannelBin)) {
        f(&mut self.channels[c][at.bin]);
        if self.single_month() {
            return;
        }
        if let Some(m) = self.month_channels[c].get_mut(at.month) {
            f(m);
        }
    }

    /// At the end of the run: a single month's accounts are the sums of the intervals (the
    /// queue-length area, kept per interval only, stays out as it does for longer runs).
    pub fn close_months(&mut self) {
        if !self.single_month() {
            return;
        }
        for (bins, month) in self.channels.iter().zip(&mut self.month_channels) {
            if let Some(m) = month.first_mut() {
                for b in bins {
                    m.merge(b);
                }
                m.queue_area = 0.0;
            }
        }
        for (bins, month) in self.groups.iter().zip(&mut self.month_groups) {
            if let Some(m) = month.first_mut() {
                for b in bins {
                    m.staffed_s += b.staffed_s;
                    m.busy_s += b.busy_s;
                }
            }
        }
    }

    /// Spread the part of [a, b) from `from` on over months, calling `f(month, seconds)`.
    #[inline]
    fn spread_months(&self, from: f64, a: f64, b: f64, mut f: impl FnMut(usize, f64)) {
        let mut t = a.max(from);
        while t < b {
            let m = self.months.index(t);
            let end = self.months.edges.get(m + 1).map_or(b, |&e| e.min(b));
            let end = if end <= t { b } else { end };
            f(m, end - t);
            t = end;
        }
    }

    /// Add a staffed span [a, b) of group `g` to the monthly accounts (whole run, no warm-up).
    pub fn add_monthly(&mut self, g: usize, a: f64, b: f64) {
        let mut months = std::mem::take(&mut self.monthly_staffed_s[g]);
        self.spread_months(0.0, a, b, |m, dt| {
            if let Some(slot) = months.get_mut(m) {
                *slot += dt;
            }
        });
        self.monthly_staffed_s[g] = months;
    }

    /// Is something that happens at `t` counted (after the warm-up)?
    #[inline]
    pub fn counts(&self, t: f64) -> bool {
        t >= self.bins.count_from
    }

    /// A contact on channel `c` arrived in interval `bin`: a first attempt or a redial.
    /// `judged`: it arrived at least one service-level threshold before the end of the run, so
    /// the service level is judged on it.
    #[inline]
    pub fn offered(&mut self, c: usize, at: At, redial: bool, judged: bool) {
        self.each(c, at, |b| {
            b.offered += 1;
            b.redials += redial as u64;
            b.sl_judged += judged as u64;
        });
    }

    /// A caller facing a long wait was offered a call-back, and took it or not.
    #[inline]
    pub fn callback_offered(&mut self, c: usize, at: At, accepted: bool) {
        self.each(c, at, |b| {
            b.callbacks_offered += 1;
            b.callbacks_accepted += accepted as u64;
        });
    }

    /// A contact left the queue after `wait` s, answered or abandoned.
    #[inline]
    fn left_queue(b: &mut ChannelBin, wait: f64, queued: bool) {
        b.resolved += 1;
        b.queued += queued as u64;
        b.queue_time_sum += wait;
    }

    /// A contact was answered after waiting `wait` s (`in_sl`: within the threshold).
    #[inline]
    pub fn answered(&mut self, c: usize, at: At, wait: f64, in_sl: bool) {
        self.each(c, at, |b| {
            Self::left_queue(b, wait, wait > 0.0);
            b.answered += 1;
            b.wait_sum += wait;
            b.answered_in_sl += in_sl as u64;
            b.waits.add(wait);
        });
    }

    /// A call-back was made after `wait` s; it reached the caller (answered) or not
    /// (abandoned).
    #[inline]
    pub fn callback_made(&mut self, c: usize, at: At, wait: f64, reached: bool, in_sl: bool) {
        self.each(c, at, |b| {
            b.callbacks_made += 1;
            b.callbacks_successful += reached as u64;
        });
        if reached {
            self.answered(c, at, wait, in_sl);
        } else {
            self.each(c, at, |b| {
                Self::left_queue(b, wait, wait > 0.0);
                b.abandoned += 1;
                b.callers_lost += 1;
            });
        }
    }

    /// A caller who gave up will not try again.
    #[inline]
    pub fn caller_lost(&mut self, c: usize, at: At) {
        self.each(c, at, |b| b.callers_lost += 1);
    }

    /// A caller gave up after waiting `wait` s.
    #[inline]
    pub fn abandoned(&mut self, c: usize, at: At, wait: f64) {
        self.each(c, at, |b| {
            Self::left_queue(b, wait, true);
            b.abandoned += 1;
        });
    }

    /// A contact was still waiting when the run ended.
    #[inline]
    pub fn waiting_at_end(&mut self, c: usize, at: At) {
        self.each(c, at, |b| b.waiting_at_end += 1);
    }

    /// `waiting` contacts were queued on channel `c` over [a, b).
    #[inline]
    pub fn queue_time(&mut self, c: usize, a: f64, b: f64, waiting: f64) {
        let area = &mut self.channels[c];
        self.bins.spread_near(&self.recent, a, b, |i, dt| {
            area[i].queue_area += waiting * dt
        });
    }

    /// A handler of group `g` was busy with contacts over [a, b).
    #[inline]
    pub fn busy(&mut self, g: usize, a: f64, b: f64) {
        let acc = &mut self.groups[g];
        self.bins
            .spread_near(&self.recent, a, b, |i, dt| acc[i].busy_s += dt);
        if self.single_month() {
            return;
        }
        let mut month = std::mem::take(&mut self.month_groups[g]);
        self.spread_months(self.bins.count_from, a, b, |m, dt| {
            if let Some(x) = month.get_mut(m) {
                x.busy_s += dt
            }
        });
        self.month_groups[g] = month;
    }

    /// A handler of group `g` was signed in and available over [a, b).
    #[inline]
    pub fn staffed(&mut self, g: usize, a: f64, b: f64) {
        let acc = &mut self.groups[g];
        self.bins
            .spread_near(&self.recent, a, b, |i, dt| acc[i].staffed_s += dt);
        self.add_monthly(g, a, b);
        if self.single_month() {
            return;
        }
        let mut month = std::mem::take(&mut self.month_groups[g]);
        self.spread_months(self.bins.count_from, a, b, |m, dt| {
            if let Some(x) = month.get_mut(m) {
                x.staffed_s += dt
            }
        });
        self.month_groups[g] = month;
    }

    /// A handler of group `g` closed the books on a shift at `t` having handled `harrowing`
    /// harrowing contacts in the `share` of it the run saw.
    #[inline]
    pub fn shift_closed(&mut self, g: usize, t: f64, harrowing: u32, share: f64) {
        if self.counts(t) {
            let e = &mut self.exposure[g];
            e.shifts += share;
            e.harrowing += harrowing as u64;
            e.max = e.max.max(harrowing);
        }
    }

    /// Record that the run covered [a, b).
    pub fn cover(&mut self, a: f64, b: f64) {
        let cov = &mut self.covered_s;
        self.bins.spread(a, b, |i, dt| cov[i] += dt);
    }
}
