//! The journal of an output set: the renames (and removals) a set commits, put in place before
//! the first rename, so a run killed half-way through is finished by the next that tidies the
//! folder.

use super::temp::{TEMP_PREFIX, pid_in, sync_dir};
use std::os::unix::ffi::OsStrExt;
use std::path::Path;

/// Journal files are named `.controlroom-set-PID`.
pub(crate) const JOURNAL_PREFIX: &str = ".controlroom-set-";

/// Finish any set in `dir` whose writer died after its commit point (best effort).
pub fn finish_pending(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(|n| pid_in(n, JOURNAL_PREFIX)) else {
            continue;
        };
        if pid == std::process::id() || Path::new("/proc").join(pid.to_string()).exists() {
            continue;
        }
        let Ok(bytes) = std::fs::read(entry.path()) else {
            continue;
        };
        let parts: Vec<&[u8]> = bytes.split(|&b| b == 0).collect();
        for pair in parts.chunks_exact(2) {
            if pair[0].is_empty() {
                let _ = std::fs::remove_file(std::ffi::OsStr::from_bytes(pair[1]));
                continue;
            }
            let tmp = Path::new(std::ffi::OsStr::from_bytes(pair[0]));
            let target = Path::new(std::ffi::OsStr::from_bytes(pair[1]));
            let ours = tmp
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(TEMP_PREFIX));
            if ours && tmp.exists() {
                let _ = std::fs::rename(tmp, target);
            }
        }
        sync_dir(dir);
        let _ = std::fs::remove_file(entry.path());
    }
}
