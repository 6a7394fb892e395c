//! Workforce realities against their expected effects: attrition, recruit intakes, rotations
//! of seconded officers with their course, training days, learning curves, harrowing-call
//! exposure and decompression breaks.

mod common;

use controlroom::plan::kpi::{self, Kpi, Row};
use controlroom::plan::replicate::replicate;
use controlroom::plan::stats::{self, estimate_at};
use controlroom::sim::{Config, Replication};

/// 24-hour shifts every day, `handlers` of them, `days` long, light 999 demand; `extra` is
/// spliced into the staff group and `model_extra` into the model.
fn model(handlers: u32, days: u32, extra: &str, model_extra: &str) -> String {
    format!(
        r#"(
    name: "workforce test",
    run: (horizon_days: {days}, warmup_hours: 0, replications: 20, seed: 99, kpi_interval_minutes: 60),
    channels: [(id: "999", priority: 1, arrivals: (profile: Constant(per_hour: 30)),
                talk: Exponential(mean_s: 240), patience: Some(Exponential(mean_s: 120)))],
    staff: [(name: "handlers", skills: ["999"], handlers: {handlers},
             rota: (shifts: [(code: "A", start: "00:00", hours: 24)], pattern: "A"), {extra})],
    {model_extra}
)"#
    )
}

fn run(text: &str) -> (Config, Vec<Replication>) {
    let cfg = common::config(text);
    let reps = replicate(&cfg, &|| {});
    (cfg, reps)
}

fn row<'a>(rows: &'a [Row], name: &str, kpi: Kpi) -> &'a Row {
    kpi::find(rows, name, kpi).unwrap_or_else(|| panic!("no {name}/{kpi}"))
}

#[test]
fn attrition_reduces_staff_by_the_stated_leaving_rate() {
    let (n, per_month, days) = (20.0, 2.0, 180u32);
    let (_, reps) = run(&model(20, days, "attrition_per_month: 2", ""));
    let h = per_month / n / controlroom::sim::units::MONTH_S;
    // In post mid-month: each handler stays with probability exp(-h t).
    for m in 0..6 {
        let t = (m as f64 + 0.5) * 30.0 * 86_400.0;
        let expect = n * (-h * t).exp();
        let v: Vec<f64> = reps.iter().map(|r| r.tracker.month_in_post[0][m]).collect();
        let e = estimate_at(&v, 0.99);
        assert!(
            e.covers(expect),
            "month {}: in post {e:?} vs {expect}",
            m + 1
        );
    }
    // Staffed hours: a handler works a day's shift if still in post when it starts.
    let expect: f64 = (0..days)
        .map(|d| 24.0 * n * (-h * d as f64 * 86_400.0).exp())
        .sum();
    let rows = kpi::rows(
        &common::config(&model(20, days, "attrition_per_month: 2", "")),
        &reps,
    );
    let e = estimate_at(&row(&rows, "handlers", Kpi::StaffedHours).values, 0.99);
    assert!(e.covers(expect), "staffed hours {e:?} vs {expect}");
    assert!(
        e.high() < 0.85 * n * 24.0 * days as f64,
        "attrition must cut staffed hours"
    );
}

#[test]
fn recruits_join_after_vetting_and_their_course_less_drop_outs() {
    let text = model(
        10,
        90,
        "intakes: [(day: 5, recruits: 10, vetting_days: 20, course_days: 10, dropout: 0.2)]",
        "",
    );
    let (_, reps) = run(&text);
    let month = |m: usize| {
        reps.iter()
            .map(|r| r.tracker.month_in_post[0][m])
            .collect::<Vec<_>>()
    };
    // They take calls from day 35: not in post mid-month 1 (day 15), in post by day 45.
    assert!(month(0).iter().all(|&x| x == 10.0));
    let e = estimate_at(&month(1), 0.99);
    assert!(e.covers(18.0), "10 in post + 80% of 10 recruits: {e:?}");
    let staffed = |r: &Replication, m: usize| r.tracker.monthly_staffed_s[0][m] / 3600.0;
    assert!(
        reps.iter()
            .all(|r| (staffed(r, 0) - 10.0 * 30.0 * 24.0).abs() < 1e-6)
    );
    assert!(reps.iter().all(|r| staffed(r, 2) > staffed(r, 0)));
}

#[test]
fn seconded_officers_work_only_their_rotation_after_the_course() {
    // 16 officers on a 30-day rotation from day 10, the first 4 days on the course.
    let text = model(
        16,
        60,
        "rotation: (first_day: 10, length_days: 30, course_days: 4)",
        "",
    );
    let (cfg, reps) = run(&text);
    let rows = kpi::rows(&cfg, &reps);
    let staffed = row(&rows, "handlers", Kpi::StaffedHours).estimate();
    // 26 days of 16 officers, plus the minutes some spend finishing a call at the very end.
    let exact = 16.0 * 26.0 * 24.0;
    assert!(
        staffed.mean >= exact - 1e-6 && staffed.mean < exact + 1.0,
        "{staffed:?}"
    );
    let months: Vec<f64> = reps[0].tracker.monthly_staffed_s[0]
        .iter()
        .map(|s| s / 3600.0)
        .collect();
    assert_eq!(months.len(), 2);
    assert!(
        (months[0] - 16.0 * 16.0 * 24.0).abs() < 1e-6,
        "days 14-29 in month 1: {months:?}"
    );
}

#[test]
fn a_training_day_every_five_weeks_removes_one_shift_in_thirty_five() {
    let (cfg, reps) = run(&model(14, 70, "training: (days: 1, every_weeks: 5)", ""));
    let rows = kpi::rows(&cfg, &reps);
    let staffed = row(&rows, "handlers", Kpi::StaffedHours).estimate().mean;
    let full = 14.0 * 70.0 * 24.0;
    assert!(
        (staffed / full - 34.0 / 35.0).abs() < 0.002,
        "{staffed} of {full}"
    );
}

#[test]
fn a_learning_curve_makes_new_officers_slower_at_first() {
    let base = "rotation: (first_day: 0, length_days: 60, course_days: 0)";
    let slow = format!("{base}, learning: (initial_multiplier: 2, weeks: 4)");
    let (cfg, a) = run(&model(6, 60, base, ""));
    let (_, b) = run(&model(6, 60, &slow, ""));
    let busy = |reps: &[Replication]| {
        kpi::rows(&cfg, reps)
            .iter()
            .find(|r| r.kpi == Kpi::BusyHours)
            .map(|r| r.values.clone())
            .unwrap_or_default()
    };
    let diff: Vec<f64> = busy(&b).iter().zip(busy(&a)).map(|(x, y)| x / y).collect();
    let e = stats::estimate(&diff);
    // The multiplier averages 1.5 over the first 4 weeks and is 1 after: 28 of 60 days at
    // 1.5 gives about 1.23 times the busy hours for the same calls.
    assert!(e.low() > 1.15 && e.high() < 1.3, "busy-hours ratio {e:?}");
}

#[test]
fn harrowing_exposure_is_counted_per_handler_per_shift() {
    let text =
        model(6, 30, "", "").replace("patience: Some", "harrowing_share: 0.1, patience: Some");
    let (cfg, reps) = run(&text);
    for r in &reps {
        let e = &r.tracker.exposure[0];
        let answered = kpi::channel_total(&r.tracker.channels[0]).answered as f64;
        // About one answered call in ten was harrowing (binomial, 4 sd).
        let sd = (answered * 0.1 * 0.9).sqrt();
        assert!(
            (e.harrowing as f64 - 0.1 * answered).abs() < 4.0 * sd + 10.0,
            "{e:?} of {answered}"
        );
        assert!(e.shifts >= 6.0 * 29.0 && e.max as f64 >= e.harrowing as f64 / e.shifts);
    }
    let rows = kpi::rows(&cfg, &reps);
    assert!(
        row(&rows, "handlers", Kpi::HarrowingPerShiftMean)
            .estimate()
            .mean
            > 1.0
    );
}

#[test]
fn decompression_breaks_raise_the_occupancy_of_the_others_and_the_wait() {
    let text = model(6, 30, "", "WELLBEING")
        .replace("patience: Some", "harrowing_share: 0.2, patience: Some");
    let off = text.replace("WELLBEING", "");
    let on = text.replace("WELLBEING", "wellbeing: (decompression_minutes: 15),");
    let (cfg, a) = run(&off);
    let (_, b) = run(&on);
    let (ra, rb) = (kpi::rows(&cfg, &a), kpi::rows(&cfg, &b));
    for (name, kpi) in [("handlers", Kpi::Occupancy), ("999", Kpi::WaitMean)] {
        let d: Vec<f64> = row(&rb, name, kpi)
            .values
            .iter()
            .zip(&row(&ra, name, kpi).values)
            .map(|(x, y)| x - y)
            .collect();
        let e = stats::estimate(&d);
        assert!(e.low() > 0.0, "{kpi} rises with decompression: {e:?}");
    }
    let s = |r: &[Row]| row(r, "handlers", Kpi::StaffedHours).estimate().mean;
    assert!(s(&rb) < s(&ra), "decompression time is time off the phones");
}

#[test]
fn inconsistent_rotations_and_intakes_are_rejected() {
    for (extra, needle) in [
        (
            "rotation: (first_day: 10, length_days: 30, course_days: 40)",
            "staff[0].rotation.course_days",
        ),
        (
            "rotation: (first_day: 400, length_days: 30)",
            "staff[0].rotation.first_day",
        ),
        (
            "intakes: [(day: 5, recruits: 3, vetting_days: -2, course_days: 10)]",
            "staff[0].intakes[0].vetting_days",
        ),
        (
            "training: (days: 1, every_weeks: 0)",
            "staff[0].training.every_weeks",
        ),
        (
            "learning: (initial_multiplier: 0.5, weeks: 4)",
            "staff[0].learning.initial_multiplier",
        ),
    ] {
        let m = controlroom::model::parse(&model(5, 60, extra, ""), std::path::Path::new("w.ron"))
            .unwrap_or_else(|e| panic!("{e}"));
        let err = controlroom::model::validate(&m, std::path::Path::new("w.ron"))
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains(needle), "{extra}: {err}");
    }
}
