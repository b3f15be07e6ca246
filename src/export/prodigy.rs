//! Prodigy / spaCy JSONL: one task per line with `text`, `tokens` and `spans`.
//!
//! Offsets are code points (Python `str` indices), end exclusive; `token_end` is
//! inclusive, as Prodigy has it. Tokens carry `text`, `start`, `end`, `id` and
//! `ws` (a boolean: whitespace follows the token). They are the tokenizer's
//! tokens, split where a span edge cuts one ([`super::tokens`]), so every span
//! starts at its first token's start and ends at its last token's end. Each span
//! also carries its `text` and, when it has one, lede's normalized `value`
//! (Prodigy keeps extra span keys); `meta` holds `name` and `id` when known, and
//! `ref_date` and `ref_date_source`.
//!
//! Reading takes the first task of the file (one JSON object, or the first line)
//! and reports how many more there were; spans come from `spans`, or spaCy's
//! `ents` when there is no `spans`. Token indices are not read: the offsets are
//! authoritative and the tokens are recomputed.

use super::import::{self, first_json, ImportError, ImportWarning, Incoming, Parsed, SpanId};
use super::json::ref_date_text;
use super::tokens::align;
use super::WriteOptions;
use crate::document::Document;
use crate::label::Label;
use crate::span::Source;
use crate::text::{OffsetMap, Unit};
use crate::values::{RefDateSource, Value};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

#[derive(Serialize)]
struct Task<'a> {
    text: &'a str,
    tokens: Vec<TaskToken<'a>>,
    spans: Vec<TaskSpan<'a>>,
    meta: Meta<'a>,
}

#[derive(Serialize)]
struct TaskToken<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    id: usize,
    ws: bool,
}

#[derive(Serialize)]
struct TaskSpan<'a> {
    start: usize,
    end: usize,
    token_start: usize,
    token_end: usize,
    label: &'a str,
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<&'a Value>,
}

#[derive(Serialize)]
struct Meta<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a serde_json::Value>,
    ref_date: String,
    ref_date_source: RefDateSource,
}

/// One JSONL line (with its newline) for `doc`.
pub(crate) fn write(doc: &Document<'_>, map: &OffsetMap, options: &WriteOptions) -> String {
    let aligned = align(doc);
    let at = |byte: usize| map.from_byte(byte, Unit::Chars);
    let tokens = aligned
        .tokens
        .iter()
        .enumerate()
        .map(|(id, t)| {
            let next = aligned
                .tokens
                .get(id + 1)
                .map_or(doc.text.len(), |n| n.start);
            TaskToken {
                text: &doc.text[t.clone()],
                start: at(t.start),
                end: at(t.end),
                id,
                ws: next > t.end,
            }
        })
        .collect();
    let spans = doc
        .spans
        .iter()
        .zip(&aligned.spans)
        .filter_map(|(span, range)| {
            let (token_start, token_end) = (*range)?;
            Some(TaskSpan {
                start: at(span.start),
                end: at(span.end),
                token_start,
                token_end,
                label: span.label.as_str(),
                text: span.text,
                value: span.value.as_ref(),
            })
        })
        .collect();
    let task = Task {
        text: doc.text,
        tokens,
        spans,
        meta: Meta {
            name: options.name.as_deref(),
            id: options.id.as_ref(),
            ref_date: ref_date_text(&doc.ref_date),
            ref_date_source: doc.ref_date.source,
        },
    };
    let mut line = serde_json::to_string(&task).expect("a task serializes: its keys are strings");
    line.push('\n');
    line
}

#[derive(Deserialize)]
struct InTask<'a> {
    #[serde(borrow)]
    text: Cow<'a, str>,
    #[serde(default)]
    spans: Option<Vec<InSpan>>,
    #[serde(default)]
    ents: Option<Vec<InSpan>>,
    #[serde(default)]
    meta: Option<serde_json::Value>,
}

#[derive(Deserialize)]
struct InSpan {
    start: usize,
    end: usize,
    label: Label,
    #[serde(default)]
    text: Option<String>,
    #[serde(default, deserialize_with = "import::value_via_json")]
    value: Option<Value>,
}

/// Reads the first task of `input`.
pub(crate) fn read(input: &str) -> Result<Parsed<'_>, ImportError> {
    let (task, more) = first_json::<InTask<'_>>(input)?;
    let mut warnings = Vec::new();
    if more > 0 {
        warnings.push(ImportWarning::MoreDocuments { count: more });
    }
    // Foreign tasks put anything in `meta`; use only what is lede's and well formed.
    let meta = task.meta.unwrap_or_default();
    let meta_str = |key: &str| meta.get(key).and_then(serde_json::Value::as_str);
    let source = meta_str("ref_date_source")
        .and_then(|s| serde_json::from_value(serde_json::Value::from(s)).ok());
    let ref_date = match import::ref_date(meta_str("ref_date"), source) {
        Ok(ref_date) => ref_date,
        Err(ImportError::RefDate { error }) => {
            warnings.push(ImportWarning::RefDateIgnored { error });
            import::unknown_ref_date()
        }
        Err(other) => return Err(other),
    };
    let spans = task
        .spans
        .or(task.ents)
        .unwrap_or_default()
        .into_iter()
        .enumerate()
        .map(|(index, s)| Incoming {
            id: SpanId {
                index,
                name: None,
                line: None,
                label: s.label.to_string(),
            },
            start: s.start,
            end: s.end,
            label: s.label,
            text: s.text,
            value: s.value,
            source: Source::Import,
            score: 1.0,
            entity: None,
        })
        .collect();
    Ok(Parsed {
        text: task.text,
        unit: Unit::Chars,
        ref_date,
        id: meta.get("id").cloned(),
        name: meta_str("name").map(str::to_string),
        spans,
        warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{annotate, Options};
    use crate::span::Span;

    const TEXT: &str = "Kyiv 🇺🇦 said 3.5% on Jan. 24.\r\nשָׁלוֹם";

    fn doc() -> Document<'static> {
        let mut doc = annotate(TEXT, &Options::default()).unwrap();
        let at = |needle: &str| TEXT.find(needle).unwrap();
        let mut pct =
            Span::new(TEXT, at("3.5"), at("3.5") + 4, Label::Percent, Source::Rule).unwrap();
        pct.value = Some(Value::Percent {
            number: 3.5,
            to: None,
            modifier: None,
        });
        doc.spans = vec![
            Span::new(TEXT, 0, 4, Label::Gpe, Source::Model).unwrap(),
            pct,
            Span::new(TEXT, at("שָׁלוֹם"), TEXT.len(), Label::Person, Source::User).unwrap(),
        ];
        doc
    }

    fn chars(text: &str, start: u64, end: u64) -> String {
        text.chars()
            .skip(start as usize)
            .take((end - start) as usize)
            .collect()
    }

    #[test]
    fn offsets_are_code_points_and_spans_align_to_tokens() {
        let doc = doc();
        let line = write(&doc, &OffsetMap::new(TEXT), &WriteOptions::default());
        assert!(line.ends_with('\n') && line.matches('\n').count() == 1);
        let task: serde_json::Value = serde_json::from_str(&line).unwrap();
        let tokens = task["tokens"].as_array().unwrap();
        for (i, t) in tokens.iter().enumerate() {
            let (s, e) = (t["start"].as_u64().unwrap(), t["end"].as_u64().unwrap());
            assert_eq!(chars(TEXT, s, e), t["text"].as_str().unwrap());
            assert_eq!(t["id"], i);
        }
        assert_eq!(tokens[0]["ws"], true);
        assert_eq!(tokens[tokens.len() - 1]["ws"], false);
        let spans = task["spans"].as_array().unwrap();
        assert_eq!(spans.len(), 3);
        for s in spans {
            let (start, end) = (s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap());
            assert_eq!(chars(TEXT, start, end), s["text"].as_str().unwrap());
            let first = &tokens[s["token_start"].as_u64().unwrap() as usize];
            let last = &tokens[s["token_end"].as_u64().unwrap() as usize];
            assert_eq!(
                (first["start"].as_u64(), last["end"].as_u64()),
                (Some(start), Some(end))
            );
        }
        assert_eq!(spans[1]["value"]["number"], 3.5);
        assert_eq!(task["meta"]["ref_date_source"], "unknown");
    }

    #[test]
    fn reads_back_its_own_output() {
        let doc = doc();
        let line = write(&doc, &OffsetMap::new(TEXT), &WriteOptions::default());
        let parsed = read(&line).unwrap();
        assert_eq!(parsed.text, TEXT);
        let got: Vec<_> = parsed
            .spans
            .iter()
            .map(|s| (s.label.clone(), s.value.clone()))
            .collect();
        let want: Vec<_> = doc
            .spans
            .iter()
            .map(|s| (s.label.clone(), s.value.clone()))
            .collect();
        assert_eq!(got, want);
        assert!(parsed.warnings.is_empty());
    }

    #[test]
    fn reads_foreign_tasks_leniently() {
        let input = concat!(
            r#"{"text":"Apple in Paris","ents":[{"start":9,"end":14,"label":"LOC"}],"#,
            r#""meta":{"source":"x","ref_date":"yesterday"},"answer":"accept"}"#,
            "\n",
            r#"{"text":"second"}"#,
            "\n"
        );
        let parsed = read(input).unwrap();
        assert_eq!(parsed.spans[0].label, Label::Loc);
        assert!(matches!(
            parsed.warnings.as_slice(),
            [
                ImportWarning::MoreDocuments { count: 1 },
                ImportWarning::RefDateIgnored { .. }
            ]
        ));
        assert!(matches!(
            read("{\"spans\":[]}"),
            Err(ImportError::Json { .. })
        ));
    }
}
