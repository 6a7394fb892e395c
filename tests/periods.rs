//! Periods: the terminal and `summary.csv` give totals over the counted run and say so, with
//! per-week figures beside them (the HTML report gives per-week figures).

mod common;

use controlroom::plan::kpi::{self, Kpi};
use controlroom::plan::replicate::replicate;
use controlroom::plan::report;

/// (mean, mean_per_week) of one summary.csv row.
fn figures(csv: &str, key: &str) -> (f64, String) {
    let Some(line) = csv.lines().find(|l| l.starts_with(key)) else {
        panic!("no row {key} in\n{csv}")
    };
    let f: Vec<&str> = line.split(',').collect();
    let mean = f[3].parse().unwrap_or_else(|e| panic!("{line}: {e}"));
    (mean, f.last().copied().unwrap_or_default().to_string())
}

#[test]
fn run_totals_come_with_per_week_figures() {
    let mut cfg = common::default_config();
    cfg.horizon_s = 15.0 * 86_400.0; // one day of warm-up, two weeks counted
    cfg.replications = 2;
    let rows = kpi::rows(&cfg, &replicate(&cfg, &|| {}));
    let csv = report::summary_csv(&cfg, &rows);
    assert!(
        csv.lines()
            .next()
            .is_some_and(|h| h.ends_with(",mean_per_week"))
    );
    for key in [
        "channel,999,offered,",
        "channel,101,callers_lost,",
        "group,Call handlers,staffed_hours,",
    ] {
        let (total, per_week) = figures(&csv, key);
        let per_week: f64 = per_week.parse().unwrap_or_else(|e| panic!("{key}: {e}"));
        assert!(
            total > 0.0 && (per_week * 2.0 - total).abs() < 1e-6 * total,
            "{key}"
        );
    }
    assert_eq!(figures(&csv, "channel,999,service_level,").1, "");

    let table = report::summary_table(&cfg, &rows);
    assert!(
        table.contains("totals over the counted run (14 days)"),
        "{table}"
    );
    let Some(offered) = kpi::find(&rows, "999", Kpi::Offered) else {
        panic!("no 999 offered")
    };
    let line = table
        .lines()
        .find(|l| l.starts_with("offered per week"))
        .unwrap_or_else(|| panic!("{table}"));
    let shown = format!("{:.0}", offered.estimate().mean / 2.0);
    assert!(line.contains(&shown), "{line} should show {shown}");
}

#[test]
fn a_run_shorter_than_a_week_gives_no_per_week_figures() {
    let mut cfg = common::default_config();
    cfg.horizon_s = 3.0 * 86_400.0;
    cfg.replications = 2;
    let rows = kpi::rows(&cfg, &replicate(&cfg, &|| {}));
    assert_eq!(
        figures(&report::summary_csv(&cfg, &rows), "channel,999,offered,").1,
        ""
    );
    let table = report::summary_table(&cfg, &rows);
    assert!(
        table.contains("totals over the counted run (2 days)") && !table.contains("per week"),
        "{table}"
    );
}

#[test]
fn a_one_month_runs_month_is_the_sum_of_its_intervals() {
    // A run of one month keeps no month accounts as it goes (half the work per contact) and
    // fills its month in at the end: the month must equal the intervals' totals.
    let cfg = common::default_config();
    let r = controlroom::sim::run(&cfg, 0, &mut controlroom::sim::NoRecords);
    assert_eq!(r.tracker.months.len(), 1);
    for (c, bins) in r.tracker.channels.iter().enumerate() {
        let m = &r.tracker.month_channels[c][0];
        let total = kpi::channel_total(bins);
        assert!(total.offered > 0);
        assert_eq!(
            (m.offered, m.answered, m.abandoned, m.waiting_at_end),
            (
                total.offered,
                total.answered,
                total.abandoned,
                total.waiting_at_end
            ),
            "channel {c}"
        );
        assert_eq!(
            (m.sl_judged, m.answered_in_sl),
            (total.sl_judged, total.answered_in_sl)
        );
        assert_eq!(m.waits, total.waits, "channel {c}'s wait histogram");
        assert!((m.wait_sum - total.wait_sum).abs() <= 1e-9 * total.wait_sum.max(1.0));
    }
    for (g, bins) in r.tracker.groups.iter().enumerate() {
        let m = &r.tracker.month_groups[g][0];
        let busy: f64 = bins.iter().map(|b| b.busy_s).sum();
        let staffed: f64 = bins.iter().map(|b| b.staffed_s).sum();
        assert!(
            busy > 0.0 && (m.busy_s - busy).abs() <= 1e-9 * busy,
            "group {g}"
        );
        assert!((m.staffed_s - staffed).abs() <= 1e-9 * staffed, "group {g}");
    }
}
