//! Runs `controlroom erlang` as a user would: good figures on stdout, exit 2 on bad input.

use std::process::{Command, Output};

fn erlang(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_controlroom"))
        .arg("erlang")
        .args(args)
        .output()
        .expect("the controlroom binary runs")
}

#[test]
fn erlang_c_table_shows_textbook_figures() {
    // 360 calls/h × 100 s = 10 erlangs; Erlang C tables give C(10, 11) = 0.6821, C(10, 12) = 0.4494.
    let out = erlang(&["--rate", "360", "--aht", "100", "--agents", "11..12"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("Erlang C"), "{stdout}");
    assert!(stdout.contains("68.21%"), "{stdout}");
    assert!(stdout.contains("44.94%"), "{stdout}");
    // Occupancy 10/12.
    assert!(stdout.contains("83.33%"), "{stdout}");
}

#[test]
fn erlang_a_table_runs_overloaded() {
    let out = erlang(&[
        "--rate",
        "1560",
        "--aht",
        "300",
        "--patience",
        "60",
        "--agents",
        "100",
        "--threshold",
        "20",
    ]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("Erlang A"), "{stdout}");
    assert!(stdout.contains("130.00"), "{stdout}");
}

#[test]
fn bad_input_exits_2_naming_the_argument() {
    let cases: &[(&[&str], &str)] = &[
        (
            &["--rate", "-5", "--aht", "100", "--agents", "12"],
            "--rate",
        ),
        (&["--rate", "360", "--aht", "0", "--agents", "12"], "--aht"),
        (
            &["--rate", "360", "--aht", "100", "--agents", "0"],
            "--agents",
        ),
        (
            &["--rate", "360", "--aht", "100", "--agents", "twelve"],
            "--agents",
        ),
        (
            &["--rate", "360", "--aht", "100", "--agents", "20..10"],
            "--agents",
        ),
        (
            &["--rate", "360", "--aht", "100", "--agents", "10"],
            "--agents",
        ),
        (
            &["--rate", "360", "--aht", "100", "--agents", "5..9"],
            "--agents",
        ),
        (
            &[
                "--rate",
                "360",
                "--aht",
                "100",
                "--agents",
                "12",
                "--patience",
                "-1",
            ],
            "--patience",
        ),
        (
            &[
                "--rate",
                "360",
                "--aht",
                "100",
                "--agents",
                "12",
                "--threshold",
                "-3",
            ],
            "--threshold",
        ),
    ];
    for (args, named) in cases {
        let out = erlang(args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(named), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
    // Missing a required argument is clap's usage error, also exit 2.
    assert_eq!(erlang(&["--rate", "360"]).status.code(), Some(2));
}
