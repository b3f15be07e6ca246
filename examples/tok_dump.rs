//! Prints tokens, one line per input line (development aid).
fn main() {
    for line in std::io::stdin().lines() {
        let line = line.unwrap();
        let toks = lede::text::tokenize(&line);
        let v: Vec<String> = toks.iter().map(|t| format!("{}", t.text(&line))).collect();
        println!("{}", v.join(" | "));
    }
}
