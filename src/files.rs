//! Files users hand us and files we write for them: inputs read only when they are regular
//! files of a bounded size ([`input`]), outputs written atomically without clobbering devices,
//! FIFOs or symlinks ([`output`]), sets of outputs all or nothing ([`set`]), crash-safe appends.

pub mod input;
mod journal;
pub mod output;
pub mod set;
mod temp;

pub use input::{MAX_INPUT_BYTES, read_input, read_input_bytes};
pub use output::{folder_of, output_target, write_atomic};
pub use set::OutputSet;

use std::io::Write;
use std::path::Path;

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
    // A FIFO or device would take the bytes (or block) and keep nothing: refuse it.
    if let Ok(meta) = std::fs::metadata(path)
        && let Some(why) = input::not_a_file(&meta)
    {
        return Err(output::refused(format!("{why}; give the path of a file")).into());
    }
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
            let mut tmp = output::temp_in(dir)?;
            tmp.write_all(format!("{header}\n{line}").as_bytes())?;
            // Temp files are owner-only; a new results file is for sharing, like any output.
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                tmp.as_file()
                    .set_permissions(std::fs::Permissions::from_mode(0o644))?;
            }
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
