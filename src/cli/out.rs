//! Standard output as ripgrep does it: one locked, buffered writer per command, every write
//! checked. A closed pipe (`controlroom scenarios | head -1`) ends the command quietly with exit
//! 0; any other write error (`> /dev/full`) is exit 1 with a message.
//!
//! Commands write with [`outln!`] / [`out!`] (which return early with the right [`CliError`]):
//!
//! ```ignore
//! let mut out = Stdout::new();
//! outln!(out, "{} scenarios", n);
//! out.finish()?; // flush: a full disk is reported, not lost in a drop
//! ```
//!
//! As a net for any `println!` left, [`install_panic_net`] turns the standard library's
//! "failed printing to stdout" panic into the same exit codes.

use super::CliError;
use std::io::{self, Write};

/// The command's standard output: locked and buffered; flush with [`Stdout::finish`].
pub struct Stdout {
    inner: io::BufWriter<io::StdoutLock<'static>>,
}

impl Default for Stdout {
    fn default() -> Self {
        Self::new()
    }
}

impl Stdout {
    pub fn new() -> Self {
        Stdout {
            inner: io::BufWriter::with_capacity(64 * 1024, io::stdout().lock()),
        }
    }

    /// Flush now, e.g. before reading an answer from standard input.
    pub fn flush_now(&mut self) -> Result<(), CliError> {
        self.inner.flush().map_err(CliError::stdout)
    }

    /// Flush at the end of the command: a write error becomes exit 1, a closed pipe exit 0.
    pub fn finish(mut self) -> Result<(), CliError> {
        self.flush_now()
    }
}

impl Write for Stdout {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.inner.write(buf)
    }
    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.inner.write_all(buf)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// `writeln!` to a [`Stdout`], returning `Err(CliError::stdout(..))` from the caller on failure.
macro_rules! outln {
    ($out:expr) => {
        {
            use ::std::io::Write as _;
            $out.write_all(b"\n").map_err($crate::cli::CliError::stdout)?
        }
    };
    ($out:expr, $($arg:tt)*) => {
        {
            use ::std::io::Write as _;
            $out.write_fmt(format_args!("{}\n", format_args!($($arg)*)))
                .map_err($crate::cli::CliError::stdout)?
        }
    };
}

/// `write!` to a [`Stdout`], returning `Err(CliError::stdout(..))` from the caller on failure.
macro_rules! out {
    ($out:expr, $($arg:tt)*) => {
        {
            use ::std::io::Write as _;
            $out.write_fmt(format_args!($($arg)*))
                .map_err($crate::cli::CliError::stdout)?
        }
    };
}

/// Turn a panic from `println!` on a closed or failing standard output into exit 0 (closed
/// pipe, quietly) or exit 1 (with one line), instead of a panic message. Other panics keep
/// the default report.
pub fn install_panic_net() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let payload = info.payload();
        let text = payload
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| payload.downcast_ref::<&str>().copied())
            .unwrap_or("");
        if let Some(why) = text.strip_prefix("failed printing to stdout: ") {
            if why.starts_with("Broken pipe") {
                std::process::exit(0);
            }
            let why = why.split(" (os error ").next().unwrap_or(why);
            eprintln!("error: cannot write to standard output: {why}");
            std::process::exit(1);
        }
        default(info);
    }));
}
