//! lede JSON: the CLI's `annotate` output, the wasm API's result and the
//! re-importable export, one schema (README "Output schema").
//!
//! Offsets are in the unit named by the record's `offsets` field (code points by
//! default, UTF-16 for JS, bytes on request); for every token and span,
//! slicing `text` by its offsets in that unit yields its `text`.

use crate::document::Document;
use crate::label::Label;
use crate::span::Source;
use crate::text::{OffsetMap, Unit};
use crate::values::{RefDateSource, Value};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// A whole annotated document with offsets in one unit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocumentRecord<'a> {
    /// The caller's document id, passed through from JSON Lines input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<serde_json::Value>,
    /// The original text.
    #[serde(borrow)]
    pub text: Cow<'a, str>,
    /// The reference date, `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS` when a time is known.
    pub ref_date: String,
    /// Where the reference date came from.
    pub ref_date_source: RefDateSource,
    /// The unit of every offset in this record.
    pub offsets: Unit,
    /// Tokens in text order.
    #[serde(borrow)]
    pub tokens: Vec<TokenRecord<'a>>,
    /// Sentences in text order.
    pub sentences: Vec<SentenceRecord>,
    /// Spans sorted by start.
    #[serde(borrow)]
    pub spans: Vec<SpanRecord<'a>>,
}

/// One token.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenRecord<'a> {
    /// Start offset.
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
    /// The token's text.
    #[serde(borrow)]
    pub text: Cow<'a, str>,
    /// The whitespace between this token and the next (or the end of the text).
    #[serde(borrow)]
    pub ws: Cow<'a, str>,
}

/// One sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentenceRecord {
    /// Start offset of its first token.
    pub start: usize,
    /// End offset of its last token (exclusive).
    pub end: usize,
}

/// One span.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SpanRecord<'a> {
    /// Start offset.
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
    /// The label.
    pub label: Label,
    /// The covered text.
    #[serde(borrow)]
    pub text: Cow<'a, str>,
    /// The normalized value, `null` when the span has none.
    pub value: Option<Value>,
    /// Who produced the span.
    pub source: Source,
    /// Confidence in [0, 1].
    pub score: f32,
    /// Mentions of one entity share this id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<u32>,
}

impl<'a> DocumentRecord<'a> {
    /// Converts `doc` to a record with offsets in `unit`, borrowing its text.
    pub fn new(doc: &Document<'a>, unit: Unit) -> DocumentRecord<'a> {
        let map = OffsetMap::new(doc.text);
        Self::with_map(doc, unit, &map)
    }

    /// Like [`DocumentRecord::new`] with an offset map the caller already built.
    pub fn with_map(doc: &Document<'a>, unit: Unit, map: &OffsetMap) -> DocumentRecord<'a> {
        let text = doc.text;
        let at = |byte: u32| map.from_byte(byte as usize, unit);
        let tokens = doc
            .tokens
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let ws_end = doc
                    .tokens
                    .get(i + 1)
                    .map_or(text.len(), |n| n.start as usize);
                TokenRecord {
                    start: at(t.start),
                    end: at(t.end),
                    text: Cow::Borrowed(t.text(text)),
                    ws: Cow::Borrowed(&text[t.end as usize..ws_end]),
                }
            })
            .collect();
        let sentences = doc
            .sentences
            .iter()
            .map(|s| SentenceRecord {
                start: at(s.start),
                end: at(s.end),
            })
            .collect();
        let spans = doc
            .spans
            .iter()
            .map(|s| SpanRecord {
                start: map.from_byte(s.start, unit),
                end: map.from_byte(s.end, unit),
                label: s.label.clone(),
                text: Cow::Borrowed(s.text),
                value: s.value.clone(),
                source: s.source,
                score: s.score,
                entity: s.entity,
            })
            .collect();
        let rd = doc.ref_date.datetime;
        let ref_date = if rd.is_midnight() {
            rd.date.to_string()
        } else {
            rd.to_string()
        };
        DocumentRecord {
            id: None,
            text: Cow::Borrowed(text),
            ref_date,
            ref_date_source: doc.ref_date.source,
            offsets: unit,
            tokens,
            sentences,
            spans,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{annotate, Options};

    const TEXT: &str = "Zelenskiy 👩🏽‍💻 met 東京 officials in Kyiv.\r\nDone.";

    fn slice(text: &str, unit: Unit, start: usize, end: usize) -> String {
        match unit {
            Unit::Bytes => text[start..end].to_string(),
            Unit::Chars => text.chars().skip(start).take(end - start).collect(),
            Unit::Utf16 => {
                let u: Vec<u16> = text.encode_utf16().collect();
                String::from_utf16(&u[start..end]).unwrap()
            }
        }
    }

    #[test]
    fn offsets_slice_back_in_every_unit() {
        let doc = annotate(TEXT, &Options::default()).unwrap();
        for unit in [Unit::Bytes, Unit::Chars, Unit::Utf16] {
            let rec = DocumentRecord::new(&doc, unit);
            assert_eq!(rec.offsets, unit);
            for t in &rec.tokens {
                assert_eq!(slice(TEXT, unit, t.start, t.end), t.text, "{unit:?}");
            }
            for s in &rec.sentences {
                assert!(s.start < s.end);
            }
        }
    }

    #[test]
    fn tokens_and_ws_rebuild_the_text() {
        let text = "  lead\u{a0}ws\n\nand tail  ";
        let doc = annotate(text, &Options::default()).unwrap();
        let rec = DocumentRecord::new(&doc, Unit::Chars);
        let first = doc.tokens[0].start as usize;
        let rebuilt: String = std::iter::once(&text[..first])
            .chain(rec.tokens.iter().flat_map(|t| [&*t.text, &*t.ws]))
            .collect();
        assert_eq!(rebuilt, text);
    }

    #[test]
    fn json_round_trip() {
        let doc = annotate(TEXT, &Options::default()).unwrap();
        let rec = DocumentRecord::new(&doc, Unit::Utf16);
        let json = serde_json::to_string(&rec).unwrap();
        let back: DocumentRecord = serde_json::from_str(&json).unwrap();
        assert_eq!(back, rec);
        assert!(json.starts_with(r#"{"text":"#));
    }
}
