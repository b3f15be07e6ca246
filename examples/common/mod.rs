//! What the profiling examples share: reading the article texts of a corpus.

/// The `text` of every line of a JSON Lines corpus (`bench/corpus/articles.jsonl`);
/// lines that are not JSON objects with a string `text` are skipped.
pub fn read_texts(path: &str) -> Vec<String> {
    let jsonl = std::fs::read_to_string(path).expect("readable corpus");
    jsonl
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_string))
        .collect()
}
