//! Warnings about what a run can and cannot say: a service-level threshold too long for the
//! counted run (deferrable work with a 24-hour threshold on a one-week run, say).
//!
//! The service level is judged on the contacts that arrived at least one threshold before the
//! end of the run (each has then been answered in time or not); later arrivals are left out
//! and shown as still waiting. When the threshold is a large part of the counted run, few
//! contacts are judged and the room started with no backlog, so the figure flatters.

use crate::sim::Config;

/// A threshold longer than this share of the counted run earns a warning.
const LONG_THRESHOLD_SHARE: f64 = 0.1;

/// One line per channel whose service-level threshold is too long for the counted run.
pub fn horizon_warnings(cfg: &Config) -> Vec<String> {
    let counted = cfg.horizon_s - cfg.warmup_s;
    cfg.channels
        .iter()
        .filter_map(|c| {
            let t = c.sl_threshold_s;
            if t >= counted {
                Some(format!(
                    "{}: the service-level threshold ({}) is not shorter than the counted run \
                     ({}): no contact can be judged against it; run longer",
                    c.name,
                    duration(t),
                    duration(counted)
                ))
            } else if t > LONG_THRESHOLD_SHARE * counted {
                Some(format!(
                    "{}: the service-level threshold ({}) is {:.0}% of the counted run ({}): \
                     the service level is judged only on contacts that arrived at least {} \
                     before the end, those after are reported as still waiting, and the room \
                     started with no backlog; run {} or more for a steady figure",
                    c.name,
                    duration(t),
                    100.0 * t / counted,
                    duration(counted),
                    duration(t),
                    duration(t / LONG_THRESHOLD_SHARE + cfg.warmup_s)
                ))
            } else {
                None
            }
        })
        .collect()
}

/// A duration in the largest unit that reads well: "90 s", "45 min", "24 h", "7 days".
pub fn duration(s: f64) -> String {
    let num = |x: f64| {
        if (x - x.round()).abs() < 1e-9 {
            format!("{}", x.round())
        } else {
            format!("{x:.1}")
        }
    };
    if s < 120.0 {
        format!("{} s", num(s))
    } else if s < 2.0 * 3600.0 {
        format!("{} min", num(s / 60.0))
    } else if s < 2.0 * 86_400.0 {
        format!("{} h", num(s / 3600.0))
    } else {
        format!("{} days", num(s / 86_400.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_in_their_unit() {
        assert_eq!(duration(10.0), "10 s");
        assert_eq!(duration(300.0), "5 min");
        assert_eq!(duration(86_400.0), "24 h");
        assert_eq!(duration(7.0 * 86_400.0), "7 days");
        assert_eq!(duration(1.5 * 86_400.0 * 3.0), "4.5 days");
    }
}
