//! The `lede` command line as a user runs it: output schema and offsets in every
//! unit, JSON Lines streaming in order, and a clear one-line error with a non-zero
//! exit status for each kind of bad input.

mod common;

use common::lede;
use serde_json::Value;
use std::process::Output;

const REUTERS: &str = "SEOUL (Reuters) - South Korea's military said on Friday that it suspects North Korea is preparing to send more troops to Russia to fight Ukrainian forces, even after suffering losses and seeing some of its soldiers captured. ... Pyongyang has deployed about 11,000 soldiers to support Moscow's forces in Russia's western Kursk region, according to Ukrainian and Western assessments, which Ukraine seized in a surprise attack last year.";

fn json(out: &Output) -> Value {
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn slice(text: &str, unit: &str, start: usize, end: usize) -> String {
    match unit {
        "bytes" => text[start..end].to_string(),
        "chars" => text.chars().skip(start).take(end - start).collect(),
        _ => String::from_utf16(&text.encode_utf16().collect::<Vec<_>>()[start..end]).unwrap(),
    }
}

#[test]
fn annotates_stdin_with_the_documented_schema() {
    let doc = json(&lede(
        &["annotate", "--ref-date", "2025-01-24"],
        REUTERS.as_bytes(),
    ));
    for key in [
        "text",
        "ref_date",
        "ref_date_source",
        "offsets",
        "tokens",
        "sentences",
        "spans",
    ] {
        assert!(doc.get(key).is_some(), "missing {key}");
    }
    assert_eq!(doc["ref_date"], "2025-01-24");
    assert_eq!(doc["ref_date_source"], "given");
    assert_eq!(doc["offsets"], "chars");
    let token = &doc["tokens"][0];
    assert_eq!(
        (
            token["start"].as_u64(),
            token["end"].as_u64(),
            token["text"].as_str(),
            token["ws"].as_str()
        ),
        (Some(0), Some(5), Some("SEOUL"), Some(" "))
    );
    let sentences: Vec<String> = doc["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            slice(
                REUTERS,
                "chars",
                s["start"].as_u64().unwrap() as usize,
                s["end"].as_u64().unwrap() as usize,
            )
        })
        .collect();
    assert_eq!(sentences.len(), 2);
    assert!(sentences[0].starts_with("SEOUL (Reuters) - South Korea's military said on Friday"));
    // Entity groups list every mention of an entity by span index.
    let spans = doc["spans"].as_array().unwrap();
    let russia = doc["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["name"] == "Russia")
        .expect("Russia is an entity");
    let mentions = russia["mentions"].as_array().unwrap();
    assert_eq!(mentions.len(), 2);
    for m in mentions {
        let span = &spans[m.as_u64().unwrap() as usize];
        assert_eq!(
            (span["text"].as_str(), &span["entity"]),
            (Some("Russia"), &russia["id"])
        );
    }
}

#[test]
fn offsets_slice_back_in_every_unit() {
    let text = "Zelenskiy 👩🏽‍💻 met 東京 officials in Kyiv, e\u{301}t\u{e9} 🇺🇦.\r\nשָׁלוֹם";
    for unit in ["chars", "utf16", "bytes"] {
        let doc = json(&lede(
            &["annotate", "-", "--offsets", unit],
            text.as_bytes(),
        ));
        assert_eq!(doc["offsets"], unit);
        let tokens = doc["tokens"].as_array().unwrap();
        assert!(tokens.len() > 10);
        for t in tokens {
            let (s, e) = (
                t["start"].as_u64().unwrap() as usize,
                t["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(
                slice(text, unit, s, e),
                t["text"].as_str().unwrap(),
                "{unit}"
            );
        }
    }
}

#[test]
fn reads_a_file_argument() {
    let path = std::env::temp_dir().join(format!("lede-cli-{}.txt", std::process::id()));
    std::fs::write(&path, "Kyiv, Jan. 24.").unwrap();
    let doc = json(&lede(&["annotate", path.to_str().unwrap()], b""));
    std::fs::remove_file(&path).ok();
    assert_eq!(doc["text"], "Kyiv, Jan. 24.");
}

#[test]
fn jsonl_streams_one_line_per_document_in_order() {
    let mut input = String::new();
    for i in 0..5000 {
        input.push_str(&serde_json::json!({"id": i, "text": format!("Document {i} about Kyiv."), "ref_date": "2025-01-24"}).to_string());
        input.push('\n');
    }
    let out = lede(&["annotate", "--jsonl", "--threads", "2"], input.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 5000);
    for (i, doc) in lines.iter().enumerate() {
        assert_eq!(doc["id"], i);
        assert_eq!(doc["text"], format!("Document {i} about Kyiv."));
        assert_eq!(doc["ref_date"], "2025-01-24");
    }
}

#[test]
fn malformed_jsonl_names_the_line_and_keep_going_continues() {
    let input = "{\"text\":\"one\"}\n{\"text\": oops}\n\n{\"text\":\"three\",\"id\":\"c\"}\n";
    let out = lede(&["annotate", "--jsonl"], input.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).starts_with("lede: line 2: malformed JSON"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).lines().count(),
        1,
        "stops after the good line before"
    );

    let out = lede(&["annotate", "--jsonl", "--keep-going"], input.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[1]["line"], 2);
    assert!(lines[1]["error"]
        .as_str()
        .unwrap()
        .starts_with("malformed JSON"));
    assert_eq!(lines[2]["id"], "c");
    assert!(stderr(&out).contains("1 of 3 lines failed"));
}

#[test]
fn lone_surrogates_in_jsonl_become_replacement_characters() {
    let out = lede(&["annotate", "--jsonl"], br#"{"text":"Kyiv \ud800 said"}"#);
    let doc = json(&out);
    assert_eq!(doc["text"], "Kyiv \u{fffd} said");
    assert_eq!(doc["tokens"].as_array().unwrap().len(), 3);
}

#[test]
fn invalid_utf8_says_where() {
    let out = lede(&["annotate"], b"Kyiv\nsaid \xff here");
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("not valid UTF-8")
            && err.contains("byte offset 10")
            && err.contains("line 2, column 6"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1);
}

#[test]
fn binary_junk_is_refused_or_annotated_never_a_panic() {
    let junk: Vec<u8> = (0..20_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let out = lede(&["annotate"], &junk);
    assert!(out.status.code() == Some(1) || out.status.success());
    assert!(!stderr(&out).contains("panicked"));
    // Valid UTF-8 made only of control characters annotates to nothing.
    let doc = json(&lede(&["annotate"], b"\x00\x01\x02\x7f"));
    assert_eq!(doc["tokens"].as_array().unwrap().len(), 0);
}

#[test]
fn empty_input_gives_an_empty_document() {
    let doc = json(&lede(&["annotate"], b""));
    assert_eq!(doc["text"], "");
    assert_eq!(doc["tokens"].as_array().unwrap().len(), 0);
    let out = lede(&["annotate", "--jsonl"], b"");
    assert!(out.status.success() && out.stdout.is_empty());
}

#[test]
fn usage_errors_exit_2_with_one_line() {
    for args in [
        &["annotate", "--ref-date", "2025-02-30"][..],
        &["annotate", "--offsets", "furlongs"],
        &["annotate", "--bogus"],
        &["frobnicate"],
    ] {
        let out = lede(args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).starts_with("lede: "), "{args:?}");
    }
    let out = lede(&["annotate", "/no/such/file.txt"], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).starts_with("lede: cannot read /no/such/file.txt"));
}

#[test]
fn ten_megabytes_annotate() {
    let paragraph = format!("{REUTERS}\n\n");
    let copies = 10 * 1024 * 1024 / paragraph.len();
    let text = paragraph.repeat(copies);
    let out = lede(&["annotate", "--offsets", "bytes"], text.as_bytes());
    let doc = json(&out);
    assert_eq!(doc["text"].as_str().unwrap().len(), text.len());
    assert_eq!(doc["tokens"].as_array().unwrap().len(), 78 * copies);
    assert_eq!(doc["sentences"].as_array().unwrap().len(), 2 * copies);
}
