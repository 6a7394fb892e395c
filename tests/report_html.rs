//! `controlroom simulate --report FILE.html` as a user runs it: one self-contained file with
//! every promised chart, no network references, a print stylesheet, escaped names, and the
//! same bytes on every run.

use std::path::Path;
use std::process::{Command, Output};

fn controlroom(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_controlroom"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run: {e}"))
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn report(model: Option<&Path>, path: &Path) -> String {
    let p = path.to_str().unwrap_or_default();
    let mut args = vec!["simulate", "--replications", "3", "--report", p];
    let m;
    if let Some(model) = model {
        m = model.to_str().unwrap_or_default().to_string();
        args.push(&m);
    }
    let o = controlroom(&args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    read(path)
}

#[test]
fn report_is_self_contained_printable_and_has_every_chart() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let html = report(None, &dir.path().join("report.html"));
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("@media print"));
    // No scripts, no external resources: the only URL is the SVG namespace.
    assert!(!html.contains("<script"));
    let without_ns = html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
    assert!(
        !without_ns.contains("http://") && !without_ns.contains("https://"),
        "external reference"
    );
    // Charts promised: service level per channel (3), abandonment, queue length per channel
    // (3), occupancy and handlers on duty.
    for title in [
        "999: answered within 10 s",
        "101: answered within 1 min",
        "digital: answered within 24 h",
        "Abandonment rate",
        "999: mean number waiting",
        "101: mean number waiting",
        "digital: mean number waiting",
        "Occupancy",
        "Handlers on duty",
        "Harrowing contacts per handler per shift",
        "Handlers on duty: required (Erlang A) and rostered",
    ] {
        assert!(
            html.contains(&format!("{title}\n</text>")),
            "no chart {title}"
        );
    }
    // Nine charts of service, queues and staffing, required against rostered handlers, and
    // harrowing-call exposure (the default model has harrowing calls).
    assert_eq!(html.matches("<svg").count(), 11);
    assert_eq!(html.matches("<svg").count(), html.matches("</svg>").count());
    // Headline table with a clear verdict per channel, and the occupancy table.
    assert!(html.contains("<th>met?</th>"));
    assert_eq!(
        html.matches("<td class=\"ok\">").count()
            + html.matches("<td class=\"bad\">").count()
            + html.matches("<td class=\"warn\">").count(),
        3
    );
    assert!(html.contains("<td>Call handlers</td>"));
    // Run facts, without a date.
    assert!(html.contains("<dt>Replications</dt><dd>3</dd>"));
    assert!(html.contains("<dt>Seed</dt>"));
    assert!(!html.contains("UTC") && !html.contains(" 2026") && !html.contains("2025-"));
    // The default model has harrowing calls: their exposure has its own section.
    assert!(
        html.contains("<h2>Harrowing exposure</h2>") || html.contains("Harrowing exposure</h2>")
    );
}

#[test]
fn report_is_byte_identical_across_runs_and_written_atomically() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let a = report(None, &dir.path().join("a.html"));
    let b = report(None, &dir.path().join("b.html"));
    assert!(a == b, "two runs of the same model differ");
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

#[test]
fn user_names_are_escaped() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let model = controlroom::model::DEFAULT_MODEL
        .replace("\"999\"", "\"9<&>9\"")
        .replace(
            "name: \"Default force (fictional, mid-size)\"",
            "name: \"<script>Force & co</script>\"",
        );
    let path = dir.path().join("odd.ron");
    std::fs::write(&path, model).unwrap_or_else(|e| panic!("{e}"));
    let html = report(Some(&path), &dir.path().join("odd.html"));
    assert!(!html.contains("9<&>9") && !html.contains("<script>"));
    assert!(html.contains("<td>9&lt;&amp;&gt;9</td>"));
    assert!(html.contains("9&lt;&amp;&gt;9: answered within 10 s"));
    assert!(html.contains("&lt;script&gt;Force &amp; co&lt;/script&gt;"));
}

/// A report path into a missing folder is bad input, refused before the run (nothing printed).
#[test]
fn unwritable_report_path_fails_with_a_message() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let bad = dir.path().join("no-such-folder").join("r.html");
    let o = controlroom(&[
        "simulate",
        "--replications",
        "2",
        "--report",
        bad.to_str().unwrap_or_default(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("cannot write") && err.contains("does not exist"),
        "{err}"
    );
    assert!(o.stdout.is_empty(), "refused before the run");
}

/// Sweeps and the staffing search write their own reports: variants side by side with error
/// bars, and required against rostered handlers.
#[test]
fn sweep_and_staffing_reports_have_their_charts() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let root = env!("CARGO_MANIFEST_DIR");
    let sweep_html = dir.path().join("sweep.html");
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_controlroom"))
        .args([
            "sweep",
            &format!("{root}/scenarios/planning/sweeps/what-ifs.ron"),
            "--replications",
            "3",
        ])
        .arg("--out")
        .arg(dir.path())
        .arg("--report")
        .arg(&sweep_html)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let html = std::fs::read_to_string(&sweep_html).unwrap_or_else(|e| panic!("{e}"));
    assert!(html.contains("Differences from the base") && html.contains("Figures and differences"));
    // Paired differences in percentage points, never "%" for a difference of shares.
    assert!(html.contains(" pt ± ") && html.contains("difference (pt)"));
    assert!(!html.contains('…'), "variant names in full");
    assert!(
        html.matches("<svg").count() >= 6,
        "one chart per headline KPI"
    );
    assert!(html.contains("demand +10%"));

    let staff_html = dir.path().join("staff.html");
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_controlroom"))
        .args(["staff", "--replications", "3", "--max-rounds", "3"])
        .arg("--report")
        .arg(&staff_html)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        matches!(o.status.code(), Some(0) | Some(1)),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let html = std::fs::read_to_string(&staff_html).unwrap_or_else(|e| panic!("{e}"));
    // required against rostered, and (the default force has four desks) each desk's part
    assert!(html.contains("Required against rostered") && html.matches("<svg").count() == 2);
    assert!(html.contains("Handlers on duty required, by desk"));
    assert!(
        html.contains("<td>Sat 22:00</td>"),
        "a row per interval of the week"
    );
}
