//! `lede annotate`: one document to one JSON object, or a JSON Lines stream to one
//! output line per input line, annotated in parallel batches and written in order.

use crate::cli::{self, CliError};
use lede::export::DocumentRecord;
use lede::values::DateTime;
use lede::{annotate, Options, Unit};
use lexopt::prelude::*;
use rayon::prelude::*;
use serde::Deserialize;
use std::borrow::Cow;
use std::io::{BufRead, BufReader, BufWriter, Write};

const HELP: &str = "\
Usage: lede annotate [FILE|-] [options]

Annotates FILE (or stdin) and prints one JSON document:
  {\"text\",\"ref_date\",\"ref_date_source\",\"offsets\",\"tokens\",\"sentences\",\"spans\"}

Options:
  --ref-date DATE     the article's date, YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS
                      (default: found in the text, else today, flagged as a guess)
  --offsets UNIT      chars (code points, default), utf16 or bytes
  --jsonl             read JSON Lines {\"text\", \"ref_date\"?, \"id\"?} and write one
                      output object per line, in order, using all cores
  --keep-going        with --jsonl: on a bad line write {\"line\",\"id\",\"error\"} in its
                      place and go on; exit status 1 at the end if any line failed
  --threads N         worker threads for --jsonl (default: all cores)
  --pretty            indent the JSON (single document mode)";

/// Lines per parallel batch; large enough to keep every core busy, small enough to
/// stream (output starts after the first batch).
const BATCH_LINES: usize = 2048;
/// Bytes per parallel batch, so a few huge documents do not pile up in memory.
const BATCH_BYTES: usize = 8 << 20;

struct Args {
    input: Option<String>,
    ref_date: Option<DateTime>,
    unit: Unit,
    jsonl: bool,
    keep_going: bool,
    threads: Option<usize>,
    pretty: bool,
}

pub fn run(mut parser: lexopt::Parser) -> Result<(), CliError> {
    let mut args = Args {
        input: None,
        ref_date: None,
        unit: Unit::Chars,
        jsonl: false,
        keep_going: false,
        threads: None,
        pretty: false,
    };
    while let Some(arg) = parser.next().map_err(CliError::usage)? {
        match arg {
            Long("ref-date") => {
                args.ref_date = Some(cli::parse_datetime(&cli::string_value(&mut parser)?)?);
            }
            Long("offsets") => {
                args.unit = cli::offsets_value(&mut parser)?;
            }
            Long("jsonl") => args.jsonl = true,
            Long("keep-going") => args.keep_going = true,
            Long("pretty") => args.pretty = true,
            Long("threads") => {
                let v = cli::string_value(&mut parser)?;
                let n: usize = v
                    .parse()
                    .map_err(|_| CliError::usage(format!("--threads needs a number, not {v:?}")))?;
                args.threads = Some(n.max(1));
            }
            Long("help") | Short('h') => {
                println!("{HELP}");
                return Ok(());
            }
            Value(v) if args.input.is_none() => {
                args.input = Some(v.string().map_err(CliError::usage)?)
            }
            other => return Err(CliError::usage(other.unexpected())),
        }
    }
    if args.jsonl {
        run_jsonl(&args)
    } else {
        run_single(&args)
    }
}

fn options(ref_date: Option<DateTime>) -> Options {
    Options {
        ref_date,
        today: Some(cli::today()),
        ..Options::default()
    }
}

fn run_single(args: &Args) -> Result<(), CliError> {
    let bytes = cli::read_input(args.input.as_deref())?;
    let name = args
        .input
        .as_deref()
        .filter(|p| *p != "-")
        .unwrap_or("stdin");
    let text = cli::utf8(&bytes, name)?;
    let doc = annotate(text, &options(args.ref_date)).map_err(CliError::fail)?;
    let record = DocumentRecord::new(&doc, args.unit);
    let mut out = BufWriter::new(std::io::stdout().lock());
    let written = if args.pretty {
        serde_json::to_writer_pretty(&mut out, &record)
    } else {
        serde_json::to_writer(&mut out, &record)
    };
    written.map_err(|e| write_error(e.into()))?;
    out.write_all(b"\n")
        .and_then(|_| out.flush())
        .map_err(write_error)
}

/// One input line of `--jsonl`.
#[derive(Deserialize)]
struct InputLine {
    text: String,
    #[serde(default)]
    ref_date: Option<String>,
    #[serde(default)]
    id: Option<serde_json::Value>,
}

fn run_jsonl(args: &Args) -> Result<(), CliError> {
    let mut reader: Box<dyn BufRead> = match args.input.as_deref() {
        None | Some("-") => Box::new(BufReader::with_capacity(1 << 20, std::io::stdin().lock())),
        Some(p) => {
            let file = std::fs::File::open(p)
                .map_err(|e| CliError::fail(format!("cannot read {p}: {e}")))?;
            Box::new(BufReader::with_capacity(1 << 20, file))
        }
    };
    let mut pool = rayon::ThreadPoolBuilder::new();
    if let Some(n) = args.threads {
        pool = pool.num_threads(n);
    }
    let pool = pool.build().map_err(CliError::fail)?;
    let mut out = BufWriter::with_capacity(1 << 20, std::io::stdout().lock());
    let today = cli::today();

    let mut line_no = 0usize;
    let (mut failed, mut total) = (0usize, 0usize);
    let mut batch: Vec<(usize, Vec<u8>)> = Vec::with_capacity(BATCH_LINES);
    loop {
        batch.clear();
        let mut bytes = 0;
        while batch.len() < BATCH_LINES && bytes < BATCH_BYTES {
            let mut line = Vec::new();
            let n = reader
                .read_until(b'\n', &mut line)
                .map_err(|e| CliError::fail(format!("cannot read input: {e}")))?;
            if n == 0 {
                break;
            }
            line_no += 1;
            if line.iter().all(u8::is_ascii_whitespace) {
                continue; // blank lines carry no document
            }
            bytes += line.len();
            batch.push((line_no, line));
        }
        if batch.is_empty() {
            break;
        }
        let results: Vec<Result<Vec<u8>, LineError>> = pool.install(|| {
            batch
                .par_iter()
                .map(|(n, line)| annotate_line(*n, line, args, today))
                .collect()
        });
        for result in results {
            total += 1;
            match result {
                Ok(json) => out.write_all(&json).map_err(write_error)?,
                Err(err) if args.keep_going => {
                    failed += 1;
                    eprintln!("lede: line {}: {}", err.line, err.message);
                    let record =
                        serde_json::json!({"line": err.line, "id": err.id, "error": err.message});
                    serde_json::to_writer(&mut out, &record).map_err(|e| write_error(e.into()))?;
                    out.write_all(b"\n").map_err(write_error)?;
                }
                Err(err) => {
                    out.flush().map_err(write_error)?;
                    return Err(CliError::fail(format!(
                        "line {}: {}",
                        err.line, err.message
                    )));
                }
            }
        }
    }
    out.flush().map_err(write_error)?;
    if failed > 0 {
        return Err(CliError::fail(format!("{failed} of {total} lines failed")));
    }
    Ok(())
}

struct LineError {
    line: usize,
    id: Option<serde_json::Value>,
    message: String,
}

fn annotate_line(
    line: usize,
    bytes: &[u8],
    args: &Args,
    today: DateTime,
) -> Result<Vec<u8>, LineError> {
    let fail = |id: Option<serde_json::Value>, message: String| LineError { line, id, message };
    let bytes = bytes.strip_suffix(b"\n").unwrap_or(bytes);
    let bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
    let raw = std::str::from_utf8(bytes).map_err(|e| {
        fail(
            None,
            format!("not valid UTF-8 at byte {} of the line", e.valid_up_to()),
        )
    })?;
    let json = replace_lone_surrogates(raw);
    let input: InputLine =
        serde_json::from_str(&json).map_err(|e| fail(None, format!("malformed JSON: {e}")))?;
    let ref_date = match input.ref_date.as_deref() {
        Some(s) => Some(DateTime::parse(s).map_err(|e| fail(input.id.clone(), e.to_string()))?),
        None => args.ref_date,
    };
    let options = Options {
        ref_date,
        today: Some(today),
        ..Options::default()
    };
    let doc = annotate(&input.text, &options).map_err(|e| fail(input.id.clone(), e.to_string()))?;
    let mut record = DocumentRecord::new(&doc, args.unit);
    record.id = input.id;
    // The record is about 10x its text (measured on bench/corpus: 10.3x with tokens
    // only); 8x made every document's buffer reallocate and copy once.
    let mut out = Vec::with_capacity(input.text.len() * 12 + 256);
    serde_json::to_writer(&mut out, &record).map_err(|e| fail(record.id.clone(), e.to_string()))?;
    out.push(b'\n');
    Ok(out)
}

/// JSON may escape a lone UTF-16 surrogate (`"\ud800"`), which no Rust string can
/// hold; serde_json refuses the whole line. Replace each lone one with U+FFFD so
/// the rest of the document is kept, as a browser does when it encodes such text.
fn replace_lone_surrogates(json: &str) -> Cow<'_, str> {
    if !json.contains("\\u") && !json.contains("\\U") {
        return Cow::Borrowed(json);
    }
    let b = json.as_bytes();
    let hex_at = |i: usize| -> Option<u16> {
        let h = json.get(i..i + 4)?;
        u16::from_str_radix(h, 16).ok()
    };
    let is_escape_u = |i: usize| b.get(i) == Some(&b'\\') && b.get(i + 1) == Some(&b'u');
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        if b.get(i + 1) != Some(&b'u') {
            i += 2; // some other escape, including "\\"
            continue;
        }
        let Some(unit) = hex_at(i + 2) else {
            i += 2;
            continue;
        };
        let lone = match unit {
            0xD800..=0xDBFF => {
                let paired = is_escape_u(i + 6)
                    && hex_at(i + 8).is_some_and(|u| (0xDC00..=0xDFFF).contains(&u));
                if paired {
                    i += 12;
                    continue;
                }
                true
            }
            0xDC00..=0xDFFF => true,
            _ => false,
        };
        if lone {
            let s = out.get_or_insert_with(|| String::with_capacity(json.len()));
            s.push_str(&json[copied..i]);
            s.push_str("\\ufffd");
            copied = i + 6;
        }
        i += 6;
    }
    match out {
        None => Cow::Borrowed(json),
        Some(mut s) => {
            s.push_str(&json[copied..]);
            Cow::Owned(s)
        }
    }
}

/// A closed stdout (`lede annotate … | head`) is not an error worth a message.
fn write_error(e: std::io::Error) -> CliError {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        CliError {
            message: String::new(),
            code: 0,
        }
    } else {
        CliError::fail(format!("cannot write output: {e}"))
    }
}

#[cfg(test)]
mod tests {
    use super::replace_lone_surrogates;

    #[test]
    fn lone_surrogates_become_replacement_characters() {
        assert_eq!(
            replace_lone_surrogates(r#"{"text":"a\ud800b"}"#),
            r#"{"text":"a\ufffdb"}"#
        );
        assert_eq!(
            replace_lone_surrogates(r#"{"text":"\udc00"}"#),
            r#"{"text":"\ufffd"}"#
        );
        // A proper pair and an escaped backslash are left alone.
        let pair = r#"{"text":"\ud83d\ude00 \\ud800"}"#;
        assert_eq!(replace_lone_surrogates(pair), pair);
        assert_eq!(
            replace_lone_surrogates(r#"{"text":"\ud800\u0041"}"#),
            r#"{"text":"\ufffd\u0041"}"#
        );
        assert_eq!(
            replace_lone_surrogates(r#"{"text":"\ud8"}"#),
            r#"{"text":"\ud8"}"#
        );
    }
}
