//! `lede export`: one lede JSON document (e.g. `lede annotate`'s output, offsets in
//! any unit) written as lede JSON, Prodigy JSONL, CoNLL-2003, brat, W3C Web
//! Annotation or CSV, through the same core writer as the page.

use crate::cli::{self, CliError};
use lede::export::{self, DocumentInput, Format, OnConflict, WriteOptions};
use lexopt::prelude::*;
use std::io::Write;
use std::path::{Path, PathBuf};

const HELP: &str = "\
Usage: lede export --format FORMAT [FILE|-] [--out DIR] [--name NAME]

Reads one lede JSON document (the output of `lede annotate`; offsets in any unit)
from FILE or stdin and writes it as FORMAT:
  lede-json        .json    everything, code-point offsets, re-importable
  prodigy-jsonl    .jsonl   Prodigy/spaCy task: text, tokens, spans
  conll2003        .conll   one token per line, IOB2 tags
  brat             .txt + .ann  standoff; needs --out
  web-annotation   .jsonld  W3C Web Annotation collection
  csv              .csv     one row per span

Options:
  --format FORMAT  the output format (required)
  --out DIR        write NAME.EXT into DIR (created if missing) and print the
                   paths; without it the file goes to stdout
  --name NAME      base file name (default: the document's \"name\", else FILE's
                   name, else \"document\")";

pub fn run(mut parser: lexopt::Parser) -> Result<(), CliError> {
    let mut format = None;
    let mut input: Option<String> = None;
    let mut out_dir: Option<PathBuf> = None;
    let mut name: Option<String> = None;
    while let Some(arg) = parser.next().map_err(CliError::usage)? {
        match arg {
            Long("format") | Short('f') => {
                let v = cli::string_value(&mut parser)?;
                format = Some(Format::parse(&v).ok_or_else(|| {
                    CliError::usage(format!(
                        "unknown format {v:?}: expected lede-json, prodigy-jsonl, conll2003, brat, web-annotation or csv"
                    ))
                })?);
            }
            Long("out") | Short('o') => {
                out_dir = Some(parser.value().map_err(CliError::usage)?.into());
            }
            Long("name") => {
                name = Some(cli::string_value(&mut parser)?);
            }
            Long("help") | Short('h') => {
                println!("{HELP}");
                return Ok(());
            }
            Value(v) if input.is_none() => input = Some(v.string().map_err(CliError::usage)?),
            other => return Err(CliError::usage(other.unexpected())),
        }
    }
    let format =
        format.ok_or_else(|| CliError::usage("--format is required (see lede export --help)"))?;
    if format == Format::Brat && out_dir.is_none() {
        return Err(CliError::usage(
            "brat writes two files (NAME.txt and NAME.ann): give --out DIR",
        ));
    }

    let bytes = cli::read_input(input.as_deref())?;
    let file = input.as_deref().filter(|p| *p != "-");
    let text = cli::utf8(&bytes, file.unwrap_or("stdin"))?;
    let (doc, more) = DocumentInput::parse(text).map_err(CliError::fail)?;
    if more > 0 {
        return Err(CliError::fail(format!(
            "the input holds {} documents; lede export takes one",
            more + 1
        )));
    }
    let (document, _) = doc
        .to_document(OnConflict::Refuse)
        .map_err(CliError::fail)?;
    let name = name
        .or_else(|| doc.name.clone())
        .or_else(|| file.map(str::to_string));
    let options = WriteOptions {
        name,
        id: doc.id.clone(),
    };
    let files = export::write(&document, format, &options);

    match out_dir {
        None => {
            let mut stdout = std::io::stdout().lock();
            for f in &files {
                stdout
                    .write_all(f.text.as_bytes())
                    .and_then(|_| stdout.flush())
                    .map_err(cli::write_error)?;
            }
        }
        Some(dir) => {
            std::fs::create_dir_all(&dir)
                .map_err(|e| CliError::fail(format!("cannot create {}: {e}", dir.display())))?;
            for f in &files {
                let path = Path::new(&dir).join(&f.name);
                std::fs::write(&path, &f.text)
                    .map_err(|e| CliError::fail(format!("cannot write {}: {e}", path.display())))?;
                println!("{}", path.display());
            }
        }
    }
    Ok(())
}
