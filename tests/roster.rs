//! `controlroom roster`: the default force's pooled roster meets its targets with a fresh seed
//! and pays fewer hours than the current rota (per desk, see `tests/desks.rs`); bad rules and unmeetable requirements are refused
//! with the reason.

use controlroom::model::{self, DEFAULT_MODEL};
use controlroom::plan::kpi;
use controlroom::plan::replicate::replicate;
use controlroom::plan::staffing::rota_hours;
use controlroom::plan::sweep;
use std::path::Path;
use std::process::{Command, Output};

fn roster(args: &[&str]) -> Output {
    match Command::new(env!("CARGO_BIN_EXE_controlroom"))
        .arg("roster")
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

/// The default model with a `rostering` section.
fn with_rules(dir: &Path, rules: &str) -> String {
    let body = DEFAULT_MODEL.trim_end();
    let Some(cut) = body.rfind(')') else {
        panic!("the default model does not end in `)`")
    };
    let text = format!("{}    rostering: {rules},\n)\n", &body[..cut]);
    let path = dir.join("model.ron");
    if let Err(e) = std::fs::write(&path, text) {
        panic!("{e}");
    }
    path.to_string_lossy().into_owned()
}

#[test]
fn the_default_force_pooled_roster_meets_every_target_with_a_fresh_seed_and_pays_less() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("out");
    let report = dir.path().join("roster.html");
    let o = roster(&[
        "--pooled",
        "--out",
        &out.to_string_lossy(),
        "--report",
        &report.to_string_lossy(),
    ]);
    assert!(o.status.success(), "{}", text(&o));

    // roster.csv: paid hours below the current rota's.
    let csv = std::fs::read_to_string(out.join("roster.csv")).unwrap_or_else(|e| panic!("{e}"));
    let mut paid = 0.0;
    for line in csv.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        assert_eq!(f.len(), 6, "{line}");
        let hours: f64 = f[4].parse().unwrap_or_else(|e| panic!("{line}: {e}"));
        let handlers: f64 = f[5].parse().unwrap_or_else(|e| panic!("{line}: {e}"));
        assert!([8.0, 10.0, 12.0].contains(&hours), "{line}");
        paid += hours * handlers;
    }
    let current = match model::load(None) {
        Ok(l) => rota_hours(&l.config).0,
        Err(e) => panic!("{e}"),
    };
    assert!(
        paid < current,
        "roster pays {paid} h, the current rota {current} h"
    );

    // the report: paid hours against the rota and the bound, the cover chart, the rota grid
    // with one row per staff group of roster.ron
    let html = std::fs::read_to_string(&report).unwrap_or_else(|e| panic!("{e}"));
    assert!(html.starts_with("<!DOCTYPE html>") && html.ends_with("</html>\n"));
    for part in [
        "Rota grid",
        "relaxation bound",
        "current rota",
        "Rostered: handlers required and rostered",
        "<th>Mon</th>",
        "<td>off</td>",
    ] {
        assert!(html.contains(part), "the report has no `{part}`");
    }
    assert_eq!(html.matches("<svg").count(), 2, "two charts");
    assert!(!html.contains("chart could not be drawn"));
    assert!(
        html.contains(&format!("<td>{paid:.0}</td>")),
        "the report shows the paid hours {paid}"
    );

    // roster.ron runs, and with a seed no round used every channel and window meets its target.
    let path = out.join("roster.ron");
    let loaded = model::load(Some(&path)).unwrap_or_else(|e| panic!("{e}"));
    let mut cfg = loaded.config;
    cfg.seed = 777_001;
    cfg.replications = 20;
    let reps = replicate(&cfg, &|| {});
    let rows = kpi::rows(&cfg, &reps);
    let mut names: Vec<(String, f64)> = cfg
        .channels
        .iter()
        .map(|c| (c.name.clone(), c.sl_target))
        .collect();
    for (w, _) in &cfg.windows {
        for c in cfg.channels.iter().filter(|c| !c.deferrable) {
            names.push((format!("{} @ {w}", c.name), c.sl_target));
        }
    }
    for (name, target) in names {
        let Some(row) = kpi::find(&rows, &name, kpi::Kpi::ServiceLevel) else {
            panic!("no service level for {name}")
        };
        let e = row.estimate();
        assert!(e.mean >= target, "{name}: {} below {target}", e.mean);
    }
    // every handler's line keeps the rest rule and at most five days in a row (the defaults)
    for g in &loaded.model.staff {
        let Some(rota) = &g.rota else {
            panic!("{}: no rota", g.name)
        };
        assert_eq!(rota.pattern.len(), 7);
        let on = rota.pattern.chars().filter(|c| *c != '-').count();
        assert!((4..=5).contains(&on), "{}: {}", g.name, rota.pattern);
        assert!(rota.shifts.iter().all(|s| 24.0 - s.hours >= 11.0));
        // its row in the report's grid: the shift on the days it works, off on the others
        let s = &rota.shifts[0];
        let cells: Vec<String> = rota
            .pattern
            .chars()
            .map(|c| {
                if c == '-' {
                    "<td>off</td>".to_string()
                } else {
                    let end = (s.start[..2].parse::<f64>().unwrap_or(f64::NAN) + s.hours) % 24.0;
                    format!("<td>{}–{:02}{}</td>", s.start, end as u32, &s.start[2..])
                }
            })
            .collect();
        let row = format!(
            "<tr><td>{}</td><td>{}</td>{}",
            g.name,
            g.handlers,
            cells.concat()
        );
        assert!(html.contains(&row), "no grid row {row}");
    }
}

#[test]
fn a_report_path_that_is_a_folder_or_fifo_is_refused_before_the_run() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let folder = dir.path().join("report.html");
    std::fs::create_dir(&folder).unwrap_or_else(|e| panic!("{e}"));
    let o = roster(&["--report", &folder.to_string_lossy()]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("report.html"), "{}", text(&o));
    // refused before the work, not after it
    assert!(
        !text(&o).contains("finding the requirement"),
        "{}",
        text(&o)
    );
    assert!(folder.is_dir(), "the folder is left alone");
    let fifo = dir.path().join("fifo.html");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if made.is_ok_and(|s| s.success()) {
        let o = roster(&["--report", &fifo.to_string_lossy()]);
        assert_eq!(o.status.code(), Some(2), "{}", text(&o));
        assert!(text(&o).contains("FIFO"), "{}", text(&o));
    }
}

#[test]
fn a_window_shorter_than_any_shift_is_bad_input() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let m = with_rules(
        dir.path(),
        r#"(lengths_hours: [8, 10], earliest_start: "09:00", latest_end: "15:00")"#,
    );
    let o = roster(&[&m]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    let t = text(&o);
    assert!(
        t.contains("model.ron") && t.contains("latest_end") && t.contains("6 h"),
        "{t}"
    );
}

#[test]
fn a_requirement_no_allowed_shift_reaches_names_the_intervals() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let m = with_rules(
        dir.path(),
        r#"(lengths_hours: [8], earliest_start: "07:00", latest_start: "09:00")"#,
    );
    let o = roster(&[&m, "--replications", "4"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    let t = text(&o);
    assert!(
        t.contains("cannot be met") && t.contains("Mon 02:00"),
        "{t}"
    );
}

fn controlroom(args: &[&str]) -> Output {
    match Command::new(env!("CARGO_BIN_EXE_controlroom"))
        .args(args)
        .output()
    {
        Ok(o) => o,
        Err(e) => panic!("cannot run controlroom: {e}"),
    }
}

#[test]
fn the_example_roster_sweep_changes_each_variants_rules() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/planning/sweeps/roster-rules.ron");
    let file = sweep::read(&path).unwrap_or_else(|e| panic!("{e}"));
    let plan = sweep::roster::load(&path, &file, None, None).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(plan.variants[0].name, "base");
    assert_eq!(plan.replications, 10);
    let rules = |name: &str| match plan.variants.iter().find(|v| v.name == name) {
        Some(v) => &v.rules,
        None => panic!("no variant `{name}`"),
    };
    // the base keeps the defaults: 8, 10 and 12 hours from any hour
    assert_eq!(rules("base").shifts.len(), 24 * 3);
    let late: Vec<(String, f64)> = rules("10 h, late at 16:00")
        .shifts
        .iter()
        .map(|s| (s.start_label(), s.length_s / 3600.0))
        .collect();
    let want = [("07:00", 10.0), ("16:00", 10.0), ("22:00", 10.0)];
    assert_eq!(late, want.map(|(s, h)| (s.to_string(), h)));
    assert_eq!(rules("four days on only").days_on, [4]);
    assert!(
        rules("8 or 10-hour shifts")
            .shifts
            .iter()
            .all(|s| s.length_s <= 36_000.0)
    );
}

#[test]
fn a_roster_sweep_compares_paid_hours_and_service_side_by_side() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let file = dir.path().join("sweep.ron");
    let body = r##"(
        name: "12-hour days and nights against free choice",
        kind: Roster,
        variants: [(
            name: "12 h at 07:00 and 19:00",
            overrides: [
                Set(path: "rostering.lengths_hours", value: "[12]"),
                Set(path: "rostering.starts", value: r#"["07:00", "19:00"]"#),
            ],
        )],
    )"##;
    std::fs::write(&file, body).unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("out");
    let o = controlroom(&[
        "sweep",
        &file.to_string_lossy(),
        "--out",
        &out.to_string_lossy(),
    ]);
    assert!(o.status.success(), "{}", text(&o));
    let t = text(&o);
    assert!(
        t.contains("12 h at 07:00 and 19:00") && t.contains("paid h/wk"),
        "{t}"
    );

    let csv =
        std::fs::read_to_string(out.join("roster-sweep.csv")).unwrap_or_else(|e| panic!("{e}"));
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap_or_default().split(',').collect();
    assert_eq!(
        &header[..4],
        [
            "variant",
            "handlers",
            "paid_hours",
            "current_rota_paid_hours"
        ]
    );
    assert!(
        header.contains(&"service_level 999 @ Fri night"),
        "{header:?}"
    );
    let col = |name: &str| match header.iter().position(|h| *h == name) {
        Some(i) => i,
        None => panic!("no column {name}"),
    };
    let rows: Vec<Vec<String>> = lines
        .map(|l| l.split(',').map(String::from).collect())
        .collect();
    assert_eq!(rows.len(), 2, "{csv}");
    let num = |r: &[String], c: &str| -> f64 {
        r[col(c)]
            .parse()
            .unwrap_or_else(|e| panic!("{c} `{}`: {e}", r[col(c)]))
    };
    for r in &rows {
        assert_eq!(r[col("targets_met")], "true", "{r:?}");
        assert!(num(r, "paid_hours") >= num(r, "lp_bound"), "{r:?}");
        let gap = (num(r, "paid_hours") - num(r, "lp_bound")) / num(r, "paid_hours");
        assert!((gap - num(r, "gap")).abs() < 1e-3, "{r:?}");
        assert!(num(r, "service_level 999") >= 0.9, "{r:?}");
    }
    let (base, twelve) = (&rows[0], &rows[1]);
    assert_eq!(
        (base[0].as_str(), twelve[0].as_str()),
        ("base", "12 h at 07:00 and 19:00")
    );
    // the variant's rules hold: only 12-hour shifts, four or five a week (48 or 60 hours)
    assert_eq!(num(twelve, "paid_hours") % 12.0, 0.0, "{twelve:?}");
    // two fixed shifts cannot follow the requirement's daily rise and fall as free choice can
    assert!(num(twelve, "lp_bound") > num(base, "lp_bound"), "{csv}");
    assert!(num(twelve, "paid_hours") > num(base, "paid_hours"), "{csv}");
}

#[test]
fn a_roster_sweep_with_contradictory_rules_is_refused_before_any_work() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let file = dir.path().join("sweep.ron");
    let body = r#"(kind: Roster, variants: [(name: "long days", overrides: [Set(path: "rostering.lengths_hours", value: "[14]")])])"#;
    std::fs::write(&file, body).unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("out");
    let o = controlroom(&[
        "sweep",
        &file.to_string_lossy(),
        "--out",
        &out.to_string_lossy(),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    let t = text(&o);
    assert!(
        t.contains("long days") && t.contains("min_rest_hours") && t.contains("sweep.ron"),
        "{t}"
    );
    assert!(
        !t.contains("rostering variant"),
        "refused before rostering: {t}"
    );
    assert!(!out.exists(), "nothing written");
    let o = controlroom(&["sweep", &file.to_string_lossy(), "--shard", "1/2"]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
}
