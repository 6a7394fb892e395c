//! Engine mechanisms checked against their expected effects: counts balance, priorities,
//! common random numbers, call-backs, redials, shrinkage, breaks, interruption of digital
//! work, and flat memory.

mod common;

use controlroom::plan::kpi::{self, Kpi, Row};
use controlroom::plan::replicate::replicate;
use controlroom::sim::{self, CallRecord, NoRecords, Outcome};

fn rows(cfg: &controlroom::sim::Config) -> Vec<Row> {
    kpi::rows(cfg, &replicate(cfg, &|| {}))
}

fn values(rows: &[Row], name: &str, kpi: Kpi) -> Vec<f64> {
    kpi::find(rows, name, kpi)
        .unwrap_or_else(|| panic!("no {name}/{kpi}"))
        .values
        .clone()
}

fn mean(rows: &[Row], name: &str, kpi: Kpi) -> f64 {
    kpi::find(rows, name, kpi)
        .unwrap_or_else(|| panic!("no {name}/{kpi}"))
        .estimate()
        .mean
}

#[test]
fn counts_balance_in_every_replication_channel_and_interval() {
    let cfg = common::default_config();
    for r in 0..3 {
        let rep = sim::run(&cfg, r, &mut NoRecords);
        for (c, bins) in rep.tracker.channels.iter().enumerate() {
            let mut waiting_total = 0;
            for (i, b) in bins.iter().enumerate() {
                assert_eq!(
                    b.offered,
                    b.answered + b.abandoned + b.waiting_at_end,
                    "replication {r}, channel {c}, interval {i}: {b:?}"
                );
                assert_eq!(b.resolved, b.answered + b.abandoned);
                waiting_total += b.waiting_at_end;
            }
            let offered: u64 = bins.iter().map(|b| b.offered).sum();
            assert!(offered > 1000, "channel {c} has demand");
            if cfg.channels[c].deferrable {
                assert!(
                    waiting_total > 0,
                    "some digital work is still open at the end of the run"
                );
            }
        }
    }
}

#[test]
fn the_audit_records_match_the_counts() {
    let cfg = common::default_config();
    let mut records: Vec<CallRecord> = vec![];
    let rep = sim::run(&cfg, 0, &mut records);
    for (c, bins) in rep.tracker.channels.iter().enumerate() {
        let counted = records.iter().filter(|r| r.channel == c && r.counted);
        let (mut answered, mut abandoned, mut waiting) = (0u64, 0u64, 0u64);
        for r in counted {
            match r.outcome {
                Outcome::Answered | Outcome::CallbackAnswered => answered += 1,
                Outcome::Abandoned | Outcome::CallbackFailed => abandoned += 1,
                Outcome::WaitingAtEnd => waiting += 1,
            }
        }
        let total = kpi::channel_total(bins);
        assert_eq!(
            (answered, abandoned, waiting),
            (total.answered, total.abandoned, total.waiting_at_end),
            "channel {c}"
        );
    }
    // Every answered record names a handler; every record's wait is non-negative.
    assert!(records.iter().all(|r| r.wait_s >= 0.0));
    assert!(
        records
            .iter()
            .filter(|r| r.outcome == Outcome::Answered)
            .all(|r| r.handler.is_some())
    );
}

/// Two channels with identical demand and exponential handling, 999 ahead of 101, no
/// abandonment: a non-preemptive priority M/M/n queue, whose mean waits are known exactly
/// (Cobham): W_k = W0 / ((1 - s_{k-1}) (1 - s_k)), with W0 = C(n, a) / (n mu) and s_k the load
/// per agent of the classes up to k.
#[test]
fn nine_nine_nine_is_answered_before_101_as_priority_queueing_theory_says() {
    let text = common::single_queue(40.0, 300.0, 8, None).replace(
        "channels: [(",
        r#"channels: [(
        id: "101",
        priority: 2,
        arrivals: (profile: Constant(per_hour: 40)),
        talk: Exponential(mean_s: 300),
    ), ("#,
    );
    let text = text.replace(r#"skills: ["999"]"#, r#"skills: ["101", "999"]"#);
    let rows = rows(&common::config(&text));
    let a = 80.0 * 300.0 / 3600.0;
    let w0 = controlroom::plan::erlang::erlang_c_probability(8, a) * 300.0 / 8.0;
    let s1 = 40.0 * 300.0 / 3600.0 / 8.0;
    let s2 = a / 8.0;
    let w999 = w0 / (1.0 - s1);
    let w101 = w0 / ((1.0 - s1) * (1.0 - s2));
    let e999 = kpi::find(&rows, "999", Kpi::TimeInQueueMean)
        .map(|r| r.estimate())
        .unwrap_or_else(|| panic!());
    let e101 = kpi::find(&rows, "101", Kpi::TimeInQueueMean)
        .map(|r| r.estimate())
        .unwrap_or_else(|| panic!());
    let c999 =
        controlroom::plan::stats::estimate_at(&values(&rows, "999", Kpi::TimeInQueueMean), 0.99);
    let c101 =
        controlroom::plan::stats::estimate_at(&values(&rows, "101", Kpi::TimeInQueueMean), 0.99);
    assert!(c999.covers(w999), "999: theory {w999}, simulated {e999:?}");
    assert!(c101.covers(w101), "101: theory {w101}, simulated {e101:?}");
    assert!(e999.high() < e101.low());
}

#[test]
fn common_random_numbers_give_the_same_callers_to_two_staffing_variants() {
    // No patience (so no redials): the offered calls depend only on the arrival streams.
    let a = common::config(&common::single_queue(100.0, 300.0, 10, None));
    let b = common::config(&common::single_queue(100.0, 300.0, 12, None));
    let (ra, rb) = (rows(&a), rows(&b));
    assert_eq!(
        values(&ra, "999", Kpi::Offered),
        values(&rb, "999", Kpi::Offered)
    );
    // Paired differences are much tighter than the spread of either variant.
    let wa = values(&ra, "999", Kpi::WaitMean);
    let wb = values(&rb, "999", Kpi::WaitMean);
    let diff: Vec<f64> = wa.iter().zip(&wb).map(|(x, y)| x - y).collect();
    let d = controlroom::plan::stats::estimate(&diff);
    let sa = controlroom::plan::stats::estimate(&wa);
    assert!(d.low() > 0.0, "two more handlers cut the wait: {d:?}");
    assert!(
        d.half_width < sa.half_width,
        "paired CI {d:?} vs single {sa:?}"
    );
}

#[test]
fn adding_handlers_cuts_the_mean_999_wait_by_more_than_its_confidence_interval() {
    let base = rows(&common::config(&common::single_queue(
        100.0,
        300.0,
        10,
        Some(180.0),
    )));
    let more = rows(&common::config(&common::single_queue(
        100.0,
        300.0,
        11,
        Some(180.0),
    )));
    let b = kpi::find(&base, "999", Kpi::WaitMean)
        .map(|r| r.estimate())
        .unwrap_or_else(|| panic!());
    let m = kpi::find(&more, "999", Kpi::WaitMean)
        .map(|r| r.estimate())
        .unwrap_or_else(|| panic!());
    assert!(m.high() < b.low(), "10 handlers {b:?}, 11 handlers {m:?}");
}

#[test]
fn call_backs_follow_take_up_and_success_rates() {
    let text = common::single_queue(130.0, 300.0, 10, Some(600.0)).replace(
        "service_level: (threshold_s: 20, target: 0.9),",
        "service_level: (threshold_s: 20, target: 0.9),
        callback: Some((offer_when_wait_over_s: 60, take_up: 0.3, success: 0.8, failed_attempt_s: 30)),",
    );
    let rows = rows(&common::config(&text));
    let offered = mean(&rows, "999", Kpi::CallbacksOffered);
    let accepted = mean(&rows, "999", Kpi::CallbacksAccepted);
    let made = mean(&rows, "999", Kpi::CallbacksMade);
    let ok = mean(&rows, "999", Kpi::CallbacksSuccessful);
    assert!(
        offered > 1000.0,
        "overloaded queue offers call-backs: {offered}"
    );
    let take = accepted / offered;
    let se = (0.3 * 0.7 / (offered * 30.0)).sqrt();
    assert!((take - 0.3).abs() < 4.0 * se, "take-up {take}");
    let success = ok / made;
    let se = (0.8 * 0.2 / (made * 30.0)).sqrt();
    assert!((success - 0.8).abs() < 4.0 * se, "success {success}");
    // Accepted call-backs keep their place and are all made, bar those still queued at the end.
    assert!(made <= accepted && made > 0.98 * accepted);
}

#[test]
fn abandoned_callers_redial_with_the_stated_probability() {
    let text = common::single_queue(130.0, 300.0, 10, Some(120.0)).replace(
        "service_level: (threshold_s: 20, target: 0.9),",
        "service_level: (threshold_s: 20, target: 0.9),
        redial: Some((probability: 0.5, delay: Exponential(mean_s: 60))),",
    );
    let rows = rows(&common::config(&text));
    let redials = mean(&rows, "999", Kpi::Redials);
    let abandoned = mean(&rows, "999", Kpi::Abandoned);
    let share = redials / abandoned;
    assert!(
        (share - 0.5).abs() < 0.02,
        "redials per abandoned call {share}"
    );
}

#[test]
fn shrinkage_and_breaks_cut_staffed_hours_by_the_stated_amounts() {
    let base_text = common::single_queue(30.0, 300.0, 10, Some(600.0));
    let base = rows(&common::config(&base_text));
    let staffed = mean(&base, "all", Kpi::StaffedHours);
    assert!(
        (staffed - 10.0 * 9.0 * 24.0).abs() < 1e-6,
        "10 handlers for 9 counted days: {staffed}"
    );
    let shrunk = rows(&common::config(
        &base_text.replace(r#"pattern: "A")"#, r#"pattern: "A"), shrinkage: 0.25"#),
    ));
    let s = kpi::find(&shrunk, "all", Kpi::StaffedHours)
        .map(|r| r.estimate())
        .unwrap_or_else(|| panic!());
    assert!(
        s.covers(0.75 * staffed),
        "25% shrinkage: {s:?} vs {}",
        0.75 * staffed
    );
    let breaks = rows(&common::config(&base_text.replace(
        r#"pattern: "A")"#,
        r#"pattern: "A"), breaks: [(after_hours: 4, minutes: 30), (after_hours: 12, minutes: 30)]"#,
    )));
    let b = mean(&breaks, "all", Kpi::StaffedHours);
    // One hour of breaks a day each; a break due during a call starts when the call ends.
    assert!((b - 10.0 * 9.0 * 23.0).abs() < 10.0, "breaks: {b}");
}

#[test]
fn pooled_handlers_drop_digital_work_for_waiting_999_calls() {
    let base = r#"(
    name: "pooled desk",
    run: (horizon_days: 8, warmup_hours: 24, replications: 20, seed: 9, kpi_interval_minutes: 60),
    channels: [
        (id: "999", priority: 1, arrivals: (profile: Constant(per_hour: 50)),
         talk: Exponential(mean_s: 240), patience: Some(Exponential(mean_s: 120))),
        (id: "digital", priority: 3, deferrable: true, arrivals: (profile: Constant(per_hour: 20)),
         talk: Exponential(mean_s: 900) INTERRUPT),
    ],
    staff: [(name: "pooled", skills: ["999", "digital"], handlers: 10,
             rota: (shifts: [(code: "A", start: "00:00", hours: 24)], pattern: "A"))],
)"#;
    let off = rows(&common::config(&base.replace(" INTERRUPT", "")));
    let on = rows(&common::config(
        &base.replace(" INTERRUPT", r#", interrupted_by: ["999"]"#),
    ));
    let w_off = kpi::find(&off, "999", Kpi::WaitMean)
        .map(|r| r.estimate())
        .unwrap_or_else(|| panic!());
    let w_on = kpi::find(&on, "999", Kpi::WaitMean)
        .map(|r| r.estimate())
        .unwrap_or_else(|| panic!());
    assert!(
        w_on.high() < w_off.low(),
        "interrupting digital work cuts 999 waits: {w_on:?} vs {w_off:?}"
    );
    // Digital work is not lost: it is all done or still open at the end.
    let done = mean(&on, "digital", Kpi::Answered) + mean(&on, "digital", Kpi::WaitingAtEnd);
    assert!((done - mean(&on, "digital", Kpi::Offered)).abs() < 1e-9);
}

#[test]
fn memory_stays_flat_however_long_the_run() {
    let short = common::config(&common::single_queue(100.0, 300.0, 10, Some(180.0)));
    let mut long = short.clone();
    long.horizon_s *= 20.0;
    let a = sim::run(&short, 0, &mut NoRecords);
    let b = sim::run(&long, 0, &mut NoRecords);
    assert!(b.events > 15 * a.events);
    // Live contacts peak at about the same level: nothing grows with the number of calls.
    assert!(
        b.peak_live_calls < 3 * a.peak_live_calls + 50,
        "{} vs {}",
        b.peak_live_calls,
        a.peak_live_calls
    );
    assert_eq!(a.tracker.channels[0].len(), b.tracker.channels[0].len());
}

#[test]
fn a_surge_raises_demand_in_its_window_only() {
    let base = common::single_queue(60.0, 300.0, 10, Some(180.0));
    let surged = base.replace(
        "arrivals: (profile: Constant(per_hour: 60))",
        r#"arrivals: (profile: Constant(per_hour: 60), surges: [(day: 3, start: "18:00", hours: 2, multiplier: 3)])"#,
    );
    let cfg = common::config(&surged);
    let reps = replicate(&cfg, &|| {});
    let bins = controlroom::plan::report::merged_channel_bins(&reps, 0);
    let per = |i: usize| bins[i].offered as f64 / 30.0;
    // Thursday (day 3) 18:00 and 19:00 are intervals 90 and 91 of the week.
    for i in [90, 91] {
        assert!(
            (per(i) - 180.0).abs() < 4.0 * (180.0f64 / 30.0).sqrt() + 20.0,
            "interval {i}: {}",
            per(i)
        );
    }
    for i in [89, 92] {
        assert!(
            (per(i) - 60.0).abs() < 4.0 * (60.0f64 / 30.0).sqrt() + 10.0,
            "interval {i}: {}",
            per(i)
        );
    }
}

#[test]
fn an_on_duty_profile_puts_exactly_that_many_handlers_on_each_hour() {
    let counts: Vec<String> = (0..168).map(|i| (2 + (i % 24) / 4).to_string()).collect();
    let text = common::single_queue(20.0, 300.0, 1, Some(300.0)).replace(
        r#"handlers: 1,
        rota: (shifts: [(code: "A", start: "00:00", hours: 24)], pattern: "A"),"#,
        &format!(
            "on_duty: (interval_minutes: 60, handlers: [{}]),",
            counts.join(", ")
        ),
    );
    let cfg = common::config(&text);
    let reps = replicate(&cfg, &|| {});
    let staffed = controlroom::plan::report::merged_group_bins(&reps, 0);
    let cover = controlroom::plan::report::merged_cover(&reps);
    for i in 0..168 {
        let on_duty = staffed[i].staffed_s / cover[i];
        let want = (2 + (i % 24) / 4) as f64;
        // Exact, but for the minutes handlers spend finishing a call after their hour ends.
        assert!(
            on_duty >= want - 1e-9 && on_duty < want + 0.3,
            "hour {i}: {on_duty} vs {want}"
        );
    }
}

#[test]
fn report_windows_give_each_kpi_for_their_hours_only() {
    let base = common::single_queue(60.0, 300.0, 6, Some(180.0));
    let text = base.replace(
        "kpi_interval_minutes: 60)",
        r#"kpi_interval_minutes: 60, windows: [
            (name: "all week", days: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"], start: "00:00", hours: 24),
            (name: "Fri night", days: ["Fri"], start: "18:00", hours: 8),
        ])"#,
    );
    let cfg = common::config(&text);
    assert_eq!(
        cfg.windows[1].1,
        (114..122).collect::<Vec<_>>(),
        "Fri 18:00 to Sat 02:00"
    );
    let rows = rows(&cfg);
    for kpi in [
        Kpi::Offered,
        Kpi::AbandonRate,
        Kpi::WaitMean,
        Kpi::QueueLengthMean,
    ] {
        assert_eq!(
            values(&rows, "999 @ all week", kpi),
            values(&rows, "999", kpi),
            "{kpi}"
        );
    }
    // The nine counted days (Tuesday to the next Wednesday) hold one Friday night: eight hours
    // of a constant 60 calls an hour.
    let night = controlroom::plan::stats::estimate_at(
        &values(&rows, "999 @ Fri night", Kpi::Offered),
        0.99,
    );
    assert!(night.covers(480.0), "{night:?}");
}

#[test]
fn callers_lost_counts_each_caller_who_gave_up_for_good_once() {
    use controlroom::sim::config::{Dist, Redial};
    // Overloaded so that many give up: 12 agents for 150 calls/h of 5 minutes, 2 min patience.
    let base = common::config(&common::single_queue(150.0, 300.0, 12, Some(120.0)));
    let with = |p: f64| {
        let mut c = base.clone();
        c.replications = 5;
        c.channels[0].redial = Some(Redial {
            probability: p,
            delay: Dist::Exponential { mean: 60.0 },
        });
        rows(&c)
    };
    let sum = |rows: &[Row], k| values(rows, "999", k).iter().sum::<f64>();
    // Nobody tries again: every abandoned attempt is a caller lost.
    let never = with(0.0);
    assert_eq!(
        values(&never, "999", Kpi::CallersLost),
        values(&never, "999", Kpi::Abandoned)
    );
    // Everybody tries again: nobody is lost, however many attempts are abandoned.
    let always = with(1.0);
    assert!(sum(&always, Kpi::Abandoned) > 1000.0);
    assert_eq!(sum(&always, Kpi::CallersLost), 0.0);
    // Half try again: about half of the abandoned attempts lose their caller (binomial, 4 sd).
    let half = with(0.5);
    let (lost, abandoned) = (sum(&half, Kpi::CallersLost), sum(&half, Kpi::Abandoned));
    let sd = (abandoned * 0.25).sqrt();
    assert!(
        (lost - abandoned / 2.0).abs() < 4.0 * sd,
        "{lost} of {abandoned}"
    );
    // Every abandoned attempt either lost its caller or led to a redial, but for the edges:
    // redials of warm-up abandonments, and redials still pending at the end.
    let redials = sum(&half, Kpi::Redials);
    let gap = abandoned - lost - redials;
    assert!(
        gap.abs() < 0.02 * abandoned,
        "{abandoned} = {lost} + {redials} + {gap}"
    );
}
