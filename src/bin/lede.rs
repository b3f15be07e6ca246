//! `lede`, the command-line front end: batch annotation, evaluation, training and
//! export over the same core as the web page.
//!
//! This binary (with its subcommand modules under `src/bin/lede/`) is the only code
//! that prints to the terminal or picks an exit status. Each subcommand lives in its
//! own module with a `run(parser) -> Result<(), CliError>` entry point and is
//! registered once in [`dispatch`] (plus its `#[path]` module line).

// Subcommand modules live in src/bin/lede/ (a directory without main.rs, so cargo
// does not mistake them for binaries of their own).
#[path = "lede/annotate.rs"]
mod annotate;
#[path = "lede/cli.rs"]
mod cli;
#[path = "lede/eval_ner.rs"]
mod eval_ner;
#[path = "lede/eval_values.rs"]
mod eval_values;
#[path = "lede/export.rs"]
mod export;
#[path = "lede/gazetteer.rs"]
mod gazetteer;
#[path = "lede/import.rs"]
mod import;
#[path = "lede/train.rs"]
mod train;

use cli::CliError;
use lexopt::ValueExt;
use std::process::ExitCode;

const USAGE: &str = "\
lede — annotate news text with entities, numbers and dates

Usage:
  lede annotate [FILE|-] [options]     annotate one document (or JSON Lines with --jsonl)
  lede export --format F [FILE|-]      write a lede JSON document as F (brat, CoNLL, …)
  lede import FILE [--txt FILE]        read lede JSON, Prodigy JSONL or brat back
  lede eval ner --gold FILE --map MAP  entity P/R/F1 against a gold corpus
  lede eval values --spec FILE         numbers and dates against Recognizers-Text cases
  lede train [options]                 rebuild the entity model (model/ner.bin)
  lede gazetteer [--out FILE]          recompile the gazetteer lists (data/gazetteers/compiled.bin)
  lede help                            this text
  lede --version                       print the version

Run `lede <command> --help` for a command's options.";

fn main() -> ExitCode {
    match dispatch() {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            if !err.message.is_empty() {
                eprintln!("lede: {}", err.message);
            }
            ExitCode::from(err.code)
        }
    }
}

fn dispatch() -> Result<(), CliError> {
    let mut parser = lexopt::Parser::from_env();
    let command = match parser.next().map_err(CliError::usage)? {
        Some(lexopt::Arg::Value(cmd)) => cmd.string().map_err(CliError::usage)?,
        Some(lexopt::Arg::Long("version")) | Some(lexopt::Arg::Short('V')) => {
            println!("lede {}", lede::VERSION);
            return Ok(());
        }
        Some(lexopt::Arg::Long("help")) | Some(lexopt::Arg::Short('h')) | None => {
            println!("{USAGE}");
            return Ok(());
        }
        Some(other) => return Err(CliError::usage(other.unexpected())),
    };
    match command.as_str() {
        "annotate" => annotate::run(parser),
        "export" => export::run(parser),
        "import" => import::run(parser),
        // `lede eval ner …`, `lede eval values …`: each reads its own word.
        "eval" => match parser.raw_args().map_err(CliError::usage)?.peek() {
            Some(w) if w == "values" => eval_values::run(parser),
            _ => eval_ner::run(parser),
        },
        "train" => train::run(parser),
        "gazetteer" => gazetteer::run(parser),
        "help" => {
            println!("{USAGE}");
            Ok(())
        }
        "version" => {
            println!("lede {}", lede::VERSION);
            Ok(())
        }
        other => Err(CliError::usage(format!(
            "unknown command {other:?}\n\n{USAGE}"
        ))),
    }
}
