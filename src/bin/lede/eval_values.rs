//! `lede eval values`: scores the value recognizers on Recognizers-Text's English
//! model specs and prints found / exact / right-value / spurious shares per spec
//! file and overall (matching rules: docs/values.md, "Evaluation").

use crate::cli::{self, CliError};
use lexopt::prelude::*;

const HELP: &str = "\
Usage: lede eval values --spec FILE [--all]

Scores numbers, money, units, dates and times against Microsoft Recognizers-Text's
English model cases (JSON Lines, e.g. ../shared/data/recognizers-text-specs/
english_model_cases.jsonl) and prints, per spec file and overall, the share of
expected results found (span overlap), found with the exact span, found with the
right normalized value, and the share of our spans that match nothing.

Options:
  --spec FILE   the JSON Lines cases (required)
  --all         also score the cases .NET itself fails (default: skip them)
  --misses      first print every expected result without a right value
                (spec, input, expected text, expected resolution, our spans)";

pub fn run(mut parser: lexopt::Parser) -> Result<(), CliError> {
    // `lede eval values …`: the first word names what to evaluate.
    match parser.next().map_err(CliError::usage)? {
        Some(Value(what)) if what == "values" => {}
        Some(Long("help")) | Some(Short('h')) => {
            println!("{HELP}");
            return Ok(());
        }
        Some(other) => return Err(CliError::usage(format!("{}\n\n{HELP}", other.unexpected()))),
        None => return Err(CliError::usage(format!("what to evaluate?\n\n{HELP}"))),
    }
    let mut spec = None;
    let mut all = false;
    let mut misses = false;
    while let Some(arg) = parser.next().map_err(CliError::usage)? {
        match arg {
            Long("spec") => spec = Some(cli::string_value(&mut parser)?),
            Long("all") => all = true,
            Long("misses") => misses = true,
            Long("help") | Short('h') => {
                println!("{HELP}");
                return Ok(());
            }
            other => return Err(CliError::usage(other.unexpected())),
        }
    }
    let spec = spec.ok_or_else(|| CliError::usage(format!("--spec is required\n\n{HELP}")))?;
    // The first failed write (a closed pipe) ends the listing; it is reported after.
    let mut written = Ok(());
    let report = lede::values::eval::evaluate_file_with(&spec, all, |m| {
        if misses && written.is_ok() {
            written = cli::write_line(format_args!("{m}"));
        }
    })
    .map_err(CliError::fail)?;
    written?;
    cli::write_line(format_args!("{report}"))?;
    Ok(())
}
