//! Times tokenizing, sentence splitting and the value pass over a text file
//! (development aid for the MB/s figure in docs/values.md). With a second
//! argument `values-only` it runs only the value pass 20 times over pre-made
//! tokens, for `perf stat` instruction counts on a busy machine.
use std::time::Instant;

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: values_speed FILE [values-only]");
    let only = std::env::args().nth(2).is_some_and(|a| a == "values-only");
    let text = std::fs::read_to_string(path).unwrap();
    let mb = text.len() as f64 / 1e6;
    let r = lede::RefDate {
        datetime: lede::values::DateTime::parse("2025-01-24").unwrap(),
        source: lede::RefDateSource::Given,
        found_at: None,
    };
    let tokens = lede::text::tokenize(&text);
    let sentences = lede::text::split_sentences(&text, &tokens);
    if only {
        let mut n = 0;
        let iters: usize = std::env::var("ITERS")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(20);
        for _ in 0..iters {
            n += lede::values::recognize(&text, &tokens, &sentences, &r).len();
        }
        println!("{n} spans");
        return;
    }
    let mut best = (f64::MAX, f64::MAX, 0);
    for _ in 0..30 {
        let t0 = Instant::now();
        let tokens = lede::text::tokenize(&text);
        let sentences = lede::text::split_sentences(&text, &tokens);
        let t1 = Instant::now();
        let spans = lede::values::recognize(&text, &tokens, &sentences, &r);
        let t2 = Instant::now();
        best.0 = best.0.min((t1 - t0).as_secs_f64());
        best.1 = best.1.min((t2 - t1).as_secs_f64());
        best.2 = spans.len();
    }
    println!(
        "{mb:.2} MB: tokens+sentences {:.1} MB/s, values {:.1} MB/s, together {:.1} MB/s, {} spans",
        mb / best.0,
        mb / best.1,
        mb / (best.0 + best.1),
        best.2
    );
}
