//! Runs only the entity stage (`lede::entities::tag`: tagging, trimming, repairs,
//! linking) over every article of a JSON Lines corpus, tokens and sentences
//! computed beforehand and the model loaded first, so a profiler can count the
//! stage alone:
//!
//! ```sh
//! valgrind --tool=callgrind --toggle-collect='lede::entities::tag' \
//!   target/release/examples/profile_entities bench/corpus/articles.jsonl
//! ```
//!
//! With `--cold` it only loads the model (`lede::entities::warm_up`), to count the
//! one-time decoding cost (`--toggle-collect='lede::entities::warm_up'`).
//! Prints the number of spans so the work cannot be optimized away.
#[path = "common/mod.rs"]
mod common;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .expect("usage: profile_entities FILE.jsonl [--cold]");
    if args.next().as_deref() == Some("--cold") {
        lede::entities::warm_up();
        return;
    }
    let texts = common::read_texts(&path);
    let prepared: Vec<_> = texts
        .iter()
        .map(|t| {
            let tokens = lede::text::tokenize(t);
            let sentences = lede::text::split_sentences(t, &tokens);
            (t.as_str(), tokens, sentences)
        })
        .collect();
    lede::entities::warm_up();
    let start = std::time::Instant::now();
    let mut spans = 0;
    for (text, tokens, sentences) in &prepared {
        spans += lede::entities::tag(text, tokens, sentences).len();
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let secs = start.elapsed().as_secs_f64();
    eprintln!("{spans} spans, {:.1} MB/s", bytes as f64 / secs / 1e6);
}
