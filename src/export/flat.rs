//! A compact columnar layout of an annotated document for the web worker: parallel
//! arrays instead of one object per token, so a 10 MB article crosses the wasm
//! boundary as a handful of typed arrays (DESIGN.md "Where speed comes from").
//!
//! Offsets are in the unit chosen at conversion (UTF-16 for JS).

use crate::document::{annotate_windows, AnnotateError, Document, Options, WINDOW_BYTES};
use crate::export::json::ref_date_text;
use crate::text::{OffsetMap, Unit};
use crate::values::{RefDate, RefDateSource, Value};

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
        let mut flat = FlatDocument {
            ref_date: ref_date_text(&doc.ref_date),
            ref_date_source: doc.ref_date.source,
            ..FlatDocument::default()
        };
        flat.append(doc, 0, unit, 0, 0);
        flat
    }

    /// Annotates `text` window by window ([`FlatDocument::annotate_pieces`]) into
    /// one layout.
    ///
    /// # Errors
    /// As [`annotate_windows`].
    pub fn annotate(
        text: &str,
        options: &Options,
        unit: Unit,
    ) -> Result<FlatDocument, AnnotateError> {
        let mut flat = FlatDocument::default();
        let ref_date =
            FlatDocument::annotate_pieces(text, options, unit, |piece| flat.extend(piece))?;
        flat.ref_date = ref_date_text(&ref_date);
        flat.ref_date_source = ref_date.source;
        Ok(flat)
    }

    /// Annotates `text` window by window ([`annotate_windows`]) and hands `each`
    /// one window's columns at a time, so only one window's tokens, spans and
    /// working memory exist at once (a 10 MB text peaked at 128 MB of wasm memory
    /// as one document). Offsets, token indices and entity ids in a piece are
    /// already the whole text's; a piece's `labels` is every label seen so far,
    /// which its `span_labels` index. Returns the reference date.
    ///
    /// # Errors
    /// As [`annotate_windows`].
    pub fn annotate_pieces(
        text: &str,
        options: &Options,
        unit: Unit,
        mut each: impl FnMut(&FlatDocument),
    ) -> Result<RefDate, AnnotateError> {
        let mut piece = FlatDocument::default();
        let mut base = 0usize; // `unit` offset of the current window's start
        let mut done = 0usize; // bytes of text before it
        let mut tokens_before = 0u32;
        let mut next_entity = 0i32;
        annotate_windows(text, options, WINDOW_BYTES, |start, doc| {
            base += OffsetMap::new(&text[done..start]).len_in(unit);
            done = start;
            piece.clear_columns();
            piece.append(&doc, base, unit, tokens_before, next_entity);
            tokens_before += doc.tokens.len() as u32;
            // Ids in a window count from 0, so the piece's largest is the last used.
            if let Some(last) = piece
                .span_entities
                .iter()
                .copied()
                .max()
                .filter(|&m| m >= 0)
            {
                next_entity = last + 1;
            }
            each(&piece);
        })
    }

    /// Empties every column but `labels`.
    fn clear_columns(&mut self) {
        self.tokens.clear();
        self.sentences.clear();
        self.spans.clear();
        self.span_labels.clear();
        self.span_scores.clear();
        self.span_entities.clear();
        self.span_sources.clear();
        self.span_values.clear();
    }

    /// Appends a piece from [`FlatDocument::annotate_pieces`].
    fn extend(&mut self, piece: &FlatDocument) {
        self.tokens.extend_from_slice(&piece.tokens);
        self.sentences.extend_from_slice(&piece.sentences);
        self.spans.extend_from_slice(&piece.spans);
        self.span_labels.extend_from_slice(&piece.span_labels);
        self.span_scores.extend_from_slice(&piece.span_scores);
        self.span_entities.extend_from_slice(&piece.span_entities);
        self.span_sources.extend_from_slice(&piece.span_sources);
        self.span_values.extend_from_slice(&piece.span_values);
        self.labels.clone_from(&piece.labels);
    }

    /// Appends one window's document whose first byte is at `base` (in `unit`) of
    /// the whole text, with `tokens_before` tokens and entity ids below
    /// `entity_base` before it.
    fn append(
        &mut self,
        doc: &Document<'_>,
        base: usize,
        unit: Unit,
        tokens_before: u32,
        entity_base: i32,
    ) {
        let map = OffsetMap::new(doc.text);
        let mut cursor = map.cursor(unit);
        let mut at = |byte: usize| {
            u32::try_from(base + cursor.at(byte)).expect("offsets fit u32: texts are < 4 GiB")
        };
        self.tokens.reserve(doc.tokens.len() * 2);
        for t in &doc.tokens {
            self.tokens
                .extend([at(t.start as usize), at(t.end as usize)]);
        }
        for s in &doc.sentences {
            self.sentences
                .extend([tokens_before + s.token_start, tokens_before + s.token_end]);
        }
        for s in &doc.spans {
            self.spans.extend([at(s.start), at(s.end)]);
            let name = s.label.as_str();
            let index = match self.labels.iter().position(|l| l == name) {
                Some(i) => i,
                None => {
                    self.labels.push(name.to_string());
                    self.labels.len() - 1
                }
            };
            self.span_labels.push(index as u16);
            self.span_scores.push(s.score);
            self.span_entities
                .push(s.entity.map_or(-1, |e| entity_base + e as i32));
            self.span_sources.push(s.source as u8);
            self.span_values.push(s.value.clone());
        }
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

    #[test]
    fn windowed_layout_equals_the_single_document_one() {
        // Over a megabyte, so it takes several windows; non-ASCII shifts UTF-16 offsets.
        let para = "Zelenskiy 👩🏽‍💻 met 東京 officials in Kyiv on Friday, about 11,000 of them.\n\n";
        let text = para.repeat(WINDOW_BYTES * 3 / para.len());
        let options = Options {
            ref_date: crate::values::DateTime::parse("2025-01-24").ok(),
            ..Options::default()
        };
        let flat = FlatDocument::annotate(&text, &options, Unit::Utf16).unwrap();
        let whole = FlatDocument::new(&annotate(&text, &options).unwrap(), Unit::Utf16);
        assert_eq!(flat.tokens, whole.tokens);
        assert_eq!(flat.sentences, whole.sentences);
        assert_eq!(flat.spans, whole.spans);
        assert_eq!(flat.span_values, whole.span_values);
        assert_eq!(flat.ref_date, whole.ref_date);
        // Ids restart per window in the core; the layout keeps them distinct.
        let windows = text.len() / WINDOW_BYTES;
        let ids: std::collections::BTreeSet<_> =
            flat.span_entities.iter().filter(|&&e| e >= 0).collect();
        assert!(
            ids.len() >= windows,
            "{} ids over {windows} windows",
            ids.len()
        );
    }
}
