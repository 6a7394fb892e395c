//! Hostile paths and standard outputs for every command: missing files, folders, FIFOs,
//! devices and symlinks as inputs and outputs, a closed pipe and a full disk as standard
//! output. Each run is bounded in time and memory and must end in exit 0/1/2, never a panic.
//! (Values and sizes: `hostile_values.rs`.)

mod hostile_run;

use hostile_run::{Out, fifo, repo, run, run_in, s};

const MODEL: &str = "scenarios/planning/default.ron";
const SWEEP: &str = "scenarios/planning/sweeps/what-ifs.ron";
const STATE: &str = "scenarios/planning/states/friday-evening.ron";

/// Every command that reads a file named on the command line, with `{}` for that file.
fn readers() -> Vec<Vec<String>> {
    let cmd = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    vec![
        cmd(&["simulate", "{}", "--replications", "1"]),
        cmd(&["simulate", "--from-state", "{}", "--replications", "1"]),
        cmd(&["sweep", "{}", "--replications", "1"]),
        cmd(&["merge", "{}"]),
        cmd(&["staff", "{}", "--replications", "1"]),
    ]
}

fn with(args: &[String], path: &str, out: &str) -> Vec<String> {
    let mut v: Vec<String> = args.iter().map(|a| a.replace("{}", path)).collect();
    if matches!(v[0].as_str(), "sweep" | "merge") {
        v.extend(["--out".to_string(), out.to_string()]);
    }
    v
}

fn run_args(dir: &std::path::Path, args: &[String]) -> hostile_run::Outcome {
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    run_in(dir, &refs, Out::Captured)
}

#[test]
fn a_missing_input_is_bad_input() {
    let t = tempfile::tempdir().unwrap();
    for args in readers() {
        let a = with(&args, "no-such-file.ron", s(t.path()));
        run_args(t.path(), &a)
            .exits(2, &format!("{a:?}"))
            .says(&["no-such-file.ron"], &format!("{a:?}"));
    }
}

#[test]
fn a_folder_as_input_is_refused() {
    let t = tempfile::tempdir().unwrap();
    std::fs::create_dir(t.path().join("dir.ron")).unwrap();
    for args in readers() {
        let a = with(&args, "dir.ron", s(t.path()));
        run_args(t.path(), &a)
            .exits(2, &format!("{a:?}"))
            .says(&["dir.ron", "folder"], &format!("{a:?}"));
    }
}

#[test]
fn a_fifo_as_input_is_refused_without_blocking() {
    let t = tempfile::tempdir().unwrap();
    if !fifo(&t.path().join("pipe.ron")) {
        return;
    }
    for args in readers() {
        let a = with(&args, "pipe.ron", s(t.path()));
        run_args(t.path(), &a)
            .exits(2, &format!("{a:?}"))
            .says(&["pipe.ron", "FIFO"], &format!("{a:?}"));
    }
}

#[test]
fn dev_zero_as_input_is_refused_not_read_for_ever() {
    let t = tempfile::tempdir().unwrap();
    for args in readers() {
        let a = with(&args, "/dev/zero", s(t.path()));
        run_args(t.path(), &a)
            .exits(2, &format!("{a:?}"))
            .says(&["device"], &format!("{a:?}"));
    }
}

#[test]
fn a_symlinked_input_is_read() {
    let t = tempfile::tempdir().unwrap();
    let link = t.path().join("model.ron");
    std::os::unix::fs::symlink(repo().join(MODEL), &link).unwrap();
    run(&["simulate", s(&link), "--replications", "1"]).exits(0, "symlinked model");
}

#[test]
fn training_commands_report_missing_and_folder_inputs() {
    let t = tempfile::tempdir().unwrap();
    let missing = s(&t.path().join("missing.ron")).to_string();
    let dir = s(t.path()).to_string();
    for bad in [missing.as_str(), dir.as_str()] {
        for a in [
            vec!["check", bad],
            vec!["scenarios", "--dir", bad],
            vec!["score", "rtc-999", "--actions", bad],
            vec!["coverage", "--guidance", bad],
            vec!["cohort", bad],
            vec!["course", "--trainee", "x", "--plan", bad],
        ] {
            run(&a).refused(&format!("{a:?}"));
        }
    }
}

/// `--report`/`--calls` paths that are not regular files are refused before the run, and left
/// as they were.
#[test]
fn an_output_path_that_is_a_folder_or_fifo_is_refused_and_kept() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path().join("report.html");
    std::fs::create_dir(&dir).unwrap();
    let pipe = t.path().join("calls.csv");
    let have_fifo = fifo(&pipe);
    let link = t.path().join("link.html");
    if have_fifo {
        std::os::unix::fs::symlink(&pipe, &link).unwrap();
    }
    let mut cases = vec![
        vec!["simulate", "--replications", "1", "--report", s(&dir)],
        vec![
            "sweep",
            SWEEP,
            "--replications",
            "1",
            "--out",
            s(t.path()),
            "--report",
            s(&dir),
        ],
        vec!["staff", "--replications", "1", "--report", s(&dir)],
    ];
    if have_fifo {
        cases.push(vec!["simulate", "--replications", "1", "--calls", s(&pipe)]);
        cases.push(vec![
            "simulate",
            "--replications",
            "1",
            "--report",
            s(&link),
        ]);
    }
    for a in cases {
        run(&a)
            .exits(2, &format!("{a:?}"))
            .says(&["cannot write", "not a"], &format!("{a:?}"));
    }
    assert!(dir.is_dir());
    if have_fifo {
        use std::os::unix::fs::FileTypeExt;
        assert!(std::fs::metadata(&pipe).unwrap().file_type().is_fifo());
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
    }
}

#[test]
fn an_out_folder_that_is_a_file_or_holds_a_folder_is_refused() {
    let t = tempfile::tempdir().unwrap();
    let file = t.path().join("results");
    std::fs::write(&file, "mine").unwrap();
    for a in [
        vec!["simulate", "--replications", "1", "--out", s(&file)],
        vec!["sweep", SWEEP, "--replications", "1", "--out", s(&file)],
        vec!["staff", "--replications", "1", "--out", s(&file)],
    ] {
        run(&a).exits(2, &format!("{a:?}"));
    }
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "mine");
    let out = t.path().join("out");
    std::fs::create_dir_all(out.join("summary.csv")).unwrap();
    run(&["simulate", "--replications", "1", "--out", s(&out)])
        .exits(2, "summary.csv is a folder")
        .says(&["summary.csv"], "names the file");
    assert!(!out.join("intervals.csv").exists(), "no partial set");
}

/// An output path through a file, or into a folder that does not exist, is bad input for every
/// command that writes one: refused before the work (nothing on standard output, no `--out`
/// folder made), exit 2, naming the path. A report inside the `--out` folder that the command
/// itself creates is fine.
#[test]
fn an_output_under_a_file_or_in_a_missing_folder_is_refused_before_the_work() {
    let t = tempfile::tempdir().unwrap();
    let file = t.path().join("plain");
    std::fs::write(&file, "x").unwrap();
    let out = t.path().join("out");
    let history = repo().join("scenarios/planning/history/calls-2023-2025.csv");
    for report in [
        file.join("report.html"),
        t.path().join("nowhere/report.html"),
    ] {
        let (r, o) = (s(&report), s(&out));
        let cases: Vec<Vec<&str>> = vec![
            vec!["simulate", "--replications", "1", "--report", r, "--out", o],
            vec!["simulate", "--replications", "1", "--calls", r],
            vec![
                "simulate",
                "--from-state",
                STATE,
                "--compare",
                "--report",
                r,
            ],
            vec![
                "sweep",
                SWEEP,
                "--replications",
                "1",
                "--out",
                o,
                "--report",
                r,
            ],
            vec!["staff", "--replications", "1", "--report", r, "--out", o],
            vec!["roster", "--replications", "1", "--report", r, "--out", o],
            vec![
                "forecast",
                s(&history),
                "--start",
                "2026-01-05",
                "--days",
                "7",
                "--out",
                o,
                "--report",
                r,
            ],
        ];
        for a in cases {
            let what = format!("{a:?}");
            let got = run(&a);
            got.exits(2, &what)
                .says(&["report.html", "cannot write"], &what);
            assert!(
                got.stdout.is_empty(),
                "{what}: worked first: {}",
                got.stdout
            );
            assert!(!out.exists(), "{what}: made the --out folder");
        }
    }
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "x");
    let inside = out.join("report.html");
    run(&[
        "simulate",
        "--replications",
        "1",
        "--out",
        s(&out),
        "--report",
        s(&inside),
    ])
    .exits(0, "a report in the --out folder to be made");
    assert!(inside.is_file() && out.join("summary.csv").is_file());
}

#[test]
fn a_symlinked_output_writes_its_target_and_keeps_the_link() {
    let t = tempfile::tempdir().unwrap();
    let real = t.path().join("real.csv");
    std::fs::write(&real, "old").unwrap();
    let link = t.path().join("calls.csv");
    std::os::unix::fs::symlink("real.csv", &link).unwrap();
    run(&["simulate", "--replications", "1", "--calls", s(&link)]).exits(0, "calls via link");
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let text = std::fs::read_to_string(&real).unwrap();
    assert!(text.len() > 100 && text != "old");
}

#[test]
fn temp_files_of_a_killed_run_are_removed_by_the_next() {
    let t = tempfile::tempdir().unwrap();
    // A pid above Linux's limit (4194304): never a running process.
    let stale = t.path().join(".controlroom-tmp-4194305-AbCdEf");
    std::fs::write(&stale, "half a file").unwrap();
    run(&["simulate", "--replications", "1", "--out", s(t.path())]).exits(0, "simulate --out");
    assert!(!stale.exists(), "stale temp file left");
    let names: Vec<String> = std::fs::read_dir(t.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.starts_with('.')), "{names:?}");
}

/// Every command's standard output closed early: exit 0, quietly; full: exit 1 with a message.
#[test]
fn a_closed_or_full_standard_output_ends_cleanly() {
    let t = tempfile::tempdir().unwrap();
    let out = s(t.path());
    let cases: Vec<Vec<&str>> = vec![
        vec!["simulate", "--replications", "1"],
        vec!["simulate", "--from-state", STATE, "--replications", "1"],
        vec![
            "erlang", "--rate", "360", "--aht", "100", "--agents", "1..2000",
        ],
        vec!["sweep", SWEEP, "--replications", "1", "--out", out],
        vec!["staff", "--replications", "2", "--max-rounds", "2"],
        vec!["scenarios"],
        vec!["check"],
        vec!["coverage"],
    ];
    for a in &cases {
        let closed = run_in(&repo(), a, Out::Closed);
        assert!(
            matches!(closed.code, Some(0 | 1)) && !closed.stderr.contains("panicked"),
            "{a:?} with a closed pipe: {closed:?}"
        );
        if a[0] != "staff" {
            // staff exits 1 when the round limit leaves a target unmet
            closed.exits(0, &format!("{a:?} closed pipe"));
        }
        assert!(
            !closed.stderr.contains("error:"),
            "{a:?}: {}",
            closed.stderr
        );
        run_in(&repo(), a, Out::Full)
            .exits(1, &format!("{a:?} > /dev/full"))
            .says(&["standard output"], "says what failed");
    }
}
