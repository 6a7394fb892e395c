//! `monthly.csv`: a run longer than a month reports service, occupancy, staff in post and
//! staffed hours month by month; the months add up to the run; a short run writes none.

mod common;

use controlroom::plan::kpi::{self, Kpi};
use controlroom::plan::monthly::monthly_csv;
use controlroom::plan::replicate::replicate;
use std::path::Path;
use std::process::{Command, Output};

/// Two channels, one group on 24-hour shifts; `run_extra` goes into `run`, `staff_extra`
/// into the staff group.
fn model(days: u32, run_extra: &str, staff_extra: &str) -> String {
    format!(
        r#"(
    name: "monthly test",
    run: (horizon_days: {days}, warmup_hours: 24, replications: 4, seed: 11,
          kpi_interval_minutes: 60, {run_extra}),
    channels: [
        (id: "999", priority: 1, arrivals: (profile: Constant(per_hour: 12)),
         talk: Exponential(mean_s: 200), patience: Some(Exponential(mean_s: 90))),
        (id: "101", priority: 2, arrivals: (profile: Constant(per_hour: 8)),
         talk: Exponential(mean_s: 300), patience: Some(Exponential(mean_s: 300))),
    ],
    staff: [(name: "handlers", skills: ["999", "101"], handlers: 8,
             rota: (shifts: [(code: "A", start: "00:00", hours: 24)], pattern: "A"),
             {staff_extra})],
)"#
    )
}

fn controlroom(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_controlroom"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run: {e}"))
}

/// Run `simulate MODEL --out OUT` with extra arguments; panics unless it succeeds.
fn simulate(model_text: &str, dir: &Path, out: &Path, extra: &[&str]) {
    let file = dir.join("model.ron");
    std::fs::write(&file, model_text).unwrap_or_else(|e| panic!("{e}"));
    let (f, o) = (file.to_string_lossy(), out.to_string_lossy());
    let mut args = vec!["simulate", &f, "--out", &o];
    args.extend_from_slice(extra);
    let done = controlroom(&args);
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
}

/// The records of a CSV text as fields (header first).
fn records(text: &str) -> Vec<Vec<String>> {
    text.lines()
        .map(|l| l.split(',').map(String::from).collect())
        .collect()
}

fn column(header: &[String], name: &str) -> usize {
    header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name}"))
}

fn number(s: &str) -> f64 {
    s.parse().unwrap_or_else(|e| panic!("`{s}`: {e}"))
}

#[test]
fn a_three_month_run_writes_a_row_per_month_and_channel_and_group() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("out");
    simulate(&model(90, "", ""), dir.path(), &out, &[]);
    let text = std::fs::read_to_string(out.join("monthly.csv")).unwrap_or_else(|e| panic!("{e}"));
    let recs = records(&text);
    let (head, rows) = (&recs[0], &recs[1..]);
    let scope = column(head, "scope");
    let channel_rows: Vec<_> = rows.iter().filter(|r| r[scope] == "channel").collect();
    let group_rows: Vec<_> = rows.iter().filter(|r| r[scope] == "group").collect();
    assert_eq!(channel_rows.len(), 3 * 2);
    assert_eq!(group_rows.len(), 3);
    let month = column(head, "month");
    let labels: Vec<&str> = group_rows.iter().map(|r| r[month].as_str()).collect();
    assert_eq!(labels, ["month 1", "month 2", "month 3"]);
    let to_day = column(head, "to_day");
    assert_eq!(number(&group_rows[2][to_day]), 90.0);
    let sl = column(head, "service_level_mean");
    for r in &channel_rows {
        let v = number(&r[sl]);
        assert!((0.0..=1.0).contains(&v), "service level {v}");
        assert!(!r[column(head, "service_level_ci95")].is_empty());
    }
    let occ = column(head, "occupancy_mean");
    for r in &group_rows {
        assert!((0.0..1.0).contains(&number(&r[occ])));
    }
}

#[test]
fn the_months_add_up_to_the_run() {
    let cfg = common::config(&model(75, "", ""));
    let reps = replicate(&cfg, &|| {});
    assert_eq!(cfg.months.len(), 3);
    for r in &reps {
        for c in 0..cfg.channels.len() {
            let total = kpi::channel_total(&r.tracker.channels[c]);
            let mut months = controlroom::sim::tracker::ChannelBin::default();
            for b in &r.tracker.month_channels[c] {
                months.merge(b);
            }
            assert_eq!(months.offered, total.offered);
            assert_eq!(months.answered, total.answered);
            assert_eq!(months.abandoned, total.abandoned);
            assert_eq!(months.answered_in_sl, total.answered_in_sl);
        }
        let staffed: f64 = r.tracker.month_groups[0].iter().map(|b| b.staffed_s).sum();
        let total = kpi::group_total(&r.tracker.groups[0]).staffed_s;
        assert!(
            (staffed - total).abs() < 1e-6 * total,
            "{staffed} vs {total}"
        );
    }
    // The file's monthly means of offered calls add up to the run's mean offered calls.
    let rows = kpi::rows(&cfg, &reps);
    let text = monthly_csv(&cfg, &reps).unwrap_or_else(|| panic!("a 75-day run writes it"));
    let recs = records(&text);
    let head = &recs[0];
    let (name, offered) = (column(head, "name"), column(head, "offered_mean"));
    for ch in &cfg.channels {
        let sum: f64 = recs[1..]
            .iter()
            .filter(|r| r[name] == ch.name)
            .map(|r| number(&r[offered]))
            .sum();
        let run = kpi::find(&rows, &ch.name, Kpi::Offered)
            .unwrap_or_else(|| panic!("no offered row"))
            .estimate()
            .mean;
        assert!((sum - run).abs() < 1e-4, "{}: {sum} vs {run}", ch.name);
    }
}

#[test]
fn a_one_week_run_writes_no_monthly_csv_and_removes_an_old_one() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("out");
    simulate(&model(7, "", ""), dir.path(), &out, &[]);
    assert!(out.join("summary.csv").exists());
    assert!(!out.join("monthly.csv").exists());
    simulate(&model(40, "", ""), dir.path(), &out, &[]);
    assert!(out.join("monthly.csv").exists());
    // A short run into the same folder leaves no stale months beside its new files.
    simulate(&model(7, "", ""), dir.path(), &out, &[]);
    assert!(!out.join("monthly.csv").exists());
    let cfg = common::config(&model(30, "", ""));
    assert!(monthly_csv(&cfg, &replicate(&cfg, &|| {})).is_none());
}

#[test]
fn attrition_shows_as_staff_in_post_and_staffed_hours_falling_month_by_month() {
    let cfg = common::config(&model(180, "", "attrition_per_month: 1"));
    let reps = replicate(&cfg, &|| {});
    let text = monthly_csv(&cfg, &reps).unwrap_or_else(|| panic!("a 180-day run writes it"));
    let recs = records(&text);
    let head = &recs[0];
    let (scope, in_post, hours) = (
        column(head, "scope"),
        column(head, "in_post_mean"),
        column(head, "staffed_hours_mean"),
    );
    let groups: Vec<&Vec<String>> = recs[1..].iter().filter(|r| r[scope] == "group").collect();
    assert_eq!(groups.len(), 6);
    let posts: Vec<f64> = groups.iter().map(|r| number(&r[in_post])).collect();
    // Nobody joins, so in post never rises; over six months some leave.
    assert!(posts.windows(2).all(|w| w[1] <= w[0]), "{posts:?}");
    assert!(posts[5] < posts[0], "{posts:?}");
    let h: Vec<f64> = groups.iter().map(|r| number(&r[hours])).collect();
    assert!(h[5] < h[1], "{h:?}");
}

#[test]
fn calendar_months_are_named_from_the_start_date() {
    let cfg = common::config(&model(60, "start_date: \"2026-01-05\"", ""));
    assert_eq!(cfg.months.labels, ["2026-01", "2026-02", "2026-03"]);
    let reps = replicate(&cfg, &|| {});
    let text = monthly_csv(&cfg, &reps).unwrap_or_else(|| panic!("a 60-day run writes it"));
    let recs = records(&text);
    let (month, to_day) = (column(&recs[0], "month"), column(&recs[0], "to_day"));
    let jan: Vec<_> = recs[1..].iter().filter(|r| r[month] == "2026-01").collect();
    assert_eq!(jan.len(), 3);
    assert_eq!(number(&jan[0][to_day]), 27.0);
}

#[test]
fn monthly_csv_is_byte_identical_whatever_the_thread_count() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let text = model(45, "", "attrition_per_month: 1");
    let (one, two) = (dir.path().join("one"), dir.path().join("two"));
    simulate(&text, dir.path(), &one, &["--threads", "1"]);
    simulate(&text, dir.path(), &two, &["--threads", "2"]);
    let read = |p: &Path| std::fs::read(p.join("monthly.csv")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(read(&one), read(&two));
    let other = dir.path().join("other");
    simulate(&text, dir.path(), &other, &["--seed", "12"]);
    assert_ne!(read(&one), read(&other));
}

#[test]
fn the_report_charts_service_level_and_occupancy_by_month() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let report = dir.path().join("report.html");
    let r = report.to_string_lossy().into_owned();
    simulate(
        &model(45, "", ""),
        dir.path(),
        &dir.path().join("out"),
        &["--report", &r],
    );
    let page = std::fs::read_to_string(&report).unwrap_or_else(|e| panic!("{e}"));
    assert!(page.contains("Service level by month"));
    assert!(page.contains("Occupancy by month"));
    // Both month charts draw each month's 95% confidence interval (and say so in a legend);
    // one replication has no interval to draw.
    let legend = "\n95% confidence interval\n</text>";
    assert_eq!(page.matches(legend).count(), 2);
    let one = dir.path().join("one.html");
    let o = one.to_string_lossy().into_owned();
    simulate(
        &model(45, "", ""),
        dir.path(),
        &dir.path().join("o1"),
        &["--report", &o, "--replications", "1"],
    );
    let single = std::fs::read_to_string(&one).unwrap_or_else(|e| panic!("{e}"));
    assert!(single.contains("Service level by month"));
    assert_eq!(single.matches(legend).count(), 0);
    // The bars: thin strokes in the series' colours (999 and the group dark blue, 101
    // orange), three (a bar and its caps) per month.
    let bars = |p: &str, colour: &str| {
        let months = &p[p.find("<h2>Months</h2>").unwrap_or(0)..];
        let end = months[1..].find("<h2>").map_or(months.len(), |e| e + 1);
        months[..end]
            .matches(&format!("stroke=\"#{colour}\" stroke-width=\"1\""))
            .count()
    };
    assert_eq!(
        (bars(&page, "1F4E79"), bars(&page, "C44E00")),
        (2 * 3 * 2, 2 * 3)
    );
    assert_eq!((bars(&single, "1F4E79"), bars(&single, "C44E00")), (0, 0));
    let short = dir.path().join("short.html");
    let s = short.to_string_lossy().into_owned();
    simulate(
        &model(7, "", ""),
        dir.path(),
        &dir.path().join("o2"),
        &["--report", &s],
    );
    let page = std::fs::read_to_string(&short).unwrap_or_else(|e| panic!("{e}"));
    assert!(!page.contains("Service level by month"));
}

#[test]
fn workforce_csv_uses_the_same_calendar_months_as_monthly_csv() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("out");
    let text = model(40, "start_date: \"2026-01-26\"", "attrition_per_month: 1");
    simulate(&text, dir.path(), &out, &[]);
    let read = |f: &str| records(&std::fs::read_to_string(out.join(f)).unwrap_or_default());
    let (work, months) = (read("workforce.csv"), read("monthly.csv"));
    let (w, m) = (&work[0], &months[0]);
    let cols = |r: &[String], names: [&str; 3], head: &[String]| -> Vec<String> {
        names.iter().map(|n| r[column(head, n)].clone()).collect()
    };
    // 26 January to 7 March: six days of January, February's 28, six of March.
    let rows: Vec<Vec<String>> = work[1..]
        .iter()
        .map(|r| cols(r, ["month", "from_day", "to_day"], w))
        .collect();
    assert_eq!(
        rows,
        [
            ["2026-01", "0", "6"],
            ["2026-02", "6", "34"],
            ["2026-03", "34", "40"]
        ]
    );
    // The month's handlers in post are monthly.csv's, month for month.
    let groups: Vec<&Vec<String>> = months[1..]
        .iter()
        .filter(|r| r[column(m, "scope")] == "group")
        .collect();
    assert_eq!(groups.len(), 3);
    for (a, b) in work[1..].iter().zip(&groups) {
        assert_eq!(a[column(w, "month")], b[column(m, "month")]);
        assert_eq!(a[column(w, "in_post_mean")], b[column(m, "in_post_mean")]);
    }
    // Staffed hours (warm-up included) follow the months' lengths: February is more than
    // four times January's six days, less than the 28/6 it would be with nobody leaving.
    let hours: Vec<f64> = work[1..]
        .iter()
        .map(|r| number(&r[column(w, "staffed_hours_mean")]))
        .collect();
    assert!(hours[0] <= 8.0 * 24.0 * 6.0 + 1e-6, "{hours:?}");
    assert!(
        hours[1] > 4.0 * hours[0] && hours[1] < 28.0 / 6.0 * hours[0],
        "{hours:?}"
    );
    // Without a start date the months are 30 days, numbered.
    let plain = dir.path().join("plain");
    simulate(&model(40, "", ""), dir.path(), &plain, &[]);
    let work = records(&std::fs::read_to_string(plain.join("workforce.csv")).unwrap_or_default());
    let rows: Vec<Vec<String>> = work[1..]
        .iter()
        .map(|r| cols(r, ["month", "from_day", "to_day"], &work[0]))
        .collect();
    assert_eq!(rows, [["1", "0", "30"], ["2", "30", "40"]]);
    assert_eq!(
        number(&work[1][column(&work[0], "staffed_hours_mean")]),
        8.0 * 24.0 * 30.0
    );
}
