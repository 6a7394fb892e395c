//! The simulator against queueing theory: configured as M/M/n (Erlang C) and M/M/n+M
//! (Erlang A), its estimates must contain the analytic figures, and its output must obey
//! Little's law.
//!
//! Each comparison uses the simulator's own 99% Student-t interval across 30 replications
//! (9 counted days each, after a day of warm-up). With about fifty comparisons in this file a
//! 95% interval would be expected to miss two or three by chance alone; 99% keeps the test an
//! honest statement ("theory lies inside the interval") without a hand-tuned tolerance.

mod common;

use controlroom::plan::erlang::{self, Queue};
use controlroom::plan::kpi::{self, Kpi, Row};
use controlroom::plan::replicate::replicate;
use controlroom::plan::stats::estimate_at;

fn run(per_hour: f64, aht: f64, agents: u32, patience: Option<f64>) -> Vec<Row> {
    let cfg = common::config(&common::single_queue(per_hour, aht, agents, patience));
    let reps = replicate(&cfg, &|| {});
    kpi::rows(&cfg, &reps)
}

fn check(rows: &[Row], name: &str, kpi: Kpi, theory: f64, failures: &mut Vec<String>) {
    let row = kpi::find(rows, name, kpi).unwrap_or_else(|| panic!("no row {name}/{kpi}"));
    let e = estimate_at(&row.values, 0.99);
    if !e.covers(theory) {
        failures.push(format!(
            "{kpi}: theory {theory:.5} outside simulated 99% CI [{:.5}, {:.5}]",
            e.low(),
            e.high()
        ));
    }
}

fn compare(per_hour: f64, aht: f64, agents: u32, patience: Option<f64>) {
    let q = Queue {
        arrival_rate_per_s: per_hour / 3600.0,
        mean_handling_s: aht,
        agents,
        mean_patience_s: patience,
    };
    let f = erlang::figures(&q, 20.0).unwrap_or_else(|e| panic!("{e:?}"));
    let rows = run(per_hour, aht, agents, patience);
    let mut failures = vec![];
    check(&rows, "999", Kpi::QueuedRate, f.p_wait, &mut failures);
    check(
        &rows,
        "999",
        Kpi::ServiceLevel,
        f.service_level,
        &mut failures,
    );
    check(
        &rows,
        "999",
        Kpi::TimeInQueueMean,
        f.mean_wait_s,
        &mut failures,
    );
    check(
        &rows,
        "999",
        Kpi::WaitMean,
        f.mean_wait_answered_s,
        &mut failures,
    );
    check(&rows, "999", Kpi::AbandonRate, f.p_abandon, &mut failures);
    check(
        &rows,
        "999",
        Kpi::QueueLengthMean,
        f.mean_queue_length,
        &mut failures,
    );
    check(&rows, "all", Kpi::Occupancy, f.occupancy, &mut failures);
    assert!(
        failures.is_empty(),
        "load {:.2} erlangs on {agents} agents, patience {patience:?}:\n{}",
        per_hour * aht / 3600.0,
        failures.join("\n")
    );
}

// Erlang C: 10 agents, 5-minute calls, loads 0.5 to 0.9 per agent.
#[test]
fn erlang_c_load_50_percent() {
    compare(60.0, 300.0, 10, None);
}
#[test]
fn erlang_c_load_70_percent() {
    compare(84.0, 300.0, 10, None);
}
#[test]
fn erlang_c_load_80_percent() {
    compare(96.0, 300.0, 10, None);
}
#[test]
fn erlang_c_load_90_percent() {
    compare(108.0, 300.0, 10, None);
}

// Erlang A: 10 agents, 5-minute calls, mean patience 3 minutes; the last two are overloaded
// (more work offered than the agents could ever do), which only abandonment makes stable.
#[test]
fn erlang_a_load_60_percent() {
    compare(72.0, 300.0, 10, Some(180.0));
}
#[test]
fn erlang_a_load_95_percent() {
    compare(114.0, 300.0, 10, Some(180.0));
}
#[test]
fn erlang_a_overloaded_120_percent() {
    compare(144.0, 300.0, 10, Some(180.0));
}
#[test]
fn erlang_a_overloaded_150_percent() {
    compare(180.0, 300.0, 10, Some(180.0));
}

/// Little's law on simulated output: mean number waiting = arrival rate × mean time in queue,
/// replication by replication (both measured independently: one as a time integral of the
/// queue, the other from each caller's wait).
#[test]
fn littles_law_holds_on_simulated_output() {
    let per_hour = 114.0;
    let rows = run(per_hour, 300.0, 10, Some(180.0));
    let l = kpi::find(&rows, "999", Kpi::QueueLengthMean)
        .map(|r| r.values.clone())
        .unwrap_or_default();
    let w = kpi::find(&rows, "999", Kpi::TimeInQueueMean)
        .map(|r| r.values.clone())
        .unwrap_or_default();
    let offered = kpi::find(&rows, "999", Kpi::Offered)
        .map(|r| r.values.clone())
        .unwrap_or_default();
    assert_eq!(l.len(), 30);
    for i in 0..l.len() {
        // Arrival rate measured in the same replication (9 counted days).
        let lambda = offered[i] / (9.0 * 86_400.0);
        let rel = (l[i] - lambda * w[i]).abs() / l[i];
        assert!(
            rel < 0.01,
            "replication {i}: L = {} but λW = {}",
            l[i],
            lambda * w[i]
        );
    }
}
