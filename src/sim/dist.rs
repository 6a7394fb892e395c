//! Sampling durations from a [`Dist`].

use super::config::Dist;
use super::streams::Rng;
use rand::Rng as _;
use rand_distr::{Distribution, Exp1, Gamma, LogNormal};

/// A distribution ready to sample, built once per replication.
#[derive(Debug, Clone)]
pub enum Sampler {
    Exponential(f64),
    LogNormal(LogNormal<f64>),
    Gamma(Gamma<f64>),
    Fixed(f64),
    Empirical(std::sync::Arc<[f64]>),
}

impl Sampler {
    /// Build a sampler. Parameters were checked by model validation; invalid ones fall back
    /// to a fixed mean rather than panic.
    pub fn new(d: &Dist) -> Sampler {
        match d {
            Dist::Exponential { mean } => Sampler::Exponential(*mean),
            Dist::LogNormal { mu, sigma } => LogNormal::new(*mu, *sigma)
                .map(Sampler::LogNormal)
                .unwrap_or(Sampler::Fixed(d.mean())),
            Dist::Gamma { shape, scale } => Gamma::new(*shape, *scale)
                .map(Sampler::Gamma)
                .unwrap_or(Sampler::Fixed(d.mean())),
            Dist::Fixed { value } => Sampler::Fixed(*value),
            Dist::Empirical { samples } => Sampler::Empirical(samples.clone()),
        }
    }

    /// One draw, in seconds (never negative). The two cheap cases are inlined where the
    /// engine draws; the others go through one call.
    #[inline]
    pub fn sample(&self, rng: &mut Rng) -> f64 {
        match self {
            Sampler::Exponential(mean) => {
                let e: f64 = Exp1.sample(rng);
                e * mean
            }
            Sampler::Fixed(v) => *v,
            _ => self.sample_shaped(rng),
        }
    }

    #[inline(never)]
    fn sample_shaped(&self, rng: &mut Rng) -> f64 {
        match self {
            Sampler::LogNormal(d) => d.sample(rng),
            Sampler::Gamma(d) => d.sample(rng),
            Sampler::Empirical(s) => s[rng.random_range(0..s.len())],
            Sampler::Exponential(_) | Sampler::Fixed(_) => self.sample(rng),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::streams::{Purpose, stream};

    fn moments(d: &Dist, n: usize) -> (f64, f64) {
        let s = Sampler::new(d);
        let mut rng = stream(7, 0, Purpose::Handling, 0);
        let xs: Vec<f64> = (0..n).map(|_| s.sample(&mut rng)).collect();
        let m = xs.iter().sum::<f64>() / n as f64;
        let v = xs.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / (n - 1) as f64;
        (m, v.sqrt())
    }

    /// Sample means agree with the stated mean within 4 standard errors.
    #[test]
    fn samples_match_stated_means_and_sds() {
        let n = 200_000;
        let cases = [
            (Dist::Exponential { mean: 300.0 }, 300.0, 300.0),
            (
                Dist::LogNormal {
                    mu: (240.0f64).ln() - 0.5 * (1.0f64 + 0.25).ln(),
                    sigma: (1.25f64).ln().sqrt(),
                },
                240.0,
                120.0,
            ),
            (
                Dist::Gamma {
                    shape: 4.0,
                    scale: 50.0,
                },
                200.0,
                100.0,
            ),
        ];
        for (d, mean, sd) in cases {
            let (m, s) = moments(&d, n);
            let se = sd / (n as f64).sqrt();
            assert!((m - mean).abs() < 4.0 * se, "{d:?}: mean {m} vs {mean}");
            assert!((s - sd).abs() / sd < 0.03, "{d:?}: sd {s} vs {sd}");
            assert!((d.mean() - mean).abs() < 1e-9 * mean.max(1.0));
        }
    }

    #[test]
    fn empirical_resamples_only_observed_values() {
        let d = Dist::Empirical {
            samples: vec![10.0, 20.0, 30.0].into(),
        };
        let s = Sampler::new(&d);
        let mut rng = stream(1, 0, Purpose::Handling, 0);
        for _ in 0..1000 {
            let x = s.sample(&mut rng);
            assert!(x == 10.0 || x == 20.0 || x == 30.0);
        }
        assert_eq!(d.mean(), 20.0);
    }
}
