//! `lede import`: lede JSON, Prodigy/spaCy JSONL or brat standoff read back into
//! one lede JSON document, every offset checked against the text.

use crate::cli::{self, CliError};
use lede::export::{self, Format, ReadOptions};
use lede::Unit;
use lexopt::prelude::*;
use std::io::{BufWriter, Write};
use std::path::Path;

const HELP: &str = "\
Usage: lede import [--format FORMAT] FILE|- [--txt FILE] [options]

Reads FILE and prints one lede JSON document, tokens and sentences recomputed:
  lede-json       a lede JSON document (JSON Lines: the first one)
  prodigy-jsonl   a Prodigy/spaCy task with text and spans (or ents): the first line
  brat            FILE is the .ann; its text comes from --txt
The format is detected from the content unless --format is given. Spans that
overlap one kept before them, or cover only whitespace, are left out: lede keeps
one layer of spans. What is left out is reported on stderr.

Options:
  --format FORMAT  lede-json, prodigy-jsonl or brat (default: detected)
  --txt FILE       the brat text (default: FILE with .txt in place of .ann)
  --offsets UNIT   chars (code points, default), utf16 or bytes
  --pretty         indent the JSON";

pub fn run(mut parser: lexopt::Parser) -> Result<(), CliError> {
    let mut format = None;
    let mut input: Option<String> = None;
    let mut txt: Option<String> = None;
    let mut unit = Unit::Chars;
    let mut pretty = false;
    while let Some(arg) = parser.next().map_err(CliError::usage)? {
        match arg {
            Long("format") | Short('f') => {
                let v = cli::string_value(&mut parser)?;
                let f = Format::parse(&v)
                    .filter(|f| f.is_readable())
                    .ok_or_else(|| {
                        CliError::usage(format!(
                            "--format must be lede-json, prodigy-jsonl or brat, not {v:?}"
                        ))
                    })?;
                format = Some(f);
            }
            Long("txt") => {
                txt = Some(cli::string_value(&mut parser)?);
            }
            Long("offsets") => {
                unit = cli::offsets_value(&mut parser)?;
            }
            Long("pretty") => pretty = true,
            Long("help") | Short('h') => {
                println!("{HELP}");
                return Ok(());
            }
            Value(v) if input.is_none() => input = Some(v.string().map_err(CliError::usage)?),
            other => return Err(CliError::usage(other.unexpected())),
        }
    }
    let input = input.ok_or_else(|| CliError::usage("give the FILE to import (or - for stdin)"))?;
    let bytes = cli::read_input(Some(&input))?;
    let name = if input == "-" {
        "stdin"
    } else {
        input.as_str()
    };
    let text = cli::utf8(&bytes, name)?;

    let txt = txt.or_else(|| sibling_txt(&input, format, text));
    let companion_bytes = match &txt {
        Some(path) => Some(cli::read_input(Some(path))?),
        None => None,
    };
    let companion = match (&companion_bytes, &txt) {
        (Some(b), Some(path)) => Some(cli::utf8(b, path)?),
        _ => None,
    };
    let options = ReadOptions {
        format,
        companion,
        unit,
    };
    let imported = export::read(text, &options).map_err(|e| match e {
        export::ImportError::MissingText => {
            CliError::fail("brat annotations need their text: give --txt FILE")
        }
        other => CliError::fail(format!("{name}: {other}")),
    })?;
    for warning in &imported.warnings {
        eprintln!("lede: warning: {name}: {warning}");
    }

    let mut out = BufWriter::new(std::io::stdout().lock());
    let written = if pretty {
        serde_json::to_writer_pretty(&mut out, &imported.document)
    } else {
        serde_json::to_writer(&mut out, &imported.document)
    };
    written.map_err(|e| cli::write_error(e.into()))?;
    out.write_all(b"\n")
        .and_then(|_| out.flush())
        .map_err(cli::write_error)
}

/// For a brat `.ann` (by `--format brat`, or detected), the `.txt` beside it when
/// it exists.
fn sibling_txt(input: &str, format: Option<Format>, text: &str) -> Option<String> {
    let is_brat = format.map_or_else(
        || export::detect(text) == Some(Format::Brat),
        |f| f == Format::Brat,
    );
    if input == "-" || !is_brat {
        return None;
    }
    let path = Path::new(input).with_extension("txt");
    (path.exists() && path != Path::new(input)).then(|| path.to_string_lossy().into_owned())
}
