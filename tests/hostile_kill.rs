//! A real `simulate --out` killed (SIGKILL) at many points of its run leaves the folder holding
//! one whole set — the old one, or once the set's journal is finished (as the next run does), the
//! new one — never old and new files mixed.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_controlroom")
}

fn simulate(out: &Path, seed: u64) -> Command {
    let mut c = Command::new(bin());
    c.args([
        "simulate",
        "--replications",
        "6",
        "--seed",
        &seed.to_string(),
        "--out",
    ])
    .arg(out)
    .stdout(std::process::Stdio::null())
    .stderr(std::process::Stdio::null());
    c
}

/// The visible files of a folder (not temp files or journals) and their bytes.
fn set(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .expect("folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            !p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'))
        })
        .map(|p: PathBuf| {
            let name = p
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("")
                .to_string();
            (name, std::fs::read(&p).expect("read"))
        })
        .collect();
    v.sort();
    v
}

#[test]
fn a_killed_out_run_never_leaves_old_and_new_mixed() {
    let tmp = tempfile::tempdir().expect("tempdir");
    // The two complete sets, for reference, and how long a run takes.
    let (old_dir, new_dir) = (tmp.path().join("old"), tmp.path().join("new"));
    assert!(simulate(&old_dir, 1).status().expect("runs").success());
    let started = Instant::now();
    assert!(simulate(&new_dir, 2).status().expect("runs").success());
    let run = started.elapsed();
    let (old, new) = (set(&old_dir), set(&new_dir));
    assert_ne!(old, new, "the seeds give different sets");
    assert!(old.len() >= 4, "{} files", old.len());
    let mut outcomes = [0usize; 2];
    for k in 0..16u32 {
        let dir = tmp.path().join(format!("kill-{k}"));
        assert!(simulate(&dir, 1).status().expect("runs").success());
        let mut child = simulate(&dir, 2).spawn().expect("spawns");
        // Spread the kills over the run, a little past its end.
        std::thread::sleep(run.mul_f64(f64::from(k) / 14.0));
        let _ = child.kill();
        let _ = child.wait();
        controlroom::files::set::finish_pending(&dir);
        let now = set(&dir);
        if now == old {
            outcomes[0] += 1;
        } else if now == new {
            outcomes[1] += 1;
        } else {
            let names: Vec<&String> = now.iter().map(|(n, _)| n).collect();
            panic!("kill {k}: the folder mixes the two runs: {names:?}");
        }
    }
    assert_eq!(outcomes.iter().sum::<usize>(), 16);
    assert!(
        outcomes[0] > 0,
        "some kills came before the commit: {outcomes:?}"
    );
}
