//! `controlroom simulate` as a user runs it: outputs, determinism, CSV inputs and bad input.

mod common;

use std::path::Path;
use std::process::{Command, Output};

fn controlroom(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_controlroom"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run: {e}"))
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

#[test]
fn default_model_runs_and_writes_documented_csvs() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("results");
    let o = controlroom(&[
        "simulate",
        "--replications",
        "4",
        "--out",
        out.to_str().unwrap_or_default(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.contains("service level") && text.contains("999") && text.contains("digital"),
        "{text}"
    );
    let summary = read(&out.join("summary.csv"));
    assert!(summary.starts_with(
        "scope,name,kpi,mean,ci95_low,ci95_high,ci95_half_width,replications,mean_per_week\n"
    ));
    assert!(summary.contains("channel,999,service_level,"));
    assert!(summary.contains("group,Call handlers,occupancy,"));
    let intervals = read(&out.join("intervals.csv"));
    let header = intervals.lines().next().unwrap_or_default();
    assert!(
        header.starts_with("interval,day,start,channel,sl_threshold_s,offered,answered,abandoned")
    );
    // One row per channel per hour of the week.
    assert_eq!(intervals.lines().count(), 1 + 3 * 168);
    let occupancy = read(&out.join("occupancy.csv"));
    assert_eq!(occupancy.lines().count(), 1 + 4 * 168);
    // Written atomically: nothing but the three files is left behind.
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "intervals.csv",
            "occupancy.csv",
            "summary.csv",
            "workforce.csv"
        ]
    );
}

#[test]
fn outputs_are_byte_identical_whatever_the_thread_count_and_change_with_the_seed() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let run = |name: &str, threads: &str, seed: &str| {
        let out = dir.path().join(name);
        let calls = dir.path().join(format!("{name}-calls.csv"));
        let o = controlroom(&[
            "simulate",
            "--replications",
            "6",
            "--threads",
            threads,
            "--seed",
            seed,
            "--out",
            out.to_str().unwrap_or_default(),
            "--calls",
            calls.to_str().unwrap_or_default(),
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
        let files: Vec<String> = ["summary.csv", "intervals.csv", "occupancy.csv"]
            .iter()
            .map(|f| read(&out.join(f)))
            .collect();
        let table: String = String::from_utf8_lossy(&o.stdout)
            .lines()
            .filter(|l| !l.starts_with("wrote"))
            .collect();
        (files, read(&calls), table)
    };
    let one = run("one", "1", "11");
    let two = run("two", "2", "11");
    let other = run("other", "2", "12");
    // Compared without printing megabytes on failure.
    assert!(one.0 == two.0, "CSV results differ between 1 and 2 threads");
    assert!(
        one.1 == two.1,
        "call records differ between 1 and 2 threads"
    );
    assert!(
        one.2 == two.2,
        "terminal table differs between 1 and 2 threads"
    );
    assert!(
        one.0[0] != other.0[0],
        "a different seed gives different results"
    );
    // The audit file has one row per contact of replication 1.
    let calls = &one.1;
    assert!(calls.starts_with(
        "call_id,channel,arrival_s,outcome,wait_s,handler,group,talk_s,wrap_s,redial,counted\n"
    ));
    assert!(calls.lines().count() > 10_000);
    assert!(
        calls.contains(",999,")
            && calls.contains(",abandoned,")
            && calls.contains(",callback_answered,")
    );
}

#[test]
fn arrivals_and_durations_can_come_from_csv_exports() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    // Two weeks of 30-minute counts from 2025-01-06 (a Monday): 10 calls per interval in week
    // one and 14 in week two, so the profile averages 12 per half hour = 24 per hour.
    let mut counts = String::from("start,count\n");
    for week in 0..2u32 {
        for k in 0..336u32 {
            let day = 6 + week * 7 + k / 48;
            let (h, m) = ((k % 48) / 2, (k % 2) * 30);
            counts.push_str(&format!(
                "2025-01-{day:02} {h:02}:{m:02},{}\n",
                10 + 4 * week
            ));
        }
    }
    std::fs::write(dir.path().join("counts.csv"), counts).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(dir.path().join("talk.csv"), "seconds\n200\n300\n400\n")
        .unwrap_or_else(|e| panic!("{e}"));
    let text = common::single_queue(1.0, 300.0, 4, Some(300.0))
        .replace(
            "profile: Constant(per_hour: 1)",
            r#"profile: Csv(path: "counts.csv", interval_minutes: 30)"#,
        )
        .replace(
            "talk: Exponential(mean_s: 300)",
            r#"talk: Empirical(path: "talk.csv")"#,
        )
        .replace("replications: 30", "replications: 4");
    let model = dir.path().join("model.ron");
    std::fs::write(&model, text).unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("out");
    let o = controlroom(&[
        "simulate",
        model.to_str().unwrap_or_default(),
        "--out",
        out.to_str().unwrap_or_default(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let summary = read(&out.join("summary.csv"));
    let offered: f64 = summary
        .lines()
        .find(|l| l.starts_with("channel,999,offered,"))
        .and_then(|l| l.split(',').nth(3))
        .and_then(|v| v.parse().ok())
        .unwrap_or(f64::NAN);
    // 9 counted days at 24 calls an hour = 5184, Poisson sd 72 per run, mean of 4.
    assert!(
        (offered - 5184.0).abs() < 4.0 * 72.0 / 2.0,
        "offered {offered}"
    );
}

/// Write `text` as a model and run it; expect exit code 2 and every `needles` in the message.
fn bad(text: &str, needles: &[&str]) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let model = dir.path().join("bad.ron");
    std::fs::write(&model, text).unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("out");
    let o = controlroom(&[
        "simulate",
        model.to_str().unwrap_or_default(),
        "--out",
        out.to_str().unwrap_or_default(),
    ]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("bad.ron"), "names the file: {err}");
    for n in needles {
        assert!(err.contains(n), "expected `{n}` in: {err}");
    }
    assert!(!err.contains("panicked"), "{err}");
    assert!(!out.exists(), "nothing is written for bad input");
}

#[test]
fn a_missing_model_file_is_a_clear_error() {
    let o = controlroom(&["simulate", "no/such/model.ron"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("no/such/model.ron: cannot read"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn malformed_ron_names_line_and_column() {
    let text = common::single_queue(60.0, 300.0, 10, None).replace("priority: 1,", "priority: 1,,");
    bad(&text, &["bad.ron:6:"]);
}

#[test]
fn unknown_fields_are_rejected() {
    let text = common::single_queue(60.0, 300.0, 10, None)
        .replace("priority: 1,", "priority: 1, colour: 3,");
    bad(&text, &["colour"]);
}

#[test]
fn a_negative_rate_is_rejected() {
    bad(
        &common::single_queue(-5.0, 300.0, 10, None),
        &["channels[0].arrivals.profile.per_hour", "-5"],
    );
}

#[test]
fn impossible_distribution_parameters_are_rejected() {
    let text = common::single_queue(60.0, 300.0, 10, None).replace(
        "Exponential(mean_s: 300)",
        "LogNormal(mean_s: 300, sd_s: 0)",
    );
    bad(&text, &["channels[0].talk.sd_s", "greater than 0"]);
}

#[test]
fn a_skill_naming_no_channel_is_rejected() {
    let text = common::single_queue(60.0, 300.0, 10, None)
        .replace(r#"skills: ["999"]"#, r#"skills: ["999", "112"]"#);
    bad(&text, &["staff[0].skills[1]", "`112` names no channel"]);
}

#[test]
fn a_model_with_no_staff_is_rejected() {
    let text = common::single_queue(60.0, 300.0, 10, None);
    let start = text.find("staff: [").unwrap_or(0);
    let text = format!("{}staff: [],\n)", &text[..start]);
    bad(&text, &["staff", "at least one staff group"]);
}

#[test]
fn csv_inputs_with_bad_rows_name_the_file_and_line() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(dir.path().join("talk.csv"), "seconds\n200\nlots\n")
        .unwrap_or_else(|e| panic!("{e}"));
    let text = common::single_queue(60.0, 300.0, 10, None).replace(
        "talk: Exponential(mean_s: 300)",
        r#"talk: Empirical(path: "talk.csv")"#,
    );
    let model = dir.path().join("m.ron");
    std::fs::write(&model, text).unwrap_or_else(|e| panic!("{e}"));
    let o = controlroom(&["simulate", model.to_str().unwrap_or_default()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("talk.csv: line 3: `lots` is not a duration"),
        "{}",
        stderr(&o)
    );
}
