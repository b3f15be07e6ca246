//! lede JSON: the CLI's `annotate` output, the wasm API's result and the
//! re-importable export, one schema (README "Output schema").
//!
//! Offsets are in the unit named by the record's `offsets` field (code points by
//! default, UTF-16 for JS, bytes on request); for every token and span,
//! slicing `text` by its offsets in that unit yields its `text`.
//!
//! [`DocumentRecord`] is what lede writes; [`DocumentInput`] is what it reads back:
//! the same schema with every field but `text` optional and tokens and sentences
//! ignored (they are recomputed), so a page that edited spans, or a person who
//! wrote a file by hand, need not fill in what lede can derive. The export writes
//! code points (`"offsets": "chars"`): files are for people and Python.

use super::import::{
    self, first_json, ImportError, ImportWarning, Incoming, OnConflict, Parsed, SpanId,
};
use super::WriteOptions;
use crate::document::Document;
use crate::label::Label;
use crate::span::Source;
use crate::text::{OffsetMap, Unit};
use crate::values::{RefDate, RefDateSource, Value};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// A whole annotated document with offsets in one unit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocumentRecord<'a> {
    /// The caller's document id, passed through from JSON Lines input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<serde_json::Value>,
    /// The document's name (a file name or title), when it has one; exports
    /// derive their file names from it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
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
    /// The entities the spans mention, one group per `entity` id (absent in
    /// documents written before groups existed).
    #[serde(default)]
    pub entities: Vec<EntityRecord>,
}

/// One entity: the spans (by index into `spans`) that mention it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityRecord {
    /// The id the mentions' spans carry in `entity`.
    pub id: u32,
    /// The entity's label.
    pub label: Label,
    /// Its longest mention.
    pub name: String,
    /// Indices into `spans`, in text order.
    pub mentions: Vec<usize>,
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
        let mut cursor = map.cursor(unit);
        let mut at = |byte: u32| cursor.at(byte as usize);
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
        DocumentRecord {
            id: None,
            name: None,
            text: Cow::Borrowed(text),
            ref_date: ref_date_text(&doc.ref_date),
            ref_date_source: doc.ref_date.source,
            offsets: unit,
            tokens,
            sentences,
            spans,
            entities: crate::entities::groups(&doc.spans)
                .into_iter()
                .map(|g| EntityRecord {
                    id: g.id,
                    label: g.label,
                    name: g.name,
                    mentions: g.mentions,
                })
                .collect(),
        }
    }

    /// Copies every borrowed string, so the record outlives the text it was made from.
    pub fn into_owned(self) -> DocumentRecord<'static> {
        let own = |s: Cow<'_, str>| Cow::Owned(s.into_owned());
        DocumentRecord {
            id: self.id,
            name: self.name,
            text: own(self.text),
            ref_date: self.ref_date,
            ref_date_source: self.ref_date_source,
            offsets: self.offsets,
            tokens: self
                .tokens
                .into_iter()
                .map(|t| TokenRecord {
                    start: t.start,
                    end: t.end,
                    text: own(t.text),
                    ws: own(t.ws),
                })
                .collect(),
            sentences: self.sentences,
            spans: self
                .spans
                .into_iter()
                .map(|s| SpanRecord {
                    text: own(s.text),
                    ..s
                })
                .collect(),
            entities: self.entities,
        }
    }
}

/// The reference date as lede JSON writes it: `YYYY-MM-DD`, with `THH:MM:SS`
/// only when a time of day is known.
pub(crate) fn ref_date_text(ref_date: &RefDate) -> String {
    let rd = ref_date.datetime;
    if rd.is_midnight() {
        rd.date.to_string()
    } else {
        rd.to_string()
    }
}

/// A lede JSON document as lede reads it back: [`DocumentRecord`]'s schema with
/// every field but `text` optional. Missing `offsets` means code points (the
/// schema's default), missing `ref_date` an unknown date, a missing span `source`
/// `import`, a missing `score` 1; `tokens` and `sentences` are ignored.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct DocumentInput<'a> {
    /// The caller's document id.
    #[serde(default)]
    pub id: Option<serde_json::Value>,
    /// The document's name.
    #[serde(default)]
    pub name: Option<String>,
    /// The original text.
    #[serde(borrow)]
    pub text: Cow<'a, str>,
    /// `YYYY-MM-DD[THH:MM[:SS]]`; absent, null or empty when unknown.
    #[serde(default)]
    pub ref_date: Option<String>,
    /// Where the reference date came from (default `given` when a date is stated).
    #[serde(default)]
    pub ref_date_source: Option<RefDateSource>,
    /// The unit of every span offset (default `chars`).
    #[serde(default)]
    pub offsets: Unit,
    /// The spans, in any order.
    #[serde(default)]
    pub spans: Vec<SpanInput>,
}

/// One span of a [`DocumentInput`].
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct SpanInput {
    /// Start offset.
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
    /// The label, built-in or custom.
    pub label: Label,
    /// The covered text; checked against the offsets when present and non-empty.
    #[serde(default)]
    pub text: Option<String>,
    /// The normalized value.
    #[serde(default, deserialize_with = "import::value_via_json")]
    pub value: Option<Value>,
    /// Who produced the span (default `import`).
    #[serde(default)]
    pub source: Option<Source>,
    /// Confidence in [0, 1] (default 1).
    #[serde(default)]
    pub score: Option<f32>,
    /// Entity id.
    #[serde(default)]
    pub entity: Option<u32>,
}

impl<'a> DocumentInput<'a> {
    /// Parses the first lede JSON document of `input` (one JSON object, or the
    /// first line of JSON Lines) and counts the documents after it.
    ///
    /// # Errors
    /// [`ImportError::Json`] with the line and column of malformed input.
    pub fn parse(input: &'a str) -> Result<(DocumentInput<'a>, usize), ImportError> {
        first_json(input.strip_prefix('\u{feff}').unwrap_or(input))
    }

    /// Checks every span against the text and builds the [`Document`] (tokens
    /// and sentences recomputed), with what was left out under
    /// [`OnConflict::KeepFirst`].
    ///
    /// # Errors
    /// [`ImportError`] naming the first span whose offsets do not fit the text
    /// (past its end, inside a character, or not covering the span's `text`),
    /// that overlaps another or covers only whitespace (with
    /// [`OnConflict::Refuse`]); or a `ref_date` that is not a date.
    pub fn to_document(
        &self,
        on_conflict: OnConflict,
    ) -> Result<(Document<'_>, Vec<ImportWarning>), ImportError> {
        let ref_date = import::ref_date(self.ref_date.as_deref(), self.ref_date_source)?;
        let spans = self
            .spans
            .iter()
            .enumerate()
            .map(|(i, s)| s.incoming(i))
            .collect();
        import::assemble(&self.text, self.offsets, ref_date, spans, on_conflict)
    }
}

impl SpanInput {
    fn incoming(&self, index: usize) -> Incoming {
        Incoming {
            id: SpanId {
                index,
                name: None,
                line: None,
                label: self.label.to_string(),
            },
            start: self.start,
            end: self.end,
            label: self.label.clone(),
            text: self.text.clone(),
            value: self.value.clone(),
            source: self.source.unwrap_or(Source::Import),
            score: self.score.unwrap_or(1.0),
            entity: self.entity,
        }
    }
}

/// The lede JSON export: the whole record, code-point offsets, one line.
pub(crate) fn write(doc: &Document<'_>, map: &OffsetMap, options: &WriteOptions) -> String {
    let mut record = DocumentRecord::with_map(doc, Unit::Chars, map);
    record.id = options.id.clone();
    record.name = options.name.clone();
    let mut json =
        serde_json::to_string(&record).expect("a record serializes: its map keys are strings");
    json.push('\n');
    json
}

/// Reads the first lede JSON document of `input`.
pub(crate) fn read(input: &str) -> Result<Parsed<'_>, ImportError> {
    let (doc, more) = DocumentInput::parse(input)?;
    let ref_date = import::ref_date(doc.ref_date.as_deref(), doc.ref_date_source)?;
    let spans = doc
        .spans
        .iter()
        .enumerate()
        .map(|(i, s)| s.incoming(i))
        .collect();
    let warnings = if more > 0 {
        vec![ImportWarning::MoreDocuments { count: more }]
    } else {
        Vec::new()
    };
    Ok(Parsed {
        text: doc.text,
        unit: doc.offsets,
        ref_date,
        id: doc.id,
        name: doc.name,
        spans,
        warnings,
    })
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

    #[test]
    fn input_fills_in_what_it_can_derive() {
        // What a page may send after edits: no offsets unit, no ref date, tokens of
        // its own (ignored), spans without source, score, text or value.
        let input = r#"{"text": "👩🏽‍💻 in Kyiv", "tokens": [{"bogus": true}], "spans": [
            {"start": 8, "end": 12, "label": "GPE", "value": null},
            {"start": 0, "end": 4, "label": "Gadget", "score": null, "text": ""}]}"#;
        let (doc, more) = DocumentInput::parse(input).unwrap();
        assert_eq!((doc.offsets, more), (Unit::Chars, 0));
        let (document, warnings) = doc.to_document(OnConflict::Refuse).unwrap();
        assert!(warnings.is_empty());
        let spans: Vec<_> = document
            .spans
            .iter()
            .map(|s| (s.text, s.source, s.score))
            .collect();
        assert_eq!(
            spans,
            [("👩🏽‍💻", Source::Import, 1.0), ("Kyiv", Source::Import, 1.0)]
        );
        assert_eq!(document.tokens.len(), 3);
        assert_eq!(document.ref_date.source, RefDateSource::Unknown);
    }

    #[test]
    fn written_json_reads_back_and_outlives_its_text() {
        let doc = annotate(TEXT, &Options::default()).unwrap();
        let options = WriteOptions {
            name: Some("n".into()),
            id: Some(serde_json::json!("a-1")),
        };
        let json = write(&doc, &OffsetMap::new(TEXT), &options);
        assert!(json.ends_with('\n') && json.matches('\n').count() == 1);
        let parsed = read(&json).unwrap();
        assert_eq!(
            (parsed.unit, parsed.name.as_deref()),
            (Unit::Chars, Some("n"))
        );
        assert_eq!(parsed.id, Some(serde_json::json!("a-1")));
        let owned: DocumentRecord<'static> = {
            let text = TEXT.to_string();
            let doc = annotate(&text, &Options::default()).unwrap();
            DocumentRecord::new(&doc, Unit::Utf16).into_owned()
        };
        assert_eq!(owned, DocumentRecord::new(&doc, Unit::Utf16));
    }

    #[test]
    fn a_bad_ref_date_or_value_is_refused() {
        let (doc, _) = DocumentInput::parse(r#"{"text": "x", "ref_date": "2025-02-30"}"#).unwrap();
        assert!(matches!(
            doc.to_document(OnConflict::Refuse),
            Err(ImportError::RefDate { .. })
        ));
        let bad_value = r#"{"text": "x", "spans": [{"start": 0, "end": 1, "label": "DATE", "value": {"timex": "2025"}}]}"#;
        assert!(matches!(
            DocumentInput::parse(bad_value),
            Err(ImportError::Json { line: 1, .. })
        ));
    }
}
