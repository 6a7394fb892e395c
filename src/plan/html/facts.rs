//! The facts at the top of a run's report: its length in words and, for a dated run, the
//! dates it covers with their bank holidays.

use crate::plan::dates;
use crate::sim::Config;

/// The run's length in words a planner reads: hours for a short run, days for a long one; the
/// warm-up only when there is one; a run from a live state says when it starts.
pub(super) fn horizon_words(cfg: &Config) -> String {
    let length = |secs: f64| {
        if secs < 2.0 * 86_400.0 {
            let h = secs / 3600.0;
            format!("{} hour{}", trim(h), if h == 1.0 { "" } else { "s" })
        } else {
            format!("{} days", trim(secs / 86_400.0))
        }
    };
    let mut out = length(cfg.horizon_s);
    if cfg.start_s > 0.0 {
        out.push_str(&format!(
            " from {}",
            crate::plan::report::time_of_week(cfg.start_s)
        ));
    }
    if cfg.warmup_s > 0.0 {
        out.push_str(&format!(
            ", of which the first {} are warm-up and not counted",
            length(cfg.warmup_s)
        ));
    }
    out
}

/// A number without a trailing ".0" ("3", "2.5").
fn trim(x: f64) -> String {
    let r = (x * 100.0).round() / 100.0;
    if r.fract() == 0.0 {
        format!("{r:.0}")
    } else {
        format!("{r}")
    }
}

/// "Mon 15 Dec 2025 – Mon 22 Dec 2025 (UK local time), counted from Tue 16 Dec 2025 00:00;
/// no bank holidays", or None for a run without dates.
pub(super) fn dates_words(cfg: &Config) -> Option<String> {
    Some(format!(
        "{} (UK local time), counted from {}; {}",
        dates::span_label(cfg)?,
        dates::counted_from(cfg)?,
        dates::holidays_label(cfg)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_runs_read_in_hours_and_say_when_they_start() {
        let mut cfg = crate::model::load(None).expect("default model").config;
        cfg.horizon_s = 3.0 * 3600.0;
        cfg.warmup_s = 0.0;
        cfg.start_s = 4.0 * 86_400.0 + 18.0 * 3600.0;
        assert_eq!(horizon_words(&cfg), "3 hours from Fri 18:00");
        cfg.start_s = 0.0;
        cfg.horizon_s = 8.0 * 86_400.0;
        cfg.warmup_s = 86_400.0;
        assert_eq!(
            horizon_words(&cfg),
            "8 days, of which the first 24 hours are warm-up and not counted"
        );
    }
}
