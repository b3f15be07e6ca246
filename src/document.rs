//! The annotated document and the pipeline that builds it.
//!
//! `annotate` runs every stage in order (tokens → sentences → reference date →
//! values → entities) over the original text, which it never alters. All offsets
//! inside a [`Document`] are UTF-8 bytes; the output records in [`crate::export`]
//! convert them to the unit the caller asks for.

use crate::entities;
use crate::span::{sort_spans, Span};
use crate::text::{split_sentences, tokenize, Sentence, Token};
use crate::values::{self, DateTime, RefDate, RefDateSource};

/// Options for [`annotate`]. The default runs every stage with no reference date.
#[derive(Clone, Debug)]
pub struct Options {
    /// The article's date; when `None` it is detected from the text (default `None`).
    pub ref_date: Option<DateTime>,
    /// The current date, used (and flagged as a guess) when the article states none.
    /// The core never reads a clock; front ends pass it in (default `None`).
    pub today: Option<DateTime>,
    /// Find numbers, dates and other values (default `true`).
    pub values: bool,
    /// Tag named entities (default `true`).
    pub entities: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            ref_date: None,
            today: None,
            values: true,
            entities: true,
        }
    }
}

/// An annotated text. Offsets are UTF-8 bytes into `text`.
#[derive(Clone, Debug)]
pub struct Document<'t> {
    /// The original text, unchanged.
    pub text: &'t str,
    /// The date relative expressions were resolved against.
    pub ref_date: RefDate,
    /// Tokens in text order.
    pub tokens: Vec<Token>,
    /// Sentences in text order, each a run of whole tokens.
    pub sentences: Vec<Sentence>,
    /// Spans sorted by start (longer first at the same start), not overlapping.
    pub spans: Vec<Span<'t>>,
}

/// The longest text accepted, in bytes: offsets are stored as `u32`.
pub const MAX_TEXT_BYTES: usize = u32::MAX as usize - 1;

/// Runs the whole pipeline over `text`.
///
/// # Errors
/// [`AnnotateError::TooLarge`] for texts of 4 GiB or more.
pub fn annotate<'t>(text: &'t str, options: &Options) -> Result<Document<'t>, AnnotateError> {
    if text.len() > MAX_TEXT_BYTES {
        return Err(AnnotateError::TooLarge { len: text.len() });
    }
    let tokens = tokenize(text);
    let sentences = split_sentences(text, &tokens);
    let ref_date = resolve_ref_date(text, &tokens, &sentences, options);
    let value_spans = if options.values {
        values::recognize(text, &tokens, &sentences, &ref_date)
    } else {
        Vec::new()
    };
    let entity_spans = if options.entities {
        entities::tag(text, &tokens, &sentences)
    } else {
        Vec::new()
    };
    let mut spans = merge_layers(value_spans, entity_spans);
    entities::renumber(&mut spans);
    Ok(Document {
        text,
        ref_date,
        tokens,
        sentences,
        spans,
    })
}

fn resolve_ref_date(
    text: &str,
    tokens: &[Token],
    sentences: &[Sentence],
    options: &Options,
) -> RefDate {
    if let Some(datetime) = options.ref_date {
        return RefDate {
            datetime,
            source: RefDateSource::Given,
            found_at: None,
        };
    }
    if let Some(found) = values::detect_ref_date_near(text, tokens, sentences, options.today) {
        return found;
    }
    match options.today {
        Some(datetime) => RefDate {
            datetime,
            source: RefDateSource::Today,
            found_at: None,
        },
        None => RefDate {
            datetime: DateTime::midnight(
                values::Date::new(1970, 1, 1).expect("the epoch is a valid date"),
            ),
            source: RefDateSource::Unknown,
            found_at: None,
        },
    }
}

/// Combines two layers of non-overlapping spans into one. Where spans overlap, the
/// longer one wins ("the 2024 Olympics" EVENT over "2024" DATE); on a tie the
/// first layer wins.
pub fn merge_layers<'t>(first: Vec<Span<'t>>, second: Vec<Span<'t>>) -> Vec<Span<'t>> {
    if second.is_empty() {
        return first;
    }
    if first.is_empty() {
        return second;
    }
    // Rank by length, then layer, then position; keep each span that overlaps none kept before.
    let mut ranked: Vec<(usize, Span<'t>)> = first
        .into_iter()
        .map(|s| (0, s))
        .chain(second.into_iter().map(|s| (1, s)))
        .collect();
    ranked.sort_by(|(la, a), (lb, b)| {
        (b.end - b.start)
            .cmp(&(a.end - a.start))
            .then(la.cmp(lb))
            .then(a.start.cmp(&b.start))
    });
    let mut kept: Vec<Span<'t>> = Vec::with_capacity(ranked.len());
    let mut taken: Vec<(usize, usize)> = Vec::with_capacity(ranked.len()); // sorted by start
    for (_, span) in ranked {
        let at = taken.partition_point(|&(s, _)| s < span.start);
        let clashes_before = at > 0 && taken[at - 1].1 > span.start;
        let clashes_after = taken.get(at).is_some_and(|&(s, _)| s < span.end);
        if !clashes_before && !clashes_after {
            taken.insert(at, (span.start, span.end));
            kept.push(span);
        }
    }
    sort_spans(&mut kept);
    kept
}

/// Why a text could not be annotated.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum AnnotateError {
    /// The text is 4 GiB or larger.
    TooLarge {
        /// Its length in bytes.
        len: usize,
    },
}

impl std::fmt::Display for AnnotateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AnnotateError::TooLarge { len } => {
                write!(f, "text of {len} bytes is too large (the limit is 4 GiB)")
            }
        }
    }
}

impl std::error::Error for AnnotateError {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::label::Label;
    use crate::span::Source;

    const TEXT: &str = "the 2024 Olympics in Paris";

    fn span(start: usize, end: usize, label: Label) -> Span<'static> {
        Span::new(TEXT, start, end, label, Source::Rule).unwrap()
    }

    #[test]
    fn longer_span_wins_and_order_is_kept() {
        let values = vec![span(4, 8, Label::Date)];
        let entities = vec![span(4, 17, Label::Event), span(21, 26, Label::Gpe)];
        let merged = merge_layers(values, entities);
        let got: Vec<_> = merged.iter().map(|s| (s.text, s.label.clone())).collect();
        assert_eq!(
            got,
            [("2024 Olympics", Label::Event), ("Paris", Label::Gpe)]
        );
    }

    #[test]
    fn ties_go_to_the_first_layer() {
        let merged = merge_layers(
            vec![span(21, 26, Label::Date)],
            vec![span(21, 26, Label::Gpe)],
        );
        assert_eq!(merged.len(), 1);
        assert_eq!(merged[0].label, Label::Date);
    }

    #[test]
    fn empty_and_whitespace_texts_annotate() {
        for text in ["", " ", "\n\n\t", "\u{a0}\u{200b}"] {
            let doc = annotate(text, &Options::default()).unwrap();
            assert!(doc.tokens.is_empty() && doc.sentences.is_empty() && doc.spans.is_empty());
        }
    }

    #[test]
    fn ref_date_precedence() {
        let given = DateTime::parse("2025-01-24").unwrap();
        let today = DateTime::parse("2026-11-28").unwrap();
        let opts = Options {
            ref_date: Some(given),
            today: Some(today),
            ..Options::default()
        };
        assert_eq!(
            annotate("x", &opts).unwrap().ref_date.source,
            RefDateSource::Given
        );
        let opts = Options {
            today: Some(today),
            ..Options::default()
        };
        let doc = annotate("no date here", &opts).unwrap();
        assert_eq!(
            (doc.ref_date.datetime, doc.ref_date.source),
            (today, RefDateSource::Today)
        );
        assert!(doc.ref_date.is_guess());
    }
}
