//! `lede gazetteer`: compiles the gazetteer lists embedded in this build to the
//! binary form the tagger loads (data/gazetteers/compiled.bin), byte for byte.

use crate::cli::{self, CliError};
use lexopt::prelude::*;
use std::path::PathBuf;

const HELP: &str = "\
Usage: lede gazetteer [--out FILE]

Compiles the gazetteer lists of data/gazetteers/ as built into this binary (so
rebuild it after editing a list) to the hashed form the tagger loads, and writes
it (default data/gazetteers/compiled.bin). Rebuild the binary afterwards to embed
the new file; a test fails while the committed file is stale.";

pub fn run(mut parser: lexopt::Parser) -> Result<(), CliError> {
    let mut out = PathBuf::from("data/gazetteers/compiled.bin");
    while let Some(arg) = parser.next().map_err(CliError::usage)? {
        match arg {
            Long("out") => out = parser.value().map_err(CliError::usage)?.into(),
            Long("help") | Short('h') => {
                println!("{HELP}");
                return Ok(());
            }
            other => return Err(CliError::usage(other.unexpected())),
        }
    }
    let bytes = lede::entities::gazetteer::compile(lede::entities::gazetteer::embedded_lists());
    std::fs::write(&out, &bytes)
        .map_err(|e| CliError::fail(format!("cannot write {}: {e}", out.display())))?;
    cli::write_line(format_args!(
        "wrote {} ({} bytes)",
        out.display(),
        bytes.len()
    ))
}
