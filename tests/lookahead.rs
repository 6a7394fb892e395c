//! Intraday look-ahead from a live state (`simulate --from-state`).

mod common;

use controlroom::model::{self, state::load_state};
use controlroom::plan::replicate::replicate_from;
use controlroom::plan::report::merged_channel_bins;
use controlroom::sim::{Config, InitialState, Replication};
use std::process::Command;

fn look_ahead(state: &str) -> (Config, InitialState, Vec<Replication>) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("state.ron");
    std::fs::write(&path, state).unwrap_or_else(|e| panic!("{e}"));
    let mut loaded = model::load(None).unwrap_or_else(|e| panic!("{e}"));
    let st = load_state(&path, &loaded.model, &mut loaded.config).unwrap_or_else(|e| panic!("{e}"));
    let reps = replicate_from(&loaded.config, Some(&st), &|| {});
    (loaded.config, st, reps)
}

const BUSY_FRIDAY: &str = r#"(
    day: "Fri", time: "18:00", hours: 3,
    waiting: [(channel: "101", waited_s: [20, 45, 60, 90, 120, 150, 210, 240, 300, 420, 500, 560])],
    on_duty: [(group: "Call handlers", handlers: 9), (group: "Digital desk", handlers: 6)],
    busy: [(group: "Call handlers", channel: "101", handlers: 9)],
    MOVES
)"#;

/// Mean 101 wait of answered calls in the first hour, per replication.
fn first_hour_101_wait(cfg: &Config, reps: &[Replication]) -> Vec<f64> {
    let first = (cfg.start_s / cfg.kpi_interval_s) as usize;
    reps.iter()
        .map(|r| {
            let bins = &r.tracker.channels[1][first..first + 4];
            let (sum, n) = bins
                .iter()
                .fold((0.0, 0u64), |(s, n), b| (s + b.wait_sum, n + b.answered));
            sum / n.max(1) as f64
        })
        .collect()
}

#[test]
fn the_waiting_calls_and_busy_handlers_shape_the_first_interval() {
    let (cfg, state, busy) = look_ahead(&BUSY_FRIDAY.replace("MOVES", ""));
    assert_eq!(state.waiting.len(), 12);
    assert_eq!(cfg.start_s, 4.0 * 86_400.0 + 18.0 * 3600.0);
    let (_, _, quiet) = look_ahead(r#"(day: "Fri", time: "18:00", hours: 3)"#);
    let first = (cfg.start_s / cfg.kpi_interval_s) as usize;
    let b = merged_channel_bins(&busy, 1);
    let q = merged_channel_bins(&quiet, 1);
    // The twelve queued calls are offered in the first interval, on top of new arrivals.
    assert!(b[first].offered >= q[first].offered + 12 * busy.len() as u64 - 5 * busy.len() as u64);
    assert!(
        b[first].wait_sum / b[first].answered as f64
            > 2.0 * q[first].wait_sum / q[first].answered.max(1) as f64
    );
    // Nothing is counted outside the look-ahead.
    let counted: u64 = b
        .iter()
        .enumerate()
        .filter(|(i, _)| !(first..first + 12).contains(i))
        .map(|(_, x)| x.offered)
        .sum();
    assert_eq!(counted, 0);
}

#[test]
fn moving_people_between_desks_changes_what_gets_done() {
    let (cfg, _, stay) = look_ahead(&BUSY_FRIDAY.replace("MOVES", ""));
    let paired = |a: &[f64], b: &[f64]| {
        let d: Vec<f64> = a.iter().zip(b).map(|(x, y)| x - y).collect();
        controlroom::plan::stats::estimate(&d)
    };
    // Two from the 999 desk onto the call handlers' desk: 101 waits fall.
    let (_, _, to_101) = look_ahead(&BUSY_FRIDAY.replace(
        "MOVES",
        r#"moves: [(from: "999 desk", to: "Call handlers", handlers: 2)],"#,
    ));
    let e = paired(
        &first_hour_101_wait(&cfg, &stay),
        &first_hour_101_wait(&cfg, &to_101),
    );
    assert!(e.low() > 0.0, "two more people on 101 cut its wait: {e:?}");
    // Two off the digital desk (which already takes 101 when it queues): the digital backlog
    // grows instead.
    let (_, _, off_digital) = look_ahead(&BUSY_FRIDAY.replace(
        "MOVES",
        r#"moves: [(from: "Digital desk", to: "Call handlers", handlers: 2)],"#,
    ));
    let backlog = |reps: &[Replication]| -> Vec<f64> {
        reps.iter()
            .map(|r| {
                r.tracker.channels[2]
                    .iter()
                    .map(|b| b.queue_area)
                    .sum::<f64>()
            })
            .collect()
    };
    let e = paired(&backlog(&off_digital), &backlog(&stay));
    assert!(e.low() > 0.0, "the digital queue grows: {e:?}");
}

#[test]
fn a_bad_state_file_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("bad-state.ron");
    let text = r#"(day: "Fri", time: "18:00", waiting: [(channel: "112", waited_s: [5])],
                  busy: [(group: "Digital desk", channel: "999", handlers: 1)])"#;
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
    let o = Command::new(env!("CARGO_BIN_EXE_controlroom"))
        .args([
            "simulate",
            "--from-state",
            path.to_str().unwrap_or_default(),
        ])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains("bad-state.ron")
            && err.contains("waiting[0].channel")
            && err.contains("`112`"),
        "{err}"
    );
    assert!(
        err.contains("busy[0].channel") && err.contains("does not take `999`"),
        "{err}"
    );
}

#[test]
fn the_example_state_file_runs_from_the_command_line() {
    let o = Command::new(env!("CARGO_BIN_EXE_controlroom"))
        .args([
            "simulate",
            "--from-state",
            "scenarios/planning/states/friday-evening.ron",
            "--replications",
            "4",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(
        out.contains("look-ahead of 3 h from Fri 18:00") && out.contains("Fri 20:45"),
        "{out}"
    );
    let _ = common::default_config;
}

#[test]
fn report_windows_inside_the_look_ahead_have_figures() {
    // Friday 18:00 for three hours, reported by quarter-hour: inside the model's Fri night
    // window (Fri 18:00, 8 h, defined on the model's hourly intervals).
    let root = env!("CARGO_MANIFEST_DIR");
    let o = Command::new(env!("CARGO_BIN_EXE_controlroom"))
        .args([
            "simulate",
            "--from-state",
            &format!("{root}/scenarios/planning/states/friday-evening.ron"),
            "--replications",
            "4",
        ])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let line = |label: &str| {
        out.lines()
            .find(|l| l.starts_with(label))
            .unwrap_or_else(|| panic!("no {label} in\n{out}"))
            .to_string()
    };
    let fri = line("Fri night: service level");
    assert_eq!(
        fri.matches('%').count(),
        2,
        "999 and 101 have figures: {fri}"
    );
    // Saturday night lies outside the look-ahead: nothing to say there.
    assert!(!line("Sat night: service level").contains('%'));
}
