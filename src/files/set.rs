//! A set of output files in one folder (e.g. `simulate --out`'s four CSVs) written all or
//! nothing: every file is staged as a temp file first; a journal listing the renames is then
//! put in place (the commit point) and the renames done. A run killed before the commit leaves
//! the old set (its temp files are removed next time); one killed after it is finished by the
//! next run that writes to or tidies the folder, so a reader never gets old and new mixed.

use super::journal::JOURNAL_PREFIX;
pub use super::journal::finish_pending;
use super::output::{folder_of, output_target, refused, stage};
use super::temp::sync_dir;
use std::io;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

/// Output files staged for one folder, renamed into place together by [`OutputSet::commit`].
pub struct OutputSet {
    dir: PathBuf,
    staged: Vec<(tempfile::TempPath, PathBuf)>,
    /// Files of the set this run does not write (e.g. `monthly.csv` after a short run):
    /// removed at the commit, so an old one is never left beside the new set.
    removed: Vec<PathBuf>,
}

impl OutputSet {
    /// Open `dir` for a set of outputs named `names`: the folder is created if missing, a
    /// set left half-renamed by a killed run is finished, and stale temp files are removed.
    /// Refused (`InvalidInput`) if `dir` is not a folder or any name there is not a regular file.
    pub fn open(dir: &Path, names: &[&str]) -> io::Result<Self> {
        if dir.exists() && !dir.is_dir() {
            return Err(refused(
                "it is not a folder; --out names the folder to write into",
            ));
        }
        std::fs::create_dir_all(dir)?;
        super::output::remove_stale_temps(dir);
        for name in names {
            output_target(&dir.join(name))
                .map_err(|e| io::Error::new(e.kind(), format!("{name}: {e}")))?;
        }
        Ok(OutputSet {
            dir: dir.to_path_buf(),
            staged: vec![],
            removed: vec![],
        })
    }

    /// Stage file `name` of the set (written and fsynced, not yet visible).
    pub fn add(&mut self, name: &str, bytes: &[u8]) -> io::Result<()> {
        let target = output_target(&self.dir.join(name))?;
        let tmp = stage(&target, bytes)?;
        self.staged.push((tmp.into_temp_path(), target));
        Ok(())
    }

    /// Mark file `name` of the set as not written this time: any old copy goes at the commit.
    pub fn remove(&mut self, name: &str) -> io::Result<()> {
        let target = output_target(&self.dir.join(name))?;
        if target.exists() {
            self.removed.push(target);
        }
        Ok(())
    }

    /// Put every staged file in place and remove the files marked removed; returns the
    /// paths written.
    pub fn commit(self) -> io::Result<Vec<PathBuf>> {
        let mut journal = Vec::new();
        for (tmp, target) in &self.staged {
            journal.extend_from_slice(tmp.as_os_str().as_bytes());
            journal.push(0);
            journal.extend_from_slice(target.as_os_str().as_bytes());
            journal.push(0);
        }
        for target in &self.removed {
            // An empty temp path marks a removal.
            journal.push(0);
            journal.extend_from_slice(target.as_os_str().as_bytes());
            journal.push(0);
        }
        let journal_path = self
            .dir
            .join(format!("{JOURNAL_PREFIX}{}", std::process::id()));
        let tmp = stage(&journal_path, &journal)?;
        tmp.persist(&journal_path).map_err(|e| e.error)?;
        sync_dir(&self.dir);
        let mut written = vec![];
        for (tmp, target) in self.staged {
            tmp.persist(&target).map_err(|e| e.error)?;
            sync_dir(folder_of(&target));
            written.push(target);
        }
        for target in &self.removed {
            match std::fs::remove_file(target) {
                Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
                _ => {}
            }
        }
        sync_dir(&self.dir);
        std::fs::remove_file(&journal_path)?;
        Ok(written)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::files::temp::TEMP_PREFIX;

    #[test]
    fn a_set_replaces_every_file_and_leaves_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.csv"), "old").unwrap();
        let mut set = OutputSet::open(dir.path(), &["a.csv", "b.csv"]).unwrap();
        set.add("a.csv", b"new a").unwrap();
        set.add("b.csv", b"new b").unwrap();
        assert_eq!(
            std::fs::read_to_string(dir.path().join("a.csv")).unwrap(),
            "old"
        );
        set.commit().unwrap();
        assert_eq!(
            std::fs::read_to_string(dir.path().join("a.csv")).unwrap(),
            "new a"
        );
        assert_eq!(
            std::fs::read_to_string(dir.path().join("b.csv")).unwrap(),
            "new b"
        );
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().collect();
        assert_eq!(names.len(), 2);
    }

    #[test]
    fn a_set_killed_after_its_commit_point_is_finished_next_time() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.csv"), "old a").unwrap();
        std::fs::write(dir.path().join("b.csv"), "old b").unwrap();
        // What a run killed between its renames leaves: a.csv renamed, b.csv's temp and the
        // journal still there (pid 4194305 never runs on Linux).
        let dead = 4_194_305;
        let tmp_b = dir.path().join(format!("{TEMP_PREFIX}{dead}-b"));
        std::fs::write(&tmp_b, "new b").unwrap();
        std::fs::write(dir.path().join("a.csv"), "new a").unwrap();
        let mut journal = Vec::new();
        for p in [tmp_b.as_path(), &dir.path().join("b.csv")] {
            journal.extend_from_slice(p.as_os_str().as_bytes());
            journal.push(0);
        }
        std::fs::write(dir.path().join(format!("{JOURNAL_PREFIX}{dead}")), journal).unwrap();
        OutputSet::open(dir.path(), &["c.csv"]).unwrap();
        assert_eq!(
            std::fs::read_to_string(dir.path().join("b.csv")).unwrap(),
            "new b"
        );
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
    }

    #[test]
    fn a_file_the_run_does_not_write_is_removed_at_the_commit() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("b.csv"), "old b").unwrap();
        let mut set = OutputSet::open(dir.path(), &["a.csv", "b.csv"]).unwrap();
        set.add("a.csv", b"new a").unwrap();
        set.remove("b.csv").unwrap();
        assert!(dir.path().join("b.csv").exists());
        set.commit().unwrap();
        assert!(!dir.path().join("b.csv").exists());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_set_killed_before_its_commit_point_leaves_the_old_files() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.csv"), "old a").unwrap();
        std::fs::write(dir.path().join(format!("{TEMP_PREFIX}4194305-a")), "new a").unwrap();
        OutputSet::open(dir.path(), &["a.csv"]).unwrap();
        assert_eq!(
            std::fs::read_to_string(dir.path().join("a.csv")).unwrap(),
            "old a"
        );
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
