//! Safe file output: atomic whole-file writes (temp file + rename) and crash-safe appends.

use std::io::Write;
use std::path::Path;

/// Write `bytes` to `path` atomically: a temp file in the same directory, fsynced, then renamed
/// over the target. A crash leaves either the old file or the new one, never half of one.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(bytes)?;
    // Temp files are created owner-only; results are for sharing (an existing file keeps its
    // own permissions).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path).map_or(0o644, |m| m.permissions().mode());
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode))?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Why a line could not be appended.
#[derive(Debug, thiserror::Error)]
pub enum AppendError {
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// The file exists but its first line is not the expected header: it is not ours.
    #[error("its first line is not the expected header (found: {found:?})")]
    ForeignHeader { found: String },
}

/// Append one line (ending in `\n`) to a file whose first line must be `header` (without `\n`).
/// A missing file is created whole (header and line, atomically); an empty one gets the header.
/// The line is written with a single `write_all` to a file opened for appending, then fsynced;
/// the file is never truncated, so a crash mid-write can at worst leave a torn last line, which
/// the next append steps past.
pub fn append_line(path: &Path, header: &str, line: &str) -> Result<(), AppendError> {
    use std::fs::OpenOptions;
    use std::io::{Read, Seek, SeekFrom};
    match OpenOptions::new().read(true).append(true).open(path) {
        Ok(mut file) => {
            let len = file.metadata()?.len();
            if len == 0 {
                file.write_all(format!("{header}\n{line}").as_bytes())?;
                file.sync_all()?;
                return Ok(());
            }
            let mut first = Vec::new();
            let mut buf = [0u8; 4096];
            file.seek(SeekFrom::Start(0))?;
            while first.len() <= header.len() {
                let n = file.read(&mut buf)?;
                if n == 0 {
                    break;
                }
                first.extend_from_slice(&buf[..n]);
            }
            let end = first
                .iter()
                .position(|&b| b == b'\n')
                .unwrap_or(first.len());
            let found = String::from_utf8_lossy(&first[..end])
                .trim_end_matches('\r')
                .to_string();
            if found != header {
                return Err(AppendError::ForeignHeader {
                    found: found.chars().take(80).collect(),
                });
            }
            file.seek(SeekFrom::End(-1))?;
            let mut last = [0u8; 1];
            file.read_exact(&mut last)?;
            let text = if last[0] == b'\n' {
                line.to_string()
            } else {
                format!("\n{line}")
            };
            file.write_all(text.as_bytes())?;
            file.sync_all()?;
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            // Create it whole: header and first row in a temp file, linked into place only if
            // nobody else created the file meanwhile (else append to theirs, checking its header).
            let dir = match path.parent() {
                Some(p) if !p.as_os_str().is_empty() => p,
                _ => Path::new("."),
            };
            let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
            tmp.write_all(format!("{header}\n{line}").as_bytes())?;
            tmp.as_file().sync_all()?;
            match tmp.persist_noclobber(path) {
                Ok(_) => {
                    if let Ok(d) = std::fs::File::open(dir) {
                        let _ = d.sync_all();
                    }
                    Ok(())
                }
                Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => {
                    append_line(path, header, line)
                }
                Err(e) => Err(e.error.into()),
            }
        }
        Err(e) => Err(e.into()),
    }
}
