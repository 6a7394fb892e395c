//! `play` in real time: the call goes on while the trainee thinks. A caller's line that falls due
//! while a THRIVE prompt waits is printed then, in order — not held back until the prompt is
//! answered. (rtc-999, copied with its first timed line brought forward to 2 s.)

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

#[test]
fn caller_lines_keep_coming_during_a_thrive_prompt() {
    let lib = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/training");
    let tmp = tempfile::tempdir().expect("tempdir");
    let text = std::fs::read_to_string(lib.join("rtc-999.ron")).expect("read");
    let fast = text.replacen(
        "after: After(ms: 40000, goto: \"near-miss\")",
        "after: After(ms: 2000, goto: \"near-miss\")",
        1,
    );
    assert_ne!(fast, text, "the timed line is there to bring forward");
    let sc = tmp.path().join("rtc-999.ron");
    std::fs::write(&sc, fast).expect("write");
    for f in ["guidance.ron", "force.ron"] {
        std::fs::copy(lib.join(f), tmp.path().join(f)).expect("copy");
    }
    let cat = controlroom::training::desk::Catalogue::new(
        &controlroom::training::Scenario::load(&sc).expect("scenario"),
    );
    let threat = cat
        .number_of(&controlroom::training::Action::Assess {
            element: controlroom::training::thrive::Thrive::Threat,
            judgement: controlroom::training::thrive::Judgement::High,
            facts: vec![],
        })
        .expect("THRIVE in the catalogue");
    let mut child = Command::new(env!("CARGO_BIN_EXE_controlroom"))
        .args(["play", sc.to_str().expect("utf-8")])
        .args([
            "--results",
            tmp.path().join("r.csv").to_str().expect("utf-8"),
        ])
        .args(["--sessions", tmp.path().join("s").to_str().expect("utf-8")])
        .current_dir(tmp.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawns");
    let mut stdin = child.stdin.take().expect("stdin");
    // Start, open the THRIVE prompt at once, then think past the caller's 2 s line.
    writeln!(stdin, "y\n{threat}").expect("write");
    stdin.flush().expect("flush");
    std::thread::sleep(Duration::from_millis(3500));
    writeln!(stdin, "3\n\nq").expect("write");
    drop(stdin);
    let out = child.wait_with_output().expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    let prompt = text.find("judgement?").expect("the THRIVE prompt");
    let line = text
        .find("a car nearly went into me")
        .expect("the caller's timed line");
    let you = text.find("YOU: THRIVE").unwrap_or(text.len());
    assert!(
        prompt < line && line < you,
        "the caller's line comes while the prompt waits, before the assessment:\n{text}"
    );
}
