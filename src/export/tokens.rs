//! The tokens and sentences the token-based formats (Prodigy JSONL, CoNLL-2003)
//! write, and which of them each span covers.
//!
//! They are the tokenizer's tokens — the ones the page shows — with one
//! exception: a token that a span edge cuts (possible only for imported spans,
//! since the page and the engine snap spans to tokens) is split at that edge, so
//! every span is a whole run of tokens, its offsets stay exact and no tag is
//! dropped or shifted. Sentences are the sentence splitter's, except that two
//! sentences a span crosses are written as one, so no IOB2 run spans a sentence
//! break. Offsets are UTF-8 bytes.

use crate::document::Document;
use std::ops::Range;

/// Tokens, sentences and span coverage for one document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Aligned {
    /// Byte ranges of the tokens to write, in text order.
    pub tokens: Vec<Range<usize>>,
    /// Each sentence to write, as a range of indices into `tokens`.
    pub sentences: Vec<Range<usize>>,
    /// For each span of the document, the indices of its first and last token
    /// (inclusive); `None` for a span covering no token (only whitespace), which
    /// a [`Document`] built by lede never holds.
    pub spans: Vec<Option<(usize, usize)>>,
}

/// Aligns `doc`'s tokens, sentences and spans (see the module docs).
pub fn align(doc: &Document<'_>) -> Aligned {
    let mut edges: Vec<usize> = doc.spans.iter().flat_map(|s| [s.start, s.end]).collect();
    edges.sort_unstable();
    edges.dedup();

    let mut tokens = Vec::with_capacity(doc.tokens.len());
    // The index of the tokenizer's token each written token comes from.
    let mut origin = Vec::with_capacity(doc.tokens.len());
    let mut e = 0;
    for (i, token) in doc.tokens.iter().enumerate() {
        let (mut start, end) = (token.start as usize, token.end as usize);
        while e < edges.len() && edges[e] <= start {
            e += 1;
        }
        while e < edges.len() && edges[e] < end {
            tokens.push(start..edges[e]);
            origin.push(i);
            start = edges[e];
            e += 1;
        }
        tokens.push(start..end);
        origin.push(i);
    }

    let mut sentences: Vec<Range<usize>> = Vec::with_capacity(doc.sentences.len());
    for (k, sentence) in doc.sentences.iter().enumerate() {
        let first = origin.partition_point(|&i| i < sentence.token_start as usize);
        let last = origin.partition_point(|&i| i < sentence.token_end as usize);
        let crossed = k > 0
            && span_crosses(
                doc,
                doc.sentences[k - 1].end as usize,
                sentence.start as usize,
            );
        match sentences.last_mut() {
            Some(open) if crossed => open.end = last,
            _ => sentences.push(first..last),
        }
    }
    if sentences.is_empty() && !tokens.is_empty() {
        sentences.push(0..tokens.len());
    }

    let spans = doc
        .spans
        .iter()
        .map(|span| {
            let first = tokens.partition_point(|t| t.start < span.start);
            let after = tokens.partition_point(|t| t.end <= span.end);
            (first < after).then(|| (first, after - 1))
        })
        .collect();
    Aligned {
        tokens,
        sentences,
        spans,
    }
}

/// True when a span holds text on both sides of a sentence break: before
/// `previous_end` and from `next_start` on.
fn span_crosses(doc: &Document<'_>, previous_end: usize, next_start: usize) -> bool {
    // Spans are sorted and disjoint, so the last one starting before the break
    // is the only one that can reach past it.
    let starting_before = doc.spans.partition_point(|s| s.start < previous_end);
    starting_before > 0 && doc.spans[starting_before - 1].end > next_start
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{annotate, Options};
    use crate::label::Label;
    use crate::span::{Source, Span};

    const TEXT: &str = "Talks in Kyiv ended.\n\nNew talks began in H5N1 labs 👩🏽‍💻.";

    fn doc_with(spans: &[(&str, Label)]) -> Document<'static> {
        crate::export::testing::doc_with(TEXT, spans)
    }

    fn texts(doc: &Document<'_>, aligned: &Aligned) -> Vec<String> {
        aligned
            .tokens
            .iter()
            .map(|t| doc.text[t.clone()].to_string())
            .collect()
    }

    #[test]
    fn without_cut_spans_tokens_are_the_tokenizers() {
        let doc = doc_with(&[("Kyiv", Label::Gpe)]);
        let aligned = align(&doc);
        let expected: Vec<_> = doc.tokens.iter().map(|t| t.range()).collect();
        assert_eq!(aligned.tokens, expected);
        assert_eq!(aligned.sentences.len(), 2);
        let (first, last) = aligned.spans[0].unwrap();
        assert_eq!((first, last), (2, 2));
    }

    #[test]
    fn a_cut_token_is_split_at_the_span_edges() {
        let doc = doc_with(&[("H5", Label::Custom("VIRUS".into())), ("N1", Label::Org)]);
        let aligned = align(&doc);
        let words = texts(&doc, &aligned);
        assert!(words.windows(2).any(|w| w == ["H5", "N1"]), "{words:?}");
        for (span, range) in doc.spans.iter().zip(&aligned.spans) {
            let (first, last) = range.unwrap();
            assert_eq!(aligned.tokens[first].start, span.start);
            assert_eq!(aligned.tokens[last].end, span.end);
        }
    }

    #[test]
    fn a_span_across_a_sentence_break_joins_the_sentences() {
        let doc = doc_with(&[("ended.\n\nNew", Label::Event)]);
        let aligned = align(&doc);
        assert_eq!(aligned.sentences.len(), 1);
        assert_eq!(aligned.sentences[0], 0..aligned.tokens.len());
        let doc = doc_with(&[("Kyiv", Label::Gpe)]);
        assert_eq!(align(&doc).sentences.len(), 2);
    }

    #[test]
    fn whitespace_spans_cover_no_token() {
        let mut doc = doc_with(&[]);
        doc.spans = vec![Span::new(TEXT, 20, 22, Label::Gpe, Source::User).unwrap()];
        assert_eq!(align(&doc).spans, [None]);
    }

    #[test]
    fn empty_text() {
        let doc = annotate("", &Options::default()).unwrap();
        let aligned = align(&doc);
        assert!(aligned.tokens.is_empty() && aligned.sentences.is_empty());
    }
}
