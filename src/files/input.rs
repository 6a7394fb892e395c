//! Reading the files users hand us: regular files only (a FIFO, device or folder is refused
//! before it is opened, so nothing blocks), at most a stated size, UTF-8 with any byte-order mark
//! dropped. Errors are `io::Error`s whose text says what is wrong in the user's words.

use std::io::{self, Read};
use std::path::Path;

/// The most any input file may hold (256 MB): far above any real model, scenario or log.
pub const MAX_INPUT_BYTES: u64 = 256 * 1024 * 1024;

fn refused(message: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, message)
}

/// Why `meta` is not a regular file, in words, or None when it is one.
pub(crate) fn not_a_file(meta: &std::fs::Metadata) -> Option<&'static str> {
    let t = meta.file_type();
    if t.is_file() {
        return None;
    }
    if t.is_dir() {
        return Some("it is a folder, not a file");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return Some("it is a named pipe (FIFO), not a regular file");
        }
        if t.is_char_device() || t.is_block_device() {
            return Some("it is a device, not a regular file");
        }
        if t.is_socket() {
            return Some("it is a socket, not a regular file");
        }
    }
    Some("it is not a regular file")
}

/// A size in words: "300 MB", "12 kB", "17 bytes".
pub fn size_words(bytes: u64) -> String {
    match bytes {
        b if b >= 1 << 20 => format!("{} MB", b >> 20),
        b if b >= 1 << 10 => format!("{} kB", b >> 10),
        b => format!("{b} bytes"),
    }
}

/// Read the regular file at `path` (symlinks followed), at most `limit` bytes.
pub fn read_input_bytes(path: &Path, limit: u64) -> io::Result<Vec<u8>> {
    // Check the type before opening: opening a FIFO for reading blocks until a writer comes.
    let meta = std::fs::metadata(path)?;
    if let Some(why) = not_a_file(&meta) {
        return Err(refused(why.to_string()));
    }
    let too_big = |n: u64| {
        refused(format!(
            "it is {} or more; the most a file may hold is {}",
            size_words(n),
            size_words(limit)
        ))
    };
    if meta.len() > limit {
        return Err(too_big(meta.len()));
    }
    let file = std::fs::File::open(path)?;
    // The file may have been swapped since the check: check what was opened.
    if let Some(why) = not_a_file(&file.metadata()?) {
        return Err(refused(why.to_string()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(too_big(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Text from bytes: a UTF-8 byte-order mark is dropped; anything not UTF-8 is refused with where.
pub fn text_from_bytes(bytes: Vec<u8>) -> io::Result<String> {
    let bytes = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!(
                "line {line} is not UTF-8 text (byte {} of the file); save the file as UTF-8 \
                 (\"Unicode\" or \"UTF-8\" in a spreadsheet's or editor's Save As)",
                at + 1
            ),
        )
    })
}

/// Read the text file at `path`: a regular file of at most `limit` bytes, in UTF-8 (a
/// byte-order mark is dropped). Use [`MAX_INPUT_BYTES`] unless a tighter limit fits.
pub fn read_input(path: &Path, limit: u64) -> io::Result<String> {
    text_from_bytes(read_input_bytes(path, limit)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_text_and_drops_a_byte_order_mark() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.ron");
        std::fs::write(&p, b"\xEF\xBB\xBF(a: 1)\r\n").unwrap();
        assert_eq!(read_input(&p, 100).unwrap(), "(a: 1)\r\n");
    }

    #[test]
    fn refuses_a_folder_a_big_file_and_bad_utf8() {
        let dir = tempfile::tempdir().unwrap();
        let e = read_input(dir.path(), 100).unwrap_err().to_string();
        assert!(e.contains("folder"), "{e}");
        let p = dir.path().join("big");
        std::fs::write(&p, vec![b'x'; 2048]).unwrap();
        let e = read_input(&p, 1024).unwrap_err().to_string();
        assert!(e.contains("2 kB") && e.contains("1 kB"), "{e}");
        std::fs::write(&p, b"ok\n\xff").unwrap();
        let e = read_input(&p, 1024).unwrap_err().to_string();
        assert!(e.contains("line 2 is not UTF-8"), "{e}");
    }

    #[cfg(unix)]
    #[test]
    fn refuses_a_fifo_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("fifo");
        let ok = std::process::Command::new("mkfifo").arg(&p).status();
        if !matches!(ok, Ok(s) if s.success()) {
            return; // no mkfifo here: nothing to test
        }
        let e = read_input(&p, 100).unwrap_err().to_string();
        assert!(e.contains("FIFO"), "{e}");
    }
}
