//! Requirement and roster per desk: each staff group is a desk with its skills and routing;
//! `staff` says how many of each desk each interval needs, `roster` rosters each desk on its
//! own, and both outputs, simulated with a fresh seed, meet every target. `--pooled` gives the
//! one-group answer.

mod common;

use controlroom::model;
use controlroom::plan::kpi;
use controlroom::plan::replicate::replicate;
use controlroom::plan::staffing::{self, StaffingOptions, desks};
use std::path::Path;
use std::process::{Command, Output};

/// A 999 desk taking 999 only, and call handlers taking 101 and, when the 999 desk is busy,
/// 999; a day of warm-up and a week counted.
const TWO_DESKS: &str = r#"(
    name: "two desks",
    run: (horizon_days: 8, warmup_hours: 24, replications: 4, seed: 31, kpi_interval_minutes: 60),
    channels: [(
        id: "999",
        priority: 1,
        arrivals: (profile: Constant(per_hour: 20)),
        talk: Exponential(mean_s: 200),
        patience: Some(Exponential(mean_s: 90)),
        service_level: (threshold_s: 10, target: 0.9),
    ), (
        id: "101",
        priority: 2,
        arrivals: (profile: Constant(per_hour: 30)),
        talk: Exponential(mean_s: 300),
        patience: Some(Exponential(mean_s: 400)),
        service_level: (threshold_s: 60, target: 0.8),
    )],
    staff: [(
        name: "999 desk",
        skills: ["999"],
        handlers: 3,
        rota: (shifts: [(code: "A", start: "00:00", hours: 24)], pattern: "A"),
    ), (
        name: "Call handlers",
        skills: ["999", "101"],
        handling_multiplier: 1.1,
        handlers: 4,
        rota: (shifts: [(code: "A", start: "00:00", hours: 24)], pattern: "A"),
    )],
)"#;

fn controlroom(args: &[&str]) -> Output {
    match Command::new(env!("CARGO_BIN_EXE_controlroom"))
        .args(args)
        .output()
    {
        Ok(o) => o,
        Err(e) => panic!("cannot run controlroom: {e}"),
    }
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Simulate a written model with a seed neither search used; every channel meets its target.
fn meets_targets_with_a_fresh_seed(path: &Path) {
    let loaded = model::load(Some(path)).unwrap_or_else(|e| panic!("{e}"));
    let mut cfg = loaded.config;
    cfg.seed = 424_242;
    cfg.replications = 10;
    let rows = kpi::rows(&cfg, &replicate(&cfg, &|| {}));
    for c in &cfg.channels {
        let e = kpi::find(&rows, &c.name, kpi::Kpi::ServiceLevel)
            .unwrap_or_else(|| panic!("no service level for {}", c.name))
            .estimate();
        assert!(
            e.mean >= c.sl_target,
            "{}: {} below {} ({})",
            path.display(),
            e.mean,
            c.sl_target,
            c.name
        );
    }
}

#[test]
fn each_channel_has_its_home_desk_and_overflow_desks_are_no_home() {
    let cfg = common::default_config();
    let opts = StaffingOptions::default();
    let targets = staffing::targets(&cfg, &opts).unwrap_or_else(|e| panic!("{e}"));
    let d = desks::desks_of(&cfg, &opts);
    let names: Vec<&str> = desks::homes(&cfg, &d, &targets)
        .into_iter()
        .map(|k| d[k].name.as_str())
        .collect();
    // 999: the specialist desk; 101: call handlers, the larger of the two-skill desks taking
    // it; digital: the digital desk, with fewer skills than the pooled desk.
    assert_eq!(names, ["999 desk", "Call handlers", "Digital desk"]);
    let pooled = desks::desks_of(
        &cfg,
        &StaffingOptions {
            pooled: true,
            ..opts.clone()
        },
    );
    assert_eq!(pooled.len(), 1);
    assert_eq!(pooled[0].skills.len(), cfg.channels.len());

    // A desk that takes 101 only while more than two wait is not 101's home, however large.
    let text = common::single_queue(40.0, 200.0, 3, None)
        .replace(
            "channels: [(",
            r#"channels: [(
        id: "101",
        priority: 2,
        arrivals: (profile: Constant(per_hour: 20)),
        talk: Exponential(mean_s: 300),
    ), ("#,
        )
        .replace(
            "    )],\n)",
            r#"    ), (
        name: "overflow",
        skills: ["999", "101"],
        routing: [(channel: "101", when_waiting_over: 2), (channel: "999")],
        handlers: 50,
        rota: (shifts: [(code: "A", start: "00:00", hours: 24)], pattern: "A"),
    ), (
        name: "101 desk",
        skills: ["101", "999"],
        routing: [(channel: "101"), (channel: "999")],
        handlers: 2,
        rota: (shifts: [(code: "A", start: "00:00", hours: 24)], pattern: "A"),
    )],
)"#,
        );
    let cfg = common::config(&text);
    let targets = staffing::targets(&cfg, &opts).unwrap_or_else(|e| panic!("{e}"));
    let d = desks::desks_of(&cfg, &opts);
    let homes: Vec<&str> = desks::homes(&cfg, &d, &targets)
        .into_iter()
        .map(|k| d[k].name.as_str())
        .collect();
    assert_eq!(homes, ["101 desk", "all"]);
}

#[test]
fn staff_gives_each_desk_its_part_and_the_staffed_model_meets_the_targets() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let m = dir.path().join("two.ron");
    std::fs::write(&m, TWO_DESKS).unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("staff");
    let report = dir.path().join("staff.html");
    let o = controlroom(&[
        "staff",
        &m.to_string_lossy(),
        "--replications",
        "4",
        "--out",
        &out.to_string_lossy(),
        "--report",
        &report.to_string_lossy(),
    ]);
    assert!(o.status.success(), "{}", text(&o));
    let html = read(&report);
    for part in [
        "Handlers on duty required, by desk",
        "999 desk",
        "Call handlers",
    ] {
        assert!(html.contains(part), "the staffing report has no `{part}`");
    }
    let said = text(&o);
    assert!(said.contains("home desk 999 desk") && said.contains("home desk Call handlers"));
    let csv = read(&out.join("staffing.csv"));
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap_or_default().split(',').collect();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| *h == name)
            .unwrap_or_else(|| panic!("no column {name} in {header:?}"))
    };
    let (req, a, b) = (
        col("required"),
        col("required:999 desk"),
        col("required:Call handlers"),
    );
    let (mut desk999, mut handlers) = (0, 0);
    for line in lines {
        let f: Vec<u32> = line
            .split(',')
            .enumerate()
            .filter(|(k, _)| [req, a, b].contains(k))
            .map(|(_, v)| v.parse().unwrap_or_else(|e| panic!("{line}: {e}")))
            .collect();
        assert_eq!(
            f[0],
            f[1] + f[2],
            "the desks add up to the requirement: {line}"
        );
        desk999 += f[1];
        handlers += f[2];
    }
    assert!(desk999 > 0 && handlers > 0, "both desks are staffed");
    // staffing.ron: one on-duty group per desk, with the desk's skills and multiplier.
    let staffed = model::load(Some(&out.join("staffing.ron"))).unwrap_or_else(|e| panic!("{e}"));
    let groups: Vec<(&str, usize, f64)> = staffed
        .model
        .staff
        .iter()
        .map(|g| (g.name.as_str(), g.skills.len(), g.handling_multiplier))
        .collect();
    assert_eq!(groups, [("999 desk", 1, 1.0), ("Call handlers", 2, 1.1)]);
    meets_targets_with_a_fresh_seed(&out.join("staffing.ron"));

    // --pooled: one group taking both channels, and no desk columns.
    let pooled = dir.path().join("pooled");
    let o = controlroom(&[
        "staff",
        &m.to_string_lossy(),
        "--replications",
        "4",
        "--pooled",
        "--out",
        &pooled.to_string_lossy(),
    ]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(!read(&pooled.join("staffing.csv")).contains("required:"));
    let one = model::load(Some(&pooled.join("staffing.ron"))).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(one.model.staff.len(), 1);
    assert_eq!(one.model.staff[0].skills.len(), 2);
}

#[test]
fn roster_rosters_each_desk_on_its_own_lines_and_meets_the_targets() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let m = dir.path().join("two.ron");
    std::fs::write(&m, TWO_DESKS).unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("roster");
    let report = dir.path().join("roster.html");
    let o = controlroom(&[
        "roster",
        &m.to_string_lossy(),
        "--replications",
        "4",
        "--out",
        &out.to_string_lossy(),
        "--report",
        &report.to_string_lossy(),
    ]);
    assert!(o.status.success(), "{}", text(&o));
    // the report: one cover chart per desk and one for all desks together
    let html = read(&report);
    for part in [
        "999 desk: handlers required and rostered",
        "Call handlers: handlers required and rostered",
        "All desks: required, roster and current rota",
    ] {
        assert!(html.contains(part), "the roster report has no `{part}`");
    }
    assert!(!html.contains("chart could not be drawn"));
    // roster.csv: both desks, each row's desk one of the model's groups.
    let csv = read(&out.join("roster.csv"));
    let desks: std::collections::BTreeSet<&str> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap_or_default())
        .collect();
    assert_eq!(
        desks.into_iter().collect::<Vec<_>>(),
        ["999 desk", "Call handlers"]
    );
    // cover.csv: each desk's required against its own lines, none short.
    let cover = read(&out.join("cover.csv"));
    for line in cover.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        let surplus: f64 = f[6].parse().unwrap_or_else(|e| panic!("{line}: {e}"));
        assert!(surplus >= -1e-6, "short: {line}");
    }
    // roster.ron: every line keeps its desk's skills and multiplier.
    let rostered = model::load(Some(&out.join("roster.ron"))).unwrap_or_else(|e| panic!("{e}"));
    for g in &rostered.model.staff {
        let want = if g.name.starts_with("999 desk") {
            (vec!["999".to_string()], 1.0)
        } else if g.name.starts_with("Call handlers") {
            (vec!["999".to_string(), "101".to_string()], 1.1)
        } else {
            panic!("a line of no desk: {}", g.name)
        };
        assert_eq!(
            (g.skills.clone(), g.handling_multiplier),
            want,
            "{}",
            g.name
        );
    }
    meets_targets_with_a_fresh_seed(&out.join("roster.ron"));
}
