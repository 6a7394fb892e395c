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

#[test]
fn a_short_look_ahead_still_measures_harrowing_exposure() {
    // Three hours see no shift close, yet the 999 desk (4% of 999 calls harrowing) takes
    // harrowing calls in them: the exposure counts the part of each shift the run saw.
    use controlroom::plan::kpi::{self, Kpi};
    let (cfg, _, reps) = look_ahead(&BUSY_FRIDAY.replace("MOVES", ""));
    let rows = kpi::rows(&cfg, &reps);
    let mean = kpi::find(&rows, "999 desk", Kpi::HarrowingPerShiftMean)
        .unwrap_or_else(|| panic!("no exposure row"))
        .estimate();
    assert!(mean.mean > 0.0 && mean.mean.is_finite(), "{mean:?}");
    for r in &reps {
        let e = &r.tracker.exposure[0];
        // Each handler on duty is seen for at most three hours of a shift of 8 h or more.
        assert!(e.shifts > 0.0 && e.shifts < 40.0 * 3.0 / 8.0, "{e:?}");
        assert!(e.max as u64 <= e.harrowing);
    }
    // Per shift, the three hours agree with a whole week of the same model within reason:
    // the Friday evening is busier than the week, never ten times so.
    let week = controlroom::plan::replicate::replicate(&common::default_config(), &|| {});
    let week_rows = kpi::rows(&common::default_config(), &week);
    let weekly = kpi::find(&week_rows, "999 desk", Kpi::HarrowingPerShiftMean)
        .unwrap_or_else(|| panic!("no exposure row"))
        .estimate()
        .mean;
    assert!(
        mean.mean > weekly / 3.0 && mean.mean < weekly * 3.0,
        "look-ahead {} against the week's {weekly}",
        mean.mean
    );
}

#[test]
fn compare_weighs_the_moves_against_the_room_as_it_is_in_one_run() {
    let root = env!("CARGO_MANIFEST_DIR");
    let state = format!("{root}/scenarios/planning/states/friday-evening.ron");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_controlroom"))
            .args(args)
            .output()
            .unwrap_or_else(|e| panic!("{e}"))
    };
    let o = run(&[
        "simulate",
        "--from-state",
        &state,
        "--compare",
        "--replications",
        "8",
    ]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(out.contains("the same callers in both"), "{out}");
    let moves = "with the moves (2 from Digital desk to Call handlers)";
    let after = out
        .split(moves)
        .nth(1)
        .unwrap_or_else(|| panic!("no `{moves}` in\n{out}"));
    // Two more on the call handlers' desk: 101 callers wait less, and the paired interval
    // says so (a signed difference, "yes" in the significance column), though the two runs'
    // own intervals overlap: pairing on the same callers is what makes the difference show.
    let line = |what: &str| {
        after
            .lines()
            .find(|l| l.trim_start().starts_with(what))
            .unwrap_or_else(|| panic!("no `{what}` line in\n{after}"))
    };
    let wait_101 = line("101 mean wait");
    assert!(
        wait_101.contains(" -") && wait_101.trim_end().ends_with("yes"),
        "{wait_101}"
    );
    let halves: Vec<f64> = wait_101
        .split('±')
        .skip(1)
        .filter_map(|s| s.split_whitespace().next()?.parse().ok())
        .collect();
    assert!(
        halves.len() == 2 && halves[1] < halves[0] / 2.0,
        "the paired interval is much narrower than the run's own: {wait_101}"
    );
    let handlers = line("Call handlers occupancy");
    assert!(handlers.contains(" -"), "{handlers}");
    // Windows the look-ahead does not reach have no figures and no rows.
    assert!(!out.contains("Sat night"), "{out}");

    // A report charts it; a state without moves, or --out, is refused (exit 2).
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let html = dir.path().join("compare.html");
    let o = run(&[
        "simulate",
        "--from-state",
        &state,
        "--compare",
        "--replications",
        "4",
        "--report",
        &html.display().to_string(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let page = std::fs::read_to_string(&html).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        page.contains("<svg") && page.contains("as it is") && page.contains("with the moves"),
        "{page}"
    );
    let still = dir.path().join("still.ron");
    let text = std::fs::read_to_string(&state).unwrap_or_else(|e| panic!("{e}"));
    let cut = text
        .find("    moves:")
        .unwrap_or_else(|| panic!("no moves line"));
    std::fs::write(&still, format!("{})\n", &text[..cut])).unwrap_or_else(|e| panic!("{e}"));
    let o = run(&[
        "simulate",
        "--from-state",
        &still.display().to_string(),
        "--compare",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("has no moves"));
    let o = run(&[
        "simulate",
        "--from-state",
        &state,
        "--compare",
        "--out",
        &dir.path().display().to_string(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let o = run(&["simulate", "--compare"]);
    assert_eq!(o.status.code(), Some(2), "--compare needs --from-state");
}
