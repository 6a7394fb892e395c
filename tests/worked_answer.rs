//! The README's worked answer ("how many 999 calls between 22:00 and 23:00 on Saturday 20
//! December, and how many handlers then?") runs as written from a checkout: its commands are
//! taken from the README, run in a fresh folder holding only the shipped `scenarios`, and what
//! the README quotes must be what they print and write.
#![cfg(unix)]

use std::path::Path;
use std::process::Command;

fn readme() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .unwrap_or_else(|e| panic!("README.md: {e}"))
}

/// The fenced code blocks of `text`, in order.
fn blocks(text: &str) -> Vec<String> {
    let mut out = vec![];
    let mut current: Option<String> = None;
    for line in text.lines() {
        if line.starts_with("```") {
            match current.take() {
                Some(b) => out.push(b),
                None => current = Some(String::new()),
            }
        } else if let Some(b) = &mut current {
            b.push_str(line);
            b.push('\n');
        }
    }
    out
}

/// The README's text from `heading` to the next heading of that level or higher.
fn section<'a>(text: &'a str, heading: &str) -> &'a str {
    let start = text
        .find(heading)
        .unwrap_or_else(|| panic!("no `{heading}` in README.md"));
    let level = heading.split(' ').next().unwrap_or("##");
    let rest = &text[start + heading.len()..];
    let end = rest
        .match_indices("\n#")
        .find(|(i, _)| {
            let line = &rest[i + 1..];
            let hashes = line.chars().take_while(|&c| c == '#').count();
            hashes <= level.len() && line[hashes..].starts_with(' ')
        })
        .map_or(rest.len(), |(i, _)| i);
    &rest[..end]
}

/// Run a `controlroom ...` command line (a `\` continues it) in `dir`.
fn run(line: &str, dir: &Path) -> String {
    let line = line.replace("\\\n", " ");
    let mut words = line.split_whitespace();
    assert_eq!(words.next(), Some("controlroom"), "{line}");
    let out = Command::new(env!("CARGO_BIN_EXE_controlroom"))
        .args(words)
        .current_dir(dir)
        .output()
        .unwrap_or_else(|e| panic!("{line}: {e}"));
    assert!(
        out.status.success(),
        "{line}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// `text` with runs of spaces made one, for comparing table rows.
fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_worked_answer_runs_as_the_readme_writes_it() {
    let text = readme();
    let forecasting = section(&text, "## Forecasting from your own records");
    let answer = section(
        &text,
        "### A worked answer: 999 calls between 22:00 and 23:00 on Saturday 20 December",
    );
    // A folder laid out as the checkout: the shipped history (linked) and december.ron, whose
    // forecast path (`../../forecast/`) then lands in this folder, not the checkout.
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let planning = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/planning");
    let here = dir.path().join("scenarios/planning");
    std::fs::create_dir_all(&here).unwrap_or_else(|e| panic!("{e}"));
    std::os::unix::fs::symlink(planning.join("history"), here.join("history"))
        .unwrap_or_else(|e| panic!("{e}"));
    std::fs::copy(planning.join("december.ron"), here.join("december.ron"))
        .unwrap_or_else(|e| panic!("{e}"));

    // The forecast, and what the README says it prints first.
    let fb = blocks(forecasting);
    let command = fb
        .iter()
        .find(|b| b.starts_with("controlroom forecast") && b.contains("--out"))
        .unwrap_or_else(|| panic!("no forecast command in the README"));
    let printed = run(command, dir.path());
    let read = fb
        .iter()
        .find(|b| b.starts_with("read "))
        .unwrap_or_else(|| panic!("no `read` block in the README"));
    for line in read.lines() {
        assert!(
            printed.contains(line),
            "README line `{line}` not in:\n{printed}"
        );
    }

    // The four quarter-hours it quotes are in forecast.csv, and add up to its rate.
    let csv = std::fs::read_to_string(dir.path().join("forecast/forecast.csv"))
        .unwrap_or_else(|e| panic!("forecast.csv: {e}"));
    let ab = blocks(answer);
    let quarters: Vec<&str> = ab[0].lines().collect();
    assert_eq!(quarters.len(), 4, "{quarters:?}");
    let mut total = 0.0;
    for q in &quarters {
        assert!(
            csv.lines().any(|l| l == *q),
            "README row `{q}` not in forecast.csv"
        );
        let calls: f64 = q
            .split(',')
            .nth(2)
            .and_then(|c| c.parse().ok())
            .unwrap_or(f64::NAN);
        total += calls;
    }
    assert!(answer.contains("about **50 999 calls between 22:00 and 23:00**"));
    assert_eq!(total.round(), 50.0);

    // The Erlang A run it quotes, at the hour's rate, and its verdict.
    let mut erlang = ab[1].lines();
    let command = erlang.next().unwrap_or_default();
    assert!(
        command.contains(&format!("--rate {:.1} ", total)),
        "`{command}` is not at the forecast's {total:.2} calls"
    );
    let table = squeeze(&run(command, dir.path()));
    for row in erlang {
        assert!(
            table.contains(&squeeze(row)),
            "README row `{row}` not in:\n{table}"
        );
    }
    let sl = |agents: &str| -> f64 {
        let row = ab[1]
            .lines()
            .find(|l| l.split_whitespace().next() == Some(agents))
            .unwrap_or_else(|| panic!("no row for {agents} agents"));
        let cell = row.split_whitespace().nth(6).unwrap_or_default();
        cell.trim_end_matches('%').parse().unwrap_or(f64::NAN)
    };
    assert!(answer.contains("**7 handlers answering 999** meet the 90%-in-10-seconds"));
    assert!(sl("7") >= 90.0 && sl("6") < 90.0);
    // "at the top of the quarter-hour bands (about 70 calls) it is 9 (`--rate 70`: 90.0% with 9)"
    assert!(answer.contains("(`--rate 70`: 90.0% with 9)"));
    let top = squeeze(&run(
        "controlroom erlang --rate 70 --aht 300 --patience 120 --agents 8..9",
        dir.path(),
    ));
    assert!(
        top.contains(" 8 5.83 ") && top.contains(" 9 5.83 "),
        "{top}"
    );
    assert!(top.contains("90.00% 62.51%"), "{top}");

    // The same hour in the simulated room on its dates, and the handlers `staff` asks for.
    let commands = ab[2].lines().collect::<Vec<_>>();
    assert_eq!(commands.len(), 2, "{commands:?}");
    let simulated = run(commands[0], dir.path());
    let dates = "dates Mon 15 Dec 2025 – Mon 22 Dec 2025, UK local time,\ncounted from Tue 16 \
                 Dec 2025 00:00; no bank holidays";
    assert!(answer.contains(dates));
    assert!(simulated.contains(&dates.replace('\n', " ")), "{simulated}");
    let file = |p: &str| {
        std::fs::read_to_string(dir.path().join(p)).unwrap_or_else(|e| panic!("{p}: {e}"))
    };
    let (intervals, occupancy) = (
        file("december/intervals.csv"),
        file("december/occupancy.csv"),
    );
    let row = ab[3].trim_end();
    assert!(
        intervals.lines().any(|l| l == row),
        "README row `{row}` not in intervals.csv"
    );
    assert!(answer.contains("49.2 calls (the forecast's 49.7"));
    let on_duty = |group: &str| -> String {
        let prefix = format!("142,Sat,22:00,2025-12-20 22:00,2025-12-20 22:00,,{group},");
        let line = occupancy.lines().find(|l| l.starts_with(&prefix));
        let n: f64 = line
            .and_then(|l| l[prefix.len()..].split(',').next()?.parse().ok())
            .unwrap_or(f64::NAN);
        format!("{n:.1}")
    };
    let quoted = format!(
        "current rota has {} 999-desk handlers and {} call handlers on duty then",
        on_duty("999 desk"),
        on_duty("Call handlers")
    );
    assert!(
        squeeze(answer).contains(&quoted),
        "README does not say `{quoted}`"
    );
    let staffed = run(commands[1], dir.path());
    assert!(
        staffed.contains("staffed for Tue 16 Dec 2025 – Mon 22 Dec 2025 (UK local time)"),
        "{staffed}"
    );
    let row = ab[4].trim_end();
    let csv = file("december-staff/staffing.csv");
    assert!(
        csv.lines().any(|l| l == row),
        "README row `{row}` not in staffing.csv"
    );
    let required = row.split(',').nth(7).unwrap_or_default();
    assert!(answer.contains(&format!(
        "**{required} handlers on duty at 22:00 on Saturday 20 December**"
    )));
}
