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
