//! Runs on calendar dates (`run.start_date`): the per-interval files carry each interval's date
//! and bank holiday, the terminal and the report name the dates the run covers, and a run
//! without a start date writes exactly the columns it always did.

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn controlroom(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_controlroom"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run: {e}"))
}

/// A `forecast.csv` for 999 from 2025-12-01, hourly, 40 days: 20 calls an hour, 40 on
/// Christmas Day.
fn forecast_file(dir: &Path) -> PathBuf {
    let mut s = String::from("channel,start,forecast,lower_80,upper_80\n");
    let first = NaiveDate::from_ymd_opt(2025, 12, 1).unwrap_or_default();
    for d in 0..40 {
        let day = first + chrono::Duration::days(d);
        let calls = if (day.month(), day.day()) == (12, 25) {
            40.0
        } else {
            20.0
        };
        for h in 0..24 {
            s.push_str(&format!("999,{day} {h:02}:00,{calls},0,0\n"));
        }
    }
    let path = dir.join("forecast.csv");
    std::fs::write(&path, s).unwrap_or_else(|e| panic!("{e}"));
    path
}

/// A small model: 999 from the forecast (or 20 an hour without a start date), 8 handlers on
/// 24-hour shifts, 60-minute intervals, a day's warm-up, Saturday night reported on its own.
fn model(dir: &Path, days: u32, start: Option<&str>) -> PathBuf {
    let (date, profile) = match start {
        Some(d) => (
            format!("start_date: Some(\"{d}\"),"),
            format!(
                "Forecast(file: \"{}\", channel: \"999\")",
                forecast_file(dir).display()
            ),
        ),
        None => (String::new(), "Constant(per_hour: 20)".to_string()),
    };
    let text = format!(
        r#"(
    name: "dated test",
    run: (horizon_days: {days}, warmup_hours: 24, replications: 3, seed: 5,
          kpi_interval_minutes: 60, {date}
          windows: [(name: "Sat night", days: ["Sat"], start: "18:00", hours: 8)]),
    channels: [(id: "999", priority: 1, arrivals: (profile: {profile}),
                talk: Exponential(mean_s: 200), patience: Some(Exponential(mean_s: 90)))],
    staff: [(name: "handlers", skills: ["999"], handlers: 8,
             rota: (shifts: [(code: "A", start: "00:00", hours: 24)], pattern: "A"))],
)"#
    );
    let path = dir.join(format!("model-{days}-{}.ron", start.unwrap_or("none")));
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
    path
}

/// `simulate MODEL --out DIR --report DIR/report.html`: standard output and the folder.
fn simulate(model: &Path, dir: &Path, name: &str) -> (String, PathBuf) {
    let out = dir.join(name);
    let report = out.join("report.html");
    let done = controlroom(&[
        "simulate",
        &model.to_string_lossy(),
        "--out",
        &out.to_string_lossy(),
        "--report",
        &report.to_string_lossy(),
    ]);
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    (String::from_utf8_lossy(&done.stdout).into_owned(), out)
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// A CSV as records of fields (the files here quote nothing).
fn records(text: &str) -> Vec<Vec<String>> {
    text.lines()
        .map(|l| l.split(',').map(String::from).collect())
        .collect()
}

fn column(head: &[String], name: &str) -> usize {
    head.iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name} in {head:?}"))
}

fn stamp(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap_or_else(|e| panic!("`{s}`: {e}"))
}

/// The row of `recs` for week day `day` at `start`.
fn row<'a>(recs: &'a [Vec<String>], day: &str, start: &str) -> &'a Vec<String> {
    recs.iter()
        .find(|r| r[1] == day && r[2] == start)
        .unwrap_or_else(|| panic!("no row {day} {start}"))
}

#[test]
fn the_week_of_christmas_carries_its_dates_and_bank_holidays() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (stdout, out) = simulate(&model(dir.path(), 8, Some("2025-12-22")), dir.path(), "o");
    assert!(
        stdout.contains(
            "dates Mon 22 Dec 2025 – Mon 29 Dec 2025, UK local time, counted from Tue 23 Dec \
             2025 00:00; bank holidays: Thu 25 Dec 2025 Christmas Day, Fri 26 Dec 2025 Boxing Day"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains("periods: Sat night Sat 27 Dec 2025 18:00 – Sun 28 Dec 2025 02:00"),
        "{stdout}"
    );
    // summary.csv says when each row's figures were counted: the run, or the window.
    let summary = records(&read(&out.join("summary.csv")));
    let dates = column(&summary[0], "dates");
    assert_eq!(dates, summary[0].len() - 1, "a last column");
    let when = |name: &str| -> &str {
        let r = summary
            .iter()
            .find(|r| r[1] == name)
            .unwrap_or_else(|| panic!("no {name}"));
        &r[dates]
    };
    assert_eq!(when("999"), "2025-12-23 00:00 to 2025-12-30 00:00");
    assert_eq!(when("handlers"), "2025-12-23 00:00 to 2025-12-30 00:00");
    assert_eq!(
        when("999 @ Sat night"),
        "2025-12-27 18:00 to 2025-12-28 02:00"
    );
    for file in ["intervals.csv", "occupancy.csv"] {
        let recs = records(&read(&out.join(file)));
        let head = &recs[0];
        assert_eq!(
            head[..6],
            [
                "interval",
                "day",
                "start",
                "date",
                "last_date",
                "bank_holiday"
            ]
        );
        let (date, last, holiday) = (
            column(head, "date"),
            column(head, "last_date"),
            column(head, "bank_holiday"),
        );
        // One counted week: each row is one date, on the row's weekday and time, after the
        // warm-up (Monday is the Monday after, 29 December).
        assert_eq!(recs.len(), 1 + 168, "{file}");
        for r in &recs[1..] {
            let t = stamp(&r[date]);
            assert_eq!(r[date], r[last], "{file}: {r:?}");
            assert_eq!(t.format("%a").to_string(), r[1]);
            assert_eq!(t.format("%H:%M").to_string(), r[2]);
            assert!(t >= stamp("2025-12-23 00:00") && t < stamp("2025-12-30 00:00"));
            let want = match (t.day(), t.month()) {
                (25, 12) => "Christmas Day",
                (26, 12) => "Boxing Day",
                _ => "",
            };
            assert_eq!(r[holiday], want, "{file}: {r:?}");
        }
        assert_eq!(row(&recs[1..], "Mon", "00:00")[date], "2025-12-29 00:00");
        assert_eq!(row(&recs[1..], "Sat", "22:00")[date], "2025-12-27 22:00");
    }
    // The dated demand lines up with the dated rows: Christmas Day has twice the calls.
    let recs = records(&read(&out.join("intervals.csv")));
    let offered = column(&recs[0], "offered");
    let calls = |day: &str| -> f64 {
        recs[1..]
            .iter()
            .filter(|r| r[1] == day)
            .map(|r| r[offered].parse::<f64>().unwrap_or(f64::NAN))
            .sum()
    };
    let (thu, wed) = (calls("Thu"), calls("Wed"));
    assert!((thu / wed - 2.0).abs() < 0.15, "Thu {thu}, Wed {wed}");
    let html = read(&out.join("report.html"));
    assert!(
        html.contains(
            "<dt>Dates</dt><dd>Mon 22 Dec 2025 – Mon 29 Dec 2025 (UK local time), counted from \
             Tue 23 Dec 2025 00:00; bank holidays: Thu 25 Dec 2025 Christmas Day, Fri 26 Dec \
             2025 Boxing Day</dd>"
        ),
        "no Dates fact"
    );
}

#[test]
fn a_run_of_several_weeks_gives_each_row_its_first_and_last_date() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (stdout, out) = simulate(&model(dir.path(), 22, Some("2025-12-08")), dir.path(), "o");
    assert!(
        stdout.contains("dates Mon 8 Dec 2025 – Mon 29 Dec 2025")
            && stdout.contains("bank holidays: Thu 25 Dec 2025 Christmas Day")
            && stdout.contains("intervals.csv folds the weeks onto one")
            && stdout.contains(
                "periods: Sat night 3 times: Sat 13 Dec 2025 18:00 – Sun 14 Dec 2025 02:00 … \
                 Sat 27 Dec 2025 18:00 – Sun 28 Dec 2025 02:00"
            ),
        "{stdout}"
    );
    let summary = records(&read(&out.join("summary.csv")));
    let night = summary.iter().find(|r| r[1] == "999 @ Sat night");
    assert_eq!(
        night.map(|r| r[column(&summary[0], "dates")].as_str()),
        Some(
            "3 times: 2025-12-13 18:00 to 2025-12-14 02:00 … 2025-12-27 18:00 to 2025-12-28 \
             02:00"
        )
    );
    let recs = records(&read(&out.join("intervals.csv")));
    let head = &recs[0];
    let (date, last, holiday) = (
        column(head, "date"),
        column(head, "last_date"),
        column(head, "bank_holiday"),
    );
    let thu = row(&recs[1..], "Thu", "12:00");
    assert_eq!(thu[date], "2025-12-11 12:00");
    assert_eq!(thu[last], "2025-12-25 12:00");
    assert_eq!(thu[holiday], "Christmas Day (2025-12-25)");
    // Monday 8 December is the warm-up: Mondays count from the 15th to the 29th.
    let mon = row(&recs[1..], "Mon", "09:00");
    assert_eq!(
        (mon[date].as_str(), mon[last].as_str()),
        ("2025-12-15 09:00", "2025-12-29 09:00")
    );
    assert_eq!(row(&recs[1..], "Tue", "09:00")[last], "2025-12-23 09:00");
}

#[test]
fn without_a_start_date_the_files_have_no_date_columns() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (stdout, out) = simulate(&model(dir.path(), 8, None), dir.path(), "o");
    assert!(!stdout.contains("dates "), "{stdout}");
    let head = |f: &str| read(&out.join(f)).lines().next().unwrap_or("").to_string();
    assert!(
        head("intervals.csv").starts_with("interval,day,start,channel,sl_threshold_s,offered,"),
        "{}",
        head("intervals.csv")
    );
    assert_eq!(
        head("occupancy.csv"),
        "interval,day,start,group,handlers_on_duty_mean,occupancy"
    );
    assert_eq!(
        head("summary.csv"),
        "scope,name,kpi,mean,ci95_low,ci95_high,ci95_half_width,replications,mean_per_week"
    );
    assert!(!stdout.contains("periods:"), "{stdout}");
    assert!(!read(&out.join("report.html")).contains("<dt>Dates</dt>"));
}

/// `staff MODEL --out DIR` with extra arguments (4 replications): the exit code, standard
/// output and error, and `staffing.csv` as records (empty when not written).
fn staff(
    model: &Path,
    out: &Path,
    extra: &[&str],
) -> (Option<i32>, String, String, Vec<Vec<String>>) {
    let (m, o) = (model.to_string_lossy(), out.to_string_lossy());
    let mut args = vec!["staff", &m, "--out", &o, "--replications", "4"];
    args.extend_from_slice(extra);
    let done = controlroom(&args);
    let csv = std::fs::read_to_string(out.join("staffing.csv")).unwrap_or_default();
    (
        done.status.code(),
        String::from_utf8_lossy(&done.stdout).into_owned(),
        String::from_utf8_lossy(&done.stderr).into_owned(),
        records(&csv),
    )
}

/// The required handlers of a `staffing.csv` at `day` `start`.
fn required(recs: &[Vec<String>], day: &str, start: &str) -> u32 {
    let col = column(&recs[0], "required");
    row(&recs[1..], day, start)[col]
        .parse()
        .unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn staff_judges_seven_dated_days_of_the_run_with_their_bank_holidays() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    // Three counted weeks, 9 to 29 December; Christmas Day has twice the calls.
    let model = model(dir.path(), 22, Some("2025-12-08"));
    let report = dir.path().join("staffing.html");
    let r = report.to_string_lossy().into_owned();
    let (code, stdout, stderr, christmas) = staff(
        &model,
        &dir.path().join("a"),
        &["--from", "2025-12-22", "--report", &r],
    );
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stdout.contains(
            "staffed for Mon 22 Dec 2025 – Sun 28 Dec 2025 (UK local time); bank holidays: Thu 25 \
             Dec 2025 Christmas Day, Fri 26 Dec 2025 Boxing Day"
        ),
        "{stdout}"
    );
    assert!(stdout.contains("forecast.csv, date by date"), "{stdout}");
    assert!(
        read(&report).contains(
            "<dt>Staffed for</dt><dd>Mon 22 Dec 2025 – Sun 28 Dec 2025 (UK local time); bank \
             holidays: Thu 25 Dec 2025 Christmas Day, Fri 26 Dec 2025 Boxing Day</dd>"
        ),
        "the report names the days"
    );
    assert!(
        stdout.contains("\nThu 25 Dec "),
        "the grid names its dates: {stdout}"
    );
    let head = &christmas[0];
    assert_eq!(head[3..6], ["date", "last_date", "bank_holiday"]);
    let thu = row(&christmas[1..], "Thu", "12:00");
    assert_eq!(thu[column(head, "date")], "2025-12-25 12:00");
    assert_eq!(thu[column(head, "bank_holiday")], "Christmas Day");
    // Twice the calls need more handlers than the Wednesday before.
    assert!(
        required(&christmas, "Thu", "12:00") >= required(&christmas, "Wed", "12:00") + 2,
        "Christmas Day is staffed for its own demand"
    );
    // By default the first seven counted days: no bank holiday, an ordinary Thursday.
    let (code, stdout, stderr, first) = staff(&model, &dir.path().join("b"), &[]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stdout.contains(
            "staffed for Tue 9 Dec 2025 – Mon 15 Dec 2025 (UK local time); no bank holidays"
        ),
        "{stdout}"
    );
    assert_eq!(row(&first[1..], "Thu", "12:00")[3], "2025-12-11 12:00");
    assert!(required(&first, "Thu", "12:00") < required(&christmas, "Thu", "12:00"));
    assert!(required(&first, "Thu", "12:00") <= required(&first, "Wed", "12:00") + 1);
}

#[test]
fn the_erlang_start_reads_dated_demand_date_by_date() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = model(dir.path(), 22, Some("2025-12-08"));
    let text = read(&path);
    let m = controlroom::model::parse(&text, &path).unwrap_or_else(|e| panic!("{e}"));
    let cfg = controlroom::model::validate(&m, &path).unwrap_or_else(|e| panic!("{e}"));
    let rates = controlroom::plan::staffing::mean_rates(&cfg, &cfg.channels[0]);
    // Thursdays 11, 18 and 25 December: 20, 20 and 40 calls an hour.
    let thu = rates[3 * 24 + 12] * 3600.0;
    assert!((thu - 80.0 / 3.0).abs() < 1e-9, "{thu}");
    assert!((rates[2 * 24 + 12] * 3600.0 - 20.0).abs() < 1e-9);
}

#[test]
fn staff_refuses_days_outside_the_counted_run_or_an_undated_model() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let model = model(dir.path(), 22, Some("2025-12-08"));
    let out = dir.path().join("o");
    let refused = |model: &Path, from: &str, want: &str| {
        let (code, _, stderr, csv) = staff(model, &out, &["--from", from]);
        assert_eq!(code, Some(2), "{stderr}");
        assert!(stderr.contains(want), "wanted `{want}` in: {stderr}");
        assert!(csv.is_empty(), "nothing written");
    };
    let range =
        "seven days from it must lie in the counted run (2025-12-09 00:00 to 2025-12-30 00:00)";
    refused(&model, "2025-12-08", &format!("--from 2025-12-08: {range}"));
    refused(&model, "2025-12-24", &format!("--from 2025-12-24: {range}"));
    refused(
        &model,
        "24/12/2025",
        "`24/12/2025` is not a date like 2025-12-23",
    );
    let undated = self::model(dir.path(), 8, None);
    refused(&undated, "2025-12-22", "the model has no `run.start_date`");
}
