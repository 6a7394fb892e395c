//! Runs `controlroom forecast` as a planner would: forecast.csv and a report from the shipped
//! history, exit 2 with the reason on bad input.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn forecast(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_controlroom"))
        .arg("forecast")
        .args(args)
        .output()
        .expect("the controlroom binary runs")
}

fn shipped(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scenarios/planning/history")
        .join(name)
}

fn text(o: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

#[test]
fn forecasts_the_shipped_history_into_a_csv_and_a_report() {
    let dir = tempfile::tempdir().unwrap();
    let hist = shipped("calls-2023-2025.csv");
    let events = shipped("events.csv");
    let report = dir.path().join("forecast.html");
    let out = forecast(&[
        hist.to_str().unwrap(),
        "--start",
        "2025-12-01",
        "--days",
        "31",
        "--events",
        events.to_str().unwrap(),
        "--out",
        dir.path().to_str().unwrap(),
        "--report",
        report.to_str().unwrap(),
    ]);
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stdout.contains("2023-12-01 to 2025-11-30 (731 days)"),
        "{stdout}"
    );
    assert!(stdout.contains("effect New Year's Eve"), "{stdout}");
    let csv = std::fs::read_to_string(dir.path().join("forecast.csv")).unwrap();
    assert_eq!(csv.lines().count(), 1 + 3 * 31 * 96);
    assert!(
        csv.contains("\n999,2025-12-20 22:00,"),
        "no 999 row at 22:00 on 20 December"
    );
    let html = std::fs::read_to_string(&report).unwrap();
    assert_eq!(html.matches("<svg").count(), 3);
}

#[test]
fn backtest_prints_the_method_and_both_baselines() {
    let out = forecast(&[
        shipped("calls-2023-2025.csv").to_str().unwrap(),
        "--backtest",
        "28",
    ]);
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(
        stdout.matches("same interval last week").count(),
        3,
        "{stdout}"
    );
    assert_eq!(
        stdout.matches("mean of same weekday").count(),
        3,
        "{stdout}"
    );
    assert!(stdout.contains("80% band covers"), "{stdout}");
}

fn bad(args: &[&str], want: &str) {
    let out = forecast(args);
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains(want), "wanted `{want}` in: {stderr}");
}

#[test]
fn bad_input_exits_2_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let export = |name: &str, days: u32| {
        let path = dir.path().join(name);
        let mut s = String::from("Date,Interval Start,Queue,Calls Offered\n");
        for d in 1..=days {
            for h in 0..24 {
                s.push_str(&format!("{d:02}/09/2025,{h:02}:00,999 Emergency,3\n"));
            }
        }
        std::fs::write(&path, s).unwrap();
        path.to_str().unwrap().to_string()
    };
    let (short, p) = (export("short.csv", 10), export("ok.csv", 20));
    let p = p.as_str();
    let o = dir.path().to_str().unwrap();
    bad(
        &[&short, "--start", "2025-09-20", "--days", "7", "--out", o],
        "a forecast needs at least 14",
    );
    bad(
        &[p, "--map", "Emergency=999", "--backtest", "7"],
        "the mapping names no queue",
    );
    bad(
        &[p, "--start", "2025-09-05", "--days", "7", "--out", o],
        "must start after the history's last day (2025-09-20)",
    );
    bad(
        &[p, "--map", "nonsense", "--backtest", "7"],
        "write it as QUEUE=CHANNEL",
    );
    bad(
        &[p, "--start", "20/09/2025", "--days", "7", "--out", o],
        "is not a date like",
    );
}

/// The default model with 999's demand from `forecast.csv` in `dir`, starting on `start`.
fn dated_model(dir: &Path, start: &str) -> PathBuf {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/scenarios/planning/default.ron"
    ))
    .unwrap();
    let a = text.find("profile: Daily(").unwrap();
    let b = a + text[a..].find("),\n").unwrap() + 3;
    let model = format!(
        "{}profile: Forecast(file: \"forecast.csv\", channel: \"999\"),\n{}",
        &text[..a],
        &text[b..]
    )
    .replacen(
        "horizon_days: 8,",
        &format!("horizon_days: 7, start_date: Some(\"{start}\"),"),
        1,
    );
    let path = dir.join(format!("model-{start}.ron"));
    std::fs::write(&path, model).unwrap();
    path
}

#[test]
fn a_model_runs_on_calendar_dates_from_a_forecast() {
    let dir = tempfile::tempdir().unwrap();
    let out = forecast(&[
        shipped("calls-2023-2025.csv").to_str().unwrap(),
        "--start",
        "2025-12-01",
        "--days",
        "31",
        "--out",
        dir.path().to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out).1);
    let sim = |model: &Path| {
        Command::new(env!("CARGO_BIN_EXE_controlroom"))
            .args(["simulate", model.to_str().unwrap(), "--replications", "2"])
            .output()
            .unwrap()
    };
    // The week of Saturday 20 December runs.
    let ok = sim(&dated_model(dir.path(), "2025-12-15"));
    assert!(ok.status.success(), "{}", text(&ok).1);
    assert!(
        text(&ok)
            .0
            .contains("dates Mon 15 Dec 2025 – Sun 21 Dec 2025"),
        "{}",
        text(&ok).0
    );
    // A week past the forecast's end is refused with the dates.
    let late = sim(&dated_model(dir.path(), "2025-12-29"));
    let (_, stderr) = text(&late);
    assert_eq!(late.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("the run (2025-12-29 00:00 to 2026-01-05 00:00) is outside the forecast"),
        "{stderr}"
    );
    // Not a Monday.
    let tue = sim(&dated_model(dir.path(), "2025-12-16"));
    assert_eq!(tue.status.code(), Some(2));
    assert!(
        text(&tue).1.contains("a run starts on a Monday"),
        "{}",
        text(&tue).1
    );
}
