//! What every subcommand shares: the error type with its exit status, input
//! reading with precise UTF-8 errors, and option parsing helpers.

use lexopt::prelude::ValueExt;
use std::fmt::Display;
use std::io::Read;

/// A failure to report on stderr, with the process exit status.
#[derive(Debug)]
pub struct CliError {
    /// One-line message, printed after `lede: `; empty when already reported.
    pub message: String,
    /// Exit status: 2 for usage errors, 1 for everything else.
    pub code: u8,
}

impl CliError {
    /// Bad command line.
    pub fn usage(e: impl Display) -> CliError {
        CliError {
            message: e.to_string(),
            code: 2,
        }
    }

    /// Bad input or a failed operation.
    pub fn fail(e: impl Display) -> CliError {
        CliError {
            message: e.to_string(),
            code: 1,
        }
    }
}

/// Reads all of `path` (`-` or `None` for stdin) as bytes.
pub fn read_input(path: Option<&str>) -> Result<Vec<u8>, CliError> {
    let mut bytes = Vec::new();
    match path {
        None | Some("-") => {
            std::io::stdin()
                .lock()
                .read_to_end(&mut bytes)
                .map_err(|e| CliError::fail(format!("cannot read stdin: {e}")))?;
        }
        Some(p) => {
            bytes =
                std::fs::read(p).map_err(|e| CliError::fail(format!("cannot read {p}: {e}")))?;
        }
    }
    Ok(bytes)
}

/// Checks that `bytes` are UTF-8, naming the first bad byte's position.
pub fn utf8<'b>(bytes: &'b [u8], what: &str) -> Result<&'b str, CliError> {
    std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        let before = &bytes[..at];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
        // The valid prefix is UTF-8, so its chars can be counted for the column.
        let column = std::str::from_utf8(&before[line_start..]).map_or(0, |s| s.chars().count()) + 1;
        CliError::fail(format!(
            "{what} is not valid UTF-8: byte 0x{:02X} at byte offset {at} (line {line}, column {column})",
            bytes[at]
        ))
    })
}

/// The current date from the system clock, used as the fallback reference date.
pub fn today() -> lede::values::DateTime {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let date = lede::values::Date::from_days(secs.div_euclid(86_400))
        .unwrap_or_else(|| lede::values::Date::new(1970, 1, 1).expect("the epoch is a valid date"));
    lede::values::DateTime::midnight(date)
}

/// The value of the option just read, as UTF-8 text.
pub fn string_value(parser: &mut lexopt::Parser) -> Result<String, CliError> {
    parser
        .value()
        .map_err(CliError::usage)?
        .string()
        .map_err(CliError::usage)
}

/// The `--offsets` option's value.
pub fn offsets_value(parser: &mut lexopt::Parser) -> Result<lede::Unit, CliError> {
    let v = string_value(parser)?;
    lede::Unit::parse(&v).ok_or_else(|| {
        CliError::usage(format!(
            "--offsets must be chars, utf16 or bytes, not {v:?}"
        ))
    })
}

/// Parses a `--ref-date` style value.
pub fn parse_datetime(value: &str) -> Result<lede::values::DateTime, CliError> {
    lede::values::DateTime::parse(value).map_err(CliError::usage)
}

/// Writes a line to stdout; a reader that went away (`| head`) ends the command
/// quietly instead of panicking as `println!` does.
pub fn write_line(line: std::fmt::Arguments) -> Result<(), CliError> {
    use std::io::Write;
    writeln!(std::io::stdout().lock(), "{line}").map_err(write_error)
}

/// A failed write to stdout: silent success when the reader went away (`| head`),
/// else an error.
pub fn write_error(e: std::io::Error) -> CliError {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        CliError {
            message: String::new(),
            code: 0,
        }
    } else {
        CliError::fail(format!("cannot write output: {e}"))
    }
}
