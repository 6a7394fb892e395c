//! Output analysis: means and Student-t confidence intervals across replications.

use statrs::distribution::{ContinuousCDF, StudentsT};

/// A figure estimated across replications: mean and 95% confidence interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Estimate {
    pub mean: f64,
    /// Half-width of the 95% confidence interval (NaN with fewer than two values).
    pub half_width: f64,
    /// Replications that gave a value (e.g. a mean wait needs at least one answered call).
    pub n: usize,
}

impl Estimate {
    pub fn low(&self) -> f64 {
        self.mean - self.half_width
    }
    pub fn high(&self) -> f64 {
        self.mean + self.half_width
    }
    /// Does the interval contain `x`?
    pub fn covers(&self, x: f64) -> bool {
        self.low() <= x && x <= self.high()
    }
}

/// The two-sided Student-t critical value for `level` (e.g. 0.95) with `df` degrees of freedom.
pub fn t_critical(level: f64, df: usize) -> f64 {
    StudentsT::new(0.0, 1.0, df.max(1) as f64)
        .map(|t| t.inverse_cdf(0.5 + level / 2.0))
        .unwrap_or(f64::NAN)
}

/// Mean and confidence interval at `level` of the finite values in `xs`.
pub fn estimate_at(xs: &[f64], level: f64) -> Estimate {
    let v: Vec<f64> = xs.iter().copied().filter(|x| x.is_finite()).collect();
    let n = v.len();
    if n == 0 {
        return Estimate {
            mean: f64::NAN,
            half_width: f64::NAN,
            n,
        };
    }
    let mean = v.iter().sum::<f64>() / n as f64;
    if n < 2 {
        return Estimate {
            mean,
            half_width: f64::NAN,
            n,
        };
    }
    let var = v.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / (n - 1) as f64;
    Estimate {
        mean,
        half_width: t_critical(level, n - 1) * (var / n as f64).sqrt(),
        n,
    }
}

/// Mean and 95% confidence interval.
pub fn estimate(xs: &[f64]) -> Estimate {
    estimate_at(xs, 0.95)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn t_interval_matches_textbook_values() {
        // t(0.975, 9) = 2.262; sample 1..10 has mean 5.5 and sd 3.0277.
        let xs: Vec<f64> = (1..=10).map(|x| x as f64).collect();
        let e = estimate(&xs);
        assert!((e.mean - 5.5).abs() < 1e-12);
        assert!((e.half_width - 2.262 * 3.02765 / 10f64.sqrt()).abs() < 1e-3);
        assert!((t_critical(0.95, 1000) - 1.962).abs() < 1e-3);
        assert!(e.covers(5.0) && !e.covers(8.0));
    }

    #[test]
    fn non_finite_values_are_left_out_and_tiny_samples_have_no_interval() {
        let e = estimate(&[f64::NAN, 4.0, 6.0]);
        assert_eq!(e.n, 2);
        assert_eq!(e.mean, 5.0);
        assert!(estimate(&[3.0]).half_width.is_nan());
        assert!(estimate(&[]).mean.is_nan());
    }
}
