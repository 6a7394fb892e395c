//! Routing per staff group and handling multipliers: the order a group takes waiting
//! contacts in (against priority queueing theory), overflow routes that take a channel only
//! while more than so many wait, slower groups (against Erlang C), and bad routing refused.

mod common;

use controlroom::model;
use controlroom::plan::erlang::{self, Queue};
use controlroom::plan::kpi::{self, Kpi, Row};
use controlroom::plan::replicate::replicate;
use controlroom::plan::stats::{Estimate, estimate_at};
use std::path::Path;

fn rows(text: &str) -> Vec<Row> {
    let cfg = common::config(text);
    kpi::rows(&cfg, &replicate(&cfg, &|| {}))
}

fn ci(rows: &[Row], name: &str, kpi: Kpi) -> Estimate {
    let row = kpi::find(rows, name, kpi).unwrap_or_else(|| panic!("no {name}/{kpi}"));
    estimate_at(&row.values, 0.99)
}

/// 999 and 101 with the same demand, one group taking both, in the order `routing` gives.
fn two_channels(routing: &str) -> String {
    common::single_queue(40.0, 300.0, 8, None)
        .replace(
            "channels: [(",
            r#"channels: [(
        id: "101",
        priority: 2,
        arrivals: (profile: Constant(per_hour: 40)),
        talk: Exponential(mean_s: 300),
    ), ("#,
        )
        .replace(
            r#"skills: ["999"],"#,
            &format!(r#"skills: ["999", "101"], routing: {routing},"#),
        )
}

/// Non-preemptive priority M/M/n (Cobham): the class served first waits W0 / (1 - s1), the
/// other W0 / ((1 - s1)(1 - s)), where s1 is the first class's load per agent.
fn cobham() -> (f64, f64) {
    let a = 80.0 * 300.0 / 3600.0;
    let w0 = erlang::erlang_c_probability(8, a) * 300.0 / 8.0;
    let s1 = 40.0 * 300.0 / 3600.0 / 8.0;
    (w0 / (1.0 - s1), w0 / ((1.0 - s1) * (1.0 - a / 8.0)))
}

#[test]
fn a_group_routed_101_first_answers_101_first_as_priority_theory_says() {
    let (first, second) = cobham();
    let rows = rows(&two_channels(r#"[(channel: "101"), (channel: "999")]"#));
    let (w101, w999) = (
        ci(&rows, "101", Kpi::TimeInQueueMean),
        ci(&rows, "999", Kpi::TimeInQueueMean),
    );
    assert!(
        w101.covers(first),
        "101 first: theory {first}, got {w101:?}"
    );
    assert!(
        w999.covers(second),
        "999 second: theory {second}, got {w999:?}"
    );
    assert!(w101.high() < w999.low());
}

#[test]
fn routing_that_repeats_channel_priority_changes_nothing() {
    let routed = rows(&two_channels(r#"[(channel: "999")]"#));
    let plain = rows(&two_channels("[]"));
    assert_eq!(routed, plain);
}

/// 101 on five call handlers, digital on three of a digital desk who also take 101 by
/// `route` (a RON routing list for the digital desk).
fn overflow(route: &str) -> String {
    format!(
        r#"(
    name: "overflow test",
    run: (horizon_days: 8, warmup_hours: 24, replications: 30, seed: 77, kpi_interval_minutes: 60),
    channels: [(
        id: "101",
        priority: 2,
        arrivals: (profile: Constant(per_hour: 50)),
        talk: Exponential(mean_s: 300),
    ), (
        id: "digital",
        priority: 3,
        deferrable: true,
        arrivals: (profile: Constant(per_hour: 9)),
        talk: Exponential(mean_s: 600),
        service_level: (threshold_s: 3600, target: 0.9),
    )],
    staff: [(
        name: "call handlers",
        skills: ["101"],
        handlers: 5,
        rota: (shifts: [(code: "A", start: "00:00", hours: 24)], pattern: "A"),
    ), (
        name: "digital desk",
        skills: {skills},
        routing: {route},
        handlers: 3,
        rota: (shifts: [(code: "A", start: "00:00", hours: 24)], pattern: "A"),
    )],
)"#,
        skills = if route.contains("101") {
            r#"["digital", "101"]"#
        } else {
            r#"["digital"]"#
        }
    )
}

fn over(n: u32) -> String {
    format!(r#"[(channel: "digital"), (channel: "101", when_waiting_over: {n})]"#)
}

#[test]
fn an_overflow_route_no_queue_reaches_is_the_same_as_not_taking_the_channel() {
    // 101 never has 10,000 waiting here, so the digital desk never takes one: every figure of
    // every replication equals the model where the desk does not take 101 at all.
    assert_eq!(rows(&overflow(&over(10_000))), rows(&overflow("[]")));
}

#[test]
fn the_lower_the_overflow_threshold_the_shorter_101_waits_and_the_longer_digital_work_does() {
    let waits: Vec<(Estimate, Estimate)> = [Some(0), Some(4), None]
        .iter()
        .map(|n| {
            let r = rows(&overflow(&n.map_or("[]".into(), over)));
            (
                ci(&r, "101", Kpi::TimeInQueueMean),
                ci(&r, "digital", Kpi::TimeInQueueMean),
            )
        })
        .collect();
    for k in 0..2 {
        let (a101, adig) = waits[k];
        let (b101, bdig) = waits[k + 1];
        assert!(
            a101.high() < b101.low(),
            "101 waits not ordered: {a101:?} then {b101:?}"
        );
        assert!(
            adig.mean > bdig.mean,
            "digital waits not ordered: {adig:?} then {bdig:?}"
        );
    }
}

#[test]
fn a_handling_multiplier_makes_a_group_as_slow_as_erlang_c_says() {
    // 200 s calls on a group 1.5 times slower are Erlang C's 300 s calls.
    let text = common::single_queue(90.0, 200.0, 9, None).replace(
        r#"skills: ["999"],"#,
        r#"skills: ["999"], handling_multiplier: 1.5,"#,
    );
    let f = erlang::figures(
        &Queue {
            arrival_rate_per_s: 90.0 / 3600.0,
            mean_handling_s: 300.0,
            agents: 9,
            mean_patience_s: None,
        },
        20.0,
    )
    .unwrap_or_else(|e| panic!("{e:?}"));
    let rows = rows(&text);
    for (kpi, theory) in [
        (Kpi::QueuedRate, f.p_wait),
        (Kpi::TimeInQueueMean, f.mean_wait_s),
        (Kpi::ServiceLevel, f.service_level),
    ] {
        let e = ci(&rows, "999", kpi);
        assert!(e.covers(theory), "{kpi}: theory {theory}, got {e:?}");
    }
    let e = ci(&rows, "all", Kpi::Occupancy);
    assert!(e.covers(f.occupancy), "occupancy: {} vs {e:?}", f.occupancy);
}

fn refused(text: &str) -> String {
    let m = model::parse(text, Path::new("bad.ron")).unwrap_or_else(|e| panic!("{e}"));
    match model::validate(&m, Path::new("bad.ron")) {
        Ok(_) => panic!("accepted"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn routing_a_channel_the_group_does_not_take_twice_or_a_zero_multiplier_is_refused() {
    let e = refused(&overflow(r#"[(channel: "999")]"#));
    assert!(
        e.contains("staff[1].routing[0].channel") && e.contains("`999`") && e.contains("digital"),
        "{e}"
    );
    let e = refused(&overflow(
        r#"[(channel: "101"), (channel: "101", when_waiting_over: 2)]"#,
    ));
    assert!(
        e.contains("staff[1].routing[1].channel") && e.contains("twice"),
        "{e}"
    );
    let e = refused(&overflow("[]").replace(
        r#"name: "call handlers","#,
        r#"name: "call handlers", handling_multiplier: 0,"#,
    ));
    assert!(
        e.contains("staff[0].handling_multiplier") && e.contains("between 0.1 and 10"),
        "{e}"
    );
    let e = refused(&overflow(r#"[(channel: "101", when_waiting_over: 20000)]"#));
    assert!(
        e.contains("when_waiting_over") && e.contains("20000"),
        "{e}"
    );
}
