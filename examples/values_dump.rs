//! Prints value spans for each input line, with an optional reference date prefix
//! "YYYY-MM-DD|text" (development aid).
fn main() {
    for line in std::io::stdin().lines() {
        let line = line.unwrap();
        let (date, text) = match line.split_once('|') {
            Some((d, t)) => (d.to_string(), t.to_string()),
            None => ("2025-01-24".to_string(), line.clone()),
        };
        let opts = lede::Options {
            ref_date: Some(lede::values::DateTime::parse(&date).unwrap()),
            entities: false,
            ..Default::default()
        };
        let doc = lede::annotate(&text, &opts).unwrap();
        let parts: Vec<String> = doc
            .spans
            .iter()
            .map(|s| {
                format!(
                    "[{}|{}|{}]",
                    s.text,
                    s.label.as_str(),
                    serde_json::to_string(&s.value).unwrap()
                )
            })
            .collect();
        println!("{text}\n   {}", parts.join(" "));
    }
}
