//! Runs `lede::annotate` over every article of a JSON Lines corpus, for profilers
//! (`valgrind --tool=callgrind target/release/examples/profile bench/corpus/articles.jsonl`).
//! Prints the number of spans so the work cannot be optimized away.
#[path = "common/mod.rs"]
mod common;

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: profile FILE.jsonl [ITERS]");
    let iters: usize = std::env::args()
        .nth(2)
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let texts = common::read_texts(&path);
    let options = lede::Options {
        // `today`, as the page and the Node bench pass it: the reference date is
        // looked for in each article first.
        today: lede::values::DateTime::parse("2025-01-24").ok(),
        ..Default::default()
    };
    let start = std::time::Instant::now();
    let mut spans = 0;
    for _ in 0..iters {
        for text in &texts {
            spans += lede::annotate(text, &options)
                .expect("annotates")
                .spans
                .len();
        }
    }
    let bytes: usize = texts.iter().map(String::len).sum::<usize>() * iters;
    let secs = start.elapsed().as_secs_f64();
    eprintln!("{spans} spans, {:.1} MB/s", bytes as f64 / secs / 1e6);
}
