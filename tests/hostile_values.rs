//! Hostile values and sizes: every case of issue 12 that used to abort, hang, run out of
//! memory, be silently accepted or answer in a programmer's words. Each run is bounded in time
//! and memory (see `hostile_run`) and must exit 2 with the field, the limit and no long echo.

mod hostile_run;

use hostile_run::{Outcome, repo, run, s};
use std::path::{Path, PathBuf};

fn default_model() -> String {
    std::fs::read_to_string(repo().join("scenarios/planning/default.ron")).unwrap()
}

/// The default model with `from` replaced by `to` (which must occur), written to `dir`.
fn model_with(dir: &Path, from: &str, to: &str) -> PathBuf {
    let text = default_model();
    assert!(text.contains(from), "`{from}` not in the default model");
    let p = dir.join("model.ron");
    std::fs::write(&p, text.replacen(from, to, 1)).unwrap();
    p
}

fn simulate(model: &Path) -> Outcome {
    run(&["simulate", s(model), "--replications", "1"])
}

/// A short message: no number of 30 or more digits echoed back.
fn no_long_echo(o: &Outcome) {
    let longest = o
        .stderr
        .split(|c: char| !c.is_ascii_digit())
        .map(str::len)
        .max()
        .unwrap_or(0);
    assert!(
        longest < 30,
        "a {longest}-digit number echoed: {}",
        o.stderr
    );
}

fn model_case(from: &str, to: &str, words: &[&str]) {
    let t = tempfile::tempdir().unwrap();
    let m = model_with(t.path(), from, to);
    let o = simulate(&m);
    o.exits(2, to).says(words, to);
    no_long_echo(&o);
}

#[test]
fn replications_out_of_range_or_misspelt() {
    let r = "replications: 30,";
    model_case(
        r,
        "replications: 4294967295,",
        &["run.replications", "10000"],
    );
    model_case(
        r,
        "replications: -1,",
        &["replications", "below 0", "like 30"],
    );
    model_case(
        r,
        "replications: 1e3,",
        &["replications", "`1e3` is not a whole number"],
    );
    for cmd in [
        vec!["simulate", "--replications", "4294967295"],
        vec!["staff", "--replications", "4294967295"],
        vec![
            "sweep",
            "scenarios/planning/sweeps/grid.ron",
            "--replications",
            "4294967295",
        ],
    ] {
        run(&cmd)
            .exits(2, &format!("{cmd:?}"))
            .says(&["10000"], "the limit");
    }
    let t = tempfile::tempdir().unwrap();
    let sw = t.path().join("s.ron");
    std::fs::write(&sw, "(name: \"x\", replications: 4294967295)").unwrap();
    run(&["sweep", s(&sw), "--out", s(t.path())])
        .exits(2, "sweep file replications")
        .says(&["replications", "10000"], "the limit");
}

#[test]
fn huge_staff_counts_are_refused_before_allocation() {
    model_case(
        "handlers: 4, ",
        "handlers: 4000000000, ",
        &["staff[0].handlers", "10000"],
    );
    model_case(
        "teams: 5, ",
        "teams: 1000000000, ",
        &["staff[0].teams", "1000"],
    );
}

#[test]
fn huge_demand_is_refused_before_allocation() {
    model_case(
        "per_day: [600, ",
        "per_day: [1e12, ",
        &["channels[0].arrivals", "calls an hour", "100000"],
    );
    model_case(
        "surges: [],",
        r#"surges: [(day: 5, start: "21:00", hours: 3, multiplier: 1e12)],"#,
        &["surges[0].multiplier", "1e12", "100"],
    );
    // A CSV profile with a count of 1e12 calls in one interval.
    let t = tempfile::tempdir().unwrap();
    let mut counts = String::from("start,count\n");
    for k in 0..336u32 {
        let (day, h, m) = (6 + k / 48, (k % 48) / 2, (k % 2) * 30);
        let n = if k == 0 { "1000000000000" } else { "10" };
        counts.push_str(&format!("2025-01-{day:02} {h:02}:{m:02},{n}\n"));
    }
    std::fs::write(t.path().join("counts.csv"), counts).unwrap();
    let text = default_model();
    let start = text.find("profile: Daily(").unwrap();
    let end = start + text[start..].find("),\n").unwrap() + 2;
    let text = format!(
        "{}profile: Csv(path: \"counts.csv\", interval_minutes: 30),{}",
        &text[..start],
        &text[end..]
    );
    std::fs::write(t.path().join("model.ron"), text).unwrap();
    let o = simulate(&t.path().join("model.ron"));
    o.exits(2, "CSV count 1e12")
        .says(&["calls an hour"], "names the rate");
    // A sweep demand factor of 1e12.
    let sw = t.path().join("s.ron");
    std::fs::write(
        &sw,
        r#"(name: "x", variants: [(name: "a", overrides: [Demand(factor: 1e12)])])"#,
    )
    .unwrap();
    run(&["sweep", s(&sw), "--out", s(t.path())])
        .exits(2, "demand factor")
        .says(&["factor", "1e12", "100"], "the limit");
}

#[test]
fn report_windows_are_all_checked_and_reported_together() {
    let w = r#"(name: "Fri night", days: ["Fri"], start: "18:00", hours: 8),"#;
    model_case(
        w,
        &w.replace("hours: 8", "hours: 1e308"),
        &["windows[0].hours", "168", "1e308"],
    );
    model_case(
        w,
        &w.replace("hours: 8", "hours: 1e15"),
        &["windows[0].hours", "1e15"],
    );
    // Two problems in one window: both reported, in one message.
    let bad = r#"(name: "", days: ["Funday"], start: "18:00", hours: 8),"#;
    model_case(
        w,
        bad,
        &[
            "windows[0].name",
            "windows[0].days[0]",
            "Funday",
            "2 problems",
        ],
    );
}

#[test]
fn threads_and_sweep_size_have_limits() {
    for cmd in [
        vec!["simulate", "--threads", "100000"],
        vec!["staff", "--threads", "100000"],
        vec![
            "sweep",
            "scenarios/planning/sweeps/grid.ron",
            "--threads",
            "100000",
        ],
    ] {
        run(&cmd)
            .exits(2, &format!("{cmd:?}"))
            .says(&["--threads", "256"], "limit");
    }
    let t = tempfile::tempdir().unwrap();
    let values = |f: &dyn Fn(usize) -> String| {
        (0..1000)
            .map(|i| format!("\"{}\"", f(i)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let sw = t.path().join("grid.ron");
    std::fs::write(
        &sw,
        format!(
            "(name: \"big\", replications: 2, grid: [\
             (path: \"staff[Call handlers].handlers\", values: [{}]),\
             (path: \"channels[101].callback.take_up\", values: [{}])])",
            values(&|i| i.to_string()),
            values(&|i| format!("0.{i}"))
        ),
    )
    .unwrap();
    run(&["sweep", s(&sw), "--out", s(t.path())])
        .exits(2, "1000 x 1000 grid")
        .says(&["1000001 variants", "1000"], "the count and the limit");
}

#[test]
fn a_live_state_with_impossible_counts_is_refused() {
    let t = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(repo().join("scenarios/planning/states/friday-evening.ron"))
        .unwrap();
    let busy = r#"(group: "999 desk", channel: "999", handlers: 3)"#;
    assert!(text.contains(busy));
    // Busy handlers in a group with no on_duty line: checked against the group's headcount.
    let text = text
        .replace(r#"(group: "999 desk", handlers: 3),"#, "")
        .replace(busy, &busy.replace("handlers: 3", "handlers: 4000000000"));
    let p = t.path().join("state.ron");
    std::fs::write(&p, text).unwrap();
    run(&["simulate", "--from-state", s(&p), "--replications", "1"])
        .exits(2, "4e9 busy")
        .says(&["busy[0].handlers", "4000000000"], "names field and value");
    let day = std::fs::read_to_string(repo().join("scenarios/planning/states/friday-evening.ron"))
        .unwrap()
        .replace(r#"day: "Fri""#, r#"day: "Funday""#);
    std::fs::write(&p, day).unwrap();
    run(&["simulate", "--from-state", s(&p), "--replications", "1"])
        .exits(2, "Funday")
        .says(&["day", "Funday", "Mon, Tue"], "the allowed days");
}

#[test]
fn text_that_is_not_utf8_or_not_a_value_is_explained() {
    let t = tempfile::tempdir().unwrap();
    let p = t.path().join("model.ron");
    let mut bytes = default_model().into_bytes();
    bytes.extend_from_slice(b"\n// caf\xe9\n");
    std::fs::write(&p, bytes).unwrap();
    simulate(&p)
        .exits(2, "latin-1 model")
        .says(&["not UTF-8", "save the file as UTF-8"], "fix");
    let sw = t.path().join("s.ron");
    std::fs::write(
        &sw,
        r#"(name: "x", variants: [(name: "a", overrides: [Set(path: "staff[Call handlers].handlers", value: "ten")])])"#,
    )
    .unwrap();
    let o = run(&["sweep", s(&sw), "--out", s(t.path())]);
    o.exits(2, "override `ten`")
        .says(&["`ten` is not a whole number", "e.g. 10"], "in words");
    assert!(!o.stderr.contains("null"), "{}", o.stderr);
    // A 300-digit number in a float field is not echoed back digit by digit.
    model_case(
        "hours: 8)",
        &format!("hours: 1{})", "0".repeat(300)),
        &["hours", "1e300"],
    );
    // A byte-order mark and CRLF line endings (Windows Notepad) are fine.
    let crlf = format!("\u{feff}{}", default_model().replace('\n', "\r\n"));
    std::fs::write(&p, crlf).unwrap();
    simulate(&p).exits(0, "BOM + CRLF model");
}

#[test]
fn a_shard_with_crlf_line_endings_merges() {
    let t = tempfile::tempdir().unwrap();
    let sw = "scenarios/planning/sweeps/what-ifs.ron";
    let out = s(t.path());
    run(&[
        "sweep",
        sw,
        "--replications",
        "2",
        "--shard",
        "1/1",
        "--out",
        out,
    ])
    .exits(0, "shard run");
    let shard = t.path().join("shard-1-of-1.csv");
    let text = std::fs::read_to_string(&shard).unwrap();
    std::fs::write(&shard, text.replace('\n', "\r\n")).unwrap();
    run(&["merge", s(&shard), "--out", out]).exits(0, "CRLF shard merges");
    assert!(t.path().join("sweep.csv").exists());
}

#[test]
fn an_input_over_the_size_limit_is_refused_unread() {
    let t = tempfile::tempdir().unwrap();
    let p = t.path().join("huge.ron");
    // A sparse file: 300 MB long, no disk used.
    let f = std::fs::File::create(&p).unwrap();
    f.set_len(300 << 20).unwrap();
    simulate(&p)
        .exits(2, "300 MB model")
        .says(&["300 MB", "256 MB"], "size and limit");
}

#[test]
fn fuzz_finding_non_ascii_text_in_a_history_timestamp_is_an_error_not_a_panic() {
    // Found by the `history_csv` fuzz target (2026-12-02): a two-byte character where a
    // timestamp's offset would sit panicked the importer (a string sliced inside a character).
    let t = tempfile::tempdir().unwrap();
    std::fs::copy(
        repo().join("tests/data/fuzz/history_csv-non-ascii-offset.csv"),
        t.path().join("counts.csv"),
    )
    .unwrap();
    let model = t.path().join("model.ron");
    std::fs::write(
        &model,
        r#"(
    name: "csv fuzz finding",
    run: (horizon_days: 2, warmup_hours: 0, replications: 1, seed: 1, kpi_interval_minutes: 60),
    channels: [(
        id: "999", priority: 1,
        arrivals: (profile: Csv(path: "counts.csv", interval_minutes: 30)),
        talk: Exponential(mean_s: 180),
        service_level: (threshold_s: 10, target: 0.9),
    )],
    staff: [(name: "all", skills: ["999"], handlers: 2,
             rota: (shifts: [(code: "A", start: "00:00", hours: 24)], pattern: "A"))],
)"#,
    )
    .unwrap();
    let o = simulate(&model);
    o.exits(2, "non-ASCII timestamp")
        .says(&["counts.csv"], "non-ASCII timestamp");
}
