//! A compact columnar layout of an annotated document for the web worker: parallel
//! arrays instead of one object per token, so a 10 MB article crosses the wasm
//! boundary as a handful of typed arrays (DESIGN.md "Where speed comes from").
//!
//! Offsets are in the unit chosen at conversion (UTF-16 for JS).

use crate::document::Document;
use crate::text::{OffsetMap, Unit};
use crate::values::{RefDateSource, Value};

/// Parallel arrays describing one document; index `i` of every `span_*` array
/// describes span `i`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FlatDocument {
    /// The reference date (`YYYY-MM-DD`, or with `THH:MM:SS` when a time is known).
    pub ref_date: String,
    /// Where the reference date came from.
    pub ref_date_source: RefDateSource,
    /// `start, end` of every token, interleaved.
    pub tokens: Vec<u32>,
    /// `first token, token end (exclusive)` of every sentence, interleaved.
    pub sentences: Vec<u32>,
    /// `start, end` of every span, interleaved.
    pub spans: Vec<u32>,
    /// Index into `labels` of every span's label.
    pub span_labels: Vec<u16>,
    /// Every span's score.
    pub span_scores: Vec<f32>,
    /// Every span's entity id, or -1.
    pub span_entities: Vec<i32>,
    /// Every span's source as an index into [`SOURCES`].
    pub span_sources: Vec<u8>,
    /// Every span's value (`None` for entities).
    pub span_values: Vec<Option<Value>>,
    /// The distinct label names the spans use, in order of first use.
    pub labels: Vec<String>,
}

/// Names of the span sources, indexed by `span_sources`.
pub const SOURCES: [&str; 4] = ["model", "rule", "user", "import"];

impl FlatDocument {
    /// Lays out `doc` with offsets in `unit`.
    pub fn new(doc: &Document<'_>, unit: Unit) -> FlatDocument {
        let map = OffsetMap::new(doc.text);
        let at = |byte: usize| {
            u32::try_from(map.from_byte(byte, unit)).expect("offsets fit u32: texts are < 4 GiB")
        };
        let mut flat = FlatDocument {
            ref_date: {
                let rd = doc.ref_date.datetime;
                if rd.is_midnight() {
                    rd.date.to_string()
                } else {
                    rd.to_string()
                }
            },
            ref_date_source: doc.ref_date.source,
            tokens: Vec::with_capacity(doc.tokens.len() * 2),
            sentences: Vec::with_capacity(doc.sentences.len() * 2),
            ..FlatDocument::default()
        };
        for t in &doc.tokens {
            flat.tokens
                .extend([at(t.start as usize), at(t.end as usize)]);
        }
        for s in &doc.sentences {
            flat.sentences.extend([s.token_start, s.token_end]);
        }
        for s in &doc.spans {
            flat.spans.extend([at(s.start), at(s.end)]);
            let name = s.label.as_str();
            let index = match flat.labels.iter().position(|l| l == name) {
                Some(i) => i,
                None => {
                    flat.labels.push(name.to_string());
                    flat.labels.len() - 1
                }
            };
            flat.span_labels.push(index as u16);
            flat.span_scores.push(s.score);
            flat.span_entities.push(s.entity.map_or(-1, |e| e as i32));
            flat.span_sources.push(s.source as u8);
            flat.span_values.push(s.value.clone());
        }
        flat
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{annotate, Options};
    use crate::label::Label;
    use crate::span::{Source, Span};

    #[test]
    fn columns_line_up_with_utf16_offsets() {
        let text = "🇺🇦 Kyiv said.";
        let mut doc = annotate(text, &Options::default()).unwrap();
        doc.spans = vec![Span::new(text, 9, 13, Label::Gpe, Source::User).unwrap()];
        let flat = FlatDocument::new(&doc, Unit::Utf16);
        let u16: Vec<u16> = text.encode_utf16().collect();
        let slice = |a: u32, b: u32| String::from_utf16(&u16[a as usize..b as usize]).unwrap();
        assert_eq!(slice(flat.tokens[2], flat.tokens[3]), "Kyiv");
        assert_eq!(slice(flat.spans[0], flat.spans[1]), "Kyiv");
        assert_eq!(flat.labels, ["GPE"]);
        assert_eq!(SOURCES[flat.span_sources[0] as usize], "user");
        assert_eq!(flat.sentences, [0, doc.tokens.len() as u32]);
    }
}
