//! Export and import as a user meets them: every format written from one document
//! full of emoji (ZWJ sequences, flags, skin tones), CJK, RTL, combining marks,
//! CRLF and NBSP, its offsets sliced against the text in the format's own unit,
//! read back where lede reads the format, and the same through the CLI.

use lede::export::{self, Format, ImportError, ImportWarning, ReadOptions, WriteOptions};
use lede::export::{DocumentRecord, SpanRecord};
use lede::values::{DateTime, Mod, TimeValue};
use lede::{annotate, Document, Label, Options, Source, Span, Unit, Value};
use proptest::prelude::*;
use std::path::PathBuf;
use std::process::Output;

mod common;
use common::lede;

const TEXT: &str = "SEOUL, Jan. 24 — Zelenskiy 👩🏽‍💻 met 東京 officials in Kyiv 🇺🇦 about the $3.5 billion deal, \
up 7.6% on H5N1 fears.\r\nשָׁלוֹם said the cafe\u{301} 👍🏿 and العربية talks ended.\r\nThen 👨‍👩‍👧 left,\u{a0}quietly.";

/// `(needle, label, source, score, entity, value)`: one span of the fixture.
type FixtureSpan = (&'static str, Label, Source, f32, Option<u32>, Option<Value>);

fn fixture_spans() -> Vec<FixtureSpan> {
    let date = Value::Date(TimeValue {
        timex: "2025-01-24".into(),
        start: Some("2025-01-24".into()),
        end: Some("2025-01-25".into()),
        modifier: None,
    });
    let money = Value::Money {
        amount: 3.5e9,
        to: None,
        currency: "USD".into(),
        per: None,
        modifier: Some(Mod::Approx),
    };
    let percent = Value::Percent {
        number: 7.6,
        to: None,
        modifier: None,
    };
    let custom = |name: &str| Label::Custom(name.into());
    vec![
        ("Jan. 24", Label::Date, Source::Rule, 1.0, None, Some(date)),
        (
            "Zelenskiy",
            Label::Person,
            Source::Model,
            0.87,
            Some(1),
            None,
        ),
        ("👩🏽‍💻", custom("Gadget"), Source::User, 1.0, None, None),
        ("東京", Label::Gpe, Source::Model, 0.5, Some(2), None),
        ("Kyiv", Label::Gpe, Source::Model, 0.6, Some(3), None),
        ("🇺🇦", custom("FLAG"), Source::User, 1.0, None, None),
        (
            "$3.5 billion",
            Label::Money,
            Source::Rule,
            1.0,
            None,
            Some(money),
        ),
        (
            "7.6%",
            Label::Percent,
            Source::User,
            1.0,
            None,
            Some(percent),
        ),
        // Cuts the token "H5N1".
        ("H5", custom("VIRUS"), Source::Import, 1.0, None, None),
        ("שָׁלוֹם", Label::Person, Source::Model, 0.9, Some(4), None),
        ("cafe\u{301}", Label::Org, Source::User, 1.0, None, None),
        ("👍🏿", custom("EMOJI"), Source::User, 1.0, None, None),
        ("العربية", Label::Norp, Source::Model, 0.7, None, None),
        // Crosses a CRLF and a sentence break.
        (
            "ended.\r\nThen",
            Label::Event,
            Source::User,
            1.0,
            None,
            None,
        ),
        ("👨‍👩‍👧", custom("FAMILY"), Source::User, 1.0, None, None),
        (
            "left,\u{a0}quietly",
            custom("MANNER"),
            Source::User,
            1.0,
            None,
            None,
        ),
    ]
}

fn fixture() -> Document<'static> {
    let options = Options {
        ref_date: Some(DateTime::parse("2025-01-24").unwrap()),
        ..Options::default()
    };
    let mut doc = annotate(TEXT, &options).unwrap();
    doc.spans = fixture_spans()
        .into_iter()
        .map(|(needle, label, source, score, entity, value)| {
            let start = TEXT.find(needle).expect("needle in TEXT");
            let mut span = Span::new(TEXT, start, start + needle.len(), label, source).unwrap();
            span.score = score;
            span.entity = entity;
            span.value = value;
            span
        })
        .collect();
    doc
}

fn named() -> WriteOptions {
    WriteOptions {
        name: Some("Seoul talks.txt".into()),
        id: Some(serde_json::json!(42)),
    }
}

fn one_file(doc: &Document<'_>, format: Format) -> String {
    let mut files = export::write(doc, format, &named());
    assert_eq!(files.len(), 1);
    files.remove(0).text
}

/// `text[start..end]` in `unit`.
fn slice(text: &str, unit: Unit, start: usize, end: usize) -> String {
    match unit {
        Unit::Bytes => text[start..end].to_string(),
        Unit::Chars => text.chars().skip(start).take(end - start).collect(),
        Unit::Utf16 => {
            String::from_utf16(&text.encode_utf16().collect::<Vec<_>>()[start..end]).unwrap()
        }
    }
}

fn chars(text: &str, start: &serde_json::Value, end: &serde_json::Value) -> String {
    slice(
        text,
        Unit::Chars,
        start.as_u64().unwrap() as usize,
        end.as_u64().unwrap() as usize,
    )
}

/// The spans lede JSON holds for `doc` in `unit`: what every lossless format must give back.
fn expected_spans(doc: &Document<'_>, unit: Unit) -> Vec<SpanRecord<'static>> {
    DocumentRecord::new(doc, unit).into_owned().spans
}

fn read(
    input: &str,
    format: Option<Format>,
    companion: Option<&str>,
    unit: Unit,
) -> export::Imported {
    let options = ReadOptions {
        format,
        companion,
        unit,
    };
    export::read(input, &options).unwrap()
}

#[test]
fn fixture_spans_slice_in_every_unit() {
    let doc = fixture();
    for unit in [Unit::Bytes, Unit::Chars, Unit::Utf16] {
        for s in expected_spans(&doc, unit) {
            assert_eq!(slice(TEXT, unit, s.start, s.end), s.text, "{unit:?}");
        }
    }
}

#[test]
fn file_names_and_media_types() {
    let doc = fixture();
    let names: Vec<(String, &str)> = Format::ALL
        .iter()
        .flat_map(|&f| export::write(&doc, f, &named()))
        .map(|f| (f.name, f.mime))
        .collect();
    let expected = [
        ("Seoul talks.json", "application/json"),
        ("Seoul talks.jsonl", "application/x-ndjson"),
        ("Seoul talks.conll", "text/plain"),
        ("Seoul talks.txt", "text/plain"),
        ("Seoul talks.ann", "text/plain"),
        ("Seoul talks.jsonld", "application/ld+json"),
        ("Seoul talks.csv", "text/csv"),
    ];
    let got: Vec<(&str, &str)> = names.iter().map(|(n, m)| (n.as_str(), *m)).collect();
    assert_eq!(got, expected);
    let unnamed = export::write(&doc, Format::Csv, &WriteOptions::default());
    assert_eq!(unnamed[0].name, "document.csv");
}

#[test]
fn lede_json_round_trips_losslessly_in_every_unit() {
    let doc = fixture();
    let json = one_file(&doc, Format::LedeJson);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["offsets"], "chars");
    assert_eq!(
        (&value["name"], &value["id"]),
        (
            &serde_json::json!("Seoul talks.txt"),
            &serde_json::json!(42)
        )
    );
    for unit in [Unit::Chars, Unit::Utf16, Unit::Bytes] {
        let imported = read(&json, None, None, unit);
        assert_eq!(imported.format, Format::LedeJson);
        assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
        let mut expected = DocumentRecord::new(&doc, unit).into_owned();
        expected.id = Some(serde_json::json!(42));
        expected.name = Some("Seoul talks.txt".into());
        assert_eq!(imported.document, expected, "{unit:?}");
    }
}

#[test]
fn prodigy_jsonl_offsets_tokens_and_round_trip() {
    let doc = fixture();
    let line = one_file(&doc, Format::ProdigyJsonl);
    assert_eq!(line.matches('\n').count(), 1);
    let task: serde_json::Value = serde_json::from_str(&line).unwrap();
    assert_eq!(task["text"], TEXT);
    let tokens = task["tokens"].as_array().unwrap();
    for (i, t) in tokens.iter().enumerate() {
        assert_eq!(
            chars(TEXT, &t["start"], &t["end"]),
            t["text"].as_str().unwrap()
        );
        assert_eq!(t["id"], i);
        let next = tokens.get(i + 1).map_or(TEXT.chars().count() as u64, |n| {
            n["start"].as_u64().unwrap()
        });
        assert_eq!(t["ws"], next > t["end"].as_u64().unwrap());
    }
    // The tokenizer's tokens, but "H5N1" split where the span "H5" ends.
    let words: Vec<&str> = tokens.iter().map(|t| t["text"].as_str().unwrap()).collect();
    let mut tokenizer: Vec<&str> = doc.tokens.iter().map(|t| t.text(TEXT)).collect();
    let h5n1 = tokenizer.iter().position(|w| *w == "H5N1").unwrap();
    tokenizer.splice(h5n1..=h5n1, ["H5", "N1"]);
    assert_eq!(words, tokenizer);

    let spans = task["spans"].as_array().unwrap();
    assert_eq!(spans.len(), doc.spans.len());
    for (s, want) in spans.iter().zip(&doc.spans) {
        assert_eq!(chars(TEXT, &s["start"], &s["end"]), want.text);
        assert_eq!(s["text"], want.text);
        assert_eq!(s["label"], want.label.as_str());
        let first = &tokens[s["token_start"].as_u64().unwrap() as usize];
        let last = &tokens[s["token_end"].as_u64().unwrap() as usize];
        assert_eq!(
            (&first["start"], &last["end"]),
            (&s["start"], &s["end"]),
            "{}",
            want.text
        );
    }
    assert_eq!(task["meta"]["ref_date"], "2025-01-24");

    let imported = read(&line, None, None, Unit::Utf16);
    assert_eq!(imported.format, Format::ProdigyJsonl);
    let got: Vec<_> = imported
        .document
        .spans
        .iter()
        .map(|s| {
            (
                s.start,
                s.end,
                s.label.clone(),
                s.text.to_string(),
                s.value.clone(),
            )
        })
        .collect();
    let want: Vec<_> = expected_spans(&doc, Unit::Utf16)
        .into_iter()
        .map(|s| (s.start, s.end, s.label, s.text.to_string(), s.value))
        .collect();
    assert_eq!(got, want);
    assert!(imported
        .document
        .spans
        .iter()
        .all(|s| s.source == Source::Import));
    assert_eq!(imported.document.ref_date, "2025-01-24");
}

/// `(start, end, label)` of one IOB2 run, byte offsets.
type Run = (usize, usize, String);

/// Reads a CoNLL file back against the text: each token's byte range, and the
/// spans its IOB2 tags describe as `(start, end, label)`. Fails on any I- that does
/// not continue a run of its own label in the same sentence.
fn read_conll(text: &str, conll: &str) -> (Vec<(usize, usize)>, Vec<Run>) {
    let mut lines = conll.split('\n');
    assert_eq!(lines.next(), Some("-DOCSTART- -X- -X- O"));
    assert_eq!(lines.next(), Some(""));
    let (mut tokens, mut spans) = (Vec::new(), Vec::<Run>::new());
    let mut cursor = 0;
    let mut open = false;
    for line in lines {
        if line.is_empty() {
            open = false;
            continue;
        }
        let columns: Vec<&str> = line.split(' ').collect();
        assert_eq!(columns.len(), 4, "{line:?}");
        assert_eq!(&columns[1..3], ["-X-", "_"]);
        let word = columns[0];
        let skipped = text[cursor..].find(word).expect("token in text");
        assert!(
            text[cursor..cursor + skipped]
                .chars()
                .all(lede::text::is_separator),
            "{word:?}"
        );
        let (start, end) = (cursor + skipped, cursor + skipped + word.len());
        cursor = end;
        tokens.push((start, end));
        let tag = columns[3];
        if let Some(label) = tag.strip_prefix("B-") {
            spans.push((start, end, label.to_string()));
            open = true;
        } else if let Some(label) = tag.strip_prefix("I-") {
            let last = spans
                .last_mut()
                .filter(|_| open)
                .expect("I- continues a run");
            assert_eq!(last.2, label, "I- label matches its B-");
            last.1 = end;
        } else {
            assert_eq!(tag, "O");
            open = false;
        }
    }
    (tokens, spans)
}

#[test]
fn conll_every_span_is_one_b_run_and_no_tag_shifts() {
    let doc = fixture();
    let conll = one_file(&doc, Format::Conll2003);
    let (tokens, spans) = read_conll(TEXT, &conll);
    let expected: Vec<Run> = doc
        .spans
        .iter()
        .map(|s| (s.start, s.end, s.label.to_string()))
        .collect();
    assert_eq!(spans, expected);
    assert_eq!(conll.matches(" B-").count(), doc.spans.len());
    // Tokens are the tokenizer's but for "H5N1", cut by the span "H5".
    assert_eq!(tokens.len(), doc.tokens.len() + 1);
    // "ended.\r\nThen" is one span, so its two sentences are written as one.
    assert!(conll.contains("ended -X- _ B-EVENT\n. -X- _ I-EVENT\nThen -X- _ I-EVENT\n"));
    assert!(conll.ends_with(". -X- _ O\n\n"));
}

#[test]
fn conll_tokens_equal_the_tokenizers_when_spans_are_on_tokens() {
    let mut doc = fixture();
    doc.spans.retain(|s| s.text != "H5");
    let (tokens, _) = read_conll(TEXT, &one_file(&doc, Format::Conll2003));
    let tokenizer: Vec<(usize, usize)> = doc
        .tokens
        .iter()
        .map(|t| (t.start as usize, t.end as usize))
        .collect();
    assert_eq!(tokens, tokenizer);
    // Without spans, every sentence of the splitter is one block.
    doc.spans.clear();
    let conll = one_file(&doc, Format::Conll2003);
    assert_eq!(conll.matches("\n\n").count(), doc.sentences.len() + 1);
}

#[test]
fn brat_text_is_byte_for_byte_and_ann_round_trips_losslessly() {
    let doc = fixture();
    let files = export::write(&doc, Format::Brat, &named());
    let (txt, ann) = (&files[0].text, &files[1].text);
    assert_eq!(txt.as_bytes(), TEXT.as_bytes());
    let mut t_lines = 0;
    for line in ann.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(fields.len(), 3, "{line:?}");
        if !fields[0].starts_with('T') {
            continue;
        }
        t_lines += 1;
        let (_, ranges) = fields[1].split_once(' ').unwrap();
        let pieces: Vec<String> = ranges
            .split(';')
            .map(|r| {
                let (s, e) = r.split_once(' ').unwrap();
                slice(TEXT, Unit::Chars, s.parse().unwrap(), e.parse().unwrap())
            })
            .collect();
        // brat's own rule: the text field is the fragments joined by one space.
        assert_eq!(fields[2], pieces.join(" "));
        assert!(!fields[2].contains(['\r', '\n']));
    }
    assert_eq!(t_lines, doc.spans.len());
    assert!(
        ann.contains("\tEVENT 157 163;165 169\tended. Then\n"),
        "{ann}"
    );
    assert!(ann.contains("\tReference T1 TIMEX3:2025-01-24\t2025-01-24\n"));
    assert!(ann.contains("\tReference T7 MONEY:≈3500000000USD\t≈3500000000 USD\n"));

    let imported = read(ann, None, Some(txt), Unit::Chars);
    assert_eq!(imported.format, Format::Brat);
    assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
    assert_eq!(imported.document.spans, expected_spans(&doc, Unit::Chars));
    assert_eq!(imported.document.text, TEXT);
}

#[test]
fn web_annotation_selectors_and_bodies() {
    let doc = fixture();
    let json: serde_json::Value =
        serde_json::from_str(&one_file(&doc, Format::WebAnnotation)).unwrap();
    assert_eq!(json["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(json["type"], "AnnotationCollection");
    assert_eq!(json["first"]["type"], "AnnotationPage");
    let items = json["first"]["items"].as_array().unwrap();
    assert_eq!(items.len(), doc.spans.len());
    let char_count = TEXT.chars().count();
    for (item, span) in items.iter().zip(&doc.spans) {
        assert_eq!(item["type"], "Annotation");
        assert!(item["id"]
            .as_str()
            .unwrap()
            .starts_with("urn:lede:Seoul%20talks:annotations:"));
        let selectors = item["target"]["selector"].as_array().unwrap();
        let quote = selectors
            .iter()
            .find(|s| s["type"] == "TextQuoteSelector")
            .unwrap();
        let position = selectors
            .iter()
            .find(|s| s["type"] == "TextPositionSelector")
            .unwrap();
        let (start, end) = (
            position["start"].as_u64().unwrap() as usize,
            position["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(slice(TEXT, Unit::Chars, start, end), span.text);
        assert_eq!(quote["exact"], span.text);
        let prefix = quote["prefix"].as_str().unwrap_or("");
        let suffix = quote["suffix"].as_str().unwrap_or("");
        assert_eq!(prefix.chars().count(), start.min(32));
        assert_eq!(suffix.chars().count(), (char_count - end).min(32));
        assert_eq!(
            slice(TEXT, Unit::Chars, start - prefix.chars().count(), start),
            prefix
        );
        assert_eq!(
            slice(TEXT, Unit::Chars, end, end + suffix.chars().count()),
            suffix
        );
        let bodies = item["body"].as_array().unwrap();
        assert_eq!(
            (&bodies[0]["purpose"], &bodies[0]["value"]),
            (
                &serde_json::json!("tagging"),
                &serde_json::json!(span.label.as_str())
            )
        );
        let described = bodies.iter().find(|b| b["purpose"] == "describing");
        let value =
            described.map(|b| serde_json::from_str::<Value>(b["value"].as_str().unwrap()).unwrap());
        assert_eq!(value, span.value);
        let identified = bodies.iter().find(|b| b["purpose"] == "identifying");
        assert_eq!(identified.is_some(), span.entity.is_some());
    }
}

/// A small RFC 4180 reader: rows of fields, CRLF between rows.
fn read_csv(csv: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut field) = (Vec::new(), Vec::new(), String::new());
    let mut quoted = false;
    let mut chars = csv.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') if chars.peek() == Some(&'\n') => {
                chars.next();
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(
        field.is_empty() && row.is_empty(),
        "the file ends with CRLF"
    );
    rows
}

/// Undoes the formula guard: one leading `'` comes off.
fn unguard(cell: &str) -> &str {
    cell.strip_prefix('\'').unwrap_or(cell)
}

#[test]
fn csv_rows_quote_and_guard_reversibly() {
    let mut doc = fixture();
    // A span whose text a spreadsheet would run as a formula, one with quotes.
    let text = "=HYPERLINK(\"x\") and 'quoted' and -5 today";
    doc.text = text;
    doc.tokens = lede::text::tokenize(text);
    doc.sentences = lede::text::split_sentences(text, &doc.tokens);
    doc.spans = vec![
        Span::new(text, 0, 15, Label::Custom("URL".into()), Source::User).unwrap(),
        Span::new(text, 20, 28, Label::Custom("Q".into()), Source::User).unwrap(),
        Span::new(text, 33, 35, Label::Cardinal, Source::Rule).unwrap(),
    ];
    let csv = one_file(&doc, Format::Csv);
    assert!(csv.contains("\"'=HYPERLINK(\"\"x\"\")\""), "{csv}");
    assert!(csv.contains(",''quoted',"), "{csv}");
    assert!(csv.contains(",'-5,"), "{csv}");
    let rows = read_csv(&csv);
    for (row, span) in rows[1..].iter().zip(&doc.spans) {
        assert_eq!(unguard(&row[3]), span.text);
    }

    let doc = fixture();
    let rows = read_csv(&one_file(&doc, Format::Csv));
    assert_eq!(
        rows[0],
        ["start", "end", "label", "text", "value", "display", "source", "score", "entity"]
    );
    assert_eq!(rows.len(), doc.spans.len() + 1);
    for (row, span) in rows[1..].iter().zip(expected_spans(&doc, Unit::Chars)) {
        assert_eq!(row.len(), 9);
        let (start, end): (usize, usize) = (row[0].parse().unwrap(), row[1].parse().unwrap());
        assert_eq!((start, end), (span.start, span.end));
        assert_eq!(slice(TEXT, Unit::Chars, start, end), unguard(&row[3]));
        assert_eq!(unguard(&row[2]), span.label.as_str());
        let value =
            (!row[4].is_empty()).then(|| serde_json::from_str::<Value>(unguard(&row[4])).unwrap());
        assert_eq!(value, span.value);
        assert_eq!(
            row[5],
            span.value.as_ref().map(Value::display).unwrap_or_default()
        );
        assert_eq!(
            row[6],
            serde_json::to_value(span.source).unwrap().as_str().unwrap()
        );
        assert_eq!(row[7].parse::<f32>().unwrap(), span.score);
        assert_eq!(
            row[8],
            span.entity.map(|e| e.to_string()).unwrap_or_default()
        );
    }
}

#[test]
fn import_keeps_one_layer_and_reports_what_it_left_out() {
    let ann = "T1\tORG 0 12\tNew York Times\nT2\tGPE 0 8\tNew York\nT3\tORG 13 18\tTimes\nA1\tNegated T1\n";
    let text = "New York Times";
    let err = export::read(
        ann,
        &ReadOptions {
            companion: Some(text),
            ..ReadOptions::default()
        },
    )
    .unwrap_err();
    assert!(matches!(err, ImportError::TextMismatch { .. }), "{err}");
    let ann = "T1\tORG 0 14\tNew York Times\nT2\tGPE 0 8\tNew York\nT3\tORG 9 14\tTimes\nA1\tNegated T1\n";
    let imported = read(ann, None, Some(text), Unit::Chars);
    assert_eq!(imported.document.spans.len(), 1);
    assert_eq!(imported.document.spans[0].text, "New York Times");
    let messages: Vec<String> = imported.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(imported.warnings.len(), 3, "{messages:?}");
    assert!(matches!(
        imported.warnings[0],
        ImportWarning::UnsupportedLines {
            count: 1,
            first_line: 4
        }
    ));
    assert!(
        messages[1]
            .starts_with("left out T2 on line 2 (GPE) at 0..8: it overlaps T1 on line 1 (ORG)"),
        "{messages:?}"
    );
}

#[test]
fn refused_offsets_name_the_span() {
    let json = |spans: serde_json::Value| {
        serde_json::json!({"text": TEXT, "offsets": "utf16", "spans": spans}).to_string()
    };
    let cases = [
        (
            json(serde_json::json!([{"start": 0, "end": 99999, "label": "X"}])),
            "past the end of the text",
        ),
        (
            json(serde_json::json!([{"start": 0, "end": 5, "label": "X", "text": "SEOUM"}])),
            "does not match",
        ),
        (
            json(serde_json::json!([{"start": 28, "end": 33, "label": "X"}])),
            "inside a character",
        ),
        (
            json(serde_json::json!([{"start": 5, "end": 5, "label": "X"}])),
            "is empty",
        ),
    ];
    for (input, expected) in cases {
        let err = export::read(&input, &ReadOptions::default()).unwrap_err();
        let message = err.to_string();
        assert!(
            message.starts_with("spans[0] (X)") && message.contains(expected),
            "{message}"
        );
    }
    let err = export::read(
        "{\"text\": \"a\", \"offsets\": \"chars\",\n \"spans\": [{\"start\": 0}]}",
        &ReadOptions::default(),
    )
    .unwrap_err();
    assert!(matches!(err, ImportError::Json { line: 2, .. }), "{err}");
}

// --- the CLI ---------------------------------------------------------------

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// A fresh directory for one test.
fn scratch(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("lede-export-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The fixture as the page or `lede annotate --offsets utf16` would write it.
fn utf16_json(doc: &Document<'_>) -> String {
    let mut record = DocumentRecord::new(doc, Unit::Utf16);
    record.name = Some("Seoul talks.txt".into());
    record.id = Some(serde_json::json!(42));
    serde_json::to_string(&record).unwrap()
}

#[test]
fn cli_export_writes_what_the_core_writes() {
    let doc = fixture();
    let input = utf16_json(&doc);
    for format in Format::ALL {
        if format == Format::Brat {
            continue;
        }
        let out = stdout(&lede(
            &["export", "--format", format.as_str()],
            input.as_bytes(),
        ));
        assert_eq!(out, one_file(&doc, format), "{format}");
    }
    let dir = scratch("brat");
    let out = lede(
        &[
            "export",
            "--format",
            "brat",
            "--out",
            dir.to_str().unwrap(),
            "-",
        ],
        input.as_bytes(),
    );
    let listed = stdout(&out);
    assert_eq!(listed.lines().count(), 2);
    let files = export::write(&doc, Format::Brat, &named());
    for f in &files {
        assert_eq!(std::fs::read_to_string(dir.join(&f.name)).unwrap(), f.text);
    }

    // `lede import` gives back the same spans, from lede JSON, Prodigy and brat.
    let ann = dir.join("Seoul talks.ann");
    let json_file = dir.join("doc.json");
    std::fs::write(&json_file, &input).unwrap();
    let imported = stdout(&lede(&["import", ann.to_str().unwrap()], b""));
    let imported: DocumentRecord<'_> = serde_json::from_str(&imported).unwrap();
    assert_eq!(imported.spans, expected_spans(&doc, Unit::Chars));
    let args = ["import", json_file.to_str().unwrap(), "--offsets", "utf16"];
    let imported = stdout(&lede(&args, b""));
    let imported: DocumentRecord<'_> = serde_json::from_str(&imported).unwrap();
    assert_eq!(imported.spans, expected_spans(&doc, Unit::Utf16));
    assert_eq!(imported.name.as_deref(), Some("Seoul talks.txt"));
    let prodigy = one_file(&doc, Format::ProdigyJsonl);
    let imported = stdout(&lede(&["import", "-", "--pretty"], prodigy.as_bytes()));
    let imported: serde_json::Value = serde_json::from_str(&imported).unwrap();
    let labels: Vec<&str> = imported["spans"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["label"].as_str().unwrap())
        .collect();
    let want: Vec<&str> = doc.spans.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(labels, want);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn cli_errors_are_one_line_with_exit_status() {
    let doc = fixture();
    let input = utf16_json(&doc);
    let cases: [(&[&str], &[u8], i32, &str); 8] = [
        (&["export", "--format", "docx"], b"{}", 2, "unknown format \"docx\""),
        (&["export"], b"{}", 2, "--format is required"),
        (&["export", "--format", "brat"], b"{}", 2, "give --out DIR"),
        (&["export", "--format", "csv"], b"{\"text\": 1}", 1, "JSON error at line 1"),
        (
            &["export", "--format", "csv"],
            br#"{"text": "Kyiv", "spans": [{"start": 0, "end": 4, "label": "GPE"}, {"start": 1, "end": 3, "label": "X"}]}"#,
            1,
            "spans[1] (X) at 1..3 overlaps spans[0] (GPE)",
        ),
        (&["import", "-"], b"-DOCSTART- -X- -X- O\n", 1, "lede writes but does not read"),
        (&["import", "-", "--format", "brat"], b"T1\tX 0 1\ta\n", 1, "give --txt FILE"),
        (&["import", "--format", "csv", "-"], b"", 2, "--format must be"),
    ];
    for (args, stdin, code, message) in cases {
        let out = lede(args, stdin);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(code), "{args:?}: {err}");
        assert!(
            err.starts_with("lede: ") && err.contains(message),
            "{args:?}: {err}"
        );
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    }
    let two = format!("{input}\n{input}\n");
    let out = lede(&["export", "--format", "csv"], two.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("holds 2 documents"));
    // Import reports what it left out on stderr and succeeds.
    let overlapping = r#"{"text": "Kyiv", "spans": [{"start": 0, "end": 4, "label": "GPE"}, {"start": 1, "end": 3, "label": "X"}]}"#;
    let out = lede(&["import", "-"], overlapping.as_bytes());
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr)
        .starts_with("lede: warning: stdin: left out spans[1] (X)"));
}

// --- properties ------------------------------------------------------------

const PIECES: &[&str] = &[
    "Kyiv",
    "talks",
    "U.S.",
    "3.5",
    "%",
    "$",
    "H5N1",
    "東京",
    "👩🏽‍💻",
    "🇺🇦",
    "👍🏿",
    "שָׁלוֹם",
    "e\u{301}",
    "العربية",
    ".",
    ",",
    " ",
    " ",
    "\r\n",
    "\n\n",
    "\u{a0}",
    "\t",
    "-",
];

fn text_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|parts| parts.concat())
}

/// Non-overlapping spans at char boundaries from `cuts`, kept only where they
/// cover a token (a whitespace-only span is not a lede span).
fn spans_from_cuts<'t>(doc: &Document<'t>, cuts: &[usize]) -> Vec<Span<'t>> {
    let text = doc.text;
    let bounds: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    let mut points: Vec<usize> = cuts.iter().map(|c| bounds[c % bounds.len()]).collect();
    points.sort_unstable();
    points.dedup();
    points
        .chunks_exact(2)
        .enumerate()
        .filter(|(_, pair)| {
            doc.tokens
                .iter()
                .any(|t| (t.start as usize) < pair[1] && (t.end as usize) > pair[0])
        })
        .map(|(i, pair)| {
            let label = if i % 2 == 0 {
                Label::Gpe
            } else {
                Label::Custom("X".into())
            };
            let mut span = Span::new(text, pair[0], pair[1], label, Source::User).unwrap();
            if i % 3 == 0 {
                span.value = Some(Value::Number {
                    number: i as f64,
                    modifier: None,
                });
            }
            span
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn every_format_writes_and_the_readable_ones_read_back(
        text in text_strategy(),
        cuts in prop::collection::vec(0usize..10_000, 0..12),
    ) {
        let mut doc = annotate(&text, &Options::default()).unwrap();
        doc.spans = spans_from_cuts(&doc, &cuts);
        let expected = expected_spans(&doc, Unit::Utf16);
        for format in Format::ALL {
            let files = export::write(&doc, format, &WriteOptions::default());
            prop_assert!(!files.is_empty());
        }
        let json = one_file(&doc, Format::LedeJson);
        prop_assert_eq!(&read(&json, None, None, Unit::Utf16).document.spans, &expected);
        let prodigy = one_file(&doc, Format::ProdigyJsonl);
        let from_prodigy = read(&prodigy, Some(Format::ProdigyJsonl), None, Unit::Utf16).document.spans;
        let ranges = |spans: &[SpanRecord<'_>]| spans.iter().map(|s| (s.start, s.end, s.label.clone(), s.value.clone())).collect::<Vec<_>>();
        prop_assert_eq!(ranges(&from_prodigy), ranges(&expected));
        // brat drops line breaks at a span's edges (documented); others come back exactly.
        let brat = export::write(&doc, Format::Brat, &WriteOptions::default());
        let from_brat = read(&brat[1].text, None, Some(&brat[0].text), Unit::Utf16).document.spans;
        let edge_break = |s: &Span<'_>| s.text.starts_with(['\r', '\n']) || s.text.ends_with(['\r', '\n']);
        if !doc.spans.iter().any(edge_break) {
            prop_assert_eq!(&from_brat, &expected);
        } else {
            prop_assert_eq!(from_brat.len(), expected.len());
        }
        // CoNLL: one B- run per span, each within its span.
        let (_, runs) = read_conll(&text, &one_file(&doc, Format::Conll2003));
        prop_assert_eq!(runs.len(), doc.spans.len());
        for ((start, end, label), span) in runs.iter().zip(&doc.spans) {
            prop_assert!(span.start <= *start && *end <= span.end);
            prop_assert_eq!(label.as_str(), span.label.as_str());
        }
        prop_assert_eq!(read_csv(&one_file(&doc, Format::Csv)).len(), doc.spans.len() + 1);
    }
}
