//! Analytic Erlang C (M/M/n) and Erlang A (M/M/n+M) figures.
//!
//! This module owns the queueing theory the simulator is checked against and that staffing
//! searches start from: one queue with Poisson arrivals, exponential handling, `n` agents and
//! (for Erlang A) exponential caller patience.
//!
//! Numerics are built to stay stable for hundreds of agents and loads of hundreds of erlangs:
//!
//! * Erlang B is computed by its recursion, carried in log space (no factorials, no overflow);
//!   Erlang C follows from it.
//! * Erlang A uses the stationary law of the birth–death chain (birth λ, death
//!   `min(k,n)μ + max(k−n,0)θ`), with the states below `n` summed through Erlang B and the queue
//!   states built in log space and truncated where the remaining tail is below ~1e-17.
//! * The waiting-time law of a queued arrival is a chain of exponential phases (rate `nμ + mθ`
//!   while `m` callers are ahead) raced against its own `Exp(θ)` patience. The answered
//!   probability and the answered mean wait come from its Laplace transform (products and sums
//!   of positive terms only); the service level comes from uniformisation of that absorbing
//!   chain. No hypoexponential closed forms are used: they cancel catastrophically.

/// One queue: Poisson arrivals, exponential handling, n agents, optional exponential patience.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Queue {
    /// λ, calls per second.
    pub arrival_rate_per_s: f64,
    /// 1/μ, seconds.
    pub mean_handling_s: f64,
    /// n, agents answering this queue.
    pub agents: u32,
    /// 1/θ, seconds; `None` = infinitely patient callers (Erlang C).
    pub mean_patience_s: Option<f64>,
}

/// What theory says about a [`Queue`] in steady state.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Figures {
    /// λ/μ.
    pub offered_load_erlangs: f64,
    /// P(an arrival finds all agents busy and has to queue).
    pub p_wait: f64,
    /// Mean time in queue over ALL arrivals (abandoned ones count their time until abandoning)
    /// = E[Q]/λ.
    pub mean_wait_s: f64,
    /// Mean time in queue of calls that are answered (including those answered at once).
    pub mean_wait_answered_s: f64,
    /// P(an arrival abandons); 0 for Erlang C.
    pub p_abandon: f64,
    /// P(an arrival is answered within the threshold); abandoned calls count as failures.
    pub service_level: f64,
    /// λ(1−P_ab)/(nμ): the fraction of agent time spent handling calls.
    pub occupancy: f64,
    /// E[number waiting].
    pub mean_queue_length: f64,
}

/// Why figures could not be computed.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ErlangError {
    /// Erlang C has no steady state when the offered load reaches the number of agents.
    #[error(
        "unstable queue: offered load {load:.3} erlangs needs more than {agents} agents \
         (Erlang C needs load < agents; give a patience to use Erlang A)"
    )]
    Unstable { load: f64, agents: u32 },
    /// An input is out of range, not finite, or the wrong kind for the model asked for.
    #[error("invalid {field}: {reason}")]
    InvalidInput { field: &'static str, reason: String },
    /// The queue would be too long to represent (e.g. heavy overload with near-infinite patience).
    #[error("queue too long to compute: more than {max_states} waiting states would be needed")]
    TooLarge { max_states: usize },
}

/// The largest number of agents accepted (the Erlang B recursion is linear in `n`).
pub const MAX_AGENTS: u32 = 1_000_000;

/// The largest number of queue states the Erlang A chain may use.
const MAX_QUEUE_STATES: usize = 2_000_000;

/// Log of the relative tail mass at which the Erlang A chain is truncated (e^-39 ≈ 1.2e-17).
const LN_TAIL: f64 = -39.0;

/// Erlang C (M/M/n): infinitely patient callers. `Err` if the load is not below the agents, or
/// if a patience is given.
pub fn erlang_c(q: &Queue, threshold_s: f64) -> Result<Figures, ErlangError> {
    validate(q, threshold_s)?;
    if q.mean_patience_s.is_some() {
        return Err(ErlangError::InvalidInput {
            field: "mean_patience_s",
            reason: "Erlang C assumes infinitely patient callers; use erlang_a for a patience"
                .into(),
        });
    }
    let lambda = q.arrival_rate_per_s;
    let mu = 1.0 / q.mean_handling_s;
    let n = f64::from(q.agents);
    let a = lambda / mu;
    if at_or_over_capacity(a, n) {
        return Err(ErlangError::Unstable {
            load: a,
            agents: q.agents,
        });
    }
    let c = erlang_c_probability(q.agents, a);
    let drain = n * mu - lambda; // > 0
    let mean_wait = c / drain;
    Ok(Figures {
        offered_load_erlangs: a,
        p_wait: c,
        mean_wait_s: mean_wait,
        mean_wait_answered_s: mean_wait,
        p_abandon: 0.0,
        service_level: (1.0 - c * (-drain * threshold_s).exp()).clamp(0.0, 1.0),
        occupancy: a / n,
        mean_queue_length: lambda * mean_wait,
    })
}

/// Erlang A (M/M/n+M): exponential patience, required. Works for overloaded queues too.
pub fn erlang_a(q: &Queue, threshold_s: f64) -> Result<Figures, ErlangError> {
    validate(q, threshold_s)?;
    let Some(patience) = q.mean_patience_s else {
        return Err(ErlangError::InvalidInput {
            field: "mean_patience_s",
            reason: "Erlang A needs a mean patience; use erlang_c for infinitely patient callers"
                .into(),
        });
    };
    let lambda = q.arrival_rate_per_s;
    let mu = 1.0 / q.mean_handling_s;
    let theta = 1.0 / patience;
    let n = f64::from(q.agents);
    let n_mu = n * mu;
    let a = lambda / mu;

    let chain = ErlangAChain::new(lambda, mu, q.agents, theta)?;
    let p_wait: f64 = chain.queued.iter().sum();
    let mean_queue: f64 = chain
        .queued
        .iter()
        .enumerate()
        .map(|(m, p)| m as f64 * p)
        .sum();
    let p_abandon = (theta * mean_queue / lambda).clamp(0.0, 1.0);

    // Per position m (m callers ahead): φ_m = P(answered) = Π_{i≤m} r_i/(r_i+θ) and
    // E[V; V<τ] = φ_m Σ_{i≤m} 1/(r_i+θ), with r_i = nμ + iθ.
    let mut phi = 1.0;
    let mut h = 0.0;
    let mut answered_later = 0.0;
    let mut wait_answered = 0.0;
    let mut reach = Vec::with_capacity(chain.queued.len());
    for (m, p) in chain.queued.iter().enumerate() {
        let r = n_mu + m as f64 * theta;
        phi *= r / (r + theta);
        h += 1.0 / (r + theta);
        answered_later += p * phi;
        wait_answered += p * phi * h;
        reach.push(p * phi);
    }
    let p_answered = chain.p_immediate + answered_later;
    let mean_wait_answered = if p_answered > 0.0 {
        wait_answered / p_answered
    } else {
        0.0
    };

    // Positions whose answered mass is negligible cannot matter to the service level.
    let mut keep = reach.len();
    let mut tail = 0.0;
    while keep > 1 {
        tail += reach[keep - 1];
        if tail > 1e-17 {
            break;
        }
        keep -= 1;
    }
    let within = mass_answered_within(&chain.queued[..keep], n_mu, theta, threshold_s);
    let service_level = (chain.p_immediate + within).clamp(0.0, 1.0);

    Ok(Figures {
        offered_load_erlangs: a,
        p_wait: p_wait.clamp(0.0, 1.0),
        mean_wait_s: mean_queue / lambda,
        mean_wait_answered_s: mean_wait_answered,
        p_abandon,
        service_level,
        occupancy: (lambda * (1.0 - p_abandon) / n_mu).clamp(0.0, 1.0),
        mean_queue_length: mean_queue,
    })
}

/// Erlang A if the queue has a patience, Erlang C if not.
pub fn figures(q: &Queue, threshold_s: f64) -> Result<Figures, ErlangError> {
    match q.mean_patience_s {
        Some(_) => erlang_a(q, threshold_s),
        None => erlang_c(q, threshold_s),
    }
}

/// Smallest n (<= cap) whose figures meet: service_level >= target_sl AND p_abandon <= max_abandon
/// (if given). None if cap cannot meet it, or if an input is invalid.
pub fn min_agents(
    arrival_rate_per_s: f64,
    mean_handling_s: f64,
    mean_patience_s: Option<f64>,
    threshold_s: f64,
    target_sl: f64,
    max_abandon: Option<f64>,
    cap: u32,
) -> Option<u32> {
    let fraction = |x: f64| x.is_finite() && (0.0..=1.0).contains(&x);
    if !fraction(target_sl) || !max_abandon.is_none_or(fraction) || cap == 0 {
        return None;
    }
    let cap = cap.min(MAX_AGENTS);
    let mut q = Queue {
        arrival_rate_per_s,
        mean_handling_s,
        agents: 1,
        mean_patience_s,
    };
    validate(&q, threshold_s).ok()?;
    // Occupancy ≤ 1 gives 1 − P_ab ≤ n/a, and SL ≤ 1 − P_ab: so n ≥ a·target_sl and
    // n ≥ a·(1 − max_abandon). Start just below that bound; it holds for Erlang C too.
    let a = arrival_rate_per_s * mean_handling_s;
    let bound = (a * target_sl).max(a * (1.0 - max_abandon.unwrap_or(1.0)));
    let start = (bound.floor() as u32).saturating_sub(1).max(1);
    for n in start..=cap {
        q.agents = n;
        match figures(&q, threshold_s) {
            Ok(f) => {
                if f.service_level >= target_sl && max_abandon.is_none_or(|m| f.p_abandon <= m) {
                    return Some(n);
                }
            }
            Err(ErlangError::Unstable { .. }) => {}
            Err(_) => return None,
        }
    }
    None
}

/// Relative tolerance for "load equals agents": λ/μ computed from round inputs can land a few
/// ulps below n (100 calls/h × 180 s gives 4.999999999999999), which is still no steady state.
const CAPACITY_TOLERANCE: f64 = 1e-9;

/// True when a load of `a` erlangs is at or above `n` agents, allowing for rounding in λ/μ.
fn at_or_over_capacity(a: f64, n: f64) -> bool {
    a >= n * (1.0 - CAPACITY_TOLERANCE)
}

/// Erlang B blocking probability B(n, a), by the recursion (carried in log space).
pub fn erlang_b(agents: u32, load_erlangs: f64) -> f64 {
    (-ln_inv_erlang_b(agents, load_erlangs)).exp()
}

/// Erlang C waiting probability C(n, a) for a < n, from Erlang B: C = 1/((1−ρ)/B + ρ).
pub fn erlang_c_probability(agents: u32, load_erlangs: f64) -> f64 {
    let rho = load_erlangs / f64::from(agents);
    let inv_b = ln_inv_erlang_b(agents, load_erlangs).exp(); // may be +inf: then C = 0
    1.0 / ((1.0 - rho) * inv_b + rho)
}

/// ln(1/B(n, a)) = ln Σ_{k≤n} (a^k/k!)/(a^n/n!), by 1/B(k) = 1 + (k/a)/B(k−1), 1/B(0) = 1.
fn ln_inv_erlang_b(agents: u32, a: f64) -> f64 {
    let ln_a = a.ln();
    let mut l = 0.0_f64;
    for k in 1..=agents {
        let s = f64::from(k).ln() - ln_a + l;
        // softplus(s) = ln(1 + e^s), computed without overflow.
        l = s.max(0.0) + (-s.abs()).exp().ln_1p();
    }
    l
}

fn validate(q: &Queue, threshold_s: f64) -> Result<(), ErlangError> {
    let positive = |field: &'static str, x: f64| {
        if x.is_finite() && x > 0.0 {
            Ok(())
        } else {
            Err(ErlangError::InvalidInput {
                field,
                reason: format!("must be a finite number greater than 0, got {x}"),
            })
        }
    };
    positive("arrival_rate_per_s", q.arrival_rate_per_s)?;
    positive("mean_handling_s", q.mean_handling_s)?;
    if let Some(p) = q.mean_patience_s {
        positive("mean_patience_s", p)?;
    }
    if q.agents == 0 || q.agents > MAX_AGENTS {
        return Err(ErlangError::InvalidInput {
            field: "agents",
            reason: format!("must be between 1 and {MAX_AGENTS}, got {}", q.agents),
        });
    }
    if !(threshold_s.is_finite() && threshold_s >= 0.0) {
        return Err(ErlangError::InvalidInput {
            field: "threshold_s",
            reason: format!("must be a finite number of seconds, 0 or more, got {threshold_s}"),
        });
    }
    let a = q.arrival_rate_per_s * q.mean_handling_s;
    if !(a.is_finite() && a > 0.0) {
        return Err(ErlangError::InvalidInput {
            field: "arrival_rate_per_s",
            reason: format!("offered load λ/μ = {a} is not a usable positive number"),
        });
    }
    Ok(())
}

/// Stationary law of the Erlang A birth–death chain, as seen by arrivals (PASTA).
struct ErlangAChain {
    /// P(fewer than n in system): the arrival is answered at once.
    p_immediate: f64,
    /// `queued[m]` = P(n + m in system): the arrival queues with m callers ahead of it.
    queued: Vec<f64>,
}

impl ErlangAChain {
    fn new(lambda: f64, mu: f64, agents: u32, theta: f64) -> Result<Self, ErlangError> {
        let n_mu = f64::from(agents) * mu;
        // Weights relative to state n (w_n = 1): Σ_{k≤n} w_k = 1/B(n, a).
        let ln_below_and_n = ln_inv_erlang_b(agents, lambda / mu);
        let mut lw = vec![0.0_f64]; // ln w_{n+m}
        let mut lmax = ln_below_and_n;
        let mut m = 0usize;
        loop {
            m += 1;
            let ratio = lambda / (n_mu + m as f64 * theta);
            let l = lw[m - 1] + ratio.ln();
            lw.push(l);
            lmax = lmax.max(l);
            // Ratios fall with m, so past the mode the tail is below w_m · r/(1−r).
            if ratio < 1.0 && l + ratio.ln() - (-ratio).ln_1p() < lmax + LN_TAIL {
                break;
            }
            if m >= MAX_QUEUE_STATES {
                return Err(ErlangError::TooLarge {
                    max_states: MAX_QUEUE_STATES,
                });
            }
        }
        let z =
            (ln_below_and_n - lmax).exp() + lw[1..].iter().map(|l| (l - lmax).exp()).sum::<f64>();
        let queued: Vec<f64> = lw.iter().map(|l| (l - lmax).exp() / z).collect();
        // Σ_{k<n} w_k = e^{L} − 1 = e^{L}(1 − e^{−L}), kept stable when it is tiny or huge.
        let p_immediate = (ln_below_and_n - lmax).exp() * (-(-ln_below_and_n).exp_m1()) / z;
        Ok(ErlangAChain {
            p_immediate,
            queued,
        })
    }
}

/// Σ_m mass[m] · P(V_m ≤ t and V_m < τ), where V_m is the virtual wait of a caller with m
/// others ahead (phases of rate nμ + iθ, i = m..0) and τ ~ Exp(θ) its own patience.
///
/// Evolves the absorbing chain "position in queue" forward by uniformisation, in time chunks
/// short enough that the Poisson weights never underflow.
fn mass_answered_within(mass: &[f64], n_mu: f64, theta: f64, t: f64) -> f64 {
    if t <= 0.0 || mass.is_empty() {
        return 0.0;
    }
    let top = mass.len() - 1;
    let big = n_mu + (top as f64 + 1.0) * theta; // the largest total rate out of a position
    let down: Vec<f64> = (0..=top).map(|m| (n_mu + m as f64 * theta) / big).collect();
    let stay: Vec<f64> = down
        .iter()
        .map(|d| (1.0 - d - theta / big).max(0.0))
        .collect();

    const CHUNK: f64 = 30.0; // mean number of uniformised steps per chunk
    let total = big * t;
    let chunks = (total / CHUNK).ceil().max(1.0);
    let per_chunk = total / chunks;
    let weights = poisson_weights(per_chunk);

    let mut x = mass.to_vec();
    let mut answered = 0.0;
    let mut cur = vec![0.0; x.len()];
    let mut acc = vec![0.0; x.len()];
    let mut chunk = 0.0;
    while chunk < chunks {
        chunk += 1.0;
        cur.copy_from_slice(&x);
        let mut cur_answered = answered;
        for (slot, c) in acc.iter_mut().zip(&cur) {
            *slot = weights[0] * c;
        }
        let mut acc_answered = weights[0] * cur_answered;
        for &w in &weights[1..] {
            cur_answered += cur[0] * down[0];
            for m in 0..top {
                cur[m] = cur[m] * stay[m] + cur[m + 1] * down[m + 1];
            }
            cur[top] *= stay[top];
            for (slot, c) in acc.iter_mut().zip(&cur) {
                *slot += w * c;
            }
            acc_answered += w * cur_answered;
        }
        std::mem::swap(&mut x, &mut acc);
        answered = acc_answered;
        if x.iter().sum::<f64>() < 1e-18 {
            break; // nobody left waiting who could still be answered
        }
    }
    answered
}

/// Poisson(mean) probabilities from 0 until the cumulative mass reaches 1 − 1e-16.
/// `mean` is kept small (≤ 30) by the caller, so e^{−mean} does not underflow.
fn poisson_weights(mean: f64) -> Vec<f64> {
    let mut w = vec![(-mean).exp()];
    let mut cum = w[0];
    let limit = (mean + 20.0 * mean.sqrt() + 40.0) as usize;
    let mut k = 0usize;
    while cum < 1.0 - 1e-16 && k < limit {
        k += 1;
        let next = w[k - 1] * mean / k as f64;
        w.push(next);
        cum += next;
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn close(x: f64, y: f64, tol: f64) -> bool {
        (x - y).abs() <= tol
    }

    fn queue(calls_per_hour: f64, aht: f64, agents: u32, patience: Option<f64>) -> Queue {
        Queue {
            arrival_rate_per_s: calls_per_hour / 3600.0,
            mean_handling_s: aht,
            agents,
            mean_patience_s: patience,
        }
    }

    /// Erlang C straight from its definition with factorials: only for small n, as a reference.
    fn erlang_c_by_definition(n: u32, a: f64) -> f64 {
        let mut term = 1.0; // a^k/k!
        let mut sum = 0.0;
        for k in 0..n {
            sum += term;
            term *= a / f64::from(k + 1);
        }
        let top = term * f64::from(n) / (f64::from(n) - a);
        top / (sum + top)
    }

    #[test]
    fn erlang_c_textbook_values() {
        // n = 3, a = 2 by hand: B = (8/6)/(1+2+2+8/6) = 4/19, C = 3B/(3 − 2(1−B)) = 4/9.
        assert!(close(erlang_c_probability(3, 2.0), 4.0 / 9.0, 1e-12));
        // Published tables: a = 10 erlangs, n = 11 → 0.6821; n = 12 → 0.4494.
        assert!(close(erlang_c_probability(11, 10.0), 0.6821, 5e-5));
        assert!(close(erlang_c_probability(12, 10.0), 0.4494, 5e-5));
        for (n, a) in [(11, 10.0), (12, 10.0), (15, 10.0), (50, 45.0), (30, 1.5)] {
            assert!(close(
                erlang_c_probability(n, a),
                erlang_c_by_definition(n, a),
                1e-12
            ));
        }
        // Erlang B against the linear recursion B(k) = aB/(k + aB).
        let mut b = 1.0;
        for k in 1..=40u32 {
            b = 7.5 * b / (f64::from(k) + 7.5 * b);
            assert!(close(erlang_b(k, 7.5), b, 1e-13 * b.max(1e-300) + 1e-300));
        }
    }

    #[test]
    fn erlang_c_figures() {
        // 360 calls/h, 100 s handling → a = 10; n = 12, μ = 1/100, nμ − λ = 0.02/s.
        let q = queue(360.0, 100.0, 12, None);
        let f = erlang_c(&q, 20.0).unwrap();
        let c = 0.449_388_224_298_270_9;
        assert!(close(f.offered_load_erlangs, 10.0, 1e-12));
        assert!(close(f.p_wait, c, 1e-9));
        assert!(close(f.mean_wait_s, c / 0.02, 1e-7));
        assert!(close(f.mean_wait_answered_s, f.mean_wait_s, 0.0));
        assert!(close(f.service_level, 1.0 - c * (-0.4f64).exp(), 1e-9));
        assert!(close(f.occupancy, 10.0 / 12.0, 1e-12));
        assert_eq!(f.p_abandon, 0.0);
        assert!(close(f.mean_queue_length, 0.1 * c / 0.02, 1e-9));
    }

    #[test]
    fn erlang_c_large_n_is_stable() {
        // 400 erlangs on 420 agents: far past where factorials overflow.
        let q = Queue {
            arrival_rate_per_s: 400.0 / 300.0,
            mean_handling_s: 300.0,
            agents: 420,
            mean_patience_s: None,
        };
        let f = erlang_c(&q, 10.0).unwrap();
        assert!(f.p_wait > 0.0 && f.p_wait < 1.0 && f.service_level.is_finite());
        // A huge surplus: waiting is astronomically unlikely but the answer is still a number.
        let q = Queue { agents: 5000, ..q };
        let f = erlang_c(&q, 10.0).unwrap();
        assert!(f.p_wait >= 0.0 && f.p_wait < 1e-100);
        assert!(close(f.service_level, 1.0, 1e-12));
    }

    #[test]
    fn load_equal_to_agents_from_round_inputs_is_unstable() {
        // Every round rate (calls/h) and AHT (s) whose load is a whole number of agents, as the
        // CLI builds the queue: some of these land a few ulps below n in floating point.
        let (mut pairs, mut below) = (0, 0);
        for rate in (10..=2000).step_by(10) {
            for aht in (10..=900).step_by(10) {
                if (rate * aht) % 3600 != 0 {
                    continue;
                }
                let n = (rate * aht / 3600) as u32;
                let q = queue(f64::from(rate), f64::from(aht), n, None);
                pairs += 1;
                if q.arrival_rate_per_s * q.mean_handling_s < f64::from(n) {
                    below += 1;
                }
                assert!(
                    matches!(erlang_c(&q, 10.0), Err(ErlangError::Unstable { .. })),
                    "rate {rate}/h, AHT {aht} s, {n} agents must be unstable"
                );
                // One agent more is stable.
                assert!(
                    erlang_c(&queue(f64::from(rate), f64::from(aht), n + 1, None), 10.0).is_ok()
                );
            }
        }
        assert!(
            pairs > 100 && below > 10,
            "{pairs} pairs, {below} below n in floating point"
        );
    }

    #[test]
    fn erlang_c_rejects_bad_input() {
        let q = queue(360.0, 100.0, 10, None);
        assert!(matches!(
            erlang_c(&q, 10.0),
            Err(ErlangError::Unstable { agents: 10, .. })
        ));
        let q = queue(360.0, 100.0, 12, Some(60.0));
        assert!(matches!(
            erlang_c(&q, 10.0),
            Err(ErlangError::InvalidInput { .. })
        ));
        for bad in [
            queue(-1.0, 100.0, 12, None),
            queue(f64::NAN, 100.0, 12, None),
            queue(360.0, 0.0, 12, None),
            queue(360.0, f64::INFINITY, 12, None),
            queue(360.0, 100.0, 0, None),
        ] {
            assert!(matches!(
                figures(&bad, 10.0),
                Err(ErlangError::InvalidInput { .. })
            ));
        }
        let q = queue(360.0, 100.0, 12, None);
        assert!(matches!(
            figures(&q, -1.0),
            Err(ErlangError::InvalidInput { .. })
        ));
        assert!(matches!(
            figures(&queue(360.0, 100.0, 12, Some(0.0)), 10.0),
            Err(ErlangError::InvalidInput {
                field: "mean_patience_s",
                ..
            })
        ));
        assert!(matches!(
            erlang_a(&q, 10.0),
            Err(ErlangError::InvalidInput { .. })
        ));
    }

    #[test]
    fn erlang_a_with_patience_equal_to_handling_is_m_m_infinity() {
        // θ = μ makes every death rate kμ, so the number in system is Poisson(a).
        let (a, n, aht) = (8.0, 10u32, 120.0);
        let q = Queue {
            arrival_rate_per_s: a / aht,
            mean_handling_s: aht,
            agents: n,
            mean_patience_s: Some(aht),
        };
        let f = erlang_a(&q, 15.0).unwrap();
        let (mut p, mut p_wait, mut queue_len) = ((-a).exp(), 0.0, 0.0);
        for k in 0..400u32 {
            if k >= n {
                p_wait += p;
                queue_len += f64::from(k - n) * p;
            }
            p *= a / f64::from(k + 1);
        }
        assert!(close(f.p_wait, p_wait, 1e-12));
        assert!(close(f.mean_queue_length, queue_len, 1e-12));
        assert!(close(f.p_abandon, queue_len / a, 1e-12));
        assert!(close(
            f.occupancy,
            a * (1.0 - queue_len / a) / f64::from(n),
            1e-12
        ));
    }

    #[test]
    fn erlang_a_with_huge_patience_converges_to_erlang_c() {
        let c = erlang_c(&queue(360.0, 100.0, 12, None), 20.0).unwrap();
        let a = erlang_a(&queue(360.0, 100.0, 12, Some(1e9)), 20.0).unwrap();
        assert!(close(a.p_wait, 0.4494, 5e-5));
        assert!(close(a.p_wait, c.p_wait, 1e-6));
        assert!(close(a.mean_wait_s, c.mean_wait_s, 1e-3));
        assert!(close(a.mean_wait_answered_s, c.mean_wait_s, 1e-3));
        assert!(close(a.service_level, c.service_level, 1e-6));
        assert!(a.p_abandon < 1e-6);
    }

    #[test]
    fn erlang_a_with_many_agents_never_waits() {
        let f = erlang_a(&queue(360.0, 100.0, 1000, Some(60.0)), 10.0).unwrap();
        assert!(f.p_wait < 1e-100 && f.p_abandon < 1e-100);
        assert!(close(f.service_level, 1.0, 1e-12));
        assert!(close(f.occupancy, 0.01, 1e-12));
    }

    #[test]
    fn erlang_a_overloaded_is_finite() {
        // a = 130 erlangs on 100 agents. Occupancy ≤ 1 forces P_ab ≥ 1 − n/a, and with a
        // patience much shorter than the handling time the fluid limit is close to that bound.
        let (n, a, aht) = (100u32, 130.0, 300.0);
        let q = Queue {
            arrival_rate_per_s: a / aht,
            mean_handling_s: aht,
            agents: n,
            mean_patience_s: Some(60.0),
        };
        let f = erlang_a(&q, 10.0).unwrap();
        let bound = 1.0 - f64::from(n) / a;
        assert!(f.p_abandon >= bound - 1e-9, "{f:?}");
        assert!(f.p_abandon < bound + 0.03, "{f:?}");
        // Reference: the chain summed state by state (k = 0..3000, death min(k,n)μ + (k−n)⁺θ),
        // with no Erlang B shortcut and no truncation rule.
        let (lambda, mu, theta) = (a / aht, 1.0 / aht, 1.0 / 60.0);
        let mut lw = vec![0.0_f64];
        for k in 1..3000u32 {
            let death = f64::from(k.min(n)) * mu + f64::from(k.saturating_sub(n)) * theta;
            lw.push(lw[lw.len() - 1] + (lambda / death).ln());
        }
        let top = lw.iter().cloned().fold(f64::MIN, f64::max);
        let w: Vec<f64> = lw.iter().map(|l| (l - top).exp()).collect();
        let z: f64 = w.iter().sum();
        let p_wait: f64 = w[n as usize..].iter().sum::<f64>() / z;
        let queue_len: f64 = w
            .iter()
            .enumerate()
            .skip(n as usize)
            .map(|(k, x)| (k - n as usize) as f64 * x)
            .sum::<f64>()
            / z;
        assert!(close(f.p_wait, p_wait, 1e-12), "{f:?} vs {p_wait}");
        assert!(
            close(f.mean_queue_length, queue_len, 1e-10),
            "{f:?} vs {queue_len}"
        );
        assert!(close(f.p_abandon, theta * queue_len / lambda, 1e-12));
        for x in [
            f.mean_wait_s,
            f.mean_wait_answered_s,
            f.service_level,
            f.mean_queue_length,
        ] {
            assert!(x.is_finite() && x >= 0.0);
        }
        // Fluid queue: (λ − nμ)/θ = (130 − 100)/300 · 60 = 6 waiting.
        assert!(close(f.mean_queue_length, 6.0, 1.5), "{f:?}");
        assert!(f.service_level <= 1.0 - f.p_abandon);
    }

    #[test]
    fn erlang_a_large_and_loaded_is_stable() {
        let q = Queue {
            arrival_rate_per_s: 480.0 / 240.0,
            mean_handling_s: 240.0,
            agents: 500,
            mean_patience_s: Some(90.0),
        };
        let f = erlang_a(&q, 10.0).unwrap();
        assert!(f.p_wait > 0.0 && f.p_wait < 1.0);
        assert!(f.service_level > 0.0 && f.service_level < 1.0);
        let over = Queue { agents: 350, ..q };
        let g = erlang_a(&over, 10.0).unwrap();
        assert!(g.p_abandon >= 1.0 - 350.0 / 480.0 - 1e-9);
    }

    #[test]
    fn erlang_a_consistency() {
        let q = queue(720.0, 240.0, 45, Some(120.0));
        let f = erlang_a(&q, 20.0).unwrap();
        // Little's law.
        assert!(close(
            f.mean_queue_length,
            q.arrival_rate_per_s * f.mean_wait_s,
            1e-12
        ));
        // Every arrival is answered (at once or after waiting) or abandons.
        let chain = ErlangAChain::new(q.arrival_rate_per_s, 1.0 / 240.0, 45, 1.0 / 120.0).unwrap();
        let total = chain.p_immediate + chain.queued.iter().sum::<f64>();
        assert!(close(total, 1.0, 1e-12));
        assert!(close(chain.p_immediate, 1.0 - f.p_wait, 1e-12));
        // A threshold far beyond every time scale: SL = P(answered) = 1 − P_ab.
        let long = erlang_a(&q, 1e5).unwrap();
        assert!(close(long.service_level, 1.0 - f.p_abandon, 1e-9));
        // Threshold 0: only calls answered at once count.
        let zero = erlang_a(&q, 0.0).unwrap();
        assert!(close(zero.service_level, 1.0 - f.p_wait, 1e-12));
        // Answered mean wait against a Monte-Carlo run of this queue (550k calls, FCFS,
        // exponential patience): 11.86 s answered wait, SL 67.2%, P_ab 10.3%.
        assert!(close(f.mean_wait_answered_s, 11.86, 0.2), "{f:?}");
        assert!(close(f.service_level, 0.672, 0.005), "{f:?}");
        assert!(close(f.p_abandon, 0.103, 0.003), "{f:?}");
    }

    #[test]
    fn answered_within_matches_small_closed_forms() {
        // Rates well apart, so the two-phase closed form is well conditioned.
        let (n_mu, theta, t): (f64, f64, f64) = (0.05, 0.02, 30.0);
        let (r0, r1) = (n_mu, n_mu + theta);
        // m = 0: ∫_0^t r0 e^{−r0 s} e^{−θ s} ds.
        let g0 = r0 / (r0 + theta) * (1.0 - (-(r0 + theta) * t).exp());
        assert!(close(
            mass_answered_within(&[1.0], n_mu, theta, t),
            g0,
            1e-12
        ));
        // m = 1: V = Exp(r1) + Exp(r0); density r0 r1 (e^{−r0 s} − e^{−r1 s})/(r1 − r0),
        // weighted by e^{−θ s} and integrated over [0, t].
        let int = |rate: f64| (1.0 - (-(rate + theta) * t).exp()) / (rate + theta);
        let g1 = r0 * r1 / (r1 - r0) * (int(r0) - int(r1));
        let got = mass_answered_within(&[0.0, 1.0], n_mu, theta, t);
        assert!(close(got, g1, 1e-12), "{got} vs {g1}");
        // Long horizon: the answered probability φ = Π r/(r+θ).
        let phi = r0 / (r0 + theta) * r1 / (r1 + theta);
        assert!(close(
            mass_answered_within(&[0.0, 1.0], n_mu, theta, 1e4),
            phi,
            1e-12
        ));
    }

    #[test]
    fn min_agents_finds_the_textbook_staffing() {
        // a = 10, threshold 20 s, 100 s handling: SL(12) = 1 − 0.4494 e^{−0.4} ≈ 0.699,
        // SL(13) = 1 − C(13) e^{−0.6} with C(13) ≈ 0.2853 → ≈ 0.843. 80% target → 13.
        let c13 = erlang_c_by_definition(13, 10.0);
        assert!(1.0 - c13 * (-0.6f64).exp() >= 0.8);
        assert_eq!(min_agents(0.1, 100.0, None, 20.0, 0.8, None, 100), Some(13));
        assert_eq!(min_agents(0.1, 100.0, None, 20.0, 0.8, None, 12), None);
        // With a 60 s patience, Erlang A needs no more agents than Erlang C here.
        let a = min_agents(0.1, 100.0, Some(60.0), 20.0, 0.8, None, 100).unwrap();
        assert!(a <= 13);
        // An abandonment cap alone.
        let n = min_agents(0.1, 100.0, Some(60.0), 20.0, 0.0, Some(0.05), 100).unwrap();
        let q = |n| Queue {
            arrival_rate_per_s: 0.1,
            mean_handling_s: 100.0,
            agents: n,
            mean_patience_s: Some(60.0),
        };
        assert!(erlang_a(&q(n), 20.0).unwrap().p_abandon <= 0.05);
        assert!(erlang_a(&q(n - 1), 20.0).unwrap().p_abandon > 0.05);
        assert_eq!(min_agents(-1.0, 100.0, None, 20.0, 0.8, None, 100), None);
        assert_eq!(min_agents(0.1, 100.0, None, 20.0, 1.5, None, 100), None);
    }

    proptest! {
        #![proptest_config(ProptestConfig {
            cases: 64,
            rng_seed: proptest::test_runner::RngSeed::Fixed(17),
            ..ProptestConfig::default()
        })]

        #[test]
        fn more_agents_never_hurt(
            load in 0.5f64..60.0,
            aht in 30.0f64..600.0,
            patience in 5.0f64..900.0,
            threshold in 0.0f64..120.0,
            extra in -10i32..20,
        ) {
            let n = ((load.ceil() as i32) + extra).max(1) as u32;
            let q = Queue {
                arrival_rate_per_s: load / aht,
                mean_handling_s: aht,
                agents: n,
                mean_patience_s: Some(patience),
            };
            let f = erlang_a(&q, threshold).unwrap();
            let g = erlang_a(&Queue { agents: n + 1, ..q }, threshold).unwrap();
            prop_assert!(g.service_level >= f.service_level - 1e-9, "{f:?} {g:?}");
            prop_assert!(g.p_abandon <= f.p_abandon + 1e-12, "{f:?} {g:?}");
            prop_assert!(g.p_wait <= f.p_wait + 1e-12);
            // Little's law, and the answered mean wait is a mean of non-negative waits.
            prop_assert!((f.mean_queue_length - q.arrival_rate_per_s * f.mean_wait_s).abs()
                <= 1e-9 * f.mean_queue_length.max(1.0));
            prop_assert!(f.mean_wait_answered_s >= 0.0 && f.mean_wait_answered_s.is_finite());
            prop_assert!(f.service_level <= 1.0 - f.p_abandon + 1e-9);

            let qc = Queue { mean_patience_s: None, ..q };
            if let (Ok(fc), Ok(gc)) = (erlang_c(&qc, threshold), erlang_c(&Queue { agents: n + 1, ..qc }, threshold)) {
                prop_assert!(gc.service_level >= fc.service_level - 1e-12);
                prop_assert!((fc.mean_queue_length - qc.arrival_rate_per_s * fc.mean_wait_s).abs() <= 1e-9 * fc.mean_queue_length.max(1.0));
                // Patience only ever helps those who stay.
                prop_assert!(f.p_wait <= fc.p_wait + 1e-12);
            }
        }
    }
}
