//! What the writers' temp files and journals share: their recognisable names, whose process
//! wrote them (and whether it still runs), and making a rename in a folder durable.

use std::path::Path;

/// Every temp file starts with this, then the writer's process id and a dash.
pub const TEMP_PREFIX: &str = ".controlroom-tmp-";

/// Is process `pid` still running? Unknown (no /proc) counts as running.
pub(crate) fn alive(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    let proc = Path::new("/proc");
    !proc.join("self").exists() || proc.join(pid.to_string()).exists()
}

/// The process id in a temp or journal file name written by [`temp_name`]-style prefixes.
pub(crate) fn pid_in(name: &str, prefix: &str) -> Option<u32> {
    name.strip_prefix(prefix)?
        .split(['-', '.'])
        .next()?
        .parse()
        .ok()
}

/// fsync a folder so a rename in it survives a crash (best effort).
pub(crate) fn sync_dir(dir: &Path) {
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
}
