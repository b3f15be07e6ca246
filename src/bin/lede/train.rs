//! `lede train`: rebuilds the entity model from the shared corpora, byte for byte.

use crate::cli::CliError;
use lede::entities::train::{train, TrainConfig};
use lexopt::prelude::*;
use std::path::PathBuf;

const HELP: &str = "\
Usage: lede train [options]

Trains the entity tagger on the train splits of ../shared/data (gmb_kaggle, gum_ner,
btc a b f g, wnut17), calibrates it on the dev splits (gmb_kaggle, gum_ner, btc e)
and writes the model file. Deterministic: the same data and options give the same bytes.

Options:
  --data DIR          the shared corpora (default ../shared/data)
  --gazetteers DIR    gazetteer lists (default data/gazetteers)
  --out FILE          where to write the model (default model/ner.bin)
  --epochs N          passes over the training data (default 8)
  --seed N            shuffling seed (default 1)
  --seeds K           average the models of seeds N..N+K-1 (default 4)
  --min-weight N      drop quantized weights below N (default 6; 1 keeps all)
  --report-epochs     print dev F1 after every epoch";

pub fn run(mut parser: lexopt::Parser) -> Result<(), CliError> {
    let mut config = TrainConfig::default();
    let mut out = PathBuf::from("model/ner.bin");
    let number = |parser: &mut lexopt::Parser| -> Result<u64, CliError> {
        let v = parser.value().map_err(CliError::usage)?;
        v.parse().map_err(CliError::usage)
    };
    while let Some(arg) = parser.next().map_err(CliError::usage)? {
        match arg {
            Long("data") => config.data_dir = parser.value().map_err(CliError::usage)?.into(),
            Long("gazetteers") => {
                config.gazetteer_dir = parser.value().map_err(CliError::usage)?.into()
            }
            Long("out") => out = parser.value().map_err(CliError::usage)?.into(),
            Long("epochs") => config.epochs = number(&mut parser)? as usize,
            Long("seed") => config.seed = number(&mut parser)?,
            Long("seeds") => config.seeds = number(&mut parser)?.max(1),
            Long("min-weight") => {
                config.min_weight = i8::try_from(number(&mut parser)?.min(127)).unwrap_or(127)
            }
            Long("report-epochs") => config.report_epochs = true,
            Long("help") | Short('h') => {
                println!("{HELP}");
                return Ok(());
            }
            other => return Err(CliError::usage(other.unexpected())),
        }
    }
    let (model, report) = train(&config).map_err(CliError::fail)?;
    let bytes = model.to_bytes();
    std::fs::write(&out, &bytes)
        .map_err(|e| CliError::fail(format!("cannot write {}: {e}", out.display())))?;
    println!("corpus               texts  tokens   spans  misaligned  cross-sent  +NORP  titles");
    for (name, s) in &report.corpora {
        println!(
            "{name:<18} {:>7} {:>7} {:>7} {:>11} {:>11} {:>6} {:>7}",
            s.texts,
            s.tokens,
            s.spans,
            s.misaligned,
            s.cross_sentence,
            s.norp_added,
            s.titles_trimmed
        );
    }
    println!("training sentences: {}", report.sentences);
    for (epoch, f1) in report.epoch_f1.iter().enumerate() {
        println!("epoch {}: dev span F1 {f1:.4}", epoch + 1);
    }
    println!(
        "features: {} type + {} token created, {} + {} kept",
        report.features.0, report.features.1, report.kept.0, report.kept.1
    );
    let (p, r, f) = report.dev_prf;
    println!("dev (lede labels, quantized): P {p:.4} R {r:.4} F1 {f:.4}");
    println!(
        "calibration: p = sigmoid({:.5} * margin + {:.5})",
        report.calibration[0], report.calibration[1]
    );
    println!("wrote {} ({} bytes)", out.display(), bytes.len());
    Ok(())
}
