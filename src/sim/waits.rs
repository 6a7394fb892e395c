//! The wait histogram: waits go into fixed bins (1 s to a minute, then coarser) so that
//! percentiles need no per-call storage.

/// Number of wait-histogram bins: answered at once, then 1 s bins to a minute, 10 s to 10 min,
/// 1 min to an hour, 15 min to a day, then one overflow bin.
pub const WAIT_BINS: usize = 258;

/// The histogram bin of a wait in seconds.
#[inline]
pub fn wait_bin(w: f64) -> usize {
    if w <= 0.0 {
        0
    } else if w < 60.0 {
        1 + w as usize
    } else if w < 600.0 {
        61 + ((w - 60.0) / 10.0) as usize
    } else if w < 3600.0 {
        115 + ((w - 600.0) / 60.0) as usize
    } else if w < 86_400.0 {
        165 + ((w - 3600.0) / 900.0) as usize
    } else {
        WAIT_BINS - 1
    }
}

/// The [lower, upper) edges of a bin in seconds (bin 0 is exactly zero; the overflow bin is
/// given one day's width).
pub fn bin_edges(b: usize) -> (f64, f64) {
    match b {
        0 => (0.0, 0.0),
        1..61 => ((b - 1) as f64, b as f64),
        61..115 => (60.0 + (b - 61) as f64 * 10.0, 70.0 + (b - 61) as f64 * 10.0),
        115..165 => (
            600.0 + (b - 115) as f64 * 60.0,
            660.0 + (b - 115) as f64 * 60.0,
        ),
        165..257 => (
            3600.0 + (b - 165) as f64 * 900.0,
            4500.0 + (b - 165) as f64 * 900.0,
        ),
        _ => (86_400.0, 172_800.0),
    }
}

/// A wait histogram.
#[derive(Debug, Clone, PartialEq)]
pub struct WaitHist(pub Box<[u32; WAIT_BINS]>);

impl Default for WaitHist {
    fn default() -> Self {
        WaitHist(Box::new([0; WAIT_BINS]))
    }
}

impl WaitHist {
    #[inline]
    pub fn add(&mut self, w: f64) {
        self.0[wait_bin(w)] += 1;
    }
    pub fn merge(&mut self, other: &WaitHist) {
        for (a, b) in self.0.iter_mut().zip(other.0.iter()) {
            *a += b;
        }
    }
    pub fn count(&self) -> u64 {
        self.0.iter().map(|&c| c as u64).sum()
    }
    /// The q-quantile (0..1), interpolating linearly inside the bin; None if empty.
    pub fn quantile(&self, q: f64) -> Option<f64> {
        let n = self.count();
        if n == 0 {
            return None;
        }
        let target = q.clamp(0.0, 1.0) * n as f64;
        let mut cum = 0.0;
        for (b, &c) in self.0.iter().enumerate() {
            let c = c as f64;
            if c > 0.0 && cum + c >= target {
                let (lo, hi) = bin_edges(b);
                return Some(lo + (hi - lo) * ((target - cum) / c).clamp(0.0, 1.0));
            }
            cum += c;
        }
        Some(bin_edges(WAIT_BINS - 1).0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bins_are_contiguous_and_contain_their_values() {
        assert_eq!(wait_bin(0.0), 0);
        assert_eq!(wait_bin(1e-9), 1);
        for b in 1..WAIT_BINS - 1 {
            let (lo, hi) = bin_edges(b);
            assert_eq!(bin_edges(b + 1).0, hi, "bin {b}");
            if b > 1 {
                assert_eq!(wait_bin(lo), b);
            }
            assert_eq!(wait_bin((lo + hi) / 2.0), b);
        }
        assert_eq!(wait_bin(1e9), WAIT_BINS - 1);
    }

    #[test]
    fn quantile_interpolates_within_bins() {
        let mut h = WaitHist::default();
        for w in 0..100 {
            h.add(w as f64 + 0.5);
        }
        let p90 = h.quantile(0.9).unwrap_or(f64::NAN);
        assert!((p90 - 90.0).abs() <= 10.0, "{p90}");
        let mut exact = WaitHist::default();
        for w in 0..50 {
            exact.add(w as f64 + 0.5);
        }
        assert!((exact.quantile(0.5).unwrap_or(f64::NAN) - 25.0).abs() < 1e-9);
        assert_eq!(WaitHist::default().quantile(0.9), None);
        // Calls answered at once wait exactly zero, not "somewhere in the first second".
        let mut prompt = WaitHist::default();
        for w in 0..100 {
            prompt.add(if w < 95 { 0.0 } else { 30.0 });
        }
        assert_eq!(prompt.quantile(0.9), Some(0.0));
    }
}
