//! The annual pattern of daily totals, for a history of two years or more: a least-squares fit
//! of three annual Fourier harmonics (with a level and a linear trend, so growth does not leak
//! into the pattern). Smooth by construction: with only two cycles of a noisy series, a
//! day-by-day seasonal component would carry each day's noise into next year's forecast.

use nalgebra::{DMatrix, DVector};

const HARMONICS: usize = 3;
const YEAR: f64 = 365.25;

fn row(t: f64) -> Vec<f64> {
    let mut r = vec![1.0, t / YEAR];
    for k in 1..=HARMONICS {
        let a = std::f64::consts::TAU * k as f64 * t / YEAR;
        r.push(a.sin());
        r.push(a.cos());
    }
    r
}

/// A fitted annual pattern.
#[derive(Debug, Clone)]
pub struct Annual {
    coef: Vec<f64>,
}

impl Annual {
    /// Fit to `y` (one value a day, day 0 first); None when it cannot be fitted.
    pub fn fit(y: &[f64]) -> Option<Annual> {
        let n = y.len();
        let p = 2 + 2 * HARMONICS;
        let x = DMatrix::from_fn(n, p, |i, j| row(i as f64)[j]);
        let b = DVector::from_column_slice(y);
        let xt = x.transpose();
        let coef = (&xt * &x).cholesky()?.solve(&(&xt * b));
        Some(Annual {
            coef: coef.iter().copied().collect(),
        })
    }
    /// The pattern on day `t` (days from the start of the fitted series): harmonics only, no
    /// level or trend.
    pub fn at(&self, t: f64) -> f64 {
        row(t)
            .iter()
            .zip(&self.coef)
            .skip(2)
            .map(|(a, b)| a * b)
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recovers_a_known_annual_swing_under_a_trend() {
        let y: Vec<f64> = (0..730)
            .map(|t| {
                let t = t as f64;
                500.0 + 0.1 * t + 40.0 * (std::f64::consts::TAU * t / YEAR).cos()
            })
            .collect();
        let a = Annual::fit(&y).unwrap();
        for t in [0.0, 91.0, 182.0, 800.0] {
            let want = 40.0 * (std::f64::consts::TAU * t / YEAR).cos();
            assert!((a.at(t) - want).abs() < 0.5, "{t}: {} vs {want}", a.at(t));
        }
    }
}
