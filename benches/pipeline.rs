//! Criterion benchmarks of lede's core stages over the benchmark corpus
//! (`bench/corpus/articles.jsonl`, built by `node bench/corpus.mjs`; see bench/README.md).
//!
//! Every benchmark processes the whole corpus, one article at a time (as the CLI and
//! the page do), and reports throughput in input bytes. Each stage is timed on its own
//! with the previous stages' output computed beforehand, so the stage numbers add up
//! to roughly the `annotate` number. `make bench` reads the estimates criterion
//! writes under `target/criterion/` into `bench/results.json`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use lede::export::DocumentRecord;
use lede::text::{split_sentences, tokenize, Sentence, Token};
use lede::values::{DateTime, RefDate, RefDateSource};
use lede::{annotate, entities, values, Options, Unit};
use std::hint::black_box;
use std::time::Duration;

/// One article's text and the stage outputs the later stages start from.
struct Article {
    text: String,
    tokens: Vec<Token>,
    sentences: Vec<Sentence>,
}

fn load_corpus() -> Vec<Article> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/bench/corpus/articles.jsonl");
    let jsonl = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{path}: {e}; build it with `node bench/corpus.mjs`"));
    jsonl
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let record: serde_json::Value = serde_json::from_str(line).expect("corpus is JSON");
            let text = record["text"]
                .as_str()
                .expect("article has text")
                .to_string();
            let tokens = tokenize(&text);
            let sentences = split_sentences(&text, &tokens);
            Article {
                text,
                tokens,
                sentences,
            }
        })
        .collect()
}

/// The date every article is resolved against, as `make bench`'s Node run passes it.
fn ref_date() -> RefDate {
    RefDate {
        datetime: DateTime::parse("2025-01-24").expect("a valid date"),
        source: RefDateSource::Given,
        found_at: None,
    }
}

fn stages(c: &mut Criterion) {
    let corpus = load_corpus();
    let bytes: usize = corpus.iter().map(|a| a.text.len()).sum();
    let ref_date = ref_date();
    let options = Options {
        today: Some(ref_date.datetime),
        ..Options::default()
    };

    let mut group = c.benchmark_group("stages");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("tokenize", |b| {
        b.iter(|| {
            for a in &corpus {
                black_box(tokenize(black_box(&a.text)));
            }
        })
    });
    group.bench_function("sentences", |b| {
        b.iter(|| {
            for a in &corpus {
                black_box(split_sentences(black_box(&a.text), &a.tokens));
            }
        })
    });
    group.bench_function("values", |b| {
        b.iter(|| {
            for a in &corpus {
                black_box(values::recognize(
                    black_box(&a.text),
                    &a.tokens,
                    &a.sentences,
                    &ref_date,
                ));
            }
        })
    });
    group.bench_function("entities", |b| {
        b.iter(|| {
            for a in &corpus {
                black_box(entities::tag(black_box(&a.text), &a.tokens, &a.sentences));
            }
        })
    });
    group.bench_function("annotate", |b| {
        b.iter(|| {
            for a in &corpus {
                black_box(annotate(black_box(&a.text), &options).expect("annotates"));
            }
        })
    });
    // The CLI's per-document output step: the lede JSON record (code-point offsets)
    // serialized to a byte buffer. Formats added to `export` later get a line here.
    let docs: Vec<_> = corpus
        .iter()
        .map(|a| annotate(&a.text, &options).expect("annotates"))
        .collect();
    group.bench_function("export_json", |b| {
        let mut buffer = Vec::with_capacity(16 << 20);
        b.iter(|| {
            buffer.clear();
            for doc in &docs {
                let record = DocumentRecord::new(doc, Unit::Chars);
                serde_json::to_writer(&mut buffer, &record).expect("serializes");
                buffer.push(b'\n');
            }
            black_box(buffer.len())
        })
    });
    group.finish();

    // The whole corpus as one document: shows whether any stage is worse than linear.
    let whole: String = corpus
        .iter()
        .map(|a| a.text.as_str())
        .collect::<Vec<_>>()
        .join("\n\n");
    let mut group = c.benchmark_group("one_string");
    group.throughput(Throughput::Bytes(whole.len() as u64));
    group.bench_function("annotate", |b| {
        b.iter(|| black_box(annotate(black_box(&whole), &options).expect("annotates")))
    });
    group.finish();
}

fn config() -> Criterion {
    // About 1 MB per iteration: ten samples over three seconds each are enough for a
    // stable median and keep `make bench` short on a 2-core machine.
    Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
}

criterion_group! {
    name = benches;
    config = config();
    targets = stages
}
criterion_main!(benches);
