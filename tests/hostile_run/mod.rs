//! Running the binary as a hostile user would: under a memory limit and a deadline, with its
//! output captured or sent somewhere awkward. Shared by the `hostile*` tests.
#![allow(dead_code)]

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Address space a run may use (bytes): far above a normal run, far below runaway growth.
pub const MEMORY_LIMIT: u64 = 3 << 30;
/// How long a run may take before it counts as a hang.
pub const DEADLINE: Duration = Duration::from_secs(90);

pub const BIN: &str = env!("CARGO_BIN_EXE_controlroom");

/// What a run did.
#[derive(Debug)]
pub struct Outcome {
    /// None when killed by a signal (an abort, or our deadline).
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
    pub timed_out: bool,
}

impl Outcome {
    /// Exit 1 or 2 with a one-line `error:` message, no panic, no hang, no abort.
    pub fn refused(&self, what: &str) -> &Self {
        self.clean(what);
        assert!(
            matches!(self.code, Some(1 | 2)),
            "{what}: expected exit 1 or 2, got {:?}\nstderr: {}",
            self.code,
            self.stderr
        );
        assert!(
            self.stderr.contains("error:"),
            "{what}: no message: {}",
            self.stderr
        );
        self
    }
    /// Exit exactly `code`.
    pub fn exits(&self, code: i32, what: &str) -> &Self {
        self.clean(what);
        assert_eq!(self.code, Some(code), "{what}\nstderr: {}", self.stderr);
        self
    }
    /// The message mentions every one of `words`.
    pub fn says(&self, words: &[&str], what: &str) -> &Self {
        for w in words {
            assert!(
                self.stderr.contains(w),
                "{what}: message lacks `{w}`: {}",
                self.stderr
            );
        }
        self
    }
    fn clean(&self, what: &str) {
        assert!(!self.timed_out, "{what}: still running after {DEADLINE:?}");
        assert!(
            !self.stderr.contains("panicked"),
            "{what}: panic: {}",
            self.stderr
        );
        assert!(
            !self.stderr.contains("memory allocation"),
            "{what}: ran out of memory: {}",
            self.stderr
        );
    }
}

/// Where the child's standard output goes.
pub enum Out {
    Captured,
    /// A pipe whose reading end is closed at once (`… | head -0`).
    Closed,
    /// `> /dev/full` (only ever as the child's standard output).
    Full,
}

/// Run `controlroom ARGS` in `dir` under [`MEMORY_LIMIT`] and [`DEADLINE`].
pub fn run_in(dir: &Path, args: &[&str], out: Out) -> Outcome {
    let mut cmd = Command::new("prlimit");
    cmd.arg(format!("--as={MEMORY_LIMIT}"))
        .arg("--")
        .arg(BIN)
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stderr(Stdio::piped());
    match out {
        Out::Captured | Out::Closed => cmd.stdout(Stdio::piped()),
        Out::Full => cmd.stdout(Stdio::from(
            std::fs::OpenOptions::new()
                .write(true)
                .open("/dev/full")
                .expect("/dev/full"),
        )),
    };
    let mut child = cmd.spawn().expect("spawn prlimit");
    let mut stdout = child.stdout.take();
    if matches!(out, Out::Closed) {
        drop(stdout.take());
    }
    let reader = |r: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut s = Vec::new();
            if let Some(mut r) = r {
                let _ = r.read_to_end(&mut s);
            }
            String::from_utf8_lossy(&s).into_owned()
        })
    };
    let out_t = reader(stdout.map(|s| Box::new(s) as Box<dyn Read + Send>));
    let err_t = reader(
        child
            .stderr
            .take()
            .map(|s| Box::new(s) as Box<dyn Read + Send>),
    );
    let start = Instant::now();
    let mut timed_out = false;
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait") {
            break s;
        }
        if start.elapsed() > DEADLINE {
            timed_out = true;
            let _ = child.kill();
            break child.wait().expect("wait after kill");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Outcome {
        code: status.code(),
        stdout: out_t.join().unwrap_or_default(),
        stderr: err_t.join().unwrap_or_default(),
        timed_out,
    }
}

/// The repository root (shipped scenarios and models live there).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Run from the repository root with output captured.
pub fn run(args: &[&str]) -> Outcome {
    run_in(&repo(), args, Out::Captured)
}

/// Make a FIFO at `path` (the tests that need one are skipped without `mkfifo`).
pub fn fifo(path: &Path) -> bool {
    Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success())
}

pub fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 temp path")
}
