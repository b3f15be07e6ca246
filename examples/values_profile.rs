//! Runs only the value pass over every article of a JSON Lines corpus, tokens and
//! sentences made beforehand, for instruction counts of that stage alone:
//!
//! ```sh
//! valgrind --tool=callgrind --toggle-collect='*values*scan*recognize*' \
//!   target/release/examples/values_profile bench/corpus/articles.jsonl
//! ```
//!
//! With `--dump` it prints every span (article, byte range, label, value JSON), so a
//! change meant to be invisible can be checked by diffing two runs.
#[path = "common/mod.rs"]
mod common;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .expect("usage: values_profile FILE.jsonl [--dump]");
    let dump = args.next().is_some_and(|a| a == "--dump");
    let texts = common::read_texts(&path);
    let r = lede::RefDate {
        datetime: lede::values::DateTime::parse("2025-01-24").expect("a date"),
        source: lede::RefDateSource::Given,
        found_at: None,
    };
    let prepared: Vec<_> = texts
        .iter()
        .map(|t| {
            let tokens = lede::text::tokenize(t);
            let sentences = lede::text::split_sentences(t, &tokens);
            (t, tokens, sentences)
        })
        .collect();
    let start = std::time::Instant::now();
    let mut n = 0;
    for (k, (text, tokens, sentences)) in prepared.iter().enumerate() {
        let spans = lede::values::recognize(text, tokens, sentences, &r);
        n += spans.len();
        if dump {
            for s in &spans {
                println!(
                    "{k}\t{}\t{}\t{:?}\t{}\t{}",
                    s.start,
                    s.end,
                    s.label,
                    s.score,
                    serde_json::to_string(&s.value).expect("serializable")
                );
            }
        }
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let secs = start.elapsed().as_secs_f64();
    eprintln!("{n} spans, {:.1} MB/s", bytes as f64 / secs / 1e6);
}
