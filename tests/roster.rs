//! `controlroom roster`: the default force's roster meets its targets with a fresh seed and
//! pays fewer hours than the current rota; bad rules and unmeetable requirements are refused
//! with the reason.

use controlroom::model::{self, DEFAULT_MODEL};
use controlroom::plan::kpi;
use controlroom::plan::replicate::replicate;
use controlroom::plan::staffing::rota_hours;
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
fn the_default_force_roster_meets_every_target_with_a_fresh_seed_and_pays_less() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("out");
    let report = dir.path().join("roster.html");
    let o = roster(&[
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
