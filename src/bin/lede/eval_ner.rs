//! `lede eval ner`: exact-span entity P/R/F1 of the full pipeline against a gold corpus.

use crate::cli::{self, CliError};
use lede::entities::corpus::read_jsonl;
use lede::entities::eval::{evaluate, parse_label_map, EvalOptions};
use lexopt::prelude::*;

const HELP: &str = "\
Usage: lede eval ner --gold FILE.jsonl --map MAP [options]

Annotates every text of FILE.jsonl ({\"text\", \"spans\": [{\"start\",\"end\",\"label\"}]},
offsets in code points) and prints exact-span precision, recall and F1 per label and
micro-averaged (CoNLL conventions). lede's labels score as PERSON=PER, ORG=ORG,
GPE and LOC=LOC, NORP=NORP (MISC when only MISC is scored), EVENT=MISC.

Options:
  --gold FILE         the gold corpus (jsonl)
  --map MAP           gold label map: NATIVE=SCORING,... (empty target: not scored),
                      a JSON file of one map, or FILE.json#key (LABEL_MAPS.json)
  --labels L,L,...    scoring labels to report (default: every target of the map
                      except DATE_TIME)
  --trim-titles       trim leading titles from gold PER spans (the GMB protocol)";

pub fn run(mut parser: lexopt::Parser) -> Result<(), CliError> {
    match parser.next().map_err(CliError::usage)? {
        Some(Value(v)) if v == "ner" => {}
        Some(Long("help")) | Some(Short('h')) | None => {
            println!("{HELP}");
            return Ok(());
        }
        Some(other) => return Err(CliError::usage(format!("{}\n\n{HELP}", other.unexpected()))),
    }
    let (mut gold, mut map) = (None, None);
    let mut options = EvalOptions::default();
    while let Some(arg) = parser.next().map_err(CliError::usage)? {
        match arg {
            Long("gold") => gold = Some(cli::string_value(&mut parser)?),
            Long("map") => {
                let spec = cli::string_value(&mut parser)?;
                map = Some(parse_label_map(&spec).map_err(CliError::usage)?);
            }
            Long("labels") => {
                let v = cli::string_value(&mut parser)?;
                options.labels = Some(
                    v.split(',')
                        .map(|l| l.trim().to_string())
                        .filter(|l| !l.is_empty())
                        .collect(),
                );
            }
            Long("trim-titles") => options.trim_titles = true,
            Long("help") | Short('h') => {
                println!("{HELP}");
                return Ok(());
            }
            other => return Err(CliError::usage(other.unexpected())),
        }
    }
    let gold = gold.ok_or_else(|| CliError::usage("--gold FILE.jsonl is required"))?;
    let map = map.ok_or_else(|| CliError::usage("--map is required"))?;
    let (texts, dropped) = read_jsonl(gold.as_ref()).map_err(CliError::fail)?;
    let report = evaluate(&texts, &map, &options);
    cli::write_line(format_args!("{}", report.to_string().trim_end()))?;
    if dropped > 0 {
        cli::write_line(format_args!(
            "gold spans with offsets outside their text (ignored): {dropped}"
        ))?;
    }
    Ok(())
}
