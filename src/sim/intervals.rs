//! The KPI intervals of the week: which interval a time falls in, and spreading a span of time
//! over intervals. The interval last looked up is kept ([`Recent`]), so the engine's per-call
//! lookups and its short spans (a busy spell, a queue-length change) need no division.

use super::units::WEEK_S;

/// `x.floor()` for the non-negative values the engine uses, without a libm call (a cast
/// truncates, which is the floor for x >= 0); falls back to `floor` otherwise.
#[inline]
pub fn floor_pos(x: f64) -> f64 {
    if (0.0..9.0e15).contains(&x) {
        (x as u64) as f64
    } else {
        x.floor()
    }
}

/// Seconds since the start of the week containing `t` (cheaper than `rem_euclid`).
#[inline]
pub fn week_time(t: f64) -> f64 {
    let w = t - floor_pos(t / WEEK_S) * WEEK_S;
    if !(0.0..WEEK_S).contains(&w) {
        t.rem_euclid(WEEK_S)
    } else {
        w
    }
}

/// The KPI intervals of the week: maps times to intervals and spreads spans over them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bins {
    pub interval_s: f64,
    /// Only what happens at or after this time is counted.
    pub count_from: f64,
    pub n: usize,
}

/// One interval as absolute time: [lo, hi) is interval `bin` of its week. A lookup cache, not
/// a count: it never takes part in comparing what two runs counted.
#[derive(Debug, Clone, Copy)]
pub struct Recent {
    lo: f64,
    hi: f64,
    bin: usize,
}

impl Default for Recent {
    /// Holds no time at all, so the first lookup fills it.
    fn default() -> Self {
        Recent {
            lo: f64::INFINITY,
            hi: f64::NEG_INFINITY,
            bin: 0,
        }
    }
}

impl PartialEq for Recent {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Bins {
    /// The KPI interval of the week that contains `t`.
    #[inline]
    pub fn interval(&self, t: f64) -> usize {
        ((week_time(t) / self.interval_s) as usize).min(self.n - 1)
    }

    /// The interval holding `t`, from `recent` when it holds `t`; otherwise looked up, and
    /// `recent` becomes it. The edges are those [`Bins::spread`] steps on, so a time gets
    /// the same interval whichever way it is asked.
    #[inline]
    pub fn interval_near(&self, recent: &mut Recent, t: f64) -> usize {
        if t >= recent.lo && t < recent.hi {
            return recent.bin;
        }
        let mut k = floor_pos(t / self.interval_s);
        if (k + 1.0) * self.interval_s <= t {
            k += 1.0;
        }
        let (lo, hi) = (k * self.interval_s, (k + 1.0) * self.interval_s);
        let bin = self.interval(t);
        if lo <= t && t < hi {
            *recent = Recent { lo, hi, bin };
        }
        bin
    }

    /// [`Bins::spread`], with a span that lies inside the `recent` interval (the usual case for
    /// the engine's spans, which end now) added in one step.
    #[inline]
    pub fn spread_near(&self, recent: &Recent, a: f64, b: f64, mut f: impl FnMut(usize, f64)) {
        let t = a.max(self.count_from);
        if t >= recent.lo && b <= recent.hi {
            if t < b {
                f(recent.bin, b - t);
            }
            return;
        }
        self.spread(a, b, f)
    }

    /// Spread the span [a, b) over KPI intervals, calling `f(interval, seconds)`; only the part
    /// after `count_from` counts.
    #[inline]
    pub fn spread(&self, a: f64, b: f64, mut f: impl FnMut(usize, f64)) {
        let mut t = a.max(self.count_from);
        if t >= b {
            return;
        }
        // Find the first interval once, then step interval by interval (no division per step).
        let mut next = floor_pos(t / self.interval_s) + 1.0;
        if next * self.interval_s <= t {
            next += 1.0;
        }
        let mut i = self.interval(t);
        loop {
            let end = (next * self.interval_s).min(b);
            f(i, end - t);
            if end >= b {
                return;
            }
            t = end;
            next += 1.0;
            i = if i + 1 == self.n { 0 } else { i + 1 };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bins() -> Bins {
        Bins {
            interval_s: 3600.0,
            count_from: 1800.0,
            n: 168,
        }
    }

    #[test]
    fn spread_splits_spans_at_interval_edges_and_skips_warmup() {
        let t = bins();
        let mut got = vec![];
        t.spread(0.0, 7300.0, |i, dt| got.push((i, dt)));
        assert_eq!(got, vec![(0, 1800.0), (1, 3600.0), (2, 100.0)]);
        let mut wrap = vec![];
        t.spread(WEEK_S - 10.0, WEEK_S + 10.0, |i, dt| wrap.push((i, dt)));
        assert_eq!(wrap, vec![(167, 10.0), (0, 10.0)]);
    }

    /// The cached lookup and the cached spread give what the plain ones give, for times on,
    /// just before and just after interval edges, in any order, and across weeks.
    #[test]
    fn cached_lookups_and_spreads_agree_with_the_plain_ones() {
        let b = bins();
        let mut recent = Recent::default();
        let mut times = vec![0.0, 1799.0, 1800.0, 3599.999, 3600.0, 7200.0, WEEK_S - 1e-6];
        times.extend([
            WEEK_S,
            WEEK_S + 3600.0,
            3.0 * WEEK_S + 12_345.6,
            5_000.0,
            3_600.5,
        ]);
        for w in [0.0, 1.0, 52.0] {
            for h in 0..170 {
                let e = w * WEEK_S + h as f64 * 3600.0;
                times.extend([e, e.next_down(), e.next_up(), e + 0.5, e + 3599.5]);
            }
        }
        for (k, &t) in times.iter().enumerate() {
            assert_eq!(b.interval_near(&mut recent, t), b.interval(t), "t = {t}");
            // A span from a little or a lot earlier, or from just inside the interval.
            for a in [t - 10.0, t - 5_000.0, t - 0.25, times[k.saturating_sub(1)]] {
                let (mut plain, mut near) = (vec![], vec![]);
                b.spread(a, t, |i, dt| plain.push((i, dt)));
                b.spread_near(&recent, a, t, |i, dt| near.push((i, dt)));
                assert_eq!(near, plain, "[{a}, {t})");
            }
        }
    }
}
