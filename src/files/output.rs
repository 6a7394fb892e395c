//! Writing output files without clobbering what the path names: a symlink is followed and its
//! target replaced; a folder, device or FIFO is refused; the new file is written beside its
//! target under a recognisable temp name and renamed into place, and temp files left by a run
//! that was killed are removed by the next one that writes there.

use super::input::not_a_file;
pub use super::temp::TEMP_PREFIX;
pub(crate) use super::temp::{alive, pid_in, sync_dir};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The most symlinks followed from an output path (as the kernel's own limit).
const MAX_LINKS: usize = 40;

pub(crate) fn refused(message: impl Into<String>) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, message.into())
}

/// The folder a path's file lives in ("." for a bare file name).
pub fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Where writing `path` puts the bytes: symlinks followed to their final target (which may not
/// exist yet). Refused (`InvalidInput`) when the path names a folder, device, FIFO or socket,
/// goes through a file (`notes.txt/r.html`), or its folder does not exist.
pub fn output_target(path: &Path) -> io::Result<PathBuf> {
    if path.as_os_str().is_empty() {
        return Err(refused("an empty path names no file"));
    }
    let mut p = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match std::fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => {
                let link = std::fs::read_link(&p)?;
                p = if link.is_absolute() {
                    link
                } else {
                    folder_of(&p).join(link)
                };
            }
            Ok(m) => {
                return match not_a_file(&m) {
                    Some(why) => Err(refused(format!("{why}; give the path of a file to write"))),
                    None => Ok(p),
                };
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                if path.to_string_lossy().ends_with('/') {
                    return Err(refused("the path ends in `/`; give the path of a file"));
                }
                let folder = folder_of(&p);
                return match std::fs::metadata(folder) {
                    Ok(m) if m.is_dir() => Ok(p),
                    Ok(_) => Err(refused(format!("{} is not a folder", folder.display()))),
                    Err(_) => Err(refused(format!(
                        "the folder {} does not exist",
                        folder.display()
                    ))),
                };
            }
            Err(e) if e.kind() == io::ErrorKind::NotADirectory => {
                // Name the file the path goes through.
                let file = p.ancestors().skip(1).find(|a| a.is_file()).unwrap_or(&p);
                return Err(refused(format!("{} is not a folder", file.display())));
            }
            Err(e) => return Err(e),
        }
    }
    Err(refused(format!(
        "more than {MAX_LINKS} symbolic links in a chain"
    )))
}

/// Remove temp files in `dir` left by runs that are no longer running (killed or crashed).
/// Failures are ignored: tidying never stops a run.
pub fn remove_stale_temps(dir: &Path) {
    super::journal::finish_pending(dir);
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if let Some(pid) = pid_in(name, TEMP_PREFIX)
            && !alive(pid)
        {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// A new temp file in `dir` with the recognisable name `.controlroom-tmp-PID-XXXXXX`.
pub(crate) fn temp_in(dir: &Path) -> io::Result<tempfile::NamedTempFile> {
    tempfile::Builder::new()
        .prefix(&format!("{TEMP_PREFIX}{}-", std::process::id()))
        .tempfile_in(dir)
}

/// A temp file to stream a large output into, beside where `path` will be written (symlinks
/// followed, folders/devices/FIFOs refused), with stale temp files there removed first.
/// Returns the resolved target with it: fsync the file and `persist(target)` when done.
pub fn temp_beside(path: &Path) -> io::Result<(tempfile::NamedTempFile, PathBuf)> {
    let target = output_target(path)?;
    let dir = folder_of(&target);
    remove_stale_temps(dir);
    Ok((temp_in(dir)?, target))
}

/// Write `bytes` to a temp file beside `target` (already resolved), fsynced, with the
/// permissions `target` has (0644 for a new file). Returns it ready to rename into place.
pub(crate) fn stage(target: &Path, bytes: &[u8]) -> io::Result<tempfile::NamedTempFile> {
    let dir = folder_of(target);
    if !dir.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::NotFound,
            format!("the folder {} does not exist", dir.display()),
        ));
    }
    remove_stale_temps(dir);
    let mut tmp = temp_in(dir)?;
    tmp.write_all(bytes)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(target).map_or(0o644, |m| m.permissions().mode());
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode))?;
    }
    tmp.as_file().sync_all()?;
    Ok(tmp)
}

/// Write `bytes` to `path` atomically: a crash leaves the old file or the new one, never half.
/// A symlink is followed (its target is replaced, the link kept); a path naming a folder,
/// device or FIFO is refused with `InvalidInput`.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let target = output_target(path)?;
    let tmp = stage(&target, bytes)?;
    tmp.persist(&target).map_err(|e| e.error)?;
    sync_dir(folder_of(&target));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_symlink_is_followed_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.html");
        std::fs::write(&real, "old").unwrap();
        let link = dir.path().join("link.html");
        #[cfg(unix)]
        std::os::unix::fs::symlink("real.html", &link).unwrap();
        #[cfg(not(unix))]
        return;
        write_atomic(&link, b"new").unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "new");
    }

    #[test]
    fn a_folder_is_refused_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("sub");
        std::fs::create_dir(&sub).unwrap();
        let e = write_atomic(&sub, b"x").unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::InvalidInput);
        assert!(sub.is_dir());
    }

    /// A missing folder and a path through a file are refused as bad input, and nothing is
    /// created.
    #[test]
    fn a_missing_folder_or_a_path_through_a_file_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("notes.txt");
        std::fs::write(&file, "mine").unwrap();
        for (path, says) in [
            (dir.path().join("nowhere/r.html"), "does not exist"),
            (file.join("r.html"), "notes.txt is not a folder"),
        ] {
            let e = write_atomic(&path, b"x").unwrap_err();
            assert_eq!(e.kind(), io::ErrorKind::InvalidInput, "{path:?}");
            assert!(e.to_string().contains(says), "{path:?}: {e}");
        }
        assert!(!dir.path().join("nowhere").exists());
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "mine");
    }

    #[test]
    fn stale_temps_of_dead_runs_are_removed_live_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        // pid 4194305 is above Linux's pid_max limit, so never a running process.
        let dead = dir.path().join(format!("{TEMP_PREFIX}4194305-abc"));
        let mine = dir
            .path()
            .join(format!("{TEMP_PREFIX}{}-abc", std::process::id()));
        let other = dir.path().join("notes.txt");
        for p in [&dead, &mine, &other] {
            std::fs::write(p, "x").unwrap();
        }
        write_atomic(&dir.path().join("out.csv"), b"a").unwrap();
        assert!(!dead.exists() || !Path::new("/proc/self").exists());
        assert!(mine.exists() && other.exists());
    }
}
